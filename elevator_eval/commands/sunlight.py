"""`elevator-eval sunlight UNIT.json|PROJECT [--unit ID] [--json] [--step MIN]`.

Hours of sun on the standard day for every window of the unit's site plan, before and
after the shaft (site-plan contract §4). A unit without ``site.plan`` exits 2.
"""

from __future__ import annotations

from ..errors import InputError
from ..rulebook import resolve
from ..site.plan import plan_of
from ..site.sunlight import analyse
from . import CommandResult, add_target_arguments, load_target


def add_arguments(parser) -> None:
    add_target_arguments(parser, unit_required=True)
    parser.add_argument(
        "--step",
        type=float,
        default=1.0,
        metavar="MIN",
        help="时间步长（分钟，≤ 1）/ time step in minutes (1 or finer)",
    )


def render(unit_id: str, res) -> str:
    """Chinese-first text table of a :class:`~elevator_eval.site.sunlight.SunlightResult`."""
    r = res.rules
    h = f"{r.min_hours.normalize():f}"
    head = (
        f"单元 / unit {unit_id}: 日照标准 / standard {r.day_label_zh} ≥ {h} h "
        f"（真太阳时 / true solar time {r.band_h[0]:g}–{r.band_h[1]:g} h，"
        f"纬度 / latitude {res.lat_deg:.2f}°）"
    )
    cols = (
        f"{'窗 window':<16}{'加装前 before':>14}{'加装后 after':>14}{'减少 lost':>11}  "
        "达标 meets (前/后 before/after)"
    )
    lines = [head, f"依据 / source: {r.source_zh}", cols]
    for w in res.windows:
        ok = f"{'是' if w.meets_before else '否'}/{'是' if w.meets_after else '否'}"
        before, after, lost = w.shown_h()
        lines.append(f"{w.id:<16}{before:>12} h{after:>12} h{lost:>9} h  {ok}")
    below = res.below_standard
    lines.append(
        f"加装后低于标准的窗 / windows falling below the standard: {len(below)}"
        + (": " + ", ".join(w.id for w in below) if below else "")
    )
    return "\n".join(lines)


def run(args) -> CommandResult:
    if not 0 < args.step <= 1:
        raise InputError("--step", f"must be more than 0 and at most 1 minute, got {args.step}")
    unit, project = load_target(args.target, args.unit)
    plan = plan_of(unit.site)
    if plan is None:
        raise InputError("site.plan", f"unit {unit.id} has no site plan to compute sunlight from")
    # the project's sunlight standard (settings.sunlight_standard); a unit file: the default
    standard = resolve(project, unit).sunlight_standard.name
    res = analyse(plan, step_min=args.step, standard=standard)
    r = res.rules
    data = {
        "unit": unit.id,
        "standard_day": r.standard_day,
        "min_hours": r.min_hours,
        "windows": [w.to_json() for w in res.windows],
        "band_true_solar_h": list(r.band_h),
        "declination_deg": r.declination_deg,
        "latitude_deg": res.lat_deg,
        "rules_origin": r.origin,
        "source": r.source_zh,
        "standard": r.standard,
        "step_min": args.step,
        "below_standard": [w.id for w in res.below_standard],
    }
    return CommandResult(data=data, text=render(unit.id, res), json_mode=args.json)
