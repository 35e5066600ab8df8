"""Procurement engine: fit checks at their limits, tiers, Anshan saving rate, LCC, scoring."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elevator_eval.errors import InputError
from elevator_eval.model import BuildingInfo, Household, Site, Unit
from elevator_eval.procurement import (
    Bid,
    Product,
    TenderWeights,
    VolumeTier,
    bulk,
    check_fit,
    compare,
    is_accessible,
    is_stretcher_capable,
    life_cycle_cost,
    parse_weights,
    price_score,
    ranking_at,
    saving_rate,
    score_tender,
    tier_for,
    unit_price_yuan,
    usage_category,
    validate_tiers,
    validate_weights,
)


def make_product(**kw) -> Product:
    base = dict(
        id="P",
        vendor="测试电梯",
        model="T-630",
        rated_load_kg=630,
        speed_m_s=D("1.0"),
        car_width_mm=1100,
        car_depth_mm=1400,
        door_width_mm=800,
        shaft_width_mm=2300,
        shaft_depth_mm=2500,
        pit_mm=1200,
        headroom_mm=3600,
        entry_modes=("half_landing", "flat"),
        equipment_yuan=D(150000),
        installation_yuan=D(50000),
        shaft_structure_yuan=D(110000),
        civil_yuan=D(60000),
        corridor_yuan=D(60000),
    )
    base.update(kw)
    return Product(**base)


def make_unit(uid="U1", households=12, **site) -> Unit:
    s = dict(
        entry_mode="half_landing",
        footprint_available_m=(D("2.3"), D("2.5")),
        pit_depth_available_mm=1200,
        headroom_available_mm=3600,
    )
    s.update(site)
    return Unit(
        id=uid,
        building=BuildingInfo(year_built=1990, storeys=6),
        site=Site(**s),
        households=[Household(str(i), 1 + i // 2, D(50)) for i in range(households)],
    )


# ----------------------------------------------------------------- fit at the limits


def test_exact_limits_fit():
    f = check_fit(make_unit(), make_product())
    assert f.fits is True and f.reasons == []
    assert f.margins_mm == {"width": 0, "depth": 0, "pit": 0, "headroom": 0}


@pytest.mark.parametrize(
    "site, code",
    [
        ({"footprint_available_m": (D("2.299"), D("2.5"))}, "footprint"),
        ({"footprint_available_m": (D("2.3"), D("2.499"))}, "footprint"),
        ({"pit_depth_available_mm": 1199}, "pit"),
        ({"headroom_available_mm": 3599}, "headroom"),
    ],
)
def test_one_mm_short_is_a_misfit_with_reason(site, code):
    f = check_fit(make_unit(**site), make_product())
    assert f.fits is False
    assert [r.code for r in f.reasons] == [code]
    assert f.reasons[0].kind == "misfit"
    assert f.reasons_zh[0] and f.reasons_en[0]
    assert min(f.margins_mm.values()) == -1


def test_entry_mode_not_supported():
    f = check_fit(make_unit(entry_mode="flat"), make_product(entry_modes=("half_landing",)))
    assert f.fits is False and f.reasons[0].code == "entry_mode"
    assert "平层" in f.reasons_zh[0]


def test_rotation_only_when_the_product_allows_it():
    unit = make_unit(footprint_available_m=(D("2.5"), D("2.3")))  # turned space
    assert check_fit(unit, make_product()).fits is False
    f = check_fit(unit, make_product(rotatable=True))
    assert f.fits is True and f.rotated is True
    # a product that fits straight is not reported as rotated
    assert check_fit(make_unit(), make_product(rotatable=True)).rotated is False


def test_missing_survey_is_unknown_not_a_fit():
    unit = make_unit(pit_depth_available_mm=None, footprint_available_m=None)
    f = check_fit(unit, make_product())
    assert f.fits is None and f.state == "unknown"
    assert {r.code for r in f.reasons} == {"pit_not_surveyed", "footprint_not_surveyed"}
    assert all(r.kind == "not_surveyed" for r in f.reasons)
    # a measured misfit dominates the unknowns
    f2 = check_fit(
        make_unit(pit_depth_available_mm=None, headroom_available_mm=3000), make_product()
    )
    assert f2.fits is False
    assert {r.kind for r in f2.reasons} == {"misfit", "not_surveyed"}


def test_all_site_values_missing():
    unit = Unit(id="X", building=BuildingInfo(year_built=1990, storeys=6))
    f = check_fit(unit, make_product())
    assert f.fits is None and len(f.reasons) == 4


@pytest.mark.parametrize(
    "w, d, door, ok",
    [
        (1100, 1400, 800, True),
        (1099, 1400, 800, False),
        (1100, 1399, 800, False),
        (1100, 1400, 799, False),
        (1350, 1600, 900, True),
    ],
)
def test_accessible_car_gb50763(w, d, door, ok):
    p = make_product(car_width_mm=w, car_depth_mm=d, door_width_mm=door)
    assert is_accessible(p) is ok
    f = check_fit(make_unit(), p, require_accessible=True)
    assert (f.fits is True) is ok
    assert f.accessible is ok


@pytest.mark.parametrize(
    "load, depth, ok",
    [(1000, 1400, True), (999, 2099, False), (630, 2100, True), (999, 1400, False)],
)
def test_stretcher_flag(load, depth, ok):
    p = make_product(rated_load_kg=load, car_depth_mm=depth)
    assert is_stretcher_capable(p) is ok
    assert check_fit(make_unit(), p).stretcher is ok
    assert (check_fit(make_unit(), p, require_stretcher=True).fits is True) is ok


# ----------------------------------------------------------------- tiers and bulk

TIERED = dict(
    tiers=(VolumeTier(5, unit_price_yuan=D(355000)), VolumeTier(20, discount_percent=D(8)))
)


@pytest.mark.parametrize(
    "q, tier, price",
    [
        (1, None, D(370000)),
        (4, None, D(370000)),
        (5, 5, D(355000)),
        (19, 5, D(355000)),
        (20, 20, D(340400)),
        (500, 20, D(340400)),
    ],
)
def test_tier_boundaries(q, tier, price):
    p = make_product(**TIERED)
    t = tier_for(p, q)
    assert (None if t is None else t.min_qty) == tier
    assert unit_price_yuan(p, q) == price


def test_bulk_saving_against_one_at_a_time():
    b = bulk(make_product(**TIERED), 20)
    assert b.single_price_yuan == 370000 and b.unit_price_yuan == 340400
    assert b.total_yuan == 340400 * 20
    assert b.saving_yuan == (370000 - 340400) * 20 == 592000
    assert b.saving_rate == Fraction(8, 100)
    assert b.next_tier_min_qty is None
    b4 = bulk(make_product(**TIERED), 4)
    assert b4.saving_yuan == 0 and b4.next_tier_min_qty == 5
    assert b4.next_tier_unit_price_yuan == 355000


def test_anshan_saving_rate_w9():
    # domain §10 W9: award 52.86 M, saving 14.10 M → 21.06 %
    award = D("52860000")
    budget = award + D("14100000")
    r = saving_rate(budget, award)
    assert r == Fraction(1410, 6696)
    assert round(float(r) * 100, 2) == 21.06
    # the bulk path uses the same formula: saving / (award + saving)
    assert saving_rate(D("66.96"), D("52.86")) == r


@pytest.mark.parametrize(
    "tiers, msg",
    [
        ([VolumeTier(1, unit_price_yuan=D(1))], "≥ 2"),
        ([VolumeTier(5, unit_price_yuan=D(300)), VolumeTier(5, unit_price_yuan=D(290))], "two"),
        ([VolumeTier(5, unit_price_yuan=D(300)), VolumeTier(10, unit_price_yuan=D(310))], "higher"),
        ([VolumeTier(5, unit_price_yuan=D(1200))], "higher"),
        ([VolumeTier(5)], "either"),
        ([VolumeTier(5, discount_percent=D(100))], "0–100"),
    ],
)
def test_bad_tiers(tiers, msg):
    with pytest.raises(InputError) as e:
        validate_tiers(tiers, D(1000))
    assert msg in str(e.value)


def test_a_tier_without_price_or_discount_is_refused_when_priced_not_multiplied_by_none():
    """Found by the type checker: an unchecked tier used to fail with a TypeError on
    ``Decimal * None``; it now says what is wrong."""
    with pytest.raises(ValueError, match="neither a price nor a discount"):
        VolumeTier(5).price_yuan(D(1000))
    assert VolumeTier(5, discount_percent=D(10)).price_yuan(D(1000)) == D("900.00")
    assert VolumeTier(5, unit_price_yuan=D(880)).price_yuan(D(1000)) == D(880)


# ----------------------------------------------------------------- energy and LCC


@pytest.mark.parametrize("n, cat", [(0, 1), (6, 1), (7, 2), (20, 2), (21, 3), (50, 3), (51, 4)])
def test_vdi4707_category_boundaries(n, cat):
    assert usage_category(n) == cat


def test_life_cycle_cost_hand_calculation():
    p = make_product(
        free_maintenance_years=2,
        maintenance_yuan_per_year=D(4000),
        standby_power_w=D(100),
        energy_per_trip_wh=D(20),
    )
    unit = make_unit(entry_mode="flat", households=12)
    c = life_cycle_cost(
        unit,
        p,
        years=5,
        discount_rate=D(0),
        trips_per_day=D(90),
        electricity_yuan_per_kwh=D("0.6"),
        inspection_yuan_per_year=D(600),
    )
    # 12 households → VDI 4707 category 2: standby 23.5 h/day
    assert c.usage_category == 2
    # 100 W × 23.5 h × 365 = 857.75 kWh; 20 Wh × 90 × 365 = 657 kWh
    assert c.annual_energy_kwh == D("1514.8")
    assert c.capital_yuan == 370000 + 60000 and c.corridor_counted
    assert c.maintenance_yuan == 3 * 4000
    assert c.electricity_yuan == D("908.85") * 5
    assert c.inspection_yuan == 3000
    # costs outside the quote, at year 0: pipes not surveyed → the pre-installation
    # estimate 60,000; meter moves 3,000; insurance 0.3 % × 430,000 = 1,290; contingency
    # 5 % × (430,000 + 60,000 + 3,000 + 1,290) = 24,714.50 → 24,715 (half up)
    assert c.outside_quote_yuan == {
        "pipe_relocation": 60000,
        "meter_move": 3000,
        "insurance": 1290,
        "contingency": 24715,
    }
    outside = 60000 + 3000 + 1290 + 24715
    assert c.total_yuan == D("430000") + outside + 12000 + D("4544.25") + 3000
    assert c.npv_yuan == 449544 + outside
    # with 5 %: capital at t=0, running costs at year ends
    c5 = life_cycle_cost(
        unit,
        p,
        years=5,
        discount_rate=D("0.05"),
        trips_per_day=D(90),
        electricity_yuan_per_kwh=D("0.6"),
        inspection_yuan_per_year=D(600),
    )
    yearly = [D("1508.85")] * 2 + [D("5508.85")] * 3
    expected = (
        430000
        + outside
        + sum(Fraction(y) / Fraction(105, 100) ** t for t, y in enumerate(yearly, 1))
    )
    assert c5.npv_yuan == round(expected)
    assert c5.npv_yuan < c.npv_yuan


def test_lcc_half_landing_skips_corridor_and_uses_tier_price():
    p = make_product(**TIERED)
    c = life_cycle_cost(make_unit(), p, quantity=20, years=15, discount_rate=D("0.03"))
    assert not c.corridor_counted and c.capital_yuan == D(340400)
    assert c.years == 15 and len(c.per_year) == 15
    # defaults are labelled
    d = life_cycle_cost(make_unit(), p)
    assert d.years == 15
    assert any("assumption" in a for a in d.assumptions)


@pytest.mark.parametrize(
    "kw, field",
    [
        ({"years": 0}, "years"),
        ({"years": 61}, "years"),
        ({"discount_rate": D(1)}, "discount_rate"),
        ({"discount_rate": "-0.1"}, "discount_rate"),
        ({"trips_per_day": "x"}, "trips_per_day"),
    ],
)
def test_lcc_bad_input_names_the_field(kw, field):
    with pytest.raises(InputError) as e:
        life_cycle_cost(make_unit(), make_product(), **kw)
    assert e.value.field == field


# ----------------------------------------------------------------- tender scoring

A = Bid("A", D(400000), D(35), D(15))
B = Bid("B", D(450000), D(45), D(18))
W = TenderWeights(D(30), D(50), D(20), method="open_tender")
"""Open tender: the legal price-weight range of goods is 30–100 (财政部令第87号 Art. 55)."""


def test_price_score_low_price_benchmark():
    assert price_score(D(400000), D(400000), D(30)) == 30
    assert price_score(D(400000), D(450000), D(30)) == Fraction(80, 3)


def test_scoring_against_hand_calculation():
    r = score_tender([A, B], W)
    # A: 30 + 35 + 15 = 80; B: 400/450 × 30 + 45 + 18 = 26.67 + 63 = 89.67
    by = {s.bidder: s for s in r.scores}
    assert by["A"].total == 80
    assert by["B"].total == Fraction(269, 3)
    assert r.ranking == ["B", "A"] and r.winner == "B"
    assert r.benchmark_yuan == 400000
    assert r.to_json()["scores"][0]["total"] == D("89.67")


def test_rank_reversal_on_constructed_case():
    r = score_tender([A, B], W)
    # total_A(w) = w + 50(100−w)/70, total_B(w) = 8w/9 + 63(100−w)/70 → equal at 11700/187
    cross = Fraction(11700, 187)
    assert r.winner_stable_range == (Fraction(30), cross)
    assert r.reversal is True
    assert [c.price_weight for c in r.crossings] == [cross]
    assert ranking_at([A, B], W, 62)[0] == "B"
    assert ranking_at([A, B], W, 63)[0] == "A"


def test_no_reversal_when_cheapest_is_also_best():
    r = score_tender([Bid("A", D(400000), D(45), D(18)), B], W)
    assert r.winner == "A" and r.reversal is False
    assert r.winner_stable_range == (Fraction(30), Fraction(100))


def test_invalid_bid_is_excluded_from_benchmark():
    cheap = Bid("C", D(100000), D(10), D(5), valid=False, invalid_reason="does not fit")
    r = score_tender([A, B, cheap], W)
    assert r.benchmark_yuan == 400000 and [b.bidder for b in r.excluded] == ["C"]


@pytest.mark.parametrize(
    "w, field",
    [
        (TenderWeights(D(29), D(51), D(20)), "weights.price"),
        (TenderWeights(D(30), D(50), D(19)), "weights"),
        (TenderWeights(D(30), D(-10), D(80)), "weights.technical"),
        (TenderWeights(D(9), D(71), D(20), "services"), "weights.price"),
        (TenderWeights(D(30), D(50), D(20), "works"), "weights.kind"),
    ],
)
def test_weights_validated(w, field):
    with pytest.raises(InputError) as e:
        validate_weights(w)
    assert e.value.field == field


def test_services_floor_is_ten():
    assert validate_weights(TenderWeights(D(10), D(70), D(20), "services")).price == 10


def test_points_above_weight_rejected():
    with pytest.raises(InputError) as e:
        score_tender([Bid("A", D(1), D(51), D(0))], W)
    assert e.value.field == "bids[0].technical_points"


def test_parse_weights():
    w = parse_weights("price=40, technical=40，service=20")
    assert (w.price, w.technical, w.service) == (40, 40, 20)
    assert parse_weights("价格=30,技术=50,服务=20").technical == 50
    with pytest.raises(InputError):
        parse_weights("price=20,technical=60,service=20")
    with pytest.raises(InputError):
        parse_weights("cost=40")


bids_st = st.lists(
    st.tuples(st.integers(200, 600), st.integers(0, 50), st.integers(0, 20)), min_size=2, max_size=5
)


@settings(max_examples=120, deadline=None)
@given(bids_st, st.integers(30, 70))
def test_stable_range_agrees_with_direct_recomputation(raw, pw):
    w = TenderWeights(D(pw), D(100 - pw - 20), D(20), method="open_tender")
    bids = [
        Bid(f"B{i}", D(p * 1000), D(min(t, 100 - pw - 20)), D(s)) for i, (p, t, s) in enumerate(raw)
    ]
    r = score_tender(bids, w)
    if r.tied_first:
        # equal score and equal price: tied (并列), no winner named, no stable range
        first = [s for s in r.scores if s.rank == 1]
        assert r.winner is None and len(first) >= 2 and all(s.tied for s in first)
        assert len({(s.total, s.price_yuan) for s in first}) == 1
        return
    lo, hi = r.winner_stable_range
    assert lo <= pw <= hi
    for x in {lo, hi, (lo + hi) / 2}:
        # at every weight inside the range no bid beats the winner
        lines = ranking_at(bids, w, x)
        top = lines[0]
        if top != r.winner:
            # only a tie is allowed inside the range
            rest = Fraction(100) - Fraction(pw)
            f = (Fraction(100) - x) / rest
            bench = min(Fraction(b.price_yuan) for b in bids)

            def tot(b, bench=bench, x=x, f=f):
                return bench / Fraction(b.price_yuan) * x + f * (
                    Fraction(b.technical_points) + Fraction(b.service_points)
                )

            by = {b.bidder: b for b in bids}
            assert tot(by[top]) == tot(by[r.winner])
    # just outside the range (within the legal domain) someone else leads
    eps = Fraction(1, 1000)
    if hi < 100:
        assert ranking_at(bids, w, hi + eps)[0] != r.winner
    if lo > 30:
        assert ranking_at(bids, w, lo - eps)[0] != r.winner


# ----------------------------------------------------------------- comparison


def test_compare_counts_and_non_responsive_bids():
    units = [
        make_unit("U1"),
        make_unit("U2", pit_depth_available_mm=1000),
        make_unit("U3", headroom_available_mm=None),
    ]
    p1 = make_product(id="P1", **TIERED)
    p2 = make_product(id="P2", pit_mm=900)
    res = compare(
        units,
        [p1, p2],
        years=10,
        discount_rate="0.03",
        weights=TenderWeights(D(40), D(40), D(20)),
        scores={"P1": {"technical": 35, "service": 18}, "P2": {"technical": 30, "service": 15}},
    )
    s1, s2 = res.summaries
    assert (s1.fits, s1.misfits, s1.unknown) == (1, 1, 1)
    assert (s2.fits, s2.misfits, s2.unknown) == (2, 0, 1)
    assert s1.bulk.quantity == 2 and s2.bulk.quantity == 3
    assert res.lcc[1][0] is None and res.lcc[1][1] is not None
    assert res.tender.ranking == ["P2"]
    assert res.tender.excluded[0].bidder == "P1" and "U2" in res.tender.excluded[0].invalid_reason
    j = res.to_json()
    assert j["fit_matrix"] == [["fits", "fits"], ["misfit", "fits"], ["unknown", "unknown"]]


def test_compare_rejects_unknown_score_ids():
    with pytest.raises(InputError) as e:
        compare([make_unit()], [make_product()], weights=W, scores={"nope": {}})
    assert e.value.field == "scores.nope"


def test_trips_per_household_scales_electricity():
    p = make_product(standby_power_w=D(0), energy_per_trip_wh=D(20))
    a = life_cycle_cost(make_unit(households=12), p, trips_per_household_per_day=D(5))
    b = life_cycle_cost(make_unit(households=12), p, trips_per_day=D(60))
    assert a.trips_per_day == b.trips_per_day == 60
    assert a.electricity_yuan == b.electricity_yuan


tiers_st = st.lists(
    st.tuples(st.integers(2, 200), st.booleans(), st.integers(0, 60)),
    max_size=5,
    unique_by=lambda t: t[0],
)


@settings(max_examples=150, deadline=None)
@given(tiers_st, st.integers(0, 300), st.integers(0, 300))
def test_price_never_rises_with_quantity(raw, q1, q2):
    base = make_product().base_price_yuan
    # build a valid schedule: discounts that grow with quantity
    raw = sorted(raw)
    tiers, pct = [], 0
    for qty, as_price, step in raw:
        pct = min(pct + step, 95)
        tiers.append(
            VolumeTier(qty, unit_price_yuan=base * (100 - pct) / 100)
            if as_price
            else VolumeTier(qty, discount_percent=D(pct))
        )
    p = make_product(tiers=tuple(validate_tiers(tiers, base)))
    lo, hi = sorted((q1, q2))
    assert unit_price_yuan(p, hi) <= unit_price_yuan(p, lo) <= p.base_price_yuan
    b = bulk(p, hi)
    assert b.saving_yuan >= 0 and b.total_yuan + b.saving_yuan == b.single_price_yuan * hi


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1800, 3200),
    st.integers(1800, 3200),
    st.integers(600, 1600),
    st.integers(2500, 4200),
    st.integers(0, 500),
    st.integers(0, 500),
    st.integers(0, 500),
    st.integers(0, 500),
)
def test_more_space_never_breaks_a_fit(w, d, pit, head, dw, dd, dp, dh):
    p = make_product()
    small = make_unit(
        footprint_available_m=(D(w) / 1000, D(d) / 1000),
        pit_depth_available_mm=pit,
        headroom_available_mm=head,
    )
    big = make_unit(
        footprint_available_m=(D(w + dw) / 1000, D(d + dd) / 1000),
        pit_depth_available_mm=pit + dp,
        headroom_available_mm=head + dh,
    )
    if check_fit(small, p).fits:
        assert check_fit(big, p).fits
    # the verdict matches the four inequalities
    expected = w >= 2300 and d >= 2500 and pit >= 1200 and head >= 3600
    assert check_fit(small, p).fits is expected


def test_price_score_on_the_bid_price_only_life_cycle_cost_is_analysis():
    # P1 is cheaper to buy but costs far more to run: it still wins the legal price score,
    # and the life-cycle cost shows the difference as analysis
    units = [make_unit("U1")]
    p1 = make_product(
        id="P1",
        equipment_yuan=D(140000),
        standby_power_w=D(2000),
        maintenance_yuan_per_year=D(20000),
    )
    p2 = make_product(id="P2", standby_power_w=D(100), maintenance_yuan_per_year=D(3000))
    scores = {"P1": {"technical": 40, "service": 20}, "P2": {"technical": 40, "service": 20}}
    w = TenderWeights(D(40), D(40), D(20))
    sticker = compare(units, [p1, p2], weights=w, scores=scores)
    assert sticker.tender.winner == "P1"
    assert sticker.tender.benchmark_yuan == p1.base_price_yuan
    assert sticker.lcc[0][0].npv_yuan > sticker.lcc[0][1].npv_yuan
    assert sticker.to_json()["lcc"][0]["basis"] == "analysis"
    for basis in ("npv", "capital", "cheapest"):
        with pytest.raises(InputError) as e:
            compare(units, [p1, p2], weights=w, scores=scores, price_basis=basis)
        assert e.value.field == "--price-basis"
