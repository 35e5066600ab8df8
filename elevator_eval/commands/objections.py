"""`elevator-eval objections PROJECT --unit ID [--json] [-o REGISTER.pdf] [--internal]`:
the objections of a unit's public notice; the register PDF masks objectors' names."""

from __future__ import annotations

from ..errors import InputError
from ..process.records import read_process
from ..report.masking import mask_name
from ..report.objection_register import build_objection_register
from . import CommandResult, load_target


def add_arguments(parser) -> None:
    parser.add_argument("target", metavar="PROJECT", help="项目文件 / project file")
    parser.add_argument("--unit", metavar="ID", required=False, help="单元编号 / unit id")
    parser.add_argument("--json", action="store_true", help="输出 JSON / print one JSON object")
    parser.add_argument("-o", "--output", metavar="PDF", help="异议登记表 PDF / register PDF")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    parser.add_argument(
        "--internal",
        action="store_true",
        help="显示姓名与门牌（内部存档）/ print names and doors (office file)",
    )


def run(args) -> CommandResult:
    if args.unit is None:
        raise InputError("--unit", "is required")
    unit, project = load_target(args.target, args.unit)
    pd = read_process(unit)
    items = []
    for o in pd.objections:
        d = o.to_json()
        d["status"] = o.status
        if not args.internal:
            d["name"], d["household"] = mask_name(o.name), ""
        items.append(d)
    lines = [f"单元 / unit {unit.id}: 异议 {len(items)} 件 / objections"]
    lines += [f"  {d['id']}  {d['received']}  {d['status']:<9} {d['text'][:40]}" for d in items]
    if args.output:
        build_objection_register(
            unit, project=project, lang=args.lang, out=args.output, masked=not args.internal
        )
        lines.append(f"已写入 / written: {args.output}")
    return CommandResult(
        data={"unit": unit.id, "objections": items}, text="\n".join(lines), json_mode=args.json
    )
