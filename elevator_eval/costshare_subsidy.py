"""Subsidies of a unit's elevator: each rule's amount, summed and capped by the capital total.

The subsidy types (``fixed``, ``percent_capped``, ``per_stop``, ``pipeline``,
``storeys_tiered``) and their keys are those of the unit format §4; a city's rule sets are
data files under ``elevator_eval/rules/subsidies/`` (see :mod:`elevator_eval.costshare_tables`).
:func:`elevator_eval.costshare.compute_share` splits what the subsidies leave to the owners.

References
----------
Unit format §4; domain reference §3.3 (W11 Shanghai, W12 per stop, W13 Xuzhou); see
``docs/rules-and-settings.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .costshare_allocate import CENT, allocate
from .costshare_tables import check_split
from .errors import InputError
from .model import Unit
from .money import round_fen

SUBSIDY_TITLES = {
    "fixed": ("定额补贴", "Fixed subsidy"),
    "percent_capped": ("按比例补贴（封顶）", "Percent of cost, capped"),
    "per_stop": ("按停靠站数补贴", "Per-stop subsidy"),
    "pipeline": ("管线迁改补贴", "Pipeline relocation subsidy"),
    "storeys_tiered": ("按层数分档补贴", "Subsidy tiered by storeys"),
}
"""Subsidy type → (Chinese, English) title, when the rule gives none of its own."""


@dataclass
class SubsidyLine:
    """One subsidy rule's amount [yuan]; ``parts`` splits it by payer (city, district…)."""

    type: str
    title_zh: str
    title_en: str
    amount_yuan: Decimal
    parts: dict[str, Decimal] = field(default_factory=dict)
    note_zh: str = ""
    note_en: str = ""


def _storeys_tier(rule: Mapping[str, Any], storeys: int) -> Decimal:
    """The amount of the tier with the largest ``min_storeys`` not above ``storeys`` [yuan]."""
    best: tuple[int, Any] | None = None
    for t in rule["tiers"]:
        if t["min_storeys"] <= storeys and (best is None or t["min_storeys"] > best[0]):
            best = (t["min_storeys"], t["yuan"])
    return Decimal(0) if best is None else Decimal(best[1])


def _reserved_shaft(unit: Unit) -> bool:
    """``reserved_shaft`` of the site (or building, or unit): the shaft already exists."""
    for extra in (unit.site.extra, unit.building.extra, unit.extra):
        v = extra.get("reserved_shaft")
        if v is not None:
            if not isinstance(v, bool):
                raise InputError("site.reserved_shaft", "must be true or false")
            return v
    return False


def subsidy_amount(rule: Mapping[str, Any], unit: Unit, field: str = "subsidies") -> Decimal:
    """Amount of one subsidy rule for a unit [yuan] (before the cap at the capital total).

    ``fixed``: ``yuan``. ``percent_capped``: min(percent % × capital total, cap).
    ``per_stop``: base ± step per stop above/below ``base_stops`` (stops = storeys), at most
    ``max_yuan``, never below 0; ``reserved_shaft_yuan`` instead when the unit's site has
    ``reserved_shaft: true``. ``pipeline``: min(``items_yuan["pipe_relocation"]``, cap).
    ``storeys_tiered``: the tier with the largest ``min_storeys`` not above the storeys
    (0 below the lowest tier). Each rule's amount is rounded to the fen, half up
    (四舍五入), before the rules are summed and capped.

    References
    ----------
    Unit format §4; domain reference §3.3 (W11 Shanghai, W12 per stop, W13 Xuzhou).
    """
    return round_fen(_subsidy_exact(rule, unit, field))


def _subsidy_exact(rule: Mapping[str, Any], unit: Unit, field: str) -> Decimal | Fraction:
    """One rule's amount [yuan], exact (before the rounding to the fen)."""
    kind = rule.get("type")
    total = unit.costs.total_yuan
    if kind == "fixed":
        return Decimal(rule["yuan"])
    if kind == "percent_capped":
        return min(
            Fraction(Decimal(rule["percent"])) * Fraction(total) / 100,
            Fraction(Decimal(rule["cap_yuan"])),
        )
    if kind == "per_stop":
        if _reserved_shaft(unit) and rule.get("reserved_shaft_yuan") is not None:
            return Decimal(rule["reserved_shaft_yuan"])
        stops = unit.building.storeys
        amount = Decimal(rule["base_yuan"]) + Decimal(rule["step_yuan"]) * (
            stops - int(rule["base_stops"])
        )
        return max(Decimal(0), min(amount, Decimal(rule["max_yuan"])))
    if kind == "pipeline":
        pipe = unit.costs.items_yuan.get("pipe_relocation", Decimal(0))
        return min(pipe, Decimal(rule["cap_yuan"]))
    if kind == "storeys_tiered":
        return _storeys_tier(rule, unit.building.storeys)
    raise InputError(f"{field}.type", f"unknown subsidy type {kind!r}")


def subsidy_total(unit: Unit) -> tuple[Decimal, list[SubsidyLine]]:
    """All subsidies of a unit, summed and capped by the capital total.

    Returns
    -------
    (Decimal, list of SubsidyLine)
        The total [yuan] and one line per rule; when the sum exceeds the capital total a
        last negative line ``cap_to_total`` brings the lines down to it, so the lines always
        add up to the total.
    """
    lines = [_line(rule, unit, f"subsidies[{i}]") for i, rule in enumerate(unit.subsidies)]
    total = sum((ln.amount_yuan for ln in lines), Decimal(0))
    capital = unit.costs.total_yuan
    if total > capital:
        lines.append(
            SubsidyLine(
                "cap_to_total", "补贴不超过总造价", "Capped at the capital total", capital - total
            )
        )
        total = capital
    return total, lines


def rule_title(rule: Mapping[str, Any]) -> tuple[str, str]:
    """A subsidy rule's name (zh, en): its own ``title_zh`` / ``title_en``, else the name
    of its type (an English document never takes the Chinese title)."""
    kind = str(rule.get("type"))
    zh, en = SUBSIDY_TITLES.get(kind, (kind, kind))
    return str(rule.get("title_zh") or zh), str(rule.get("title_en") or en)


def _line(rule: Mapping[str, Any], unit: Unit, f: str) -> SubsidyLine:
    """One rule's line: its amount, title, parts by payer and note (``f``: the rule's field)."""
    amount = subsidy_amount(rule, unit, f)
    zh, en = rule_title(rule)
    parts: dict[str, Decimal] = {}
    if rule.get("split_percent") is not None:
        split = check_split(rule["split_percent"], f"{f}.split_percent")
        names = list(split)
        got = allocate(amount, [Fraction(v) for v in split.values()], CENT, [0] * len(names))
        parts = dict(zip(names, got))
    note_zh = note_en = ""
    if rule["type"] == "per_stop":
        if _reserved_shaft(unit) and rule.get("reserved_shaft_yuan") is not None:
            note_zh, note_en = "已预留井道", "shaft already reserved"
        else:
            s = unit.building.storeys
            note_zh, note_en = f"{s} 站", f"{s} stops"
    return SubsidyLine(rule["type"], zh, en, amount, parts, note_zh, note_en)
