"""`elevator-eval anonymise PROJECT -o OUT.eeproj`.

Writes a copy of the project without personal data (see
:func:`elevator_eval.store.anonymise_project`): names become ``住户<door>``, contacts are
removed, owner ids are hashed consistently, the vote log is kept without its notes.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..store import anonymise_project, open_project, save_project
from . import CommandResult
from .export_unit import output_path


def add_arguments(parser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="项目文件 / project file (.eeproj)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.eeproj",
        required=True,
        help="脱敏后的项目文件 / anonymised project file to write",
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON / print one JSON object")


def run(args) -> CommandResult:
    src = Path(args.project)
    out = output_path(args.output)
    if out.exists() and src.exists() and out.resolve() == src.resolve():
        raise InputError("-o", "must not be the project file itself")
    project = open_project(src)
    anon = anonymise_project(project)
    try:
        save_project(anon, out)
    except OSError as e:
        raise InputError("-o", f"cannot write {out}: {e.strerror or e}") from None
    hh = [h for u in anon.units() for h in u.households]
    data = {
        "output": str(out),
        "units": len(anon.units()),
        "households": len(hh),
        "owners": len({(u.id, h.owner_id) for u in anon.units() for h in u.households}),
        "vote_events": len(anon.vote_log),
    }
    text = (
        f"已写出脱敏项目 {out}（{data['units']} 个单元，{data['households']} 户）"
        f" / wrote anonymised project {out} ({data['units']} units, "
        f"{data['households']} households)"
    )
    return CommandResult(data=data, text=text, json_mode=args.json)
