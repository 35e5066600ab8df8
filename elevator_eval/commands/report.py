"""`elevator-eval report`: write the printed documents as PDF.

Forms::

    elevator-eval report UNIT.json|PROJECT [--unit ID] -o OUT.pdf
                         [--kind proposal|consent-forms|notice] [--lang zh|en] [--unmasked]
    elevator-eval report PROJECT --all -o OUTDIR [--kind proposal|consent-forms|notice]
    elevator-eval report PROJECT --kind census -o OUT.pdf
    elevator-eval report PROJECT|UNIT.json --kind quotes --quotes QUOTES.xlsx -o OUT.pdf

``--unmasked`` prints owners' full names and phone numbers in the notice (masked by
default) and marks it 内部资料，不得张贴. A scheme notice (方案公示) is only written for a
unit whose vote has passed; for any other unit the command exits 2 with the reason, unless
``--progress`` asks for the vote progress notice (表决进展通报). ``--notice-start
YYYY-MM-DD`` and ``--notice-days N`` set the posting dates (default: the project's
``settings["notice"]``, else today and the period of the document rules data). Bad input
exits 2 with a message naming the argument or field.
"""

from __future__ import annotations

from pathlib import Path

from ..ballots import form_secret
from ..errors import InputError
from ..io.quotes_xlsx import read_quotes
from ..procurement import compare, parse_weights, units_for_comparison
from ..report.batch import write_all_proposals
from ..report.census_report import build_census_report
from ..report.consent_form import build_consent_forms
from ..report.docdata import check_days, parse_date
from ..report.notice import build_notice
from ..report.open_items import open_items
from ..report.proposal import build_proposal
from ..report.quotes_report import build_quotes_report
from ..store import open_project, save_project
from ..vocabulary import counted
from . import CommandResult, add_target_arguments, is_unit_file, load_target
from .quotes import load_scores, load_units

KINDS = ("proposal", "consent-forms", "notice", "census", "quotes")
UNIT_KINDS = ("proposal", "consent-forms", "notice")


def add_arguments(parser) -> None:
    add_target_arguments(parser)
    parser.add_argument(
        "--all",
        action="store_true",
        help="项目中每个单元各出一份 / one document per unit of the project",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.pdf|OUTDIR",
        help="输出 PDF 文件（--all 时为文件夹）/ output PDF (a folder with --all)",
    )
    parser.add_argument(
        "--kind",
        default="proposal",
        metavar="KIND",
        help="文件类型 / document: proposal 方案书, consent-forms 意见征询表, "
        "notice 公示, census 普查报告, quotes 报价比选 (default proposal)",
    )
    parser.add_argument(
        "--lang", default="zh", metavar="zh|en", help="语言 / language (default zh)"
    )
    parser.add_argument(
        "--unmasked",
        action="store_true",
        help="内部版：显示完整姓名、电话和表决意见，标注“内部资料，不得张贴” / "
        "notice: full names, phones and votes, marked internal",
    )
    parser.add_argument(
        "--progress",
        action="store_true",
        help="表决未通过时出表决进展通报 / notice: a vote progress notice for a "
        "unit whose vote has not passed",
    )
    parser.add_argument(
        "--notice-start",
        metavar="YYYY-MM-DD",
        help="公示开始日期 / notice: first day of posting (default today)",
    )
    parser.add_argument(
        "--notice-days",
        metavar="N",
        help="公示天数 / notice: posting period in days (default from the rules data: 10)",
    )
    parser.add_argument(
        "--quotes",
        metavar="QUOTES.xlsx",
        help="报价表（--kind quotes）/ quotes workbook for --kind quotes",
    )
    parser.add_argument(
        "--units",
        metavar="ID,ID…",
        help="报价比选的单元（默认全部）/ units for --kind quotes (default all)",
    )
    parser.add_argument(
        "--weights",
        metavar="WEIGHTS",
        help="评分权重（--kind quotes）/ tender weights, e.g. price=40,technical=40,service=20",
    )
    parser.add_argument(
        "--scores",
        metavar="FILE.json",
        help="评委技术/服务分（--kind quotes，需 --weights）/ evaluator points "
        '{"PRODUCT": {"technical": 40, "service": 18}}',
    )


def _check_args(args) -> Path:
    if args.kind not in KINDS:
        raise InputError("--kind", f"must be one of {', '.join(KINDS)}, got {args.kind!r}")
    if args.lang not in ("zh", "en"):
        raise InputError("--lang", f"must be zh or en, got {args.lang!r}")
    if not args.output:
        raise InputError("-o", "is required: the output PDF file (or a folder with --all)")
    if args.all and args.unit:
        raise InputError("--all", "cannot be combined with --unit")
    if args.all and args.kind not in UNIT_KINDS:
        raise InputError("--all", f"works with --kind {', '.join(UNIT_KINDS)}, not {args.kind}")
    for name in ("quotes", "units", "weights", "scores"):
        if args.kind != "quotes" and getattr(args, name):
            raise InputError(f"--{name}", "is only used with --kind quotes")
    for name in ("unmasked", "progress", "notice_start", "notice_days"):
        if getattr(args, name, None) and args.kind != "notice":
            raise InputError("--" + name.replace("_", "-"), "is only used with --kind notice")
    if getattr(args, "notice_start", None):
        parse_date(args.notice_start, "--notice-start")
    if getattr(args, "notice_days", None):
        check_days(args.notice_days, "--notice-days")
    out = Path(args.output)
    if not args.all:
        if out.is_dir():
            raise InputError(
                "-o", f"{out} is a folder; give a file name such as OUT.pdf (a folder is for --all)"
            )
        if out.suffix.lower() != ".pdf":
            raise InputError("-o", f"must end in .pdf, got {out.name!r}")
        if not out.parent.exists() and str(out.parent) not in ("", "."):
            raise InputError("-o", f"folder {out.parent} does not exist")
    return out


def run(args) -> CommandResult:
    out = _check_args(args)
    path = Path(args.target)
    if not path.exists():
        raise InputError("file", f"{args.target} does not exist")
    if path.is_dir():
        raise InputError("file", f"{args.target} is a folder, not a file")
    unit_file = is_unit_file(path)
    if args.all:
        if unit_file:
            raise InputError("--all", "needs a project file, not a unit file")
        return _run_all(args, out)
    if args.kind == "census":
        if unit_file:
            raise InputError("--kind", "census needs a project file, not a unit file")
        project = open_project(path)
        build_census_report(project, lang=args.lang, out=out)
        return _done(args, [out])
    if args.kind == "quotes":
        return _run_quotes(args, out)
    unit, project = load_target(args.target, args.unit)
    if args.kind == "proposal":
        build_proposal(unit, project=project, lang=args.lang, out=out)
    elif args.kind == "consent-forms":
        if build_consent_forms(unit, project=project, lang=args.lang, out=out):
            save_project(project, Path(args.target))  # keep the new form-signing secret
    else:
        build_notice(unit, project=project, lang=args.lang, out=out, **notice_options(args))
    res = _done(args, [out])
    if args.kind == "proposal":
        gaps = open_items(unit)
        res.data["to_complete"] = [{"zh": zh, "en": en} for zh, en in gaps]
        if gaps:
            res.text += "\n待补充后再分发 / to complete before handing it out:\n" + "\n".join(
                f"  - {zh} / {en}" for zh, en in gaps
            )
    return res


def notice_options(args) -> dict:
    """Keyword arguments of :func:`~elevator_eval.report.notice.build_notice` from the
    command line."""
    return {
        "masked": not args.unmasked,
        "progress": bool(args.progress),
        "start": parse_date(args.notice_start, "--notice-start") if args.notice_start else None,
        "notice_days": check_days(args.notice_days, "--notice-days") if args.notice_days else None,
    }


def _run_all(args, out: Path) -> CommandResult:
    project = open_project(Path(args.target))
    created = False
    if args.kind == "consent-forms":
        # the form-signing secret is made here, once, before the forms are built on
        # several processes: every form of the project is signed with the same key
        created = form_secret(project) is None
        form_secret(project, create=True)
    result = write_all_proposals(
        project,
        out,
        lang=args.lang,
        kind=args.kind,
        options=notice_options(args) if args.kind == "notice" else None,
    )
    if created:  # the new secret must be kept, or no returned form could be verified
        save_project(project, Path(args.target))
    res = _done(args, list(result))
    res.data["failures"] = [{"unit": u, "error": m} for u, m in result.failures]
    if result.failures:
        res.exit_code = 2
        res.text += "\n" + "\n".join(f"未生成 / not written: {u}: {m}" for u, m in result.failures)
    return res


def _run_quotes(args, out: Path) -> CommandResult:
    if not args.quotes:
        raise InputError("--quotes", "is required with --kind quotes (the quotes workbook)")
    weights = parse_weights(args.weights) if args.weights else None
    if weights is not None and not args.scores:
        raise InputError("--scores", "is required with --weights (the evaluators' points)")
    scores = load_scores(args.scores) if args.scores else None
    if scores is not None and weights is None:
        raise InputError("--weights", "is required with --scores")
    products, errors = read_quotes(args.quotes)
    if errors:
        first = "; ".join(str(e) for e in errors[:3])
        first_zh = "；".join(e.text_zh() for e in errors[:3])
        raise InputError(
            Path(args.quotes).name,
            f"{counted(len(errors), 'bad cell')}: {first}",
            message_zh=f"{len(errors)} 个单元格有误：{first_zh}",
        )
    units = load_units(args.target, args.units)
    project = None
    if not is_unit_file(Path(args.target)):
        project = open_project(Path(args.target))
    if not args.units:  # unless units are named: those suitable or difficult, fits counted
        units = units_for_comparison(units, project) or units
    comparison = compare(
        units, products, weights=weights, scores=scores, count_unknown=bool(args.units)
    )
    build_quotes_report(comparison, project=project, lang=args.lang, out=out)
    return _done(args, [out])


def _done(args, paths: list) -> CommandResult:
    written = [str(p) for p in paths]
    data = {"kind": args.kind, "written": written, "count": len(written)}
    n = len(written)
    text = f"已生成 {n} 个文件 / {counted(n, 'file')} written:\n" + "\n".join(written)
    return CommandResult(data=data, text=text, json_mode=bool(args.json))
