"""Checks of single JSON values in a unit file: each returns the value typed or raises
:class:`~elevator_eval.errors.InputError` naming the field (``households[3].floor`` …).

Used by :mod:`elevator_eval.unitfile` for every field of the unit-file contract
(``docs/unit-format.md``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from decimal import Decimal
from typing import Any

from .errors import InputError
from .money import to_decimal

MAX_EXPONENT = 15
"""Numbers of magnitude 10^16 or more, or non-zero and below 10^-16, are rejected: no field
of a unit means such a value, and Decimal arithmetic on exponents like 1e999999999
overflows (and ``int()`` of it exhausts memory)."""


def short_number(value: object) -> str:
    """A number as a message may quote it: as written up to 24 characters, else in
    scientific notation (``9.99e+4999`` for five thousand nines)."""
    text = str(value)
    if len(text) <= 24:
        return text
    try:
        return f"{Decimal(text):.2e}"
    except ArithmeticError:
        return text[:21] + "…"


def as_object(value: object, field: str) -> dict[str, Any]:
    """``value`` when it is a JSON object."""
    if not isinstance(value, dict):
        raise InputError(field, f"must be an object, got {kind_of(value)}")
    return value


def kind_of(value: object) -> str:
    """What a JSON value is, for a message (``"an object"``, ``"a list"``, ``"null"`` …)."""
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false"}.get(
        type(value),
        "a number" if isinstance(value, (int, float, Decimal)) else type(value).__name__,
    )


def as_int(value: object, field: str, lo: int | None = None, hi: int | None = None) -> int:
    """A whole number (an integral Decimal or float too) within ``lo``…``hi``."""
    if isinstance(value, bool):
        raise InputError(field, f"must be a whole number, got {value!r}")
    if isinstance(value, Decimal):
        if value.is_finite() and value != 0 and value.adjusted() > MAX_EXPONENT:
            raise InputError(field, f"is far too large ({short_number(value)})")
        if value != value.to_integral_value():
            raise InputError(field, f"must be a whole number, got {value}")
        value = int(value)
    elif isinstance(value, float):
        if not value.is_integer():
            raise InputError(field, f"must be a whole number, got {value}")
        value = int(value)
    if not isinstance(value, int):
        raise InputError(field, f"must be a whole number, got {kind_of(value)}")
    if lo is not None and value < lo:
        raise InputError(field, f"must be at least {lo}, got {value}")
    if hi is not None and value > hi:
        raise InputError(field, f"must be at most {hi}, got {value}")
    return value


def as_bool(value: object, field: str) -> bool:
    """``true`` or ``false``."""
    if not isinstance(value, bool):
        raise InputError(field, f"must be true or false, got {kind_of(value)}")
    return value


def opt_bool(d: Mapping[str, Any], key: str, prefix: str) -> bool | None:
    """``d[key]`` as true/false, ``None`` when absent or null (field ``prefix.key``)."""
    v = d.get(key)
    return None if v is None else as_bool(v, f"{prefix}.{key}")


def as_str(value: object, field: str, *, allow_empty: bool = False) -> str:
    """A string (a whole number is taken as its text); not blank unless ``allow_empty``."""
    if isinstance(value, (int,)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(field, f"must be a string, got {kind_of(value)}")
    if not allow_empty and not value.strip():
        raise InputError(field, "must not be empty")
    return value


def as_choice(value: object, field: str, choices: Collection[str]) -> str:
    """One of ``choices``."""
    if not isinstance(value, str) or value not in choices:
        raise InputError(field, f"must be one of {', '.join(map(str, choices))}, got {value!r}")
    return value


def extra_keys(d: Mapping[str, Any], known: Collection[str]) -> dict[str, Any]:
    """The keys of ``d`` this version does not know (kept and written back)."""
    return {k: v for k, v in d.items() if k not in known}


def as_number(value: object, field: str, **kw: bool) -> Decimal:
    """A finite number as Decimal within ±10^:data:`MAX_EXPONENT` (see
    :func:`elevator_eval.money.to_decimal` for ``allow_negative`` / ``allow_zero``)."""
    d = to_decimal(value, field, **kw)
    if d != 0 and not -MAX_EXPONENT - 1 <= d.adjusted() <= MAX_EXPONENT:
        raise InputError(field, f"is out of range ({short_number(value)})")
    return d
