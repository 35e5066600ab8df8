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
