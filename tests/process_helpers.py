"""Small builders shared by the procedure tests."""

from __future__ import annotations

from elevator_eval.model import Building, Community, Project
from elevator_eval.unitfile import unit_from_dict


def make_unit(votes, uid="T", areas=None, floors=None, total_yuan="600000"):
    """A unit with one owner per vote (doors 101, 201, …), areas 50 m² unless given."""
    hh = []
    for i, v in enumerate(votes):
        floor = floors[i] if floors else 1 + i % 6
        hh.append(
            {
                "id": f"{floor}0{1 + i // 6}",
                "floor": floor,
                "area_m2": str(areas[i]) if areas else "50",
                "vote": v,
            }
        )
    return unit_from_dict(
        {
            "format": "elevator-eval/unit",
            "version": 1,
            "id": uid,
            "building": {"year_built": 1995, "storeys": 6},
            "households": hh,
            "costs": {"total_yuan": total_yuan},
        }
    )


def make_project(units, name="测试街道", community="幸福里", address="幸福路1号"):
    b = Building(id="B1", name="1号楼", info=units[0].building, units=list(units), address=address)
    return Project(name=name, communities=[Community(id="C1", name=community, buildings=[b])])
