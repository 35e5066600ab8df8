"""Schema of the project file and its migrations (one function per step v → v+1)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from itertools import groupby
from operator import itemgetter

from ..ruledata import shipped_names, user_files
from .codec import loads_tagged
from .households import from_v3_rows

SCHEMA_VERSION = 6
"""Schema version written by this app (``PRAGMA user_version``)."""

FORMAT = "elevator-eval/project"
APPLICATION_ID = 0x45455052  # "EEPR"
SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".eeproj"

DIGEST_KEY = "content_digest"
"""Meta key naming how ``content_sha256`` is computed (absent: ``repr`` of the rows, v1–v4)."""
DIGEST_BY_COLUMNS = "columns-1"
"""The content digest over each table's columns (v5; see :func:`.rows.hash_rows`)."""

SITE_CODE_KEY = "site_code_version"
"""Meta key naming the derivation of ``units.site_code`` (v6; see
:mod:`elevator_eval.site_columns`): codes of another derivation are not used."""

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


def exec_script(conn: sqlite3.Connection, script: str) -> None:
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
    exec_script(
        conn,
        """
CREATE TABLE vote_log(
    seq INTEGER PRIMARY KEY, time TEXT NOT NULL, unit_id TEXT NOT NULL,
    household_id TEXT NOT NULL, scheme_version INTEGER NOT NULL, source TEXT NOT NULL,
    previous TEXT, new TEXT, note TEXT NOT NULL, prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL);
CREATE TRIGGER vote_log_no_update BEFORE UPDATE ON vote_log
    BEGIN SELECT RAISE(ABORT, 'vote_log is append-only'); END;
CREATE TRIGGER vote_log_no_delete BEFORE DELETE ON vote_log
    BEGIN SELECT RAISE(ABORT, 'vote_log is append-only'); END;
""",
    )


def _migrate_2_to_3(conn: sqlite3.Connection) -> None:
    """v3 splits a unit's ``rules`` into explicit choices: ``rules`` (with ``rules_given``)
    is the consent ruleset only, the new column ``suitability_rules`` the suitability one.
    A v2 unit whose ``rules`` named a suitability ruleset (the vote then used the default)
    moves that name to ``suitability_rules``. (The settings keep their keys; they are
    migrated when read, see :mod:`elevator_eval.project_settings`.)"""
    conn.execute("ALTER TABLE units ADD COLUMN suitability_rules TEXT")
    row = conn.execute("SELECT value FROM meta WHERE key = 'settings'").fetchone()
    if row is None:
        return
    settings = loads_tagged(row[0])
    suit = set(shipped_names("suitability")) | set(
        user_files(settings, "suitability_rulesets") or {}
    )
    consent = set(shipped_names("consent")) | set(user_files(settings, "consent_rulesets") or {})
    for pk, rules in conn.execute("SELECT pk, rules FROM units WHERE rules_given = 1").fetchall():
        if rules in suit and rules not in consent:
            conn.execute(
                "UPDATE units SET suitability_rules = ?, rules = ?, rules_given = 0 WHERE pk = ?",
                (rules, "civil-code-2021", pk),
            )


def _migrate_3_to_4(conn: sqlite3.Connection) -> None:
    """v4 keeps a unit's households as one JSON column ``units.households`` (see
    :mod:`.households`) instead of a row each in the ``households`` table, which is
    dropped: a large project then opens without one Python tuple per household."""
    conn.execute("ALTER TABLE units ADD COLUMN households TEXT NOT NULL DEFAULT '[]'")
    rows = conn.execute("SELECT * FROM households ORDER BY unit_pk, pk").fetchall()
    conn.executemany(
        "UPDATE units SET households = ? WHERE pk = ?",
        [(from_v3_rows(list(group)), upk) for upk, group in groupby(rows, key=itemgetter(1))],
    )
    orphans = conn.execute(
        "SELECT count(*) FROM households WHERE unit_pk NOT IN (SELECT pk FROM units)"
    ).fetchone()[0]
    if orphans:
        raise ValueError(f"{orphans} households belong to no unit")
    conn.execute("DROP TABLE households")


def _migrate_4_to_5(conn: sqlite3.Connection) -> None:
    """v5 computes the content digest column by column instead of from the ``repr`` of
    every row (a 20,000-unit project opens about 0.1 s sooner); the tables are unchanged."""
    conn.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (DIGEST_KEY, DIGEST_BY_COLUMNS)
    )


def _migrate_5_to_6(conn: sqlite3.Connection) -> None:
    """v6 keeps beside each unit's site the census's plain values of that site, packed
    (``units.site_code``, see :mod:`elevator_eval.site_columns`): a census of 100,000
    units need not read 100,000 site texts. Migrated units have no code yet (``""``); the
    next save writes them."""
    conn.execute("ALTER TABLE units ADD COLUMN site_code TEXT NOT NULL DEFAULT ''")


MIGRATIONS: list[Callable[[sqlite3.Connection], None] | None] = [
    None,
    _migrate_1_to_2,
    _migrate_2_to_3,
    _migrate_3_to_4,
    _migrate_4_to_5,
    _migrate_5_to_6,
]
"""``MIGRATIONS[v]`` turns a schema-v database into v+1 (index 0 unused)."""

assert len(MIGRATIONS) == SCHEMA_VERSION

TABLES = ("communities", "buildings", "units", "households", "vote_log")
"""The data tables in the content digest (``households`` only up to v3)."""


def create_schema(conn: sqlite3.Connection) -> None:
    """A fresh database is the v1 schema plus every migration: one path for both."""
    exec_script(conn, _SCHEMA_V1)
    for step in MIGRATIONS[1:]:
        assert step is not None
        step(conn)
