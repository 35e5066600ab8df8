"""`elevator-eval share UNIT.json|PROJECT [--unit ID] [--method NAME] [--json]`.

Splits a unit's cost over its households (unit format §5). ``--method`` overrides the
file's method. ``--compare`` adds every method side by side; ``--consensus`` adds the
consensus search over the households' stated maximum contributions.
"""

from __future__ import annotations

from decimal import Decimal

from ..costshare import METHOD_INFO, METHODS, compute_share
from ..costshare_compare import compare_methods
from ..costshare_consensus import find_consensus
from ..errors import InputError
from ..money import fmt_yuan
from ..rulebook import resolve
from ..textwidth import table
from . import CommandResult, add_target_arguments, load_target


def add_arguments(parser) -> None:
    add_target_arguments(parser)
    parser.add_argument(
        "--method",
        metavar="NAME",
        help="分摊方法，覆盖文件中的 share.method / sharing method, overrides "
        "the file's (floor_coefficient_area, coefficient_by_floor, "
        "stair_count, percent_by_household, equal)",
    )
    parser.add_argument(
        "--compare", action="store_true", help="并列比较所有方法 / every method side by side"
    )
    parser.add_argument(
        "--consensus",
        action="store_true",
        help="按住户可接受上限寻找共识方案 / search a split within every "
        "household's stated maximum",
    )
    parser.add_argument(
        "--per-area",
        action="store_true",
        help="共识方案按每平方米排序 / consensus: floor order per m²",
    )


def run(args) -> CommandResult:
    if args.method is not None and args.method not in METHODS:
        raise InputError("--method", f"must be one of {', '.join(METHODS)}, got {args.method!r}")
    unit, project = load_target(args.target, args.unit)
    # the unit's ``rules`` name is checked here as assess and consent check it (exit 2
    # naming the field), although the split does not depend on it
    resolve(project, unit)
    settings = project.settings if project is not None else None
    result = compute_share(unit, args.method, settings=settings)
    data = result.to_json()
    comparison = consensus = None
    if args.compare:
        comparison = compare_methods(unit, settings=settings)
        data["comparison"] = comparison.to_json()
    if args.consensus:
        consensus = find_consensus(unit, per_area=args.per_area)
        data["consensus"] = consensus.to_json()
    if args.json:
        return CommandResult(data=data, json_mode=True)
    return CommandResult(data=data, text=render_text(result, comparison, consensus))


def _y(d: Decimal) -> str:
    return fmt_yuan(d, unit="")


def _y2(d: Decimal) -> str:
    """Always two decimals (yearly running costs are split to the fen)."""
    return f"{d:,.2f}"


def _summary_lines(r) -> list[str]:
    """Method, capital total, subsidies and the owners' total of a share result."""
    lines = [
        f"单元 Unit {r.unit_id} — 费用分摊 / cost sharing",
        f"方法 Method: {r.method_title_zh} / {r.method_title_en} ({r.method})"
        + (f"，系数表 table: {r.table}" if r.table else ""),
        f"总造价 Capital total: {fmt_yuan(r.total_yuan)}",
    ]
    for s in r.subsidy_lines:
        parts = "，".join(f"{k} {_y(v)}" for k, v in s.parts.items())
        note = f" [{s.note_zh} / {s.note_en}]" if s.note_zh else ""
        lines.append(
            f"  补贴 {s.title_zh} / {s.title_en}: {fmt_yuan(s.amount_yuan)}{note}"
            + (f"（{parts}）" if parts else "")
        )
    lines.append(f"补贴合计 Subsidies: {fmt_yuan(r.subsidy_yuan)}")
    lines.append(
        f"业主分摊合计 Owners' total: {fmt_yuan(r.owners_total_yuan)}"
        f"（取整单位 rounding {_y(r.rounding_yuan)} 元）"
    )
    if r.compensation_pool_yuan:
        lines.append(f"低层补偿总额 Compensation pool: {fmt_yuan(r.compensation_pool_yuan)}")
    return lines


def _household_lines(r) -> list[str]:
    """One row per household with the totals, then the discount rate and warnings."""
    head = (
        "户号 Door",
        "层 Fl",
        "面积 m²",
        "分摊 Share",
        "其中补偿 Comp.",
        "年运维 O&M/a",
        "10年运维 10y",
        "公积金 PF",
        "维修资金 MF",
        "自付 Cash",
    )
    rows = [head]
    for h in r.households:
        rows.append(
            (
                h.id,
                str(h.floor),
                f"{h.area_m2:,.2f}",
                _y(h.share_yuan),
                _y(h.compensation_yuan),
                _y2(h.annual_running_yuan),
                _y2(h.running_10y_yuan),
                _y(h.provident_fund_yuan),
                _y(h.maintenance_fund_yuan),
                _y(h.net_out_of_pocket_yuan),
            )
        )

    def total(attr):
        return sum((getattr(h, attr) for h in r.households), Decimal(0))

    rows.append(
        (
            "合计 Total",
            "",
            f"{total('area_m2'):,.2f}",
            _y(total("share_yuan")),
            _y(total("compensation_yuan")),
            _y2(r.annual_running_total_yuan),
            _y2(r.running_10y_total_yuan),
            _y(total("provident_fund_yuan")),
            _y(total("maintenance_fund_yuan")),
            _y(total("net_out_of_pocket_yuan")),
        )
    )
    lines = _table(rows)
    if r.discount_rate:
        lines.append(
            f"运维费按年折现率 {r.discount_rate} 计 / running costs discounted at "
            f"{r.discount_rate} per year"
        )
    lines += [f"注意 Note: {w}" for w in r.warnings]
    return lines


def _ratio(v) -> str:
    return "—" if v is None else f"{float(v):.2f}"


def _comparison_lines(comparison) -> list[str]:
    """The methods side by side: each household's share under each method, two ratios."""
    lines = ["", "各方法比较 / Methods side by side"]
    rows = [tuple(["户号 Door", "层 Fl"] + [row.method for row in comparison.rows])]
    for hid, fl in comparison.households:
        rows.append(tuple([hid, str(fl)] + [_y(row.shares_yuan[hid]) for row in comparison.rows]))
    rows.append(
        tuple(
            ["顶层/二层 top/2nd", ""] + [_ratio(row.top_vs_second_ratio) for row in comparison.rows]
        )
    )
    rows.append(
        tuple(["最高/最低 max/min", ""] + [_ratio(row.max_min_ratio) for row in comparison.rows])
    )
    lines += _table(rows)
    for row in comparison.rows:
        info = METHOD_INFO.get(row.method)
        if info:
            lines.append(f"  {row.method} = {info['title_zh']} / {info['title_en']}")
    for m, why in comparison.skipped.items():
        lines.append(f"未比较 skipped {m}: {why}")
    return lines


def _consensus_lines(consensus) -> list[str]:
    lines = ["", "共识方案 / Consensus", consensus.message_zh, consensus.message_en]
    if consensus.feasible:
        rows = [("户号 Door", "上限 Limit", "建议 Proposed")]
        for hid, v in consensus.shares_yuan.items():
            lim = consensus.limits_yuan.get(hid)
            rows.append((hid, "—" if lim is None else _y(lim), _y(v)))
        lines += _table(rows)
    return lines


def render_text(result, comparison=None, consensus=None) -> str:
    """Chinese-first text table of a share result (with the methods compared and the
    consensus proposal when given)."""
    lines = _summary_lines(result) + [""] + _household_lines(result)
    if comparison is not None:
        lines += _comparison_lines(comparison)
    if consensus is not None:
        lines += _consensus_lines(consensus)
    return "\n".join(lines)


def _table(rows) -> list[str]:
    return table(rows, right_from=1)
