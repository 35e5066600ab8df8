"""Build a street in the window: add, rename and delete communities (小区), buildings
(楼栋), units (单元) and households (户); generate households floor by floor; paste them
from a spreadsheet.

Every change is one undoable command: the communities are copied, changed and swapped in
(:class:`~elevator_eval.ui.commands.ReplaceProjectPartCommand`), so undo restores exactly
what was there. Problems raise :class:`StructureError` with a message in the window's
language.
"""

from __future__ import annotations

import copy
import re
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from ..model import Building, BuildingInfo, Community, Household, Unit
from . import i18n
from .commands import ReplaceProjectPartCommand

translate = QCoreApplication.translate

UNIT_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$")


class StructureError(ValueError):
    """A change that cannot be made; ``args[0]`` is ``(field, message)``."""


def _fail(field: str, message: str):
    raise StructureError((field, message))


def _change(doc, text: str, fn):
    """Apply ``fn(communities)`` to a copy and push it as one undoable command."""
    new = copy.deepcopy(doc.project.communities)
    result = fn(new)
    doc.undo_stack.push(ReplaceProjectPartCommand(doc, new, text))
    return result


def _next_id(prefix: str, taken) -> str:
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def _community(comms, cid: str) -> Community:
    for c in comms:
        if c.id == cid:
            return c
    raise KeyError(cid)


def _building(comms, bid: str) -> tuple[Community, Building]:
    for c in comms:
        for b in c.buildings:
            if b.id == bid:
                return c, b
    raise KeyError(bid)


def _unit(comms, uid: str) -> tuple[Community, Building, Unit]:
    for c in comms:
        for b in c.buildings:
            for u in b.units:
                if u.id == uid:
                    return c, b, u
    raise KeyError(uid)


def _unit_ids(comms) -> set[str]:
    return {u.id for c in comms for b in c.buildings for u in b.units}


# ------------------------------------------------------------------ communities, buildings
def add_community(doc, name: str) -> str:
    """Add a community; returns its id."""
    name = name.strip()
    if not name:
        _fail("name", translate("Structure", "请填写小区名称"))

    def fn(comms):
        cid = _next_id("C", {c.id for c in comms})
        comms.append(Community(id=cid, name=name))
        return cid

    return _change(doc, translate("Structure", "新建小区 {0}").format(name), fn)


def add_building(doc, community_id: str, name: str, storeys: int, year_built: int) -> str:
    """Add a building to a community; returns its id."""
    name = name.strip()
    if not name:
        _fail("name", translate("Structure", "请填写楼栋名称"))

    def fn(comms):
        c = _community(comms, community_id)
        bid = _next_id("B", {b.id for cc in comms for b in cc.buildings})
        c.buildings.append(
            Building(id=bid, name=name, info=BuildingInfo(year_built=year_built, storeys=storeys))
        )
        return bid

    return _change(doc, translate("Structure", "新建楼栋 {0}").format(name), fn)


def suggest_unit(doc, building_id: str) -> tuple[str, str]:
    """(id, name) for the next unit of a building, e.g. ``B1-2`` and ``幸福里 3号楼 2单元``."""
    comms = doc.project.communities
    c, b = _building(comms, building_id)
    k = len(b.units) + 1
    taken = _unit_ids(comms)
    uid = f"{b.id}-{k}"
    while uid in taken:
        k += 1
        uid = f"{b.id}-{k}"
    name = i18n.pick(f"{c.name} {b.name} {k}单元", f"{c.name} {b.name} Unit-{k}")
    return uid, name


def add_unit(doc, building_id: str, unit_id: str, name: str) -> str:
    """Add a unit (stairwell) to a building; returns its id."""
    unit_id = unit_id.strip()
    if not UNIT_ID_PATTERN.match(unit_id):
        _fail("id", translate("Structure", "编号只能用字母、数字、-、_、.，最多 40 个字符"))
    if unit_id in _unit_ids(doc.project.communities):
        _fail("id", translate("Structure", "编号 {0} 已被使用").format(unit_id))

    def fn(comms):
        c, b = _building(comms, building_id)
        b.units.append(Unit(id=unit_id, building=b.info, name=name.strip() or unit_id))
        return unit_id

    return _change(doc, translate("Structure", "新建单元 {0}").format(unit_id), fn)


def rename(doc, kind: str, item_id: str, name: str) -> None:
    """Rename a community, building or unit (``kind``)."""
    name = name.strip()
    if not name:
        _fail("name", translate("Structure", "名称不能为空"))

    def fn(comms):
        if kind == "community":
            _community(comms, item_id).name = name
        elif kind == "building":
            _building(comms, item_id)[1].name = name
        else:
            _unit(comms, item_id)[2].name = name

    _change(doc, translate("Structure", "重命名为 {0}").format(name), fn)


def delete(doc, kind: str, item_id: str) -> str:
    """Delete a community, building or unit with everything in it; returns its name."""

    def fn(comms):
        if kind == "community":
            c = _community(comms, item_id)
            comms.remove(c)
            return c.name
        if kind == "building":
            c, b = _building(comms, item_id)
            c.buildings.remove(b)
            return b.name
        _, b, u = _unit(comms, item_id)
        b.units.remove(u)
        return u.name or u.id

    name = fn(copy.deepcopy(doc.project.communities))
    _change(doc, translate("Structure", "删除 {0}").format(name), fn)
    return name


# ------------------------------------------------------------------ households
def door_number(floor: int, door: int) -> str:
    """The usual door number: floor then a two-digit door, ``301``, ``1202``."""
    return f"{floor}{door:02d}"


def generate_households(
    doc, unit_id: str, floors: int, doors: int, area_m2: Decimal, first_floor: int = 1
) -> int:
    """Add ``floors`` × ``doors`` households (door numbers 101, 102 … 602); doors that
    already exist are kept as they are. Returns the number added."""
    unit = doc.unit(unit_id)
    storeys = unit.building.storeys
    last = first_floor + floors - 1
    if last > storeys:
        _fail(
            "floors",
            translate("Structure", "楼栋只有 {0} 层，不能生成到第 {1} 层").format(storeys, last),
        )
    existing = {h.id for h in unit.households}
    new = [
        Household(id=door_number(f, d), floor=f, area_m2=area_m2)
        for f in range(first_floor, last + 1)
        for d in range(1, doors + 1)
        if door_number(f, d) not in existing
    ]
    if not new:
        _fail("floors", translate("Structure", "这些门牌都已存在"))

    def fn(comms):
        u = _unit(comms, unit_id)[2]
        u.households.extend(copy.deepcopy(new))
        u.households.sort(key=lambda h: (h.floor, len(h.id), h.id))

    _change(doc, translate("Structure", "生成 {0} 户").format(len(new)), fn)
    return len(new)


PASTE_COLUMNS = ("door", "floor", "area", "owner_name", "owner")
"""Columns of pasted household rows, in this order; the last two may be left out."""


def parse_pasted(text: str, storeys: int) -> list[Household]:
    """Households from tab-separated rows (门牌, 楼层, 面积, [业主姓名], [业主编号]).

    A first row whose floor is not a number is a header and skipped.

    Raises
    ------
    StructureError
        naming the row and column of the first bad cell.
    """
    from ..io.cells import CellError, parse_area_m2, parse_door, parse_floor, parse_text

    rows = [line.split("\t") for line in text.replace("\r\n", "\n").split("\n")]
    rows = [(i, r) for i, r in enumerate(rows, 1) if any(c.strip() for c in r)]
    if not rows:
        _fail(
            "paste", translate("Structure", "剪贴板里没有住户行（门牌、楼层、面积，以制表符分隔）")
        )
    first = rows[0][1]
    try:  # a header row: its floor is not a floor
        parse_floor(first[1] if len(first) > 1 else "", required=True)
    except CellError:
        rows = rows[1:]
    heads = [
        translate("Structure", "门牌"),
        translate("Structure", "楼层"),
        translate("Structure", "面积"),
        translate("Structure", "业主姓名"),
        translate("Structure", "业主编号"),
    ]
    out: list[Household] = []
    seen: set[str] = set()
    for no, r in rows:
        cells = [c.strip() for c in r] + [""] * (5 - len(r))
        try:
            if len(r) < 3:
                raise CellError(
                    no,
                    heads[2],
                    "missing: door, floor and area are needed",
                    "缺少列：需要门牌、楼层、面积",
                )
            door = parse_door(cells[0], no, heads[0], required=True)
            floor = parse_floor(cells[1], no, heads[1], required=True)
            area = parse_area_m2(cells[2], no, heads[2], required=True)
            owner_name = parse_text(cells[3], no, heads[3]) or ""
            owner = parse_text(cells[4], no, heads[4]) or None
        except CellError as e:
            _fail(
                "paste",
                translate("Structure", "第 {0} 行 {1}：{2}").format(
                    no, e.column, i18n.error_text(e)
                ),
            )
        if floor > storeys:
            _fail(
                "paste",
                translate("Structure", "第 {0} 行 {1}：楼栋只有 {2} 层").format(
                    no, heads[1], storeys
                ),
            )
        if door in seen:
            _fail(
                "paste",
                translate("Structure", "第 {0} 行 {1}：门牌 {2} 重复").format(no, heads[0], door),
            )
        seen.add(door)
        out.append(
            Household(id=door, floor=floor, area_m2=area, owner=owner, owner_name=owner_name)
        )
    return out


def paste_households(doc, unit_id: str, text: str) -> tuple[int, int]:
    """Add (or update) households from pasted spreadsheet rows; returns (added, updated).
    Updating keeps a household's vote and keeps fields the rows leave empty."""
    unit = doc.unit(unit_id)
    rows = parse_pasted(text, unit.building.storeys)
    existing = {h.id for h in unit.households}
    added = sum(1 for h in rows if h.id not in existing)

    def fn(comms):
        u = _unit(comms, unit_id)[2]
        by_id = {h.id: h for h in u.households}
        for h in rows:
            old = by_id.get(h.id)
            if old is None:
                u.households.append(copy.deepcopy(h))
                continue
            old.floor, old.area_m2 = h.floor, h.area_m2
            if h.owner_name:
                old.owner_name = h.owner_name
            if h.owner:
                old.owner = h.owner
        u.households.sort(key=lambda h: (h.floor, len(h.id), h.id))

    _change(doc, translate("Structure", "粘贴 {0} 户").format(len(rows)), fn)
    return added, len(rows) - added
