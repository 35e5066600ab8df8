"""`elevator-eval privacy PROJECT …`: one resident's personal information.

    elevator-eval privacy PROJECT --resident UNIT:ID [--json] [-o COPY.pdf] [--lang zh|en]
    elevator-eval privacy PROJECT --erase UNIT:ID --yes
    elevator-eval privacy PROJECT --retention-days N|none
    elevator-eval privacy PROJECT --purge-expired [--today YYYY-MM-DD]

``--resident`` prints (or writes as a PDF) everything the project holds about the
resident; ``--erase`` deletes it and saves the project (:mod:`elevator_eval.privacy`);
``--retention-days`` sets the retention period; ``--purge-expired`` applies it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from .. import privacy
from ..errors import InputError
from ..report.resident_report import build_resident_report
from ..store import open_project, save_project
from . import CommandResult
from .export_unit import output_path


def add_arguments(parser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="项目文件 / project file (.eeproj)")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--resident",
        metavar="UNIT:ID",
        help="查阅某位业主的个人信息 / report what is held about a resident",
    )
    what.add_argument(
        "--erase",
        metavar="UNIT:ID",
        help="删除某位业主的个人信息（需 --yes）/ erase a resident (needs --yes)",
    )
    what.add_argument(
        "--retention-days",
        metavar="N|none",
        help="设定保存期限（天）/ set the retention period in days",
    )
    what.add_argument(
        "--purge-expired",
        action="store_true",
        help="删除超过保存期限的联系方式与备注 / apply the retention period",
    )
    parser.add_argument("--yes", action="store_true", help="确认删除 / confirm --erase")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="今天的日期 / today's date")
    parser.add_argument(
        "-o",
        "--output",
        metavar="COPY.pdf",
        help="以 PDF 输出查阅答复 / write the resident's copy as a PDF",
    )
    parser.add_argument("--lang", default="zh", metavar="zh|en", help="PDF 语言 / language")
    parser.add_argument("--json", action="store_true", help="输出 JSON / print one JSON object")


def _today(value: str | None) -> str:
    if value is None:
        return dt.date.today().isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError("--today", f"must be a date YYYY-MM-DD, got {value!r}") from None


def _save(project, path: Path) -> None:
    try:
        save_project(project, path)
    except OSError as e:
        raise InputError("PROJECT", f"cannot write {path}: {e.strerror or e}") from None


def run(args) -> CommandResult:
    if args.lang not in ("zh", "en"):
        raise InputError("--lang", f"must be zh or en, got {args.lang!r}")
    path = Path(args.project)
    today = _today(args.today)
    project = open_project(path)
    if args.resident is not None:
        record = privacy.resident_record(project, args.resident)
        if args.output:
            out = output_path(args.output)
            build_resident_report(record, out=out, lang=args.lang)
            text = f"已写出 {out} / wrote {out}"
            return CommandResult(
                data={"output": str(out), **record}, text=text, json_mode=args.json
            )
        return CommandResult(
            data=record,
            json_mode=bool(args.json),
            text=json.dumps(record, ensure_ascii=False, indent=2),
        )
    if args.erase is not None:
        if not args.yes:
            raise InputError("--yes", "erasing a resident cannot be undone: add --yes")
        rec = privacy.erase_resident(project, args.erase, today=today)
        _save(project, path)
        text = (
            f"已删除 {args.erase} 的个人信息（{rec['households']} 户，{rec['vote_log_notes_erased']}"
            f" 条表决备注）/ erased {args.erase} ({rec['households']} households, "
            f"{rec['vote_log_notes_erased']} vote-log notes)"
        )
        return CommandResult(data=rec, text=text, json_mode=args.json)
    if args.retention_days is not None:
        v = args.retention_days.strip().lower()
        days = None if v in ("none", "0", "") else _int(v)
        privacy.set_retention_days(project, days)
        _save(project, path)
        text = f"保存期限：{days or '未设定'} 天 / retention: {days or 'none'} days"
        return CommandResult(data={"retention_days": days}, text=text, json_mode=args.json)
    n = privacy.purge_expired(project, today)
    if n:
        _save(project, path)
    text = f"已删除 {n} 户的联系方式与备注 / purged contact details and notes of {n} households"
    return CommandResult(
        data={"purged": n, "retention_days": privacy.retention_days(project)},
        text=text,
        json_mode=args.json,
    )


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise InputError(
            "--retention-days", f"must be a number of days or none, got {text!r}"
        ) from None
