"""Subcommands of the command line, one module each.

A command module defines ``add_arguments(parser)`` and ``run(args) -> CommandResult``.
Shared helpers for loading a unit file or a project unit live here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import store
from ..errors import InputError
from ..model import Project, Unit
from ..unitfile import load_unit


@dataclass
class CommandResult:
    """What a command produced: JSON data, human text, and the exit code."""

    data: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    json_mode: bool = False
    exit_code: int = 0


def add_target_arguments(parser, *, unit_required: bool = False) -> None:
    """``TARGET`` (a unit file or a project) and ``--unit ID``, ``--json``."""
    parser.add_argument(
        "target",
        metavar="UNIT.json|PROJECT",
        help="单元 JSON 文件或项目文件 / a unit file or a project file",
    )
    parser.add_argument("--unit", metavar="ID", help="项目中的单元编号 / unit id in a project")
    parser.add_argument("--json", action="store_true", help="输出 JSON / print one JSON object")


def is_unit_file(path: Path) -> bool:
    """A unit file is JSON text; a project is SQLite."""
    if path.suffix.lower() == ".json":
        return True
    try:
        with open(path, "rb") as f:
            head = f.read(64)
    except OSError:
        return False
    return head.lstrip()[:1] in (b"{", b"[") or head.startswith(b"\xef\xbb\xbf{")


def only_unit(project: Project) -> Unit | None:
    """The project's one unit, or ``None`` when it has none or several (a project of one
    unit needs no ``--unit``)."""
    found = None
    for c in project.communities:
        for b in c.buildings:
            for u in b.units:
                if found is not None:
                    return None
                found = u
    return found


def load_target(
    target: str, unit_id: str | None, *, need_unit: bool = True
) -> tuple[Unit | None, Project | None]:
    """Load ``TARGET``: returns ``(unit, project)``.

    For a unit file ``project`` is ``None``. For a project, ``unit`` is the unit named by
    ``--unit``, or without it the project's only unit (``None`` when no id was given and
    ``need_unit`` is false).

    Raises
    ------
    InputError
        naming ``file``, ``--unit`` or the bad field.
    """
    path = Path(target)
    if not path.exists():
        raise InputError("file", f"{target} does not exist")
    if path.is_dir():
        raise InputError("file", f"{target} is a folder, not a file")
    if is_unit_file(path):
        unit = load_unit(path)
        if unit_id is not None and unit_id != unit.id:
            raise InputError("--unit", f"{unit_id!r} does not match the file's id {unit.id!r}")
        return unit, None
    project = store.open_project(path)
    if unit_id is None:
        only = only_unit(project)
        if need_unit and only is None:
            raise InputError("--unit", "is required with a project file of several units")
        return (only if need_unit else None), project
    try:
        return project.find_unit(unit_id), project
    except KeyError:
        raise InputError("--unit", f"no unit {unit_id!r} in {path.name}") from None
