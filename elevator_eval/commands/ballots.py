"""`elevator-eval ballots PROJECT SCANS… [--json] [--record]`: read returned consent forms.

Prints, per form found, the unit, owner, homes, vote and confidence, or the reason it was
not counted (review queue or flagged). With ``--record`` the counted votes are recorded in
the project (source ``paper``, hash-chained audit log) and the scans are kept in the folder
``PROJECT.ballots`` beside it; nothing is recorded when any input is unreadable. Exit 2
when an input cannot be read, with a one-line reason per file on stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError
from ..io.ballots.batch import evidence_dir, read_scans, record_results
from ..report.ballot_reading import scheme_of
from ..store import open_project, save_project
from . import CommandResult

STATUS_TEXT = {
    "counted": "计入 / counted",
    "recorded": "已录入 / recorded",
    "review": "待复核 / review",
    "flagged": "未计入 / not counted",
    "unreadable": "无法读取 / unreadable",
}
VOTE_TEXT = {"yes": "同意 / yes", "no": "反对 / no", "abstain": "弃权 / abstain"}


def add_arguments(parser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="项目文件 / the project file")
    parser.add_argument(
        "scans",
        metavar="SCAN",
        nargs="+",
        help="扫描件或文件夹（PNG、JPEG、PDF）/ scans or folders",
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON / print one JSON object")
    parser.add_argument(
        "--record",
        action="store_true",
        help="把计入的票录入项目 / record the counted votes in the project",
    )


def _line(r) -> str:
    where = r.file + (
        f" 第{r.page}页 / p{r.page}" if r.page > 1 or r.file.lower().endswith(".pdf") else ""
    )
    if r.status == "unreadable":
        return f"{where}: {STATUS_TEXT['unreadable']}: {r.reason}"
    who = ""
    if r.unit:
        who = f" {r.unit} 业主 owner {r.owner}（{'/'.join(r.homes)}）表单 form {r.serial}"
    if r.status in ("counted", "recorded"):
        return (
            f"{where}:{who} {VOTE_TEXT[r.vote]} 置信度 confidence {r.confidence:.2f} "
            f"→ {STATUS_TEXT[r.status]}"
        )
    return f"{where}:{who} → {STATUS_TEXT[r.status]}: {r.reason}"


def run(args) -> CommandResult:
    path = Path(args.project)
    if not path.is_file():
        raise InputError("PROJECT", f"{args.project} is not a project file")
    project = open_project(path)
    results = read_scans(project, args.scans, scheme_of=scheme_of(project))
    if not results:
        raise InputError("SCAN", "no PNG, JPEG or PDF file found")
    bad = [r for r in results if r.status == "unreadable"]
    recorded = []
    if args.record and not bad:
        recorded = record_results(project, results, path)
        if recorded:
            save_project(project, path)
    counts = {s: sum(r.status == s for r in results) for s in STATUS_TEXT}
    lines = [_line(r) for r in results]
    lines.append(
        f"共 {len(results)} 份 / forms: 计入 counted {counts['counted']}，"
        f"已录入 recorded {counts['recorded']}，待复核 review {counts['review']}，"
        f"未计入 not counted {counts['flagged']}，无法读取 unreadable "
        f"{counts['unreadable']}"
    )
    if args.record and bad:
        lines.append("有文件无法读取，未录入任何票 / an input is unreadable: nothing recorded")
    elif recorded:
        lines.append(f"扫描件保存在 / scans kept in: {evidence_dir(path).name}")
    for r in bad:
        sys.stderr.write(f"error: {r.file}: {r.reason}\n")
    data = {
        "project": path.name,
        "forms": [r.to_json() for r in results],
        "counts": counts,
        "recorded": len(recorded),
        "evidence_folder": evidence_dir(path).name if recorded else None,
    }
    return CommandResult(
        data=data, text="\n".join(lines), json_mode=args.json, exit_code=2 if bad else 0
    )
