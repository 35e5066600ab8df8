"""The consent tally at scale: the linear "what is needed" search gives exactly the result
of the old exhaustive search (property test on small units), and large units stay fast."""

from __future__ import annotations

import time
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elevator_eval import consent, consent_rules
from elevator_eval.model import BuildingInfo, Household, Unit
from elevator_eval.ruledata import shipped_names
from tests.consent_reference import reference_needed

RATIOS = ["1/2", "2/3", "3/4", "1", "1/3", "3/5"]


@st.composite
def units(draw):
    n = draw(st.integers(1, 12))
    owners = draw(st.lists(st.integers(0, n - 1), min_size=n, max_size=n))
    votes_by_owner = {o: draw(st.sampled_from(["yes", "no", "abstain", None])) for o in set(owners)}
    hh = []
    for i, o in enumerate(owners):
        hh.append(
            Household(
                id=f"{i + 1:02d}",
                floor=1 + i % 6,
                area_m2=draw(
                    st.sampled_from(
                        [
                            Decimal("56.30"),
                            Decimal("61.05"),
                            Decimal(40),
                            Decimal("88.8"),
                            Decimal("120.25"),
                            Decimal("0.01"),
                        ]
                    )
                ),
                owner=f"O{o}",
                vote=votes_by_owner[o],
                exclusive_part_affected=draw(st.booleans()) and draw(st.booleans()),
            )
        )
    return Unit(id="U", building=BuildingInfo(year_built=1990, storeys=6), households=hh)


@st.composite
def rulesets(draw):
    """``(name, settings)``: a shipped ruleset, or a random valid one kept as a project's
    user-defined ruleset."""
    if draw(st.booleans()):
        return draw(st.sampled_from(list(shipped_names("consent")))), None
    base = draw(st.sampled_from(["participating", "all"]))
    pr = draw(st.sampled_from(RATIOS + ([None] if base == "all" else [])))
    ar = draw(st.sampled_from(RATIOS))
    data = {
        "name": "random",
        "title_zh": "随机",
        "title_en": "random",
        "source": "test",
        "participation_ratio": pr,
        "participation_inclusive": draw(st.booleans()) or pr == "1",
        "approval_ratio": ar,
        "approval_base": base,
        "approval_inclusive": draw(st.booleans()) or ar == "1",
        "no_objection_required": draw(st.booleans()),
        "exclusive_part_veto": draw(st.booleans()),
    }
    return "random", {consent_rules.USER_KEY: {"random": data}}


@settings(
    max_examples=200, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(units(), rulesets())
def test_linear_search_equals_the_exhaustive_one(unit, named):
    name, project_settings = named
    r = consent_rules.load_ruleset(name, user=consent_rules.user_rulesets(project_settings))
    owners = consent.owners_of(unit)
    got = consent.what_is_needed(unit, r)
    tallied = consent.tally(unit, r)
    if consent.passes(owners, [o.vote for o in owners], r):
        assert got.additional_yes == 0 and tallied.needed is None
        return

    # the same owners and counts as the exhaustive search (the wording of the reason is the
    # documents' business and is tested with them)
    def decision(needed) -> dict:
        return {k: v for k, v in needed.to_json().items() if not k.startswith("reason")}

    want = decision(reference_needed(owners, r))
    assert decision(got) == want
    assert decision(tallied.needed) == want


def _unit_dict(n: int) -> dict:
    import json
    from pathlib import Path

    data = json.loads(
        (Path(__file__).parent / "data" / "xingfuli-3-2.unit.json").read_text(encoding="utf-8")
    )
    data["households"] = [
        {"id": f"H{i}", "floor": 1 + i % 6, "area_m2": 60, "vote": "yes" if i % 3 else None}
        for i in range(n)
    ]
    return data


def test_household_limit_is_inclusive_and_one_line(tmp_path):
    import pytest

    from elevator_eval.errors import InputError
    from elevator_eval.unitfile import MAX_HOUSEHOLDS, unit_from_dict

    assert len(unit_from_dict(_unit_dict(MAX_HOUSEHOLDS)).households) == MAX_HOUSEHOLDS
    with pytest.raises(InputError) as e:
        unit_from_dict(_unit_dict(MAX_HOUSEHOLDS + 1))
    assert e.value.field == "households" and f"{MAX_HOUSEHOLDS + 1}" in str(e.value)


def test_a_full_sized_unit_is_tallied_quickly():
    """At the limit (500 one-household owners, 1/3 not voting) the old exhaustive search
    made ~40,000 comparisons; the linear one a few hundred."""
    from elevator_eval.unitfile import MAX_HOUSEHOLDS, unit_from_dict

    unit = unit_from_dict(_unit_dict(MAX_HOUSEHOLDS))
    unit.households[0].vote = "no"
    t0 = time.perf_counter()
    res = consent.tally(unit, consent_rules.load_ruleset(unit.rules))
    assert time.perf_counter() - t0 < 2.0
    # i % 3 != 0 votes yes: 333 of 500; door H0 votes no, 166 do not vote. Civil Code
    # Art. 278: 334 take part ≥ 2/3 · 500 = 333.3 and 333 yes ≥ 3/4 · 334 = 250.5, by heads
    # and (all areas equal) by area: the vote passes.
    assert res.heads_total == 500 and res.heads_yes == 333 and res.heads_taking_part == 334
    assert res.passed
