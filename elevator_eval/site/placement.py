"""Shaft placement helper: candidate positions along the own building, each checked.

Candidates sit against the own building's longest façades (its two long sides): for
half-landing entry the shaft stands at the stair landing (against the façade, centred on
the current shaft's position along it, or on the façade's middle), for flat entry a
corridor (连廊) of ``corridor_m`` lies between shaft and façade. Along each façade the
candidates are the reference position and positions ``step_m`` to either side. Each is
measured (:func:`elevator_eval.site.measure.measure`) and ranked: fewer major/strong
conditions first (outside the red line, fire lane below 4 m, neighbour closer than 6 m,
courtyard, gas pipe, windows falling below the standard), then fewer hours lost in total.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from ..model import Site
from ..suitability_rules import DEFAULT_RULESET, load_ruleset
from .measure import measure
from .plan import Plan, Point, Prism
from .sunlight_rules import STANDARD

SHAFT_WIDTH_M = 2.5
SHAFT_DEPTH_M = 2.5
"""A candidate shaft's size [m] unless asked otherwise: the "about 2.5 m × 2.5 m" commonly
quoted for a retrofitted elevator's shaft (app default; give the product's own size)."""
CORRIDOR_M = 1.8
"""Depth of the corridor (连廊) between façade and shaft for flat entry [m] (app default)."""
STEP_M = 3.0
"""Spacing of the candidates along a façade [m] (about one flat's bay)."""


@dataclass
class Candidate:
    """One proposed shaft position and what it measures."""

    label: str
    shaft: Prism
    values: dict[str, Any]
    problems: list[str]
    lost_h: float
    below: int


def shaft_at(
    own: Prism,
    edge: int,
    along_m: float,
    width_m: float,
    depth_m: float,
    corridor_m: float,
    height_m: float,
    sid: str = "shaft",
) -> Prism:
    """A rectangular shaft against edge ``edge`` of the own footprint (outside), its centre
    ``along_m`` from the edge's start, ``corridor_m`` off the façade."""
    pts = own.footprint
    (ax, ay), (bx, by) = pts[edge], pts[(edge + 1) % len(pts)]
    ln = math.hypot(bx - ax, by - ay)
    ux, uy = (bx - ax) / ln, (by - ay) / ln
    from shapely.geometry import Polygon

    ccw = Polygon(pts).exterior.is_ccw
    nx, ny = (uy, -ux) if ccw else (-uy, ux)  # outward normal
    cx, cy = ax + ux * along_m, ay + uy * along_m

    def p(s: float, t: float) -> Point:
        return (round(cx + ux * s + nx * t, 3), round(cy + uy * s + ny * t, 3))

    h = width_m / 2
    foot = (
        p(-h, corridor_m),
        p(h, corridor_m),
        p(h, corridor_m + depth_m),
        p(-h, corridor_m + depth_m),
    )
    return Prism(id=sid, footprint=foot, height_m=height_m)


def _problems(v: dict[str, Any], checks: dict[str, Any]) -> list[str]:
    """Finding codes a candidate would raise; the limits come from the suitability
    ruleset's checks (``fire_lane_narrow.min_width_m``, ``neighbour_close.min_distance_m``)."""
    fire_min_m = float(checks["fire_lane_narrow"]["min_width_m"])
    neighbour_min_m = float(checks["neighbour_close"]["min_distance_m"])
    out = []
    if v.get("inside_red_line") is False:
        out.append("red_line")
    if (
        v.get("fire_lane_width_after_m") is not None
        and float(v["fire_lane_width_after_m"]) < fire_min_m
    ):
        out.append("fire_lane_narrow")
    if (
        v.get("distance_to_neighbour_m") is not None
        and float(v["distance_to_neighbour_m"]) < neighbour_min_m
    ):
        out.append("neighbour_close")
    if v.get("occupies_private_courtyard"):
        out.append("private_courtyard")
    if "gas" in (v.get("pipes_in_footprint") or []):
        out.append("pipe_gas")
    if v.get("sunlight_below_standard"):
        out.append("sunlight_below_standard")
    return out


def candidates(
    plan: Plan,
    *,
    entry_mode: str | None = "half_landing",
    width_m: float = SHAFT_WIDTH_M,
    depth_m: float = SHAFT_DEPTH_M,
    corridor_m: float = CORRIDOR_M,
    step_m: float = STEP_M,
    checks: dict[str, Any] | None = None,
    standard: str = STANDARD,
) -> list[Candidate]:
    """Ranked candidate shaft positions (best first); see the module docstring.

    ``checks`` are the suitability ruleset's checks in force (default: the shipped default
    ruleset), so a candidate's problems use the same limits as the unit's findings;
    ``standard`` is the sunlight standard in force (the project's choice)."""
    from shapely.geometry import Point, Polygon

    if checks is None:
        checks = load_ruleset(DEFAULT_RULESET).checks

    own = plan.own
    pts = own.footprint
    n = len(pts)
    lengths = [math.dist(pts[i], pts[(i + 1) % n]) for i in range(n)]
    edges = sorted(range(n), key=lambda i: -lengths[i])[:2]
    corridor = corridor_m if entry_mode == "flat" else 0.0
    height = plan.shaft.height_m if plan.shaft is not None else own.height_m + 2.6
    out: list[Candidate] = []
    for e in edges:
        a, b = pts[e], pts[(e + 1) % n]
        ref = lengths[e] / 2
        if plan.shaft is not None:
            c = Polygon(plan.shaft.footprint).centroid
            ux, uy = (b[0] - a[0]) / lengths[e], (b[1] - a[1]) / lengths[e]
            along = (c.x - a[0]) * ux + (c.y - a[1]) * uy
            if (
                0 < along < lengths[e]
                and Polygon(pts).exterior.distance(Point(c.x, c.y)) < depth_m + corridor + 1
            ):
                ref = along
        for k in (-1, 0, 1):
            along = ref + k * step_m
            if not width_m / 2 <= along <= lengths[e] - width_m / 2:
                continue
            s = shaft_at(own, e, along, width_m, depth_m, corridor, height)
            m = measure(replace(plan, shaft=s), shaft=s, standard=standard)
            res = m.sunlight
            lost = sum(w.lost_h for w in res.windows) if res is not None else 0.0
            below = len(res.below_standard) if res is not None else 0
            label = f"{'ABCDEFGH'[edges.index(e)]}{k + 2}"
            out.append(Candidate(label, s, m.values, _problems(m.values, checks), lost, below))
    out.sort(key=lambda c: (len(c.problems), c.lost_h))
    return out


def facade_windows(
    building: Prism, edge: int, floors: int, per_floor: int, floor_h_m: float, sill_m: float = 0.9
) -> list[dict[str, Any]]:
    """Window dicts (unit-file form) for one façade: ``per_floor`` windows evenly spaced
    along edge ``edge`` of ``building`` on each of ``floors`` floors, facing outward.

    Ids are ``<building>-<floor><nn>-<edge>`` (e.g. ``self-103-e0``); sills at
    ``(floor − 1) × floor_h_m + sill_m`` [m].
    """
    pts = building.footprint
    (ax, ay), (bx, by) = pts[edge], pts[(edge + 1) % len(pts)]
    from shapely.geometry import Polygon

    ccw = Polygon(pts).exterior.is_ccw
    ux, uy = bx - ax, by - ay
    nx, ny = (uy, -ux) if ccw else (-uy, ux)
    facing = math.degrees(math.atan2(nx, ny)) % 360.0
    out = []
    for fl in range(1, floors + 1):
        for i in range(per_floor):
            f = (i + 0.5) / per_floor
            out.append(
                {
                    "id": f"{building.id}-{fl}{i + 1:02d}-e{edge}",
                    "building": building.id,
                    "floor": fl,
                    "x": round(ax + ux * f, 3),
                    "y": round(ay + uy * f, 3),
                    "sill_height_m": round((fl - 1) * floor_h_m + sill_m, 3),
                    "facing_deg": round(facing, 3),
                }
            )
    return out


def edge_facing_deg(building: Prism, edge: int) -> float:
    """The outward bearing of a footprint edge [° clockwise from north]."""
    pts = building.footprint
    (ax, ay), (bx, by) = pts[edge], pts[(edge + 1) % len(pts)]
    from shapely.geometry import Polygon

    ccw = Polygon(pts).exterior.is_ccw
    nx, ny = (by - ay, -(bx - ax)) if ccw else (-(by - ay), bx - ax)
    return math.degrees(math.atan2(nx, ny)) % 360.0


def default_plan(site: Site, storeys: int, floor_h_m: float) -> dict[str, Any]:
    """A starting plan for a unit without one: a 26 × 11 m own building, the shaft at the
    middle of the north façade (2.5 × 2.5 m; a 1.8 m corridor for flat entry), located by
    the default standard (no location: give one before computing sunlight)."""
    h = round(storeys * floor_h_m, 2)
    flat = site.entry_mode == "flat"
    d0 = 11.0
    d1 = d0 + (1.8 if flat else 0.0) + 2.5
    return {
        "buildings": [
            {
                "id": "self",
                "own": True,
                "footprint": [[0, 0], [26, 0], [26, 11], [0, 11]],
                "height_m": h,
            }
        ],
        "shaft": {
            "footprint": [[11.75, d0], [14.25, d0], [14.25, d1], [11.75, d1]],
            "height_m": round(h + 2.6, 2),
        },
        "location": {"city": "北京"},
        "windows": [],
    }
