"""One unit out of a project and into another (``export-unit`` / ``import-unit``)."""

from __future__ import annotations

import copy
from dataclasses import fields

from ..errors import InputError
from ..model import Building, BuildingInfo, Community, Project, Unit


def export_unit(project: Project, unit_id: str) -> Unit:
    """A standalone deep copy of one unit, with its own copy of the building info.

    Raises
    ------
    InputError
        naming ``--unit`` when there is no such unit.
    """
    try:
        unit = project.find_unit(unit_id)
    except KeyError:
        raise InputError("--unit", f"no unit {unit_id!r} in the project") from None
    return unit.clone()


def _next_id(prefix: str, taken: set[str]) -> str:
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def import_unit(project: Project, unit: Unit, community_name: str, building_name: str) -> Unit:
    """Add a copy of ``unit`` to the project under the named community and building.

    The community and building are created when missing. When the building exists, the
    unit's building data must agree with it (the units of a building share one
    :class:`BuildingInfo`).

    Returns
    -------
    Unit
        The copy now in the project (its ``building`` is the building's info).

    Raises
    ------
    InputError
        naming ``id`` (the unit id is taken), ``--community``/``--building`` (empty) or
        ``building.<field>`` (disagrees with the existing building).
    """
    community_name = (community_name or "").strip()
    building_name = (building_name or "").strip()
    if not community_name:
        raise InputError("--community", "must not be empty")
    if not building_name:
        raise InputError("--building", "must not be empty")
    if any(u.id == unit.id for u in project.units()):
        raise InputError("id", f"unit {unit.id!r} is already in the project")
    comm = next((c for c in project.communities if c.name == community_name), None)
    if comm is None:
        comm = Community(id=_next_id("C", {c.id for c in project.communities}), name=community_name)
        project.communities.append(comm)
    bld = next((b for b in comm.buildings if b.name == building_name), None)
    new = copy.deepcopy(unit)
    if bld is None:
        bld = Building(
            id=_next_id(f"{comm.id}-B", {b.id for b in comm.buildings}),
            name=building_name,
            info=new.building,
        )
        comm.buildings.append(bld)
    else:
        for f in fields(BuildingInfo):
            a, b = getattr(new.building, f.name), getattr(bld.info, f.name)
            if a != b:
                raise InputError(
                    f"building.{f.name}", f"is {a!r} but building {building_name} has {b!r}"
                )
        new.building = bld.info
    bld.units.append(new)
    return new
