"""Yearly upkeep statement (电梯运行维护年度收支公示) of one unit, one page for residents.

It shows the year's running-cost bills, each household's share by the agreed rule, the
totals paid and owed, the reserve fund and the faults. In the residents' version
(default) arrears are shown as totals only — how many households have not paid in full
and how much is owed — so that no neighbour is singled out; ``detail=True`` adds what each
door paid and owes, for the 使用管理人's own file.
"""

from __future__ import annotations

from ..costshare import METHOD_INFO
from ..process.upkeep import year_statement
from ..vocabulary import counted, pairs
from .common import (
    INTERNAL_EN,
    INTERNAL_ZH,
    Tr,
    content_width,
    fmt_yuan,
    internal_mark,
    kv_table,
    money_column,
    para,
    table,
    unit_context,
)
from .page_template import build_pdf


def build_upkeep_statement(
    unit, year: int, *, project=None, lang: str = "zh", out, detail: bool = False
) -> None:
    """Write the statement of ``year`` for ``unit`` (raises ``InputError`` without upkeep)."""
    t = Tr(lang)
    width = content_width()
    st = year_statement(unit, year, project)
    community, building, project_name = unit_context(unit, project)
    story = _title(unit, year, t, community, building, detail)
    story.append(_contract_table(unit, st, t, width))
    half = (width - 8) / 2
    story.append(_side(_costs_table(st, t, half), _reserve_table(st, t, half), half))
    story.append(para(t("三、各户分摊", "3. Share of each household"), "h2"))
    story.append(_shares_table(st, t, width, detail))
    story.append(_arrears_line(st, t))
    story.append(para(t("四、故障记录", "4. Faults"), "h2"))
    story.append(_faults_table(st, t, width))
    story.append(
        para(
            t(
                "如对本明细有疑问，请与使用管理人联系。"
                if detail
                else "如对本公示有疑问，请与使用管理人联系。",
                "Questions about this statement: please ask the elevator's user-manager.",
            ),
            "small",
        )
    )
    title = t("年度收支公示", "Upkeep statement")
    if detail:  # what each door paid and owes: the manager's file, never posted
        title = t(f"年度收支明细 · {INTERNAL_ZH}", f"Upkeep ledger · {INTERNAL_EN}")
    build_pdf(
        out,
        story,
        title=f"{title} {unit.id} {year}",
        header_left=project_name or title,
        header_right=f"{title} · {unit.id} · {year}",
        lang=lang,
    )


def _title(unit, year: int, t: Tr, community: str, building: str, detail: bool) -> list:
    """The title and the subtitle (the unit's name, or community / building / unit); the
    version with each door's payments is titled a ledger and marked not for posting."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from .common import esc, styles

    title_style = ParagraphStyle(
        "ee-upkeep-title", parent=styles()["title"], fontSize=19, leading=25, spaceAfter=2
    )
    if detail:
        heading = t(
            f"{year} 年度电梯运行维护收支明细（内部存档）",
            f"Elevator upkeep ledger {year} (internal file)",
        )
    else:
        heading = t(f"{year} 年度电梯运行维护收支公示", f"Elevator upkeep statement {year}")
    mark = [internal_mark(t)] if detail else []
    return mark + [
        Paragraph(esc(heading), title_style),
        para(unit.name or " ".join(x for x in (community, building, unit.id) if x), "subtitle"),
    ]


def _contract_table(unit, st, t: Tr, width: float):
    """Who manages and maintains the elevator, the contract, inspections, the split rule."""
    info = METHOD_INFO.get(st.method, {})
    fee = "—" if st.contract_fee_yuan is None else fmt_yuan(st.contract_fee_yuan, symbol=True)
    pairs = [
        (t("单元编号", "Unit"), unit.id),
        (t("使用管理人", "Elevator user-manager"), st.manager or "—"),
        (t("维保单位", "Maintenance contractor"), st.contractor or "—"),
        (
            t("维保合同（年费 / 到期）", "Contract (yearly fee / ends)"),
            f"{fee} / {st.contract_end or '—'}",
        ),
        (
            t("定期检验（上次 / 下次到期）", "Periodic inspection (last / next due)"),
            f"{st.last_inspection or '—'} / {st.next_inspection or '—'}",
        ),
        (
            t("分摊办法", "Split rule"),
            t.pair((info.get("title_zh", st.method), info.get("title_en", st.method))),
        ),
    ]
    return kv_table(pairs, width, 0.32)


def _costs_table(st, t: Tr, half: float):
    """Part 1: the year's bills and their total [yuan]."""
    rows = [[t("一、本年度费用", "1. This year's costs"), t("金额（元）", "Amount (yuan)")]]
    amounts = money_column([a for _, a in st.bills] + [st.bills_total_yuan])
    # an item as the manager typed it; its English name where the vocabulary knows it
    names = pairs("upkeep_bills")
    rows += [
        [t.pair(names.get(item, (item, item))), amounts[i]] for i, (item, _) in enumerate(st.bills)
    ]
    rows.append([t("合计", "Total"), amounts[-1]])
    return table(rows, [half * 0.6, half * 0.4], align_right_cols=(1,))


def _reserve_table(st, t: Tr, half: float):
    """Part 2: the reserve fund over the year [yuan]."""
    return table(
        [
            [t("二、备用金", "2. Reserve fund"), t("金额（元）", "Amount (yuan)")],
            [t("年初余额", "Balance on 1 January"), fmt_yuan(st.reserve_start_yuan)],
            [t("本年存入", "Paid in"), fmt_yuan(st.reserve_in_yuan)],
            [t("本年支出", "Spent"), fmt_yuan(st.reserve_out_yuan)],
            [t("年末余额", "Balance on 31 December"), fmt_yuan(st.reserve_end_yuan)],
        ],
        [half * 0.6, half * 0.4],
        align_right_cols=(1,),
    )


def _shares_table(st, t: Tr, width: float, detail: bool):
    """Part 3: each household's share [yuan]; with ``detail`` also paid and owed."""
    hs = sorted(st.rows, key=lambda r: (-r.floor, r.household))
    head = [t("门牌", "Door"), t("楼层", "Floor"), t("应分摊（元）", "Share (yuan)")]
    if detail:
        head += [t("已缴（元）", "Paid (yuan)"), t("欠缴（元）", "Owed (yuan)")]
    rows = [head]
    shares = money_column([r.share_yuan for r in hs])
    paid = money_column([r.paid_yuan for r in hs])
    owed = money_column([r.arrears_yuan for r in hs])
    for i, r in enumerate(hs):
        row = [r.household, str(r.floor), shares[i]]
        if detail:
            row += [paid[i], owed[i]]
        rows.append(row)
    n = len(head)
    rows.append(
        [t("合计", "Total"), "", fmt_yuan(sum(r.share_yuan for r in hs))]
        + ([fmt_yuan(st.paid_total_yuan), fmt_yuan(st.arrears_total_yuan)] if detail else [])
    )
    fr = [0.3, 0.2, 0.5] if not detail else [0.2, 0.14, 0.22, 0.22, 0.22]
    return table(rows, [width * f for f in fr], align_right_cols=range(1, n), repeat=False)


def _arrears_line(st, t: Tr):
    """Totals paid and owed, and how many households owe (nobody named)."""
    n_owing = sum(1 for r in st.rows if r.arrears_yuan > 0)
    paid_t = fmt_yuan(st.paid_total_yuan, symbol=True)
    owed_t = fmt_yuan(st.arrears_total_yuan, symbol=True)
    return para(
        t(
            f"已缴合计 {paid_t}；未缴清 {n_owing} 户，欠缴合计 {owed_t}。",
            f"Paid in all {paid_t}; {counted(n_owing, 'household')} not paid in full, "
            f"{owed_t} owed.",
        ),
        "body",
    )


def _faults_table(st, t: Tr, width: float):
    """Part 4: the year's faults and when they were fixed."""
    rows = [[t("日期", "Date"), t("故障情况", "Fault"), t("修复日期", "Fixed on")]]
    rows += [[f.date, f.text, f.fixed or t("未修复", "not fixed")] for f in st.faults]
    if not st.faults:
        rows.append(["—", t("本年度无故障记录", "No fault recorded this year"), ""])
    return table(rows, [width * 0.18, width * 0.64, width * 0.18])


def _side(left, right, half: float):
    """Two flowables side by side, top-aligned."""
    from reportlab.platypus import Table, TableStyle

    grid = Table([[left, right]], colWidths=[half + 4, half + 4])
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return grid
