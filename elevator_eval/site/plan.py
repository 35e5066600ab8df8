"""Parse and validate the ``site.plan`` section of a unit file (site-plan contract §1).

Coordinates are metres on a local plane, x east and y north (true north). Polygons are lists
of ``[x, y]`` corners, not closed, simple (no self-intersection); shapely checks them. Every
error is an :class:`~elevator_eval.errors.InputError` naming the field, e.g.
``site.plan.buildings[1].footprint``. The raw section stays in ``Site.extra["plan"]`` so the
unit file is written back unchanged; :func:`plan_of` parses it on demand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..errors import InputError
from ..model import Site
from ..unitfile_fields import kind_of as _kind
from .sunlight_rules import find_city, validate_plan_rules
from .values import number

PLAN_KEY = "plan"
"""Key of the plan inside ``site`` (kept in ``Site.extra``)."""

MAX_COORD_M = 100_000.0
"""Coordinates beyond ±100 km are not a local site plan."""

Point = tuple[float, float]


@dataclass(frozen=True)
class Prism:
    """A building (or the shaft): a polygon footprint extruded from 0 to ``height_m`` [m]."""

    id: str
    footprint: tuple[Point, ...]
    height_m: float
    own: bool = False


@dataclass(frozen=True)
class PlanWindow:
    """A window's calculation point (sill centre) [m] and the direction it faces [° from N]."""

    id: str
    building: str | None
    floor: int | None
    x: float
    y: float
    sill_height_m: float
    facing_deg: float


def worst_at_each_place(windows: Iterable[PlanWindow], rank: Mapping[str, int]) -> list[PlanWindow]:
    """One window for each place on the plan: the windows of the floors above one another
    (same x, y and facing) share a place, which shows the one ranked worst by ``rank``
    (window id → number, larger is worse; ties: the first listed)."""
    places: dict[tuple[float, float, float], list[PlanWindow]] = {}
    for w in windows:
        places.setdefault((round(w.x, 3), round(w.y, 3), round(w.facing_deg, 1)), []).append(w)
    return [max(stack, key=lambda w: rank.get(w.id, 0)) for stack in places.values()]


@dataclass(frozen=True)
class Plan:
    """A validated site plan (see the module docstring)."""

    buildings: tuple[Prism, ...]
    shaft: Prism | None = None
    windows: tuple[PlanWindow, ...] = ()
    location: dict[str, Any] | None = None
    sunlight_rules: dict[str, Any] | None = None
    red_line: tuple[Point, ...] | None = None
    fire_lane: tuple[tuple[Point, ...], float] | None = None
    pipes: tuple[tuple[str, tuple[Point, ...]], ...] | None = None
    courtyards: tuple[tuple[str, tuple[Point, ...]], ...] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def own(self) -> Prism:
        return next(b for b in self.buildings if b.own)

    @property
    def neighbours(self) -> tuple[Prism, ...]:
        return tuple(b for b in self.buildings if not b.own)


def _obj(value: object, f: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f, f"must be an object, got {_kind(value)}")
    return value


def _list(value: object, f: str) -> list[Any]:
    if not isinstance(value, list):
        raise InputError(f, f"must be a list, got {_kind(value)}")
    return value


def _text(value: object, f: str) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f, f"must be a non-empty string, got {_kind(value)}")
    return value


def _point(value: object, f: str) -> Point:
    if not isinstance(value, list) or len(value) != 2:
        raise InputError(f, "must be a point [x, y] in metres")
    return (
        number(value[0], f"{f}[0]", lo=-MAX_COORD_M, hi=MAX_COORD_M),
        number(value[1], f"{f}[1]", lo=-MAX_COORD_M, hi=MAX_COORD_M),
    )


_CROSSING = re.compile(r"(?:Ring )?Self-intersection\[(\S{1,40}) (\S{1,40})\]")
"""GEOS's reason for a polygon whose edges cross, with the point where they do."""


def polygon(value: object, f: str) -> tuple[Point, ...]:
    """A simple polygon of at least three corners with a positive area.

    Raises
    ------
    InputError
        naming ``f`` when it is not a list of points, has fewer than three distinct corners,
        crosses itself or has no area.
    """
    pts = [_point(p, f"{f}[{i}]") for i, p in enumerate(_list(value, f))]
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts = pts[:-1]  # tolerate a closed ring
    if len(set(pts)) < 3:
        raise InputError(f, "must have at least three distinct corners [[x, y], …]")
    from shapely.geometry import Polygon
    from shapely.validation import explain_validity

    poly = Polygon(pts)
    if not poly.is_valid:
        reason = explain_validity(poly)  # "Self-intersection[5 5]"
        crossing = _CROSSING.fullmatch(reason)
        if crossing is not None:
            raise InputError(f, f"crosses itself at ({crossing[1]}, {crossing[2]})")
        raise InputError(f, f"is not a simple polygon ({reason})")
    if poly.area <= 0:
        raise InputError(f, "has no area")
    return tuple(pts)


def polyline(value: object, f: str) -> tuple[Point, ...]:
    """A line of at least two distinct points."""
    pts = [_point(p, f"{f}[{i}]") for i, p in enumerate(_list(value, f))]
    if len(set(pts)) < 2:
        raise InputError(f, "must have at least two distinct points [[x, y], …]")
    return tuple(pts)


def _prism(value: object, f: str, *, default_id: str) -> Prism:
    b = _obj(value, f)
    for key in ("footprint", "height_m"):
        if key not in b:
            raise InputError(f"{f}.{key}", "is required")
    pid = _text(b["id"], f"{f}.id") if b.get("id") is not None else default_id
    own = b.get("own", False)
    if own is not None and not isinstance(own, bool):
        raise InputError(f"{f}.own", f"must be true or false, got {_kind(own)}")
    return Prism(
        id=pid,
        footprint=polygon(b["footprint"], f"{f}.footprint"),
        height_m=number(b["height_m"], f"{f}.height_m", positive=True, hi=1000),
        own=bool(own),
    )


def _location(value: object, f: str) -> dict[str, Any]:
    loc = _obj(value, f)
    if loc.get("city") is not None:
        city = find_city(_text(loc["city"], f"{f}.city"), f"{f}.city")
        out = {
            "city": city["name"],
            "lat": city["lat"],
            "lon": city["lon"],
            "climate_zone": city["climate_zone"],
            "population": city["population"],
        }
        if loc.get("lat") is not None:
            out["lat"] = number(loc["lat"], f"{f}.lat", lo=-90, hi=90)
        if loc.get("lon") is not None:
            out["lon"] = number(loc["lon"], f"{f}.lon", lo=-180, hi=180)
        return out
    for key in ("lat", "lon"):
        if loc.get(key) is None:
            raise InputError(f"{f}.{key}", 'is required (or give {"city": "北京"})')
    return {
        "lat": number(loc["lat"], f"{f}.lat", lo=-90, hi=90),
        "lon": number(loc["lon"], f"{f}.lon", lo=-180, hi=180),
    }


def _window(value: object, f: str, i: int, building_ids: set[str]) -> PlanWindow:
    w = _obj(value, f)
    for key in ("x", "y", "sill_height_m", "facing_deg"):
        if w.get(key) is None:
            raise InputError(f"{f}.{key}", "is required")
    b = w.get("building")
    if b is not None:
        b = _text(b, f"{f}.building")
        if b not in building_ids:
            raise InputError(f"{f}.building", f"names no building of the plan ({b!r})")
    fl = w.get("floor")
    if fl is not None and (
        isinstance(fl, bool)
        or not isinstance(fl, (int, Decimal))
        or fl != int(fl)
        or not 1 <= int(fl) <= 200
    ):
        raise InputError(f"{f}.floor", f"must be a floor number 1–200, got {fl!r}")
    return PlanWindow(
        id=_text(w["id"], f"{f}.id") if w.get("id") is not None else f"W{i + 1}",
        building=b,
        floor=None if fl is None else int(fl),
        x=number(w["x"], f"{f}.x", lo=-MAX_COORD_M, hi=MAX_COORD_M),
        y=number(w["y"], f"{f}.y", lo=-MAX_COORD_M, hi=MAX_COORD_M),
        sill_height_m=number(w["sill_height_m"], f"{f}.sill_height_m", lo=0, hi=1000),
        facing_deg=number(w["facing_deg"], f"{f}.facing_deg", lo=-360, hi=360) % 360.0,
    )


_PLAN_KEYS = {
    "location",
    "sunlight_rules",
    "buildings",
    "shaft",
    "windows",
    "red_line",
    "fire_lane",
    "pipes",
    "courtyards",
}


def _buildings(value: object, f: str) -> tuple[Prism, ...]:
    buildings = tuple(
        _prism(b, f"{f}[{i}]", default_id=f"B{i + 1}") for i, b in enumerate(_list(value, f))
    )
    ids: set[str] = set()
    for i, b in enumerate(buildings):
        if b.id in ids:
            raise InputError(f"{f}[{i}].id", f"building id {b.id!r} appears twice")
        ids.add(b.id)
    n_own = sum(b.own for b in buildings)
    if n_own != 1:
        raise InputError(f, f'exactly one building must have "own": true, found {n_own}')
    return buildings


def _windows(value: object, f: str, building_ids: set[str]) -> tuple[PlanWindow, ...]:
    windows = []
    seen: set[str] = set()
    for i, w in enumerate(_list(value, f)):
        win = _window(w, f"{f}[{i}]", i, building_ids)
        if win.id in seen:
            raise InputError(f"{f}[{i}].id", f"window id {win.id!r} appears twice")
        seen.add(win.id)
        windows.append(win)
    return tuple(windows)


def _fire_lane(value: object, f: str) -> tuple[tuple[Point, ...], float]:
    fl = _obj(value, f)
    for key in ("line", "width_m"):
        if fl.get(key) is None:
            raise InputError(f"{f}.{key}", "is required")
    return (
        polyline(fl["line"], f"{f}.line"),
        number(fl["width_m"], f"{f}.width_m", positive=True, hi=100),
    )


def _pipes(value: object, f: str) -> tuple[tuple[str, tuple[Point, ...]], ...]:
    out = []
    for i, raw in enumerate(_list(value, f)):
        pf = f"{f}[{i}]"
        p = _obj(raw, pf)
        if p.get("line") is None:
            raise InputError(f"{pf}.line", "is required")
        out.append((_text(p.get("type", "other"), f"{pf}.type"), polyline(p["line"], f"{pf}.line")))
    return tuple(out)


def _courtyards(value: object, f: str) -> tuple[tuple[str, tuple[Point, ...]], ...]:
    out = []
    for i, raw in enumerate(_list(value, f)):
        cf = f"{f}[{i}]"
        c = _obj(raw, cf)
        if c.get("polygon") is None:
            raise InputError(f"{cf}.polygon", "is required")
        hh = c.get("household")
        out.append(
            (
                "" if hh is None else _text(hh, f"{cf}.household"),
                polygon(c["polygon"], f"{cf}.polygon"),
            )
        )
    return tuple(out)


def parse_plan(value: object, f: str = "site.plan") -> Plan:
    """Validate a ``site.plan`` object and build a :class:`Plan`.

    Raises
    ------
    InputError
        naming the first bad field.
    """
    d = _obj(value, f)
    if "buildings" not in d:
        raise InputError(f"{f}.buildings", "is required (the own building at least)")
    buildings = _buildings(d["buildings"], f"{f}.buildings")
    given = {k for k, v in d.items() if v is not None}
    shaft = None if "shaft" not in given else _prism(d["shaft"], f"{f}.shaft", default_id="shaft")
    windows = (
        ()
        if "windows" not in given
        else _windows(d["windows"], f"{f}.windows", {b.id for b in buildings})
    )
    loc = None if "location" not in given else _location(d["location"], f"{f}.location")
    rules = (
        None
        if "sunlight_rules" not in given
        else validate_plan_rules(d["sunlight_rules"], f"{f}.sunlight_rules")
    )
    red = None if "red_line" not in given else polygon(d["red_line"], f"{f}.red_line")
    lane = None if "fire_lane" not in given else _fire_lane(d["fire_lane"], f"{f}.fire_lane")
    pipes = None if "pipes" not in given else _pipes(d["pipes"], f"{f}.pipes")
    courts = None if "courtyards" not in given else _courtyards(d["courtyards"], f"{f}.courtyards")
    return Plan(
        buildings=buildings,
        shaft=shaft,
        windows=windows,
        location=loc,
        sunlight_rules=rules,
        red_line=red,
        fire_lane=lane,
        pipes=pipes,
        courtyards=courts,
        extra={k: v for k, v in d.items() if k not in _PLAN_KEYS},
    )


def plan_of(site: Site) -> Plan | None:
    """The parsed plan of a :class:`~elevator_eval.model.Site`, or ``None`` without one."""
    raw = site.extra.get(PLAN_KEY) if site.extra else None
    if raw is None:
        return None
    return parse_plan(raw)
