"""Street overview: the census table (filter, sort, search) coloured by class, and the
counts chart. Double-click opens a unit."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QRectF,
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
    """The census table with its search, class filter and sort, kept as columns.

    Texts, colours, sort keys and a lower-case search text are prepared once per row
    in :meth:`set_rows` (the view asks for them many times while it measures and
    paints); filtering is one pass over the search texts and sorting one Python sort of
    row numbers, so a street of 20,000 units filters in milliseconds. ``_order`` holds
    the rows shown, as row numbers into the columns.
    """

    COLUMNS = ("community", "building", "unit", "year", "class", "consent", "reason")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.consent_ruleset = None    # the project's default consent ruleset (tooltip)
        self.klass: str | None = None  # class filter
        self.text = ""                 # search text (lower case)
        self._sort_column, self._descending = 0, False
        self._load([], [[] for _ in self.COLUMNS], [], [], [])
        self._brush = {k: (QBrush(QColor(CLASS_BACKGROUNDS[k])), QBrush(QColor(v)))
                       for k, v in CLASS_COLOURS.items()}
        self._state_brush = {k: QBrush(QColor(v)) for k, v in STATE_COLOURS.items()}

    # ------------------------------------------------------------------ content
    def set_rows(self, rows) -> None:
        """Show the census rows (:class:`elevator_eval.census.CensusRow` or alike)."""
        pick = i18n.pick
        class_text: dict = {}
        state_text: dict = {}
        cols: list[list] = [[] for _ in self.COLUMNS]
        ids, klass, state, hay = [], [], [], []
        com, bld, name, year, ktext, stext, reason = cols
        for r in rows:                 # one pass: 20,000 rows are read once
            k, st = r.klass, r.consent_state
            if k not in class_text:
                class_text[k] = labels.class_label(k)
            if st not in state_text:
                state_text[st] = labels.state_label(st)
            texts = (r.community, r.building, r.unit_name or r.unit_id, r.year_built,
                     class_text[k], state_text[st], pick(r.main_reason_zh, r.main_reason_en))
            for col, t in zip(cols, texts):
                col.append(t)
            ids.append(r.unit_id)
            klass.append(k)
            state.append(st)
            hay.append(("%s %s %s %s %s %s %s " % texts + r.unit_id).lower())
        self._load(ids, cols, klass, state, hay)

    def set_project_units(self, project) -> None:
        """Show the project's units before the census is known (classes empty)."""
        cols: list[list] = [[] for _ in self.COLUMNS]
        com, bld, name, year, _k, _s, _r = cols
        ids, hay = [], []
        for c in project.communities:
            for b in c.buildings:
                for u in b.units:
                    texts = (c.name, b.name, u.name or u.id, u.building.year_built)
                    com.append(texts[0])
                    bld.append(texts[1])
                    name.append(texts[2])
                    year.append(texts[3])
                    ids.append(u.id)
                    hay.append(("%s %s %s %s " % texts + u.id).lower())
        n = len(ids)
        cols[4:] = [[labels.class_label(None)] * n, [labels.state_label(None)] * n, [""] * n]
        self._load(ids, cols, [None] * n, [None] * n, hay)

    def _load(self, ids, cols, klass, state, hay) -> None:
        self.beginResetModel()
        self._ids, self._cols, self._klass, self._state = ids, cols, klass, state
        self._hay = hay                # lower-case search text of each row
        self._keys: dict[int, list] = {}
        self._sorted = self._sort_rows()
        self._order = self._filter_rows()
        self.endResetModel()

    # ------------------------------------------------------------------ sort and filter
    def _sort_key(self, column: int) -> list:
        """Sort key of every row in ``column`` (classes in the order of the rule)."""
        if column not in self._keys:
            values = self._cols[column]
            if column == 4:
                order = {"suitable": 0, "difficult": 1, "unsuitable": 2}
                key = [order.get(k, 9) for k in self._klass]
            elif column == 3:
                key = [(v is None, v or 0) for v in values]
            else:
                key = [str(v) for v in values]
            self._keys[column] = key
        return self._keys[column]

    def _sort_rows(self) -> list[int]:
        key = self._sort_key(self._sort_column)
        return sorted(range(len(self._ids)), key=key.__getitem__, reverse=self._descending)

    def _filter_rows(self) -> list[int]:
        rows = self._sorted
        if self.klass:
            klass, wanted = self._klass, self.klass
            rows = [i for i in rows if klass[i] == wanted]
        if self.text:
            hay, text = self._hay, self.text
            rows = [i for i in rows if text in hay[i]]
        return rows

    def set_class(self, klass: str | None) -> None:
        self.beginResetModel()
        self.klass = klass
        self._order = self._filter_rows()
        self.endResetModel()

    def set_text(self, text: str) -> None:
        self.beginResetModel()
        self.text = text.strip().lower()
        self._order = self._filter_rows()
        self.endResetModel()

    def sort(self, column, order=Qt.AscendingOrder):  # noqa: D102 - Qt API
        """Sort by ``column``; the selection stays on its rows."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        rows = [self._order[i.row()] for i in old]
        self._sort_column = column
        self._descending = order == Qt.DescendingOrder
        self._sorted = self._sort_rows()
        self._order = self._filter_rows()
        where = {r: n for n, r in enumerate(self._order)} if old else {}
        self.changePersistentIndexList(
            old, [self.index(where[r], i.column()) for r, i in zip(rows, old)])
        self.layoutChanged.emit()

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self._order)

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
        row, c = self._order[index.row()], index.column()
        if role == _DISPLAY or role == _TOOLTIP:
            return self._cols[c][row]
        if role == _USER:
            return self._ids[row]
        if role == _SORT:
            return self._sort_key(c)[row]
        if c == 4 and (role == _BACKGROUND or role == _FOREGROUND):
            pair = self._brush.get(self._klass[row])
            if pair is not None:
                return pair[0] if role == _BACKGROUND else pair[1]
        if c == 5 and role == _FOREGROUND:
            return self._state_brush.get(self._state[row])
        return None


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
        self.search.textChanged.connect(self.model.set_text)
        self.class_filter = QComboBox()
        self.class_filter.setObjectName("ClassFilter")
        self.class_filter.addItem(self.tr("全部分类"), None)
        for k in ("suitable", "difficult", "unsuitable"):
            self.class_filter.addItem(labels.class_label(k), k)
        self.class_filter.setToolTip(labels.class_rule_source())
        self.class_filter.currentIndexChanged.connect(
            lambda _i: self.model.set_class(self.class_filter.currentData()))
        self.table = QTableView()
        self.table.setObjectName("CensusTable")
        self.table.setModel(self.model)
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

        self._lay_out()
        doc.unitChanged.connect(lambda _u: self.reload())
        self.reload()

    def _lay_out(self) -> None:
        """Filters above; the table beside the chart and summary."""
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

    def reload(self) -> None:
        self.model.consent_ruleset = None   # the tooltip's default until the rules load
        if not self.doc.defer_engines:       # the rules load after the first paint
            try:
                self.model.consent_ruleset = self.doc.default_rules().consent
            except Exception:  # invalid settings: the tooltip falls back to the default
                pass
        try:
            census = self.doc.census()
        except Exception as e:  # an engine error is shown, never a crash
            census = None
            self.summary.setText(self.tr("无法计算普查：{0}").format(e))
        name = self.doc.project.name or self.tr("未命名项目")
        self.title.setText(self.tr("街道概览 — {0}").format(name))
        if census is None and self.doc.defer_engines:
            self.model.set_project_units(self.doc.project)
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
        uid = self.model.data(index, Qt.UserRole)
        if uid:
            self.unitActivated.emit(uid)

    def row_unit_ids(self) -> list[str]:
        """The unit ids of the rows shown, top to bottom."""
        return [self.model.data(self.model.index(r, 0), Qt.UserRole)
                for r in range(self.model.rowCount())]

