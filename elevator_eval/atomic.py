"""Atomic file writes: write a temporary file beside the target, fsync, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def fsync_dir(folder: Path) -> None:
    """fsync ``folder`` so that a rename inside it survives a crash.

    A folder that cannot be opened or synced (not supported on some platforms) is passed
    over silently.
    """
    try:
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def fsync_replace(tmp: Path, path: Path) -> None:
    """fsync the finished file ``tmp``, rename it over ``path``, then fsync the folder."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def replace_unsynced(path: Path, data: bytes) -> None:
    """Write ``data`` under a hidden temporary name beside ``path``, then rename it over
    ``path``; no fsync.

    For files the program can make again (a batch's documents): a process killed mid-write
    never leaves a half-written file under the final name, but the data reaches the disk
    when the system writes it back, or at :func:`sync_to_disk`. An fsync per file costs
    3 to 8 ms of wall time on an ordinary disk, a second or more per hundred files.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with tmp.open("wb") as f:
            f.write(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def sync_to_disk(folder: Path) -> None:
    """Make the files written into ``folder`` with :func:`replace_unsynced` durable.

    One ``sync`` of the whole system where the platform has it (a single write-back, not
    one disk flush per file); elsewhere the folder is synced (its renames).
    """
    sync = getattr(os, "sync", None)
    if sync is not None:
        sync()
    else:
        fsync_dir(Path(folder))
