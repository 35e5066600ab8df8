"""Two editors of one project file, in the window.

- Opening a file another running window holds (its lock file, :mod:`elevator_eval.filelock`)
  says who has it open and offers to open it read-only (or to edit anyway, or cancel).
- A save that the file refuses because someone else saved in between
  (:class:`elevator_eval.concurrency.StaleSaveError`) offers: reload their file and
  re-apply my changes (a three-way merge of unit-level changes), save under a new name,
  or overwrite their changes after an explicit confirmation.

The window keeps one :class:`FileGuard`; its dialogs are attributes the tests replace,
like the window's other questions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from .. import concurrency, store
from ..errors import ProjectFileError
from . import i18n

MAX_LISTED = 8
"""How many colliding parts the conflict message lists by name."""


def _locks():
    """:mod:`elevator_eval.filelock`, imported when a file is opened: the window opening
    the sample paints without it (start-up)."""
    from .. import filelock

    return filelock


class FileGuard(QObject):
    """The lock of the window's open file and the refused-save flow."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.path: Path | None = None
        self.token: str | None = None
        self.read_only = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._refresh)
        # tests replace these to answer the dialogs
        self.ask_lock_choice = self._ask_lock_choice
        self.ask_save_conflict = self._ask_save_conflict
        self.confirm_overwrite = self._confirm_overwrite
        window.doc.pathChanged.connect(self._on_path)

    # ------------------------------------------------------------------ lock
    def before_open(self, path) -> str | None:
        """``"edit"``, ``"read_only"`` or None (cancelled) for opening ``path``."""
        info = _locks().held_by_other(path, self.token)
        if info is None:
            return "edit"
        return self.ask_lock_choice(info)

    def opened(self, path, read_only: bool) -> None:
        """The window now shows ``path``: lock it unless read-only."""
        self.release()
        self.path = Path(path).resolve()
        self.read_only = read_only
        if not read_only and _locks().held_by_other(self.path) is None:
            self.token = _locks().acquire(self.path)  # "edit anyway" leaves theirs alone
            self.timer.setInterval(_locks().HEARTBEAT_S * 1000)
            self.timer.start()
        self.window.update_title()

    def holds(self, path) -> bool:
        """Whether this window holds the lock of ``path`` (it edits the file, and its
        autosave copy beside the file is its own)."""
        return path is not None and self.token is not None and self.path == Path(path).resolve()

    def saved(self, path) -> None:
        if self.path != Path(path).resolve() or self.read_only:
            self.opened(path, read_only=False)

    def release(self) -> None:
        self.timer.stop()
        if self.path is not None and self.token is not None:
            _locks().release(self.path, self.token)
        self.token = None
        self.path = None
        self.read_only = False

    def _refresh(self) -> None:
        if self.path is not None and self.token is not None:
            _locks().refresh(self.path, self.token)

    def _on_path(self, p: str) -> None:
        if self.path is not None and (not p or Path(p).resolve() != self.path):
            self.release()

    def _ask_lock_choice(self, info) -> str | None:
        from PySide6.QtWidgets import QMessageBox  # dialogs load when first used

        zh, en = info.describe()
        box = QMessageBox(
            QMessageBox.Warning,
            self.tr("文件已被打开"),
            self.tr("该项目正由 {0} 打开编辑。\n以只读方式打开可避免互相覆盖修改。").format(
                en if i18n.lang() == "en" else zh
            ),
            QMessageBox.NoButton,
            self.window,
        )
        ro = box.addButton(self.tr("只读打开"), QMessageBox.AcceptRole)
        edit = box.addButton(self.tr("仍然编辑"), QMessageBox.DestructiveRole)
        box.addButton(self.tr("取消"), QMessageBox.RejectRole)
        box.setDefaultButton(ro)
        box.exec()
        clicked = box.clickedButton()
        return "read_only" if clicked is ro else "edit" if clicked is edit else None

    # ------------------------------------------------------------------ refused save
    def resolve_stale(self, path: Path, error: concurrency.StaleSaveError) -> bool:
        """Ask what to do with a refused save and do it; True when saved."""
        w = self.window
        choice = self.ask_save_conflict(str(error))
        if choice == "merge":
            return self._merge_and_save(path)
        if choice == "save_as":
            return w.file_save_as()
        if choice == "overwrite" and self.confirm_overwrite(path.name):
            concurrency.forget_base(w.doc.project)
            return w.save_to(path)
        return False

    def _merge_and_save(self, path: Path) -> bool:
        w = self.window
        try:
            theirs = store.open_project(path)
            result = concurrency.merge(w.doc.project, theirs, store.load_base(w.doc.project))
        except (ProjectFileError, OSError, TypeError) as e:
            w.report_error(self.tr("无法合并"), i18n.error_text(e))
            return False
        if result.conflicts:
            names = i18n.listing([self._part_name(c) for c in result.conflicts[:MAX_LISTED]])
            if len(result.conflicts) > MAX_LISTED:
                names += self.tr(" 等 {0} 处").format(len(result.conflicts))
            w.report_error(
                self.tr("无法自动合并"),
                self.tr(
                    "您和对方都修改了：{0}。\n未保存任何内容；请“另存为”新文件，或确认后覆盖。"
                ).format(names),
            )
            return False
        current = w.current_unit
        w.doc.set_project(result.project, path)
        w.doc.undo_stack.resetClean()  # my changes are not in the file yet
        if current:
            w.show_unit(current) if _has_unit(result.project, current) else w.show_overview()
        return w.save_to(path)

    def _part_name(self, part: str) -> str:
        """A merged part (``unit DH-1-2``, ``building C1/B1``, ``project settings``) as the
        window's language names it."""
        kind, _, name = part.partition(" ")
        if kind == "project":
            return {"name": self.tr("项目名称"), "settings": self.tr("项目设置")}.get(name, name)
        word = {
            "unit": self.tr("单元 {0}"),
            "building": self.tr("楼栋 {0}"),
            "community": self.tr("小区 {0}"),
        }.get(kind)
        return word.format(name) if word else part

    def _ask_save_conflict(self, message: str) -> str:
        from PySide6.QtWidgets import QMessageBox, QPushButton  # dialogs load when first used

        box = QMessageBox(
            QMessageBox.Warning,
            self.tr("文件已被他人修改"),
            self.tr("打开后，该文件已被其他人或其他窗口保存过。直接保存会覆盖对方的修改。"),
            QMessageBox.NoButton,
            self.window,
        )
        box.setDetailedText(message)
        buttons: dict[QPushButton, str] = {
            box.addButton(self.tr("重新载入并合并我的修改"), QMessageBox.AcceptRole): "merge",
            box.addButton(self.tr("另存为…"), QMessageBox.ActionRole): "save_as",
            box.addButton(self.tr("覆盖对方的修改…"), QMessageBox.DestructiveRole): "overwrite",
            box.addButton(self.tr("取消"), QMessageBox.RejectRole): "cancel",
        }
        box.exec()
        return buttons.get(box.clickedButton(), "cancel")

    def _confirm_overwrite(self, name: str) -> bool:
        from PySide6.QtWidgets import QMessageBox  # dialogs load when first used

        parent: QWidget = self.window
        r = QMessageBox.warning(
            parent,
            self.tr("确认覆盖"),
            self.tr("确定要用您的版本覆盖“{0}”吗？对方保存的修改将丢失。").format(name),
            QMessageBox.Yes | QMessageBox.No,
            QMessageBox.No,
        )
        return r == QMessageBox.Yes


def _has_unit(project, unit_id: str) -> bool:
    return any(u.id == unit_id for u in project.units())
