"""`elevator-eval upkeep PROJECT [--as-of DATE] [--json]` — inspection and contract
reminders; with `--unit ID --year YEAR` the year's ledger, and `-o STATEMENT.pdf` the
one-page statement for the residents (`--detail` adds what each door paid)."""

from __future__ import annotations

import datetime as _dt

from ..errors import InputError
from ..process.upkeep import project_reminders, year_statement
from ..report.upkeep_statement import build_upkeep_statement
from . import CommandResult, load_target


def add_arguments(parser) -> None:
    parser.add_argument("target", metavar="PROJECT", help="项目文件 / project file")
    parser.add_argument("--unit", metavar="ID", help="单元编号 / unit id")
    parser.add_argument("--year", type=int, metavar="YEAR", help="年度 / year of the ledger")
    parser.add_argument("--as-of", metavar="DATE", help="提醒日期（默认今天）/ reminder date")
    parser.add_argument("--json", action="store_true", help="输出 JSON / print one JSON object")
    parser.add_argument("-o", "--output", metavar="PDF", help="年度收支公示 PDF / statement PDF")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    parser.add_argument(
        "--detail",
        action="store_true",
        help="列出各户已缴与欠缴（使用管理人存档）/ per-door payments",
    )


def run(args) -> CommandResult:
    try:
        as_of = (
            _dt.date.fromisoformat(args.as_of).isoformat()
            if args.as_of
            else _dt.date.today().isoformat()
        )
    except ValueError:
        raise InputError("--as-of", f"must be a date YYYY-MM-DD, got {args.as_of!r}") from None
    if args.unit is None:
        if args.year is not None or args.output:
            raise InputError("--unit", "is required with --year or -o")
        _, project = load_target(args.target, None, need_unit=False)
        if project is None:
            raise InputError("file", "upkeep needs a project file")
        rem = project_reminders(project, as_of)
        text = "\n".join(
            [f"提醒 / reminders ({as_of}): {len(rem)}"]
            + [f"  {r.unit_id}  {r.zh} / {r.en}" for r in rem]
        )
        return CommandResult(
            data={"as_of": as_of, "reminders": [r.to_json() for r in rem]},
            text=text,
            json_mode=args.json,
        )
    if args.year is None:
        raise InputError("--year", "is required with --unit")
    unit, project = load_target(args.target, args.unit)
    st = year_statement(unit, args.year, project)
    lines = [
        (
            f"单元 / unit {unit.id}  {args.year}: 费用 / costs {st.bills_total_yuan} 元, "
            f"已缴 / paid {st.paid_total_yuan}, 欠缴 / owed {st.arrears_total_yuan}, "
            f"备用金 / reserve {st.reserve_end_yuan}"
        )
    ]
    if args.output:
        build_upkeep_statement(
            unit, args.year, project=project, lang=args.lang, out=args.output, detail=args.detail
        )
        lines.append(f"已写入 / written: {args.output}")
    return CommandResult(data=st.to_json(), text="\n".join(lines), json_mode=args.json)
