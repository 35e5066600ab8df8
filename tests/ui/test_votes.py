"""Votes as a person enters them: click a cell of the floor × door grid, read the tally."""

from __future__ import annotations

from PySide6.QtCore import Qt

from elevator_eval.ui.tab_votes import CYCLE, grid_layout


def _votes_tab(w, unit_id="XFL-3-2"):
    w.show_unit(unit_id, tab="votes")
    return w.view("unit").tab("votes")


def _click(qtbot, grid, door):
    r, c = grid.cell_of(door)
    rect = grid.visualItemRect(grid.item(r, c))
    qtbot.mouseClick(grid.viewport(), Qt.LeftButton, pos=rect.center())


def test_grid_is_floor_by_door_top_floor_first(make_main_window):
    w = make_main_window()
    tab = _votes_tab(w)
    g = tab.grid
    assert (g.rowCount(), g.columnCount()) == (6, 2)
    assert g.household_at(0, 0) == "601" and g.household_at(5, 1) == "102"
    assert "同意" in g.item(0, 0).text()       # 601 voted yes in the example


def test_click_changes_tally_and_consent_state_and_undo_restores(make_main_window, qtbot):
    # Example unit: 10 of 12 owners took part, 8 said yes -> 8/10 >= 3/4 passes.
    w = make_main_window()
    tab = _votes_tab(w)
    assert tab.state_label.property("state") == "ready"
    assert "8 / 10" in tab.tally_label.text()
    _click(qtbot, tab.grid, "601")            # yes -> no: 7 of 10 yes < 3/4
    unit = w.doc.unit("XFL-3-2")
    assert unit.household("601").vote == "no"
    assert "7 / 10" in tab.tally_label.text()
    assert tab.state_label.property("state") == "needs_votes"
    assert w.view("unit").consent_badge.property("state") == "needs_votes"
    assert tab.needed_label.text().startswith("还需要")
    assert w.isWindowModified()
    w.activateWindow()
    qtbot.waitActive(w)
    qtbot.keyClick(w.windowHandle(), Qt.Key_Z, Qt.ControlModifier)   # Ctrl+Z
    assert unit.household("601").vote == "yes"
    assert "8 / 10" in tab.tally_label.text()
    assert tab.state_label.property("state") == "ready"
    qtbot.keyClick(w.windowHandle(), Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)   # redo
    assert unit.household("601").vote == "no"


def test_click_cycles_through_every_vote(make_main_window, qtbot):
    w = make_main_window()
    tab = _votes_tab(w)
    seen = []
    for _ in range(4):
        _click(qtbot, tab.grid, "102")
        seen.append(w.doc.unit("XFL-3-2").household("102").vote)
    assert seen == ["yes", "no", "abstain", None]
    assert CYCLE[None] == "yes"


def test_a_vote_is_written_to_the_audit_trail(make_main_window, qtbot):
    w = make_main_window()
    tab = _votes_tab(w)
    _click(qtbot, tab.grid, "502")
    log = getattr(w.doc.project, "vote_log", None)
    if log is None:
        return
    assert log[-1].household_id == "502" and log[-1].new == "yes"
    w.doc.undo_stack.undo()                   # the correction is appended, not erased
    assert log[-1].household_id == "502" and log[-1].new is None and len(log) == 2


def test_owner_and_area_are_editable_and_undoable(make_main_window, qtbot):
    w = make_main_window()
    tab = _votes_tab(w)
    tbl = tab.households
    row = next(r for r in range(tbl.rowCount()) if tbl.item(r, 0).text() == "602")
    tbl.item(row, 2).setText("O-601")          # 601 and 602 now one owner, one head
    unit = w.doc.unit("XFL-3-2")
    assert unit.household("602").owner == "O-601"
    assert "/ 11" in tab.tally_label.text()
    row = next(r for r in range(tbl.rowCount()) if tbl.item(r, 0).text() == "101")
    tbl.item(row, 3).setText("60.00")
    assert str(unit.household("101").area_m2) == "60.00"
    w.doc.undo_stack.undo()
    w.doc.undo_stack.undo()
    assert unit.household("602").owner == "O-602"
    assert str(unit.household("101").area_m2) == "56.3"


def test_grid_layout_puts_top_floor_first():
    from types import SimpleNamespace as H
    floors, cols, cells = grid_layout([H(id="101", floor=1), H(id="201", floor=2),
                                       H(id="202", floor=2)])
    assert floors == [2, 1] and cols == 2
    assert cells[(0, 1)].id == "202" and (1, 1) not in cells
