"""The consensus finder's panel in the costs tab: each household's stated maximum
contribution (最高可接受出资), editable in place (undoable, checked as typed), and the
split the finder proposes (:func:`elevator_eval.costshare_consensus.find_consensus`, run in the
background). A proposal is cleared as soon as any input of the unit changes, so it is never
shown for other inputs than it was computed from."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import i18n, labels
from .tab_base import HH_ROLE
from .tab_base import table_item as _item

COLUMNS = ("door", "floor", "limit", "proposal")
BAD = "#ffcdd2"


class ConsensusPanel(QWidget):
    """Limits table, run button and result for one unit of ``doc``."""

    ran = Signal(object)

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.unit_id: str | None = None
        self.result = None
        self.task = None
        self._loading = False
        self.button = QPushButton(self.tr("寻找各户都能接受的方案"))
        self.button.setObjectName("ConsensusButton")
        self.button.setToolTip(
            self.tr("线性规划：在各户填报的最高可接受出资内、低层不多于高层，求最均衡的分摊")
        )
        self.button.clicked.connect(lambda: self.run())
        self.label = QLabel()
        self.label.setObjectName("ConsensusLabel")
        self.label.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("ConsensusMessage")
        self.message.setStyleSheet("color:#c62828")
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("ConsensusTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("门牌"),
                self.tr("楼层"),
                self.tr("最高可接受出资（元）"),
                self.tr("建议分摊（元）"),
            ]
        )
        self.table.horizontalHeaderItem(2).setToolTip(
            self.tr("业主填报的最高可接受出资额，双击修改；可写 80000 或 8万")
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.itemChanged.connect(self._edited)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("各户填报的最高可接受出资（双击修改），然后寻找方案：")))
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)
        lay.addWidget(self.button, 0, Qt.AlignLeft)
        lay.addWidget(self.label)

    # ------------------------------------------------------------------ data
    def set_unit(self, unit_id: str) -> None:
        if unit_id != self.unit_id:
            self.result = None
            self.label.setText("")
        self.unit_id = unit_id

    def refresh(self, unit) -> None:
        """Show the unit's households; a proposal made for other inputs is dropped."""
        if self.result is not None and self._inputs(unit) != self.result_inputs:
            self.result = None
            self.label.setText(self.tr("输入已修改，请重新寻找方案"))
        self._loading = True
        try:
            hs = sorted(unit.households, key=lambda h: (h.floor, len(h.id), h.id))
            self.table.setRowCount(len(hs))
            proposal = self.result.shares_yuan if self.result is not None else {}
            for r, h in enumerate(hs):
                cells = [
                    _item(h.id, align=Qt.AlignCenter),
                    _item(h.floor, align=Qt.AlignCenter),
                    _item(
                        ""
                        if h.max_contribution_yuan is None
                        else labels.yuan(h.max_contribution_yuan),
                        editable=True,
                    ),
                    _item(labels.yuan(proposal[h.id]) if h.id in proposal else "—"),
                ]
                for c, it in enumerate(cells):
                    it.setData(HH_ROLE, h.id)
                    self.table.setItem(r, c, it)
        finally:
            self._loading = False

    @staticmethod
    def _inputs(unit):
        return copy.deepcopy((unit.households, unit.costs, unit.subsidies, unit.share))

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._loading or self.unit_id is None or COLUMNS[item.column()] != "limit":
            return
        from ..io.cells import CellError, parse_money_yuan

        hid = item.data(HH_ROLE)
        try:
            value = parse_money_yuan(item.text().replace("¥", ""), required=False)
            if value is not None and value < 0:
                raise CellError(None, "", "must not be negative", "不能为负数")
        except CellError as e:
            self._loading = True
            item.setBackground(QBrush(QColor(BAD)))
            self._loading = False
            self.message.setText(
                self.tr("{0} 的最高可接受出资未采用：{1}").format(hid, i18n.error_text(e))
            )
            return
        self.message.setText("")
        self.doc.set_value(
            self.unit_id,
            lambda u: u.household(hid),
            "max_contribution_yuan",
            value,
            self.tr("修改 {0} 的最高可接受出资").format(hid),
        )

    # ------------------------------------------------------------------ run
    def run(self):
        """Run the LP consensus finder in the background (scipy loads on first use)."""
        from ..costshare_consensus import find_consensus
        from .worker import run_task

        unit = copy.deepcopy(self.doc.unit(self.unit_id))
        inputs = self._inputs(unit)
        self.button.setEnabled(False)
        self.label.setText(self.tr("正在计算…"))

        def work(progress):
            progress(0, 1)
            return find_consensus(unit)

        def show(res):
            self.result, self.result_inputs = res, inputs
            self.label.setText(i18n.pick(res.message_zh, res.message_en) or res.status)
            self.label.setProperty("status", res.status)
            self.refresh(self.doc.unit(self.unit_id))
            self.ran.emit(res)

        task = run_task(self, work, self.tr("共识方案"), self.tr("正在求解…"), show_dialog=False)
        task.finished.connect(show)
        task.failed.connect(lambda msg: self.label.setText(msg.splitlines()[0]))
        task.done.connect(lambda: self.button.setEnabled(True))
        self.task = task
        return task
