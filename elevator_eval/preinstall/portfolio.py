"""A street: rank the candidate units by expected saving per yuan and choose the units to
pre-work within a budget, exactly, with :func:`scipy.optimize.milp` (HiGHS)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import Any

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from ..errors import InputError
from ..model import Project
from ..money import json_number, to_decimal
from .assumptions import load_assumptions
from .inputs import InputsCache, build_inputs
from .outlook import VoteCounts, vote_state
from .types import PitProduct
from .valuation import figures


@dataclass(frozen=True)
class RankRow:
    """One candidate unit of a street with its expected figures.

    ``cost_now_yuan``, ``expected_saving_yuan`` and ``expected_waste_yuan`` are expectations
    over the stated uncertainty; ``most_likely_saving_yuan`` is the most likely case.
    """

    unit_id: str
    unit_name: str
    community: str
    building: str
    klass: str | None
    consent_state: str
    hazard: float
    cost_now_yuan: Decimal
    expected_saving_yuan: Decimal
    expected_waste_yuan: Decimal
    saving_per_yuan: Decimal | None
    most_likely_saving_yuan: Decimal = Decimal(0)
    probability_of_waste: Decimal = Decimal(0)

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit_id,
            "name": self.unit_name,
            "community": self.community,
            "building": self.building,
            "class": self.klass,
            "consent_state": self.consent_state,
            "hazard": round(self.hazard, 6),
            "cost_now_yuan": json_number(self.cost_now_yuan),
            "expected_saving_yuan": json_number(self.expected_saving_yuan),
            "most_likely_saving_yuan": json_number(self.most_likely_saving_yuan),
            "expected_waste_yuan": json_number(self.expected_waste_yuan),
            "probability_of_waste": json_number(self.probability_of_waste),
            "saving_per_yuan": None
            if self.saving_per_yuan is None
            else json_number(self.saving_per_yuan),
        }


@dataclass
class Selection:
    """The units chosen for pre-works within a budget.

    Attributes
    ----------
    method : str
        ``milp`` (exact, HiGHS branch and cut, relative gap 0).
    upper_bound_yuan : Decimal
        The solver's bound of the best total; equal to the total when solved to optimality.
    gap_yuan : Decimal
        ``upper_bound_yuan − expected_saving_yuan``.
    """

    budget_yuan: Decimal
    method: str
    rule_zh: str
    rule_en: str
    chosen: list[RankRow]
    spent_yuan: Decimal
    expected_saving_yuan: Decimal
    upper_bound_yuan: Decimal
    gap_yuan: Decimal
    gap_bound_yuan: Decimal
    candidates: int
    eligible: int

    def to_json(self) -> dict[str, Any]:
        return {
            "budget_yuan": json_number(self.budget_yuan),
            "method": self.method,
            "rule_zh": self.rule_zh,
            "rule_en": self.rule_en,
            "chosen": [r.to_json() for r in self.chosen],
            "spent_yuan": json_number(self.spent_yuan),
            "expected_saving_yuan": json_number(self.expected_saving_yuan),
            "upper_bound_yuan": json_number(self.upper_bound_yuan),
            "gap_yuan": json_number(self.gap_yuan),
            "candidates": self.candidates,
            "eligible": self.eligible,
        }


def _classes(project: Project) -> list[str | None]:
    """Suitability classes of the project's units in order, as its census gives them (the
    rules in force for each unit: its own choice, else the project's, project-defined
    rulesets included; the vectorised path grouped by ruleset)."""
    from ..census import census

    return [r.klass for r in census(project).rows]


def rank_units(
    project: Project,
    *,
    horizon_years: int | None = None,
    include_all: bool = False,
    consent_ruleset: str | None = None,
    pit_products: Sequence[PitProduct] | None = None,
) -> list[RankRow]:
    """Rank the candidate units of a project by expected saving per expected yuan spent.

    Candidates: units not classed "unsuitable" that are classed "difficult" or have not
    reached consent; ``include_all`` ranks every unit. ``consent_ruleset`` counts every vote
    under that ruleset; ``pit_products`` (the quotes' products) sets the pit rework. Order: saving per yuan (largest
    first), then expected saving, then unit id. Each row equals :func:`evaluate` of that
    unit.

    Raises
    ------
    InputError
        naming ``unit <id>: <field>``.
    """
    base = load_assumptions(project)
    located = list(project.iter_units())
    classes = _classes(project)  # InputError names "unit <id>: <field>"
    cache: InputsCache = {}
    votes: dict[tuple[object, ...], VoteCounts] = {}
    settings = project.settings if isinstance(project.settings, dict) else None
    rows: list[RankRow] = []
    for (c, b, u), klass in zip(located, classes):
        if klass == "unsuitable" and not include_all:
            continue
        try:
            # units with the same owners, areas and votes under the same ruleset share the
            # consent engine's count (the count is the slow part of a street)
            sig = (
                consent_ruleset or u.rules,
                tuple(
                    (h.owner_id, h.area_m2, h.vote, bool(h.exclusive_part_affected))
                    for h in u.households
                ),
            )
            if sig not in votes:
                st, heads, add, possible, _ = vote_state(u, consent_ruleset, settings=settings)
                votes[sig] = (st, heads, add, possible)
            inp = build_inputs(
                u,
                project,
                assumptions=base,
                horizon_years=horizon_years,
                consent_ruleset=consent_ruleset,
                consent_counts=votes[sig],
                pit_products=pit_products,
                cache=cache,
            )
        except InputError as e:
            raise InputError(f"unit {u.id}: {e.field}", e.message) from None
        state = inp.consent.state
        if not include_all and not (klass == "difficult" or state != "ready"):
            continue
        exp = figures(inp, "expected", with_break_even=False)
        m = figures(inp, "most_likely", with_break_even=False)
        rows.append(
            RankRow(
                u.id,
                u.name,
                c.name,
                b.name,
                klass,
                state,
                inp.consent.hazard,
                exp.cost_now_yuan,
                exp.net_saving_yuan,
                exp.waste_yuan,
                exp.saving_per_yuan,
                m.net_saving_yuan,
                exp.probability_of_waste,
            )
        )
    rows.sort(
        key=lambda r: (
            -(r.saving_per_yuan if r.saving_per_yuan is not None else Decimal("-1e9")),
            -r.expected_saving_yuan,
            r.unit_id,
        )
    )
    return rows


PRESOLVE_LIMIT = 5000
"""Up to this many candidates HiGHS presolves the knapsack (faster on a street)."""


def knapsack_milp(
    costs: Sequence[int], values: Sequence[int], capacity: int, *, time_limit_s: float | None = None
) -> tuple[int, list[int], float]:
    """Exact 0/1 knapsack by :func:`scipy.optimize.milp` (HiGHS, relative gap 0):
    maximise Σ values with Σ costs ≤ capacity (whole yuan ≥ 0).

    Returns ``(best value, chosen indices ascending, the solver's bound)``; the bound equals
    the value when optimality is proven. With ``time_limit_s`` the solver may stop early
    with its best solution, the bound then above it (the gap is reported, never hidden).

    Raises
    ------
    InputError
        naming ``budget`` for negative costs or capacity, or when the solver fails.
    """
    n = len(costs)
    if any(c < 0 for c in costs) or capacity < 0:
        raise InputError("budget", "costs and the capacity must not be negative")
    idx = [i for i in range(n) if values[i] > 0 and costs[i] <= capacity]
    if not idx:
        return 0, [], 0.0
    c = -np.array([float(values[i]) for i in idx])
    a = np.array([[float(costs[i]) for i in idx]])
    res = milp(
        c,
        constraints=LinearConstraint(a, -np.inf, float(capacity)),
        integrality=np.ones(len(idx)),
        bounds=Bounds(0, 1),
        # HiGHS presolve pays on a street, but on tens of thousands of candidates it
        # outlasts a time limit (measured in benchmarks/bench_preinstall.py)
        options={
            "mip_rel_gap": 0.0,
            "presolve": len(idx) <= PRESOLVE_LIMIT,
            **({} if time_limit_s is None else {"time_limit": time_limit_s}),
        },
    )
    if res.x is None and res.status == 1:  # time limit before a first solution
        return _greedy(costs, values, capacity, idx)
    if res.x is None:
        raise InputError("budget", f"the MILP solver failed: {res.message}")
    chosen = sorted(idx[j] for j, v in enumerate(res.x) if v > 0.5)
    bound = -float(getattr(res, "mip_dual_bound", res.fun) or res.fun)
    return sum(values[i] for i in chosen), chosen, bound


def _greedy(
    costs: Sequence[int], values: Sequence[int], capacity: int, idx: list[int]
) -> tuple[int, list[int], float]:
    """Fallback when the time limit stops the solver before its first solution: items by
    value per cost while they fit, with the LP-relaxation bound (so the gap is reported)."""
    order = sorted(idx, key=lambda i: (-values[i] / costs[i] if costs[i] else -math.inf, i))
    room, chosen, bound, frac_done = capacity, [], 0.0, False
    for i in order:
        if costs[i] <= room:
            room -= costs[i]
            chosen.append(i)
            bound += values[i]
        elif not frac_done:
            bound += values[i] * room / costs[i]
            frac_done = True
    return sum(values[i] for i in chosen), sorted(chosen), bound


def choose_units(
    rows: Sequence[RankRow], budget_yuan: object, *, time_limit_s: float | None = None
) -> Selection:
    """Choose the units to pre-work within ``budget_yuan`` to maximise the total expected
    saving, exactly (0/1 programme solved by HiGHS at any size).

    Only units with a positive expected saving whose expected cost fits the budget are
    eligible; the budget holds against the expected costs now.

    Raises
    ------
    InputError
        naming ``--budget`` when the budget is not a number ≥ 0.
    """
    budget = to_decimal(budget_yuan, "--budget")
    cap = int(budget.to_integral_value(rounding=ROUND_FLOOR))
    elig = [r for r in rows if r.expected_saving_yuan > 0 and r.cost_now_yuan <= budget]
    costs = [int(r.cost_now_yuan) for r in elig]
    values = [int(r.expected_saving_yuan) for r in elig]
    _, chosen, bound = knapsack_milp(costs, values, cap, time_limit_s=time_limit_s)
    picked = [elig[i] for i in chosen]
    picked.sort(key=lambda r: (-(r.saving_per_yuan or 0), r.unit_id))
    spent = sum((r.cost_now_yuan for r in picked), Decimal(0))
    total = sum((r.expected_saving_yuan for r in picked), Decimal(0))
    ub = max(total, Decimal(math.floor(bound + 1e-6)))
    zh = (
        f"整数规划精确求解（HiGHS，{len(elig)} 个合算单元）：在预算内使预期节约总额最大；"
        f"预算按各单元的预期预做费用计"
    )
    en = (
        f"exact integer programme (HiGHS, {len(elig)} units that pay off): the largest "
        f"total expected saving within the budget, counted against the expected costs now"
    )
    method = "milp"
    if ub > total:
        method = "milp_time_limit"
        zh += f"；求解时间到限，与最优值最多相差 {ub - total:,} 元"
        en += f"; the time limit was reached: at most {ub - total:,} yuan below the optimum"
    return Selection(
        budget,
        method,
        zh,
        en,
        picked,
        spent,
        total,
        ub,
        ub - total,
        Decimal(0),
        len(rows),
        len(elig),
    )


def portfolio(
    project: Project,
    budget_yuan: object,
    *,
    horizon_years: int | None = None,
    consent_ruleset: str | None = None,
) -> Selection:
    """:func:`rank_units` then :func:`choose_units`."""
    budget = to_decimal(budget_yuan, "--budget")
    return choose_units(
        rank_units(project, horizon_years=horizon_years, consent_ruleset=consent_ruleset), budget
    )
