"""Checked numbers of a site plan: one place for the messages that name the field."""

from __future__ import annotations

import math
from decimal import Decimal

from ..errors import InputError
from ..unitfile_fields import kind_of


def number(
    value: object,
    f: str,
    *,
    lo: float | None = None,
    hi: float | None = None,
    positive: bool = False,
) -> float:
    """A finite number as float; ``positive`` excludes 0."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise InputError(f, f"must be a number, got {kind_of(value)}")
    try:
        x = float(value)
    except (OverflowError, ValueError):
        raise InputError(f, f"is out of range ({value})") from None
    if not math.isfinite(x):
        raise InputError(f, f"must be a finite number, got {value}")
    if positive and x <= 0:
        raise InputError(f, f"must be more than 0, got {value}")
    if lo is not None and x < lo:
        raise InputError(f, f"must be at least {lo:g}, got {value}")
    if hi is not None and x > hi:
        raise InputError(f, f"must be at most {hi:g}, got {value}")
    return x
