"""Upkeep tab (运维): the elevator's user-manager, contract and inspection with reminders,
the running-cost ledger of a year (shares by the agreed rule, paid, owed), the reserve
fund, the faults; exports the residents' yearly statement (PDF, in the background)."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
)

from . import i18n
from .tab_base import UnitTab
from .tab_process import fill, make_table


def _money(d) -> str:
    return f"{d:,.2f}"


class UpkeepTab(UnitTab):
    name = "upkeep"

    def __init__(self, doc, parent=None):
        super().__init__(doc, parent)
        self.info = QLabel()
        self.info.setObjectName("UpkeepInfo")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.PlainText)
        self.year = QSpinBox()
        self.year.setObjectName("LedgerYear")
        self.year.setRange(1990, 2200)
        self.year.setValue(_dt.date.today().year)
        self.year.valueChanged.connect(lambda _v: self._refresh_ledger())
        self.export_btn = QPushButton(self.tr("导出年度收支公示 PDF…"))
        self.export_btn.setObjectName("ExportStatement")
        self.export_btn.clicked.connect(lambda: self.export_statement())
        self.ledger_btn = QPushButton(self.tr("导出各户缴费明细（内部）PDF…"))
        self.ledger_btn.setObjectName("ExportLedger")
        self.ledger_btn.setToolTip(
            self.tr("列出各户已缴与欠缴，标注“内部资料，不得张贴”，供使用管理人存档")
        )
        self.ledger_btn.clicked.connect(lambda: self.export_statement(detail=True))
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("年度：")))
        head.addWidget(self.year)
        head.addStretch(1)
        self.pay_amount = QLineEdit()
        self.pay_amount.setObjectName("PaymentAmount")
        self.pay_amount.setPlaceholderText(self.tr("缴费金额（元）"))
        self.pay_btn = QPushButton(self.tr("为所选户登记缴费"))
        self.pay_btn.setObjectName("AddPayment")
        self.pay_btn.clicked.connect(self.add_payment)
        head.addWidget(self.pay_amount)
        head.addWidget(self.pay_btn)
        head.addWidget(self.export_btn)
        head.addWidget(self.ledger_btn)
        self.ledger = make_table(
            [
                self.tr("门牌"),
                self.tr("楼层"),
                self.tr("应分摊（元）"),
                self.tr("已缴（元）"),
                self.tr("欠缴（元）"),
            ],
            "LedgerTable",
        )
        self.bills = make_table([self.tr("费用项目"), self.tr("金额（元）")], "BillsTable")
        self.faults = make_table(
            [self.tr("日期"), self.tr("故障情况"), self.tr("修复日期")], "FaultTable"
        )
        self.totals = QLabel()
        self.totals.setObjectName("LedgerTotals")
        self.totals.setWordWrap(True)
        box = QGroupBox(self.tr("运行费台账（按约定的分摊办法）"))
        lay = QVBoxLayout(box)
        lay.addLayout(head)
        row = QHBoxLayout()
        row.addWidget(self.ledger, 3)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("所选年度的运行费用")))
        side.addWidget(self.bills)
        side.addWidget(QLabel(self.tr("所选年度的故障")))
        side.addWidget(self.faults)
        row.addLayout(side, 2)
        lay.addLayout(row, 1)
        lay.addWidget(self.totals)
        main = QVBoxLayout(self)
        main.addWidget(self.info)
        main.addWidget(box, 1)
        self.statement = None

    def refresh(self) -> None:
        from ..errors import InputError
        from ..process.records import read_process
        from ..process.upkeep import inspection_due, reminders

        unit = self.doc.unit(self.unit_id)
        try:
            up = read_process(unit).upkeep
        except InputError as e:
            self.info.setText(i18n.error_text(e))
            return
        if up is None:
            self.info.setText(
                self.tr("本单元尚无运维记录（电梯投用后登记使用管理人、维保合同与运行费）。")
            )
            self.statement = None
            fill(self.ledger, [])
            fill(self.bills, [])
            fill(self.faults, [])
            self.totals.setText("")
            self.export_btn.setEnabled(False)
            self.ledger_btn.setEnabled(False)
            return
        years = sorted({b.year for b in up.bills})
        if years and self.year.value() not in years:
            self.year.blockSignals(True)
            self.year.setValue(years[-1])
            self.year.blockSignals(False)
        rem = reminders(unit, _dt.date.today().isoformat())
        fee = "—" if up.contract_fee_yuan is None else _money(up.contract_fee_yuan)
        lines = [
            self.tr("使用管理人：{0}").format(up.manager or "—"),
            self.tr("维保单位：{0}；年费 {1} 元；合同 {2} 至 {3}").format(
                up.contractor or "—", fee, up.contract_start or "—", up.contract_end or "—"
            ),
            self.tr("定期检验：上次 {0}，下次到期 {1}").format(
                up.last_inspection or "—", inspection_due(up) or "—"
            ),
        ]
        lines += [f"⚠ {i18n.pick(r.zh, r.en)}" for r in rem]
        self.info.setText("\n".join(lines))
        self.export_btn.setEnabled(True)
        self.ledger_btn.setEnabled(True)
        self._refresh_ledger()

    def _refresh_ledger(self) -> None:
        from ..errors import InputError
        from ..process.upkeep import year_statement

        if self.unit_id is None:
            return
        try:
            st = year_statement(self.doc.unit(self.unit_id), self.year.value(), self.doc.project)
        except InputError as e:
            self.statement = None
            self.totals.setText(i18n.error_text(e))
            return
        self.statement = st
        rows = sorted(st.rows, key=lambda r: (-r.floor, r.household))
        self.ledger_doors = [r.household for r in rows]
        self.ledger.setRowCount(len(rows))
        red = QBrush(QColor("#B3261E"))
        for i, r in enumerate(rows):
            for c, t in enumerate(
                [
                    r.household,
                    str(r.floor),
                    _money(r.share_yuan),
                    _money(r.paid_yuan),
                    _money(r.arrears_yuan),
                ]
            ):
                item = QTableWidgetItem(t)
                if c >= 1:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if r.arrears_yuan > 0:
                    item.setForeground(red)
                self.ledger.setItem(i, c, item)
        fill(
            self.bills,
            [[item, _money(a)] for item, a in st.bills]
            + [[self.tr("合计"), _money(st.bills_total_yuan)]],
            right=(1,),
        )
        fill(self.faults, [[f.date, f.text, f.fixed or self.tr("未修复")] for f in st.faults])
        self.totals.setText(
            self.tr(
                "合计 {0} 元；已缴 {1} 元；欠缴 {2} 元（%n 户未缴清）；备用金：年初 {3}，存入 {4}，"
                "支出 {5}，年末 {6} 元",
                None,
                sum(1 for r in st.rows if r.arrears_yuan > 0),
            ).format(
                _money(st.bills_total_yuan),
                _money(st.paid_total_yuan),
                _money(st.arrears_total_yuan),
                _money(st.reserve_start_yuan),
                _money(st.reserve_in_yuan),
                _money(st.reserve_out_yuan),
                _money(st.reserve_end_yuan),
            )
        )

    def export_statement(self, path: str | None = None, detail: bool = False):
        """Write the residents' statement of the shown year (in the background); with
        ``detail`` the manager's ledger of each door's payments, marked not for posting."""
        import copy

        from .exporting import ask_save_path
        from .worker import run_task

        if self.statement is None:
            return None
        year = self.year.value()
        if path is None:
            title = self.tr("导出各户缴费明细") if detail else self.tr("导出年度收支公示")
            name = f"{self.unit_id}-{year}" + ("-ledger" if detail else "") + ".pdf"
            path = ask_save_path(self, title, name, "PDF (*.pdf)", ".pdf")
            if not path:
                return None
        unit = self.doc.unit(self.unit_id).clone()
        project = copy.deepcopy(self.doc.project)
        lang = i18n.lang()

        def work(progress):
            from ..report.upkeep_statement import build_upkeep_statement

            build_upkeep_statement(unit, year, project=project, lang=lang, out=path, detail=detail)
            return path

        task = run_task(self, work, self.tr("导出 PDF"), self.tr("正在写入 {0}…").format(path))
        win = self.window()
        if hasattr(win, "report_error"):
            task.failed.connect(lambda m: win.report_error(self.tr("导出失败"), m))
        return task

    def add_payment(self) -> bool:
        """Record what the selected door paid towards the shown year (today, undoable)."""
        from ..errors import InputError
        from ..process.records import Payment, parse_process, read_process

        sel = self.ledger.selectionModel().selectedRows()
        if not sel or self.statement is None:
            return False
        door = self.ledger_doors[sel[0].row()]
        pd = read_process(self.doc.unit(self.unit_id))
        try:
            from ..io.cells import parse_money_yuan

            amount = parse_money_yuan(
                self.pay_amount.text(), column=self.tr("缴费金额"), required=True
            )
            pd.upkeep.payments.append(
                Payment(self.year.value(), door, amount, _dt.date.today().isoformat())
            )
            raw = pd.to_json()
            parse_process(raw, f"unit {self.unit_id}: process")
        except InputError as e:
            report = getattr(self.window(), "report_error", None)
            if report is not None:
                report(self.tr("不能登记缴费"), i18n.error_text(e))
            return False
        self.doc.set_value(
            self.unit_id, lambda u: u.extra, "process", raw, self.tr("登记 {0} 缴费").format(door)
        )
        self.pay_amount.clear()
        return True
