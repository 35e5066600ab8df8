"""The one spreadsheet-cell guard: what it quotes, what it leaves, and that every writer uses it."""

from __future__ import annotations

import ast
import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from elevator_eval.io.cellguard import needs_quote, neutralise, safe_cell
from elevator_eval.io.export import export_households_csv

PACKAGE = Path(__file__).resolve().parent.parent / "elevator_eval"

# A text is dangerous when, after any run of white space (the zero-width space and BOM
# included), it reaches = + - @ (half or full width), or when that run holds a tab, CR or LF
# (OWASP "CSV Injection"). Written here from the rule, not from the code.
DANGEROUS = re.compile(r"[\s\u200b\ufeff]*?[=+\-@\uff1d\uff0b\uff0d\uff20\t\r\n]")


@pytest.mark.parametrize("text", ["＝1+1", " =1", "\n=1", "@SUM(A1)", "-1", "\u3000＋1",
                                  "\u200b=1", "\t", "\r\n", "\u00a0\u00a0@x"])
def test_formula_like_texts_are_quoted(text):
    assert safe_cell(text) == "'" + text
    assert neutralise(text) == "'" + text and needs_quote(text)


@pytest.mark.parametrize("text", ["", "  ", "张三", "1号楼", "a=b", "O-101", "56.3", "'=1",
                                  "1-1", "\u3000张"])
def test_safe_texts_are_left_alone(text):
    assert safe_cell(text) == text


@pytest.mark.parametrize("number", [-1, -1.5, Decimal("-1"), Decimal("-0.01"), 0, 7,
                                    Decimal("56.30")])
def test_numbers_stay_numbers(number):
    out = safe_cell(number)
    assert out == number and type(out) is type(number)


def test_other_values_pass_unchanged():
    assert safe_cell(None) is None and safe_cell(True) is True


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12))
def test_a_text_is_quoted_exactly_when_a_spreadsheet_could_run_it(text):
    out = safe_cell(text)
    if DANGEROUS.match(text):
        assert out == "'" + text
    else:
        assert out == text


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.integers(), st.decimals(allow_nan=False, allow_infinity=False),
                 st.floats(allow_nan=False, allow_infinity=False)))
def test_any_number_is_unchanged(number):
    assert safe_cell(number) is number


def test_negative_number_in_csv_is_a_number(tmp_path, example_unit_path):
    from elevator_eval.model import Building, Community, Project
    from elevator_eval.unitfile import load_unit
    u = load_unit(example_unit_path)
    u.households[0].provident_fund_yuan = Decimal("-1")
    u.households[1].owner_name = "-1"
    project = Project("街道", [Community("C", "C", [Building("b", "b", u.building, [u])])])
    raw = export_households_csv(project, tmp_path / "n.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    fund, name = rows[0].index("公积金(元)"), rows[0].index("业主")
    assert rows[1][fund] == "-1"          # the number: written as a number
    assert rows[2][name] == "'-1"         # the text: quoted


def _writers() -> list[Path]:
    """Modules that create a workbook or a CSV writer."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"\bWorkbook\(\)|csv\.(Dict)?[Ww]riter\(", text):
            out.append(path)
    return out


def test_every_spreadsheet_writer_imports_the_one_guard():
    writers = _writers()
    assert len(writers) >= 6     # export, census, process, quotes ×2, template, vote log
    missing = []
    for path in writers:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {(n.module or "").rsplit(".", 1)[-1] for n in ast.walk(tree)
                 if isinstance(n, ast.ImportFrom)}
        if "cellguard" not in names:
            missing.append(path.relative_to(PACKAGE).as_posix())
    assert missing == []
