"""Spatial (site) checks of a unit → findings.

Pure functions over :class:`~elevator_eval.model.Site` and the ``checks`` table of a
validated suitability ruleset. A site field that is ``None`` was not surveyed and yields no
finding (see :func:`not_surveyed`). Lengths in metres are ``Decimal`` and compared exactly;
pit and headroom are integer millimetres.

References
----------
GB 50016-2014 (2018) §7.1.8 and Table 5.2.2 (fire lane 4.0 m, 6 m separation);
GB 50180-2018 §4.0.9 (sunlight); GB 50763-2012 §3.7.2 (accessible car 1.10 × 1.40 m, lobby
1.50 m); GB/T 28621-2023 §5.5, §5.7 (reduced headroom and pit in existing buildings);
unit-format contract §3 (default severities).
"""

from __future__ import annotations

from decimal import Decimal

from .errors import InputError
from .findings import Finding
from .model import Site
from .money import to_decimal
from .suitability_rules import Checks
from .suitability_rules import checks_or_default as _rules

PIPE_LABELS = {
    "gas": ("燃气管", "gas pipe"),
    "water": ("给水管", "water pipe"),
    "drainage": ("排水管", "drainage pipe"),
    "power": ("电力线缆", "power cable"),
    "telecom": ("通信线缆", "telecom cable"),
    "heating": ("暖气管", "heating pipe"),
    "other": ("其他管线", "other pipe"),
}

ENTRY_LABELS = {
    "half_landing": ("半层入户", "half-landing entry"),
    "flat": ("平层入户", "flat entry"),
}

SITE_FIELDS = (
    "entry_mode",
    "footprint_available_m",
    "inside_red_line",
    "fire_lane_width_after_m",
    "distance_to_neighbour_m",
    "occupies_private_courtyard",
    "sunlight_below_standard",
    "pipes_in_footprint",
    "pit_depth_available_mm",
    "headroom_available_mm",
)
"""Site fields of the unit-format contract §1 (``corridor_depth_m`` is asked for flat entry)."""


def _m(value: Decimal | int | str) -> str:
    """A length for a message: ``Decimal('2.50')`` → ``'2.5'``."""
    d = Decimal(value).normalize()
    return format(d, "f")


def check_red_line(site: Site, checks: Checks | None = None) -> list[Finding]:
    """Elevator outside the site red line → ``red_line`` (major)."""
    c = _rules(checks)["red_line"]
    if site.inside_red_line is not False:
        return []
    return [
        Finding(
            "red_line",
            c["severity"],
            "电梯超出用地红线",
            "The elevator would stand outside the site red line",
            "调整井道位置或改用其他入户方式，使电梯位于红线内；否则需规划部门特批",
            "Move the shaft or change the entry mode to stay inside the red line, or "
            "obtain a planning exemption",
            c["source"],
        )
    ]


def check_fire_lane(site: Site, checks: Checks | None = None) -> list[Finding]:
    """Fire lane clear width after installation < 4.0 m → ``fire_lane_narrow`` (major)."""
    c = _rules(checks)["fire_lane_narrow"]
    w = site.fire_lane_width_after_m
    need = Decimal(c["min_width_m"])
    if w is None or w >= need:
        return []
    return [
        Finding(
            "fire_lane_narrow",
            c["severity"],
            f"加装后消防车道净宽 {_m(w)} m，小于 {_m(need)} m",
            f"Fire lane clear width after installation {_m(w)} m, less than {_m(need)} m",
            *_fire_lane_remedy(site, need),
            c["source"],
        )
    ]


def _fire_lane_remedy(site: Site, need: Decimal) -> tuple[str, str]:
    """The fire-lane remedy for the unit's entry mode: half-landing entry is only offered
    to a flat-entry scheme (it drops the corridor); a half-landing unit moves or narrows
    the shaft."""
    if site.entry_mode == "flat":
        return (
            f"调整井道位置，或改为半层入户（省去连廊）以保留 {_m(need)} m 消防车道；"
            "消防车道不得被占用",
            f"Move the shaft, or switch to half-landing entry (no corridor), to keep a "
            f"{_m(need)} m fire lane; a fire lane may not be narrowed",
        )
    return (
        f"调整井道位置或选用较小的井道以保留 {_m(need)} m 消防车道；消防车道不得被占用",
        f"Move the shaft or use a smaller one to keep a {_m(need)} m fire lane; a fire "
        "lane may not be narrowed",
    )


def check_neighbour(site: Site, checks: Checks | None = None) -> list[Finding]:
    """Distance to the neighbouring building < 6.0 m → ``neighbour_close`` (strong)."""
    c = _rules(checks)["neighbour_close"]
    d = site.distance_to_neighbour_m
    need = Decimal(c["min_distance_m"])
    if d is None or d >= need:
        return []
    return [
        Finding(
            "neighbour_close",
            c["severity"],
            f"井道距相邻建筑 {_m(d)} m，小于防火间距 {_m(need)} m",
            f"Shaft {_m(d)} m from the neighbouring building, less than the fire "
            f"separation of {_m(need)} m",
            "井道朝向邻楼的墙做成防火墙或不开洞的不燃墙（GB 50016 表 5.2.2 注）",
            "Build the facing shaft wall as a fire wall or a non-combustible wall "
            "without openings (GB 50016 Table 5.2.2 notes)",
            c["source"],
        )
    ]


def check_courtyard(site: Site, checks: Checks | None = None) -> list[Finding]:
    """The shaft occupies a ground-floor private courtyard → ``private_courtyard`` (strong)."""
    c = _rules(checks)["private_courtyard"]
    if site.occupies_private_courtyard is not True:
        return []
    return [
        Finding(
            "private_courtyard",
            c["severity"],
            "井道占用底层私家庭院",
            "The shaft occupies a ground-floor private courtyard",
            "与院落业主协商并书面同意、给予补偿，或调整井道位置",
            "Agree in writing with the courtyard owner (with compensation), or move the shaft",
            c["source"],
        )
    ]


def check_sunlight(site: Site, checks: Checks | None = None) -> list[Finding]:
    """Neighbours' sunlight below standard → ``sunlight_below_standard`` (strong)."""
    c = _rules(checks)["sunlight_below_standard"]
    if site.sunlight_below_standard is not True:
        return []
    return [
        Finding(
            "sunlight_below_standard",
            c["severity"],
            "加装后相邻住宅日照低于标准",
            "Sunlight of neighbouring dwellings would fall below the standard",
            "做日照分析；采用玻璃幕墙井道或调整位置，与受影响业主协商补偿",
            "Run a sunlight analysis; use a glazed shaft or move it, and negotiate "
            "compensation with the owners affected",
            c["source"],
        )
    ]


def check_pipes(site: Site, checks: Checks | None = None) -> list[Finding]:
    """Pipes in the footprint: gas → ``pipe_gas`` (strong, once); every other pipe → one
    weak finding each, code ``pipe_<type>`` (``pipe_other`` for unlisted types)."""
    checks = _rules(checks)
    pipes = site.pipes_in_footprint or []
    out: list[Finding] = []
    if "gas" in pipes:
        c = checks["pipe_gas"]
        out.append(
            Finding(
                "pipe_gas",
                c["severity"],
                "井道范围内有燃气管",
                "A gas pipe runs through the footprint",
                "由燃气公司提前迁改燃气管（可结合老旧小区改造先期迁改）",
                "Have the gas company relocate the pipe beforehand (best during the "
                "old-community renovation)",
                c["source"],
            )
        )
    c = checks["pipe_other"]
    for p in pipes:
        if p == "gas":
            continue
        code = f"pipe_{p}" if p in PIPE_LABELS else "pipe_other"
        zh, en = PIPE_LABELS.get(p, (f"管线（{p}）", f"pipe ({p})"))
        out.append(
            Finding(
                code,
                c["severity"],
                f"井道范围内有{zh}",
                f"A {en} runs through the footprint",
                f"迁改{zh}（计入管线迁改费用）",
                f"Relocate the {en} (pipe relocation cost)",
                c["source"],
            )
        )
    return out


def smallest_shaft_m(
    entry_mode: str | None, checks: Checks | None = None
) -> tuple[Decimal, Decimal]:
    """Smallest shaft footprint (width, depth) [m] for an entry mode.

    With no entry mode, the smallest over all modes (the least demanding reading).
    """
    shafts = _rules(checks)["footprint_small"]["shaft_m"]
    if entry_mode in shafts:
        s = shafts[entry_mode]
        return Decimal(s["width_m"]), Decimal(s["depth_m"])
    best = min(shafts.values(), key=lambda s: Decimal(s["width_m"]) * Decimal(s["depth_m"]))
    return Decimal(best["width_m"]), Decimal(best["depth_m"])


CAR_KEY = "car_size_m"
"""Optional site key (kept in ``Site.extra``): the planned car, ``[width, depth]`` [m]."""


def planned_car_m(site: Site) -> tuple[Decimal, Decimal] | None:
    """The planned car size (width, depth) [m] from ``site.car_size_m``, if given.

    Raises
    ------
    InputError
        ``site.car_size_m`` when it is not two positive numbers.
    """
    raw = site.extra.get(CAR_KEY) if site.extra else None
    if raw is None:
        return None
    if not isinstance(raw, (list, tuple)) or len(raw) != 2:
        raise InputError(f"site.{CAR_KEY}", "must be a list of two numbers [width, depth]")
    w = to_decimal(raw[0], f"site.{CAR_KEY}[0]", allow_zero=False)
    d = to_decimal(raw[1], f"site.{CAR_KEY}[1]", allow_zero=False)
    if w > 10 or d > 10:
        raise InputError(f"site.{CAR_KEY}", "a car is at most 10 m wide or deep")
    return w, d


def required_shaft_m(site: Site, checks: Checks | None = None) -> tuple[Decimal, Decimal]:
    """Smallest shaft (width, depth) [m] for the site's entry mode and planned car.

    Without a planned car it is :func:`smallest_shaft_m`, sized for the smallest accessible
    car (GB 50763: 1.10 × 1.40 m). A larger planned car (e.g. a 1,000 kg stretcher car
    1.10 × 2.10 m) keeps the same allowance around the car; a smaller one does not shrink
    the shaft below the accessible size.
    """
    c = _rules(checks)["footprint_small"]
    base_w, base_d = smallest_shaft_m(site.entry_mode, checks)
    car = planned_car_m(site)
    if car is None:
        return base_w, base_d
    allow_w = base_w - Decimal(c["car_width_m"])
    allow_d = base_d - Decimal(c["car_depth_m"])
    return max(base_w, car[0] + allow_w), max(base_d, car[1] + allow_d)


def footprint_fits(
    width_m: Decimal,
    depth_m: Decimal,
    need_w: Decimal,
    need_d: Decimal,
    allow_rotation: bool = True,
) -> bool:
    """Whether a shaft ``need_w`` × ``need_d`` fits in ``width_m`` × ``depth_m`` [m]."""
    if width_m >= need_w and depth_m >= need_d:
        return True
    return allow_rotation and width_m >= need_d and depth_m >= need_w


def check_footprint(site: Site, checks: Checks | None = None) -> list[Finding]:
    """Footprint smaller than the smallest shaft for the entry mode → ``footprint_small``."""
    c = _rules(checks)["footprint_small"]
    fp = site.footprint_available_m
    if fp is None:
        return []
    need_w, need_d = required_shaft_m(site, checks)
    w, d = Decimal(fp[0]), Decimal(fp[1])
    if footprint_fits(w, d, need_w, need_d, bool(c["allow_rotation"])):
        return []
    zh, en = ENTRY_LABELS.get(site.entry_mode or "", ("任一入户方式", "any entry mode"))
    planned = planned_car_m(site)
    if planned is not None and (
        planned[0] > Decimal(c["car_width_m"]) or planned[1] > Decimal(c["car_depth_m"])
    ):
        car = f"{_m(planned[0])} × {_m(planned[1])} m"
        car_zh, car_en = f"计划轿厢 {car}", f"planned car {car}"
    else:
        car = f"{_m(c['car_width_m'])} × {_m(c['car_depth_m'])} m"
        car_zh, car_en = f"无障碍轿厢 {car}", f"accessible car {car}"
    return [
        Finding(
            "footprint_small",
            c["severity"],
            f"可用场地 {_m(w)} × {_m(d)} m，小于{zh}所需最小井道 {_m(need_w)} × "
            f"{_m(need_d)} m（{car_zh}）",
            f"Available footprint {_m(w)} × {_m(d)} m is smaller than the smallest "
            f"shaft for {en}, {_m(need_w)} × {_m(need_d)} m ({car_en})",
            "调整井道位置、改用小井道产品或改变入户方式；需专项设计论证",
            "Move the shaft, use a compact shaft product or change the entry mode; "
            "needs a specific design study",
            c["source"],
        )
    ]


def _vertical(kind: str, value: int | None, checks: Checks) -> list[Finding]:
    """``{kind}_reduced`` / ``{kind}_below_reduced`` for a pit depth or headroom [mm]."""
    c = checks[f"{kind}_reduced"]
    if value is None:
        return []
    std, red = int(c["standard_mm"]), int(c["reduced_mm"])
    if value >= std:
        return []
    zh, en = ("底坑深度", "pit depth") if kind == "pit" else ("顶层高度", "headroom")
    clause = "§5.7" if kind == "pit" else "§5.5"
    if value >= red:
        return [
            Finding(
                f"{kind}_reduced",
                c["severity"],
                f"可用{zh} {value} mm，低于标准产品 {std} mm，需选用减小{zh}的产品"
                f"（GB/T 28621，≥ {red} mm）",
                f"Available {en} {value} mm is below the standard product's {std} mm: "
                f"a reduced-{en} product is needed (GB/T 28621, ≥ {red} mm)",
                f"选用符合 GB/T 28621-2023 {clause} 的减小{zh}电梯",
                f"Choose a reduced-{en} elevator per GB/T 28621-2023 {clause}",
                c["source"],
            )
        ]
    c2 = checks[f"{kind}_below_reduced"]
    return [
        Finding(
            f"{kind}_below_reduced",
            c2["severity"],
            f"可用{zh} {value} mm，低于标准产品 {std} mm，也低于减小{zh}产品 {red} mm",
            f"Available {en} {value} mm is below the standard product's {std} mm and "
            f"below the reduced-{en} product's {red} mm",
            f"需特殊产品或专项论证；或加深底坑／抬高顶层（{zh}至少 {red} mm）",
            f"Needs a special product or an exemption, or deepen/raise to at least {red} mm",
            c2["source"],
        )
    ]


def check_pit_headroom(site: Site, checks: Checks | None = None) -> list[Finding]:
    """Pit depth and headroom against the standard and the reduced (GB/T 28621) products."""
    table = _rules(checks)
    return _vertical("pit", site.pit_depth_available_mm, table) + _vertical(
        "headroom", site.headroom_available_mm, table
    )


def check_corridor(site: Site, checks: Checks | None = None) -> list[Finding]:
    """Flat entry: corridor depth shallower than the accessible lobby → ``corridor_shallow``."""
    c = _rules(checks)["corridor_shallow"]
    d = site.corridor_depth_m
    if site.entry_mode != "flat" or d is None:
        return []
    need = Decimal(c["min_depth_m"])
    if d >= need:
        return []
    return [
        Finding(
            "corridor_shallow",
            c["severity"],
            f"平层入户连廊可用进深 {_m(d)} m，小于无障碍候梯厅 {_m(need)} m",
            f"Flat entry: corridor depth available {_m(d)} m, less than the "
            f"accessible lobby's {_m(need)} m",
            "改为半层入户，或调整井道位置以加大连廊进深",
            "Use half-landing entry, or move the shaft to deepen the corridor",
            c["source"],
        )
    ]


def check_spatial(site: Site, checks: Checks | None = None) -> list[Finding]:
    """All spatial checks, in a fixed order."""
    checks = _rules(checks)
    out: list[Finding] = []
    for fn in (
        check_red_line,
        check_fire_lane,
        check_neighbour,
        check_courtyard,
        check_sunlight,
        check_pipes,
        check_footprint,
        check_pit_headroom,
        check_corridor,
    ):
        out += fn(site, checks)
    return out


def not_surveyed(site: Site) -> list[str]:
    """Site fields that were not surveyed (``None``); they yield no finding."""
    out = [f for f in SITE_FIELDS if getattr(site, f) is None]
    if site.entry_mode == "flat" and site.corridor_depth_m is None:
        out.append("corridor_depth_m")
    return out
