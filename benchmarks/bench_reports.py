"""Printed documents: CPU and wall time per document, and the batch of proposals.

Targets: one proposal (方案书) in at most 50 ms of CPU time once the process is warm, and a
batch of 1,000 proposals (the batch the desktop app and ``elevator-eval report PROJECT
--all`` run) in at most 30 s wall on 2 cores. The batch is measured twice side by side in
one run, in one process (``workers=1``) and on all cores (the default), and their ratio is
printed; both runs must give the same bytes. The batch's units are the bundled sample
street's 16 units, cycled with new ids, in memory.

"cold" is a fresh process making one proposal: imports, registering the bundled font, the
engines and the PDF. "warm" is every sample unit's proposal once more in the same process
(the desktop app and each batch worker are warm after their first document): each unit's
document is made three times and the least time counted (other programs only ever add to
a run's time), and the median over the units is shown. The CPU time is what the machine
spends on the work; the wall time also counts other programs sharing the processor, so on
a busy machine read the CPU column (the batch's CPU counts the worker processes too). The
load average at the start and at the end is printed.

    python3 benchmarks/bench_reports.py          # 1,000 proposals in the batch
    python3 benchmarks/bench_reports.py 100      # a shorter batch
"""

from __future__ import annotations

import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_WARM_CPU_S = 0.050
TARGET_BATCH_S_PER_1000 = 30.0
N_BATCH = int(sys.argv[1]) if len(sys.argv) > 1 else 1000

_COLD = """
import io, time
t0 = time.perf_counter(); c0 = time.process_time()
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project
from elevator_eval.report.proposal import build_proposal
p = open_project(sample_project_path())
build_proposal(p.units()[0], project=p, out=io.BytesIO())
print(time.perf_counter() - t0, time.process_time() - c0)
"""


def _project(n: int):
    from elevator_eval.model import Building, Community, Project
    from elevator_eval.resources import sample_project_path
    from elevator_eval.store import open_project

    sample = open_project(sample_project_path())
    base = sample.units()
    units = []
    for i in range(n):
        u = base[i % len(base)].clone()
        u.id = f"{u.id}-{i:04d}"
        units.append(u)
    buildings = [Building(f"b{i}", f"{i + 1}号楼", u.building, [u]) for i, u in enumerate(units)]
    return Project(
        "基准测试街道", [Community("c1", "基准测试小区", buildings)], settings=dict(sample.settings)
    )


def _timed(fn) -> tuple[float, float, bytes]:
    """(wall s, CPU s, the document's bytes) of ``fn(out)``."""
    buf = io.BytesIO()
    t0, c0 = time.perf_counter(), time.process_time()
    fn(buf)
    return time.perf_counter() - t0, time.process_time() - c0, buf.getvalue()


def _warm(fn, args: list, rounds: int = 3) -> tuple[float, float, bytes]:
    """Median over ``args`` of the least wall and CPU time of ``rounds`` runs of
    ``fn(arg, out)`` (after one warm-up): other programs sharing the processor only ever
    add to a run's time, so the least of a few runs is the steadier figure."""
    _timed(lambda out: fn(args[0], out))
    runs = [[_timed(lambda out, a=a: fn(a, out)) for _ in range(rounds)] for a in args]
    return (
        statistics.median(min(r[0] for r in per_arg) for per_arg in runs),
        statistics.median(min(r[1] for r in per_arg) for per_arg in runs),
        runs[0][0][2],
    )


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _batch(project, out_dir: Path, workers: int | None):
    """(result, wall s, CPU s of this process and its finished worker processes)."""
    from elevator_eval.report.batch import write_all_proposals

    t0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
    result = write_all_proposals(project, out_dir, workers=workers)
    wall = time.perf_counter() - t0
    return result, wall, time.process_time() - c0 + _children_cpu() - k0


def _documents() -> tuple[list[tuple], dict[str, bytes]]:
    """Rows for the warm per-document times, and one document of each kind."""
    from elevator_eval.report.census_report import build_census_report
    from elevator_eval.report.consent_form import build_consent_forms
    from elevator_eval.report.notice import build_notice
    from elevator_eval.report.proposal import build_proposal
    from elevator_eval.resources import sample_project_path
    from elevator_eval.store import open_project

    p = open_project(sample_project_path())
    units = p.units()
    n_hh = len(units[0].households)
    cases = [
        (
            f"one proposal 方案书, warm (median of the sample's {len(units)} units)",
            lambda u, out: build_proposal(u, project=p, out=out),
            units,
            TARGET_WARM_CPU_S,
        ),
        (
            f"consent forms 意见征询表 of one unit ({n_hh} households)",
            lambda u, out: build_consent_forms(u, project=p, out=out),
            units[:1],
            None,
        ),
        (
            "public notice 公示 of one unit",
            lambda u, out: build_notice(u, project=p, out=out),
            units[:1],
            None,
        ),
        (
            f"census report 普查报告 of the sample street ({len(units)} units)",
            lambda _p, out: build_census_report(p, out=out),
            [p],
            None,
        ),
    ]
    rows, docs = [], {}
    for name, fn, args, target in cases:
        wall, cpu, data = _warm(fn, args)
        ok = target is None or cpu <= target
        rows.append(
            (
                name,
                f"{wall * 1000:.0f} ms",
                f"{cpu * 1000:.0f} ms",
                "—" if target is None else f"≤ {target * 1000:.0f} ms CPU",
                "info" if target is None else ("ok" if ok else "MISSED"),
            )
        )
        docs[name.split(",")[0].split(" of ")[0]] = data
    return rows, docs


def _batch_rows(n: int) -> tuple[list[tuple], bool, float]:
    from elevator_eval.report.batch import default_workers

    big = _project(n)
    with tempfile.TemporaryDirectory() as tmp:
        serial, s_wall, s_cpu = _batch(big, Path(tmp) / "serial", 1)
        parallel, p_wall, p_cpu = _batch(big, Path(tmp) / "parallel", None)
        same = all(a.read_bytes() == b.read_bytes() for a, b in zip(serial, parallel))
        batch_mb = sum(p.stat().st_size for p in serial) / 1024 / 1024
    assert len(serial) == n and not serial.failures and len(parallel) == n
    workers = default_workers(n)
    target = TARGET_BATCH_S_PER_1000 * n / 1000
    ok = p_wall <= target and same
    rows = [
        (f"{n} proposals, one process", f"{s_wall:.1f} s", f"{s_cpu:.1f} s", "—", "reference"),
        (
            f"{n} proposals, {workers} worker processes",
            f"{p_wall:.1f} s",
            f"{p_cpu:.1f} s ({s_wall / p_wall:.2f}× faster)",
            f"≤ {target:.0f} s wall",
            ("ok" if ok else "MISSED") + ("" if same else " (bytes differ!)"),
        ),
        (
            "… a proposal in the batch (one process / all workers)",
            f"{s_wall / n * 1000:.0f} / {p_wall / n * 1000:.0f} ms",
            f"{s_cpu / n * 1000:.0f} / {p_cpu / n * 1000:.0f} ms",
            "—",
            "info",
        ),
    ]
    return rows, ok, batch_mb


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cold = subprocess.run(
        [sys.executable, "-c", _COLD], capture_output=True, text=True, cwd=root, check=True
    ).stdout.split()
    rows = [
        (
            "one proposal, cold (fresh process)",
            f"{float(cold[0]):.2f} s",
            f"{float(cold[1]):.2f} s",
            "—",
            "info",
        )
    ]
    doc_rows, docs = _documents()
    rows += doc_rows
    batch_rows, ok_batch, batch_mb = _batch_rows(N_BATCH)
    rows += batch_rows
    ok_warm = doc_rows[0][-1] == "ok"

    end = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"Printed documents ({os.cpu_count()} cores, "
        f"load average {load:.1f} at the start, {end:.1f} at the end)"
    )
    print("| case | wall | CPU | target | result |")
    print("|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print()
    print("| document | pages | size |")
    print("|---|---|---|")
    from pypdf import PdfReader

    for name, data in docs.items():
        print(f"| {name} | {len(PdfReader(io.BytesIO(data)).pages)} | {len(data) / 1024:.0f} KB |")
    print(f"| {N_BATCH} proposals | — | {batch_mb:.1f} MB |")
    return 0 if ok_warm and ok_batch else 1


if __name__ == "__main__":
    sys.exit(main())
