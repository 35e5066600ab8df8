"""Builders for cost-sharing tests: unit dicts in the unit-file format."""

from __future__ import annotations

from elevator_eval.unitfile import unit_from_dict


def unit_dict(
    storeys=6,
    per_floor=2,
    areas=None,
    total_yuan=500000,
    subsidies=None,
    share=None,
    annual=None,
    items=None,
    households=None,
):
    """A unit with ``per_floor`` households on each floor (door numbers 101, 102 …)."""
    if households is None:
        households = []
        for f in range(1, storeys + 1):
            for k in range(1, per_floor + 1):
                area = "60.00" if areas is None else areas[(k - 1) % len(areas)]
                households.append({"id": f"{f}{k:02d}", "floor": f, "area_m2": area})
    costs = {"items_yuan": items} if items is not None else {"total_yuan": total_yuan}
    if annual is not None:
        costs["annual_om_yuan"] = annual
    d = {
        "format": "elevator-eval/unit",
        "version": 1,
        "id": "T-1",
        "building": {"year_built": 1990, "storeys": storeys},
        "households": households,
        "costs": costs,
    }
    if subsidies is not None:
        d["subsidies"] = subsidies
    if share is not None:
        d["share"] = share
    return d


def make_unit(**kw):
    return unit_from_dict(unit_dict(**kw))
