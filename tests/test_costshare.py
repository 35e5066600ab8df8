"""Cost sharing against the worked examples of the domain reference §10 and hand sums."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction
from math import floor

import pytest
from test_costshare_builders import make_unit

from elevator_eval.costshare import METHOD_INFO, METHODS, compute_share
from elevator_eval.costshare_allocate import allocate
from elevator_eval.costshare_compare import compare_methods
from elevator_eval.costshare_subsidy import subsidy_total
from elevator_eval.costshare_tables import rule_set_subsidies
from elevator_eval.errors import InputError
from elevator_eval.unitfile import load_unit


def by_floor(result):
    out = {}
    for h in result.households:
        out.setdefault(h.floor, set()).add(h.share_yuan)
    return out


# ------------------------------------------------------------------ W1 Ningbo

W1_PERCENT = {"1": 0, "2": "1.5", "3": 4, "4": 9, "5": 15, "6": "20.5"}
W1_EXPECTED = {1: 0, 2: 4500, 3: 12000, 4: 27000, 5: 45000, 6: 61500}


def test_w1_ningbo_percent_per_household():
    u = make_unit(
        total_yuan=500000,
        subsidies=[{"type": "fixed", "yuan": 200000}],
        share={
            "method": "percent_by_household",
            "exempt_floors": [1],
            "percent_by_floor": W1_PERCENT,
        },
        annual={"maintenance": 4000, "electricity": 1200},
    )
    r = compute_share(u)
    assert r.subsidy_yuan == 200000 and r.owners_total_yuan == 300000
    assert by_floor(r) == {f: {D(v)} for f, v in W1_EXPECTED.items()}
    assert sum(h.share_yuan for h in r.households) == 300000
    # maintenance and electricity split in the same proportions (5,200 yuan a year)
    top = [h for h in r.households if h.floor == 6][0]
    assert top.annual_running_yuan == D("1066.00")  # 20.5 % of 5,200
    assert top.running_10y_yuan == D("10660.00")


def test_w1_via_shipped_percent_table():
    u = make_unit(
        total_yuan=500000,
        subsidies=[{"type": "fixed", "yuan": 200000}],
        share={
            "method": "percent_by_household",
            "exempt_floors": [1],
            "table": "ningbo-xiandai-jinbao",
        },
    )
    r = compute_share(u)
    assert by_floor(r) == {f: {D(v)} for f, v in W1_EXPECTED.items()}
    assert r.table == "ningbo-xiandai-jinbao"


# ------------------------------------------------------------------ W2 Xinmin


def test_w2_xinmin_village():
    # per floor 10/20/30/40 %, two households per floor → 5/10/15/20 % each
    u = make_unit(
        total_yuan=510000,
        share={
            "method": "percent_by_household",
            "exempt_floors": [1, 2],
            "percent_by_floor": {"3": 5, "4": 10, "5": 15, "6": 20},
        },
    )
    r = compute_share(u)
    assert by_floor(r) == {1: {0}, 2: {0}, 3: {25500}, 4: {51000}, 5: {76500}, 6: {102000}}


def test_w2_via_per_floor_table():
    u = make_unit(
        total_yuan=510000,
        share={
            "method": "percent_by_household",
            "exempt_floors": [1, 2],
            "table": "xinmin-village",
        },
    )
    assert by_floor(compute_share(u)) == {
        1: {0},
        2: {0},
        3: {25500},
        4: {51000},
        5: {76500},
        6: {102000},
    }


# ------------------------------------------------------------------ W4 stair count


def test_w4_stair_count_percentages():
    u = make_unit(per_floor=1, total_yuan=300000, share={"method": "stair_count"})
    r = compute_share(u)
    shares = [h.share_yuan for h in sorted(r.households, key=lambda h: h.floor)]
    assert shares == [0, 20000, 40000, 60000, 80000, 100000]
    pct = [round(Fraction(s) / 300000 * 100, 1) for s in shares]
    assert [float(p) for p in pct] == [0, 6.7, 13.3, 20, 26.7, 33.3]  # published
    assert [round(float(p)) for p in pct] == [0, 7, 13, 20, 27, 33]  # second source
    # the shipped stair-count table with coefficient_by_floor is the same split
    u2 = make_unit(
        per_floor=1,
        total_yuan=300000,
        share={"method": "coefficient_by_floor", "table": "stair-count"},
    )
    assert [h.share_yuan for h in compute_share(u2).households] == shares


# ------------------------------------------------------------------ W11–W13 subsidies


@pytest.mark.parametrize("cost,expected", [(500000, 200000), (700000, 280000), (800000, 280000)])
def test_w11_shanghai(cost, expected):
    u = make_unit(total_yuan=cost)
    u.subsidies = rule_set_subsidies("shanghai")
    total, lines = subsidy_total(u)
    assert total == expected
    assert lines[0].parts == {"city": D(expected) / 2, "district": D(expected) / 2}


@pytest.mark.parametrize("storeys,expected", [(5, 95000), (6, 100000), (7, 105000), (16, 150000)])
def test_w12_per_stop(storeys, expected):
    u = make_unit(storeys=storeys, per_floor=1)
    u.subsidies = rule_set_subsidies("per-stop-unnamed")
    assert subsidy_total(u)[0] == expected


def test_w12_reserved_shaft():
    u = make_unit(storeys=7, per_floor=1)
    u.site.extra["reserved_shaft"] = True
    u.subsidies = rule_set_subsidies("per-stop-unnamed")
    assert subsidy_total(u)[0] == 50000


def test_w13_xuzhou_tiers():
    u = make_unit(storeys=6)
    u.subsidies = rule_set_subsidies("xuzhou")
    total, lines = subsidy_total(u)
    assert total == 100000
    assert lines[0].parts == {"city": 50000, "district": 50000}
    assert subsidy_total(make_unit(storeys=5, per_floor=1, subsidies=u.subsidies))[0] == 80000
    assert subsidy_total(make_unit(storeys=3, per_floor=1, subsidies=u.subsidies))[0] == 0


def test_pipeline_and_sum_capped_by_total():
    items = {"equipment": 100000, "pipe_relocation": 60000}
    u = make_unit(items=items, subsidies=[{"type": "pipeline", "cap_yuan": 40000}])
    assert subsidy_total(u)[0] == 40000
    u = make_unit(
        items={"equipment": 10000, "pipe_relocation": 5000},
        subsidies=[{"type": "pipeline", "cap_yuan": 40000}],
    )
    assert subsidy_total(u)[0] == 5000
    u = make_unit(
        total_yuan=150000,
        subsidies=[{"type": "fixed", "yuan": 100000}, {"type": "fixed", "yuan": 80000}],
    )
    total, lines = subsidy_total(u)
    assert total == 150000 and sum(ln.amount_yuan for ln in lines) == 150000
    r = compute_share(u)
    assert r.owners_total_yuan == 0 and all(h.share_yuan == 0 for h in r.households)
    assert r.warnings


# ------------------------------------------------------------------ the spec's example unit


def _largest_remainder_by_hand(total: int, quotas: list[Fraction], floors: list[int]):
    """Independent reference: one unit at a time to the largest remaining fraction."""
    base = [floor(q) for q in quotas]
    left = total - sum(base)
    cands = sorted(
        range(len(quotas)), key=lambda i: (quotas[i] - base[i], floors[i], -i), reverse=True
    )
    for i in cands[:left]:
        base[i] += 1
    return base


def test_spec_example_unit_by_hand(example_unit_path):
    u = load_unit(example_unit_path)
    r = compute_share(u)
    assert r.total_yuan == 500000  # 180+60+120+60+40+20+20 thousand
    assert r.subsidy_yuan == 200000  # min(40 % × 500,000, 280,000)
    assert r.owners_total_yuan == 300000
    coef = {
        2: Fraction(3, 10),
        3: Fraction(7, 10),
        4: Fraction(8, 10),
        5: Fraction(9, 10),
        6: Fraction(1),
    }
    # areas 56.30 and 61.05 on every floor; floor 1 exempt
    weights = [
        Fraction(0) if h.floor == 1 else coef[h.floor] * Fraction(str(h.area_m2))
        for h in u.households
    ]
    wsum = sum(weights)
    assert wsum == Fraction("3.7") * Fraction("117.35")  # 434.195
    quotas = [300000 * w / wsum for w in weights]
    # e.g. household 201: 300,000 × 0.3 × 56.30 / 434.195 = 11,669.87…
    assert floor(quotas[2]) == 11669
    expected = _largest_remainder_by_hand(300000, quotas, [h.floor for h in u.households])
    assert [h.share_yuan for h in r.households] == expected
    assert sum(expected) == 300000
    assert r.households[0].share_yuan == 0 and r.households[1].share_yuan == 0
    # running cost 6,300 a year split in the same proportions, to the fen
    assert sum(h.annual_running_yuan for h in r.households) == 6300
    assert r.running_10y_total_yuan == 63000 and r.running_15y_total_yuan == 94500


# ------------------------------------------------------------------ allocation rules


def test_allocate_tie_goes_to_higher_floor_then_first_listed():
    # 10 yuan over three equal weights: 3.33… each, one leftover
    assert allocate(D(10), [1, 1, 1], D(1), [2, 3, 3]) == [3, 4, 3]
    assert allocate(D(10), [1, 1, 1], D(1), [3, 3, 2]) == [4, 3, 3]
    # two leftovers, remainders equal: highest floor, then the first listed of the rest
    assert allocate(D(11), [1, 1, 1], D(1), [2, 4, 2]) == [4, 4, 3]


def test_allocate_odd_amount_goes_with_first_leftover_unit():
    # 1,005 yuan in units of 10: 100 whole units over 3 equal weights, odd 5 yuan
    got = allocate(D(1005), [1, 1, 1], D(10), [1, 2, 3])
    assert sum(got) == 1005
    assert got == [330, 330, 345]  # floor 3 takes the leftover unit and the odd 5
    got = allocate(D("100.07"), [1, 1], D(1), [5, 5])
    assert got == [D("50.07"), 50]


def test_odd_amount_can_cross_the_order_by_less_than_one_unit():
    # spec §5: the odd 0.50 goes with the first leftover unit (largest remainder 0.95)
    assert allocate(D("2.5"), [95, 155], D(1), [2, 3]) == [D("1.5"), 1]
    assert allocate(D("2"), [95, 155], D(1), [2, 3]) == [1, 1]


def test_allocate_rounding_unit_100():
    got = allocate(D(300000), [1, 2, 4], D(100), [2, 3, 4])
    assert got == [42900, 85700, 171400]
    assert all(g % 100 == 0 for g in got)


def test_allocate_errors():
    with pytest.raises(InputError, match="share"):
        allocate(D(100), [0, 0], D(1), [1, 2])
    assert allocate(D(0), [0, 0], D(1), [1, 2]) == [0, 0]
    with pytest.raises(InputError, match="rounding"):
        allocate(D(100), [1], D(0), [1])


# ------------------------------------------------------------------ methods and input errors


def test_every_method_has_info():
    for m in METHODS:
        assert set(METHOD_INFO[m]) >= {"title_zh", "title_en", "source"}


@pytest.mark.parametrize("method", [m for m in METHODS if m != "percent_by_household"])
def test_each_method_adds_up_and_exempts(method, example_unit_path):
    u = load_unit(example_unit_path)
    r = compute_share(u, method)
    assert sum(h.share_yuan for h in r.households) == r.owners_total_yuan
    assert all(h.share_yuan == 0 for h in r.households if h.floor == 1)
    assert r.method == method


def test_unknown_method_names_field(example_unit_path):
    u = load_unit(example_unit_path)
    with pytest.raises(InputError) as e:
        compute_share(u, "by_mood")
    assert e.value.field == "share.method"


def test_percent_not_100_names_field():
    u = make_unit(
        share={
            "method": "percent_by_household",
            "exempt_floors": [1],
            "percent_by_floor": {"2": 1, "3": 4, "4": 9, "5": 15, "6": 20},
        }
    )
    with pytest.raises(InputError) as e:
        compute_share(u)
    assert e.value.field == "share.percent_by_floor"
    assert "not 100" in str(e.value)


def test_missing_coefficient_names_field():
    u = make_unit(
        share={
            "method": "floor_coefficient_area",
            "exempt_floors": [1],
            "coefficients": {"2": 0.3, "3": 0.7},
        }
    )
    with pytest.raises(InputError) as e:
        compute_share(u)
    assert e.value.field.startswith("share.coefficients")
    assert "floor 4" in str(e.value)


def test_default_table_when_no_share():
    u = make_unit(per_floor=1, total_yuan=390000)
    r = compute_share(u)
    assert r.method == "floor_coefficient_area" and r.table == "app-default"
    # Dongpu: floors 1–2 pay nothing, 3…6 → 0.7 : 0.8 : 0.9 : 1.0 (same area)
    assert sum(h.share_yuan for h in r.households) == 390000
    assert [h.share_yuan for h in r.households][:2] == [0, 0]
    q = [
        Fraction(390000) * c / Fraction("3.4")
        for c in (Fraction("0.7"), Fraction("0.8"), Fraction("0.9"), Fraction(1))
    ]
    assert [h.share_yuan for h in r.households][2:] == _largest_remainder_by_hand(
        390000, q, [3, 4, 5, 6]
    )


def test_share_table_used_when_no_coefficients():
    u = make_unit(
        per_floor=1,
        total_yuan=340000,
        share={"method": "coefficient_by_floor", "table": "guangzhou-dongpu"},
    )
    assert [h.share_yuan for h in compute_share(u).households] == [
        0,
        0,
        70000,
        80000,
        90000,
        100000,
    ]
    u = make_unit(per_floor=1, share={"method": "coefficient_by_floor", "table": "nope"})
    with pytest.raises(InputError) as e:
        compute_share(u)
    assert e.value.field == "share.table"


# ------------------------------------------------------------------ compensation


def test_compensation_per_household():
    u = make_unit(
        per_floor=1,
        total_yuan=150000,
        share={
            "method": "stair_count",
            "exempt_floors": [1],
            "compensation": {"mode": "per_household", "yuan": 15000, "floors": [1]},
        },
    )
    r = compute_share(u)
    assert r.compensation_pool_yuan == 15000
    # capital 150,000 over 1:2:3:4:5 → 10k…50k; pool 15,000 → 1k…5k
    assert [h.capital_yuan for h in r.households] == [0, 10000, 20000, 30000, 40000, 50000]
    assert [h.compensation_yuan for h in r.households] == [-15000, 1000, 2000, 3000, 4000, 5000]
    assert [h.share_yuan for h in r.households] == [-15000, 11000, 22000, 33000, 44000, 55000]
    assert sum(h.share_yuan for h in r.households) == r.owners_total_yuan
    assert r.households[0].net_out_of_pocket_yuan == -15000


def test_compensation_percent_of_total():
    u = make_unit(
        per_floor=2,
        total_yuan=300000,
        share={
            "method": "equal",
            "exempt_floors": [1],
            "compensation": {"mode": "percent_of_total", "percent": 5},
        },
    )
    r = compute_share(u)
    assert r.compensation_pool_yuan == 15000
    assert {h.compensation_yuan for h in r.households if h.floor == 1} == {-7500}
    assert {h.share_yuan for h in r.households if h.floor > 1} == {31500}
    assert sum(h.share_yuan for h in r.households) == 300000


def test_a_percent_compensation_pool_is_rounded_to_the_fen_once_for_every_engine():
    """2.5 % of an owners' total of 300,000.60 is 7,500.015 yuan: the pool is 7,500.02
    (half up, as a subsidy's amount), the ground floor receives exactly that, every share is
    in whole fen, and the consensus finder covers the same pool."""
    from elevator_eval.costshare_consensus import find_consensus

    u = make_unit(
        per_floor=1,
        total_yuan=D("300000.60"),
        share={
            "method": "stair_count",
            "rounding_yuan": "0.01",
            "exempt_floors": [1],
            "compensation": {"mode": "percent_of_total", "percent": "2.5", "floors": [1]},
        },
    )
    r = compute_share(u)
    assert r.compensation_pool_yuan == D("7500.02")
    assert r.households[0].compensation_yuan == D("-7500.02")
    assert all(h.share_yuan == h.share_yuan.quantize(D("0.01")) for h in r.households)
    assert sum(h.compensation_yuan for h in r.households) == 0
    for h in u.households:
        h.max_contribution_yuan = D(200000)
    assert find_consensus(u).to_cover_yuan == D("300000.60") + D("7500.02")


def test_compensation_errors():
    bad = [
        ({"mode": "bribe", "yuan": 1}, "share.compensation.mode"),
        ({"mode": "per_household"}, "share.compensation.yuan"),
        ({"mode": "percent_of_total", "percent": 120}, "share.compensation.percent"),
        ({"mode": "per_household", "yuan": 1, "floors": [9]}, "share.compensation.floors[0]"),
        ({"mode": "per_household", "yuan": 1, "floors": [3]}, "share.compensation.floors"),
    ]
    for comp, field in bad:
        u = make_unit(share={"method": "equal", "exempt_floors": [1], "compensation": comp})
        with pytest.raises(InputError) as e:
            compute_share(u)
        assert e.value.field == field


# ------------------------------------------------------------------ funding sources


def test_funding_sources():
    u = make_unit(
        per_floor=1,
        total_yuan=150000,
        share={
            "method": "stair_count",
            "exempt_floors": [1],
            "maintenance_fund": {"per_household_yuan": 5000, "approved": True},
        },
    )
    u.households[5].provident_fund_yuan = D(20000)  # floor 6: 50,000
    u.households[1].provident_fund_yuan = D(20000)  # floor 2: 10,000
    u.households[4].provident_fund_yuan = D(20000)  # floor 5, not eligible
    u.households[4].extra["provident_fund_eligible"] = False
    r = compute_share(u)
    h6, h2, h5 = r.households[5], r.households[1], r.households[4]
    assert (h6.maintenance_fund_yuan, h6.provident_fund_yuan, h6.net_out_of_pocket_yuan) == (
        5000,
        20000,
        25000,
    )
    assert (h2.maintenance_fund_yuan, h2.provident_fund_yuan, h2.net_out_of_pocket_yuan) == (
        5000,
        5000,
        0,
    )  # capped at the share
    assert (h5.provident_fund_yuan, h5.net_out_of_pocket_yuan) == (0, 35000)
    assert r.households[0].maintenance_fund_yuan == 0
    assert any("eligible" in w for w in r.warnings)
    for h in r.households:
        assert h.share_yuan == h.maintenance_fund_yuan + h.provident_fund_yuan + h.cash_yuan


def test_maintenance_fund_needs_a_decision():
    u = make_unit(per_floor=1, share={"method": "equal", "maintenance_fund": {"total_yuan": 60000}})
    r = compute_share(u)
    assert all(h.maintenance_fund_yuan == 0 for h in r.households)
    assert r.maintenance_fund_approved is False
    assert any("278" in w for w in r.warnings)
    u.share.extra["maintenance_fund"]["approved"] = True
    r = compute_share(u)
    assert sum(h.maintenance_fund_yuan for h in r.households) == 60000
    with pytest.raises(InputError) as e:
        compute_share(make_unit(share={"method": "equal", "maintenance_fund": {}}))
    assert e.value.field == "share.maintenance_fund"


# ------------------------------------------------------------------ running costs


def test_running_costs_discounted():
    u = make_unit(
        per_floor=1,
        total_yuan=100000,
        annual={"maintenance": 4000, "electricity": 1200, "inspection": 600, "insurance": 200},
        share={"method": "equal", "discount_rate": "0.05"},
    )
    r = compute_share(u)
    assert r.annual_running_total_yuan == 6000
    assert {h.annual_running_yuan for h in r.households} == {1000}
    # annuity factor 10 years at 5 %: (1 − 1.05^−10) / 0.05 = 7.72173…
    factor = sum(Fraction(1) / Fraction(105, 100) ** t for t in range(1, 11))
    exact = 6000 * factor
    assert abs(Fraction(r.running_10y_total_yuan) - exact) <= Fraction(1, 200)
    assert sum(h.running_10y_yuan for h in r.households) == r.running_10y_total_yuan
    assert r.running_15y_total_yuan < 6000 * 15
    with pytest.raises(InputError) as e:
        compute_share(make_unit(share={"method": "equal", "discount_rate": 3}))
    assert e.value.field == "share.discount_rate"


def test_running_method_differs_from_capital():
    u = make_unit(
        per_floor=1,
        total_yuan=150000,
        annual={"maintenance": 6000},
        share={"method": "stair_count", "exempt_floors": [1], "running_method": "equal"},
    )
    r = compute_share(u)
    assert r.running_method == "equal"
    assert [h.annual_running_yuan for h in r.households] == [0] + [1200] * 5
    assert [h.running_15y_yuan for h in r.households] == [0] + [18000] * 5
    with pytest.raises(InputError) as e:
        compute_share(make_unit(share={"method": "equal", "running_method": "x"}))
    assert e.value.field == "share.running_method"


# ------------------------------------------------------------------ methods side by side


def test_compare_methods(example_unit_path):
    u = load_unit(example_unit_path)
    cmp_ = compare_methods(u)
    names = [r.method for r in cmp_.rows]
    assert names == ["floor_coefficient_area", "coefficient_by_floor", "stair_count", "equal"]
    assert "percent_by_household" in cmp_.skipped
    for row in cmp_.rows:
        assert sum(row.shares_yuan.values()) == 300000
    stair = cmp_.rows[2]
    # floor 1 exempt; stair weights 1…5 → 2nd floor 10,000 each, top 50,000 each
    assert stair.top_vs_second_ratio == 5 and stair.top_minus_second_yuan == 40000
    assert stair.max_min_ratio == 5
    eq = cmp_.rows[3]
    assert eq.top_vs_second_ratio == 1 and eq.max_yuan == eq.min_yuan == 30000
    by_coef = cmp_.rows[1]
    assert by_coef.top_vs_second_ratio == Fraction(by_coef.shares_yuan["601"]) / Fraction(
        by_coef.shares_yuan["201"]
    )
    assert cmp_.to_json()["methods"][0]["method"] == "floor_coefficient_area"


def test_compare_includes_percent_when_given():
    u = make_unit(
        total_yuan=500000,
        subsidies=[{"type": "fixed", "yuan": 200000}],
        share={
            "method": "percent_by_household",
            "exempt_floors": [1],
            "percent_by_floor": W1_PERCENT,
            "coefficients": {str(f): 1 for f in range(2, 7)},
        },
    )
    cmp_ = compare_methods(u)
    assert [r.method for r in cmp_.rows][3] == "percent_by_household"
    row = cmp_.rows[3]
    assert row.top_vs_second_ratio == Fraction(61500, 4500)


def test_to_json_has_spec_keys(example_unit_path):
    data = compute_share(load_unit(example_unit_path)).to_json()
    assert {"unit", "total_yuan", "subsidy_yuan", "owners_total_yuan", "households"} <= set(data)
    assert set(data["households"][0]) >= {"id", "floor", "share_yuan"}
    assert data["unit"] == "XFL-3-2" and data["owners_total_yuan"] == 300000
