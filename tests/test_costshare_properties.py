"""Property tests (hypothesis): exact sums, monotone methods, exempt floors, order."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction
from math import floor

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from elevator_eval.costshare import METHODS, compute_share, method_weights
from elevator_eval.errors import InputError
from elevator_eval.model import BuildingInfo, Costs, Household, ShareSettings, Unit

SETTINGS = settings(max_examples=100, deadline=None)

ROUNDINGS = [D("0.01"), D("0.5"), D(1), D(3), D(10), D(100), D(1000)]


@st.composite
def units(draw, method=None, allow_odd=True):
    storeys = draw(st.integers(2, 9))
    n = draw(st.integers(1, 14))
    hh = []
    for i in range(n):
        fl = draw(st.integers(1, storeys))
        area = D(draw(st.integers(3000, 15000))) / 100
        hh.append(Household(id=f"h{i}", floor=fl, area_m2=area))
    method = method or draw(st.sampled_from(METHODS))
    exempt = sorted(draw(st.sets(st.integers(1, storeys), max_size=2)))
    paying_floors = sorted({h.floor for h in hh if h.floor not in exempt})
    rnd = draw(st.sampled_from(ROUNDINGS))
    if allow_odd:
        owners = D(draw(st.integers(0, 10**8))) / 100
    else:
        owners = rnd * draw(st.integers(0, 10**6 // max(1, int(rnd))))
    # coefficients: non-decreasing by floor, two decimals
    steps = draw(st.lists(st.integers(0, 60), min_size=storeys, max_size=storeys))
    coeffs, c = {}, 0
    for f in range(1, storeys + 1):
        c += steps[f - 1]
        coeffs[f] = D(c + 10) / 100
    pbf = None
    if method == "percent_by_household":
        assume(paying_floors)
        count = {f: sum(1 for h in hh if h.floor == f) for f in paying_floors}
        top = paying_floors[-1]
        pbf, rest = {}, Fraction(0)
        for f in paying_floors[:-1]:
            p = D(draw(st.integers(0, 40))) / 10
            pbf[f] = p
            rest += Fraction(p) * count[f]
        assume(rest <= 100)
        last = (100 - rest) / count[top]
        den = last.denominator
        while den % 2 == 0:
            den //= 2
        while den % 5 == 0:
            den //= 5
        assume(den == 1)
        pbf[top] = D(last.numerator) / D(last.denominator)
    share = ShareSettings(
        method=method,
        exempt_floors=exempt,
        coefficients=coeffs,
        percent_by_floor=pbf,
        rounding_yuan=rnd,
    )
    return Unit(
        id="P",
        building=BuildingInfo(year_built=1990, storeys=storeys),
        households=hh,
        costs=Costs(total_yuan_given=owners),
        share=share,
    )


def _paying(unit):
    w, _ = method_weights(unit, unit.share.method)
    return w


@SETTINGS
@given(units())
def test_shares_add_up_exactly_and_exempt_floors_pay_zero(unit):
    weights = _paying(unit)
    if sum(weights) == 0 and unit.costs.total_yuan > 0:
        try:
            compute_share(unit)
        except InputError as e:
            assert e.field == "share"
            return
        raise AssertionError("no paying household must be an input error")
    r = compute_share(unit)
    shares = [h.share_yuan for h in r.households]
    assert sum(shares) == r.owners_total_yuan
    rnd = unit.share.rounding_yuan
    odd = [s for s in shares if s % rnd != 0]
    if r.owners_total_yuan % rnd == 0:
        assert not odd
    else:
        assert len(odd) == 1  # the odd amount sits with one household
    for h in r.households:
        assert h.share_yuan >= 0
        if h.floor in unit.share.exempt_floors:
            assert h.share_yuan == 0


def _monotone_ok(unit, r, slack):
    ex = set(unit.share.exempt_floors)
    hs = [h for h in r.households if h.floor not in ex]
    for a in hs:
        for b in hs:
            if a.floor < b.floor and a.area_m2 == b.area_m2:
                assert a.share_yuan <= b.share_yuan + slack, (a, b)


@SETTINGS
@given(
    st.sampled_from(
        ["floor_coefficient_area", "coefficient_by_floor", "stair_count", "equal"]
    ).flatmap(lambda m: units(method=m, allow_odd=False))
)
def test_monotone_methods_never_charge_lower_floor_more(unit):
    assume(sum(_paying(unit)) > 0)
    r = compute_share(unit)
    _monotone_ok(unit, r, 0)


@SETTINGS
@given(
    st.sampled_from(
        ["floor_coefficient_area", "coefficient_by_floor", "stair_count", "equal"]
    ).flatmap(lambda m: units(method=m))
)
def test_monotone_within_the_odd_amount(unit):
    """When the owners' total is not a multiple of the rounding unit, the spec puts the odd
    amount on the first household of the leftover order, which may sit one floor down:
    the order then holds to within that odd amount."""
    assume(sum(_paying(unit)) > 0)
    r = compute_share(unit)
    rnd = unit.share.rounding_yuan
    odd = r.owners_total_yuan - rnd * floor(r.owners_total_yuan / rnd)
    _monotone_ok(unit, r, odd)


@SETTINGS
@given(units(), st.randoms(use_true_random=False))
def test_listing_order_only_matters_for_exact_ties(unit, rnd_gen):
    weights = _paying(unit)
    assume(sum(weights) > 0)
    r1 = compute_share(unit)
    perm = list(unit.households)
    rnd_gen.shuffle(perm)
    u2 = unit.clone()
    u2.households = [next(h for h in u2.households if h.id == p.id) for p in perm]
    r2 = compute_share(u2)
    s1 = {h.id: h.share_yuan for h in r1.households}
    s2 = {h.id: h.share_yuan for h in r2.households}
    # tie groups: same floor and the same exact remainder of the quota
    units_total = Fraction(r1.owners_total_yuan) / Fraction(unit.share.rounding_yuan)
    wsum = sum(weights)
    groups = {}
    for h, w in zip(unit.households, weights):
        q = units_total * w / wsum
        groups.setdefault((h.floor, q - floor(q), w > 0), []).append(h.id)
    for ids in groups.values():
        if len(ids) == 1:
            assert s1[ids[0]] == s2[ids[0]]
        else:
            assert sorted(s1[i] for i in ids) == sorted(s2[i] for i in ids)
