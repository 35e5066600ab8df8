"""The main window: the community → building → unit tree and the central views (street
overview, unit editor, procurement workspace). Its actions and menus, file handling and
work commands are in ``window_actions``, ``window_files`` and ``window_work``."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from . import i18n, view_state
from .document import ProjectDocument
from .field_undo import FieldUndoFilter
from .file_guard import FileGuard
from .lazy_qt import Qt
from .project_tree import (
    EXPAND_ALL_UP_TO_UNITS,
    UNIT_ROLE,
    ProjectTreeModel,
    make_tree_view,
    prepare_tree_rows,
)
from .settings import Settings
from .settings_action import retranslate as retranslate_settings_action
from .street_actions import StreetActions
from .window_actions import WindowActions
from .window_files import WindowFiles
from .window_work import WindowWork

DOCK_NAME = "TreeDock"
"""The tree dock's object name (the saved window layout finds the dock by it)."""
DOCK_NAME_SAVED = bytes(b for c in DOCK_NAME.encode("ascii") for b in (0, c))
""":data:`DOCK_NAME` as Qt writes it into a saved layout (UTF-16, big-endian; made
without loading that codec before the first paint)."""


class MainWindow(WindowActions, WindowFiles, WindowWork, QMainWindow):
    """The application window over one :class:`ProjectDocument`."""

    unitShown = Signal(str)

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.settings = settings or Settings()
        self.doc = ProjectDocument(self)
        self.current_unit: str | None = None
        self._census_gate = None  # while the census after the first paint runs
        self._views: dict[str, QWidget] = {}
        # tests replace these to answer the dialogs
        self.ask_save_changes = self._ask_save_changes
        self.ask_recover = self._ask_recover
        self.report_error = self._report_error
        self.guard = FileGuard(self)  # lock file and refused saves (file_guard.py)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("CentralStack")
        self.setCentralWidget(self.stack)

        self._build_tree_dock()

        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)

        self._create_actions()
        self.street = StreetActions(self)
        self._create_menus()
        self._create_toolbar()
        self.retranslate()

        self.doc.projectReplaced.connect(self._on_project_replaced)
        self.doc.structureChanged.connect(self._on_project_replaced)
        self.doc.unitChanged.connect(self._on_unit_changed)
        self.doc.dirtyChanged.connect(self.update_title)
        self.doc.pathChanged.connect(lambda _p: self.update_title())

        self._field_undo = FieldUndoFilter(self)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(self.settings.autosave_minutes() * 60_000)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

        self.resize(1280, 820)
        geo = self.settings.geometry()
        if geo is not None:
            self.restoreGeometry(geo)
        state = self.settings.window_state()
        if state is None:  # the very first start: the layout made for it
            from .default_layout import DEFAULT_WINDOW_STATE

            state = DEFAULT_WINDOW_STATE
        self._place_tree_dock(state)

    def _build_tree_dock(self) -> None:
        """The project tree (a view over :class:`ProjectTreeModel`) in a dock on the left."""
        self.tree_model = ProjectTreeModel(self.doc, self)
        self.tree = make_tree_view(self.tree_model)
        self._tree_syncing = False
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        self.tree_dock = QDockWidget(self)
        self.tree_dock.setObjectName(DOCK_NAME)
        self.tree_dock.setWidget(self.tree)
        self.tree_dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)

    def _place_tree_dock(self, saved_state) -> None:
        """Restore the toolbar and the tree dock where the last session left them (or
        where the first start's layout puts them, ``default_layout.py``), else put the
        dock on the left. (A layout places the dock without a Qt enum: the start builds
        Qt's namespace after its first paint; see lazy_qt.py.)"""
        name = DOCK_NAME_SAVED  # as Qt saves the name (UTF-16, big-endian)
        if saved_state is not None and name in bytes(saved_state):
            if self.restoreState(saved_state):
                return
        self.addDockWidget(Qt.LeftDockWidgetArea, self.tree_dock)
        if saved_state is not None:
            self.restoreState(saved_state)  # the toolbar, at least

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        """Set every text of the window for the current language."""
        self.menu_file.setTitle(self.tr("文件(&F)"))
        self.menu_recent.setTitle(self.tr("最近打开(&R)"))
        self.menu_edit.setTitle(self.tr("编辑(&E)"))
        self.menu_street.setTitle(self.tr("小区与楼栋(&B)"))
        self.street.retranslate()
        retranslate_settings_action(self.act_project_settings)
        self.menu_view.setTitle(self.tr("视图(&V)"))
        self.menu_lang.setTitle(self.tr("语言 / Language"))
        self.menu_help.setTitle(self.tr("帮助(&H)"))
        texts = self._action_texts()
        for act, (text, tip) in texts.items():
            act.setText(text)
            act.setToolTip(tip or text.replace("&", ""))
            act.setStatusTip(tip)
        # short words for the toolbar (the undo text of the Edit menu can be long)
        short = {
            self.act_open: self.tr("打开"),
            self.act_save: self.tr("保存"),
            self.act_undo: self.tr("撤销"),
            self.act_redo: self.tr("重做"),
            self.act_overview: self.tr("街道概览"),
            self.act_unit: self.tr("单元详情"),
            self.act_procurement: self.tr("采购比选"),
            self.act_import: self.tr("导入"),
            self.act_export_pdf: self.tr("导出 PDF"),
            self.act_batch: self.tr("批量方案书"),
        }
        for act, text in short.items():
            act.setIconText(text)
        self._update_undo_texts()
        self.tree_dock.setWindowTitle(self.tr("项目"))
        self.toolbar.setWindowTitle(self.tr("工具栏"))
        self.tree.setToolTip(
            self.tr(
                "小区 → 楼栋 → 单元；颜色为适宜性分类（绿：适合，蓝：较难，红：不适合，"
                "同上海加装电梯评估“蓝图”的三色）"
            )
        )
        self.update_title()
        self._update_status()

    def _update_undo_texts(self) -> None:
        try:
            stack = self.doc.undo_stack
            undo_text, redo_text = stack.undoText(), stack.redoText()
        except RuntimeError:  # the window is being destroyed
            return
        self.act_undo.setText((self.tr("撤销(&U)") + " " + undo_text).strip())
        self.act_redo.setText((self.tr("重做(&R)") + " " + redo_text).strip())
        for act in (self.act_undo, self.act_redo):
            act.setToolTip(act.text().replace("&", ""))

    def _action_texts(self) -> dict:
        """(text, tip) of every window action in the current language."""
        # Long: one table of texts, read best as one piece
        return {
            self.act_new: (self.tr("新建项目(&N)"), self.tr("新建一个空项目")),
            self.act_open: (self.tr("打开项目(&O)…"), self.tr("打开项目文件（.eeproj）")),
            self.act_save: (self.tr("保存(&S)"), self.tr("保存项目")),
            self.act_save_as: (self.tr("另存为(&A)…"), self.tr("把项目保存到新文件")),
            self.act_import: (
                self.tr("导入街道数据(&I)…"),
                self.tr("从 Excel/CSV 导入楼栋与住户，导入前逐行检查"),
            ),
            self.act_export_xlsx: (
                self.tr("导出 Excel(&X)…"),
                self.tr("把普查表与住户导出为 Excel"),
            ),
            self.act_export_pdf: (
                self.tr("导出 PDF(&P)…"),
                self.tr("导出当前单元的方案书；在采购比选中导出报价比选报告"),
            ),
            self.act_batch: (
                self.tr("批量生成方案书(&B)…"),
                self.tr("为项目中每个单元生成方案书（后台运行，可取消）"),
            ),
            self.act_export_census: (
                self.tr("导出普查报告 PDF(&C)…"),
                self.tr("全街道的普查报告：每个单元的适宜性分类与汇总"),
            ),
            self.act_export_quotes: (
                self.tr("导出报价比选 PDF(&Q)…"),
                self.tr("采购比选的报价比较、全寿命成本与评分"),
            ),
            self.act_quit: (self.tr("退出(&Q)"), ""),
            self.act_find: (self.tr("查找(&F)"), self.tr("在街道概览中搜索单元")),
            self.act_overview: (self.tr("街道概览"), self.tr("普查表：每个单元的适宜性分类")),
            self.act_unit: (self.tr("单元详情"), self.tr("当前单元的编辑器")),
            self.act_procurement: (
                self.tr("采购比选"),
                self.tr("报价、适配矩阵、全寿命成本与评分"),
            ),
            self.act_process: (
                self.tr("办理进度"),
                self.tr("各阶段单元数、漏斗图、逾期与运维提醒"),
            ),
            self.act_recompute: (self.tr("重新计算"), self.tr("重新评估全部单元（后台运行）")),
            self.act_vote_log: (
                self.tr("表决记录(&L)…"),
                self.tr("全部单元的表决变更记录与哈希链校验，可导出 CSV"),
            ),
            self.act_about: (self.tr("关于(&A)"), ""),
            self.act_quick_start: (
                self.tr("快速上手(&Q)…"),
                self.tr("在示例街道上一步步完成第一个任务"),
            ),
            self.act_shortcuts: (self.tr("键盘快捷键(&K)…"), self.tr("全部快捷键一览")),
            self.act_zh: ("中文", ""),
            self.act_en: ("English", ""),
        }

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
            for dlg in self.findChildren(QWidget, name):
                dlg.close()  # reopened in the new language from the menu
        kept = view_state.collect(self)
        for view in list(self._views.values()):
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
            self.view("procurement")  # rebuilt now so that its choices carry over
        view_state.restore(self, kept)

    # ------------------------------------------------------------------ views
    def built_view(self, name: str) -> QWidget | None:
        """The central view ``name`` when it has been built (None before its first use)."""
        return self._views.get(name)

    def view(self, name: str) -> QWidget:
        """The central view ``overview``, ``unit`` or ``procurement`` (built on first use)."""
        if name not in self._views:
            # lazy imports: only the view shown first is loaded before the first paint
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
        try:
            census = self.doc.census()
        except Exception:
            census = None
        klass = self.doc.census_classes() if census else {}
        self._tree_syncing = True
        if self.tree_model.recolour(klass):  # the same rows (a census arrived): kept
            self.tree.viewport().update()  # in their new colours
        else:
            self.tree_model.reset(klass)
            if self.tree_model.unit_count <= EXPAND_ALL_UP_TO_UNITS:
                self.tree.expandAll()
            if self.tree_model.rowCount():
                # a current item from the start: otherwise the tree makes its first item
                # current when it gets the focus, which would switch the view
                self.tree.setCurrentIndex(self.tree_model.index(0, 0))
        self._tree_syncing = False
        if self.current_unit:
            self._select_tree_unit(self.current_unit)

    def tree_unit_index(self, unit_id: str) -> QModelIndex:
        """The tree's index of unit ``unit_id`` (invalid when there is none)."""
        return self.tree_model.unit_index(unit_id)

    def select_tree_item(self, kind: str, item_id: str) -> None:
        """Make the community, building or unit ``item_id`` the tree's current item."""
        index = self.tree_model.item_index(kind, item_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _select_tree_unit(self, unit_id: str) -> None:
        index = self.tree_model.unit_index(unit_id)
        if index.isValid() and self.tree.currentIndex() != index:
            self._tree_syncing = True
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
            self._tree_syncing = False

    def _on_tree_current(self, index, _prev) -> None:
        if self._tree_syncing or not index.isValid():
            return
        uid = index.data(UNIT_ROLE)
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
        self.update_title()
        self._update_status()

    def _on_unit_changed(self, unit_id: str) -> None:
        try:
            a = self.doc.assessment(unit_id)
        except Exception:
            a = None
        if a is not None:
            self.tree_model.set_class(unit_id, a.klass)

    def finish_startup(self):
        """Compute the census the first paint went without, in the background
        (``ui/worker.py``), then refresh; returns the task (None when nothing waits),
        which starts in the next turn of the event loop."""
        if not self.doc.defer_engines:
            return None
        doc = self.doc
        project, changes = doc.project, doc.changes
        tree = self.tree
        # PySide builds QWidget's enums at the first viewport() (≈ 20–30 ms): in a turn of
        # its own, then the gate and the census's start in the next (three short pauses
        # of the window instead of one of 50 ms). Timers of 1 and 2 ms, not 0: Qt runs
        # zero-time calls queued by one another back to back, before any timer of the
        # window's is served (measured: one pause of 54 ms instead of three)
        QTimer.singleShot(1, self, lambda: prepare_tree_rows(tree))

        from .worker import Cancelled, run_task  # after the first paint

        def pause() -> None:  # at each of the census's pauses (pacing.py)
            self._census_gate.hook()
            if task.is_cancelled:  # the window closes: the census ends here
                raise Cancelled

        def stop_gate(*_args) -> None:
            if self._census_gate is not None:
                self._census_gate.stop()

        def done(result=None):
            stop_gate()
            doc.defer_engines = False
            doc.adopt_census(changes, result)  # refused after an edit: computed on demand
            self._on_project_replaced()

        task = run_task(
            self,
            lambda _progress: doc.census_in_background(project, pause=pause),
            show_dialog=False,
            start=False,
        )
        task.finished.connect(done)
        task.failed.connect(lambda _message: done())  # the overview shows the error
        task.cancelled.connect(stop_gate)

        def start() -> None:
            self._census_gate = self._busy_gate()
            # the colours' brushes the first paint went without, in a turn of their own
            # and before the census's thread (after, this would wait for Python's lock)
            overview = self._views.get("overview")
            if overview is not None:
                overview.model.prepare_brushes()
            task.start()

        QTimer.singleShot(2, self, start)  # (dropped with the window)
        return task

    def _busy_gate(self):
        """A :class:`~.window_turns.BusyGate` over the tree, the overview's table and its
        search box: the census waits at its pauses while the window is busy with them."""
        from .window_turns import BusyGate

        watched = [self.tree.viewport()]
        overview = self._views.get("overview")
        if overview is not None:
            watched += [overview.table.viewport(), overview.search]
        return BusyGate(watched, self)

    def update_title(self, *_args) -> None:
        name = self.doc.title() if self.doc.project.name or self.doc.path else ""
        if self.doc.is_sample:
            name += self.tr("（示例）")
        if self.guard.read_only:
            name += self.tr("（只读）")
        self.setWindowTitle(f"{name}[*] — " + self.tr("加梯评估") if name else self.tr("加梯评估"))
        self.setWindowModified(self.doc.is_dirty())

    def _update_status(self) -> None:
        n = self.doc.unit_count()
        if self.doc.path is None:
            where = self.tr("未保存")
        elif self.doc.is_sample:
            where = self.tr("示例项目：{0}").format(self.doc.path.name)
        else:
            where = str(self.doc.path)
        self.status_label.setText(self.tr("{n} 个单元 · {where}").format(n=n, where=where))

    # ------------------------------------------------------------------ close
    def closeEvent(self, event) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self._clear_autosave()  # saved or discarded: no recovery offered next time
        from .worker import running_tasks

        if self._census_gate is not None:
            self._census_gate.stop()  # a census held there goes on, to its next pause
        for task in running_tasks():
            task.cancel()
            task.wait(10_000)
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.sync()
        self.autosave_timer.stop()
        for name in ("VoteLogDialog", "QuickStartDialog", "ShortcutsDialog"):
            for dlg in self.findChildren(QWidget, name):
                dlg.close()
        self.guard.release()
        self.recovery_copies.release()
        event.accept()
