"""Street overview: the census table (filter, sort, search) coloured by class, and the
counts chart. Double-click opens a unit."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from . import i18n, labels
from .census_model import EAGER_ROWS, CensusModel, census_columns
from .lazy_qt import ALIGN_H_CENTER, TEXT_WORD_WRAP, USER_ROLE, Qt
from .style import CLASS_COLOURS, STATE_COLOURS

COLUMN_MAX_PX = 150
"""A column sized to its contents is at most this wide; the main reason takes the rest
(a cut text is whole in its tooltip). A window choice, no rule."""


class CountsChart(QWidget):
    """Bar chart of units per class, drawn with QPainter (no plotting library at start-up)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.counts: dict[str, int] = {}
        self.setMinimumSize(260, 180)  # (its share of the height: the layout's stretch)

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = dict(counts)
        self.update()

    def paintEvent(self, _event):
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        w, h = self.width(), self.height()
        classes = ("suitable", "difficult", "unsuitable")
        top = max([self.counts.get(k, 0) for k in classes] + [1])
        fm = p.fontMetrics()
        label_h = fm.height() * 2 + 6
        title = self.tr("各分类单元数")
        p.drawText(QRectF(0, 0, w, fm.height() + 4), ALIGN_H_CENTER, title)
        plot_top = fm.height() + 8
        plot_h = max(20, h - plot_top - label_h)
        slot = w / len(classes)
        bar_w = min(70.0, slot * 0.6)
        for i, k in enumerate(classes):
            n = self.counts.get(k, 0)
            bh = plot_h * n / top
            x = i * slot + (slot - bar_w) / 2
            if bh > 0:  # (none before the census: a colour would build Qt's enums)
                p.fillRect(QRectF(x, plot_top + plot_h - bh, bar_w, bh), QColor(CLASS_COLOURS[k]))
            p.drawText(
                QRectF(i * slot, plot_top + plot_h - bh - fm.height() - 2, slot, fm.height()),
                ALIGN_H_CENTER,
                str(n),
            )
            p.drawText(
                QRectF(i * slot, plot_top + plot_h + 4, slot, label_h - 4),
                ALIGN_H_CENTER | TEXT_WORD_WRAP,
                labels.class_label(k),
            )
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
            lambda _i: self.model.set_class(self.class_filter.currentData())
        )
        self.table = QTableView()
        self.table.setObjectName("CensusTable")
        self.table.setModel(self.model)
        # the column titles in a model of Qt's own: painting the header calls no Python
        # (see CensusModel.header_texts); sorting by a click on a title is turned on when
        # the census is shown (_enable_sorting): until then the rows are in the model's
        # own order, which is the first column's
        self.headers = QStandardItemModel(0, len(CensusModel.COLUMNS), self)
        self.table.horizontalHeader().setModel(self.headers)
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
        # the table's columns of a census computed in the background are made there too
        doc.prepare_with_census(census_columns)
        self._sized: dict[int, tuple] = {}  # column -> the texts and rows it was sized to
        doc.unitChanged.connect(self._unit_changed)
        self.model.fillWanted.connect(self._fill_then_sort)
        self._fill_task = None
        self._changed: set[str] = set()  # units changed since the last turn
        self._rows_pending = False  # a large census waits for the next turn (reload)
        self.reload()

    def _unit_changed(self, unit_id: str) -> None:
        """One unit changed: its row is made anew in the next turn of the event loop
        (after the other views; edits in a row of one unit are shown once)."""
        if not self._changed:
            QTimer.singleShot(0, self._apply_changes)
        self._changed.add(unit_id)

    def _apply_changes(self) -> None:
        """Show the changed units' rows (the document recomputes those units' census
        rows only); the counts follow from the classes."""
        if self._rows_pending:  # the census waiting to be shown has these changes
            self._changed = set()
            self._show_pending_rows()
            return
        changed, self._changed = sorted(self._changed), set()
        try:
            found = [(self.doc.census_row(uid), self.doc.assessment(uid)) for uid in changed]
        except Exception:  # an engine error: the full reload shows it
            found = [(None, None)]
        if any(row is None for row, _a in found) or self.model.rowCount() == 0:
            self.reload()
            return
        for row, a in found:
            state = a.consent.state if a.consent is not None else "invalid"
            self.model.replace_row(row, (state, a.main_reason_zh, a.main_reason_en))
        self._show_counts(self.doc.census())

    def _fill_then_sort(self, column: int, order) -> None:
        """Read the rows' states and reasons in the background (progress, cancel), then
        sort by ``column``."""
        if self._fill_task is not None:
            return
        model = self.model
        from .worker import run_task  # not before the first paint

        task = run_task(
            self, model.fill_all, self.tr("排序"), self.tr("正在读取各单元的表决状态和主要原因…")
        )
        self._fill_task = task
        loads = model.loads

        def finished(_result):
            if model.loads == loads:  # the same rows (no reload meanwhile)
                model.absorb()
                model.sort(column, order)

        task.finished.connect(finished)
        task.done.connect(lambda: setattr(self, "_fill_task", None))

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
        """Show the document's census (the project's units while it is computed).

        A large census (more than :data:`EAGER_ROWS` units) is put in the table in the
        next turn of the event loop: the window repaints what changed with it (the
        tree, the status line) in between, in two shorter pauses instead of one."""
        self._reload(at_once=False)

    def _show_pending_rows(self) -> None:
        if self._rows_pending:
            self._reload(at_once=True)

    def _reload(self, at_once: bool) -> None:
        self._rows_pending = False
        self.model.consent_ruleset = None  # the tooltips' default until the rules load
        self.model.suitability_ruleset = None
        if not self.doc.defer_engines:  # the rules load after the first paint
            try:
                rules = self.doc.default_rules()
                self.model.consent_ruleset = rules.consent
                self.model.suitability_ruleset = rules.suitability
                self.class_filter.setToolTip(labels.class_rule_source(rules.suitability))
            except Exception:  # invalid settings: the tooltip falls back to the default
                pass
            self._enable_sorting()
        self._show_headers()
        try:
            census = self.doc.census()
        except Exception as e:  # an engine error is shown, never a crash
            census = None
            self.summary.setText(self.tr("无法计算普查：{0}").format(i18n.error_text(e)))
        name = self.doc.project.name or self.tr("未命名项目")
        self.title.setText(self.tr("街道概览 — {0}").format(name))
        if census is None and self.doc.defer_engines:
            self.model.set_project_units(self.doc.project)
            self._size_columns()
            self.summary.setText(self.tr("正在评估…"))
            return
        if census is None:
            self.model.set_rows([])
            self.chart.set_counts({})
            return
        if not at_once and len(census.rows) > EAGER_ROWS:
            self._rows_pending = True
            # a timer, not a queued call: the window's repaint and input come first
            QTimer.singleShot(1, self, self._show_pending_rows)
            return
        self.model.set_rows(census.rows, self.doc.census_prepared(census_columns))
        self._size_columns()
        self._show_counts(census)

    def _show_headers(self) -> None:
        """The columns' titles and their tooltips (the rule each shows: once the rules
        are loaded, after the first paint)."""
        tips = not self.doc.defer_engines
        for c, text in enumerate(self.model.header_texts()):
            item = QStandardItem(text)
            tip = self.model.header_tooltip(c) if tips else None
            if tip:
                item.setToolTip(tip)
            self.headers.setHorizontalHeaderItem(c, item)

    def _enable_sorting(self) -> None:
        """Sort by a click on a column's title, first by the first column (after the
        window's first paint: Qt hands the model its sort order as a Qt enum)."""
        if not self.table.isSortingEnabled():
            header = self.table.horizontalHeader()
            header.setSortIndicator(0, Qt.AscendingOrder)
            self.table.setSortingEnabled(True)
            # its title now has the arrow beside it: as wide as the title needs (at most
            # COLUMN_MAX_PX); the rows are not measured again
            need = min(header.sectionSizeHint(0), COLUMN_MAX_PX)
            if self.table.columnWidth(0) < need:
                self.table.setColumnWidth(0, need)

    def _size_columns(self) -> None:
        """Size the columns to their contents (at most :data:`COLUMN_MAX_PX`; the main
        reason takes the rest); a column whose texts and rows shown are those it was last
        sized to keeps its width (the census's classes arrive: only the class column
        changes)."""
        # a large census's state column is as wide as the longest state's name: sizing it
        # to its contents would read (assess) a thousand rows
        big = len(self.model.shown_texts(0)[0]) > EAGER_ROWS
        # widths from the first rows of a large census (the cheap columns; one pass); Qt
        # reads as many when a title's edge is double-clicked
        rows = 100 if big else 1000
        self.table.horizontalHeader().setResizeContentsPrecision(rows)
        padding = None
        for c, name in enumerate(CensusModel.COLUMNS):
            if name == "consent" and big:
                fm = self.table.fontMetrics()
                self.table.setColumnWidth(
                    c, 24 + max(fm.horizontalAdvance(labels.state_label(s)) for s in STATE_COLOURS)
                )
            elif name != "reason":
                texts, shown = self.model.shown_texts(c)
                if name != "consent" and self._sized.get(c) == (texts, shown):
                    continue
                self._sized[c] = (list(texts), list(shown))
                if padding is None:
                    padding = self._cell_padding()
                width = self._contents_width(c, [texts[r] for r in shown[:rows]], padding)
                # leave room for the main reason; a cut text is whole in its tooltip
                self.table.setColumnWidth(c, min(width, COLUMN_MAX_PX))

    def _cell_padding(self) -> int:
        """What a cell needs beside its text (the style's margins, the grid line): Qt's
        width for the first row's cell less its text's (0 when there are no rows)."""
        if self.model.rowCount() == 0:
            return 0
        index = self.model.index(0, 0)
        grid = 1 if self.table.showGrid() else 0  # a column sized by Qt has room for it
        cell = self.table.sizeHintForIndex(index).width() + grid
        return cell - self._text_width([self.model.data(index)])

    def _text_width(self, texts: list) -> int:
        """The widest of ``texts`` (one line each, as a cell shows it) in the table's
        font, in whole pixels (rounded up, as Qt's item delegate does)."""
        fm = QFontMetricsF(self.table.font())
        lines = {line for t in texts if t is not None for line in str(t).split("\n")}
        return math.ceil(max((fm.horizontalAdvance(line) for line in lines), default=0.0))

    def _contents_width(self, column: int, texts: list, padding: int) -> int:
        """What Qt's ``resizeColumnToContents`` gives ``column`` for cells of ``texts``:
        the widest cell or the title, whichever is wider (Qt's own would read every
        cell's seven roles from the model, ≈ 3 ms at start-up)."""
        cells = self._text_width(texts) + padding if texts else 0
        return max(cells, self.table.horizontalHeader().sectionSizeHint(column))

    def _show_counts(self, census) -> None:
        """The chart and the summary line from the census's counts by class."""
        self.chart.set_counts(census.by_class)
        n = len(census.rows)
        if n == 0:  # a new project: say what to do first
            self.summary.setText(
                self.tr(
                    "项目中还没有单元。用菜单“小区与楼栋”或在左侧项目树上单击右键新建小区、楼栋和单元，"
                    "或用 文件 → 导入街道数据；帮助 → 快速上手 介绍第一个任务。"
                )
            )
            return
        parts = [self.tr("共 {0} 个单元").format(n)]
        for k in ("suitable", "difficult", "unsuitable"):
            parts.append(f"{labels.class_label(k)} {census.by_class.get(k, 0)}")
        self.summary.setText(i18n.clauses(parts))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    def _activated(self, index) -> None:
        uid = self.model.data(index, USER_ROLE)
        if uid:
            self.unitActivated.emit(uid)

    def row_unit_ids(self) -> list[str]:
        """The unit ids of the rows shown, top to bottom."""
        return [
            self.model.data(self.model.index(r, 0), USER_ROLE) for r in range(self.model.rowCount())
        ]
