"""Ctrl+Z in a text field: the field's own undo while it has one; otherwise the project's
undo (the field's value has been taken into the project, and a field reloaded from the
project has no undo of its own). Without this a line edit swallows Ctrl+Z and nothing
happens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit


class FieldUndoFilter(QObject):
    """Installed on the application by the main window."""

    def eventFilter(self, obj, event):
        if event.type() == QEvent.ShortcutOverride and isinstance(obj, QLineEdit):
            if event.matches(QKeySequence.Undo) and not obj.isUndoAvailable():
                return True  # not for the field: the window's Undo takes the key
            if event.matches(QKeySequence.Redo) and not obj.isRedoAvailable():
                return True
        return False
