"""Classes by the count rule (spec §3), assessment of units, rulesets as validated data."""

from __future__ import annotations

import copy
import json

import pytest

from elevator_eval import ruledata, suitability
from elevator_eval.errors import InputError
from elevator_eval.findings import Finding
from elevator_eval.rulebook import bundle_for
from elevator_eval.ruledata import shipped_names
from elevator_eval.suitability import CLASSES, classify
from elevator_eval.suitability_rules import CHECK_CODES, load_ruleset, validate_ruleset
from elevator_eval.unitfile import load_unit, unit_from_dict


def assess(unit, **kw):
    """The engine under the rules in force for ``unit`` (its ``rules``, else the defaults)."""
    return suitability.assess(unit, bundle_for(unit), **kw)


YEAR = 2026


def f(sev, code="x"):
    return Finding(code, sev, "m", "m")


@pytest.mark.parametrize(
    "sevs,klass",
    [
        ([], "suitable"),
        (["weak"] * 9, "suitable"),
        (["strong"], "difficult"),
        (["strong"] + ["weak"] * 5, "difficult"),
        (["strong", "strong"], "unsuitable"),
        (["strong", "strong", "strong"], "unsuitable"),
        (["major"], "unsuitable"),
        (["major", "weak"], "unsuitable"),
        (["major", "strong"], "unsuitable"),
    ],
)
def test_count_rule(sevs, klass):
    assert classify([f(s) for s in sevs]) == klass


def test_bad_severity_is_rejected():
    with pytest.raises(ValueError):
        Finding("x", "medium", "m", "m")


def base_dict():
    return {
        "format": "elevator-eval/unit",
        "version": 1,
        "id": "U1",
        "building": {"year_built": 2005, "storeys": 6, "structure": "frame", "danger_grade": "A"},
        "site": {
            "entry_mode": "half_landing",
            "footprint_available_m": [3, 3],
            "inside_red_line": True,
        },
        "households": [{"id": "101", "floor": 1, "area_m2": "60", "vote": "yes"}],
        "costs": {"total_yuan": 400000},
    }


def unit_with(**changes):
    d = base_dict()
    for path, value in changes.items():
        sect, key = path.split("__")
        d[sect][key] = value
    return unit_from_dict(d)


def test_example_unit_is_suitable_with_two_weak_pipes(example_unit_path):
    a = assess(load_unit(example_unit_path), year=YEAR)
    assert a.klass == "suitable"
    assert [(x.code, x.severity) for x in a.findings] == [
        ("pipe_water", "weak"),
        ("pipe_telecom", "weak"),
    ]
    assert a.counts == {"weak": 2, "strong": 0, "major": 0}
    assert a.ruleset == "shanghai-2020"
    assert a.consent.state == "ready"
    j = a.to_json()
    assert j["unit"] == "XFL-3-2" and j["class"] == "suitable"
    assert set(j["findings"][0]) >= {"code", "severity", "message"}


def test_one_strong_is_difficult_two_strong_unsuitable_major_unsuitable():
    a1 = assess(unit_with(site__occupies_private_courtyard=True), year=YEAR)
    assert a1.klass == "difficult" and a1.to_improve == ["private_courtyard"]
    a2 = assess(
        unit_with(site__occupies_private_courtyard=True, site__pipes_in_footprint=["gas"]),
        year=YEAR,
    )
    assert a2.klass == "unsuitable"
    assert sorted(a2.to_improve) == ["pipe_gas", "private_courtyard"]
    a3 = assess(unit_with(building__danger_grade="D"), year=YEAR)
    assert a3.klass == "unsuitable" and a3.to_improve == ["danger_grade"]
    assert "重大干扰" in a3.main_reason_zh and a3.main_reason_en.startswith("Major")


def test_two_majors_need_both_removed():
    a = assess(unit_with(building__danger_grade="D", site__inside_red_line=False), year=YEAR)
    assert a.klass == "unsuitable"
    assert a.to_improve == ["danger_grade", "red_line"]


def test_consent_is_reported_beside_the_class_not_folded_in():
    d = base_dict()
    d["households"][0]["vote"] = "no"
    a = assess(unit_from_dict(d), year=YEAR)
    assert a.klass == "suitable"  # the class ignores the vote
    assert a.consent.passed is False and a.consent.state == "needs_votes"


def test_conflicting_votes_leave_the_class_but_no_consent():
    d = base_dict()
    d["households"] = [
        {"id": "101", "floor": 1, "area_m2": 60, "owner": "A", "vote": "yes"},
        {"id": "102", "floor": 1, "area_m2": 60, "owner": "A", "vote": "no"},
    ]
    a = assess(unit_from_dict(d), year=YEAR)
    assert a.klass == "suitable" and a.consent is None


def test_missing_site_fields_are_listed_not_scored():
    d = base_dict()
    d["site"] = {}
    a = assess(unit_from_dict(d), year=YEAR)
    assert a.klass == "suitable" and a.findings == []
    assert "inside_red_line" in a.not_surveyed and "pipes_in_footprint" in a.not_surveyed


def test_ruleset_resolution_follows_the_consent_ruleset():
    u = unit_with()
    assert bundle_for(u).suitability.name == "shanghai-2020"
    u.rules = "beijing-2020"
    assert bundle_for(u).suitability.name == "shanghai-2020"
    assert bundle_for(u, "shanghai-2020").suitability.name == "shanghai-2020"
    u.rules = "no-such-rules"
    with pytest.raises(InputError) as e:
        bundle_for(u)
    assert e.value.field == "rules"


def test_shipped_ruleset_configures_and_sources_every_check():
    for name in shipped_names("suitability"):
        r = load_ruleset(name)
        assert set(CHECK_CODES) <= set(r.checks)
        for code in CHECK_CODES:
            c = r.checks[code]
            assert c["source"].strip()
            assert c.get("basis") in ("sourced", "app default"), code


def test_spec_default_severities():
    r = load_ruleset("shanghai-2020")
    expected = {
        "danger_grade": "major",
        "storeys_low": "major",
        "red_line": "major",
        "fire_lane_narrow": "major",
        "appraisal_required": "strong",
        "private_courtyard": "strong",
        "sunlight_below_standard": "strong",
        "footprint_small": "strong",
        "pipe_gas": "strong",
        "pipe_other": "weak",
        "neighbour_close": "strong",
        "masonry_seismic": "strong",
        "pit_reduced": "weak",
        "headroom_reduced": "weak",
        "pit_below_reduced": "weak",
        "headroom_below_reduced": "weak",
        "design_life_short": "weak",
    }
    assert {k: r.checks[k]["severity"] for k in expected} == expected


def _shipped():
    return json.loads(
        (ruledata.rules_dir() / "suitability" / "shanghai-2020.json").read_text(encoding="utf-8"),
        parse_float=__import__("decimal").Decimal,
    )


@pytest.mark.parametrize(
    "mutate,field",
    [
        (lambda d: d["checks"]["pipe_gas"].update(severity="huge"), "checks.pipe_gas.severity"),
        (lambda d: d["checks"].pop("red_line"), "checks.red_line"),
        (
            lambda d: d["checks"]["fire_lane_narrow"].update(min_width_m=-1),
            "checks.fire_lane_narrow.min_width_m",
        ),
        (
            lambda d: d["checks"]["pit_reduced"].update(reduced_mm=1200),
            "checks.pit_reduced.reduced_mm",
        ),
        (
            lambda d: d["checks"]["neighbour_close"].update(source=""),
            "checks.neighbour_close.source",
        ),
        (
            lambda d: d["checks"]["footprint_small"]["shaft_m"]["flat"].update(width_m=1.0),
            "checks.footprint_small.shaft_m.flat",
        ),
        (lambda d: d["checks"]["red_line"].pop("basis"), "checks.red_line.basis"),
        (
            lambda d: d["class_rule"].update(difficult_min_strong=3),
            "class_rule.difficult_min_strong",
        ),
    ],
)
def test_ruleset_validation_names_the_bad_key(mutate, field):
    d = copy.deepcopy(_shipped())
    mutate(d)
    with pytest.raises(InputError) as e:
        validate_ruleset(d)
    assert field in e.value.field


def test_a_city_may_change_a_severity():
    d = _shipped()
    d["checks"]["sunlight_below_standard"]["severity"] = "weak"
    r = validate_ruleset(d)
    assert r.severity("sunlight_below_standard") == "weak"
    assert r.severity("pipe_water") == "weak"


def test_classes_constant():
    assert CLASSES == ("suitable", "difficult", "unsuitable")


def test_every_finding_code_is_produced_and_catalogued():
    from elevator_eval.suitability import FINDING_CODES
    from elevator_eval.unitfile import unit_from_dict as u

    worst = base_dict()
    worst["building"] = {
        "year_built": 1960,
        "storeys": 3,
        "structure": "masonry",
        "danger_grade": None,
        "seismic_intensity": 8,
    }
    worst["site"] = {
        "entry_mode": "flat",
        "footprint_available_m": [2, 2],
        "inside_red_line": False,
        "fire_lane_width_after_m": 3,
        "distance_to_neighbour_m": 4,
        "occupies_private_courtyard": True,
        "sunlight_below_standard": True,
        "pipes_in_footprint": [
            "gas",
            "water",
            "drainage",
            "power",
            "telecom",
            "heating",
            "other",
            "steam",
        ],
        "pit_depth_available_mm": 1000,
        "headroom_available_mm": 2800,
        "corridor_depth_m": 1,
    }
    graded = base_dict()
    graded["building"]["danger_grade"] = "C"
    graded["site"].update(pit_depth_available_mm=500, headroom_available_mm=3000)
    seen = [f.code for d in (worst, graded) for f in assess(u(d), year=YEAR).findings]
    assert set(seen) == set(FINDING_CODES)
    assert seen.count("pipe_other") == 2  # "other" and "steam"


def test_rules_may_name_a_suitability_ruleset():
    d = base_dict()
    d["rules"] = "shanghai-2020"
    a = assess(unit_from_dict(d), year=YEAR)
    assert a.ruleset == "shanghai-2020"
    assert a.consent.ruleset == "civil-code-2021"  # the default vote rule
