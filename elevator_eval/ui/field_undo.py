"""Ctrl+Z in a text field: the field's own undo while it has one; otherwise the project's
undo (the field's value has been taken into the project, and a field reloaded from the
project has no undo of its own). Without this a line edit swallows Ctrl+Z and nothing
happens.

The filter sits on the focused line edit only (it follows the application's focus): an
application-wide filter would bring every event of every widget into Python.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget


class FieldUndoFilter(QObject):
    """Created by the main window; watches whichever line edit has the focus."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        QApplication.instance().focusChanged.connect(self._follow_focus)

    def _follow_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(old, QLineEdit):
            old.removeEventFilter(self)
        if isinstance(new, QLineEdit):
            new.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.ShortcutOverride and isinstance(obj, QLineEdit):
            if event.matches(QKeySequence.Undo) and not obj.isUndoAvailable():
                return True  # not for the field: the window's Undo takes the key
            if event.matches(QKeySequence.Redo) and not obj.isRedoAvailable():
                return True
        return False
