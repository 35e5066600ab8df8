"""Benchmark: classify 100,000 generated units (suitable / difficult / unsuitable).

Target: under 1 s for 100,000 units on the vectorised numpy path
(:func:`elevator_eval.census_arrays.classify_arrays`), which must give the same classes as the
per-unit path (:func:`elevator_eval.suitability.assess`) — checked here on a sample and in
the test suite on random units.

    python3 benchmarks/bench_suitability.py
"""

from __future__ import annotations

import random
import sys
import time
from decimal import Decimal

N_UNITS = 100_000
N_EXACT = 5_000
TARGET_S = 1.0
YEAR = 2026


def _maybe(rng: random.Random, value, p_none=0.2):
    return None if rng.random() < p_none else value


def generate(n: int, seed: int = 11):
    """Random units with every checked field, some not surveyed."""
    from elevator_eval.model import PIPE_TYPES, STRUCTURES, BuildingInfo, Household, Site, Unit

    rng = random.Random(seed)
    units = []
    for i in range(n):
        info = BuildingInfo(
            year_built=rng.randint(1960, 2015),
            storeys=rng.choice([3, 4, 5, 6, 6, 6, 7]),
            structure=_maybe(rng, rng.choice(STRUCTURES)),
            danger_grade=_maybe(rng, rng.choice("AABBBC"), 0.4),
            seismic_intensity=_maybe(rng, rng.choice([6, 7, 7, 8])),
        )
        site = Site(
            entry_mode=_maybe(rng, rng.choice(["half_landing", "flat"])),
            footprint_available_m=_maybe(
                rng, (Decimal(rng.randint(20, 32)) / 10, Decimal(rng.randint(20, 32)) / 10)
            ),
            inside_red_line=_maybe(rng, rng.random() > 0.05),
            fire_lane_width_after_m=_maybe(rng, Decimal(rng.randint(350, 800)) / 100),
            distance_to_neighbour_m=_maybe(rng, Decimal(rng.randint(40, 200)) / 10),
            occupies_private_courtyard=_maybe(rng, rng.random() < 0.1),
            sunlight_below_standard=_maybe(rng, rng.random() < 0.1),
            pipes_in_footprint=_maybe(rng, rng.sample(PIPE_TYPES, rng.randint(0, 3))),
            pit_depth_available_mm=_maybe(rng, rng.randint(600, 1600)),
            headroom_available_mm=_maybe(rng, rng.randint(2600, 4200)),
            corridor_depth_m=_maybe(rng, Decimal(rng.randint(10, 25)) / 10),
        )
        units.append(
            Unit(
                id=f"U{i}",
                building=info,
                site=site,
                households=[Household("101", 1, Decimal("60"))],
            )
        )
    return units


def main() -> int:
    from elevator_eval.census_arrays import classify_arrays, units_to_arrays
    from elevator_eval.rulebook import resolve
    from elevator_eval.suitability import CLASSES, assess
    from elevator_eval.suitability_rules import load_ruleset

    rules = load_ruleset("shanghai-2020")
    t0 = time.perf_counter()
    units = generate(N_UNITS)
    t_gen = time.perf_counter() - t0

    t0 = time.perf_counter()
    arrays = units_to_arrays(units)
    t_pack = time.perf_counter() - t0

    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        codes = classify_arrays(arrays, rules, YEAR)
        best = min(best, time.perf_counter() - t0)

    t0 = time.perf_counter()
    exact = [
        assess(u, resolve(None, u), year=YEAR, with_consent=False).klass for u in units[:N_EXACT]
    ]
    t_exact = time.perf_counter() - t0
    fast = [CLASSES[int(c)] for c in codes[:N_EXACT]]
    mismatches = sum(a != b for a, b in zip(exact, fast))
    counts = {k: int((codes == i).sum()) for i, k in enumerate(CLASSES)}

    per_unit_rate = N_EXACT / t_exact
    rows = [
        (
            "vectorised classify (numpy arrays → class)",
            f"{N_UNITS:,}",
            f"{best:.3f} s",
            f"< {TARGET_S:.0f} s",
            "ok" if best < TARGET_S else "MISSED",
        ),
        ("pack Unit objects into arrays", f"{N_UNITS:,}", f"{t_pack:.3f} s", "—", "—"),
        ("pack + classify", f"{N_UNITS:,}", f"{t_pack + best:.3f} s", "—", "—"),
        (
            "per-unit assess (findings, reasons)",
            f"{N_EXACT:,}",
            f"{t_exact:.3f} s",
            f"{per_unit_rate:,.0f} units/s (≈ {N_UNITS / per_unit_rate:.1f} s for {N_UNITS:,})",
            "—",
        ),
        (
            "paths agree on the sample",
            f"{N_EXACT:,}",
            f"{mismatches} mismatches",
            "0",
            "ok" if mismatches == 0 else "FAILED",
        ),
    ]
    print(
        f"Suitability: {N_UNITS:,} generated units (generation {t_gen:.1f} s, not timed "
        f"below); classes {counts}"
    )
    print("| path | units | measured | target | result |")
    print("|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    return 0 if best < TARGET_S and mismatches == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
