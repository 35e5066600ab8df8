"""`elevator-eval consent UNIT.json|PROJECT [--unit ID] [--rules NAME] [--json]`."""

from __future__ import annotations

from ..consent import STATE_LABELS, tally
from ..rulebook import resolve
from . import CommandResult, add_target_arguments, load_target


def add_arguments(parser) -> None:
    add_target_arguments(parser)
    parser.add_argument(
        "--rules",
        metavar="NAME",
        help="表决规则（默认取单元的 rules）/ consent ruleset (default: the unit's rules)",
    )


def _yn(ok: bool) -> str:
    return "✓ 满足 / met" if ok else "✗ 未满足 / not met"


def _approval(r, ok: bool) -> str:
    """An approval test: with nobody taking part it holds only vacuously, so say so."""
    if ok and r.heads_taking_part == 0:
        return "— 无人参与表决 / nobody voted"
    return _yn(ok)


def _doors(unit, owner_ids) -> str:
    """Owner ids with their door numbers: ``O-101（101）``; an owner of several flats lists
    all of them (``O-6（601/602）``)."""
    if unit is None:
        return ", ".join(owner_ids)
    doors: dict[str, list[str]] = {}
    for h in unit.households:
        doors.setdefault(h.owner_id, []).append(h.id)
    return ", ".join(
        f"{o}（{'/'.join(doors[o])}）" if o in doors and doors[o] != [o] else o for o in owner_ids
    )


def render_text(r, unit=None) -> str:
    """Chinese-first text of a :class:`~elevator_eval.consent.ConsentResult`; with the
    ``unit``, owners are also named by their door numbers."""
    zh, en = STATE_LABELS[r.state]
    lines = [
        f"单元 / unit {r.unit_id}    规则 / rules: {r.ruleset_title_zh}",
        f"    {r.ruleset_title_en}",
        f"结论 / result: {'通过' if r.passed else '未通过'} / "
        f"{'passed' if r.passed else 'not passed'}    状态 / state: {zh} / {en}",
        f"业主 / owners: 共 total {r.heads_total} 人，参与 taking part {r.heads_taking_part}，"
        f"同意 yes {r.heads_yes}，反对 no {r.heads_no}，弃权 abstain {r.heads_abstain}",
        f"专有面积 / area m²: 共 total {r.area_total_m2:,.2f}，参与 taking part "
        f"{r.area_taking_part_m2:,.2f}，同意 yes {r.area_yes_m2:,.2f}",
        f"参与（面积）/ participation by area:   {_yn(r.participation_area_ok)}",
        f"参与（人数）/ participation by heads:  {_yn(r.participation_headcount_ok)}",
        f"同意（面积）/ approval by area:        {_approval(r, r.approval_area_ok)}",
        f"同意（人数）/ approval by heads:       {_approval(r, r.approval_headcount_ok)}",
    ]
    if r.objecting:
        lines.append(f"明确反对 / explicit objection: {_doors(unit, r.objecting)}")
    if r.blocking:
        lines.append(
            f"专有部分受影响、尚未同意 / exclusive part affected, not yet yes: "
            f"{_doors(unit, r.blocking)}"
        )
    for w in r.warnings:
        lines.append(f"注意 / note: {w}")
    if r.needed is not None:
        lines.append(f"还需 / needed: {r.needed.reason_zh}")
        lines.append(f"    {r.needed.reason_en}")
        if r.needed.owners:
            lines.append(f"    业主（门牌）/ owners (doors): {_doors(unit, r.needed.owners)}")
    return "\n".join(lines)


def run(args) -> CommandResult:
    unit, project = load_target(args.target, args.unit)
    result = tally(unit, resolve(project, unit, args.rules).consent)
    data, text = result.to_json(), render_text(result, unit)
    if project is not None:  # a project keeps a vote log; a unit file has none
        from ..audit import unlogged_votes

        doors = unlogged_votes(unit, project.vote_log)
        data["unlogged_votes"] = doors
        if doors:
            text += (
                "\n未在表决记录中的现有表决（须另有依据）/ present votes not in the vote log "
                f"(need their own evidence): {'、'.join(doors)}"
            )
    return CommandResult(data=data, text=text, json_mode=args.json)
