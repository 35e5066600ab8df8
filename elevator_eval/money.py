"""Exact money and exact numbers.

All amounts are :class:`decimal.Decimal` in yuan. Binary floats never carry money: a JSON
number is read through its decimal text (``json.loads(..., parse_float=Decimal)``).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from .errors import InputError

ZERO = Decimal(0)


def to_decimal(
    value: object, field: str, *, allow_negative: bool = False, allow_zero: bool = True
) -> Decimal:
    """Parse a number given as int, Decimal, decimal string or float into a Decimal.

    Floats are converted through ``repr`` (their shortest decimal text), which is what the
    user typed in nearly every case. Booleans, NaN and infinities are rejected.

    Raises
    ------
    InputError
        naming ``field`` when the value is not a finite number or out of range.
    """
    if isinstance(value, bool) or value is None:
        raise InputError(field, f"must be a number, got {value!r}")
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        d = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            d = Decimal(value.strip())
        except InvalidOperation:
            raise InputError(field, f"must be a number, got {value!r}") from None
    else:
        raise InputError(field, f"must be a number, got {type(value).__name__}")
    if not d.is_finite():
        raise InputError(field, f"must be a finite number, got {value!r}")
    if d < 0 and not allow_negative:
        raise InputError(field, f"must not be negative, got {value}")
    if d == 0 and not allow_zero:
        raise InputError(field, "must be greater than 0")
    return d


FEN_YUAN = Decimal("0.01")


def round_fen(amount_yuan: Decimal | Fraction | int) -> Decimal:
    """Round an amount [yuan] to the fen (0.01 yuan), half up (四舍五入), exactly.

    A Fraction is rounded on its exact value (no intermediate decimal rounding).

    References
    ----------
    Unit format §4 (each subsidy rule's amount is rounded to the fen, half up).
    """
    if isinstance(amount_yuan, Fraction):
        fen = amount_yuan * 100
        q, r = divmod(abs(fen.numerator), fen.denominator)
        if 2 * r >= fen.denominator:
            q += 1
        return (Decimal(q if fen >= 0 else -q) / 100).quantize(FEN_YUAN)
    return Decimal(amount_yuan).quantize(FEN_YUAN, rounding=ROUND_HALF_UP)


def json_number(d: Decimal | int | Fraction) -> int | float | Decimal:
    """A Decimal as a JSON-friendly number: int when integral, else the float of its text
    when that float is the same number (up to 15 significant digits), else the Decimal
    itself (``99999999999999.99``: a float would read …98), which the command line's JSON
    writer (:func:`elevator_eval.unitfile_write.dumps_json`) writes as its exact literal."""
    if isinstance(d, int):
        return d
    if isinstance(d, Fraction):
        d = Decimal(d.numerator) / Decimal(d.denominator)
    if d == d.to_integral_value():
        return int(d)
    f = float(str(d))
    return f if Decimal(repr(f)) == d else d


def fmt_yuan(d: Decimal, *, unit: str = "元") -> str:
    """Format an amount with thousands separators: ``Decimal('61500') -> '61,500 元'``."""
    if d == d.to_integral_value():
        text = f"{int(d):,}"
    else:
        text = f"{d:,.2f}"
    return f"{text} {unit}".rstrip()
