"""Printed documents: the text that reaches the PDF, escaping, masking, batch, layout."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from fractions import Fraction

import pytest
from pypdf import PdfReader

from elevator_eval.model import Building, Community, Project
from elevator_eval.report.common import esc
from elevator_eval.report.masking import mask_name
from elevator_eval.report.scheme_version import scheme_label
from elevator_eval.unitfile import load_unit

HOSTILE = '<b>张三</b> & <img src="/etc/hostname"/>'
NAMES = ["张喆", "王堃", "李㛃", "欧阳娜娜"]


def _pdf(build, *args, **kw) -> bytes:
    buf = io.BytesIO()
    build(*args, out=buf, **kw)
    data = buf.getvalue()
    assert data.startswith(b"%PDF")
    return data


def _pages(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def _text(data: bytes) -> str:
    return "\n".join(_pages(data))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _image_xobjects(data: bytes) -> int:
    count = 0
    for page in PdfReader(io.BytesIO(data)).pages:
        res = page.get("/Resources")
        xo = res.get_object().get("/XObject") if res else None
        if xo:
            for obj in xo.get_object().values():
                if obj.get_object().get("/Subtype") == "/Image":
                    count += 1
    return count


@pytest.fixture
def unit(example_unit_path):
    u = load_unit(example_unit_path)
    for i, h in enumerate(u.households):
        h.owner_name = NAMES[i % len(NAMES)]
        h.contact = f"139{i:08d}"
    return u


@pytest.fixture(scope="module")
def proposal_text(request):
    from pathlib import Path

    from elevator_eval.report.proposal import build_proposal

    u = load_unit(Path(__file__).parent / "data" / "xingfuli-3-2.unit.json")
    return _text(_pdf(build_proposal, u))


# ------------------------------------------------------------------- text functions


def test_esc_makes_markup_literal():
    assert esc("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert esc("A&B") == "A&amp;B"
    assert esc(None) == ""
    assert esc("a\nb") == "a<br/>b"
    assert esc("x\x00y") == "xy"


@pytest.mark.parametrize(
    "name, masked",
    [
        ("张三", "张*"),
        ("欧阳娜娜", "欧阳**"),
        ("欧阳堃", "欧阳*"),
        ("司马", "司*"),
        ("张", "张*"),
        ("", ""),
        (None, ""),
        (" 李 四 ", "李*"),
        ("A very long name indeed", "A***"),
    ],
)
def test_mask_name(name, masked):
    assert mask_name(name) == masked


def test_notice_period_counts_natural_days():
    from elevator_eval.report.notice import notice_period

    assert notice_period(dt.date(2026, 3, 1)) == (
        dt.date(2026, 3, 1),
        dt.date(2026, 3, 10),
        dt.date(2026, 3, 17),
    )
    assert notice_period(dt.date(2026, 2, 25), 5, 0)[1:] == (
        dt.date(2026, 3, 1),
        dt.date(2026, 3, 1),
    )


def test_scheme_label_changes_with_the_scheme(unit):
    from elevator_eval.costshare import compute_share

    before = scheme_label(unit, compute_share(unit))
    assert before.startswith("v1-") and len(before) == len("v1-") + 8
    assert scheme_label(unit, compute_share(unit)) == before  # deterministic
    changed = unit.clone()
    changed.costs.items_yuan["civil"] += Decimal(1000)
    assert scheme_label(changed, compute_share(changed)) != before
    other_method = unit.clone()
    other_method.share.method = "equal"
    assert scheme_label(other_method, compute_share(other_method)) != before


# ----------------------------------------------------------------------------- proposal


def test_proposal_prints_the_key_numbers(proposal_text):
    text = proposal_text
    squashed = _squash(text)
    for s in (
        "方案书",
        "幸福里小区3号楼2单元",
        "适合加装",
        "楼层系数×面积",
        "表决已通过",
        "第1页/共",
        "平面示意图",
        "实施步骤与时间安排",
        "资料来源",
    ):
        assert s in squashed, s
    # capital 500,000; 40 % subsidy capped at 280,000 -> 200,000; owners 300,000
    for amount in ("500,000", "200,000", "300,000"):
        assert amount in text
    # hand computation: weight = coefficient × area over floors 2-6 (floor 1 exempt)
    areas = {"01": Fraction("56.30"), "02": Fraction("61.05")}
    coef = {
        2: Fraction("0.3"),
        3: Fraction("0.7"),
        4: Fraction("0.8"),
        5: Fraction("0.9"),
        6: Fraction(1),
    }
    total_w = sum(c * (areas["01"] + areas["02"]) for c in coef.values())
    share_601 = Fraction(300000) * coef[6] * areas["01"] / total_w
    assert f"{round(share_601):,}" in text  # 38,900
    share_201 = Fraction(300000) * coef[2] * areas["01"] / total_w
    assert f"{round(share_201):,}" in text  # 11,670
    # yearly running 4000+1200+600+500
    assert "6,300" in text
    # consent: 10 of 12 owners took part, 8 of 10 voted yes
    assert "10/12" in squashed and "8/10" in squashed
    # timeline facts and their sources
    assert "2–3个月" in squashed and "3–6个月" in squashed
    # a Chinese document cites by title: no web address; practice values are labelled
    assert "http" not in text and "经验值：全流程通常3–6个月" in squashed


def test_proposal_prints_every_household_share(unit):
    from elevator_eval.costshare import compute_share
    from elevator_eval.report.common import money_column
    from elevator_eval.report.proposal import build_proposal

    text = _text(_pdf(build_proposal, unit))
    share = compute_share(unit)
    assert sum(h.share_yuan for h in share.households) == Decimal(300000)
    for h, printed in zip(share.households, money_column([h.share_yuan for h in share.households])):
        assert printed in text, h.id
    assert "100.00%" in text


def test_proposal_english(unit):
    from elevator_eval.report.proposal import build_proposal

    text = _text(_pdf(build_proposal, unit, lang="en"))
    for s in (
        "Unit proposal",
        "Capital total",
        "Owners' total",
        "Per-household shares",
        "Page 1 of",
        "Suitable",
    ):
        assert s in text, s


def test_hostile_unit_name_prints_literally_and_embeds_no_file(unit):
    from elevator_eval.report.proposal import build_proposal

    harmless = unit.clone()
    harmless.name = "幸福里"
    unit.name = HOSTILE
    data = _pdf(build_proposal, unit)
    text = _text(data)
    assert HOSTILE in text
    assert "<img" in text
    # no image at all (the shares chart is vector graphics), exactly as with a harmless name
    assert _image_xobjects(data) == _image_xobjects(_pdf(build_proposal, harmless)) == 0


def test_hostile_household_name_in_forms_and_notice(unit):
    from elevator_eval.report.consent_form import build_consent_forms
    from elevator_eval.report.notice import build_notice

    unit.households[0].owner_name = HOSTILE
    unit.households[0].id = "1<0>1&"
    forms = _pdf(build_consent_forms, unit)
    assert HOSTILE in _text(forms)
    assert "1<0>1&" in _text(forms)
    assert _image_xobjects(forms) == 0
    notice = _pdf(build_notice, unit, masked=False)
    assert _squash(HOSTILE) in _squash(_text(notice))  # wraps inside its table cell
    assert _image_xobjects(notice) == 0


def test_rare_characters_in_names_print(unit):
    from elevator_eval.report.consent_form import build_consent_forms

    pages = _pages(_pdf(build_consent_forms, unit))
    joined = "\n".join(pages)
    for name in ("张喆", "王堃", "李㛃"):
        assert name in joined


def test_long_names_wrap_without_error(unit):
    from elevator_eval.report.proposal import build_proposal

    long_name = "幸福里小区" + "很长的单元名称" * 40 + "END"
    unit.name = long_name
    unit.households[0].id = "一零一" * 10
    data = _pdf(build_proposal, unit)
    assert _squash(long_name) in _squash(_text(data))


def test_huge_data_text_never_breaks_the_layout(unit):
    from elevator_eval.report.consent_form import build_consent_forms
    from elevator_eval.report.notice import build_notice

    unit.households[0].owner_name = "王" * 5000  # a table row cannot split over pages
    unit.households[1].id = "X" * 3000
    text = _text(_pdf(build_notice, unit, masked=False))
    assert "王" * 50 in _squash(text)
    assert _pdf(build_consent_forms, unit, households=[unit.households[0].id])


# ------------------------------------------------------------------------ consent forms


def test_consent_forms_one_page_per_owner_without_page_numbers(unit):
    from elevator_eval.costshare import compute_share
    from elevator_eval.report.consent_form import build_consent_forms

    share = compute_share(unit)
    label = scheme_label(unit, share)
    pages = _pages(_pdf(build_consent_forms, unit))
    assert len(pages) == len(unit.households) == 12
    for page, h in zip(pages, unit.households):
        hs = share.household(h.id)
        flat = _squash(page)
        assert f"{h.id}{h.floor}{h.area_m2}" in flat  # the home's row: door, floor, area
        assert label in page
        assert f"是否同意按本方案（版本{label}）加装电梯并按本表所列出资分摊费用" in flat
        assert "计一票" in flat
        assert "第1页" not in flat and "共12页" not in flat  # one-page forms: no page numbers
        assert "身份证号后四位" in flat and "共有人签名" in flat and "代理人签名" in flat
        assert "¥" + f"{hs.share_yuan:,.0f}" in flat
        assert "同意" in page and "反对" in page and "弃权" in page  # the vocabulary's words
        assert "业主签名" in flat
        assert h.owner_name in page


def test_consent_form_for_chosen_households(unit):
    from elevator_eval.report.consent_form import build_consent_forms

    pages = _pages(_pdf(build_consent_forms, unit, households=["601", "602"]))
    assert len(pages) == 2


# ------------------------------------------------------------------------------- notice


def test_notice_masks_names_and_hides_phones(unit):
    from elevator_eval.report.notice import build_notice

    text = _text(_pdf(build_notice, unit, start=dt.date(2026, 3, 1)))
    for h in unit.households:
        assert h.contact not in text
    assert not re.search(r"\d{11}", _squash(text))
    # without named disclosure in the ruleset a posted notice names nobody, masked or not
    assert "张*" not in text and "欧阳*" not in text
    for name in NAMES:
        assert name not in text
    flat = _squash(text)
    assert "2026年3月1日至2026年3月10日" in flat
    assert "2026年3月17日" in flat
    assert "300,000" in flat and "表决已通过" in flat


def test_unmasked_notice_prints_names_and_phones(unit):
    from elevator_eval.report.notice import build_notice

    text = _text(_pdf(build_notice, unit, masked=False))
    assert "张喆" in text and unit.households[0].contact in text
    assert "内部资料，不得张贴" in text and "（内部资料）" in text


def test_named_disclosure_notice_masks_compound_surnames_whole(unit, monkeypatch):
    import dataclasses

    from elevator_eval.report import proposal
    from elevator_eval.report.notice import build_notice

    real = proposal.gather

    def named(u, p=None):
        d = real(u, p)
        d.consent_rules = dataclasses.replace(d.consent_rules, named_disclosure=True)
        return d

    monkeypatch.setattr(proposal, "gather", named)
    text = _text(_pdf(build_notice, unit, start=dt.date(2026, 3, 1)))
    assert "张*" in text and "欧阳**" in text and "欧***" not in text
    for name in NAMES:
        assert name not in text


# -------------------------------------------------------------------------------- census


def test_census_report_counts_every_unit():
    from elevator_eval.report.census_report import build_census_report, census_rows
    from elevator_eval.resources import sample_project_path
    from elevator_eval.rulebook import resolve
    from elevator_eval.store import open_project
    from elevator_eval.suitability import assess

    project = open_project(sample_project_path())
    rows = census_rows(project)
    assert len(rows) == len(project.units())
    data = _pdf(build_census_report, project)
    text = _text(data)
    flat = _squash(text)
    for u in project.units():
        assert u.id in text
    counts = {"suitable": 0, "difficult": 0, "unsuitable": 0}
    for u in project.units():
        counts[assess(u, resolve(project, u)).klass] += 1
    assert f"合计{len(project.units())}100.0%" in flat
    assert f"适合加装{counts['suitable']}" in flat
    assert f"不适合加装{counts['unsuitable']}" in flat
    assert _image_xobjects(data) == 2


# --------------------------------------------------------------------------------- batch


def _project_of(unit, n: int) -> Project:
    units = []
    for i in range(n):
        u = unit.clone()
        u.id = f"U/{i}" if i else "../evil"
        u.name = f"单元 {i}"
        units.append(u)
    b = Building("b1", "1号楼", units[0].building, units)
    return Project("测试街道", [Community("c1", "测试小区", [b])])


def test_batch_writes_every_unit(unit, tmp_path):
    from elevator_eval.report.batch import write_all_proposals

    project = _project_of(unit, 3)
    calls = []
    result = write_all_proposals(
        project, tmp_path / "out", progress=lambda d, t: calls.append((d, t)) or True
    )
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert len(result) == 3 and not result.failures and not result.cancelled
    for p in result:
        assert p.parent == tmp_path / "out"  # unit ids never escape the folder
        assert p.read_bytes().startswith(b"%PDF")
    assert len({p.name for p in result}) == 3


def test_batch_cancel(unit, tmp_path):
    from elevator_eval.report.batch import write_all_proposals

    project = _project_of(unit, 3)
    result = write_all_proposals(project, tmp_path, progress=lambda d, t: d < 1)
    assert result.cancelled and len(result) == 1


def test_batch_result_survives_pickling():
    # the desktop app runs the batch in a worker process and receives the result pickled
    import pickle

    from elevator_eval.report.batch import BatchResult

    result = BatchResult(["a.pdf"])
    result.failures.append(("U1", "share.method: bad"))
    result.cancelled = True
    back = pickle.loads(pickle.dumps(result))
    assert list(back) == ["a.pdf"] and back.failures == result.failures and back.cancelled


def test_batch_records_bad_units(unit, tmp_path):
    from elevator_eval.report.batch import write_all_proposals

    project = _project_of(unit, 2)
    project.units()[1].share.method = "no-such-method"
    result = write_all_proposals(project, tmp_path)
    assert len(result) == 1
    assert result.failures and "share.method" in result.failures[0][1]


# ---------------------------------------------------------------------------- plan, charts


def test_charts_render_chinese_without_missing_glyphs(unit):
    import warnings

    from elevator_eval.report.charts import census_counts_png, class_totals_png

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font"
        pngs = [
            census_counts_png({"喆园小区": {"suitable": 2, "difficult": 1, "unsuitable": 0}}),
            class_totals_png({"suitable": 2, "difficult": 1, "unsuitable": 3}),
        ]
    for png in pngs:
        assert png.startswith(b"\x89PNG")


def test_shares_chart_labels_every_floor(unit):
    from reportlab.graphics.shapes import String

    from elevator_eval.costshare import compute_share
    from elevator_eval.report.charts import shares_by_floor_drawing

    drawing = shares_by_floor_drawing(compute_share(unit), 480, 200)
    texts = set()

    def walk(node):
        for child in getattr(node, "contents", []):
            if isinstance(child, String):
                texts.add(child.text)
            walk(child)

    walk(drawing)
    assert {f"{f}层" for f in range(1, 7)} <= texts
    assert {h.id for h in unit.households} <= texts
    assert "38,900" in texts  # floor 6, door 601 (hand computation in the proposal test)


def test_flat_entry_plan_draws_a_corridor(unit):
    from elevator_eval.report.proposal import build_proposal

    unit.site.entry_mode = "flat"
    unit.site.corridor_depth_m = Decimal("1.8")
    flat = _squash(_text(_pdf(build_proposal, unit)))
    assert "连廊深1.8m" in flat
    assert "平层入户" in flat


def test_quotes_report():
    from elevator_eval.io.quotes_xlsx import read_quotes
    from elevator_eval.procurement import compare
    from elevator_eval.report.quotes_report import build_quotes_report
    from elevator_eval.resources import resource_path, sample_project_path
    from elevator_eval.store import open_project

    project = open_project(sample_project_path())
    products, errors = read_quotes(resource_path("sample", "quotes.xlsx"))
    assert not errors
    comparison = compare(project.units()[:4], products)
    text = _text(_pdf(build_quotes_report, comparison, project=project))
    for p in products:
        assert p.id in text
    for s in comparison.summaries:
        assert f"{s.bulk.single_price_yuan:,.0f}" in text
