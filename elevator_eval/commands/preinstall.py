"""`elevator-eval preinstall`: pre-works now (during renovation) or later?

    preinstall UNIT.json|PROJECT [--unit ID] [--budget YUAN] [--seed N] [--draws N]
               [--horizon YEARS] [--quotes QUOTES.xlsx] [--consent-rules NAME] [--json]

- a unit file, or a project with ``--unit``: the valuation of one unit (expected saving,
  break-even probability, expected waste, Monte Carlo P10/P50/P90, tornado);
- a project with ``--budget`` (no ``--unit``): the units chosen within the budget;
- a project alone: the ranking of the candidate units by expected saving per yuan.
"""

from __future__ import annotations

from .. import preinstall as P
from ..errors import InputError
from ..io.quotes_xlsx import load_quotes
from ..money import fmt_yuan, to_decimal
from ..preinstall import PRICE_BASIS_TEXT
from ..textwidth import pad
from . import CommandResult, add_target_arguments, load_target


def add_arguments(parser) -> None:
    add_target_arguments(parser)
    parser.add_argument(
        "--budget",
        metavar="YUAN",
        help="预做预算（元），按预算选择单元 / budget for pre-works [yuan]",
    )
    parser.add_argument(
        "--seed", metavar="N", default="0", help="蒙特卡洛随机种子 / Monte Carlo seed (default 0)"
    )
    parser.add_argument(
        "--draws",
        metavar="N",
        default="100000",
        help="蒙特卡洛抽样次数 / Monte Carlo draws (default 100000)",
    )
    parser.add_argument(
        "--horizon",
        metavar="YEARS",
        default=None,
        help="评估年限（年）/ horizon [years] (default from the assumptions)",
    )
    parser.add_argument(
        "--quotes",
        metavar="QUOTES.xlsx",
        default=None,
        help="报价表：按其产品的底坑深度估计底坑返工 / quotes workbook: the pit "
        "rework follows its products' pit depths",
    )
    parser.add_argument(
        "--consent-rules",
        metavar="NAME",
        default=None,
        help="表决规则（默认按单元设置）/ consent ruleset (default: the unit's)",
    )


def _whole(text, field: str, *, lo: int, hi: int) -> int:
    d = to_decimal(text, field)
    if d != d.to_integral_value() or not lo <= d <= hi:
        raise InputError(field, f"must be a whole number from {lo} to {hi}, got {text}")
    return int(d)


def run(args) -> CommandResult:
    seed = _whole(args.seed, "--seed", lo=0, hi=2**63 - 1)
    draws = _whole(args.draws, "--draws", lo=2, hi=50_000_000)
    horizon = (
        None
        if args.horizon is None
        else _whole(args.horizon, "--horizon", lo=1, hi=P.MAX_HORIZON_YEARS)
    )
    budget = None if args.budget is None else to_decimal(args.budget, "--budget")
    catalogue = None
    if args.quotes is not None:
        catalogue = load_quotes(args.quotes)
    unit, project = load_target(args.target, args.unit, need_unit=False)
    if unit is not None:
        if budget is not None:
            raise InputError("--budget", "applies to a project without --unit")
        result = P.evaluate(
            unit,
            project,
            horizon_years=horizon,
            seed=seed,
            draws=draws,
            consent_ruleset=args.consent_rules,
            pit_products=catalogue,
        )
        return CommandResult(data=result.to_json(), text=_unit_text(result), json_mode=args.json)
    rows = P.rank_units(
        project, horizon_years=horizon, consent_ruleset=args.consent_rules, pit_products=catalogue
    )
    if budget is None:
        data = {"project": project.name, "ranking": [r.to_json() for r in rows]}
        return CommandResult(data=data, text=_ranking_text(rows), json_mode=args.json)
    sel = P.choose_units(rows, budget)
    data = {
        "project": project.name,
        "selection": sel.to_json(),
        "ranking": [r.to_json() for r in rows],
    }
    return CommandResult(data=data, text=_selection_text(sel), json_mode=args.json)


def _figure_rows(r) -> list[str]:
    e, m = r.expected, r.most_likely
    H = r.horizon_years

    def pct(d):
        return "—" if d is None else f"{float(d):.1%}"

    rows = [
        (
            "净节约（现值）/ net saving (present value)",
            fmt_yuan(e.net_saving_yuan),
            fmt_yuan(m.net_saving_yuan),
        ),
        (
            "是否合算 / pays off",
            "是 yes" if e.pays_off else "否 no",
            "是 yes" if m.pays_off else "否 no",
        ),
        ("现在预做 / cost now", fmt_yuan(e.cost_now_yuan), fmt_yuan(m.cost_now_yuan)),
        (
            "底坑返工（今日价）/ pit rework (today's prices)",
            fmt_yuan(e.pit_rework_yuan),
            fmt_yuan(m.pit_rework_yuan),
        ),
        (
            f"{H} 年内达成表决 / consent within {H} years",
            pct(e.probability_within_horizon),
            pct(m.probability_within_horizon),
        ),
        (
            "始终不加装（浪费）概率 / probability of waste",
            pct(e.probability_of_waste),
            pct(m.probability_of_waste),
        ),
        (
            "浪费时的损失 / loss if wasted",
            fmt_yuan(e.loss_if_wasted_yuan),
            fmt_yuan(m.loss_if_wasted_yuan),
        ),
        ("预期浪费 / expected waste", fmt_yuan(e.waste_yuan), fmt_yuan(m.waste_yuan)),
        ("盈亏平衡（每年）/ break-even a year", pct(e.break_even_hazard), pct(m.break_even_hazard)),
    ]
    out = [_fig_line(("", "期望 expected", "最可能 most likely"))]
    out += [_fig_line(row) for row in rows]
    return out


def _fig_line(cells) -> str:
    return pad(cells[0], 44) + " " + pad(cells[1], 18, True) + " " + pad(cells[2], 20, True)


def _unit_text(r) -> str:
    basis = PRICE_BASIS_TEXT.get(r.price_basis, (r.price_basis, r.price_basis))
    lines = [
        f"单元 / unit {r.unit_id}",
        r.message_zh,
        r.message_en,
        "",
        "期望 = 按所列不确定性取均值（精确计算）；最可能 = 各项取最可能值 / expected = the "
        "mean over the stated uncertainty (exact); most likely = every input at its most "
        "likely value",
    ]
    lines += _figure_rows(r)
    lines += [
        "",
        f"价格口径 / price basis: {basis[0]} / {basis[1]}",
        "",
        "预做工程 / pre-works now (低 / 最可能 / 高, low / most likely / high):",
    ]
    for it in r.items_now:
        lines.append(
            f"  {it.title_zh} / {it.title_en}: {fmt_yuan(it.low_yuan, unit='')} / "
            f"{fmt_yuan(it.mode_yuan, unit='')} / {fmt_yuan(it.high_yuan)}"
        )
    lines.append(
        "日后另做的额外费用（低 / 最可能 / 高）/ extra costs if done later (low / most "
        "likely / high):"
    )
    for it in r.extras_later:
        lines.append(
            f"  {it.title_zh} / {it.title_en}: {fmt_yuan(it.low_yuan, unit='')} / "
            f"{fmt_yuan(it.mode_yuan, unit='')} / {fmt_yuan(it.high_yuan)}"
        )
    if r.pit_outcomes:
        lines.append(
            f"预做底坑 {r.prebuilt_pit_mm} mm；日后产品 / pre-built pit "
            f"{r.prebuilt_pit_mm} mm; the later product:"
        )
        for o in r.pit_outcomes:
            rw = (
                "无需返工 / no rework"
                if o.rework is None
                else (
                    f"{o.rework.title_zh} / {o.rework.title_en} "
                    f"{fmt_yuan(o.rework.low_yuan, unit='')} / {fmt_yuan(o.rework.mode_yuan, unit='')}"
                    f" / {fmt_yuan(o.rework.high_yuan)}"
                )
            )
            lines.append(
                f"  {o.title_zh} / {o.title_en}（底坑 pit {o.pit_mm} mm，概率 "
                f"probability {o.probability:.0%}）: {rw}"
            )
    lines.append(
        f"表决前景 / consent outlook ({r.consent.ruleset}): {r.consent.reason_zh} / "
        f"{r.consent.reason_en}"
    )
    mc = r.monte_carlo
    if mc is not None:
        lo, hi = mc.p10_interval_yuan or (mc.p10_yuan, mc.p10_yuan)
        cond = "—" if mc.conditional_loss_yuan is None else fmt_yuan(mc.conditional_loss_yuan)
        lines += [
            f"蒙特卡洛 / Monte Carlo ({mc.draws} 次 / draws, seed {mc.seed}): 均值 / mean "
            f"{fmt_yuan(mc.mean_yuan)} ± {fmt_yuan(mc.std_error_yuan)}（标准误 / standard "
            f"error）",
            f"  净损失概率 / probability of a net loss {float(mc.probability_loss):.1%} ± "
            f"{float(mc.probability_loss_std_error):.1%}; 亏损时平均损失 / mean loss when "
            f"losing {cond}",
            f"  P10 {fmt_yuan(mc.p10_yuan)}（95% 区间 / interval {fmt_yuan(lo, unit='')} … "
            f"{fmt_yuan(hi)}）, P50 {fmt_yuan(mc.p50_yuan)}, P90 {fmt_yuan(mc.p90_yuan)}",
        ]
    if r.tornado is not None:
        lines.append(
            "敏感性（最可能情形，按影响排序；取低值 … 高值时的净节约）/ tornado around "
            "the most likely case (largest swing first; saving at the low … high "
            "value):"
        )
        for b in r.tornado.bars[:6]:
            lines.append(
                f"  {b.title_zh} / {b.title_en}: {fmt_yuan(b.saving_at_low_yuan, unit='')}"
                f" … {fmt_yuan(b.saving_at_high_yuan)}"
            )
    lines.append(f"依据 / assumptions: {r.assumptions_source}")
    return "\n".join(lines)


def _row_text(i: int, r) -> str:
    ratio = "-" if r.saving_per_yuan is None else f"{float(r.saving_per_yuan):+.3f}"
    return _line(
        (
            i,
            r.unit_id,
            r.consent_state,
            r.klass or "-",
            fmt_yuan(r.cost_now_yuan, unit=""),
            fmt_yuan(r.expected_saving_yuan, unit=""),
            ratio,
        )
    )


_COLUMNS = ((4, True), (16, False), (12, False), (11, False), (10, True), (11, True), (8, True))
"""(width in terminal columns, right-aligned) of the ranking table's columns."""


def _line(cells) -> str:
    out = [pad(str(c), w, r) for c, (w, r) in zip(cells, _COLUMNS)]
    return (out[0] + "  " + " ".join(out[1:])).rstrip()


_HEADER = _line(
    ("#", "单元 unit", "表决 consent", "类别 class", "期望投入", "期望节约", "每元节约")
)


def _ranking_text(rows) -> str:
    lines = [
        f"候选单元（按每元期望节约排序；期望 = 按所列不确定性取均值；金额单位：元）/ "
        f"candidate units by expected saving per expected yuan (the mean over the stated "
        f"uncertainty; amounts in yuan): {len(rows)}",
        _HEADER,
    ]
    lines += [_row_text(i, r) for i, r in enumerate(rows, 1)]
    return "\n".join(lines)


def _selection_text(sel) -> str:
    lines = [
        f"预算 / budget: {fmt_yuan(sel.budget_yuan)}",
        sel.rule_zh,
        sel.rule_en,
        f"选中 / chosen: {len(sel.chosen)} / {sel.eligible} 个合算单元 / units that pay off",
        f"投入 / spent: {fmt_yuan(sel.spent_yuan)}; 预期节约 / expected saving: "
        f"{fmt_yuan(sel.expected_saving_yuan)}",
        "金额单位：元 / amounts in yuan",
        _HEADER,
    ]
    lines += [_row_text(i, r) for i, r in enumerate(sel.chosen, 1)]
    return "\n".join(lines)
