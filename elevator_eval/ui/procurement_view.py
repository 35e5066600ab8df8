"""Procurement workspace: quotes table, fit matrix (units × products), life-cycle cost and
tender scores, and the sensitivity of the ranking to the price weight. Everything is
computed by :mod:`elevator_eval.procurement`; quotes are read by
:mod:`elevator_eval.io.quotes_xlsx`."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..resources import resource_path
from . import i18n, labels
from .charts import ChartWidget
from .procurement_inputs import (
    ProcurementInputs,
    parse_score,
    points_from_score,
    score_from_points,
    weights_text,
)
from .procurement_tables import SCORE_KEYS, ProcurementTables

SETTINGS_KEY = "procurement"
"""``project.settings["procurement"]``: ``scores`` {product id: {technical, service}} as
decimal strings on the 0–100 scale (``score_scale: "percent"``; older projects kept points),
``weights`` (text), ``years``, ``discount_rate`` (a fraction) and ``quotes_path`` (the
quotes workbook last loaded by hand)."""
DEFAULT_WEIGHTS = "price=40,technical=40,service=20"


class ProcurementView(ProcurementTables, QWidget):
    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.products = []
        self.quote_errors = []
        self.comparison = None
        self.quotes_path: Path | None = None
        self._remembered_path: Path | None = None  # a workbook the user chose
        self._loading = False
        self.bad_scores: dict[tuple[str, str], str] = {}  # (product, key) → text refused
        self._load_message = ""
        doc.settingChanged.connect(self._on_setting_changed)
        self.status = QLabel()
        self.status.setObjectName("ProcurementStatus")
        self.status.setWordWrap(True)
        self.scores: dict[str, dict[str, Decimal]] = {}
        top = self._build_top_row()
        self.inputs = ProcurementInputs()
        self.inputs.setObjectName("ProcurementInputs")
        self.years = self.inputs.years
        self.inputs.changed.connect(self._inputs_edited)
        self.inputs.invalid.connect(self._inputs_invalid)
        body = self._build_body()
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.inputs)
        lay.addWidget(self.status)
        lay.addWidget(body, 1)
        self.reload()

    def _build_top_row(self) -> QHBoxLayout:
        """The title, the load button and the two print buttons."""
        self.title = QLabel()
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.title.setFont(f)
        self.load_btn = QPushButton(self.tr("加载报价表…"))
        self.load_btn.setObjectName("LoadQuotes")
        self.load_btn.setToolTip(
            self.tr("读取厂家填好的报价 Excel（空白模板用“保存报价模板…”生成）")
        )
        self.load_btn.clicked.connect(self.choose_quotes)
        self.template_btn = QPushButton(self.tr("保存报价模板…"))
        self.template_btn.setObjectName("SaveQuotesTemplate")
        self.template_btn.setToolTip(
            self.tr("保存空白的报价 Excel 模板（含各列说明），发给厂家填写")
        )
        self.template_btn.clicked.connect(lambda: self.save_template())
        self.print_quotes_btn = QPushButton(self.tr("打印报价比选…"))
        self.print_quotes_btn.setObjectName("PrintQuotes")
        self.print_quotes_btn.setToolTip(self.tr("把报价比较、全寿命成本与评分导出为 PDF"))
        self.print_census_btn = QPushButton(self.tr("打印普查报告…"))
        self.print_census_btn.setObjectName("PrintCensus")
        self.print_census_btn.setToolTip(self.tr("把全街道的普查报告导出为 PDF"))
        self.print_quotes_btn.clicked.connect(lambda: self._window_call("export_quotes_pdf"))
        self.print_census_btn.clicked.connect(lambda: self._window_call("export_census_pdf"))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.template_btn)
        top.addWidget(self.load_btn)
        top.addWidget(self.print_quotes_btn)
        top.addWidget(self.print_census_btn)
        return top

    def _build_tabs(self) -> None:
        """Tabs of quotes, fit matrix, life-cycle cost and scores, sensitivity."""
        self.quotes = QTableWidget(0, 0)
        self.quotes.setObjectName("QuotesTable")
        self.quotes.setEditTriggers(QTableWidget.NoEditTriggers)
        self.fit = QTableWidget(0, 0)
        self.fit.setObjectName("FitMatrix")
        self.fit.setEditTriggers(QTableWidget.NoEditTriggers)
        self.fit.setToolTip(
            self.tr(
                "绿：适配；红：不适配；黄：缺少踏勘数据。井道外廓须小于可用场地（GB 50763-2012 第3.7.2条无障碍轿厢）"
            )
        )
        self.summary = QTableWidget(0, 0)
        self.summary.setObjectName("LccTable")
        self.summary.setEditTriggers(QTableWidget.DoubleClicked | QTableWidget.EditKeyPressed)
        self.summary.itemChanged.connect(self._score_edited)
        self.tender_label = QLabel()
        self.tender_label.setObjectName("TenderLabel")
        self.tender_label.setWordWrap(True)
        self.chart = ChartWidget()
        self.chart.setObjectName("SensitivityChart")
        scores = QSplitter(Qt.Vertical)
        scores.addWidget(self.summary)
        scores.addWidget(self.tender_label)
        scores.setSizes([380, 140])
        self.summary.verticalHeader().hide()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("ProcurementTabs")
        self.tabs.addTab(self.quotes, self.tr("报价"))
        self.tabs.addTab(self.fit, self.tr("适配矩阵"))
        self.tabs.addTab(scores, self.tr("全寿命成本与评分"))
        self.tabs.addTab(self.chart, self.tr("敏感性"))
        self.tabs.currentChanged.connect(lambda _i: self._draw_chart())

    def _build_body(self) -> QSplitter:
        """The list of units to buy for beside the tabs."""
        self._build_tabs()
        self.unit_list = QListWidget()
        self.unit_list.setObjectName("ProcurementUnits")
        self.unit_list.setToolTip(self.tr("参与带量采购的单元（默认：适合与较难加装的单元）"))
        self.unit_list.itemChanged.connect(lambda _i: None if self._loading else self.recompute())
        self.unit_list.setMaximumWidth(260)
        body = QSplitter()
        body.addWidget(self.unit_list)
        body.addWidget(self.tabs)
        body.setStretchFactor(1, 1)
        return body

    def _fill_units(self) -> None:
        self._loading = True
        try:
            census = None
            try:
                census = self.doc.census()
            except Exception:
                census = None
            klass = {r.unit_id: r.klass for r in census.rows} if census else {}
            self.unit_list.clear()
            for u in self.doc.project.units():
                it = QListWidgetItem(f"{u.id}  {u.name}")
                it.setData(Qt.UserRole, u.id)
                it.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable | Qt.ItemIsSelectable)
                it.setCheckState(Qt.Unchecked if klass.get(u.id) == "unsuitable" else Qt.Checked)
                it.setToolTip(labels.class_label(klass.get(u.id)))
                self.unit_list.addItem(it)
        finally:
            self._loading = False

    def set_checked_units(self, checked: dict) -> None:
        """Tick or clear the units listed in ``checked`` (unit id → bool) without comparing
        after each one (the caller compares once)."""
        self._loading = True
        try:
            for i in range(self.unit_list.count()):
                item = self.unit_list.item(i)
                uid = item.data(Qt.UserRole)
                if uid in checked:
                    item.setCheckState(Qt.Checked if checked[uid] else Qt.Unchecked)
        finally:
            self._loading = False

    def chosen_unit_ids(self) -> list[str]:
        return [
            self.unit_list.item(i).data(Qt.UserRole)
            for i in range(self.unit_list.count())
            if self.unit_list.item(i).checkState() == Qt.Checked
        ]

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        self._fill_units()
        self.title.setText(
            self.tr("采购比选 — {0}").format(self.doc.project.name or self.tr("未命名项目"))
        )
        self._apply_saved()

    # ------------------------------------------------------------------ saved state
    def _saved(self) -> dict:
        saved = self.doc.project.settings.get(SETTINGS_KEY)
        return saved if isinstance(saved, dict) else {}

    def _window_call(self, name: str):
        fn = getattr(self.window(), name, None)
        return fn() if fn is not None else None

    def state(self) -> dict:
        """What the project keeps of this workspace (plain JSON)."""
        try:
            rate = str(self.inputs.rate_fraction())
        except ValueError:
            rate = str(self._saved().get("discount_rate") or self.inputs.default_rate)
        out = {
            "scores": {
                pid: {k: str(v) for k, v in sorted(e.items())}
                for pid, e in sorted(self.scores.items())
                if e
            },
            "score_scale": "percent",
            "weights": weights_text(self.inputs.weights()),
            "years": self.years.value(),
            "discount_rate": rate,
        }
        if self._remembered_path is not None:
            out["quotes_path"] = str(self._remembered_path)
        return out

    def _persist(self, text: str, mergeable: bool = False) -> None:
        """Keep the workspace in ``project.settings`` (an undoable edit)."""
        self.doc.set_setting(SETTINGS_KEY, self.state(), text, mergeable)

    def _on_setting_changed(self, key: str) -> None:
        if key == SETTINGS_KEY and self._saved() != self.state():  # e.g. undo
            self._apply_saved()

    def _apply_saved(self) -> None:
        """Show the scores, weights and quotes the project keeps (the sample quotes when
        it keeps none)."""
        saved = self._saved()
        self._loading = True
        try:
            self.inputs.set_values(
                saved.get("years"),
                saved.get("discount_rate"),
                str(saved.get("weights") or DEFAULT_WEIGHTS),
            )
            weights = self.inputs.weights()
            legacy_points = saved.get("score_scale") != "percent"
            self.scores = {}
            self.bad_scores = {}
            for pid, entry in (saved.get("scores") or {}).items():
                values = {}
                for k in SCORE_KEYS:
                    try:
                        v = Decimal(str(entry[k]))
                    except (KeyError, TypeError, InvalidOperation):
                        continue
                    values[k] = score_from_points(v, Decimal(weights[k])) if legacy_points else v
                if values:
                    self.scores[str(pid)] = values
        finally:
            self._loading = False
        path = saved.get("quotes_path")
        if path:
            self._remembered_path = Path(path)
            if not Path(path).is_file():
                self.status.setText(self.tr("项目记录的报价表找不到：{0}，请重新加载").format(path))
                self._load_message = self.status.text()
                self.recompute()
                return
            target = Path(path)
        else:
            self._remembered_path = None
            target = resource_path("sample", "quotes.xlsx")
        if target != self.quotes_path and target.is_file():
            self.load_quotes(target, remember=False)
            return
        self.recompute()

    def _inputs_edited(self) -> None:
        if self._loading:
            return
        self._persist(self.tr("修改比选参数"), mergeable=True)
        self.recompute()

    def _inputs_invalid(self, message: str) -> None:
        """Invalid parameters block the comparison: no result from the old values."""
        if self._loading:
            return
        self.recompute()

    def save_template(self) -> Path | None:
        """Ask where, then write the blank quotes workbook (the command line's
        ``quotes --template``); the status line says where it went."""
        from ..io.quotes_xlsx import write_quote_template
        from .exporting import ask_workbook_path

        title = self.tr("保存报价模板")
        path = ask_workbook_path(self.window(), title, "报价模板.xlsx", "quotes-template.xlsx")
        if path is None:
            return None
        try:
            out = write_quote_template(path)
        except OSError as e:
            self.status.setText(self.tr("无法保存模板：{0}").format(i18n.error_text(e)))
            return None
        self.status.setText(self.tr("已保存报价模板 {0}").format(out))
        return out

    def choose_quotes(self) -> None:
        from .exporting import ask_open_path

        path = ask_open_path(self, self.tr("加载报价表"), "Excel (*.xlsx)")
        if path:
            self.load_quotes(path)

    def load_quotes(self, path, remember: bool = True) -> bool:
        """Read a quotes workbook; ``remember`` keeps its path in the project."""
        from ..io.quotes_xlsx import read_quotes

        try:
            products, errors = read_quotes(path)
        except Exception as e:
            self.status.setText(self.tr("无法读取报价表：{0}").format(i18n.error_text(e)))
            return False
        self.quotes_path = Path(path)
        if remember:
            self._remembered_path = self.quotes_path.resolve()
        self.quote_errors = errors
        if errors:
            # each cell by its place: 第 7 行，C 列（price_yuan）：… / row 7, column C …
            lines = [i18n.pick(e.text_zh(), str(e)) for e in errors[:20]]
            self.status.setText(
                self.tr("报价表有 {0} 处错误，未加载：").format(len(errors))
                + "\n"
                + "\n".join(lines)
            )
            self.products = []
        else:
            self.products = products
            self.status.setText(
                self.tr("已加载 {0} 个产品：{1}").format(len(products), self.quotes_path.name)
            )
        self._load_message = self.status.text()
        self._fill_quotes()
        if remember:
            self._persist(self.tr("加载报价表 {0}").format(self.quotes_path.name))
        self.recompute()
        return not errors

    def _weights(self):
        from ..procurement import parse_weights

        return parse_weights(weights_text(self.inputs.weights()))

    def engine_scores(self) -> dict[str, dict[str, Decimal]]:
        """The evaluators' 0–100 scores as the engine's points (score × weight ÷ 100)."""
        w = self.inputs.weights()
        return {
            pid: {k: points_from_score(v, Decimal(w[k])) for k, v in e.items()}
            for pid, e in self.scores.items()
        }

    def recompute(self) -> None:
        from ..procurement import compare_project

        error = self.inputs.error()
        if error or not self.products or not self.chosen_unit_ids():
            self.comparison = None
            if error:
                self.status.setText(self.tr("参数有误，未比选：{0}").format(error))
            self._fill_fit()
            self._fill_summary()
            return
        rate = self.inputs.rate_fraction()
        kw = {}
        weights = self._weights()
        if all(set(SCORE_KEYS) <= set(self.scores.get(p.id, {})) for p in self.products):
            kw = {"weights": weights, "scores": self.engine_scores()}
        try:
            self.comparison = compare_project(
                self.doc.project,
                self.products,
                unit_ids=self.chosen_unit_ids(),
                years=self.years.value(),
                discount_rate=rate,
                **kw,
            )
            self.status.setText(self._load_message)
        except Exception as e:
            self.status.setText(self.tr("无法比选：{0}").format(i18n.error_text(e)))
            self.comparison = None
        self._fill_fit()
        self._fill_summary()
        self._chart_stale = True
        self._draw_chart()

    def _score_edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        key = self.SUMMARY_COLUMNS[item.column()]
        if key not in SCORE_KEYS:
            return
        pid = item.data(Qt.UserRole)
        text = item.text().strip()
        try:
            value = parse_score(text)
        except ValueError:
            # flag this cell only: the other scores and the table stay as they are
            self.bad_scores[(pid, key)] = text
            self._loading = True
            item.setBackground(QBrush(QColor("#ffcdd2")))
            item.setToolTip(self.score_message())
            self._loading = False
            self.status.setText(
                self.tr("{0} 的{1}未采用：{2}").format(
                    pid, self._summary_heads()[item.column()], self.score_message()
                )
            )
            return
        self.bad_scores.pop((pid, key), None)
        entry = self.scores.setdefault(pid, {})
        if value is None:
            entry.pop(key, None)
        else:
            entry[key] = value
        self._persist(
            (self.tr("技术评分 {0}") if key == "technical" else self.tr("服务评分 {0}")).format(pid)
        )
        # after the cell's editor has closed: recompute rebuilds the table
        QTimer.singleShot(0, self.recompute)

    def set_scores(self, scores: dict[str, tuple]) -> None:
        """Enter the evaluators' 0–100 scores {product: (technical, service)} and recompute."""
        self.scores = {
            k: {"technical": Decimal(str(t)), "service": Decimal(str(s))}
            for k, (t, s) in scores.items()
        }
        self.bad_scores = {}
        self._persist(self.tr("输入评分"))
        self.recompute()

    # ------------------------------------------------------------------ chart
    def _draw_chart(self) -> None:
        if self.tabs.currentWidget() is not self.chart or not getattr(self, "_chart_stale", 1):
            return
        cmp_ = self.comparison
        fig = self.chart.figure()
        ax = fig.add_subplot(111)
        if cmp_ is None or cmp_.tender is None or not cmp_.tender.scores:
            ax.text(
                0.5,
                0.5,
                self.tr("输入评分后显示排名对价格权重的敏感性"),
                ha="center",
                va="center",
                transform=ax.transAxes,
            )
            ax.set_axis_off()
            self.chart.draw()
            return
        from ..procurement import Bid, ranking_at, weight_range

        t = cmp_.tender
        bids = [Bid(s.bidder, s.price_yuan, s.technical_points, s.service_points) for s in t.scores]
        lo, hi = weight_range(t.weights.kind, t.weights.method)
        xs = list(range(int(lo), int(hi) + 1))
        ranks = {b.bidder: [] for b in bids}
        for x in xs:
            order = ranking_at(bids, t.weights, x)
            for pos, name in enumerate(order, 1):
                ranks[name].append(pos)
        for name, ys in ranks.items():
            ax.step(xs, ys, where="mid", label=name)
        for c in t.crossings:
            ax.axvline(float(c.price_weight), color="#999999", linewidth=0.6, linestyle=":")
        ax.axvline(float(t.weights.price), color="#c62828", linewidth=1)
        ax.invert_yaxis()
        ax.set_yticks(range(1, len(bids) + 1))
        ax.set_xlabel(self.tr("价格权重（分）"), fontsize=8)
        ax.set_ylabel(self.tr("排名"), fontsize=8)
        ax.set_title(self.tr("排名随价格权重的变化（红线为当前权重）"), fontsize=9)
        ax.legend(fontsize=7)
        ax.tick_params(labelsize=7)
        self.chart.last_data = ranks
        self.chart.draw()
        self._chart_stale = False
