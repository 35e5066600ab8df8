"""The site plan's window ticks: the windows of the floors above one another share one
place on the plan, which shows the worst of them — red where any falls below the sunlight
standard, else orange where any loses sun, else blue.

Expected states from the sample street's sunlight tables (``elevator-eval sunlight``):
DH-1-3's window 101-S falls from 4.28 to 1.87 h (below 2 h) while 201-S … 602-S above it
keep more than 3 h; DH-1-1's ground-floor north windows lose about 0.3 h and stay above 2 h.
"""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import Line

from elevator_eval.report.site_drawing import site_plan_drawing
from elevator_eval.resources import sample_project_path
from elevator_eval.site.measure import measure_site, measured_plan
from elevator_eval.site.plan import PlanWindow, worst_at_each_place
from elevator_eval.site.sunlight import analyse
from elevator_eval.store import open_project

RED, ORANGE, BLUE = "0xc62828", "0xef6c00", "0x1565c0"


def _ticks(drawing) -> list[tuple[tuple[float, float], str]]:
    out = []
    for shape in drawing.contents if hasattr(drawing, "contents") else []:
        if isinstance(shape, Line) and shape.strokeWidth == 1.2:
            out.append(((round(shape.x1, 2), round(shape.y1, 2)), shape.strokeColor.hexval()))
        out += _ticks(shape)
    return out


def _w(wid, x, y, floor):
    return PlanWindow(wid, None, floor, x, y, 1.0 + 2.8 * (floor - 1), 180.0)


def test_the_worst_window_of_a_stack_is_the_one_shown():
    stack = [_w("101", 0, 0, 1), _w("201", 0, 0, 2), _w("301", 0, 0, 3), _w("102", 5, 0, 1)]
    shown = worst_at_each_place(stack, {"101": 2, "201": 1})
    assert [w.id for w in shown] == ["101", "102"]
    shown = worst_at_each_place(stack, {"301": 1})
    assert [w.id for w in shown] == ["301", "102"]
    assert [w.id for w in worst_at_each_place(stack, {})] == ["101", "102"]


@pytest.fixture(scope="module")
def sample():
    return open_project(sample_project_path())


def test_a_window_below_the_standard_is_red_though_the_floors_above_only_lose_sun(sample):
    unit = sample.find_unit("DH-1-3")
    plan = measured_plan(unit.site)
    res = analyse(plan)
    below = {w.id for w in res.below_standard}
    assert below == {"101-S"}
    drawing = site_plan_drawing(plan, measure_site(unit.site), 480, 300, "zh")
    colours = dict(_ticks(drawing))
    w101 = next(w for w in plan.windows if w.id == "101-S")
    stacked = [w for w in plan.windows if (w.x, w.y) == (w101.x, w101.y)]
    assert len(stacked) == 6  # 101-S under 201-S … 601-S
    reds = [c for c in colours.values() if c == RED]
    assert len(reds) == 1


def test_ground_floor_windows_losing_sun_are_orange_under_unaffected_floors(sample):
    unit = sample.find_unit("DH-1-1")
    plan = measured_plan(unit.site)
    res = analyse(plan)
    losing = {w.id for w in res.windows if w.after_min < w.before_min}
    assert losing and not res.below_standard
    places = {(w.x, w.y, w.facing_deg) for w in plan.windows if w.id in losing}
    drawing = site_plan_drawing(plan, measure_site(unit.site), 480, 300, "zh")
    oranges = [c for c in dict(_ticks(drawing)).values() if c == ORANGE]
    assert len(oranges) == len(places)
