"""Opening a project file: read-only, integrity checks first, older schemas migrated
after a backup copy."""

from __future__ import annotations

import os
import sqlite3
import threading
from decimal import InvalidOperation
from pathlib import Path
from typing import Any, BinaryIO

from .. import __version__, concurrency
from ..errors import ProjectFileError
from ..model import Project
from .fileops import atomic_from_connection, make_backup, write_meta
from .header import check_header, connect_ro, file_error
from .lazy import paused_gc
from .rows import build_project, content_hash, hash_rows, load, read_tables
from .schema import FORMAT, MIGRATIONS, SCHEMA_VERSION


def _raise_unless_ok(check: tuple[Any, ...] | None, path: Path) -> None:
    """Raise the corrupt-file error unless ``PRAGMA quick_check`` found the file sound."""
    if not check or check[0] != "ok":
        raise file_error(
            path, "文件已损坏", f"the file is corrupt ({check[0] if check else 'no result'})"
        )


def _checked_tables(
    conn: sqlite3.Connection, path: Path, beside: _Beside | None = None
) -> tuple[dict[str, str], dict[str, list[tuple[Any, ...]]]]:
    """Integrity checks, then the meta values and the rows; raises ProjectFileError.

    ``beside``: the structural check running on another thread (large files), whose
    verdict is awaited after the rows are read (and before a read error is reported: a
    damaged file is named as such)."""
    if beside is None:
        _raise_unless_ok(conn.execute("PRAGMA quick_check(1)").fetchone(), path)
        meta, tables = read_tables(conn)
    else:
        try:
            meta, tables = read_tables(conn)
        except sqlite3.Error:
            _raise_unless_ok(beside.check(), path)
            raise
        _raise_unless_ok(beside.check(), path)
    if meta.get("format") != FORMAT:
        raise file_error(path, "不是加梯评估项目文件", "it is not an Elevator Eval project")
    if meta.get("content_sha256") != hash_rows(meta, tables):
        raise file_error(
            path,
            "文件已损坏（内容校验不符）",
            "the file is corrupt (content checksum does not match)",
        )
    return meta, tables


def _read_checked(
    conn: sqlite3.Connection, path: Path, beside: _Beside | None = None
) -> tuple[dict[str, str], Project]:
    """Integrity checks, then the meta values and the project; raises ProjectFileError.

    The garbage collector is paused meanwhile (every object made stays alive). The rows
    read are let go before it resumes: its first pass then walks only the project's own
    objects, not every row tuple as well (on 20,000 units that pass took 38–47 ms with
    the rows and takes 12–17 ms without them)."""
    with paused_gc():
        meta, tables = _checked_tables(conn, path, beside)
        project = build_project(meta, tables)
        del tables  # freed by their count now, not walked by the collector's next pass
    return meta, project


BESIDE_FROM_BYTES = 8 << 20
"""From this file size [bytes] on, the structural check and the copy of the file's bytes
(the merge base) run on a second thread while the rows are read: SQLite's check and the
file read let go of the interpreter lock, so on a second core they cost no wall time
(0.25 s and 0.28 s of a 100,000-unit file's 5 s open and census). Smaller files do them in
turn (a thread would cost more than it saves). App default."""


class _Beside:
    """``PRAGMA quick_check(1)`` on its own read-only connection, then the bytes of the
    open file ``f``, on a thread started at once. :meth:`join` must be called before ``f``
    is closed (the thread reads it)."""

    def __init__(self, path: Path, f: BinaryIO) -> None:
        self._path, self._f = path, f
        self._check: tuple[Any, ...] | None = None
        self._data: bytes | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="open-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = connect_ro(self._path)
            try:
                self._check = conn.execute("PRAGMA quick_check(1)").fetchone()
            finally:
                conn.close()
        except sqlite3.Error as e:  # a file SQLite cannot read at all: named as corrupt
            self._check = (f"{type(e).__name__}: {e}",)
        try:
            self._data = self._f.read()
        except BaseException as e:  # reported by data(), on the opening thread
            self._error = e

    def join(self) -> None:
        self._thread.join()

    def check(self) -> tuple[Any, ...] | None:
        """The check's first row (``("ok",)`` for a sound file)."""
        self.join()
        return self._check

    def data(self) -> bytes:
        """The file's bytes, read from the handle given."""
        self.join()
        if self._error is not None:
            raise self._error
        assert self._data is not None
        return self._data


def open_project(path: str | os.PathLike[str]) -> Project:
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
    try:
        if version == SCHEMA_VERSION:
            return _open_current(path)
        return _open_older(path, version)
    except ProjectFileError:
        raise
    except (sqlite3.Error, ValueError, KeyError, TypeError, InvalidOperation) as e:
        raise file_error(
            path, "文件已损坏", f"the file is corrupt ({type(e).__name__}: {e})"
        ) from None


def _open_current(path: Path) -> Project:
    """Read a current-schema file once and keep its bytes as the merge base.

    The file is held open from the start: when the name still points at the same file
    (inode) after SQLite read it, the bytes read from the handle are the file that was
    parsed, so the project is stamped with exactly that state. A save that replaced the
    file meanwhile refuses the open (open again) instead of remembering the wrong base.
    """
    with open(path, "rb") as f:
        inode = os.fstat(f.fileno()).st_ino
        before = concurrency.file_state(path)
        big = os.fstat(f.fileno()).st_size >= BESIDE_FROM_BYTES
        beside = _Beside(path, f) if big else None
        try:
            conn = connect_ro(path)
            try:
                meta, project = _read_checked(conn, path, beside)
            finally:
                conn.close()
            data = beside.data() if beside is not None else f.read()
        finally:
            if beside is not None:
                beside.join()  # never close the file under the thread reading it
        try:
            now = (int(meta.get("generation", "0")), str(meta.get("content_sha256", "")))
        except ValueError:
            now = (0, str(meta.get("content_sha256", "")))
        if os.stat(path).st_ino != inode or (before is not None and before[:2] != now):
            raise ProjectFileError(
                f"“{path.name}”在读取时被其他人保存，请重新打开 / {path.name} was "
                f"saved by someone else while it was being read; open it again"
            )
        concurrency.stamp(project, path, now[0], now[1], data)
    return project


def _open_older(path: Path, version: int) -> Project:
    """Read an older-schema file, migrate it in memory and write it back after a backup
    (in memory only when the folder is read-only)."""
    before = concurrency.file_state(path)
    conn = connect_ro(path)
    try:
        mem = sqlite3.connect(":memory:")
        conn.backup(mem)
    finally:
        conn.close()
    try:
        _checked_tables(mem, path)
        _migrate(mem, version)
        project = load(mem)
        if _write_migrated(mem, path, version):
            before = concurrency.file_state(path)  # the file is now the migrated one
    finally:
        mem.close()
    concurrency.stamp_from_file(project, path, before)
    return project


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    for v in range(version, SCHEMA_VERSION):
        step = MIGRATIONS[v]
        assert step is not None
        with conn:
            step(conn)
            conn.execute(f"PRAGMA user_version = {v + 1}")
    with conn:
        write_meta(
            conn,
            {
                "schema_version": str(SCHEMA_VERSION),
                "app_version": __version__,
                "migrated_from": str(version),
            },
        )
        conn.execute(
            "INSERT OR REPLACE INTO meta VALUES ('content_sha256', ?)", (content_hash(conn),)
        )


def _write_migrated(mem: sqlite3.Connection, path: Path, old: int) -> bool:
    """Back the old file up, then atomically replace it by the migrated database; whether
    the file was written."""
    try:
        make_backup(path, old)
        atomic_from_connection(mem, path)
    except OSError:
        return False  # read-only folder: the migration stays in memory until the next save
    return True
