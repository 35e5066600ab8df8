"""Whose autosave copy is whose, when several windows run.

A window's recovery copy (``<name>.autosave``, :mod:`elevator_eval.store.autosave`) is
written beside the project file only by the window that holds the file's lock
(:mod:`elevator_eval.filelock`). Every other window — the sample, an unsaved project, a
file opened read-only or edited without the lock — writes its copy under a scratch name in
the user's data folder (``untitled.eeproj``, ``untitled-2.eeproj``, …) that it locks for
as long as it runs, so that two windows never write, offer or delete each other's copy.
(The data folder is the user's own on this machine: a lock there is told live by its
process, so it needs no heartbeat.)

A window deletes only a copy it wrote itself (after a save, or on closing), or one the
user declined; a copy is offered for recovery only when no running window holds its name.
"""

from __future__ import annotations

from pathlib import Path

from .. import store

SCRATCH_STEM = "untitled"
"""The scratch names' stem in the user's data folder."""


def _locks():
    from .. import filelock  # (not needed for the first paint)

    return filelock


class RecoveryCopies:
    """The copies one window writes: where, and which it may delete."""

    def __init__(self, folder):
        """``folder``: a callable giving the user's data folder (asked when first needed)."""
        self._folder = folder
        self.scratch: Path | None = None
        self._token: str | None = None
        self.written: set[Path] = set()

    # ------------------------------------------------------------------ where
    def base(self, path: Path | None, owns_file: bool) -> Path:
        """The file whose copy this window writes: ``path`` when the window holds its lock,
        else this window's scratch name."""
        if path is not None and owns_file:
            return path
        return self.scratch_base()

    def scratch_base(self) -> Path:
        """This window's scratch name, chosen and locked on first use: the first of
        ``untitled.eeproj``, ``untitled-2.eeproj``, … that no running window holds and that
        has no copy left to recover."""
        if self.scratch is None:
            folder = Path(self._folder())
            folder.mkdir(parents=True, exist_ok=True)
            n = 1
            while True:
                name = SCRATCH_STEM + ("" if n == 1 else f"-{n}") + ".eeproj"
                candidate = folder / name
                free = _locks().held_by_other(candidate) is None
                if free and not store.autosave_path(candidate).exists():
                    break
                n += 1
            self.take(candidate)
        assert self.scratch is not None
        return self.scratch

    def take(self, base: Path) -> None:
        """Use ``base`` as this window's scratch name (locked until :meth:`release`)."""
        self.release()
        self.scratch = base
        self._token = _locks().acquire(base)

    def leftovers(self) -> list[Path]:
        """Scratch names in the folder with a copy that no running window holds, newest
        copy first."""
        folder = Path(self._folder())
        found = []
        for auto in folder.glob(SCRATCH_STEM + "*.eeproj.autosave"):
            base = auto.with_name(auto.name[: -len(".autosave")])
            if base != self.scratch and _locks().held_by_other(base) is None:
                found.append((auto.stat().st_mtime_ns, base))
        return [b for _t, b in sorted(found, reverse=True)]

    # ------------------------------------------------------------------ lifetime
    def wrote(self, base: Path) -> None:
        self.written.add(base)

    def discard(self, base: Path, *, declined: bool = False) -> None:
        """Delete the copy of ``base`` when this window wrote it (or the user declined
        it)."""
        if declined or base in self.written:
            store.discard_autosave(base)
            self.written.discard(base)

    def discard_all(self) -> None:
        for base in list(self.written):
            self.discard(base)

    def release(self) -> None:
        if self.scratch is not None:
            _locks().release(self.scratch, self._token)
        self.scratch = None
        self._token = None
