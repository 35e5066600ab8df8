"""Read the unit file format (``*.unit.json``, ``elevator-eval/unit`` v1).

The contract is fixed by ``spec/unit-format.md``; writing is in
:mod:`elevator_eval.unitfile_write`. Reading validates every field and raises
:class:`~elevator_eval.errors.InputError` naming the first bad field; numbers are read as
``Decimal`` from their decimal text, so ``56.30`` stays exactly 56.30. Keys this version
does not know are kept in ``extra`` and written back, so import → export is lossless.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from . import ruledata
from .errors import InputError
from .model import (
    DANGER_GRADES,
    ENTRY_MODES,
    STRUCTURES,
    VOTE_SOURCES,
    VOTES,
    BuildingInfo,
    Costs,
    Household,
    ShareSettings,
    Site,
    Unit,
)
from .site.plan import parse_plan
from .unitfile_fields import (
    as_bool,
    as_choice,
    as_int,
    as_number,
    as_object,
    as_str,
    extra_keys,
    kind_of,
    opt_bool,
)

FORMAT = "elevator-eval/unit"
VERSION = 1

SHARE_METHODS = (
    "floor_coefficient_area",
    "coefficient_by_floor",
    "stair_count",
    "percent_by_household",
    "equal",
)

# Subsidy rule types and their parameters: name -> (kind, required)
# kinds: "yuan" (non-negative Decimal), "percent" (0..100 Decimal), "int" (positive int),
# "tiers" (list of {"min_storeys": int, "yuan": num}).
SUBSIDY_TYPES: dict[str, dict[str, tuple[str, bool]]] = {
    "fixed": {"yuan": ("yuan", True)},
    "percent_capped": {"percent": ("percent", True), "cap_yuan": ("yuan", True)},
    "per_stop": {
        "base_yuan": ("yuan", True),
        "base_stops": ("int", True),
        "step_yuan": ("yuan", True),
        "max_yuan": ("yuan", True),
        "reserved_shaft_yuan": ("yuan", False),
    },
    "pipeline": {"cap_yuan": ("yuan", True)},
    "storeys_tiered": {"tiers": ("tiers", True)},
}

_TOP_KEYS = {
    "format",
    "version",
    "id",
    "name",
    "rules",
    "suitability_rules",
    "building",
    "site",
    "households",
    "costs",
    "subsidies",
    "share",
    "scheme_version",
}
_BUILDING_KEYS = {
    "year_built",
    "storeys",
    "structure",
    "danger_grade",
    "floor_height_m",
    "seismic_intensity",
    "design_life_years",
}
_SITE_KEYS = {
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
    "corridor_depth_m",
}
_HH_KEYS = {
    "id",
    "floor",
    "area_m2",
    "owner",
    "vote",
    "exclusive_part_affected",
    "owner_name",
    "contact",
    "vote_date",
    "vote_source",
    "max_contribution_yuan",
    "provident_fund_yuan",
}
_COST_KEYS = {"items_yuan", "total_yuan", "annual_om_yuan"}
_SHARE_KEYS = {
    "method",
    "exempt_floors",
    "coefficients",
    "percent_by_floor",
    "rounding_yuan",
    "table",
}


# ---------------------------------------------------------------------------- reading


def load_unit(path: str | Path) -> Unit:
    """Read a unit file. Raises InputError naming the field (or ``file``) on bad input."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise InputError("file", f"cannot read {p.name}: {e.strerror or e}") from None
    return loads_unit(raw)


def _parse_int(digits: str) -> int | Decimal:
    """A JSON integer: an int, or a Decimal when it has more digits than any field means
    (Python refuses to make an int of more than 4,300 digits, and the message would name
    the file, not the field; the field's own check says the value is far too large)."""
    return int(digits) if len(digits) <= 100 else Decimal(digits)


def loads_unit(text: str | bytes) -> Unit:
    """Parse a unit file's text."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError("file", "is not UTF-8 text") from None
    try:
        data = json.loads(
            text,
            parse_float=Decimal,
            parse_int=_parse_int,
            parse_constant=_reject_constant,
            object_pairs_hook=_one_value_per_key,
        )
    except RecursionError:
        raise InputError("file", "is nested too deeply") from None
    except ValueError as e:
        if isinstance(e, InputError):
            raise
        raise InputError("file", f"is not valid JSON ({e})") from None
    bad = _unpaired_surrogate(data, "")
    if bad is not None:  # "\ud800" alone is valid JSON but no text: no PDF or file takes it
        raise InputError(bad or "file", "contains an unpaired surrogate escape (\\ud800–\\udfff)")
    return unit_from_dict(data)


def _unpaired_surrogate(value: object, path: str) -> str | None:
    """The path (``households[3].owner_name``) of the first key or string holding a lone
    surrogate code point, or ``None``."""
    if isinstance(value, str):
        return path if any("\ud800" <= c <= "\udfff" for c in value) else None
    if isinstance(value, dict):
        for k, v in value.items():
            sub = f"{path}.{k}" if path else str(k)
            if _unpaired_surrogate(k, "") is not None:
                return sub
            found = _unpaired_surrogate(v, sub)
            if found is not None:
                return found
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found = _unpaired_surrogate(v, f"{path}[{i}]")
            if found is not None:
                return found
    return None


def _one_value_per_key(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object whose keys are all different (JSON readers keep the last of two, so a
    second ``"id"`` would silently replace the first)."""
    out: dict[str, object] = {}
    for k, v in pairs:
        if k in out:
            raise InputError("file", f"has the key {k!r} twice in one object")
        out[k] = v
    return out


def _reject_constant(name: str) -> NoReturn:
    raise InputError("file", f"contains {name}, which is not a number")


def _names_suitability_only(name: str) -> bool:
    """Whether ``name`` is a shipped suitability ruleset and no shipped consent ruleset."""
    return name in ruledata.shipped_names("suitability") and name not in ruledata.shipped_names(
        "consent"
    )


def unit_from_dict(data: Any) -> Unit:
    """Validate a decoded unit file and build a :class:`Unit`."""
    d = as_object(data, "(top level)")
    if d.get("format") != FORMAT:
        raise InputError("format", f'must be "{FORMAT}", got {d.get("format")!r}')
    if d.get("version") != VERSION or isinstance(d.get("version"), bool):
        raise InputError("version", f"must be {VERSION}, got {d.get('version')!r}")
    if "id" not in d:
        raise InputError("id", "is required")
    uid = as_str(d["id"], "id")
    name = as_str(d.get("name", ""), "name", allow_empty=True)
    rules_given = "rules" in d and d["rules"] is not None
    rules = as_str(d["rules"], "rules") if rules_given else "civil-code-2021"
    suitability_rules = None
    if d.get("suitability_rules") is not None:
        suitability_rules = as_str(d["suitability_rules"], "suitability_rules")
    if rules_given and _names_suitability_only(rules):
        # v1: ``rules`` may name a suitability ruleset (the vote then uses the default)
        if suitability_rules is None:
            suitability_rules = rules
        rules, rules_given = "civil-code-2021", False

    if "building" not in d:
        raise InputError("building", "is required")
    building = parse_building(d["building"])
    site = parse_site({} if d.get("site") is None else d["site"])  # false or [] is refused
    if "households" not in d:
        raise InputError("households", "is required")
    households = parse_households(d["households"], building.storeys)
    costs = parse_costs(d.get("costs"))
    subs = [] if d.get("subsidies") is None else d["subsidies"]
    if not isinstance(subs, list):
        raise InputError("subsidies", f"must be a list, got {kind_of(subs)}")
    subsidies = [parse_subsidy(s, f"subsidies[{i}]") for i, s in enumerate(subs)]
    share = parse_share(d.get("share"), building.storeys)
    scheme_version = as_int(d.get("scheme_version", 1), "scheme_version", 1)
    return Unit(
        id=uid,
        name=name,
        rules=rules,
        rules_given=rules_given,
        suitability_rules=suitability_rules,
        building=building,
        site=site,
        households=households,
        costs=costs,
        subsidies=subsidies,
        share=share,
        scheme_version=scheme_version,
        extra=extra_keys(d, _TOP_KEYS),
    )


def parse_building(value: object) -> BuildingInfo:
    """The ``building`` object, validated."""
    b = as_object(value, "building")
    for key in ("year_built", "storeys"):
        if key not in b:
            raise InputError(f"building.{key}", "is required")
    year = as_int(b["year_built"], "building.year_built", 1800, 2100)
    storeys = as_int(b["storeys"], "building.storeys", 1, 100)
    structure = b.get("structure")
    if structure is not None:
        as_choice(structure, "building.structure", STRUCTURES)
    grade = b.get("danger_grade")
    if grade is not None:
        as_choice(grade, "building.danger_grade", DANGER_GRADES)
    fh = b.get("floor_height_m")
    fh = None if fh is None else as_number(fh, "building.floor_height_m", allow_zero=False)
    si = b.get("seismic_intensity")
    si = None if si is None else as_int(si, "building.seismic_intensity", 5, 10)
    life_given = b.get("design_life_years") is not None
    life = (
        as_int(b["design_life_years"], "building.design_life_years", 1, 200) if life_given else 50
    )
    return BuildingInfo(
        year_built=year,
        storeys=storeys,
        structure=structure,
        danger_grade=grade,
        floor_height_m=fh,
        seismic_intensity=si,
        design_life_years=life,
        design_life_given=life_given,
        extra=extra_keys(b, _BUILDING_KEYS),
    )


def check_value(section: str, key: str, value: object) -> None:
    """Check one value of ``building`` or ``site`` as a unit file's would be read (the
    window's forms: one place decides what a field accepts).

    Raises
    ------
    InputError
        naming ``<section>.<key>`` (e.g. ``building.storeys: must be at least 1``).
    """
    if value is None:
        return
    v = list(value) if isinstance(value, tuple) else value
    if section == "building":
        parse_building({"year_built": 2000, "storeys": 1, key: v})
    elif section == "site":
        parse_site({key: v})
    else:
        raise ValueError(f"unknown section {section!r}")


def parse_site(value: object) -> Site:
    """The ``site`` object, validated (a site plan is checked and kept in ``extra``)."""
    s = as_object(value, "site")
    p = "site"
    mode = s.get("entry_mode")
    if mode is not None:
        as_choice(mode, "site.entry_mode", ENTRY_MODES)
    fp = s.get("footprint_available_m")
    if fp is not None:
        if not isinstance(fp, list) or len(fp) != 2:
            raise InputError(
                "site.footprint_available_m", "must be a list of two numbers [width, depth]"
            )
        fp = (
            as_number(fp[0], "site.footprint_available_m[0]"),
            as_number(fp[1], "site.footprint_available_m[1]"),
        )

    def opt_num(key: str) -> Decimal | None:
        v = s.get(key)
        return None if v is None else as_number(v, f"{p}.{key}")

    def opt_int(key: str, lo: int = 0, hi: int = 100000) -> int | None:
        v = s.get(key)
        return None if v is None else as_int(v, f"{p}.{key}", lo, hi)

    pipes = s.get("pipes_in_footprint")
    if pipes is not None:
        if not isinstance(pipes, list):
            raise InputError("site.pipes_in_footprint", "must be a list of pipe types")
        pipes = [as_str(x, f"site.pipes_in_footprint[{i}]") for i, x in enumerate(pipes)]
    if s.get("plan") is not None:  # validated here, kept as written in Site.extra
        parse_plan(s["plan"], "site.plan")
    return Site(
        entry_mode=mode,
        footprint_available_m=fp,
        inside_red_line=opt_bool(s, "inside_red_line", p),
        fire_lane_width_after_m=opt_num("fire_lane_width_after_m"),
        distance_to_neighbour_m=opt_num("distance_to_neighbour_m"),
        occupies_private_courtyard=opt_bool(s, "occupies_private_courtyard", p),
        sunlight_below_standard=opt_bool(s, "sunlight_below_standard", p),
        pipes_in_footprint=pipes,
        pit_depth_available_mm=opt_int("pit_depth_available_mm"),
        headroom_available_mm=opt_int("headroom_available_mm"),
        corridor_depth_m=opt_num("corridor_depth_m"),
        extra=extra_keys(s, _SITE_KEYS),
    )


MAX_HOUSEHOLDS = 500
"""Most households in one unit (one stairwell) [households]: app default, 经验值. A walk-up
stairwell serves a few doors on each of its storeys (a few dozen households); 500 leaves a wide
margin, and a list longer than that is a whole estate pasted into one unit. Every engine
is linear or n·log n in the households (see ``benchmarks/bench_consent_scale.py``), so the
limit guards against a mistake, not against slowness."""


def parse_households(value: object, storeys: int) -> list[Household]:
    if not isinstance(value, list):
        raise InputError("households", f"must be a list, got {kind_of(value)}")
    if not value:
        raise InputError("households", "must list at least one household")
    if len(value) > MAX_HOUSEHOLDS:
        raise InputError(
            "households",
            f"lists {len(value)} households; one unit (one "
            f"stairwell) has at most {MAX_HOUSEHOLDS}: split it into its units",
        )
    out: list[Household] = []
    seen: set[str] = set()
    for i, raw in enumerate(value):
        p = f"households[{i}]"
        h = as_object(raw, p)
        for key in ("id", "floor", "area_m2"):
            if key not in h:
                raise InputError(f"{p}.{key}", "is required")
        hid = as_str(h["id"], f"{p}.id")
        if hid in seen:
            raise InputError(f"{p}.id", f"door number {hid!r} appears twice")
        seen.add(hid)
        floor = as_int(h["floor"], f"{p}.floor", 1)
        if floor > storeys:
            raise InputError(f"{p}.floor", f"floor {floor} is above building.storeys ({storeys})")
        area = as_number(h["area_m2"], f"{p}.area_m2", allow_zero=False)
        owner = h.get("owner")
        owner = None if owner is None else as_str(owner, f"{p}.owner")
        vote = h.get("vote")
        if vote is not None:
            as_choice(vote, f"{p}.vote", VOTES)
        epa = h.get("exclusive_part_affected", False)
        epa = False if epa is None else as_bool(epa, f"{p}.exclusive_part_affected")
        src = h.get("vote_source")
        if src is not None:
            as_choice(src, f"{p}.vote_source", VOTE_SOURCES)
        vdate = h.get("vote_date")
        vdate = None if vdate is None else as_str(vdate, f"{p}.vote_date")
        mc = h.get("max_contribution_yuan")
        mc = None if mc is None else as_number(mc, f"{p}.max_contribution_yuan")
        pf = h.get("provident_fund_yuan")
        pf = None if pf is None else as_number(pf, f"{p}.provident_fund_yuan")
        out.append(
            Household(
                id=hid,
                floor=floor,
                area_m2=area,
                owner=owner,
                vote=vote,
                exclusive_part_affected=epa,
                owner_name=as_str(h.get("owner_name", ""), f"{p}.owner_name", allow_empty=True),
                contact=as_str(h.get("contact", ""), f"{p}.contact", allow_empty=True),
                vote_date=vdate,
                vote_source=src,
                max_contribution_yuan=mc,
                provident_fund_yuan=pf,
                extra=extra_keys(h, _HH_KEYS),
            )
        )
    return out


def _money_map(value: object, field: str, *, allow_negative: bool = False) -> dict[str, Decimal]:
    m = as_object(value, field)
    return {
        str(k): as_number(v, f"{field}.{k}", allow_negative=allow_negative) for k, v in m.items()
    }


def parse_costs(value: object) -> Costs:
    """The ``costs`` object, validated (items or a total is required)."""
    if value is None:
        raise InputError("costs", "is required (costs.items_yuan or costs.total_yuan)")
    c = as_object(value, "costs")
    items = (
        _money_map(c["items_yuan"], "costs.items_yuan") if c.get("items_yuan") is not None else {}
    )
    total = c.get("total_yuan")
    total = None if total is None else as_number(total, "costs.total_yuan")
    if not items and total is None:
        raise InputError("costs", "needs costs.items_yuan or costs.total_yuan")
    if items and total is not None and total != sum(items.values()):
        # the total is the lines' sum (unit format §1): two totals would be one too many
        raise InputError(
            "costs.total_yuan", f"differs from the sum of costs.items_yuan ({sum(items.values())})"
        )
    om = (
        _money_map(c["annual_om_yuan"], "costs.annual_om_yuan")
        if c.get("annual_om_yuan") is not None
        else {}
    )
    return Costs(
        items_yuan=items, total_yuan_given=total, annual_om_yuan=om, extra=extra_keys(c, _COST_KEYS)
    )


def parse_subsidy(value: object, field: str) -> dict[str, Any]:
    """Validate one subsidy rule; returns a dict with Decimal/int parameters."""
    s = as_object(value, field)
    kind = s.get("type")
    if not isinstance(kind, str) or kind not in SUBSIDY_TYPES:
        raise InputError(
            f"{field}.type", f"must be one of {', '.join(SUBSIDY_TYPES)}, got {kind!r}"
        )
    out: dict[str, Any] = {"type": kind}
    for pname, (pkind, required) in SUBSIDY_TYPES[kind].items():
        f = f"{field}.{pname}"
        if s.get(pname) is None:
            if required:
                raise InputError(f, "is required")
            continue
        v = s[pname]
        if pkind == "yuan":
            out[pname] = as_number(v, f)
        elif pkind == "percent":
            d = as_number(v, f)
            if d > 100:
                raise InputError(f, f"must be at most 100, got {d}")
            out[pname] = d
        elif pkind == "int":
            out[pname] = as_int(v, f, 1, 1000)
        elif pkind == "tiers":
            if not isinstance(v, list) or not v:
                raise InputError(f, "must be a non-empty list of {min_storeys, yuan}")
            tiers = []
            for j, t in enumerate(v):
                tf = f"{f}[{j}]"
                t = as_object(t, tf)
                if "min_storeys" not in t or "yuan" not in t:
                    raise InputError(tf, "needs min_storeys and yuan")
                tiers.append(
                    {
                        "min_storeys": as_int(t["min_storeys"], f"{tf}.min_storeys", 1, 200),
                        "yuan": as_number(t["yuan"], f"{tf}.yuan"),
                    }
                )
            out[pname] = tiers
    for k, v in s.items():
        if k not in out and k != "type" and k not in SUBSIDY_TYPES[kind]:
            out[k] = v  # names, sources and notes travel along
    if kind == "per_stop" and out["base_yuan"] > out["max_yuan"]:
        raise InputError(f"{field}.max_yuan", "must not be below base_yuan")
    return out


def _floor_map(value: object, field: str, storeys: int) -> dict[int, Decimal]:
    m = as_object(value, field)
    out: dict[int, Decimal] = {}
    for k, v in m.items():
        try:
            fl = int(str(k))
        except ValueError:
            raise InputError(f"{field}.{k}", "keys must be floor numbers") from None
        if fl < 1:
            raise InputError(f"{field}.{k}", f"floor {fl} is not a floor number (1 or more)")
        # rows above building.storeys are unused (a shared table), not bad input
        out[fl] = as_number(v, f"{field}.{k}")
    return out


def parse_share(value: object, storeys: int) -> ShareSettings:
    """The ``share`` object, validated (absent: the defaults, ``given`` false)."""
    if value is None:
        return ShareSettings(given=False)
    s = as_object(value, "share")
    method = s.get("method", "floor_coefficient_area")
    as_choice(method, "share.method", SHARE_METHODS)
    ex = s.get("exempt_floors") or []
    if not isinstance(ex, list):
        raise InputError("share.exempt_floors", "must be a list of floor numbers")
    exempt = [as_int(x, f"share.exempt_floors[{i}]", 1, storeys) for i, x in enumerate(ex)]
    coeffs = s.get("coefficients")
    coeffs = None if coeffs is None else _floor_map(coeffs, "share.coefficients", storeys)
    pbf = s.get("percent_by_floor")
    pbf = None if pbf is None else _floor_map(pbf, "share.percent_by_floor", storeys)
    rnd = s.get("rounding_yuan", 1)
    rnd = as_number(1 if rnd is None else rnd, "share.rounding_yuan", allow_zero=False)
    table = s.get("table")
    table = None if table is None else as_str(table, "share.table")
    return ShareSettings(
        method=method,
        exempt_floors=exempt,
        coefficients=coeffs,
        percent_by_floor=pbf,
        rounding_yuan=rnd,
        table=table,
        extra=extra_keys(s, _SHARE_KEYS),
        given=True,
    )
