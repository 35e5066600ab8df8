"""Printed documents: time and size.

Targets: one proposal (方案书) in under 1 s; a batch of proposals (the batch the desktop app
and ``elevator-eval report PROJECT --all`` run) at 1,000 proposals in 30 s on 2 cores, i.e.
30 ms wall per proposal. The batch is measured twice side by side in one run, in one process
(``workers=1``) and on all cores (the default), and their ratio is printed. The units are
the bundled sample street's 16 units, cycled with new ids, in memory.

"cold" is a fresh process making one proposal: imports, registering the bundled font with
reportlab and matplotlib, the engines, the chart and the PDF. "warm" is the next proposal in
the same process (the desktop app and the batch are warm after the first one). Both wall
and CPU time are shown: the CPU time is what the machine spends, the wall time also counts
other programs sharing the processor.

    python3 benchmarks/bench_reports.py
"""

from __future__ import annotations

import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_ONE_S = 1.0
TARGET_PER_PROPOSAL_S = 0.030     # 1,000 proposals in 30 s
N_BATCH = int(sys.argv[1]) if len(sys.argv) > 1 else 100

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
        u.id = f"{u.id}-{i:03d}"
        units.append(u)
    buildings = [Building(f"b{i}", f"{i + 1}号楼", u.building, [u]) for i, u in enumerate(units)]
    return Project("基准测试街道", [Community("c1", "基准测试小区", buildings)],
                   settings=dict(sample.settings))


def main() -> int:
    from elevator_eval.report.batch import write_all_proposals
    from elevator_eval.report.consent_form import build_consent_forms
    from elevator_eval.report.notice import build_notice
    from elevator_eval.report.proposal import build_proposal
    from elevator_eval.resources import sample_project_path
    from elevator_eval.store import open_project

    root = Path(__file__).resolve().parent.parent
    cold = subprocess.run([sys.executable, "-c", _COLD], capture_output=True, text=True,
                          cwd=root, check=True).stdout.split()
    cold_wall, cold_cpu = float(cold[0]), float(cold[1])

    project = open_project(sample_project_path())
    unit = project.units()[0]
    build_proposal(unit, project=project, out=io.BytesIO())  # warm up
    walls, cpus = [], []
    for _ in range(5):
        buf = io.BytesIO()
        t0, c0 = time.perf_counter(), time.process_time()
        build_proposal(unit, project=project, out=buf)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    proposal_kb = len(buf.getvalue()) / 1024
    forms = io.BytesIO()
    build_consent_forms(unit, project=project, out=forms)
    notice = io.BytesIO()
    build_notice(unit, project=project, out=notice)

    big = _project(N_BATCH)
    from elevator_eval.report.batch import default_workers
    with tempfile.TemporaryDirectory() as tmp:
        t0, c0 = time.perf_counter(), time.process_time()
        written = write_all_proposals(big, Path(tmp) / "serial", workers=1)
        serial_wall = time.perf_counter() - t0
        serial_cpu = time.process_time() - c0
        t0 = time.perf_counter()
        parallel = write_all_proposals(big, Path(tmp) / "parallel")
        batch_wall = time.perf_counter() - t0
        batch_mb = sum(p.stat().st_size for p in written) / 1024 / 1024
        same = all(a.read_bytes() == b.read_bytes() for a, b in zip(written, parallel))
    assert len(written) == N_BATCH and not written.failures and len(parallel) == N_BATCH
    n_workers = default_workers(N_BATCH)

    warm_wall, warm_cpu = statistics.median(walls), statistics.median(cpus)
    ok_one = warm_wall < TARGET_ONE_S
    ok_batch = batch_wall / N_BATCH <= TARGET_PER_PROPOSAL_S and same
    n_households = len(unit.households)
    rows = [
        ("one proposal, cold (fresh process)", f"{cold_wall:.2f} s", f"{cold_cpu:.2f} s",
         "—", "info"),
        ("one proposal, warm (median of 5)", f"{warm_wall:.2f} s", f"{warm_cpu:.2f} s",
         f"< {TARGET_ONE_S:.0f} s", "ok" if ok_one else "MISSED"),
        (f"{N_BATCH} proposals, one process", f"{serial_wall:.1f} s", f"{serial_cpu:.1f} s",
         "—", "reference"),
        (f"{N_BATCH} proposals, {n_workers} worker processes", f"{batch_wall:.1f} s",
         f"{serial_wall / batch_wall:.2f}× faster", f"≤ {TARGET_PER_PROPOSAL_S * N_BATCH:.0f} s",
         ("ok" if ok_batch else "MISSED") + ("" if same else " (bytes differ!)")),
    ]
    print(f"Printed documents (sample unit {unit.id}, {n_households} households)")
    print("| case | wall | CPU | target | result |")
    print("|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print()
    print("| document | pages | size |")
    print("|---|---|---|")
    from pypdf import PdfReader
    for name, data in (("proposal 方案书", buf.getvalue()),
                       (f"consent forms 意见征询表 ({n_households} households)", forms.getvalue()),
                       ("public notice 公示", notice.getvalue())):
        pages = len(PdfReader(io.BytesIO(data)).pages)
        print(f"| {name} | {pages} | {len(data) / 1024:.0f} KB |")
    print(f"| {N_BATCH} proposals | — | {batch_mb:.1f} MB |")
    font = root / "resources" / "fonts" / "EESansSC.ttf"
    print(f"\nBundled font {font.name}: {font.stat().st_size / 1024 / 1024:.1f} MB "
          f"(a proposal embeds only the glyphs it uses: {proposal_kb:.0f} KB in all)")
    return 0 if ok_one and ok_batch else 1


if __name__ == "__main__":
    sys.exit(main())
