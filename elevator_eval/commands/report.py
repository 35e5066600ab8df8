"""`elevator-eval report`: write the printed documents as PDF.

Forms::

    elevator-eval report UNIT.json|PROJECT [--unit ID] -o OUT.pdf
                         [--kind proposal|consent-forms|notice] [--lang zh|en] [--unmasked]
    elevator-eval report PROJECT --all -o OUTDIR [--kind proposal|consent-forms|notice]
    elevator-eval report PROJECT --kind census -o OUT.pdf
    elevator-eval report PROJECT|UNIT.json --kind quotes --quotes QUOTES.xlsx -o OUT.pdf

``--unmasked`` prints owners' full names and phone numbers in the public notice (masked by
default). Bad input exits 2 with a message naming the argument or field.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from . import CommandResult, add_target_arguments, is_unit_file

KINDS = ("proposal", "consent-forms", "notice", "census", "quotes")
UNIT_KINDS = ("proposal", "consent-forms", "notice")


def add_arguments(parser) -> None:
    add_target_arguments(parser)
    parser.add_argument("--all", action="store_true",
                        help="项目中每个单元各出一份 / one document per unit of the project")
    parser.add_argument("-o", "--output", metavar="OUT.pdf|OUTDIR",
                        help="输出 PDF 文件（--all 时为文件夹）/ output PDF (a folder with --all)")
    parser.add_argument("--kind", default="proposal", metavar="KIND",
                        help="文件类型 / document: proposal 方案书, consent-forms 意见征询表, "
                             "notice 公示, census 普查报告, quotes 报价比选 (default proposal)")
    parser.add_argument("--lang", default="zh", metavar="zh|en",
                        help="语言 / language (default zh)")
    parser.add_argument("--unmasked", action="store_true",
                        help="公示中显示完整姓名和电话 / notice: print full names and phones")
    parser.add_argument("--quotes", metavar="QUOTES.xlsx",
                        help="报价表（--kind quotes）/ quotes workbook for --kind quotes")
    parser.add_argument("--units", metavar="ID,ID…",
                        help="报价比选的单元（默认全部）/ units for --kind quotes (default all)")
    parser.add_argument("--weights", metavar="WEIGHTS",
                        help="评分权重（--kind quotes）/ tender weights, e.g. "
                             "price=40,technical=40,service=20")
    parser.add_argument("--scores", metavar="FILE.json",
                        help="评委技术/服务分（--kind quotes，需 --weights）/ evaluator points "
                             "{\"PRODUCT\": {\"technical\": 40, \"service\": 18}}")


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
    if args.unmasked and args.kind != "notice":
        raise InputError("--unmasked", "is only used with --kind notice")
    out = Path(args.output)
    if not args.all:
        if out.is_dir():
            raise InputError("-o", f"{out} is a folder; give a file name such as OUT.pdf "
                                   "(a folder is for --all)")
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
        from ..report.census_report import build_census_report
        from ..store import open_project
        project = open_project(path)
        build_census_report(project, lang=args.lang, out=out)
        return _done(args, [out])
    if args.kind == "quotes":
        return _run_quotes(args, out)
    from . import load_target
    unit, project = load_target(args.target, args.unit)
    if args.kind == "proposal":
        from ..report.proposal import build_proposal
        build_proposal(unit, project=project, lang=args.lang, out=out)
    elif args.kind == "consent-forms":
        from ..report.consent_form import build_consent_forms
        if build_consent_forms(unit, project=project, lang=args.lang, out=out):
            from ..store import save_project   # the new form-signing secret must be kept
            save_project(project, Path(args.target))
    else:
        from ..report.notice import build_notice
        build_notice(unit, project=project, lang=args.lang, out=out, masked=not args.unmasked)
    return _done(args, [out])


def _run_all(args, out: Path) -> CommandResult:
    from ..report.batch import write_all_proposals
    from ..store import open_project
    project = open_project(Path(args.target))
    from ..ballots import form_secret
    had_secret = form_secret(project) is not None
    result = write_all_proposals(project, out, lang=args.lang, kind=args.kind)
    if not had_secret and form_secret(project) is not None:   # consent forms made it
        from ..store import save_project
        save_project(project, Path(args.target))
    res = _done(args, list(result))
    res.data["failures"] = [{"unit": u, "error": m} for u, m in result.failures]
    if result.failures:
        res.exit_code = 2
        res.text += "\n" + "\n".join(f"未生成 / not written: {u}: {m}"
                                     for u, m in result.failures)
    return res


def _run_quotes(args, out: Path) -> CommandResult:
    if not args.quotes:
        raise InputError("--quotes", "is required with --kind quotes (the quotes workbook)")
    try:
        from ..io.quotes_xlsx import read_quotes
        from ..procurement import compare
    except ImportError as e:  # pragma: no cover - the procurement engine ships with the app
        raise InputError("--kind", f"quotes are not available ({e})") from None
    from ..procurement import parse_weights
    from .quotes import _load_scores, _load_units
    weights = parse_weights(args.weights) if args.weights else None
    scores = _load_scores(args.scores) if args.scores else None
    if scores is not None and weights is None:
        raise InputError("--weights", "is required with --scores")
    products, errors = read_quotes(args.quotes)
    if errors:
        first = "; ".join(str(e) for e in errors[:3])
        raise InputError(Path(args.quotes).name, f"{len(errors)} bad cell(s): {first}")
    units = _load_units(args.target, args.units)
    project = None
    if not is_unit_file(Path(args.target)):
        from ..store import open_project
        project = open_project(Path(args.target))
    comparison = compare(units, products, weights=weights, scores=scores)
    from ..report.quotes_report import build_quotes_report
    build_quotes_report(comparison, project=project, lang=args.lang, out=out)
    return _done(args, [out])


def _done(args, paths: list) -> CommandResult:
    written = [str(p) for p in paths]
    data = {"kind": args.kind, "written": written, "count": len(written)}
    text = (f"已生成 {len(written)} 个文件 / {len(written)} file(s) written:\n"
            + "\n".join(written))
    return CommandResult(data=data, text=text, json_mode=bool(args.json))
