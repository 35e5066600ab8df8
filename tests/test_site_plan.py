"""site.plan: parsing and validation, lossless round trip, measured checks in assess, and
the sunlight command (site-plan contract §1, §2, §4)."""

from __future__ import annotations

import copy
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from elevator_eval import error_text
from elevator_eval.cli import run_command
from elevator_eval.errors import InputError
from elevator_eval.site.measure import fire_lane_width_after, measure
from elevator_eval.site.plan import parse_plan
from elevator_eval.unitfile import loads_unit
from elevator_eval.unitfile_write import dumps_json, dumps_unit

PLAN_UNIT = Path(__file__).resolve().parent / "data" / "plan-north.unit.json"


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = run_command(argv[0], [str(a) for a in argv[1:]], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def raw():
    return json.loads(PLAN_UNIT.read_text(encoding="utf-8"))


def write(tmp_path, d, name="u.unit.json"):
    p = tmp_path / name
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return p


# ---------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    "mutate,field",
    [
        (
            lambda p: p["buildings"][1].update(footprint=[[0, 0], [10, 10], [10, 0], [0, 10]]),
            "site.plan.buildings[1].footprint",
        ),
        (
            lambda p: p["buildings"][1].update(footprint=[[0, 0], [10, 0]]),
            "site.plan.buildings[1].footprint",
        ),
        (
            lambda p: p["buildings"][1].update(footprint=[[0, 0], [10, 0], [20, 0]]),
            "site.plan.buildings[1].footprint",
        ),
        (lambda p: p["buildings"][2].pop("height_m"), "site.plan.buildings[2].height_m"),
        (lambda p: p["buildings"][0].update(height_m=-3), "site.plan.buildings[0].height_m"),
        (lambda p: p["buildings"][1].update(own=True), "site.plan.buildings"),
        (lambda p: p["shaft"].update(footprint="square"), "site.plan.shaft.footprint"),
        (lambda p: p["windows"][0].pop("facing_deg"), "site.plan.windows[0].facing_deg"),
        (lambda p: p["windows"][1].update(building="nowhere"), "site.plan.windows[1].building"),
        (lambda p: p["windows"][2].update(id="self-101"), "site.plan.windows[2].id"),
        (lambda p: p["windows"][0].update(x="east"), "site.plan.windows[0].x"),
        (lambda p: p.update(location={"lat": 95, "lon": 116}), "site.plan.location.lat"),
        (lambda p: p.update(location={"city": "亚特兰蒂斯"}), "site.plan.location.city"),
        (
            lambda p: p.update(sunlight_rules={"standard_day": "xiazhi"}),
            "site.plan.sunlight_rules.standard_day",
        ),
        (lambda p: p.update(red_line=[[0, 0], [1, 1], [1, 0], [0, 1]]), "site.plan.red_line"),
        (lambda p: p["fire_lane"].pop("width_m"), "site.plan.fire_lane.width_m"),
        (lambda p: p["pipes"][1].update(line=[[1, 1]]), "site.plan.pipes[1].line"),
        (lambda p: p["courtyards"][0].update(polygon=None), "site.plan.courtyards[0].polygon"),
        (lambda p: p.update(buildings={}), "site.plan.buildings"),
    ],
)
def test_bad_plan_exits_2_naming_the_field(tmp_path, mutate, field):
    d = raw()
    mutate(d["site"]["plan"])
    code, out, err = run("sunlight", write(tmp_path, d), "--json")
    assert code == 2 and out == ""
    assert err.startswith(f"error: {field}:"), err
    assert "\n" not in err.strip() and "Traceback" not in err
    with pytest.raises(InputError) as e:
        loads_unit(json.dumps(d))
    assert e.value.field == field


def test_a_bow_tie_is_refused_at_the_point_where_its_edges_cross():
    """The square's corners taken in the wrong order: its edges cross at its centre."""
    d = raw()
    d["site"]["plan"]["buildings"][1]["footprint"] = [[0, 0], [10, 10], [10, 0], [0, 10]]
    with pytest.raises(InputError) as e:
        loads_unit(json.dumps(d))
    assert e.value.message == "crosses itself at (5, 5)"
    assert error_text.error_text(e.value, "zh") == (
        "场地·总平面·第 2 栋建筑·轮廓（site.plan.buildings[1].footprint）："
        "边线在 (5, 5) 处交叉，不是简单多边形"
    )


def test_plan_is_written_back_losslessly():
    text = PLAN_UNIT.read_text(encoding="utf-8")
    d = json.loads(text, parse_float=Decimal)
    d["site"]["plan"]["buildings"][1]["height_m"] = Decimal("16.50")
    d["site"]["plan"]["custom_note"] = {"surveyor": "甲", "version": 3}
    unit = loads_unit(dumps_json(d))
    back = json.loads(dumps_unit(unit), parse_float=Decimal)
    assert back["site"]["plan"] == d["site"]["plan"]
    assert '"height_m": 16.50' in dumps_unit(unit)


def test_closed_ring_is_accepted_and_the_same_polygon():
    p = {
        "buildings": [
            {
                "id": "a",
                "own": True,
                "height_m": 3,
                "footprint": [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
            }
        ]
    }
    assert parse_plan(p).own.footprint == ((0, 0), (4, 0), (4, 4), (0, 4))


# ---------------------------------------------------------------------- measured values


def plan_dict():
    return copy.deepcopy(raw()["site"]["plan"])


def test_measured_values_of_the_test_plan():
    m = measure(parse_plan(plan_dict()))
    v = m.values
    assert v["inside_red_line"] is True
    # shaft south face y = −2.5, S1 north face y = −28; N1 is 40 m north: 25.5 m
    assert v["distance_to_neighbour_m"] == Decimal("25.5")
    assert m.parts["distance_to_neighbour_m"] == {"building": "S1"}
    assert v["fire_lane_width_after_m"] == Decimal(4)  # band y −8…−4 misses the shaft
    # the water pipe crosses the shaft; the gas pipe runs along its east wall only
    assert v["pipes_in_footprint"] == ["water"]
    # the courtyard x 0–12 only touches the shaft's west wall x = 12
    assert v["occupies_private_courtyard"] is False
    assert v["sunlight_below_standard"] is True
    assert m.parts["sunlight_below_standard"]["windows"] == ["self-101"]


def test_fire_lane_hand_values():
    shaft = [[12, -2.5], [14.5, -2.5], [14.5, 0], [12, 0]]
    # lane along y = −1.5, 4 m: band −3.5…0.5; shaft takes −2.5…0, 2.5 m of it: the spec's
    # "width less the intrusion" is 4 − 2.5 = 1.5 m (left in strips of 1.0 and 0.5 m)
    assert fire_lane_width_after([[-5, -1.5], [40, -1.5]], 4.0, shaft) == pytest.approx((1.5, 2.5))
    # the audit's case: a 2 m deep shaft in the middle of a 4 m lane leaves 4 − 2 = 2.0 m
    middle = [[10, -11], [12.5, -11], [12.5, -9], [10, -9]]
    assert fire_lane_width_after([[-5, -10], [40, -10]], 4.0, middle)[0] == pytest.approx(2.0)
    # lane along y = −4, 4 m: band −6…−2; shaft takes −2.5…−2 → 3.5 m left
    assert fire_lane_width_after([[-5, -4], [40, -4]], 4.0, shaft)[0] == pytest.approx(3.5)
    # lane drawn the other way round gives the same
    assert fire_lane_width_after([[40, -4], [-5, -4]], 4.0, shaft)[0] == pytest.approx(3.5)
    # lane beyond the shaft's end (x > 14.5) is untouched
    assert fire_lane_width_after([[20, -1], [40, -1]], 4.0, shaft)[0] == 4.0


def test_red_line_partly_outside_and_exact_6m_neighbour(tmp_path):
    p = plan_dict()
    p["red_line"] = [[-5, -2], [40, -2], [40, 38], [-5, 38]]  # shaft reaches y −2.5
    p["buildings"][1]["footprint"] = [[-200, -40], [230, -40], [230, -8.5], [-200, -8.5]]
    m = measure(parse_plan(p))
    assert m.values["inside_red_line"] is False
    assert m.values["distance_to_neighbour_m"] == Decimal(6)
    d = raw()
    d["site"]["plan"] = p
    code, out, _ = run("assess", write(tmp_path, d), "--json")
    assert code == 0
    res = json.loads(out)
    codes = {f["code"]: f for f in res["findings"]}
    assert "neighbour_close" not in codes  # exactly 6.0 m is not closer than 6
    assert codes["red_line"]["severity"] == "major"
    assert "measured" in codes["red_line"]["message_en"]
    assert res["measured"]["inside_red_line"] is False
    assert res["class"] == "unsuitable"


def test_courtyard_overlap_counts_only_with_area():
    p = plan_dict()
    p["courtyards"] = [{"household": "101", "polygon": [[0, -6], [12.01, -6], [12.01, 0], [0, 0]]}]
    m = measure(parse_plan(p))
    assert m.values["occupies_private_courtyard"] is True
    assert m.parts["occupies_private_courtyard"] == {"households": ["101"]}


def test_no_shaft_means_nothing_measured():
    p = plan_dict()
    del p["shaft"]
    assert measure(parse_plan(p)).values == {}


# ---------------------------------------------------------------------- assess


def test_assess_reports_measured_values_that_override_typed_ones():
    code, out, err = run("assess", PLAN_UNIT, "--json")
    assert code == 0, err
    d = json.loads(out)
    # typed: no sunlight problem, water + telecom pipes; measured: self-101 drops below
    # 2 h, only the water pipe crosses the shaft
    assert d["measured"]["sunlight_below_standard"] is True
    assert d["measured"]["pipes_in_footprint"] == ["water"]
    assert d["measured"]["distance_to_neighbour_m"] == 25.5
    assert [(f["code"], f["severity"]) for f in d["findings"]] == [
        ("sunlight_below_standard", "strong"),
        ("pipe_water", "weak"),
    ]
    assert d["class"] == "difficult"
    sun = d["findings"][0]
    # 2.23 → 1.82 h as printed: "降至 1.82 h，减少 0.41 h", the printed figures' difference
    # (the minutes' own loss rounds to 0.42); no door number: notices are public
    assert "降至 1.82 h，减少 0.41 h" in sun["message_zh"]
    assert "实测" in sun["message_zh"] and "self-101" not in sun["message_zh"]


def test_unit_without_plan_has_no_measured_key(example_unit_path):
    code, out, _ = run("assess", example_unit_path, "--json")
    assert code == 0 and "measured" not in json.loads(out)


def test_exemption_ruleset_makes_sunlight_a_negotiation_item():
    code, out, _ = run("assess", PLAN_UNIT, "--json", "--rules", "shanghai-2020-retrofit-sunlight")
    assert code == 0
    d = json.loads(out)
    sun = next(f for f in d["findings"] if f["code"] == "sunlight_below_standard")
    assert sun["severity"] == "weak"
    assert "4.0.9" in sun["remedy_zh"] and "协商补偿" in sun["remedy_zh"]
    assert sun["remedy_zh"].startswith(
        "GB 50180-2018 第 4.0.9 条第 2 款对既有住宅无障碍改造加装电梯不作降低限制："
    )
    assert sun["remedy_en"].startswith("GB 50180-2018 clause 4.0.9 item 2 exempts")
    assert d["class"] == "suitable"


# ---------------------------------------------------------------------- sunlight command


def test_sunlight_json_contract():
    code, out, err = run("sunlight", PLAN_UNIT, "--json")
    assert code == 0, err
    d = json.loads(out)
    assert d["unit"] == "XFL-PLAN" and d["standard_day"] == "dahan"
    assert d["min_hours"] == 2.0
    ids = [w["id"] for w in d["windows"]]
    assert ids == ["self-101", "self-601", "N1-101"]
    for w in d["windows"]:
        assert set(w) >= {"id", "before_h", "after_h", "lost_h", "meets_before", "meets_after"}
        assert w["lost_h"] == pytest.approx(w["before_h"] - w["after_h"], abs=1e-3)
    w = d["windows"][0]
    # hand estimate (long wall due south, profile angle atan(15.6/27.99)): 2.25 h
    assert w["before_h"] == pytest.approx(2.25, abs=1 / 60 + 0.01)
    assert (w["meets_before"], w["meets_after"]) == (True, False)


def test_sunlight_text_and_errors(tmp_path, example_unit_path):
    code, out, _ = run("sunlight", PLAN_UNIT)
    assert code == 0 and "大寒日" in out and "self-101" in out
    code, out, err = run("sunlight", example_unit_path, "--json")
    assert code == 2 and out == "" and err.startswith("error: site.plan:")
    d = raw()
    del d["site"]["plan"]["location"]
    code, _, err = run("sunlight", write(tmp_path, d))
    assert code == 2 and "site.plan.location" in err
    code, _, err = run("sunlight", PLAN_UNIT, "--step", "5")
    assert code == 2 and "--step" in err


def test_sunlight_on_a_project_unit(tmp_path):
    proj = tmp_path / "p.eeproj"
    code, _, err = run(
        "import-unit", proj, PLAN_UNIT, "--community", "测试小区", "--building", "1号楼", "--create"
    )
    assert code == 0, err
    code, out, err = run("sunlight", proj, "--unit", "XFL-PLAN", "--json")
    assert code == 0, err
    assert json.loads(out)["windows"][0]["meets_after"] is False
    # a project of one unit needs no --unit (the spec gives it as optional)
    code, out2, err = run("sunlight", proj, "--json")
    assert code == 0, err
    assert json.loads(out2) == json.loads(out)


# ---------------------------------------------------------------------- sample street


def test_sample_plans_reproduce_the_typed_survey():
    from elevator_eval.resources import sample_project_path
    from elevator_eval.site.measure import measure_site
    from elevator_eval.site.plan import plan_of
    from elevator_eval.store import open_project

    project = open_project(sample_project_path())
    for u in project.units():
        assert plan_of(u.site) is not None, u.id
        m = measure_site(u.site)
        for key, value in m.values.items():
            typed = getattr(u.site, key)
            if key == "pipes_in_footprint":
                assert sorted(value) == sorted(typed), u.id
            else:
                assert value == typed, (u.id, key, value, typed)
    sun = {
        u.id: measure_site(u.site).values.get("sunlight_below_standard") for u in project.units()
    }
    assert {k for k, v in sun.items() if v} == {"DH-1-3", "GY-6-1"}


# ---------------------------------------------------------------------- documents


def test_proposal_has_the_plan_to_scale_and_the_sunlight_table(tmp_path):
    pdf = tmp_path / "p.pdf"
    code, _, err = run("report", PLAN_UNIT, "-o", pdf)
    assert code == 0, err
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "日照分析" in text and "GB 50180-2018" in text
    assert "self-101" in text and "2.23" in text and "1.82" in text
    assert "平面图（按比例，北向上）" in text and "北" in text


def test_notice_shows_the_plan_without_window_numbers_in_the_verdict(tmp_path):
    pdf = tmp_path / "n.pdf"
    code, _, err = run("report", PLAN_UNIT, "--kind", "notice", "-o", pdf)
    assert code == 0, err
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "平面图（按比例，北向上）" in text  # the plan drawn from the geometry
    assert "self-101" not in text


def test_assess_json_names_the_parts_behind_each_measured_value():
    code, out, _ = run("assess", PLAN_UNIT, "--json")
    assert code == 0
    parts = json.loads(out)["measured_parts"]
    assert parts["distance_to_neighbour_m"] == {"building": "S1"}
    assert parts["pipes_in_footprint"] == {"pipes": [0]}  # the water pipe
    assert parts["sunlight_below_standard"]["windows"] == ["self-101"]


def test_plan_without_windows_gives_an_empty_table(tmp_path):
    d = raw()
    d["site"]["plan"]["windows"] = []
    code, out, err = run("sunlight", write(tmp_path, d), "--json")
    assert code == 0, err
    assert json.loads(out)["windows"] == []


@pytest.mark.parametrize("day", [[], {}, 3, "dongzhi ", "冬至"])
def test_a_standard_day_of_the_wrong_kind_is_named(tmp_path, day):
    # found by the plan fuzzer: a list here once reached a dictionary lookup
    d = json.loads(Path(PLAN_UNIT).read_text("utf-8"))
    d["site"]["plan"]["sunlight_rules"]["standard_day"] = day
    path = tmp_path / "u.unit.json"
    path.write_text(json.dumps(d, ensure_ascii=False), "utf-8")
    code, _, err = run("sunlight", path)
    assert code == 2
    assert err.startswith("error: site.plan.sunlight_rules.standard_day: must be one of")
