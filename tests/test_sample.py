"""The bundled sample street: shape, personal-data fixtures, classes and consent states.

The classes and consent states are checked against hand rules written here from the
unit-format contract (§3 default severities, §6 civil-code-2021), independently of the
engines; where the engines exist they must agree too.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from elevator_eval.audit import verify_log
from elevator_eval.consent import tally
from elevator_eval.resources import sample_project_path
from elevator_eval.rulebook import resolve
from elevator_eval.store import open_project
from elevator_eval.suitability import assess
from elevator_eval.unitfile import loads_unit
from elevator_eval.unitfile_write import dumps_unit

# Expected consent state per unit (worked out by hand in resources/sample/README.md).
EXPECTED_CONSENT = {
    "DH-1-1": "ready",
    "DH-1-2": "needs_votes",
    "DH-1-3": "blocked",
    "DH-2-1": "needs_votes",
    "DH-2-2": "needs_votes",
    "DH-5-1": "ready",
    "DH-5-2": "needs_votes",
    "GY-1-1": "ready",
    "GY-1-2": "ready",
    "GY-1-3": "needs_votes",
    "GY-3-1": "ready",
    "GY-3-2": "needs_votes",
    "GY-6-1": "needs_votes",
    "GY-6-2": "ready",
    "GY-8-1": "blocked",
    "GY-8-2": "needs_votes",
}


@pytest.fixture(scope="module")
def sample():
    return open_project(sample_project_path())


def test_shape(sample):
    assert len(sample.communities) >= 2
    buildings = [b for c in sample.communities for b in c.buildings]
    assert len(buildings) >= 6
    units = sample.units()
    assert len(units) >= 15
    assert {b.info.structure for b in buildings} >= {"masonry", "frame"}
    assert all(1982 <= b.info.year_built <= 2004 for b in buildings)
    assert all(4 <= b.info.storeys <= 7 for b in buildings)
    assert all(1 <= len(b.units) <= 3 for b in buildings)
    for _, b, u in sample.iter_units():
        assert u.building is b.info
        assert all(Decimal(45) <= h.area_m2 <= Decimal(95) for h in u.households)
        assert all(h.id == f"{h.floor}0{h.id[-1]}" for h in u.households)


def test_units_are_valid_unit_files(sample):
    for u in sample.units():
        assert loads_unit(dumps_unit(u)) == u


def test_personal_data_fixtures(sample):
    hhs = [h for u in sample.units() for h in u.households]
    names = "".join(h.owner_name for h in hhs)
    for ch in "喆堃㛃":
        assert ch in names
    assert all(h.contact.startswith("1390000") and len(h.contact) == 11 for h in hhs)
    assert any(str(h.area_m2) == "56.30" for h in hhs)
    assert {h.vote for h in hhs} == {"yes", "no", "abstain", None}
    assert all(h.vote_date and h.vote_source for h in hhs if h.vote is not None)
    assert any(h.max_contribution_yuan is not None for h in hhs)
    assert any(h.provident_fund_yuan is not None for h in hhs)
    multi = [
        u for u in sample.units() if len({h.owner_id for h in u.households}) < len(u.households)
    ]
    assert multi


def test_costs_subsidies_and_share_settings(sample):
    for u in sample.units():
        total = u.costs.total_yuan
        assert Decimal(400000) <= total <= Decimal(700000)
        assert u.costs.annual_om_yuan
    flat = [u.costs.total_yuan for u in sample.units() if u.site.entry_mode == "flat"]
    half = [u.costs.total_yuan for u in sample.units() if u.site.entry_mode == "half_landing"]
    assert min(flat) > max(half)
    types = {s["type"] for u in sample.units() for s in u.subsidies}
    assert types >= {"percent_capped", "fixed", "pipeline"}
    methods = [u.share.method for u in sample.units()]
    assert methods.count("stair_count") == 1 and methods.count("percent_by_household") == 1
    for u in sample.units():
        if u.share.method == "percent_by_household":
            pct = sum(u.share.percent_by_floor[h.floor] for h in u.households)
            assert pct == 100


def test_vote_log(sample):
    assert len(sample.vote_log) >= 3
    assert verify_log(sample.vote_log) == (True, None)
    assert {e.source for e in sample.vote_log} >= {"meeting", "paper", "online"}
    # the latest event per household is the household's current vote
    last = {}
    for e in sample.vote_log:
        last[(e.unit_id, e.household_id)] = e.new
    for (uid, door), vote in last.items():
        assert sample.find_unit(uid).household(door).vote == vote


# ---------------------------------------------------------------------- hand rules


def _hand_class(u) -> str:
    """Spec §3 default severities; footprint 2.3 × 2.5 m, corridor 1.5 m, turnable."""
    b, s = u.building, u.site
    major = strong = 0
    major += b.danger_grade in ("C", "D")
    major += b.storeys < 4
    major += s.inside_red_line is False
    major += s.fire_lane_width_after_m is not None and s.fire_lane_width_after_m < 4
    strong += b.danger_grade is None and b.year_built < 2001
    strong += bool(s.occupies_private_courtyard)
    strong += bool(s.sunlight_below_standard)
    if s.footprint_available_m is not None:
        w, d = s.footprint_available_m
        fits = (w >= Decimal("2.3") and d >= Decimal("2.5")) or (
            d >= Decimal("2.3") and w >= Decimal("2.5")
        )
        strong += not fits
    strong += "gas" in (s.pipes_in_footprint or [])
    strong += s.distance_to_neighbour_m is not None and s.distance_to_neighbour_m < 6
    strong += b.structure == "masonry" and (b.seismic_intensity or 0) >= 8
    strong += (
        s.entry_mode == "flat"
        and s.corridor_depth_m is not None
        and s.corridor_depth_m < Decimal("1.5")
    )
    if major or strong >= 2:
        return "unsuitable"
    return "difficult" if strong == 1 else "suitable"


def _hand_consent(u) -> str:
    """Spec §6, civil-code-2021, exact fractions."""
    owners: dict[str, list] = {}
    for h in u.households:
        owners.setdefault(h.owner_id, []).append(h)
    heads = len(owners)
    area = sum((h.area_m2 for h in u.households), Decimal(0))
    part = {o: hs for o, hs in owners.items() if hs[0].vote is not None}
    part_area = sum((h.area_m2 for hs in part.values() for h in hs), Decimal(0))
    yes = {o: hs for o, hs in part.items() if hs[0].vote == "yes"}
    yes_area = sum((h.area_m2 for hs in yes.values() for h in hs), Decimal(0))
    if any(h.exclusive_part_affected and h.vote == "no" for h in u.households):
        return "blocked"
    ok = (
        Fraction(len(part), heads) >= Fraction(2, 3)
        and Fraction(part_area) / Fraction(area) >= Fraction(2, 3)
        and part
        and Fraction(len(yes), len(part)) >= Fraction(3, 4)
        and Fraction(yes_area) / Fraction(part_area) >= Fraction(3, 4)
        and all(h.vote == "yes" for h in u.households if h.exclusive_part_affected)
    )
    return "ready" if ok else "needs_votes"


def test_intended_classes_cover_all_three(sample):
    seen = {}
    for u in sample.units():
        intended = u.extra["sample_intended_class"]
        assert _hand_class(u) == intended, u.id
        seen[intended] = seen.get(intended, 0) + 1
    assert set(seen) == {"suitable", "difficult", "unsuitable"}
    assert seen["difficult"] >= 3
    # some sites have fields that were not surveyed
    assert sum(1 for u in sample.units() if u.site.pit_depth_available_mm is None) >= 2


def test_consent_states(sample):
    states = {u.id: _hand_consent(u) for u in sample.units()}
    assert states == EXPECTED_CONSENT
    assert set(states.values()) == {"ready", "needs_votes", "blocked"}


def test_engines_agree_when_present(sample):
    for u in sample.units():
        assert assess(u, resolve(sample, u)).klass == u.extra["sample_intended_class"], u.id
    for u in sample.units():
        assert tally(u, resolve(sample, u).consent).state == EXPECTED_CONSENT[u.id], u.id


def test_generator_is_deterministic(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "again.eeproj"
    subprocess.run(
        [sys.executable, str(root / "tools" / "make_sample.py"), str(out)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert open_project(out) == open_project(sample_project_path())
