"""Every input an engine needs, editable where the engine is shown: households' maximum
contributions beside the consensus finder, the pre-installation assumptions with their
sources (rates in percent), the annual consent probability in percent; invalid input is
refused beside the field and not used."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from tests.ui.test_street_building import type_into

UNIT = "XFL-3-2"


def _edit_cell(qtbot, table, row, col, text):
    item = table.item(row, col)
    table.setCurrentItem(item)
    table.editItem(item)
    editor = table.indexWidget(table.indexFromItem(item))
    assert editor is not None
    editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:
        editor.insert(text)
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: table.indexWidget(table.currentIndex()) is None)
    qtbot.wait(20)  # the edit is committed after the editor closed


def _row_of(table, door):
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == door)


def test_maximum_contributions_typed_beside_the_consensus_finder(make_main_window, qtbot):
    w = make_main_window()
    w.show_unit(UNIT, tab="costs")
    tab = w.view("unit").tab("costs")
    tab.result_tabs.setCurrentIndex(2)
    t = tab.consensus_table
    assert t.rowCount() == 12 and t.horizontalHeaderItem(2).text() == "最高可接受出资（元）"
    _edit_cell(qtbot, t, _row_of(t, "601"), 2, "8万")
    assert w.doc.unit(UNIT).household("601").max_contribution_yuan == Decimal(80000)
    assert t.item(_row_of(t, "601"), 2).text() == "¥80,000"
    _edit_cell(qtbot, t, _row_of(t, "502"), 2, "-5")
    assert "502 的最高可接受出资未采用" in tab.consensus.message.text()
    assert w.doc.unit(UNIT).household("502").max_contribution_yuan is None
    w.doc.undo_stack.undo()
    assert w.doc.unit(UNIT).household("601").max_contribution_yuan is None


def test_every_payer_given_a_maximum_the_finder_proposes_a_split(make_main_window, qtbot):
    w = make_main_window()
    w.show_unit(UNIT, tab="costs")
    tab = w.view("unit").tab("costs")
    tab.result_tabs.setCurrentIndex(2)
    t = tab.consensus_table
    for r in range(t.rowCount()):
        floor = int(t.item(r, 1).text())
        _edit_cell(qtbot, t, r, 2, str(20000 + 10000 * floor))
    task = tab.run_consensus()
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    assert tab.consensus_label.property("status") == "feasible"
    total = sum(
        Decimal(t.item(r, 3).text().replace("¥", "").replace(",", ""))
        for r in range(t.rowCount())
        if t.item(r, 3).text() != "—"
    )
    assert total == Decimal(300000)  # the owners' total, exactly
    # a changed maximum drops the proposal (no result for other inputs)
    _edit_cell(qtbot, t, 0, 2, "90000")
    assert all(t.item(r, 3).text() == "—" for r in range(t.rowCount()))
    assert tab.consensus_label.text() == "输入已修改，请重新寻找方案"


def test_preinstall_assumptions_editable_with_sources(make_main_window, qtbot):
    w = make_main_window()
    w.show_unit(UNIT, tab="preinstall")
    tab = w.view("unit").tab("preinstall")
    tab.inputs_tabs.setCurrentWidget(tab.assumptions)
    t = tab.assumptions.table
    row = next(r for r in range(t.rowCount()) if t.item(r, 0).text() == "折现率（每年）")
    # shipped: 2 % / 4 % / 8 % a year, shown in percent, marked as an assumption
    assert [t.item(row, c).text() for c in (1, 2, 3, 4)] == ["2", "4", "8", "%/年"]
    assert t.item(row, 5).text() == "经验假设（本程序默认值）"
    assert "assumption" in t.item(row, 5).toolTip()
    _edit_cell(qtbot, t, row, 2, "5")
    assert w.doc.project.settings["preinstall"] == {"discount_rate": {"mode": "0.05"}}
    from elevator_eval.preinstall import load_assumptions

    assert load_assumptions(w.doc.project)["discount_rate"]["mode"] == "0.05"
    # low ≤ mode ≤ high: a most-likely value above the high one is refused
    row = next(r for r in range(t.rowCount()) if t.item(r, 0).text() == "折现率（每年）")
    _edit_cell(qtbot, t, row, 2, "9")
    assert tab.assumptions.message.text() == "折现率（每年）：须满足 低 ≤ 最可能 ≤ 高"
    assert w.doc.project.settings["preinstall"]["discount_rate"]["mode"] == "0.05"
    w.doc.undo_stack.undo()
    assert "preinstall" not in w.doc.project.settings
    # a value the engine refuses otherwise (150 % a year) is out of range
    _edit_cell(qtbot, t, row, 3, "150")
    assert tab.assumptions.message.text() == "折现率（每年）：超出允许范围"
    assert "preinstall" not in w.doc.project.settings


def test_consent_probability_in_percent_refused_beside_the_field(make_main_window, qtbot):
    w = make_main_window()
    w.show_unit(UNIT, tab="preinstall")
    tab = w.view("unit").tab("preinstall")
    type_into(qtbot, tab.hazard, "150")
    qtbot.keyClick(tab.hazard, Qt.Key_Return)
    assert tab.hazard_message.text() == "须为 0 到 100 之间的数"
    assert "preinstall" not in w.doc.unit(UNIT).extra
    assert tab.result is None and tab.summary.text() == "输入有误，未计算。"
    type_into(qtbot, tab.hazard, "25")
    qtbot.keyClick(tab.hazard, Qt.Key_Return)
    assert tab.hazard_message.text() == ""
    assert w.doc.unit(UNIT).extra["preinstall"]["hazard"] == Decimal("0.25")
