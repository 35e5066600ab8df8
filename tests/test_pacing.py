"""Pauses a long computation offers (``pacing.py``): nothing without a hook, the
thread's own hook with one, and a census gives the same result either way."""

from __future__ import annotations

import math
import pickle
import threading

from benchmarks.bench_ui import project_of
from elevator_eval import census, pacing
from elevator_eval.pacing import PACE_ITEMS, pace, paced

UNITS = 600  # more than two pauses' worth of units in each loop


def test_pace_without_a_hook_does_nothing():
    pace()  # no hook: returns
    calls: list[int] = []
    with paced(lambda: calls.append(1)):
        pass
    pace()
    assert calls == []


def test_the_hook_is_the_threads_own_for_the_block_only():
    outer: list[str] = []
    inner: list[str] = []
    with paced(lambda: outer.append("o")):
        pace()
        with paced(lambda: inner.append("i")):
            pace()
            other = threading.Thread(target=pace)  # another thread: no hook of its own
            other.start()
            other.join()
        pace()
        with paced(None):  # none inside this block
            pace()
    pace()
    assert (outer, inner) == (["o", "o"], ["i"])


def test_a_census_pauses_in_each_of_its_loops_and_gives_the_same_result():
    blob = pickle.dumps(project_of(UNITS))
    plain = census.census(pickle.loads(blob), year=2026)
    calls: list[int] = []
    with paced(lambda: calls.append(1)):
        hooked = census.census(pickle.loads(blob), year=2026)
    assert hooked.to_json() == plain.to_json()
    # at least once per PACE_ITEMS units in each per-unit loop: the rules resolved, the
    # buildings' and the sites' columns, the rows, the counts
    assert len(calls) >= 5 * math.ceil(UNITS / PACE_ITEMS)
    assert pacing.pace is pace  # (the census's modules call this one)


def test_a_plan_measured_anew_pauses_before_each_step():
    """Before the plan is checked, before it is measured, and for each facing of windows
    in the sunlight analysis (the steps of milliseconds a census makes per plan)."""
    import copy
    from decimal import Decimal

    from elevator_eval.resources import sample_project_path
    from elevator_eval.site.measure import measure_site
    from elevator_eval.store import open_project

    unit = next(u for u in open_project(sample_project_path()).units() if u.site.extra)
    site = copy.deepcopy(unit.site)
    site.extra["plan"]["shaft"]["height_m"] = Decimal("20.0001")  # not measured before
    calls: list[int] = []
    with paced(lambda: calls.append(1)):
        measured = measure_site(site)
    assert measured is not None and "sunlight_below_standard" in measured.values
    assert len(calls) >= 3
    first = len(calls)
    with paced(lambda: calls.append(1)):
        measure_site(site)  # measured already: no step to pause between
    assert len(calls) == first
