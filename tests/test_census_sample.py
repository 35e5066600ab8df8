"""The bundled sample street: all three classes, census equal to a hand count.

Hand count (reference year 2026, ruleset shanghai-2020, every unit on civil-code-2021), from
the units' building and site data:

========  ===========================================================  ============
unit      findings that count (strong / major)                          class
========  ===========================================================  ============
DH-1-1    none (water, telecom pipes: weak)                              suitable
DH-1-2    gas pipe (strong)                                              difficult
DH-1-3    private courtyard + sunlight (2 strong)                        unsuitable
DH-2-1    danger grade C (major)                                         unsuitable
DH-2-2    danger grade C + fire lane 3.50 m (2 major)                    unsuitable
DH-5-1    1996, never appraised (strong)                                 difficult
DH-5-2    never appraised + 5.20 m to the neighbour (2 strong)           unsuitable
GY-1-1    none                                                           suitable
GY-1-2    footprint 2.10 × 2.40 m < shaft 2.3 × 2.5 m (strong)           difficult
GY-1-3    none (site not surveyed)                                       suitable
GY-3-1    none (reduced pit 1000 mm, drainage pipe: weak)                suitable
GY-3-2    outside the red line (major)                                   unsuitable
GY-6-1    sunlight below standard (strong)                               difficult
GY-6-2    none (water pipe: weak)                                        suitable
GY-8-1    5.50 m to the neighbour (strong)                               difficult
GY-8-2    none (telecom: weak)                                           suitable
========  ===========================================================  ============
"""

from __future__ import annotations

import pytest

from elevator_eval.resources import sample_project_path

YEAR = 2026

HAND = {
    "DH-1-1": "suitable",
    "DH-1-2": "difficult",
    "DH-1-3": "unsuitable",
    "DH-2-1": "unsuitable",
    "DH-2-2": "unsuitable",
    "DH-5-1": "difficult",
    "DH-5-2": "unsuitable",
    "GY-1-1": "suitable",
    "GY-1-2": "difficult",
    "GY-1-3": "suitable",
    "GY-3-1": "suitable",
    "GY-3-2": "unsuitable",
    "GY-6-1": "difficult",
    "GY-6-2": "suitable",
    "GY-8-1": "difficult",
    "GY-8-2": "suitable",
}


@pytest.fixture(scope="module")
def project():
    from elevator_eval.store import open_project

    return open_project(sample_project_path())


def test_sample_census_matches_the_hand_count(project):
    from elevator_eval.census import census

    c = census(project, year=YEAR)
    assert {r.unit_id: r.klass for r in c.rows} == HAND
    assert c.by_class == {"suitable": 6, "difficult": 5, "unsuitable": 5}
    assert c.by_community == {
        "东湖新村": {"suitable": 1, "difficult": 2, "unsuitable": 4},
        "桂园小区": {"suitable": 5, "difficult": 3, "unsuitable": 1},
    }
    assert c.by_year_band == {
        "1980–1989": {"suitable": 2, "difficult": 2, "unsuitable": 3},
        "1990–1999": {"suitable": 2, "difficult": 2, "unsuitable": 2},
        "2000–2009": {"suitable": 2, "difficult": 1, "unsuitable": 0},
    }
    # consent is reported beside the class: 6 passed, 2 blocked by an exclusive-part veto
    assert c.by_consent_state == {"ready": 6, "needs_votes": 8, "blocked": 2}
    blocked = sorted(r.unit_id for r in c.rows if r.consent_state == "blocked")
    assert blocked == ["DH-1-3", "GY-8-1"]


def test_sample_vectorised_path_agrees(project):
    from elevator_eval.census import census

    fast = census(project, year=YEAR, vectorised=True)
    assert {r.unit_id: r.klass for r in fast.rows} == HAND


def test_sample_intended_classes(project):
    intended = {u.id: u.extra.get("sample_intended_class") for u in project.units()}
    assert intended == HAND
