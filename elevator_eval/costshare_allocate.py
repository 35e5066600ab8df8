"""The one allocation of the cost sharing: an amount split exactly by weights.

:func:`allocate` (largest remainder with the unit format's tie-break) is used for every
split of money in cost sharing — capital shares, compensation, running costs, subsidy parts,
maintenance fund — so that every set of shares adds up exactly to the amount it splits.

References
----------
Unit format §5 (largest remainder, tie-break, odd amount); see ``docs/unit-format.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from math import floor, lcm

from .errors import InputError

CENT = Decimal("0.01")
"""One fen [yuan]: the unit of yearly amounts and subsidy parts."""


def allocate(
    total_yuan: Decimal,
    weights: Sequence[Fraction | int | Decimal],
    rounding_yuan: Decimal,
    floors: Sequence[int],
) -> list[Decimal]:
    """Split ``total_yuan`` in proportion to ``weights`` exactly (largest remainder).

    Each share is a multiple of ``rounding_yuan`` and the shares add up to ``total_yuan``
    exactly. Household *i*'s exact quota, in rounding units, is
    ``total / rounding × w_i / Σw``; each gets the whole part, and the units left over go
    to the largest fractional remainders. Ties go to the higher floor, then to the
    household listed first. When ``total_yuan`` is not a multiple of ``rounding_yuan``,
    the odd amount goes to the household first in that same order (the one that takes the
    first leftover unit). Zero weight → 0.

    The order is monotone: a smaller weight never gets a larger share — except by the odd
    amount, which the spec's rule may hand to a household one unit below a heavier one
    (e.g. 2.50 yuan in 1-yuan units over weights 95 : 155 gives 1.50 : 1.00). With a
    total that is a multiple of the rounding unit the order always holds.

    Parameters
    ----------
    total_yuan : Decimal
        Amount to split [yuan], ≥ 0.
    weights : sequence of Fraction (or int/Decimal)
        Non-negative weights, one per household.
    rounding_yuan : Decimal
        Rounding unit [yuan], > 0.
    floors : sequence of int
        Floor of each household (for the tie-break).

    Returns
    -------
    list of Decimal
        Shares [yuan], in the order given.

    Raises
    ------
    InputError
        ``share.rounding_yuan`` not positive; a negative weight or total; no household with
        a positive weight while the total is positive (``share``).

    References
    ----------
    Unit format §5 (largest remainder, tie-break, odd amount).
    """
    total_yuan = Decimal(total_yuan)
    rounding_yuan = Decimal(rounding_yuan)
    ws = _checked(total_yuan, weights, rounding_yuan, floors)
    wsum = sum(ws, Fraction(0))
    if total_yuan == 0:
        return [Decimal(0)] * len(ws)
    if wsum == 0:
        raise InputError(
            "share",
            "no household pays (every floor is exempt or has weight 0) "
            f"but {total_yuan} yuan must be shared",
        )
    exact_units = Fraction(total_yuan) / Fraction(rounding_yuan)
    whole_units = floor(exact_units)
    odd_yuan = total_yuan - whole_units * rounding_yuan
    units, order = _largest_remainder(exact_units, ws, floors)
    out = [rounding_yuan * u for u in units]
    if odd_yuan:
        out[order[0]] += odd_yuan
    return [drop_negative_zero(v) for v in out]


def _checked(
    total_yuan: Decimal,
    weights: Sequence[Fraction | int | Decimal],
    rounding_yuan: Decimal,
    floors: Sequence[int],
) -> list[Fraction]:
    """The weights as fractions, after checking the inputs of :func:`allocate`."""
    if rounding_yuan <= 0:
        raise InputError("share.rounding_yuan", "must be greater than 0")
    if total_yuan < 0:
        raise InputError("owners_total_yuan", f"must not be negative, got {total_yuan}")
    if len(weights) != len(floors):
        raise ValueError("weights and floors differ in length")
    ws = [Fraction(w) for w in weights]
    if any(w < 0 for w in ws):
        raise InputError("share", "a weight is negative")
    return ws


def _largest_remainder(
    exact_units: Fraction, ws: list[Fraction], floors: Sequence[int]
) -> tuple[list[int], list[int]]:
    """Whole rounding units per household and the order the leftover units go in.

    Exact integer arithmetic: the weights on a common denominator, quota_i = a·w_i / (b·W)
    for ``exact_units`` = a/b; each household gets the whole part, the leftover units go to
    the largest remainders, ties to the higher floor, then to the household listed first
    (zero weights never get one).
    """
    den = 1
    for w in ws:
        den = lcm(den, w.denominator)
    iw = [w.numerator * (den // w.denominator) for w in ws]
    a, b = exact_units.numerator, exact_units.denominator
    divisor = b * sum(iw)
    base: list[int] = []
    rems: list[int] = []
    for wi in iw:
        q, r = divmod(a * wi, divisor)
        base.append(q)
        rems.append(r)
    leftover = floor(exact_units) - sum(base)
    order = sorted(range(len(ws)), key=lambda i: (-rems[i], -floors[i], i))
    order = [i for i in order if ws[i] > 0]
    units = list(base)
    for i in order[:leftover]:
        units[i] += 1
    return units, order


def drop_negative_zero(d: Decimal) -> Decimal:
    """``d`` exactly, with a negative zero made ``0``."""
    return d + 0 if d else Decimal(0)


def quantize_yuan(f: Fraction, unit: Decimal = CENT) -> Decimal:
    """An exact fraction of a yuan rounded to ``unit`` (half to even) [yuan]."""
    d = Decimal(f.numerator) / Decimal(f.denominator)
    return d.quantize(unit, rounding=ROUND_HALF_EVEN)
