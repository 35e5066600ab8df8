"""The window's actions that build a street: new community, building and unit, households
by floor × door or pasted from a spreadsheet, rename and delete, the import template.

They live in the menu 小区与楼栋 and in the project tree's context menu; the ones that
work on an item use the tree's current item (the current unit for household actions).
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu

from .lazy_qt import CUSTOM_CONTEXT_MENU, WIDGET_SHORTCUT, Qt
from .project_tree import ID_ROLE, KIND_ROLE

if TYPE_CHECKING:
    from .form_dialog import FormDialog, FormField


def _forms():
    """The form dialog module, imported when a dialog first opens (not at start-up)."""
    from . import form_dialog

    return form_dialog


def _structure():
    """:mod:`.structure`, which makes the edits: loaded with the first one, not before
    the window's first paint."""
    from . import structure

    return structure


class StreetActions(QObject):
    """Creates the actions on ``window`` and answers them."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.dialog: FormDialog | None = None
        mk = window.make_action
        self.act_add_community = mk("actAddCommunity", self.add_community)
        self.act_add_building = mk("actAddBuilding", self.add_building)
        self.act_add_unit = mk("actAddUnit", self.add_unit)
        self.act_generate = mk("actGenerateHouseholds", self.generate_households)
        self.act_paste = mk("actPasteHouseholds", self.paste_households)
        self.act_rename = mk("actRenameItem", self.rename, QKeySequence("F2"))
        self.act_delete = mk("actDeleteItem", self.delete, QKeySequence(QKeySequence.Delete))
        self.act_template = mk("actImportTemplate", self.save_import_template)
        for a in (self.act_rename, self.act_delete):
            # only while the tree has the focus (Del in the vote grid clears a vote)
            window.removeAction(a)
            a.setProperty("shortcutContext", WIDGET_SHORTCUT)  # (no Qt enum: lazy_qt.py)
            window.tree.addAction(a)
        window.tree.setProperty("contextMenuPolicy", CUSTOM_CONTEXT_MENU)
        window.tree.customContextMenuRequested.connect(self._context_menu)

    def actions(self) -> list[QAction]:
        return [
            self.act_add_community,
            self.act_add_building,
            self.act_add_unit,
            self.act_generate,
            self.act_paste,
            self.act_rename,
            self.act_delete,
            self.act_template,
        ]

    def fill_menu(self, menu: QMenu) -> None:
        for a in (self.act_add_community, self.act_add_building, self.act_add_unit):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(self.act_generate)
        menu.addAction(self.act_paste)
        menu.addSeparator()
        menu.addAction(self.act_rename)
        menu.addAction(self.act_delete)
        menu.addSeparator()
        menu.addAction(self.act_template)

    def retranslate(self) -> None:
        texts = {
            self.act_add_community: (self.tr("新建小区(&C)…"), self.tr("在项目中新建一个小区")),
            self.act_add_building: (self.tr("新建楼栋(&B)…"), self.tr("在选中的小区中新建楼栋")),
            self.act_add_unit: (
                self.tr("新建单元(&U)…"),
                self.tr("在选中的楼栋中新建单元（一个楼梯间）"),
            ),
            self.act_generate: (
                self.tr("生成住户（层 × 户）(&G)…"),
                self.tr("按层数和每层户数为当前单元生成住户，如 6 层 × 2 户"),
            ),
            self.act_paste: (
                self.tr("从剪贴板粘贴住户(&P)"),
                self.tr("从电子表格复制的行：门牌、楼层、面积、业主姓名、业主编号"),
            ),
            self.act_rename: (self.tr("重命名(&R)…"), self.tr("重命名选中的小区、楼栋或单元")),
            self.act_delete: (self.tr("删除(&D)"), self.tr("删除选中的小区、楼栋或单元（可撤销）")),
            self.act_template: (
                self.tr("下载导入模板(&T)…"),
                self.tr("保存街道导入用的 Excel 模板（含示例行与说明）"),
            ),
        }
        for act, (text, tip) in texts.items():
            act.setText(text)
            act.setToolTip(tip)
            act.setStatusTip(tip)

    # ------------------------------------------------------------------ selection
    def selected(self) -> tuple[str | None, str | None]:
        """(kind, id) of the tree's current item: community, building or unit."""
        index = self.w.tree.currentIndex()
        if not index.isValid():
            return None, None
        return index.data(KIND_ROLE), index.data(ID_ROLE)

    def _target(self, kind: str) -> str | None:
        """The id of the ``kind`` the current tree item is in (or the only one)."""
        project = self.w.doc.project
        sel_kind, sel_id = self.selected()
        if sel_kind == kind:
            return sel_id
        if kind == "community":
            if sel_kind == "building":
                return next(
                    c.id for c in project.communities for b in c.buildings if b.id == sel_id
                )
            if sel_kind == "unit":
                return project.locate(sel_id)[0].id
            return project.communities[0].id if len(project.communities) == 1 else None
        if kind == "building":
            if sel_kind == "unit":
                return project.locate(sel_id)[1].id
            blds = [b for c in project.communities for b in c.buildings]
            return blds[0].id if len(blds) == 1 else None
        return self.w.current_unit

    def _need(self, what: str) -> None:
        self.w.report_error(self.tr("请先选择"), what)

    def select(self, kind: str, item_id: str) -> None:
        self.w.select_tree_item(kind, item_id)

    def _open(self, title: str, fields: list[FormField], on_accept, intro: str = ""):
        def run(values):
            try:
                on_accept(values)
            except _structure().StructureError as e:
                raise ValueError(e.args[0]) from None

        from .form_dialog import FormDialog

        self.dialog = FormDialog(self.w, title, fields, run, intro)
        self.dialog.open()
        return self.dialog

    # ------------------------------------------------------------------ answers
    def add_community(self):
        def ok(v):
            cid = _structure().add_community(self.w.doc, v["name"])
            self.select("community", cid)

        return self._open(
            self.tr("新建小区"),
            [_forms().text_field("name", self.tr("小区名称"), "", True, self.tr("请填写小区名称"))],
            ok,
        )

    def add_building(self):
        cid = self._target("community")
        if cid is None:
            return self._need(self.tr("请先在左侧选择一个小区（没有小区时先新建小区）"))
        year = _dt.date.today().year

        def ok(v):
            bid = _structure().add_building(self.w.doc, cid, v["name"], v["storeys"], v["year"])
            self.select("building", bid)

        return self._open(
            self.tr("新建楼栋"),
            [
                _forms().text_field(
                    "name",
                    self.tr("楼栋名称"),
                    "",
                    True,
                    self.tr("请填写楼栋名称"),
                    self.tr("如 3号楼"),
                ),
                _forms().int_field("storeys", self.tr("地上住宅层数"), 6, 2, 40, self.tr(" 层")),
                _forms().int_field("year", self.tr("建成年份"), 1990, 1900, year),
            ],
            ok,
        )

    def add_unit(self):
        bid = self._target("building")
        if bid is None:
            return self._need(self.tr("请先在左侧选择一个楼栋"))
        uid, name = _structure().suggest_unit(self.w.doc, bid)

        def ok(v):
            new = _structure().add_unit(self.w.doc, bid, v["id"], v["name"])
            self.w.show_unit(new)

        return self._open(
            self.tr("新建单元"),
            [
                _forms().text_field(
                    "id",
                    self.tr("单元编号"),
                    uid,
                    True,
                    self.tr("请填写单元编号"),
                    self.tr("项目内唯一，用于文件名和命令行"),
                ),
                _forms().text_field("name", self.tr("单元名称"), name, False),
            ],
            ok,
        )

    def _unit_for_households(self) -> str | None:
        uid = self._target("unit")
        if uid is None:
            self._need(self.tr("请先在左侧选择一个单元"))
        return uid

    def generate_households(self):
        uid = self._unit_for_households()
        if uid is None:
            return None
        unit = self.w.doc.unit(uid)
        storeys = unit.building.storeys
        area = QLineEdit("")
        area.setObjectName("field_area")
        area.setPlaceholderText(self.tr("如 56.3"))

        def parse_area(w):
            from ..io.cells import CellError, parse_area_m2

            try:
                value = parse_area_m2(w.text(), required=True)
            except CellError as e:
                from . import i18n

                raise ValueError(i18n.error_text(e)) from None
            return value

        def ok(v):
            n = _structure().generate_households(
                self.w.doc, uid, v["floors"], v["doors"], Decimal(v["area"]), v["first"]
            )
            self.w.statusBar().showMessage(self.tr("已生成 {0} 户").format(n), 5000)
            self.w.show_unit(uid, tab="votes")

        return self._open(
            self.tr("生成住户"),
            [
                _forms().int_field("floors", self.tr("层数"), storeys, 1, storeys),
                _forms().int_field("doors", self.tr("每层户数"), 2, 1, 12, self.tr(" 户")),
                _forms().int_field("first", self.tr("从第几层起"), 1, 1, storeys),
                _forms().FormField(
                    "area",
                    self.tr("每户专有面积（m²）"),
                    area,
                    parse_area,
                    self.tr("生成后可在住户表中逐户修改"),
                ),
            ],
            ok,
            self.tr("门牌按“层号 + 两位户号”编排：101、102 … 602；已有的门牌保留不变。"),
        )

    def paste_households(self):
        uid = self._unit_for_households()
        if uid is None:
            return None
        text = QGuiApplication.clipboard().text()
        try:
            added, updated = _structure().paste_households(self.w.doc, uid, text)
        except _structure().StructureError as e:
            self.w.report_error(self.tr("无法粘贴住户"), e.args[0][1])
            return None
        self.w.statusBar().showMessage(
            self.tr("已粘贴：新增 {0} 户，更新 {1} 户").format(added, updated), 6000
        )
        self.w.show_unit(uid, tab="votes")
        return added, updated

    def rename(self):
        kind, item_id = self.selected()
        if kind is None:
            return self._need(self.tr("请先在左侧选择要重命名的小区、楼栋或单元"))
        project = self.w.doc.project
        if kind == "community":
            old = next(c.name for c in project.communities if c.id == item_id)
        elif kind == "building":
            old = next(b.name for c in project.communities for b in c.buildings if b.id == item_id)
        else:
            old = project.find_unit(item_id).name

        def ok(v):
            _structure().rename(self.w.doc, kind, item_id, v["name"])
            self.select(kind, item_id)

        return self._open(
            self.tr("重命名"),
            [_forms().text_field("name", self.tr("新名称"), old, True, self.tr("名称不能为空"))],
            ok,
        )

    def delete(self):
        kind, item_id = self.selected()
        if kind is None:
            return self._need(self.tr("请先在左侧选择要删除的小区、楼栋或单元"))
        name = _structure().delete(self.w.doc, kind, item_id)
        self.w.statusBar().showMessage(self.tr("已删除 {0}（可用 Ctrl+Z 撤销）").format(name), 8000)
        return name

    def save_import_template(self):
        from . import i18n
        from .exporting import ask_workbook_path

        title = self.tr("保存导入模板")
        path = ask_workbook_path(self.w, title, "街道导入模板.xlsx", "street-import-template.xlsx")
        if path is None:
            return None
        from ..io.street.template import write_import_template

        try:
            out = write_import_template(path)
        except OSError as e:
            self.w.report_error(self.tr("无法保存模板"), i18n.error_text(e))
            return None
        self.w.statusBar().showMessage(self.tr("已保存导入模板 {0}").format(out), 6000)
        return out

    # ------------------------------------------------------------------ context menu
    def context_menu(self, index: QModelIndex) -> QMenu:
        """The tree's context menu for the item at ``index`` (invalid: empty space)."""
        menu = QMenu(self.w.tree)
        kind = index.data(KIND_ROLE) if index.isValid() else None
        menu.addAction(self.act_add_community)
        if kind in ("community", "building", "unit"):
            menu.addAction(self.act_add_building)
        if kind in ("building", "unit"):
            menu.addAction(self.act_add_unit)
        if kind == "unit":
            menu.addSeparator()
            menu.addAction(self.act_generate)
            menu.addAction(self.act_paste)
        if kind is not None:
            menu.addSeparator()
            menu.addAction(self.act_rename)
            menu.addAction(self.act_delete)
        menu.addSeparator()
        menu.addAction(self.w.act_import)
        menu.addAction(self.act_template)
        return menu

    def _context_menu(self, pos) -> None:
        index = self.w.tree.indexAt(pos)
        if index.isValid():
            self.w.tree.setCurrentIndex(index)
        menu = self.context_menu(index)
        menu.setAttribute(Qt.WA_DeleteOnClose)
        menu.popup(self.w.tree.viewport().mapToGlobal(pos))
