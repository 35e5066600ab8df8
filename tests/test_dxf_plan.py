"""DXF site-plan import on drawings generated here with ezdxf."""

from __future__ import annotations

import pytest

ezdxf = pytest.importorskip("ezdxf")

from elevator_eval.errors import InputError
from elevator_eval.io.dxf_plan import layer_role, plan_from_dxf


def rect(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def survey(tmp_path, *, units=6, k=1.0, own_height="17.4", mutate=None):
    doc = ezdxf.new()
    doc.header["$INSUNITS"] = units
    msp = doc.modelspace()

    def poly(pts, layer, closed=True, **kw):
        return msp.add_lwpolyline(
            [(x * k, y * k) for x, y in pts], close=closed, dxfattribs={"layer": layer, **kw}
        )

    def text(s, x, y, layer="TEXT"):
        msp.add_text(s, dxfattribs={"layer": layer}).set_placement((x * k, y * k))

    poly(rect(0, 0, 30, 12), "本楼")
    if own_height:
        text(own_height, 15, 6)
    poly(rect(-200, -40, 230, -28), "BUILDING")
    text("6F", 0, -34)
    text("南楼", 10, -34)
    poly(rect(0, 40, 30, 52), "邻楼")
    blk = doc.blocks.new("HMARK")
    blk.add_attdef("HEIGHT", (0, 0))
    msp.add_blockref("HMARK", (15 * k, 46 * k)).add_auto_attribs({"HEIGHT": "20"})
    poly(rect(12, -2.5, 14.5, 0), "井道")
    text("H=20", 13, -1)
    poly(rect(-5, -20, 40, 30), "红线")
    poly([(-5, -10), (40, -10)], "FIRE_LANE", closed=False)
    text("宽4.0m", 0, -9)
    poly([(13, -4), (13, 1)], "PIPE_GAS", closed=False)
    poly([(5, -1), (20, -1)], "管线_给水", closed=False)
    poly(rect(0, -6, 12, 0), "庭院")
    text("101", 6, -3)
    poly(rect(100, 100, 110, 110), "OTHER")  # ignored
    if mutate:
        mutate(msp, poly, text)
    path = tmp_path / "survey.dxf"
    doc.saveas(path)
    return path


def test_reads_every_layer(tmp_path):
    plan = plan_from_dxf(survey(tmp_path))
    b = {x["id"]: x for x in plan["buildings"]}
    assert b["self"]["own"] is True and b["self"]["height_m"] == 17.4
    assert b["南楼"]["height_m"] == pytest.approx(6 * 2.9)  # 6F × 2.9 m
    assert b["B2"]["height_m"] == 20.0  # HEIGHT attribute
    assert b["self"]["footprint"] == [[0, 0], [30, 0], [30, 12], [0, 12]]
    assert plan["shaft"] == {
        "footprint": [[12, -2.5], [14.5, -2.5], [14.5, 0], [12, 0]],
        "height_m": 20.0,
    }
    assert plan["fire_lane"]["width_m"] == 4.0
    assert [p["type"] for p in plan["pipes"]] == ["gas", "water"]
    assert plan["courtyards"][0]["household"] == "101"
    assert len(plan["red_line"]) == 4


def test_millimetre_drawing_is_scaled_to_metres(tmp_path):
    plan = plan_from_dxf(survey(tmp_path, units=4, k=1000.0))
    assert plan["buildings"][0]["footprint"][2] == [30, 12]
    assert plan["shaft"]["footprint"][1] == [14.5, -2.5]


def test_measured_values_from_an_imported_plan(tmp_path):
    import json
    from decimal import Decimal

    from elevator_eval.site.measure import measure
    from elevator_eval.site.plan import parse_plan
    from elevator_eval.unitfile_write import dumps_json

    plan = plan_from_dxf(survey(tmp_path))
    m = measure(parse_plan(json.loads(dumps_json(plan), parse_float=Decimal)))
    assert m.values["pipes_in_footprint"] == ["gas", "water"]
    assert m.values["distance_to_neighbour_m"] == Decimal("25.5")
    assert m.values["occupies_private_courtyard"] is False  # touches x = 12 only


def test_errors_name_layer_and_entity(tmp_path):
    with pytest.raises(InputError) as e:
        plan_from_dxf(survey(tmp_path, own_height=None))
    assert e.value.field.startswith("dxf layer 本楼 entity ")
    assert "height" in e.value.message

    def open_shaft(msp, poly, text):
        poly([(50, 50), (52, 50), (52, 52)], "SHAFT", closed=False)

    with pytest.raises(InputError) as e:
        plan_from_dxf(survey(tmp_path, mutate=open_shaft))
    assert "closed polyline" in e.value.message

    def two_own(msp, poly, text):
        poly(rect(60, 60, 70, 70), "OWN")

    with pytest.raises(InputError) as e:
        plan_from_dxf(survey(tmp_path, mutate=two_own))
    assert e.value.field == "dxf" and "found 2" in e.value.message

    bad = tmp_path / "bad.dxf"
    bad.write_text("not a dxf", encoding="utf-8")
    with pytest.raises(InputError) as e:
        plan_from_dxf(bad)
    assert e.value.field == "dxf"


def test_layer_roles():
    assert layer_role("Own-Building") == ("own", None)
    assert layer_role("管线_燃气") == ("pipe", "gas")
    assert layer_role("PIPE_TELECOM") == ("pipe", "telecom")
    assert layer_role("0") == (None, None)


def _damaged(raw: bytes, kind: int, rng) -> bytes:
    lines = raw.split(b"\n")
    if kind == 0:  # cut short
        return raw[: rng.randrange(len(raw))]
    if kind == 1:  # bytes overwritten
        b = bytearray(raw)
        for _ in range(rng.randrange(1, 30)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        return bytes(b)
    if kind == 2:  # one line replaced by an impossible value
        i = rng.randrange(len(lines))
        lines[i] = rng.choice([b"ZZZ", b"-1e999", b"nan", b"9" * 20, b"", b"  10", b"\xff\xfe"])
    else:  # two lines swapped
        i, j = rng.randrange(len(lines) - 10), rng.randrange(len(lines) - 10)
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def test_a_damaged_dxf_is_refused_naming_the_file(tmp_path):
    """400 damaged copies of a survey (cut, overwritten bytes, impossible values, swapped
    lines): each either reads or is refused with a message naming the file, its layer or
    its entity; the reader's own errors (StopIteration, OverflowError, …) came through
    before."""
    import random

    raw = survey(tmp_path).read_bytes()
    rng = random.Random(20261130)
    refused = 0
    for k in range(400):
        path = tmp_path / f"damaged{k}.dxf"
        path.write_bytes(_damaged(raw, k % 4, rng))
        try:
            plan_from_dxf(path)
        except InputError as e:
            assert e.field.startswith("dxf"), e.field
            refused += 1
    assert refused > 100
