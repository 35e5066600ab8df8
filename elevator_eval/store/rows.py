"""Rows of the project file: the project from the rows of a current-schema file, the vote
log's rows, and the content digest over every stored row."""

from __future__ import annotations

import sqlite3
from typing import Any

from ..audit import VoteEvent
from ..model import Building, BuildingInfo, Community, Project
from ..sha256 import sha256
from ..site_columns import SITE_CODE_VERSION
from .codec import dc_from, dec, loads_tagged
from .lazy import add_lazy_units
from .schema import DIGEST_BY_COLUMNS, DIGEST_KEY, FORMAT, SITE_CODE_KEY, TABLES

_META_HASHED = ("name", "uid", "settings")
_ROW_BYTES_HINT = 1024
"""Bytes a stored row is reckoned to feed the digest, to choose the hasher (a unit's row
holds its households' JSON: often more)."""


def hash_rows(meta: dict[str, str], tables: dict[str, list[tuple[Any, ...]]]) -> str:
    """SHA-256 over the project-level meta values and every row of the data tables.

    Each non-empty table contributes its name and its rows (tuples of str, int, float and
    None) in primary-key order: column by column when ``meta`` names
    :data:`~.schema.DIGEST_BY_COLUMNS` (schema v5), else the Python ``repr`` of the rows
    (files written before v5, and checked that way when they are opened).
    """
    n_rows = sum(len(rows) for rows in tables.values())
    h = sha256(size_hint=n_rows * _ROW_BYTES_HINT)
    h.update(repr([(k, meta.get(k)) for k in _META_HASHED]).encode("utf-8", "surrogatepass"))
    update = _update_columns if meta.get(DIGEST_KEY) == DIGEST_BY_COLUMNS else _update_repr
    for table in TABLES:
        if tables.get(table):  # an empty table counts like a missing one (migrations)
            h.update(table.encode("ascii"))
            update(h, tables[table])
    return h.hexdigest()


_CHUNK = 2048


def _update_repr(h: Any, rows: list[tuple[Any, ...]]) -> None:
    """Feed ``repr(rows)`` to ``h`` piece by piece (the same bytes without building the
    whole text: ``repr`` of a list is its items' ``repr`` joined by ``", "`` in brackets).
    Each piece's brackets are cut off as a view of its bytes, not a copy of its text."""
    h.update(b"[")
    for start in range(0, len(rows), _CHUNK):
        if start:
            h.update(b", ")
        part = repr(rows[start : start + _CHUNK]).encode("utf-8", "surrogatepass")
        h.update(memoryview(part)[1:-1])
    h.update(b"]")


_BLOCK = 4096


def _update_columns(h: Any, rows: list[tuple[Any, ...]]) -> None:
    """Feed the rows to ``h`` in blocks of :data:`_BLOCK` rows, each block column by
    column: the block's row count, then per column its values joined by U+001F. A column
    of texts none of which contains U+001F is joined as it is (tag ``s``); any other column
    is joined from its values' ``repr`` (tag ``r``: texts, numbers and None stay apart and
    U+001F inside a text is escaped), so that different rows never give the same bytes.
    Blocks keep the joined text small (a column of households' JSON is tens of MB)."""
    for start in range(0, len(rows), _BLOCK):
        block = rows[start : start + _BLOCK]
        n = len(block)
        h.update(b"%d\x1d" % n)
        for column in zip(*block, strict=True):
            try:
                text = "\x1f".join(column)
                plain = text.count("\x1f") == n - 1
            except TypeError:  # numbers or None in the column
                plain = False
            if not plain:
                text = "\x1f".join(map(repr, column))
            h.update(b"s" if plain else b"r")
            h.update(text.encode("utf-8", "surrogatepass"))
            h.update(b"\x1d")


def read_tables(
    conn: sqlite3.Connection,
) -> tuple[dict[str, str], dict[str, list[tuple[Any, ...]]]]:
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    tables = {
        t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES if t in have
    }
    return meta, tables


def content_hash(conn: sqlite3.Connection) -> str:
    """The content digest of the database behind ``conn``."""
    return hash_rows(*read_tables(conn))


def build_project(meta: dict[str, str], tables: dict[str, list[tuple[Any, ...]]]) -> Project:
    """The project from the rows of a current-schema file (units are :class:`.lazy.LazyUnit`)."""
    if meta.get("format") != FORMAT:
        raise ValueError("meta.format is not an Elevator Eval project")
    project = Project(
        name=meta.get("name", ""),
        settings=loads_tagged(meta.get("settings", "{}")),
        uid=meta.get("uid", ""),
    )
    communities: dict[int, Community] = {}
    for pos, cid, name, district in tables["communities"]:
        c = Community(id=cid, name=name, district=district)
        communities[pos] = c
        project.communities.append(c)
    buildings = _buildings(tables["buildings"], communities)
    codes_current = meta.get(SITE_CODE_KEY) == SITE_CODE_VERSION
    add_lazy_units(tables["units"], buildings, _own_info, codes_current)
    if "vote_log" in tables:
        project.vote_log = [event_from_row(r) for r in tables["vote_log"]]
    return project


def _buildings(
    rows: list[tuple[Any, ...]], communities: dict[int, Community]
) -> dict[int, Building]:
    buildings: dict[int, Building] = {}
    for (
        pk,
        cpos,
        bid,
        name,
        address,
        year,
        storeys,
        structure,
        grade,
        fh,
        si,
        life,
        life_given,
        extra,
    ) in rows:
        info = BuildingInfo(
            year_built=year,
            storeys=storeys,
            structure=structure,
            danger_grade=grade,
            floor_height_m=dec(fh),
            seismic_intensity=si,
            design_life_years=life,
            design_life_given=bool(life_given),
            extra=loads_tagged(extra),
        )
        b = Building(id=bid, name=name, info=info, address=address)
        buildings[pk] = b
        communities[cpos].buildings.append(b)
    return buildings


def _own_info(text: str) -> BuildingInfo:
    return dc_from(BuildingInfo, loads_tagged(text))


def load(conn: sqlite3.Connection) -> Project:
    return build_project(*read_tables(conn))


def event_from_row(row: tuple[Any, ...]) -> VoteEvent:
    seq, time, unit_id, hid, scheme, source, prev, new, note, prev_hash, h = row
    return VoteEvent(
        seq=seq,
        time=time,
        unit_id=unit_id,
        household_id=hid,
        scheme_version=scheme,
        source=source,
        previous=prev,
        new=new,
        note=note,
        prev_hash=prev_hash,
        hash=h,
    )


def opt_str(v: Any) -> str | None:
    return None if v is None else str(v)


def event_row(ev: VoteEvent) -> tuple[Any, ...]:
    return (
        int(ev.seq),
        str(ev.time),
        str(ev.unit_id),
        str(ev.household_id),
        int(ev.scheme_version),
        str(ev.source),
        opt_str(ev.previous),
        opt_str(ev.new),
        str(ev.note),
        str(ev.prev_hash),
        str(ev.hash),
    )
