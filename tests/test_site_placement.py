"""Shaft placement helper, window generator and ground shadows (hand values)."""

from __future__ import annotations

import json
import math
from decimal import Decimal
from pathlib import Path

import pytest

from elevator_eval.site.placement import (
    candidates,
    default_plan,
    edge_facing_deg,
    facade_windows,
    shaft_at,
)
from elevator_eval.site.plan import Prism, parse_plan
from elevator_eval.site.shadows import prism_shadow, shadow_offset, shadows

PLAN_UNIT = Path(__file__).resolve().parent / "data" / "plan-north.unit.json"
OWN = Prism("self", ((0, 0), (30, 0), (30, 12), (0, 12)), 17.4, True)


def test_noon_shadow_length_is_height_over_tan_altitude():
    # dahan at 39.9°N: noon altitude 90 − 39.9 − 20.15 = 29.95°; a 20 m prism's shadow
    # reaches 20 / tan 29.95° = 34.71 m north of its north face
    dx, dy = shadow_offset(39.9, -20.15, 12.0)
    assert dx == pytest.approx(0, abs=1e-9)
    assert dy == pytest.approx(1 / math.tan(math.radians(29.95)), rel=1e-9)
    pts = prism_shadow(Prism("s", ((0, 0), (2, 0), (2, 2), (0, 2)), 20.0), (dx, dy))
    assert max(y for _, y in pts) == pytest.approx(2 + 34.71, abs=0.01)
    assert min(y for _, y in pts) == pytest.approx(0)


def test_no_shadow_before_sunrise():
    # sunrise at 39.9°N on dahan: hour angle 72.1° → 07:11; at 07:00 the sun is down
    assert shadow_offset(39.9, -20.15, 7.0) is None
    p = parse_plan(
        {
            "location": {"lat": 39.9, "lon": 116.4},
            "buildings": [
                {"id": "a", "own": True, "height_m": 3, "footprint": [[0, 0], [1, 0], [1, 1]]}
            ],
        }
    )
    assert shadows(p, 7.0) == {}
    assert set(shadows(p, 9.0)) == {"a"}


def test_shaft_at_stands_outside_the_facade():
    # edge 0 runs (0,0)→(30,0): the south façade; outward is −y
    s = shaft_at(OWN, 0, 15.0, 2.5, 2.5, 0.0, 20.0)
    ys = [y for _, y in s.footprint]
    xs = [x for x, _ in s.footprint]
    assert (min(ys), max(ys)) == (-2.5, 0.0) and (min(xs), max(xs)) == (13.75, 16.25)
    flat = shaft_at(OWN, 2, 15.0, 2.5, 2.5, 1.8, 20.0)  # north façade with a corridor
    assert min(y for _, y in flat.footprint) == pytest.approx(13.8)


def test_facade_windows_and_facing():
    assert edge_facing_deg(OWN, 0) == pytest.approx(180)
    assert edge_facing_deg(OWN, 1) == pytest.approx(90)
    assert edge_facing_deg(OWN, 2) == pytest.approx(0)
    assert edge_facing_deg(OWN, 3) == pytest.approx(270)
    w = facade_windows(OWN, 0, floors=2, per_floor=3, floor_h_m=2.9)
    assert len(w) == 6
    assert [x["x"] for x in w[:3]] == [5.0, 15.0, 25.0]
    assert {x["facing_deg"] for x in w} == {180.0}
    assert [x["sill_height_m"] for x in w[::3]] == [0.9, 3.8]


def test_candidates_rank_the_sunlight_free_positions_first():
    d = json.loads(PLAN_UNIT.read_text(encoding="utf-8"), parse_float=Decimal)
    cands = candidates(parse_plan(d["site"]["plan"]))
    assert len(cands) == 6
    assert cands[0].problems == []
    # the plan's own south position takes self-101 below 2 h
    south = [c for c in cands if max(y for _, y in c.shaft.footprint) <= 0]
    here = next(c for c in south if c.shaft.footprint[0] == (12.0, 0.0))
    assert "sunlight_below_standard" in here.problems and here.below == 1
    assert [len(c.problems) for c in cands] == sorted(len(c.problems) for c in cands)


def test_default_plan_is_valid_and_has_the_shaft_at_the_north_facade():
    from elevator_eval.model import Site

    p = parse_plan(
        json.loads(json.dumps(default_plan(Site(entry_mode="flat"), 6, 2.9)), parse_float=Decimal)
    )
    assert p.own.height_m == pytest.approx(17.4)
    assert min(y for _, y in p.shaft.footprint) == 11.0
    assert max(y for _, y in p.shaft.footprint) == pytest.approx(15.3)
