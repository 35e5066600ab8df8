"""The autosave copy beside a project file, and recovery from it."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ProjectFileError
from ..model import Project
from .fileops import unlink_quietly
from .header import check_header
from .writing import save_project


def autosave_path(path: str | os.PathLike[str]) -> Path:
    """Where the autosave copy of ``path`` lives: ``<name>.autosave`` beside it."""
    path = Path(path)
    return path.with_name(f"{path.name}.autosave")


def save_autosave(project: Project, path: str | os.PathLike[str]) -> Path:
    """Save the project to :func:`autosave_path` (atomically); returns that path."""
    dest = autosave_path(path)
    save_project(project, dest, track=False)
    return dest


def find_recovery(path: str | os.PathLike[str], *, older_too: bool = False) -> Path | None:
    """The autosave of ``path`` when it is newer than the file and opens cleanly.

    The UI offers to recover from it; ``None`` when there is nothing to recover.
    ``older_too``: also a copy older than the file (someone else saved the file after the
    copy was written; the copy still holds changes that are not in it).
    """
    path = Path(path)
    auto = autosave_path(path)
    if not auto.is_file():
        return None
    try:
        if not older_too and autosave_is_older(auto, path):
            return None
        check_header(auto)
    except (OSError, ProjectFileError):
        return None
    return auto


def autosave_is_older(auto: Path, path: Path) -> bool:
    """Whether the copy ``auto`` was written before the file ``path`` was last saved."""
    return path.exists() and auto.stat().st_mtime_ns <= path.stat().st_mtime_ns


def discard_autosave(path: str | os.PathLike[str]) -> None:
    """Delete the autosave copy of ``path`` (after a normal save or a declined recovery)."""
    unlink_quietly(autosave_path(path))
