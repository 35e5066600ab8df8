"""Figures that go upward: per street and per year, and a district roll-up.

Definitions (also in ``docs/process-statistics.md``), counted from the dates on which
units entered their stages:

planned (计划)
    the unit entered 方案公示 (``notice``, only possible after the vote passed) in the year;
started (开工)
    the unit entered 施工 (``construction``) in the year;
completed (完工)
    the unit entered 投用 (``commissioning``, after the supervisory inspection) in the year;
in service (在用电梯)
    units that entered 投用 on or before 31 December of the year;
investment (投资)
    the capital total of the units started in the year [yuan];
subsidy (补贴)
    their subsidies (:func:`elevator_eval.costshare_subsidy.subsidy_total`, capped by the total);
residents' contribution (居民出资)
    investment − subsidy.

A roll-up merges several street projects (read only). A unit that appears in more than
one project — the same unit id and the same building address (or community and building
name when the address is empty) — is a **duplicate**: it is counted once, in the first
project given, and listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..costshare_subsidy import subsidy_total
from ..errors import InputError
from ..model import Project, Unit
from .records import read_process
from .stage_rules import NOT_STARTED, load_rules
from .stages import unit_status

ZERO = Decimal(0)
MEASURES = (
    "units_planned",
    "households_planned",
    "units_started",
    "households_started",
    "units_completed",
    "households_completed",
    "in_service",
    "investment_yuan",
    "subsidy_yuan",
    "contribution_yuan",
)
EVENTS = {"planned": "notice", "started": "construction", "completed": "commissioning"}


def unit_key(project: Project, unit: Unit) -> tuple[str, str]:
    """The duplicate key: (unit id, building address — or community and building name)."""
    c, b, _ = project.locate(unit.id)
    place = b.address.strip() or f"{c.name} {b.name}".strip()
    return unit.id, " ".join(place.split())


def _year_of(unit: Unit, stage: str) -> int | None:
    for s in read_process(unit).stages:
        if s.stage == stage:
            return int(s.entered[:4])
    return None


def _money(unit: Unit) -> tuple[Decimal, Decimal]:
    total = unit.costs.total_yuan
    try:
        sub, _ = subsidy_total(unit)
    except InputError:  # a unit with invalid subsidy rules counts without subsidy
        sub = ZERO
    return total, min(sub, total)


@dataclass
class YearRow:
    """One street's figures of one year."""

    street: str
    year: int
    values: dict[str, Any] = field(default_factory=lambda: dict.fromkeys(MEASURES, 0))

    def to_json(self) -> dict[str, Any]:
        return {"street": self.street, "year": self.year, **self.values}


@dataclass
class Rollup:
    """The merged figures of one or more street projects."""

    rows: list[YearRow]
    district: list[YearRow]
    stage_counts: dict[str, dict[str, int]]
    duplicates: list[dict[str, str]]
    units: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {
            "by_street_year": [r.to_json() for r in self.rows],
            "by_year": [r.to_json() for r in self.district],
            "stage_counts": self.stage_counts,
            "duplicates": self.duplicates,
            "units": len(self.units),
        }


def _add(row: YearRow, unit: Unit, event: str) -> None:
    hh = len(unit.households)
    row.values[f"units_{event}"] += 1
    row.values[f"households_{event}"] += hh
    if event == "started":
        total, sub = _money(unit)
        row.values["investment_yuan"] += total
        row.values["subsidy_yuan"] += sub
        row.values["contribution_yuan"] += total - sub


def rollup(projects: list[tuple[str, Project]], as_of: str) -> Rollup:
    """Merge ``projects`` (``(label, project)`` pairs; the label names the file).

    Nothing in the projects is changed.
    """
    rules = load_rules()
    seen: dict[tuple[str, str], str] = {}
    duplicates: list[dict[str, str]] = []
    per: dict[tuple[str, int], YearRow] = {}
    stage_counts: dict[str, dict[str, int]] = {}
    units: list[dict[str, Any]] = []
    service: dict[str, list[int]] = {}
    for label, project in projects:
        street = project.name or label
        counts = stage_counts.setdefault(
            street, dict.fromkeys([NOT_STARTED] + [s.key for s in rules.stages], 0)
        )
        for c, b, u in project.iter_units():
            key = unit_key(project, u)
            if key in seen:
                duplicates.append(
                    {"unit": key[0], "address": key[1], "first": seen[key], "again": label}
                )
                continue
            seen[key] = label
            st = unit_status(u, as_of, rules)
            counts[st.stage] += 1
            units.append(
                {
                    "street": street,
                    "community": c.name,
                    "building": b.name,
                    "address": b.address,
                    "unit": u.id,
                    "name": u.name,
                    "stage": st.stage,
                    "households": len(u.households),
                }
            )
            for event, stage in EVENTS.items():
                y = _year_of(u, stage)
                if y is not None and f"{y:04d}" <= as_of[:4]:
                    row = per.setdefault((street, y), YearRow(street, y))
                    _add(row, u, event)
            y = _year_of(u, EVENTS["completed"])
            if y is not None:
                service.setdefault(street, []).append(y)
    for (street, y), row in per.items():
        row.values["in_service"] = sum(1 for s in service.get(street, []) if s <= y)
    rows = sorted(per.values(), key=lambda r: (r.street, r.year))
    district: dict[int, YearRow] = {}
    for r in rows:
        d = district.setdefault(r.year, YearRow("合计", r.year))
        for m in MEASURES:
            if m != "in_service":
                d.values[m] += r.values[m]
    for y, d in district.items():
        d.values["in_service"] = sum(1 for ys in service.values() for s in ys if s <= y)
    return Rollup(rows, [district[y] for y in sorted(district)], stage_counts, duplicates, units)
