"""Test-only driver: runs the real desktop app (``elevator_eval.ui.app.run``) and works it
from inside its own event loop, for the window-kill, batch-kill and soak tests.

    python -m tests.window_driver edit  PROJECT JOURNAL
    python -m tests.window_driver check PROJECT JOURNAL yes|no RESULT
    python -m tests.window_driver batch PROJECT JOURNAL OUT_DIR
    python -m tests.window_driver soak  PROJECT JOURNAL CYCLES RESULT

Nothing here is imported by the app. The driver answers the window's questions the way
the UI tests do (by replacing the question methods before the window is made), shortens
the autosave timer, and writes one fsynced journal line per step so that the test that
kills it knows what had happened by then:

``edit``
    types a new fire-lane width into the site tab every few milliseconds (edit *i* sets
    ``10 + i/100`` m, so the value tells which edit it is) and every fourth edit also
    changes a vote; the autosave timer fires every :data:`AUTOSAVE_MS`. Journal:
    ``edit i``, ``vote i VALUE``, ``autosaved i`` (the last edit the copy holds).
``check``
    starts the app on the file as after a crash, answers the recovery offer with yes or
    no, and writes what the window then shows as JSON.
``batch``
    triggers File → batch proposals into OUT_DIR (the folder dialog answered).
``soak``
    CYCLES × (edit, undo, redo, vote, save) through the window, memory sampled.
"""

from __future__ import annotations

import json
import os
import resource
import sys
from decimal import Decimal
from pathlib import Path

UNIT = "XFL-3-2"
VOTER = "102"
AUTOSAVE_MS = 120
EDIT_MS = 15


class Journal:
    def __init__(self, path: str):
        self.f = open(path, "a", encoding="utf-8")  # noqa: SIM115 - open for the run

    def __call__(self, line: str) -> None:
        self.f.write(line + "\n")
        self.f.flush()
        os.fsync(self.f.fileno())


def _window():
    from PySide6.QtWidgets import QApplication

    from elevator_eval.ui.main_window import MainWindow

    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))


def _set_fire_lane(w, text: str) -> None:
    ed = w.view("unit").tab("site").form.editors["fire_lane_width_after_m"]
    ed.setText(text)
    ed.editingFinished.emit()


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _state(w) -> dict:
    from elevator_eval.audit import verify_log

    unit = w.doc.unit(UNIT)
    ok, bad = verify_log(w.doc.project.vote_log)
    return {
        "fire_lane": str(unit.site.fire_lane_width_after_m),
        "vote": unit.household(VOTER).vote,
        "vote_log_ok": ok,
        "vote_log_bad": bad,
        "vote_log_len": len(w.doc.project.vote_log),
        "dirty": w.isWindowModified(),
        "path": str(w.doc.path),
    }


def edit(project: str, journal: Journal) -> None:
    from PySide6.QtCore import QTimer

    from elevator_eval.ui.main_window import MainWindow

    edits = {"n": 0}
    original = MainWindow.autosave

    def autosave(self):
        n = edits["n"]
        ok = original(self)
        if ok:
            journal(f"autosaved {n}")
        return ok

    MainWindow.autosave = autosave

    def start():
        w = _window()
        w.autosave_timer.setInterval(AUTOSAVE_MS)
        w.show_unit(UNIT, tab="site")
        journal("started")
        timer = QTimer(w)
        timer.setInterval(EDIT_MS)

        def step():
            i = edits["n"] + 1
            _set_fire_lane(w, f"{Decimal(1000 + i) / 100:.2f}")
            if i % 4 == 0:
                vote = "yes" if i % 8 == 0 else "no"
                w.doc.set_vote(UNIT, VOTER, vote)
                journal(f"vote {i} {vote}")
            edits["n"] = i
            journal(f"edit {i}")

        timer.timeout.connect(step)
        timer.start()

    _run(project, start)


def check(project: str, journal: Journal, answer: str, result: str) -> None:
    from PySide6.QtCore import QTimer

    from elevator_eval.ui.main_window import MainWindow

    asked: list[str] = []
    MainWindow._ask_recover = lambda self, found: asked.append(str(found)) or answer == "yes"
    original = MainWindow.offer_recovery

    def offer(self):
        recovered = original(self)
        state = _state(self)
        state.update(asked=bool(asked), recovered=recovered)
        Path(result).write_text(json.dumps(state), encoding="utf-8")
        journal("checked")
        self.ask_save_changes = lambda: "discard"
        QTimer.singleShot(0, self.close)
        return recovered

    MainWindow.offer_recovery = offer
    _run(project, None)


def batch(project: str, journal: Journal, out_dir: str) -> None:
    from PySide6.QtWidgets import QFileDialog

    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: out_dir)

    def start():
        w = _window()
        journal("started")
        w.act_batch.trigger()

    _run(project, start)


def soak(project: str, journal: Journal, cycles: int, result: str) -> None:
    from PySide6.QtCore import QCoreApplication

    def start():
        w = _window()
        w.show_unit(UNIT, tab="site")
        samples = []
        for i in range(1, cycles + 1):
            _set_fire_lane(w, f"{Decimal(1000 + i % 500) / 100:.2f}")
            w.act_undo.trigger()
            w.act_redo.trigger()
            w.doc.set_vote(UNIT, VOTER, ("yes", "no", "abstain", None)[i % 4])
            w.act_save.trigger()
            QCoreApplication.processEvents()
            if i == 1 or i % 50 == 0:
                samples.append((i, round(_rss_mb(), 1)))
                journal(f"cycle {i} rss {samples[-1][1]}")
        state = _state(w)
        state.update(
            samples=samples,
            cycles=cycles,
            maxrss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        )
        Path(result).write_text(json.dumps(state), encoding="utf-8")
        w.close()

    _run(project, start)


def _run(project: str, start) -> None:
    from PySide6.QtCore import QTimer

    from elevator_eval.ui import app

    app.ensure_app()
    if start is not None:
        QTimer.singleShot(300, start)
    app.run(project)


def main(argv: list[str]) -> int:
    mode, project, journal = argv[0], argv[1], Journal(argv[2])
    if mode == "edit":
        edit(project, journal)
    elif mode == "check":
        check(project, journal, argv[3], argv[4])
    elif mode == "batch":
        batch(project, journal, argv[3])
    elif mode == "soak":
        soak(project, journal, int(argv[3]), argv[4])
    else:
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
