"""Quote comparison report for the procurement committee (报价比选报告).

Prints a :class:`elevator_eval.procurement.Comparison` (from
:func:`elevator_eval.procurement.compare`): each product's fit over the chosen units, bulk
price tier and saving (with tier cliffs), the technical and service columns a committee
compares, the life-cycle cost with the costs outside the quote (labelled as analysis), the
fit matrix with the misfit reasons, and the tender scored on the bid price with ties, the
invalid bids and their reasons, and a warning below three valid bids.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..procurement import OUTSIDE_LABELS, split_reasons, tender_rules, weight_range
from ..vocabulary import split_bilingual
from .common import (
    Tr,
    content_width,
    fmt_num,
    fmt_pct,
    fmt_yuan,
    kv_table,
    para,
    table,
    today_iso,
)
from .page_template import build_pdf

FIT_MARKS = {"fits": "✓", "misfit": "×", "unknown": "?"}


def assumption_text(text: str, t: Tr) -> str:
    """One assumption of the comparison in this document's language.

    The engine writes ``"电价（元/kWh） 0.6 / electricity price (yuan/kWh) 0.6 (source)"``;
    the Chinese report prints ``"电价（元/kWh）：0.6（经验值，可按项目修改）"`` (the defaults are
    weakly sourced and their notes are in English), the English one
    ``"electricity price (yuan/kWh): 0.6 (source)"``. Other text is split at its
    ``" / "`` (see :func:`~elevator_eval.vocabulary.split_bilingual`).
    """
    zh, rest = split_bilingual(text)
    head_zh, _sep, value = zh.rpartition(" ")
    marker = f" {value} ("
    k = rest.find(marker)
    if zh == rest or not head_zh or not value or k < 0 or not rest.endswith(")"):
        return t.pair((zh, rest))
    head_en, source = rest[:k], rest[k + len(marker) : -1]
    return t(f"{head_zh}：{value}（经验值，可按项目修改）", f"{head_en}: {value} ({source})")


def build_quotes_report(
    comparison, *, project=None, lang: str = "zh", out, title: str | None = None
) -> None:
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
    counted = (
        t(
            "仅计入适合或较难加装、且产品适配的单元",
            "only units suitable or difficult for an elevator where the product fits",
        )
        if not c.count_unknown
        else t(
            "计入全部所选单元（含适配情况未知的单元）",
            "every chosen unit, including those whose fit is unknown",
        )
    )
    story.append(
        kv_table(
            [
                (t("参与比选单元", "Units"), str(len(c.unit_ids))),
                (t("数量计算", "Quantities"), counted),
                (t("报价产品", "Products"), str(len(c.products))),
                (t("全寿命年限", "Life-cycle years"), str(c.years)),
                (t("折现率", "Discount rate"), fmt_num(c.discount_rate)),
                (t("编制日期", "Date"), today_iso()),
            ],
            width * 0.8,
            0.3,
        )
    )
    if c.tender is not None:
        story += _warnings(c.tender, t)
    story += _products(c, t, width)
    story += _technical(c, t, width)
    story += _lcc(c, t, width)
    story += _fit(c, t, width, project)
    if c.tender is not None:
        story += _tender(c.tender, t, width)
    if c.assumptions:
        story.append(para(t("假设与说明", "Assumptions"), "h2"))
        for a in c.assumptions:
            story.append(para("• " + assumption_text(a, t), "tiny"))
    build_pdf(
        out,
        story,
        title=t("报价比选报告", "Quote comparison") + (" — " + name if name else ""),
        header_left=t("电梯报价比选报告", "Elevator quote comparison")
        + (" · " + name if name else ""),
        header_right=today_iso(),
        lang=lang,
    )


def _warnings(tr, t) -> list:
    return [para(t("【注意】", "[Warning] ") + t.pair(w), "box") for w in tr.warnings]


def _products(c, t, width) -> list:
    out = [para(t("一、产品汇总", "1. Products"), "h2")]
    rows = [
        [
            t("产品", "Product"),
            t("厂商 / 型号", "Vendor / model"),
            t("无障碍", "Accessible"),
            t("适配/不适配/未知", "Fit / misfit / unknown"),
            t("数量", "Qty"),
            t("单台价", "Single price"),
            t("阶梯单价", "Tier price"),
            t("节约", "Saving"),
        ]
    ]
    for s in c.summaries:
        b = s.bulk
        rows.append(
            [
                s.product_id,
                f"{s.vendor} {s.model}",
                t("是", "yes") if s.accessible else t("否", "no"),
                f"{s.fits} / {s.misfits} / {s.unknown}",
                str(b.quantity),
                fmt_yuan(b.single_price_yuan),
                fmt_yuan(b.unit_price_yuan),
                f"{fmt_yuan(b.saving_yuan)}\n({fmt_pct(b.saving_rate, 2)})",
            ]
        )
    out.append(
        table(
            rows,
            [width * f for f in (0.09, 0.21, 0.1, 0.15, 0.07, 0.13, 0.13, 0.12)],
            align_right_cols=[4, 5, 6, 7],
        )
    )
    for s in c.summaries:
        b = s.bulk
        if b.cliff_quantity is not None:
            out.append(
                para(
                    t(
                        f"{s.product_id}：{b.quantity} 台总价 {fmt_yuan(b.total_yuan)} 元，"
                        f"高于 {b.cliff_quantity} 台的总价 {fmt_yuan(b.cliff_total_yuan)} 元"
                        f"（阶梯断点）：多买反而更省。",
                        f"{s.product_id}: {b.quantity} units cost "
                        f"{fmt_yuan(b.total_yuan)} yuan, more than {b.cliff_quantity} "
                        f"units at {fmt_yuan(b.cliff_total_yuan)} yuan (a tier cliff).",
                    ),
                    "small",
                )
            )
        elif b.next_tier_min_qty is not None:
            out.append(
                para(
                    t(
                        f"{s.product_id}：达到 {b.next_tier_min_qty} 台可享下一阶梯单价 "
                        f"{fmt_yuan(b.next_tier_unit_price_yuan)} 元。",
                        f"{s.product_id}: the next tier starts at {b.next_tier_min_qty} "
                        f"units, {fmt_yuan(b.next_tier_unit_price_yuan)} yuan each.",
                    ),
                    "small",
                )
            )
    if c.require_accessible:
        lacking = [s.product_id for s in c.summaries if not s.accessible]
        if lacking:  # it fits the shafts, but a bid with it is invalid (tender section)
            from ..procurement import accessibility_citation

            zh, en = accessibility_citation()
            out.append(
                para(
                    t(
                        f"{'、'.join(lacking)}：轿厢不满足无障碍要求（{zh}），本次比选以无障碍"
                        "轿厢为要求，其报价仅供参考，不能作为有效投标。",
                        f"{', '.join(lacking)}: the car is not accessible ({en}); this "
                        "comparison requires an accessible car, so the quote is for reference "
                        "only and cannot be a valid bid.",
                    ),
                    "small",
                )
            )
    return out


def _technical(c, t, width) -> list:
    out = [para(t("二、技术与服务参数", "2. Technical and service terms"), "h2")]
    rows = [
        [
            t("产品", "Product"),
            t("载重 / 速度", "Load / speed"),
            t("轿厢（mm）", "Car (mm)"),
            t("门宽（mm）", "Door (mm)"),
            t("底坑（mm）", "Pit (mm)"),
            t("能效等级", "Energy class"),
            t("质保（年）", "Warranty (yr)"),
            t("免费维保（年）", "Free maint. (yr)"),
            t("维保费（元/年）", "Maint. fee (yuan/yr)"),
            t("工期（天）", "Lead time (days)"),
        ]
    ]
    for p in c.products:
        rows.append(
            [
                p.id,
                f"{p.rated_load_kg}\u00a0kg / {fmt_num(p.speed_m_s)}\u00a0m/s",
                f"{p.car_width_mm}×{p.car_depth_mm}",
                str(p.door_width_mm),
                str(p.pit_mm),
                p.energy_class or "—",
                str(p.warranty_years),
                str(p.free_maintenance_years),
                fmt_yuan(p.maintenance_yuan_per_year),
                str(p.lead_time_days),
            ]
        )
    out.append(
        table(
            rows,
            # a column with "（mm）" in its title holds it on one line
            [width * f for f in (0.1, 0.14, 0.12, 0.09, 0.09, 0.07, 0.09, 0.1, 0.12, 0.08)],
            align_right_cols=[3, 4, 6, 7, 8, 9],
        )
    )
    return out


def _lcc(c, t, width) -> list:
    out = [
        para(
            t(
                "三、全寿命费用分析（含报价外费用）",
                "3. Life-cycle cost with the costs outside the quote",
            ),
            "h2",
        ),
        para(
            t(
                "本节为分析，不计入法定价格分；价格分只按投标报价计算（财政部令第87号第五十五条）。",
                "Analysis only: the legal price score uses the bid price alone (MOF Order "
                "87 Art. 55).",
            ),
            "small",
        ),
    ]
    keys = list(OUTSIDE_LABELS)
    rows = [
        [t("产品", "Product"), t("购置", "Capital")]
        + [t.pair(OUTSIDE_LABELS[k]) for k in keys]
        + [t("运行费合计", "Running"), t(f"{c.years} 年现值", f"NPV, {c.years} yr")]
    ]
    for j, p in enumerate(c.products):
        got = [row[j] for row in c.lcc if row[j] is not None]
        if not got:
            continue

        count = len(got)

        def mean(values, n=count):
            return (sum(values) / n).quantize(Decimal(1), ROUND_HALF_UP)

        rows.append(
            [p.id, fmt_yuan(mean(x.capital_yuan for x in got))]
            + [fmt_yuan(mean(x.outside_quote_yuan.get(k, 0) for x in got)) for k in keys]
            + [
                fmt_yuan(
                    mean(x.maintenance_yuan + x.electricity_yuan + x.inspection_yuan for x in got)
                ),
                fmt_yuan(mean(x.npv_yuan for x in got)),
            ]
        )
    out.append(
        table(
            rows,
            [width * f for f in (0.12, 0.12, 0.11, 0.1, 0.1, 0.11, 0.12, 0.12)],
            align_right_cols=list(range(1, 8)),
        )
    )
    out.append(
        para(
            t(
                "各项为所计入单元的平均值（元/台）。",
                "Means over the units counted, yuan per elevator.",
            ),
            "tiny",
        )
    )
    return out


def _fit(c, t, width, project) -> list:
    out = [
        para(t("四、适配矩阵", "4. Fit matrix"), "h2"),
        para(
            t(
                "✓ 适配　× 不适配　? 缺少现场数据，无法判断",
                "✓ fits   × does not fit   ? survey data missing",
            ),
            "small",
        ),
    ]
    names = {u.id: u.name for u in project.units()} if project is not None else {}
    ids = [p.id for p in c.products]
    max_cols = 8
    for start in range(0, len(ids), max_cols):
        chunk = ids[start : start + max_cols]
        body = [[t("单元", "Unit")] + chunk]
        for uid, row in zip(c.unit_ids, c.fit):
            label = f"{names.get(uid) or uid}" + (
                t(f"（{uid}）", f" ({uid})") if names.get(uid) else ""
            )
            body.append([label] + [FIT_MARKS[f.state] for f in row[start : start + max_cols]])
        first = width * 0.4
        rest = (width - first) / max(1, len(chunk))
        out.append(table(body, [first] + [rest] * len(chunk)))
    reasons = [(f, r) for row in c.fit for f in row for r in f.reasons if r.kind == "misfit"]
    if reasons:
        out.append(para(t("不适配原因", "Why a product does not fit"), "body"))
        rows = [[t("单元", "Unit"), t("产品", "Product"), t("原因", "Reason")]]
        for f, r in reasons:
            rows.append([f.unit_id, f.product_id, t.pair((r.message_zh, r.message_en))])
        out.append(table(rows, [width * 0.2, width * 0.15, width * 0.65]))
    return out


def _tender(tr, t, width) -> list:
    w = tr.weights
    rules = tender_rules()
    m = rules["methods"][w.method_name]
    lo, hi = weight_range(w.kind, w.method)
    kind = t("货物", "goods") if w.kind == "goods" else t("服务", "services")
    out = [
        para(t("五、综合评分", "5. Tender scores"), "h2"),
        para(
            t(
                f"采购方式：{m['title_zh']}（{kind}），价格分权重法定范围 {fmt_num(lo)}–{fmt_num(hi)}"
                f"（{m['source_zh']}）。权重：价格 {fmt_num(w.price)}，技术 {fmt_num(w.technical)}，"
                f"服务 {fmt_num(w.service)}。价格分只按投标报价计算，评标基准价 "
                f"{fmt_yuan(tr.benchmark_yuan)} 元（最低有效报价，财政部令第87号第五十五条）。",
                f"Method: {m['title_en']} ({kind}); legal price weight {fmt_num(lo)}–"
                f"{fmt_num(hi)}. Weights: price {fmt_num(w.price)}, technical "
                f"{fmt_num(w.technical)}, service {fmt_num(w.service)}. The price score uses "
                f"the bid price; benchmark {fmt_yuan(tr.benchmark_yuan)} yuan (lowest valid "
                f"bid, MOF Order 87 Art. 55).",
            ),
            "small",
        ),
    ]
    caps = []
    if tr.max_price_yuan is not None:
        caps.append(
            t(
                f"最高限价 {fmt_yuan(tr.max_price_yuan)} 元/台",
                f"maximum price {fmt_yuan(tr.max_price_yuan)} yuan per elevator",
            )
        )
    if tr.budget_yuan is not None:
        caps.append(
            t(f"采购预算 {fmt_yuan(tr.budget_yuan)} 元", f"budget {fmt_yuan(tr.budget_yuan)} yuan")
        )
    if caps:
        out.append(
            para(
                t(
                    "；".join(caps) + "；超过者投标无效。",
                    "; ".join(caps) + "; bids above are invalid.",
                ),
                "small",
            )
        )
    rows = [
        [
            t("名次", "Rank"),
            t("投标", "Bid"),
            t("报价（元/台）", "Price (yuan each)"),
            t("价格分", "Price score"),
            t("技术分", "Technical"),
            t("服务分", "Service"),
            t("总分", "Total"),
        ]
    ]
    for s in tr.scores:
        rank = f"{s.rank}" + (t("（并列）", " (tied)") if s.tied else "")
        rows.append(
            [
                rank,
                s.bidder,
                fmt_yuan(s.price_yuan),
                fmt_num(s.price_score, 2),
                fmt_num(s.technical_points),
                fmt_num(s.service_points),
                fmt_num(s.total, 2),
            ]
        )
    out.append(
        table(
            rows,
            [width * f for f in (0.1, 0.18, 0.18, 0.13, 0.13, 0.13, 0.15)],
            align_right_cols=[2, 3, 4, 5, 6],
        )
    )
    if any(s.tied for s in tr.scores):
        out.append(
            para(
                t(
                    "并列规则："
                    + rules["ties"]["rule_zh"]
                    + "（"
                    + rules["ties"]["source_zh"]
                    + "）。",
                    "Ties: " + rules["ties"]["rule_en"] + ".",
                ),
                "small",
            )
        )
    for b in tr.excluded:
        why = (
            "；".join(t.pair(r) for r in split_reasons(b.invalid_reason))
            if t.lang == "zh"
            else "; ".join(t.pair(r) for r in split_reasons(b.invalid_reason))
        )
        out.append(para(t("无效投标：", "Invalid: ") + f"{b.bidder} — {why}", "small"))
    if tr.winner is not None and tr.winner_stable_range:
        a, z = tr.winner_stable_range
        out.append(
            para(
                t(
                    f"价格权重在 {fmt_num(a, 2)}–{fmt_num(z, 2)} 之间时，{tr.winner} 保持第一。",
                    f"{tr.winner} stays first for price weights {fmt_num(a, 2)}–{fmt_num(z, 2)}.",
                ),
                "small",
            )
        )
    if tr.reversal:
        out.append(
            para(
                t(
                    "注意：在法定权重范围内存在名次反转。",
                    "Note: the winner changes within the legal weight range.",
                ),
                "small",
            )
        )
    return out
