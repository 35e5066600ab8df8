"""The money of the proposal (方案书): the capital cost lines, each subsidy and the owners'
total, the remedies still to be quoted and the yearly running cost; then the per-household
table (contribution, compensation received, 10- and 15-year totals) with its notes and the
chart by floor. ``d`` is the proposal's :class:`~elevator_eval.report.proposal.ProposalData`.
"""

from __future__ import annotations

from decimal import Decimal

from ..budget_checks import pipe_relocation_note, unneeded_pipe_relocation
from ..costshare import METHOD_INFO
from ..vocabulary import counted
from . import labels as L
from .common import (
    Tr,
    fit_widths,
    fmt_area,
    fmt_num,
    fmt_pct_units,
    fmt_yuan,
    money_column,
    para,
    table,
    unavailable,
)
from .money_rows import display_shares, share_percent_units
from .proposal_outline import chinese_numeral, heading, section_number
from .proposal_sources import method_source


def costs(d, t: Tr, width: float) -> list:
    story = [para(heading("costs", t), "h2")]
    unit = d.unit
    rows = [[t("建设费用项目", "Capital cost line"), t("金额（元）", "Amount (yuan)")]]
    for key, amount in unit.costs.items_yuan.items():
        rows.append([L.label(L.COST_ITEMS, key, t), fmt_yuan(amount)])
    if not unit.costs.items_yuan and unit.costs.total_yuan_given is not None:
        rows.append(
            [t("总价（未分项）", "Total (not itemised)"), fmt_yuan(unit.costs.total_yuan_given)]
        )
    s = d.share
    if s is None:
        rows.append([t("合计", "Total"), fmt_yuan(unit.costs.total_yuan)])
        story.append(table(rows, [width * 0.6, width * 0.4], align_right_cols=[1]))
        story.append(
            unavailable(t, "补贴与分摊", "Subsidies and shares", d.missing.get("share", ""))
        )
        return story
    rows.append([t("建设费用合计", "Capital total"), fmt_yuan(s.total_yuan)])
    for line in s.subsidy_lines:
        title = t.pair((line.title_zh, line.title_en))
        note = t.pair((line.note_zh, line.note_en)) if (line.note_zh or line.note_en) else ""
        rows.append(
            [
                t("减：", "less: ")
                + title
                + (f"（{note}）" if note and t.lang == "zh" else (f" ({note})" if note else "")),
                "−" + fmt_yuan(line.amount_yuan),
            ]
        )
    rows.append([t("补贴合计", "Subsidies total"), "−" + fmt_yuan(s.subsidy_yuan)])
    rows.append([t("业主合计出资", "Owners' total"), fmt_yuan(s.owners_total_yuan)])
    n = len(rows)  # the owners' total is the highlighted line
    if s.compensation_pool_yuan:
        # what the contributing households pay besides: the per-household table's total
        n_impacts = section_number("impacts")
        rows.append(
            [
                t(
                    f"另：低层补偿（由出资住户承担，见第{chinese_numeral(n_impacts)}节）",
                    f"plus: compensation to the lower floors (section {n_impacts})",
                ),
                fmt_yuan(s.compensation_pool_yuan),
            ]
        )
        rows.append(
            [
                t("出资住户合计支付", "Paid by the contributing households"),
                fmt_yuan(s.owners_total_yuan + s.compensation_pool_yuan),
            ]
        )
    from reportlab.lib import colors

    story.append(
        table(
            rows,
            [width * 0.6, width * 0.4],
            align_right_cols=[1],
            extra_style=[("BACKGROUND", (0, n - 1), (-1, n - 1), colors.HexColor("#FFF2CC"))],
        )
    )
    story += _pipe_budget_check(unit, t)
    from .proposal_sections import remedy_items

    extra = remedy_items(d)
    if extra:
        story.append(
            para(
                t(
                    "整改费用（待询价，尚未计入上表，发生后按本方案的分摊比例由出资住户分担）：",
                    "Remedies (to be quoted, not yet in the table; once known they are shared in "
                    "this plan's proportions): ",
                )
                + t("；", "; ").join(
                    t.pair((x["zh"], x["en"])) + t(f"（{x['when_zh']}）", f" ({x['when_en']})")
                    for x in extra
                )
                + t("。", "."),
                "body",
            )
        )
    if unit.costs.annual_om_yuan:
        rows2 = [[t("年度运行费用", "Yearly running cost"), t("金额（元/年）", "yuan per year")]]
        for key, amount in unit.costs.annual_om_yuan.items():
            rows2.append([L.label(L.ANNUAL_ITEMS, key, t), fmt_yuan(amount)])
        rows2.append([t("合计", "Total"), fmt_yuan(s.annual_running_total_yuan)])
        from reportlab.platypus import Spacer

        story += [Spacer(1, 6), table(rows2, [width * 0.6, width * 0.4], align_right_cols=[1])]
    return story


def households(d, t: Tr, width: float) -> list:
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Spacer

    head_para = para(heading("households", t), "h2")
    s = d.share
    if s is None:
        return [
            head_para,
            unavailable(t, "分户分摊", "Household shares", d.missing.get("share", "")),
        ]
    method_line = para(
        t(
            f"分摊方法：{s.method_title_zh}（规则见第{chinese_numeral(section_number('rule'))}节）。"
            f"参考：{method_source(d, t)}。占比按最大余数法取两位小数，合计为 100.00%。",
            f"Method: {s.method_title_en}. Source: {method_source(d, t)}. Shares are multiples of "
            f"{fmt_yuan(s.rounding_yuan)} yuan and add up exactly to the owners' total "
            "(largest remainder; ties to the higher floor).",
        ),
        "small",
    )
    rows = household_rows(s, t)
    widths = fit_widths(rows, width)
    # heading, method and table stay together: a heading alone at a page foot helps nobody
    story = [
        KeepTogether(
            [
                head_para,
                method_line,
                table(
                    rows,
                    widths,
                    align_right_cols=range(2, len(rows[0])),
                    extra_style=[
                        (
                            "BACKGROUND",
                            (0, len(rows) - 1),
                            (-1, len(rows) - 1),
                            colors.HexColor("#FFF2CC"),
                        )
                    ],
                ),
            ]
        )
    ]
    story.append(para(t("；", "; ").join(_household_notes(s, t)) + t("。", "."), "small"))
    story += _funding_lines(s, t)
    from .charts import shares_by_floor_drawing

    story.append(Spacer(1, 4))
    story.append(KeepTogether([shares_by_floor_drawing(s, width, width * 0.42, t.lang)]))
    return story


def _pipe_budget_check(unit, t: Tr) -> list:
    """The budget checks' note (:mod:`elevator_eval.budget_checks`), when there is one."""
    amount = unneeded_pipe_relocation(unit)
    return [] if amount is None else [para(t(*pipe_relocation_note(amount)), "small")]


def household_rows(s, t: Tr) -> list[list[str]]:
    """The per-household table of a :class:`~elevator_eval.costshare_result.ShareResult`: header,
    one row per household (top floor first) and the total row. Amounts in yuan; funding
    columns that are zero for everybody are left out."""
    paid_all, received_all = display_shares(s)
    by_id = {h.id: (p, r) for h, p, r in zip(s.households, paid_all, received_all)}
    with_comp = any(r for r in received_all)
    head = [
        t("门牌", "Door"),
        t("楼层", "Floor"),
        t("面积 ㎡", "Area m²"),
        t("出资（元）", "Share (yuan)"),
        t("占比", "Of total"),
    ]
    if with_comp:
        head.append(t("获得补偿（元）", "Compensation received"))
    # how each door funds its share (provident fund, maintenance fund, cash) is the
    # owner's own business: the proposal, read by every owner, gives only the totals
    head += [
        t("年运行费", "Yearly running"),
        t("10 年合计", "10-year total"),
        t("15 年合计", "15-year total"),
    ]
    hs = sorted(s.households, key=lambda h: (-h.floor, h.id))

    def col(getter):
        values = [getter(h) for h in hs]
        return money_column(values + [sum(values, Decimal(0))])

    units = share_percent_units(s, 2)
    pct = [fmt_pct_units(units[h.id]) for h in hs] + ["100.00%"] if units else ["—"] * (len(hs) + 1)
    columns = [
        [h.id for h in hs] + [t("合计", "Total")],
        [str(h.floor) for h in hs] + [""],
        [fmt_area(h.area_m2) for h in hs] + [fmt_area(sum((h.area_m2 for h in hs), Decimal(0)))],
        col(lambda h: by_id[h.id][0]),
        pct,
    ]
    if with_comp:
        columns.append(col(lambda h: by_id[h.id][1]))
    columns += [
        col(lambda h: h.annual_running_yuan),
        col(lambda h: by_id[h.id][0] + h.running_10y_yuan),
        col(lambda h: by_id[h.id][0] + h.running_15y_yuan),
    ]
    return [head] + [list(r) for r in zip(*columns)]


def _funding_lines(s, t: Tr) -> list:
    """The shares' funding in totals (maintenance fund, provident fund, cash) and the
    engine's notes, without naming a door: each owner's funding is their own business
    (the organiser settles it with each household)."""
    mf = sum((h.maintenance_fund_yuan for h in s.households), Decimal(0))
    pf = sum((h.provident_fund_yuan for h in s.households), Decimal(0))
    out = []
    if mf or pf:
        cash = sum((max(h.net_out_of_pocket_yuan, Decimal(0)) for h in s.households), Decimal(0))
        parts = [
            (t("住宅专项维修资金", "maintenance fund"), mf),
            (t("住房公积金", "provident fund"), pf),
            (t("业主自付", "owners' cash"), cash),
        ]
        listed = t("，", ", ").join(
            f"{name} {fmt_yuan(v, symbol=True)}" for name, v in parts if v or name == parts[2][0]
        )
        out.append(
            para(
                t(
                    f"资金来源（合计）：{listed}；各户的资金来源由组织单位与本户核对，"
                    "不在方案书中逐户列出。",
                    f"Funding in total: {listed}; each household's funding is settled with "
                    "that household and not listed door by door here.",
                ),
                "small",
            )
        )
    doors = {h.id for h in s.households}
    per_door = [w for w in s.warnings if str(w).split(": ", 1)[0] in doors]
    if per_door:
        out.append(
            para(
                t(
                    f"注意：{len(per_door)} 户的公积金提取按条件或应付份额作了调整，"
                    "由组织单位与该户核对。",
                    f"Note: the provident-fund withdrawal of {counted(len(per_door), 'household')} "
                    "was adjusted to the conditions or the share; the organiser checks it with "
                    "the household.",
                ),
                "small",
            )
        )
    for w in s.warnings:
        if w not in per_door:
            out.append(para(t("注意：", "Note: ") + t.bilingual(str(w)), "small"))
    return out


def _household_notes(s, t: Tr) -> list[str]:
    """What the totals mean, the discount rate and the running-cost rule, when they apply."""
    notes = [
        t(
            "“10 年合计”“15 年合计”= 建设出资 + 10 年或 15 年运行费",
            "10- and 15-year totals = capital share + 10 or 15 years of running cost",
        )
    ]
    if s.compensation_pool_yuan > 0:  # the column of compensation received is printed
        notes.append(
            t(
                "出资含各户承担的低层补偿，不扣除所获补偿，所获补偿单列一栏",
                "a share includes the household's part of the compensation to the lower "
                "floors and never nets off compensation received, which has its own column",
            )
        )
    if s.discount_rate is not None:
        notes.append(
            t(
                f"运行费按年折现率 {fmt_num(s.discount_rate)} 折现",
                f"running cost discounted at {fmt_num(s.discount_rate)} per year",
            )
        )
    if s.running_method and s.running_method != s.method:
        info = METHOD_INFO.get(s.running_method)
        if info:
            notes.append(
                t(f"运行费按“{info['title_zh']}”分摊", f"running cost split by {info['title_en']}")
            )
    return notes
