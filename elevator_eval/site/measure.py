"""Spatial values measured from the plan (site-plan contract §2).

When the plan has the parts a value needs, the value is measured and replaces the typed
survey value before the spatial checks run; the findings then say "measured". Lengths are
rounded to the millimetre (``Decimal``) so that a shaft drawn exactly 6 m from a neighbour
is 6.000 m, not 5.999999.

| value | measured as | needs |
|---|---|---|
| ``inside_red_line`` | the red line covers the shaft | shaft, red_line |
| ``distance_to_neighbour_m`` | shortest shaft-to-footprint distance over non-own buildings | shaft, a neighbour |
| ``fire_lane_width_after_m`` | lane width less the shaft's intrusion into the band line ± width/2 | shaft, fire_lane |
| ``pipes_in_footprint`` | types of pipes whose line crosses or lies in the shaft | shaft, pipes |
| ``occupies_private_courtyard`` | shaft ∩ courtyard has area > 0 | shaft, courtyards |
| ``sunlight_below_standard`` | a window meets the standard before but not after | shaft, windows, location |
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache
from itertools import pairwise
from typing import Any

from ..model import Site
from ..pacing import pace
from ..unitfile_write import dumps_json
from .plan import Plan, Point, Prism, parse_plan, plan_of
from .sunlight import SunlightResult, analyse
from .sunlight_rules import STANDARD

MM = Decimal("0.001")
AREA_EPS_M2 = 1e-6
"""Overlaps smaller than 1 cm² × 0.01 are numerical noise of shared edges, not overlap."""


def _metres(x: float) -> Decimal:
    return Decimal(repr(float(x))).quantize(MM, rounding=ROUND_HALF_EVEN)


@dataclass
class Measured:
    """Measured values and the parts of the plan that produced them.

    Attributes
    ----------
    values : dict
        Site field → measured value (``Decimal`` lengths [m], bools, pipe type lists).
    parts : dict
        Site field → what produced it (nearest building id, pipe ids, windows …).
    sunlight : SunlightResult or None
    """

    values: dict[str, Any] = field(default_factory=dict)
    parts: dict[str, Any] = field(default_factory=dict)
    sunlight: SunlightResult | None = None

    def to_json(self) -> dict[str, Any]:
        return dict(self.values)


def _poly(pts: Sequence[Point]) -> Any:  # a shapely Polygon (shapely has no types)
    from shapely.geometry import Polygon

    return Polygon(pts)


def fire_lane_width_after(
    line: Sequence[Point], width_m: float, shaft_pts: Sequence[Point]
) -> tuple[float, float]:
    """Clear width [m] left of a lane and the shaft's intrusion [m] into it.

    For each straight piece of the lane line, the part of the shaft inside the band (piece ±
    width/2, flat ends) occupies an interval across the lane: its length is the intrusion,
    and the lane's width less it is the width after (site-plan spec §2, to the letter: a
    shaft standing 2 m into the middle of a 4 m lane leaves 2.0 m, though in two strips).
    The lane's width after is the smallest over the pieces.
    """
    import numpy as np
    from shapely.geometry import LineString

    shaft = _poly(shaft_pts)
    best = width_m
    half = width_m / 2.0
    for (x0, y0), (x1, y1) in pairwise(line):
        seg = LineString([(x0, y0), (x1, y1)])
        if seg.length == 0:
            continue
        band = seg.buffer(half, cap_style="flat")
        part = shaft.intersection(band)
        if part.is_empty or part.area <= AREA_EPS_M2:
            continue
        ux, uy = (x1 - x0) / seg.length, (y1 - y0) / seg.length
        nx, ny = -uy, ux
        xs = np.asarray(
            part.exterior.coords
            if part.geom_type == "Polygon"
            else [c for g in part.geoms if hasattr(g, "exterior") for c in g.exterior.coords]
        )
        v = (xs[:, 0] - x0) * nx + (xs[:, 1] - y0) * ny
        lo, hi = max(float(v.min()), -half), min(float(v.max()), half)
        best = min(best, max(width_m - (hi - lo), 0.0))
    return best, width_m - best


def measure(
    plan: Plan,
    *,
    shaft: Prism | None = None,
    with_sunlight: bool = True,
    standard: str = STANDARD,
) -> Measured:
    """Measure every value the plan has the parts for (see the module table); sunlight
    under the sunlight standard ``standard`` (the project's choice)."""
    from shapely.geometry import LineString

    m = Measured()
    shaft = shaft if shaft is not None else plan.shaft
    if shaft is None:
        return m
    sp = _poly(shaft.footprint)
    if plan.red_line is not None:
        m.values["inside_red_line"] = bool(_poly(plan.red_line).buffer(1e-9).covers(sp))
        m.parts["inside_red_line"] = {
            "outside_area_m2": round(sp.difference(_poly(plan.red_line)).area, 3)
        }
    if plan.neighbours:
        dist = [(sp.distance(_poly(b.footprint)), b.id) for b in plan.neighbours]
        d, bid = min(dist)
        m.values["distance_to_neighbour_m"] = _metres(d)
        m.parts["distance_to_neighbour_m"] = {"building": bid}
    if plan.fire_lane is not None:
        line, width = plan.fire_lane
        clear, intrusion = fire_lane_width_after(line, width, shaft.footprint)
        m.values["fire_lane_width_after_m"] = _metres(clear)
        m.parts["fire_lane_width_after_m"] = {
            "width_m": _metres(width),
            "intrusion_m": _metres(intrusion),
        }
    if plan.pipes is not None:
        types: list[str] = []
        idx = []
        for i, (kind, line) in enumerate(plan.pipes):
            ls = LineString(line)
            if ls.intersects(sp) and not ls.touches(sp):
                idx.append(i)
                if kind not in types:
                    types.append(kind)
        m.values["pipes_in_footprint"] = types
        m.parts["pipes_in_footprint"] = {"pipes": idx}
    if plan.courtyards is not None:
        hits = [
            hh for hh, poly in plan.courtyards if sp.intersection(_poly(poly)).area > AREA_EPS_M2
        ]
        m.values["occupies_private_courtyard"] = bool(hits)
        m.parts["occupies_private_courtyard"] = {"households": hits}
    if with_sunlight and plan.windows and plan.location:
        res = analyse(plan, with_shaft=shaft, standard=standard)
        m.sunlight = res
        below = res.below_standard
        m.values["sunlight_below_standard"] = bool(below)
        m.parts["sunlight_below_standard"] = {
            "standard_day": res.rules.standard_day,
            "min_hours": res.rules.min_hours,
            "windows": [w.id for w in below],
            "lost_h": {w.id: round(w.lost_h, 2) for w in res.affected},
        }
    return m


@lru_cache(maxsize=64)
def _measure_cached(text: str, standard: str) -> tuple[Plan, Measured]:
    plan = parse_plan(json.loads(text, parse_float=Decimal))
    return plan, measure(plan, standard=standard)


_QUICK_MAX = 64
_quick_lock = threading.Lock()
_quick: dict[tuple[str, str], tuple[Plan, Measured]] = {}
"""(Quick key (:func:`_quick_key`), sunlight standard) → the plan and its measurement, for
plans already validated and measured in this process (oldest dropped first beyond
:data:`_QUICK_MAX`)."""
_seen: dict[tuple[int, str], tuple[object, object, tuple[Plan, Measured]]] = {}
"""(``id`` of a raw plan object, sunlight standard) → (the object, a copy of it taken when
it was measured, the plan and its measurement). A document asks for its unit's plan about
seven times and the quick key costs 0.1–0.2 ms (the repr of a few thousand characters);
comparing the object with its copy costs under 0.01 ms. The object is held, so its ``id``
is not reused while it is here (oldest dropped first beyond :data:`_QUICK_MAX`)."""


def _quick_key(raw: object) -> str:
    """A cheap exact key of a raw plan: its ``repr``, which tells lists from tuples,
    Decimals from floats and strings, and ``True`` from ``1`` (a plan that only prints
    differently, such as one with its keys in another order, is measured again)."""
    return repr(raw)


def _copy_json(raw: Any) -> Any:
    """A copy of JSON-like data down to its leaves (dicts, lists and tuples copied; numbers,
    strings, ``True``/``False``/``None`` shared: they cannot change)."""
    if isinstance(raw, dict):
        return {k: _copy_json(v) for k, v in raw.items()}
    if isinstance(raw, list):
        return [_copy_json(v) for v in raw]
    if isinstance(raw, tuple):
        return tuple(_copy_json(v) for v in raw)
    return raw


def _plan_and_measured(site: Site, standard: str) -> tuple[Plan, Measured] | None:
    raw = site.extra.get("plan") if site.extra else None
    if raw is None:
        return None
    # The same object as before, unchanged: the window and the file readers replace a
    # unit's plan by a new object, they never edit one in place; an object edited in place
    # after it was measured differs from its copy and is looked up by its quick key again.
    seen = _seen.get((id(raw), standard))
    if seen is not None and seen[0] is raw and seen[1] == raw:
        return seen[2]
    key = (_quick_key(raw), standard)
    result = _quick.get(key)
    if result is None:
        pace()  # (each step takes milliseconds; a census in the background: pacing.py)
        plan_of(site)  # validate (InputError naming the field)
        pace()
        result = _measure_cached(dumps_json(raw, indent=None), standard)
        with _quick_lock:
            if len(_quick) >= _QUICK_MAX:
                _quick.pop(next(iter(_quick)), None)
            _quick[key] = result
    with _quick_lock:
        if len(_seen) >= _QUICK_MAX:
            _seen.pop(next(iter(_seen)), None)
        _seen[(id(raw), standard)] = (raw, _copy_json(raw), result)
    return result


def measure_site(site: Site, standard: str = STANDARD) -> Measured | None:
    """Measured values of a :class:`~elevator_eval.model.Site` with a plan (cached by the
    plan's content and the standard), or ``None`` without a plan. ``standard``: the
    sunlight standard in force (the project's ``settings.sunlight_standard``)."""
    found = _plan_and_measured(site, standard)
    return None if found is None else found[1]


def measured_plan(site: Site, standard: str = STANDARD) -> Plan | None:
    """The parsed plan of a site (the one :func:`measure_site` measured under ``standard``,
    from the same cache), or ``None`` without a plan.

    Raises
    ------
    InputError
        naming the first bad field of the plan.
    """
    found = _plan_and_measured(site, standard)
    return None if found is None else found[0]


def effective_site(site: Site, standard: str = STANDARD) -> tuple[Site, Measured | None]:
    """The site with measured values replacing the typed ones, and the measurement
    (sunlight under the standard ``standard``).

    Returns
    -------
    (Site, Measured or None)
    """
    m = measure_site(site, standard)
    if m is None or not m.values:
        return site, m
    return dataclasses.replace(site, **m.values), m
