"""Sunlight standard as data: GB 50180-2018 Table 4.0.9 and the bundled city table.

The standard (``rules/sunlight/gb50180-2018.json``) maps a building climate zone and a city
population class to a standard day (大寒日 ``dahan`` or 冬至日 ``dongzhi``) and the minimum
hours; each day has a fixed solar declination [°] and an effective band in true solar time
[h]. The city table (``rules/sunlight/cities-cn.json``) gives each city's latitude,
longitude [°], climate zone and population class. A plan's ``sunlight_rules`` wins over the
city; without either the default is 大寒日 ≥ 2 h (site-plan contract §3).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, Protocol

from .. import ruledata
from ..errors import InputError
from .values import number

KIND = "sunlight"
STANDARD = "gb50180-2018"
CITIES = "cities-cn"


@lru_cache(maxsize=4)
def standard_data(name: str = STANDARD) -> dict[str, Any]:
    """The validated standard file (numbers as Decimal)."""
    d = ruledata.load(KIND, name)
    for key in ("cite_zh", "cite_en"):  # how documents cite it
        if not isinstance(d.get(key), str) or not d[key]:
            raise InputError(f"rules {name}", f"lacks {key!r}")
    ex = d.get("exemption")
    if ex is not None and not (
        isinstance(ex, dict)
        and all(isinstance(ex.get(k), str) for k in ("clause", "clause_en", "text_zh", "text_en"))
    ):
        raise InputError(f"rules {name} exemption", "needs clause, clause_en, text_zh, text_en")
    days = d.get("days")
    if not isinstance(days, dict) or not days:
        raise InputError(f"rules {name}", "lacks a 'days' table")
    for key, day in days.items():
        band = day.get("band_true_solar_h")
        if not (isinstance(band, list) and len(band) == 2 and 0 <= band[0] < band[1] <= 24):
            raise InputError(
                f"rules {name} days.{key}.band_true_solar_h",
                "must be [start, end] hours with 0 ≤ start < end ≤ 24",
            )
        if not -30 <= day.get("declination_deg", 99) <= 30:
            raise InputError(f"rules {name} days.{key}.declination_deg", "must be −30…30")
    for i, row in enumerate(d.get("table", [])):
        day = row.get("standard_day")
        if not isinstance(day, str) or day not in days or not row.get("min_hours", 0) > 0:
            raise InputError(f"rules {name} table[{i}]", "needs a known day and hours > 0")
    return d


@lru_cache(maxsize=1)
def cities() -> tuple[dict[str, Any], ...]:
    """The bundled city table, one dict per city (lat/lon as float)."""
    d = ruledata.load(KIND, CITIES)
    zones = {z for row in standard_data()["table"] for z in row["zones"]}
    out = []
    for i, c in enumerate(d["cities"]):
        if c.get("climate_zone") not in zones or c.get("population") not in ("large", "small"):
            raise InputError(f"rules {CITIES} cities[{i}]", "bad climate zone or population")
        out.append({**c, "lat": float(c["lat"]), "lon": float(c["lon"])})
    return tuple(out)


def find_city(name: str, field: str = "site.plan.location.city") -> dict[str, Any]:
    """A city of the bundled table by Chinese or English name (``北京``, ``北京市``,
    ``Beijing``).

    Raises
    ------
    InputError
        naming ``field`` when the city is not in the table.
    """
    key = name.strip().removesuffix("市")
    for c in cities():
        if key == c["name"] or key.lower() == c["name_en"].lower():
            return c
    raise InputError(
        field,
        f"city {name!r} is not in the bundled table; give "
        '{"lat": …, "lon": …} and sunlight_rules instead',
    )


@dataclass(frozen=True)
class SunRules:
    """The sunlight standard applied to one plan.

    Attributes
    ----------
    standard_day : str
        ``dahan`` or ``dongzhi``.
    min_hours : Decimal
        Minimum hours [h] ("≥", the boundary meets).
    declination_deg : float
        Fixed solar declination of the standard day [°].
    band_h : tuple of float
        Effective band in true solar time [h], e.g. (8, 16).
    min_segment_min : float
        Sunlit runs shorter than this [min] are not counted (0 = every minute counts).
    min_horizontal_angle_deg : float
        Sun rays closer than this to the façade plane [°] do not count (0 = none).
    origin : str
        ``plan``, ``city`` or ``default``: where the standard came from.
    source_zh, source_en : str
        The standard by title and clause.
    basis : str
        ``sourced`` or a note that the table cell is recalled.
    standard : str
        The name of the standard's file (``gb50180-2018``, ``gb50180-93``): the project's
        choice (``settings.sunlight_standard``), else the default.
    cite_zh, cite_en : str
        The standard as a document cites it (title, number, clause and table).
    """

    standard_day: str
    min_hours: Decimal
    declination_deg: float
    band_h: tuple[float, float]
    min_segment_min: float = 0.0
    min_horizontal_angle_deg: float = 0.0
    origin: str = "default"
    source_zh: str = ""
    source_en: str = ""
    basis: str = "sourced"
    standard: str = STANDARD
    cite_zh: str = ""
    cite_en: str = ""

    @property
    def day_label_zh(self) -> str:
        return str(standard_data(self.standard)["days"][self.standard_day]["label_zh"])

    @property
    def day_label_en(self) -> str:
        return str(standard_data(self.standard)["days"][self.standard_day]["label_en"])


_RULE_KEYS = (
    "standard_day",
    "min_hours",
    "declination_deg",
    "band_true_solar_h",
    "min_segment_min",
    "min_horizontal_angle_deg",
)


def validate_plan_rules(value: object, field: str) -> dict[str, Any]:
    """Validate a plan's ``sunlight_rules`` object; returns the given keys as numbers."""
    if not isinstance(value, dict):
        raise InputError(field, "must be an object")
    days = standard_data()["days"]
    out: dict[str, Any] = {}
    day = value.get("standard_day")
    if day is not None:
        if not isinstance(day, str) or day not in days:
            raise InputError(
                f"{field}.standard_day", f"must be one of {', '.join(days)}, got {day!r}"
            )
        out["standard_day"] = day
    if value.get("min_hours") is not None:
        h = value["min_hours"]
        number(h, f"{field}.min_hours", positive=True, hi=24)
        out["min_hours"] = Decimal(str(h))
    if value.get("declination_deg") is not None:
        out["declination_deg"] = number(
            value["declination_deg"], f"{field}.declination_deg", lo=-23.5, hi=23.5
        )
    band = value.get("band_true_solar_h")
    if band is not None:
        if not isinstance(band, list) or len(band) != 2:
            raise InputError(f"{field}.band_true_solar_h", "must be [start, end] hours")
        a = number(band[0], f"{field}.band_true_solar_h[0]", lo=0, hi=24)
        b = number(band[1], f"{field}.band_true_solar_h[1]", lo=0, hi=24)
        if not a < b:
            raise InputError(f"{field}.band_true_solar_h", "start must be before end")
        out["band_true_solar_h"] = (a, b)
    if value.get("min_segment_min") is not None:
        out["min_segment_min"] = number(
            value["min_segment_min"], f"{field}.min_segment_min", lo=0, hi=600
        )
    if value.get("min_horizontal_angle_deg") is not None:
        out["min_horizontal_angle_deg"] = number(
            value["min_horizontal_angle_deg"], f"{field}.min_horizontal_angle_deg", lo=0, hi=89
        )
    return out


def table_row(climate_zone: str, population: str, standard: str = STANDARD) -> dict[str, Any]:
    """The standard's table row (GB 50180-2018 Table 4.0.9) for a climate zone and
    population class (``large``/``small``)."""
    rows: list[dict[str, Any]] = standard_data(standard)["table"]
    for row in rows:
        if climate_zone in row["zones"] and row["population"] in (population, "any"):
            return row
    raise InputError(
        "site.plan.location",
        f"no Table 4.0.9 row for zone {climate_zone} and population {population}",
    )


class SunlightInputs(Protocol):
    """What :func:`resolve` reads of a :class:`~elevator_eval.site.plan.Plan` (the plan
    module imports this one, so the type is structural)."""

    @property
    def location(self) -> dict[str, Any] | None: ...

    @property
    def sunlight_rules(self) -> dict[str, Any] | None: ...


def _hours_of_day(std: dict[str, Any], day: str) -> Decimal:
    """The hours a standard asks on ``day`` when no city says: the one value its table
    gives for that day (冬至日: 1 h), else the standard's default hours (大寒日: 2 h)."""
    values = {Decimal(r["min_hours"]) for r in std["table"] if r["standard_day"] == day}
    if len(values) == 1:
        return values.pop()
    return Decimal(std["default"]["min_hours"])


def resolve(plan: SunlightInputs, standard: str = STANDARD) -> SunRules:
    """The sunlight standard of a plan under the standard ``standard`` (the project's
    choice): the plan's ``sunlight_rules``, else its city's row of the standard's table,
    else the standard's default (大寒日 ≥ 2 h). Parameters the plan gives override the
    day's defaults."""
    std = standard_data(standard)
    given = dict(plan.sunlight_rules or {})
    loc = plan.location or {}
    basis = "sourced"
    if "standard_day" in given or "min_hours" in given:
        # what the plan leaves out comes from its city's row, else from the standard
        origin = "plan"
        row = (
            table_row(loc["climate_zone"], loc["population"], standard)
            if "climate_zone" in loc
            else None
        )
        day = given.get("standard_day") or (
            row["standard_day"] if row else std["default"]["standard_day"]
        )
        if "min_hours" in given:
            hours = given["min_hours"]
        elif row is not None and row["standard_day"] == day:
            hours = Decimal(row["min_hours"])
        else:
            hours = _hours_of_day(std, day)
    elif "climate_zone" in loc:
        origin = "city"
        row = table_row(loc["climate_zone"], loc["population"], standard)
        day, hours, basis = row["standard_day"], Decimal(row["min_hours"]), row["basis"]
    else:
        origin = "default"
        day, hours = std["default"]["standard_day"], Decimal(std["default"]["min_hours"])
    d = std["days"][day]
    band = given.get("band_true_solar_h", tuple(float(x) for x in d["band_true_solar_h"]))
    return SunRules(
        standard_day=day,
        min_hours=Decimal(hours),
        declination_deg=float(given.get("declination_deg", d["declination_deg"])),
        band_h=(float(band[0]), float(band[1])),
        min_segment_min=float(given.get("min_segment_min", 0.0)),
        min_horizontal_angle_deg=float(given.get("min_horizontal_angle_deg", 0.0)),
        origin=origin,
        source_zh=std.get("source_zh") or std["source"],
        source_en=std["source_en"],
        basis=basis,
        standard=standard,
        cite_zh=std["cite_zh"],
        cite_en=std["cite_en"],
    )
