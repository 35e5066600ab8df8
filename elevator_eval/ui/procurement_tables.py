"""The tables of the procurement workspace: the quotes, the fit matrix (units × products)
and the life-cycle cost and scores table with the tender's explanation beneath it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem

from ..procurement import accessibility_citation
from ..vocabulary import split_bilingual
from . import i18n, labels

translate = QCoreApplication.translate

SCORE_KEYS = ("technical", "service")
FIT_COLOURS = {"fits": "#c8e6c9", "misfit": "#ffcdd2", "unknown": "#fff9c4"}


def _item(text, align=Qt.AlignRight | Qt.AlignVCenter, editable=False):
    it = QTableWidgetItem(str(text))
    flags = Qt.ItemIsSelectable | Qt.ItemIsEnabled
    if editable:
        flags |= Qt.ItemIsEditable
    it.setFlags(flags)
    it.setTextAlignment(align)
    return it


class ProcurementTables:
    """The table filling of :class:`~elevator_eval.ui.procurement_view.ProcurementView`
    (mixed in; its texts are in the ``ProcurementView`` translation context)."""

    def _fill_quotes(self) -> None:
        heads = [
            translate("ProcurementView", "编号"),
            translate("ProcurementView", "供应商"),
            translate("ProcurementView", "型号"),
            translate("ProcurementView", "载重（kg）"),
            translate("ProcurementView", "轿厢（mm）"),
            translate("ProcurementView", "井道外廓（mm）"),
            translate("ProcurementView", "底坑（mm）"),
            translate("ProcurementView", "顶层高度（mm）"),
            translate("ProcurementView", "设备+安装+井道+土建（元）"),
            translate("ProcurementView", "连廊（元）"),
            translate("ProcurementView", "维保（元/年）"),
        ]
        self.quotes.setColumnCount(len(heads))
        self.quotes.setHorizontalHeaderLabels(heads)
        self.quotes.setRowCount(len(self.products))
        for r, p in enumerate(self.products):
            cells = [
                p.id,
                p.vendor,
                p.model,
                p.rated_load_kg,
                f"{p.car_width_mm}×{p.car_depth_mm}",
                f"{p.shaft_width_mm}×{p.shaft_depth_mm}",
                p.pit_mm,
                p.headroom_mm,
                " + ".join(
                    labels.yuan(v)
                    for v in (
                        p.equipment_yuan,
                        p.installation_yuan,
                        p.shaft_structure_yuan,
                        p.civil_yuan,
                    )
                ),
                labels.yuan(p.corridor_yuan),
                labels.yuan(p.maintenance_yuan_per_year),
            ]
            note = i18n.pick(*split_bilingual(p.note or ""))  # a "中文 / English" note: one half
            for c, v in enumerate(cells):
                it = _item(
                    v, Qt.AlignLeft | Qt.AlignVCenter if c < 3 else Qt.AlignRight | Qt.AlignVCenter
                )
                it.setToolTip(note)
                self.quotes.setItem(r, c, it)
        self.quotes.resizeColumnsToContents()

    def _fill_fit(self) -> None:
        cmp_ = self.comparison
        if cmp_ is None:
            self.fit.setRowCount(0)
            self.fit.setColumnCount(0)
            return
        self.fit.setColumnCount(len(cmp_.products))
        self.fit.setRowCount(len(cmp_.unit_ids))
        self.fit.setHorizontalHeaderLabels([p.id for p in cmp_.products])
        self.fit.setVerticalHeaderLabels(cmp_.unit_ids)
        marks = {"fits": "✓", "misfit": "✗", "unknown": "?"}
        for i, row in enumerate(cmp_.fit):
            for j, fr in enumerate(row):
                it = _item(marks[fr.state], Qt.AlignCenter)
                it.setBackground(QBrush(QColor(FIT_COLOURS[fr.state])))
                reasons = fr.reasons_en if i18n.lang() == "en" else fr.reasons_zh
                it.setToolTip("\n".join(reasons) or labels_fit(fr.state))
                it.setData(Qt.UserRole, fr.state)
                self.fit.setItem(i, j, it)
        self.fit.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)

    SUMMARY_COLUMNS = (
        "product",
        "technical",
        "service",
        "total",
        "rank",
        "fits",
        "misfits",
        "unknown",
        "quantity",
        "single",
        "bulk",
        "saving",
        "saving_rate",
        "npv",
    )

    def summary_column(self, key: str) -> int:
        return self.SUMMARY_COLUMNS.index(key)

    def _summary_heads(self) -> list[str]:
        heads = {
            "product": translate("ProcurementView", "产品"),
            "fits": translate("ProcurementView", "适配"),
            "misfits": translate("ProcurementView", "不适配"),
            "unknown": translate("ProcurementView", "待查"),
            "quantity": translate("ProcurementView", "采购台数"),
            "single": translate("ProcurementView", "单台价（元）"),
            "bulk": translate("ProcurementView", "带量单价（元）"),
            "saving": translate("ProcurementView", "带量节省（元）"),
            "saving_rate": translate("ProcurementView", "节省率"),
            "npv": translate("ProcurementView", "平均全寿命成本现值（元）"),
            "technical": translate("ProcurementView", "技术评分（0–100）"),
            "service": translate("ProcurementView", "服务评分（0–100）"),
            "total": translate("ProcurementView", "综合得分（满分 100）"),
            "rank": translate("ProcurementView", "排名"),
        }
        return [heads[k] for k in self.SUMMARY_COLUMNS]

    def _fill_summary(self) -> None:
        self._loading = True
        try:
            cmp_ = self.comparison
            w = self._set_summary_heads()
            if cmp_ is None:
                self.summary.setRowCount(0)
                self.tender_label.setText("")
                return
            scores = {}
            if cmp_.tender is not None:
                scores = {s.bidder: s for s in cmp_.tender.scores}
            self.summary.setRowCount(len(cmp_.summaries))
            for r, s in enumerate(cmp_.summaries):
                self._fill_summary_row(r, s, scores.get(s.product_id), w)
                if cmp_.require_accessible and not s.accessible:
                    self._mark_not_accessible(r)
            self.summary.resizeColumnsToContents()
            self.tender_label.setText(self._tender_text(cmp_.tender, w))
        finally:
            self._loading = False

    def _set_summary_heads(self) -> dict:
        """Headers and their tooltips; returns the weights the tooltips quote."""
        heads = self._summary_heads()
        self.summary.setColumnCount(len(heads))
        # long English headers on two lines (Chinese ones are short)
        self.summary.setHorizontalHeaderLabels(
            [h.replace(", ", ",\n").replace(" (", "\n(") for h in heads]
        )
        self.summary.horizontalHeaderItem(self.summary_column("npv")).setToolTip(
            translate("ProcurementView", "设备、安装、维保、电费、年检在使用年限内的现值")
        )
        self.summary.horizontalHeaderItem(self.summary_column("saving")).setToolTip(
            translate("ProcurementView", "按报价表的批量价格档：单台价与带量单价之差 × 台数")
        )
        w = self.inputs.weights()
        for key in SCORE_KEYS:
            self.summary.horizontalHeaderItem(self.summary_column(key)).setToolTip(
                translate("ProcurementView", "评委按 0–100 打分；本程序按权重 {0} 分折算").format(
                    w[key]
                )
            )
        return w

    def _fill_summary_row(self, r: int, s, sc, w: dict) -> None:
        """Row ``r``: product summary ``s`` with its tender score ``sc`` (or None)."""
        entered = self.scores.get(s.product_id, {})
        b = s.bulk
        values = {
            "product": f"{s.product_id} {s.vendor}",
            "fits": s.fits,
            "misfits": s.misfits,
            "unknown": s.unknown,
            "quantity": b.quantity,
            "single": labels.yuan(b.single_price_yuan),
            "bulk": labels.yuan(b.unit_price_yuan),
            "saving": labels.yuan(b.saving_yuan),
            "saving_rate": f"{float(b.saving_rate) * 100:.1f}%",
            "npv": labels.yuan(s.mean_npv_yuan),
            "total": "" if sc is None else f"{float(sc.total):.2f}",
            "rank": "" if sc is None or sc.rank is None else sc.rank,
        }
        for key in SCORE_KEYS:
            bad = self.bad_scores.get((s.product_id, key))
            values[key] = bad if bad is not None else entered.get(key, "")
        for c, key in enumerate(self.SUMMARY_COLUMNS):
            it = _item(
                values[key],
                Qt.AlignLeft | Qt.AlignVCenter if c == 0 else Qt.AlignRight | Qt.AlignVCenter,
                editable=key in SCORE_KEYS,
            )
            it.setData(Qt.UserRole, s.product_id)
            if key in SCORE_KEYS:
                if (s.product_id, key) in self.bad_scores:
                    it.setBackground(QBrush(QColor("#ffcdd2")))
                    it.setToolTip(self.score_message())
                else:
                    it.setToolTip(
                        translate(
                            "ProcurementView", "评委打分 0–100，直接输入；折算为 {0} 分中的得分"
                        ).format(w[key])
                    )
            if key in ("bulk", "saving") and b.next_tier_min_qty:
                it.setToolTip(
                    translate("ProcurementView", "再采购到 {0} 台可用下一档单价 {1}").format(
                        b.next_tier_min_qty, labels.yuan(b.next_tier_unit_price_yuan)
                    )
                )
            self.summary.setItem(r, c, it)

    def _mark_not_accessible(self, r: int) -> None:
        """Row ``r``'s product lacks the accessible car the comparison requires: it fits
        the shafts, but its bid is invalid (as the printed comparison says)."""
        it = self.summary.item(r, self.summary_column("product"))
        it.setText(it.text() + translate("ProcurementView", "（非无障碍）"))
        it.setForeground(QBrush(QColor("#9e9e9e")))
        it.setToolTip(
            translate(
                "ProcurementView",
                "轿厢不满足无障碍要求（{0}），本次比选以无障碍轿厢为要求，其报价仅供参考，"
                "不能作为有效投标。",
            ).format(i18n.pick(*accessibility_citation()))
        )

    def _tender_text(self, t, w: dict) -> str:
        """The tender's winner, stable range, reversal and excluded bids, explained."""
        explain = translate(
            "ProcurementView",
            "价格分按低价优先法计算（满分 {0} 分）；技术、服务由评委按 0–100 打分，"
            "按权重 {1} 分、{2} 分折算。",
        ).format(w["price"], w["technical"], w["service"])
        if t is None:
            return (
                translate(
                    "ProcurementView", "输入各产品的技术评分和服务评分（0–100）后计算综合得分。"
                )
                + "\n"
                + explain
            )
        text = translate("ProcurementView", "中标候选：{0}").format(t.winner or "—")
        if t.winner_stable_range:
            lo, hi = t.winner_stable_range
            text += translate(
                "ProcurementView", "；价格权重在 {0:.1f}–{1:.1f} 之间时第一名不变"
            ).format(float(lo), float(hi))
        if t.reversal:
            text += translate("ProcurementView", "；价格权重变化会改变第一名（见敏感性图）")
        for b in t.excluded:
            text += "\n" + translate("ProcurementView", "无效投标 {0}：{1}").format(
                b.bidder, _one_language(b.invalid_reason)
            )
        return text + "\n" + explain

    def score_message(self) -> str:
        return translate("ProcurementView", "评分须为 0 到 100 之间的数")


def _one_language(text: str) -> str:
    """``中文 / English`` engine text: the part for the current language."""
    parts = text.split(" / ")
    if len(parts) == 2:
        return i18n.pick(parts[0], parts[1])
    return text


def labels_fit(state: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "fits": QCoreApplication.translate("ProcurementView", "适配"),
        "misfit": QCoreApplication.translate("ProcurementView", "不适配"),
        "unknown": QCoreApplication.translate("ProcurementView", "缺少踏勘数据"),
    }[state]
