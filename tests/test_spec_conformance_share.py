"""Conformance to the unit-format contract §4 (subsidies) and §5 (cost sharing).

Black-box through the command line (``share … --json``), expected values by hand.
Helpers come from ``test_spec_conformance``.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from test_spec_conformance import assert_bad_input, clean_unit, cli, hh, is_num, sub, write


def share(
    tmp_path,
    households,
    *,
    total=None,
    items=None,
    subsidies=None,
    storeys=6,
    method_opt=None,
    **share_settings,
):
    """Run `share --json` on a unit built from the arguments; returns the JSON."""
    u = clean_unit(households)
    u["building"]["storeys"] = storeys
    u["costs"] = {"items_yuan": items} if items is not None else {"total_yuan": total}
    if subsidies is not None:
        u["subsidies"] = subsidies
    if share_settings:
        u["share"] = share_settings
    argv = ["--json"] + (["--method", method_opt] if method_opt else [])
    return cli("share", write(tmp_path, u), *argv).data


def shares(d) -> dict:
    return {h["id"]: h["share_yuan"] for h in d["households"]}


def exact_sum(d) -> Fraction:
    return sum((Fraction(str(h["share_yuan"])) for h in d["households"]), Fraction(0))


# =========================================================================== §4 subsidies

TWO = [hh("201", 2, 50), hh("301", 3, 50)]


@pytest.mark.parametrize(
    "subsidies, total, expected",
    [
        ([{"type": "fixed", "yuan": 50000}], 500000, 50000),
        ([{"type": "fixed", "yuan": "1234.56"}], 500000, Fraction("1234.56")),
        # min(40 % × 500000 = 200000, 280000)
        ([{"type": "percent_capped", "percent": 40, "cap_yuan": 280000}], 500000, 200000),
        # min(40 % × 500000 = 200000, 150000)
        ([{"type": "percent_capped", "percent": 40, "cap_yuan": 150000}], 500000, 150000),
        # 33 % × 100001 = 33000.33 exactly (under the cap)
        (
            [{"type": "percent_capped", "percent": 33, "cap_yuan": 90000}],
            100001,
            Fraction("33000.33"),
        ),
        # several rules add up: 10000 + 200000
        (
            [
                {"type": "fixed", "yuan": 10000},
                {"type": "percent_capped", "percent": 40, "cap_yuan": 280000},
            ],
            500000,
            210000,
        ),
        # the sum never exceeds the capital total: 300000 + 300000 → 500000
        ([{"type": "fixed", "yuan": 300000}, {"type": "fixed", "yuan": 300000}], 500000, 500000),
    ],
)
def test_subsidy_types(tmp_path, subsidies, total, expected):
    d = share(tmp_path, TWO, total=total, subsidies=subsidies, method="equal")
    assert Fraction(str(d["subsidy_yuan"])) == expected
    assert Fraction(str(d["owners_total_yuan"])) == total - expected
    assert exact_sum(d) == total - expected


@pytest.mark.parametrize(
    "storeys, expected",
    [
        (6, 100000),  # base
        (7, 110000),  # base + 1 step
        (4, 80000),  # base − 2 steps
        (9, 130000),
        (12, 150000),  # base + 6 steps = 160000, at most max 150000
    ],
)
def test_subsidy_per_stop(tmp_path, storeys, expected):
    """§4 per_stop: base ± step per stop above/below base_stops, stops = storeys, ≤ max."""
    rule = {
        "type": "per_stop",
        "base_yuan": 100000,
        "base_stops": 6,
        "step_yuan": 10000,
        "max_yuan": 150000,
    }
    d = share(tmp_path, TWO, total=500000, subsidies=[rule], storeys=storeys, method="equal")
    assert d["subsidy_yuan"] == expected
    assert d["owners_total_yuan"] == 500000 - expected


def test_subsidy_pipeline(tmp_path):
    """§4 pipeline: min(pipe_relocation cost, cap)."""
    items = {"equipment": 200000, "pipe_relocation": 40000}
    d = share(
        tmp_path,
        TWO,
        items=items,
        method="equal",
        subsidies=[{"type": "pipeline", "cap_yuan": 30000}],
    )
    assert (d["total_yuan"], d["subsidy_yuan"], d["owners_total_yuan"]) == (240000, 30000, 210000)
    d = share(
        tmp_path,
        TWO,
        items=items,
        method="equal",
        subsidies=[{"type": "pipeline", "cap_yuan": 50000}],
    )
    assert d["subsidy_yuan"] == 40000
    # no pipe_relocation line → nothing to subsidise
    d = share(
        tmp_path,
        TWO,
        items={"equipment": 200000},
        method="equal",
        subsidies=[{"type": "pipeline", "cap_yuan": 50000}],
    )
    assert d["subsidy_yuan"] == 0


def test_subsidies_capped_by_capital_total_all_shares_zero(tmp_path):
    """§4: subsidies above the capital total leave the owners 0; every share is 0."""
    d = share(
        tmp_path,
        TWO,
        items={"equipment": 100000, "pipe_relocation": 20000},
        subsidies=[{"type": "fixed", "yuan": 100000}, {"type": "pipeline", "cap_yuan": 40000}],
        method="equal",
    )
    # 100000 + min(20000, 40000) = 120000 = capital total exactly
    assert (d["total_yuan"], d["subsidy_yuan"], d["owners_total_yuan"]) == (120000, 120000, 0)
    assert shares(d) == {"201": 0, "301": 0}


# =========================================================================== §5 methods


def test_floor_coefficient_area_by_hand(tmp_path):
    """§5 floor_coefficient_area: coefficient × area, normalised; exempt floors pay 0."""
    hs = [hh("101", 1, 60), hh("201", 2, 50), hh("301", 3, 100)]
    d = share(
        tmp_path,
        hs,
        total=10000,
        method="floor_coefficient_area",
        exempt_floors=[1],
        coefficients={"1": 0.1, "2": 0.5, "3": 1.0},
    )
    # weights 0.5·50 = 25 and 1.0·100 = 100 → 10000·25/125 = 2000, 10000·100/125 = 8000
    assert shares(d) == {"101": 0, "201": 2000, "301": 8000}


def test_floor_coefficient_area_decimal_areas(tmp_path):
    """Areas 56.30 and 61.05 with coefficients 0.3 / 1.0, 1000 yuan."""
    hs = [hh("201", 2, "56.30"), hh("601", 6, "61.05")]
    d = share(
        tmp_path,
        hs,
        total=1000,
        method="floor_coefficient_area",
        coefficients={"2": "0.3", "6": "1.0"},
    )
    # weights 16.89 and 61.05, sum 77.94: quotas 1000·16.89/77.94 = 216.705…,
    # 1000·61.05/77.94 = 783.294… → 216 + 783 = 999, leftover 1 → larger remainder 0.705
    assert Fraction(1000) * Fraction("16.89") / Fraction("77.94") > Fraction("216.7")
    assert shares(d) == {"201": 217, "601": 783}


def test_coefficient_by_floor_ignores_area(tmp_path):
    hs = [hh("201", 2, 40), hh("301", 3, 120)]
    d = share(
        tmp_path, hs, total=1000, method="coefficient_by_floor", coefficients={"2": 1, "3": 3}
    )
    assert shares(d) == {"201": 250, "301": 750}  # 1000 · 1/4, 1000 · 3/4


def test_stair_count_and_largest_remainder(tmp_path):
    """§5 stair_count: weight floor − 1; leftover to the largest remainder (not the top)."""
    hs = [hh("101", 1, 50), hh("201", 2, 50), hh("301", 3, 50), hh("401", 4, 50)]
    d = share(tmp_path, hs, total=100, method="stair_count")
    # weights 0, 1, 2, 3 (floor 1 climbs nothing and pays 0 without being exempt);
    # quotas 16.67, 33.33, 50 → 16 + 33 + 50 = 99; leftover 1 → remainder 2/3 (floor 2)
    assert shares(d) == {"101": 0, "201": 17, "301": 33, "401": 50}


def test_equal_and_exempt(tmp_path):
    hs = [hh("101", 1, 50), hh("102", 1, 70), hh("201", 2, 50), hh("301", 3, 80)]
    d = share(tmp_path, hs, total=900, method="equal", exempt_floors=[1])
    assert shares(d) == {"101": 0, "102": 0, "201": 450, "301": 450}
    assert [h["id"] for h in d["households"]] == ["101", "102", "201", "301"]


def test_percent_by_household_is_per_household(tmp_path):
    """§5 percent_by_household: the floor's percent is paid by *each* household on it."""
    hs = [hh("101", 1, 50), hh("201", 2, 50), hh("202", 2, 50), hh("301", 3, 50)]
    # 25 + 25 + 50 = 100 over all households; floor 1 exempt (no percent)
    d = share(
        tmp_path,
        hs,
        total=1000,
        method="percent_by_household",
        exempt_floors=[1],
        percent_by_floor={"2": 25, "3": 50},
    )
    assert shares(d) == {"101": 0, "201": 250, "202": 250, "301": 500}
    # odd percents with 0.01-yuan units: 33.34 + 33.33 + 33.33 = 100
    hs = [hh("201", 2, 50), hh("301", 3, 50), hh("302", 3, 50)]
    d = share(
        tmp_path,
        hs,
        total=100,
        method="percent_by_household",
        rounding_yuan=0.01,
        percent_by_floor={"2": "33.34", "3": "33.33"},
    )
    assert {k: Fraction(str(v)) for k, v in shares(d).items()} == {
        "201": Fraction("33.34"),
        "301": Fraction("33.33"),
        "302": Fraction("33.33"),
    }


@pytest.mark.parametrize(
    "pbf",
    [
        {"2": 50, "3": 50},  # per floor it would be 100, per household 150
        {"2": 20, "3": 30},  # 20 + 20 + 30 = 70
        {"2": "33.33", "3": "33.33"},  # 99.99
    ],
)
def test_percent_not_100_exit_2(tmp_path, pbf):
    hs = [hh("201", 2, 50), hh("202", 2, 50), hh("301", 3, 50)]
    u = clean_unit(hs)
    u["share"] = {"method": "percent_by_household", "percent_by_floor": pbf}
    assert_bad_input(cli("share", write(tmp_path, u), "--json"), "percent_by_floor")


def test_percent_subprocess(tmp_path):
    hs = [hh("201", 2, 50), hh("202", 2, 50), hh("301", 3, 50)]
    u = clean_unit(hs)
    u["share"] = {"method": "percent_by_household", "percent_by_floor": {"2": 30, "3": 30}}
    assert_bad_input(sub("share", write(tmp_path, u), "--json"), "percent_by_floor")


def test_method_option_overrides_file(tmp_path):
    """§2 --method NAME overrides share.method; exempt floors still pay 0."""
    hs = [hh("101", 1, 50), hh("201", 2, 50), hh("301", 3, 150)]
    d = share(
        tmp_path,
        hs,
        total=1200,
        method="floor_coefficient_area",
        exempt_floors=[1],
        coefficients={"2": 1, "3": 1},
        method_opt="equal",
    )
    assert shares(d) == {"101": 0, "201": 600, "301": 600}
    d = share(
        tmp_path,
        hs,
        total=1200,
        method="equal",
        exempt_floors=[1],
        coefficients={"2": 1, "3": 1},
        method_opt="floor_coefficient_area",
    )
    assert shares(d) == {"101": 0, "201": 300, "301": 900}  # 50 : 150
    # percent_by_household without percents → bad input
    u = clean_unit(hs)
    u["share"] = {"method": "equal"}
    r = cli("share", write(tmp_path, u), "--method", "percent_by_household", "--json")
    assert_bad_input(r, "percent_by_floor")


def test_method_option_on_the_example(example_unit_path):
    # equal over the 10 paying households of floors 2–6: 300000 / 10 = 30000 each
    d = cli("share", example_unit_path, "--method", "equal", "--json").data
    assert {h["id"]: h["share_yuan"] for h in d["households"]} == {
        "101": 0,
        "102": 0,
        **{f"{f}0{k}": 30000 for f in range(2, 7) for k in (1, 2)},
    }
    # stair count: weights 1,1,2,2,3,3,4,4,5,5 (sum 30) → 10000 per storey climbed
    d = cli("share", example_unit_path, "--method", "stair_count", "--json").data
    assert {h["id"]: h["share_yuan"] for h in d["households"]} == {
        "101": 0,
        "102": 0,
        **{f"{f}0{k}": 10000 * (f - 1) for f in range(2, 7) for k in (1, 2)},
    }


# =========================================================================== §5 money


def test_ties_go_to_higher_floor_then_first_listed(tmp_path):
    """§5: equal remainders → higher floor, then the household listed first."""
    # 100 over three equal weights: 33 each + 1 leftover; tie → floor 3, first listed (b)
    hs = [hh("a", 2, 50), hh("b", 3, 50), hh("c", 3, 50)]
    assert shares(share(tmp_path, hs, total=100, method="equal")) == {"a": 33, "b": 34, "c": 33}
    # the listing order decides between equal floors
    hs = [hh("a", 2, 50), hh("c", 3, 50), hh("b", 3, 50)]
    assert shares(share(tmp_path, hs, total=100, method="equal")) == {"a": 33, "c": 34, "b": 33}
    # the higher floor wins even when listed last
    hs = [hh("x", 3, 50), hh("y", 5, 50)]
    assert shares(share(tmp_path, hs, total=101, method="equal")) == {"x": 50, "y": 51}
    hs = [hh("y", 5, 50), hh("x", 3, 50)]
    assert shares(share(tmp_path, hs, total=101, method="equal")) == {"y": 51, "x": 50}
    # two leftovers: 101 / 3 = 33.67 → both floor-3 households get one
    hs = [hh("a", 2, 50), hh("b", 3, 50), hh("c", 3, 50)]
    assert shares(share(tmp_path, hs, total=101, method="equal")) == {"a": 33, "b": 34, "c": 34}


@pytest.mark.parametrize(
    "rounding, total, expected",
    [
        # 1000 / 10 = 100 units / 3 = 33.33 → 33,33,33 + 1 to floor 4
        (10, 1000, ("330", "330", "340")),
        # 1000 / 100 = 10 units → 3,3,3 + 1 to floor 4
        (100, 1000, ("300", "300", "400")),
        # 100 / 0.01 = 10000 units → 3333 each + 1 to floor 4
        (0.01, 100, ("33.33", "33.33", "33.34")),
        ("0.01", 100, ("33.33", "33.33", "33.34")),
        # 100 / 0.5 = 200 units → 66 each + 2 to floors 4, 3
        (0.5, 100, ("33", "33.5", "33.5")),
        # 1 yuan default
        (None, 100, ("33", "33", "34")),
    ],
)
def test_rounding_units(tmp_path, rounding, total, expected):
    """§5: every share is a multiple of rounding_yuan; shares add up exactly."""
    hs = [hh("201", 2, 50), hh("301", 3, 50), hh("401", 4, 50)]
    kw = {"method": "equal"}
    if rounding is not None:
        kw["rounding_yuan"] = rounding
    d = share(tmp_path, hs, total=total, **kw)
    got = [Fraction(str(h["share_yuan"])) for h in d["households"]]
    assert got == [Fraction(e) for e in expected]
    unit = Fraction(str(rounding if rounding is not None else 1))
    assert all((g / unit).denominator == 1 for g in got)
    assert sum(got) == total
    assert all(is_num(h["share_yuan"]) for h in d["households"])


def test_odd_amount_goes_with_the_first_leftover_unit(tmp_path):
    """§5: owners' total not a multiple of rounding_yuan → the odd amount goes with the
    first leftover unit (largest remainder, higher floor, listed first)."""
    hs = [hh("201", 2, 50), hh("301", 3, 50), hh("401", 4, 50)]
    # 101.50 in 1-yuan units: 101 whole units / 3 → 33 each, leftover 2 → floors 4, 3;
    # the odd 0.50 goes with the first leftover unit (floor 4): 33, 34, 34.50
    d = share(tmp_path, hs, total="101.50", method="equal")
    assert [Fraction(str(h["share_yuan"])) for h in d["households"]] == [33, 34, Fraction("34.5")]
    assert exact_sum(d) == Fraction("101.5")
    # 1005 in 10-yuan units: 100 units / 3 → 33 each + 1 → floor 4; odd 5 with it:
    # 330, 330, 345
    d = share(tmp_path, hs, total=1005, method="equal", rounding_yuan=10)
    assert shares(d) == {"201": 330, "301": 330, "401": 345}
    # a subsidy leaving cents: 33 % of 1001 = 330.33 → owners 670.67 over 2 equal:
    # 670 whole units → 335 each, no leftover; odd 0.67 to the first in the order (floor 3)
    d = share(
        tmp_path,
        [hh("201", 2, 50), hh("301", 3, 50)],
        total=1001,
        method="equal",
        subsidies=[{"type": "percent_capped", "percent": 33, "cap_yuan": 1000}],
    )
    assert Fraction(str(d["owners_total_yuan"])) == Fraction("670.67")
    assert {k: Fraction(str(v)) for k, v in shares(d).items()} == {
        "201": 335,
        "301": Fraction("335.67"),
    }


def test_every_household_listed_with_its_floor(tmp_path):
    """§2 share: every household appears (exempt ones too) with id, floor, share_yuan."""
    hs = [hh(f"{f}0{k}", f, 50 + k) for f in range(1, 7) for k in (1, 2, 3)]
    d = share(
        tmp_path,
        hs,
        total=99999,
        method="floor_coefficient_area",
        exempt_floors=[1, 2],
        coefficients={"1": 0, "2": 0, "3": 1, "4": 1.2, "5": 1.4, "6": 1.6},
    )
    assert [(h["id"], h["floor"]) for h in d["households"]] == [(x["id"], x["floor"]) for x in hs]
    assert exact_sum(d) == 99999
    assert all(h["share_yuan"] == 0 for h in d["households"] if h["floor"] <= 2)
    assert all(h["share_yuan"] > 0 for h in d["households"] if h["floor"] >= 3)


# =========================================================================== §4 rounding


@pytest.mark.parametrize(
    "rule, total, expected",
    [
        # 33.333 % × 500001 = 166665.33333 → 166665.33 (fen, half up)
        (
            {"type": "percent_capped", "percent": "33.333", "cap_yuan": 300000},
            500001,
            Fraction("166665.33"),
        ),
        # 12.5 % × 100.1 = 12.5125 → 12.51 (the third decimal 2 rounds down)
        (
            {"type": "percent_capped", "percent": "12.5", "cap_yuan": 1000},
            "100.1",
            Fraction("12.51"),
        ),
        # 12.5 % × 100.02 = 12.5025 → 12.50
        (
            {"type": "percent_capped", "percent": "12.5", "cap_yuan": 1000},
            "100.02",
            Fraction("12.5"),
        ),
        # exactly half a fen rounds up: 50 % × 0.05 → 0.025 → 0.03 (not 0.02, banker's)
        ({"type": "percent_capped", "percent": 50, "cap_yuan": 1}, "0.05", Fraction("0.03")),
        # 0.5 % × 3 = 0.015 → 0.02 (half up)
        ({"type": "percent_capped", "percent": "0.5", "cap_yuan": 1}, 3, Fraction("0.02")),
        # a fixed amount given in thousandths is rounded too: 1234.565 → 1234.57
        ({"type": "fixed", "yuan": "1234.565"}, 500000, Fraction("1234.57")),
    ],
)
def test_each_rule_rounded_to_the_fen_half_up(tmp_path, rule, total, expected):
    """§4: each rule's amount is rounded to the fen, half up, before summing/capping."""
    d = share(tmp_path, TWO, total=total, subsidies=[rule], method="equal", rounding_yuan="0.01")
    assert Fraction(str(d["subsidy_yuan"])) == expected
    assert Fraction(str(d["owners_total_yuan"])) == Fraction(str(total)) - expected
    assert exact_sum(d) == Fraction(str(total)) - expected


def test_rounding_happens_per_rule_before_summing(tmp_path):
    """Two rules of 0.005 each: each rounds to 0.01 → 0.02 (rounding the sum would give 0.01)."""
    rule = {"type": "percent_capped", "percent": "0.5", "cap_yuan": 10}  # 0.5 % × 1 = 0.005
    d = share(tmp_path, TWO, total=1, subsidies=[rule, rule], method="equal", rounding_yuan="0.01")
    assert Fraction(str(d["subsidy_yuan"])) == Fraction("0.02")


def test_issue_example_500001_yuan_33333_percent(tmp_path):
    """33.333 % of 500,001 yuan over 12 households paying equally, 1-yuan units.

    Subsidy 166665.33333 → 166665.33; owners' total 333335.67. Quota per household
    333335.67 / 12 = 27777.9725 units: 27777 each (333324), 11 whole units left over. All
    remainders tie (0.9725), so the units go by higher floor, then listed first: every
    household but the second on floor 1 gets one. The odd 0.67 goes to the first in that
    order, the first household on floor 6.
    """
    hs = [hh(f"{f}0{k}", f, 60) for f in range(1, 7) for k in (1, 2)]
    d = share(
        tmp_path,
        hs,
        total=500001,
        method="equal",
        subsidies=[{"type": "percent_capped", "percent": "33.333", "cap_yuan": 300000}],
    )
    assert Fraction(str(d["subsidy_yuan"])) == Fraction("166665.33")
    assert Fraction(str(d["owners_total_yuan"])) == Fraction("333335.67")
    got = {k: Fraction(str(v)) for k, v in shares(d).items()}
    expected = {f"{f}0{k}": Fraction(27778) for f in range(1, 7) for k in (1, 2)}
    expected["601"] = Fraction("27778.67")
    expected["102"] = Fraction(27777)
    assert got == expected
    assert exact_sum(d) == Fraction("333335.67")


def test_quota_includes_the_fraction_of_a_unit(tmp_path):
    """§5 precisely: the quota is (owners' total ÷ rounding) × w ÷ Σw on the exact amount.

    10.90 yuan over weights 1 : 1 : 1 (equal) in 1-yuan units: quotas 10.90 / 3 = 3.6333…
    each (not 10 / 3 = 3.333…): whole 3 each (9), leftover 1 whole unit → floor 4 (tie → higher
    floor); odd 0.90 → the same household (first in the order): 3, 3, 4.90.
    With weights 2 : 1 (stair_count floors 3 and 2): quotas 7.2667 and 3.6333 → 7 + 3 = 10,
    no whole unit left; remainders 0.2667 vs 0.6333 → floor 2 is first; odd 0.90 → floor 2.
    """
    hs = [hh("201", 2, 50), hh("301", 3, 50), hh("401", 4, 50)]
    d = share(tmp_path, hs, total="10.90", method="equal")
    assert [Fraction(str(h["share_yuan"])) for h in d["households"]] == [3, 3, Fraction("4.9")]
    hs = [hh("201", 2, 50), hh("301", 3, 50)]
    d = share(tmp_path, hs, total="10.90", method="stair_count")
    # weights 1 (floor 2) and 2 (floor 3)
    assert {k: Fraction(str(v)) for k, v in shares(d).items()} == {"201": Fraction("3.9"), "301": 7}
