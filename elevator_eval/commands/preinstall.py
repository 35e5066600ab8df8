"""`elevator-eval preinstall`: pre-works now (during renovation) or later?

    preinstall UNIT.json|PROJECT [--unit ID] [--budget YUAN] [--seed N] [--draws N]
               [--horizon YEARS] [--json]

- a unit file, or a project with ``--unit``: the valuation of one unit (expected saving,
  break-even probability, expected waste, Monte Carlo P10/P50/P90, tornado);
- a project with ``--budget`` (no ``--unit``): the units chosen within the budget;
- a project alone: the ranking of the candidate units by expected saving per yuan.
"""

from __future__ import annotations

from ..errors import InputError
from ..money import fmt_yuan, to_decimal
from ..textwidth import pad
from . import CommandResult, add_target_arguments


def add_arguments(parser) -> None:
    add_target_arguments(parser)
    parser.add_argument("--budget", metavar="YUAN",
                        help="预做预算（元），按预算选择单元 / budget for pre-works [yuan]")
    parser.add_argument("--seed", metavar="N", default="0",
                        help="蒙特卡洛随机种子 / Monte Carlo seed (default 0)")
    parser.add_argument("--draws", metavar="N", default="100000",
                        help="蒙特卡洛抽样次数 / Monte Carlo draws (default 100000)")
    parser.add_argument("--horizon", metavar="YEARS", default=None,
                        help="评估年限（年）/ horizon [years] (default from the assumptions)")


def _whole(text, field: str, *, lo: int, hi: int) -> int:
    d = to_decimal(text, field)
    if d != d.to_integral_value() or not lo <= d <= hi:
        raise InputError(field, f"must be a whole number from {lo} to {hi}, got {text}")
    return int(d)


def run(args) -> CommandResult:
    from .. import preinstall as P
    from . import load_target
    seed = _whole(args.seed, "--seed", lo=0, hi=2 ** 63 - 1)
    draws = _whole(args.draws, "--draws", lo=2, hi=50_000_000)
    horizon = None if args.horizon is None else _whole(args.horizon, "--horizon", lo=1,
                                                       hi=P.MAX_HORIZON_YEARS)
    budget = None if args.budget is None else to_decimal(args.budget, "--budget")
    unit, project = load_target(args.target, args.unit, need_unit=False)
    if unit is not None:
        if budget is not None:
            raise InputError("--budget", "applies to a project without --unit")
        from ..consent import tally
        from ..rulebook import resolve
        consent = tally(unit, resolve(project, unit).consent) if unit.households else None
        inputs = P.build_inputs(unit, project, horizon_years=horizon, consent_result=consent)
        result = P.evaluate(unit, project, horizon_years=horizon, seed=seed, draws=draws,
                            inputs=inputs)
        return CommandResult(data=result.to_json(), text=_unit_text(result),
                             json_mode=args.json)
    rows = P.rank_units(project, horizon_years=horizon)
    if budget is None:
        data = {"project": project.name, "ranking": [r.to_json() for r in rows]}
        return CommandResult(data=data, text=_ranking_text(rows), json_mode=args.json)
    sel = P.choose_units(rows, budget)
    data = {"project": project.name, "selection": sel.to_json(),
            "ranking": [r.to_json() for r in rows]}
    return CommandResult(data=data, text=_selection_text(sel), json_mode=args.json)


def _unit_text(r) -> str:
    lines = [f"单元 / unit {r.unit_id}", r.message_zh, r.message_en, "",
             "预做工程 / pre-works now (低 / 最可能 / 高, low / most likely / high):"]
    for it in r.items_now:
        lines.append(f"  {it.title_zh} / {it.title_en}: {fmt_yuan(it.low_yuan, unit='')} / "
                     f"{fmt_yuan(it.mode_yuan, unit='')} / {fmt_yuan(it.high_yuan)}")
    lines.append("日后另做的额外费用 / extra costs if done later:")
    for it in r.extras_later:
        lines.append(f"  {it.title_zh} / {it.title_en}: {fmt_yuan(it.mode_yuan)}")
    lines += [
        f"现在预做 / cost now: {fmt_yuan(r.cost_now_yuan)}",
        f"表决前景 / consent outlook: {r.consent.reason_zh} / {r.consent.reason_en}",
        f"{r.horizon_years} 年内达成表决概率 / probability of consent within the horizon: "
        f"{float(r.probability_within_horizon):.1%}",
        f"预期净节约（现值）/ expected net saving (NPV): {fmt_yuan(r.expected_saving_yuan)}",
        f"全不确定性下的期望 / mean over all uncertainty: {fmt_yuan(r.mean_saving_yuan)}",
        f"预期浪费 / expected waste: {fmt_yuan(r.expected_waste_yuan)}",
    ]
    if r.break_even_hazard is not None:
        lines.append(f"盈亏平衡 / break-even: {float(r.break_even_hazard):.1%} 每年 / a year "
                     f"({float(r.break_even_probability):.1%} {r.horizon_years} 年内 / "
                     f"within the horizon)")
    else:
        lines.append("盈亏平衡 / break-even: 无（即使明年必然加装也不合算）/ none (does not pay "
                     "even with consent certain next year)")
    mc = r.monte_carlo
    if mc is not None:
        lines.append(f"蒙特卡洛 / Monte Carlo ({mc.draws} 次 / draws, seed {mc.seed}): "
                     f"P10 {fmt_yuan(mc.p10_yuan)}, P50 {fmt_yuan(mc.p50_yuan)}, "
                     f"P90 {fmt_yuan(mc.p90_yuan)}; 均值 / mean {fmt_yuan(mc.mean_yuan)} "
                     f"± {fmt_yuan(mc.std_error_yuan)}; 合算概率 / P(pays off) "
                     f"{float(mc.probability_pays_off):.1%}")
    if r.tornado is not None:
        lines.append("敏感性（按影响排序；取低值 … 高值时的预期净节约）/ tornado (largest swing "
                     "first; expected saving at the low … high value):")
        for b in r.tornado.bars[:6]:
            lines.append(f"  {b.title_zh} / {b.title_en}: {fmt_yuan(b.saving_at_low_yuan, unit='')}"
                         f" … {fmt_yuan(b.saving_at_high_yuan)}")
    lines.append(f"依据 / assumptions: {r.assumptions_source}")
    return "\n".join(lines)


def _row_text(i: int, r) -> str:
    ratio = "-" if r.saving_per_yuan is None else f"{float(r.saving_per_yuan):+.3f}"
    return _line((i, r.unit_id, r.consent_state, r.klass or "-",
                  fmt_yuan(r.cost_now_yuan, unit=""), fmt_yuan(r.expected_saving_yuan, unit=""),
                  ratio))


_COLUMNS = ((4, True), (16, False), (12, False), (11, False), (10, True), (11, True),
            (8, True))
"""(width in terminal columns, right-aligned) of the ranking table's columns."""


def _line(cells) -> str:
    out = [pad(str(c), w, r) for c, (w, r) in zip(cells, _COLUMNS)]
    return (out[0] + "  " + " ".join(out[1:])).rstrip()


_HEADER = _line(("#", "单元 unit", "表决 consent", "类别 class", "投入 cost", "节约 saving",
                 "每元节约"))


def _ranking_text(rows) -> str:
    lines = [f"候选单元（按每元预期节约排序；金额单位：元）/ candidate units by expected saving "
             f"per yuan (amounts in yuan): {len(rows)}", _HEADER]
    lines += [_row_text(i, r) for i, r in enumerate(rows, 1)]
    return "\n".join(lines)


def _selection_text(sel) -> str:
    lines = [f"预算 / budget: {fmt_yuan(sel.budget_yuan)}", sel.rule_zh, sel.rule_en,
             f"选中 / chosen: {len(sel.chosen)} / {sel.eligible} 个合算单元 / units that pay off",
             f"投入 / spent: {fmt_yuan(sel.spent_yuan)}; 预期节约 / expected saving: "
             f"{fmt_yuan(sel.expected_saving_yuan)}",
             f"上界 / upper bound: {fmt_yuan(sel.upper_bound_yuan)}; 差距 / gap: "
             f"{fmt_yuan(sel.gap_yuan)}", "金额单位：元 / amounts in yuan", _HEADER]
    lines += [_row_text(i, r) for i, r in enumerate(sel.chosen, 1)]
    return "\n".join(lines)
