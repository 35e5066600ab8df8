"""Benchmark: save and open of the project file (``.eeproj``).

Measures the bundled sample (16 units) and a generated project of 5,008 units
(57,592 households, the sample's two communities copied 313 times with new ids). Each
figure is the best of three runs; wall and CPU time are both shown because the machine
may be shared.

Target: save and open of the 5,000-unit project each under 2 s of CPU time (the wall time
on an idle machine is the CPU time plus one fsync of the file; on a busy shared machine it
is larger and is shown for information).

    python3 benchmarks/bench_store.py
"""

from __future__ import annotations

import copy
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 2.0
COPIES = 313


def big_project(copies: int = COPIES):
    """The sample's communities copied ``copies`` times (new ids and names)."""
    from elevator_eval.resources import sample_project_path
    from elevator_eval.store import open_project
    sample = open_project(sample_project_path())
    big = copy.deepcopy(sample)
    big.communities = []
    big.vote_log = list(sample.vote_log)
    for k in range(copies):
        for c in sample.communities:
            cc = copy.deepcopy(c)
            cc.id, cc.name = f"{c.id}{k}", f"{c.name}{k}"
            for b in cc.buildings:
                b.id = f"{b.id}-{k}"
                for u in b.units:
                    u.id = u.id if k == 0 else f"{u.id}-{k}"
            big.communities.append(cc)
    return big


def _best(fn, runs: int = 3) -> tuple[float, float]:
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best_wall, best_cpu


def main() -> int:
    from elevator_eval.resources import sample_project_path
    from elevator_eval.store import open_project, save_project
    rows = []
    ok = True
    with tempfile.TemporaryDirectory() as d:
        sample = open_project(sample_project_path())
        big = big_project()
        for label, project, target in (("sample street", sample, None),
                                       ("generated", big, TARGET_S)):
            path = Path(d) / f"{label}.eeproj"
            n_units = len(project.units())
            n_hh = sum(len(u.households) for u in project.units())
            sw, sc = _best(lambda: save_project(project, path))
            ow, oc = _best(lambda: open_project(path))
            assert open_project(path) == project
            size_mb = path.stat().st_size / 1e6
            for op, wall, cpu in (("save", sw, sc), ("open", ow, oc)):
                res = "—"
                if target is not None:
                    res = "ok" if cpu < target else "MISSED"
                    ok &= cpu < target
                rows.append((f"{op} {label}", f"{n_units:,} / {n_hh:,}", f"{wall:.3f} s",
                             f"{cpu:.3f} s", f"{size_mb:.1f} MB",
                             f"CPU < {target:.0f} s" if target else "—", res))
    print("Project file save/open (best of 3)")
    print("| operation | units / households | wall | CPU | file | target | result |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
