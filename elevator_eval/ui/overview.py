"""Street overview: the census table (filter, sort, search) coloured by class, and the
counts chart. Double-click opens a unit."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from . import i18n, labels
from .style import CLASS_BACKGROUNDS, CLASS_COLOURS, STATE_COLOURS

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_USER = Qt.ItemDataRole.UserRole.value
_SORT = _USER + 1
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value


class CensusModel(QAbstractTableModel):
    COLUMNS = ("community", "building", "unit", "year", "class", "consent", "reason")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows = []
        self.consent_ruleset = None    # the project's default consent ruleset (tooltip)
        self._display: list[tuple] = []
        self._sort: list[tuple] = []
        self._brush: dict = {}
        self._state_brush: dict = {}

    def set_rows(self, rows) -> None:
        """Take the census rows; texts, colours and sort keys are prepared once here
        (the view asks for them many times while it measures and paints)."""
        self.beginResetModel()
        self.rows = list(rows)
        order = ("suitable", "difficult", "unsuitable")
        self._display = []
        self._sort = []
        for r in self.rows:
            texts = (r.community, r.building, r.unit_name or r.unit_id, r.year_built,
                     labels.class_label(r.klass), labels.state_label(r.consent_state),
                     i18n.pick(r.main_reason_zh, r.main_reason_en))
            self._display.append(texts)
            self._sort.append(tuple(
                (order.index(r.klass) if r.klass in order else 9) if c == 4 else
                (t if c == 3 else str(t)) for c, t in enumerate(texts)))
        self._brush = {k: (QBrush(QColor(CLASS_BACKGROUNDS[k])), QBrush(QColor(v)))
                       for k, v in CLASS_COLOURS.items()}
        self._state_brush = {k: QBrush(QColor(v)) for k, v in STATE_COLOURS.items()}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Horizontal:
            return None
        col = self.COLUMNS[section]
        if role == Qt.DisplayRole:
            return {"community": self.tr("小区"), "building": self.tr("楼栋"),
                    "unit": self.tr("单元"), "year": self.tr("建成年份"),
                    "class": self.tr("适宜性分类"), "reason": self.tr("主要原因"),
                    "consent": self.tr("表决状态")}[col]
        if role == Qt.ToolTipRole:
            if col == "class":
                return labels.class_rule_source()
            if col == "consent":
                return labels.consent_source(self.consent_ruleset)
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        role = getattr(role, "value", role)
        row, c = index.row(), index.column()
        if role == _DISPLAY or role == _TOOLTIP:
            return self._display[row][c]
        if role == _USER:
            return self.rows[row].unit_id
        if role == _SORT:
            return self._sort[row][c]
        if c == 4 and (role == _BACKGROUND or role == _FOREGROUND):
            pair = self._brush.get(self.rows[row].klass)
            if pair is not None:
                return pair[0] if role == _BACKGROUND else pair[1]
        if c == 5 and role == _FOREGROUND:
            return self._state_brush.get(self.rows[row].consent_state)
        return None


class CensusFilter(QSortFilterProxyModel):
    """Search text over every column plus a class filter."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.klass: str | None = None
        self.text = ""
        self.setSortRole(Qt.UserRole + 1)

    def _refilter(self, change) -> None:
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:          # Qt 6.9+
            begin()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidate()

    def set_class(self, klass: str | None) -> None:
        self._refilter(lambda: setattr(self, "klass", klass))

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "text", text.strip().lower()))

    def filterAcceptsRow(self, row, parent):  # noqa: N802
        model = self.sourceModel()
        r = model.rows[row]
        if self.klass and r.klass != self.klass:
            return False
        if not self.text:
            return True
        hay = " ".join(str(t) for t in model._display[row]) + " " + r.unit_id
        return self.text in hay.lower()


class CountsChart(QWidget):
    """Bar chart of units per class, drawn with QPainter (no plotting library at start-up)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.counts: dict[str, int] = {}
        self.setMinimumSize(260, 180)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Expanding)

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = dict(counts)
        self.update()

    def paintEvent(self, _event):  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        w, h = self.width(), self.height()
        classes = ("suitable", "difficult", "unsuitable")
        top = max([self.counts.get(k, 0) for k in classes] + [1])
        fm = p.fontMetrics()
        label_h = fm.height() * 2 + 6
        title = self.tr("各分类单元数")
        p.drawText(QRectF(0, 0, w, fm.height() + 4), Qt.AlignHCenter, title)
        plot_top = fm.height() + 8
        plot_h = max(20, h - plot_top - label_h)
        slot = w / len(classes)
        bar_w = min(70.0, slot * 0.6)
        for i, k in enumerate(classes):
            n = self.counts.get(k, 0)
            bh = plot_h * n / top
            x = i * slot + (slot - bar_w) / 2
            p.fillRect(QRectF(x, plot_top + plot_h - bh, bar_w, bh), QColor(CLASS_COLOURS[k]))
            p.drawText(QRectF(i * slot, plot_top + plot_h - bh - fm.height() - 2, slot,
                              fm.height()), Qt.AlignHCenter, str(n))
            p.drawText(QRectF(i * slot, plot_top + plot_h + 4, slot, label_h - 4),
                       Qt.AlignHCenter | Qt.TextWordWrap, labels.class_label(k))
        p.end()


class OverviewView(QWidget):
    """The census of the open project."""

    unitActivated = Signal(str)

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.model = CensusModel(self)
        self.proxy = CensusFilter(self)
        self.proxy.setSourceModel(self.model)

        self.title = QLabel()
        self.title.setObjectName("OverviewTitle")
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.title.setFont(f)
        self.search = QLineEdit()
        self.search.setObjectName("SearchBox")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("搜索小区、楼栋、单元或原因（Ctrl+F）"))
        self.search.textChanged.connect(self.proxy.set_text)
        self.class_filter = QComboBox()
        self.class_filter.setObjectName("ClassFilter")
        self.class_filter.addItem(self.tr("全部分类"), None)
        for k in ("suitable", "difficult", "unsuitable"):
            self.class_filter.addItem(labels.class_label(k), k)
        self.class_filter.setToolTip(labels.class_rule_source())
        self.class_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_class(self.class_filter.currentData()))
        self.table = QTableView()
        self.table.setObjectName("CensusTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.setEditTriggers(QTableView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.Interactive)
        hh.setSectionResizeMode(CensusModel.COLUMNS.index("reason"), QHeaderView.Stretch)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        self.chart = CountsChart()
        self.chart.setObjectName("CountsChart")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("CensusSummary")

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(QLabel(self.tr("分类：")))
        top.addWidget(self.class_filter)
        top.addWidget(self.search, 1)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.chart, 2)
        sl.addWidget(self.summary, 1)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 240])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        doc.unitChanged.connect(lambda _u: self.reload())
        self.reload()

    def reload(self) -> None:
        try:
            self.model.consent_ruleset = self.doc.default_rules().consent
        except Exception:  # invalid settings: the tooltip falls back to the default
            self.model.consent_ruleset = None
        try:
            census = self.doc.census()
        except Exception as e:  # an engine error is shown, never a crash
            census = None
            self.summary.setText(self.tr("无法计算普查：{0}").format(e))
        name = self.doc.project.name or self.tr("未命名项目")
        self.title.setText(self.tr("街道概览 — {0}").format(name))
        if census is None and self.doc.defer_engines:
            self.model.set_rows(_plain_rows(self.doc.project))
            self.summary.setText(self.tr("正在评估…"))
            return
        if census is None:
            self.model.set_rows([])
            self.chart.set_counts({})
            return
        self.model.set_rows(census.rows)
        for c in range(len(CensusModel.COLUMNS)):
            if CensusModel.COLUMNS[c] != "reason":
                self.table.resizeColumnToContents(c)
                # leave room for the main reason; a cut text is whole in its tooltip
                self.table.setColumnWidth(c, min(self.table.columnWidth(c), 150))
        self.chart.set_counts(census.by_class)
        n = len(census.rows)
        if n == 0:      # a new project: say what to do first
            self.summary.setText(self.tr(
                "项目中还没有单元。用菜单“小区与楼栋”或在左侧项目树上单击右键新建小区、楼栋和单元，"
                "或用 文件 → 导入街道数据；帮助 → 快速上手 介绍第一个任务。"))
            return
        parts = [self.tr("共 {0} 个单元").format(n)]
        for k in ("suitable", "difficult", "unsuitable"):
            parts.append(f"{labels.class_label(k)} {census.by_class.get(k, 0)}")
        self.summary.setText("；".join(parts) if i18n.lang() == "zh" else "; ".join(parts))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    def _activated(self, index) -> None:
        uid = self.proxy.data(index, Qt.UserRole)
        if uid:
            self.unitActivated.emit(uid)

    def row_unit_ids(self) -> list[str]:
        return [self.proxy.data(self.proxy.index(r, 0), Qt.UserRole)
                for r in range(self.proxy.rowCount())]


class _PlainRow:
    """A census row before the assessment is known (shown during start-up)."""

    __slots__ = ("community", "building", "unit_id", "unit_name", "year_built", "klass",
                 "main_reason_zh", "main_reason_en", "consent_state")

    def __init__(self, c, b, u):
        self.community, self.building = c.name, b.name
        self.unit_id, self.unit_name = u.id, u.name
        self.year_built = u.building.year_built
        self.klass = self.consent_state = None
        self.main_reason_zh = self.main_reason_en = ""


def _plain_rows(project) -> list:
    return [_PlainRow(c, b, u) for c, b, u in project.iter_units()]
