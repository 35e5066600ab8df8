"""Run every benchmark and print one table.

    python3 benchmarks/run.py            # all
    python3 benchmarks/run.py startup    # only bench_startup.py

Each ``benchmarks/bench_<topic>.py`` has a ``main()`` that prints its own rows; this runner
runs each in a fresh process (so start-up and import costs are honest) and reports the
wall time of each script and whether it succeeded.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    # start-up first: it is the number users feel every day
    scripts = sorted(HERE.glob("bench_*.py"), key=lambda p: (p.stem != "bench_startup", p.stem))
    if argv:
        scripts = [s for s in scripts if any(a in s.stem for a in argv)]
    failures = 0
    summary = []
    for script in scripts:
        print(f"\n=== {script.stem} ===", flush=True)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, str(script)], cwd=HERE.parent)
        dt = time.perf_counter() - t0
        ok = proc.returncode == 0
        failures += not ok
        summary.append((script.stem, ok, dt))
    print("\n| benchmark script | result | wall time |")
    print("|---|---|---|")
    for name, ok, dt in summary:
        print(f"| {name} | {'ok' if ok else 'FAILED'} | {dt:.1f} s |")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
