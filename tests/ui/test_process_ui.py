"""Procedure views driven as a user: stage overview with filter and funnel, a refused and
an accepted move (undoable), objections, a canvassing contact, the upkeep ledger."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from elevator_eval.process.records import read_canvass, read_process


def select_row(view, unit_id):
    view.select_unit(unit_id)
    assert view.selected_unit() == unit_id


def test_stage_overview_counts_filter_and_funnel(make_main_window, qtbot):
    w = make_main_window("sample")
    w.act_process.trigger()
    assert w.current_view_name() == "process"
    v = w.view("process")
    v.as_of.setDate(QDate(2026, 11, 29))
    assert v.table.rowCount() == len(w.doc.project.units())
    # filter by stage: the sample has two units at 意向登记
    v.filter.setCurrentIndex(v.filter.findData("intent"))
    assert v.table.rowCount() == 2
    assert {v.table.item(i, 0).text() for i in range(2)} == {"GY-1-3", "GY-8-2"}
    v.filter.setCurrentIndex(0)
    # funnel: 9 units reached 意向登记 or beyond, 1 is in 运维
    assert v.chart.last_data["reached"][0] == 9 and v.chart.last_data["here"][-1] == 1
    qtbot.mouseClick(v.overdue_only, Qt.LeftButton)
    assert 0 < v.table.rowCount() < len(w.doc.project.units())
    assert all(v.table.item(i, 5).text() == "逾期" for i in range(v.table.rowCount()))


def test_refused_move_shows_a_message_and_changes_nothing(make_main_window, qtbot):
    w = make_main_window("sample")
    w.act_process.trigger()
    v = w.view("process")
    v.as_of.setDate(QDate(2026, 11, 29))
    select_row(v, "DH-1-2")  # in consultation; the vote has not passed
    assert "方案公示" in v.next_label.text()
    before = read_process(w.doc.unit("DH-1-2")).to_json()
    qtbot.mouseClick(v.advance_btn, Qt.LeftButton)
    assert len(w.errors) == 1
    title, text = w.errors[0]
    assert "方案公示" in title and "表决尚未通过" in text
    assert read_process(w.doc.unit("DH-1-2")).to_json() == before
    assert not w.doc.undo_stack.canUndo()


def test_legal_move_is_undoable(make_main_window, qtbot):
    w = make_main_window("sample")
    w.act_process.trigger()
    v = w.view("process")
    v.as_of.setDate(QDate(2026, 11, 29))
    select_row(v, "GY-8-2")  # 意向登记 → 意见征询 has no prerequisite
    v.date.setDate(QDate(2026, 10, 8))
    qtbot.mouseClick(v.advance_btn, Qt.LeftButton)
    assert w.errors == []
    cur = read_process(w.doc.unit("GY-8-2")).current
    assert (cur.stage, cur.entered) == ("consultation", "2026-10-08")
    w.act_undo.trigger()
    assert read_process(w.doc.unit("GY-8-2")).current.stage == "intent"


def test_objection_blocks_until_resolved_in_the_unit_tab(make_main_window, qtbot):
    w = make_main_window("sample")
    w.show_unit("DH-1-1", tab="process")  # notice, one open objection
    tab = w.view("unit").tab("process")
    assert "尚不能推进" in tab.next_label.text() and "DH11-1" in tab.next_label.text()
    qtbot.mouseClick(tab.advance_btn, Qt.LeftButton)
    assert w.errors and "未答复" in w.errors[-1][1]
    tab.objections.selectRow(0)
    qtbot.keyClicks(tab.ob_text, "Compensation as the street rule")
    qtbot.mouseClick(tab.reply_ob, Qt.LeftButton)
    ob = read_process(w.doc.unit("DH-1-1")).objections[0]
    assert ob.status == "answered" and ob.reply == "Compensation as the street rule"
    assert "尚不能推进" not in tab.next_label.text()
    reply = tab.objections.item(0, 6).text()  # the reply, its date in brackets after it
    assert reply == f"Compensation as the street rule（{ob.reply_date}）" and ob.reply_date
    # record a new objection through the form
    qtbot.keyClicks(tab.ob_text, "Noise during works")
    qtbot.keyClicks(tab.ob_name, "Wang")
    qtbot.mouseClick(tab.add_ob, Qt.LeftButton)
    assert tab.objections.rowCount() == 2
    assert read_process(w.doc.unit("DH-1-1")).objections[1].status == "open"
    w.act_undo.trigger()
    assert tab.objections.rowCount() == 1


def test_canvassing_list_and_logging_a_contact(make_main_window, qtbot):
    w = make_main_window("sample")
    w.show_unit("DH-1-2", tab="canvass")
    tab = w.view("unit").tab("canvass")
    n = tab.table.rowCount()
    assert n >= 2 and tab.table.item(0, 0).text() == "需争取"
    assert "还需" in tab.needed.text()
    # each owner to visit by name (the owner's number in the tooltip)
    unit = w.doc.unit("DH-1-2")
    first = unit.household(tab.rows[0].doors[0])
    assert first.owner_name and tab.table.item(0, 1).text() == first.owner_name
    assert tab.table.item(0, 1).toolTip() == f"业主编号：{first.owner}"
    # worded as the votes tab words it, with doors and names, not owner ids
    canvass_text = tab.needed.text()
    w.show_unit("DH-1-2", tab="votes")
    assert canvass_text == w.view("unit").tab("votes").needed_label.text()
    w.show_unit("DH-1-3", tab="canvass")
    vetoed = w.view("unit").tab("canvass").needed.text()
    assert "101 余桂兰" in vetoed and "DH-1-3-O101" not in vetoed
    w.show_unit("DH-1-2", tab="canvass")
    tab.table.selectRow(0)
    door = tab.rows[0].doors[0]
    before = len(read_canvass(w.doc.unit("DH-1-2").household(door)))
    tab.channel.setCurrentIndex(tab.channel.findData("phone"))
    tab.outcome.setCurrentIndex(tab.outcome.findData("undecided"))
    qtbot.mouseClick(tab.concerns["cost"], Qt.LeftButton)
    qtbot.keyClicks(tab.note, "call again at the weekend")
    qtbot.mouseClick(tab.add_btn, Qt.LeftButton)
    contacts = read_canvass(w.doc.unit("DH-1-2").household(door))
    assert len(contacts) == before + 1
    assert (
        contacts[-1].channel,
        contacts[-1].outcome,
        contacts[-1].concerns,
        contacts[-1].note,
    ) == ("phone", "undecided", ["cost"], "call again at the weekend")


def test_upkeep_ledger_and_statement_export(make_main_window, qtbot, tmp_path, monkeypatch):
    w = make_main_window("sample")
    w.show_unit("GY-6-2", tab="upkeep")
    tab = w.view("unit").tab("upkeep")
    assert tab.year.value() == 2025  # the year with bills
    assert tab.ledger.rowCount() == len(w.doc.unit("GY-6-2").households)
    assert "6,962.40" in tab.totals.text() and "665.14" in tab.totals.text()
    assert "2026-12-10" in tab.info.text()
    last = tab.bills.rowCount() - 1  # the total, its amount aligned right as the ledger's
    assert tab.bills.item(last, 1).text() == "6,962.40"
    assert tab.bills.item(last, 1).textAlignment() & int(Qt.AlignRight)
    out = tmp_path / "statement.pdf"
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "PDF (*.pdf)"))
    )
    with qtbot.waitSignal(tab.export_statement().finished, timeout=60000):
        pass
    assert out.read_bytes().startswith(b"%PDF")
    # the manager's ledger of each door's payments: its own button, a name of its own in the
    # last folder, and the paper marked not for posting
    import io
    import re

    from pypdf import PdfReader

    offered = []

    def save_as(_parent, _title, start, _filter):
        offered.append(start)
        return (start, "PDF (*.pdf)")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    w.settings.set_last_dir(str(tmp_path))
    qtbot.mouseClick(tab.ledger_btn, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(offered) and Path(offered[0]).is_file(), timeout=60000)
    assert Path(offered[0]).parent == tmp_path and offered[0].endswith("-ledger.pdf")
    qtbot.wait(200)
    reader = PdfReader(io.BytesIO(Path(offered[0]).read_bytes()))
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))
    assert "内部资料，不得张贴" in text and "欠缴（元）" in text
    w.show_unit("DH-2-1", tab="upkeep")
    assert "尚无运维记录" in tab.info.text() and not tab.export_btn.isEnabled()
    assert not tab.ledger_btn.isEnabled()


def test_vote_import_from_the_window_lists_bad_rows_then_imports(
    make_main_window, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    w = make_main_window("sample")
    w.act_process.trigger()
    v = w.view("process")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "单元编号,门牌,表决意见,投票时间,渠道\nDH-1-2,101,同意,2026-10-01 09:00,随申办\n"
        "DH-1-2,999,同意,2026-10-01,随申办\n",
        encoding="utf-8",
    )
    good = tmp_path / "good.csv"
    good.write_text(
        "单元编号,门牌,表决意见,投票时间,渠道,委托人,授权书编号\n"
        "DH-1-2,101,同意,2026-10-01 09:00,随申办,,\n"
        "DH-1-2,102,同意,2026-10-01 09:30,随申办,王五,WT-09\n",
        encoding="utf-8",
    )
    picked = [str(bad)]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (picked[0], ""))
    )
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    log_before = len(w.doc.project.vote_log)
    qtbot.mouseClick(v.import_votes, Qt.LeftButton)
    assert len(w.errors) == 1 and "第 3 行" in w.errors[0][1] and "999" in w.errors[0][1]
    assert " / " not in w.errors[0][1]  # the window's language only, not "中文 / English"
    assert len(w.doc.project.vote_log) == log_before
    picked[0] = str(good)
    qtbot.mouseClick(v.import_votes, Qt.LeftButton)
    u = w.doc.unit("DH-1-2")
    assert (u.household("101").vote, u.household("102").vote) == ("yes", "yes")
    new = w.doc.project.vote_log[log_before:]
    assert [e.source for e in new] == ["online", "online"] and "WT-09" in new[1].note
    w.act_undo.trigger()
    assert (u.household("101").vote, u.household("102").vote) == (None, None)
    assert len(w.doc.project.vote_log) == log_before + 4  # the undo is logged too


def test_register_intent_and_a_payment_in_the_window(make_main_window, qtbot):
    from elevator_eval.process.records import read_intent

    w = make_main_window("sample")
    w.show_unit("DH-1-2", tab="canvass")
    tab = w.view("unit").tab("canvass")
    tab.table.selectRow(0)
    door = tab.rows[0].doors[0]
    qtbot.mouseClick(tab.intent_no, Qt.LeftButton)
    assert read_intent(w.doc.unit("DH-1-2").household(door)).interested is False
    w.act_undo.trigger()
    assert read_intent(w.doc.unit("DH-1-2").household(door)).interested is True  # sample
    w.show_unit("GY-6-2", tab="upkeep")
    up = w.view("unit").tab("upkeep")
    row = up.ledger_doors.index("302")  # paid 600.00 of 1,265.14
    up.ledger.selectRow(row)
    qtbot.keyClicks(up.pay_amount, "665.14")
    qtbot.mouseClick(up.pay_btn, Qt.LeftButton)
    assert w.errors == []
    assert up.statement.arrears_total_yuan == 0
    assert "（0 户未缴清）" in up.totals.text()
    up.ledger.selectRow(row)
    qtbot.keyClicks(up.pay_amount, "-5")
    qtbot.mouseClick(up.pay_btn, Qt.LeftButton)
    assert w.errors == [("不能登记缴费", "缴费金额：金额不得为负数，实际为 -5")]
    assert up.statement.paid_total_yuan == up.statement.bills_total_yuan  # unchanged


def test_blocker_stops_a_move_until_cleared(make_main_window, qtbot):
    w = make_main_window("sample")
    w.show_unit("GY-8-2", tab="process")  # 意向登记, no prerequisite next
    tab = w.view("unit").tab("process")
    tab.date.setDate(QDate(2026, 10, 1))
    assert "尚不能推进" not in tab.next_label.text()
    qtbot.keyClicks(tab.blocker_text, "pipe owner has not answered")
    qtbot.mouseClick(tab.add_blocker_btn, Qt.LeftButton)
    assert "pipe owner has not answered" in tab.blockers.text()
    assert "尚不能推进" in tab.next_label.text()
    qtbot.mouseClick(tab.advance_btn, Qt.LeftButton)
    assert w.errors and "pipe owner" in w.errors[-1][1]
    assert read_process(w.doc.unit("GY-8-2")).current.stage == "intent"
    qtbot.mouseClick(tab.clear_blocker_btn, Qt.LeftButton)
    assert tab.blockers.text() == "" and "尚不能推进" not in tab.next_label.text()
    qtbot.mouseClick(tab.advance_btn, Qt.LeftButton)
    assert read_process(w.doc.unit("GY-8-2")).current.stage == "consultation"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_funnels_legend_lies_inside_its_figure(make_main_window, lang):
    """The English legend ran out of the chart's right edge ("In this stag")."""
    w = make_main_window("sample", lang=lang)
    w.resize(1280, 820)
    w.act_process.trigger()
    chart = w.view("process").chart
    assert chart.draw_count >= 1
    fig = chart.drawn
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    legends = fig.legends or [a.get_legend() for a in fig.axes if a.get_legend()]
    assert len(legends) == 1
    box, page = legends[0].get_window_extent(renderer), fig.bbox
    assert page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0 and box.y1 <= page.y1


def test_the_english_window_lists_bad_rows_in_english(
    make_main_window, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    w = make_main_window("sample", lang="en")
    w.act_process.trigger()
    v = w.view("process")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "单元编号,门牌,表决意见,投票时间,渠道\nDH-1-2,999,同意,2026-10-01,随申办\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), ""))
    )
    qtbot.mouseClick(v.import_votes, Qt.LeftButton)
    assert len(w.errors) == 1
    text = w.errors[0][1]
    assert text.startswith("1 bad row; nothing was imported:")
    assert "row 2, column 门牌: " in text and "999" in text and "没有门牌" not in text


def test_a_reply_dated_before_the_objection_or_an_empty_one_is_refused_with_a_message(
    make_main_window, qtbot
):
    """DH-1-1's objection DH11-1 was received on 2026-05-14: a reply dated 2020-01-01 is
    refused naming the date it may not precede, and nothing changes; pressing Reply with
    an empty text box says what to do instead of doing nothing."""
    from PySide6.QtCore import QDate

    w = make_main_window("sample")
    w.show_unit("DH-1-1", tab="process")
    tab = w.view("unit").tab("process")
    tab.objections.selectRow(0)
    qtbot.mouseClick(tab.reply_ob, Qt.LeftButton)
    assert w.errors and "请先在列表中选择异议" in w.errors[-1][1]
    tab.date.setDate(QDate(2020, 1, 1))
    qtbot.keyClicks(tab.ob_text, "Answered")
    qtbot.mouseClick(tab.reply_ob, Qt.LeftButton)
    assert "不能早于 2026-05-14" in w.errors[-1][1] and "2020-01-01" in w.errors[-1][1]
    assert read_process(w.doc.unit("DH-1-1")).objections[0].status == "open"
    assert tab.ob_text.text() == "Answered"  # kept, to be sent again with a right date
    tab.date.setDate(QDate(2026, 5, 20))
    qtbot.mouseClick(tab.reply_ob, Qt.LeftButton)
    assert read_process(w.doc.unit("DH-1-1")).objections[0].reply_date == "2026-05-20"
