"""The project file (``.eeproj``): one SQLite database per project.

Layout (schema version :data:`SCHEMA_VERSION`)
----------------------------------------------
- ``meta(key, value)``: format name, schema version, the app version that wrote the file,
  project name, uid, settings (JSON) and ``content_sha256``, a digest of every stored row.
- ``communities``, ``buildings``, ``units``, ``households``: normalised tables, so that a
  census can be queried with SQL. Decimals are stored as their decimal text (``"56.30"``);
  nested parts (site, costs, subsidies, share, ``extra`` dicts) are tagged JSON that keeps
  ``Decimal``, tuples and integer keys exactly (see :func:`_tag`).
- ``vote_log``: the vote audit trail (:mod:`elevator_eval.audit`), append-only (SQL
  triggers refuse UPDATE and DELETE; :func:`save_project` refuses a log whose stored rows
  changed).

``PRAGMA application_id`` marks the file as ours; ``PRAGMA user_version`` is the schema
version. Older files are migrated step by step by :data:`MIGRATIONS` (one function per
step v → v+1) after a backup copy ``<name>.bak-v<old>`` is written.

Crash safety
------------
Every save writes a complete new database into a temporary file beside the target in one
transaction, fsyncs it and then atomically replaces the target (``os.replace``), then
fsyncs the folder. The target is never opened for writing, so at any moment (a crash, a
SIGKILL, a full disk) it is either the previous committed state or the new one. We chose
this over an in-place SQLite transaction because an in-place save leaves a ``-journal``
beside the file during the write; if the user copies or e-mails the ``.eeproj`` alone at
that moment, or the journal is lost, the copy is corrupt. A single self-contained file is
what people move around.

Opening is strictly read-only (``mode=ro``) and checks the SQLite header magic, the
application id, the size the header announces, ``PRAGMA quick_check`` and the content
digest first, so a corrupt, truncated, empty, newer or foreign file raises
:class:`~elevator_eval.errors.ProjectFileError` with a one-line message and is never
modified.
"""

from __future__ import annotations

import copy
import glob
import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import time
import uuid
from dataclasses import fields
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable

from . import __version__, concurrency
from .atomic import fsync_replace
from .audit import VoteEvent, is_tombstone, record_vote, verify_log  # noqa: F401
from .errors import InputError, ProjectFileError
from .model import (
    Building,
    BuildingInfo,
    Community,
    Costs,
    Household,
    Project,
    ShareSettings,
    Site,
    Unit,
)

SCHEMA_VERSION = 3
"""Schema version written by this app (``PRAGMA user_version``)."""

FORMAT = "elevator-eval/project"
APPLICATION_ID = 0x45455052  # "EEPR"
SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".eeproj"

# ---------------------------------------------------------------------------- schema

_SCHEMA_V1 = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE communities(
    pos INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, district TEXT NOT NULL);
CREATE TABLE buildings(
    pk INTEGER PRIMARY KEY, community_pos INTEGER NOT NULL, id TEXT NOT NULL,
    name TEXT NOT NULL, address TEXT NOT NULL, year_built INTEGER NOT NULL,
    storeys INTEGER NOT NULL, structure TEXT, danger_grade TEXT, floor_height_m TEXT,
    seismic_intensity INTEGER, design_life_years INTEGER NOT NULL,
    design_life_given INTEGER NOT NULL, extra TEXT NOT NULL);
CREATE TABLE units(
    pk INTEGER PRIMARY KEY, building_pk INTEGER NOT NULL, id TEXT NOT NULL,
    name TEXT NOT NULL, rules TEXT NOT NULL, rules_given INTEGER NOT NULL,
    scheme_version INTEGER NOT NULL, entry_mode TEXT, own_building TEXT,
    site TEXT NOT NULL, costs TEXT NOT NULL, subsidies TEXT NOT NULL, share TEXT NOT NULL,
    extra TEXT NOT NULL);
CREATE TABLE households(
    pk INTEGER PRIMARY KEY, unit_pk INTEGER NOT NULL, id TEXT NOT NULL,
    floor INTEGER NOT NULL, area_m2 TEXT NOT NULL, owner TEXT, vote TEXT,
    exclusive_part_affected INTEGER NOT NULL, owner_name TEXT NOT NULL,
    contact TEXT NOT NULL, vote_date TEXT, vote_source TEXT, max_contribution_yuan TEXT,
    provident_fund_yuan TEXT, extra TEXT NOT NULL);
CREATE INDEX households_unit ON households(unit_pk);
CREATE INDEX units_building ON units(building_pk);
"""


def _exec_script(conn: sqlite3.Connection, script: str) -> None:
    """Run SQL statements one by one (``executescript`` would commit an open transaction)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            conn.execute(buf)
            buf = ""
    if buf.strip():
        raise ValueError("incomplete SQL statement in schema script")


def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    """v2 adds the vote audit trail (``vote_log``) with append-only triggers."""
    _exec_script(conn, """
CREATE TABLE vote_log(
    seq INTEGER PRIMARY KEY, time TEXT NOT NULL, unit_id TEXT NOT NULL,
    household_id TEXT NOT NULL, scheme_version INTEGER NOT NULL, source TEXT NOT NULL,
    previous TEXT, new TEXT, note TEXT NOT NULL, prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL);
CREATE TRIGGER vote_log_no_update BEFORE UPDATE ON vote_log
    BEGIN SELECT RAISE(ABORT, 'vote_log is append-only'); END;
CREATE TRIGGER vote_log_no_delete BEFORE DELETE ON vote_log
    BEGIN SELECT RAISE(ABORT, 'vote_log is append-only'); END;
""")


def _migrate_2_to_3(conn: sqlite3.Connection) -> None:
    """v3 splits a unit's ``rules`` into explicit choices: ``rules`` (with ``rules_given``)
    is the consent ruleset only, the new column ``suitability_rules`` the suitability one.
    A v2 unit whose ``rules`` named a suitability ruleset (the vote then used the default)
    moves that name to ``suitability_rules``. (The settings keep their keys; they are
    migrated when read, see :mod:`elevator_eval.project_settings`.)"""
    from .ruledata import shipped_names, user_files
    conn.execute("ALTER TABLE units ADD COLUMN suitability_rules TEXT")
    row = conn.execute("SELECT value FROM meta WHERE key = 'settings'").fetchone()
    if row is None:
        return
    settings = loads_tagged(row[0])
    suit = set(shipped_names("suitability")) | set(user_files(settings, "suitability_rulesets")
                                                   or {})
    consent = set(shipped_names("consent")) | set(user_files(settings, "consent_rulesets") or {})
    for pk, rules in conn.execute("SELECT pk, rules FROM units WHERE rules_given = 1").fetchall():
        if rules in suit and rules not in consent:
            conn.execute("UPDATE units SET suitability_rules = ?, rules = ?, rules_given = 0 "
                         "WHERE pk = ?", (rules, "civil-code-2021", pk))


MIGRATIONS: list[Callable[[sqlite3.Connection], None] | None] = [None, _migrate_1_to_2,
                                                                 _migrate_2_to_3]
"""``MIGRATIONS[v]`` turns a schema-v database into v+1 (index 0 unused)."""

assert len(MIGRATIONS) == SCHEMA_VERSION

_TABLES = ("communities", "buildings", "units", "households", "vote_log")


def _create_schema(conn: sqlite3.Connection) -> None:
    """A fresh database is the v1 schema plus every migration: one path for both."""
    _exec_script(conn, _SCHEMA_V1)
    for step in MIGRATIONS[1:]:
        step(conn)


# ---------------------------------------------------------------------------- tagged JSON

def _tag(obj: Any, where: str) -> Any:
    """Turn a value into JSON-able data that keeps its exact Python type.

    ``Decimal`` → ``{"$d": "56.30"}`` (written out as the number literal ``56.30``,
    see :func:`_literal_decimals`), float → ``{"$f": "0.1"}``, tuple → ``{"$t": [...]}``,
    a dict whose keys are not all plain strings (or start with ``$``) →
    ``{"$m": [[key, value], ...]}``. Strings, ints, booleans and None stay as they are.
    """
    t = type(obj)
    if t is str or t is int or t is bool or obj is None:
        return obj
    if t is dict:
        for k in obj:
            if type(k) is not str or k[:1] == "$":
                return {"$m": [[_tag(k, where), _tag(v, f"{where}.{k}")]
                               for k, v in obj.items()]}
        return {k: _tag(v, f"{where}.{k}") for k, v in obj.items()}
    if t is list:
        return [_tag(v, where) for v in obj]
    if isinstance(obj, Decimal):
        if not obj.is_finite():
            raise InputError(where, f"cannot store the number {obj}")
        return {"$d": str(obj)}
    if isinstance(obj, float):
        if obj != obj or obj in (float("inf"), float("-inf")):
            raise InputError(where, f"cannot store the number {obj}")
        return {"$f": repr(float(obj))}
    if isinstance(obj, (str, int)):  # subclasses (bool is handled above)
        return str(obj) if isinstance(obj, str) else int(obj)
    if isinstance(obj, tuple):
        return {"$t": [_tag(v, where) for v in obj]}
    if isinstance(obj, list):
        return [_tag(v, where) for v in obj]
    if isinstance(obj, dict):
        return _tag(dict(obj), where)
    raise InputError(where, f"cannot store a value of type {type(obj).__name__}")


def _untag_hook(d: dict) -> Any:
    if len(d) == 1:
        (k, v), = d.items()
        if k == "$d":
            return Decimal(v)
        if k == "$f":
            return float(v)
        if k == "$t":
            return tuple(v)
        if k == "$m":
            return {(tuple(key) if isinstance(key, list) else key): val for key, val in v}
    return d


def _default(obj):
    """Encoder hook for the model's own fields: only Decimals reach it."""
    if isinstance(obj, Decimal) and obj.is_finite():
        return {"$d": str(obj)}
    raise ValueError(f"cannot store {obj!r}")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
_FAST = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False,
                         default=_default)
_DECODER = json.JSONDecoder(object_hook=_untag_hook, parse_float=Decimal)
_DEC_TAG = re.compile(r'\{"\$d":"([^"]*)"\}')


def _dec_literal(m: re.Match) -> str:
    text = m.group(1)
    if "." in text or "E" in text:
        return text
    return text + "E0"  # an integral Decimal: the exponent makes it a non-int literal


def _literal_decimals(text: str) -> str:
    """Write each ``{"$d": "…"}`` tag as a JSON number literal with a point or exponent.

    Reading with ``parse_float=Decimal`` then gives the same Decimal back (digits and
    exponent), while integers (no point, no exponent) stay ``int``; floats are tagged
    ``$f``. A tag cannot be confused with text: inside a JSON string every quote is
    escaped, and plain ``$`` keys are escaped into ``$m`` form by :func:`_tag`.
    """
    return _DEC_TAG.sub(_dec_literal, text) if '{"$d":"' in text else text


def dumps_tagged(obj: Any, where: str = "value") -> str:
    """Compact tagged JSON text of ``obj`` (exact Decimals, floats, tuples and int keys)."""
    if not obj and type(obj) is dict:
        return "{}"
    return _literal_decimals(_ENCODER.encode(_tag(obj, where)))


def loads_tagged(text: str) -> Any:
    """Inverse of :func:`dumps_tagged`."""
    if text == "{}":
        return {}
    return _DECODER.decode(text)


def _plain_map(m: dict) -> bool:
    """A dict of str keys (not starting with ``$``) to Decimal/str/int/None values."""
    for k, v in m.items():
        if type(k) is not str or k[:1] == "$" or not (
                type(v) is Decimal or type(v) is str or type(v) is int or v is None):
            return False
    return True


def _fast_json(d: dict[str, Any], where: str) -> str:
    """Encode a dict built from model fields: values are plain JSON, Decimals or
    already-tagged parts."""
    try:
        return _literal_decimals(_FAST.encode(d))
    except ValueError as e:
        raise InputError(where, str(e)) from None


def _map_part(m, where: str):
    if m is None:
        return None
    if type(m) is dict and _plain_map(m):
        for v in m.values():
            if type(v) is Decimal and not v.is_finite():
                raise InputError(where, f"cannot store the number {v}")
        return m
    return _tag(m, where)


def _site_json(s: Site, where: str) -> str:
    d = {f: getattr(s, f) for f in _FIELDS[Site]}
    fp = d["footprint_available_m"]
    if fp is not None:
        d["footprint_available_m"] = _tag(fp, f"{where}.footprint_available_m")
    pipes = d["pipes_in_footprint"]
    if pipes is not None and not (type(pipes) is list and all(type(x) is str for x in pipes)):
        d["pipes_in_footprint"] = _tag(pipes, f"{where}.pipes_in_footprint")
    for f in ("fire_lane_width_after_m", "distance_to_neighbour_m", "corridor_depth_m"):
        v = d[f]
        if v is not None and type(v) is not Decimal:
            d[f] = _tag(v, f"{where}.{f}")
    d["extra"] = _tag(d["extra"], f"{where}.extra") if d["extra"] else {}
    return _fast_json(d, where)


def _costs_json(c: Costs, where: str) -> str:
    d = {"items_yuan": _map_part(c.items_yuan, f"{where}.items_yuan"),
         "total_yuan_given": _tag(c.total_yuan_given, f"{where}.total_yuan_given"),
         "annual_om_yuan": _map_part(c.annual_om_yuan, f"{where}.annual_om_yuan"),
         "extra": _tag(c.extra, f"{where}.extra") if c.extra else {}}
    extra_fields = [f for f in _FIELDS[Costs] if f not in d]
    for f in extra_fields:
        d[f] = _tag(getattr(c, f), f"{where}.{f}")
    return _fast_json(d, where)


def _generic_json(obj, where: str) -> str:
    return _ENCODER.encode(_tag({f: getattr(obj, f) for f in _FIELDS[type(obj)]}, where))


_FIELDS: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in fields(cls))
    for cls in (Site, Costs, ShareSettings, BuildingInfo)}


def _dc_from(cls, d: dict[str, Any]):
    known = _FIELDS[cls]
    if all(k in known for k in d):
        return cls(**d)
    return cls(**{k: v for k, v in d.items() if k in known})


def _dec_text(d: Decimal | None) -> str | None:
    return None if d is None else str(d)


def _dec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


# ---------------------------------------------------------------------------- errors

def _err(path: Path, zh: str, en: str) -> ProjectFileError:
    en = " ".join(en.split())
    if len(en) > 300:
        en = en[:297] + "..."
    return ProjectFileError(f"无法打开项目文件“{path.name}”：{zh} / "
                            f"cannot open project file {path.name}: {en}")


def _check_header(path: Path) -> int:
    """Check the file before SQLite sees it; returns its schema version."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise _err(path, "文件不存在", "the file does not exist") from None
    except OSError as e:
        raise _err(path, "无法读取", f"cannot read it ({e.strerror or e})") from None
    if not path.is_file():
        raise _err(path, "不是文件", "it is not a file")
    if st.st_size == 0:
        raise _err(path, "文件是空的", "the file is empty")
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError as e:
        raise _err(path, "无法读取", f"cannot read it ({e.strerror or e})") from None
    if not head.startswith(SQLITE_MAGIC):
        raise _err(path, "不是加梯评估项目文件（文件类型不对）",
                   "it is not an Elevator Eval project (wrong file type)")
    if len(head) < 100:
        raise _err(path, "文件不完整（被截断）", "the file is truncated")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise _err(path, "文件已损坏", "the file is corrupt (bad page size)")
    change_counter = head[24:28]
    page_count = int.from_bytes(head[28:32], "big")
    if head[92:96] == change_counter and page_count:
        if st.st_size < page_count * page_size:
            raise _err(path, "文件不完整（被截断）", "the file is truncated")
    if st.st_size % page_size:
        raise _err(path, "文件不完整（被截断）", "the file is truncated")
    app_id = int.from_bytes(head[68:72], "big")
    if app_id != APPLICATION_ID:
        raise _err(path, "不是加梯评估项目文件（其他 SQLite 数据库）",
                   "it is not an Elevator Eval project (another SQLite database)")
    version = int.from_bytes(head[60:64], "big", signed=True)
    if version > SCHEMA_VERSION:
        app = _writer_version(path)
        by_zh = f"（{app} 版）" if app else ""
        by_en = f" {app}" if app else ""
        raise _err(path, f"文件由更新版本的程序{by_zh}保存（格式版本 {version}，本程序 "
                         f"{__version__} 支持到 {SCHEMA_VERSION}），请升级程序",
                   f"it was saved by a newer version of the app{by_en} (schema {version}; "
                   f"this app {__version__} reads up to {SCHEMA_VERSION}); please upgrade")
    if version < 1:
        raise _err(path, "文件已损坏（没有格式版本）", "the file is corrupt (no schema version)")
    return version


def _writer_version(path: Path) -> str:
    """The app version recorded in a file's meta table, or "" (read-only, best effort)."""
    try:
        conn = _connect_ro(path)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'app_version'").fetchone()
            return str(row[0])[:40] if row else ""
        finally:
            conn.close()
    except Exception:  # noqa: BLE001 - only used to improve a message
        return ""


def _connect_ro(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True)


# ---------------------------------------------------------------------------- reading

_META_HASHED = ("name", "uid", "settings")


def _hash_rows(meta: dict[str, str], tables: dict[str, list[tuple]]) -> str:
    """SHA-256 over the project-level meta values and every row of the data tables.

    Each non-empty table contributes its name and the Python ``repr`` of its rows
    (tuples of str, int and None) in primary-key order.
    """
    h = hashlib.sha256()
    h.update(repr([(k, meta.get(k)) for k in _META_HASHED]).encode("utf-8", "surrogatepass"))
    for table in _TABLES:
        if tables.get(table):  # an empty table counts like a missing one (migrations)
            h.update(table.encode("ascii"))
            h.update(repr(tables[table]).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _read_tables(conn: sqlite3.Connection) -> tuple[dict[str, str], dict[str, list[tuple]]]:
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    tables = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()  # noqa: S608
              for t in _TABLES if t in have}
    return meta, tables


def _content_hash(conn: sqlite3.Connection) -> str:
    """The content digest of the database behind ``conn``."""
    return _hash_rows(*_read_tables(conn))


def _build(meta: dict[str, str], tables: dict[str, list[tuple]]) -> Project:
    """The project from the rows of a current-schema file."""
    if meta.get("format") != FORMAT:
        raise ValueError("meta.format is not an Elevator Eval project")
    project = Project(name=meta.get("name", ""),
                      settings=loads_tagged(meta.get("settings", "{}")),
                      uid=meta.get("uid", ""))
    communities: dict[int, Community] = {}
    for pos, cid, name, district in tables["communities"]:
        c = Community(id=cid, name=name, district=district)
        communities[pos] = c
        project.communities.append(c)
    buildings: dict[int, Building] = {}
    for (pk, cpos, bid, name, address, year, storeys, structure, grade, fh, si, life,
         life_given, extra) in tables["buildings"]:
        info = BuildingInfo(year_built=year, storeys=storeys, structure=structure,
                            danger_grade=grade, floor_height_m=_dec(fh),
                            seismic_intensity=si, design_life_years=life,
                            design_life_given=bool(life_given), extra=loads_tagged(extra))
        b = Building(id=bid, name=name, info=info, address=address)
        buildings[pk] = b
        communities[cpos].buildings.append(b)
    units: dict[int, Unit] = {}
    loads = loads_tagged
    for (pk, bpk, uid, name, rules, rules_given, scheme, _entry, own, site, costs, subs,
         share, extra, *v3) in tables["units"]:
        b = buildings[bpk]
        info = b.info if own is None else _dc_from(BuildingInfo, loads(own))
        u = Unit(id=uid, building=info, name=name, rules=rules, rules_given=bool(rules_given),
                 suitability_rules=v3[0] if v3 else None,
                 site=_dc_from(Site, loads(site)), costs=_dc_from(Costs, loads(costs)),
                 subsidies=loads(subs), share=_dc_from(ShareSettings, loads(share)),
                 scheme_version=scheme, extra=loads(extra))
        units[pk] = u
        b.units.append(u)
    for (_pk, upk, hid, floor, area, owner, vote, epa, oname, contact, vdate, vsrc, mc, pf,
         extra) in tables["households"]:
        units[upk].households.append(Household(
            id=hid, floor=floor, area_m2=Decimal(area), owner=owner, vote=vote,
            exclusive_part_affected=bool(epa), owner_name=oname, contact=contact,
            vote_date=vdate, vote_source=vsrc,
            max_contribution_yuan=None if mc is None else Decimal(mc),
            provident_fund_yuan=None if pf is None else Decimal(pf),
            extra={} if extra == "{}" else loads(extra)))
    if "vote_log" in tables:
        project.vote_log = [_event_from_row(r) for r in tables["vote_log"]]
    return project


def _load(conn: sqlite3.Connection) -> Project:
    return _build(*_read_tables(conn))


def _event_from_row(row) -> VoteEvent:
    seq, time, unit_id, hid, scheme, source, prev, new, note, prev_hash, h = row
    return VoteEvent(seq=seq, time=time, unit_id=unit_id, household_id=hid,
                     scheme_version=scheme, source=source, previous=prev, new=new, note=note,
                     prev_hash=prev_hash, hash=h)


def _opt_str(v) -> str | None:
    return None if v is None else str(v)


def _event_row(ev: VoteEvent) -> tuple:
    return (int(ev.seq), str(ev.time), str(ev.unit_id), str(ev.household_id),
            int(ev.scheme_version), str(ev.source), _opt_str(ev.previous), _opt_str(ev.new),
            str(ev.note), str(ev.prev_hash), str(ev.hash))


def _read_checked(conn: sqlite3.Connection, path: Path) -> Project:
    """Integrity checks, then the project; raises ProjectFileError."""
    ok = conn.execute("PRAGMA quick_check(1)").fetchone()
    if not ok or ok[0] != "ok":
        raise _err(path, "文件已损坏", f"the file is corrupt ({ok[0] if ok else 'no result'})")
    meta, tables = _read_tables(conn)
    if meta.get("format") != FORMAT:
        raise _err(path, "不是加梯评估项目文件", "it is not an Elevator Eval project")
    if meta.get("content_sha256") != _hash_rows(meta, tables):
        raise _err(path, "文件已损坏（内容校验不符）",
                   "the file is corrupt (content checksum does not match)")
    return _build(meta, tables)


def open_project(path) -> Project:
    """Open a project file.

    The file is opened read-only. An older schema is migrated step by step after a
    backup copy ``<name>.bak-v<old>`` is written next to it; if the folder is read-only
    the migration happens in memory and the next save writes the new schema.

    Parameters
    ----------
    path : str or Path
        The ``.eeproj`` file.

    Returns
    -------
    Project

    Raises
    ------
    ProjectFileError
        For a missing, empty, truncated, corrupt, newer-version or foreign file, with a
        one-line message in Chinese and English. The file is not modified.
    """
    path = Path(path)
    version = _check_header(path)
    before = concurrency.file_state(path)
    conn = None
    try:
        conn = _connect_ro(path)
        if version < SCHEMA_VERSION:
            mem = sqlite3.connect(":memory:")
            conn.backup(mem)
            conn.close()
            conn = mem
        project = _read_checked(conn, path)
        if version < SCHEMA_VERSION:
            _migrate(conn, version)
            project = _load(conn)
            if _write_migrated(conn, path, version):
                before = concurrency.file_state(path)   # the file is now the migrated one
        concurrency.stamp_from_file(project, path, before)
        return project
    except ProjectFileError:
        raise
    except (sqlite3.Error, ValueError, KeyError, TypeError, InvalidOperation) as e:
        raise _err(path, "文件已损坏", f"the file is corrupt ({type(e).__name__}: {e})") \
            from None
    finally:
        if conn is not None:
            conn.close()


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    for v in range(version, SCHEMA_VERSION):
        step = MIGRATIONS[v]
        with conn:
            step(conn)
            conn.execute(f"PRAGMA user_version = {v + 1}")
    with conn:
        _write_meta(conn, {"schema_version": str(SCHEMA_VERSION), "app_version": __version__,
                           "migrated_from": str(version)})
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('content_sha256', ?)",
                     (_content_hash(conn),))


def _backup_path(path: Path, old: int) -> Path:
    cand = path.with_name(f"{path.name}.bak-v{old}")
    n = 2
    while cand.exists():
        if cand.read_bytes() == path.read_bytes():
            return cand
        cand = path.with_name(f"{path.name}.bak-v{old}-{n}")
        n += 1
    return cand


def _make_backup(path: Path, old: int) -> Path:
    dest = _backup_path(path, old)
    if not dest.exists():
        tmp = dest.with_name(f".{dest.name}.tmp")
        shutil.copy2(path, tmp)
        os.replace(tmp, dest)
    return dest


def _write_migrated(mem: sqlite3.Connection, path: Path, old: int) -> bool:
    """Back the old file up, then atomically replace it by the migrated database; whether
    the file was written."""
    try:
        _make_backup(path, old)
        _atomic_from_connection(mem, path)
    except OSError:
        return False  # read-only folder: the migration stays in memory until the next save
    return True


def _atomic_from_connection(src: sqlite3.Connection, path: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
        _set_mode(Path(tmp), path)
        fsync_replace(Path(tmp), path)
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(p) -> None:
    try:
        os.unlink(p)
    except OSError:
        pass


# ---------------------------------------------------------------------------- writing

def _write_meta(conn: sqlite3.Connection, values: dict[str, str]) -> None:
    conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                     list(values.items()))


def _existing_log(path: Path) -> tuple[str, list[tuple]] | None:
    """``(uid, vote_log rows)`` of an existing project at ``path``; None if not a project.

    Raises ProjectFileError when the file is a project of a newer schema (never
    overwritten).
    """
    if not path.exists():
        return None
    try:
        version = _check_header(path)
    except ProjectFileError as e:
        if "newer" in str(e):
            raise ProjectFileError(
                f"不能覆盖由更新版本的程序保存的项目文件“{path.name}” / will not overwrite "
                f"{path.name}: it was saved by a newer version of the app") from None
        return None
    try:
        conn = _connect_ro(path)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            rows: list[tuple] = []
            if version >= 2:
                rows = [tuple(r) for r in conn.execute(
                    "SELECT seq, time, unit_id, household_id, scheme_version, source, "
                    "previous, new, note, prev_hash, hash FROM vote_log ORDER BY seq")]
            return meta.get("uid", ""), rows
        finally:
            conn.close()
    except (sqlite3.Error, ValueError):  # damaged text (UnicodeDecodeError): not a project
        return None


def _check_append_only(project: Project, path: Path) -> None:
    existing = _existing_log(path)
    if existing is None:
        return
    uid, rows = existing
    if uid != (project.uid or ""):
        return  # a different project: "save as" over it
    new_rows = [_event_row(ev) for ev in project.vote_log]
    if len(new_rows) < len(rows) or new_rows[:len(rows)] != rows:
        # an erased note (a tombstone, audit.tombstone) is the one allowed change
        bad = next((i for i, (a, b) in enumerate(zip(rows, new_rows)) if a != b and not (
            a[:8] + a[9:] == b[:8] + b[9:] and is_tombstone(project.vote_log[i]))),
            None if len(new_rows) >= len(rows) else len(new_rows))
        if bad is None:
            return
        raise ProjectFileError(
            f"拒绝保存“{path.name}”：表决记录只能追加，第 {bad + 1} 条已有记录被修改或删除 / "
            f"refusing to save {path.name}: the vote log is append-only and stored entry "
            f"{bad + 1} was changed or removed")


def _insert_project(conn: sqlite3.Connection, project: Project) -> None:
    seen: set[str] = set()
    for _, _, u in project.iter_units():
        if u.id in seen:
            raise InputError("units", f"unit id {u.id!r} appears twice in the project")
        seen.add(u.id)
    comm_rows, bld_rows, unit_rows, hh_rows = [], [], [], []
    bpk = upk = hpk = 0
    ostr = _opt_str
    for cpos, c in enumerate(project.communities, 1):
        comm_rows.append((cpos, str(c.id), str(c.name), str(c.district or "")))
        for b in c.buildings:
            bpk += 1
            i = b.info
            bld_rows.append((
                bpk, cpos, str(b.id), str(b.name), str(b.address or ""), int(i.year_built),
                int(i.storeys), ostr(i.structure), ostr(i.danger_grade),
                _dec_text(i.floor_height_m),
                None if i.seismic_intensity is None else int(i.seismic_intensity),
                int(i.design_life_years), int(bool(i.design_life_given)),
                dumps_tagged(i.extra, f"buildings[{b.id}].extra")))
            for u in b.units:
                upk += 1
                w = f"units[{u.id}]"
                own = None
                if u.building is not i and u.building != i:
                    own = _generic_json(u.building, f"{w}.building")
                unit_rows.append((
                    upk, bpk, str(u.id), str(u.name or ""), str(u.rules),
                    int(bool(u.rules_given)), int(u.scheme_version), ostr(u.site.entry_mode),
                    own, _site_json(u.site, f"{w}.site"), _costs_json(u.costs, f"{w}.costs"),
                    dumps_tagged(list(u.subsidies), f"{w}.subsidies"),
                    _generic_json(u.share, f"{w}.share"),
                    dumps_tagged(u.extra, f"{w}.extra"), ostr(u.suitability_rules)))
                for h in u.households:
                    hpk += 1
                    mc, pf = h.max_contribution_yuan, h.provident_fund_yuan
                    hh_rows.append((
                        hpk, upk, str(h.id), int(h.floor), str(h.area_m2), ostr(h.owner),
                        ostr(h.vote), int(bool(h.exclusive_part_affected)),
                        str(h.owner_name or ""), str(h.contact or ""), ostr(h.vote_date),
                        ostr(h.vote_source), None if mc is None else str(mc),
                        None if pf is None else str(pf),
                        dumps_tagged(h.extra, f"{w}.households[{h.id}].extra")
                        if h.extra else "{}"))
    log_rows = [_event_row(ev) for ev in project.vote_log]
    conn.executemany("INSERT INTO communities VALUES (?,?,?,?)", comm_rows)
    conn.executemany("INSERT INTO buildings VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", bld_rows)
    conn.executemany("INSERT INTO units VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", unit_rows)
    conn.executemany("INSERT INTO households VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     hh_rows)
    conn.executemany("INSERT INTO vote_log VALUES (?,?,?,?,?,?,?,?,?,?,?)", log_rows)
    meta = {"format": FORMAT, "schema_version": str(SCHEMA_VERSION),
            "app_version": __version__, "name": str(project.name),
            "uid": str(project.uid or ""),
            "settings": dumps_tagged(project.settings, "settings"),
            "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    meta["content_sha256"] = _hash_rows(meta, {
        "communities": comm_rows, "buildings": bld_rows, "units": unit_rows,
        "households": hh_rows, "vote_log": log_rows})
    _write_meta(conn, meta)


def save_project(project: Project, path, *, track: bool = True) -> None:
    """Save the whole project in one transaction, atomically and crash-safely.

    A complete new database is written to a temporary file beside ``path``, fsynced, and
    renamed over ``path``; a crash at any moment leaves the last committed file intact.
    When ``path`` holds an older schema a backup ``<name>.bak-v<old>`` is made first.

    Raises
    ------
    ProjectFileError
        when ``path`` holds this project with stored vote-log entries that the project
        no longer has unchanged (the log is append-only), or a newer-version project.
    concurrency.StaleSaveError
        when ``path`` was saved by someone else since ``project`` was read from it or
        last saved to it (``track``: remember the saved state; false for autosave copies).
    InputError
        when a value cannot be stored (names the field) or unit ids repeat.
    OSError
        when the folder cannot be written.
    """
    path = Path(path)
    gen = concurrency.check_base(project, path) if track else 0
    _check_append_only(project, path)
    if path.exists():
        try:
            old = _check_header(path)
            if old < SCHEMA_VERSION:
                _make_backup(path, old)
        except ProjectFileError:
            pass
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                               dir=path.parent if str(path.parent) else ".")
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("BEGIN")
            _create_schema(conn)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            _insert_project(conn, project)
            _write_meta(conn, concurrency.generation_meta(project, gen, track))
            conn.execute("COMMIT")
            sha = conn.execute(
                "SELECT value FROM meta WHERE key = 'content_sha256'").fetchone()[0]
        finally:
            conn.close()
        _set_mode(Path(tmp), path)
        snapshot = Path(tmp).read_bytes() if track else None
        with concurrency.save_lock(path):
            if track:
                concurrency.recheck(project, path, gen)
            fsync_replace(Path(tmp), path)
    except BaseException:
        _unlink(tmp)
        raise
    if track:
        concurrency.stamp(project, path, gen, sha, snapshot)
    _remove_stale_temporaries(path)


STALE_TEMP_S = 600
"""Temporary files of a save older than this [s] are leftovers of a crash."""


def _remove_stale_temporaries(path: Path) -> None:
    """Delete ``.<name>.*.tmp`` files left beside ``path`` by a save that was killed.

    Only files older than :data:`STALE_TEMP_S` are removed, so a save running in another
    process at the same time is never disturbed.
    """
    limit = time.time() - STALE_TEMP_S
    try:
        for f in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
            try:
                if f.stat().st_mtime < limit:
                    f.unlink()
            except OSError:
                pass
    except OSError:
        pass


def _set_mode(tmp: Path, path: Path) -> None:
    """Give the new file the mode of the file it replaces (or the umask default)."""
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        os.chmod(tmp, mode)
    except OSError:
        pass


def load_base(project: Project) -> Project | None:
    """The common ancestor of a three-way merge: the file as ``project`` last read or
    wrote it (``concurrency.merge``); None when it is not known."""
    base = project.file_base
    if not isinstance(base, concurrency.FileBase) or base.snapshot is None:
        return None
    fd, tmp = tempfile.mkstemp(suffix=SUFFIX)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(base.snapshot)
        return open_project(tmp)
    finally:
        _unlink(tmp)


def new_project(name: str) -> Project:
    """An empty project with a fresh uid."""
    return Project(name=name, uid=uuid.uuid4().hex)


# ---------------------------------------------------------------------------- units

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


def import_unit(project: Project, unit: Unit, community_name: str,
                building_name: str) -> Unit:
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
        comm = Community(id=_next_id("C", {c.id for c in project.communities}),
                         name=community_name)
        project.communities.append(comm)
    bld = next((b for b in comm.buildings if b.name == building_name), None)
    new = copy.deepcopy(unit)
    if bld is None:
        bld = Building(id=_next_id(f"{comm.id}-B", {b.id for b in comm.buildings}),
                       name=building_name, info=new.building)
        comm.buildings.append(bld)
    else:
        for f in fields(BuildingInfo):
            a, b = getattr(new.building, f.name), getattr(bld.info, f.name)
            if a != b:
                raise InputError(f"building.{f.name}",
                                 f"is {a!r} but building {building_name} has {b!r}")
        new.building = bld.info
    bld.units.append(new)
    return new


def project_to_units_json(project: Project) -> list[dict[str, Any]]:
    """Every unit of the project as a unit-file dict (spec §1), in project order."""
    from .unitfile import unit_to_dict
    return [unit_to_dict(u) for u in project.units()]


# ---------------------------------------------------------------------------- autosave

def autosave_path(path) -> Path:
    """Where the autosave copy of ``path`` lives: ``<name>.autosave`` beside it."""
    path = Path(path)
    return path.with_name(f"{path.name}.autosave")


def save_autosave(project: Project, path) -> Path:
    """Save the project to :func:`autosave_path` (atomically); returns that path."""
    dest = autosave_path(path)
    save_project(project, dest, track=False)
    return dest


def find_recovery(path) -> Path | None:
    """The autosave of ``path`` when it is newer than the file and opens cleanly.

    The UI offers to recover from it; ``None`` when there is nothing to recover.
    """
    path = Path(path)
    auto = autosave_path(path)
    if not auto.is_file():
        return None
    try:
        if path.exists() and auto.stat().st_mtime_ns <= path.stat().st_mtime_ns:
            return None
        _check_header(auto)
    except (OSError, ProjectFileError):
        return None
    return auto


def discard_autosave(path) -> None:
    """Delete the autosave copy of ``path`` (after a normal save or a declined recovery)."""
    _unlink(autosave_path(path))


# ---------------------------------------------------------------------------- anonymise

def anonymise_project(project: Project, key: bytes | None = None) -> Project:
    """A copy of the project without personal data, for sharing (issue 9 item 6).

    - owner names become ``住户<door>`` (e.g. ``住户301``), contacts are removed;
    - owner ids are replaced by ``O-`` + the first 12 hex digits of HMAC-SHA256(key, id),
      so one owner's households still count as one head, but the ids cannot be guessed
      back from a list of names (``key`` is random unless given);
    - text values in household ``extra`` (free notes) are removed;
    - procedure data: objectors' names, canvassing and stage notes, proxies' names and the
      user-manager's contact are removed (:func:`elevator_eval.process.records.anonymise_process`);
    - the vote log is kept (units, doors, votes, times, sources) with its notes removed
      and the hash chain rebuilt; ``settings["anonymised"]`` records the head hash of the
      original chain so that the copy can be matched to the original's published head;
    - the consent forms' signing secret and paper-ballot evidence are left out.

    Parameters
    ----------
    project : Project
    key : bytes, optional
        HMAC key for the owner ids; the same key gives the same ids.

    Returns
    -------
    Project
        A new project with a new uid; ``project`` is not changed.
    """
    import hmac

    from .audit import log_head, rechain
    from .process.records import anonymise_process
    key = os.urandom(32) if key is None else key
    anon = copy.deepcopy(project)
    anon.uid = uuid.uuid4().hex

    def owner_hash(owner: str) -> str:
        return "O-" + hmac.new(key, owner.encode("utf-8"), hashlib.sha256).hexdigest()[:12]

    for _, _, u in anon.iter_units():
        for h in u.households:
            h.owner_name = f"住户{h.id}"
            h.contact = ""
            if h.owner not in (None, ""):
                h.owner = owner_hash(str(h.owner))
            h.extra = {k: v for k, v in h.extra.items() if not isinstance(v, str)}
        anonymise_process(u)
    original_head = log_head(project.vote_log)
    for ev in anon.vote_log:
        ev.note = ""
    anon.vote_log = rechain(anon.vote_log)
    anon.settings = dict(anon.settings)
    anon.settings.pop("ballots", None)   # the forms' signing secret and scan evidence
    anon.settings["anonymised"] = {
        "original_vote_log_head": original_head,
        "vote_events": len(anon.vote_log),
        "note_zh": "已脱敏：姓名改为门牌，联系方式删除，业主编号加密，表决记录备注删除",
        "note_en": "anonymised: names replaced by door numbers, contacts removed, owner ids "
                   "hashed, vote-log notes removed"}
    return anon
