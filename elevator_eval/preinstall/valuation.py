"""The valuation model: consent arrival, the present value of the saving, its exact
expectation over the stated uncertainty, the most likely case and the break-even.

Saving of pre-working now, with consent in year ``t`` (``1 ≤ t ≤ H``) and nominal prices::

    S = Σ_t P(t) DF(t) (1 + g)^t (C + X − R) + P(never) s C (1 + g)^H DF(H) − C

``C`` the pre-works cost now, ``X`` the extras of a separate later job, ``R`` the pit
rework the later product needs, ``g`` the escalation, ``DF(t) = (1 + r)^−t``, ``s`` the
salvage share. ``X`` and ``R`` count only when something is pre-worked (``C > 0``).
``C``, ``X``, ``R``, ``g`` and the hazard ``h`` are independent, so the expectation is the
same formula with each replaced by its mean, ``(1 + g)^t`` by ``E[(1 + g)^t]`` and ``P(t)``,
``P(never)`` by their Beta expectations — exact, no simulation needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

import numpy as np
from scipy.optimize import brentq

from .types import ConsentOutlook, Figures, PreinstallInputs, Triangle

CaseTerms = tuple[float, float, tuple[float, ...], float, float]
"""``(C, X − R, growth by year, r, s)`` of a case (see :func:`case_terms`)."""

_ONE = Decimal(1)


def yuan(x: float) -> Decimal:
    """A float amount as Decimal yuan, rounded half up."""
    return Decimal(repr(float(x))).quantize(_ONE, rounding=ROUND_HALF_UP)


def ratio(x: float, places: int = 4) -> Decimal:
    """A float ratio as Decimal with ``places`` decimals, rounded half up."""
    return Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def arrival_probabilities(hazards: Sequence[float]) -> tuple[list[float], float]:
    """``P(t) = p_t Π_{s<t} (1 − p_s)`` for t = 1 … len(hazards), and ``P(never)``."""
    probs = []
    survive = 1.0
    for h in hazards:
        probs.append(survive * h)
        survive *= 1.0 - h
    return probs, survive


def hazards_for(
    consent: ConsentOutlook, horizon_years: int, hazard: float | None = None
) -> list[float]:
    """The yearly hazards ``p_1 … p_H``: constant, or the given list (last value repeated)."""
    if hazard is not None:
        return [hazard] * horizon_years
    if consent.hazards_by_year:
        seq = list(consent.hazards_by_year[:horizon_years])
        return seq + [seq[-1]] * (horizon_years - len(seq))
    return [consent.hazard] * horizon_years


def saving_npv(
    cost_now_yuan: float,
    extra_later_yuan: float,
    escalation: float,
    discount_rate: float,
    probs: Sequence[float],
    p_never: float,
    salvage_share: float = 0.0,
    rework_yuan: float = 0.0,
) -> float:
    """``S`` of the module formula for one set of values [yuan]; the horizon is
    ``len(probs)``."""
    later = extra_later_yuan - rework_yuan if cost_now_yuan > 0 else 0.0
    growth = [(1.0 + escalation) ** t for t in range(1, len(probs) + 1)]
    return _combine(cost_now_yuan, later, growth, discount_rate, probs, p_never, salvage_share)


def _combine(
    c: float,
    later: float,
    growth: Sequence[float],
    r: float,
    probs: Sequence[float],
    never: float,
    salvage: float,
) -> float:
    total = 0.0
    for t, (p, gt) in enumerate(zip(probs, growth), 1):
        total += p * (1.0 + r) ** (-t) * gt * (c + later)
    H = len(probs)
    end = growth[H - 1] * (1.0 + r) ** (-H) if H else 1.0
    return total + never * salvage * c * end - c


@lru_cache(maxsize=64)
def growth_means(tri: Triangle, powers: int) -> tuple[float, ...]:
    """``E[(1 + G)^t]`` for t = 1 … powers, G triangular (exact Gauss–Legendre: the
    integrand is a polynomial of degree t + 1 on each half of the triangle)."""
    a, b, c = tri.low + 1.0, tri.mode + 1.0, tri.high + 1.0
    if c == a:
        return tuple(a**t for t in range(1, powers + 1))
    x, w = np.polynomial.legendre.leggauss(max(8, powers // 2 + 4))
    out = np.zeros(powers)
    for lo, hi in ((a, b), (b, c)):
        if hi <= lo:
            continue
        xs = 0.5 * (hi - lo) * x + 0.5 * (hi + lo)
        ws = 0.5 * (hi - lo) * w
        pdf = (
            2.0 * (xs - a) / ((c - a) * (b - a))
            if lo == a
            else 2.0 * (c - xs) / ((c - a) * (c - b))
        )
        for t in range(1, powers + 1):
            out[t - 1] += float(np.sum(ws * pdf * xs**t))
    return tuple(float(v) for v in out)


def beta_params(consent: ConsentOutlook) -> tuple[float, float] | None:
    """``(α, β)`` of the hazard's Beta distribution, or ``None`` when it is fixed."""
    h, k = consent.hazard, consent.concentration
    if consent.hazards_by_year or k <= 0 or not 0.0 < h < 1.0:
        return None
    return h * k, (1.0 - h) * k


def expected_arrival(consent: ConsentOutlook, horizon_years: int) -> tuple[list[float], float]:
    """``E[P(t)]`` and ``E[P(never)]`` with the hazard Beta-distributed (closed form):
    ``E[h (1−h)^k] = α/(α+β) Π_{j<k} (β+j)/(α+β+1+j)`` and
    ``E[(1−h)^H] = Π_{j<H} (β+j)/(α+β+j)``."""
    ab = beta_params(consent)
    if ab is None:
        return arrival_probabilities(hazards_for(consent, horizon_years))
    a, b = ab
    probs = []
    prod = a / (a + b)
    for k in range(horizon_years):
        if k:
            prod *= (b + k - 1) / (a + b + k)
        probs.append(prod)
    never = 1.0
    for j in range(horizon_years):
        never *= (b + j) / (a + b + j)
    return probs, never


def _sums(inputs: PreinstallInputs, case: str) -> tuple[float, float, float]:
    """``(C, X, R)`` at the means (``expected``) or the modes (``most_likely``)."""

    def pick(t: Triangle) -> float:
        return t.mean if case == "expected" else t.mode

    c = sum((pick(i.triangle) for i in inputs.items_now), 0.0)
    x = sum((pick(i.triangle) for i in inputs.extras_later), 0.0)
    return c, x, rework_of(inputs, case)


def rework_of(inputs: PreinstallInputs, case: str) -> float:
    """Pit rework at today's prices: expected over the product classes, or the most likely
    rework of the most likely class [yuan]."""
    outs = inputs.pit_outcomes
    if not outs:
        return 0.0
    if case == "expected":
        return sum(o.probability * o.rework.triangle.mean for o in outs if o.rework)
    top = max(outs, key=lambda o: o.probability)
    return top.rework.triangle.mode if top.rework else 0.0


def case_terms(inputs: PreinstallInputs, case: str) -> CaseTerms:
    """What a case's saving needs besides the consent year: ``(C, X − R, growth by year,
    r, s)`` at the means (``expected``) or the modes (``most_likely``)."""
    c, x, rw = _sums(inputs, case)
    H = inputs.horizon_years
    if case == "expected":
        growth = growth_means(inputs.escalation, H)
    else:
        growth = tuple((1.0 + inputs.escalation.mode) ** t for t in range(1, H + 1))
    return c, (x - rw if c > 0 else 0.0), growth, inputs.discount_rate.mode, inputs.salvage_share


def case_saving(
    inputs: PreinstallInputs,
    case: str = "expected",
    *,
    hazard: float | None = None,
    terms: CaseTerms | None = None,
) -> float:
    """Net saving of one case [yuan, float].

    ``expected``: the exact mean over the costs, extras, rework, escalation and (unless a
    constant ``hazard`` is given) the Beta-distributed hazard. ``most_likely``: every input
    at its most likely value (the hazard fixed at its mode). ``terms`` from
    :func:`case_terms` saves recomputing them.
    """
    c, later, growth, r, salvage = terms if terms is not None else case_terms(inputs, case)
    H = inputs.horizon_years
    if hazard is not None:
        probs, never = arrival_probabilities([hazard] * H)
    elif case == "expected":
        probs, never = expected_arrival(inputs.consent, H)
    else:
        probs, never = arrival_probabilities(hazards_for(inputs.consent, H))
    return _combine(c, later, growth, r, probs, never, salvage)


def mean_saving(inputs: PreinstallInputs, *, hazard: float | None = None) -> float:
    """The exact expectation of the saving (what the Monte Carlo estimates) [yuan]."""
    return case_saving(inputs, "expected", hazard=hazard)


expected_saving = mean_saving


def most_likely_saving(inputs: PreinstallInputs, *, hazard: float | None = None) -> float:
    """The saving with every input at its most likely value [yuan]."""
    return case_saving(inputs, "most_likely", hazard=hazard)


def break_even_hazard(inputs: PreinstallInputs, case: str = "expected") -> float | None:
    """The constant annual probability of consent at which the case's saving is 0 (the
    smallest root on a grid of 0.005, refined with :func:`scipy.optimize.brentq`).

    ``None`` when the pre-works do not pay off even with consent certain next year, or when
    there is nothing to pre-work.
    """
    if sum(i.triangle.mode for i in inputs.items_now) <= 0:
        return None
    terms = case_terms(inputs, case)

    def f(h: float) -> float:
        return case_saving(inputs, case, hazard=h, terms=terms)

    prev_h = 0.0
    if f(0.0) >= 0:
        return 0.0
    for k in range(1, 201):
        h = k / 200
        v = f(h)
        if v == 0:
            return h
        if v > 0:
            return float(brentq(f, prev_h, h, xtol=1e-10))
        prev_h = h
    return None


def figures(
    inputs: PreinstallInputs, case: str = "expected", *, with_break_even: bool = True
) -> Figures:
    """The headline figures of ``case`` (``expected`` or ``most_likely``); the break-even
    search is skipped with ``with_break_even=False`` (a street ranking does not need it)."""
    H = inputs.horizon_years
    c, _, rw = _sums(inputs, case)
    if case == "expected":
        _, never = expected_arrival(inputs.consent, H)
        end = growth_means(inputs.escalation, H)[H - 1]
    else:
        _, never = arrival_probabilities(hazards_for(inputs.consent, H))
        end = (1.0 + inputs.escalation.mode) ** H
    loss = c - inputs.salvage_share * c * end * (1.0 + inputs.discount_rate.mode) ** (-H)
    s = case_saving(inputs, case)
    be = break_even_hazard(inputs, case) if with_break_even else None
    s_y = yuan(s)
    return Figures(
        case=case,
        net_saving_yuan=s_y,
        pays_off=bool(s_y > 0),
        probability_within_horizon=ratio(1.0 - never),
        probability_of_waste=ratio(never),
        loss_if_wasted_yuan=yuan(loss),
        waste_yuan=yuan(never * loss),
        cost_now_yuan=yuan(c),
        pit_rework_yuan=yuan(rw if c > 0 else 0.0),
        break_even_hazard=None if be is None else ratio(be),
        break_even_probability=None if be is None else ratio(1.0 - (1.0 - be) ** H),
        saving_per_yuan=None if c <= 0 else ratio(s / c),
    )
