"""The census after the first paint, as the app starts it (``finish_startup``): what the
window shows of it (the table's columns, the unit rows and classes) is made in the
census's worker thread, the tree is recoloured rather than rebuilt, and a census of
units changed meanwhile is not shown."""

from __future__ import annotations

import copy
import threading

import pytest
from PySide6.QtCore import Qt

from benchmarks.bench_ui import project_of
from elevator_eval import census
from elevator_eval.ui import census_model, document, labels
from elevator_eval.ui.style import CLASS_COLOURS

UNITS = 320  # twenty copies of the sample's units: every class present


def _deferred(make_main_window, project):
    """A window that painted ``project`` without engine results, as at start-up."""
    w = make_main_window()
    w.doc.defer_engines = True
    w.doc.set_project(project, None)
    w.show_overview()
    return w


def test_what_the_window_shows_of_the_census_is_made_in_its_worker(
    make_main_window, qtbot, monkeypatch
):
    threads: dict[str, list[bool]] = {"columns": [], "rows": [], "classes": []}

    def on_main() -> bool:
        return threading.current_thread() is threading.main_thread()

    def recording(name, real):
        def made(arg):
            threads[name].append(on_main())
            return real(arg)

        return made

    monkeypatch.setattr(census_model, "columns_of", recording("columns", census_model.columns_of))
    monkeypatch.setattr(document, "unit_rows", recording("rows", document.unit_rows))
    monkeypatch.setattr(document, "unit_classes", recording("classes", document.unit_classes))
    w = _deferred(make_main_window, project_of(UNITS))
    for made in threads.values():  # the window's first project (made at once)
        made.clear()
    resets: list[int] = []
    w.tree_model.modelAboutToBeReset.connect(lambda: resets.append(1))
    task = w.finish_startup()
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    assert task.state == "finished"
    # each made once, in the worker, none again by the window when the census arrived
    assert threads == {"columns": [False], "rows": [False], "classes": [False]}
    result = w.doc.census()
    klass = {r.unit_id: r.klass for r in result.rows}
    assert len(set(klass.values())) == 3
    m = w.view("overview").model
    assert m.rowCount() == UNITS
    for r in range(UNITS):
        uid = m.data(m.index(r, 0), Qt.UserRole)
        assert m.data(m.index(r, 4)) == labels.class_label(klass[uid])
    # the tree kept its rows and shows the classes' colours
    assert resets == []
    for uid in (result.rows[0].unit_id, result.rows[-1].unit_id):
        brush = w.tree_model.unit_index(uid).data(Qt.ForegroundRole)
        assert brush.color().name().lower() == CLASS_COLOURS[klass[uid]].lower()


def test_a_census_of_units_changed_meanwhile_is_not_shown(make_main_window, qtbot, monkeypatch):
    """A unit added while the census runs (an import): the census made before is refused
    and the window shows the census of every unit, the new one included."""
    computed, go = threading.Event(), threading.Event()
    real = census.census

    def slow(project, *args, **kwargs):  # the census made, then held back
        result = real(project, *args, **kwargs)
        computed.set()
        go.wait(30)
        return result

    w = _deferred(make_main_window, project_of(UNITS))
    monkeypatch.setattr(census, "census", slow)
    task = w.finish_startup()
    qtbot.waitUntil(computed.is_set, timeout=60_000)  # it starts in the next turn
    building = w.doc.project.communities[0].buildings[0]
    added = copy.deepcopy(building.units[0])
    added.id = "NEW-1"
    building.units.append(added)
    w.doc.notify_structure()
    go.set()
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    monkeypatch.setattr(census, "census", real)
    assert w.doc.census().total == UNITS + 1
    assert "NEW-1" in w.view("overview").row_unit_ids()
    assert w.tree_model.unit_index("NEW-1").isValid()


def test_a_large_census_fills_the_table_in_the_next_turn_edits_included(make_main_window, qtbot):
    """Above EAGER_ROWS units the table is filled one turn after the census arrives (the
    window repaints the tree first); a vote recorded in between is shown with it."""
    from elevator_eval.ui.census_model import EAGER_ROWS

    n = EAGER_ROWS + 100
    w = _deferred(make_main_window, project_of(n))
    ov = w.view("overview")
    task = w.finish_startup()
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    first = w.doc.census().rows[0]
    assert ov.model.data(ov.model.index(0, 4)) == labels.class_label(None)  # not yet
    unit = w.doc.unit(first.unit_id)
    hh = unit.households[0]
    w.doc.set_vote(unit.id, hh.id, "no" if hh.vote != "no" else "yes", source="meeting")
    qtbot.waitUntil(lambda: ov.model.data(ov.model.index(0, 4)) != labels.class_label(None))
    assert ov.model.rowCount() == n
    row = w.doc.census_row(unit.id)
    m = ov.model
    r = ov.row_unit_ids().index(unit.id)
    assert m.data(m.index(r, 4)) == labels.class_label(row.klass)
    state = w.doc.consent(unit.id).state
    qtbot.waitUntil(lambda: m.data(m.index(r, 5)) == labels.state_label(state))


def test_the_census_hands_the_interpreter_over_often_while_it_runs(qtbot, monkeypatch):
    """While a background census runs the switch interval is short (the window's calls
    into Python wait less for the census thread); afterwards it is as it was."""
    import sys

    from tests.ui.conftest import unit_project

    seen: list[float] = []
    real = census.census

    def recording(project, *args, **kwargs):
        seen.append(sys.getswitchinterval())
        return real(project, *args, **kwargs)

    before = sys.getswitchinterval()
    doc = document.ProjectDocument()
    doc.set_project(unit_project(2), None)
    monkeypatch.setattr(census, "census", recording)
    assert doc.census_in_background(doc.project).total == 2
    # (the interpreter keeps the interval in whole microseconds)
    assert seen == [pytest.approx(document.CENSUS_SWITCH_S, abs=1e-6)]
    assert before > document.CENSUS_SWITCH_S
    assert sys.getswitchinterval() == before


def test_the_unit_count_follows_the_changes_to_the_street(qtbot):
    """Counted once per change (the status line and the census ask for it again and
    again): a unit added through the structure's notice is counted, a vote is not a
    new unit."""
    from tests.ui.conftest import unit_project

    doc = document.ProjectDocument()
    doc.set_project(unit_project(3), None)
    assert doc.unit_count() == 3
    building = doc.project.communities[0].buildings[0]
    added = copy.deepcopy(building.units[0])
    added.id = "NEW-1"
    building.units.append(added)
    assert doc.unit_count() == 3  # not told yet: the count made before
    doc.notify_structure()
    assert doc.unit_count() == 4
    unit = building.units[0]
    doc.set_vote(unit.id, unit.households[0].id, "yes", source="meeting")
    assert doc.unit_count() == 4
    doc.set_project(unit_project(2), None)
    assert doc.unit_count() == 2
    assert not doc.is_large()
