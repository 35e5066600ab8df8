"""Small editable forms over model objects; every edit goes through the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

LIVE_DELAY_MS = 500
"""A typed number is taken this long after the last key (and at once on Enter/Tab)."""


@dataclass
class Field:
    """One editable value.

    ``kind``: ``int``, ``decimal``, ``choice`` (``choices`` = [(value, label)]), ``bool3``
    (unknown / yes / no), ``pipes`` (a list of codes), ``pair`` (two decimals).
    """

    key: str
    label: str
    kind: str
    target: Callable[[Any], Any]
    choices: list[tuple[Any, str]] | None = None
    tooltip: str = ""
    scope: str = "unit"
    allow_none: bool = True
    section: str = ""
    """``building`` or ``site``: the value is checked as the unit file reads that section
    (:func:`elevator_eval.unitfile.check_value`); empty: not checked beyond its kind."""


def _dec(text: str) -> Decimal | None:
    """A typed number (thousands commas allowed); ``ValueError`` for anything else, NaN
    and infinities included."""
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


class ModelForm(QWidget):
    """A QFormLayout whose editors write through ``doc.set_value``.

    Numbers are taken as they are typed (after a short pause, or at once on Enter/Tab).
    A value that cannot be read is not taken: the field turns pink with a message under it,
    and :attr:`invalid` names the fields whose old value is still in use
    (``invalidChanged`` fires), so that results never silently use a stale value.
    """

    invalidChanged = Signal()

    def __init__(self, doc, fields: list[Field], undo_text: Callable[[str], str], parent=None):
        super().__init__(parent)
        self.invalid: dict[str, str] = {}  # field key → its label
        self.messages: dict[str, QLabel] = {}
        self._timers: dict[str, QTimer] = {}
        self.doc = doc
        self.fields = fields
        self.undo_text = undo_text
        self.unit_id: str | None = None
        self.editors: dict[str, Any] = {}
        self._loading = False
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        for f in fields:
            ed = self._make_editor(f)
            if f.tooltip:
                ed.setToolTip(f.tooltip)
            self.editors[f.key] = ed
            form.addRow(f.label, ed)
            if f.kind in ("int", "decimal", "pair"):
                msg = QLabel()
                msg.setObjectName(f"message_{f.key}")
                msg.setStyleSheet("color:#c62828")
                msg.hide()
                self.messages[f.key] = msg
                form.addRow("", msg)

    # editors -----------------------------------------------------------------
    def _make_editor(self, f: Field):
        if f.kind in ("int", "decimal"):
            ed = QLineEdit()
            ed.setObjectName(f"edit_{f.key}")
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(LIVE_DELAY_MS)
            timer.timeout.connect(lambda f=f, ed=ed: self._commit_text(f, ed))
            self._timers[f.key] = timer
            ed.textEdited.connect(lambda _t, timer=timer: timer.start())
            ed.editingFinished.connect(lambda f=f, ed=ed: self._commit_text(f, ed))
            return ed
        if f.kind in ("choice", "bool3"):
            ed = QComboBox()
            ed.setObjectName(f"edit_{f.key}")
            choices = f.choices or []
            if f.kind == "bool3":
                choices = [(None, self.tr("未调查")), (True, self.tr("是")), (False, self.tr("否"))]
            elif f.allow_none:
                choices = [(None, self.tr("未填"))] + choices
            for value, label in choices:
                ed.addItem(label, value)
            ed.currentIndexChanged.connect(lambda _i, f=f, ed=ed: self._commit_combo(f, ed))
            return ed
        if f.kind == "pipes":
            box = QWidget()
            grid = QGridLayout(box)
            grid.setContentsMargins(0, 0, 0, 0)
            box.checks = {}
            for i, (code, label) in enumerate(f.choices or []):
                cb = QCheckBox(label)
                cb.setObjectName(f"pipe_{code}")
                cb.toggled.connect(lambda _c, f=f: self._commit_pipes(f))
                box.checks[code] = cb
                grid.addWidget(cb, i // 3, i % 3)
            return box
        if f.kind == "pair":
            box = QWidget()
            lay = QHBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            box.a, box.b = QLineEdit(), QLineEdit()
            for e in (box.a, box.b):
                e.setMaximumWidth(90)
                e.editingFinished.connect(lambda f=f: self._commit_pair(f))
            lay.addWidget(box.a)
            lay.addWidget(_times())
            lay.addWidget(box.b)
            lay.addStretch(1)
            return box
        raise ValueError(f.kind)

    # load ----------------------------------------------------------------------
    def load(self) -> None:
        if self.unit_id is None:
            return
        unit = self.doc.unit(self.unit_id)
        self._loading = True
        try:
            for f in self.fields:
                value = getattr(f.target(unit), f.key)
                ed = self.editors[f.key]
                if f.kind in ("int", "decimal"):
                    if f.key in self.invalid:
                        continue  # keep the refused text and its message on screen
                    if ed.hasFocus() and self._timers[f.key].isActive():
                        continue  # being typed
                    text = "" if value is None else str(value)
                    if ed.text() != text:
                        ed.setText(text)
                    ed.setStyleSheet("")
                elif f.kind in ("choice", "bool3"):
                    i = ed.findData(value)
                    ed.setCurrentIndex(max(i, 0))
                elif f.kind == "pipes":
                    for code, cb in ed.checks.items():
                        cb.setChecked(bool(value) and code in value)
                elif f.kind == "pair":
                    ed.a.setText("" if not value else str(value[0]))
                    ed.b.setText("" if not value else str(value[1]))
        finally:
            self._loading = False

    # commit ---------------------------------------------------------------------
    def _push(self, f: Field, value) -> None:
        if self._loading or self.unit_id is None:
            return
        self.doc.set_value(
            self.unit_id, f.target, f.key, value, self.undo_text(f.label), scope=f.scope
        )

    def _commit_text(self, f: Field, ed: QLineEdit) -> None:
        if self._loading:
            return
        self._timers[f.key].stop()
        try:
            value = _dec(ed.text())
            if value is not None and f.kind == "int":
                if value != value.to_integral_value():
                    raise ValueError
                value = int(value)
            if value is None and not f.allow_none:
                raise ValueError
        except ValueError:
            message = self.tr("须为整数") if f.kind == "int" else self.tr("须为数字")
            if not f.allow_none:
                message += self.tr("，不能空白")
            self._refuse(f, [ed], message)
            return
        if not self._checked(f, [ed], value):
            return
        self._push(f, value)
        if ed.isUndoAvailable():
            # the value is the project's now: Ctrl+Z in the field undoes it there
            pos = ed.cursorPosition()
            ed.setText(ed.text())
            ed.setCursorPosition(pos)

    def _refuse(self, f: Field, editors: list, message: str) -> None:
        """Keep the old value: the field pink, ``message`` under it."""
        for ed in editors:
            ed.setStyleSheet("background:#ffcdd2")
        self.messages[f.key].setText(message + self.tr("；仍按原值计算"))
        self.messages[f.key].show()
        self._set_invalid(f, True)

    def _checked(self, f: Field, editors: list, value) -> bool:
        """Whether ``value`` is one the unit file accepts for the field (else refused with
        the unit file's reason, told by the field's label)."""
        if f.section:
            from ..errors import InputError
            from ..unitfile import check_value
            from . import i18n

            try:
                check_value(f.section, f.key, value)
            except InputError as e:
                self._refuse(f, editors, i18n.error_text(e, {e.field: f.label}))
                return False
        for ed in editors:
            ed.setStyleSheet("")
        self.messages[f.key].hide()
        self._set_invalid(f, False)
        return True

    def _set_invalid(self, f: Field, bad: bool) -> None:
        before = dict(self.invalid)
        if bad:
            self.invalid[f.key] = f.label
        else:
            self.invalid.pop(f.key, None)
        if self.invalid != before:
            self.invalidChanged.emit()

    def set_unit(self, unit_id: str) -> None:
        if unit_id != self.unit_id:
            for key in list(self.invalid):
                self.messages[key].hide()
                ed = self.editors[key]
                for part in (ed.a, ed.b) if hasattr(ed, "a") else (ed,):
                    part.setStyleSheet("")
            if self.invalid:
                self.invalid.clear()
                self.invalidChanged.emit()
        self.unit_id = unit_id
        self.load()

    def _commit_combo(self, f: Field, ed: QComboBox) -> None:
        self._push(f, ed.currentData())

    def _commit_pipes(self, f: Field) -> None:
        if self._loading:
            return
        checks = self.editors[f.key].checks
        value = [code for code, cb in checks.items() if cb.isChecked()]
        unit = self.doc.unit(self.unit_id)
        old = getattr(f.target(unit), f.key)
        if not value and old is None:
            return
        self._push(f, value)

    def _commit_pair(self, f: Field) -> None:
        if self._loading:
            return
        box = self.editors[f.key]
        editors = [box.a, box.b]
        try:
            a, b = _dec(box.a.text()), _dec(box.b.text())
        except ValueError:
            self._refuse(f, editors, self.tr("须为数字"))
            return
        if (a is None) != (b is None):
            self._refuse(f, editors, self.tr("须填写两个数，或都空白"))
            return
        value = None if a is None else (a, b)
        if self._checked(f, editors, value):
            self._push(f, value)


def _times():
    from PySide6.QtWidgets import QLabel

    lab = QLabel("×")
    lab.setAlignment(Qt.AlignCenter)
    return lab
