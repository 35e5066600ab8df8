"""A unit file's fields named in Chinese for the window (``field_names.py``)."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from json_paths import REMOVE, paths, put

from elevator_eval import error_text, ruledata
from elevator_eval.errors import InputError
from elevator_eval.field_names import field_zh, words
from elevator_eval.unitfile import unit_from_dict
from elevator_eval.vocabulary import has_cjk

DATA = Path(__file__).parent / "data"
EXAMPLES = ("xingfuli-3-2.unit.json", "plan-north.unit.json")


# Worked examples, written by hand: what a clerk reads before the path.
@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("households[1].vote", "第 2 户·表决意见"),
        ("households[0].id", "第 1 户·户号"),
        ("building.year_built", "楼栋信息·建成年份"),
        ("id", "单元编号"),
        ("site.entry_mode", "场地·入户方式"),
        ("site.pipes_in_footprint[2]", "场地·场地内管线第 3 项"),
        ("costs.items_yuan.pit", "造价·造价分项·底坑"),
        ("costs.items_yuan.lift_hall", "造价·造价分项·lift_hall"),  # the file's own line
        ("costs.annual_om_yuan.electricity", "造价·年运行费用·电费"),
        ("subsidies[0].cap_yuan", "第 1 条补贴·上限"),
        ("share.coefficients.6", "费用分摊·楼层系数·6 层"),
        ("site.plan.windows[0].building", "场地·总平面·第 1 扇窗·所在建筑"),
        ("site.plan.windows[4].sill_height_m", "场地·总平面·第 5 扇窗·窗台高度"),
        (
            "site.plan.buildings[2].footprint[1][0]",
            "场地·总平面·第 3 栋建筑·轮廓第 2 个角点·x 坐标",
        ),
        ("site.plan.fire_lane.line[1][1]", "场地·总平面·消防车道·走向第 2 个点·y 坐标"),
        ("unit XFL-4-2: households[1].vote", "单元 XFL-4-2·第 2 户·表决意见"),
    ],
)
def test_worked_examples(path, name):
    assert field_zh(path) == name


@pytest.mark.parametrize(
    "path",
    [
        "households[0].favourite_colour",  # a key of no unit file
        "share.coefficients.a",  # a floor that is not a number
        "building.storeys.7",  # a floor's key under a key of no floors
        "households[1][2]",  # an item of an item
        "site.plan.red_line[0][2]",  # a corner has two coordinates
        "a..b",
        "",
        "rules shanghai-2020 checks.gas.severity",  # a rule file's inner path
        "households[0]." + "x" * 500,
    ],
)
def test_a_path_with_an_unnamed_part_has_no_name(path):
    assert field_zh(path) is None


def test_the_window_shows_the_name_then_the_path_and_english_the_path_alone():
    e = InputError("site.plan.windows[0].sill_height_m", "must be a number, got 'x'")
    assert error_text.error_text(e, "zh") == (
        "场地·总平面·第 1 扇窗·窗台高度（site.plan.windows[0].sill_height_m）：须为数字，填的是 'x'"
    )
    assert error_text.error_text(e, "en") == (
        "site.plan.windows[0].sill_height_m: must be a number, got 'x'"
    )
    unnamed = InputError("households[0].favourite_colour", "must be text")
    assert error_text.error_text(unnamed, "zh") == "households[0].favourite_colour：须为文字"


BAD_VALUES = (None, [], {}, "x", "", -1, 0, 10**12, True, [[1]], REMOVE)


def test_every_field_a_unit_file_is_refused_for_has_a_chinese_name():
    """Each value of the two example unit files (the format's example and one with a full
    site plan), replaced by a wrong one or removed: the field the reader names has a
    Chinese name, whatever it is."""
    seen = set()
    for name in EXAMPLES:
        example = json.loads((DATA / name).read_text(encoding="utf-8"))
        for path in list(paths(example))[1:]:
            for value in BAD_VALUES:
                data = copy.deepcopy(example)
                put(data, path, value)
                try:
                    unit_from_dict(data)
                except InputError as e:
                    seen.add(e.field)
    assert len(seen) > 150  # the reader's paths, down to a corner's coordinate
    unnamed = sorted(f for f in seen if field_zh(f) is None)
    assert unnamed == []


def test_the_names_are_chinese_and_the_templates_take_their_numbers():
    w = words()
    assert ruledata.load("vocabulary", "field_names", field="vocabulary")["source"]
    for table in ("top", "keys", "keys_in"):
        for key, name in w[table].items():
            assert has_cjk(name) or name in ("x", "y"), (table, key)
    for key, template in w["items"].items():
        assert "{0}" in template and has_cjk(template), key
    assert set(w["points"]) <= set(w["items"])
    assert len(w["coordinates"]) == 2


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_as_a_field_is_named_or_left_alone_quickly(text):
    start = time.perf_counter()
    name = field_zh(text)
    assert time.perf_counter() - start < 0.05
    assert name is None or has_cjk(name)


def test_every_field_of_the_procedures_records_refused_has_a_chinese_name():
    """The sample street's procedure records (stages, objections, blockers, location,
    upkeep) and its households' intent and canvassing contacts, each value replaced by a
    wrong one or removed in turn: every field the readers name has a Chinese name."""
    from elevator_eval.process.records import read_canvass, read_intent, read_process
    from elevator_eval.resources import sample_project_path
    from elevator_eval.store import open_project

    project = open_project(sample_project_path())
    seen = set()

    def refuse(owner, key, read):
        raw = owner.extra.get(key)
        if raw is None:
            return
        for path in list(paths(raw))[1:]:
            for value in BAD_VALUES:
                data = copy.deepcopy(raw)
                put(data, path, value)
                owner.extra[key] = data
                try:
                    read()
                except InputError as e:
                    seen.add(e.field)
        owner.extra[key] = raw

    for unit in project.units():
        refuse(unit, "process", lambda u=unit: read_process(u))
        for h in unit.households:
            refuse(h, "intent", lambda h=h: read_intent(h))
            refuse(h, "canvass", lambda h=h, u=unit: read_canvass(h, u.id))
    assert len({f.split(": ", 1)[1] for f in seen}) > 50
    assert sorted(f for f in seen if field_zh(f) is None) == []
