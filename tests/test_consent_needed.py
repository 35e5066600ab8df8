""" "What is needed" against brute force on every small unit (up to 8 owners)."""

from __future__ import annotations

import itertools
from decimal import Decimal as D
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from elevator_eval import consent
from elevator_eval.consent import owners_of
from elevator_eval.rulebook import consent_for
from elevator_eval.ruledata import shipped_names
from elevator_eval.unitfile import unit_from_dict


def tally(unit):
    """The engine under the ruleset the unit names (``rules``)."""
    return consent.tally(unit, consent_for(unit))


def what_is_needed(unit):
    return consent.what_is_needed(unit, consent_for(unit))


VOTE = st.sampled_from(["yes", "no", "abstain", None])


@st.composite
def small_units(draw):
    n_owners = draw(st.integers(1, 8))
    hh = []
    for o in range(n_owners):
        vote = draw(VOTE)
        affected = draw(st.integers(0, 9)) == 0
        for k in range(draw(st.integers(1, 2))):  # some owners hold two households
            cents = draw(st.integers(1000, 15000))
            hh.append(
                {
                    "id": f"{o}-{k}",
                    "floor": 1 + len(hh) % 6,
                    "area_m2": str(D(cents) / 100),
                    "owner": f"O{o}",
                    "vote": vote,
                    "exclusive_part_affected": affected and k == 0,
                }
            )
    rules = draw(st.sampled_from(list(shipped_names("consent"))))
    return unit_from_dict(
        {
            "format": "elevator-eval/unit",
            "version": 1,
            "id": "H",
            "rules": rules,
            "building": {"year_built": 1995, "storeys": 6},
            "households": hh,
            "costs": {"total_yuan": 1},
        }
    )


def with_yes(unit, owner_ids):
    u = unit.clone()
    for h in u.households:
        if h.owner_id in owner_ids:
            h.vote = "yes"
    return u


def civil_code_passes(unit) -> bool:
    """Spec §6 written out independently: one head per owner, areas added, exact."""
    owners = {}
    for h in unit.households:
        a, v, aff = owners.get(h.owner_id, (Fraction(0), h.vote, False))
        owners[h.owner_id] = (a + Fraction(h.area_m2), h.vote, aff or h.exclusive_part_affected)
    total_a = sum(a for a, _, _ in owners.values())
    part = [(a, v) for a, v, _ in owners.values() if v is not None]
    part_a = sum(a for a, _ in part)
    yes = [a for a, v in part if v == "yes"]
    return (
        3 * part_a >= 2 * total_a
        and 3 * len(part) >= 2 * len(owners)
        and 4 * sum(yes) >= 3 * part_a
        and 4 * len(yes) >= 3 * len(part)
        and len(yes) > 0
        and all(v == "yes" for _, v, aff in owners.values() if aff)
    )


@settings(max_examples=150, deadline=None)
@given(small_units())
def test_needed_matches_brute_force(unit):
    result = tally(unit)
    if unit.rules == "civil-code-2021":
        assert result.passed == civil_code_passes(unit)
    needed = what_is_needed(unit)
    owners = owners_of(unit)
    if result.passed:
        assert needed.additional_yes == 0 and needed.owners == [] and result.needed is None
        return
    assert result.needed == needed
    area = {o.id: o.area_m2 for o in owners}
    candidates = [o.id for o in owners if o.vote != "yes"]
    best_k, best_area = None, None
    for k in range(len(candidates) + 1):
        for combo in itertools.combinations(candidates, k):
            if tally(with_yes(unit, set(combo))).passed:
                a = sum((area[i] for i in combo), D(0))
                best_area = a if best_area is None else max(best_area, a)
                best_k = k
        if best_k is not None:
            break
    assert best_k is not None  # everyone voting yes always passes
    assert needed.additional_yes == best_k == len(needed.owners)
    assert set(needed.owners) <= set(candidates)
    assert tally(with_yes(unit, set(needed.owners))).passed
    # largest areas first: no other minimal set converts more area
    assert sum((area[i] for i in needed.owners), D(0)) == best_area
    rules = result.ruleset
    vetoed_no = [
        o.id
        for o in owners
        if o.vote == "no" and (o.affected or rules in ("beijing-2020", "chengdu-2018"))
    ]
    assert needed.possible is (not vetoed_no)
    assert result.state == ("blocked" if vetoed_no else "needs_votes")
    assert set(vetoed_no) <= set(needed.owners)
