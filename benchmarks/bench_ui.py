"""Benchmark: the window stays responsive while 100 proposals are written.

Opens the main window (offscreen) on a project of exactly 100 units (the sample street's
units copied with new ids), starts File → Batch proposals, and records with a 10 ms
``QTimer`` how long the event loop ever went without turning. The batch runs through the
app's one long-work helper (``ui/worker.py``), here in a separate process.

Target: no gap over 100 ms.

    python3 benchmarks/bench_ui.py [units]
"""

from __future__ import annotations

import copy
import os
import statistics
import sys
import tempfile
import time

TARGET_MS = 100.0


def project_of(n_units: int):
    """The sample's units repeated (new ids) until the project has ``n_units`` units."""
    from elevator_eval.resources import sample_project_path
    from elevator_eval.store import open_project
    sample = open_project(sample_project_path())
    project = copy.deepcopy(sample)
    project.communities = []
    k = 0
    while len(project.units()) < n_units:
        for c in sample.communities:
            c2 = copy.deepcopy(c)
            c2.id, c2.name = f"{c.id}-{k}", f"{c.name}{k}"
            for b in c2.buildings:
                b.id = f"{b.id}-{k}"
                for u in list(b.units):
                    u.id = f"{u.id}-{k}"
            project.communities.append(c2)
        k += 1
    extra = len(project.units()) - n_units
    while extra > 0:                       # trim to exactly n_units
        b = project.communities[-1].buildings[-1]
        b.units.pop()
        if not b.units:
            project.communities[-1].buildings.pop()
        if not project.communities[-1].buildings:
            project.communities.pop()
        extra -= 1
    return project


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    n = int(argv[0]) if argv else 100
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer
    from elevator_eval.ui.app import ensure_app, load_app_font
    from elevator_eval.ui.main_window import MainWindow
    from elevator_eval.ui.settings import Settings
    app = ensure_app()
    load_app_font(app)
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(Settings(QSettings(os.path.join(tmp, "s.ini"), QSettings.IniFormat)))
        window.doc.set_project(project_of(n), None)
        window.show_overview()
        window.show()
        for _ in range(20):
            app.processEvents()
        stamps: list[float] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: stamps.append(time.perf_counter()))
        timer.start()
        t0 = time.perf_counter()
        task = window.batch_proposals(os.path.join(tmp, "out"))
        task.done.connect(app.quit)
        app.exec()
        elapsed = time.perf_counter() - t0
        timer.stop()
        written = len(task.result) if task.result is not None else 0
        window.doc.undo_stack.setClean()
        window.close()
    gaps_ms = [(b - a) * 1000 for a, b in zip(stamps, stamps[1:])]
    worst = max(gaps_ms)
    p99 = statistics.quantiles(gaps_ms, n=100)[98]
    over = sum(1 for g in gaps_ms if g > TARGET_MS)
    print(f"{'proposals written':<34}{written:>10}")
    print(f"{'batch time s':<34}{elapsed:>10.1f}")
    print(f"{'timer ticks (10 ms)':<34}{len(stamps):>10}")
    print(f"{'median gap ms':<34}{statistics.median(gaps_ms):>10.1f}")
    print(f"{'99th percentile gap ms':<34}{p99:>10.1f}")
    print(f"{'largest gap ms':<34}{worst:>10.1f}")
    print(f"{'gaps over 100 ms':<34}{over:>10}")
    print(f"state: {task.state}; target: no gap over {TARGET_MS:.0f} ms")
    ok = task.state == "finished" and written == n and worst < TARGET_MS
    print("PASS" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
