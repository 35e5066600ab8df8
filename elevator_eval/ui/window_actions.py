"""The main window's actions, menus and toolbar (their texts are set by
:meth:`~elevator_eval.ui.main_window.MainWindow.retranslate`). Mixed into
:class:`~elevator_eval.ui.main_window.MainWindow`."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence

from ..resources import resource_path
from . import i18n
from .ballot_action import install_action as install_ballots
from .lazy_qt import TOOL_BUTTON_TEXT_BESIDE_ICON
from .settings_action import add_settings_action


def icon(name: str) -> QIcon:
    """The toolbar icon ``resources/icons/<name>.svg`` (an empty icon when missing)."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


class WindowActions:
    """Creates the window's actions, menus and toolbar."""

    def make_action(self, name: str, slot, shortcut=None) -> QAction:
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
        self.act_new = self.make_action("actNew", self.file_new, S(S.New))
        self.act_open = self.make_action("actOpen", self.file_open, S(S.Open))
        self.act_save = self.make_action("actSave", self.file_save, S(S.Save))
        self.act_save_as = self.make_action("actSaveAs", self.file_save_as, S("Ctrl+Shift+S"))
        self.act_import = self.make_action("actImport", self.import_street, S("Ctrl+I"))
        self.act_export_xlsx = self.make_action("actExportXlsx", self.export_excel, S("Ctrl+E"))
        self.act_export_pdf = self.make_action("actExportPdf", self.export_pdf, S(S.Print))
        self.act_batch = self.make_action("actBatch", self.batch_proposals, S("Ctrl+B"))
        self.act_export_census = self.make_action("actExportCensus", self.export_census_pdf)
        self.act_export_quotes = self.make_action("actExportQuotes", self.export_quotes_pdf)
        quit_keys = S(S.Quit)  # empty on Windows (and offscreen): Ctrl+Q there
        self.act_quit = self.make_action(
            "actQuit", self.close, S("Ctrl+Q") if quit_keys.isEmpty() else quit_keys
        )
        stack = self.doc.undo_stack
        self.act_undo = self.make_action("actUndo", stack.undo, S(S.Undo))
        self.act_redo = self.make_action("actRedo", stack.redo, [S("Ctrl+Shift+Z"), S("Ctrl+Y")])
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        stack.canUndoChanged.connect(self.act_undo.setEnabled)
        stack.canRedoChanged.connect(self.act_redo.setEnabled)
        stack.indexChanged.connect(lambda _i: self._update_undo_texts())
        self.act_find = self.make_action("actFind", self.focus_search, S(S.Find))
        self.act_overview = self.make_action("actOverview", self.show_overview, S("Ctrl+1"))
        self.act_unit = self.make_action(
            "actUnit", lambda: self.show_unit(self.current_unit), S("Ctrl+2")
        )
        self.act_procurement = self.make_action(
            "actProcurement", self.show_procurement, S("Ctrl+3")
        )
        self.act_process = self.make_action("actProcess", self.show_process, S("Ctrl+4"))
        self.act_recompute = self.make_action("actRecompute", self.recompute, S(S.Refresh))
        self.act_vote_log = self.make_action("actVoteLog", self.show_vote_log, S("Ctrl+L"))
        self._vote_log_dialog = None
        self.act_about = self.make_action("actAbout", self.about)
        self.act_quick_start = self.make_action(
            "actQuickStart", self.quick_start, S(S.HelpContents)
        )
        self.act_shortcuts = self.make_action("actShortcuts", self.show_shortcuts, S("Ctrl+/"))
        self.lang_group = QActionGroup(self)
        self.act_zh = self.make_action("actLangZh", lambda: self.switch_language("zh"))
        self.act_en = self.make_action("actLangEn", lambda: self.switch_language("en"))
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
        for a in (
            self.act_import,
            self.act_export_xlsx,
            self.act_export_pdf,
            self.act_batch,
            self.act_export_census,
            self.act_export_quotes,
        ):
            self.menu_file.addAction(a)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        install_ballots(self)  # File › 录入回收的征询表…
        self.menu_edit = mb.addMenu("")
        for a in (self.act_undo, self.act_redo, self.act_find):
            self.menu_edit.addAction(a)
        add_settings_action(self, self.menu_edit)
        self.menu_street = mb.addMenu("")
        self.street.fill_menu(self.menu_street)
        self.menu_view = mb.addMenu("")
        for a in (
            self.act_overview,
            self.act_unit,
            self.act_procurement,
            self.act_process,
            self.act_recompute,
            self.act_vote_log,
        ):
            self.menu_view.addAction(a)
        self.menu_view.addSeparator()
        self.menu_lang = self.menu_view.addMenu("")
        self.menu_lang.addAction(self.act_zh)
        self.menu_lang.addAction(self.act_en)
        self.menu_help = mb.addMenu("")
        for a in (self.act_quick_start, self.act_shortcuts, self.act_about):
            self.menu_help.addAction(a)

    TOOLBAR_ICONS: ClassVar[dict[str, str]] = {
        "actOpen": "open",
        "actSave": "save",
        "actUndo": "undo",
        "actRedo": "redo",
        "actOverview": "overview",
        "actUnit": "unit",
        "actProcurement": "procurement",
        "actImport": "import",
        "actExportPdf": "export-pdf",
        "actBatch": "batch",
    }

    def _create_toolbar(self) -> None:
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("MainToolBar")
        self.toolbar.setMovable(False)
        # words beside the pictures: a clerk should never have to guess a symbol
        self.toolbar.setProperty("toolButtonStyle", TOOL_BUTTON_TEXT_BESIDE_ICON)  # lazy_qt.py
        self.toolbar.setIconSize(QSize(20, 20))
        for act in self.actions():
            name = self.TOOLBAR_ICONS.get(act.objectName())
            if name:
                act.setIcon(icon(name))
        for a in (
            self.act_open,
            self.act_save,
            None,
            self.act_undo,
            self.act_redo,
            None,
            self.act_overview,
            self.act_unit,
            self.act_procurement,
            None,
            self.act_import,
            self.act_export_pdf,
            self.act_batch,
        ):
            if a is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(a)
