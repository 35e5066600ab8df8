"""The site plan's names stay readable: no name covers another, a pipe's name clears the
shaft and the buildings, and the scale bar sits beside the map, never over a building.

Checked on every plan of the sample street in both languages (the street has units whose
two pipes end side by side at the shaft, and neighbours in the map's lower left corner).
"""

from __future__ import annotations

import re

import pytest
from reportlab.graphics.shapes import Polygon, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from elevator_eval.report.site_drawing import site_plan_drawing
from elevator_eval.resources import sample_project_path
from elevator_eval.site.measure import measure_site, measured_plan
from elevator_eval.store import open_project

SHIFT = {"start": 0.0, "middle": 0.5, "end": 1.0}


def _box(s: String) -> tuple[float, float, float, float]:
    w = stringWidth(s.text, s.fontName, s.fontSize)
    left = s.x - w * SHIFT[s.textAnchor]
    return left, s.y - 0.25 * s.fontSize, left + w, s.y + 0.85 * s.fontSize


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _plans():
    p = open_project(sample_project_path())
    for u in p.units():
        sp = measured_plan(u.site)
        if sp is not None and sp.shaft is not None:
            for lang in ("zh", "en"):
                yield u.id, lang, site_plan_drawing(sp, measure_site(u.site), 480, 300, lang)


PLANS = list(_plans())


def test_the_sample_has_plans_to_check():
    assert len(PLANS) == 2 * 15  # every unit but one has a plan with a shaft


@pytest.mark.parametrize("uid,lang,d", PLANS, ids=[f"{u}-{lang}" for u, lang, _ in PLANS])
def test_no_name_covers_another(uid, lang, d):
    boxes = [_box(s) for s in d.contents if isinstance(s, String)]
    assert len(boxes) > 8
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not _overlap(a, b), (a, b)


def _pipe_names(d, lang):
    names = {"zh": ("给水管", "通信线缆", "排水管", "燃气管", "电力电缆"), "en": ("pipe", "cable")}
    return [
        s
        for s in d.contents
        if isinstance(s, String) and any(n in s.text for n in names[lang]) and s.fontSize == 5.5
    ]


@pytest.mark.parametrize("uid,lang,d", PLANS, ids=[f"{u}-{lang}" for u, lang, _ in PLANS])
def test_pipe_names_clear_the_shaft_and_the_buildings(uid, lang, d):
    shaft = [
        p
        for p in d.contents
        if isinstance(p, Polygon) and p.fillColor is not None and p.fillColor.hexval() == "0xfcc98a"
    ]
    buildings = [
        p
        for p in d.contents
        if isinstance(p, Polygon)
        and p.strokeColor is not None
        and p.fillColor is not None
        and p.fillColor.hexval() in ("0xdce3ec", "0xececec")
    ]
    assert len(shaft) == 1 and buildings
    obstacles = []
    for poly in shaft + buildings:
        xs, ys = poly.points[0::2], poly.points[1::2]
        obstacles.append((min(xs), min(ys), max(xs), max(ys)))
    for s in _pipe_names(d, lang):
        for o in obstacles:
            assert not _overlap(_box(s), o), (s.text, o)
    # a courtyard's name too (DH-1-3's "102 庭院" was written across the shaft)
    yards = [
        s
        for s in d.contents
        if isinstance(s, String) and re.search("庭院|yard", s.text) and s.fontSize == 5.5
    ]
    for s in yards:
        for o in obstacles:
            assert not _overlap(_box(s), o), (s.text, o)
    if uid == "DH-1-3":
        assert len(yards) == 2


@pytest.mark.parametrize("uid,lang,d", PLANS, ids=[f"{u}-{lang}" for u, lang, _ in PLANS])
def test_the_scale_bar_is_beside_the_map(uid, lang, d):
    frame = [r for r in d.contents if isinstance(r, Rect)][1]  # the map's own frame
    bar = [r for r in d.contents if isinstance(r, Rect) and r.height == 3]
    assert len(bar) == 2
    assert min(r.x for r in bar) > frame.x + frame.width  # right of the map
    names = [s for s in d.contents if isinstance(s, String) and re.fullmatch(r"0|\d+ m", s.text)]
    assert len(names) == 2
    assert names and all(s.x >= frame.x + frame.width for s in names)


def _building_boxes(d):
    return [
        (min(p.points[0::2]), min(p.points[1::2]), max(p.points[0::2]), max(p.points[1::2]))
        for p in d.contents
        if isinstance(p, Polygon)
        and p.fillColor is not None
        and p.fillColor.hexval() in ("0xdce3ec", "0xececec")
    ]


def _inside(a, b) -> bool:
    return b[0] <= a[0] and a[2] <= b[2] and b[1] <= a[1] and a[3] <= b[3]


@pytest.mark.parametrize("uid,lang,d", PLANS, ids=[f"{u}-{lang}" for u, lang, _ in PLANS])
def test_a_building_is_named_inside_it_or_beside_it_on_the_map(uid, lang, d):
    frame = [r for r in d.contents if isinstance(r, Rect)][1]
    map_box = (frame.x, frame.y, frame.x + frame.width, frame.y + frame.height)
    buildings = _building_boxes(d)
    names = [
        s
        for s in d.contents
        if isinstance(s, String) and s.fontSize == 6.5 and re.search(r" \d+(\.\d)? m$", s.text)
    ]
    assert len(names) == len(buildings)
    for s in names:
        box = _box(s)
        if any(_inside(box, b) for b in buildings):
            continue
        # too small to hold it: beside it, on the map, over no building
        assert _inside(box, map_box), s.text
        assert not any(_overlap(box, b) for b in buildings), s.text


def test_a_small_building_is_named_beside_it():
    """The sample street has a building too narrow for its name (a 3 m pavilion): the name
    overran its walls."""
    small = 0
    for _uid, _lang, d in PLANS:
        buildings = _building_boxes(d)
        for s in d.contents:
            if isinstance(s, String) and s.fontSize == 6.5 and s.text.startswith("P1 "):
                assert not any(_overlap(_box(s), b) for b in buildings)
                small += 1
    assert small > 0
