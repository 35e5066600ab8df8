"""Votes as evidence: a grid click opens the vote editor; the log records the real source,
date, clerk and note; changing a recorded vote needs a reason; an undo is logged as a
correction naming the entry it takes back."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from tests.ui.vote_entry import click_cell, enter_vote

UNIT = "XFL-3-2"


def _tab(w):
    w.show_unit(UNIT, tab="votes")
    return w.view("unit").tab("votes")


def test_a_click_opens_the_editor_and_does_not_change_the_vote(make_main_window, qtbot):
    w = make_main_window()
    tab = _tab(w)
    before = w.doc.unit(UNIT).household("502").vote  # null in the example
    editor = click_cell(qtbot, tab.grid, "502")
    assert w.doc.unit(UNIT).household("502").vote == before
    assert editor.vote_buttons[before].isChecked()
    assert editor.note_label.text() == "备注（可选）"
    qtbot.mouseClick(editor.buttons.button(editor.buttons.StandardButton.Cancel), Qt.LeftButton)
    assert w.doc.unit(UNIT).household("502").vote == before
    assert not w.doc.undo_stack.canUndo()


def test_the_log_records_source_date_clerk_and_note(make_main_window, qtbot):
    w = make_main_window()
    tab = _tab(w)
    log = w.doc.project.vote_log
    assert (
        enter_vote(
            qtbot,
            tab.grid,
            "502",
            "yes",
            source="paper",
            date="2026-11-20",
            who="张三",
            note="表决票 17 号",
        )
        == ""
    )
    ev = log[-1]
    assert (ev.household_id, ev.previous, ev.new, ev.source, ev.time) == (
        "502",
        None,
        "yes",
        "paper",
        "2026-11-20",
    )
    assert ev.note == "录入人 张三；表决票 17 号"
    hh = w.doc.unit(UNIT).household("502")
    assert (hh.vote, hh.vote_source, hh.vote_date) == ("yes", "paper", "2026-11-20")
    # the grid shows how it was cast and, on hover, who entered it
    r, c = tab.grid.cell_of("502")
    assert tab.grid.item(r, c).text().endswith("同意 · 纸质")
    assert "录入人 张三" in tab.grid.item(r, c).toolTip()
    # the session remembers source, date and clerk for the next vote
    editor = click_cell(qtbot, tab.grid, "102")
    assert editor.source.currentData() == "paper"
    assert editor.date.date() == QDate(2026, 11, 20)
    assert editor.who.text() == "张三"
    editor.reject()
    # a vote by proxy (委托)
    assert enter_vote(qtbot, tab.grid, "102", "yes", source="proxy", note="委托 李四") == ""
    assert log[-1].source == "proxy" and w.doc.unit(UNIT).household("102").vote_source == "proxy"


def test_changing_a_recorded_vote_needs_a_reason(make_main_window, qtbot):
    w = make_main_window()
    tab = _tab(w)
    n = len(w.doc.project.vote_log)
    # 601 voted yes in the example: a change without a reason is refused
    assert enter_vote(qtbot, tab.grid, "601", "no", reason="") == "改变已记录的表决须填写原因"
    assert w.doc.unit(UNIT).household("601").vote == "yes"
    assert len(w.doc.project.vote_log) == n
    # the same vote again is no change
    assert enter_vote(qtbot, tab.grid, "601", "yes") == "表决没有改变"
    assert enter_vote(qtbot, tab.grid, "601", "no", who="张三", reason="业主书面更正") == ""
    assert w.doc.unit(UNIT).household("601").vote == "no"
    assert w.doc.project.vote_log[-1].note == "录入人 张三；业主书面更正"


def test_undo_is_logged_as_a_correction(make_main_window, qtbot):
    w = make_main_window()
    tab = _tab(w)
    log = w.doc.project.vote_log
    hh = w.doc.unit(UNIT).household("502")
    old = (hh.vote, hh.vote_source, hh.vote_date)
    enter_vote(qtbot, tab.grid, "502", "yes", source="meeting", date="2026-11-21")
    seq = log[-1].seq
    w.act_undo.trigger()
    ev = log[-1]
    assert ev.seq == seq + 1 and (ev.previous, ev.new) == ("yes", old[0])
    assert ev.note == f"更正：撤销第 {seq} 条记录（录入撤销）"
    assert (hh.vote, hh.vote_source, hh.vote_date) == old
    from elevator_eval.audit import verify_log

    assert verify_log(log) == (True, None)


def test_keys_preselect_the_vote_in_the_editor(make_main_window, qtbot):
    w = make_main_window()
    tab = _tab(w)
    r, c = tab.grid.cell_of("502")
    tab.grid.setCurrentCell(r, c)
    tab.grid.setFocus()
    qtbot.keyClick(tab.grid, Qt.Key_N)
    editor = tab.grid.editor
    assert editor is not None and editor.chosen_vote() == "no"
    assert w.doc.unit(UNIT).household("502").vote is None  # not yet recorded
    qtbot.mouseClick(editor.ok_button(), Qt.LeftButton)
    assert w.doc.unit(UNIT).household("502").vote == "no"
