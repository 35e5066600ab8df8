"""The sharing rule of the proposal (方案书) in full: the sharing method and its formula,
the coefficient or percent of each floor, exemptions, each subsidy with its rule, cap and
source, and the running-cost split with its 10- and 15-year totals.
"""

from __future__ import annotations

from decimal import Decimal

from ..vocabulary import agreeing
from .common import Tr, fmt_num, fmt_yuan, para, table


def _weight_rows(d, t: Tr) -> list[list[str]]:
    unit, s = d.unit, d.share
    settings = d.project.settings if d.project is not None else None
    exempt = set(unit.share.exempt_floors)
    by_floor: dict[int, list] = {}
    for h in s.households:
        by_floor.setdefault(h.floor, []).append(h)
    coeffs = None
    if s.method in ("floor_coefficient_area", "coefficient_by_floor"):
        from ..costshare import coefficients_for

        coeffs, _table = coefficients_for(unit, settings=settings)
    rows = []
    for floor in sorted(by_floor, reverse=True):
        if floor in exempt:
            value, note = "0", t("免缴建设费用", "exempt")
        elif coeffs is not None:
            value, note = (
                fmt_num(coeffs.get(floor)),
                (
                    t("系数 × 各户面积", "coefficient × area")
                    if s.method == "floor_coefficient_area"
                    else t("系数", "coefficient")
                ),
            )
        elif s.method == "stair_count":
            value, note = str(floor - 1), t("少爬的楼层数", "floors not climbed")
        elif s.method == "percent_by_household":
            vals = dict.fromkeys(
                f"{fmt_num(Decimal(h.weight.numerator) / h.weight.denominator)}%"
                for h in by_floor[floor]
            )
            value, note = (
                "、".join(vals) if t.lang == "zh" else ", ".join(vals),
                t("各户固定比例", "fixed share per household"),
            )
        else:
            value, note = "1", t("每户相同", "same for every household")
        rows.append([t(f"{floor} 层", f"floor {floor}"), value, note])
    return rows


def _subsidy_rule_text(rule: dict, t: Tr) -> str:
    kind = rule.get("type")
    if kind == "percent_capped":
        return t(
            f"建设费用的 {fmt_num(rule['percent'])}%，每台最高 ¥{fmt_yuan(rule['cap_yuan'])}",
            f"{fmt_num(rule['percent'])} % of the capital cost, at most "
            f"¥{fmt_yuan(rule['cap_yuan'])} per elevator",
        )
    if kind == "fixed":
        return t(f"定额 ¥{fmt_yuan(rule['yuan'])}", f"fixed ¥{fmt_yuan(rule['yuan'])}")
    if kind == "pipeline":
        return t(
            f"按管线迁改费用补贴，最高 ¥{fmt_yuan(rule['cap_yuan'])}",
            f"pipe relocation cost, at most ¥{fmt_yuan(rule['cap_yuan'])}",
        )
    if kind == "per_stop":
        return t(
            f"{rule.get('base_stops')} 站 ¥{fmt_yuan(rule.get('base_yuan'))}，每增加 1 站加 "
            f"¥{fmt_yuan(rule.get('step_yuan'))}，最高 ¥{fmt_yuan(rule.get('max_yuan'))}",
            f"¥{fmt_yuan(rule.get('base_yuan'))} for {rule.get('base_stops')} stops, "
            f"¥{fmt_yuan(rule.get('step_yuan'))} per further stop, at most "
            f"¥{fmt_yuan(rule.get('max_yuan'))}",
        )
    if kind == "storeys_tiered":
        return t("按楼栋层数分档", "tiered by the number of storeys")
    return str(kind)


def stated_source(rule: dict, lang: str) -> str:
    """The subsidy's source in ``lang`` as a document may print it: ``source_zh``, or the
    ``source`` when it holds no English or web address; "" when none is stated."""
    from ..language import source_in

    return source_in(
        lang,
        str(rule.get("source") or ""),
        str(rule.get("source_zh") or ""),
        str(rule.get("source_en") or ""),
        fallback_zh="",
    )


def subsidy_source(rule: dict, t: Tr) -> str:
    """The subsidy's source as :func:`stated_source` gives it, else a blank to fill in."""
    return stated_source(rule, t.lang) or t(
        "未注明文件（请补充补贴文件名称和文号）",
        "not stated (add the title and number of the subsidy notice)",
    )


def sharing_rule(d, t: Tr, width: float, heading: str) -> list:
    """The sharing rule in full: method, coefficients, exemptions, subsidies with caps and
    sources, running-cost split, 10- and 15-year running totals."""
    s = d.share
    story = [para(heading, "h2")]
    if s is None:
        return story
    unit = d.unit
    story.append(_method_para(s, t))
    rows = [[t("楼层", "Floor"), t("系数或比例", "Coefficient or percent"), t("说明", "Note")]]
    rows += _weight_rows(d, t)
    story.append(table(rows, [width * 0.2, width * 0.3, width * 0.5]))
    exempt = sorted(unit.share.exempt_floors)
    if exempt:
        story.append(
            para(
                t(
                    "免缴：" + "、".join(f"{f} 层" for f in exempt) + "住户不承担建设费用。",
                    "Exempt: households on "
                    + agreeing(len(exempt), "floor ", "floors ")
                    + ", ".join(map(str, exempt))
                    + " pay no capital share.",
                ),
                "body",
            )
        )
    if unit.subsidies:
        story.append(_subsidy_table(unit, s, t, width))
    if s.annual_running_total_yuan:
        story.append(_running_para(unit, s, t))
    return story


def _method_para(s, t: Tr):
    """The sharing method, its formula and how amounts are rounded."""
    formula = {
        "floor_coefficient_area": (
            "各户出资 = 业主合计出资 × 该户（楼层系数 × 面积）÷ 全部出资户（楼层系数 × 面积）之和",
            "share = owners' total × (coefficient × area) ÷ Σ (coefficient × area)",
        ),
        "coefficient_by_floor": (
            "各户出资 = 业主合计出资 × 该户楼层系数 ÷ 全部出资户系数之和",
            "share = owners' total × coefficient ÷ Σ coefficients",
        ),
        "stair_count": (
            "各户出资 = 业主合计出资 × 该户少爬的楼层数 ÷ 全部出资户之和",
            "share = owners' total × floors not climbed ÷ their sum",
        ),
        "percent_by_household": (
            "各户出资 = 业主合计出资 × 该户约定比例",
            "share = owners' total × the household's agreed percent",
        ),
        "equal": ("各出资户平均分摊", "equal shares among the paying households"),
    }.get(s.method, (s.method_title_zh, s.method_title_en))
    pool = s.compensation_pool_yuan
    comp_zh = comp_en = ""
    if pool > 0:  # the table's 出资 is the share plus the household's part of the pool
        comp_zh = (
            f"低层补偿合计 ¥{fmt_yuan(pool)} 另由出资户按同一比例分担，"
            "分户出资明细中的“出资”含此项。"
        )
        comp_en = (
            f" The compensation to the lower floors, ¥{fmt_yuan(pool)} in all, is paid by "
            "the contributing households in the same proportions on top; the table's "
            '"share" includes it.'
        )
    return para(
        t(
            f"分摊方法：{s.method_title_zh}。{formula[0]}；金额取整到 "
            f"{fmt_yuan(s.rounding_yuan)} 元，零头按最大余数法分配，同等时先给较高楼层，"
            f"各户合计恰等于业主合计出资。{comp_zh}",
            f"Method: {s.method_title_en}. {formula[1]}; amounts in "
            f"{fmt_yuan(s.rounding_yuan)} yuan units, odd units by largest "
            f"remainder (ties to the higher floor); the shares add up exactly.{comp_en}",
        ),
        "body",
    )


def _subsidy_table(unit, s, t: Tr, width: float):
    """Each subsidy: its rule and cap, this unit's amount [yuan] and its source."""
    srows = [
        [
            t("补贴", "Subsidy"),
            t("规则与上限", "Rule and cap"),
            t("本单元金额", "This unit"),
            t("依据", "Source"),
        ]
    ]
    amounts = {i: ln for i, ln in enumerate(s.subsidy_lines)}
    from ..costshare_subsidy import rule_title

    for i, rule in enumerate(unit.subsidies):
        title = t.pair(rule_title(rule))
        line = amounts.get(i)
        srows.append(
            [
                title,
                _subsidy_rule_text(rule, t),
                "¥" + fmt_yuan(line.amount_yuan) if line else "—",
                subsidy_source(rule, t),
            ]
        )
    return table(
        srows, [width * 0.2, width * 0.3, width * 0.15, width * 0.35], align_right_cols=[2]
    )


def _running_para(unit, s, t: Tr):
    """How the yearly running costs are split, with the 10- and 15-year totals [yuan]."""
    rm = s.running_method or s.method
    from ..costshare import METHOD_INFO

    info = METHOD_INFO.get(rm, {})
    r_exempt = unit.share.extra.get("running_exempt_floors", unit.share.exempt_floors)
    text = t(
        f"运行费分摊：每年运行费 ¥{fmt_yuan(s.annual_running_total_yuan)}，按“"
        f"{info.get('title_zh', rm)}”分摊",
        f"Running costs: ¥{fmt_yuan(s.annual_running_total_yuan)} a year, split by "
        f"{info.get('title_en', rm)}",
    )
    if r_exempt:
        text += t(
            "，" + "、".join(f"{f} 层" for f in r_exempt) + "住户免缴",
            "; "
            + agreeing(len(r_exempt), "floor ", "floors ")
            + ", ".join(map(str, r_exempt))
            + " exempt",
        )
    text += t(
        f"。10 年合计 ¥{fmt_yuan(s.running_10y_total_yuan)}，15 年合计 "
        f"¥{fmt_yuan(s.running_15y_total_yuan)}。",
        f". 10 years: ¥{fmt_yuan(s.running_10y_total_yuan)}; 15 years: "
        f"¥{fmt_yuan(s.running_15y_total_yuan)}.",
    )
    return para(text, "body")
