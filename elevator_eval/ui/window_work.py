"""The main window's work commands: import, exports, batch proposals, the vote log,
recompute and the help dialogs. Mixed into
:class:`~elevator_eval.ui.main_window.MainWindow` (its texts are in the ``MainWindow``
translation context)."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from .document import engine
from .lazy_qt import Qt

translate = QCoreApplication.translate


class WindowWork:
    """Commands of the File, View and Help menus that start work or open a dialog."""

    def import_street(self) -> None:
        # lazy: not needed for the first paint (start-up)
        from .import_dialog import ImportDialog

        dlg = ImportDialog(self.doc, self, template=self.street.act_template)
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.open()
        self._import_dialog = dlg

    def export_excel(self) -> None:
        # lazy: not needed for the first paint (start-up)
        from .exporting import export_excel

        export_excel(self)

    def export_pdf(self):
        """Export the document of the current view: in the procurement workspace the quote
        comparison, else the current unit's document (the proposal by default)."""
        if self.current_view_name() == "procurement":
            return self.export_quotes_pdf()
        if not self.doc.project.units():
            self.report_error(
                translate("MainWindow", "导出 PDF"), translate("MainWindow", "项目中还没有单元")
            )
            return None
        self.show_unit(self.current_unit, tab="documents")
        editor = self._views.get("unit")
        if editor is not None:
            return editor.tab("documents").export_current()
        return None

    def export_census_pdf(self):
        # lazy: not needed for the first paint (start-up)
        from .exporting import export_census_pdf

        return export_census_pdf(self)

    def export_quotes_pdf(self):
        # lazy: not needed for the first paint (start-up)
        from .exporting import export_quotes_pdf

        return export_quotes_pdf(self, self.view("procurement").comparison)

    def batch_proposals(self, out_dir: str | None = None):
        if not isinstance(out_dir, (str, os.PathLike)):
            out_dir = None  # from the menu: QAction.triggered passes "checked" (False)
        # lazy: not needed for the first paint (start-up)
        from .exporting import batch_proposals

        return batch_proposals(self, out_dir)

    def show_vote_log(self):
        """Open (or raise) the whole project's vote log; returns the dialog."""
        # lazy: not needed for the first paint (start-up)
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
        # lazy: not needed for the first paint (start-up)
        from .worker import run_task

        doc = self.doc
        project = doc.project
        doc.forget_results()
        changes = doc.changes

        def work(progress):
            mod = engine("census")
            if mod is None:
                return None
            progress(0, 1)
            result = mod.census(project)
            progress(1, 1)
            return result

        def done(result):
            if doc.project is project:
                doc.adopt_census(changes, result)  # refused when edited meanwhile
            self._on_project_replaced()

        task = run_task(
            self,
            work,
            translate("MainWindow", "重新计算"),
            translate("MainWindow", "正在重新评估全部单元…"),
        )
        task.finished.connect(done)
        return task

    def quick_start(self):
        """Open the guided first task (Help → 快速上手, F1); returns the dialog."""
        # lazy: not needed for the first paint (start-up)
        from .help_dialogs import QuickStartDialog

        for old in self.findChildren(QWidget, "QuickStartDialog"):
            old.close()
        dlg = QuickStartDialog(self)
        dlg.show()
        return dlg

    def show_shortcuts(self):
        """Open the list of keyboard shortcuts; returns the dialog."""
        # lazy: not needed for the first paint (start-up)
        from .help_dialogs import ShortcutsDialog

        dlg = ShortcutsDialog(self)
        dlg.show()
        return dlg

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # dialogs load when first used

        QMessageBox.about(
            self,
            translate("MainWindow", "关于加梯评估"),
            translate(
                "MainWindow",
                "加梯评估 —— 既有住宅加装电梯决策辅助。\n"
                "适宜性分类依据《上海市既有多层住宅加装电梯前期调查与可行性评估技术导则（试行）》的"
                "干扰因素计数规则；业主表决依据《民法典》第二百七十八条、第一千二百五十九条。",
            ),
        )
