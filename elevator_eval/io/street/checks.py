"""Check a street's rows: each cell by its parser, then the checks across rows.

Across rows: a building's data agree on every row; a unit's id, door numbers and owners'
votes agree; every building has its year and storeys; no floor above the storeys; each row
of the 单元 sheet names a unit of the 户 sheet once; unit ids are unique.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..cell_core import CellError
from .build import build_delta
from .columns import BUILDING_KEYS, HOUSEHOLD_COLUMNS, UNIT_COLUMNS
from .headers import Table, blank
from .issues import Collector, ImportDelta

H = HOUSEHOLD_COLUMNS


@dataclass
class Street:
    """What the rows tell so far.

    ``buildings``: (community, building) → ``{"first_row": n, key: (value, row)}``;
    ``units``: (community, building, unit) → ``{"first_row", "doors", "hh", "unit_id", "id"}``
    with ``hh`` the household rows kept as ``(row, fields)``; ``site_rows``: unit key →
    ``(row, fields)`` of the 单元 sheet; ``rows_ok``: household rows read without error.
    """

    buildings: dict[tuple, dict] = field(default_factory=dict)
    units: dict[tuple, dict] = field(default_factory=dict)
    site_rows: dict[tuple, tuple[int, dict]] = field(default_factory=dict)
    rows_ok: int = 0


def parse_row(table: Table, row_no: int, values: list, columns, col: Collector):
    """Parse every known column of one row; returns ``(fields, ok)``."""
    out: dict[str, Any] = {}
    ok = True
    for c in columns:
        if c.key not in table.columns or c.parse is None:
            out[c.key] = None
            continue
        idx, header = table.columns[c.key]
        raw = values[idx] if idx < len(values) else None
        if c.key == "pipes_in_footprint" and blank(raw):
            out[c.key] = None  # an empty cell means "not surveyed"; 无 means no pipes
            continue
        try:
            out[c.key] = c.parse(raw, row_no, header, table.sheet, required=c.required)
        except CellError as e:
            col.cell(e)
            out[c.key] = None
            ok = False
    return out, ok


def header_of(table: Table, key: str, columns=H) -> str:
    """The header of field ``key`` as written in the sheet, else its template header."""
    if key in table.columns:
        return table.columns[key][1]
    return next(c.title for c in columns if c.key == key)


def _show(v) -> str:
    return "" if v is None else str(v)


# ------------------------------------------------------------------------------ 户 sheet


def _note_building(ht: Table, row_no: int, f: dict, b: dict, col: Collector) -> bool:
    """Record the building data of one row; False when a value contradicts an earlier row."""
    ok = True
    for key in BUILDING_KEYS:
        v = f.get(key)
        if v is None:
            continue
        if key in b and b[key][0] != v:
            ok = False
            col.error(
                ht.sheet,
                row_no,
                header_of(ht, key),
                v,
                f"与第 {b[key][1]} 行同一楼栋的数据不一致（{_show(b[key][0])} ≠ {v}）",
                f"conflicts with row {b[key][1]} of the same building ({_show(b[key][0])} ≠ {v})",
            )
        else:
            b.setdefault(key, (v, row_no))
    return ok


def _note_unit(ht: Table, row_no: int, f: dict, u: dict, col: Collector) -> bool:
    """Record the unit id and door of one row; False on a contradiction or a repeat."""
    ok = True
    if f["unit_id"] is not None:
        if "unit_id" in u and u["unit_id"][0] != f["unit_id"]:
            ok = False
            col.error(
                ht.sheet,
                row_no,
                header_of(ht, "unit_id"),
                f["unit_id"],
                f"与第 {u['unit_id'][1]} 行同一单元的单元编号不一致",
                f"conflicts with the unit id on row {u['unit_id'][1]}",
            )
        else:
            u.setdefault("unit_id", (f["unit_id"], row_no))
    door = f["door"]
    if door is not None:
        if door in u["doors"]:
            ok = False
            col.error(
                ht.sheet,
                row_no,
                header_of(ht, "door"),
                door,
                f"门牌号 {door} 在本单元重复（第 {u['doors'][door]} 行已有）",
                f"door number {door} appears twice in this unit (also on row {u['doors'][door]})",
            )
        else:
            u["doors"][door] = row_no
    return ok


def _read_households(ht: Table, st: Street, col: Collector) -> None:
    if not ht.rows and ht.header_row is not None:
        col.error(ht.sheet, None, "", "", "没有住户数据行", "there are no household rows")
    for row_no, values in ht.rows:
        f, ok = parse_row(ht, row_no, values, H, col)
        if f["community"] is None or f["building"] is None or f["unit"] is None:
            continue
        bkey = (f["community"], f["building"])
        b = st.buildings.setdefault(bkey, {"first_row": row_no})
        ok = _note_building(ht, row_no, f, b, col) and ok
        u = st.units.setdefault(bkey + (f["unit"],), {"first_row": row_no, "doors": {}, "hh": []})
        ok = _note_unit(ht, row_no, f, u, col) and ok
        if ok and f["door"] is not None:
            u["hh"].append((row_no, f))
            st.rows_ok += 1


def _check_buildings_complete(ht: Table, st: Street, col: Collector) -> None:
    for bkey, b in st.buildings.items():
        for key, zh, en in (
            ("year_built", "建成年份", "year built"),
            ("storeys", "层数", "storeys"),
        ):
            if key not in b:
                col.error(
                    ht.sheet,
                    b["first_row"],
                    header_of(ht, key),
                    "",
                    f"楼栋 {bkey[0]} {bkey[1]} 没有填写{zh}",
                    f"building {bkey[0]} {bkey[1]} has no {en}",
                )


def _household_fits(ht: Table, row_no: int, f: dict, storeys, owners: dict, col: Collector) -> bool:
    """False (with an error) for a floor above the storeys or an owner's second vote."""
    if storeys is not None and f["floor"] is not None and f["floor"] > storeys:
        col.error(
            ht.sheet,
            row_no,
            header_of(ht, "floor"),
            f["floor"],
            f"楼层 {f['floor']} 高于该楼层数 {storeys}",
            f"floor {f['floor']} is above the building's {storeys} storeys",
        )
        return False
    owner = f["owner"]
    if owner is None:
        return True
    if owner in owners and owners[owner][0] != f["vote"]:
        col.error(
            ht.sheet,
            row_no,
            header_of(ht, "vote"),
            _show(f["vote"]),
            f"业主 {owner} 的表决与第 {owners[owner][1]} 行不同；同一业主只能有一个意见",
            f"owner {owner} votes differently on row {owners[owner][1]}; one owner has one vote",
        )
        return False
    owners.setdefault(owner, (f["vote"], row_no))
    return True


def _check_unit_households(ht: Table, st: Street, col: Collector) -> None:
    for ukey, u in st.units.items():
        storeys = st.buildings[ukey[:2]].get("storeys", (None,))[0]
        owners: dict[str, tuple] = {}
        keep = []
        for row_no, f in u["hh"]:
            if _household_fits(ht, row_no, f, storeys, owners, col):
                keep.append((row_no, f))
            else:
                st.rows_ok -= 1
        u["hh"] = keep


# ------------------------------------------------------------------------------ 单元 sheet


def _unit_row_problem(
    ut: Table, row_no: int, f: dict, ukey: tuple, st: Street, col: Collector
) -> bool:
    """True (with an error) when the row repeats a unit or names one without households."""
    if ukey in st.site_rows:
        col.error(
            ut.sheet,
            row_no,
            header_of(ut, "unit", UNIT_COLUMNS),
            f["unit"],
            f"单元重复（第 {st.site_rows[ukey][0]} 行已有）",
            f"the unit appears twice (also on row {st.site_rows[ukey][0]})",
        )
        return True
    if ukey not in st.units:
        col.error(
            ut.sheet,
            row_no,
            header_of(ut, "unit", UNIT_COLUMNS),
            f["unit"],
            f"户表中没有 {' '.join(ukey)} 的住户",
            f"the households sheet has no households of {' '.join(ukey)}",
        )
        return True
    return False


def _check_unit_row(ut: Table, row_no: int, f: dict, u: dict, col: Collector) -> None:
    """Width and depth given together; the unit id agrees with the 户 sheet."""
    w, d = f["footprint_width_m"], f["footprint_depth_m"]
    if (w is None) != (d is None):
        missing = "footprint_depth_m" if d is None else "footprint_width_m"
        col.error(
            ut.sheet,
            row_no,
            header_of(ut, missing, UNIT_COLUMNS),
            "",
            "可用宽度和可用进深须同时填写",
            "give both the clear width and depth",
        )
    uid = f["unit_id"]
    hid = u.get("unit_id")
    if uid is not None and hid is not None and hid[0] != uid:
        col.error(
            ut.sheet,
            row_no,
            header_of(ut, "unit_id", UNIT_COLUMNS),
            uid,
            f"单元编号与户表第 {hid[1]} 行不一致（{hid[0]}）",
            f"unit id differs from row {hid[1]} of the households sheet ({hid[0]})",
        )


def _read_unit_sheet(ut: Table, st: Street, col: Collector) -> None:
    for row_no, values in ut.rows:
        f, _ok = parse_row(ut, row_no, values, UNIT_COLUMNS, col)
        if f["community"] is None or f["building"] is None or f["unit"] is None:
            continue
        ukey = (f["community"], f["building"], f["unit"])
        if _unit_row_problem(ut, row_no, f, ukey, st, col):
            continue
        _check_unit_row(ut, row_no, f, st.units[ukey], col)
        st.site_rows[ukey] = (row_no, f)


def _assign_unit_ids(ht: Table, st: Street, col: Collector) -> None:
    """Each unit's id (given, else community-building-unit); an id used twice is an error."""
    ids: dict[str, tuple] = {}
    for ukey, u in st.units.items():
        uid = u.get("unit_id", (None,))[0]
        if uid is None and ukey in st.site_rows:
            uid = st.site_rows[ukey][1]["unit_id"]
        u["id"] = uid or "-".join(ukey)
        if u["id"] in ids:
            col.error(
                ht.sheet,
                u["first_row"],
                header_of(ht, "unit_id"),
                u["id"],
                f"单元编号 {u['id']} 与 {' '.join(ids[u['id']])} 重复",
                f"unit id {u['id']} is also used by {' '.join(ids[u['id']])}",
            )
        ids.setdefault(u["id"], ukey)


def check(tables: dict[str, Table], col: Collector) -> tuple[int, ImportDelta]:
    """Check the 户 table (and the 单元 table when given) and build what they add.

    Returns
    -------
    (int, ImportDelta)
        Household rows read without error, and the delta (empty when there are errors).
    """
    ht = tables["households"]
    st = Street()
    _read_households(ht, st, col)
    _check_buildings_complete(ht, st, col)
    _check_unit_households(ht, st, col)
    ut = tables.get("units")
    if ut is not None:
        _read_unit_sheet(ut, st, col)
    _assign_unit_ids(ht, st, col)
    if col.errors:
        return max(st.rows_ok, 0), ImportDelta()
    return st.rows_ok, build_delta(st.buildings, st.units, st.site_rows)
