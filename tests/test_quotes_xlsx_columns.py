"""The quotes workbook: the energy class column, and the comparison export with the
technical sheet and the costs outside the quote."""

from __future__ import annotations

from decimal import Decimal as D

from openpyxl import load_workbook

from elevator_eval.io.quotes_export import export_comparison_xlsx
from elevator_eval.io.quotes_xlsx import KEYS, read_quotes, write_quote_template
from elevator_eval.model import BuildingInfo, Household, Site, Unit
from elevator_eval.procurement import Product, compare


def product(**kw):
    base = dict(
        id="P",
        vendor="测试电梯",
        model="T-630",
        rated_load_kg=630,
        speed_m_s=D("1.0"),
        car_width_mm=1100,
        car_depth_mm=1400,
        door_width_mm=800,
        shaft_width_mm=2300,
        shaft_depth_mm=2500,
        pit_mm=1200,
        headroom_mm=3600,
        entry_modes=("half_landing", "flat"),
        equipment_yuan=D(150000),
        installation_yuan=D(50000),
        shaft_structure_yuan=D(110000),
        civil_yuan=D(60000),
        warranty_years=2,
        free_maintenance_years=3,
        maintenance_yuan_per_year=D(4500),
        lead_time_days=45,
    )
    base.update(kw)
    return Product(**base)


def test_energy_class_round_trip_and_bad_value(tmp_path):
    path = tmp_path / "q.xlsx"
    write_quote_template(path, [product(energy_class="A")])
    products, errors = read_quotes(path)
    assert not errors and products[0].energy_class == "A"
    wb = load_workbook(path)
    ws = wb["报价 Quotes"]
    col = [c.value for c in ws[2]].index("energy_class") + 1
    ws.cell(row=3, column=col).value = "Z"
    wb.save(path)
    products, errors = read_quotes(path)
    assert products == [] and [e.field for e in errors] == ["energy_class"]
    assert "energy_class" in KEYS


def test_export_has_technical_columns_and_outside_costs(tmp_path):
    u = Unit(
        id="U1",
        building=BuildingInfo(year_built=1990, storeys=6),
        site=Site(
            entry_mode="half_landing",
            footprint_available_m=(D("2.3"), D("2.5")),
            pit_depth_available_mm=1200,
            headroom_available_mm=3600,
            pipes_in_footprint=["gas"],
        ),
        households=[Household(str(i), 1 + i // 2, D(50)) for i in range(12)],
    )
    c = compare([u], [product(energy_class="B")])
    lcc = c.lcc[0][0]
    # gas pipe at the pre-installation most likely value 50,000; insurance 0.3 % of
    # 370,000 = 1,110; contingency 5 % × (370,000 + 50,000 + 3,000 + 1,110) = 21,205.50 → 21,206
    assert lcc.outside_quote_yuan == {
        "pipe_relocation": 50000,
        "meter_move": 3000,
        "insurance": 1110,
        "contingency": 21206,
    }
    out = export_comparison_xlsx(c, tmp_path / "cmp.xlsx")
    wb = load_workbook(out)
    tech = [[c.value for c in row] for row in wb["技术 Technical"].iter_rows()]
    assert tech[1][:10] == ["P", 1200, 800, "1100×1400", 1, "B", 2, 3, 4500, 45]
    head = [c.value for c in wb["全寿命 LCC"][1]]
    row = [c.value for c in wb["全寿命 LCC"][2]]
    assert row[head.index("管线迁改(元) Pipes")] == 50000
    assert row[head.index("不可预见(元) Contingency")] == 21206
