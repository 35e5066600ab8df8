"""Vectorised integer-fen allocation for many units at once (numpy int64).

The same rule as :func:`elevator_eval.costshare_allocate.allocate` — largest remainder, ties to the
higher floor then to the household listed first, the odd amount with the first leftover
unit — computed on integer fen for a whole batch of units. Weights must be integers (scale
decimal coefficients and areas to integers first, e.g. coefficient × 100 and area × 100).
The tests check this path against the exact Decimal path.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from math import lcm
from typing import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .errors import InputError

_LIMIT = 2 ** 62


def allocate_fen_batch(total_fen: ArrayLike, weights: ArrayLike, floors: ArrayLike,
                       rounding_fen: int = 100) -> NDArray[np.int64]:
    # Long: one vectorised pass over the (n, k) arrays; its steps share every array
    """Allocate many totals at once.

    Parameters
    ----------
    total_fen : array_like of int, shape (n,)
        Amount to split per unit [fen], ≥ 0.
    weights : array_like of int, shape (n, k)
        Non-negative integer weights (0 = pays nothing). Units with fewer households pad
        with weight 0.
    floors : array_like of int, shape (k,) or (n, k)
        Floor of each household (tie-break).
    rounding_fen : int
        Rounding unit [fen], > 0 (100 = 1 yuan).

    Returns
    -------
    numpy.ndarray of int64, shape (n, k)
        Shares [fen]; each row adds up to its total exactly.

    Raises
    ------
    InputError
        when a row with a positive total has no positive weight, or a product would
        overflow int64 (use the exact path then).
    """
    T = np.asarray(total_fen, dtype=np.int64)
    W = np.asarray(weights, dtype=np.int64)
    n, k = W.shape
    F = np.broadcast_to(np.asarray(floors, dtype=np.int64), (n, k))
    R = int(rounding_fen)
    if R <= 0:
        raise InputError("share.rounding_yuan", "must be greater than 0")
    if (T < 0).any() or (W < 0).any():
        raise InputError("share", "totals and weights must not be negative")
    wsum = W.sum(axis=1)
    if ((wsum == 0) & (T > 0)).any():
        raise InputError("share", "a unit has no paying household")
    if n == 0:
        return np.zeros((0, k), dtype=np.int64)
    if int(T.max()) * int(W.max(initial=0)) >= _LIMIT or int(wsum.max()) * R >= _LIMIT:
        raise InputError("share", "amounts too large for the integer fast path")
    safe = np.where(wsum == 0, 1, wsum)
    denom = safe * R                                      # (n,)
    num = T[:, None] * W                                  # (n, k) exact quota × denom
    base = num // denom[:, None]
    rem = num - base * denom[:, None]
    leftover = T // R - base.sum(axis=1)                  # (n,)
    idx = np.broadcast_to(np.arange(k), (n, k))
    # order: largest remainder, then higher floor, then listed first; zero weights last
    zero = (W == 0).astype(np.int64)
    order = np.lexsort((idx, -F, -rem, zero), axis=1)
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(k)[None, :].repeat(n, axis=0), axis=1)
    extra = (rank < leftover[:, None]).astype(np.int64)
    shares: NDArray[np.int64] = (base + extra) * R
    odd = T - (T // R) * R
    first = order[:, 0]
    shares[np.arange(n), first] += odd
    return shares


def scale_to_int(values: Sequence[Decimal]) -> list[int]:
    """Decimals as integers on one common scale (exact), e.g. [0.7, 56.30] → [70, 5630]."""
    exps = [Decimal(v).as_tuple().exponent for v in values if Decimal(v) != 0]
    e = max([0] + [-x for x in exps if isinstance(x, int)])
    return [int(Decimal(v).scaleb(e)) for v in values]


def fractions_to_int(weights: Sequence[Fraction]) -> list[int]:
    """Fractions as integers on one common denominator (exact, same proportions)."""
    den = 1
    for w in weights:
        den = lcm(den, Fraction(w).denominator)
    return [int(Fraction(w) * den) for w in weights]
