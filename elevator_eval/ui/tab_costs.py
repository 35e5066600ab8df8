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
    QDialog,
    QDialogButtonBox,
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

from ..errors import InputError
from . import i18n, labels
from .charts import ChartWidget, bar_chart
from .tab_base import HH_ROLE, UnitTab, table_item

translate = QCoreApplication.translate


def _param_names(kind: str) -> list[str]:
    from ..unitfile import SUBSIDY_TYPES
    return list(SUBSIDY_TYPES.get(kind, {}))


def tiers_text(tiers) -> str:
    """``[{min_storeys: 6, yuan: 100000}, …]`` as ``6:100000 4:80000``."""
    return " ".join(f"{t.get('min_storeys')}:{t.get('yuan')}" for t in tiers or [])


def parse_tiers(text: str, field: str) -> list[dict]:
    """``6:100000 4:80000`` (spaces, commas or semicolons between pairs) as tier dicts;
    the numbers are checked by :func:`elevator_eval.unitfile.parse_subsidy`."""
    from ..errors import InputError
    out = []
    for part in text.replace("，", " ").replace(",", " ").replace(";", " ").split():
        if ":" not in part.replace("：", ":"):
            raise InputError(field, f"write min_storeys:yuan pairs such as 6:100000 "
                                    f"4:80000, got {part!r}")
        lo, yuan = part.replace("：", ":").split(":", 1)
        out.append({"min_storeys": _number(lo), "yuan": yuan.strip()})
    return out


def _number(text: str):
    """A Decimal when the text is a number, else the text (the validator names it)."""
    try:
        return Decimal(text.strip())
    except (InvalidOperation, ValueError):
        return text.strip()


def subsidy_params_text(rule: dict, sep: str = "\n") -> str:
    """The parameters as a clerk reads them: ``补贴比例（%）：40`` one per line."""
    parts = []
    for k in _param_names(rule.get("type", "")):
        if k not in rule:
            continue
        v = tiers_text(rule[k]) if k == "tiers" else rule[k]
        parts.append(translate("CostsTab", "{label}：{value}").format(label=param_label(k),
                                                                    value=v))
    return sep.join(parts)


def subsidy_type_label(kind: str) -> str:
    try:
        from ..costshare_subsidy import SUBSIDY_TITLES
        zh, en = SUBSIDY_TITLES.get(kind, (kind, kind))
    except ImportError:
        zh = en = kind
    return i18n.pick(zh, en)


def param_label(name: str) -> str:
    return {"yuan": translate("CostsTab", "补贴金额（元）"),
            "percent": translate("CostsTab", "补贴比例（%）"),
            "cap_yuan": translate("CostsTab", "封顶金额（元）"),
            "base_yuan": translate("CostsTab", "基础金额（元）"),
            "base_stops": translate("CostsTab", "基础站数"),
            "step_yuan": translate("CostsTab", "每站增减（元）"),
            "max_yuan": translate("CostsTab", "最高金额（元）"),
            "reserved_shaft_yuan": translate("CostsTab", "预留井道时金额（元）"),
            "tiers": translate("CostsTab", "按层数分档（层数:元）"),
            }.get(name, name)


def explain_input_error(e) -> str:
    """One line naming the parameter: ``封顶金额（元）cap_yuan：必须填写``."""
    field = getattr(e, "field", "") or ""
    message = getattr(e, "message", str(e))
    name = field.rsplit(".", 1)[-1] if field else ""
    base = name.split("[", 1)[0]
    if i18n.lang() == "zh":
        for en, zh in (("is required", "必须填写"), ("must be a number", "必须是数字"),
                       ("must be a whole number", "必须是整数"),
                       ("must not be negative", "不能为负数"),
                       ("must be at most 100", "不能超过 100"),
                       ("must not be below base_yuan", "不能低于基础金额"),
                       ("write min_storeys:yuan pairs such as 6:100000 4:80000",
                        "请按“层数:元”填写，如 6:100000 4:80000"),
                       ("must be a non-empty list", "至少填一档")):
            if message.startswith(en):
                message = zh + message[len(en):].replace(", got", "，填的是")
                break
    label = param_label(base) if base else ""
    if label and label != base:
        return translate("CostsTab", "{label}（{field}）：{message}").format(
            label=label, field=field, message=message)
    return f"{field}: {message}" if field else message



def _parsed_subsidy(raw: dict, field: str) -> dict:
    """A subsidy rule from the parameters as typed in its form (numbers and tiers as text),
    validated by :func:`elevator_eval.unitfile.parse_subsidy`; ``InputError`` names the field."""
    from ..unitfile import parse_subsidy
    raw = dict(raw)
    for k, v in list(raw.items()):
        if k == "tiers" and isinstance(v, str):
            raw[k] = parse_tiers(v, f"{field}.tiers")
        elif k in _param_names(raw.get("type", "")) and isinstance(v, str):
            raw[k] = _number(v)
    return parse_subsidy(raw, field)

class SubsidyDialog(QDialog):
    """Parameters of a new subsidy rule of one type; OK validates through
    :func:`elevator_eval.unitfile.parse_subsidy` and keeps the dialog open on an error."""

    def __init__(self, tab, kind: str, parent=None, index: int | None = None,
                 rule: dict | None = None):
        super().__init__(parent or tab)
        self.tab = tab
        self.kind = kind
        self.index = index          # editing the index-th rule (None: a new rule)
        self.setObjectName("SubsidyDialog")
        self.setWindowTitle((self.tr("添加补贴：{0}") if index is None else
                             self.tr("修改补贴：{0}")).format(subsidy_type_label(kind)))
        from ..unitfile import SUBSIDY_TYPES
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name, (_kind, required) in SUBSIDY_TYPES[kind].items():
            edit = QLineEdit()
            edit.setObjectName(f"param_{name}")
            if name == "tiers":
                edit.setPlaceholderText("6:100000 4:80000")
                edit.setToolTip(self.tr("每档“最低层数:金额”，空格分隔；取满足条件的最高一档"))
            label = param_label(name)
            if not required:
                label += self.tr("（可选）")
            form.addRow(label, edit)
            self.fields[name] = edit
            if rule is not None and name in rule:
                edit.setText(tiers_text(rule[name]) if name == "tiers" else str(rule[name]))
        self.error = QLabel()
        self.error.setObjectName("SubsidyError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#c62828")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        self.setMinimumWidth(420)
        lay.addWidget(buttons)

    def raw(self) -> dict:
        out = {"type": self.kind}
        for name, edit in self.fields.items():
            text = edit.text().strip()
            if text:
                out[name] = text
        return out

    def try_accept(self) -> None:
        message = self.tab.add_subsidy(self.raw()) if self.index is None else \
            self.tab.replace_subsidy(self.index, self.raw())
        if message:
            self.error.setText(message)
            self.adjustSize()
            return
        self.accept()


class CostsTab(UnitTab):
    name = "costs"

    def __init__(self, doc, parent=None):
        super().__init__(doc, parent)
        self._loading = False
        self.result = None

        # --- method and settings
        self.method = QComboBox()
        self.method.setObjectName("MethodCombo")
        from ..costshare import METHODS
        for m in METHODS:
            self.method.addItem(labels.method_label(m), m)
            self.method.setItemData(self.method.count() - 1,
                                    self.tr("来源：") + labels.method_source(m), Qt.ToolTipRole)
        self.method.currentIndexChanged.connect(self._method_chosen)
        self.method.setToolTip(self.tr("分摊方法；每种方法的来源见下拉项提示"))
        self.rounding = QLineEdit()
        self.rounding.setObjectName("RoundingEdit")
        self.rounding.setToolTip(self.tr("每户金额取整到该值的整数倍（元）；尾差按最大余数法分配"))
        self.rounding.editingFinished.connect(self._rounding_edited)
        self.coeffs = QTableWidget(0, 3)
        self.coeffs.setObjectName("CoefficientTable")
        self.coeffs.setHorizontalHeaderLabels([self.tr("楼层"), self.tr("系数"), self.tr("免缴")])
        self.coeffs.horizontalHeaderItem(1).setToolTip(self.tr(
            "楼层受益系数；空白时使用所选系数表（应用默认表见规则集）"))
        self.coeffs.horizontalHeaderItem(2).setToolTip(self.tr(
            "免缴楼层不分摊建设费用（常见为一层，见领域参考 §2.3）"))
        self.coeffs.verticalHeader().hide()
        self.coeffs.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.coeffs.itemChanged.connect(self._coeff_edited)
        self.coeff_source = QLabel()
        self.coeff_source.setWordWrap(True)

        self.subsidies = QTableWidget(0, 3)
        self.subsidies.setObjectName("SubsidyTable")
        self.subsidies.setHorizontalHeaderLabels([self.tr("补贴"), self.tr("参数"),
                                                  self.tr("金额（元）")])
        self.subsidies.verticalHeader().hide()
        sh = self.subsidies.horizontalHeader()
        sh.setSectionResizeMode(0, QHeaderView.Stretch)             # names wrap
        sh.setSectionResizeMode(1, QHeaderView.ResizeToContents)    # numbers do not
        sh.sectionResized.connect(lambda *_: self.subsidies.resizeRowsToContents())
        sh.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.subsidies.itemDoubleClicked.connect(
            lambda item: self.open_subsidy_editor(item.row()))
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
        from ..unitfile import SUBSIDY_TYPES
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
        self.remove_subsidy_btn.clicked.connect(lambda: self.remove_subsidy(
            self.subsidies.currentRow()))
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
        self.comp_mode.setToolTip(self.tr("低层住户补偿（领域参考 §2.3），由付费住户按分摊比例出资"))

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

        # --- results
        self.summary = QLabel()
        self.summary.setObjectName("ShareSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("ShareTable")
        self.table.setHorizontalHeaderLabels([t.replace(" (", "\n(") for t in (
            self.tr("门牌"), self.tr("楼层"), self.tr("面积（m²）"), self.tr("分摊（元）"),
            self.tr("补偿（元）"), self.tr("公积金（元）"), self.tr("自付（元）"),
            self.tr("年运行费（元）"))])   # English units on a second line
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
        from .consensus_panel import ConsensusPanel
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
        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([360, 700])
        QHBoxLayout(self).addWidget(split)
        self._chart_stale = True
        self._compare_stale = True

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
        except Exception as e:   # bad settings: say which field, keep the editor usable
            self.result, error = None, str(e)
        self._fill_result(error)
        self._chart_stale = True
        self._compare_stale = True
        self._draw_lazy()

    def _fill_coefficients(self, unit) -> None:
        from ..costshare import coefficients_for
        try:
            coeffs, table = coefficients_for(unit)
        except Exception:
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
            self.tr("系数来自系数表：{0}（修改任一系数即改为本单元自定系数）").format(table)
            if table else self.tr("本单元自定系数"))

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
            self.summary.setText("<span style='color:#c62828'>" +
                                 self.tr("无法计算分摊：{0}").format(error or "") + "</span>")
            self.table.setRowCount(0)
            return
        parts = [self.tr("方法：{0}").format(i18n.pick(r.method_title_zh, r.method_title_en)),
                 self.tr("总造价 {0}").format(labels.yuan(r.total_yuan)),
                 self.tr("补贴 {0}").format(labels.yuan(r.subsidy_yuan)),
                 self.tr("业主合计 {0}").format(labels.yuan(r.owners_total_yuan))]
        if r.compensation_pool_yuan:
            parts.append(self.tr("补偿池 {0}").format(labels.yuan(r.compensation_pool_yuan)))
        parts.append(self.tr("年运行费 {0}").format(labels.yuan(r.annual_running_total_yuan)))
        html = " · ".join(parts)
        html += "<br><small>" + self.tr("来源：") + html_escape(
            labels.public_source(r.method_source)) + "</small>"
        for w in r.warnings:
            html += f"<br><span style='color:#e65100'>{w}</span>"
        self.summary.setText(html)
        self.summary.setToolTip(labels.public_source(r.method_source))
        hs = sorted(r.households, key=lambda h: (-h.floor, h.id))
        self.table.setRowCount(len(hs))
        for i, h in enumerate(hs):
            vals = [h.id, h.floor, h.area_m2, labels.yuan(h.share_yuan),
                    labels.yuan(h.compensation_yuan), labels.yuan(h.provident_fund_yuan),
                    labels.yuan(h.net_out_of_pocket_yuan), labels.yuan(h.annual_running_yuan)]
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
        bar_chart(self.chart, [h.id for h in hs], [h.share_yuan for h in hs],
                  self.tr("各户建设出资（{0}）").format(
                      i18n.pick(r.method_title_zh, r.method_title_en)),
                  self.tr("元"))
        self._chart_stale = False

    def fill_compare(self) -> None:
        from ..costshare_compare import compare_methods
        try:
            cmp_ = compare_methods(self.doc.unit(self.unit_id))
        except Exception as e:
            self.compare.setRowCount(1)
            self.compare.setColumnCount(1)
            self.compare.setItem(0, 0, table_item(str(e)))
            return
        rows = cmp_.rows
        hh = cmp_.households
        self.compare.setColumnCount(len(rows))
        self.compare.setRowCount(len(hh) + 2)
        self.compare.setHorizontalHeaderLabels([i18n.pick(m.title_zh, m.title_en) for m in rows])
        for c, m in enumerate(rows):
            self.compare.horizontalHeaderItem(c).setToolTip(
                self.tr("来源：") + labels.method_source(m.method))
        self.compare.setVerticalHeaderLabels([f"{i} ({f})" for i, f in hh] +
                                             [self.tr("最高/最低"), self.tr("顶层/二层")])
        for c, m in enumerate(rows):
            for r, (hid, _f) in enumerate(hh):
                self.compare.setItem(r, c, table_item(labels.yuan(m.shares_yuan.get(hid))))
            ratio = m.max_min_ratio
            self.compare.setItem(len(hh), c, table_item("—" if ratio is None else
                                                   f"{float(ratio):.2f}"))
            ratio = m.top_vs_second_ratio
            self.compare.setItem(len(hh) + 1, c, table_item("—" if ratio is None else
                                                       f"{float(ratio):.2f}"))
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
        self.doc.set_value(self.unit_id, lambda u: u.share, "method", self.method.currentData(),
                           self.tr("分摊方法：{0}").format(self.method.currentText()))

    def _rounding_edited(self) -> None:
        if self._loading:
            return
        try:
            value = Decimal(self.rounding.text().strip())
            if value <= 0:
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            self.rounding.setStyleSheet("background:#ffcdd2")
            return
        self.rounding.setStyleSheet("")
        self.doc.set_value(self.unit_id, lambda u: u.share, "rounding_yuan", value,
                           self.tr("修改取整单位"))

    def _coeff_edited(self, item: QTableWidgetItem) -> None:
        if self._loading or self.unit_id is None:
            return
        unit = self.doc.unit(self.unit_id)
        floor = item.data(Qt.UserRole)
        if item.column() == 2:
            exempt = sorted(set(unit.share.exempt_floors) ^ {floor})
            self.doc.set_value(self.unit_id, lambda u: u.share, "exempt_floors", exempt,
                               self.tr("修改免缴楼层"))
            return
        from ..costshare import coefficients_for
        try:
            base, _t = coefficients_for(unit)
        except Exception:
            base = {}
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
        self.doc.set_value(self.unit_id, lambda u: u.share, "coefficients", coeffs,
                           self.tr("修改 {0} 层系数").format(floor))

    def _subsidy_selection(self) -> None:
        rows = {i.row() for i in self.subsidies.selectedItems()}
        self.remove_subsidy_btn.setEnabled(bool(rows))

    def _fill_city_menu(self) -> None:
        from ..costshare_tables import list_subsidy_rules, load_subsidy_rules
        self.city_menu.clear()
        settings = self.doc.project.settings
        try:
            names = list_subsidy_rules(settings)
        except Exception:
            names = []
        for name in names:
            try:
                data = load_subsidy_rules(name, settings=settings)
            except Exception:
                continue
            act = self.city_menu.addAction(f"{name} — {i18n.pick_attr(data, 'title')}")
            act.setData(name)
            act.setToolTip(self.tr("来源：") + str(data.get("source", "")))
            act.triggered.connect(lambda _=False, n=name: self.apply_city_rules(n))

    def open_subsidy_dialog(self, kind: str) -> "SubsidyDialog":
        """Ask for the parameters of a new ``kind`` rule (window-modal, not blocking)."""
        dlg = SubsidyDialog(self, kind, self.window())
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.setWindowModality(Qt.WindowModal)
        dlg.open()
        self.subsidy_dialog = dlg
        return dlg

    def add_subsidy(self, raw: dict) -> str | None:
        """Append a subsidy rule (one undoable edit). Returns None, or a message naming
        the bad parameter when :func:`parse_subsidy` refuses it (nothing is changed)."""
        unit = self.doc.unit(self.unit_id)
        field = f"subsidies[{len(unit.subsidies)}]"
        raw = dict(raw)
        try:
            rule = _parsed_subsidy(raw, field)
        except InputError as e:
            return explain_input_error(e)
        rules = copy.deepcopy(unit.subsidies) + [rule]
        self.doc.set_value(self.unit_id, lambda u: u, "subsidies", rules,
                           self.tr("添加补贴：{0}").format(subsidy_type_label(rule["type"])))
        return None

    def open_subsidy_editor(self, row: int):
        """The form of the ``row``-th rule, filled in; OK replaces the rule (undoable)."""
        unit = self.doc.unit(self.unit_id)
        if not 0 <= row < len(unit.subsidies):
            return None
        rule = unit.subsidies[row]
        try:
            if self.subsidy_dialog is not None:
                self.subsidy_dialog.close()
        except RuntimeError:      # already deleted
            pass
        dlg = SubsidyDialog(self, rule["type"], self.window(), index=row, rule=rule)
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.destroyed.connect(lambda _=None: setattr(self, "subsidy_dialog", None))
        self.subsidy_dialog = dlg
        dlg.open()
        return dlg

    def replace_subsidy(self, row: int, raw: dict) -> str | None:
        """Replace the ``row``-th rule by ``raw`` (parameters as typed); None or a message."""
        unit = self.doc.unit(self.unit_id)
        field = f"subsidies[{row}]"
        old = unit.subsidies[row]
        keep = {k: v for k, v in old.items() if k not in _param_names(old["type"])}
        raw = {**keep, **raw}
        try:
            rule = _parsed_subsidy(raw, field)
        except InputError as e:
            return explain_input_error(e)
        rules = copy.deepcopy(unit.subsidies)
        rules[row] = rule
        self.doc.set_value(self.unit_id, lambda u: u, "subsidies", rules, self.tr("修改补贴"))
        return None

    def remove_subsidy(self, row: int) -> None:
        """Remove the ``row``-th subsidy rule (one undoable edit)."""
        unit = self.doc.unit(self.unit_id)
        if not 0 <= row < len(unit.subsidies):
            return
        rules = copy.deepcopy(unit.subsidies)
        gone = rules.pop(row)
        self.doc.set_value(self.unit_id, lambda u: u, "subsidies", rules,
                           self.tr("删除补贴：{0}").format(subsidy_type_label(gone["type"])))

    def apply_city_rules(self, name: str) -> str | None:
        """Replace the unit's subsidies by a city's rule set (one undoable edit)."""
        from ..costshare_tables import load_subsidy_rules
        try:
            data = load_subsidy_rules(name, settings=self.doc.project.settings)
        except InputError as e:
            self.summary.setText(explain_input_error(e))
            return str(e)
        rules = []
        for r in data["rules"]:
            r = dict(r)
            r.setdefault("rule_set", name)
            rules.append(r)
        self.doc.set_value(self.unit_id, lambda u: u, "subsidies", rules,
                           self.tr("采用补贴规则：{0}").format(i18n.pick_attr(data, "title")))
        return None

    def _compensation_edited(self) -> None:
        if self._loading or self.unit_id is None:
            return
        mode = self.comp_mode.currentData()
        if mode is None:
            new = None
        else:
            try:
                value = Decimal(self.comp_value.text().strip() or "0")
                floors = [int(x) for x in self.comp_floors.text().replace("，", ",").split(",")
                          if x.strip()]
            except (InvalidOperation, ValueError):
                self.summary.setText(self.tr("补偿设置有误"))
                return
            new = {"mode": mode, "floors": floors or [1],
                   ("yuan" if mode == "per_household" else "percent"): value}
        unit = self.doc.unit(self.unit_id)
        if unit.share.extra.get("compensation") == new:
            return
        extra = copy.deepcopy(unit.share.extra)
        if new is None:
            extra.pop("compensation", None)
        else:
            extra["compensation"] = new
        self.doc.set_value(self.unit_id, lambda u: u.share, "extra", extra,
                           self.tr("修改低层补偿"))

    # ------------------------------------------------------------------ for tests
    def share_of(self, household_id: str) -> str:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).text() == household_id:
                return self.table.item(r, 3).text()
        raise KeyError(household_id)
