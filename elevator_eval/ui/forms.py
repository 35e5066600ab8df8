"""Small editable forms over model objects; every edit goes through the undo stack."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGridLayout, QHBoxLayout, QLineEdit,
                               QWidget)


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


def _dec(text: str) -> Decimal | None:
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(text)


class ModelForm(QWidget):
    """A QFormLayout whose editors write through ``doc.set_value``."""

    def __init__(self, doc, fields: list[Field], undo_text: Callable[[str], str], parent=None):
        super().__init__(parent)
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

    # editors -----------------------------------------------------------------
    def _make_editor(self, f: Field):
        if f.kind in ("int", "decimal"):
            ed = QLineEdit()
            ed.setObjectName(f"edit_{f.key}")
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
    def set_unit(self, unit_id: str) -> None:
        self.unit_id = unit_id
        self.load()

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
                    ed.setText("" if value is None else str(value))
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
        self.doc.set_value(self.unit_id, f.target, f.key, value, self.undo_text(f.label),
                           scope=f.scope)

    def _commit_text(self, f: Field, ed: QLineEdit) -> None:
        if self._loading:
            return
        try:
            value = _dec(ed.text())
            if value is not None and f.kind == "int":
                if value != value.to_integral_value():
                    raise ValueError
                value = int(value)
            if value is None and not f.allow_none:
                raise ValueError
        except ValueError:
            ed.setStyleSheet("background:#ffcdd2")
            ed.setToolTip(self.tr("无效的数值") + (("\n" + f.tooltip) if f.tooltip else ""))
            return
        ed.setStyleSheet("")
        self._push(f, value)

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
        try:
            a, b = _dec(box.a.text()), _dec(box.b.text())
        except ValueError:
            return
        self._push(f, None if a is None or b is None else (a, b))


def _times():
    from PySide6.QtWidgets import QLabel
    lab = QLabel("×")
    lab.setAlignment(Qt.AlignCenter)
    return lab
