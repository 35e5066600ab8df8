"""Validators for the JSON fields of the procedure data: each names the field it rejects.

Dates are ISO ``YYYY-MM-DD`` text; money is decimal text with at most two places (fen),
read as :class:`~decimal.Decimal` [yuan].
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, NoReturn, overload

from ..errors import InputError

MAX_TEXT = 2000
"""Longest accepted free text [characters]."""


@overload
def date_field(v: object, where: str, *, required: Literal[True] = True) -> str: ...


@overload
def date_field(v: object, where: str, *, required: bool) -> str | None: ...


def date_field(v: object, where: str, *, required: bool = True) -> str | None:
    """A date ``YYYY-MM-DD`` (``None`` when not ``required`` and empty)."""
    if v is None or v == "":
        if required:
            raise InputError(where, "is required (a date YYYY-MM-DD)")
        return None
    try:
        return (
            _dt.date.fromisoformat(v).isoformat()
            if isinstance(v, str) and len(v) == 10
            else _bad_date(where, v)
        )
    except ValueError:
        return _bad_date(where, v)


def _bad_date(where: str, v: object) -> NoReturn:
    raise InputError(where, f"must be a date YYYY-MM-DD, got {v!r}")


def text_field(v: object, where: str, *, required: bool = False, max_chars: int = MAX_TEXT) -> str:
    if v is None:
        v = ""
    if not isinstance(v, str):
        raise InputError(where, "must be text")
    if required and not v.strip():
        raise InputError(where, "is required")
    if len(v) > max_chars:
        raise InputError(where, f"is longer than {max_chars} characters")
    return v


def money_field(v: object, where: str, *, allow_negative: bool = False) -> Decimal:
    if isinstance(v, bool) or not isinstance(v, (str, int, Decimal)):
        raise InputError(where, f"must be an amount in yuan, got {v!r}")
    try:
        d = Decimal(v)
    except (InvalidOperation, ValueError):
        raise InputError(where, f"must be an amount in yuan, got {v!r}") from None
    if not d.is_finite() or abs(d) > Decimal(10) ** 9:
        raise InputError(where, "is not a usable amount")
    if d < 0 and not allow_negative:
        raise InputError(where, "must not be negative")
    if d != d.quantize(Decimal("0.01")):
        raise InputError(where, "has more than two decimal places (fen)")
    return d


def list_field(v: object, where: str) -> list[Any]:
    if v is None:
        return []
    if not isinstance(v, list):
        raise InputError(where, "must be a list")
    return v


def obj_field(v: object, where: str) -> dict[str, Any]:
    if not isinstance(v, dict):
        raise InputError(where, "must be an object")
    return v


def money_text(d: Decimal) -> str:
    return f"{d:.2f}"


def year_field(v: object, where: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or not 1990 <= v <= 2200:
        raise InputError(where, f"must be a year, got {v!r}")
    return v
