"""Opening a project file: read-only, integrity checks first, older schemas migrated
after a backup copy."""

from __future__ import annotations

import sqlite3
from decimal import InvalidOperation
from pathlib import Path

from .. import __version__, concurrency
from ..errors import ProjectFileError
from ..model import Project
from .fileops import atomic_from_connection, make_backup, write_meta
from .header import check_header, connect_ro, file_error
from .rows import build_project, content_hash, hash_rows, load, read_tables
from .schema import FORMAT, MIGRATIONS, SCHEMA_VERSION

def _read_checked(conn: sqlite3.Connection, path: Path) -> Project:
    """Integrity checks, then the project; raises ProjectFileError."""
    ok = conn.execute("PRAGMA quick_check(1)").fetchone()
    if not ok or ok[0] != "ok":
        raise file_error(path, "文件已损坏", f"the file is corrupt ({ok[0] if ok else 'no result'})")
    meta, tables = read_tables(conn)
    if meta.get("format") != FORMAT:
        raise file_error(path, "不是加梯评估项目文件", "it is not an Elevator Eval project")
    if meta.get("content_sha256") != hash_rows(meta, tables):
        raise file_error(path, "文件已损坏（内容校验不符）",
                   "the file is corrupt (content checksum does not match)")
    return build_project(meta, tables)


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
    version = check_header(path)
    before = concurrency.file_state(path)
    conn = None
    try:
        conn = connect_ro(path)
        if version < SCHEMA_VERSION:
            mem = sqlite3.connect(":memory:")
            conn.backup(mem)
            conn.close()
            conn = mem
        project = _read_checked(conn, path)
        if version < SCHEMA_VERSION:
            _migrate(conn, version)
            project = load(conn)
            if _write_migrated(conn, path, version):
                before = concurrency.file_state(path)   # the file is now the migrated one
        concurrency.stamp_from_file(project, path, before)
        return project
    except ProjectFileError:
        raise
    except (sqlite3.Error, ValueError, KeyError, TypeError, InvalidOperation) as e:
        raise file_error(path, "文件已损坏", f"the file is corrupt ({type(e).__name__}: {e})") \
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
        write_meta(conn, {"schema_version": str(SCHEMA_VERSION), "app_version": __version__,
                           "migrated_from": str(version)})
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('content_sha256', ?)",
                     (content_hash(conn),))


def _write_migrated(mem: sqlite3.Connection, path: Path, old: int) -> bool:
    """Back the old file up, then atomically replace it by the migrated database; whether
    the file was written."""
    try:
        make_backup(path, old)
        atomic_from_connection(mem, path)
    except OSError:
        return False  # read-only folder: the migration stays in memory until the next save
    return True


