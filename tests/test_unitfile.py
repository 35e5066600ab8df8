"""The unit file: validation naming the field, exact numbers, lossless round trip."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from elevator_eval.errors import InputError
from elevator_eval.unitfile import load_unit, loads_unit
from elevator_eval.unitfile_write import dumps_unit, unit_to_dict


def test_example_reads_with_exact_decimals(example_unit_path):
    unit = load_unit(example_unit_path)
    assert unit.id == "XFL-3-2"
    assert unit.building.storeys == 6
    assert len(unit.households) == 12
    assert unit.household("102").area_m2 == Decimal("61.05")
    assert unit.costs.total_yuan == Decimal(500000)
    assert unit.share.coefficients[2] == Decimal("0.3")
    assert unit.site.footprint_available_m == (Decimal("2.6"), Decimal("2.4"))


def test_round_trip_is_lossless(example_unit_path):
    unit = load_unit(example_unit_path)
    again = loads_unit(dumps_unit(unit))
    assert again == unit
    assert unit_to_dict(again) == unit_to_dict(unit)


def test_unknown_keys_survive_round_trip(example_unit_path):
    data = json.loads(example_unit_path.read_text(encoding="utf-8"))
    data["x_custom"] = {"a": 1}
    data["households"][0]["x_note"] = "东户"
    text = json.dumps(data, ensure_ascii=False)
    unit = loads_unit(text)
    out = json.loads(dumps_unit(unit))
    assert out["x_custom"] == {"a": 1}
    assert out["households"][0]["x_note"] == "东户"


def test_decimal_strings_keep_every_digit():
    text = json.dumps(
        {
            "format": "elevator-eval/unit",
            "version": 1,
            "id": "U",
            "building": {"year_built": 1990, "storeys": 6},
            "households": [
                {"id": "101", "floor": 1, "area_m2": "56.30"},
                {"id": "201", "floor": 2, "area_m2": "0.1000000000000000055511151231257827"},
            ],
            "costs": {"total_yuan": "400000.01"},
        }
    )
    unit = loads_unit(text)
    assert unit.households[1].area_m2 == Decimal("0.1000000000000000055511151231257827")
    assert loads_unit(dumps_unit(unit)) == unit


def _base():
    return {
        "format": "elevator-eval/unit",
        "version": 1,
        "id": "U",
        "building": {"year_built": 1990, "storeys": 6},
        "households": [{"id": "101", "floor": 1, "area_m2": 50}],
        "costs": {"total_yuan": 400000},
    }


@pytest.mark.parametrize(
    "mutate, field",
    [
        (lambda d: d["households"][0].update(floor=9), "households[0].floor"),
        (lambda d: d["households"][0].update(area_m2=-3), "households[0].area_m2"),
        (lambda d: d["households"][0].update(area_m2="abc"), "households[0].area_m2"),
        (lambda d: d["households"][0].update(vote="maybe"), "households[0].vote"),
        (lambda d: d.update(share={"method": "lottery"}), "share.method"),
        (lambda d: d["building"].update(danger_grade="E"), "building.danger_grade"),
        (lambda d: d["building"].pop("storeys"), "building.storeys"),
        (lambda d: d.update(format="other"), "format"),
        (
            lambda d: d.update(subsidies=[{"type": "percent_capped", "percent": 40}]),
            "subsidies[0].cap_yuan",
        ),
        (
            lambda d: d["households"].append({"id": "101", "floor": 2, "area_m2": 50}),
            "households[1].id",
        ),
        (lambda d: d.pop("costs"), "costs"),
        (lambda d: d.update(site={"footprint_available_m": [2.5]}), "site.footprint_available_m"),
    ],
)
def test_bad_input_names_the_field(mutate, field):
    d = _base()
    mutate(d)
    with pytest.raises(InputError) as err:
        loads_unit(json.dumps(d))
    assert err.value.field == field
    assert field in str(err.value)


def test_not_json_is_a_clear_error():
    with pytest.raises(InputError) as err:
        loads_unit(b'{"format": "elevator-eval/unit", ')
    assert err.value.field == "file"
    with pytest.raises(InputError):
        loads_unit(b"\xff\xfe\x00")
    with pytest.raises(InputError):
        loads_unit('{"format": "elevator-eval/unit", "version": 1, "id": "U", "x": NaN}')
