"""Benchmark: open + census of a generated 100,000-unit project, and the census's fast
path beside the per-unit path.

- Target (issue 19): open + census of a 100,000-unit project ≤ 5 s wall and ≤ 1 GB
  peak memory, measured as a whole fresh process (imports included; ``VmHWM``).
  The census is :func:`elevator_eval.census.census` as the ``assess`` command calls it
  (fast path: classes by numpy, each row's details assessed when read).
- Side by side in one run, the same open + census of that project with its site codes
  not used (every site text scanned, as for a file written before schema v6): the ratio.
- Side by side in one run on 5,000 units: the per-unit path
  (``census(..., vectorised=False)``: every unit assessed in full), the fast path's
  classes and counts, and the fast path with every row's details read (what
  ``assess PROJECT --json`` prints); both give the same JSON (checked here and tested).

Projects are generated into a temporary folder (:mod:`projectgen`).

    python3 benchmarks/bench_census.py
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_store import PEAK, child  # noqa: E402

N_BIG = 100_000
N_SIDE = 5_000
TARGET_S = 5.0
TARGET_MB = 1024
YEAR = 2026

_CHILD = (
    PEAK
    + """
import json, sys, time
w, c = time.perf_counter(), time.process_time()
from elevator_eval.census import census
from elevator_eval.store import open_project
p = open_project(sys.argv[1])
opened, opened_cpu = time.perf_counter() - w, time.process_time() - c
result = census(p, year=2026)
print(json.dumps({"wall": time.perf_counter() - w, "cpu": time.process_time() - c,
                  "open_wall": opened, "open_cpu": opened_cpu, "total": result.total,
                  "by_class": result.by_class, "rss_mb": peak_mb()}))
"""
)


def _codes_not_used(path: Path) -> None:
    """Make a file read as one without census codes (another derivation's codes, as after
    a change of derivation; a v5 file reads the same way): the meta value is outside the
    content digest."""
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = 'reference' WHERE key = 'site_code_version'")
    conn.commit()
    conn.close()


def _timed(fn):
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w0, time.process_time() - c0


def main() -> int:
    from projectgen import generate

    from elevator_eval.census import census
    from elevator_eval.store import open_project

    rows = []
    with tempfile.TemporaryDirectory() as d:
        small = open_project(generate(N_SIDE, Path(d) / "side.eeproj"))
        slow, sw, sc = _timed(lambda: census(small, year=YEAR, vectorised=False))
        fast, fw, fc = _timed(lambda: census(small, year=YEAR))
        full, jw, jc = _timed(lambda: census(small, year=YEAR).to_json())
        assert json.dumps(full) == json.dumps(slow.to_json()) and fast.by_class == slow.by_class
        for label, w, c in (
            ("per-unit path (reference)", sw, sc),
            ("fast path: classes and counts", fw, fc),
            ("fast path, every row's details read", jw, jc),
        ):
            rows.append(
                (
                    f"census {label}",
                    f"{N_SIDE:,}",
                    f"{w:.3f} s",
                    f"{c:.3f} s",
                    "—",
                    f"{w / sw:.2f} × per-unit",
                    "—",
                )
            )
        big = generate(N_BIG, Path(d) / "big.eeproj")
        uncoded = Path(d) / "uncoded.eeproj"
        shutil.copyfile(big, uncoded)
        _codes_not_used(uncoded)
        ref = child(_CHILD, str(uncoded))
        r = child(_CHILD, str(big))
        assert ref["by_class"] == r["by_class"]
        rows.append(
            (
                "open + census, fresh process, the file's site codes not used (reference: "
                f"every site text scanned; open {ref['open_wall']:.2f} s)",
                f"{ref['total']:,}",
                f"{ref['wall']:.3f} s",
                f"{ref['cpu']:.3f} s",
                "—",
                "1.00 × reference",
                f"{ref['rss_mb']:.0f} MB",
            )
        )
        rows.append(
            (
                f"open + census, fresh process (imports + open {r['open_wall']:.2f} s "
                f"wall, {r['open_cpu']:.2f} s CPU)",
                f"{r['total']:,}",
                f"{r['wall']:.3f} s",
                f"{r['cpu']:.3f} s",
                f"≤ {TARGET_S:.0f} s, ≤ 1 GB",
                f"{r['wall'] / TARGET_S:.2f} (CPU {r['cpu'] / TARGET_S:.2f}); "
                f"{r['wall'] / ref['wall']:.2f} × reference",
                f"{r['rss_mb']:.0f} MB ({r['rss_mb'] / TARGET_MB:.2f})",
            )
        )
    print(
        "Census (classes of the 100,000-unit project: "
        + ", ".join(f"{k} {v:,}" for k, v in r["by_class"].items())
        + ")"
    )
    print("| operation | units | wall | CPU | target | ratio | peak RSS (ratio) |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
