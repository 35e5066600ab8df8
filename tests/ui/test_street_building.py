"""Building a street in the window: community, building, unit and households through the
menu actions and their dialogs, the tree's context menu, pasting rows from a spreadsheet,
the import template; every step undoable."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog

from elevator_eval.model import Project


def act(w, name) -> QAction:
    a = w.findChild(QAction, name)
    assert a is not None, name
    return a


def type_into(qtbot, widget, text: str) -> None:
    """Replace a line edit's (or spin box's) text as typed: key clicks for ASCII; text
    in Chinese arrives as an input method commits it (QTest has no keys for it)."""
    edit = widget.lineEdit() if hasattr(widget, "lineEdit") else widget
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


def fill(qtbot, dlg, **texts):
    """Type into the dialog's fields (replacing their text) and press OK."""
    for key, text in texts.items():
        type_into(qtbot, dlg.widget(key), str(text))
    qtbot.mouseClick(dlg.ok_button(), Qt.LeftButton)


def build_unit(w, qtbot, storeys=6):
    """Community → building → unit through the menu, as a clerk does."""
    act(w, "actAddCommunity").trigger()
    fill(qtbot, w.street.dialog, name="和平里小区")
    act(w, "actAddBuilding").trigger()
    fill(qtbot, w.street.dialog, name="3号楼", storeys=storeys, year=1992)
    act(w, "actAddUnit").trigger()
    assert w.street.dialog.widget("name").text() == "和平里小区 3号楼 1单元"
    fill(qtbot, w.street.dialog)
    return w.current_unit


def test_a_new_project_gets_a_community_building_unit_and_households(
    make_main_window, qtbot, monkeypatch
):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("和平街道", True))
    w = make_main_window()
    act(w, "actNew").trigger()
    assert w.doc.project.communities == []
    # the empty street says what to do first
    assert "项目中还没有单元" in w.view("overview").summary.text()
    uid = build_unit(w, qtbot)
    p = w.doc.project
    assert [c.name for c in p.communities] == ["和平里小区"]
    b = p.communities[0].buildings[0]
    assert (b.name, b.info.storeys, b.info.year_built) == ("3号楼", 6, 1992)
    assert uid == b.units[0].id and w.current_view_name() == "unit"
    assert b.units[0].building is b.info
    # the tree shows community → building → unit
    model = w.tree.model()
    top = model.index(0, 0)
    assert top.data() == "和平里小区" and model.index(0, 0, top).data() == "3号楼"
    assert model.index(0, 0, model.index(0, 0, top)).data() == "1单元"
    # 6 floors × 2 doors
    act(w, "actGenerateHouseholds").trigger()
    fill(qtbot, w.street.dialog, area="56.3")
    unit = w.doc.unit(uid)
    assert [h.id for h in unit.households] == [f"{f}0{d}" for f in range(1, 7) for d in (1, 2)]
    assert all(h.area_m2 == Decimal("56.3") for h in unit.households)
    assert w.view("unit").current_tab_name() == "votes"
    assert w.view("unit").tab("votes").grid.rowCount() == 6
    # every step is one undo
    for expected in (0, None):
        w.doc.undo_stack.undo()
        if expected == 0:
            assert w.doc.unit(uid).households == []
    w.doc.undo_stack.undo()  # the building
    w.doc.undo_stack.undo()  # the community
    assert w.doc.project.communities == []
    w.doc.undo_stack.redo()
    assert [c.name for c in w.doc.project.communities] == ["和平里小区"]


def test_invalid_input_stays_in_the_dialog_with_a_message(make_main_window, qtbot):
    w = make_main_window(Project(name="空"))
    act(w, "actAddCommunity").trigger()
    dlg = w.street.dialog
    qtbot.mouseClick(dlg.ok_button(), Qt.LeftButton)  # empty name
    assert dlg.isVisible() and dlg.messages["name"].text() == "请填写小区名称"
    assert w.doc.project.communities == []
    fill(qtbot, dlg, name="和平里")
    assert not dlg.isVisible() and w.doc.project.communities[0].name == "和平里"
    uid = build_unit(w, qtbot, storeys=6)
    act(w, "actGenerateHouseholds").trigger()
    dlg = w.street.dialog
    fill(qtbot, dlg, area="-5")
    assert dlg.isVisible() and "面积必须大于 0" in dlg.messages["area"].text()
    assert w.doc.unit(uid).households == []
    dlg.reject()
    # a unit id that is taken
    act(w, "actAddUnit").trigger()
    dlg = w.street.dialog
    fill(qtbot, dlg, id=uid)
    assert dlg.isVisible() and f"编号 {uid} 已被使用" == dlg.messages["id"].text()
    dlg.reject()


def test_rename_and_delete_through_the_tree(make_main_window, qtbot):
    w = make_main_window()
    n = len(w.doc.project.units())
    # a click on the unit in the tree opens it; its context menu has the unit's actions
    unit_index = w.tree_unit_index("XFL-4-2")
    w.tree.scrollTo(unit_index)
    qtbot.mouseClick(w.tree.viewport(), Qt.LeftButton, pos=w.tree.visualRect(unit_index).center())
    assert w.current_unit == "XFL-4-2" and w.current_view_name() == "unit"
    menu = w.street.context_menu(unit_index)
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert {
        "actGenerateHouseholds",
        "actPasteHouseholds",
        "actRenameItem",
        "actDeleteItem",
        "actImportTemplate",
    } <= set(names)
    menu.deleteLater()
    act(w, "actRenameItem").trigger()
    fill(qtbot, w.street.dialog, name="幸福里小区 4号楼 东单元")
    assert w.doc.unit("XFL-4-2").name == "幸福里小区 4号楼 东单元"
    assert w.tree_unit_index("XFL-4-2").data() == "东单元"
    # Delete (the key, while the tree has the focus) removes the unit; undo brings it back
    w.activateWindow()
    w.tree.setFocus()
    qtbot.waitUntil(w.tree.hasFocus)
    w.tree.setCurrentIndex(w.tree_unit_index("XFL-4-2"))
    qtbot.keyClick(w.tree, Qt.Key_Delete)
    assert len(w.doc.project.units()) == n - 1
    assert not w.tree_unit_index("XFL-4-2").isValid()
    w.doc.undo_stack.undo()
    assert w.doc.unit("XFL-4-2").name == "幸福里小区 4号楼 东单元"
    # a community's menu has no household actions
    menu = w.street.context_menu(w.tree.model().index(0, 0))
    assert "actGenerateHouseholds" not in [a.objectName() for a in menu.actions()]
    menu.deleteLater()


def test_paste_households_from_a_spreadsheet(make_main_window, qtbot):
    w = make_main_window(Project(name="空"))
    uid = build_unit(w, qtbot)
    QGuiApplication.clipboard().setText(
        "门牌\t楼层\t面积\t业主姓名\n101\t1\t56.30\t王一\n102\t1\t61.05㎡\t李二\n201\t2层\t56.3\t\n"
    )
    act(w, "actPasteHouseholds").trigger()
    unit = w.doc.unit(uid)
    assert [(h.id, h.floor, h.area_m2, h.owner_name) for h in unit.households] == [
        ("101", 1, Decimal("56.30"), "王一"),
        ("102", 1, Decimal("61.05"), "李二"),
        ("201", 2, Decimal("56.3"), ""),
    ]
    assert "新增 3 户" in w.statusBar().currentMessage()
    # a bad row: nothing pasted, one message naming the row and column
    QGuiApplication.clipboard().setText("301\t3\t56\n302\t3\t零\n")
    act(w, "actPasteHouseholds").trigger()
    assert len(w.doc.unit(uid).households) == 3
    title, text = w.errors[-1]
    assert text.startswith("第 2 行 面积：")
    QGuiApplication.clipboard().setText("701\t7\t56\n")
    act(w, "actPasteHouseholds").trigger()
    assert w.errors[-1][1] == "第 1 行 楼层：楼栋只有 6 层"
    w.doc.undo_stack.undo()
    assert w.doc.unit(uid).households == []


def test_download_the_import_template(make_main_window, monkeypatch, tmp_path):
    out = tmp_path / "模板"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    w = make_main_window()
    act(w, "actImportTemplate").trigger()
    path = tmp_path / "模板.xlsx"
    # the template imports without error (its example rows)
    from elevator_eval.io.street_import import preview_import

    preview = preview_import(path)
    assert not preview.errors


def test_the_import_dialog_offers_the_template_to_a_clerk_without_a_sheet(
    make_main_window, qtbot, monkeypatch, tmp_path
):
    """File → Import opens the dialog; its template button saves the same workbook as the
    menu's action, which the dialog then reads back without an error."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    out = tmp_path / "街道导入模板"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    w = make_main_window()
    act(w, "actImport").trigger()
    dlg = w.findChild(QDialog, "ImportDialog")
    assert dlg is not None and dlg.isVisible()
    qtbot.mouseClick(dlg.template_btn, Qt.LeftButton)
    path = tmp_path / "街道导入模板.xlsx"
    assert path.is_file()
    with qtbot.waitSignal(dlg.load(str(path)).done, timeout=60_000):
        pass
    assert dlg.import_btn.isEnabled()  # the template's example rows import as they are
    dlg.close()


def test_building_actions_say_what_to_select_first(make_main_window):
    w = make_main_window(Project(name="空"))
    act(w, "actAddBuilding").trigger()
    assert "请先在左侧选择一个小区" in w.errors[-1][1]
    act(w, "actGenerateHouseholds").trigger()
    assert "请先在左侧选择一个单元" in w.errors[-1][1]


def test_deleting_the_open_unit_after_the_procedure_view_was_shown(make_main_window, qtbot):
    """With the procedure view made (Ctrl+4), deleting the unit being edited closes its
    editor, and the procedure view and the status bar count one unit less (the project's
    refresh stopped at that view with an internal error)."""
    w = make_main_window()
    n = len(w.doc.project.units())
    act(w, "actProcess").trigger()
    process = w.view("process")
    assert process.data["units"] == n
    w.show_unit("XFL-4-2", tab="site")
    w.tree.setCurrentIndex(w.tree_unit_index("XFL-4-2"))
    act(w, "actDeleteItem").trigger()
    assert len(w.doc.project.units()) == n - 1
    assert w.current_unit is None and w.current_view_name() != "unit"
    assert process.data["units"] == n - 1
    assert w.status_label.text().startswith(f"{n - 1} 个单元")
    w.doc.undo_stack.undo()
    assert process.data["units"] == n
