"""Typesetting and data helpers of the documents: Chinese line breaking, percentages that add
up as printed, compound surnames, the document data accessors, the notice's command line."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from elevator_eval.errors import InputError
from elevator_eval.report.common import pct_column
from elevator_eval.report.linebreak import CANNOT_END, CANNOT_START, break_index
from elevator_eval.report.masking import mask_name

# ------------------------------------------------------------------------ line breaking


def test_break_pulls_the_char_before_a_comma_down():
    chars = list("甲乙丙丁，戊")
    # the line would overflow at index 4 ("，"): "丁" moves down with it
    assert break_index(chars, 0, 4) == 3


def test_break_keeps_an_opening_bracket_with_its_text():
    chars = list("甲乙丙（丁）")
    assert break_index(chars, 0, 4) == 3  # "（" does not end the line


def test_break_keeps_a_number_whole():
    chars = list("金额为2026年")
    assert break_index(chars, 0, 5) == 3  # "2026" moves down whole, not "20|26"


def test_break_of_a_closing_run_moves_back_over_all_of_it():
    chars = list("甲乙丙丁）。戊")
    assert break_index(chars, 0, 5) == 3  # "丁）。" together on the next line


@pytest.mark.parametrize(
    ("text", "over", "line"),
    [
        ("电梯井道宽度约 2100 mm，满足", 13, "电梯井道宽度约 "),  # broke "约 2100 / mm"
        ("电梯井道宽度约 2100 mm，满足", 12, "电梯井道宽度约 "),  # at the space before it
        ("公示至2026年12月10日止", 13, "公示至2026年12月"),  # broke "12月10 / 日"
        ("日照 ≥ 2 h 的窗", 6, "日照 ≥ "),  # broke "≥ 2 / h"
    ],
)
def test_break_keeps_a_unit_or_counter_with_its_number(text, over, line):
    chars = list(text)
    assert "".join(chars[: break_index(chars, 0, over)]) == line


@given(
    st.text(alphabet="甲乙丙丁戊己，。；：、（）《》1234 ab日月mh", min_size=2, max_size=60),
    st.integers(min_value=1, max_value=59),
)
def test_break_always_makes_progress(text, over):
    chars = list(text)
    over = min(over, len(chars) - 1)
    if over < 1:
        return
    b = break_index(chars, 0, over)
    assert 0 < b <= over


@pytest.mark.parametrize("width", [60, 73, 88, 101, 140, 233])
def test_wrapped_paragraphs_never_start_a_line_with_closing_punctuation(width):
    from reportlab.platypus import Paragraph

    from elevator_eval.report.common import esc, styles

    text = (
        "公示期满无异议或异议已妥善处理的，进入施工图设计和报批程序；对本方案有异议的，"
        "请于2026年12月15日前以书面形式反馈（写明门牌号、理由和联系方式）。"
        "“10年合计”“15年合计”= 建设出资 + 运行费：出资不含补偿，补偿单列。"
    ) * 2
    for style in ("body", "small", "cell"):
        p = Paragraph(esc(text), styles()[style])
        p.wrap(width, 10000)
        lines = p.blPara.lines
        for line in lines:
            words = getattr(line, "words", None)
            s = "".join(w.text for w in words) if words else "".join(line[1])
            s = s.strip()
            assert not (s and s[0] in CANNOT_START), (style, width, s)
        # the last character of a line never opens a bracket
        for line in lines[:-1]:
            words = getattr(line, "words", None)
            s = ("".join(w.text for w in words) if words else "".join(line[1])).rstrip()
            assert not (s and s[-1] in CANNOT_END), (style, width, s)


# -------------------------------------------------------------------------- percentages


def test_percentages_add_up_as_printed():
    assert pct_column([1, 1, 1]) == ["33.34%", "33.33%", "33.33%"]
    # the census: 6, 5, 5 of 16 are 37.5, 31.25, 31.25 → 31.3 + 31.3 would print 100.1
    assert pct_column([6, 5, 5], 1) == ["37.5%", "31.3%", "31.2%"]
    assert pct_column([0, 0]) == ["—", "—"]


@given(
    st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=20).filter(
        lambda v: sum(v) > 0
    ),
    st.integers(min_value=0, max_value=3),
)
def test_printed_percentages_always_sum_to_100(values, places):
    printed = pct_column(values, places)
    total = sum(Decimal(p.rstrip("%")) for p in printed)
    assert total == 100
    # each is its exact share rounded down or up by one last-place unit
    unit = Decimal(1).scaleb(-places)
    for v, p in zip(values, printed):
        exact = Fraction(v * 100, sum(values))
        assert abs(Fraction(Decimal(p.rstrip("%"))) - exact) < Fraction(unit)


# --------------------------------------------------------------------------- masking


@pytest.mark.parametrize(
    "name, masked",
    [
        ("欧阳堃", "欧阳*"),
        ("司马相如", "司马**"),
        ("诸葛亮", "诸葛*"),
        ("张三", "张*"),
        ("王", "王*"),
        ("欧阳", "欧*"),
        ("爱新觉罗溥仪", "爱新觉罗**"),
        ("", ""),
    ],
)
def test_compound_surnames_are_masked_whole(name, masked):
    assert mask_name(name) == masked


# ---------------------------------------------------------------------- document data


class _P:
    def __init__(self, settings):
        self.settings = settings


def test_organisation_blanks_when_absent():
    from elevator_eval.project_settings import ORGANISATION_FIELDS
    from elevator_eval.report.docdata import organisation

    assert organisation(None) == dict.fromkeys(ORGANISATION_FIELDS, "")
    got = organisation(_P({"organisation": {"street_office": "东湖街道办事处"}}))
    assert got["street_office"] == "东湖街道办事处" and got["contact_phone"] == ""
    with pytest.raises(InputError, match=r"settings\.organisation"):
        organisation(_P({"organisation": "x"}))


def test_notice_settings_validated():
    from elevator_eval.report.docdata import notice_settings

    assert notice_settings(_P({})) == (None, None)
    assert notice_settings(_P({"notice": {"start_date": "2026-06-01", "period_days": 12}})) == (
        dt.date(2026, 6, 1),
        12,
    )
    with pytest.raises(InputError, match=r"settings\.notice\.start_date"):
        notice_settings(_P({"notice": {"start_date": "1.6.2026"}}))
    with pytest.raises(InputError, match=r"settings\.notice\.period_days"):
        notice_settings(_P({"notice": {"period_days": 0}}))


def test_notice_period_defaults_to_the_rules_data():
    from elevator_eval.report.docdata import doc_rules
    from elevator_eval.report.notice import notice_period

    n = doc_rules()["notice"]
    assert (n["days"], n["feedback_days"]) == (10, 7)  # 沪规划资源建〔2020〕377号
    assert notice_period(dt.date(2026, 3, 1)) == (
        dt.date(2026, 3, 1),
        dt.date(2026, 3, 10),
        dt.date(2026, 3, 17),
    )


def test_elevator_spec_defaults_are_practice_values_and_unit_data_wins(example_unit_path):
    from elevator_eval.report.docdata import doc_rules, elevator_spec
    from elevator_eval.unitfile import load_unit

    unit = load_unit(example_unit_path)
    spec = elevator_spec(unit)
    assert spec.rated_load_kg == 630 and spec.persons == 8 and not spec.stretcher
    assert doc_rules()["elevator"]["official"] is False  # printed as 经验值
    unit.extra["elevator"] = {
        "rated_load_kg": 1000,
        "persons": 13,
        "stretcher": True,
        "car_mm": [1100, 2100],
    }
    spec = elevator_spec(unit)
    assert (spec.rated_load_kg, spec.stretcher, spec.car_mm) == (1000, True, (1100, 2100))
    assert "rated_load_kg" not in spec.from_rules and "speed_m_s" in spec.from_rules
    unit.extra["elevator"] = {"car_mm": [1100]}
    with pytest.raises(InputError, match=r"extra\.elevator\.car_mm"):
        elevator_spec(unit)


def test_payment_schedule_adds_up(example_unit_path):
    from elevator_eval.costshare import compute_share
    from elevator_eval.report.money_rows import payment_schedule
    from elevator_eval.unitfile import load_unit

    unit = load_unit(example_unit_path)
    s = compute_share(unit)
    rows = payment_schedule(unit, s)
    assert sum(r.advance for r in rows) == s.total_yuan
    assert sum(r.refund for r in rows) == s.subsidy_yuan
    assert sum(r.net for r in rows) == s.owners_total_yuan
    assert all(r.advance >= r.net >= 0 for r in rows)


# -------------------------------------------------------------------------- command line


def _run(argv):
    from elevator_eval.cli import main

    out, err = io.StringIO(), io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def test_cli_refuses_the_scheme_notice_of_a_failed_vote(tmp_path):
    from elevator_eval.resources import sample_project_path

    out = tmp_path / "n.pdf"
    code, _o, err = _run(
        [
            "report",
            str(sample_project_path()),
            "--unit",
            "DH-1-2",
            "--kind",
            "notice",
            "-o",
            str(out),
        ]
    )
    assert code == 2 and "表决尚未通过" in err and "Traceback" not in err
    assert not out.exists()
    code, _o, err = _run(
        [
            "report",
            str(sample_project_path()),
            "--unit",
            "DH-1-2",
            "--kind",
            "notice",
            "--progress",
            "--notice-start",
            "2026-07-01",
            "-o",
            str(out),
        ]
    )
    assert code == 0, err
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "表决进展通报" in text and "进入施工图设计" not in text
    assert "2026年7月1日" in text


@pytest.mark.parametrize(
    ("start", "days", "period"),
    [
        ("2026-07-01", "15", "2026年7月1日至2026年7月15日（15个自然日）"),
        # the boundaries: DH-1-1's last vote is dated 2026-05-18; a notice may start that
        # day, and run exactly the 10 days the document rules ask
        ("2026-05-18", "10", "2026年5月18日至2026年5月27日（10个自然日）"),
    ],
)
def test_cli_notice_dates(tmp_path, start, days, period):
    from elevator_eval.resources import sample_project_path

    out = tmp_path / "n.pdf"
    code, _o, err = _run(
        [
            "report",
            str(sample_project_path()),
            "--unit",
            "DH-1-1",
            "--kind",
            "notice",
            "--notice-start",
            start,
            "--notice-days",
            days,
            "-o",
            str(out),
        ]
    )
    assert code == 0, err
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(out).pages))
    assert period in text
    if days == "15":
        assert "2026年7月22日" in text  # 7 days of written feedback after it


@pytest.mark.parametrize(
    "extra, field",
    [
        (["--notice-start", "2026-13-01"], "--notice-start"),
        (["--notice-days", "0"], "--notice-days"),
        (["--notice-days", "ten"], "--notice-days"),
        # shorter than the 10 natural days the notice itself cites (沪规划资源建〔2020〕377号)
        (["--notice-days", "9"], "--notice-days"),
        # before DH-1-1's last vote (2026-05-18): the notice would count votes cast after it
        (["--notice-start", "2026-05-17"], "--notice-start"),
    ],
)
def test_cli_bad_notice_dates_exit_2(tmp_path, extra, field):
    from elevator_eval.resources import sample_project_path

    code, _o, err = _run(
        [
            "report",
            str(sample_project_path()),
            "--unit",
            "DH-1-1",
            "--kind",
            "notice",
            "-o",
            str(tmp_path / "n.pdf"),
        ]
        + extra
    )
    assert code == 2 and field in err
    assert not (tmp_path / "n.pdf").exists()


def test_cli_notice_options_only_with_the_notice(tmp_path):
    from elevator_eval.resources import sample_project_path

    code, _o, err = _run(
        [
            "report",
            str(sample_project_path()),
            "--unit",
            "DH-1-1",
            "--progress",
            "-o",
            str(tmp_path / "p.pdf"),
        ]
    )
    assert code == 2 and "--progress" in err


def test_cli_batch_of_notices_names_the_refused_units(tmp_path):
    from elevator_eval.resources import sample_project_path

    code, out, _e = _run(
        [
            "report",
            str(sample_project_path()),
            "--all",
            "--kind",
            "notice",
            "-o",
            str(tmp_path / "out"),
            "--json",
        ]
    )
    assert code == 2
    data = json.loads(out)
    refused = {f["unit"] for f in data["failures"]}
    assert "DH-1-2" in refused and "DH-1-1" not in refused
    assert all("表决尚未通过" in f["error"] for f in data["failures"])
