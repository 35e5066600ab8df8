"""The one spreadsheet-cell guard: what it quotes, what it leaves, and that every writer uses it."""

from __future__ import annotations

import ast
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elevator_eval.io.cellguard import needs_quote, neutralise, safe_cell
from elevator_eval.io.export import export_project_xlsx

PACKAGE = Path(__file__).resolve().parent.parent / "elevator_eval"

# A text is dangerous when, after any run of white space (the zero-width space and BOM
# included), it reaches = + - @ (half or full width), or when that run holds a tab, CR or LF
# (OWASP "CSV Injection"). Written here from the rule, not from the code.
DANGEROUS = re.compile(r"[\s\u200b\ufeff]*?[=+\-@\uff1d\uff0b\uff0d\uff20\t\r\n]")


@pytest.mark.parametrize(
    "text",
    [
        "＝1+1",
        " =1",
        "\n=1",
        "@SUM(A1)",
        "-1",
        "\u3000＋1",
        "\u200b=1",
        "\t",
        "\r\n",
        "\u00a0\u00a0@x",
    ],
)
def test_formula_like_texts_are_quoted(text):
    assert safe_cell(text) == "'" + text
    assert neutralise(text) == "'" + text and needs_quote(text)


@pytest.mark.parametrize(
    "text", ["", "  ", "张三", "1号楼", "a=b", "O-101", "56.3", "'=1", "1-1", "\u3000张"]
)
def test_safe_texts_are_left_alone(text):
    assert safe_cell(text) == text


@pytest.mark.parametrize(
    "number", [-1, -1.5, Decimal("-1"), Decimal("-0.01"), 0, 7, Decimal("56.30")]
)
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
@given(
    st.one_of(
        st.integers(),
        st.decimals(allow_nan=False, allow_infinity=False),
        st.floats(allow_nan=False, allow_infinity=False),
    )
)
def test_any_number_is_unchanged(number):
    assert safe_cell(number) is number


def test_negative_number_stays_a_number_and_the_text_minus_one_is_quoted(
    tmp_path, example_unit_path
):
    from elevator_eval.model import Building, Community, Project
    from elevator_eval.unitfile import load_unit

    u = load_unit(example_unit_path)
    u.households[0].provident_fund_yuan = Decimal("-1")
    u.households[1].owner_name = "-1"
    project = Project("街道", [Community("C", "C", [Building("b", "b", u.building, [u])])])
    ws = openpyxl.load_workbook(export_project_xlsx(project, tmp_path / "n.xlsx"))["住户"]
    header = [c.value for c in ws[1]]
    fund, name = header.index("公积金(元)") + 1, header.index("业主") + 1
    assert ws.cell(row=2, column=fund).value == -1 and ws.cell(row=2, column=fund).data_type == "n"
    assert ws.cell(row=3, column=name).value == "'-1"


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
    assert len(writers) >= 6  # export, census, process, quotes ×2, template, vote log
    missing = []
    for path in writers:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            (n.module or "").rsplit(".", 1)[-1]
            for n in ast.walk(tree)
            if isinstance(n, ast.ImportFrom)
        }
        if "cellguard" not in names:
            missing.append(path.relative_to(PACKAGE).as_posix())
    assert missing == []
