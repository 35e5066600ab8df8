"""No lost updates: the save generation of a project file and the three-way merge.

Every save writes ``meta.generation`` (1, 2, 3 …) next to ``meta.content_sha256``. When a
project is opened (or saved) the file's state is remembered on the project
(:attr:`Project.file_base`: path, generation, content digest and a digest of every unit,
building, community and of the project's name and settings). A later save to the same
file first checks that the file still is in that state; when another editor (a second
window, a colleague on a shared folder, a command) has saved in between, the save is
refused with :class:`StaleSaveError` instead of silently overwriting their work.

The window then offers a choice: reload their file and re-apply my changes
(:func:`merge`: a three-way merge at the level of units, buildings, communities, the
project name and settings; my new vote-log entries are appended to theirs and chained),
save under a new name, or overwrite after an explicit confirmation
(:func:`forget_base`).

A file written by an older version of the app has no generation; it counts as 0, and the
content digest still tells a change apart.
"""

from __future__ import annotations

import copy
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, is_dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from .audit import append_event
from .errors import ProjectFileError
from .model import Building, Community, Project, Record, Unit
from .sha256 import sha256_hex

try:  # POSIX advisory locks serialise the check-and-replace of two saves on one machine
    import fcntl
except ImportError:  # pragma: no cover - Windows: the check alone, without the lock
    fcntl = None  # type: ignore[assignment]


class StaleSaveError(ProjectFileError):
    """The file changed on disk since this project was opened or last saved.

    Attributes
    ----------
    path : Path
    base_generation, file_generation : int
    """

    def __init__(self, path: Path, base_generation: int, file_generation: int):
        self.path = path
        self.base_generation = base_generation
        self.file_generation = file_generation
        super().__init__(
            f"拒绝保存“{path.name}”：打开后该文件已被其他人或其他窗口保存过（第 "
            f"{file_generation} 次保存，您基于第 {base_generation} 次），直接保存会覆盖对方的"
            f"修改 / refusing to save {path.name}: it was saved by someone else since you "
            f"opened it (save {file_generation}, yours is based on save {base_generation}); "
            f"saving now would discard their changes"
        )


# ------------------------------------------------------------------------------ digests


def _canon(obj: Any) -> Any:
    """JSON-able data that tells every value apart (types kept by tags)."""
    if obj is None or isinstance(obj, (bool, str)):
        return obj
    if isinstance(obj, int):
        return obj
    if isinstance(obj, Decimal):
        return {"$d": str(obj)}
    if isinstance(obj, float):
        return {"$f": repr(obj)}
    if isinstance(obj, tuple):
        return {"$t": [_canon(v) for v in obj]}
    if isinstance(obj, list):
        return [_canon(v) for v in obj]
    if isinstance(obj, dict):
        return {"$m": [[_canon(k), _canon(v)] for k, v in obj.items()]}
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _canon(getattr(obj, f.name)) for f in fields(obj) if f.name != "file_base"}
    return {"$r": repr(obj)}


def digest(obj: Any) -> str:
    """SHA-256 (hex) of a value's canonical JSON."""
    text = json.dumps(_canon(obj), ensure_ascii=False, separators=(",", ":"))
    return sha256_hex(text.encode("utf-8", "surrogatepass"))


def _unit_digest(b: Building, u: Unit) -> str:
    own = u.building if u.building is not b.info else None
    parts = {f.name: getattr(u, f.name) for f in fields(u) if f.name != "building"}
    return digest((parts, own))


def _building_digest(b: Building) -> str:
    return digest((b.id, b.name, b.address, b.info))


def _community_digest(c: Community) -> str:
    return digest((c.id, c.name, c.district))


def entity_digests(project: Project) -> dict[tuple[str, str], str]:
    """Digest of every mergeable part: ``("unit", id)``, ``("building", "C1/B1")``,
    ``("community", id)``, ``("project", "name")`` and ``("project", "settings")``."""
    out: dict[tuple[str, str], str] = {
        ("project", "name"): digest(project.name),
        ("project", "settings"): digest(project.settings),
    }
    for c in project.communities:
        out[("community", c.id)] = _community_digest(c)
        for b in c.buildings:
            out[("building", f"{c.id}/{b.id}")] = _building_digest(b)
            for u in b.units:
                out[("unit", u.id)] = _unit_digest(b, u)
    return out


# ------------------------------------------------------------------------------ file base


@dataclass(eq=False, repr=False)
class FileBase(Record):
    """The state of the file a project was read from or last written to.

    ``snapshot`` holds the file's bytes as read or written (``None`` after recovering
    from an autosave copy): the common ancestor of a three-way merge, read only when a
    merge is asked for, so that opening and saving cost no more than reading the bytes.
    """

    path: str
    generation: int
    content_sha256: str
    snapshot: bytes | None = field(default=None, repr=False)
    vote_log_len: int = 0


def file_state(path: Path) -> tuple[int, str, str] | None:
    """``(generation, content_sha256, uid)`` stored in the file; None when unreadable."""
    try:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True)
        try:
            meta = dict(
                conn.execute(
                    "SELECT key, value FROM meta WHERE key IN "
                    "('generation', 'content_sha256', 'uid')"
                )
            )
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        gen = int(meta.get("generation", "0"))
    except ValueError:
        gen = 0
    return gen, str(meta.get("content_sha256", "")), str(meta.get("uid", ""))


def stamp(
    project: Project, path: Path, generation: int, content_sha256: str, snapshot: bytes | None
) -> None:
    """Remember that ``project`` now equals the file ``path`` at ``generation``."""
    project.file_base = FileBase(
        str(Path(path).resolve()), generation, content_sha256, snapshot, len(project.vote_log)
    )


def open_image(data: bytes) -> sqlite3.Connection:
    """A connection to an in-memory copy of the database file image ``data``.

    ``Connection.deserialize`` exists from Python 3.11 on; on 3.10 (which the package
    supports) the image goes through a temporary file and ``Connection.backup``.

    Raises
    ------
    sqlite3.Error
        When ``data`` is not an SQLite database (here or on the first query).
    """
    if sys.version_info >= (3, 11):
        conn = sqlite3.connect(":memory:")
        try:
            conn.deserialize(data)
        except BaseException:
            conn.close()
            raise
        return conn
    return image_via_file(data)


def image_via_file(data: bytes) -> sqlite3.Connection:
    """:func:`open_image` without ``deserialize``: write, open, back up into memory."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "image.sqlite"
        path.write_bytes(data)
        src = sqlite3.connect(path)
        mem = sqlite3.connect(":memory:")
        try:
            src.backup(mem)
        except BaseException:
            mem.close()
            raise
        finally:
            src.close()
    return mem


def _meta_of(data: bytes) -> tuple[int, str] | None:
    try:
        conn = open_image(data)
        try:
            meta = dict(
                conn.execute(
                    "SELECT key, value FROM meta WHERE key IN ('generation', 'content_sha256')"
                )
            )
        finally:
            conn.close()
        return int(meta.get("generation", "0")), str(meta.get("content_sha256", ""))
    except (sqlite3.Error, ValueError, OverflowError):
        return None


def stamp_from_file(project: Project, path: Path, before: tuple[int, str, str] | None) -> None:
    """:func:`stamp` after opening: ``before`` is :func:`file_state` taken before the file
    was read. When the file was replaced while it was being read the open is refused
    (open again), so a project is never stamped with a state it does not hold."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return
    now = _meta_of(data)
    if before is not None and now is not None and now != before[:2]:
        raise ProjectFileError(
            f"“{Path(path).name}”在读取时被其他人保存，请重新打开 / {Path(path).name} was "
            f"saved by someone else while it was being read; open it again"
        )
    if now is not None:
        stamp(project, path, now[0], now[1], data)


def forget_base(project: Project) -> None:
    """Drop the remembered state: the next save overwrites whatever the file holds (only
    after the user confirmed it)."""
    project.file_base = None


def _base_for(project: Project, path: Path) -> FileBase | None:
    base = getattr(project, "file_base", None)
    if isinstance(base, FileBase) and base.path == str(Path(path).resolve()):
        return base
    return None


def check_base(project: Project, path: Path) -> int:
    """Raise :class:`StaleSaveError` when ``path`` changed since ``project``'s base.

    Returns
    -------
    int
        The generation the next save writes (one more than the file's).
    """
    state = file_state(path) if Path(path).exists() else None
    if state is None:
        base = _base_for(project, path)
        return (base.generation if base else 0) + 1
    gen, sha, uid = state
    base = _base_for(project, path)
    if (
        base is not None
        and uid == (project.uid or "")
        and (gen != base.generation or sha != base.content_sha256)
    ):
        raise StaleSaveError(Path(path), base.generation, gen)
    return gen + 1


def recheck(project: Project, path: Path, generation: int) -> None:
    """Just before the replace (under :func:`save_lock`): the file is still as checked."""
    now = check_base(project, path)
    if now != generation:
        raise StaleSaveError(Path(path), generation - 1, now - 1)


def generation_meta(project: Project, generation: int, track: bool) -> dict[str, str]:
    """The meta rows a save adds: ``generation``; for an autosave copy (``track`` false)
    the generation and digest of the file the edits are based on, so that a recovered
    project is still checked against the original file."""
    if track:
        return {"generation": str(generation)}
    base = getattr(project, "file_base", None)
    if not isinstance(base, FileBase):
        return {"generation": "0"}
    return {
        "generation": "0",
        "base_path": base.path,
        "base_generation": str(base.generation),
        "base_sha256": base.content_sha256,
    }


def restore_base(project: Project, recovered_from: Path, original: Path) -> None:
    """After recovering ``project`` from an autosave copy: check its next save against
    the state of ``original`` the edits were based on (no unit digests: every part that
    differs from the file counts as changed on both sides)."""
    project.file_base = None
    try:
        uri = Path(recovered_from).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True)
        try:
            meta = dict(
                conn.execute(
                    "SELECT key, value FROM meta WHERE key IN "
                    "('base_path', 'base_generation', 'base_sha256')"
                )
            )
        finally:
            conn.close()
        if meta.get("base_path") == str(Path(original).resolve()):
            project.file_base = FileBase(
                meta["base_path"],
                int(meta["base_generation"]),
                meta["base_sha256"],
                None,
                len(project.vote_log),
            )
    except (sqlite3.Error, OSError, ValueError, KeyError):
        project.file_base = None


@contextmanager
def save_lock(path: Path) -> Iterator[None]:
    """Serialise check-and-replace of saves to one file (POSIX ``flock`` on the file;
    the second saver then sees the first one's generation and is refused)."""
    fd = None
    if fcntl is not None:
        try:
            fd = os.open(path, os.O_RDONLY)
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            if fd is not None:
                os.close(fd)
            fd = None
    try:
        yield
    finally:
        if fd is not None:
            os.close(fd)  # closing releases the lock


# ------------------------------------------------------------------------------ merge


@dataclass(eq=False, repr=False)
class MergeResult(Record):
    """The outcome of :func:`merge`.

    Attributes
    ----------
    project : Project
        Their project with my non-colliding changes applied (its base is their file).
    conflicts : list of str
        Parts changed on both sides differently (``unit 1-2``, ``building C1/B1`` …);
        when not empty the merge must not be saved.
    taken : list of str
        Parts taken from my version.
    """

    project: Project
    conflicts: list[str]
    taken: list[str]


def _where_units(project: Project) -> dict[str, tuple[Community, Building, Unit]]:
    return {u.id: (c, b, u) for c, b, u in project.iter_units()}


def merge(mine: Project, theirs: Project, base_project: Project | None) -> MergeResult:
    """Three-way merge of ``mine`` (edited since its base) into ``theirs`` (the file now).

    ``base_project`` is the common ancestor (``store.load_base(mine)``; None when it is
    not known, and then every part that differs is a conflict). A part changed only by me
    replaces theirs; changed only by them stays; changed by both to the same value stays;
    changed by both differently is a conflict. My new vote-log entries are appended after
    theirs and chained.

    Raises
    ------
    TypeError
        when ``mine`` has no remembered base (it was not read from a file).
    """
    base = getattr(mine, "file_base", None)
    if not isinstance(base, FileBase):
        raise TypeError("the project was not read from a file: nothing to merge against")
    bd = entity_digests(base_project) if base_project is not None else {}
    md = entity_digests(mine)
    td = entity_digests(theirs)
    result = copy.deepcopy(theirs)
    result.file_base = theirs.file_base
    conflicts: list[str] = []
    take: list[tuple[str, str]] = []
    for key in sorted(set(bd) | set(md) | set(td)):
        b, m, t = bd.get(key), md.get(key), td.get(key)
        if m in (b, t):
            continue
        if t == b:
            take.append(key)
        else:
            conflicts.append(f"{key[0]} {key[1]}")
    if not conflicts:
        _apply(result, mine, take)
        _append_log(result, mine, base.vote_log_len)
    return MergeResult(result, conflicts, [f"{k} {i}" for k, i in take])


def _apply(result: Project, mine: Project, take: list[tuple[str, str]]) -> None:
    if ("project", "name") in take:
        result.name = mine.name
    if ("project", "settings") in take:
        result.settings = copy.deepcopy(mine.settings)
    mine_c = {c.id: c for c in mine.communities}
    mine_b = {f"{c.id}/{b.id}": (c, b) for c in mine.communities for b in c.buildings}
    for kind, key in take:
        if kind == "community":
            _take_community(result, mine_c.get(key), key)
    for kind, key in take:
        if kind == "building":
            _take_building(result, mine_b.get(key), key)
    mine_u = _where_units(mine)
    for kind, key in take:
        if kind == "unit":
            _take_unit(result, mine_u.get(key), key)
    # communities / buildings I removed go once they are empty
    for kind, key in take:
        if kind == "building" and key not in mine_b:
            cid, bid = key.split("/", 1)
            for c in result.communities:
                if c.id == cid:
                    c.buildings = [b for b in c.buildings if b.id != bid or b.units]
        if kind == "community" and key not in mine_c:
            result.communities = [c for c in result.communities if c.id != key or c.buildings]


def _take_community(result: Project, mc: Community | None, cid: str) -> None:
    rc = next((c for c in result.communities if c.id == cid), None)
    if mc is None:
        return  # removed on my side: dropped later when empty
    if rc is None:
        result.communities.append(Community(id=mc.id, name=mc.name, district=mc.district))
    else:
        rc.name, rc.district = mc.name, mc.district


def _take_building(result: Project, mine: tuple[Community, Building] | None, key: str) -> None:
    if mine is None:
        return
    mc, mb = mine
    rc = next((c for c in result.communities if c.id == mc.id), None)
    if rc is None:
        rc = Community(id=mc.id, name=mc.name, district=mc.district)
        result.communities.append(rc)
    rb = next((b for b in rc.buildings if b.id == mb.id), None)
    info = copy.deepcopy(mb.info)
    if rb is None:
        rc.buildings.append(Building(id=mb.id, name=mb.name, info=info, address=mb.address))
        return
    old = rb.info
    rb.name, rb.address = mb.name, mb.address
    for f in fields(old):  # in place: the units of the building share this object
        setattr(old, f.name, getattr(info, f.name))


def _take_unit(result: Project, mine: tuple[Community, Building, Unit] | None, uid: str) -> None:
    if mine is None:  # removed on my side
        for c in result.communities:
            for b in c.buildings:
                b.units = [u for u in b.units if u.id != uid]
        return
    mc, mb, mu = mine
    new = copy.deepcopy(mu)
    for c in result.communities:
        for b in c.buildings:
            for i, u in enumerate(b.units):
                if u.id == uid:
                    if mu.building is mb.info:
                        new.building = b.info
                    b.units[i] = new
                    return
    rc = next((c for c in result.communities if c.id == mc.id), None)
    if rc is None:
        rc = Community(id=mc.id, name=mc.name, district=mc.district)
        result.communities.append(rc)
    rb = next((b for b in rc.buildings if b.id == mb.id), None)
    if rb is None:
        rb = Building(id=mb.id, name=mb.name, info=copy.deepcopy(mb.info), address=mb.address)
        rc.buildings.append(rb)
    if mu.building is mb.info:
        new.building = rb.info
    rb.units.append(new)


def _append_log(result: Project, mine: Project, base_len: int) -> None:
    for ev in mine.vote_log[base_len:]:
        append_event(
            result.vote_log,
            ev.unit_id,
            ev.household_id,
            ev.scheme_version,
            ev.source,
            ev.previous,
            ev.new,
            ev.time,
            ev.note,
        )
