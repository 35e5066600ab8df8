"""Benchmark: one unit's sunlight analysis, every window within 60 m, 1-minute steps.

The own building (6 storeys, 30 × 12 m) and four neighbouring slabs within 60 m, each with
8 windows per floor on its south and north façades (480 windows), the shaft at the own
building's north entrance; 大寒日 08–16 true solar time in 1-minute steps, before and after.
Target: under 0.5 s.

    python3 benchmarks/bench_sunlight.py
"""

from __future__ import annotations

import sys
import time

TARGET_S = 0.5
FLOOR_H_M = 2.9


def slab(bid, x0, y0, own=False, storeys=6):
    b = {
        "id": bid,
        "footprint": [[x0, y0], [x0 + 30, y0], [x0 + 30, y0 + 12], [x0, y0 + 12]],
        "height_m": storeys * FLOOR_H_M + 0.0,
    }
    if own:
        b["own"] = True
    wins = []
    for fl in range(1, storeys + 1):
        for i in range(8):
            x = x0 + 1.9 + i * 3.75
            sill = (fl - 1) * FLOOR_H_M + 0.9
            wins.append(
                {
                    "id": f"{bid}-{fl}0{i + 1}-S",
                    "building": bid,
                    "floor": fl,
                    "x": x,
                    "y": y0,
                    "sill_height_m": sill,
                    "facing_deg": 180,
                }
            )
            wins.append(
                {
                    "id": f"{bid}-{fl}0{i + 1}-N",
                    "building": bid,
                    "floor": fl,
                    "x": x,
                    "y": y0 + 12,
                    "sill_height_m": sill,
                    "facing_deg": 0,
                }
            )
    return b, wins


def make_plan():
    from elevator_eval.site.plan import parse_plan

    buildings, windows = [], []
    for bid, x0, y0, own in (
        ("self", 0, 0, True),
        ("S1", 0, -40, False),
        ("N1", 0, 40, False),
        ("E1", 45, 0, False),
        ("W1", -45, 0, False),
    ):
        b, w = slab(bid, x0, y0, own)
        buildings.append(b)
        windows += w
    return parse_plan(
        {
            "location": {"lat": 39.9, "lon": 116.4},
            "buildings": buildings,
            "shaft": {
                "footprint": [[13.75, 12], [16.25, 12], [16.25, 14.5], [13.75, 14.5]],
                "height_m": 20.0,
            },
            "windows": windows,
        }
    )


def main() -> int:
    from elevator_eval.site.sunlight import analyse

    plan = make_plan()
    analyse(plan)  # warm-up (imports, shapely)
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        res = analyse(plan, step_min=1.0)
        runs.append(time.perf_counter() - t0)
    best = min(runs)
    print(
        f"| sunlight, {len(plan.windows)} windows × 480 min, {len(plan.buildings)} "
        f"buildings + shaft | best {best:.3f} s | median {sorted(runs)[2]:.3f} s | "
        f"target < {TARGET_S} s | {'ok' if best < TARGET_S else 'SLOW'} |"
    )
    print(
        f"windows below standard after: {len(res.below_standard)}, losing any sun: "
        f"{len(res.affected)}"
    )
    return 0 if best < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
