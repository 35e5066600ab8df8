"""Pre-installation valuation: hand computations, properties, Monte Carlo against the exact
expectation, the data file, overrides and the consent outlook."""

from __future__ import annotations

import json
import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elevator_eval import preinstall as P
from elevator_eval.errors import InputError
from elevator_eval.model import BuildingInfo, Costs, Household, Project, Site, Unit
from elevator_eval.ruledata import shipped_names
from elevator_eval.unitfile import load_unit

# Fixed cost lines so that the hand computations do not depend on the shipped defaults:
# pipe relocation 40,000 + pit 20,000 + foundation 30,000 + power 10,000 = C_now 100,000.
LINES = {
    "pipe_relocation": Decimal(40000),
    "pit": Decimal(20000),
    "foundation": Decimal(30000),
    "power_capacity": Decimal(10000),
}
EXTRAS = {
    "mobilisation": {"low": 15000, "mode": 15000, "high": 15000},
    "surface_restoration": {"low": 20000, "mode": 20000, "high": 20000},
    "disruption": {"low": 5000, "mode": 5000, "high": 5000},
}  # X = 40,000


def _households(votes, affected=()):
    return [
        Household(
            id=f"{f}0{k}",
            floor=f,
            area_m2=Decimal("60.00"),
            vote=votes[(f - 1) * 2 + (k - 1)],
            exclusive_part_affected=f"{f}0{k}" in affected,
        )
        for f in range(1, 7)
        for k in (1, 2)
    ]


def make_unit(uid="U1", votes=None, affected=(), preinstall=None, lines=LINES, pipes=("water",)):
    votes = votes or ["yes"] * 12
    u = Unit(
        id=uid,
        building=BuildingInfo(year_built=1995, storeys=6),
        site=Site(pipes_in_footprint=None if pipes is None else list(pipes)),
        households=_households(votes, affected),
        costs=Costs(items_yuan=dict(lines or {})),
    )
    if preinstall is not None:
        u.extra["preinstall"] = preinstall
    return u


ONE_PRODUCT = {"products": [{"key": "standard", "pit_mm": 1100, "probability": 1}]}
"""The later product needs the pit as pre-built: no pit rework (for hand computation)."""


def fixed(extra=None, *, g=0.03, r=0.04, hazard=None, salvage=0, horizon=10):
    """Overrides with every range collapsed to one value (for hand computation)."""
    d = {
        "later_extra_yuan": EXTRAS,
        "pit": ONE_PRODUCT,
        "escalation_per_year": {"low": g, "mode": g, "high": g},
        "discount_rate": {"low": r, "mode": r, "high": r},
        "unit_estimate_spread": {"low": 1, "high": 1},
        "salvage_share": {"value": salvage},
        "horizon_years": {"value": horizon},
    }
    if hazard is not None:
        d["hazard"] = hazard
    if extra:
        d.update(extra)
    return d


# ------------------------------------------------------------------ hand computations


def test_consent_certain_next_year_hand_computed():
    u = make_unit(preinstall=fixed(hazard=1))
    r = P.evaluate(u, draws=1000)
    # C_now = 100,000; the pre-works and the extras both escalate (nominal prices):
    # C_later(1) = (100,000 + 40,000) × 1.03 = 144,200; saving = 144,200 / 1.04 − 100,000
    # = 38,653.85 → 38,654
    assert r.cost_now_yuan == Decimal(100000)
    assert r.cost_later_by_year_yuan[0] == Decimal(144200)
    assert r.expected_saving_yuan == Decimal(38654)
    assert r.most_likely.net_saving_yuan == Decimal(38654)
    assert r.expected_waste_yuan == 0
    assert r.probability_by_year[0] == 1 and r.probability_within_horizon == 1
    assert r.pays_off
    # with no uncertainty left every draw is the same number
    assert r.monte_carlo.mean_yuan == Decimal(38654)
    assert r.monte_carlo.p10_yuan == r.monte_carlo.p90_yuan == Decimal(38654)
    assert r.monte_carlo.p10_interval_yuan == (Decimal(38654), Decimal(38654))
    assert r.mean_saving_yuan == Decimal(38654)


def test_consent_in_year_two_hand_computed():
    u = make_unit(preinstall=fixed(hazard=[0, 1]))
    r = P.evaluate(u, with_monte_carlo=False, with_tornado=False)
    # C_later(2) = 140,000 × 1.03² = 148,526; / 1.04² = 137,320.64…
    assert r.expected_saving_yuan == Decimal(round(148526 / 1.04**2 - 100000))
    assert r.expected_saving_yuan == Decimal(37321)


def test_probability_zero_loses_the_pre_works_cost():
    u = make_unit(preinstall=fixed(hazard=0))
    r = P.evaluate(u, draws=2000)
    assert r.expected_saving_yuan == Decimal(-100000)
    assert r.expected_waste_yuan == Decimal(100000)
    assert r.probability_within_horizon == 0
    assert r.monte_carlo.p50_yuan == Decimal(-100000)
    assert r.monte_carlo.probability_pays_off == 0
    assert r.monte_carlo.probability_never == 1
    assert not r.pays_off


def test_salvage_is_escalated_and_discounted_from_the_horizon():
    # no elevator in 10 years: a quarter of the pre-works keeps its value, at the prices of
    # year 10 and discounted from year 10: 25,000 × (1.03 / 1.04)^10 = 22,697.54…
    u = make_unit(preinstall=fixed(hazard=0, salvage=0.25))
    r = P.evaluate(u, with_monte_carlo=False, with_tornado=False)
    salvage = 25000 * 1.03**10 / 1.04**10
    assert r.expected_saving_yuan == Decimal(round(salvage - 100000)) == Decimal(-77302)
    assert r.expected_waste_yuan == Decimal(77302)
    assert r.expected.probability_of_waste == 1
    assert r.expected.loss_if_wasted_yuan == Decimal(77302)
    s, _ = P.simulate_savings(P.build_inputs(u), 100, 0)
    assert s.min() == pytest.approx(salvage - 100000) == s.max()


def test_constant_hazard_expected_saving_hand_computed():
    # h = 0.5, H = 2, g = 0, r = 0: P(1) = 0.5, P(2) = 0.25, never 0.25;
    # E[S] = 0.75 × 140,000 − 100,000 = 5,000; waste = 0.25 × 100,000
    # (the hazard given by the user is still Beta-distributed around 0.5 in the expectation,
    # so this hand computation fixes it: concentration 0)
    u = make_unit(
        preinstall=fixed({"consent_hazard": {"concentration": 0}}, hazard=0.5, g=0, r=0, horizon=2)
    )
    r = P.evaluate(u, with_monte_carlo=False, with_tornado=False)
    assert r.probability_by_year == [Decimal("0.5"), Decimal("0.25")]
    assert r.expected_saving_yuan == Decimal(5000)
    assert r.expected_waste_yuan == Decimal(25000)
    # break-even: 140,000 (1 − (1 − h)²) = 100,000 → (1 − h)² = 2/7
    assert float(r.break_even_hazard) == pytest.approx(1 - math.sqrt(2 / 7), abs=1e-4)
    assert float(r.break_even_probability) == pytest.approx(5 / 7, abs=1e-4)


def test_break_even_is_a_root_and_none_when_never_worth_it():
    u = make_unit(preinstall=fixed(hazard=0.2))
    inp = P.build_inputs(u)
    h = P.break_even_hazard(inp)
    assert 0 < h < 1
    assert P.expected_saving(inp, hazard=h) == pytest.approx(0, abs=1e-3)
    assert P.expected_saving(inp, hazard=h * 0.9) < 0 < P.expected_saving(inp, hazard=h * 1.1)
    # no extras, no escalation, positive discount rate: doing it now never pays
    never = make_unit(
        preinstall=fixed(
            {"later_extra_yuan": {k: {"low": 0, "mode": 0, "high": 0} for k in EXTRAS}},
            g=0,
            r=0.04,
            hazard=1,
        )
    )
    r = P.evaluate(never, with_monte_carlo=False)
    assert r.break_even_hazard is None and r.break_even_probability is None
    assert r.expected_saving_yuan == Decimal(round(100000 / 1.04 - 100000))


def test_beta_hazard_expectation_by_hand():
    # h ~ Beta(1, 1) (mean 0.5, concentration 2), H = 2, g = r = 0:
    # E[P(1)] = E[h] = 1/2; E[P(2)] = E[h(1−h)] = 1/6; E[P(never)] = E[(1−h)²] = 1/3
    # E[S] = (1/2 + 1/6) × 140,000 − 100,000 = −6,666.67; the most likely case (h = 0.5)
    # gives 5,000 as above: the mean and the most likely case differ by Jensen's inequality
    u = make_unit(
        preinstall=fixed({"consent_hazard": {"concentration": 2}}, hazard=0.5, g=0, r=0, horizon=2)
    )
    r = P.evaluate(u, with_monte_carlo=False, with_tornado=False)
    assert r.probability_by_year == [Decimal("0.5"), Decimal("0.1667")]
    assert r.expected_saving_yuan == Decimal(-6667) and not r.pays_off
    assert r.expected.probability_of_waste == Decimal("0.3333")
    assert r.expected_waste_yuan == Decimal(33333)
    assert r.most_likely.net_saving_yuan == Decimal(5000) and r.most_likely.pays_off


# -------------------------------------------------------------------------- properties


@settings(max_examples=100, deadline=None)
@given(h1=st.floats(0, 1), h2=st.floats(0, 1), g=st.floats(0, 0.04), r=st.floats(0.04, 0.1))
def test_saving_rises_with_the_probability_of_consent(h1, h2, g, r):
    inp = P.build_inputs(make_unit(preinstall=fixed(g=g, r=r)))
    lo, hi = sorted((h1, h2))
    assert P.expected_saving(inp, hazard=lo) <= P.expected_saving(inp, hazard=hi) + 1e-6


@settings(max_examples=100, deadline=None)
@given(g1=st.floats(-0.05, 0.2), g2=st.floats(-0.05, 0.2), h=st.floats(0.01, 1))
def test_saving_rises_with_escalation(g1, g2, h):
    lo, hi = sorted((g1, g2))
    s_lo = P.expected_saving(P.build_inputs(make_unit(preinstall=fixed(g=lo))), hazard=h)
    s_hi = P.expected_saving(P.build_inputs(make_unit(preinstall=fixed(g=hi))), hazard=h)
    assert s_lo <= s_hi + 1e-6


@settings(max_examples=60, deadline=None)
@given(hz=st.lists(st.floats(0, 1), min_size=1, max_size=30))
def test_arrival_probabilities_add_up_to_one(hz):
    probs, never = P.arrival_probabilities(hz)
    assert all(p >= 0 for p in probs) and never >= 0
    assert sum(probs) + never == pytest.approx(1.0, abs=1e-12)


# -------------------------------------------------------------------------- Monte Carlo


def test_monte_carlo_mean_matches_the_exact_expectation():
    # a unit still needing votes: Beta hazard, triangular costs and escalation
    votes = ["yes"] * 6 + [None] * 6
    inp = P.build_inputs(make_unit(votes=votes, lines=None, pipes=("gas", "water")))
    assert 0 < inp.consent.hazard < 1 and inp.consent.concentration > 0
    s, came = P.simulate_savings(inp, 200_000, seed=11)
    mean, se = float(s.mean()), float(s.std(ddof=1)) / math.sqrt(len(s))
    exact = P.mean_saving(inp)
    assert abs(mean - exact) < 3 * se
    # the consent part alone: share of draws where the elevator never came
    _, never = P.expected_arrival(inp.consent, inp.horizon_years)
    assert abs(float((~came).mean()) - never) < 3 * math.sqrt(never * (1 - never) / len(s))


def test_monte_carlo_with_a_given_yearly_hazard_list():
    inp = P.build_inputs(make_unit(preinstall={"hazard": [0.1, 0.3, 0.6]}))
    s, _ = P.simulate_savings(inp, 100_000, seed=5)
    se = float(s.std(ddof=1)) / math.sqrt(len(s))
    assert abs(float(s.mean()) - P.mean_saving(inp)) < 3 * se


def test_same_seed_same_numbers_other_seed_other_numbers():
    inp = P.build_inputs(make_unit(votes=["yes"] * 7 + ["no"] * 5))
    a = P.monte_carlo(inp, 20_000, seed=42)
    b = P.monte_carlo(inp, 20_000, seed=42)
    c = P.monte_carlo(inp, 20_000, seed=43)
    assert a == b
    assert a.mean_yuan != c.mean_yuan
    assert a.p10_yuan <= a.p50_yuan <= a.p90_yuan
    assert sum(a.histogram_counts) == 20_000


def test_bad_draws_and_seed_name_the_field():
    inp = P.build_inputs(make_unit())
    with pytest.raises(InputError) as e:
        P.simulate_savings(inp, 1, 0)
    assert e.value.field == "--draws"
    with pytest.raises(InputError) as e:
        P.simulate_savings(inp, 100, -1)
    assert e.value.field == "--seed"


# ------------------------------------------------------------------------------ tornado


def test_tornado_ranks_by_swing_and_hits_the_right_values():
    inp = P.build_inputs(make_unit(votes=["yes"] * 7 + [None] * 5))
    t = P.tornado(inp)
    swings = [b.swing_yuan for b in t.bars]
    assert swings == sorted(swings, reverse=True)
    assert t.base_yuan == Decimal(round(P.most_likely_saving(inp)))
    keys = {b.key for b in t.bars}
    assert {"escalation", "discount_rate", "hazard", "now:pit", "later:mobilisation"} <= keys
    pit = next(b for b in t.bars if b.key == "now:pit")
    # the pit line of the unit is 20,000 with the default spread 0.8 / 1.3
    assert (pit.low_input, pit.high_input) == (16000.0, 26000.0)
    hz = next(b for b in t.bars if b.key == "hazard")
    assert hz.low_input < inp.consent.hazard < hz.high_input
    assert hz.saving_at_low_yuan < hz.saving_at_high_yuan
    esc = next(b for b in t.bars if b.key == "escalation")
    assert esc.saving_at_low_yuan < esc.saving_at_high_yuan


# ------------------------------------------------------------------- consent outlook


def test_hazard_from_the_vote_state():
    a = P.load_assumptions()
    ch = a["consent_hazard"]
    ready = P.consent_outlook(make_unit(), a)
    assert ready.state == "ready" and ready.hazard == 1
    blocked = P.consent_outlook(make_unit(votes=["no"] + ["yes"] * 11, affected=("101",)), a)
    assert blocked.state == "blocked" and blocked.hazard == float(ch["blocked"])
    near = P.consent_outlook(make_unit(votes=["yes"] * 7 + [None] * 5), a)
    far = P.consent_outlook(make_unit(votes=["yes"] * 2 + [None] * 10), a)
    assert near.state == far.state == "needs_votes"
    assert float(ch["needs_votes_min"]) <= far.hazard < near.hazard <= float(ch["needs_votes_max"])
    # h = min + (max − min) × (1 − m) with m = additional / heads
    m = near.additional_yes / near.heads_total
    assert near.hazard == pytest.approx(
        float(ch["needs_votes_min"])
        + (float(ch["needs_votes_max"]) - float(ch["needs_votes_min"])) * (1 - m)
    )


def test_simple_needed_counts():
    assert P.simple_needed(make_unit())[:3] == ("ready", 12, 0)
    # 6 yes, 6 absent: participation 6/12 < 2/3 → 2 more yes makes 8/12 and 8/8
    assert P.simple_needed(make_unit(votes=["yes"] * 6 + [None] * 6)) == (
        "needs_votes",
        12,
        2,
        True,
    )
    assert (
        P.simple_needed(make_unit(votes=["no"] + ["yes"] * 11, affected=("101",)))[0] == "blocked"
    )


def test_given_hazard_must_be_a_probability():
    with pytest.raises(InputError) as e:
        P.build_inputs(make_unit(preinstall={"hazard": 1.5}))
    assert e.value.field == "extra.preinstall.hazard"
    with pytest.raises(InputError) as e:
        P.build_inputs(make_unit(preinstall={"hazard": [0.2, "x"]}))
    assert e.value.field == "extra.preinstall.hazard[1]"


# --------------------------------------------------------------- assumptions and items


def test_default_data_file_is_sourced_and_in_the_published_range():
    a = P.load_assumptions()
    for key in ("name", "title_zh", "title_en", "source"):
        assert a[key]
    for group in ("pipe_relocation_yuan", "works_now_yuan", "later_extra_yuan"):
        for k, e in a[group].items():
            assert e["source"], (group, k)
            assert e["low"] <= e["mode"] <= e["high"]
    # domain §5: pipeline relocation 4万–15万 per unit or elevator
    un = a["pipe_relocation_unsurveyed_yuan"]
    assert (un["low"], un["high"]) == (40000, 150000)
    assert all(e["high"] <= 150000 for e in a["pipe_relocation_yuan"].values())
    for key in (
        "discount_rate",
        "escalation_per_year",
        "horizon_years",
        "salvage_share",
        "consent_hazard",
    ):
        assert "source" in a[key]


def test_items_follow_the_pipes_found():
    a = P.load_assumptions()
    inp = P.build_inputs(make_unit(lines=None, pipes=("gas", "telecom")))
    keys = [i.key for i in inp.items_now]
    assert keys[:2] == ["pipe_gas", "pipe_telecom"]
    assert {"pit", "foundation", "power_capacity"} <= set(keys)
    gas = inp.items_now[0]
    assert gas.mode_yuan == a["pipe_relocation_yuan"]["gas"]["mode"]
    none = P.build_inputs(make_unit(lines=None, pipes=()))
    assert not any(i.key.startswith("pipe") for i in none.items_now)
    unsurveyed = P.build_inputs(make_unit(lines=None, pipes=None))
    assert unsurveyed.items_now[0].key == "pipe_relocation"
    assert unsurveyed.items_now[0].high_yuan == 150000
    with pytest.raises(InputError) as e:
        P.build_inputs(make_unit(lines=None, pipes=("water", "lava")))
    assert e.value.field == "site.pipes_in_footprint[1]"


def test_project_and_unit_overrides():
    u = make_unit(preinstall=fixed(hazard=1))
    proj = Project(name="p", settings={"preinstall": {"horizon_years": {"value": 3}}})
    assert P.build_inputs(u, proj).horizon_years == 10  # the unit's own value wins
    u2 = make_unit(preinstall={"hazard": 1})
    assert P.build_inputs(u2, proj).horizon_years == 3  # the project's
    assert P.build_inputs(u2).horizon_years == 10  # the default
    assert P.build_inputs(u2, proj, horizon_years=5).horizon_years == 5
    # a unit override of an item beats the unit's cost line
    u3 = make_unit(preinstall={"works_now_yuan": {"pit": {"low": 1, "mode": 2, "high": 3}}})
    pit = next(i for i in P.build_inputs(u3).items_now if i.key == "pit")
    assert pit.mode_yuan == 2


@pytest.mark.parametrize(
    "over,fld",
    [
        ({"discount_rate": {"low": 0.05, "mode": 0.04, "high": 0.06}}, "preinstall.discount_rate"),
        (
            {"works_now_yuan": {"pit": {"low": -1, "mode": 2, "high": 3}}},
            "preinstall.works_now_yuan.pit.low",
        ),
        ({"horizon_years": {"value": 0}}, "preinstall.horizon_years"),
        ({"horizon_years": {"value": 2.5}}, "preinstall.horizon_years"),
        ({"salvage_share": {"value": 2}}, "preinstall.salvage_share"),
        ({"consent_hazard": {"blocked": 1.2}}, "preinstall.consent_hazard.blocked"),
        (
            {"later_extra_yuan": {"mobilisation": {"low": 1, "mode": "x", "high": 3}}},
            "preinstall.later_extra_yuan.mobilisation.mode",
        ),
    ],
)
def test_bad_assumptions_name_the_field(over, fld):
    with pytest.raises(InputError) as e:
        P.build_inputs(make_unit(preinstall=over))
    assert e.value.field == fld
    proj = Project(name="p", settings={"preinstall": over})
    with pytest.raises(InputError) as e:
        P.load_assumptions(proj)
    assert e.value.field == fld


def test_example_unit_file(example_unit_path):
    r = P.evaluate(load_unit(example_unit_path), draws=5000, seed=1)
    # its own cost lines: pipe relocation 40,000 and pit 20,000
    keys = {i.key: i.mode_yuan for i in r.items_now}
    assert keys["pipe_relocation"] == 40000 and keys["pit"] == 20000
    assert r.most_likely.cost_now_yuan == sum(keys.values())
    # the expected cost is the sum of the triangular means (low + mode + high) / 3
    means = sum((i.low_yuan + i.mode_yuan + i.high_yuan) / 3 for i in r.items_now)
    assert r.cost_now_yuan == r.expected.cost_now_yuan == means.quantize(Decimal(1))
    j = json.loads(json.dumps(r.to_json(), default=str))
    for key in (
        "unit",
        "expected_saving_yuan",
        "break_even_hazard",
        "expected_waste_yuan",
        "monte_carlo",
        "tornado",
        "message_zh",
        "message_en",
        "expected",
        "most_likely",
        "price_basis",
        "pit",
    ):
        assert key in j
    for case in ("expected", "most_likely"):
        assert j[case]["case"] == case
        for key in (
            "net_saving_yuan",
            "pays_off",
            "probability_within_horizon",
            "probability_of_waste",
            "loss_if_wasted_yuan",
            "break_even_hazard",
        ):
            assert key in j[case]
    assert j["expected_saving_yuan"] == j["expected"]["net_saving_yuan"]
    assert j["unit"] == "XFL-3-2"


# ------------------------------------------------------ the vote is the consent engine's


def test_vote_needs_is_the_consent_engines_count_under_the_given_ruleset():
    from elevator_eval import consent, consent_rules

    u = make_unit(votes=["yes"] * 7 + [None] * 5)
    for name in list(shipped_names("consent")):
        r = consent.tally(u, consent_rules.load_ruleset(name))
        want = (
            r.state,
            r.heads_total,
            0 if r.needed is None else r.needed.additional_yes,
            True if r.needed is None else r.needed.possible,
        )
        assert P.vote_needs(u, name) == want
        assert P.build_inputs(u, consent_ruleset=name).consent.ruleset == name


def test_vote_needs_under_the_civil_code_by_hand():
    # 7 yes, 5 absent of 12 equal owners: participation 7/12 < 2/3 → one more yes (8/12)
    assert P.vote_needs(make_unit(votes=["yes"] * 7 + [None] * 5)) == ("needs_votes", 12, 1, True)
    # 8 yes, 4 no: 8/12 approval < 3/4 → one no turns yes (9/12)
    assert P.vote_needs(make_unit(votes=["yes"] * 8 + ["no"] * 4)) == ("needs_votes", 12, 1, True)
    # the affected owner of 101 voted no: blocked, not possible without them
    assert P.vote_needs(make_unit(votes=["no"] + ["yes"] * 11, affected=("101",)))[::3] == (
        "blocked",
        False,
    )
    assert P.vote_needs(Unit(id="E", building=BuildingInfo(1990, 6))) == ("unknown", 0, 0, False)


def test_assumption_rows_cover_every_editable_value():
    rows = P.assumption_rows(P.load_assumptions())
    paths = {r["path"] for r in rows}
    assert {
        "discount_rate",
        "horizon_years",
        "works_now_yuan.pit",
        "pipe_relocation_yuan.gas",
        "later_extra_yuan.surface_restoration",
        "consent_hazard.blocked",
    } <= paths
    assert all(r["source"] for r in rows)
    pit = next(r for r in rows if r["path"] == "works_now_yuan.pit")
    assert pit["low"] <= pit["mode"] <= pit["high"] and pit["unit"] == "yuan"


def test_a_unit_without_households_names_the_projects_consent_ruleset():
    """No households yet: the outlook is "unknown" and names the ruleset in force, the
    project's default (it named the Civil Code whatever the project chose), or the unit's
    own choice."""
    a = P.load_assumptions()
    empty = make_unit()
    empty.households = []
    settings = {"default_rules": "unanimity"}
    out = P.consent_outlook(empty, a, settings=settings)
    assert (out.state, out.ruleset) == ("unknown", "unanimity")
    out = P.consent_outlook(empty, a, counts=("unknown", 0, 0, False), settings=settings)
    assert out.ruleset == "unanimity"
    assert P.consent_outlook(empty, a).ruleset == "civil-code-2021"
    empty.rules, empty.rules_given = "beijing-2020", True
    assert P.consent_outlook(empty, a, settings=settings).ruleset == "beijing-2020"


def test_the_consent_model_rows_are_named_not_coded():
    """The editor's rows of the consent-probability model name each parameter (they showed
    the data keys ready / blocked / needs_votes_min … in both languages)."""
    from elevator_eval.preinstall import assumption_rows, load_assumptions

    rows = [r for r in assumption_rows(load_assumptions(None)) if r["path"].startswith("consent")]
    assert len(rows) == 6
    for r in rows:
        key = r["path"].split(".")[1]
        assert key not in r["title_zh"] and not r["title_en"].endswith(f": {key}"), r
    assert rows[0]["title_zh"].startswith("已通过表决的单元")
    assert len({r["title_zh"][:8] for r in rows}) == 6  # they differ from the start
