"""Build the communities, buildings and units an import adds, from rows already checked."""

from __future__ import annotations

from ...model import (
    Building,
    BuildingInfo,
    Community,
    Costs,
    Household,
    Site,
    Unit,
)
from .columns import BUILDING_KEYS
from .issues import ImportDelta


def _building(cname: str, bname: str, b: dict) -> Building:
    """One building from its recorded values ``{key: (value, row)}``; without a design
    life in the file the model's default applies and the building records it was not given."""
    v = {k: b[k][0] for k in BUILDING_KEYS if k in b}
    life = v.get("design_life_years")
    info = BuildingInfo(
        year_built=v["year_built"],
        storeys=v["storeys"],
        structure=v.get("structure"),
        danger_grade=v.get("danger_grade"),
        floor_height_m=v.get("floor_height_m"),
        seismic_intensity=v.get("seismic_intensity"),
        **({"design_life_years": life} if life else {}),
        design_life_given=life is not None,
    )
    return Building(id=f"{cname}-{bname}", name=bname, info=info, address=v.get("address") or "")


def _site(f: dict) -> Site:
    """The site survey of a row of the 单元 sheet."""
    fp = None
    if f["footprint_width_m"] is not None:
        fp = (f["footprint_width_m"], f["footprint_depth_m"])
    return Site(
        entry_mode=f["entry_mode"],
        footprint_available_m=fp,
        inside_red_line=f["inside_red_line"],
        fire_lane_width_after_m=f["fire_lane_width_after_m"],
        distance_to_neighbour_m=f["distance_to_neighbour_m"],
        occupies_private_courtyard=f["occupies_private_courtyard"],
        sunlight_below_standard=f["sunlight_below_standard"],
        pipes_in_footprint=f["pipes_in_footprint"],
        pit_depth_available_mm=f["pit_depth_available_mm"],
        headroom_available_mm=f["headroom_available_mm"],
        corridor_depth_m=f["corridor_depth_m"],
    )


def _costs(f: dict) -> Costs:
    """The given total and yearly maintenance of a row of the 单元 sheet [yuan]."""
    om = {}
    if f["annual_maintenance_yuan"] is not None:
        om["maintenance"] = f["annual_maintenance_yuan"]
    return Costs(total_yuan_given=f["total_yuan"], annual_om_yuan=om)


def _household(f: dict) -> Household:
    return Household(
        id=f["door"],
        floor=f["floor"],
        area_m2=f["area_m2"],
        owner=f["owner"],
        vote=f["vote"],
        exclusive_part_affected=bool(f["exclusive_part_affected"]),
        owner_name=f["owner_name"] or "",
        contact=f["contact"] or "",
        vote_date=f["vote_date"],
        vote_source=f["vote_source"],
        max_contribution_yuan=f["max_contribution_yuan"],
        provident_fund_yuan=f["provident_fund_yuan"],
    )


def _unit(ukey: tuple, u: dict, bobj: Building, site_row: dict | None) -> Unit:
    site, costs, name = Site(), Costs(), " ".join(ukey)
    if site_row is not None:
        site, costs = _site(site_row), _costs(site_row)
        name = site_row["name"] or name
    hhs = [_household(f) for _row, f in u["hh"]]
    return Unit(id=u["id"], name=name, building=bobj.info, site=site, households=hhs, costs=costs)


def build_delta(buildings: dict, units: dict, site_rows: dict) -> ImportDelta:
    """The delta from the checked records (see :class:`~.checks.Street`)."""
    communities: dict[str, Community] = {}
    building_objs: dict[tuple, Building] = {}
    for bkey, b in buildings.items():
        cname, bname = bkey
        comm = communities.get(cname)
        if comm is None:
            comm = communities[cname] = Community(id=cname, name=cname)
        bobj = _building(cname, bname, b)
        comm.buildings.append(bobj)
        building_objs[bkey] = bobj
    for ukey, u in units.items():
        bobj = building_objs[ukey[:2]]
        site_row = site_rows[ukey][1] if ukey in site_rows else None
        bobj.units.append(_unit(ukey, u, bobj, site_row))
    return ImportDelta(list(communities.values()))
