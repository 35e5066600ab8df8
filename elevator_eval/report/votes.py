"""The vote section shared by the proposal and the notice.

Public documents (the proposal handed to every owner, the posted notice) never pair a door
with a vote and never name who must still agree or change a vote: they print counts and
areas against the legal thresholds, and what is still needed as a number of owners. Only
the internal (unmasked) notice, or a ruleset whose data requires named disclosure
(``named_disclosure: true``), lists doors.

A missing participation is worded as such: an owner who has not voted must *take part and
agree* (需参与表决并同意), one who voted no or abstained must *change to agree*. Counts are
of owners (业主, one head per owner whatever the number of flats), never of households.
"""

from __future__ import annotations

from fractions import Fraction

from ..vocabulary import agreeing, counted
from . import labels as L
from .common import Tr, fmt_area, fmt_pct, para, table, unavailable


def _ratio_text(r: Fraction | None) -> str:
    if r is None:
        return "—"
    return f"{r.numerator}/{r.denominator}"


def owner_doors(unit) -> dict[str, list[str]]:
    """Owner id → the doors of that owner's flats."""
    out: dict[str, list[str]] = {}
    for h in unit.households:
        out.setdefault(h.owner_id, []).append(h.id)
    return out


def owner_votes(unit) -> dict[str, str | None]:
    """Owner id → that owner's vote (one vote per owner)."""
    out: dict[str, str | None] = {}
    for h in unit.households:
        out.setdefault(h.owner_id, h.vote)
    return out


def needed_text(c, unit, t: Tr, *, named: bool) -> str:
    """What it still takes to pass, in words; doors only when ``named``."""
    n = c.needed
    if n is None:
        return ""
    votes = owner_votes(unit)
    doors = owner_doors(unit)
    blocking = set(c.blocking) | set(getattr(c, "objecting", []) or [])
    vetoed = [o for o in n.owners if o in blocking and votes.get(o) == "no"]
    absent = [o for o in n.owners if votes.get(o) is None]
    change = [o for o in n.owners if votes.get(o) is not None]

    def who(ids):
        if not named or not ids:
            return ""
        return (
            t("（", " (")
            + t("、", ", ").join("/".join(doors.get(o, [o])) for o in ids)
            + t("）", ")")
        )

    if not n.possible and not named:
        # posted: neither doors nor a count (among the few affected owners a count of one
        # points at a neighbour)
        text = t(
            "目前无法通过：专有部分受影响（或依规则可否决）的业主尚未全部同意，须取得其书面同意",
            "Cannot pass as it stands: not every owner whose exclusive part is affected (or "
            "who can veto under the rule) has agreed; their written consent is needed",
        )
    elif not n.possible:
        text = t(
            f"目前无法通过：有 {len(vetoed)} 位专有部分受影响（或依规则可否决）的业主尚未同意"
            f"{who(vetoed)}，须取得其书面同意",
            f"Cannot pass as it stands: {counted(len(vetoed), 'owner')} whose exclusive part "
            f"is affected (or who can veto under the rule) "
            f"{agreeing(len(vetoed), 'has', 'have')} not agreed{who(vetoed)}; "
            + agreeing(len(vetoed), "that owner's", "their")
            + " written consent is needed",
        )
    if not n.possible:
        if n.additional_yes > len(vetoed):
            text += t(
                f"，共需 {n.additional_yes} 位业主同意",
                f"; {n.additional_yes} owners in all would have to agree",
            )
        return text + t("。", ".")
    parts = []
    if absent:
        parts.append(
            t(
                f"{len(absent)} 位尚未表决的业主需参与表决并同意{who(absent)}",
                f"{counted(len(absent), 'owner')} who {agreeing(len(absent), 'has', 'have')} "
                f"not voted must take part and agree{who(absent)}",
            )
        )
    if change:
        parts.append(
            t(
                f"{len(change)} 位已表决但未同意的业主改为同意{who(change)}",
                f"{counted(len(change), 'owner')} who voted no or abstained "
                f"{agreeing(len(change), 'changes', 'change')} to yes{who(change)}",
            )
        )
    text = t("还需：", "Still needed: ") + t("；", "; ").join(parts)
    if set(n.owners) & set(c.blocking):
        text += t(
            "（其中专有部分受影响的业主必须同意）",
            " (owners whose exclusive part is affected must agree)",
        )
    return text + t("。", ".")


def consent_section(
    d,
    t: Tr,
    width: float,
    *,
    heading: str | None,
    named: bool = False,
    cell_size: float | None = None,
) -> list:
    """Heading (when given), the threshold table, the counts and what is still needed.

    Parameters
    ----------
    d : ProposalData
    named : bool
        Name doors (internal documents, or a ruleset requiring named disclosure).
    cell_size : float, optional
        Table text size [pt] (the notice prints at 10 pt).
    """
    story = [para(heading, "h2")] if heading else []
    c = d.consent
    if c is None:
        story.append(unavailable(t, "表决统计", "Vote tally", d.missing.get("consent", "")))
        return story
    r = d.consent_rules
    title = c.ruleset_title_zh if t.lang == "zh" else c.ruleset_title_en
    story.append(
        para(
            t(f"表决规则：{title or c.ruleset}", f"Ruleset: {title or c.ruleset}"),
            "body" if cell_size else "small",
        )
    )
    rows = [[t("条件", "Test"), t("要求", "Required"), t("当前", "Now"), t("结果", "Result")]]
    rows += _participation_rows(c, r, t) + _approval_rows(c, r, t)
    rows += _unanimity_rows(c, r, t, owner_doors(d.unit), named)
    story.append(
        table(rows, [width * 0.25, width * 0.23, width * 0.36, width * 0.16], font_size=cell_size)
    )
    story.append(_counts_para(c, t))
    need = needed_text(c, d.unit, t, named=named)
    if need:
        story.append(para(need, "body"))
    story.append(para(t("依据：", "Source: ") + consent_source(d, t), "tiny"))
    return story


def _ok(v, t: Tr) -> str:
    return t("满足", "met") if v else t("未满足", "not met")


def _frac(part, whole, ok: bool) -> str:
    """``part / whole`` as a percentage beside a test's result, rounded towards the result:
    up when the test is met, down when it is not, so that a share just under the threshold
    never prints as the same figure as one at it (400.00 / 600.01 m² is 66.6 % and not met
    where 8 / 12 owners is 66.7 % and met; both read 66.7 % rounded half up)."""
    from decimal import ROUND_CEILING, ROUND_FLOOR

    if not whole:
        return "—"
    return fmt_pct(Fraction(part) / Fraction(whole), 1, ROUND_CEILING if ok else ROUND_FLOOR)


def _participation_rows(c, r, t: Tr) -> list[list[str]]:
    """The two participation tests (area, owners), when the ruleset has them."""
    pr = getattr(r, "participation_ratio", None)
    if pr is None:
        return []
    rel = "≥" if getattr(r, "participation_inclusive", True) else ">"
    return [
        [
            t("参与表决的专有面积", "Area taking part"),
            f"{rel} {_ratio_text(pr)} " + t("总面积", "of total"),
            f"{fmt_area(c.area_taking_part_m2)} / {fmt_area(c.area_total_m2)} {t.m2} "
            f"({_frac(c.area_taking_part_m2, c.area_total_m2, c.participation_area_ok)})",
            _ok(c.participation_area_ok, t),
        ],
        [
            t("参与表决的业主人数", "Owners taking part"),
            f"{rel} {_ratio_text(pr)} " + t("业主总人数", "of all owners"),
            f"{c.heads_taking_part} / {c.heads_total} "
            f"({_frac(c.heads_taking_part, c.heads_total, c.participation_headcount_ok)})",
            _ok(c.participation_headcount_ok, t),
        ],
    ]


def _approval_rows(c, r, t: Tr) -> list[list[str]]:
    """The two approval tests (area, owners) against all owners or the participants."""
    ar = getattr(r, "approval_ratio", None)
    base_all = getattr(r, "approval_base", "participating") == "all"
    nobody = t("无人参与表决", "nobody voted")
    area_base = c.area_total_m2 if base_all else c.area_taking_part_m2
    head_base = c.heads_total if base_all else c.heads_taking_part
    base_zh = "全体业主" if base_all else "参与表决业主"
    base_en = "all owners" if base_all else "participants"
    rel = "≥" if getattr(r, "approval_inclusive", True) else ">"
    return [
        [
            t("同意的专有面积", "Area voting yes"),
            f"{rel} {_ratio_text(ar)} " + t(base_zh + "面积", "of " + base_en),
            f"{fmt_area(c.area_yes_m2)} / {fmt_area(area_base)} {t.m2} "
            f"({_frac(c.area_yes_m2, area_base, c.approval_area_ok)})",
            _ok(c.approval_area_ok, t) if area_base else nobody,
        ],
        [
            t("同意的业主人数", "Owners voting yes"),
            f"{rel} {_ratio_text(ar)} " + t(base_zh + "人数", "of " + base_en),
            f"{c.heads_yes} / {head_base} "
            f"({_frac(c.heads_yes, head_base, c.approval_headcount_ok)})",
            _ok(c.approval_headcount_ok, t) if head_base else nobody,
        ],
    ]


def _unanimity_rows(c, r, t: Tr, doors: dict[str, list[str]], named: bool) -> list[list[str]]:
    """The affected-owner veto and the no-objection tests, when the ruleset has them;
    doors are named only when ``named``."""

    def door_list(owner_ids):
        return t("、", ", ").join("/".join(doors.get(o, [o])) for o in owner_ids)

    rows = []
    if getattr(r, "exclusive_part_veto", True):
        if not c.blocking:
            now = t("无未同意者", "none outstanding")
        elif named:
            now = t("未同意：", "not yet: ") + door_list(c.blocking)
        else:
            # posted: no count either — among the few affected owners a count points at one
            now = t("尚未全部同意", "not all have agreed")
        rows.append(
            [
                t("专有部分受影响业主同意", "Affected owners agree"),
                t("须全部同意", "all must agree"),
                now,
                _ok(not c.blocking, t),
            ]
        )
    if getattr(r, "no_objection_required", False):
        if not c.objecting:
            now = t("无", "none")
        elif named:
            now = door_list(c.objecting)
        else:
            now = t("有", "some")
        rows.append(
            [
                t("无明确反对", "No explicit objection"),
                t("无人反对", "no 'no' vote"),
                now,
                _ok(c.objection_ok, t),
            ]
        )
    return rows


def _counts_para(c, t: Tr):
    """How many owners voted which way, and the state of the vote."""
    state = L.label(L.CONSENT_STATES, c.state, t)
    return para(
        t(
            f"业主共 {c.heads_total} 位（一位业主拥有多套住房的计一票）：同意 {c.heads_yes} 位、"
            f"反对 {c.heads_no} 位、弃权 {c.heads_abstain} 位、未参与 "
            f"{c.heads_total - c.heads_taking_part} 位。结论：{state}。",
            f"{c.heads_total} owners (an owner of several flats has one vote): "
            f"yes {c.heads_yes}, no {c.heads_no}, abstain {c.heads_abstain}, not "
            f"taking part {c.heads_total - c.heads_taking_part}. State: {state}.",
        ),
        "body",
    )


def consent_source(d, t: Tr) -> str:
    """The consent ruleset's source in this document's language, from the ruleset in force
    for the unit (``d.consent_rules``, the one the tally used, project-defined or shipped):
    its ``source_zh`` / ``source_en``, else the source when it can stand in that language,
    else the ruleset's title (:meth:`~elevator_eval.consent_rules.ConsentRuleset.source_in`).
    Without the ruleset, the tally's own source and titles."""
    r = d.consent_rules
    if r is not None:
        return str(r.source_in(t.lang))
    from ..language import source_in

    c = d.consent
    return source_in(
        t.lang,
        str(c.ruleset_source or ""),
        fallback_zh=c.ruleset_title_zh or c.ruleset,
        fallback_en=c.ruleset_title_en or c.ruleset,
    )
