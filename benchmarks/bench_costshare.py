"""Benchmark: allocate the owners' total of 100,000 units (12 households each).

Target: under 2 s for 100,000 units on the vectorised integer-fen path
(:func:`elevator_eval.costshare_batch.allocate_fen_batch`), which must agree with the exact
Decimal path (:func:`elevator_eval.costshare_allocate.allocate`) — checked here on a sample and in
the test suite on random inputs.

    python3 benchmarks/bench_costshare.py
"""

from __future__ import annotations

import sys
import time
from decimal import Decimal
from fractions import Fraction

import numpy as np

N_UNITS = 100_000
STOREYS = 6
PER_FLOOR = 2
TARGET_S = 2.0


def build(n: int, seed: int = 7):
    """Random units: areas 45.00–95.00 m², Dongpu coefficients, floor 1 exempt."""
    rng = np.random.default_rng(seed)
    k = STOREYS * PER_FLOOR
    floors = np.repeat(np.arange(1, STOREYS + 1), PER_FLOOR)            # (k,)
    coef_x10 = np.array([0, 3, 7, 8, 9, 10])[floors - 1]                 # ×10
    area_x100 = rng.integers(4500, 9501, size=(n, k))                    # m² × 100
    totals_fen = rng.integers(20_000_000, 60_000_000, size=n)            # 200k–600k yuan
    totals_fen[::3] = totals_fen[::3] // 100 * 100                       # whole yuan too
    return floors, coef_x10, area_x100, totals_fen


def main() -> int:
    from elevator_eval.costshare_allocate import allocate
    from elevator_eval.costshare_batch import allocate_fen_batch

    floors, coef_x10, area_x100, totals_fen = build(N_UNITS)
    t0 = time.perf_counter()
    weights = area_x100 * coef_x10[None, :]
    shares = allocate_fen_batch(totals_fen, weights, floors, rounding_fen=100)
    t_fast = time.perf_counter() - t0
    assert (shares.sum(axis=1) == totals_fen).all(), "a unit does not add up"

    # exact Decimal path on a sample, compared unit by unit
    n_exact = 2_000
    t0 = time.perf_counter()
    fl = floors.tolist()
    mismatches = 0
    for i in range(n_exact):
        w = [Fraction(int(x)) for x in weights[i]]
        got = allocate(Decimal(int(totals_fen[i])) / 100, w, Decimal(1), fl)
        if [int(g * 100) for g in got] != shares[i].tolist():
            mismatches += 1
    t_exact = time.perf_counter() - t0

    per_unit_exact = t_exact / n_exact
    rows = [
        ("vectorised int64 fen path", f"{N_UNITS:,}", f"{t_fast:.3f} s",
         f"< {TARGET_S:.0f} s", "ok" if t_fast < TARGET_S else "MISSED"),
        ("exact Decimal/Fraction path", f"{n_exact:,}", f"{t_exact:.3f} s",
         f"(≈ {per_unit_exact * N_UNITS:.1f} s for {N_UNITS:,})", "—"),
        ("paths agree on the sample", f"{n_exact:,}", f"{mismatches} mismatches", "0",
         "ok" if mismatches == 0 else "FAILED"),
    ]
    print(f"Cost sharing: {N_UNITS:,} units × {STOREYS * PER_FLOOR} households, "
          "rounding 1 yuan, floor coefficient × area")
    print("| path | units | measured | target | result |")
    print("|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    return 0 if t_fast < TARGET_S and mismatches == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
