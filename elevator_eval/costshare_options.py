"""A unit's cost-sharing options, read from ``share`` and the households and validated.

Compensation of the lower floors, the discount rate and the exempt floors of the running
costs, the maintenance fund and provident-fund eligibility are kept in the ``extra`` of the
unit's ``share`` (and of each household) as plain JSON; each reader here checks one of them
and names the bad field (``share.compensation.floors[1]`` …).
:func:`elevator_eval.costshare.compute_share` uses them.

References
----------
Domain reference §2.3 (compensation), §2.4 (running costs), §3.4 (provident fund), §3.5
(maintenance fund); see ``docs/unit-format.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from .errors import InputError
from .model import Household, Unit
from .money import round_fen, to_decimal

COMPENSATION_MODES = ("per_household", "percent_of_total")


def compensation_settings(unit: Unit) -> dict[str, Any] | None:
    """``share.compensation`` validated: ``{"mode", "floors", "yuan" | "percent"}`` or None.

    Raises
    ------
    InputError
        naming ``share.compensation`` or its bad key.
    """
    raw = unit.share.extra.get("compensation")
    if raw is None:
        return None
    f = "share.compensation"
    if not isinstance(raw, dict):
        raise InputError(f, "must be an object {mode, yuan|percent, floors}")
    mode = raw.get("mode", "per_household")
    if mode not in COMPENSATION_MODES:
        raise InputError(
            f"{f}.mode", f"must be one of {', '.join(COMPENSATION_MODES)}, got {mode!r}"
        )
    floors = raw.get("floors")
    if floors is None:
        floors = list(unit.share.exempt_floors)
    if not isinstance(floors, list) or not floors:
        raise InputError(f"{f}.floors", "must be a non-empty list of receiving floors")
    out: dict[str, Any] = {
        "mode": mode,
        "floors": floor_numbers(floors, f"{f}.floors", unit.building.storeys),
    }
    if mode == "per_household":
        if raw.get("yuan") is None:
            raise InputError(f"{f}.yuan", "is required for mode per_household")
        out["yuan"] = round_fen(to_decimal(raw["yuan"], f"{f}.yuan"))
    else:
        if raw.get("percent") is None:
            raise InputError(f"{f}.percent", "is required for mode percent_of_total")
        p = to_decimal(raw["percent"], f"{f}.percent")
        if p > 100:
            raise InputError(f"{f}.percent", f"must be at most 100, got {p}")
        out["percent"] = p
    return out


def compensation_pool_yuan(
    c: dict[str, Any], receivers: int, owners_total_yuan: Decimal
) -> Decimal:
    """The compensation pool [yuan] of validated settings ``c``, to the fen.

    ``per_household``: the amount (already to the fen) times the ``receivers``;
    ``percent_of_total``: that percent of the owners' total, rounded half up to the fen as a
    subsidy's amount is (unit format §4), so that every share stays in whole fen.
    """
    if c["mode"] == "per_household":
        per: Decimal = c["yuan"]
        return per * receivers
    return round_fen(c["percent"] * owners_total_yuan / 100)


def discount_rate(unit: Unit) -> Decimal | None:
    """``share.discount_rate`` [1/year] (a fraction: 0.03 for 3 %), or None."""
    raw = unit.share.extra.get("discount_rate")
    if raw is None:
        return None
    d = to_decimal(raw, "share.discount_rate")
    if d >= 1:
        raise InputError("share.discount_rate", f"is a fraction per year (0.03 for 3 %), got {d}")
    return d


def running_exempt_floors(unit: Unit) -> list[int]:
    """Floors that pay no running cost (``share.running_exempt_floors``, else the exempt floors)."""
    raw = unit.share.extra.get("running_exempt_floors")
    if raw is None:
        return list(unit.share.exempt_floors)
    if not isinstance(raw, list):
        raise InputError("share.running_exempt_floors", "must be a list of floor numbers")
    return floor_numbers(raw, "share.running_exempt_floors", unit.building.storeys)


def floor_numbers(values: Sequence[object], field: str, storeys: int) -> list[int]:
    """``values`` as floor numbers 1…``storeys``; ``InputError`` naming ``field[i]`` if not."""
    out: list[int] = []
    for i, x in enumerate(values):
        if (
            isinstance(x, bool)
            or not isinstance(x, (int, Decimal))
            or int(x) != x
            or not 1 <= int(x) <= storeys
        ):
            raise InputError(f"{field}[{i}]", f"must be a floor within 1…{storeys}")
        out.append(int(x))
    return out


def maintenance_fund(unit: Unit) -> dict[str, Any] | None:
    """``share.maintenance_fund`` validated: ``{"approved", "per_household_yuan" | "total_yuan"}``
    or None."""
    raw = unit.share.extra.get("maintenance_fund")
    if raw is None:
        return None
    f = "share.maintenance_fund"
    if not isinstance(raw, dict):
        raise InputError(f, "must be an object {per_household_yuan | total_yuan, approved}")
    approved = raw.get("approved", False)
    if not isinstance(approved, bool):
        raise InputError(f"{f}.approved", "must be true or false")
    has_ph = raw.get("per_household_yuan") is not None
    has_t = raw.get("total_yuan") is not None
    if has_ph == has_t:
        raise InputError(f, "give exactly one of per_household_yuan and total_yuan")
    out: dict[str, Any] = {"approved": approved}
    if has_ph:
        out["per_household_yuan"] = to_decimal(raw["per_household_yuan"], f"{f}.per_household_yuan")
    else:
        out["total_yuan"] = to_decimal(raw["total_yuan"], f"{f}.total_yuan")
    return out


def provident_eligible(h: Household, i: int) -> bool:
    """Whether household ``i`` may draw its provident fund (``provident_fund_eligible``, default
    true)."""
    v = h.extra.get("provident_fund_eligible")
    if v is None:
        return True
    if not isinstance(v, bool):
        raise InputError(f"households[{i}].provident_fund_eligible", "must be true or false")
    return v
