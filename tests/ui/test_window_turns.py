"""The census steps aside while the window repaints (``ui/window_turns.py``): a paint of a
watched view closes the gate, the gate opens again after the paints stop, a worker
waits at its pauses while the gate is closed, and the census the app starts after its
first paint still arrives while the table repaints all the time."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit, QWidget

from benchmarks.bench_ui import project_of
from elevator_eval import census
from elevator_eval.ui import window_turns
from elevator_eval.ui.window_turns import BusyGate


def _shown_widget(qtbot) -> QWidget:
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_a_paint_closes_the_gate_until_the_paints_stop(qtbot, monkeypatch):
    monkeypatch.setattr(window_turns, "REOPEN_MS", 60_000)  # closed until stopped
    w = _shown_widget(qtbot)
    gate = BusyGate([w])
    assert gate.open.is_set()
    w.update()  # painted in a turn of the event loop
    qtbot.waitUntil(lambda: not gate.open.is_set(), timeout=5_000)
    gate.stop()
    assert gate.open.is_set()
    w.update()
    qtbot.wait(50)
    assert gate.open.is_set()  # no longer watched


def test_a_key_typed_in_a_watched_box_closes_the_gate(qtbot, monkeypatch):
    """Typing in the search box filters the table in Python at once: the census waits."""
    monkeypatch.setattr(window_turns, "REOPEN_MS", 60_000)
    box = QLineEdit()
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    gate = BusyGate([box])
    qtbot.wait(50)  # (its first paints closed the gate)
    gate.open.set()
    qtbot.keyClick(box, "a")  # delivered now; the box repaints in a later turn
    assert not gate.open.is_set()
    assert box.text() == "a"  # the key went on to the box
    gate.stop()


def test_the_gate_opens_again_after_the_last_paint(qtbot, monkeypatch):
    monkeypatch.setattr(window_turns, "REOPEN_MS", 500)  # (long enough to see it closed)
    w = _shown_widget(qtbot)
    gate = BusyGate([w])
    w.update()
    qtbot.waitUntil(lambda: not gate.open.is_set(), timeout=5_000)
    qtbot.waitUntil(gate.open.is_set, timeout=5_000)  # REOPEN_MS after the paint
    gate.stop()


def test_a_worker_waits_at_its_pause_while_the_gate_is_closed(qtbot, monkeypatch):
    monkeypatch.setattr(window_turns, "MAX_WAIT_S", 60.0)  # only the gate lets it go
    monkeypatch.setattr(window_turns, "REOPEN_MS", 1_000)
    w = _shown_widget(qtbot)
    gate = BusyGate([w])
    w.update()
    qtbot.waitUntil(lambda: not gate.open.is_set(), timeout=5_000)
    past = threading.Event()

    def worker():
        gate.hook()
        past.set()

    t = threading.Thread(target=worker)
    t.start()
    assert not past.wait(0.2)  # held while the gate is closed
    qtbot.waitUntil(past.is_set, timeout=5_000)  # the gate opened after the paint
    t.join()
    gate.stop()


def test_the_census_arrives_while_the_table_repaints_all_the_time(
    make_main_window, qtbot, monkeypatch
):
    found: list[bool] = []  # at each pause: was the gate closed?
    real_hook = BusyGate.hook

    def hook(self):
        found.append(not self.open.is_set())
        real_hook(self)

    monkeypatch.setattr(BusyGate, "hook", hook)
    w = make_main_window()
    w.doc.defer_engines = True
    w.doc.set_project(project_of(2_000), None)
    w.show_overview()
    viewport = w.view("overview").table.viewport()
    painter = QTimer()
    painter.setInterval(25)  # longer than REOPEN_MS: the gate opens between paints
    painter.timeout.connect(viewport.repaint)
    task = w.finish_startup()
    painter.start()
    with qtbot.waitSignal(task.done, timeout=120_000):
        pass
    painter.stop()
    assert task.state == "finished"
    assert w.doc.census() is not None and w.doc.census().total == 2_000
    assert any(found) and not all(found)  # it waited at some pauses, not at every one
    gates = w.findChildren(BusyGate)
    assert gates and all(g.open.is_set() for g in gates)  # stopped: nothing held


def test_closing_the_window_ends_a_census_held_by_the_repaints(
    make_main_window, qtbot, monkeypatch
):
    """The window closes while the census waits for its repaints: the census goes on and
    ends at its next pause (cancelled), instead of waiting out each pause."""
    monkeypatch.setattr(window_turns, "MAX_WAIT_S", 60.0)  # only the gate lets it go
    monkeypatch.setattr(window_turns, "REOPEN_MS", 60_000)
    held = threading.Event()
    real_hook = BusyGate.hook

    def hook(self):
        if not self.open.is_set():
            held.set()
        real_hook(self)

    monkeypatch.setattr(BusyGate, "hook", hook)
    counted: list[int] = []
    real_summarise = census.summarise
    monkeypatch.setattr(
        census, "summarise", lambda *a, **k: counted.append(1) or real_summarise(*a, **k)
    )
    w = make_main_window()
    w.doc.defer_engines = True
    w.doc.set_project(project_of(2_000), None)
    w.show_overview()
    counted.clear()  # (the window's first project, counted at once)
    task = w.finish_startup()
    w.view("overview").table.viewport().update()  # closes the gate until it is stopped
    qtbot.waitUntil(held.is_set, timeout=60_000)  # the census waits at a pause
    w.close()  # stops the gate, cancels the task and waits for it
    assert task.state == "cancelled" or task.wait(0)  # ended, not held
    qtbot.waitUntil(lambda: task.state == "cancelled", timeout=10_000)
    assert w.doc.census() is None  # a cancelled census is not shown
    assert counted == []  # it ended at a pause, before its counts
