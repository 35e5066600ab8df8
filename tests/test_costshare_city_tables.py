"""City coefficient tables from the geometry reference §8 (Guangzhou 2025, Nanjing Gulou,
Beijing 2022 midpoints), checked by hand."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pytest

from elevator_eval.costshare import compute_share
from elevator_eval.costshare_tables import load_table
from elevator_eval.errors import InputError
from elevator_eval.unitfile import loads_unit


def _unit(storeys, table, method, total=300000, exempt=(1,)):
    hh = [
        {"id": f"{f}0{d}", "floor": f, "area_m2": 60} for f in range(1, storeys + 1) for d in (1, 2)
    ]
    return loads_unit(
        json.dumps(
            {
                "format": "elevator-eval/unit",
                "version": 1,
                "id": "T",
                "building": {"year_built": 1990, "storeys": storeys},
                "households": hh,
                "costs": {"total_yuan": total},
                "share": {"method": method, "exempt_floors": list(exempt), "table": table},
            }
        )
    )


def test_guangzhou_2025_follows_its_stated_rule():
    floors = load_table("guangzhou-2025")["floors"]
    assert floors[1] == 0 and floors[2] == Decimal("0.5") and floors[3] == 1
    for f in range(4, 12):
        assert floors[f] - floors[f - 1] == Decimal("0.1")


def test_nanjing_gulou_published_floors():
    floors = load_table("nanjing-gulou")["floors"]
    assert [floors[f] for f in range(3, 8)] == [
        Decimal(x) for x in ("1.0", "1.3", "1.6", "1.9", "2.2")
    ]


def test_beijing_midpoints_normalised_by_hand():
    # 6 storeys, 2 equal households per floor, floor 1 exempt, 300,000 to share.
    # Weights per household 5, 12, 20, 28, 33 (twice each): sum 196.
    result = compute_share(_unit(6, "beijing-2022-midpoints", "coefficient_by_floor"))
    by_id = {h.id: h.share_yuan for h in result.households}
    assert sum(by_id.values()) == 300000
    exact = {f: Fraction(300000 * w, 196) for f, w in zip(range(2, 7), (5, 12, 20, 28, 33))}
    for f, value in exact.items():
        for d in (1, 2):
            assert abs(Fraction(by_id[f"{f}0{d}"]) - value) < 1
    assert by_id["101"] == by_id["102"] == 0
    # floor 6 pays 33/5 of floor 2 (up to the rounding)
    assert by_id["601"] > 6 * by_id["201"]


def test_beijing_midpoints_refuse_a_seven_storey_building():
    with pytest.raises(InputError) as err:
        compute_share(_unit(7, "beijing-2022-midpoints", "coefficient_by_floor"))
    assert "7" in str(err.value)
