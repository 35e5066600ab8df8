"""The main window's file handling: open, save, save as, recent files, the autosave copy
and recovery after a crash. Mixed into :class:`~elevator_eval.ui.main_window.MainWindow`
(its texts are in the ``MainWindow`` translation context)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from .. import store
from ..concurrency import StaleSaveError, restore_base
from ..errors import InputError, NotBuiltError, ProjectFileError
from ..model import Project
from ..resources import sample_project_path
from . import i18n

PROJECT_FILTER = "加梯评估项目 / Elevator Eval project (*.eeproj)"
translate = QCoreApplication.translate


class WindowFiles:
    """Open, save and recover the window's project (``self.doc``)."""

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
            self.statusBar().showMessage(
                translate("MainWindow", "示例项目无法打开：{0}").format(i18n.error_text(e)), 8000
            )
            return False

    @staticmethod
    def _fallback_project():
        return Project(name="")

    def open_path(self, path: str | os.PathLike) -> bool:
        mode = self.guard.before_open(path)
        if mode is None:
            return False
        try:
            self.doc.open(path)
        except (ProjectFileError, NotBuiltError, InputError, OSError) as e:
            self.report_error(translate("MainWindow", "无法打开项目"), i18n.error_text(e))
            self.settings.remove_recent_file(str(path))
            return False
        self.guard.opened(path, read_only=mode == "read_only")
        self.settings.add_recent_file(str(Path(path).resolve()))
        self.settings.set_last_dir(str(Path(path).resolve().parent))
        self.current_unit = None
        self.show_overview()
        return True

    def take_typing(self) -> None:
        """Take what is being typed in the focused field or table cell now (it is taken
        on Enter, on leaving the field or after a short pause): a save or the question
        about unsaved changes right after typing must see it."""
        from PySide6.QtWidgets import QApplication

        w = QApplication.focusWidget()
        if w is not None and self.isAncestorOf(w):
            w.clearFocus()  # a line edit finishes its edit, a cell's editor commits
            if not w.isHidden():  # (a cell's editor is gone now)
                w.setFocus()

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to go on."""
        self.take_typing()
        if not self.doc.is_dirty():
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.file_save()
        return answer == "discard"

    def _ask_save_changes(self) -> str:
        from PySide6.QtWidgets import QMessageBox  # dialogs load when first used

        box = QMessageBox(
            QMessageBox.Warning,
            translate("MainWindow", "未保存的修改"),
            translate("MainWindow", "“{0}”有未保存的修改。是否保存？").format(self.doc.title()),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
            self,
        )
        box.button(QMessageBox.Save).setText(translate("MainWindow", "保存"))
        box.button(QMessageBox.Discard).setText(translate("MainWindow", "不保存"))
        box.button(QMessageBox.Cancel).setText(translate("MainWindow", "取消"))
        r = box.exec()
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(r, "cancel")

    def _report_error(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # dialogs load when first used

        QMessageBox.warning(self, title, text)

    def file_new(self) -> None:
        from PySide6.QtWidgets import QInputDialog  # dialogs load when first used

        if not self.maybe_save():
            return
        name, ok = QInputDialog.getText(
            self,
            translate("MainWindow", "新建项目"),
            translate("MainWindow", "项目名称（如街道名）："),
        )
        if not ok:
            return
        self.doc.new(name.strip() or translate("MainWindow", "新项目"))
        self.current_unit = None
        self.show_overview()

    def file_open(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # dialogs load when first used

        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "打开项目"), self.settings.last_dir(), PROJECT_FILTER
        )
        if path:
            self.open_path(path)

    def file_save(self) -> bool:
        self.take_typing()
        if self.doc.path is None or self.doc.is_sample or self.guard.read_only:
            return self.file_save_as()
        return self.save_to(self.doc.path)

    def file_save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog  # dialogs load when first used

        self.take_typing()
        start = self.settings.last_dir() or str(Path.home())
        suggested = str(Path(start) / ((self.doc.project.name or "project") + ".eeproj"))
        path, _ = QFileDialog.getSaveFileName(
            self, translate("MainWindow", "另存为"), suggested, PROJECT_FILTER
        )
        if not path:
            return False
        if not path.endswith(".eeproj"):
            path += ".eeproj"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        try:
            saved = self.doc.save(path)
        except StaleSaveError as e:
            return self.guard.resolve_stale(path, e)
        except Exception as e:  # disk full, permission …: say so, keep the data
            self.report_error(translate("MainWindow", "保存失败"), i18n.error_text(e))
            return False
        self.settings.add_recent_file(str(saved.resolve()))
        self.settings.set_last_dir(str(saved.resolve().parent))
        self._clear_autosave()  # every copy this window wrote: the file has it all now
        self.guard.saved(saved)
        self.statusBar().showMessage(translate("MainWindow", "已保存 {0}").format(saved), 4000)
        self._update_status()
        return True

    def _fill_recent_menu(self) -> None:
        self.menu_recent.clear()
        files = self.settings.recent_files()
        if not files:
            a = self.menu_recent.addAction(translate("MainWindow", "（无）"))
            a.setEnabled(False)
        for i, p in enumerate(files, 1):
            a = self.menu_recent.addAction(f"&{i} {p}")
            a.triggered.connect(lambda _=False, p=p: self._open_recent(p))

    def _open_recent(self, path: str) -> None:
        if self.maybe_save():
            self.open_path(path)

    # ------------------------------------------------------------------ autosave
    @property
    def recovery_copies(self):
        """Which autosave copies are this window's (:mod:`.recovery_copies`)."""
        copies = getattr(self, "_recovery_copies", None)
        if copies is None:
            from .recovery_copies import RecoveryCopies

            copies = self._recovery_copies = RecoveryCopies(_data_folder)
        return copies

    def autosave_base(self) -> Path:
        """The file whose autosave copy this window writes: the project file when the
        window holds its lock, else the window's own scratch name in the user's data folder
        (the sample, an unsaved project, a file opened read-only or without the lock)."""
        path = None if self.doc.is_sample else self.doc.path
        return self.recovery_copies.base(path, self.guard.holds(path))

    def autosave(self) -> bool:
        """Write a recovery copy of a project with unsaved changes (``store.save_autosave``)."""
        if not self.doc.is_dirty():
            return False
        base = self.autosave_base()
        try:
            store.save_autosave(self.doc.project, base)
        except Exception as e:
            self.statusBar().showMessage(
                translate("MainWindow", "自动保存失败：{0}").format(i18n.error_text(e)), 6000
            )
            return False
        self.recovery_copies.wrote(base)
        self.statusBar().showMessage(translate("MainWindow", "已自动保存"), 3000)
        return True

    def _clear_autosave(self) -> None:
        """Delete the copies this window wrote: never another window's."""
        try:
            self.recovery_copies.discard_all()
        except OSError as e:  # a copy left behind is offered again: say so, go on
            self.statusBar().showMessage(
                translate("MainWindow", "自动保存副本未能删除：{0}").format(i18n.error_text(e)),
                6000,
            )

    def offer_recovery(self) -> bool:
        """After a crash: offer the autosaved copy that no running window holds — of the
        open project's file (when this window holds it) or, for the sample or an unsaved
        project, the newest scratch copy. Answering no deletes the copy."""
        path = None if self.doc.is_sample else self.doc.path
        copies = self.recovery_copies
        if path is not None:
            if not self.guard.holds(path):
                return False
            base = path
        else:
            left = copies.leftovers()
            if not left:
                return False
            base = left[0]
        found = store.find_recovery(base, older_too=True)
        if not found:
            return False
        if not self.ask_recover(str(found)):
            copies.discard(base, declined=True)
            return False
        try:
            project = store.open_project(found)
        except (ProjectFileError, OSError) as e:
            self.report_error(translate("MainWindow", "恢复失败"), i18n.error_text(e))
            return False
        if path is None:
            copies.take(base)  # this window goes on with the recovered copy's name
        copies.wrote(base)
        sample = self.doc.is_sample
        if path is not None:
            restore_base(project, found, path)
        self.doc.set_project(project, path or (self.doc.path if sample else None), is_sample=sample)
        self.doc.undo_stack.resetClean()  # the recovered data is not in the file yet
        self.update_title()
        return True

    def _ask_recover(self, found) -> bool:
        from PySide6.QtWidgets import QMessageBox  # dialogs load when first used

        text = translate(
            "MainWindow", "发现上次未正常退出时自动保存的副本：\n{0}\n是否恢复？"
        ).format(found)
        base = Path(found).with_suffix("")
        if store.autosave_is_older(Path(found), base):
            text += "\n" + translate(
                "MainWindow", "注意：此副本之后项目文件又被保存过；恢复后保存将提示合并。"
            )
        r = QMessageBox.question(self, translate("MainWindow", "恢复"), text)
        return r == QMessageBox.Yes


def _data_folder() -> Path:
    """The user's data folder (the scratch names of the autosave copies)."""
    from PySide6.QtCore import QStandardPaths  # (not needed for the first paint)

    return Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation))
