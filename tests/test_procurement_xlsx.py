"""The quotes workbook: template round trip, all-or-nothing import, safe export."""

from __future__ import annotations

import importlib.util
from decimal import Decimal as D
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_procurement import TIERED, make_product, make_unit

from elevator_eval.error_text import error_text
from elevator_eval.errors import InputError
from elevator_eval.io.cellguard import safe_cell
from elevator_eval.io.quotes_cells import normalise_number_text, parse_tiers_text
from elevator_eval.io.quotes_export import export_comparison_xlsx
from elevator_eval.io.quotes_xlsx import KEYS, load_quotes, read_quotes, write_quote_template
from elevator_eval.procurement import compare
from elevator_eval.resources import resource_path

ROOT = Path(__file__).resolve().parent.parent


def _col(key: str) -> int:
    return KEYS.index(key) + 1


def _letter(key: str) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(_col(key))


def test_template_round_trip(tmp_path):
    products = [
        make_product(id="P1", **TIERED, rotatable=True, note="备注"),
        make_product(
            id="P2", entry_modes=("flat",), speed_m_s=D("1.75"), standby_power_w=D("95.5")
        ),
    ]
    path = write_quote_template(tmp_path / "q.xlsx", products)
    back, errors = read_quotes(path)
    assert errors == []
    assert [p.to_json() for p in back] == [p.to_json() for p in products]


def test_blank_template_has_instructions_and_two_header_rows(tmp_path):
    path = write_quote_template(tmp_path / "t.xlsx")
    wb = load_workbook(path)
    assert len(wb.sheetnames) == 2
    ws = wb.worksheets[0]
    assert ws.cell(row=1, column=_col("vendor")).value.startswith("供应商")
    assert ws.cell(row=2, column=_col("vendor")).value == "vendor"
    products, errors = read_quotes(path)
    assert products == [] and errors and errors[0].field == "rows"


def _filled(tmp_path, n=3):
    path = write_quote_template(tmp_path / "q.xlsx", [make_product(id=f"P{i}") for i in range(n)])
    return path


def test_every_bad_cell_listed_and_nothing_imported(tmp_path):
    path = _filled(tmp_path)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    ws.cell(row=3, column=_col("equipment_yuan"), value=-5)  # negative
    ws.cell(row=3, column=_col("pit_mm"), value="abc")  # wrong type
    ws.cell(row=4, column=_col("vendor")).value = None  # missing required
    ws.cell(row=4, column=_col("civil_yuan"), value="=B4*2")  # formula
    ws.cell(row=5, column=_col("tiers"), value="10-380000")  # tier format
    ws.cell(row=5, column=_col("car_width_mm"), value=1100.5)  # not whole
    ws.cell(row=5, column=_col("entry_modes"), value="电梯厅")  # unknown mode
    wb.save(path)
    products, errors = read_quotes(path)
    assert products == []
    got = {(e.row, e.column, e.field) for e in errors}
    assert got == {
        (3, _letter("equipment_yuan"), "equipment_yuan"),
        (3, _letter("pit_mm"), "pit_mm"),
        (4, _letter("vendor"), "vendor"),
        (4, _letter("civil_yuan"), "civil_yuan"),
        (5, _letter("tiers"), "tiers"),
        (5, _letter("car_width_mm"), "car_width_mm"),
        (5, _letter("entry_modes"), "entry_modes"),
    }
    formula = next(e for e in errors if e.field == "civil_yuan")
    assert "formula" in formula.message_en and "公式" in formula.message_zh
    with pytest.raises(InputError) as ex:
        load_quotes(path)
    assert "row 3" in str(ex.value)
    # the window's Chinese: the cell's place and the reader's own Chinese, no English
    zh = error_text(ex.value, "zh")
    first = min(errors, key=lambda e: (e.row, e.column))
    assert zh == f"第 3 行，{first.column} 列：{first.message_zh}（另有 6 处）"


def test_full_width_digits_and_separators_accepted(tmp_path):
    path = _filled(tmp_path, 1)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    ws.cell(row=3, column=_col("equipment_yuan"), value="１２０，０００")
    ws.cell(row=3, column=_col("installation_yuan"), value="¥50,000")
    ws.cell(row=3, column=_col("shaft_structure_yuan"), value="110000元")
    ws.cell(row=3, column=_col("entry_modes"), value="半层、平层")
    ws.cell(row=3, column=_col("rotatable"), value="是")
    ws.cell(row=3, column=_col("tiers"), value="５＝３３５,０００；２０：８％")
    wb.save(path)
    (p,), errors = read_quotes(path)
    assert errors == []
    assert p.equipment_yuan == 120000 and p.installation_yuan == 50000
    assert p.shaft_structure_yuan == 110000
    assert p.entry_modes == ("half_landing", "flat") and p.rotatable
    assert [(t.min_qty, t.unit_price_yuan, t.discount_percent) for t in p.tiers] == [
        (5, D(335000), None),
        (20, None, D(8)),
    ]


def test_rising_tier_and_duplicate_id_are_errors(tmp_path):
    path = _filled(tmp_path, 2)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    ws.cell(row=3, column=_col("tiers"), value="5=360000; 10=365000")
    ws.cell(row=4, column=_col("id"), value="P0")
    wb.save(path)
    products, errors = read_quotes(path)
    assert products == []
    assert {(e.row, e.field) for e in errors} == {(3, "tiers"), (4, "id")}


def test_number_text_normalisation():
    assert normalise_number_text("１２０，０００") == "120000"
    assert normalise_number_text("1,2") == "1,2"  # not a thousands pattern: rejected later
    assert [t.min_qty for t in parse_tiers_text("10=1; 50=2%")] == [10, 50]
    with pytest.raises(ValueError):
        parse_tiers_text("ten=1")


def test_not_a_workbook(tmp_path):
    bad = tmp_path / "q.xlsx"
    bad.write_text("not a zip")
    with pytest.raises(InputError) as e:
        read_quotes(bad)
    assert e.value.field == "file"
    with pytest.raises(InputError):
        read_quotes(tmp_path / "missing.xlsx")


def test_export_neutralises_formula_injection(tmp_path):
    evil = make_product(id='=HYPERLINK("x")', vendor="+cmd", model="@SUM(A1)", **TIERED)
    res = compare([make_unit("-U1")], [evil, make_product(id="P2")])
    out = export_comparison_xlsx(res, tmp_path / "cmp.xlsx")
    wb = load_workbook(out)
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    texts.append(c.value)
    assert '\'=HYPERLINK("x")' in texts and "'+cmd" in texts and "'-U1" in texts
    assert safe_cell("plain") == "plain" and safe_cell(D("1.5")) == 1.5


def test_sample_quotes_file_is_valid_and_varied():
    products, errors = read_quotes(resource_path("sample", "quotes.xlsx"))
    assert errors == []
    assert len(products) >= 6 and len({p.vendor for p in products}) >= 4
    assert len({(p.shaft_width_mm, p.shaft_depth_mm) for p in products}) >= 5
    assert len({p.pit_mm for p in products}) >= 5
    assert {m for p in products for m in p.entry_modes} == {"half_landing", "flat"}


def test_sample_file_matches_its_script(tmp_path):
    spec = importlib.util.spec_from_file_location("msq", ROOT / "tools" / "make_sample_quotes.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    shipped, _ = read_quotes(resource_path("sample", "quotes.xlsx"))
    assert [p.to_json() for p in shipped] == [p.to_json() for p in mod.sample_products()]
