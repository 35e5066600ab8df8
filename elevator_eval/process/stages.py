"""The stages of a unit's procedure and the rules that guard each move.

The stages, their order, the expected time in each (经验值) and the prerequisites of
entering a stage are data: ``elevator_eval/rules/stages/<name>.json`` (default
``standard``). Keys:

``stages``
    ordered list of ``{"key", "zh", "en", "expected_days"}``; ``expected_days`` is
    ``null`` for a stage without an end (运维).
``prerequisites``
    stage key → list of ``{"check", "source"}`` that must hold to *enter* that stage.
``every_stage``
    checks that must hold for every move.

Checks (the only code here): ``vote_passed`` (the statutory tally of
:mod:`elevator_eval.consent` passes), ``no_unanswered_objection`` (every objection has a
written reply), ``no_open_objection`` (every objection resolved), ``acceptance_document``
(the acceptance stage links at least one document, the inspection report) and
``no_open_blocker``.

A unit moves one stage at a time, forward, on a date not before the last move.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from ..consent import tally
from ..errors import InputError
from ..model import Project, Unit
from ..rulebook import resolve
from ..vocabulary import agreeing
from .records import ProcessData, StageEntry, read_process, write_process

# the stage ruleset is part of this module's interface (explicit re-exports)
from .stage_rules import CHECKS as CHECKS
from .stage_rules import DEFAULT as DEFAULT
from .stage_rules import KIND as KIND
from .stage_rules import NOT_STARTED as NOT_STARTED
from .stage_rules import Stage as Stage
from .stage_rules import StageRules as StageRules
from .stage_rules import load_rules as load_rules
from .stage_rules import stage_keys as stage_keys
from .stage_rules import validate as validate

# -------------------------------------------------------------------------------- checks


@dataclass
class Refusal:
    """Why a move is not allowed, in Chinese and English, with the rule's source."""

    check: str
    zh: str
    en: str
    source: str = ""

    def to_json(self) -> dict[str, str]:
        return {"check": self.check, "zh": self.zh, "en": self.en, "source": self.source}


def _vote_passed(unit: Unit, project: Project | None) -> bool:
    return tally(unit, resolve(project, unit).consent).passed


def _run_check(
    check: str, source: str, unit: Unit, pd: ProcessData, project: Project | None
) -> Refusal | None:
    if check == "vote_passed":
        if not _vote_passed(unit, project):
            return Refusal(
                check,
                "业主表决尚未通过（见表决统计中的“还需”）",
                "the owners' vote has not passed yet (see what is needed)",
                source,
            )
    elif check == "no_unanswered_objection":
        ids = [o.id for o in pd.objections if o.status == "open"]
        if ids:
            return Refusal(
                check,
                f"仍有未答复的异议：{'、'.join(ids)}",
                f"{agreeing(len(ids), 'an objection', 'objections')} without a written reply: "
                f"{', '.join(ids)}",
                source,
            )
    elif check == "no_open_objection":
        ids = [o.id for o in pd.objections if o.status != "resolved"]
        if ids:
            return Refusal(
                check,
                f"仍有未处理完毕的异议：{'、'.join(ids)}",
                f"{agreeing(len(ids), 'an objection', 'objections')} not yet resolved: "
                f"{', '.join(ids)}",
                source,
            )
    elif check == "acceptance_document":
        acc = [s for s in pd.stages if s.stage == "acceptance"]
        if not acc or not acc[-1].documents:
            return Refusal(
                check,
                "验收阶段未关联监督检验报告",
                "no inspection report is linked to the acceptance stage",
                source,
            )
    elif check == "no_open_blocker":
        open_b = pd.open_blockers()
        if open_b:
            return Refusal(
                check,
                f"有未解决的阻碍：{open_b[0].text}",
                f"an open blocker: {open_b[0].text}",
                source,
            )
    return None


def refusals(
    unit: Unit,
    stage: str,
    date: str,
    *,
    project: Project | None = None,
    rules: StageRules | None = None,
) -> list[Refusal]:
    """Every reason why ``unit`` may not enter ``stage`` on ``date`` (empty: allowed)."""
    rules = rules or load_rules()
    target = rules.index(stage)
    pd = read_process(unit)
    out: list[Refusal] = []
    cur = pd.current
    cur_i = -1 if cur is None else rules.index(cur.stage)
    if target <= cur_i:
        out.append(
            Refusal(
                "order",
                f"单元已处于“{rules.stages[cur_i].zh}”，不能回到或重复“{rules.stages[target].zh}”",
                f"the unit is already at {rules.stages[cur_i].en}; it cannot move "
                f"back to or repeat {rules.stages[target].en}",
            )
        )
    elif target > cur_i + 1:
        nxt = rules.stages[cur_i + 1]
        out.append(Refusal("order", f"须先进入“{nxt.zh}”", f"{nxt.en} must come first"))
    if cur is not None and date < cur.entered:
        out.append(
            Refusal(
                "date",
                f"日期 {date} 早于上一阶段的日期 {cur.entered}",
                f"the date {date} is before the last move ({cur.entered})",
            )
        )
    for check, source in rules.every_stage + rules.prerequisites.get(stage, ()):
        r = _run_check(check, source, unit, pd, project)
        if r is not None:
            out.append(r)
    return out


def _title(rules: StageRules, key: str, lang: str) -> str:
    """A stage by its name in ``lang`` (its key when the rules do not know it)."""
    try:
        st = rules.stage(key)
    except InputError:
        return key
    return st.zh if lang == "zh" else st.en


def advance(
    unit: Unit,
    stage: str,
    date: str,
    *,
    responsible: str = "",
    documents: list[str] | None = None,
    note: str = "",
    project: Project | None = None,
    rules: StageRules | None = None,
) -> StageEntry:
    """Move ``unit`` into ``stage`` on ``date`` (ISO), or raise ``InputError`` with the
    reasons (field ``stage``)."""
    try:
        _dt.date.fromisoformat(date)
    except (TypeError, ValueError):
        raise InputError("date", f"must be a date YYYY-MM-DD, got {date!r}") from None
    rules = rules or load_rules()
    bad = refusals(unit, stage, date, project=project, rules=rules)
    if bad:
        raise InputError(
            "stage",
            f"unit {unit.id} cannot enter {stage}: " + "; ".join(f"{r.zh} / {r.en}" for r in bad),
            message_zh=f"单元 {unit.id} 不能进入“{_title(rules, stage, 'zh')}”阶段："
            + "；".join(r.zh for r in bad),
            message_en=f"unit {unit.id} cannot enter the stage {_title(rules, stage, 'en')}: "
            + "; ".join(r.en for r in bad),
        )
    pd = read_process(unit)
    entry = StageEntry(stage, date, responsible, list(documents or []), note)
    pd.stages.append(entry)
    write_process(unit, pd)
    return entry


# -------------------------------------------------------------------------------- status


@dataclass
class UnitStatus:
    """Where one unit stands on ``as_of``."""

    unit_id: str
    stage: str
    entered: str | None
    days_in_stage: int | None
    expected_days: int | None
    overdue: bool
    open_objections: int
    open_blockers: int
    responsible: str

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit_id,
            "stage": self.stage,
            "entered": self.entered,
            "days_in_stage": self.days_in_stage,
            "expected_days": self.expected_days,
            "overdue": self.overdue,
            "open_objections": self.open_objections,
            "open_blockers": self.open_blockers,
            "responsible": self.responsible,
        }


def unit_status(unit: Unit, as_of: str, rules: StageRules | None = None) -> UnitStatus:
    """The stage ``unit`` was in on ``as_of`` (ISO date), how long it has been there [days]
    and whether that is longer than the stage's expected time (经验值)."""
    rules = rules or load_rules()
    pd = read_process(unit)
    entered = [s for s in pd.stages if s.entered <= as_of]  # moves after as_of not yet made
    cur = entered[-1] if entered else None
    n_obj = sum(1 for o in pd.objections if o.status != "resolved")
    if cur is None:
        return UnitStatus(
            unit.id, NOT_STARTED, None, None, None, False, n_obj, len(pd.open_blockers()), ""
        )
    days = (_dt.date.fromisoformat(as_of) - _dt.date.fromisoformat(cur.entered)).days
    exp = rules.stage(cur.stage).expected_days
    return UnitStatus(
        unit.id,
        cur.stage,
        cur.entered,
        days,
        exp,
        exp is not None and days > exp,
        n_obj,
        len(pd.open_blockers()),
        cur.responsible,
    )


def progress(project: Project, as_of: str, rules: StageRules | None = None) -> dict[str, Any]:
    """Counts per stage (with overdue) and one status per unit, as JSON-able data."""
    rules = rules or load_rules()
    statuses = [unit_status(u, as_of, rules) for u in project.units()]
    keys = [NOT_STARTED] + [s.key for s in rules.stages]
    counts = dict.fromkeys(keys, 0)
    overdue = dict.fromkeys(keys, 0)
    for s in statuses:
        counts[s.stage] += 1
        overdue[s.stage] += int(s.overdue)
    return {
        "project": project.name,
        "as_of": as_of,
        "rules": rules.name,
        "units": len(statuses),
        "stages": [
            {
                "key": k,
                "zh": "未登记" if k == NOT_STARTED else rules.stage(k).zh,
                "en": "not started" if k == NOT_STARTED else rules.stage(k).en,
                "count": counts[k],
                "overdue": overdue[k],
            }
            for k in keys
        ],
        "counts": counts,
        "overdue_total": sum(overdue.values()),
        "unit_status": [s.to_json() for s in statuses],
    }
