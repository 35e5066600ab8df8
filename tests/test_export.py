"""Export: formula-injection neutralising, numbers stay numbers, export imports again."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elevator_eval.io.cellguard import neutralise
from elevator_eval.io.export import HOUSEHOLD_HEADERS, export_project_xlsx
from elevator_eval.io.street_import import apply_import, preview_import
from elevator_eval.model import Building, Community, Project
from elevator_eval.unitfile import load_unit

HOSTILE = [
    '=HYPERLINK("http://evil","x")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\tTAB",
    "\rCR",
    "＝1+1",
    "＋1",
    "－1",
    "＠x",
    " =1+1",
    "\u3000=cmd|' /C calc'!A0",
]


def _project(example_unit_path, names=()):
    u = load_unit(example_unit_path)
    for h, name in zip(u.households, names):
        h.owner_name = name
    return Project("街道", [Community("XFL", "幸福里", [Building("b3", "3号楼", u.building, [u])])])


@pytest.mark.parametrize("text", HOSTILE)
def test_neutralise_prefixes_a_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["张三", "", "a=b", "301", "O-101", "'quoted"])
def test_neutralise_leaves_safe_text(text):
    assert neutralise(text) == text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_neutralised_text_never_starts_a_formula(text):
    out = neutralise(text)
    assert out == text or out == "'" + text
    stripped = out.lstrip(" \u3000\u00a0")
    assert not stripped or stripped[0] not in "=+-@\t\r\n＝＋－＠"


def test_xlsx_cells_are_neutralised_and_numbers_stay_numbers(tmp_path, example_unit_path):
    project = _project(example_unit_path, HOSTILE)
    p = export_project_xlsx(project, tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(p, data_only=False)
    assert wb.sheetnames == ["单元", "住户"]
    ws = wb["住户"]
    header = [c.value for c in ws[1]]
    assert tuple(header) == HOUSEHOLD_HEADERS
    name_col = header.index("业主")
    area_col = header.index("面积(㎡)")
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            if isinstance(cell.value, str):
                assert cell.value.lstrip(" \u3000")[:1] not in set("=+-@＝＋－＠\t\r")
        assert isinstance(row[area_col].value, (int, float))
    names = [r[name_col] for r in ws.iter_rows(min_row=2, values_only=True)]
    # XML turns a lone CR into LF when the workbook is read back; the quote stays first
    assert names[: len(HOSTILE)] == ["'" + t.replace("\r", "\n") for t in HOSTILE]
    units = wb["单元"]
    uh = [c.value for c in units[1]]
    row2 = [c.value for c in units[2]]
    assert row2[uh.index("户数")] == 12
    assert row2[uh.index("单元编号")] == "XFL-3-2"


def test_negative_numbers_stay_numbers(tmp_path, example_unit_path):
    project = _project(example_unit_path)
    project.units()[0].households[0].provident_fund_yuan = Decimal("-5")  # odd but numeric
    p = export_project_xlsx(project, tmp_path / "n.xlsx")
    ws = openpyxl.load_workbook(p)["住户"]
    col = [c.value for c in ws[1]].index("公积金(元)")
    assert ws.cell(row=2, column=col + 1).value == -5


def test_export_imports_again(tmp_path, example_unit_path):
    project = _project(example_unit_path, ["=evil()", "普通"])
    path = tmp_path / "out.xlsx"
    export_project_xlsx(project, path)
    pv = preview_import(path)
    assert pv.ok, [str(e) for e in pv.errors]
    assert not pv.warnings
    again = apply_import(Project("new"), pv)
    old_u, new_u = project.units()[0], again.units()[0]
    assert new_u.id == old_u.id

    def key(h):
        return (
            h.id,
            h.floor,
            h.area_m2,
            h.owner_id,
            h.vote,
            h.owner_name,
            h.exclusive_part_affected,
        )

    assert [key(h) for h in new_u.households] == [key(h) for h in old_u.households]
    b_old, b_new = old_u.building, new_u.building
    assert (b_new.year_built, b_new.storeys, b_new.structure, b_new.danger_grade) == (
        b_old.year_built,
        b_old.storeys,
        b_old.structure,
        b_old.danger_grade,
    )
    assert new_u.site == old_u.site
    assert new_u.costs.total_yuan == old_u.costs.total_yuan


def test_control_characters_do_not_break_the_workbook(tmp_path, example_unit_path):
    project = _project(example_unit_path, ["a\x01b\x1fc"])
    p = export_project_xlsx(project, tmp_path / "c.xlsx")
    ws = openpyxl.load_workbook(p)["住户"]
    col = [c.value for c in ws[1]].index("业主")
    assert ws.cell(row=2, column=col + 1).value == "abc"
