"""The vote log as a clerk sees it: set a vote in the grid, read the new entry in the log,
notice a tampered entry, export the log to CSV."""

from __future__ import annotations

import csv
import dataclasses

UNIT = "DH-1-2"


def _click(qtbot, grid, door):
    from tests.ui.vote_entry import enter_vote

    assert enter_vote(qtbot, grid, door) == ""


def _row(view, r):
    t = view.table
    return [t.item(r, c).text() for c in range(t.columnCount())]


def _col(view, title):
    t = view.table
    return next(c for c in range(t.columnCount()) if t.horizontalHeaderItem(c).text() == title)


def test_vote_set_in_grid_appears_in_log_and_chain_is_checked(make_main_window, qtbot):
    w = make_main_window("sample")
    log = w.doc.project.vote_log
    n0 = len(log)
    assert n0 > 0
    w.show_unit(UNIT, tab="votes")
    tab = w.view("unit").tab("votes")
    door = "502"
    before = w.doc.unit(UNIT).household(door).vote
    # the project-wide log from the View menu
    w.act_vote_log.trigger()
    dlg = w._vote_log_dialog
    assert dlg is not None and dlg.isVisible()
    view = dlg.view
    assert view.table.rowCount() == n0
    assert view.status.text() == f"记录完整：{n0} 条，哈希链校验通过"

    _click(qtbot, tab.grid, door)  # a click opens the editor; a new vote
    after = w.doc.unit(UNIT).household(door).vote
    assert after != before
    labels = {"yes": "同意", "no": "反对", "abstain": "弃权", None: "未参与"}
    # the view updated by itself: a new top row (newest first)
    assert view.table.rowCount() == n0 + 1
    top = _row(view, 0)
    assert top[_col(view, "序号")] == str(n0 + 1)
    assert top[_col(view, "单元")] == UNIT
    assert top[_col(view, "门牌")] == door
    assert top[_col(view, "原表决 → 新表决")] == f"{labels[before]} → {labels[after]}"
    assert top[_col(view, "哈希（前 10 位）")] == log[-1].hash[:10]
    owner = w.doc.unit(UNIT).household(door).owner_name.strip()
    assert top[_col(view, "业主")] == owner
    assert view.status.text() == f"记录完整：{n0 + 1} 条，哈希链校验通过"
    assert view.status.property("intact") is True

    # the unit's own log from the votes tab shows only this unit's entries
    unit_dlg = tab.show_vote_log()
    assert unit_dlg.view.table.rowCount() == sum(1 for e in log if e.unit_id == UNIT)
    assert {
        _row(unit_dlg.view, r)[_col(unit_dlg.view, "单元")]
        for r in range(unit_dlg.view.table.rowCount())
    } == {UNIT}

    # tamper with the second entry's recorded vote in memory: checked from entry 2 on
    log[1] = dataclasses.replace(log[1], new="yes" if log[1].new != "yes" else "no")
    w.doc.notify_unit(UNIT)
    assert view.status.text() == "记录被改动：第 2 条起校验失败"
    assert view.status.property("intact") is False
    assert unit_dlg.view.status.text() == "记录被改动：第 2 条起校验失败"
    unit_dlg.close()
    dlg.close()


def test_hash_replaced_reads_altered_from_first_entry(make_main_window):
    w = make_main_window("sample")
    log = w.doc.project.vote_log
    view = w.show_vote_log().view
    log[0] = dataclasses.replace(log[0], hash="f" * 64)
    w.doc.notify_unit(log[0].unit_id)
    assert view.status.text() == "记录被改动：第 1 条起校验失败"
    view.window().close()


def test_language_switch_closes_log_and_it_reopens_in_english(make_main_window, qtbot):
    w = make_main_window("sample")
    w.show_vote_log()
    w.switch_language("en")
    qtbot.waitUntil(lambda: w._vote_log_dialog is None)  # closed and deleted
    dlg = w.show_vote_log()
    n = len(w.doc.project.vote_log)
    assert dlg.view.status.text() == f"Log intact: {n} entries, hash chain verified"
    sources = {dlg.view.table.item(r, 6).text() for r in range(dlg.view.table.rowCount())}
    assert sources == {"Meeting", "Paper", "Online", "Other"}  # the sample uses all four
    dlg.close()


def test_export_csv_rows_and_formula_neutralised(make_main_window, qtbot, tmp_path):
    w = make_main_window("sample")
    w.show_unit(UNIT, tab="votes")
    tab = w.view("unit").tab("votes")
    _click(qtbot, tab.grid, "601")
    log = w.doc.project.vote_log
    log[-1].note = '=HYPERLINK("x")'  # the note as typed; the chain is not the point
    dlg = tab.show_vote_log()
    out = dlg.view.export_csv(str(tmp_path / "log.csv"))
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    head, body = rows[0], rows[1:]
    mine = [e for e in log if e.unit_id == UNIT]
    assert len(body) == len(mine)
    rec = dict(zip(head, body[0]))  # newest first
    assert rec["序号"] == str(len(log))
    assert rec["门牌"] == "601" and rec["单元"] == UNIT
    assert rec["hash"] == log[-1].hash and rec["prev_hash"] == log[-2].hash
    assert rec["备注"] == '\'=HYPERLINK("x")'
    assert [r[0] for r in body] == [str(e.seq) for e in reversed(mine)]
    dlg.close()


def test_a_units_log_names_the_doors_whose_vote_it_does_not_hold(make_main_window, qtbot):
    """Most of DH-1-2's sample votes came with the project, without log entries: the unit's
    log says which doors need evidence of their own, and a vote set in the grid takes its
    door off that list."""
    from elevator_eval.audit import unlogged_votes

    w = make_main_window("sample")
    unit = w.doc.unit(UNIT)
    # by hand: a door with a vote whose last log entry does not give that vote
    last = {e.household_id: e.new for e in w.doc.project.vote_log if e.unit_id == UNIT}
    expected = [h.id for h in unit.households if h.vote is not None and last.get(h.id, 0) != h.vote]
    assert expected and unlogged_votes(unit, w.doc.project.vote_log) == expected
    w.show_unit(UNIT, tab="votes")
    tab = w.view("unit").tab("votes")
    dlg = tab.show_vote_log()
    caption = dlg.view.caption.text()
    assert f"另有 {len(expected)} 户的现有表决不在记录中" in caption
    assert caption.endswith("须另有依据：" + "、".join(expected))
    _click(qtbot, tab.grid, expected[0])  # now logged
    assert dlg.view.caption.text().endswith("须另有依据：" + "、".join(expected[1:]))
    dlg.close()
