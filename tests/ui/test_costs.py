"""Cost sharing as a person uses it: change the method, see shares and chart change, undo."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt


def _costs(w, unit_id="XFL-3-2"):
    w.show_unit(unit_id, tab="costs")
    return w.view("unit").tab("costs")


def _yuan(text: str) -> Decimal:
    return Decimal(text.replace("¥", "").replace(",", ""))


def test_method_change_updates_shares_chart_and_undo(make_main_window, qtbot):
    # Spec example: 500,000 capital (seven lines), 40 % subsidy capped at 280,000 ->
    # 200,000; owners pay 300,000; floor 1 exempt. With "equal", the 10 paying
    # households pay 30,000 each (hand computation: 300,000 / 10).
    w = make_main_window()
    tab = _costs(w)
    assert _yuan(tab.share_of("101")) == 0
    before_chart = tab.chart.draw_count
    before_top = _yuan(tab.share_of("602"))
    combo = tab.method
    combo.setCurrentIndex(combo.findData("equal"))
    unit = w.doc.unit("XFL-3-2")
    assert unit.share.method == "equal"
    shares = [_yuan(tab.share_of(h.id)) for h in unit.households]
    assert shares.count(Decimal(30000)) == 10 and shares.count(Decimal(0)) == 2
    assert sum(shares) == Decimal(300000)
    assert tab.chart.draw_count > before_chart
    assert tab.chart.last_data == [float(s) for s in
                                   [_yuan(tab.share_of(h)) for h in
                                    ("101", "102", "201", "202", "301", "302", "401", "402",
                                     "501", "502", "601", "602")]]
    qtbot.keyClick(w.windowHandle(), Qt.Key_Z, Qt.ControlModifier)
    assert unit.share.method == "floor_coefficient_area"
    assert combo.currentData() == "floor_coefficient_area"
    assert _yuan(tab.share_of("602")) == before_top


def test_shares_always_add_up_to_the_owners_total_for_every_method(make_main_window):
    w = make_main_window()
    tab = _costs(w)
    for i in range(tab.method.count()):
        tab.method.setCurrentIndex(i)
        if tab.result is None:       # e.g. percent_by_household without percents
            assert "无法计算" in tab.summary.text()
            continue
        total = sum(_yuan(tab.table.item(r, 3).text()) for r in range(tab.table.rowCount()))
        assert total == tab.result.owners_total_yuan == Decimal(300000)


def test_coefficient_and_exempt_floor_edits_are_undoable(make_main_window):
    w = make_main_window()
    tab = _costs(w)
    unit = w.doc.unit("XFL-3-2")
    row = next(r for r in range(tab.coeffs.rowCount()) if tab.coeffs.item(r, 0).text() == "2")
    tab.coeffs.item(row, 2).setCheckState(Qt.Checked)        # exempt floor 2 too
    assert unit.share.exempt_floors == [1, 2]
    assert _yuan(tab.share_of("201")) == 0
    w.doc.undo_stack.undo()
    assert unit.share.exempt_floors == [1]
    assert _yuan(tab.share_of("201")) > 0
    row = next(r for r in range(tab.coeffs.rowCount()) if tab.coeffs.item(r, 0).text() == "6")
    tab.coeffs.item(row, 1).setText("2.0")
    assert unit.share.coefficients[6] == Decimal("2.0")
    w.doc.undo_stack.undo()
    assert unit.share.coefficients[6] == Decimal("1.0")


def test_methods_side_by_side(make_main_window):
    w = make_main_window()
    tab = _costs(w)
    tab.result_tabs.setCurrentWidget(tab.compare)
    assert tab.compare.columnCount() >= 3
    assert tab.compare.rowCount() == 12 + 2
