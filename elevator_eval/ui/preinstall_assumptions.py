"""The pre-installation assumptions as an editable table: every value the evaluation uses
(:func:`elevator_eval.preinstall.assumption_rows`) with its unit and source. Rates and
probabilities are typed in percent. An edit is kept in ``project.settings["preinstall"]``
(an undoable project setting, numbers as decimal strings) after the whole set has passed
:func:`elevator_eval.preinstall.load_assumptions`; an invalid value stays in its cell,
flagged, with a message below the table, and is not used.
"""

from __future__ import annotations

import copy
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import i18n

SETTINGS_KEY = "preinstall"
PERCENT_UNITS = ("per_year", "share", "probability_per_year")
PATH_ROLE = Qt.UserRole + 20
FIELD_ROLE = Qt.UserRole + 21
BAD = "#ffcdd2"
COLUMNS = ("title", "low", "mode", "high", "unit", "source")


def _shown(value, unit: str) -> str:
    if value is None:
        return ""
    d = Decimal(str(value))
    if unit in PERCENT_UNITS:
        d = d * 100
    return format(d.normalize(), "f")


def _stored(text: str, unit: str) -> str:
    d = Decimal(text.strip().replace("%", "").replace(",", ""))
    if not d.is_finite():
        raise InvalidOperation
    if unit in PERCENT_UNITS:
        d = d / 100
    return format(d.normalize(), "f")


class AssumptionsTable(QWidget):
    """Edit the project's pre-installation assumptions."""

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self._loading = False
        self.bad: dict[tuple[str, str], str] = {}
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("AssumptionsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("假设"),
                self.tr("低"),
                self.tr("最可能 / 值"),
                self.tr("高"),
                self.tr("单位"),
                self.tr("依据"),
            ]
        )
        self.table.verticalHeader().hide()
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeToContents)
        h.setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.itemChanged.connect(self._edited)
        self.message = QLabel()
        self.message.setObjectName("AssumptionsMessage")
        self.message.setStyleSheet("color:#c62828")
        self.message.setWordWrap(True)
        note = QLabel(
            self.tr("对本项目全部单元有效；双击数值修改，百分数直接写数字（如 4 表示 4%）。")
        )
        note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(note)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)

    def unit_label(self, unit: str) -> str:
        return {
            "yuan": self.tr("元"),
            "per_year": self.tr("%/年"),
            "years": self.tr("年"),
            "share": "%",
            "probability_per_year": self.tr("%/年"),
            "number": "",
        }.get(unit, unit)

    def source_text(self, source: str) -> str:
        """The source as the window shows it: weak sources say so in Chinese; the full
        text is in the tooltip (the data files cite their sources in English)."""
        if i18n.lang() == "en":
            return source
        if source.lower().startswith("assumption"):
            return self.tr("经验假设（本程序默认值）")
        return self.tr("见提示")

    def refresh(self) -> None:
        from ..preinstall import assumption_rows, load_assumptions

        try:
            rows = assumption_rows(load_assumptions(self.doc.project))
        except Exception:
            rows = []
        self._loading = True
        try:
            self.table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                unit = row["unit"]
                title = row["title_en"] if i18n.lang() == "en" else row["title_zh"]
                single = row["value"] is not None
                values = {
                    "title": title,
                    "low": "" if single else _shown(row["low"], unit),
                    "mode": _shown(row["value"] if single else row["mode"], unit),
                    "high": "" if single else _shown(row["high"], unit),
                    "unit": self.unit_label(unit),
                    "source": self.source_text(str(row["source"])),
                }
                for c, key in enumerate(COLUMNS):
                    field = ("value" if single else key) if key in ("low", "mode", "high") else None
                    editable = field is not None and not (single and key != "mode")
                    bad = self.bad.get((row["path"], field)) if field else None
                    it = QTableWidgetItem(bad if bad is not None else values[key])
                    flags = Qt.ItemIsSelectable | Qt.ItemIsEnabled
                    if editable:
                        flags |= Qt.ItemIsEditable
                    it.setFlags(flags)
                    it.setData(PATH_ROLE, row["path"])
                    it.setData(FIELD_ROLE, field)
                    it.setData(Qt.UserRole, unit)
                    if key in ("low", "mode", "high"):
                        it.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                    if bad is not None:
                        it.setBackground(QBrush(QColor(BAD)))
                    it.setToolTip(str(row["source"]))
                    self.table.setItem(r, c, it)
        finally:
            self._loading = False

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._loading or not item.data(FIELD_ROLE):
            return
        path, field, unit = item.data(PATH_ROLE), item.data(FIELD_ROLE), item.data(Qt.UserRole)
        title = self.table.item(item.row(), 0).text()
        try:
            value = _stored(item.text(), unit)
        except (InvalidOperation, ValueError):
            return self._refuse(item, path, field, self.tr("{0}：须为数字").format(title))
        override = copy.deepcopy(self.doc.project.settings.get(SETTINGS_KEY) or {})
        node = override
        for part in path.split("."):
            node = node.setdefault(part, {})
        if field == "value" and not path.startswith("consent_hazard"):
            node["value"] = value
        elif field == "value":
            # consent_hazard.<key> is a plain number inside its group
            parent_path, key = path.rsplit(".", 1)
            parent = override
            for part in parent_path.split("."):
                parent = parent.setdefault(part, {})
            parent[key] = value
        else:
            node[field] = value
        probe = copy.deepcopy(self.doc.project)
        probe.settings[SETTINGS_KEY] = override
        from ..preinstall import load_assumptions

        try:
            load_assumptions(probe)
        except Exception as e:
            if "low ≤ mode ≤ high" in str(e):
                msg = self.tr("{0}：须满足 低 ≤ 最可能 ≤ 高").format(title)
            else:  # the engine's numbers are fractions where the table shows percent
                msg = self.tr("{0}：超出允许范围").format(title)
            return self._refuse(item, path, field, msg)
        self.bad.pop((path, field), None)
        self.message.setText("")
        self.doc.set_setting(SETTINGS_KEY, override, self.tr("修改先期预埋假设：{0}").format(title))

    def _refuse(self, item, path, field, message: str) -> None:
        self.bad[(path, field)] = item.text()
        self._loading = True
        item.setBackground(QBrush(QColor(BAD)))
        self._loading = False
        self.message.setText(message)
