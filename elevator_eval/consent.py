"""Owners' consent for one unit: the statutory tally with exact arithmetic.

One head per distinct owner; an owner's area is the sum of the areas of its households
(``Household.owner_id``). Areas are compared as :class:`fractions.Fraction` built from the
exact ``Decimal`` areas, never as binary floats, so that 3/4 of 61.05 m² is 3/4 of 61.05.

Rulesets are data files ``elevator_eval/rules/consent/<name>.json``, validated into a
:class:`~elevator_eval.consent_rules.ConsentRuleset` by :mod:`elevator_eval.consent_rules`; the
one in force for a unit (its ``rules`` field, the project's default, ``civil-code-2021``) is
chosen by :mod:`elevator_eval.rulebook` and given to :func:`tally`. Keys:

``participation_ratio``
    share of the total area *and* of the heads that must take part (``"2/3"``), or ``null``
    for no quorum. ``participation_inclusive``: ``true`` for "at least" (以上, Civil Code
    Art. 1259), ``false`` for "more than" (超过).
``approval_ratio``, ``approval_base``, ``approval_inclusive``
    share of yes votes, by area *and* by heads, of the owners taking part
    (``"participating"``) or of all owners (``"all"``).
``no_objection_required``
    no owner may vote ``no`` (the "no explicit objection" clause of some cities).
``exclusive_part_veto``
    every owner with ``exclusive_part_affected`` must vote ``yes``.
``valid_from``, ``valid_to``, ``city``, ``scope``, ``source``, ``suitability``
    dates of validity, place, the legal source, and the suitability ruleset to use.
``named_disclosure`` (optional, default false)
    the city rule requires public notices to show each door's vote; otherwise documents
    print counts and areas only.
``source_zh`` (optional)
    the legal source by its official Chinese title and number, for Chinese documents.

"What is needed" for a failing vote: the smallest number of additional owners who would
have to vote ``yes`` (any owner not voting yes now: a non-participant, who then also takes
part, or an owner who voted no or abstained), and one concrete set achieving it, preferring
larger areas. Owners whose veto blocks (an affected owner, or an objector under a
no-objection rule) are always in the set; when one of them has voted ``no`` the vote
cannot pass unless that owner changes their vote (``possible`` is false).

References
----------
民法典 第二百七十八条, 第一千二百五十九条, 第二百七十二条; 物权法 第七十六条;
city rules in the domain reference §1.2.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .consent_rules import ConsentRuleset
from .errors import InputError
from .model import Unit
from .vocabulary import agreeing, counted, pairs

STATES = ("ready", "needs_votes", "blocked")
STATE_LABELS = {k: v for k, v in pairs("consent_states").items() if k in STATES}
"""(zh, en) name of each state, from the one vocabulary."""


# -------------------------------------------------------------------------------- owners


@dataclass
class Owner:
    """One head of the vote: an owner with all of its households in the unit."""

    id: str
    area_m2: Decimal
    vote: str | None
    affected: bool
    households: list[str] = field(default_factory=list)
    order: int = 0

    @property
    def takes_part(self) -> bool:
        return self.vote is not None


def owners_of(unit: Unit) -> list[Owner]:
    """Group the households of a unit into owners (one head each, areas added).

    Raises
    ------
    InputError
        ``households[i].vote`` when one owner's households carry different votes.
    """
    owners: dict[str, Owner] = {}
    for i, h in enumerate(unit.households):
        oid = h.owner_id
        o = owners.get(oid)
        if o is None:
            owners[oid] = Owner(
                oid, h.area_m2, h.vote, bool(h.exclusive_part_affected), [h.id], len(owners)
            )
            continue
        if h.vote != o.vote:
            votes = pairs("votes")  # the votes by their names in the Chinese text
            said = {v: votes.get(v, (repr(v), ""))[0] for v in (o.vote, h.vote)}
            raise InputError(
                f"households[{i}].vote",
                f"owner {oid!r} has households with different votes "
                f"({o.vote!r} for {o.households[0]}, {h.vote!r} for {h.id}); "
                f"one owner casts one vote",
                message_zh=f"业主 {oid} 名下各户的表决票不一致（{o.households[0]} 为"
                f"“{said[o.vote]}”，{h.id} 为“{said[h.vote]}”）；一名业主只能投一票",
            )
        o.area_m2 += h.area_m2
        o.affected = o.affected or bool(h.exclusive_part_affected)
        o.households.append(h.id)
    return list(owners.values())


def _meets(part: int | Fraction, whole: int | Fraction, ratio: Fraction, inclusive: bool) -> bool:
    """``part ≥ ratio × whole`` (or ``>``), exactly."""
    lhs = Fraction(part) * ratio.denominator
    rhs = Fraction(whole) * ratio.numerator
    return lhs >= rhs if inclusive else lhs > rhs


@dataclass
class _Counts:
    heads_total: int
    heads_part: int
    heads_yes: int
    area_total: Fraction
    area_part: Fraction
    area_yes: Fraction


def _tests(c: _Counts, r: ConsentRuleset) -> tuple[bool, bool, bool, bool]:
    """(participation area, participation heads, approval area, approval heads)."""
    if r.participation_ratio is None:
        pa = ph = True
    else:
        pa = _meets(c.area_part, c.area_total, r.participation_ratio, r.participation_inclusive)
        ph = _meets(c.heads_part, c.heads_total, r.participation_ratio, r.participation_inclusive)
    if r.approval_base == "participating":
        base_area, base_heads = c.area_part, c.heads_part
    else:
        base_area, base_heads = c.area_total, c.heads_total
    # Literally the spec's comparison (4·yes ≥ 3·taking part): when nobody takes part it
    # holds (0 ≥ 0); the vote still fails on participation.
    aa = _meets(c.area_yes, base_area, r.approval_ratio, r.approval_inclusive)
    ah = _meets(c.heads_yes, base_heads, r.approval_ratio, r.approval_inclusive)
    return pa, ph, aa, ah


def _counts(owners: list[Owner], votes: list[str | None]) -> _Counts:
    return _Counts(
        heads_total=len(owners),
        heads_part=sum(1 for v in votes if v is not None),
        heads_yes=sum(1 for v in votes if v == "yes"),
        area_total=sum((Fraction(o.area_m2) for o in owners), Fraction(0)),
        area_part=sum(
            (Fraction(o.area_m2) for o, v in zip(owners, votes) if v is not None), Fraction(0)
        ),
        area_yes=sum(
            (Fraction(o.area_m2) for o, v in zip(owners, votes) if v == "yes"), Fraction(0)
        ),
    )


def _vetoes(
    owners: list[Owner], votes: list[str | None], r: ConsentRuleset
) -> tuple[list[str], list[str]]:
    """(blocking: affected owners not voting yes, objecting: no voters under no-objection)."""
    blocking = [
        o.id for o, v in zip(owners, votes) if r.exclusive_part_veto and o.affected and v != "yes"
    ]
    objecting = [o.id for o, v in zip(owners, votes) if r.no_objection_required and v == "no"]
    return blocking, objecting


def passes(owners: list[Owner], votes: list[str | None], r: ConsentRuleset) -> bool:
    """Whether the vote ``votes`` (one per owner) passes under ``r``."""
    blocking, objecting = _vetoes(owners, votes, r)
    return all(_tests(_counts(owners, votes), r)) and not blocking and not objecting


# ------------------------------------------------------------------------------- results


@dataclass
class Needed:
    """What it takes to pass a failing vote.

    Attributes
    ----------
    possible : bool
        False when an owner with a veto (an affected owner, or an objector under a
        no-objection rule) has voted ``no``: the vote cannot pass unless they change it.
    additional_yes : int
        Smallest number of owners not voting yes now who would have to vote yes.
    owners : list of str
        One such set of owner ids (vetoing owners first, then larger areas first).
    reason_zh, reason_en : str
    """

    possible: bool
    additional_yes: int
    owners: list[str]
    reason_zh: str
    reason_en: str

    def to_json(self) -> dict[str, Any]:
        return {
            "possible": self.possible,
            "additional_yes": self.additional_yes,
            "owners": list(self.owners),
            "reason_zh": self.reason_zh,
            "reason_en": self.reason_en,
        }


@dataclass
class ConsentResult:
    """The tally of one unit's vote under one ruleset (see :func:`tally`).

    Attributes
    ----------
    passed : bool
        All tests hold: participation (area and heads), approval (area and heads), no
        explicit objection where the ruleset asks for it, and no exclusive-part veto.
    participation_area_ok, participation_headcount_ok : bool
        Always true for rulesets without a participation quorum.
    approval_area_ok, approval_headcount_ok : bool
        Yes votes against the taking-part or the total base of the ruleset; false when
        nobody votes yes.
    objection_ok : bool
        False when the ruleset requires no explicit objection and someone voted ``no``
        (those owners are listed in ``objecting``).
    blocking : list of str
        Owners whose exclusive part is affected and who have not (yet) voted ``yes``.
    heads_* : int
        Owners (one head per owner) in total, taking part (yes, no or abstain), yes, no,
        abstain.
    area_*_m2 : Decimal
        Exclusive area in total, of the owners taking part, of the yes owners [m²].
    state : str
        ``ready`` (passed), ``blocked`` (an owner with a veto voted ``no``: an affected
        owner, or an objector under a no-objection rule) or ``needs_votes``.
    needed : Needed or None
        What it takes to pass (``None`` when passed).
    """

    unit_id: str
    ruleset: str
    passed: bool
    participation_area_ok: bool
    participation_headcount_ok: bool
    approval_area_ok: bool
    approval_headcount_ok: bool
    objection_ok: bool
    blocking: list[str]
    heads_total: int
    heads_taking_part: int
    heads_yes: int
    heads_no: int
    area_total_m2: Decimal
    area_taking_part_m2: Decimal
    area_yes_m2: Decimal
    state: str
    needed: Needed | None
    heads_abstain: int = 0
    objecting: list[str] = field(default_factory=list)
    ruleset_title_zh: str = ""
    ruleset_title_en: str = ""
    ruleset_source: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def state_label_zh(self) -> str:
        """The state's name in Chinese."""
        return str(STATE_LABELS[self.state][0])

    def to_json(self) -> dict[str, Any]:
        """Spec §2 keys (``unit``, ``passed``, ``participation``, ``approval``,
        ``blocking``) plus the counts, the state and what is needed."""
        return {
            "unit": self.unit_id,
            "passed": self.passed,
            "participation": {
                "area_ok": self.participation_area_ok,
                "headcount_ok": self.participation_headcount_ok,
            },
            "approval": {
                "area_ok": self.approval_area_ok,
                "headcount_ok": self.approval_headcount_ok,
            },
            "blocking": list(self.blocking),
            "objection_ok": self.objection_ok,
            "objecting": list(self.objecting),
            "state": self.state,
            "ruleset": self.ruleset,
            "ruleset_title_zh": self.ruleset_title_zh,
            "ruleset_title_en": self.ruleset_title_en,
            "ruleset_source": self.ruleset_source,
            "heads": {
                "total": self.heads_total,
                "taking_part": self.heads_taking_part,
                "yes": self.heads_yes,
                "no": self.heads_no,
                "abstain": self.heads_abstain,
            },
            "area_m2": {
                "total": self.area_total_m2,
                "taking_part": self.area_taking_part_m2,
                "yes": self.area_yes_m2,
            },
            "needed": None if self.needed is None else self.needed.to_json(),
            "warnings": list(self.warnings),
        }


def _sum_dec(values: Iterable[Decimal]) -> Decimal:
    return sum(values, Decimal(0))


def tally(unit: Unit, ruleset: ConsentRuleset) -> ConsentResult:
    """Tally a unit's vote.

    Parameters
    ----------
    unit : Unit
        Households with ``owner``, ``area_m2`` [m²], ``vote`` and
        ``exclusive_part_affected``.
    ruleset : ConsentRuleset
        The ruleset in force (``resolve(project, unit).consent`` or
        :func:`elevator_eval.rulebook.consent_for`).

    Raises
    ------
    InputError
        ``households[i].vote`` for conflicting votes of one owner.
    """
    r = ruleset
    owners = owners_of(unit)
    votes = [o.vote for o in owners]
    c = _counts(owners, votes)
    pa, ph, aa, ah = _tests(c, r)
    blocking, objecting = _vetoes(owners, votes, r)
    passed = pa and ph and aa and ah and not blocking and not objecting
    vetoing = set(objecting) | set(blocking)
    vetoed_no = [o.id for o, v in zip(owners, votes) if v == "no" and o.id in vetoing]
    state = "ready" if passed else ("blocked" if vetoed_no else "needs_votes")
    needed = None if passed else _needed(owners, r)
    return ConsentResult(
        unit_id=unit.id,
        ruleset=r.name,
        passed=passed,
        participation_area_ok=pa,
        participation_headcount_ok=ph,
        approval_area_ok=aa,
        approval_headcount_ok=ah,
        objection_ok=not objecting,
        blocking=blocking,
        heads_total=c.heads_total,
        heads_taking_part=c.heads_part,
        heads_yes=c.heads_yes,
        heads_no=sum(1 for v in votes if v == "no"),
        heads_abstain=sum(1 for v in votes if v == "abstain"),
        area_total_m2=_sum_dec(o.area_m2 for o in owners),
        area_taking_part_m2=_sum_dec(o.area_m2 for o in owners if o.vote is not None),
        area_yes_m2=_sum_dec(o.area_m2 for o in owners if o.vote == "yes"),
        state=state,
        needed=needed,
        objecting=objecting,
        ruleset_title_zh=r.title_zh,
        ruleset_title_en=r.title_en,
        ruleset_source=r.source,
        warnings=_date_warnings(unit, r),
    )


def _date_warnings(unit: Unit, r: ConsentRuleset) -> list[str]:
    """Votes cast while the ruleset was not in force (by ``vote_date``)."""
    out = []
    for h in unit.households:
        if h.vote is not None and h.vote_date and not r.valid_on(h.vote_date):
            span = f"{r.valid_from or '…'} – {r.valid_to or '…'}"
            out.append(
                f"户 {h.id} 的表决日期 {h.vote_date} 不在规则 {r.name} 的有效期 {span} 内 / "
                f"household {h.id} voted on {h.vote_date}, outside the validity of "
                f"{r.name} ({span})"
            )
    return out


def what_is_needed(unit: Unit, ruleset: ConsentRuleset) -> Needed:
    """The smallest set of additional yes owners that passes the vote under ``ruleset``
    (the ruleset in force, see :func:`tally`; see the module doc).

    For a vote that already passes: ``Needed(True, 0, [], …)``.
    """
    r = ruleset
    owners = owners_of(unit)
    if passes(owners, [o.vote for o in owners], r):
        return Needed(True, 0, [], "表决已通过", "The vote already passes")
    return _needed(owners, r)


def _largest_first(group: list[Owner]) -> list[Owner]:
    return sorted(group, key=lambda o: (-o.area_m2, o.order))


def _prefix(group: list[Owner]) -> list[Fraction]:
    out = [Fraction(0)]
    for o in group:
        out.append(out[-1] + Fraction(o.area_m2))
    return out


def _needed(owners: list[Owner], r: ConsentRuleset) -> Needed:
    """Exact minimum: for each split (k1 non-participants, k2 participants not voting yes)
    the best choice is the forced owners plus the largest remaining areas, because every
    test is monotone in the converted areas and depends on the counts only otherwise."""
    votes = [o.vote for o in owners]
    blocking, objecting = _vetoes(owners, votes, r)
    forced_ids = set(blocking) | set(objecting)
    n_order = _forced_first([o for o in owners if o.vote is None], forced_ids)
    q_order = _forced_first([o for o in owners if o.vote in ("no", "abstain")], forced_ids)
    k1, k2 = _least_conversion(owners, r, n_order, q_order, forced_ids)
    chosen = {o.id for o in n_order[:k1]} | {o.id for o in q_order[:k2]}
    ids = [o.id for o in owners if o.id in forced_ids and o.id in chosen]
    ids += [
        o.id
        for o in _largest_first([o for o in owners if o.id in chosen and o.id not in forced_ids])
    ]
    vetoed_no = [o.id for o in owners if o.vote == "no" and o.id in forced_ids]
    return _needed_text(ids, vetoed_no, k1, k2, bool(forced_ids & chosen))


def _forced_first(group: list[Owner], forced_ids: set[str]) -> list[Owner]:
    """The owners of ``group`` whose veto counts first, then the others by larger area."""
    forced = [o for o in group if o.id in forced_ids]
    return forced + _largest_first([o for o in group if o.id not in forced_ids])


def _least_conversion(
    owners: list[Owner],
    r: ConsentRuleset,
    n_order: list[Owner],
    q_order: list[Owner],
    forced_ids: set[str],
) -> tuple[int, int]:
    """(k1, k2): the fewest non-participants (first k1 of ``n_order``) and participants not
    voting yes (first k2 of ``q_order``) who pass the vote by voting yes; ties to the larger
    converted area, then to fewer non-participants. The forced owners are always in."""
    base = _counts(owners, [o.vote for o in owners])
    pre1 = _prefix(n_order)
    pre2 = _prefix(q_order)
    min1 = sum(1 for o in n_order if o.id in forced_ids)
    min2 = sum(1 for o in q_order if o.id in forced_ids)

    def ok(k1: int, k2: int) -> bool:
        a1, a2 = pre1[k1], pre2[k2]
        return all(
            _tests(
                _Counts(
                    base.heads_total,
                    base.heads_part + k1,
                    base.heads_yes + k1 + k2,
                    base.area_total,
                    base.area_part + a1,
                    base.area_yes + a1 + a2,
                ),
                r,
            )
        )

    # Every test is monotone: converting one more owner to yes never turns a passing
    # vote into a failing one (for the approval shares of the participants too, since
    # yes ≤ taking part). So the least k2 that passes for k1 never grows with k1, and
    # one pointer walking down finds it for every k1: O(n) tests instead of O(n²).
    best: tuple[int, Fraction, int, int] | None = None
    k2 = len(q_order)
    for k1 in range(min1, len(n_order) + 1):
        if not ok(k1, k2):
            continue  # no k2 ≤ n2 passes with this k1
        while k2 > min2 and ok(k1, k2 - 1):
            k2 -= 1
        key = (k1 + k2, -(pre1[k1] + pre2[k2]), k1)
        if best is None or key < best[:3]:
            best = (*key, k2)
    assert best is not None, "every owner voting yes passes a valid ruleset"
    return best[2], best[3]


def _needed_text(
    ids: list[str], vetoed_no: list[str], k1: int, k2: int, forced_chosen: bool
) -> Needed:
    """The :class:`Needed` for the chosen owners ``ids``, worded in Chinese and English."""
    n = len(ids)
    if vetoed_no:
        who = "、".join(vetoed_no)
        zh = f"无法通过：除非业主 {who} 改投同意票" + (
            f"（共需 {n} 位业主改投同意）" if n > len(vetoed_no) else ""
        )
        k = len(vetoed_no)
        en = (
            f"Cannot pass unless {agreeing(k, 'owner', 'owners')} {', '.join(vetoed_no)} "
            f"{agreeing(k, 'changes their vote', 'change their votes')} to yes"
        ) + (f" ({n} owners in all would have to vote yes)" if n > len(vetoed_no) else "")
        return Needed(False, n, ids, zh, en)
    # a missing participation is worded as such: who has not voted must take part and agree
    parts_zh = ([f"{k1} 位未参与表决的业主需参与表决并同意"] if k1 else []) + (
        [f"{k2} 位已表决的业主改投同意"] if k2 else []
    )
    parts_en = (
        [
            f"{counted(k1, 'owner')} who {agreeing(k1, 'has', 'have')} not voted must take part and vote yes"
        ]
        if k1
        else []
    ) + ([f"{counted(k2, 'owner')} who voted no or abstained must change to yes"] if k2 else [])
    zh = f"还需 {n} 位业主同意（{'，'.join(parts_zh)}）：{'、'.join(ids)}"
    en = f"{n} more {agreeing(n, 'owner', 'owners')} must vote yes ({'; '.join(parts_en)}), "
    en += f"e.g. {', '.join(ids)}"
    if forced_chosen:
        zh += "（其中专有部分受影响的业主必须同意）"
        en += " (owners whose exclusive part is affected must agree)"
    return Needed(True, n, ids, zh, en)
