"""Write the unit file format (``*.unit.json``, ``elevator-eval/unit`` v1).

The contract is fixed by ``spec/unit-format.md``; reading is in :mod:`elevator_eval.unitfile`.
Decimals are written as exact number literals (``56.30``), and the keys a unit kept in
``extra`` on reading are written back, so import → export is lossless.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from .atomic import atomic_write_text
from .model import BuildingInfo, Costs, Household, ShareSettings, Site, Unit
from .unitfile import FORMAT, VERSION


def unit_to_dict(unit: Unit) -> dict[str, Any]:
    """The unit as a unit-file dict (Decimals kept; use :func:`dumps_unit` for text)."""
    out: dict[str, Any] = {"format": FORMAT, "version": VERSION, "id": unit.id}
    if unit.name:
        out["name"] = unit.name
    if unit.rules_given or unit.rules != "civil-code-2021":
        out["rules"] = unit.rules
        if unit.suitability_rules is not None:
            out["suitability_rules"] = unit.suitability_rules
    elif unit.suitability_rules is not None:
        out["rules"] = unit.suitability_rules  # v1: a suitability name in ``rules``
    out["building"] = _building_dict(unit.building)
    out["site"] = _site_dict(unit.site)
    out["households"] = [_household_dict(h) for h in unit.households]
    out["costs"] = _costs_dict(unit.costs)
    if unit.subsidies:
        out["subsidies"] = [dict(s) for s in unit.subsidies]
    if unit.share.given:
        out["share"] = _share_dict(unit.share)
    if unit.scheme_version != 1:
        out["scheme_version"] = unit.scheme_version
    out.update(unit.extra)
    return out


def _building_dict(b: BuildingInfo) -> dict[str, Any]:
    building: dict[str, Any] = {"year_built": b.year_built, "storeys": b.storeys}
    if b.structure is not None:
        building["structure"] = b.structure
    building["danger_grade"] = b.danger_grade
    if b.floor_height_m is not None:
        building["floor_height_m"] = b.floor_height_m
    if b.seismic_intensity is not None:
        building["seismic_intensity"] = b.seismic_intensity
    if b.design_life_given or b.design_life_years != 50:
        building["design_life_years"] = b.design_life_years
    building.update(b.extra)
    return building


def _site_dict(s: Site) -> dict[str, Any]:
    site: dict[str, Any] = {}
    if s.entry_mode is not None:
        site["entry_mode"] = s.entry_mode
    if s.footprint_available_m is not None:
        site["footprint_available_m"] = list(s.footprint_available_m)
    for key in (
        "inside_red_line",
        "fire_lane_width_after_m",
        "distance_to_neighbour_m",
        "occupies_private_courtyard",
        "sunlight_below_standard",
        "pipes_in_footprint",
        "pit_depth_available_mm",
        "headroom_available_mm",
        "corridor_depth_m",
    ):
        v = getattr(s, key)
        if v is not None:
            site[key] = list(v) if isinstance(v, list) else v
    site.update(s.extra)
    return site


def _household_dict(h: Household) -> dict[str, Any]:
    d: dict[str, Any] = {"id": h.id, "floor": h.floor, "area_m2": h.area_m2}
    if h.owner is not None:
        d["owner"] = h.owner
    d["vote"] = h.vote
    if h.exclusive_part_affected:
        d["exclusive_part_affected"] = True
    for key in ("owner_name", "contact"):
        if getattr(h, key):
            d[key] = getattr(h, key)
    for key in ("vote_date", "vote_source", "max_contribution_yuan", "provident_fund_yuan"):
        if getattr(h, key) is not None:
            d[key] = getattr(h, key)
    d.update(h.extra)
    return d


def _costs_dict(c: Costs) -> dict[str, Any]:
    costs: dict[str, Any] = {}
    if c.items_yuan:
        costs["items_yuan"] = dict(c.items_yuan)
    if c.total_yuan_given is not None:
        costs["total_yuan"] = c.total_yuan_given
    if c.annual_om_yuan:
        costs["annual_om_yuan"] = dict(c.annual_om_yuan)
    costs.update(c.extra)
    return costs


def _share_dict(sh: ShareSettings) -> dict[str, Any]:
    share: dict[str, Any] = {"method": sh.method, "exempt_floors": list(sh.exempt_floors)}
    if sh.coefficients is not None:
        share["coefficients"] = {str(k): v for k, v in sorted(sh.coefficients.items())}
    if sh.percent_by_floor is not None:
        share["percent_by_floor"] = {str(k): v for k, v in sorted(sh.percent_by_floor.items())}
    share["rounding_yuan"] = sh.rounding_yuan
    if sh.table is not None:
        share["table"] = sh.table
    share.update(sh.extra)
    return share


def dumps_json(obj: Any, indent: int | None = 2) -> str:
    """JSON text in which Decimals are written as exact number literals (``56.30``)."""
    return _encode(obj, indent, 0)


def _encode(obj: Any, indent: int | None, level: int) -> str:
    if isinstance(obj, Decimal):
        if not obj.is_finite():
            raise ValueError(f"cannot write {obj} as JSON")
        exponent = obj.as_tuple().exponent  # an int: the value is finite
        if obj == obj.to_integral_value() and isinstance(exponent, int) and exponent >= 0:
            return str(int(obj))
        return format(obj, "f")
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return json.dumps(obj, ensure_ascii=False)
    if isinstance(obj, dict):
        items = [
            (json.dumps(str(k), ensure_ascii=False), _encode(v, indent, level + 1))
            for k, v in obj.items()
        ]
        if not items:
            return "{}"
        if indent is None:
            return "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
        pad = " " * (indent * (level + 1))
        return (
            "{\n"
            + ",\n".join(f"{pad}{k}: {v}" for k, v in items)
            + "\n"
            + " " * (indent * level)
            + "}"
        )
    if isinstance(obj, (list, tuple)):
        parts = [_encode(v, indent, level + 1) for v in obj]
        if not parts:
            return "[]"
        if indent is None or all(not isinstance(v, (dict, list, tuple)) for v in obj):
            return "[" + ", ".join(parts) + "]"
        pad = " " * (indent * (level + 1))
        return "[\n" + ",\n".join(pad + p for p in parts) + "\n" + " " * (indent * level) + "]"
    raise TypeError(f"cannot write {type(obj).__name__} as JSON")


def dumps_unit(unit: Unit) -> str:
    """The unit file's text (:func:`unit_to_dict` through :func:`dumps_json`)."""
    return dumps_json(unit_to_dict(unit))


def save_unit(unit: Unit, path: str | Path) -> None:
    """Write a unit file atomically (temporary file, then rename)."""
    atomic_write_text(Path(path), dumps_unit(unit) + "\n")
