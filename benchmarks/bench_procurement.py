"""Procurement timings: a city-scale comparison, a large quotes workbook, a big tender.

python benchmarks/bench_procurement.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from decimal import Decimal as D
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from make_sample_quotes import sample_products  # noqa: E402

from elevator_eval.io.quotes_xlsx import read_quotes, write_quote_template  # noqa: E402
from elevator_eval.model import BuildingInfo, Household, Site, Unit  # noqa: E402
from elevator_eval.procurement import Bid, TenderWeights, compare, score_tender  # noqa: E402


def _units(n: int) -> list[Unit]:
    out = []
    for i in range(n):
        site = Site(
            entry_mode=("half_landing", "flat")[i % 2],
            footprint_available_m=(D("2.0") + D(i % 11) / 10, D("2.2") + D(i % 9) / 10),
            pit_depth_available_mm=900 + 50 * (i % 13),
            headroom_available_mm=2800 + 100 * (i % 12),
        )
        out.append(
            Unit(
                id=f"U{i}",
                building=BuildingInfo(1990, 6),
                site=site,
                households=[Household(str(k), 1 + k // 2, D(60)) for k in range(12)],
            )
        )
    return out


def _timed(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> int:
    rows = []
    products = sample_products()
    many = []
    for k in range(2):
        for p in products:
            q = type(p)(**{**p.__dict__, "id": f"{p.id}-{k}"})
            many.append(q)
    units = _units(2000)
    dt = _timed(lambda: compare(units, many, years=15, discount_rate="0.03"))
    rows.append(("compare 2,000 units × 12 products (fit + 15-year LCC + tiers)", dt, 5.0))

    with tempfile.TemporaryDirectory() as tmp:
        big = [type(p)(**{**p.__dict__, "id": f"{p.id}-{k}"}) for k in range(34) for p in products]
        path = write_quote_template(Path(tmp) / "big.xlsx", big)
        dt = _timed(lambda: read_quotes(path))
        rows.append((f"read a {len(big)}-row quotes workbook", dt, 2.0))

    bids = [Bid(f"B{i}", D(300000 + 1371 * i), D(20 + i % 30), D(5 + i % 15)) for i in range(60)]
    dt = _timed(lambda: score_tender(bids, TenderWeights(D(30), D(50), D(20))))
    rows.append(("score a 60-bid tender with exact rank-reversal sensitivity", dt, 0.5))

    print("| case | measured | target |")
    print("|---|---|---|")
    ok = True
    for name, dt, target in rows:
        print(f"| {name} | {dt:.2f} s | < {target:.1f} s |")
        ok &= dt < target
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
