"""Quote comparison report for the procurement committee (报价比选报告).

Prints a :class:`elevator_eval.procurement.Comparison` (from
:func:`elevator_eval.procurement.compare`): each product's fit over the chosen units, bulk
price tier and saving, mean life-cycle cost, the fit matrix with the misfit reasons, and the
tender scores with the rank-reversal check when the evaluators' points were given.
"""

from __future__ import annotations

from .common import (Tr, build_pdf, content_width, fmt_num, fmt_pct, fmt_yuan, kv_table, para,
                     split_bilingual, table, today_iso)

FIT_MARKS = {"fits": "✓", "misfit": "×", "unknown": "?"}

def assumption_text(text: str, t: Tr) -> str:
    """One assumption of the comparison in this document's language.

    The engine writes ``"电价（元/kWh） 0.6 / electricity price (yuan/kWh) 0.6 (source)"``;
    the Chinese report prints ``"电价（元/kWh）：0.6（依据：source）"``, the English one
    ``"electricity price (yuan/kWh): 0.6 (source)"``. Other text is split at its
    ``" / "`` (see :func:`~.common.split_bilingual`).
    """
    zh, rest = split_bilingual(text)
    head_zh, _sep, value = zh.rpartition(" ")
    marker = f" {value} ("
    k = rest.find(marker)
    if zh == rest or not head_zh or not value or k < 0 or not rest.endswith(")"):
        return t.pair((zh, rest))
    head_en, source = rest[:k], rest[k + len(marker):-1]
    return t(f"{head_zh}：{value}（依据：{source}）", f"{head_en}: {value} ({source})")


def build_quotes_report(comparison, *, project=None, lang: str = "zh", out,
                        title: str | None = None) -> None:
    """Write the quote comparison report.

    Parameters
    ----------
    comparison : elevator_eval.procurement.Comparison
    project : Project, optional
        For the project's name and the unit names.
    lang : "zh" or "en"
    out : path or binary file object
    title : str, optional
        Subtitle (the project's name by default).
    """
    t = Tr(lang)
    width = content_width()
    c = comparison
    name = title or (project.name if project is not None else "")
    story = [para(t("电梯报价比选报告", "Elevator quote comparison"), "title")]
    if name:
        story.append(para(name, "subtitle"))
    story.append(kv_table([
        (t("参与比选单元", "Units"), str(len(c.unit_ids))),
        (t("报价产品", "Products"), str(len(c.products))),
        (t("全寿命年限", "Life-cycle years"), str(c.years)),
        (t("折现率", "Discount rate"), fmt_num(c.discount_rate)),
        (t("编制日期", "Date"), today_iso()),
    ], width * 0.6, 0.45))

    story.append(para(t("一、产品汇总", "1. Products"), "h2"))
    rows = [[t("产品", "Product"), t("厂商 / 型号", "Vendor / model"), t("载重 / 速度", "Load / speed"),
             t("无障碍", "Accessible"), t("适配/不适配/未知", "Fit / misfit / unknown"),
             t("数量", "Qty"), t("单台价", "Single price"), t("阶梯单价", "Tier price"),
             t("节约", "Saving"), t("平均全寿命现值", "Mean LCC (NPV)")]]
    by_id = {p.id: p for p in c.products}
    for s in c.summaries:
        p = by_id[s.product_id]
        b = s.bulk
        rows.append([s.product_id, f"{s.vendor} {s.model}",
                     f"{p.rated_load_kg}\u00a0kg / {fmt_num(p.speed_m_s)}\u00a0m/s",
                     t("是", "yes") if s.accessible else t("否", "no"),
                     f"{s.fits} / {s.misfits} / {s.unknown}", str(b.quantity),
                     fmt_yuan(b.single_price_yuan), fmt_yuan(b.unit_price_yuan),
                     f"{fmt_yuan(b.saving_yuan)}\n({fmt_pct(b.saving_rate, 2)})",
                     fmt_yuan(s.mean_npv_yuan)])
    story.append(table(rows, [width * f for f in (0.09, 0.17, 0.11, 0.07, 0.1, 0.05, 0.1, 0.1,
                                                  0.1, 0.11)],
                       align_right_cols=[5, 6, 7, 8, 9]))
    tiers = [s for s in c.summaries if s.bulk.next_tier_min_qty is not None]
    for s in tiers:
        story.append(para(t(f"{s.product_id}：再达到 {s.bulk.next_tier_min_qty} 台可享下一阶梯单价 "
                            f"{fmt_yuan(s.bulk.next_tier_unit_price_yuan)} 元。",
                            f"{s.product_id}: the next tier starts at {s.bulk.next_tier_min_qty} "
                            f"units, {fmt_yuan(s.bulk.next_tier_unit_price_yuan)} yuan each."),
                          "small"))

    story.append(para(t("二、适配矩阵", "2. Fit matrix"), "h2"))
    story.append(para(t("✓ 适配　× 不适配　? 缺少现场数据，无法判断",
                        "✓ fits   × does not fit   ? survey data missing"), "small"))
    names = {}
    if project is not None:
        names = {u.id: u.name for u in project.units()}
    ids = [p.id for p in c.products]
    max_cols = 8
    for start in range(0, len(ids), max_cols):
        chunk = ids[start:start + max_cols]
        head = [t("单元", "Unit")] + chunk
        body = [head]
        for uid, row in zip(c.unit_ids, c.fit):
            label = f"{names.get(uid) or uid}" + (t(f"（{uid}）", f" ({uid})")
                                                  if names.get(uid) else "")
            body.append([label] + [FIT_MARKS[f.state] for f in row[start:start + max_cols]])
        first = width * 0.4
        rest = (width - first) / max(1, len(chunk))
        story.append(table(body, [first] + [rest] * len(chunk)))
    reasons = [(f, r) for row in c.fit for f in row for r in f.reasons if r.kind == "misfit"]
    if reasons:
        story.append(para(t("不适配原因", "Why a product does not fit"), "h2"))
        rows = [[t("单元", "Unit"), t("产品", "Product"), t("原因", "Reason")]]
        for f, r in reasons:
            rows.append([f.unit_id, f.product_id, t.pair((r.message_zh, r.message_en))])
        story.append(table(rows, [width * 0.2, width * 0.15, width * 0.65]))

    if c.tender is not None:
        tr = c.tender
        w = tr.weights
        story.append(para(t("三、综合评分", "3. Tender scores"), "h2"))
        story.append(para(t(f"权重：价格 {fmt_num(w.price)}，技术 {fmt_num(w.technical)}，服务 "
                            f"{fmt_num(w.service)}；评标基准价 {fmt_yuan(tr.benchmark_yuan)} 元"
                            "（最低有效报价，财政部令第87号第五十五条）。",
                            f"Weights: price {fmt_num(w.price)}, technical {fmt_num(w.technical)}, "
                            f"service {fmt_num(w.service)}; benchmark {fmt_yuan(tr.benchmark_yuan)} "
                            "yuan (lowest valid bid, MOF Order 87 Art. 55)."), "small"))
        rows = [[t("名次", "Rank"), t("投标", "Bid"), t("报价（元/台）", "Price (yuan each)"),
                 t("价格分", "Price score"), t("技术分", "Technical"), t("服务分", "Service"),
                 t("总分", "Total")]]
        for s in tr.scores:
            rows.append([str(s.rank), s.bidder, fmt_yuan(s.price_yuan),
                         fmt_num(s.price_score, 2), fmt_num(s.technical_points),
                         fmt_num(s.service_points), fmt_num(s.total, 2)])
        story.append(table(rows, [width * f for f in (0.08, 0.2, 0.18, 0.13, 0.13, 0.13, 0.15)],
                           align_right_cols=[2, 3, 4, 5, 6]))
        for b in tr.excluded:
            story.append(para(t("无效投标：", "Excluded: ") + f"{b.bidder} — "
                              + t.bilingual(b.invalid_reason), "small"))
        if tr.winner_stable_range:
            lo, hi = tr.winner_stable_range
            story.append(para(t(f"价格权重在 {fmt_num(lo, 2)}–{fmt_num(hi, 2)} 之间时，{tr.winner} "
                                "保持第一。", f"{tr.winner} stays first for price weights "
                                f"{fmt_num(lo, 2)}–{fmt_num(hi, 2)}."), "small"))
        if tr.reversal:
            story.append(para(t("注意：在法定权重范围内存在名次反转。",
                                "Note: the winner changes within the legal weight range."),
                              "small"))
    if c.assumptions:
        story.append(para(t("假设与说明", "Assumptions"), "h2"))
        for a in c.assumptions:
            story.append(para("• " + assumption_text(a, t), "tiny"))
    build_pdf(out, story, title=t("报价比选报告", "Quote comparison") + (" — " + name if name
                                                                        else ""),
              header_left=t("电梯报价比选报告", "Elevator quote comparison")
              + (" · " + name if name else ""), header_right=today_iso(), lang=lang)
