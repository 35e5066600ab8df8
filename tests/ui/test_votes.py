"""Votes as a person enters them: click a cell of the floor × door grid, read the tally."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from elevator_eval.ui.vote_grid import grid_layout
from tests.ui.vote_entry import enter_vote


def _votes_tab(w, unit_id="XFL-3-2"):
    w.show_unit(unit_id, tab="votes")
    return w.view("unit").tab("votes")


def _cell(tbl, row, header):
    col = next(c for c in range(tbl.columnCount()) if tbl.horizontalHeaderItem(c).text() == header)
    return tbl.item(row, col)


def _row(tbl, door):
    return next(r for r in range(tbl.rowCount()) if tbl.item(r, 0).text() == door)


def _named_project():
    """The example unit with owners' names; 101 and 102 belong to one owner."""
    from tests.ui.conftest import unit_project

    p = unit_project(1)
    unit = p.units()[0]
    names = {"101": "王喆", "102": "王喆", "201": "李㛃", "502": "赵敏", "601": "钱多多"}
    for h in unit.households:
        h.owner_name = names.get(h.id, "")
    unit.household("102").owner = "O-101"
    unit.household("102").vote = unit.household("101").vote
    return p


def _click(qtbot, grid, door):
    assert enter_vote(qtbot, grid, door) == ""


def test_grid_is_floor_by_door_top_floor_first(make_main_window):
    w = make_main_window()
    tab = _votes_tab(w)
    g = tab.grid
    assert (g.rowCount(), g.columnCount()) == (6, 2)
    assert g.household_at(0, 0) == "601" and g.household_at(5, 1) == "102"
    assert "同意" in g.item(0, 0).text()  # 601 voted yes in the example


def test_click_changes_tally_and_consent_state_and_undo_restores(make_main_window, qtbot):
    # Example unit: 10 of 12 owners took part, 8 said yes -> 8/10 >= 3/4 passes.
    w = make_main_window()
    tab = _votes_tab(w)
    assert tab.state_label.property("state") == "ready"
    assert "8 / 10" in tab.tally_label.text()
    _click(qtbot, tab.grid, "601")  # yes -> no: 7 of 10 yes < 3/4
    unit = w.doc.unit("XFL-3-2")
    assert unit.household("601").vote == "no"
    assert "7 / 10" in tab.tally_label.text()
    assert tab.state_label.property("state") == "needs_votes"
    assert w.view("unit").consent_badge.property("state") == "needs_votes"
    assert tab.needed_label.text().startswith("还需要")
    assert w.isWindowModified()
    w.activateWindow()
    qtbot.waitActive(w)
    qtbot.keyClick(w.windowHandle(), Qt.Key_Z, Qt.ControlModifier)  # Ctrl+Z
    assert unit.household("601").vote == "yes"
    assert "8 / 10" in tab.tally_label.text()
    assert tab.state_label.property("state") == "ready"
    qtbot.keyClick(w.windowHandle(), Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)  # redo
    assert unit.household("601").vote == "no"


def test_every_vote_can_be_entered(make_main_window, qtbot):
    w = make_main_window()
    tab = _votes_tab(w)
    seen = []
    for vote in ("yes", "no", "abstain", None):
        assert enter_vote(qtbot, tab.grid, "102", vote) == ""
        seen.append(w.doc.unit("XFL-3-2").household("102").vote)
    assert seen == ["yes", "no", "abstain", None]


def test_a_vote_is_written_to_the_audit_trail(make_main_window, qtbot):
    w = make_main_window()
    tab = _votes_tab(w)
    _click(qtbot, tab.grid, "502")
    log = getattr(w.doc.project, "vote_log", None)
    if log is None:
        return
    assert log[-1].household_id == "502" and log[-1].new == "yes"
    w.doc.undo_stack.undo()  # the correction is appended, not erased
    assert log[-1].household_id == "502" and log[-1].new is None and len(log) == 2


def test_owner_and_area_are_editable_and_undoable(make_main_window, qtbot):
    w = make_main_window()
    tab = _votes_tab(w)
    tbl = tab.households
    row = next(r for r in range(tbl.rowCount()) if tbl.item(r, 0).text() == "602")
    _cell(tbl, row, "业主编号").setText("O-601")  # 601 and 602 now one owner, one head
    unit = w.doc.unit("XFL-3-2")
    assert unit.household("602").owner == "O-601"
    assert "/ 11" in tab.tally_label.text()
    row = next(r for r in range(tbl.rowCount()) if tbl.item(r, 0).text() == "101")
    _cell(tbl, row, "专有面积（m²）").setText("60.00")
    assert str(unit.household("101").area_m2) == "60.00"
    w.doc.undo_stack.undo()
    w.doc.undo_stack.undo()
    assert unit.household("602").owner == "O-602"
    assert str(unit.household("101").area_m2) == "56.3"


def test_grid_layout_puts_top_floor_first():
    from types import SimpleNamespace as H

    floors, cols, cells = grid_layout(
        [H(id="101", floor=1), H(id="201", floor=2), H(id="202", floor=2)]
    )
    assert floors == [2, 1] and cols == 2
    assert cells[(0, 1)].id == "202" and (1, 1) not in cells


def test_household_table_shows_names_with_the_owner_id_beside_and_in_the_tooltip(make_main_window):
    w = make_main_window(_named_project())
    tab = _votes_tab(w)
    tbl = tab.households
    assert _cell(tbl, _row(tbl, "201"), "业主").text() == "李㛃"
    assert "O-201" in _cell(tbl, _row(tbl, "201"), "业主").toolTip()
    assert _cell(tbl, _row(tbl, "201"), "业主编号").text() == "O-201"
    assert _cell(tbl, _row(tbl, "302"), "业主").text() == ""  # no name on file
    assert "李㛃" in tab.grid.item(*tab.grid.cell_of("201")).text()
    assert "O-201" in tab.grid.item(*tab.grid.cell_of("201")).toolTip()
    # the name is edited in place and undone like every edit
    _cell(tbl, _row(tbl, "302"), "业主").setText("孙立")
    unit = w.doc.unit("XFL-3-2")
    assert unit.household("302").owner_name == "孙立"
    assert unit.household("302").owner == "O-302"
    w.doc.undo_stack.undo()
    assert unit.household("302").owner_name == ""


def test_what_is_needed_names_doors_and_owners_not_ids(make_main_window, qtbot):
    # 101+102 are one owner (王喆, 117.35 m², no). With 601 and 602 absent, 8 of 11 heads
    # take part; 6 say yes (6/8 = 3/4 passes the head count) but the yes area is
    # 291.00 of 464.65 m² < 3/4 (348.49). One more yes is enough only from 王喆:
    # 201 (abstain, 56.3) gives 347.30 < 348.49; 502 joining gives 352.05 < 394.28.
    w = make_main_window(_named_project())
    tab = _votes_tab(w)
    for door in ("601", "602"):
        w.doc.set_vote("XFL-3-2", door, None)
    text = tab.needed_label.text()
    assert text.startswith("还需要 1 位业主同意")
    assert "101/102 王喆" in text
    assert "O-" not in text  # no owner ids in the sentence
    assert "O-101" in tab.needed_label.toolTip()
    w.doc.set_vote("XFL-3-2", "101", "yes")
    w.doc.set_vote("XFL-3-2", "102", "yes")
    assert tab.needed_label.text() == "已满足全部表决条件。"


def test_consent_states_have_labels_never_raw_keys(make_main_window):
    from elevator_eval.census import CONSENT_STATES
    from elevator_eval.ui import labels

    texts = {s: labels.state_label(s) for s in CONSENT_STATES}
    assert texts["invalid"] == "表决数据有误" and texts["not_computed"] == "未统计"
    assert not set(texts.values()) & set(CONSENT_STATES)
    w = make_main_window(_named_project())
    tab = _votes_tab(w)
    w.doc.set_vote("XFL-3-2", "102", "yes")  # one owner, two different votes
    assert tab.state_label.text() == "表决数据有误"
    assert tab.state_label.property("state") == "invalid"
    assert w.view("unit").consent_badge.text() == "表决数据有误"


def test_a_households_area_is_typed_in_its_cell_and_bad_areas_are_refused(make_main_window, qtbot):
    """Double-click-and-type as a clerk does: 60.5㎡ is taken (the tally's area follows);
    "abc", "-5", "Infinity" are refused with a message naming the door, nothing changes."""
    from tests.ui.test_engine_inputs import _edit_cell

    w = make_main_window()
    tab = _votes_tab(w)
    tbl = tab.households
    col = next(
        c
        for c in range(tbl.columnCount())
        if tbl.horizontalHeaderItem(c).text() == "专有面积（m²）"
    )
    row = next(r for r in range(tbl.rowCount()) if tbl.item(r, 0).text() == "101")
    assert tbl.item(row, col).flags() & Qt.ItemIsEditable
    unit = w.doc.unit("XFL-3-2")
    total = sum(h.area_m2 for h in unit.households)
    _edit_cell(qtbot, tbl, row, col, "60.5㎡")
    assert unit.household("101").area_m2 == Decimal("60.5")
    assert w.doc.consent("XFL-3-2").area_total_m2 == total - Decimal("56.3") + Decimal("60.5")
    for bad in ("abc", "-5", "Infinity"):
        row = next(r for r in range(tbl.rowCount()) if tbl.item(r, 0).text() == "101")
        _edit_cell(qtbot, tbl, row, col, bad)
        assert unit.household("101").area_m2 == Decimal("60.5"), bad
        assert tab.needed_label.text().startswith("101 的面积未采用："), bad
    w.doc.undo_stack.undo()
    assert unit.household("101").area_m2 == Decimal("56.3")
