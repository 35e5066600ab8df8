"""Two checkouts of the program side by side: a warm proposal's CPU time, the part of it
spent writing the PDF, and a batch of proposals in one process.

On a machine other programs share, one run of each version after the other can differ by
more than a change saves. This runs the versions alternately, each in a fresh process that
imports that checkout, for a few rounds; a document's time is the least of five runs (other
programs only ever add time) and the figures are the medians over the rounds.

    python3 benchmarks/ab_documents.py OLD_CHECKOUT NEW_CHECKOUT [ROUNDS]

(Not a ``bench_*`` script: ``benchmarks/run.py`` runs those without arguments.)

Each checkout is a folder with the ``elevator_eval`` package (e.g. made with
``git worktree add`` or ``git archive``); this file's own benchmarks folder provides the
1,000-unit project of :mod:`bench_reports`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

BATCH = 48


def _child() -> None:
    """In the checkout's process: print warm CPU ms, write-phase CPU ms, batch CPU ms per
    proposal, batch wall ms per proposal and the batch's mean file size in bytes."""
    import io
    import tempfile
    import time
    from inspect import signature

    from reportlab.pdfbase import pdfdoc

    from elevator_eval.report.batch import write_all_proposals
    from elevator_eval.report.proposal import build_proposal
    from elevator_eval.resources import sample_project_path
    from elevator_eval.store import open_project

    sys.argv[1:] = []
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_reports import _project

    spent = {"write": 0.0}
    get_data = pdfdoc.PDFDocument.GetPDFData

    def timed_get_data(self, *args, **kwargs):
        c0 = time.process_time()
        try:
            return get_data(self, *args, **kwargs)
        finally:
            spent["write"] += time.process_time() - c0

    pdfdoc.PDFDocument.GetPDFData = timed_get_data  # this measuring process only
    p = open_project(sample_project_path())
    units = p.units()
    # the code of the time (commit 1653fe6) took no project and no workers
    with_project = {"project": p} if "project" in signature(build_proposal).parameters else {}
    serial = {"workers": 1} if "workers" in signature(write_all_proposals).parameters else {}
    for u in units:
        build_proposal(u, out=io.BytesIO(), **with_project)
    total: dict[str, list[float]] = {}
    write: dict[str, list[float]] = {}
    for _ in range(5):
        for u in units:
            spent["write"] = 0.0
            c0 = time.process_time()
            build_proposal(u, out=io.BytesIO(), **with_project)
            total.setdefault(u.id, []).append(time.process_time() - c0)
            write.setdefault(u.id, []).append(spent["write"])
    big = _project(BATCH)
    with tempfile.TemporaryDirectory() as tmp:
        c0, w0 = time.process_time(), time.perf_counter()
        paths = write_all_proposals(big, Path(tmp), **serial)
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        size = sum(x.stat().st_size for x in paths) / len(paths)
    print(
        statistics.median(min(v) for v in total.values()) * 1000,
        statistics.median(min(v) for v in write.values()) * 1000,
        cpu / BATCH * 1000,
        wall / BATCH * 1000,
        size,
    )


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    versions = {"old": Path(sys.argv[1]).resolve(), "new": Path(sys.argv[2]).resolve()}
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    results: dict[str, list[list[float]]] = {k: [] for k in versions}
    for r in range(rounds):
        for name in list(versions) if r % 2 == 0 else list(versions)[::-1]:
            out = subprocess.run(
                [sys.executable, __file__, "--child"],
                cwd=versions[name],
                env=dict(os.environ, PYTHONPATH=str(versions[name])),
                capture_output=True,
                text=True,
                check=True,
            )
            results[name].append([float(x) for x in out.stdout.split()])
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(
        f"{rounds} alternating rounds; load average now {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}"
    )
    print(
        "| version | warm proposal CPU | … writing the PDF | batch CPU / proposal "
        "| batch wall / proposal | size |"
    )
    print("|---|---|---|---|---|---|")
    for name, rows in results.items():
        med = [statistics.median(row[i] for row in rows) for i in range(5)]
        print(
            f"| {name} | {med[0]:.1f} ms | {med[1]:.1f} ms | {med[2]:.1f} ms "
            f"| {med[3]:.1f} ms | {med[4] / 1024:.1f} KB |"
        )
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child()
    else:
        sys.exit(main())
