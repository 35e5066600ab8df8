"""Structural checks: every finding code and its boundary (unit-format contract §3)."""

from __future__ import annotations

import pytest

from elevator_eval.model import BuildingInfo
from elevator_eval.structural import check_structural, remaining_design_life_years

YEAR = 2026


def building(**kw) -> BuildingInfo:
    base = dict(
        year_built=2005, storeys=6, structure="frame", danger_grade="A", seismic_intensity=7
    )
    base.update(kw)
    return BuildingInfo(**base)


def codes(b, year=YEAR):
    return [(f.code, f.severity) for f in check_structural(b, year=year)]


def test_clean_building_has_no_findings():
    assert codes(building()) == []


@pytest.mark.parametrize(
    "grade,expected",
    [("A", []), ("B", []), ("C", [("danger_grade", "major")]), ("D", [("danger_grade", "major")])],
)
def test_danger_grade_c_and_d_are_major(grade, expected):
    assert codes(building(danger_grade=grade)) == expected


@pytest.mark.parametrize(
    "year_built,grade,expected",
    [
        (2000, None, [("appraisal_required", "strong")]),  # before 2001, never appraised
        (2001, None, []),  # 2001 is not "before 2001"
        (1985, "B", []),  # appraised
        (1985, "C", [("danger_grade", "major")]),  # appraised, dangerous
    ],
)
def test_appraisal_required_before_2001(year_built, grade, expected):
    assert (
        codes(building(year_built=year_built, danger_grade=grade, design_life_years=100))
        == expected
    )


@pytest.mark.parametrize(
    "storeys,expected", [(3, [("storeys_low", "major")]), (4, []), (1, [("storeys_low", "major")])]
)
def test_storeys_below_four_is_major(storeys, expected):
    assert codes(building(storeys=storeys)) == expected


@pytest.mark.parametrize(
    "structure,si,expected",
    [
        ("masonry", 8, [("masonry_seismic", "strong")]),
        ("masonry", 9, [("masonry_seismic", "strong")]),
        ("masonry", 7, []),
        ("frame", 8, []),
        ("masonry", None, []),  # intensity not surveyed
        (None, 8, []),  # structure unknown
    ],
)
def test_masonry_in_intensity_8_is_strong(structure, si, expected):
    assert codes(building(structure=structure, seismic_intensity=si)) == expected


def test_remaining_design_life_counts_from_year_built():
    assert remaining_design_life_years(building(year_built=1992), 2026) == 16
    assert remaining_design_life_years(building(year_built=1992, design_life_years=70), 2026) == 36


def test_design_life_exact_boundary():
    b = building(year_built=1991, danger_grade="B")
    assert codes(b, 2026) == []  # 15 years left == service life
    assert codes(b, 2027) == [("design_life_short", "weak")]  # 14 left


def test_design_life_message_states_both_numbers():
    b = building(year_built=1980, danger_grade="B", design_life_years=50)
    (f,) = check_structural(b, year=2026)
    assert f.code == "design_life_short"
    assert "50" in f.message_zh and "15" in f.message_zh and "1980" in f.message_zh
    assert "50 years" in f.message_en and "15 years" in f.message_en
    assert "4 years left" in f.message_en  # 1980 + 50 - 2026 = 4


def test_default_year_is_today():
    import datetime

    b = building(year_built=datetime.date.today().year - 40, danger_grade="B")
    assert check_structural(b) == check_structural(b, year=datetime.date.today().year)


def test_every_structural_finding_is_bilingual_with_source_and_remedy():
    b = building(
        year_built=1960, storeys=3, structure="masonry", seismic_intensity=8, danger_grade=None
    )
    found = check_structural(b, year=YEAR)
    assert {f.code for f in found} == {
        "appraisal_required",
        "storeys_low",
        "masonry_seismic",
        "design_life_short",
    }
    for f in found:
        assert f.message_zh and f.message_en and f.remedy_zh and f.remedy_en and f.source
