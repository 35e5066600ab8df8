"""Site plans for the sample street's units (used by ``tools/make_sample.py``).

Each unit gets a plan that reproduces its typed survey: the shaft sits at the unit's
stairwell on the north façade (half-landing entry) or, for the two flat-entry units whose
sunlight is contested (DH-1-3, GY-6-1), at the south façade where it reaches the flats'
doors through the ground-floor gardens; a single-storey bicycle shed (自行车棚) stands at
the typed distance from the shaft; the fire lane, red line, pipes and courtyards are drawn
to give the typed values. A unit whose survey is incomplete gets only the parts that were
surveyed. Coordinates in metres, x east, y north; the own building's south-west corner is
the origin.
"""

from __future__ import annotations

from decimal import Decimal as D

UNIT_W_M = 13.0  # two flats per floor per unit
DEPTH_M = 11.0  # building depth
SHAFT_W_M = 2.5
SHAFT_D_M = 2.5
CORRIDOR_M = 1.8  # flat entry: corridor between shaft and building
OVERRUN_M = 2.6  # shaft above the roof (machine-room-less headroom)
SOUTH_SHAFT = {"DH-1-3", "GY-6-1"}
SPACING = {"GY-6-1": 1.2}  # GY-6 stands closer to its south neighbour than the 1.7 × H


def _r(x: float) -> D:
    return D(str(round(x, 3))).normalize() if x != int(x) else D(int(x))


def _pts(*xy) -> list[list[D]]:
    return [[_r(x), _r(y)] for x, y in xy]


def _rect(x0, y0, x1, y1) -> list[list[D]]:
    return _pts((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def plan_for(uid: str, n_units: int, storeys: int, floor_h_m, site) -> dict:
    """The ``site.plan`` dict for one sample unit (the own building only when nothing was
    surveyed beyond the entry mode)."""
    fh = float(floor_h_m)
    height = storeys * fh
    length = n_units * UNIT_W_M
    k = int(uid.rsplit("-", 1)[1]) - 1
    c = (k + 0.5) * UNIT_W_M  # stairwell centre x
    depth = SHAFT_D_M + (CORRIDOR_M if site.entry_mode == "flat" else 0.0)
    south = uid in SOUTH_SHAFT
    if south:
        sy0, sy1 = -depth, 0.0
    else:
        sy0, sy1 = DEPTH_M, DEPTH_M + depth
    own = {
        "id": "self",
        "own": True,
        "footprint": _rect(0, 0, length, DEPTH_M),
        "height_m": _r(height),
    }
    plan: dict = {"location": {"city": "北京"}, "buildings": [own]}
    if site.inside_red_line is None and site.distance_to_neighbour_m is None:
        return plan  # not surveyed yet: the building only
    plan["shaft"] = {
        "footprint": _rect(c - SHAFT_W_M / 2, sy0, c + SHAFT_W_M / 2, sy1),
        "height_m": _r(height + OVERRUN_M),
    }
    if site.inside_red_line is not None:
        spacing = round(SPACING.get(uid, 1.7) * height, 1)
        north = min(DEPTH_M + depth + 20.0, DEPTH_M + spacing - 1.5)
        if site.inside_red_line is False:
            north = sy1 - 1.0  # the shaft sticks 1 m over the red line
        plan["red_line"] = _rect(-6, -spacing + 1.5, length + 6, north)
    if site.distance_to_neighbour_m is None:
        return plan
    # neighbours: a slab to the south (spacing ≈ 1.7 × height) and one to the north
    spacing = round(SPACING.get(uid, 1.7) * height, 1)
    plan["buildings"].append(
        {
            "id": "S1",
            "footprint": _rect(-10, -spacing - DEPTH_M, length + 10, -spacing),
            "height_m": _r(height),
        }
    )
    n_y = DEPTH_M + spacing
    plan["buildings"].append(
        {
            "id": "N1",
            "footprint": _rect(-10, n_y, length + 10, n_y + DEPTH_M),
            "height_m": _r(height),
        }
    )
    d = float(site.distance_to_neighbour_m)
    slab_gap = spacing - depth if south else n_y - sy1
    if d < slab_gap - 1e-6:  # a bicycle shed nearer to the shaft than the slabs
        y0, y1 = (sy0 - d - 4, sy0 - d) if south else (sy1 + d, sy1 + d + 4)
        plan["buildings"].append(
            {"id": "P1", "footprint": _rect(c - 3, y0, c + 3, y1), "height_m": D(3)}
        )
    if site.fire_lane_width_after_m is not None:
        after = float(site.fire_lane_width_after_m)
        width = max(after, 4.5)
        intrusion = width - after
        if south:
            y = -spacing + 2 + width / 2 if not intrusion else sy0 - width / 2 + intrusion
        else:
            y = n_y - 2 - width / 2 if not intrusion else sy1 + width / 2 - intrusion
        plan["fire_lane"] = {"line": _pts((-6, y), (length + 6, y)), "width_m": _r(width)}
    if site.pipes_in_footprint is not None:
        pipes = []
        for i, kind in enumerate(site.pipes_in_footprint):
            x = c - 0.8 + 0.5 * i
            pipes.append({"type": kind, "line": _pts((x, sy0 - 3), (x, sy1 + 3))})
        # the water main along the south side crosses no shaft on the north
        if not south:
            pipes.append({"type": "water", "line": _pts((-6, -3), (length + 6, -3))})
        plan["pipes"] = pipes
    if site.occupies_private_courtyard is not None:
        courts = [{"household": "102", "polygon": _rect(c + 1.5, -4.5, c + 6.5, 0)}]
        if site.occupies_private_courtyard:
            courts.append({"household": "101", "polygon": _rect(c - 6.5, -4.5, c + 0.5, 0)})
        plan["courtyards"] = courts
    if site.sunlight_below_standard is not None:
        plan["windows"] = _windows(c, storeys, fh, n_y, south)
    return plan


def _windows(c: float, storeys: int, fh: float, n_y: float, south: bool) -> list[dict]:
    """Windows that the shaft can shade: the unit's own flats beside a south shaft, or the
    north neighbour's south façade and the unit's north façade beside a north shaft."""
    out = []
    for fl in range(1, storeys + 1):
        sill = _r((fl - 1) * fh + 0.9)
        if south:
            for door, x in ((f"{fl}01", c - 2.0), (f"{fl}02", c + 2.0)):
                out.append(
                    {
                        "id": f"{door}-S",
                        "building": "self",
                        "floor": fl,
                        "x": _r(x),
                        "y": D(0),
                        "sill_height_m": sill,
                        "facing_deg": 180,
                    }
                )
        else:
            for door, x in ((f"{fl}01", c - 2.0), (f"{fl}02", c + 2.0)):
                out.append(
                    {
                        "id": f"{door}-N",
                        "building": "self",
                        "floor": fl,
                        "x": _r(x),
                        "y": _r(DEPTH_M),
                        "sill_height_m": sill,
                        "facing_deg": 0,
                    }
                )
            for j, x in enumerate((c - 3.25, c, c + 3.25)):
                out.append(
                    {
                        "id": f"N1-{fl}0{j + 1}",
                        "building": "N1",
                        "floor": fl,
                        "x": _r(x),
                        "y": _r(n_y),
                        "sill_height_m": sill,
                        "facing_deg": 180,
                    }
                )
    return out
