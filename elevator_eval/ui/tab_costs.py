"""Cost sharing: method chooser, coefficient editor (with exempt floors), subsidies,
compensation, the per-household table and chart, every method side by side, and the
consensus finder. All amounts come from :mod:`elevator_eval.costshare`."""

from __future__ import annotations

import copy
from decimal import Decimal, InvalidOperation
from html import escape as html_escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import vocabulary
from ..budget_checks import pipe_relocation_note, unneeded_pipe_relocation
from ..costshare import METHODS
from ..errors import InputError
from ..rulebook import choices
from ..unitfile import SUBSIDY_TYPES
from . import i18n, labels
from .charts import ChartWidget, bar_chart
from .consensus_panel import ConsensusPanel
from .cost_subsidies import (
    SubsidyEdits,
    subsidy_params_text,
    subsidy_type_label,
)
from .tab_base import HH_ROLE, UnitTab, table_item

translate = QCoreApplication.translate


class CostsTab(SubsidyEdits, UnitTab):
    name = "costs"

    def __init__(self, doc, parent=None):
        super().__init__(doc, parent)
        self._loading = False
        self.result = None

        self._make_inputs()
        scroll = self._settings_panel()
        right = self._results_panel(doc)
        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([360, 700])
        QHBoxLayout(self).addWidget(split)
        self._chart_stale = True
        self._compare_stale = True

    def _make_inputs(self) -> None:
        """The method, rounding, coefficient, subsidy and compensation inputs."""
        # Long: the inputs in the order of the form, each with its source and signals
        self.method = QComboBox()
        self.method.setObjectName("MethodCombo")
        for m in METHODS:
            self.method.addItem(labels.method_label(m), m)
            self.method.setItemData(
                self.method.count() - 1, self.tr("来源：") + labels.method_source(m), Qt.ToolTipRole
            )
        self.method.currentIndexChanged.connect(self._method_chosen)
        self.method.setToolTip(self.tr("分摊方法；每种方法的来源见下拉项提示"))
        self.rounding = QLineEdit()
        self.rounding.setObjectName("RoundingEdit")
        self.rounding.setToolTip(self.tr("每户金额取整到该值的整数倍（元）；尾差按最大余数法分配"))
        self.rounding.editingFinished.connect(self._rounding_edited)
        self.coeffs = QTableWidget(0, 3)
        self.coeffs.setObjectName("CoefficientTable")
        self.coeffs.setHorizontalHeaderLabels([self.tr("楼层"), self.tr("系数"), self.tr("免缴")])
        self.coeffs.horizontalHeaderItem(1).setToolTip(
            self.tr("楼层受益系数；空白时使用所选系数表（应用默认表见规则集）")
        )
        self.coeffs.horizontalHeaderItem(2).setToolTip(
            self.tr("免缴楼层不分摊建设费用（常见为一层；有的地方一、二层都不出资）")
        )
        self.coeffs.verticalHeader().hide()
        self.coeffs.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.coeffs.itemChanged.connect(self._coeff_edited)
        self.coeff_source = QLabel()
        self.coeff_source.setWordWrap(True)

        self.subsidies = QTableWidget(0, 3)
        self.subsidies.setObjectName("SubsidyTable")
        self.subsidies.setHorizontalHeaderLabels(
            [self.tr("补贴"), self.tr("参数"), self.tr("金额（元）")]
        )
        self.subsidies.verticalHeader().hide()
        sh = self.subsidies.horizontalHeader()
        sh.setSectionResizeMode(0, QHeaderView.Stretch)  # names wrap
        sh.setSectionResizeMode(1, QHeaderView.ResizeToContents)  # numbers do not
        sh.sectionResized.connect(lambda *_: self.subsidies.resizeRowsToContents())
        sh.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.subsidies.itemDoubleClicked.connect(lambda item: self.open_subsidy_editor(item.row()))
        self.subsidies.setEditTriggers(QTableWidget.NoEditTriggers)
        self.subsidies.setToolTip(self.tr("双击一行修改补贴参数"))
        self.subsidies.setWordWrap(True)
        self.subsidies.setSelectionBehavior(QTableWidget.SelectRows)
        self.subsidies.setSelectionMode(QTableWidget.SingleSelection)
        self.subsidies.itemSelectionChanged.connect(self._subsidy_selection)
        self.add_subsidy_btn = QPushButton(self.tr("添加补贴"))
        self.add_subsidy_btn.setObjectName("AddSubsidy")
        self.add_subsidy_btn.setToolTip(self.tr("按类型添加一条补贴，或采用某城市的补贴规则"))
        self.add_subsidy_menu = QMenu(self.add_subsidy_btn)
        self.add_subsidy_menu.setObjectName("AddSubsidyMenu")
        for kind in SUBSIDY_TYPES:
            act = self.add_subsidy_menu.addAction(subsidy_type_label(kind) + "…")
            act.setData(kind)
            act.triggered.connect(lambda _=False, k=kind: self.open_subsidy_dialog(k))
        self.add_subsidy_menu.addSeparator()
        self.city_menu = self.add_subsidy_menu.addMenu(self.tr("采用城市补贴规则（替换现有补贴）"))
        self.city_menu.setObjectName("CitySubsidyMenu")
        self.city_menu.setToolTipsVisible(True)
        self.city_menu.aboutToShow.connect(self._fill_city_menu)
        self.add_subsidy_btn.setMenu(self.add_subsidy_menu)
        self.remove_subsidy_btn = QPushButton(self.tr("删除"))
        self.remove_subsidy_btn.setObjectName("RemoveSubsidy")
        self.remove_subsidy_btn.setToolTip(self.tr("删除选中的补贴（可撤销）"))
        self.remove_subsidy_btn.setEnabled(False)
        self.remove_subsidy_btn.clicked.connect(
            lambda: self.remove_subsidy(self.subsidies.currentRow())
        )
        self.subsidy_dialog = None

        self.comp_mode = QComboBox()
        self.comp_mode.setObjectName("CompensationMode")
        self.comp_mode.addItem(self.tr("无补偿"), None)
        self.comp_mode.addItem(self.tr("每户定额（元）"), "per_household")
        self.comp_mode.addItem(self.tr("占总价百分比"), "percent_of_total")
        self.comp_value = QLineEdit()
        self.comp_value.setObjectName("CompensationValue")
        self.comp_floors = QLineEdit()
        self.comp_floors.setPlaceholderText(self.tr("受补偿楼层，如 1,2"))
        for w in (self.comp_value, self.comp_floors):
            w.editingFinished.connect(self._compensation_edited)
        self.comp_mode.currentIndexChanged.connect(lambda _i: self._compensation_edited())
        self.comp_mode.setToolTip(
            self.tr(
                "给低层住户的补偿，由付费住户按各自的分摊比例出资（各地做法不一，由业主协商确定）"
            )
        )

    def _settings_panel(self) -> QScrollArea:
        """The inputs laid out in a scrolling column."""
        settings = QWidget()
        sl = QVBoxLayout(settings)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(self.tr("分摊方法"), self.method)
        form.addRow(self.tr("取整单位（元）"), self.rounding)
        sl.addLayout(form)
        sl.addWidget(QLabel(self.tr("楼层系数与免缴楼层")))
        sl.addWidget(self.coeffs, 2)
        sl.addWidget(self.coeff_source)
        sub_head = QHBoxLayout()
        sub_head.addWidget(QLabel(self.tr("补贴")), 1)
        sub_head.addWidget(self.add_subsidy_btn)
        sub_head.addWidget(self.remove_subsidy_btn)
        sl.addLayout(sub_head)
        sl.addWidget(self.subsidies, 1)
        comp_box = QGroupBox(self.tr("低层补偿"))
        cf = QFormLayout(comp_box)
        cf.setRowWrapPolicy(QFormLayout.WrapLongRows)
        cf.addRow(self.tr("方式"), self.comp_mode)
        cf.addRow(self.tr("金额或百分比"), self.comp_value)
        cf.addRow(self.tr("受补偿楼层"), self.comp_floors)
        sl.addWidget(comp_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(settings)
        scroll.setMinimumWidth(330)
        return scroll

    def _results_panel(self, doc) -> QWidget:
        """The summary above the per-household table and chart, the methods side by side
        and the consensus finder."""
        self.summary = QLabel()
        self.summary.setObjectName("ShareSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("ShareTable")
        self.table.setHorizontalHeaderLabels(
            [
                t.replace(" (", "\n(")
                for t in (
                    self.tr("门牌"),
                    self.tr("楼层"),
                    self.tr("面积（m²）"),
                    self.tr("分摊（元）"),
                    self.tr("补偿（元）"),
                    self.tr("公积金（元）"),
                    self.tr("自付（元）"),
                    self.tr("年运行费（元）"),
                )
            ]
        )  # English units on a second line
        self.table.horizontalHeaderItem(4).setToolTip(self.tr("负数为收到补偿，正数为出资"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.chart = ChartWidget()
        self.chart.setObjectName("ShareChart")
        self.compare = QTableWidget(0, 0)
        self.compare.setObjectName("CompareTable")
        self.compare.setEditTriggers(QTableWidget.NoEditTriggers)
        cons = self.consensus = ConsensusPanel(doc)
        self.consensus_btn = cons.button
        self.consensus_label = cons.label
        self.consensus_table = cons.table

        self.result_tabs = QTabWidget()
        self.result_tabs.setObjectName("ShareResultTabs")
        per_hh = QSplitter(Qt.Vertical)
        per_hh.addWidget(self.table)
        per_hh.addWidget(self.chart)
        per_hh.setSizes([330, 260])
        self.per_household = per_hh
        self.result_tabs.addTab(per_hh, self.tr("各户分摊与图表"))
        self.result_tabs.addTab(self.compare, self.tr("方法对比"))
        self.result_tabs.addTab(cons, self.tr("共识方案"))
        self.result_tabs.currentChanged.connect(lambda _i: self._draw_lazy())
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.summary)
        rl.addWidget(self.result_tabs, 1)
        return right

    # ------------------------------------------------------------------ refresh
    def refresh(self) -> None:
        unit = self.doc.unit(self.unit_id)
        self._loading = True
        try:
            i = self.method.findData(unit.share.method)
            self.method.setCurrentIndex(max(i, 0))
            self.rounding.setText(str(unit.share.rounding_yuan))
            self._fill_coefficients(unit)
            self._fill_subsidies(unit)
            self._fill_compensation(unit)
            self.consensus.set_unit(self.unit_id)
            self.consensus.refresh(unit)
        finally:
            self._loading = False
        try:
            self.result = self.doc.shares(self.unit_id)
            error = None
        except Exception as e:  # bad settings: say which field, keep the editor usable
            self.result, error = None, i18n.error_text(e)
        self._fill_result(error)
        self._chart_stale = True
        self._compare_stale = True
        self._draw_lazy()

    def _fill_coefficients(self, unit) -> None:
        try:
            coeffs, table = self.doc.coefficients(self.unit_id)
        except InputError:  # a table that does not apply: the shares' error says which
            coeffs, table = {}, None
        storeys = unit.building.storeys
        self.coeffs.setRowCount(storeys)
        for r, floor in enumerate(range(storeys, 0, -1)):
            self.coeffs.setItem(r, 0, table_item(floor, align=Qt.AlignCenter))
            c = table_item(coeffs.get(floor, ""), editable=True)
            c.setData(Qt.UserRole, floor)
            if table:
                c.setForeground(Qt.gray)
            self.coeffs.setItem(r, 1, c)
            ex = table_item("", align=Qt.AlignCenter)
            ex.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable | Qt.ItemIsSelectable)
            ex.setCheckState(Qt.Checked if floor in unit.share.exempt_floors else Qt.Unchecked)
            ex.setData(Qt.UserRole, floor)
            self.coeffs.setItem(r, 2, ex)
        self.coeff_source.setText(
            self.tr("系数来自系数表“{0}”{1}；修改任一系数即改为本单元自定系数").format(
                *self._table_title(table)
            )
            if table
            else self.tr("本单元自定系数")
        )

    def _table_title(self, name: str) -> tuple[str, str]:
        """A coefficient table's title in the window's language and its name in brackets
        (the name the settings and the command line know it by)."""
        for rf in choices("coefficients", self.doc.project.settings):
            if rf.name == name:
                return i18n.pick(rf.title_zh, rf.title_en), i18n.aside(name)
        return name, ""

    def _fill_subsidies(self, unit) -> None:
        lines = self.result.subsidy_lines if self.result is not None else []
        try:
            from ..costshare_subsidy import subsidy_total

            _total, lines = subsidy_total(unit)
        except Exception:
            pass
        self.subsidies.setRowCount(len(unit.subsidies))
        for r, rule in enumerate(unit.subsidies):
            line = lines[r] if r < len(lines) else None
            title = i18n.pick(line.title_zh, line.title_en) if line else rule.get("type")
            t = table_item(title, align=Qt.AlignLeft | Qt.AlignVCenter)
            t.setToolTip(rule.get("type", ""))
            self.subsidies.setItem(r, 0, t)
            p = table_item(subsidy_params_text(rule), align=Qt.AlignLeft | Qt.AlignVCenter)
            p.setToolTip(self.tr("双击修改参数"))
            t.setToolTip(title)
            p.setData(Qt.UserRole, r)
            self.subsidies.setItem(r, 1, p)
            self.subsidies.setItem(r, 2, table_item(labels.yuan(line.amount_yuan) if line else ""))
        self.subsidies.resizeRowsToContents()
        self._subsidy_selection()

    def _fill_compensation(self, unit) -> None:
        comp = unit.share.extra.get("compensation") or {}
        mode = comp.get("mode") if comp else None
        self.comp_mode.setCurrentIndex(max(self.comp_mode.findData(mode), 0))
        value = comp.get("yuan", comp.get("percent", "")) if comp else ""
        self.comp_value.setText(str(value))
        self.comp_floors.setText(",".join(str(f) for f in comp.get("floors", [])) if comp else "")

    def _fill_result(self, error: str | None) -> None:
        r = self.result
        if r is None:
            self.summary.setText(
                "<span style='color:#c62828'>"
                + self.tr("无法计算分摊：{0}").format(error or "")
                + "</span>"
            )
            self.table.setRowCount(0)
            return
        parts = [
            self.tr("方法：{0}").format(i18n.pick(r.method_title_zh, r.method_title_en)),
            self.tr("总造价 {0}").format(labels.yuan(r.total_yuan)),
            self.tr("补贴 {0}").format(labels.yuan(r.subsidy_yuan)),
            self.tr("业主合计 {0}").format(labels.yuan(r.owners_total_yuan)),
        ]
        if r.compensation_pool_yuan:
            parts.append(self.tr("补偿池 {0}").format(labels.yuan(r.compensation_pool_yuan)))
        parts.append(self.tr("年运行费 {0}").format(labels.yuan(r.annual_running_total_yuan)))
        html = " · ".join(parts)
        html += (
            "<br><small>"
            + self.tr("来源：")
            + html_escape(labels.method_source(r.method))
            + "</small>"
        )
        notes = [i18n.pick(*vocabulary.split_bilingual(w)) for w in r.warnings]
        pipes = unneeded_pipe_relocation(self.doc.unit(self.unit_id))
        if pipes is not None:  # the same check as the printed proposal's budget
            notes.append(i18n.pick(*pipe_relocation_note(pipes)))
        for text in notes:  # the engine's "中文 / English": this language's half
            html += f"<br><span style='color:#e65100'>{html_escape(text)}</span>"
        self.summary.setText(html)
        self.summary.setToolTip(labels.source_as_found(r.method_source))
        hs = sorted(r.households, key=lambda h: (-h.floor, h.id))
        self.table.setRowCount(len(hs))
        for i, h in enumerate(hs):
            vals = [
                h.id,
                h.floor,
                h.area_m2,
                labels.yuan(h.share_yuan),
                labels.yuan(h.compensation_yuan),
                labels.yuan(h.provident_fund_yuan),
                labels.yuan(h.net_out_of_pocket_yuan),
                labels.yuan(h.annual_running_yuan),
            ]
            for c, v in enumerate(vals):
                it = table_item(v)
                it.setData(HH_ROLE, h.id)
                self.table.setItem(i, c, it)

    def _draw_lazy(self) -> None:
        if self.result is None:
            return
        current = self.result_tabs.currentWidget()
        if current is self.per_household and self._chart_stale:
            self.draw_chart()
        if current is self.compare and self._compare_stale:
            self.fill_compare()

    def draw_chart(self) -> None:
        r = self.result
        if r is None:
            return
        hs = sorted(r.households, key=lambda h: (h.floor, h.id))
        bar_chart(
            self.chart,
            [h.id for h in hs],
            [h.share_yuan for h in hs],
            self.tr("各户建设出资（{0}）").format(i18n.pick(r.method_title_zh, r.method_title_en)),
            self.tr("元"),
        )
        self._chart_stale = False

    def fill_compare(self) -> None:
        try:
            cmp_ = self.doc.compare(self.unit_id)
        except Exception as e:
            self.compare.setRowCount(1)
            self.compare.setColumnCount(1)
            self.compare.setItem(0, 0, table_item(i18n.error_text(e)))
            return
        rows = cmp_.rows
        hh = cmp_.households
        self.compare.setColumnCount(len(rows))
        self.compare.setRowCount(len(hh) + 2)
        self.compare.setHorizontalHeaderLabels([i18n.pick(m.title_zh, m.title_en) for m in rows])
        for c, m in enumerate(rows):
            self.compare.horizontalHeaderItem(c).setToolTip(
                self.tr("来源：") + labels.method_source(m.method)
            )
        self.compare.setVerticalHeaderLabels(
            [f"{i} ({f})" for i, f in hh] + [self.tr("最高/最低"), self.tr("顶层/二层")]
        )
        for c, m in enumerate(rows):
            for r, (hid, _f) in enumerate(hh):
                self.compare.setItem(r, c, table_item(labels.yuan(m.shares_yuan.get(hid))))
            ratio = m.max_min_ratio
            self.compare.setItem(
                len(hh), c, table_item("—" if ratio is None else f"{float(ratio):.2f}")
            )
            ratio = m.top_vs_second_ratio
            self.compare.setItem(
                len(hh) + 1, c, table_item("—" if ratio is None else f"{float(ratio):.2f}")
            )
        self.compare.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        skipped = [f"{labels.method_label(k)}: {v}" for k, v in cmp_.skipped.items()]
        self.compare.setToolTip("\n".join(skipped))
        self._compare_stale = False

    def run_consensus(self):
        """Run the consensus finder (see :class:`.consensus_panel.ConsensusPanel`)."""
        self.consensus_task = self.consensus.run()
        return self.consensus_task

    # ------------------------------------------------------------------ edits
    def _method_chosen(self, _i) -> None:
        if self._loading or self.unit_id is None:
            return
        self.doc.set_value(
            self.unit_id,
            lambda u: u.share,
            "method",
            self.method.currentData(),
            self.tr("分摊方法：{0}").format(self.method.currentText()),
        )

    def _rounding_edited(self) -> None:
        if self._loading:
            return
        try:
            value = Decimal(self.rounding.text().strip())
            if not value.is_finite() or value <= 0:
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            self.rounding.setStyleSheet("background:#ffcdd2")
            self.summary.setText(
                self.tr("取整单位须为大于 0 的金额（元），如 1、10、100；仍按原值计算")
            )
            return
        self.rounding.setStyleSheet("")
        self.doc.set_value(
            self.unit_id, lambda u: u.share, "rounding_yuan", value, self.tr("修改取整单位")
        )

    def _coeff_edited(self, item: QTableWidgetItem) -> None:
        if self._loading or self.unit_id is None:
            return
        unit = self.doc.unit(self.unit_id)
        floor = item.data(Qt.UserRole)
        if item.column() == 2:
            exempt = sorted(set(unit.share.exempt_floors) ^ {floor})
            self.doc.set_value(
                self.unit_id, lambda u: u.share, "exempt_floors", exempt, self.tr("修改免缴楼层")
            )
            return
        try:
            base, _t = self.doc.coefficients(self.unit_id)
        except InputError as e:  # no table to start from: edit nothing, say why
            self.refresh()
            self.summary.setText(i18n.error_text(e))
            return
        coeffs = dict(base)
        text = item.text().strip()
        try:
            if text:
                value = Decimal(text)
                if value < 0:
                    raise InvalidOperation
                coeffs[floor] = value
            else:
                coeffs.pop(floor, None)
        except (InvalidOperation, ValueError):
            self.refresh()
            self.summary.setText(self.tr("系数必须是非负数：{0}").format(text))
            return
        self.doc.set_value(
            self.unit_id,
            lambda u: u.share,
            "coefficients",
            coeffs,
            self.tr("修改 {0} 层系数").format(floor),
        )

    def _compensation_edited(self) -> None:
        if self._loading or self.unit_id is None:
            return
        mode = self.comp_mode.currentData()
        if mode is None:
            new = None
        else:
            try:
                value = Decimal(self.comp_value.text().strip() or "0")
                floors = [
                    int(x)
                    for x in self.comp_floors.text().replace("，", ",").split(",")
                    if x.strip()
                ]
            except (InvalidOperation, ValueError):
                self.summary.setText(
                    self.tr("补偿设置有误：金额或比例须为数字，楼层须为整数（以逗号分隔）")
                )
                return
            new = {
                "mode": mode,
                "floors": floors or [1],
                ("yuan" if mode == "per_household" else "percent"): value,
            }
            if not self._compensation_valid(new):
                return
        unit = self.doc.unit(self.unit_id)
        if unit.share.extra.get("compensation") == new:
            return
        extra = copy.deepcopy(unit.share.extra)
        if new is None:
            extra.pop("compensation", None)
        else:
            extra["compensation"] = new
        self.doc.set_value(self.unit_id, lambda u: u.share, "extra", extra, self.tr("修改低层补偿"))

    def _compensation_valid(self, new: dict) -> bool:
        """Whether the engine takes ``new`` for the unit (else its reason is shown, by the
        field's label, and nothing is stored)."""
        from ..costshare_options import compensation_settings

        trial = copy.deepcopy(self.doc.unit(self.unit_id))
        trial.share.extra["compensation"] = new
        try:
            compensation_settings(trial)
        except InputError as e:
            labels_ = {
                "share.compensation.yuan": self.tr("补偿金额"),
                "share.compensation.percent": self.tr("补偿比例"),
            }
            self.summary.setText(self.tr("补偿设置未采用：{0}").format(i18n.error_text(e, labels_)))
            return False
        return True

    # ------------------------------------------------------------------ for tests
    def share_of(self, household_id: str) -> str:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).text() == household_id:
                return self.table.item(r, 3).text()
        raise KeyError(household_id)
