"""Consent outlook: the annual probability of reaching consent, from the unit's vote.

The vote is counted by :mod:`elevator_eval.consent` (:func:`~elevator_eval.consent.tally`
and its ``needed``) under the consent ruleset the caller passes (default: the unit's own
``rules``, as in the consent engine). The probability model is documented in
``docs/preinstall-consent-model.md``.
"""

from __future__ import annotations

from typing import Any

from .. import consent as consent_engine
from .. import consent_rules
from ..consent import ConsentResult
from ..errors import InputError
from ..model import Unit
from ..rulebook import consent_for
from .assumptions import number
from .types import ConsentOutlook

VoteCounts = tuple[str, int, int, bool]
"""``(state, heads_total, additional_yes, possible)`` of a unit's vote."""


def vote_state(
    unit: Unit,
    ruleset: str | None = None,
    *,
    settings: dict[str, Any] | None = None,
    tally_result: ConsentResult | None = None,
) -> tuple[str, int, int, bool, str]:
    """``(state, heads_total, additional_yes, possible, ruleset)`` from the consent engine.

    ``state`` is ``ready``, ``needs_votes``, ``blocked`` or ``unknown`` (no households).

    Raises
    ------
    InputError
        ``rules`` for an unknown ruleset; ``households[i].vote`` for conflicting votes.
    """
    if not unit.households:  # the ruleset in force (the project's default included)
        return "unknown", 0, 0, False, consent_for(unit, ruleset, settings=settings).name
    r = (
        tally_result
        if tally_result is not None
        else consent_engine.tally(unit, consent_for(unit, ruleset, settings=settings))
    )
    if r.state == "ready":
        return "ready", int(r.heads_total), 0, True, r.ruleset
    needed = (
        r.needed
        if r.needed is not None
        else consent_engine.what_is_needed(unit, consent_for(unit, ruleset, settings=settings))
    )
    return r.state, int(r.heads_total), int(needed.additional_yes), bool(needed.possible), r.ruleset


def vote_needs(
    unit: Unit, ruleset: str | None = None, *, settings: dict[str, Any] | None = None
) -> VoteCounts:
    """``(state, heads_total, additional_yes, possible)`` — :func:`vote_state` without the
    ruleset name (kept for callers of the former integer counter)."""
    return vote_state(unit, ruleset if isinstance(ruleset, str) else None, settings=settings)[:4]


def simple_needed(unit: Unit) -> VoteCounts:
    """:func:`vote_needs` under the national Civil Code ruleset."""
    return vote_needs(unit, consent_rules.DEFAULT_RULESET)


def _given(
    unit: Unit, state: str, heads: int, add: int, possible: bool, conc: float, name: str
) -> ConsentOutlook | None:
    pre = unit.extra.get("preinstall") if isinstance(unit.extra, dict) else None
    given = pre.get("hazard") if isinstance(pre, dict) else None
    if given is None:
        return None
    fld = "extra.preinstall.hazard"
    if isinstance(given, list):
        if not given:
            raise InputError(fld, "must not be an empty list")
        seq = tuple(number(v, f"{fld}[{i}]", lo=0, hi=1) for i, v in enumerate(given))
        return ConsentOutlook(
            state,
            seq[0],
            seq,
            0.0,
            heads,
            add,
            possible,
            "given",
            "每年达成表决的概率由用户给定",
            "annual probabilities of consent given by the user",
            "user input",
            name,
        )
    h = number(given, fld, lo=0, hi=1)
    return ConsentOutlook(
        state,
        h,
        None,
        conc if 0.0 < h < 1.0 else 0.0,
        heads,
        add,
        possible,
        "given",
        f"每年达成表决的概率由用户给定：{h:.0%}",
        f"annual probability of consent given by the user: {h:.0%}",
        "user input",
        name,
    )


def consent_outlook(
    unit: Unit,
    assumptions: dict[str, Any],
    *,
    tally_result: ConsentResult | None = None,
    counts: VoteCounts | None = None,
    ruleset: str | None = None,
    settings: dict[str, Any] | None = None,
) -> ConsentOutlook:
    """Annual probability of reaching consent, from the unit's vote state.

    ``ready`` → ``consent_hazard.ready`` (1: built in year 1); ``blocked`` (an owner with a
    veto voted no) or impossible → ``consent_hazard.blocked``; ``needs_votes`` →
    ``min + (max − min) × (1 − m)^shape`` with ``m`` = additional yes owners needed / owners.
    ``unit.extra["preinstall"]["hazard"]`` (a number, or a list ``p_t`` for t = 1 …) wins.

    Parameters
    ----------
    tally_result : ConsentResult, optional
        The unit's tally when the caller has it already.
    counts : tuple, optional
        ``(state, heads_total, additional_yes, possible)`` from :func:`vote_needs`.
    ruleset : str, optional
        Consent ruleset name (default: the unit's ``rules``, then the national default).
    settings : dict, optional
        A project's settings (user-defined consent rulesets).

    Raises
    ------
    InputError
        naming ``extra.preinstall.hazard`` when a given hazard is not in [0, 1].
    """
    ch = assumptions["consent_hazard"]
    conc = float(ch["concentration"])
    source = str(ch.get("source", "assumption"))
    if counts is not None:
        state, heads, add, possible = counts
        name = consent_for(unit, ruleset, settings=settings).name
    else:
        state, heads, add, possible, name = vote_state(
            unit, ruleset, settings=settings, tally_result=tally_result
        )
    if heads == 0:
        state = "unknown"
    given = _given(unit, state, heads, add, possible, conc, name)
    if given is not None:
        return given
    if state == "ready":
        h = float(ch["ready"])
        zh, en = "表决已通过，按第 1 年加装计", "consent reached: the elevator is built in year 1"
    elif state == "blocked" or not possible:
        h = float(ch["blocked"])
        zh = f"有否决权的业主反对，每年达成概率按 {h:.0%} 计"
        en = f"an owner with a veto objects; annual probability of consent {h:.0%}"
    else:
        lo, hi = float(ch["needs_votes_min"]), float(ch["needs_votes_max"])
        m = min(1.0, add / heads) if heads else 1.0
        h = lo + (hi - lo) * (1.0 - m) ** float(ch["shape"])
        if heads == 0:
            zh, en = "无住户数据，按最低概率计", "no households recorded: lowest probability"
        else:
            zh = f"还需 {add} 位业主（共 {heads} 位）同意，每年达成概率按 {h:.0%} 计"
            en = f"{add} more of {heads} owners must agree; annual probability of consent {h:.0%}"
    return ConsentOutlook(
        state,
        h,
        None,
        conc if 0.0 < h < 1.0 else 0.0,
        heads,
        add,
        possible,
        "consent",
        zh,
        en,
        source,
        name,
    )
