"""Consent tally (spec §6) under every shipped ruleset, at and around its thresholds."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from elevator_eval import consent
from elevator_eval.consent_rules import load_ruleset
from elevator_eval.errors import InputError
from elevator_eval.rulebook import consent_for
from elevator_eval.ruledata import shipped_names
from elevator_eval.unitfile import load_unit, unit_from_dict


def tally(unit, rules=None):
    """The engine under the ruleset in force for ``unit`` (``rules``: the caller's choice)."""
    return consent.tally(unit, consent_for(unit, rules))


def what_is_needed(unit, rules=None):
    return consent.what_is_needed(unit, consent_for(unit, rules))


def make_unit(votes, areas=None, owners=None, affected=(), rules=None):
    """A unit with one household per vote (ids h1, h2, …; 6 storeys)."""
    n = len(votes)
    areas = areas or ["50"] * n
    hh = []
    for i, v in enumerate(votes):
        h = {"id": f"h{i + 1}", "floor": 1 + i % 6, "area_m2": str(areas[i]), "vote": v}
        if owners:
            h["owner"] = owners[i]
        if i in affected:
            h["exclusive_part_affected"] = True
        hh.append(h)
    d = {
        "format": "elevator-eval/unit",
        "version": 1,
        "id": "T",
        "building": {"year_built": 2000, "storeys": 6},
        "households": hh,
        "costs": {"total_yuan": 1},
    }
    if rules:
        d["rules"] = rules
    return unit_from_dict(d)


def votes(yes=0, no=0, abstain=0, none=0):
    return ["yes"] * yes + ["no"] * no + ["abstain"] * abstain + [None] * none


# --------------------------------------------------------------- civil-code-2021 (§6)


def test_spec_example_passes(example_unit_path):
    r = tally(load_unit(example_unit_path))
    # 12 owners; 10 take part (yes 8, no 1, abstain 1): 10/12 ≥ 2/3, 8/10 ≥ 3/4;
    # area taking part 582.00 of 704.10 (≥ 469.40), yes 469.40 ≥ 3/4 × 582.00 = 436.50
    assert r.passed and r.state == "ready" and r.needed is None
    assert (r.heads_total, r.heads_taking_part, r.heads_yes, r.heads_no) == (12, 10, 8, 1)
    assert r.area_total_m2 == D("704.10") and r.area_taking_part_m2 == D("582.00")
    assert r.area_yes_m2 == D("469.40")
    j = r.to_json()
    assert j["participation"] == {"area_ok": True, "headcount_ok": True}
    assert j["approval"] == {"area_ok": True, "headcount_ok": True}
    assert j["unit"] == "XFL-3-2" and j["passed"] is True and j["blocking"] == []


def test_exactly_two_thirds_take_part_and_three_quarters_agree_passes():
    r = tally(make_unit(votes(yes=6, no=2, none=4)))  # 8/12 take part, 6/8 agree
    assert r.passed
    assert (
        r.participation_area_ok,
        r.participation_headcount_ok,
        r.approval_area_ok,
        r.approval_headcount_ok,
    ) == (True, True, True, True)


def test_one_participant_less_fails_participation():
    r = tally(make_unit(votes(yes=6, no=1, none=5)))  # 7/12 < 2/3
    assert not r.passed
    assert not r.participation_headcount_ok and not r.participation_area_ok
    assert r.approval_headcount_ok  # 6/7 ≥ 3/4


def test_one_yes_less_fails_approval():
    r = tally(make_unit(votes(yes=5, no=3, none=4)))  # 5/8 < 3/4
    assert not r.passed and r.participation_headcount_ok
    assert not r.approval_headcount_ok and not r.approval_area_ok
    assert r.state == "needs_votes"
    assert r.needed.possible and r.needed.additional_yes == 1


def test_abstentions_count_as_taking_part():
    r = tally(make_unit(votes(yes=6, abstain=2, none=4)))
    assert r.heads_taking_part == 8 and r.participation_headcount_ok
    assert r.passed  # 6/8 agree
    r2 = tally(make_unit(votes(yes=6, abstain=3, none=3)))
    assert not r2.approval_headcount_ok  # 6/9 < 3/4: abstaining is not yes


def test_approval_area_exactly_three_quarters_with_decimals_floats_misjudge():
    # yes 89.46 + 32.37 + 97.83 = 219.66 = 3 × 73.22 exactly; in binary floating point
    # 219.66 >= 0.75 × 292.88 comes out False.
    areas = ["89.46", "32.37", "97.83", "73.22"]
    assert not (sum(float(a) for a in areas[:3]) >= 0.75 * sum(float(a) for a in areas))
    r = tally(make_unit(votes(yes=3, no=1), areas))
    assert r.approval_area_ok and r.approval_headcount_ok and r.passed
    areas[2] = "97.82"  # one cent less fails
    assert not tally(make_unit(votes(yes=3, no=1), areas)).approval_area_ok


def test_participation_area_exactly_two_thirds_with_decimals_floats_misjudge():
    # taking part 30.12 + 74.11 + 74.24 + 81.07 = 259.54; total 389.31; 3 × 259.54 = 2 × 389.31
    areas = ["30.12", "74.11", "74.24", "81.07", "80.17", "49.60"]
    fp, ft = sum(float(a) for a in areas[:4]), sum(float(a) for a in areas)
    assert not (3 * fp >= 2 * ft)  # binary floats get it wrong
    r = tally(make_unit(votes(yes=4, none=2), areas))
    assert r.participation_area_ok and r.participation_headcount_ok and r.passed
    areas[5] = "49.61"
    assert not tally(make_unit(votes(yes=4, none=2), areas)).participation_area_ok


def test_owner_with_two_households_counts_once_with_added_area():
    # 12 households, owner A holds h1 and h2: 11 heads.
    owners = ["A", "A"] + [f"O{i}" for i in range(3, 13)]
    v = ["yes", "yes", "yes", "yes", "yes", "yes", "no", "no", None, None, None, None]
    r = tally(make_unit(v, owners=owners))
    assert r.heads_total == 11 and r.heads_taking_part == 7 and r.heads_yes == 5
    assert r.area_total_m2 == D("600") and r.area_taking_part_m2 == D("400")
    # heads: 7/11 < 2/3 fails, although the area 400/600 = 2/3 passes
    assert r.participation_area_ok and not r.participation_headcount_ok
    # approval heads 5/7 < 3/4 fails; area 300/400 = 3/4 passes
    assert r.approval_area_ok and not r.approval_headcount_ok


def test_conflicting_votes_of_one_owner_are_bad_input():
    u = make_unit(["yes", "no", "yes"], owners=["A", "A", "B"])
    with pytest.raises(InputError) as e:
        tally(u)
    assert e.value.field == "households[1].vote" and "'A'" in str(e.value)


def test_affected_owner_voting_no_blocks():
    u = make_unit(votes(yes=11, no=1), affected=(11,))
    r = tally(u)
    assert r.participation_headcount_ok and r.approval_headcount_ok
    assert not r.passed and r.blocking == ["h12"] and r.state == "blocked"
    n = what_is_needed(u)
    assert not n.possible and n.owners == ["h12"] and n.additional_yes == 1
    assert "h12" in n.reason_zh and "h12" in n.reason_en


def test_affected_owner_not_voting_needs_their_yes():
    u = make_unit(votes(yes=11, none=1), affected=(11,))
    r = tally(u)
    assert not r.passed and r.blocking == ["h12"] and r.state == "needs_votes"
    assert r.needed.possible and r.needed.owners == ["h12"]


def test_unknown_ruleset_names_rules():
    with pytest.raises(InputError) as e:
        tally(make_unit(votes(yes=1), rules="mars-2099"))
    assert e.value.field == "rules"


# --------------------------------------------------------------------- other rulesets


def test_at_least_four_rulesets_each_with_source_and_dates():
    names = list(shipped_names("consent"))
    assert {"civil-code-2021", "property-law-2007", "beijing-2020", "unanimity"} <= set(names)
    for name in names:
        r = load_ruleset(name)
        assert r.source and r.title_zh and r.title_en
        assert r.valid_from or r.valid_to
        assert r.suitability in shipped_names("suitability")
    assert load_ruleset("civil-code-2021").valid_from == "2021-01-01"
    assert load_ruleset("property-law-2007").valid_to == "2020-12-31"


@pytest.mark.parametrize(
    "v,passed",
    [
        (votes(yes=8, none=4), True),  # exactly 2/3 of all owners agree
        (votes(yes=7, none=5), False),  # one less
        (votes(yes=8, no=4), True),  # objections do not matter
    ],
)
def test_property_law_two_thirds_of_all_owners(v, passed):
    r = tally(make_unit(v, rules="property-law-2007"))
    assert r.passed is passed
    assert r.participation_area_ok and r.participation_headcount_ok  # no quorum


def test_property_law_area_at_two_thirds_of_total():
    areas = ["30.12", "74.11", "74.24", "81.07", "80.17", "49.60"]
    r = tally(make_unit(votes(yes=4, none=2), areas, rules="property-law-2007"))
    assert r.approval_area_ok and r.passed
    areas[5] = "49.61"
    assert not tally(make_unit(votes(yes=4, none=2), areas, rules="property-law-2007")).passed


@pytest.mark.parametrize("name", ["beijing-2020", "chengdu-2018"])
@pytest.mark.parametrize(
    "v,passed,state",
    [
        (votes(yes=8, none=4), False, "needs_votes"),  # exactly 2/3 is not "more than"
        (votes(yes=9, none=3), True, "ready"),
        (votes(yes=9, abstain=3), True, "ready"),  # abstaining is not objecting
        (votes(yes=11, no=1), False, "blocked"),  # one explicit objection
    ],
)
def test_more_than_two_thirds_and_no_objection(name, v, passed, state):
    r = tally(make_unit(v, rules=name))
    assert r.passed is passed and r.state == state
    assert r.objection_ok is ("no" not in v)
    if "no" in v:
        assert r.objecting == ["h12"] and not r.needed.possible
        assert r.needed.owners == ["h12"]


@pytest.mark.parametrize(
    "v,passed",
    [
        (votes(yes=12), True),
        (votes(yes=11, none=1), False),
        (votes(yes=11, abstain=1), False),
        (votes(yes=11, no=1), False),
    ],
)
def test_unanimity(v, passed):
    r = tally(make_unit(v, rules="unanimity"))
    assert r.passed is passed
    if not passed:
        assert r.needed.additional_yes == 1 and r.needed.owners == ["h12"]


def test_ruleset_argument_overrides_the_unit():
    u = make_unit(votes(yes=8, none=4))
    assert tally(u).passed is True  # civil code: 8/12 take part, 8/8 agree
    assert tally(u, "beijing-2020").passed is False  # 8/12 is not more than 2/3
    assert tally(u, "unanimity").passed is False


def test_needed_counts_non_participants_as_raising_participation():
    # 12 owners: 1 yes, 11 not voting. 8 must take part (2/3) and all of them agree.
    r = tally(make_unit(votes(yes=1, none=11), areas=[str(40 + i) for i in range(12)]))
    assert r.needed.additional_yes == 7
    # largest areas first among the non-voters: h12 (51) … h6 (45)
    assert r.needed.owners == [f"h{i}" for i in range(12, 5, -1)]


def test_votes_outside_the_rulesets_validity_are_flagged():
    u = make_unit(votes(yes=12), rules="property-law-2007")
    u.households[0].vote_date = "2022-05-01"
    u.households[1].vote_date = "2019-05-01"
    r = tally(u)
    assert r.passed
    assert len(r.warnings) == 1 and "h1" in r.warnings[0] and "2020-12-31" in r.warnings[0]
    assert load_ruleset("civil-code-2021").valid_on("2021-01-01")
    assert not load_ruleset("civil-code-2021").valid_on("2020-12-31")
