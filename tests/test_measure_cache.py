"""The site plan is measured once per plan content: an assessment and a proposal of one
unit measure it once, a changed plan is measured again, and a bad plan is still refused
every time."""

from __future__ import annotations

import io
import uuid
from decimal import Decimal

import pytest

from elevator_eval.errors import InputError
from elevator_eval.site import measure as measure_mod


def _fresh_unit():
    """The sample street's first unit with a plan no other test has measured (a unique
    extra key in the plan, which the plan keeps aside and the measurement ignores)."""
    from elevator_eval.resources import sample_project_path
    from elevator_eval.store import open_project

    project = open_project(sample_project_path())
    unit = project.units()[0].clone()
    unit.site.extra["plan"]["note_for_test"] = uuid.uuid4().hex
    return project, unit


def _count_measure(monkeypatch) -> list[int]:
    calls = [0]
    real = measure_mod.measure

    def counting(*args, **kwargs):
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(measure_mod, "measure", counting)
    return calls


def test_a_proposal_measures_the_plan_once(monkeypatch):
    from elevator_eval.report.proposal import build_proposal

    project, unit = _fresh_unit()
    calls = _count_measure(monkeypatch)
    build_proposal(unit, project=project, out=io.BytesIO())
    assert calls[0] == 1
    build_proposal(unit, project=project, out=io.BytesIO())
    assert calls[0] == 1


def test_a_changed_plan_is_measured_again(monkeypatch):
    project, unit = _fresh_unit()
    calls = _count_measure(monkeypatch)
    first = measure_mod.measure_site(unit.site)
    shaft = unit.site.extra["plan"]["shaft"]
    # move the shaft 1 m away from everything (in place, as an editor would)
    shaft["footprint"] = [[Decimal(str(x)) + 1, Decimal(str(y)) - 1] for x, y in shaft["footprint"]]
    second = measure_mod.measure_site(unit.site)
    assert calls[0] == 2
    assert second is not first
    assert measure_mod.measured_plan(unit.site).shaft.footprint[0][0] == pytest.approx(
        float(shaft["footprint"][0][0])
    )


def test_a_bad_plan_is_refused_on_every_call():
    _, unit = _fresh_unit()
    unit.site.extra["plan"]["buildings"] = "not a list"
    for _ in range(2):
        with pytest.raises(InputError, match=r"site\.plan\.buildings"):
            measure_mod.measure_site(unit.site)


def test_a_plan_that_only_looks_like_a_measured_one_is_still_validated():
    project, unit = _fresh_unit()
    assert measure_mod.measure_site(unit.site) is not None  # the list version, cached
    bad = unit.clone()
    fp = bad.site.extra["plan"]["shaft"]["footprint"]
    fp[0] = tuple(fp[0])  # JSON would write the same
    with pytest.raises(InputError, match=r"site\.plan\.shaft"):
        measure_mod.measure_site(bad.site)


def test_the_same_plan_edited_in_place_to_a_bad_value_is_refused():
    _, unit = _fresh_unit()
    assert measure_mod.measure_site(unit.site) is not None
    plan = unit.site.extra["plan"]
    plan["buildings"] = "not a list"
    with pytest.raises(InputError, match=r"site\.plan\.buildings"):
        measure_mod.measure_site(unit.site)
    fp = plan["shaft"]["footprint"]
    _, fresh = _fresh_unit()
    plan["buildings"] = fresh.site.extra["plan"]["buildings"]
    assert measure_mod.measure_site(unit.site) is not None
    fp[0] = tuple(fp[0])  # in place on the object measured just now: a tuple is not a list
    with pytest.raises(InputError, match=r"site\.plan\.shaft"):
        measure_mod.measure_site(unit.site)


def test_asking_again_for_the_same_plan_object_does_not_print_it_again(monkeypatch):
    """A document asks for its unit's plan several times; the plan's printed key (a repr of
    a few thousand characters) is made once for the object, not on every ask."""
    _, unit = _fresh_unit()
    keys = [0]
    real = measure_mod._quick_key

    def counting(raw):
        keys[0] += 1
        return real(raw)

    monkeypatch.setattr(measure_mod, "_quick_key", counting)
    first = measure_mod.measure_site(unit.site)
    for _ in range(5):
        assert measure_mod.measure_site(unit.site) is first
        assert measure_mod.measured_plan(unit.site) is not None
    assert keys[0] == 1
    other = unit.clone()  # an equal plan in a new object: found by its key, not measured
    assert measure_mod.measure_site(other.site) is first
    assert keys[0] == 2
