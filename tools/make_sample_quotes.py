"""Write the sample quotes workbook ``resources/sample/quotes.xlsx``.

Four fictional vendors, six products with different shafts, pits, headrooms, entry modes and
prices, so that they fit the units of the sample street differently. Run from the checkout:

    python tools/make_sample_quotes.py [OUT.xlsx]

When the sample project exists, the fit matrix on its units is printed.
"""

from __future__ import annotations

import sys
from decimal import Decimal as D
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from elevator_eval.io.quotes_xlsx import write_quote_template  # noqa: E402
from elevator_eval.procurement import Product, VolumeTier, validate_product  # noqa: E402

BOTH = ("half_landing", "flat")


def sample_products() -> list[Product]:
    """The six fictional sample products (prices are illustrative, not market data)."""
    return [
        validate_product(p)
        for p in [
            Product(
                "HT-630",
                "华梯机电",
                "HT-630 标准型",
                630,
                D("1.0"),
                1100,
                1400,
                800,
                2300,
                2500,
                1000,
                3600,
                BOTH,
                D(150000),
                D(50000),
                D(110000),
                D(60000),
                D(60000),
                free_maintenance_years=2,
                warranty_years=2,
                maintenance_yuan_per_year=D(4500),
                standby_power_w=D(150),
                energy_per_trip_wh=D(20),
                lead_time_days=45,
                tiers=(
                    VolumeTier(5, unit_price_yuan=D(355000)),
                    VolumeTier(20, discount_percent=D(8)),
                    VolumeTier(50, discount_percent=D(12)),
                ),
                energy_class="A",
                note="标准顶层，1,000 mm 底坑 / standard headroom, 1,000 mm pit",
            ),
            Product(
                "HT-450",
                "华梯机电",
                "HT-450 紧凑型",
                450,
                D("1.0"),
                1000,
                1250,
                800,
                2000,
                2100,
                1000,
                3200,
                ("half_landing",),
                D(120000),
                D(45000),
                D(90000),
                D(50000),
                D(0),
                free_maintenance_years=2,
                warranty_years=2,
                maintenance_yuan_per_year=D(4000),
                standby_power_w=D(120),
                energy_per_trip_wh=D(16),
                lead_time_days=40,
                tiers=(VolumeTier(10, discount_percent=D(6)),),
                energy_class="B",
                note="轿厢小于无障碍要求 / car below the accessible minimum",
            ),
            Product(
                "AJ-630R",
                "安居电梯",
                "AJ-630R 小底坑",
                630,
                D("1.0"),
                1100,
                1400,
                800,
                2100,
                2400,
                900,
                2900,
                BOTH,
                D(170000),
                D(55000),
                D(115000),
                D(55000),
                D(65000),
                free_maintenance_years=3,
                warranty_years=3,
                maintenance_yuan_per_year=D(5000),
                standby_power_w=D(110),
                energy_per_trip_wh=D(18),
                lead_time_days=60,
                tiers=(
                    VolumeTier(10, unit_price_yuan=D(375000)),
                    VolumeTier(30, unit_price_yuan=D(360000)),
                ),
                rotatable=True,
                energy_class="A",
                note="GB/T 28621 减小底坑与顶层；井道可旋转 / reduced pit and headroom; "
                "shaft may turn 90°",
            ),
            Product(
                "DF-800",
                "东方升降",
                "DF-800 平层型",
                800,
                D("1.0"),
                1350,
                1400,
                900,
                2500,
                2600,
                1300,
                3800,
                ("flat",),
                D(190000),
                D(60000),
                D(130000),
                D(65000),
                D(70000),
                free_maintenance_years=2,
                warranty_years=2,
                maintenance_yuan_per_year=D(5200),
                standby_power_w=D(180),
                energy_per_trip_wh=D(24),
                lead_time_days=50,
                tiers=(
                    VolumeTier(10, discount_percent=D(5)),
                    VolumeTier(40, discount_percent=D(10)),
                ),
                energy_class="B",
                note="仅平层入户 / flat entry only",
            ),
            Product(
                "DF-1000",
                "东方升降",
                "DF-1000 担架型",
                1000,
                D("1.0"),
                1100,
                2100,
                900,
                2200,
                2900,
                1400,
                3800,
                BOTH,
                D(230000),
                D(65000),
                D(140000),
                D(70000),
                D(75000),
                free_maintenance_years=2,
                warranty_years=2,
                maintenance_yuan_per_year=D(6000),
                standby_power_w=D(200),
                energy_per_trip_wh=D(30),
                lead_time_days=70,
                tiers=(VolumeTier(10, discount_percent=D(4)),),
                energy_class="C",
                note="可容担架 / stretcher-capable",
            ),
            Product(
                "HL-630E",
                "恒力电梯",
                "HL-630E 经济型",
                630,
                D("1.0"),
                1100,
                1400,
                800,
                2400,
                2400,
                1350,
                3400,
                ("half_landing",),
                D(140000),
                D(48000),
                D(100000),
                D(55000),
                D(0),
                free_maintenance_years=1,
                warranty_years=2,
                maintenance_yuan_per_year=D(3800),
                standby_power_w=D(250),
                energy_per_trip_wh=D(28),
                lead_time_days=35,
                tiers=(
                    VolumeTier(8, unit_price_yuan=D(330000)),
                    VolumeTier(25, unit_price_yuan=D(315000)),
                    VolumeTier(60, unit_price_yuan=D(300000)),
                ),
                energy_class="D",
                note="较深底坑、高待机功耗、低价 / deeper pit, high standby, low price",
            ),
        ]
    ]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else ROOT / "resources" / "sample" / "quotes.xlsx"
    out.parent.mkdir(parents=True, exist_ok=True)
    products = sample_products()
    write_quote_template(out, products)
    print(f"wrote {out} ({len(products)} products)")
    sample = ROOT / "resources" / "sample" / "sample-street.eeproj"
    if sample.exists():
        try:
            from elevator_eval.procurement import fit_matrix
            from elevator_eval.store import open_project

            units = open_project(sample).units()
        except Exception as e:  # the project file may not be readable yet
            print(f"(fit matrix skipped: {type(e).__name__}: {e})")
            return 0
        sym = {"fits": "✓", "misfit": "✗", "unknown": "?"}
        print("unit".ljust(14) + " ".join(p.id.ljust(8) for p in products))
        for u, row in zip(units, fit_matrix(units, products)):
            print(u.id.ljust(14) + " ".join(sym[f.state].ljust(8) for f in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
