"""The quote comparison PDF: technical and service columns, the costs outside the quote as
analysis, only units suitable or difficult that fit, the warning below three valid bids,
ties, and the command line refusing --weights without --scores."""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal as D

from pypdf import PdfReader

from elevator_eval.cli import run_command
from elevator_eval.io.quotes_xlsx import read_quotes
from elevator_eval.procurement import TenderWeights, compare, units_for_comparison
from elevator_eval.report.quotes_report import build_quotes_report
from elevator_eval.resources import resource_path, sample_project_path
from elevator_eval.rulebook import resolve
from elevator_eval.store import open_project
from elevator_eval.suitability import assess


def _raw(comparison, project, lang="zh") -> str:
    buf = io.BytesIO()
    build_quotes_report(comparison, project=project, lang=lang, out=buf)
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages)


def _text(comparison, project, lang="zh") -> str:
    return re.sub(r"\s+", "", _raw(comparison, project, lang))


def _sample():
    project = open_project(sample_project_path())
    products, errors = read_quotes(resource_path("sample", "quotes.xlsx"))
    assert not errors
    return project, products


def test_technical_columns_outside_costs_and_the_warning():
    project, products = _sample()
    units = units_for_comparison(project.units())
    assert units and all(
        assess(u, resolve(project, u)).klass in ("suitable", "difficult") for u in units
    )
    assert len(units) < len(project.units())  # the unsuitable ones are left out
    scores = {
        "AJ-630R": {"technical": 38, "service": 18},
        "HT-630": {"technical": 35, "service": 15},
    }
    c = compare(
        units,
        products,
        weights=TenderWeights(D(40), D(40), D(20)),
        scores=scores,
        count_unknown=False,
    )
    # quantities count only the units where the product fits
    for s in c.summaries:
        assert s.bulk.quantity == s.fits
    text = _text(c, project)
    for head in (
        "能效等级",
        "质保（年）",
        "免费维保（年）",
        "维保费（元/年）",
        "工期（天）",
        "底坑（mm）",
        "门宽（mm）",
        "轿厢（mm）",
        "载重/速度",
        "管线迁改",
        "表具移位",
        "工程保险",
        "不可预见费",
        "不计入法定价格分",
        "仅计入适合或较难加装、且产品适配的单元",
    ):
        assert head in text, head
    assert len(c.tender.scores) < 3
    assert "【注意】有效投标仅" in text and "不足3家" in text and "财政部令第87号" in text
    # one language: no English words of four or more letters outside codes
    words = set(re.findall(r"[A-Za-z]{4,}", _raw(c, project)))
    assert words <= {"kWh"}, words
    en = _text(c, project, "en")
    assert "[Warning]" in en and "Energyclass" in en and "fewerthan3" in en


def test_tied_bids_print_as_tied_with_the_rule():
    project, products = _sample()
    units = units_for_comparison(project.units())
    same = {"technical": 36, "service": 16}
    by = {p.id: p for p in products}
    twin = by["AJ-630R"].__class__(**{**by["AJ-630R"].__dict__, "id": "AJ-630R-B"})
    c = compare(
        units,
        products + [twin],
        weights=TenderWeights(D(40), D(40), D(20)),
        scores={"AJ-630R": same, "AJ-630R-B": same},
        count_unknown=False,
    )
    assert c.tender.winner is None and sorted(c.tender.tied_first) == ["AJ-630R", "AJ-630R-B"]
    text = _text(c, project)
    assert "1（并列）" in text and "并列规则" in text and "随机抽取" in text


def test_report_command_refuses_weights_without_scores(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    code = run_command(
        "report",
        [
            str(sample_project_path()),
            "--kind",
            "quotes",
            "--quotes",
            str(resource_path("sample", "quotes.xlsx")),
            "--weights",
            "price=40,technical=40,service=20",
            "-o",
            str(tmp_path / "q.pdf"),
        ],
        stdout=out,
        stderr=err,
    )
    assert code == 2 and "--scores" in err.getvalue() and not (tmp_path / "q.pdf").exists()
    scores = tmp_path / "s.json"
    scores.write_text(json.dumps({"AJ-630R": {"technical": 38, "service": 18}}), encoding="utf-8")
    code = run_command(
        "report",
        [
            str(sample_project_path()),
            "--kind",
            "quotes",
            "--quotes",
            str(resource_path("sample", "quotes.xlsx")),
            "--weights",
            "price=40,technical=40,service=20",
            "--scores",
            str(scores),
            "-o",
            str(tmp_path / "q.pdf"),
        ],
        stdout=out,
        stderr=err,
    )
    assert code == 0, err.getvalue()
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "q.pdf").pages)
    assert "有效投标仅 1 家" in re.sub(r"\s+", " ", text) or "有效投标仅1家" in re.sub(
        r"\s+", "", text
    )


def test_a_product_without_an_accessible_car_is_marked_as_no_valid_bid():
    """HT-450 (no accessible car) was counted for six units beside the others with only a
    "否" in its row, where the comparison requires an accessible car."""
    project, products = _sample()
    units = units_for_comparison(project.units())
    c = compare(units, products)
    assert c.require_accessible
    lacking = [s.product_id for s in c.summaries if not s.accessible]
    assert lacking == ["HT-450"]
    text = _text(c, project)
    assert "HT-450：轿厢不满足无障碍要求（GB50763-2012《无障碍设计规范》第3.7.2条）" in text
    english = _text(c, project, "en")
    assert "HT-450:thecarisnotaccessible" in english
    c2 = compare(units, products, require_accessible=False)
    assert "不满足无障碍要求" not in _text(c2, project)


def test_the_units_counted_are_classed_by_the_projects_rules():
    """A project whose own suitability ruleset asks a 5 m fire lane: DH-1-1 (4.5 m after the
    works, a major condition under that ruleset) is unsuitable and left out, as the
    project's census and the window's unit list leave it out; a unit that chose a ruleset
    the project defines is classed by it rather than refused as an unknown name."""
    import json

    from elevator_eval.census import census
    from elevator_eval.resources import rules_dir

    project = open_project(sample_project_path())
    mine = json.loads((rules_dir() / "suitability" / "shanghai-2020.json").read_text("utf-8"))
    mine["name"] = "wide-lanes"
    mine["checks"]["fire_lane_narrow"]["min_width_m"] = 5
    project.settings["suitability_rulesets"] = {"wide-lanes": mine}
    before = {u.id for u in units_for_comparison(project.units(), project)}
    assert "DH-1-1" in before
    project.find_unit("DH-1-1").suitability_rules = "wide-lanes"
    counted = {u.id for u in units_for_comparison(project.units(), project)}
    assert counted == before - {"DH-1-1"}
    classes = {r.unit_id: r.klass for r in census(project).rows}
    assert classes["DH-1-1"] == "unsuitable"
    assert counted == {k for k, v in classes.items() if v in ("suitable", "difficult")}
