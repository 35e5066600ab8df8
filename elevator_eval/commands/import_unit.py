"""`elevator-eval import-unit PROJECT UNIT.json --community NAME --building NAME`.

Adds a unit file to a project under the named community (小区) and building (楼栋),
creating them when missing, and saves the project atomically. ``--create`` makes a new
project when PROJECT does not exist yet.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..store import import_unit, new_project, open_project, save_project
from ..unitfile import load_unit
from . import CommandResult


def add_arguments(parser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="项目文件 / project file (.eeproj)")
    parser.add_argument("unit_file", metavar="UNIT.json", help="单元文件 / unit file")
    parser.add_argument(
        "--community", metavar="NAME", required=True, help="小区名称 / community name"
    )
    parser.add_argument(
        "--building", metavar="NAME", required=True, help="楼栋名称 / building name"
    )
    parser.add_argument(
        "--create",
        action="store_true",
        help="项目不存在时新建 / create the project when it does not exist",
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON / print one JSON object")


def run(args) -> CommandResult:
    path = Path(args.project)
    unit = load_unit(args.unit_file)
    if path.exists():
        project = open_project(path)
        created = False
    elif args.create:
        if not path.parent.exists():
            raise InputError("PROJECT", f"folder {path.parent} does not exist")
        project = new_project(path.stem)
        created = True
    else:
        raise InputError(
            "PROJECT", f"{args.project} does not exist (add --create to make a new project)"
        )
    added = import_unit(project, unit, args.community, args.building)
    try:
        save_project(project, path)
    except OSError as e:
        raise InputError("PROJECT", f"cannot write {path}: {e.strerror or e}") from None
    data = {
        "unit": added.id,
        "project": str(path),
        "created": created,
        "community": args.community.strip(),
        "building": args.building.strip(),
        "units": len(project.units()),
    }
    text = (
        f"已将单元 {added.id} 导入 {path.name}（{data['community']} {data['building']}）"
        f" / imported unit {added.id} into {path.name} "
        f"({data['community']}, {data['building']})"
    )
    return CommandResult(data=data, text=text, json_mode=args.json)
