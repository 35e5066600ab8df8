"""Seeded, vectorised Monte Carlo of the saving: the distribution around the exact mean of
:func:`elevator_eval.preinstall.valuation.mean_saving`, the probability of a net loss and the
mean loss when it happens, and P10/P50/P90 with the P10's simulation error."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ..errors import InputError
from .types import MonteCarloResult, PreinstallInputs
from .valuation import arrival_probabilities, beta_params, hazards_for, ratio, yuan

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


def _tri_draw(rng: np.random.Generator, low: float, mode: float, high: float, n: int) -> Floats:
    if high <= low:
        return np.full(n, low)
    return rng.triangular(low, mode, high, n)


def _check(draws: object, seed: object) -> None:
    if isinstance(draws, bool) or not isinstance(draws, int) or draws < 2:
        raise InputError("--draws", f"must be a whole number of at least 2, got {draws!r}")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InputError("--seed", f"must be a whole number ≥ 0, got {seed!r}")


def _consent_years(rng: np.random.Generator, inputs: PreinstallInputs, n: int) -> Ints:
    """Year of consent per draw (``H + 1`` = not within the horizon)."""
    H, cons = inputs.horizon_years, inputs.consent
    if cons.hazards_by_year:
        probs, never = arrival_probabilities(hazards_for(cons, H))
        pv = np.clip(np.array(probs + [never]), 0.0, None)
        pv /= pv.sum()
        return rng.choice(H + 1, size=n, p=pv) + 1
    ab = beta_params(cons)
    h = np.full(n, cons.hazard) if ab is None else rng.beta(ab[0], ab[1], n)
    t = np.where(h > 0, rng.geometric(np.clip(h, 1e-12, 1.0)), H + 1)
    return np.minimum(t, H + 1)


def _rework(rng: np.random.Generator, inputs: PreinstallInputs, n: int) -> Floats:
    outs = inputs.pit_outcomes
    if not outs:
        return np.zeros(n)
    k = rng.choice(len(outs), size=n, p=np.array([o.probability for o in outs]))
    cost = np.zeros(n)
    for j, o in enumerate(outs):
        if o.rework is not None:
            tri = o.rework.triangle
            cost = np.where(k == j, _tri_draw(rng, tri.low, tri.mode, tri.high, n), cost)
    return cost


def simulate_savings(
    inputs: PreinstallInputs, draws: int = 100_000, seed: int = 0
) -> tuple[Floats, npt.NDArray[np.bool_]]:
    """Simulated savings [yuan], one per draw, and whether the elevator came.

    The draw order is fixed (pre-work items, extras, escalation, hazard and consent year,
    product class and its pit rework), so a seed always gives the same numbers.

    Returns
    -------
    savings : numpy.ndarray
        Saving of each draw [yuan].
    came : numpy.ndarray of bool
        Whether consent arrived within the horizon in that draw.
    """
    _check(draws, seed)
    rng = np.random.default_rng(seed)
    n, H = draws, inputs.horizon_years
    c_now = np.zeros(n)
    for it in inputs.items_now:
        c_now += _tri_draw(rng, float(it.low_yuan), float(it.mode_yuan), float(it.high_yuan), n)
    x = np.zeros(n)
    for it in inputs.extras_later:
        x += _tri_draw(rng, float(it.low_yuan), float(it.mode_yuan), float(it.high_yuan), n)
    esc = inputs.escalation
    g = _tri_draw(rng, esc.low, esc.mode, esc.high, n)
    t = _consent_years(rng, inputs, n).astype(np.int64)
    rework = _rework(rng, inputs, n)
    later = np.where(c_now > 0, x - rework, 0.0)
    came = t <= H
    tt = np.where(came, t, H).astype(float)
    r = inputs.discount_rate.mode
    factor = (1.0 + g) ** tt * (1.0 + r) ** (-tt)
    value = np.where(came, (c_now + later) * factor, inputs.salvage_share * c_now * factor)
    return value - c_now, came


def simulate_savings_array(inputs: PreinstallInputs, draws: int = 100_000, seed: int = 0) -> Floats:
    """Only the savings array of :func:`simulate_savings` [yuan]."""
    return simulate_savings(inputs, draws, seed)[0]


def quantile_interval(
    sorted_values: Sequence[float] | Floats, q: float, z: float = 1.96
) -> tuple[float, float]:
    """Distribution-free 95 % interval of the ``q`` quantile from the order statistics:
    ranks ``n q ± z √(n q (1 − q))`` (normal approximation of the binomial)."""
    n = len(sorted_values)
    half = z * math.sqrt(n * q * (1.0 - q))
    lo = max(0, math.floor(n * q - half))
    hi = min(n - 1, math.ceil(n * q + half))
    return float(sorted_values[lo]), float(sorted_values[hi])


def monte_carlo(
    inputs: PreinstallInputs, draws: int = 100_000, seed: int = 0, bins: int = 30
) -> MonteCarloResult:
    """Simulate and summarise: mean ± standard error, P(loss) ± standard error, the mean
    loss when there is one, P10 (with its 95 % interval), P50, P90, a histogram."""
    s, came = simulate_savings(inputs, draws, seed)
    srt = np.sort(s)
    p10, p50, p90 = np.percentile(srt, [10, 50, 90])
    n = len(s)
    mean = float(s.mean())
    se = float(s.std(ddof=1) / math.sqrt(n))
    loss = s < 0
    p_loss = float(loss.mean())
    lo, hi = float(srt[0]), float(srt[-1])
    if hi <= lo:
        hi = lo + 1.0
    counts, edges = np.histogram(s, bins=bins, range=(lo, hi))
    p10_lo, p10_hi = quantile_interval(srt, 0.10)
    return MonteCarloResult(
        draws=draws,
        seed=seed,
        mean_yuan=yuan(mean),
        std_error_yuan=yuan(se),
        p10_yuan=yuan(p10),
        p50_yuan=yuan(p50),
        p90_yuan=yuan(p90),
        probability_pays_off=ratio(float((s > 0).mean())),
        probability_never=ratio(float((~came).mean())),
        probability_loss=ratio(p_loss),
        probability_loss_std_error=ratio(math.sqrt(p_loss * (1 - p_loss) / n)),
        conditional_loss_yuan=yuan(-float(s[loss].mean())) if loss.any() else None,
        p10_interval_yuan=(yuan(p10_lo), yuan(p10_hi)),
        histogram_edges_yuan=[int(yuan(e)) for e in edges],
        histogram_counts=[int(c) for c in counts],
    )
