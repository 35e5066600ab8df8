"""The main window: menus, the community → building → unit tree and the central views
(street overview, unit editor, procurement workspace)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QBrush, QColor, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ..concurrency import StaleSaveError, restore_base
from ..errors import InputError, NotBuiltError, ProjectFileError
from ..resources import resource_path, sample_project_path
from . import i18n
from .document import ProjectDocument, engine
from .file_guard import FileGuard
from .settings import Settings
from .style import CLASS_COLOURS

PROJECT_FILTER = "加梯评估项目 / Elevator Eval project (*.eeproj)"
UNIT_ROLE = Qt.UserRole + 1


def icon(name: str) -> QIcon:
    """The toolbar icon ``resources/icons/<name>.svg`` (an empty icon when missing)."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


class MainWindow(QMainWindow):
    """The application window over one :class:`ProjectDocument`."""

    unitShown = Signal(str)

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.settings = settings or Settings()
        self.doc = ProjectDocument(self)
        self.current_unit: str | None = None
        self._views: dict[str, QWidget] = {}
        # tests replace these to answer the dialogs
        self.ask_save_changes = self._ask_save_changes
        self.ask_recover = self._ask_recover
        self.report_error = self._report_error
        self.guard = FileGuard(self)  # lock file and refused saves (file_guard.py)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("CentralStack")
        self.setCentralWidget(self.stack)

        self.tree = QTreeWidget()
        self.tree.setObjectName("ProjectTree")
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(self._on_tree_current)
        self.tree_dock = QDockWidget(self)
        self.tree_dock.setObjectName("TreeDock")
        self.tree_dock.setWidget(self.tree)
        self.tree_dock.setFeatures(QDockWidget.DockWidgetMovable |
                                   QDockWidget.DockWidgetFloatable)
        self.addDockWidget(Qt.LeftDockWidgetArea, self.tree_dock)

        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)

        self._create_actions()
        from .street_actions import StreetActions
        self.street = StreetActions(self)
        self._create_menus()
        self._create_toolbar()
        self.retranslate()

        self.doc.projectReplaced.connect(self._on_project_replaced)
        self.doc.structureChanged.connect(self._on_project_replaced)
        self.doc.unitChanged.connect(self._on_unit_changed)
        self.doc.dirtyChanged.connect(self._update_title)
        self.doc.pathChanged.connect(lambda _p: self._update_title())

        from PySide6.QtWidgets import QApplication

        from .field_undo import FieldUndoFilter
        self._field_undo = FieldUndoFilter(self)
        QApplication.instance().installEventFilter(self._field_undo)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(self.settings.autosave_minutes() * 60_000)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

        self.resize(1280, 820)
        geo = self.settings.geometry()
        if geo is not None:
            self.restoreGeometry(geo)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    # ------------------------------------------------------------------ actions
    def _action(self, name: str, slot, shortcut=None) -> QAction:
        act = QAction(self)
        act.setObjectName(name)
        if shortcut is not None:
            act.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        # triggered(bool) carries the checked flag: never hand it to the slot (a flag
        # taken as an output folder wrote files into a folder named "False")
        act.triggered.connect(lambda _checked=False, slot=slot: slot())
        self.addAction(act)
        return act

    def _create_actions(self) -> None:
        S = QKeySequence
        self.act_new = self._action("actNew", self.file_new, S(S.New))
        self.act_open = self._action("actOpen", self.file_open, S(S.Open))
        self.act_save = self._action("actSave", self.file_save, S(S.Save))
        self.act_save_as = self._action("actSaveAs", self.file_save_as, S("Ctrl+Shift+S"))
        self.act_import = self._action("actImport", self.import_street, S("Ctrl+I"))
        self.act_export_xlsx = self._action("actExportXlsx", self.export_excel, S("Ctrl+E"))
        self.act_export_pdf = self._action("actExportPdf", self.export_pdf, S(S.Print))
        self.act_batch = self._action("actBatch", self.batch_proposals, S("Ctrl+B"))
        self.act_export_census = self._action("actExportCensus", self.export_census_pdf)
        self.act_export_quotes = self._action("actExportQuotes", self.export_quotes_pdf)
        self.act_quit = self._action("actQuit", self.close, S(S.Quit))
        stack = self.doc.undo_stack
        self.act_undo = self._action("actUndo", stack.undo, S(S.Undo))
        self.act_redo = self._action("actRedo", stack.redo,
                                     [S("Ctrl+Shift+Z"), S("Ctrl+Y")])
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        stack.canUndoChanged.connect(self.act_undo.setEnabled)
        stack.canRedoChanged.connect(self.act_redo.setEnabled)
        stack.indexChanged.connect(lambda _i: self._update_undo_texts())
        self.act_find = self._action("actFind", self.focus_search, S(S.Find))
        self.act_overview = self._action("actOverview", self.show_overview, S("Ctrl+1"))
        self.act_unit = self._action("actUnit", lambda: self.show_unit(self.current_unit),
                                     S("Ctrl+2"))
        self.act_procurement = self._action("actProcurement", self.show_procurement,
                                            S("Ctrl+3"))
        self.act_process = self._action("actProcess", self.show_process, S("Ctrl+4"))
        self.act_recompute = self._action("actRecompute", self.recompute, S(S.Refresh))
        self.act_vote_log = self._action("actVoteLog", self.show_vote_log, S("Ctrl+L"))
        self._vote_log_dialog = None
        self.act_about = self._action("actAbout", self.about)
        self.act_quick_start = self._action("actQuickStart", self.quick_start, S(S.HelpContents))
        self.act_shortcuts = self._action("actShortcuts", self.show_shortcuts, S("Ctrl+/"))
        self.lang_group = QActionGroup(self)
        self.act_zh = self._action("actLangZh", lambda: self.switch_language("zh"))
        self.act_en = self._action("actLangEn", lambda: self.switch_language("en"))
        for a in (self.act_zh, self.act_en):
            a.setCheckable(True)
            self.lang_group.addAction(a)
        (self.act_en if i18n.lang() == "en" else self.act_zh).setChecked(True)

    def _create_menus(self) -> None:
        mb = self.menuBar()
        self.menu_file = mb.addMenu("")
        for a in (self.act_new, self.act_open):
            self.menu_file.addAction(a)
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_recent.setObjectName("menuRecent")
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        for a in (self.act_save, self.act_save_as):
            self.menu_file.addAction(a)
        self.menu_file.addSeparator()
        for a in (self.act_import, self.act_export_xlsx, self.act_export_pdf, self.act_batch,
                  self.act_export_census, self.act_export_quotes):
            self.menu_file.addAction(a)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        from .ballot_review import install_action as install_ballots
        install_ballots(self)   # File › 录入回收的征询表…
        self.menu_edit = mb.addMenu("")
        for a in (self.act_undo, self.act_redo, self.act_find):
            self.menu_edit.addAction(a)
        from .settings_dialog import add_settings_action
        add_settings_action(self, self.menu_edit)
        self.menu_street = mb.addMenu("")
        self.street.fill_menu(self.menu_street)
        self.menu_view = mb.addMenu("")
        for a in (self.act_overview, self.act_unit, self.act_procurement, self.act_process,
                  self.act_recompute, self.act_vote_log):
            self.menu_view.addAction(a)
        self.menu_view.addSeparator()
        self.menu_lang = self.menu_view.addMenu("")
        self.menu_lang.addAction(self.act_zh)
        self.menu_lang.addAction(self.act_en)
        self.menu_help = mb.addMenu("")
        for a in (self.act_quick_start, self.act_shortcuts, self.act_about):
            self.menu_help.addAction(a)

    TOOLBAR_ICONS = {"actOpen": "open", "actSave": "save", "actUndo": "undo",
                     "actRedo": "redo", "actOverview": "overview", "actUnit": "unit",
                     "actProcurement": "procurement", "actImport": "import",
                     "actExportPdf": "export-pdf", "actBatch": "batch"}

    def _create_toolbar(self) -> None:
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("MainToolBar")
        self.toolbar.setMovable(False)
        # words beside the pictures: a clerk should never have to guess a symbol
        self.toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(20, 20))
        for act in self.actions():
            name = self.TOOLBAR_ICONS.get(act.objectName())
            if name:
                act.setIcon(icon(name))
        for a in (self.act_open, self.act_save, None, self.act_undo, self.act_redo, None,
                  self.act_overview, self.act_unit, self.act_procurement, None,
                  self.act_import, self.act_export_pdf, self.act_batch):
            if a is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(a)

    def retranslate(self) -> None:
        """Set every text of the window for the current language."""
        self.menu_file.setTitle(self.tr("文件(&F)"))
        self.menu_recent.setTitle(self.tr("最近打开(&R)"))
        self.menu_edit.setTitle(self.tr("编辑(&E)"))
        self.menu_street.setTitle(self.tr("小区与楼栋(&B)"))
        self.street.retranslate()
        self.menu_view.setTitle(self.tr("视图(&V)"))
        self.menu_lang.setTitle(self.tr("语言 / Language"))
        self.menu_help.setTitle(self.tr("帮助(&H)"))
        texts = {
            self.act_new: (self.tr("新建项目(&N)"), self.tr("新建一个空项目")),
            self.act_open: (self.tr("打开项目(&O)…"), self.tr("打开项目文件（.eeproj）")),
            self.act_save: (self.tr("保存(&S)"), self.tr("保存项目")),
            self.act_save_as: (self.tr("另存为(&A)…"), self.tr("把项目保存到新文件")),
            self.act_import: (self.tr("导入街道数据(&I)…"),
                              self.tr("从 Excel/CSV 导入楼栋与住户，导入前逐行检查")),
            self.act_export_xlsx: (self.tr("导出 Excel(&X)…"), self.tr("把普查表与住户导出为 Excel")),
            self.act_export_pdf: (self.tr("导出 PDF(&P)…"),
                                  self.tr("导出当前单元的方案书；在采购比选中导出报价比选报告")),
            self.act_batch: (self.tr("批量生成方案书(&B)…"), self.tr("为项目中每个单元生成方案书（后台运行，可取消）")),
            self.act_export_census: (self.tr("导出普查报告 PDF(&C)…"),
                                     self.tr("全街道的普查报告：每个单元的适宜性分类与汇总")),
            self.act_export_quotes: (self.tr("导出报价比选 PDF(&Q)…"),
                                     self.tr("采购比选的报价比较、全寿命成本与评分")),
            self.act_quit: (self.tr("退出(&Q)"), ""),
            self.act_find: (self.tr("查找(&F)"), self.tr("在街道概览中搜索单元")),
            self.act_overview: (self.tr("街道概览"), self.tr("普查表：每个单元的适宜性分类")),
            self.act_unit: (self.tr("单元详情"), self.tr("当前单元的编辑器")),
            self.act_procurement: (self.tr("采购比选"), self.tr("报价、适配矩阵、全寿命成本与评分")),
            self.act_process: (self.tr("办理进度"), self.tr("各阶段单元数、漏斗图、逾期与运维提醒")),
            self.act_recompute: (self.tr("重新计算"), self.tr("重新评估全部单元（后台运行）")),
            self.act_vote_log: (self.tr("表决记录(&L)…"),
                                self.tr("全部单元的表决变更记录与哈希链校验，可导出 CSV")),
            self.act_about: (self.tr("关于(&A)"), ""),
            self.act_quick_start: (self.tr("快速上手(&Q)…"),
                                   self.tr("在示例街道上一步步完成第一个任务")),
            self.act_shortcuts: (self.tr("键盘快捷键(&K)…"), self.tr("全部快捷键一览")),
            self.act_zh: ("中文", ""),
            self.act_en: ("English", ""),
        }
        for act, (text, tip) in texts.items():
            act.setText(text)
            act.setToolTip(tip or text.replace("&", ""))
            act.setStatusTip(tip)
        # short words for the toolbar (the undo text of the Edit menu can be long)
        short = {self.act_open: self.tr("打开"), self.act_save: self.tr("保存"),
                 self.act_undo: self.tr("撤销"), self.act_redo: self.tr("重做"),
                 self.act_overview: self.tr("街道概览"), self.act_unit: self.tr("单元详情"),
                 self.act_procurement: self.tr("采购比选"), self.act_import: self.tr("导入"),
                 self.act_export_pdf: self.tr("导出 PDF"), self.act_batch: self.tr("批量方案书")}
        for act, text in short.items():
            act.setIconText(text)
        self._update_undo_texts()
        self.tree_dock.setWindowTitle(self.tr("项目"))
        self.toolbar.setWindowTitle(self.tr("工具栏"))
        self.tree.setToolTip(self.tr("小区 → 楼栋 → 单元；颜色为适宜性分类（绿：适合，蓝：较难，红：不适合，"
                               "同上海加装电梯评估“蓝图”的三色）"))
        self._update_title()
        self._update_status()

    def _update_undo_texts(self) -> None:
        try:
            stack = self.doc.undo_stack
            undo_text, redo_text = stack.undoText(), stack.redoText()
        except RuntimeError:       # the window is being destroyed
            return
        self.act_undo.setText((self.tr("撤销(&U)") + " " + undo_text).strip())
        self.act_redo.setText((self.tr("重做(&R)") + " " + redo_text).strip())
        for act in (self.act_undo, self.act_redo):
            act.setToolTip(act.text().replace("&", ""))

    # ------------------------------------------------------------------ language
    def switch_language(self, code: str) -> None:
        """Switch the interface language live and remember it."""
        if code == i18n.lang():
            (self.act_en if code == "en" else self.act_zh).setChecked(True)
            return
        i18n.set_language(code)
        self.settings.set_language(code)
        (self.act_en if code == "en" else self.act_zh).setChecked(True)
        self.retranslate()
        self._rebuild_views()
        self._fill_tree()

    def _rebuild_views(self) -> None:
        """Recreate the central views in the new language, keeping place and tab."""
        current = self.current_view_name()
        tab = None
        editor = self._views.get("unit")
        if editor is not None:
            tab = editor.current_tab_name()
        for name in ("VoteLogDialog", "QuickStartDialog", "ShortcutsDialog"):
            for dlg in self.findChildren(QDialog, name):
                dlg.close()       # reopened in the new language from the menu
        from . import view_state
        kept = view_state.collect(self)
        for name, view in list(self._views.items()):
            self.stack.removeWidget(view)
            view.deleteLater()
        self._views.clear()
        if current == "unit" and self.current_unit:
            self.show_unit(self.current_unit, tab=tab)
        elif current == "procurement":
            self.show_procurement()
        elif current == "process":
            self.show_process()
        else:
            self.show_overview()
        if kept.get("procurement") is not None:
            self.view("procurement")      # rebuilt now so that its choices carry over
        view_state.restore(self, kept)

    # ------------------------------------------------------------------ views
    def view(self, name: str) -> QWidget:
        """The central view ``overview``, ``unit`` or ``procurement`` (built on first use)."""
        if name not in self._views:
            if name == "overview":
                from .overview import OverviewView
                v = OverviewView(self.doc, self)
                v.unitActivated.connect(self.show_unit)
            elif name == "unit":
                from .unit_editor import UnitEditor
                v = UnitEditor(self.doc, self)
            elif name == "procurement":
                from .procurement_view import ProcurementView
                v = ProcurementView(self.doc, self)
            elif name == "process":
                from .process_view import ProcessView
                v = ProcessView(self.doc, self)
                v.unitActivated.connect(lambda uid: self.show_unit(uid, tab="process"))
            else:
                raise KeyError(name)
            v.setObjectName(f"view_{name}")
            self._views[name] = v
            self.stack.addWidget(v)
        return self._views[name]

    def current_view_name(self) -> str | None:
        w = self.stack.currentWidget()
        for name, v in self._views.items():
            if v is w:
                return name
        return None

    def show_overview(self) -> None:
        self.stack.setCurrentWidget(self.view("overview"))
        self._update_status()

    def show_procurement(self) -> None:
        self.stack.setCurrentWidget(self.view("procurement"))
        self._update_status()

    def show_process(self) -> None:
        self.stack.setCurrentWidget(self.view("process"))
        self._update_status()

    def show_unit(self, unit_id: str | None, tab: str | None = None) -> None:
        if not unit_id:
            units = self.doc.project.units()
            if not units:
                return
            unit_id = units[0].id
        try:
            self.doc.unit(unit_id)
        except KeyError:
            return
        self.current_unit = unit_id
        editor = self.view("unit")
        editor.set_unit(unit_id)
        if tab:
            editor.show_tab(tab)
        self.stack.setCurrentWidget(editor)
        self._select_tree_unit(unit_id)
        self._update_status()
        self.unitShown.emit(unit_id)

    def focus_search(self) -> None:
        self.show_overview()
        self.view("overview").focus_search()

    # ------------------------------------------------------------------ tree
    def _fill_tree(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        census = None
        try:
            census = self.doc.census()
        except Exception:
            census = None
        klass = {r.unit_id: r.klass for r in census.rows} if census else {}
        from .street_actions import ID_ROLE, KIND_ROLE
        for c in self.doc.project.communities:
            ci = QTreeWidgetItem([c.name or c.id])
            ci.setToolTip(0, c.district or c.name)
            ci.setData(0, KIND_ROLE, "community")
            ci.setData(0, ID_ROLE, c.id)
            # every item carries the unit role too: PySide6 6.12 on Python 3.11 drops a
            # reference to None each time data() reads an unset role, and the app aborts
            # after enough edits (each edit looks the unit up in the tree); a soak test found it
            ci.setData(0, UNIT_ROLE, "")
            for b in c.buildings:
                bi = QTreeWidgetItem([b.name or b.id])
                bi.setToolTip(0, b.address or b.name)
                bi.setData(0, KIND_ROLE, "building")
                bi.setData(0, ID_ROLE, b.id)
                bi.setData(0, UNIT_ROLE, "")
                for u in b.units:
                    short = u.name.split(" ")[-1] if u.name else u.id
                    ui_ = QTreeWidgetItem([short or u.id])
                    ui_.setData(0, UNIT_ROLE, u.id)
                    ui_.setData(0, KIND_ROLE, "unit")
                    ui_.setData(0, ID_ROLE, u.id)
                    ui_.setToolTip(0, f"{u.name} ({u.id})")
                    k = klass.get(u.id)
                    if k in CLASS_COLOURS:
                        ui_.setForeground(0, QBrush(QColor(CLASS_COLOURS[k])))
                    bi.addChild(ui_)
                ci.addChild(bi)
            self.tree.addTopLevelItem(ci)
        self.tree.expandAll()
        if self.tree.topLevelItemCount():
            # a current item from the start: otherwise the tree makes its first item
            # current when it gets the focus, which would switch the view
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.tree.blockSignals(False)
        if self.current_unit:
            self._select_tree_unit(self.current_unit)

    def tree_unit_item(self, unit_id: str) -> QTreeWidgetItem | None:
        it = self._iter_tree()
        for item in it:
            if item.data(0, UNIT_ROLE) == unit_id:
                return item
        return None

    def _iter_tree(self):
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            yield item
            stack[0:0] = [item.child(i) for i in range(item.childCount())]

    def _select_tree_unit(self, unit_id: str) -> None:
        item = self.tree_unit_item(unit_id)
        if item is not None and self.tree.currentItem() is not item:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.blockSignals(False)

    def _on_tree_current(self, item, _prev) -> None:
        if item is None:
            return
        uid = item.data(0, UNIT_ROLE)
        if uid:
            self.show_unit(uid)
        else:
            self.show_overview()

    # ------------------------------------------------------------------ document events
    def _on_project_replaced(self) -> None:
        if self.current_unit:
            try:
                self.doc.unit(self.current_unit)
            except KeyError:
                self.current_unit = None
        self._fill_tree()
        for v in self._views.values():
            v.reload()
        if self.current_unit is None and self.current_view_name() == "unit":
            self.show_overview()
        self._update_title()
        self._update_status()

    def _on_unit_changed(self, unit_id: str) -> None:
        item = self.tree_unit_item(unit_id)
        if item is not None:
            a = None
            try:
                a = self.doc.assessment(unit_id)
            except Exception:
                a = None
            if a is not None and a.klass in CLASS_COLOURS:
                item.setForeground(0, QBrush(QColor(CLASS_COLOURS[a.klass])))

    def finish_startup(self) -> None:
        """Compute the engine results the first paint went without, and refresh."""
        if not self.doc.defer_engines:
            return
        self.doc.defer_engines = False
        self._on_project_replaced()

    def _update_title(self, *_args) -> None:
        name = self.doc.title() if self.doc.project.name or self.doc.path else ""
        if self.doc.is_sample:
            name += self.tr("（示例）")
        if self.guard.read_only:
            name += self.tr("（只读）")
        self.setWindowTitle(f"{name}[*] — " + self.tr("加梯评估") if name
                            else self.tr("加梯评估"))
        self.setWindowModified(self.doc.is_dirty())

    def _update_status(self) -> None:
        n = len(self.doc.project.units())
        if self.doc.path is None:
            where = self.tr("未保存")
        elif self.doc.is_sample:
            where = self.tr("示例项目：{0}").format(self.doc.path.name)
        else:
            where = str(self.doc.path)
        self.status_label.setText(self.tr("{n} 个单元 · {where}").format(n=n, where=where))

    # ------------------------------------------------------------------ files
    def open_initial(self, path: str | None) -> None:
        """Open ``path``, or the bundled sample street when ``path`` is None."""
        if path:
            if not self.open_path(path):
                self.open_sample()
        else:
            self.open_sample()
        self.show_overview()

    def open_sample(self) -> bool:
        sample = sample_project_path()
        try:
            self.doc.open(sample, is_sample=True)
            return True
        except (ProjectFileError, NotBuiltError, InputError, OSError) as e:
            self.doc.set_project(self._fallback_project(), None)
            self.statusBar().showMessage(self.tr("示例项目无法打开：{0}").format(e), 8000)
            return False

    @staticmethod
    def _fallback_project():
        from ..model import Project
        return Project(name="")

    def open_path(self, path: str | os.PathLike) -> bool:
        mode = self.guard.before_open(path)
        if mode is None:
            return False
        try:
            self.doc.open(path)
        except (ProjectFileError, NotBuiltError, InputError, OSError) as e:
            self.report_error(self.tr("无法打开项目"), str(e))
            self.settings.remove_recent_file(str(path))
            return False
        self.guard.opened(path, read_only=mode == "read_only")
        self.settings.add_recent_file(str(Path(path).resolve()))
        self.settings.set_last_dir(str(Path(path).resolve().parent))
        self.current_unit = None
        self.show_overview()
        return True

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to go on."""
        if not self.doc.is_dirty():
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.file_save()
        return answer == "discard"

    def _ask_save_changes(self) -> str:
        box = QMessageBox(QMessageBox.Warning, self.tr("未保存的修改"),
                          self.tr("“{0}”有未保存的修改。是否保存？").format(self.doc.title()),
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, self)
        box.button(QMessageBox.Save).setText(self.tr("保存"))
        box.button(QMessageBox.Discard).setText(self.tr("不保存"))
        box.button(QMessageBox.Cancel).setText(self.tr("取消"))
        r = box.exec()
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(r, "cancel")

    def _report_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def file_new(self) -> None:
        if not self.maybe_save():
            return
        name, ok = QInputDialog.getText(self, self.tr("新建项目"), self.tr("项目名称（如街道名）："))
        if not ok:
            return
        self.doc.new(name.strip() or self.tr("新项目"))
        self.current_unit = None
        self.show_overview()

    def file_open(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开项目"),
                                              self.settings.last_dir(), PROJECT_FILTER)
        if path:
            self.open_path(path)

    def file_save(self) -> bool:
        if self.doc.path is None or self.doc.is_sample or self.guard.read_only:
            return self.file_save_as()
        return self._save_to(self.doc.path)

    def file_save_as(self) -> bool:
        start = self.settings.last_dir() or str(Path.home())
        suggested = str(Path(start) / ((self.doc.project.name or "project") + ".eeproj"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("另存为"), suggested, PROJECT_FILTER)
        if not path:
            return False
        if not path.endswith(".eeproj"):
            path += ".eeproj"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        old_base = self.autosave_base()      # the sample's or the old file's copy
        try:
            saved = self.doc.save(path)
        except StaleSaveError as e:
            return self.guard.resolve_stale(path, e)
        except Exception as e:  # disk full, permission …: say so, keep the data
            self.report_error(self.tr("保存失败"), str(e))
            return False
        self.settings.add_recent_file(str(saved.resolve()))
        self.settings.set_last_dir(str(saved.resolve().parent))
        self._clear_autosave(old_base)
        self._clear_autosave()
        self.guard.saved(saved)
        self.statusBar().showMessage(self.tr("已保存 {0}").format(saved), 4000)
        self._update_status()
        return True

    def _fill_recent_menu(self) -> None:
        self.menu_recent.clear()
        files = self.settings.recent_files()
        if not files:
            a = self.menu_recent.addAction(self.tr("（无）"))
            a.setEnabled(False)
        for i, p in enumerate(files, 1):
            a = self.menu_recent.addAction(f"&{i} {p}")
            a.triggered.connect(lambda _=False, p=p: self._open_recent(p))

    def _open_recent(self, path: str) -> None:
        if self.maybe_save():
            self.open_path(path)

    # ------------------------------------------------------------------ autosave
    def autosave_base(self) -> Path:
        """The file whose autosave copy is written: the project file, or for the sample
        and unsaved projects ``untitled.eeproj`` in the user's data folder."""
        if self.doc.path is not None and not self.doc.is_sample:
            return self.doc.path
        from PySide6.QtCore import QStandardPaths
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation))
        folder.mkdir(parents=True, exist_ok=True)
        return folder / "untitled.eeproj"

    def autosave(self) -> bool:
        """Write a recovery copy of a project with unsaved changes (``store.save_autosave``)."""
        if not self.doc.is_dirty():
            return False
        from .. import store
        try:
            store.save_autosave(self.doc.project, self.autosave_base())
        except Exception as e:
            self.statusBar().showMessage(self.tr("自动保存失败：{0}").format(e), 6000)
            return False
        self.statusBar().showMessage(self.tr("已自动保存"), 3000)
        return True

    def _clear_autosave(self, base: Path | None = None) -> None:
        from .. import store
        try:
            store.discard_autosave(base or self.autosave_base())
        except Exception:
            pass

    def offer_recovery(self) -> bool:
        """After a crash: offer the autosaved copy of the open project (or of the unsaved
        one). Answering no deletes the copy."""
        from .. import store
        try:
            found = store.find_recovery(self.autosave_base())
        except Exception:
            return False
        if not found:
            return False
        if not self.ask_recover(str(found)):
            self._clear_autosave()
            return False
        try:
            project = store.open_project(found)
        except Exception as e:
            self.report_error(self.tr("恢复失败"), str(e))
            return False
        path, sample = self.doc.path, self.doc.is_sample
        if path is not None:
            restore_base(project, found, path)
        self.doc.set_project(project, path, is_sample=sample)
        self.doc.undo_stack.resetClean()   # the recovered data is not in the file yet
        self._update_title()
        return True

    def _ask_recover(self, found) -> bool:
        r = QMessageBox.question(self, self.tr("恢复"),
                                 self.tr("发现上次未正常退出时自动保存的副本：\n{0}\n是否恢复？")
                                 .format(found))
        return r == QMessageBox.Yes

    # ------------------------------------------------------------------ work
    def import_street(self) -> None:
        from .import_dialog import ImportDialog
        dlg = ImportDialog(self.doc, self)
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.open()
        self._import_dialog = dlg

    def export_excel(self) -> None:
        from .exporting import export_excel
        export_excel(self)

    def export_pdf(self):
        """Export the document of the current view: in the procurement workspace the quote
        comparison, else the current unit's document (the proposal by default)."""
        if self.current_view_name() == "procurement":
            return self.export_quotes_pdf()
        if not self.doc.project.units():
            self.report_error(self.tr("导出 PDF"), self.tr("项目中还没有单元"))
            return None
        self.show_unit(self.current_unit, tab="documents")
        editor = self._views.get("unit")
        if editor is not None:
            return editor.tab("documents").export_current()
        return None

    def export_census_pdf(self):
        from .exporting import export_census_pdf
        return export_census_pdf(self)

    def export_quotes_pdf(self):
        from .exporting import export_quotes_pdf
        return export_quotes_pdf(self, self.view("procurement").comparison)

    def batch_proposals(self, out_dir: str | None = None):
        if not isinstance(out_dir, (str, os.PathLike)):
            out_dir = None  # from the menu: QAction.triggered passes "checked" (False)
        from .exporting import batch_proposals
        return batch_proposals(self, out_dir)

    def show_vote_log(self):
        """Open (or raise) the whole project's vote log; returns the dialog."""
        from .vote_log import VoteLogDialog
        dlg = self._vote_log_dialog
        if dlg is None:
            dlg = VoteLogDialog(self.doc, None, self)
            dlg.setAttribute(Qt.WA_DeleteOnClose)
            dlg.destroyed.connect(lambda _=None: setattr(self, "_vote_log_dialog", None))
            self._vote_log_dialog = dlg
        dlg.show()
        dlg.raise_()
        return dlg

    def recompute(self):
        """Re-assess every unit in the background (F5), then refresh the views."""
        from .worker import run_task
        doc = self.doc
        project = doc.project
        doc._cache.clear()

        def work(progress):
            mod = engine("census")
            if mod is None:
                return None
            progress(0, 1)
            result = mod.census(project)
            progress(1, 1)
            return result

        def done(result):
            if result is not None and doc.project is project:
                doc._cache[("census",)] = result
            self._on_project_replaced()

        task = run_task(self, work, self.tr("重新计算"), self.tr("正在重新评估全部单元…"))
        task.finished.connect(done)
        return task

    def quick_start(self):
        """Open the guided first task (Help → 快速上手, F1); returns the dialog."""
        from .help_dialogs import QuickStartDialog
        for old in self.findChildren(QDialog, "QuickStartDialog"):
            old.close()
        dlg = QuickStartDialog(self)
        dlg.show()
        return dlg

    def show_shortcuts(self):
        """Open the list of keyboard shortcuts; returns the dialog."""
        from .help_dialogs import ShortcutsDialog
        dlg = ShortcutsDialog(self)
        dlg.show()
        return dlg

    def about(self) -> None:
        QMessageBox.about(self, self.tr("关于加梯评估"), self.tr(
            "加梯评估 —— 既有住宅加装电梯决策辅助。\n"
            "适宜性分类依据《上海市既有多层住宅加装电梯前期调查与可行性评估技术导则（试行）》的"
            "干扰因素计数规则；业主表决依据《民法典》第二百七十八条、第一千二百五十九条。"))

    # ------------------------------------------------------------------ close
    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self.maybe_save():
            event.ignore()
            return
        self._clear_autosave()    # saved or discarded: no recovery offered next time
        from .worker import running_tasks
        for task in running_tasks():
            task.cancel()
            task.wait(10_000)
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.sync()
        self.autosave_timer.stop()
        for name in ("VoteLogDialog", "QuickStartDialog", "ShortcutsDialog"):
            for dlg in self.findChildren(QDialog, name):
                dlg.close()
        self.guard.release()
        event.accept()
