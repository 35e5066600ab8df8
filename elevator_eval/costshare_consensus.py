"""Consensus finder: is there a split every household can accept?

Input: each paying household's stated maximum acceptable contribution
(``households[].max_contribution_yuan``, a survey answer). Question: does an allocation
exist that

- covers what the owners must pay (the owners' total plus any compensation pool),
- never charges a lower floor more than a higher floor (optionally per m²), and
- stays within every household's limit?

Decided by linear programming (:func:`scipy.optimize.linprog`, HiGHS):

1. *capacity*: maximise Σ sᵢ subject to 0 ≤ sᵢ ≤ limitᵢ and the floor order. The maximum
   also has an exact closed form (each household can pay at most the smallest limit at
   its floor or above — per m² in the per-area variant), which is used for the yuan
   figure; the two must agree. If the maximum is below the amount to cover, no
   allocation exists and the shortfall in yuan is reported.
2. *fairness*: minimise t subject to sᵢ ≤ t·limitᵢ (the largest share-to-limit ratio),
   then, with t fixed, raise the smallest ratio, so that nobody carries much less of
   their stated limit than the others unless the floor order forces it.
3. *exact money*: the LP solution is rounded to the rounding unit by the same largest-
   remainder rule as every other split (:func:`elevator_eval.costshare_allocate.allocate`); limits
   count down to whole rounding units, which keeps every rounded share within its limit
   and the floor order intact (the rounding only adds a unit to a non-integral share, and
   ties go to the higher floor). The result is checked exactly afterwards.

Households on exempt floors (and receivers of compensation) pay 0 and need no limit.

References
----------
Domain reference §2.1 (shares are negotiated by floor benefit), §2.3 (compensation).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from math import floor as _floor
from typing import Any

from .costshare_allocate import allocate
from .costshare_options import compensation_pool_yuan, compensation_settings
from .costshare_subsidy import subsidy_total
from .errors import InputError
from .model import Household, Unit
from .money import json_number

_TOL = 1e-7


@dataclass
class ConsensusResult:
    """Outcome of :func:`find_consensus`.

    Attributes
    ----------
    status : str
        ``feasible``, ``infeasible`` or ``missing_limits``.
    to_cover_yuan : Decimal
        Owners' total plus compensation pool [yuan].
    capacity_yuan : Decimal
        The most the households can pay within their limits and the floor order [yuan].
    shortfall_yuan : Decimal
        ``to_cover − capacity`` when infeasible, else 0 [yuan].
    shares_yuan : dict of str to Decimal
        Proposed share per household (paying and exempt) [yuan]; empty unless feasible.
    max_ratio : Fraction or None
        Largest share-to-limit ratio of the proposal (after rounding).
    lp_max_ratio : float or None
        The LP optimum of that ratio (before rounding).
    binding : list of str
        Households whose ratio sits at the maximum: they decide how fair the split can be.
    at_limit : list of str
        Households asked for exactly their stated maximum.
    limiting : list of str
        When infeasible: households whose limit caps the capacity (their own limit, or that
        of a higher floor through the floor order).
    missing : list of str
        Paying households without a stated limit (status ``missing_limits``).
    """

    unit_id: str
    status: str
    to_cover_yuan: Decimal
    capacity_yuan: Decimal
    shortfall_yuan: Decimal
    shares_yuan: dict[str, Decimal] = field(default_factory=dict)
    limits_yuan: dict[str, Decimal] = field(default_factory=dict)
    max_ratio: Fraction | None = None
    lp_max_ratio: float | None = None
    binding: list[str] = field(default_factory=list)
    at_limit: list[str] = field(default_factory=list)
    limiting: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    per_area: bool = False
    rounding_yuan: Decimal = Decimal(1)
    message_zh: str = ""
    message_en: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def feasible(self) -> bool:
        """Whether a split within every limit exists."""
        return self.status == "feasible"

    def message(self, lang: str = "zh") -> str:
        """The outcome in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.message_zh if lang == "zh" else self.message_en

    def to_json(self) -> dict[str, Any]:
        """JSON-native numbers; ``limits_yuan`` and ``shares_yuan`` by household id."""
        n = json_number
        return {
            "unit": self.unit_id,
            "status": self.status,
            "feasible": self.feasible,
            "to_cover_yuan": n(self.to_cover_yuan),
            "capacity_yuan": n(self.capacity_yuan),
            "shortfall_yuan": n(self.shortfall_yuan),
            "shares_yuan": {k: n(v) for k, v in self.shares_yuan.items()},
            "limits_yuan": {k: n(v) for k, v in self.limits_yuan.items()},
            "max_ratio": None if self.max_ratio is None else float(self.max_ratio),
            "lp_max_ratio": self.lp_max_ratio,
            "binding": list(self.binding),
            "at_limit": list(self.at_limit),
            "limiting": list(self.limiting),
            "missing": list(self.missing),
            "per_area": self.per_area,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "notes": list(self.notes),
        }


def _amount_to_cover(unit: Unit) -> tuple[Decimal, Decimal, set[int]]:
    """Owners' total, compensation pool and the receiving floors."""
    owners_total = unit.costs.total_yuan - subsidy_total(unit)[0]
    c = compensation_settings(unit)
    if c is None:
        return owners_total, Decimal(0), set()
    receivers = [h for h in unit.households if h.floor in c["floors"]]
    if not receivers:
        return owners_total, Decimal(0), set(c["floors"])
    pool = compensation_pool_yuan(c, len(receivers), owners_total)
    return owners_total, pool, set(c["floors"])


def capacity_units(
    limits_u: list[int], floors: list[int], areas: list[Fraction] | None = None
) -> list[Fraction]:
    """Exact largest share per household under the floor order [rounding units].

    Without ``areas``: min(own limit, every limit on a higher floor). With ``areas``
    (per-m² order): from the top floor down, at most the area times the smallest per-m²
    capacity above. All maxima hold at once, so their sum is the capacity.
    """
    m = len(limits_u)
    cap: list[Fraction] = [Fraction(0)] * m
    by_floor: dict[int, list[int]] = {}
    for i, f in enumerate(floors):
        by_floor.setdefault(f, []).append(i)
    ceiling: Fraction | None = None  # per unit (or per m²) from above
    for f in sorted(by_floor, reverse=True):
        members = by_floor[f]
        for i in members:
            lim = Fraction(limits_u[i])
            if ceiling is not None:
                lim = min(lim, ceiling * (areas[i] if areas else 1))
            cap[i] = lim
        level = min(cap[i] / (areas[i] if areas else 1) for i in members)
        ceiling = level if ceiling is None else min(ceiling, level)
    return cap


def _linprog() -> Callable[..., Any]:
    """scipy's ``linprog`` (lazy: scipy takes long to import and only this search uses it)."""
    from scipy.optimize import linprog

    solve: Callable[..., Any] = linprog
    return solve


def _order_rows(
    floors: Sequence[int], areas: Sequence[Fraction] | None, nvar: int
) -> list[list[float]]:
    """Rows of A_ub for the floor order: s_i − s_j ≤ 0 (or a_j s_i − a_i s_j ≤ 0)."""
    rows: list[list[float]] = []
    levels = sorted(set(floors))
    for lo, hi in zip(levels, levels[1:]):
        low = [i for i, f in enumerate(floors) if f == lo]
        high = [j for j, f in enumerate(floors) if f == hi]
        for i in low:
            for j in high:
                r = [0.0] * nvar
                if areas:
                    r[i] = float(areas[j])
                    r[j] = -float(areas[i])
                else:
                    r[i] = 1.0
                    r[j] = -1.0
                rows.append(r)
    return rows


def _lp_capacity(
    limits_u: Sequence[int], floors: Sequence[int], areas: Sequence[Fraction] | None
) -> float:
    """The LP optimum of the capacity (a cross-check of :func:`capacity_units`) [units]."""
    m = len(limits_u)
    rows = _order_rows(floors, areas, m)
    res = _linprog()(
        c=[-1.0] * m,
        A_ub=rows or None,
        b_ub=[0.0] * len(rows) or None,
        bounds=[(0, float(x)) for x in limits_u],
        method="highs",
    )
    if res.status != 0:
        raise RuntimeError(f"linprog failed: {res.message}")
    return float(-res.fun)


def _lp_fair(
    limits_u: Sequence[int],
    floors: Sequence[int],
    areas: Sequence[Fraction] | None,
    target_u: int | Fraction,
) -> tuple[list[float], float]:
    """min t, then max the smallest ratio with t fixed. Variables: s_1..s_m, t (, r)."""
    m = len(limits_u)
    linprog = _linprog()
    nv = m + 1
    rows = _order_rows(floors, areas, nv)
    b = [0.0] * len(rows)
    for i in range(m):  # s_i − t·L_i ≤ 0
        r = [0.0] * nv
        r[i] = 1.0
        r[m] = -float(limits_u[i])
        rows.append(r)
        b.append(0.0)
    a_eq = [[1.0] * m + [0.0]]
    bounds = [(0, float(x)) for x in limits_u] + [(0, None)]
    c = [0.0] * m + [1.0]
    res = linprog(
        c=c, A_ub=rows, b_ub=b, A_eq=a_eq, b_eq=[float(target_u)], bounds=bounds, method="highs"
    )
    if res.status != 0:
        raise RuntimeError(f"linprog failed: {res.message}")
    t_star = float(res.x[m])
    # stage 2: t ≤ t*, maximise r with s_i ≥ r·L_i for households with a positive limit
    nv2 = m + 2
    rows2 = [r + [0.0] for r in rows]
    b2 = list(b)
    for i in range(m):
        if limits_u[i] > 0:
            r = [0.0] * nv2
            r[i] = -1.0
            r[m + 1] = float(limits_u[i])
            rows2.append(r)
            b2.append(0.0)
    bounds2 = [(0, float(x)) for x in limits_u] + [(0, t_star * (1 + 1e-9) + 1e-12), (0, None)]
    c2 = [0.0] * (m + 1) + [-1.0]
    res2 = linprog(
        c=c2,
        A_ub=rows2,
        b_ub=b2,
        A_eq=[[1.0] * m + [0.0, 0.0]],
        b_eq=[float(target_u)],
        bounds=bounds2,
        method="highs",
    )
    x = [float(v) for v in (res2.x[:m] if res2.status == 0 else res.x[:m])]
    return x, t_star


def find_consensus(unit: Unit, *, per_area: bool = False) -> ConsensusResult:
    """Find the fairest split within every household's stated maximum, or prove none exists.

    Parameters
    ----------
    unit : Unit
        Paying households need ``max_contribution_yuan``.
    per_area : bool
        Order by share per m² instead of share per household.

    Returns
    -------
    ConsensusResult
    """
    rnd = unit.share.rounding_yuan
    owners_total, pool, receiving = _amount_to_cover(unit)
    target = owners_total + pool
    exempt = set(unit.share.exempt_floors) | receiving
    payers = [h for h in unit.households if h.floor not in exempt]
    missing = [h.id for h in payers if h.max_contribution_yuan is None]
    if missing:
        return ConsensusResult(
            unit.id,
            "missing_limits",
            target,
            Decimal(0),
            Decimal(0),
            missing=missing,
            per_area=per_area,
            rounding_yuan=rnd,
            message_zh="以下住户未填写可接受的最高出资额：" + "、".join(missing),
            message_en="no stated maximum contribution for: " + ", ".join(missing),
        )
    if not payers:
        raise InputError("share.exempt_floors", "no household pays")
    limits = {
        h.id: h.max_contribution_yuan for h in payers if h.max_contribution_yuan is not None
    }  # every payer has one (above)
    floors = [h.floor for h in payers]
    areas = [Fraction(h.area_m2) for h in payers] if per_area else None
    u = Fraction(rnd)
    limits_u = [_floor(Fraction(limits[h.id]) / u) for h in payers]
    target_units = Fraction(target) / u
    whole = _floor(target_units)

    cap = capacity_units(limits_u, floors, areas)
    if per_area:  # a share must be a whole number of units
        cap = [Fraction(_floor(c)) for c in cap]
    cap_total = sum(cap, Fraction(0))
    cap_yuan = Decimal(cap_total.numerator) * rnd / cap_total.denominator
    notes = _lp_check(limits_u, floors, areas)

    if cap_total < target_units:
        short = target - cap_yuan
        tight = _limiting(payers, limits_u, floors, areas)
        return ConsensusResult(
            unit.id,
            "infeasible",
            target,
            cap_yuan,
            short,
            limits_yuan=limits,
            limiting=tight,
            per_area=per_area,
            rounding_yuan=rnd,
            notes=notes,
            message_zh=f"不存在满足所有住户上限且高层不少于低层的分摊方案：最多可筹 {cap_yuan} 元，"
            f"尚差 {short} 元",
            message_en=f"no split stays within every limit and the floor order: at most "
            f"{cap_yuan} yuan can be raised, {short} yuan short",
        )

    x, t_star = _lp_fair(limits_u, floors, areas, whole if target_units == whole else target_units)
    return _feasible(
        unit,
        _Problem(payers, limits, limits_u, floors, areas, target, rnd),
        x,
        t_star,
        cap_yuan,
        notes,
    )


def _lp_check(limits_u: list[int], floors: list[int], areas: list[Fraction] | None) -> list[str]:
    """A note when the LP optimum of the capacity disagrees with the exact capacity."""
    lp_cap = _lp_capacity(limits_u, floors, areas)
    notes: list[str] = []
    if abs(lp_cap - float(sum(capacity_units(limits_u, floors, areas), Fraction(0)))) > 1e-6 * max(
        1.0, lp_cap
    ):
        notes.append(f"LP capacity {lp_cap} differs from the exact capacity")
    return notes


@dataclass
class _Problem:
    """The paying households of a feasible search, their limits and the amount to cover."""

    payers: list[Household]
    limits: dict[str, Decimal]
    limits_u: list[int]
    floors: list[int]
    areas: list[Fraction] | None
    target: Decimal
    rnd: Decimal


def _feasible(
    unit: Unit, pb: _Problem, x: list[float], t_star: float, cap_yuan: Decimal, notes: list[str]
) -> ConsensusResult:
    """The rounded split from the LP solution ``x`` (optimum ratio ``t_star``) and who
    binds it."""
    payers, limits, limits_u, floors, areas, target, rnd = (
        pb.payers,
        pb.limits,
        pb.limits_u,
        pb.floors,
        pb.areas,
        pb.target,
        pb.rnd,
    )
    per_area = areas is not None
    vals = [
        min(max(Fraction(v).limit_denominator(10**9), Fraction(0)), Fraction(lu))
        for v, lu in zip(x, limits_u)
    ]
    if not per_area:  # restore the floor order exactly after float noise
        vals = _enforce_order(vals, floors)
    shares = (
        allocate(target, vals, rnd, floors)
        if sum(vals) > 0
        else allocate(target, [Fraction(1)] * len(payers), rnd, floors)
    )
    shares = _repair(shares, payers, limits, floors, areas, rnd, notes)
    result_shares: dict[str, Decimal] = {}
    by_id = dict(zip([h.id for h in payers], shares))
    for h in unit.households:
        result_shares[h.id] = by_id.get(h.id, Decimal(0))
    ratios = {
        h.id: (
            Fraction(by_id[h.id]) / Fraction(limits[h.id])
            if limits[h.id] > 0
            else (Fraction(0) if by_id[h.id] == 0 else None)
        )
        for h in payers
    }
    finite = [r for r in ratios.values() if r is not None]
    max_ratio = max(finite) if finite else Fraction(0)
    binding = [
        h.id
        for h, v in zip(payers, x)
        if limits_u[payers.index(h)] > 0
        and v >= t_star * limits_u[payers.index(h)] - 1e-6 * max(1, limits_u[payers.index(h)])
    ]
    at_limit = [
        h.id
        for h in payers
        if by_id[h.id] == limits[h.id] or (by_id[h.id] > 0 and by_id[h.id] + rnd > limits[h.id])
    ]
    pct = max_ratio * 100
    pct_t = f"{float(pct):.1f}"
    return ConsensusResult(
        unit.id,
        "feasible",
        target,
        cap_yuan,
        Decimal(0),
        shares_yuan=result_shares,
        limits_yuan=limits,
        max_ratio=max_ratio,
        lp_max_ratio=t_star,
        binding=binding,
        at_limit=at_limit,
        per_area=per_area,
        rounding_yuan=rnd,
        notes=notes,
        message_zh=f"存在可接受的分摊方案：每户最多承担其上限的 {pct_t} %；"
        f"起决定作用的住户：{'、'.join(binding) or '无'}",
        message_en=f"an acceptable split exists: nobody pays more than {pct_t} % of their "
        f"stated maximum; binding households: {', '.join(binding) or 'none'}",
    )


def _limiting(
    payers: Sequence[Household],
    limits_u: Sequence[int],
    floors: Sequence[int],
    areas: Sequence[Fraction] | None,
) -> list[str]:
    """Households whose limit, through the floor order, holds a lower floor below that
    lower floor's own limit (raising their limit would raise the capacity most)."""
    per = [Fraction(limits_u[i]) / (areas[i] if areas else 1) for i in range(len(payers))]
    out: list[str] = []
    for i, h in enumerate(payers):
        if any(floors[j] < floors[i] and per[j] > per[i] for j in range(len(payers))):
            out.append(h.id)
    return out


def _enforce_order(vals: list[Fraction], floors: list[int]) -> list[Fraction]:
    """Cap each household at the smallest value on any higher floor."""
    out = list(vals)
    ceiling = None
    for f in sorted(set(floors), reverse=True):
        members = [i for i, x in enumerate(floors) if x == f]
        if ceiling is not None:
            for i in members:
                out[i] = min(out[i], ceiling)
        level = min(out[i] for i in members)
        ceiling = level if ceiling is None else min(ceiling, level)
    return out


def _check(
    shares: Sequence[Decimal],
    payers: Sequence[Household],
    limits: dict[str, Decimal],
    floors: Sequence[int],
    areas: Sequence[Fraction] | None,
    rnd: Decimal,
) -> list[str]:
    """What a split breaks: a limit, or the floor order (per m² within one unit)."""
    bad: list[str] = []
    for i, h in enumerate(payers):
        if shares[i] > limits[h.id]:
            bad.append(f"{h.id} over its limit")
        for j in range(len(payers)):
            if floors[i] < floors[j]:
                if areas:
                    if (
                        Fraction(shares[i]) / areas[i]
                        > Fraction(shares[j]) / areas[j] + Fraction(rnd) / areas[i]
                    ):
                        bad.append(f"{h.id} pays more per m² than {payers[j].id}")
                elif shares[i] > shares[j]:
                    bad.append(f"{h.id} pays more than {payers[j].id}")
    return bad


def _repair(
    shares: Sequence[Decimal],
    payers: Sequence[Household],
    limits: dict[str, Decimal],
    floors: Sequence[int],
    areas: Sequence[Fraction] | None,
    rnd: Decimal,
    notes: list[str],
) -> list[Decimal]:
    """Move whole units off a household over its limit when rounding noise put it there."""
    shares = list(shares)
    for _ in range(10 * len(shares)):
        over = [i for i, h in enumerate(payers) if shares[i] > limits[payers[i].id]]
        if not over:
            break
        i = over[0]
        moved = False
        for j in sorted(range(len(payers)), key=lambda k: (-floors[k], k)):
            if j == i or shares[j] + rnd > limits[payers[j].id]:
                continue
            trial = list(shares)
            trial[i] -= rnd
            trial[j] += rnd
            if not [
                b for b in _check(trial, payers, limits, floors, areas, rnd) if "over" not in b
            ]:
                shares = trial
                moved = True
                break
        if not moved:
            break
    bad = _check(shares, payers, limits, floors, areas, rnd)
    if bad:
        notes.append("rounding could not keep every constraint: " + "; ".join(bad))
    if areas:
        notes.append("per-m² order holds to within one rounding unit per household")
    return shares
