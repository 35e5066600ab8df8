"""Benchmark: the consent tally and the assessment on units sized to hurt.

Times :func:`elevator_eval.consent.tally` (with "what is needed") and
:func:`elevator_eval.suitability.assess` (with the consent status) on one generated unit of
1,000 / 10,000 / 50,000 households, and the ``consent`` / ``assess`` commands on the
50,000-household unit file, which stop at once with the one-line household limit
(:data:`elevator_eval.unitfile.MAX_HOUSEHOLDS`).

Pass: the time per household at 50,000 is at most twice the time per household at 1,000
(linear growth; the old exhaustive search grew with the square: 1,000 households 1.1 s,
2,000 4.3 s) and each command answers the oversized file in under 5 s.

    python3 benchmarks/bench_consent_scale.py
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

SIZES = (1_000, 10_000, 50_000)
SEED = 20261129
MAX_RATIO = 2.0
CLI_LIMIT_S = 5.0
ROOT = Path(__file__).resolve().parent.parent


def generate(n: int, seed: int = SEED):
    """One unit of ``n`` households: random areas, a vote mix that fails (needs votes)."""
    from elevator_eval.model import BuildingInfo, Household, Unit

    rng = random.Random(seed)
    votes = ["yes", "yes", "no", "abstain", None, None]
    hh = [
        Household(
            id=f"H{i}",
            floor=1 + i % 6,
            area_m2=Decimal(rng.randint(4000, 12000)) / 100,
            owner=f"O{i}",
            vote=rng.choice(votes),
        )
        for i in range(n)
    ]
    return Unit(id=f"BIG-{n}", building=BuildingInfo(year_built=1990, storeys=6), households=hh)


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> int:
    from elevator_eval.consent import tally
    from elevator_eval.rulebook import resolve
    from elevator_eval.suitability import assess
    from elevator_eval.unitfile_write import unit_to_dict

    rows = []
    for n in SIZES:
        unit = generate(n)
        t_c = _time(lambda unit=unit: tally(unit, resolve(None, unit).consent))
        t_a = _time(lambda unit=unit: assess(unit, resolve(None, unit), year=2026))
        rows.append((n, t_c, t_a))
    print("| households | consent tally | assess | tally per household |")
    print("|---:|---:|---:|---:|")
    for n, t_c, t_a in rows:
        print(f"| {n:,} | {t_c:.2f} s | {t_a:.2f} s | {t_c / n * 1e6:.0f} µs |")
    ok = True
    for col, name in ((1, "consent"), (2, "assess")):
        ratio = (rows[-1][col] / rows[-1][0]) / (rows[0][col] / rows[0][0])
        print(
            f"{name}: time per household at {SIZES[-1]:,} / at {SIZES[0]:,} = {ratio:.2f}"
            f" (pass ≤ {MAX_RATIO})"
        )
        ok &= ratio <= MAX_RATIO
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "big.unit.json"
        path.write_text(
            json.dumps(unit_to_dict(generate(SIZES[-1])), default=str), encoding="utf-8"
        )
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        for cmd in ("consent", "assess"):
            t0 = time.perf_counter()
            p = subprocess.run(
                [sys.executable, "-m", "elevator_eval", cmd, str(path)],
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            dt = time.perf_counter() - t0
            line = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else ""
            print(
                f"elevator-eval {cmd} <{SIZES[-1]:,} households>: exit {p.returncode} "
                f"in {dt:.2f} s: {line}"
            )
            ok &= p.returncode == 2 and dt < CLI_LIMIT_S and "households" in line
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
