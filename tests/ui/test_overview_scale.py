"""The street overview on a few thousand units, driven as a user: the classes show at
once, a unit is assessed in full (its consent tally) only when its row is shown, and a
vote entered in the unit's vote tab changes that one row of the overview."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from benchmarks.bench_ui import project_of
from elevator_eval import census, consent, suitability
from elevator_eval.ui import labels
from elevator_eval.ui.census_model import EAGER_ROWS
from tests.ui.vote_entry import enter_vote

UNITS = EAGER_ROWS + 100  # above the size where every row is read at once


@pytest.fixture
def tallies(monkeypatch):
    """Count the consent tallies (one per unit assessed in full)."""
    calls: list[str] = []
    real = consent.tally

    def counting(unit, *args, **kwargs):
        calls.append(unit.id)
        return real(unit, *args, **kwargs)

    monkeypatch.setattr(consent, "tally", counting)
    monkeypatch.setattr(suitability, "tally", counting)
    return calls


def _visible_rows(table) -> int:
    return table.viewport().height() // table.verticalHeader().defaultSectionSize() + 1


def _read(ov, rows: int) -> bool:
    """Whether the first ``rows`` rows show their consent state (read in turns)."""
    m = ov.model
    return all(m.data(m.index(r, 5)) != m.tr("评估中…") for r in range(rows))


def _shown(ov, rows: int) -> list[tuple[str, str, str]]:
    m = ov.model
    return [tuple(m.data(m.index(r, c)) for c in (2, 5, 6)) for r in range(rows)]


def test_classes_shown_without_assessing_every_unit(make_main_window, qtbot, tallies):
    project = project_of(UNITS)
    w = make_main_window(project)
    ov = w.view("overview")
    qtbot.waitUntil(lambda: ov.model.rowCount() == UNITS)
    result = w.doc.census()
    klass = {r.unit_id: r.klass for r in result.rows}
    m = ov.model
    for r in (0, UNITS // 2, UNITS - 1):  # every row has its class, shown or not
        uid = m.data(m.index(r, 0), Qt.UserRole)
        assert m.data(m.index(r, 4)) == labels.class_label(klass[uid])
    assert sum(result.by_class.values()) == UNITS
    qtbot.waitUntil(lambda: _read(ov, _visible_rows(ov.table) - 1))  # shown rows read
    qtbot.wait(200)
    visible = _visible_rows(ov.table)
    assert 0 < len(set(tallies)) <= visible + 5, (len(set(tallies)), visible)
    assert m.unknown_rows() >= UNITS - visible - 5
    # the rows shown are read in full: their state is the engine's for that unit
    uid = m.data(m.index(0, 0), Qt.UserRole)
    unit = w.doc.unit(uid)
    state = consent.tally(unit, w.doc.rules(uid).consent).state
    assert m.data(m.index(0, 5)) == labels.state_label(state)


def test_a_vote_changes_only_that_row(make_main_window, qtbot, tallies):
    w = make_main_window(project_of(UNITS))
    ov = w.view("overview")
    qtbot.waitUntil(lambda: ov.model.rowCount() == UNITS)
    rows = _visible_rows(ov.table) - 1
    qtbot.waitUntil(lambda: _read(ov, rows))
    before = _shown(ov, rows)
    uid = ov.row_unit_ids()[0]
    resets: list[int] = []
    ov.model.modelReset.connect(lambda: resets.append(1))
    tallies.clear()
    w.show_unit(uid, tab="votes")
    grid = w.view("unit").tab("votes").grid
    unit = w.doc.unit(uid)
    rules = w.doc.rules(uid).consent
    old_state = consent.tally(unit, rules).state
    for h in unit.households:  # vote "no" door by door until the state moves
        if h.vote != "no":
            assert enter_vote(qtbot, grid, h.id, vote="no") == ""
        if consent.tally(unit, rules).state != old_state:
            break
    new_state = consent.tally(unit, rules).state
    assert new_state != old_state
    w.show_overview()
    qtbot.waitUntil(lambda: _shown(ov, 1)[0][1] == labels.state_label(new_state))
    after = _shown(ov, rows)
    assert after[0][1] == labels.state_label(new_state) != before[0][1]
    assert after[1:] == before[1:]  # the other rows as they were
    assert not resets  # a row updated, not the whole table
    assert len(set(tallies)) == 1  # only the edited unit was tallied again
    c = w.doc.census()  # counts kept by the edit = counted afresh
    fresh = census.summarise(c.rows, c.project, c.year)
    assert (c.by_class, c.by_community, c.by_year_band) == (
        fresh.by_class,
        fresh.by_community,
        fresh.by_year_band,
    )


def test_sorting_by_state_reads_the_missing_rows_first(make_main_window, qtbot):
    from elevator_eval.census import CONSENT_STATES
    from elevator_eval.ui.worker import running_tasks

    w = make_main_window(project_of(UNITS))
    ov = w.view("overview")
    qtbot.waitUntil(lambda: ov.model.rowCount() == UNITS)
    header = ov.table.horizontalHeader()
    col = ov.model.COLUMNS.index("consent")
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))
    tasks = running_tasks()
    assert tasks, "more rows than can be read at once: the background helper reads them"
    qtbot.waitUntil(lambda: not running_tasks(), timeout=300_000)
    assert ov.model.unknown_rows() == 0
    m = ov.model
    # every unit's state, straight from the engine, in the overview's order
    states = []
    for r in range(m.rowCount()):
        uid = m.data(m.index(r, 0), Qt.UserRole)
        states.append(consent.tally(w.doc.unit(uid), w.doc.rules(uid).consent).state)
    shown = [m.data(m.index(r, col)) for r in range(m.rowCount())]
    assert shown == [labels.state_label(s) for s in states]
    assert shown == sorted(shown) or shown == sorted(shown, reverse=True)
    assert len(set(states)) > 1 and set(states) <= set(CONSENT_STATES)


def test_a_large_project_is_kept_out_of_full_collections(qtbot, monkeypatch):
    """From FREEZE_UNITS units the open project and its census are frozen (gc.freeze) and
    the collector waits during the census; a small project changes nothing; opening
    another project unfreezes."""
    import gc

    from elevator_eval.ui import document
    from tests.ui.conftest import unit_project

    doc = document.ProjectDocument()
    try:
        doc.set_project(unit_project(2), None)  # 2 units: below the threshold
        assert gc.get_freeze_count() == 0
        doc.census_in_background(doc.project)
        assert gc.isenabled() and gc.get_freeze_count() == 0
        monkeypatch.setattr(document, "FREEZE_UNITS", 2)
        doc.set_project(unit_project(2), None)  # now "large"
        assert gc.get_freeze_count() > 0
        result = doc.census_in_background(doc.project)
        assert gc.isenabled() and result.total == 2
        monkeypatch.setattr(document, "FREEZE_UNITS", 3)
        doc.set_project(unit_project(2), None)
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
        gc.enable()
