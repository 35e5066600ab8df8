"""A small form dialog whose fields check their input on OK: an invalid field shows its
message next to it (in the window's language) and the dialog stays open.

The dialog opens window-modal with :meth:`QDialog.open` (not ``exec``), so the rest of the
program keeps running; ``on_accept(values)`` does the work when every field is valid.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


@dataclass
class FormField:
    """One field: ``parse(widget) -> value`` raises ``ValueError(message)`` when invalid."""

    key: str
    label: str
    widget: QWidget
    parse: Callable[[QWidget], Any]
    tooltip: str = ""


def text_field(
    key: str,
    label: str,
    value: str = "",
    required: bool = True,
    message: str = "",
    tooltip: str = "",
) -> FormField:
    edit = QLineEdit(value)
    edit.setObjectName(f"field_{key}")

    def parse(w):
        text = w.text().strip()
        if required and not text:
            raise ValueError(message)
        return text

    return FormField(key, label, edit, parse, tooltip)


def int_field(
    key: str, label: str, value: int, lo: int, hi: int, suffix: str = "", tooltip: str = ""
) -> FormField:
    spin = QSpinBox()
    spin.setObjectName(f"field_{key}")
    spin.setRange(lo, hi)
    spin.setValue(value)
    if suffix:
        spin.setSuffix(suffix)
    return FormField(key, label, spin, lambda w: w.value(), tooltip)


class FormDialog(QDialog):
    """Fields in a grid (label, editor, message); OK runs ``on_accept(values)``.

    ``on_accept`` may raise ``ValueError((key, message))`` to flag one field after a
    check that needs several values (e.g. a duplicate id); the dialog stays open.
    """

    def __init__(
        self,
        parent,
        title: str,
        fields: list[FormField],
        on_accept: Callable[[dict], None],
        intro: str = "",
    ):
        super().__init__(parent)
        self.setObjectName("FormDialog")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.fields = {f.key: f for f in fields}
        self.on_accept = on_accept
        self.messages: dict[str, QLabel] = {}
        lay = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            lay.addWidget(label)
        grid = QGridLayout()
        for r, f in enumerate(fields):
            label = QLabel(f.label)
            label.setBuddy(f.widget)
            grid.addWidget(label, r, 0)
            grid.addWidget(f.widget, r, 1)
            if f.tooltip:
                f.widget.setToolTip(f.tooltip)
            msg = QLabel()
            msg.setObjectName(f"message_{f.key}")
            msg.setStyleSheet("color:#c62828")
            grid.addWidget(msg, r, 2)
            self.messages[f.key] = msg
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        if fields:
            fields[0].widget.setFocus()

    def widget(self, key: str) -> QWidget:
        return self.fields[key].widget

    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.Ok)

    def _ok(self) -> None:
        values, bad = {}, False
        for key, f in self.fields.items():
            try:
                values[key] = f.parse(f.widget)
                self.messages[key].setText("")
            except ValueError as e:
                self.messages[key].setText(str(e.args[0]) if e.args else "")
                bad = True
        if bad:
            return
        try:
            self.on_accept(values)
        except ValueError as e:
            arg = e.args[0] if e.args else ("", "")
            key, message = arg if isinstance(arg, tuple) else ("", str(arg))
            label = self.messages.get(key) or next(iter(self.messages.values()))
            label.setText(message)
            return
        self.accept()
