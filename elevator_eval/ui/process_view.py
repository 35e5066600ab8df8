"""Stage overview of the street: units per stage, a funnel chart, time in stage and overdue
units, a stage filter, upkeep reminders, and moving the selected unit to its next stage.

Counts come from :mod:`elevator_eval.process.stages`; a move goes through the document's
undo stack; a refused move shows the reasons in a message (``window.report_error``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import i18n
from .charts import ChartWidget

OVERDUE = "#B3261E"
translate = QCoreApplication.translate


def stage_name(rules, key: str) -> str:
    if key == "none":
        return i18n.pick("未登记", "Not started")
    st = rules.stage(key)
    return i18n.pick(st.zh, st.en)


class ProcessView(QWidget):
    """The street's procedure at a glance (see module docstring)."""

    unitActivated = Signal(str)

    def __init__(self, doc, window=None):
        super().__init__(window)
        from ..process.stages import load_rules

        self.doc = doc
        self.window_ = window
        self.rules = load_rules()
        self.data: dict = {}
        top = self._build_top_row()
        split = self._build_table_and_chart()
        move = self._build_advance_row(doc)
        self.reminders = QLabel()
        self.reminders.setObjectName("UpkeepReminders")
        self.reminders.setWordWrap(True)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        lay.addLayout(move)
        lay.addWidget(self.reminders)
        doc.unitChanged.connect(lambda _u: self.refresh())
        self.refresh()

    def _build_top_row(self) -> QHBoxLayout:
        """Summary, as-of date, stage filter and the overdue-only toggle."""
        self.summary = QLabel()
        self.summary.setObjectName("ProcessSummary")
        self.filter = QComboBox()
        self.filter.setObjectName("StageFilter")
        self.filter.addItem(self.tr("全部阶段"), None)
        self.filter.addItem(stage_name(self.rules, "none"), "none")
        for s in self.rules.stages:
            self.filter.addItem(stage_name(self.rules, s.key), s.key)
        self.filter.currentIndexChanged.connect(self._fill_table)
        self.overdue_only = QPushButton(self.tr("只看逾期"))
        self.overdue_only.setObjectName("OverdueOnly")
        self.overdue_only.setCheckable(True)
        self.overdue_only.toggled.connect(self._fill_table)
        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setObjectName("AsOfDate")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.dateChanged.connect(lambda _d: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("统计日期：")))
        top.addWidget(self.as_of)
        top.addWidget(QLabel(self.tr("阶段：")))
        top.addWidget(self.filter)
        top.addWidget(self.overdue_only)
        return top

    def _build_table_and_chart(self) -> QSplitter:
        """The stage table of all units beside the funnel chart."""
        self.table = QTableWidget(0, 9)
        self.table.setObjectName("StageTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("单元"),
                self.tr("阶段"),
                self.tr("进入日期"),
                self.tr("本阶段天数"),
                self.tr("参考天数（经验值）"),
                self.tr("逾期"),
                self.tr("责任方"),
                self.tr("未结异议"),
                self.tr("阻碍"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.cellDoubleClicked.connect(self._activate)
        self.table.itemSelectionChanged.connect(self._update_next)

        self.chart = ChartWidget(self, min_height=260)
        self.chart.setObjectName("FunnelChart")
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 420])
        return split

    def _build_advance_row(self, doc) -> QHBoxLayout:
        """Advance the selected unit; import intent registrations or online votes."""
        self.next_label = QLabel()
        self.next_label.setObjectName("NextStage")
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("AdvanceDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.advance_btn = QPushButton(self.tr("推进到下一阶段"))
        self.advance_btn.setObjectName("AdvanceButton")
        self.advance_btn.clicked.connect(self.advance_selected)
        move = QHBoxLayout()
        move.addWidget(self.next_label, 1)
        move.addWidget(self.date)
        move.addWidget(self.advance_btn)
        self.import_intent = QPushButton(self.tr("导入意向登记…"))
        self.import_intent.setObjectName("ImportIntent")
        self.import_votes = QPushButton(self.tr("导入线上表决…"))
        self.import_votes.setObjectName("ImportVotes")
        from .process_import_ui import import_records

        self.import_intent.clicked.connect(lambda: import_records(self, doc, "intent"))
        self.import_votes.clicked.connect(lambda: import_records(self, doc, "votes"))
        move.addWidget(self.import_intent)
        move.addWidget(self.import_votes)
        return move

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        """The project was replaced or its units changed (the main window calls every
        view's ``reload``)."""
        self.refresh()

    def refresh(self) -> None:
        from ..errors import InputError
        from ..process.stages import progress
        from ..process.upkeep import project_reminders

        today = self.as_of.date().toString("yyyy-MM-dd")
        try:
            self.data = progress(self.doc.project, today, self.rules)
            rem = project_reminders(self.doc.project, today)
        except InputError as e:
            self.data = {}
            self.summary.setText(self.tr("办理进度数据有误：{0}").format(i18n.error_text(e)))
            return
        self.summary.setText(
            self.tr("共 {0} 个单元，逾期 {1} 个（统计日期 {2}）").format(
                self.data["units"], self.data["overdue_total"], today
            )
        )
        self.reminders.setText(
            "\n".join(f"⚠ {r.unit_id}: {i18n.pick(r.zh, r.en)}" for r in rem)
            or self.tr("暂无运维提醒")
        )
        self._fill_table()
        self._draw_funnel()

    def _rows(self) -> list[dict]:
        rows = self.data.get("unit_status", [])
        key = self.filter.currentData()
        if key is not None:
            rows = [r for r in rows if r["stage"] == key]
        if self.overdue_only.isChecked():
            rows = [r for r in rows if r["overdue"]]
        return rows

    def _fill_table(self) -> None:
        rows = self._rows()
        self.table.setRowCount(len(rows))
        red = QBrush(QColor(OVERDUE))
        for i, r in enumerate(rows):
            texts = [
                r["unit"],
                stage_name(self.rules, r["stage"]),
                r["entered"] or "",
                "" if r["days_in_stage"] is None else str(r["days_in_stage"]),
                "" if r["expected_days"] is None else str(r["expected_days"]),
                self.tr("逾期") if r["overdue"] else "",
                r["responsible"],
                str(r["open_objections"] or ""),
                str(r["open_blockers"] or ""),
            ]
            for c, t in enumerate(texts):
                item = QTableWidgetItem(t)
                item.setData(Qt.UserRole, r["unit"])
                if r["overdue"]:
                    item.setForeground(red)
                self.table.setItem(i, c, item)
        self._update_next()

    def _draw_funnel(self) -> None:
        """Units that have reached each stage or gone beyond it (a funnel)."""
        keys = [s.key for s in self.rules.stages]
        counts = self.data["counts"]
        reached = [sum(counts[k] for k in keys[i:]) for i in range(len(keys))]
        fig = self.chart.figure()
        ax = fig.add_subplot(111)
        ys = list(range(len(keys)))[::-1]
        mx = max(reached + [1])
        here = [counts[k] for k in keys]
        ax.barh(
            ys,
            [float(v) for v in reached],
            color="#A9C4E0",
            height=0.7,
            label=self.tr("已到达（含其后阶段）"),
        )
        ax.barh(
            ys,
            [float(v) for v in here],
            color="#2F6EA5",
            height=0.7,
            label=self.tr("目前处于该阶段"),
        )
        for y, v, h in zip(ys, reached, here):
            ax.text(
                v + mx * 0.02,
                y,
                f"{v}{i18n.aside(str(h))}",
                va="center",
                fontsize=7,
            )
        # centred under the whole figure, room kept for it by the layout (under the axes
        # alone it ran out of the figure beside the long stage names)
        fig.legend(fontsize=7, loc="outside lower center", ncol=2, frameon=False)
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_yticks(ys)
        ax.set_yticklabels([stage_name(self.rules, k) for k in keys], fontsize=7)
        ax.set_xlim(0, mx * 1.15)
        ax.set_title(self.tr("办理漏斗（单元数）"), fontsize=9)
        ax.tick_params(axis="x", labelsize=7)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        self.chart.last_data = {"reached": reached, "here": here}
        self.chart.draw()

    # ------------------------------------------------------------------ moves
    def selected_unit(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.UserRole) if items else None

    def select_unit(self, unit_id: str) -> None:
        for i in range(self.table.rowCount()):
            if self.table.item(i, 0).data(Qt.UserRole) == unit_id:
                self.table.selectRow(i)
                return

    def next_stage(self, unit_id: str) -> str | None:
        st = next((r for r in self.data.get("unit_status", []) if r["unit"] == unit_id), None)
        if st is None:
            return None
        keys = [s.key for s in self.rules.stages]
        i = -1 if st["stage"] == "none" else keys.index(st["stage"])
        return keys[i + 1] if i + 1 < len(keys) else None

    def _update_next(self) -> None:
        uid = self.selected_unit()
        nxt = self.next_stage(uid) if uid else None
        self.advance_btn.setEnabled(nxt is not None)
        if uid is None:
            self.next_label.setText(self.tr("选择一个单元以推进阶段"))
        elif nxt is None:
            self.next_label.setText(self.tr("{0} 已在最后阶段").format(uid))
        else:
            self.next_label.setText(
                self.tr("{0} 的下一阶段：{1}").format(uid, stage_name(self.rules, nxt))
            )

    def advance_selected(self) -> bool:
        """Move the selected unit to its next stage on the chosen date (undoable)."""
        uid = self.selected_unit()
        nxt = self.next_stage(uid) if uid else None
        if nxt is None:
            return False
        return advance_unit(self, self.doc, uid, nxt, self.date.date().toString("yyyy-MM-dd"))

    def _activate(self, row: int, _col: int) -> None:
        self.unitActivated.emit(self.table.item(row, 0).data(Qt.UserRole))


def advance_unit(
    widget,
    doc,
    unit_id: str,
    stage: str,
    date: str,
    responsible: str = "",
    documents: list[str] | None = None,
) -> bool:
    """Check the move and push it on the undo stack; a refusal is shown as a message."""
    from ..errors import InputError
    from ..process import stages

    unit = doc.unit(unit_id)
    trial = unit.clone()
    try:
        stages.advance(
            trial, stage, date, responsible=responsible, documents=documents, project=doc.project
        )
    except InputError as e:
        reasons = [r for r in stages.refusals(unit, stage, date, project=doc.project)]
        text = "\n".join(f"• {i18n.pick(r.zh, r.en)}" for r in reasons) or i18n.error_text(e)
        report = getattr(widget.window(), "report_error", None)
        title = translate("ProcessView", "不能推进到“{0}”").format(
            stage_name(stages.load_rules(), stage)
        )
        if report is not None:
            report(title, text)
        return False
    doc.set_value(
        unit_id,
        lambda u: u.extra,
        "process",
        trial.extra["process"],
        translate("ProcessView", "推进 {0} 到“{1}”").format(
            unit_id, stage_name(stages.load_rules(), stage)
        ),
    )
    return True
