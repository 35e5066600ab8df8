"""The domain model: Project → Community (小区) → Building (楼栋) → Unit (单元) → Household.

Pure Python dataclasses with units in the names. Money and areas are ``Decimal``. A field
that is ``None`` in the site survey means "not surveyed". Each level keeps an ``extra``
dict with keys it does not know, so that a unit file survives a round trip unchanged.

The unit (one stairwell, one elevator) is the thing that is assessed, voted on and shared:
"成熟一个单元、加装一台电梯". A unit refers to the :class:`BuildingInfo` of its building;
inside a project every unit of a building shares the same ``BuildingInfo`` object.
"""

from __future__ import annotations

import copy
import reprlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from decimal import Decimal
from operator import attrgetter
from typing import Any

VOTES = ("yes", "no", "abstain")
"""Recorded votes; ``None`` means the owner did not take part."""

VOTE_SOURCES = ("meeting", "paper", "online", "proxy", "other")
"""Where a vote was cast: resident meeting, paper form, online, by proxy (委托), other."""

STRUCTURES = ("masonry", "frame", "shear_wall", "other")
"""``masonry`` 砖混, ``frame`` 框架, ``shear_wall`` 剪力墙, ``other`` 其他."""

DANGER_GRADES = ("A", "B", "C", "D")
"""JGJ 125-2016 §6.1.4 danger grades; ``None`` = never appraised."""

ENTRY_MODES = ("half_landing", "flat")
"""``half_landing`` 半层入户 (stops at stair landings), ``flat`` 平层入户."""

PIPE_TYPES = ("gas", "water", "drainage", "power", "telecom", "heating", "other")


_LAYOUT: dict[type, tuple[Callable[[Any], Any], tuple[str, ...]]] = {}


def _layout(cls: type) -> tuple[Callable[[Any], Any], tuple[str, ...]]:
    """A dataclass's compared fields (one getter of them all) and its shown fields."""
    got = _LAYOUT.get(cls)
    if got is None:
        compared = [f.name for f in fields(cls) if f.compare]
        key = (
            attrgetter(*compared)
            if len(compared) > 1
            else lambda obj: [getattr(obj, n) for n in compared]
        )
        got = _LAYOUT[cls] = (key, tuple(f.name for f in fields(cls) if f.repr))
    return got


class Record:
    """``==`` and ``repr`` of the model's dataclasses, written once.

    The classes below (and the vote log's events, a file's state and a merge's result)
    are dataclasses made with ``eq=False, repr=False`` that take these instead: the
    results of the methods ``dataclasses`` would generate (the fields marked ``compare``,
    compared together and only between objects of the same class; the fields marked
    ``repr``; a recursive reference shown as ``...``), without compiling both methods
    from source for each class as it is made (≈ 3 ms of the desktop app's start).
    Unhashable, as a mutable dataclass is.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = _layout(self.__class__)[0]
        return bool(key(self) == key(other))

    __hash__ = None  # type: ignore[assignment]

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = _layout(self.__class__)[1]
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({inner})"


@dataclass(eq=False, repr=False)
class BuildingInfo(Record):
    """Structural facts of a building (楼栋), shared by its units.

    Attributes
    ----------
    year_built : int
        Year of completion.
    storeys : int
        Above-ground storeys with dwellings.
    structure : str or None
        One of :data:`STRUCTURES`.
    danger_grade : str or None
        JGJ 125 grade A–D; ``None`` = never appraised.
    floor_height_m : Decimal or None
        Storey height [m].
    seismic_intensity : int or None
        Seismic fortification intensity (设防烈度), 6–9.
    design_life_years : int
        Design working life (设计使用年限) [years]; 50 when not stated.
    """

    year_built: int
    storeys: int
    structure: str | None = None
    danger_grade: str | None = None
    floor_height_m: Decimal | None = None
    seismic_intensity: int | None = None
    design_life_years: int = 50
    design_life_given: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(eq=False, repr=False)
class Site(Record):
    """Site survey of one unit (§1 and §3 of the unit format). ``None`` = not surveyed.

    Attributes
    ----------
    entry_mode : str or None
        ``half_landing`` or ``flat``.
    footprint_available_m : tuple of Decimal or None
        Clear space available for the shaft, width × depth [m].
    inside_red_line : bool or None
        The elevator stays inside the site red line (用地红线).
    fire_lane_width_after_m : Decimal or None
        Clear width of the fire lane left after installation [m].
    distance_to_neighbour_m : Decimal or None
        Distance from the new shaft to the nearest neighbouring building [m].
    occupies_private_courtyard : bool or None
    sunlight_below_standard : bool or None
    pipes_in_footprint : list of str or None
        Pipe types found in the footprint (``gas``, ``water``, ``telecom`` …).
    pit_depth_available_mm : int or None
        Pit depth that can be dug [mm].
    headroom_available_mm : int or None
        Top-floor headroom available [mm].
    corridor_depth_m : Decimal or None
        Depth available for a flat-entry corridor (连廊) [m].
    """

    entry_mode: str | None = None
    footprint_available_m: tuple[Decimal, Decimal] | None = None
    inside_red_line: bool | None = None
    fire_lane_width_after_m: Decimal | None = None
    distance_to_neighbour_m: Decimal | None = None
    occupies_private_courtyard: bool | None = None
    sunlight_below_standard: bool | None = None
    pipes_in_footprint: list[str] | None = None
    pit_depth_available_mm: int | None = None
    headroom_available_mm: int | None = None
    corridor_depth_m: Decimal | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(eq=False, repr=False)
class Household(Record):
    """One dwelling (户) of a unit.

    Attributes
    ----------
    id : str
        Door number, e.g. ``"301"``.
    floor : int
        1 … storeys.
    area_m2 : Decimal
        Registered exclusive area (专有部分面积) [m²].
    owner : str or None
        Owner identity; households with the same owner are one head in a vote.
        ``None`` means the household id.
    vote : str or None
        ``yes``, ``no``, ``abstain`` or ``None`` (did not take part).
    exclusive_part_affected : bool
        The shaft or corridor occupies or encroaches on this owner's exclusive part.
    owner_name, contact : str
        Personal data, masked in public documents.
    vote_date : str or None
        ISO date the vote was cast.
    vote_source : str or None
        One of :data:`VOTE_SOURCES`.
    max_contribution_yuan : Decimal or None
        Stated maximum acceptable contribution (survey) [yuan].
    provident_fund_yuan : Decimal or None
        Provident-fund (公积金) withdrawal planned for the share [yuan].
    """

    id: str
    floor: int
    area_m2: Decimal
    owner: str | None = None
    vote: str | None = None
    exclusive_part_affected: bool = False
    owner_name: str = ""
    contact: str = ""
    vote_date: str | None = None
    vote_source: str | None = None
    max_contribution_yuan: Decimal | None = None
    provident_fund_yuan: Decimal | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def owner_id(self) -> str:
        """The owner identity used for head counts (the household id when unset)."""
        return self.owner if self.owner not in (None, "") else self.id


@dataclass(eq=False, repr=False)
class Costs(Record):
    """Capital and running costs of one elevator.

    Attributes
    ----------
    items_yuan : dict of str to Decimal
        Capital cost lines (equipment, installation, shaft_structure, civil,
        pipe_relocation, pit, design_supervision …) [yuan].
    total_yuan_given : Decimal or None
        A total given instead of lines [yuan].
    annual_om_yuan : dict of str to Decimal
        Yearly running cost lines (maintenance, electricity, inspection, insurance) [yuan/a].
    """

    items_yuan: dict[str, Decimal] = field(default_factory=dict)
    total_yuan_given: Decimal | None = None
    annual_om_yuan: dict[str, Decimal] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def total_yuan(self) -> Decimal:
        """Capital total: the sum of the lines, or the given total when there are none."""
        if self.items_yuan:
            return sum(self.items_yuan.values(), Decimal(0))
        return self.total_yuan_given if self.total_yuan_given is not None else Decimal(0)

    @property
    def annual_total_yuan(self) -> Decimal:
        return sum(self.annual_om_yuan.values(), Decimal(0))


@dataclass(eq=False, repr=False)
class ShareSettings(Record):
    """How the owners' total is split (§5 of the unit format).

    Attributes
    ----------
    method : str
        ``floor_coefficient_area``, ``coefficient_by_floor``, ``stair_count``,
        ``percent_by_household`` or ``equal``.
    exempt_floors : list of int
        Floors that pay 0.
    coefficients : dict of int to Decimal or None
        Floor → coefficient; ``None`` = the table named by ``table`` or the default table.
    percent_by_floor : dict of int to Decimal or None
        Floor → percent of the owners' total paid by each household on that floor.
    rounding_yuan : Decimal
        Every share is a multiple of this [yuan].
    table : str or None
        Name of a shipped coefficient table used when ``coefficients`` is ``None``.
    """

    method: str = "floor_coefficient_area"
    exempt_floors: list[int] = field(default_factory=list)
    coefficients: dict[int, Decimal] | None = None
    percent_by_floor: dict[int, Decimal] | None = None
    rounding_yuan: Decimal = Decimal(1)
    table: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    given: bool = True


@dataclass(eq=False, repr=False)
class Unit(Record):
    """One unit (单元): one stairwell that gets one elevator.

    ``subsidies`` holds the subsidy rules as validated dicts (``type`` plus parameters as
    Decimals, see :mod:`elevator_eval.costshare`).

    Rule choices: ``rules`` with ``rules_given`` is the unit's own consent ruleset (when
    ``rules_given`` is false the project's default applies, see
    :mod:`elevator_eval.rulebook`); ``suitability_rules`` is its own suitability ruleset
    (``None``: the project's, else the one the consent ruleset names).
    """

    id: str
    building: BuildingInfo
    name: str = ""
    rules: str = "civil-code-2021"
    rules_given: bool = False
    suitability_rules: str | None = None
    site: Site = field(default_factory=Site)
    households: list[Household] = field(default_factory=list)
    costs: Costs = field(default_factory=Costs)
    subsidies: list[dict[str, Any]] = field(default_factory=list)
    share: ShareSettings = field(default_factory=lambda: ShareSettings(given=False))
    scheme_version: int = 1
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def consent_rules(self) -> str | None:
        """The unit's own consent ruleset choice, ``None`` when it makes none (``rules``
        not given and left at the unit-format default)."""
        return self.rules if self.rules_given or self.rules != "civil-code-2021" else None

    def household(self, household_id: str) -> Household:
        for h in self.households:
            if h.id == household_id:
                return h
        raise KeyError(household_id)

    def clone(self) -> Unit:
        """A deep copy (the building info is copied too)."""
        return copy.deepcopy(self)


@dataclass(eq=False, repr=False)
class Building(Record):
    """A building (楼栋) of a community, with its units."""

    id: str
    name: str
    info: BuildingInfo
    units: list[Unit] = field(default_factory=list)
    address: str = ""


@dataclass(eq=False, repr=False)
class Community(Record):
    """A residential community (小区)."""

    id: str
    name: str
    buildings: list[Building] = field(default_factory=list)
    district: str = ""


@dataclass(eq=False, repr=False)
class Project(Record):
    """A project: usually one street (街道) with its communities.

    Attributes
    ----------
    name : str
        Project name, e.g. the street's name.
    communities : list of Community
    settings : dict
        Project-wide settings (default ruleset, city tables, pre-installation assumptions,
        user-defined coefficient tables and subsidy rules) as plain JSON-able data.
    vote_log : list of elevator_eval.audit.VoteEvent
        Append-only audit trail of vote changes (a SHA-256 hash chain), oldest first.
    uid : str
        Random identity of the project, given when it is created; ``""`` when unknown.
    """

    name: str
    communities: list[Community] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    vote_log: list[Any] = field(default_factory=list)
    uid: str = ""
    file_base: Any = field(default=None, compare=False, repr=False)
    """State of the file last read or written (:class:`elevator_eval.concurrency.FileBase`);
    not stored in the file."""

    def iter_units(self) -> Iterator[tuple[Community, Building, Unit]]:
        """Yield ``(community, building, unit)`` for every unit in order."""
        for c in self.communities:
            for b in c.buildings:
                for u in b.units:
                    yield c, b, u

    def units(self) -> list[Unit]:
        """Every unit of the project, in order."""
        return [u for _, _, u in self.iter_units()]

    def find_unit(self, unit_id: str) -> Unit:
        """The unit with id ``unit_id`` (``KeyError`` when there is none)."""
        for _, _, u in self.iter_units():
            if u.id == unit_id:
                return u
        raise KeyError(unit_id)

    def locate(self, unit_id: str) -> tuple[Community, Building, Unit]:
        """(community, building, unit) of the unit ``unit_id`` (``KeyError`` when none)."""
        for c, b, u in self.iter_units():
            if u.id == unit_id:
                return c, b, u
        raise KeyError(unit_id)
