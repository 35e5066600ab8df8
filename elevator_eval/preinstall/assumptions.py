"""The assumption set of the pre-installation valuation: load, merge, validate, list.

The shipped default is ``rules/preinstall/default.json``; ``project.settings["preinstall"]``
and ``unit.extra["preinstall"]`` override it key by key.
"""

from __future__ import annotations

from typing import Any

from ..errors import InputError
from ..model import Project
from ..money import to_decimal
from ..ruledata import load
from .types import Triangle

KIND = "preinstall"
DEFAULT_ASSUMPTIONS = "default"
MAX_HORIZON_YEARS = 50
PRICE_BASES = ("nominal",)


def deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``over`` merged in, nested objects key by key (lists replaced)."""
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = deep_merge(out[k], v)
        else:
            out[k] = v
    return out


def load_assumptions(
    project: Project | None = None, overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The assumption set: the shipped default, then the project's, then ``overrides``.

    Parameters
    ----------
    project : Project, optional
        ``project.settings["preinstall"]`` overrides the default key by key.
    overrides : dict, optional
        Further overrides of the same shape (e.g. a unit's ``extra["preinstall"]``).

    Raises
    ------
    InputError
        naming the field (``preinstall.<path>``) when a value is out of range.
    """
    data = load(KIND, DEFAULT_ASSUMPTIONS, field="preinstall")
    if project is not None:
        extra = project.settings.get("preinstall") if isinstance(project.settings, dict) else None
        if extra is not None:
            if not isinstance(extra, dict):
                raise InputError("settings.preinstall", "must be an object")
            data = deep_merge(data, extra)
    if overrides:
        if not isinstance(overrides, dict):
            raise InputError("extra.preinstall", "must be an object")
        data = deep_merge(data, overrides)
    validate_assumptions(data)
    return data


def number(
    value: object,
    fld: str,
    *,
    lo: float | None = None,
    hi: float | None = None,
    allow_negative: bool = False,
) -> float:
    """``value`` as a float within ``[lo, hi]``; InputError naming ``fld`` otherwise."""
    d = to_decimal(value, fld, allow_negative=allow_negative)
    x = float(d)
    if lo is not None and x < lo:
        raise InputError(fld, f"must be at least {lo}, got {d}")
    if hi is not None and x > hi:
        raise InputError(fld, f"must be at most {hi}, got {d}")
    return x


def triangle(
    entry: object,
    fld: str,
    *,
    lo: float | None = None,
    hi: float | None = None,
    allow_negative: bool = False,
) -> Triangle:
    """An object ``{low, mode, high}`` as a :class:`Triangle` (low ≤ mode ≤ high)."""
    if not isinstance(entry, dict):
        raise InputError(fld, "must be an object with low, mode and high")
    vals = []
    for k in ("low", "mode", "high"):
        if k not in entry:
            raise InputError(f"{fld}.{k}", "is missing")
        vals.append(number(entry[k], f"{fld}.{k}", lo=lo, hi=hi, allow_negative=allow_negative))
    if not vals[0] <= vals[1] <= vals[2]:
        raise InputError(fld, f"needs low ≤ mode ≤ high, got {vals[0]:g}, {vals[1]:g}, {vals[2]:g}")
    return Triangle(*vals)


def horizon(value: object, fld: str) -> int:
    """A horizon in whole years, 1 … :data:`MAX_HORIZON_YEARS`."""
    if isinstance(value, bool) or value is None:
        raise InputError(fld, f"must be a whole number of years, got {value!r}")
    d = to_decimal(value, fld)
    if d != d.to_integral_value() or not 1 <= d <= MAX_HORIZON_YEARS:
        raise InputError(
            fld, f"must be a whole number of years from 1 to {MAX_HORIZON_YEARS}, got {value}"
        )
    return int(d)


def value_of(entry: object) -> object:
    """``entry["value"]`` for an object with a value, else ``entry`` itself."""
    return entry.get("value") if isinstance(entry, dict) else entry


def validate_assumptions(data: dict[str, Any]) -> None:
    """Check every value of an assumption set (ranges, low ≤ mode ≤ high).

    Raises
    ------
    InputError
        naming ``preinstall.<path>``.
    """
    p = "preinstall"
    triangle(data.get("discount_rate"), f"{p}.discount_rate", lo=-0.5, hi=1.0, allow_negative=True)
    triangle(
        data.get("escalation_per_year"),
        f"{p}.escalation_per_year",
        lo=-0.5,
        hi=1.0,
        allow_negative=True,
    )
    horizon(value_of(data.get("horizon_years")), f"{p}.horizon_years")
    number(value_of(data.get("salvage_share")), f"{p}.salvage_share", lo=0, hi=1)
    basis = value_of(data.get("price_basis", "nominal"))
    if basis not in PRICE_BASES:
        raise InputError(
            f"{p}.price_basis", f"must be one of {', '.join(PRICE_BASES)}, got {basis!r}"
        )
    for group in ("pipe_relocation_yuan", "works_now_yuan", "later_extra_yuan"):
        items = data.get(group)
        if not isinstance(items, dict):
            raise InputError(f"{p}.{group}", "must be an object of items")
        for key, entry in items.items():
            triangle(entry, f"{p}.{group}.{key}")
    triangle(data.get("pipe_relocation_unsurveyed_yuan"), f"{p}.pipe_relocation_unsurveyed_yuan")
    spread = data.get("unit_estimate_spread")
    if not isinstance(spread, dict):
        raise InputError(f"{p}.unit_estimate_spread", "must be an object with low and high")
    number(spread.get("low"), f"{p}.unit_estimate_spread.low", hi=1)
    number(spread.get("high"), f"{p}.unit_estimate_spread.high", lo=1)
    _validate_pit(data.get("pit"), f"{p}.pit")
    _validate_hazard(data.get("consent_hazard"), f"{p}.consent_hazard")


def _validate_pit(pit: object, fld: str) -> None:
    if pit is None:
        return
    if not isinstance(pit, dict):
        raise InputError(fld, "must be an object")
    number(pit.get("prebuilt_depth_mm"), f"{fld}.prebuilt_depth_mm", lo=1, hi=5000)
    products = pit.get("products")
    if not isinstance(products, list) or not products:
        raise InputError(f"{fld}.products", "must be a non-empty list")
    total = 0.0
    for i, prod in enumerate(products):
        f = f"{fld}.products[{i}]"
        if not isinstance(prod, dict):
            raise InputError(f, "must be an object with key, pit_mm and probability")
        number(prod.get("pit_mm"), f"{f}.pit_mm", lo=1, hi=5000)
        total += number(prod.get("probability"), f"{f}.probability", lo=0, hi=1)
    if abs(total - 1.0) > 1e-9:
        raise InputError(f"{fld}.products", f"probabilities must add up to 1, got {total:g}")
    rework = pit.get("rework_yuan")
    if not isinstance(rework, dict):
        raise InputError(f"{fld}.rework_yuan", "must be an object with deepen and raise_floor")
    for key in ("deepen", "raise_floor"):
        triangle(rework.get(key), f"{fld}.rework_yuan.{key}")


def _validate_hazard(ch: object, fld: str) -> None:
    if not isinstance(ch, dict):
        raise InputError(fld, "must be an object")
    for k in ("ready", "blocked", "needs_votes_min", "needs_votes_max"):
        number(ch.get(k), f"{fld}.{k}", lo=0, hi=1)
    if number(ch["needs_votes_min"], "x") > number(ch["needs_votes_max"], "x"):
        raise InputError(fld, "needs_votes_min must not exceed needs_votes_max")
    number(ch.get("shape"), f"{fld}.shape", lo=0.01, hi=100)
    number(ch.get("concentration"), f"{fld}.concentration", lo=0, hi=1e6)


def assumption_rows(assumptions: dict[str, Any]) -> list[dict[str, Any]]:
    """The assumption set as rows for an editor or a report appendix.

    Each row: ``path`` (the key to override in ``settings["preinstall"]`` /
    ``extra["preinstall"]``, dotted), ``title_zh``, ``title_en``, ``low``, ``mode``,
    ``high`` (or ``value``), ``unit`` (``yuan``, ``per_year``, ``years``, ``share``,
    ``probability_per_year``, ``mm``, ``number``) and ``source``.
    """
    rows: list[dict[str, Any]] = []

    def add(
        path: str,
        entry: dict[str, Any],
        unit: str,
        *,
        value: object = None,
        tri: bool = True,
        title: dict[str, Any] | None = None,
    ) -> None:
        rows.append(
            {
                "path": path,
                "title_zh": (title or entry).get("title_zh", path),
                "title_en": (title or entry).get("title_en", path),
                "low": entry.get("low") if tri else None,
                "mode": entry.get("mode") if tri else None,
                "high": entry.get("high") if tri else None,
                "value": None if tri else (entry.get("value") if value is None else value),
                "unit": unit,
                "source": (title or entry).get("source", "assumption"),
            }
        )

    add("discount_rate", assumptions["discount_rate"], "per_year")
    add("escalation_per_year", assumptions["escalation_per_year"], "per_year")
    add("horizon_years", assumptions["horizon_years"], "years", tri=False)
    add("salvage_share", assumptions["salvage_share"], "share", tri=False)
    for group in ("pipe_relocation_yuan", "works_now_yuan", "later_extra_yuan"):
        for key, entry in assumptions[group].items():
            add(f"{group}.{key}", entry, "yuan")
    add("pipe_relocation_unsurveyed_yuan", assumptions["pipe_relocation_unsurveyed_yuan"], "yuan")
    pit = assumptions.get("pit")
    if isinstance(pit, dict):
        add("pit.prebuilt_depth_mm", pit, "mm", tri=False, value=pit["prebuilt_depth_mm"])
        for key, entry in pit["rework_yuan"].items():
            add(f"pit.rework_yuan.{key}", entry, "yuan")
    ch = assumptions["consent_hazard"]
    names = ch.get("parameter_titles") or {}
    for key in ("ready", "blocked", "needs_votes_min", "needs_votes_max", "shape", "concentration"):
        unit = "probability_per_year" if key not in ("shape", "concentration") else "number"
        zh, en = names.get(key, (key, key))
        rows.append(
            {
                "path": f"consent_hazard.{key}",
                # the parameter first: rows cut to the column's width still differ
                "title_zh": f"{zh}（{ch.get('title_zh', '')}）",
                "title_en": f"{en} ({ch.get('title_en', '')})",
                "low": None,
                "mode": None,
                "high": None,
                "value": ch[key],
                "unit": unit,
                "source": ch.get("source", "assumption"),
            }
        )
    return rows
