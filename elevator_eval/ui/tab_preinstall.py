"""Pre-installation: should the pipes be relocated and the pit built now, during the
renovation, or later? Inputs (horizon, annual probability of consent, draws), results and
charts from :func:`elevator_eval.preinstall.evaluate`, run off the UI thread."""

from __future__ import annotations

import copy
import html
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from . import i18n, labels
from .charts import ChartWidget, bar_chart, line_chart
from .tab_base import UnitTab


def _pct(d) -> str:
    return "—" if d is None else f"{Decimal(d) * 100:.1f}%"


class PreinstallTab(UnitTab):
    name = "preinstall"

    def __init__(self, doc, parent=None):
        super().__init__(doc, parent)
        self.result = None
        self.task = None
        form_box = self._build_inputs_form()
        left = self._build_inputs_panel(doc, form_box)
        right = self._build_results_panel()
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([380, 700])
        QHBoxLayout(self).addWidget(split)

    def _build_inputs_form(self) -> QGroupBox:
        """Horizon, yearly consent probability, number of draws and the run button."""
        self.horizon = QSpinBox()
        self.horizon.setObjectName("HorizonSpin")
        self.horizon.setRange(1, 50)
        self.horizon.setValue(10)
        self.horizon.setToolTip(
            self.tr("评估年限（年）；默认值见先期预埋假设（应用默认，可在规则集中修改）")
        )
        self.hazard = QLineEdit()
        self.hazard.setObjectName("HazardEdit")
        self.hazard.setPlaceholderText(self.tr("自动（由表决状态估计）"))
        self.hazard.setToolTip(
            self.tr(
                "每年达成表决的概率，以百分数输入（如 20 表示 20%）。"
                "留空则按表决状态估计（经验假设）"
            )
        )
        self.hazard.editingFinished.connect(self._hazard_edited)
        self.hazard_message = QLabel()
        self.hazard_message.setObjectName("HazardMessage")
        self.hazard_message.setStyleSheet("color:#c62828")
        hazard_row = QHBoxLayout()
        hazard_row.addWidget(self.hazard)
        hazard_row.addWidget(QLabel("%"))
        self.draws = QComboBox()
        self.draws.setObjectName("DrawsCombo")
        for n in (10_000, 100_000):
            self.draws.addItem(f"{n:,}", n)
        self.run_btn = QPushButton(self.tr("计算"))
        self.run_btn.setObjectName("PreinstallRun")
        self.run_btn.setToolTip(self.tr("蒙特卡洛模拟在后台运行，可取消"))
        self.run_btn.clicked.connect(self.run)
        form_box = QGroupBox(self.tr("输入"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("评估年限（年）"), self.horizon)
        form.addRow(self.tr("每年达成表决概率"), hazard_row)
        form.addRow(self.hazard_message)
        form.addRow(self.tr("模拟次数"), self.draws)
        form.addRow(self.run_btn)
        return form_box

    def _build_inputs_panel(self, doc, form_box: QGroupBox) -> QWidget:
        """The input form above the tabs of cost items and assumptions."""
        self.items = QTableWidget(0, 4)
        self.items.setObjectName("PreinstallItems")
        self.items.setHorizontalHeaderLabels(
            [self.tr("费用项"), self.tr("低"), self.tr("最可能"), self.tr("高")]
        )
        self.items.verticalHeader().hide()
        self.items.setEditTriggers(QTableWidget.NoEditTriggers)
        self.items.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.items.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        from .preinstall_assumptions import AssumptionsTable

        self.assumptions = AssumptionsTable(doc)
        self.assumptions.setObjectName("PreinstallAssumptions")
        doc.settingChanged.connect(self._setting_changed)
        self.inputs_tabs = QTabWidget()
        self.inputs_tabs.setObjectName("PreinstallInputTabs")
        self.inputs_tabs.addTab(self.items, self.tr("本单元费用项（元）"))
        self.inputs_tabs.addTab(self.assumptions, self.tr("假设（可修改）"))
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(form_box)
        ll.addWidget(self.inputs_tabs, 1)
        return left

    def _build_results_panel(self) -> QWidget:
        """The summary above the four chart tabs."""
        self.summary = QLabel(self.tr("点击“计算”评估先期预埋是否划算。"))
        self.summary.setObjectName("PreinstallSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        self.chart_cost = ChartWidget()
        self.chart_prob = ChartWidget()
        self.chart_tornado = ChartWidget()
        self.chart_hist = ChartWidget()
        self.charts = QTabWidget()
        self.charts.addTab(self.chart_cost, self.tr("以后再做的费用"))
        self.charts.addTab(self.chart_prob, self.tr("达成表决的年份"))
        self.charts.addTab(self.chart_tornado, self.tr("敏感性（龙卷风图）"))
        self.charts.addTab(self.chart_hist, self.tr("蒙特卡洛分布"))
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.summary)
        rl.addWidget(self.charts, 1)
        return right

    def _setting_changed(self, key: str) -> None:
        if key == "preinstall" and self.unit_id is not None:
            self._on_unit_changed(self.unit_id)  # the items depend on the assumptions

    def refresh(self) -> None:
        unit = self.doc.unit(self.unit_id)
        self.assumptions.refresh()
        pre = unit.extra.get("preinstall") or {}
        h = pre.get("hazard") if isinstance(pre, dict) else None
        if not self.hazard_message.text():  # keep a refused entry on screen
            self.hazard.setText(
                ""
                if h is None or isinstance(h, list)
                else format((Decimal(str(h)) * 100).normalize(), "f")
            )
        try:
            from ..preinstall import build_inputs

            consent = self.doc.consent(self.unit_id) if unit.households else None
            inputs = build_inputs(unit, self.doc.project, consent_result=consent)
            self.horizon.setValue(inputs.horizon_years) if self.result is None else None
            items = list(inputs.items_now) + list(inputs.extras_later)
        except Exception as e:
            items = []
            self.summary.setText(self.tr("无法读取输入：{0}").format(i18n.error_text(e)))
        self.items.setRowCount(len(items))
        for r, it in enumerate(items):
            cells = [
                it.title(i18n.lang()),
                labels.yuan(it.low_yuan),
                labels.yuan(it.mode_yuan),
                labels.yuan(it.high_yuan),
            ]
            for c, v in enumerate(cells):
                cell = QTableWidgetItem(v)
                cell.setToolTip(
                    self.tr("依据：{0}").format(labels.public_source(it.basis(i18n.lang())))
                )
                if c:
                    cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.items.setItem(r, c, cell)
        self.result = None

    def _hazard_edited(self) -> None:
        unit = self.doc.unit(self.unit_id)
        text = self.hazard.text().strip()
        extra = copy.deepcopy(unit.extra)
        pre = dict(extra.get("preinstall") or {})
        if text:
            try:
                value = (Decimal(text.replace("%", "")) / 100).normalize()
                if not value.is_finite() or not 0 <= value <= 1:
                    raise InvalidOperation
            except (InvalidOperation, ValueError):
                # refused: say so beside the field, and drop the result of the old value
                self.hazard.setStyleSheet("background:#ffcdd2")
                self.hazard_message.setText(self.tr("须为 0 到 100 之间的数"))
                self.result = None
                self.summary.setText(self.tr("输入有误，未计算。"))
                return
            if pre.get("hazard") == value:
                return
            pre["hazard"] = value
        else:
            if "hazard" not in pre:
                return
            pre.pop("hazard")
        self.hazard.setStyleSheet("")
        self.hazard_message.setText("")
        if pre:
            extra["preinstall"] = pre
        else:
            extra.pop("preinstall", None)
        self.doc.set_value(
            self.unit_id, lambda u: u, "extra", extra, self.tr("修改每年达成表决概率")
        )

    def run(self):
        """Evaluate in the background (Monte Carlo and tornado) with a progress dialog."""
        from ..preinstall import evaluate
        from .worker import run_task

        project = copy.deepcopy(self.doc.project)
        unit = project.find_unit(self.unit_id)
        horizon, draws = self.horizon.value(), self.draws.currentData()

        def work(progress):
            if not progress(0, 2):
                return None
            from ..consent import tally
            from ..preinstall import build_inputs
            from ..rulebook import resolve

            consent = tally(unit, resolve(project, unit).consent) if unit.households else None
            inputs = build_inputs(unit, project, horizon_years=horizon, consent_result=consent)
            first = evaluate(
                unit,
                project,
                horizon_years=horizon,
                with_monte_carlo=False,
                with_tornado=False,
                inputs=inputs,
            )
            if not progress(1, 2):
                return first
            full = evaluate(unit, project, horizon_years=horizon, draws=draws, inputs=inputs)
            progress(2, 2)
            return full

        self.run_btn.setEnabled(False)
        task = run_task(self, work, self.tr("先期预埋评估"), self.tr("正在模拟…"))
        task.finished.connect(self.show_result)
        task.failed.connect(
            lambda m: self.summary.setText(self.tr("无法计算：{0}").format(m.splitlines()[0]))
        )
        task.done.connect(lambda: self.run_btn.setEnabled(True))
        self.task = task
        return task

    def _figures_table(self, res) -> str:
        """Expected figures (the mean over the stated uncertainty, which decides) beside the
        most likely case, labelled; both from the engine."""
        e, m = res.expected, res.most_likely
        expected_title = html.escape(self.tr("期望值（据此判断）"))
        likely_title = html.escape(self.tr("最可能情形"))
        head = (
            f"<tr><th></th><th align='right'>{expected_title}</th>"
            f"<th align='right'>{likely_title}</th></tr>"
        )
        rows = [
            (
                self.tr("净节省（现值）"),
                labels.yuan(e.net_saving_yuan),
                labels.yuan(m.net_saving_yuan),
            ),
            (
                self.tr("{0} 年内达成表决的概率").format(res.horizon_years),
                _pct(e.probability_within_horizon),
                _pct(m.probability_within_horizon),
            ),
            (self.tr("白做的概率"), _pct(e.probability_of_waste), _pct(m.probability_of_waste)),
            (self.tr("期望浪费"), labels.yuan(e.waste_yuan), labels.yuan(m.waste_yuan)),
        ]
        body = "".join(
            f"<tr><td>{html.escape(a)}</td><td align='right'>{html.escape(b)}</td>"
            f"<td align='right'>{html.escape(c)}</td></tr>"
            for a, b, c in rows
        )
        return f"<table cellspacing='0' cellpadding='3'>{head}{body}</table>"

    def show_result(self, res) -> None:
        if res is None:
            return
        self.result = res
        verdict = self.tr("先期预埋划算") if res.pays_off else self.tr("先期预埋不划算")
        colour = "#2e7d32" if res.pays_off else "#c62828"
        lines = [
            f"<b style='color:{colour}'>{verdict}</b> — {res.message(i18n.lang())}",
            self.tr("现在做的费用 {0}；以后单独施工的额外费用 {1}").format(
                labels.yuan(res.cost_now_yuan), labels.yuan(res.extra_later_yuan)
            ),
            self._figures_table(res),
            self.tr("盈亏平衡：{0} 年内达成表决的概率至少 {1}").format(
                res.horizon_years, _pct(res.break_even_probability)
            ),
        ]
        mc = res.monte_carlo
        if mc is not None:
            lines.append(
                self.tr("蒙特卡洛 {0:,} 次：P10 {1}，P50 {2}，P90 {3}；划算的概率 {4}").format(
                    mc.draws,
                    labels.yuan(mc.p10_yuan),
                    labels.yuan(mc.p50_yuan),
                    labels.yuan(mc.p90_yuan),
                    _pct(mc.probability_pays_off),
                )
            )
        source = i18n.pick(
            res.assumptions_source_zh or res.assumptions_source, res.assumptions_source
        )
        lines.append("<small>" + self.tr("假设来源：") + html.escape(source) + "</small>")
        self.summary.setText("<br>".join(lines))
        years = list(range(1, res.horizon_years + 1))
        line_chart(
            self.chart_cost,
            years,
            [(self.tr("以后再做的费用"), res.cost_later_by_year_yuan)],
            self.tr("第 t 年再做的费用（未折现）"),
            self.tr("年"),
            self.tr("元"),
        )
        bar_chart(
            self.chart_prob,
            [str(y) for y in years],
            res.probability_by_year,
            self.tr("在第 t 年达成表决的概率"),
            self.tr("概率"),
        )
        if res.tornado is not None and res.tornado.bars:
            self._tornado(res.tornado)
        if mc is not None and mc.histogram_counts:
            edges = mc.histogram_edges_yuan
            mids = [(edges[i] + edges[i + 1]) / 2 for i in range(len(mc.histogram_counts))]
            fig = self.chart_hist.figure()
            ax = fig.add_subplot(111)
            width = (edges[1] - edges[0]) if len(edges) > 1 else 1
            ax.bar(mids, mc.histogram_counts, width=width * 0.95, color="#5B9BD5")
            ax.axvline(0, color="#c62828", linewidth=1)
            ax.set_title(self.tr("净节省的分布（元）"), fontsize=9)
            ax.tick_params(labelsize=7)
            self.chart_hist.last_data = list(mc.histogram_counts)
            self.chart_hist.draw()

    def _tornado(self, tor) -> None:
        fig = self.chart_tornado.figure()
        ax = fig.add_subplot(111)
        bars = list(reversed(tor.bars[:10]))
        base = float(tor.base_yuan)
        for i, b in enumerate(bars):
            lo, hi = float(b.saving_at_low_yuan), float(b.saving_at_high_yuan)
            ax.barh(
                i,
                lo - base,
                left=base,
                color="#5B9BD5",
                label=self.tr("输入取低值") if i == 0 else None,
            )
            ax.barh(
                i,
                hi - base,
                left=base,
                color="#ED7D31",
                label=self.tr("输入取高值") if i == 0 else None,
            )
        ax.legend(fontsize=7, loc="lower right")
        ax.set_yticks(range(len(bars)))
        ax.set_yticklabels([b.title(i18n.lang()) for b in bars], fontsize=7)
        ax.axvline(base, color="#333333", linewidth=0.8)
        ax.set_title(self.tr("各输入取低/高值时的期望净节省（元）"), fontsize=9)
        ax.tick_params(axis="x", labelsize=7)
        self.chart_tornado.last_data = [b.key for b in bars]
        self.chart_tornado.draw()
