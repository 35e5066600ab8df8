"""Who has a project file open: a small lock file beside it (user, host, pid, time).

The window writes ``.~lock.<name>#`` next to the project when it opens it for editing,
refreshes its heartbeat every :data:`HEARTBEAT_S` seconds and deletes it on close. Another
window (on this machine or, through a shared folder, on another one) that opens the same
file finds the lock and offers to open it read-only.

A lock is *stale* (left by a crash) when

- it was written on this machine by a process that no longer runs, or
- its heartbeat is older than :data:`STALE_S` (a lock from another machine, whose
  process cannot be checked).

Stale locks are ignored and replaced. The lock is advice for people, not a guarantee:
the save generation (:mod:`elevator_eval.concurrency`) is what refuses a lost update.

Both times are app defaults, not rules.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

HEARTBEAT_S = 60
"""How often an open window refreshes its lock [s] (app default)."""

STALE_S = 15 * 60
"""A lock whose heartbeat is older than this is left by a crash [s] (app default)."""


@dataclass
class LockInfo:
    """The content of a lock file."""

    user: str
    host: str
    pid: int
    time: str
    heartbeat: float
    token: str

    def describe(self) -> tuple[str, str]:
        """(Chinese, English) one-line description for a dialog."""
        when = self.time[:16].replace("T", " ")
        return (
            f"{self.user}（计算机 {self.host}，自 {when} UTC 起）",
            f"{self.user} (on {self.host}, since {when} UTC)",
        )


def lock_path(path: str | os.PathLike[str]) -> Path:
    """Where the lock of ``path`` lives: ``.~lock.<name>#`` beside it."""
    p = Path(path)
    return p.with_name(f".~lock.{p.name}#")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getpass raises various errors when there is no user name
        return "?"


def read_lock(path: str | os.PathLike[str]) -> LockInfo | None:
    """The lock on ``path``, or None when there is none or it is unreadable."""
    try:
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        return LockInfo(
            user=str(data["user"])[:80],
            host=str(data["host"])[:80],
            pid=int(data["pid"]),
            time=str(data["time"])[:40],
            heartbeat=float(data["heartbeat"]),
            token=str(data["token"])[:64],
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def is_stale(info: LockInfo, now: float | None = None) -> bool:
    """Whether the lock was left by a process that is gone (see the module doc)."""
    now = time.time() if now is None else now
    if info.host == socket.gethostname():
        return not _pid_alive(info.pid)
    return now - info.heartbeat > STALE_S


def held_by_other(path: str | os.PathLike[str], token: str | None = None) -> LockInfo | None:
    """The live lock of another window on ``path`` (None when free, stale or ours)."""
    info = read_lock(path)
    if info is None or info.token == token or is_stale(info):
        return None
    return info


def _write(path: str | os.PathLike[str], info: LockInfo) -> None:
    dest = lock_path(path)
    tmp = dest.with_name(f"{dest.name}.{info.token[:8]}.tmp")
    tmp.write_text(json.dumps(asdict(info), ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, dest)


def acquire(path: str | os.PathLike[str]) -> str | None:
    """Write our lock on ``path`` (replacing a stale one); returns its token.

    None when the folder cannot be written (a read-only share: nothing to protect).
    """
    info = LockInfo(
        user=_user(),
        host=socket.gethostname(),
        pid=os.getpid(),
        time=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        heartbeat=time.time(),
        token=uuid.uuid4().hex,
    )
    try:
        _write(path, info)
    except OSError:
        return None
    return info.token


def refresh(path: str | os.PathLike[str], token: str) -> bool:
    """Renew the heartbeat of our lock; False when it is no longer ours."""
    info = read_lock(path)
    if info is None or info.token != token:
        return False
    info.heartbeat = time.time()
    try:
        _write(path, info)
    except OSError:
        return False
    return True


def release(path: str | os.PathLike[str], token: str | None) -> None:
    """Delete our lock on ``path`` (someone else's is left alone)."""
    info = read_lock(path)
    if token is None or info is None or info.token != token:
        return
    with contextlib.suppress(OSError):
        lock_path(path).unlink()
