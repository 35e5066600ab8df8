"""Consensus finder: LP answers checked against brute force on small integer cases."""

from __future__ import annotations

import itertools
from decimal import Decimal as D
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from elevator_eval.costshare_consensus import find_consensus
from elevator_eval.model import BuildingInfo, Costs, Household, ShareSettings, Unit
from elevator_eval.unitfile import load_unit


def unit_with_limits(rows, total, exempt=(), rounding=1):
    """rows: (floor, limit) per household; areas all 60 m²."""
    hh = [
        Household(
            id=f"h{i}",
            floor=f,
            area_m2=D(60),
            max_contribution_yuan=None if lim is None else D(lim),
        )
        for i, (f, lim) in enumerate(rows)
    ]
    storeys = max(f for f, _ in rows)
    return Unit(
        id="C",
        building=BuildingInfo(year_built=1990, storeys=storeys),
        households=hh,
        costs=Costs(total_yuan_given=D(total)),
        share=ShareSettings(method="equal", exempt_floors=list(exempt), rounding_yuan=D(rounding)),
    )


def brute_force(rows, total):
    """All integer splits within limits and floor order; (max raisable, best max ratio)."""
    lims = [lim for _, lim in rows]
    floors = [f for f, _ in rows]
    best_sum = 0
    best_ratio = None
    for s in itertools.product(*[range(lim + 1) for lim in lims]):
        if any(s[i] > s[j] for i in range(len(s)) for j in range(len(s)) if floors[i] < floors[j]):
            continue
        best_sum = max(best_sum, sum(s))
        if sum(s) == total:
            ratio = max((Fraction(x, lim) for x, lim in zip(s, lims) if lim), default=0)
            if best_ratio is None or ratio < best_ratio:
                best_ratio = ratio
    return best_sum, best_ratio


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 3), st.integers(0, 5)), min_size=1, max_size=4),
    st.integers(0, 14),
)
def test_agrees_with_brute_force(rows, total):
    u = unit_with_limits(rows, total)
    r = find_consensus(u)
    best_sum, best_ratio = brute_force(rows, total)
    assert r.capacity_yuan == best_sum
    if best_ratio is None:
        assert r.status == "infeasible"
        assert r.shortfall_yuan == total - best_sum
        assert not r.shares_yuan
        return
    assert r.status == "feasible"
    shares = [r.shares_yuan[h.id] for h in u.households]
    assert sum(shares) == total
    lims = [lim for _, lim in rows]
    floors = [f for f, _ in rows]
    for i, (s, lim) in enumerate(zip(shares, lims)):
        assert 0 <= s <= lim
        for j in range(len(rows)):
            if floors[i] < floors[j]:
                assert s <= shares[j]
    # LP optimum ≤ best integer optimum ≤ our rounded proposal ≤ LP optimum + one unit
    ours = r.max_ratio
    assert Fraction(r.lp_max_ratio) <= best_ratio + Fraction(1, 10**6)
    assert best_ratio <= ours
    positive = [lim for lim in lims if lim]
    if positive:
        assert ours <= Fraction(r.lp_max_ratio) + Fraction(1, min(positive)) + Fraction(1, 10**6)


def test_constructed_impossibility():
    # lower floors would pay a lot, but the top floor accepts at most 10,000, and no lower
    # floor may pay more than the top floor: 10 payers × 10,000 < 300,000
    rows = [(1, None), (1, None)]
    rows += [(f, 100000) for f in range(2, 6) for _ in range(2)]
    rows += [(6, 10000), (6, 10000)]
    u = unit_with_limits(rows, 300000, exempt=[1])
    r = find_consensus(u)
    assert r.status == "infeasible" and not r.feasible
    assert r.capacity_yuan == 100000
    assert r.shortfall_yuan == 200000
    assert set(r.limiting) == {"h10", "h11"}
    assert "200000" in r.message_en and "200000" in r.message_zh


def test_feasible_example_and_binding():
    # floors 2..4, one household each, limits 10k, 20k, 40k; cover 35,000
    u = unit_with_limits([(2, 10000), (3, 20000), (4, 40000)], 35000)
    r = find_consensus(u)
    assert r.feasible
    # proportional to the limits: ratio 35/70 = 0.5 for everybody, order holds
    assert r.shares_yuan == {"h0": 5000, "h1": 10000, "h2": 20000}
    assert r.max_ratio == Fraction(1, 2)
    assert set(r.binding) == {"h0", "h1", "h2"}


def test_floor_order_binds():
    # the 2nd floor accepts a lot, the 3rd little: the order caps the 2nd floor at the 3rd
    u = unit_with_limits([(2, 50000), (3, 10000), (4, 30000)], 30000)
    r = find_consensus(u)
    assert r.feasible
    s = r.shares_yuan
    assert s["h0"] <= s["h1"] <= s["h2"]
    # best min-max: h1 at ratio t, h0 ≤ h1, h2 = 30,000 − h0 − h1 ≤ 30,000·t
    # → 2·10,000·t + 30,000·t ≥ 30,000 → t = 3/5: h0 = h1 = 6,000, h2 = 18,000
    assert abs(r.lp_max_ratio - 0.6) < 1e-9
    assert (s["h0"], s["h1"], s["h2"]) == (6000, 6000, 18000)
    assert "h1" in r.binding and "h2" in r.binding


def test_missing_limits_reported(example_unit_path):
    r = find_consensus(load_unit(example_unit_path))
    assert r.status == "missing_limits"
    assert r.missing == ["201", "202", "301", "302", "401", "402", "501", "502", "601", "602"]


def test_compensation_pool_is_covered_too():
    u = unit_with_limits([(1, None), (2, 30000), (3, 30000)], 40000, exempt=[1])
    u.share.extra["compensation"] = {"mode": "per_household", "yuan": 10000, "floors": [1]}
    r = find_consensus(u)
    assert r.to_cover_yuan == 50000
    assert r.feasible and sum(r.shares_yuan.values()) == 50000


def test_per_area_order():
    hh = [
        Household(id="a", floor=2, area_m2=D(100), max_contribution_yuan=D(50000)),
        Household(id="b", floor=3, area_m2=D(50), max_contribution_yuan=D(20000)),
    ]
    u = Unit(
        id="A",
        building=BuildingInfo(year_built=1990, storeys=3),
        households=hh,
        costs=Costs(total_yuan_given=D(60000)),
        share=ShareSettings(method="equal"),
    )
    # per m²: a ≤ 100 × (b / 50) = 2b ≤ 40,000 → capacity 60,000 exactly
    r = find_consensus(u, per_area=True)
    assert r.capacity_yuan == 60000 and r.feasible
    assert r.shares_yuan == {"a": 40000, "b": 20000}
    u.costs.total_yuan_given = D(60001)
    r = find_consensus(u, per_area=True)
    assert r.status == "infeasible" and r.shortfall_yuan == 1
