"""`elevator-eval rollup A.eeproj [B.eeproj …] -o DISTRICT.xlsx [--geojson UNITS.geojson]
[--as-of DATE] [--title TEXT] [--json]` — merge street projects (read only) into one
statistics workbook; units found in more than one project are counted once and listed."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from ..errors import InputError
from ..io.process_export import write_geojson, write_statistics_xlsx
from ..process.stats import rollup
from . import CommandResult, load_target


def add_arguments(parser) -> None:
    parser.add_argument(
        "projects", nargs="+", metavar="PROJECT", help="街道项目文件 / street project files"
    )
    parser.add_argument("-o", "--output", metavar="XLSX", help="统计表 / statistics workbook")
    parser.add_argument("--geojson", metavar="FILE", help="单元 GeoJSON / units as GeoJSON")
    parser.add_argument("--as-of", metavar="DATE", help="统计日期（默认今天）/ date of the count")
    parser.add_argument(
        "--title", default="既有住宅加装电梯进展统计", help="标题 / title of the workbook"
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON / print one JSON object")


def run(args) -> CommandResult:
    try:
        as_of = (
            _dt.date.fromisoformat(args.as_of).isoformat()
            if args.as_of
            else _dt.date.today().isoformat()
        )
    except ValueError:
        raise InputError("--as-of", f"must be a date YYYY-MM-DD, got {args.as_of!r}") from None
    loaded = []
    for p in args.projects:
        _, project = load_target(p, None, need_unit=False)
        if project is None:
            raise InputError("file", f"{p} is a unit file; rollup needs project files")
        loaded.append((Path(p).name, project))
    if args.output and Path(args.output).resolve() in {Path(p).resolve() for p in args.projects}:
        raise InputError("-o", "would overwrite an input project")
    roll = rollup(loaded, as_of)
    lines = [
        (
            f"项目 / projects: {len(loaded)}, 单元 / units counted: {len(roll.units)}, "
            f"重复 / duplicates: {len(roll.duplicates)}"
        )
    ]
    lines += [
        f"  重复 duplicate: {d['unit']} ({d['address']}) 计入 counted in {d['first']}, "
        f"又见于 also in {d['again']}"
        for d in roll.duplicates
    ]
    for r in roll.district:
        v = r.values
        lines.append(
            f"  {r.year}: 计划 planned {v['units_planned']}, 开工 started "
            f"{v['units_started']}, 完工 completed {v['units_completed']}, 在用 in "
            f"service {v['in_service']}, 投资 investment {v['investment_yuan']} 元"
        )
    if args.output:
        write_statistics_xlsx(
            roll, args.output, title=args.title, as_of=as_of, sources=[label for label, _ in loaded]
        )
        lines.append(f"已写入 / written: {args.output}")
    if args.geojson:
        write_geojson([p for _, p in loaded], args.geojson, as_of)
        lines.append(f"已写入 / written: {args.geojson}")
    data = roll.to_json()
    data["as_of"] = as_of
    return CommandResult(data=data, text="\n".join(lines), json_mode=args.json)
