"""`elevator-eval assess UNIT.json|PROJECT [--unit ID] [--json] [--xlsx OUT] [--year Y]`.

On a unit (a unit file, or a project with ``--unit``) it prints the class, every finding
with its severity and remedy, and the consent state beside the class. On a project without
``--unit`` it prints the census of the whole project (``--xlsx OUT`` also writes it to
Excel).
"""

from __future__ import annotations

from ..census import census, render_census
from ..consent import STATE_LABELS
from ..errors import InputError
from ..io.census_xlsx import export_census_xlsx
from ..rulebook import resolve
from ..suitability import assess
from ..vocabulary import label
from . import CommandResult, add_target_arguments, load_target, only_unit


def add_arguments(parser) -> None:
    add_target_arguments(parser)
    parser.add_argument(
        "--rules",
        metavar="NAME",
        help="规则（适宜性或表决规则名）/ suitability or consent ruleset name",
    )
    parser.add_argument(
        "--year",
        type=int,
        metavar="YEAR",
        help="剩余设计年限的参考年份（默认今年）/ reference year for the "
        "design-life check (default: this year)",
    )
    parser.add_argument(
        "--xlsx",
        metavar="OUT.xlsx",
        help="把普查表写入 Excel（项目不带 --unit 时）/ write the census to "
        "Excel (project without --unit)",
    )


def render_assessment(a) -> str:
    """Chinese-first text of an :class:`~elevator_eval.suitability.Assessment`."""
    c = a.counts
    lines = [
        f"单元 / unit {a.unit_id}: {a.label_zh} / {a.label_en}",
        f"干扰因素 / factors: 重大 major {c['major']}，强 strong {c['strong']}，"
        f"弱 weak {c['weak']}    规则 / ruleset: {a.ruleset}",
        f"主要原因 / main reason: {a.main_reason_zh}",
        f"    {a.main_reason_en}",
    ]
    for i, f in enumerate(a.findings, 1):
        lines.append(f"{i}. [{f.severity_label('zh')} / {f.severity}] {f.message_zh}")
        lines.append(f"   {f.message_en}")
        if f.remedy_zh:
            lines.append(f"   对策 / remedy: {f.remedy_zh} / {f.remedy_en}")
        lines.append(f"   依据 / source: {f.source}")
    if a.to_improve:
        named = [f for f in a.findings if f.code in set(a.to_improve)]
        lines.append(
            "消除以下因素可提升等级 / removing these would improve the class: "
            + ", ".join(f"{label('findings', c)} {c}" for c in a.to_improve)
        )
        for f in named:
            lines.append(f"    {f.message_zh} / {f.message_en}")
    if a.not_surveyed:
        lines.append("未调查（不计入）/ not surveyed (no finding): " + ", ".join(a.not_surveyed))
    if a.consent is not None:
        zh, en = STATE_LABELS[a.consent.state]
        lines.append(f"表决状态（不计入适宜性等级）/ consent (not part of the class): {zh} / {en}")
        if a.consent.needed is not None:
            lines.append(f"    {a.consent.needed.reason_zh}")
            lines.append(f"    {a.consent.needed.reason_en}")
    else:
        lines.append(
            "表决状态 / consent: 表决数据有误，见 consent 命令 / invalid votes, see "
            "the consent command"
        )
    return "\n".join(lines)


def run(args) -> CommandResult:
    unit, project = load_target(args.target, args.unit, need_unit=False)
    if unit is None:
        cen = census(project, ruleset=args.rules, year=args.year)
        if args.xlsx:
            export_census_xlsx(cen, args.xlsx)
        data = {"census": cen.to_json()}
        only = only_unit(project)
        if only is not None:  # a project of one unit: its assessment's keys as well
            a = assess(only, year=args.year, bundle=resolve(project, only, args.rules))
            data = {**a.to_json(), **data}
        return CommandResult(data=data, text=render_census(cen), json_mode=args.json)
    if args.xlsx:
        raise InputError("--xlsx", "writes a project's census; use it without --unit")
    a = assess(unit, year=args.year, bundle=resolve(project, unit, args.rules))
    return CommandResult(data=a.to_json(), text=render_assessment(a), json_mode=args.json)
