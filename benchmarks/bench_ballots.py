"""Reading returned consent forms: 100 scans in at most 20 s.

The scans are generated first (not timed): the app's own forms for the sample units DH-1-1
and DH-1-2, ticked in several pen styles, at 150–300 dpi, rotated ±10°, in perspective, with
noise, saved as JPEG (quality 50–90), PNG and multi-page PDF (see ``tools/ballot_scans.py``).
Timed: ``read_scans`` — loading each file, decoding the QR code, locating the boxes, reading
them and judging each form against the project — as the command line and the window do it.
Wall time and the process's CPU time are both shown (other programs sharing the processor
only add to the wall time).

    python3 benchmarks/bench_ballots.py
"""

from __future__ import annotations

import runpy
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_100_S = 20.0
N = 100


def main() -> int:
    from elevator_eval.commands.ballots import scheme_of
    from elevator_eval.io.ballots.batch import read_scans

    gen = runpy.run_path(str(ROOT / "tools" / "ballot_scans.py"))
    with tempfile.TemporaryDirectory() as tmp:
        project, expected = gen["make_scans"](tmp, N, seed=100)
        t0, c0 = time.perf_counter(), time.process_time()
        results = read_scans(project, [tmp], scheme_of=scheme_of(project))
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    by_file = {}
    for e in expected:
        by_file.setdefault(e.file.split("#")[0], []).append(e)
    wrong = sum(
        1
        for r in results
        if r.reading is not None
        and r.reading.vote is not None
        and r.reading.vote != by_file[r.file][r.page - 1].vote
    )
    unread = sum(1 for r in results if r.reading is None or r.reading.vote is None)
    ok = wall <= TARGET_100_S and wrong == 0
    print("| what | wall | CPU | target | result |")
    print("|---|---|---|---|---|")
    print(
        f"| read {len(results)} scans ({len(list(by_file))} files) | {wall:.1f} s | "
        f"{cpu:.1f} s | ≤ {TARGET_100_S:.0f} s | {'ok' if ok else 'SLOW/WRONG'} |"
    )
    print(
        f"| per scan | {1000 * wall / len(results):.0f} ms | "
        f"{1000 * cpu / len(results):.0f} ms | | |"
    )
    print(f"wrong votes read: {wrong}; sent to review: {unread}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
