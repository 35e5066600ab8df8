"""`elevator-eval export-unit PROJECT --unit ID -o OUT.unit.json`.

Writes one unit of a project as a unit file (spec §1), with its building data, atomically.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..store import export_unit, open_project
from ..unitfile_write import save_unit
from . import CommandResult, is_unit_file


def add_arguments(parser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="项目文件 / project file (.eeproj)")
    parser.add_argument(
        "--unit", metavar="ID", required=True, help="要导出的单元编号 / id of the unit to export"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.unit.json",
        required=True,
        help="输出的单元文件 / unit file to write",
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON / print one JSON object")


def output_path(value: str, field: str = "-o") -> Path:
    if not isinstance(value, str) or not value:  # "--output=--" parses to a list
        raise InputError(field, "needs a file name")
    out = Path(value)
    if out.is_dir():
        raise InputError(field, f"{value} is a folder; give a file name")
    if not out.parent.exists():
        raise InputError(field, f"folder {out.parent} does not exist")
    return out


def run(args) -> CommandResult:
    src = Path(args.project)
    if src.is_file() and is_unit_file(src):
        raise InputError("PROJECT", f"{args.project} is a unit file, not a project")
    out = output_path(args.output)
    project = open_project(src)
    unit = export_unit(project, args.unit)
    try:
        save_unit(unit, out)
    except OSError as e:
        raise InputError("-o", f"cannot write {out}: {e.strerror or e}") from None
    data = {"unit": unit.id, "output": str(out), "households": len(unit.households)}
    text = (
        f"已导出单元 {unit.id}（{len(unit.households)} 户）到 {out} / exported unit "
        f"{unit.id} ({len(unit.households)} households) to {out}"
    )
    return CommandResult(data=data, text=text, json_mode=args.json)
