"""What the documents read besides the engines' results: document defaults, the
organisation profile, the notice dates and a unit's elevator specification.

- :func:`doc_rules` — ``rules/documents/default.json``: notice period, elevator
  specification, entry options, impacts, payment and upkeep defaults. Values that are not
  official carry ``"official": false`` and are printed as 经验值 (practice value).
- :func:`organisation` — ``project.settings["organisation"]`` (street office, consultant,
  contact person and phone, address, seal text); a missing key is ``""`` and prints as a
  blank to fill in by hand.
- :func:`notice_settings` — ``project.settings["notice"] = {"start_date", "period_days"}``.
- :func:`elevator_spec` — the defaults, overridden key by key by ``unit.extra["elevator"]``.

Bad values raise :class:`~elevator_eval.errors.InputError` naming the field.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..errors import InputError
from ..project_settings import ORGANISATION_FIELDS
from .common import plain

BLOCKS = ("notice", "elevator", "entry_options", "impacts", "payment", "maintenance")


@lru_cache(maxsize=1)
def doc_rules() -> dict[str, Any]:
    """The document defaults (validated once).

    Raises
    ------
    InputError
        ``rules documents/default``: a block or a number is missing or out of range.
    """
    from .. import ruledata

    data = ruledata.load("documents", "default")
    where = "rules documents/default"
    for block in BLOCKS:
        if not isinstance(data.get(block), dict):
            raise InputError(where, f"lacks the {block!r} block")
        if not isinstance(data[block].get("official"), bool):
            raise InputError(f"{where}.{block}.official", "must be true or false")
    n = data["notice"]
    for key, low in (("days", 1), ("feedback_days", 0)):
        if not isinstance(n.get(key), int) or n[key] < low:
            raise InputError(f"{where}.notice.{key}", f"must be a whole number ≥ {low}")
    e = data["elevator"]
    for key in ("rated_load_kg", "persons", "stretcher_load_kg"):
        if not isinstance(e.get(key), int) or e[key] <= 0:
            raise InputError(f"{where}.elevator.{key}", "must be a positive whole number")
    return data


def payment_rule(key: str, t) -> str:
    """A sentence of the document rules' payment block (``account``, ``overrun``,
    ``surplus``) in ``t``'s language, with the overrun percent filled in."""
    block = doc_rules()["payment"]
    return t.pair((block[key + "_zh"], block[key + "_en"])).replace(
        "{percent}", str(block["overrun_percent"])
    )


def practice_label(block: dict[str, Any], t) -> str:
    """``"经验值"`` / ``"practice value"`` for a non-official block, else ``""``."""
    return "" if block.get("official") else t("经验值", "practice value")


def _text(raw: dict, key: str, where: str) -> str:
    v = raw.get(key)
    if v is None:
        return ""
    if not isinstance(v, (str, int)):
        raise InputError(f"{where}.{key}", "must be text")
    return " ".join(plain(v).split())  # one line, no control characters


def organisation(project) -> dict[str, str]:
    """The organisation profile, every key of :data:`~elevator_eval.project_settings.ORGANISATION_FIELDS` present (``""`` if unset)."""
    raw = (project.settings or {}).get("organisation") if project is not None else None
    if raw is None:
        return dict.fromkeys(ORGANISATION_FIELDS, "")
    if not isinstance(raw, dict):
        raise InputError("settings.organisation", "must be an object")
    return {k: _text(raw, k, "settings.organisation") for k in ORGANISATION_FIELDS}


def parse_date(text: str, field: str) -> _dt.date:
    """``YYYY-MM-DD`` → date, or an :class:`InputError` naming ``field``."""
    try:
        return _dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise InputError(field, f"must be a date YYYY-MM-DD, got {text!r}") from None


def check_days(value, field: str) -> int:
    """A notice period [days]: a whole number from 1 to 366."""
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except ValueError:
            raise InputError(field, f"must be a whole number of days, got {value!r}") from None
    if not 1 <= value <= 366:
        raise InputError(field, f"must be 1 to 366 days, got {value}")
    return value


def notice_settings(project) -> tuple[_dt.date | None, int | None]:
    """(start date, period [days]) from ``settings["notice"]``; ``None`` where unset."""
    raw = (project.settings or {}).get("notice") if project is not None else None
    if raw is None:
        return None, None
    if not isinstance(raw, dict):
        raise InputError("settings.notice", "must be an object {start_date, period_days}")
    start = raw.get("start_date")
    days = raw.get("period_days")
    return (
        None if start in (None, "") else parse_date(start, "settings.notice.start_date"),
        None if days in (None, "") else check_days(days, "settings.notice.period_days"),
    )


def notice_days_in_force(project) -> tuple[int, int]:
    """(posting days, written-feedback days) of a unit's notice: the project's
    ``settings["notice"]["period_days"]``, else the document rules' period."""
    n = doc_rules()["notice"]
    return notice_settings(project)[1] or int(n["days"]), int(n["feedback_days"])


@dataclass(frozen=True)
class ElevatorSpec:
    """The elevator as the proposal describes it; ``from_rules`` names the keys that are
    defaults (经验值) rather than the project's own data."""

    rated_load_kg: int
    persons: int
    speed_m_s: Decimal
    car_mm: tuple[int, int]
    door_mm: tuple[int, int]
    accessible: bool
    stretcher: bool
    from_rules: frozenset[str]


def _pair(v, field: str) -> tuple[int, int]:
    if not (
        isinstance(v, (list, tuple))
        and len(v) == 2
        and all(isinstance(x, int) and not isinstance(x, bool) and 0 < x < 10000 for x in v)
    ):
        raise InputError(field, "must be [width, depth] in whole millimetres")
    return int(v[0]), int(v[1])


def elevator_spec(unit) -> ElevatorSpec:
    """The defaults of :func:`doc_rules` overridden by ``unit.extra["elevator"]``.

    Keys: ``rated_load_kg``, ``persons``, ``speed_m_s``, ``car_mm`` ``[w, d]``, ``door_mm``
    ``[w, h]``, ``accessible``, ``stretcher`` (true/false).
    """
    defaults = doc_rules()["elevator"]
    own = unit.extra.get("elevator") if isinstance(unit.extra, dict) else None
    if own is None:
        own = {}
    if not isinstance(own, dict):
        raise InputError("extra.elevator", "must be an object")
    keys = ("rated_load_kg", "persons", "speed_m_s", "car_mm", "door_mm", "accessible", "stretcher")
    val = {k: own.get(k, defaults[k]) for k in keys}
    f = "extra.elevator"
    for k in ("rated_load_kg", "persons"):
        if isinstance(val[k], bool) or not isinstance(val[k], int) or not 0 < val[k] < 10000:
            raise InputError(f"{f}.{k}", "must be a positive whole number")
    try:
        speed = Decimal(str(val["speed_m_s"]))
    except ArithmeticError:
        raise InputError(f"{f}.speed_m_s", "must be a number [m/s]") from None
    if not Decimal("0.1") <= speed <= Decimal(10):
        raise InputError(f"{f}.speed_m_s", "must be 0.1 to 10 m/s")
    for k in ("accessible", "stretcher"):
        if not isinstance(val[k], bool):
            raise InputError(f"{f}.{k}", "must be true or false")
    return ElevatorSpec(
        val["rated_load_kg"],
        val["persons"],
        speed,
        _pair(val["car_mm"], f"{f}.car_mm"),
        _pair(val["door_mm"], f"{f}.door_mm"),
        val["accessible"],
        val["stretcher"],
        frozenset(k for k in keys if k not in own),
    )


def stats_date(unit) -> str | None:
    """The latest vote date recorded in ``unit`` (ISO), ``None`` when no vote has a date."""
    dates = [str(h.vote_date)[:10] for h in unit.households if h.vote_date]
    return max(dates) if dates else None
