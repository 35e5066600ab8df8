"""`elevator-eval import-intent PROJECT FILE [--apply] [--json]` — preview an intent
registration file (CSV/xlsx) with every bad row listed; `--apply` writes it into the
project only when no row is bad (all-or-nothing)."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..io.process_import import apply_preview, preview_intent, preview_votes
from ..store import save_project
from ..vocabulary import counted
from . import CommandResult, load_target

KIND = "intent"


def add_arguments(parser) -> None:
    parser.add_argument("target", metavar="PROJECT", help="项目文件 / project file")
    parser.add_argument("file", metavar="FILE", help="CSV 或 xlsx / a CSV or xlsx file")
    parser.add_argument(
        "--apply",
        action="store_true",
        help="无错误时写入项目 / write into the project when no row is bad",
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON / print one JSON object")


def run_import(args, kind: str) -> CommandResult:
    _, project = load_target(args.target, None, need_unit=False)
    if project is None:
        raise InputError("file", "imports go into a project file, not a unit file")
    pv = (preview_intent if kind == "intent" else preview_votes)(project, Path(args.file))
    data = pv.to_json()
    lines = [f"{pv.source}: {len(pv.rows)} 行可导入 / rows ok, {len(pv.errors)} 行有误 / bad"]
    lines += [f"  {e.text()}" for e in pv.errors]
    if pv.errors:  # every bad row, in the one line of the error (exit 2)
        raise InputError(
            "file",
            f"{pv.source}: {counted(len(pv.errors), 'bad row')}, nothing imported: "
            + "; ".join(e.text() for e in pv.errors),
            message_zh=f"{pv.source}：{len(pv.errors)} 行有误，未导入任何数据："
            + "；".join(e.text_zh() for e in pv.errors),
        )
    if args.apply:
        n = apply_preview(project, pv)
        save_project(project, Path(args.target))
        data["applied"] = n
        lines.append(f"已导入 {n} 户 / {n} households imported")
    else:
        lines.append("预览，未写入；加 --apply 导入 / preview only; add --apply to import")
    return CommandResult(data=data, text="\n".join(lines), json_mode=args.json)


def run(args) -> CommandResult:
    return run_import(args, KIND)
