"""Saving a project file: a complete new database written beside the target and renamed
over it; the vote log is append-only; the save generation guards against lost updates."""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .. import __version__, concurrency
from ..atomic import fsync_replace
from ..audit import is_tombstone
from ..errors import InputError, ProjectFileError
from ..model import Building, Project, Unit
from ..site_columns import SITE_CODE_VERSION, site_code
from .codec import costs_json, dec_text, dumps_tagged, generic_json, site_json
from .fileops import copy_mode, make_backup, unlink_quietly, write_meta
from .header import check_header, connect_ro
from .households import encode_households
from .lazy import PARTS, stored_entry_mode, stored_part, stored_site_code
from .reading import open_project
from .rows import event_row, hash_rows, opt_str
from .schema import (
    APPLICATION_ID,
    DIGEST_BY_COLUMNS,
    DIGEST_KEY,
    FORMAT,
    SCHEMA_VERSION,
    SITE_CODE_KEY,
    SUFFIX,
    create_schema,
)
from .sitecols import site_codes


def _existing_log(path: Path) -> tuple[str, list[tuple[Any, ...]]] | None:
    """``(uid, vote_log rows)`` of an existing project at ``path``; None if not a project.

    Raises ProjectFileError when the file is a project of a newer schema (never
    overwritten).
    """
    if not path.exists():
        return None
    try:
        version = check_header(path)
    except ProjectFileError as e:
        if "newer" in str(e):
            raise ProjectFileError(
                f"不能覆盖由更新版本的程序保存的项目文件“{path.name}” / will not overwrite "
                f"{path.name}: it was saved by a newer version of the app"
            ) from None
        return None
    try:
        conn = connect_ro(path)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            rows: list[tuple[Any, ...]] = []
            if version >= 2:
                rows = [
                    tuple(r)
                    for r in conn.execute(
                        "SELECT seq, time, unit_id, household_id, scheme_version, source, "
                        "previous, new, note, prev_hash, hash FROM vote_log ORDER BY seq"
                    )
                ]
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
    new_rows = [event_row(ev) for ev in project.vote_log]
    if len(new_rows) < len(rows) or new_rows[: len(rows)] != rows:
        # an erased note (a tombstone, audit.tombstone) is the one allowed change
        bad = next(
            (
                i
                for i, (a, b) in enumerate(zip(rows, new_rows))
                if a != b
                and not (a[:8] + a[9:] == b[:8] + b[9:] and is_tombstone(project.vote_log[i]))
            ),
            None if len(new_rows) >= len(rows) else len(new_rows),
        )
        if bad is None:
            return
        raise ProjectFileError(
            f"拒绝保存“{path.name}”：表决记录只能追加，第 {bad + 1} 条已有记录被修改或删除 / "
            f"refusing to save {path.name}: the vote log is append-only and stored entry "
            f"{bad + 1} was changed or removed"
        )


def _building_row(bpk: int, cpos: int, b: Building) -> tuple[Any, ...]:
    i, ostr = b.info, opt_str
    return (
        bpk,
        cpos,
        str(b.id),
        str(b.name),
        str(b.address or ""),
        int(i.year_built),
        int(i.storeys),
        ostr(i.structure),
        ostr(i.danger_grade),
        dec_text(i.floor_height_m),
        None if i.seismic_intensity is None else int(i.seismic_intensity),
        int(i.design_life_years),
        int(bool(i.design_life_given)),
        dumps_tagged(i.extra, f"buildings[{b.id}].extra"),
    )


def _unit_row(upk: int, bpk: int, b: Building, u: Unit) -> tuple[Any, ...]:
    """The row of one unit; a part still kept as its stored text (never decoded since the
    file was read, see :mod:`.lazy`) is written back as that text."""
    w, ostr = f"units[{u.id}]", opt_str
    own = None
    if u.building is not b.info and u.building != b.info:
        own = generic_json(u.building, f"{w}.building")
    site, costs, subs, share, extra, households = (stored_part(u, k) for k in PARTS)
    if site is None:
        entry, site = ostr(u.site.entry_mode), site_json(u.site, f"{w}.site")
        code: str | None = site_code(u.site, site)
    else:  # the code as stored (None when the file had none: made by project_rows)
        entry, code = stored_entry_mode(u), stored_site_code(u)
    return (
        upk,
        bpk,
        str(u.id),
        str(u.name or ""),
        str(u.rules),
        int(bool(u.rules_given)),
        int(u.scheme_version),
        entry,
        own,
        site,
        costs_json(u.costs, f"{w}.costs") if costs is None else costs,
        dumps_tagged(list(u.subsidies), f"{w}.subsidies") if subs is None else subs,
        generic_json(u.share, f"{w}.share") if share is None else share,
        dumps_tagged(u.extra, f"{w}.extra") if extra is None else extra,
        ostr(u.suitability_rules),
        encode_households(u.households, w) if households is None else households,
        code,
    )


def _units(project: Project) -> list[Unit]:
    return [u for c in project.communities for b in c.buildings for u in b.units]


def project_rows(project: Project) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every data table for ``project`` (keys in file order).

    Raises
    ------
    InputError
        when a unit id repeats or a value cannot be stored (names the field).
    """
    seen: set[str] = set()
    for u in _units(project):
        if u.id in seen:
            raise InputError("units", f"unit id {u.id!r} appears twice in the project")
        seen.add(u.id)
    comm_rows: list[tuple[Any, ...]] = []
    bld_rows: list[tuple[Any, ...]] = []
    unit_rows: list[tuple[Any, ...]] = []
    for cpos, c in enumerate(project.communities, 1):
        comm_rows.append((cpos, str(c.id), str(c.name), str(c.district or "")))
        for b in c.buildings:
            bld_rows.append(_building_row(len(bld_rows) + 1, cpos, b))
            for u in b.units:
                unit_rows.append(_unit_row(len(unit_rows) + 1, len(bld_rows), b, u))
    _add_missing_codes(unit_rows, _units(project))
    return {
        "communities": comm_rows,
        "buildings": bld_rows,
        "units": unit_rows,
        "vote_log": [event_row(ev) for ev in project.vote_log],
    }


def _add_missing_codes(rows: list[tuple[Any, ...]], units: list[Unit]) -> None:
    """Give the rows of units whose site is still stored text without a code (a file
    migrated from v5, or of another code derivation) their codes, made from the stored
    texts column by column at once (:func:`.sitecols.site_codes`)."""
    missing = [i for i, row in enumerate(rows) if row[-1] is None]
    if missing:
        codes = site_codes([units[i] for i in missing])
        for i, code in zip(missing, codes):
            rows[i] = (*rows[i][:-1], code)


def _insert_project(conn: sqlite3.Connection, project: Project) -> None:
    tables = project_rows(project)
    for table, rows in tables.items():
        if rows:
            marks = ",".join("?" * len(rows[0]))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    meta = {
        "format": FORMAT,
        "schema_version": str(SCHEMA_VERSION),
        "app_version": __version__,
        "name": str(project.name),
        "uid": str(project.uid or ""),
        "settings": dumps_tagged(project.settings, "settings"),
        "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        DIGEST_KEY: DIGEST_BY_COLUMNS,
        SITE_CODE_KEY: SITE_CODE_VERSION,
    }
    meta["content_sha256"] = hash_rows(meta, tables)
    write_meta(conn, meta)


def save_project(project: Project, path: str | os.PathLike[str], *, track: bool = True) -> None:
    # Long: one save is one ordered sequence (check, write, fsync, lock, replace, stamp)
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
            old = check_header(path)
            if old < SCHEMA_VERSION:
                make_backup(path, old)
        except ProjectFileError:
            pass
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".tmp", dir=path.parent if str(path.parent) else "."
    )
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("BEGIN")
            create_schema(conn)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            _insert_project(conn, project)
            write_meta(conn, concurrency.generation_meta(project, gen, track))
            conn.execute("COMMIT")
            sha = conn.execute("SELECT value FROM meta WHERE key = 'content_sha256'").fetchone()[0]
        finally:
            conn.close()
        copy_mode(Path(tmp), path)
        snapshot = Path(tmp).read_bytes() if track else None
        with concurrency.save_lock(path):
            if track:
                concurrency.recheck(project, path, gen)
            fsync_replace(Path(tmp), path)
    except BaseException:
        unlink_quietly(tmp)
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
    import glob  # for its escape only: not on the way to the window's first paint

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
        unlink_quietly(tmp)


def new_project(name: str) -> Project:
    """An empty project with a fresh uid."""
    import uuid  # here, not at the top: it loads `platform`, which start-up does not need

    return Project(name=name, uid=uuid.uuid4().hex)
