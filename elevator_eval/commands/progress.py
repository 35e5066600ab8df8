"""`elevator-eval progress PROJECT [--json] [--as-of DATE]` — units per stage and overdue;
`progress PROJECT --unit ID --advance STAGE --date DATE [--responsible …] [--document …]`
moves one unit (refused with the reasons, exit 2, when a prerequisite is missing)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from ..errors import InputError
from ..process import stages
from ..store import save_project
from ..textwidth import table
from . import CommandResult, load_target


def add_arguments(parser) -> None:
    parser.add_argument("target", metavar="PROJECT", help="项目文件 / project file (.eeproj)")
    parser.add_argument("--json", action="store_true", help="输出 JSON / print one JSON object")
    parser.add_argument(
        "--as-of", metavar="DATE", help="统计日期（默认今天）/ date of the count (default: today)"
    )
    parser.add_argument("--unit", metavar="ID", help="单元编号 / unit id")
    parser.add_argument(
        "--advance", metavar="STAGE", help="推进到阶段（如 notice）/ move the unit into this stage"
    )
    parser.add_argument("--date", metavar="DATE", help="推进日期 / date of the move (YYYY-MM-DD)")
    parser.add_argument("--responsible", default="", help="责任方 / responsible party")
    parser.add_argument(
        "--document",
        action="append",
        default=[],
        help="关联文件（可重复）/ linked document (repeatable)",
    )
    parser.add_argument("--note", default="", help="备注 / note")


def _day(text: str | None, field: str) -> str:
    if text is None:
        return _dt.date.today().isoformat()
    try:
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise InputError(field, f"must be a date YYYY-MM-DD, got {text!r}") from None


def render_text(data: dict) -> str:
    lines = [
        f"项目 / project: {data['project']}    统计日期 / as of {data['as_of']}",
        f"单元 / units: {data['units']}    逾期 / overdue: {data['overdue_total']}",
        "",
    ]
    rows = [["阶段 / stage", "", "单元 units", "逾期 overdue"]]
    rows += [[s["zh"], s["en"], str(s["count"]), str(s["overdue"] or "")] for s in data["stages"]]
    lines += ["  " + line for line in table(rows, right_from=2)]
    return "\n".join(lines)


def run(args) -> CommandResult:
    if args.advance is None:
        if args.date is not None:
            raise InputError("--date", "is only used with --advance")
        _, project = load_target(args.target, None, need_unit=False)
        if project is None:
            raise InputError("file", "progress needs a project file, not a unit file")
        as_of = _day(args.as_of, "--as-of")
        data = stages.progress(project, as_of)
        if args.unit is not None:
            data["unit_status"] = [s for s in data["unit_status"] if s["unit"] == args.unit]
            if not data["unit_status"]:
                raise InputError("--unit", f"no unit {args.unit!r} in {Path(args.target).name}")
        return CommandResult(data=data, text=render_text(data), json_mode=args.json)
    if args.unit is None:
        raise InputError("--unit", "is required with --advance")
    if args.date is None:
        raise InputError("--date", "is required with --advance")
    unit, project = load_target(args.target, args.unit)
    if project is None:
        raise InputError("file", "progress needs a project file, not a unit file")
    date = _day(args.date, "--date")
    rules = stages.load_rules()
    rules.index(args.advance)  # unknown stage: one clear line
    entry = stages.advance(
        unit,
        args.advance,
        date,
        responsible=args.responsible,
        documents=args.document,
        note=args.note,
        project=project,
        rules=rules,
    )
    save_project(project, Path(args.target))
    st = rules.stage(entry.stage)
    data = {
        "unit": unit.id,
        "stage": entry.stage,
        "entered": entry.entered,
        "zh": st.zh,
        "en": st.en,
    }
    return CommandResult(
        data=data,
        json_mode=args.json,
        text=f"单元 {unit.id} 已进入“{st.zh}”（{entry.entered}）/ unit "
        f"{unit.id} entered {st.en} on {entry.entered}",
    )
