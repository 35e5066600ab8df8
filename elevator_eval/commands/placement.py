"""`elevator-eval placement UNIT.json|PROJECT [--unit ID] [--json] [--width M] [--depth M]
[--corridor M] [--step M]`.

Candidate shaft positions along the own building of the unit's site plan, each measured and
ranked (:func:`elevator_eval.site.placement.candidates`): the same list the window's
"推荐井道位置 / Suggest shaft position" button shows, with the limits of the suitability
ruleset in force for the unit. A unit without ``site.plan`` exits 2.
"""

from __future__ import annotations

from ..errors import InputError
from ..rulebook import resolve
from ..site.placement import CORRIDOR_M, SHAFT_DEPTH_M, SHAFT_WIDTH_M, STEP_M, candidates
from ..site.plan import plan_of
from ..vocabulary import label
from . import CommandResult, add_target_arguments, load_target

LIMITS_M = {
    "--width": (1.0, 5.0),
    "--depth": (1.0, 5.0),
    "--corridor": (0.0, 5.0),
    "--step": (0.5, 20.0),
}
"""Accepted range of each size option [m]: a passenger-elevator shaft of a walk-up is
about 2–3 m each way, a corridor 1–3 m deep; larger values are typing mistakes."""


def add_arguments(parser) -> None:
    add_target_arguments(parser, unit_required=True)
    for flag, default, zh, en in (
        ("--width", SHAFT_WIDTH_M, "井道宽度", "shaft width"),
        ("--depth", SHAFT_DEPTH_M, "井道进深", "shaft depth"),
        ("--corridor", CORRIDOR_M, "平层入户的连廊进深", "corridor depth for flat entry"),
        ("--step", STEP_M, "沿立面的候选间距", "spacing of candidates along a façade"),
    ):
        parser.add_argument(
            flag,
            type=float,
            default=default,
            metavar="M",
            help=f"{zh}（米，默认 {default:g}）/ {en} in metres (default {default:g})",
        )


def _check_sizes(args) -> None:
    for flag, (low, high) in LIMITS_M.items():
        value = getattr(args, flag.lstrip("-"))
        if not low <= value <= high:
            raise InputError(flag, f"must be between {low:g} and {high:g} m, got {value:g}")


def render(unit_id: str, ruleset_title_zh: str, rows: list[dict]) -> str:
    """Chinese-first text table of the ranked candidates."""
    lines = [
        f"单元 / unit {unit_id}: 候选井道位置 / candidate shaft positions "
        f"（限值依据 / limits from: {ruleset_title_zh}；按问题数、日照减少排序 / ranked by "
        "problems, then hours of sun lost）",
        f"{'位置 pos':<10}{'日照减少 lost':>14}{'低于标准 below':>16}  问题 / problems",
    ]
    for r in rows:
        names = "、".join(r["problems_zh"]) or "无"
        names_en = ", ".join(r["problems_en"]) or "none"
        lines.append(
            f"{r['label']:<10}{r['lost_h']:>12.2f} h{r['windows_below']:>16}  {names} / {names_en}"
        )
    if not rows:
        lines.append(
            "没有放得下井道的位置（本楼的长边短于井道宽度）/ no position fits: the building's "
            "long sides are shorter than the shaft's width"
        )
    lines.append(
        "采用：在桌面程序的“总平面与日照”页双击该行 / to take one: double-click its row in the "
        "window's site-plan tab"
    )
    return "\n".join(lines)


def run(args) -> CommandResult:
    _check_sizes(args)
    unit, project = load_target(args.target, args.unit)
    plan = plan_of(unit.site)
    if plan is None:
        raise InputError("site.plan", f"unit {unit.id} has no site plan to place a shaft on")
    rules = resolve(project, unit)
    suitability = rules.suitability
    found = candidates(
        plan,
        entry_mode=unit.site.entry_mode,
        width_m=args.width,
        depth_m=args.depth,
        corridor_m=args.corridor,
        step_m=args.step,
        checks=suitability.checks,
        standard=rules.sunlight_standard.name,
    )
    rows = [
        {
            "label": c.label,
            "footprint": [list(p) for p in c.shaft.footprint],
            "height_m": c.shaft.height_m,
            "problems": list(c.problems),
            "problems_zh": [label("findings", p, "zh") for p in c.problems],
            "problems_en": [label("findings", p, "en") for p in c.problems],
            "lost_h": round(c.lost_h, 2),
            "windows_below": c.below,
            "measured": dict(c.values),
        }
        for c in found
    ]
    data = {
        "unit": unit.id,
        "suitability_ruleset": suitability.name,
        "sunlight_standard": rules.sunlight_standard.name,
        "entry_mode": unit.site.entry_mode,
        "width_m": args.width,
        "depth_m": args.depth,
        "corridor_m": args.corridor,
        "step_m": args.step,
        "candidates": rows,
    }
    return CommandResult(
        data=data, text=render(unit.id, suitability.title_zh, rows), json_mode=args.json
    )
