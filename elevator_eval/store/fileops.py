"""Small file operations of the project file: backups before a migration, atomic
replacement from a database, the mode of a replaced file, meta rows."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from ..atomic import fsync_replace


def write_meta(conn: sqlite3.Connection, values: dict[str, str]) -> None:
    conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", list(values.items()))


def _backup_path(path: Path, old: int) -> Path:
    cand = path.with_name(f"{path.name}.bak-v{old}")
    n = 2
    while cand.exists():
        if cand.read_bytes() == path.read_bytes():
            return cand
        cand = path.with_name(f"{path.name}.bak-v{old}-{n}")
        n += 1
    return cand


def make_backup(path: Path, old: int) -> Path:
    dest = _backup_path(path, old)
    if not dest.exists():
        tmp = dest.with_name(f".{dest.name}.tmp")
        shutil.copy2(path, tmp)
        os.replace(tmp, dest)
    return dest


def atomic_from_connection(src: sqlite3.Connection, path: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
        copy_mode(Path(tmp), path)
        fsync_replace(Path(tmp), path)
    except BaseException:
        unlink_quietly(tmp)
        raise


def copy_mode(tmp: Path, path: Path) -> None:
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


def unlink_quietly(p: str | os.PathLike[str]) -> None:
    try:
        os.unlink(p)
    except OSError:
        pass
