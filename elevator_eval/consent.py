"""Owners' consent for one unit: the statutory tally with exact arithmetic.

One head per distinct owner; an owner's area is the sum of the areas of its households
(``Household.owner_id``). Areas are compared as :class:`fractions.Fraction` built from the
exact ``Decimal`` areas, never as binary floats, so that 3/4 of 61.05 m² is 3/4 of 61.05.

Rulesets are data files ``elevator_eval/rules/consent/<name>.json``, chosen by the unit's
``rules`` field (default ``civil-code-2021``). Keys:

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

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from . import ruledata
from .errors import InputError
from .model import Unit
from .vocabulary import pairs

KIND = "consent"
DEFAULT_RULESET = "civil-code-2021"
STATES = ("ready", "needs_votes", "blocked")
STATE_LABELS = {k: v for k, v in pairs("consent_states").items() if k in STATES}
"""(zh, en) name of each state, from the one vocabulary."""


# ------------------------------------------------------------------------------ rulesets

@dataclass(frozen=True)
class ConsentRuleset:
    """A validated consent ruleset (see the module docstring for the keys)."""

    name: str
    title_zh: str
    title_en: str
    source: str
    participation_ratio: Fraction | None
    participation_inclusive: bool
    approval_ratio: Fraction
    approval_base: str
    approval_inclusive: bool
    no_objection_required: bool
    exclusive_part_veto: bool
    valid_from: str | None
    valid_to: str | None
    city: str | None
    scope: str
    suitability: str
    named_disclosure: bool = False
    """The city rule requires public documents to show each door's vote (default false:
    counts and areas only)."""

    def valid_on(self, date_iso: str) -> bool:
        """Whether the ruleset was in force on ``date_iso`` (``YYYY-MM-DD``)."""
        day = date_iso[:10]
        return (self.valid_from is None or day >= self.valid_from) and \
            (self.valid_to is None or day <= self.valid_to)


def _ratio(value, where: str) -> Fraction:
    try:
        if isinstance(value, bool):
            raise ValueError
        if isinstance(value, float):
            r = Fraction(Decimal(repr(value)))
        elif isinstance(value, str):
            r = Fraction(value.strip())
        elif isinstance(value, (int, Decimal)):
            r = Fraction(value)
        else:
            raise ValueError
    except (ValueError, ZeroDivisionError):
        raise InputError(where, f"must be a ratio such as \"3/5\", got {value!r}") from None
    if not 0 < r <= 1:
        raise InputError(where, "must be greater than 0 and at most 1")
    return r


def _flag(data: dict, key: str, where: str) -> bool:
    v = data.get(key)
    if not isinstance(v, bool):
        raise InputError(f"{where}.{key}", "must be true or false")
    return v


def _date(data: dict, key: str, where: str) -> str | None:
    v = data.get(key)
    if v is None:
        return None
    import datetime
    try:
        datetime.date.fromisoformat(v)
    except (TypeError, ValueError):
        raise InputError(f"{where}.{key}", "must be an ISO date or null") from None
    return v


def validate_ruleset(data: dict[str, Any], where: str = "rules") -> ConsentRuleset:
    """Check a consent ruleset's content and build a :class:`ConsentRuleset`.

    Raises
    ------
    InputError
        naming the ruleset and the bad key.
    """
    p = f"{where} {data.get('name', '?')}"
    pr = data.get("participation_ratio")
    pr = None if pr is None else _ratio(pr, f"{p}.participation_ratio")
    ar = _ratio(data.get("approval_ratio"), f"{p}.approval_ratio")
    base = data.get("approval_base")
    if base not in ("participating", "all"):
        raise InputError(f"{p}.approval_base", 'must be "participating" or "all"')
    if base == "participating" and pr is None:
        raise InputError(f"{p}.participation_ratio",
                         'is required when approval_base is "participating"')
    p_inc = _flag(data, "participation_inclusive", p)
    a_inc = _flag(data, "approval_inclusive", p)
    if not a_inc and ar == 1:
        raise InputError(f"{p}.approval_ratio", "more than 100 % can never pass")
    if pr is not None and not p_inc and pr == 1:
        raise InputError(f"{p}.participation_ratio", "more than 100 % can never pass")
    vf, vt = _date(data, "valid_from", p), _date(data, "valid_to", p)
    if vf and vt and vf > vt:
        raise InputError(f"{p}.valid_to", "is before valid_from")
    suit = data.get("suitability", "shanghai-2020")
    if not isinstance(suit, str) or not suit:
        raise InputError(f"{p}.suitability", "must name a suitability ruleset")
    if not isinstance(data.get("source"), str) or not data["source"].strip():
        raise InputError(f"{p}.source", "must cite the rule's legal source")
    return ConsentRuleset(
        name=data["name"], title_zh=data["title_zh"], title_en=data["title_en"],
        source=data["source"], participation_ratio=pr, participation_inclusive=p_inc,
        approval_ratio=ar, approval_base=base, approval_inclusive=a_inc,
        no_objection_required=_flag(data, "no_objection_required", p),
        exclusive_part_veto=_flag(data, "exclusive_part_veto", p),
        valid_from=vf, valid_to=vt, city=data.get("city"), scope=data.get("scope", "unit"),
        suitability=suit,
        named_disclosure=_flag(data, "named_disclosure", p) if "named_disclosure" in data
        else False)


def list_rulesets() -> list[str]:
    """Names of the shipped consent rulesets."""
    return list(ruledata.shipped_names(KIND))


def load_ruleset(name: str | None = None, *, user: dict | None = None) -> ConsentRuleset:
    """Load and validate the consent ruleset ``name`` (``civil-code-2021`` when ``None``).

    Raises
    ------
    InputError
        ``rules``: unknown name or invalid content.
    """
    name = DEFAULT_RULESET if name is None else name
    return ruledata.load_ruleset(KIND, name, validate_ruleset, user=user)


USER_KEY = "consent_rulesets"
"""Project settings key holding user-defined consent rulesets by name (same schema)."""


def user_rulesets(settings: dict | None) -> dict | None:
    """User-defined consent rulesets of a project's ``settings`` (``None`` when none)."""
    return ruledata.user_files(settings, USER_KEY)


def _ruleset_for(unit: Unit, ruleset, settings: dict | None) -> ConsentRuleset:
    """``ruleset`` itself when it is a :class:`ConsentRuleset`; else the one in force by
    :mod:`elevator_eval.rulebook` (the one resolver) for a name or ``None``."""
    if isinstance(ruleset, ConsentRuleset):
        return ruleset
    from .rulebook import resolver_for
    return resolver_for(settings=settings).bundle(unit, ruleset).consent


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
            owners[oid] = Owner(oid, h.area_m2, h.vote, bool(h.exclusive_part_affected),
                                [h.id], len(owners))
            continue
        if h.vote != o.vote:
            raise InputError(f"households[{i}].vote",
                             f"owner {oid!r} has households with different votes "
                             f"({o.vote!r} for {o.households[0]}, {h.vote!r} for {h.id}); "
                             f"one owner casts one vote")
        o.area_m2 += h.area_m2
        o.affected = o.affected or bool(h.exclusive_part_affected)
        o.households.append(h.id)
    return list(owners.values())


def _meets(part, whole, ratio: Fraction, inclusive: bool) -> bool:
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
        ph = _meets(c.heads_part, c.heads_total, r.participation_ratio,
                    r.participation_inclusive)
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
        area_part=sum((Fraction(o.area_m2) for o, v in zip(owners, votes) if v is not None),
                      Fraction(0)),
        area_yes=sum((Fraction(o.area_m2) for o, v in zip(owners, votes) if v == "yes"),
                     Fraction(0)))


def _vetoes(owners: list[Owner], votes, r: ConsentRuleset) -> tuple[list[str], list[str]]:
    """(blocking: affected owners not voting yes, objecting: no voters under no-objection)."""
    blocking = [o.id for o, v in zip(owners, votes)
                if r.exclusive_part_veto and o.affected and v != "yes"]
    objecting = [o.id for o, v in zip(owners, votes)
                 if r.no_objection_required and v == "no"]
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
        return {"possible": self.possible, "additional_yes": self.additional_yes,
                "owners": list(self.owners), "reason_zh": self.reason_zh,
                "reason_en": self.reason_en}


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
        return STATE_LABELS[self.state][0]

    def to_json(self) -> dict[str, Any]:
        """Spec §2 keys (``unit``, ``passed``, ``participation``, ``approval``,
        ``blocking``) plus the counts, the state and what is needed."""
        return {
            "unit": self.unit_id,
            "passed": self.passed,
            "participation": {"area_ok": self.participation_area_ok,
                              "headcount_ok": self.participation_headcount_ok},
            "approval": {"area_ok": self.approval_area_ok,
                         "headcount_ok": self.approval_headcount_ok},
            "blocking": list(self.blocking),
            "objection_ok": self.objection_ok,
            "objecting": list(self.objecting),
            "state": self.state,
            "ruleset": self.ruleset,
            "ruleset_title_zh": self.ruleset_title_zh,
            "ruleset_title_en": self.ruleset_title_en,
            "ruleset_source": self.ruleset_source,
            "heads": {"total": self.heads_total, "taking_part": self.heads_taking_part,
                      "yes": self.heads_yes, "no": self.heads_no,
                      "abstain": self.heads_abstain},
            "area_m2": {"total": self.area_total_m2, "taking_part": self.area_taking_part_m2,
                        "yes": self.area_yes_m2},
            "needed": None if self.needed is None else self.needed.to_json(),
            "warnings": list(self.warnings),
        }


def _sum_dec(values) -> Decimal:
    return sum(values, Decimal(0))


def tally(unit: Unit, ruleset: str | ConsentRuleset | None = None, *,
          settings: dict | None = None) -> ConsentResult:
    """Tally a unit's vote.

    Parameters
    ----------
    unit : Unit
        Households with ``owner``, ``area_m2`` [m²], ``vote`` and
        ``exclusive_part_affected``.
    ruleset : ConsentRuleset or str, optional
        The ruleset in force (from :func:`elevator_eval.rulebook.resolve`); a name or
        ``None`` is resolved by the rulebook (the unit's own choice, else the project's
        default in ``settings``, else ``civil-code-2021``).
    settings : dict, optional
        A project's settings (only used to resolve a name or ``None``).

    Raises
    ------
    InputError
        ``rules`` for an unknown ruleset; ``households[i].vote`` for conflicting votes of
        one owner.
    """
    r = _ruleset_for(unit, ruleset, settings)
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
        unit_id=unit.id, ruleset=r.name, passed=passed,
        participation_area_ok=pa, participation_headcount_ok=ph,
        approval_area_ok=aa, approval_headcount_ok=ah, objection_ok=not objecting,
        blocking=blocking, heads_total=c.heads_total, heads_taking_part=c.heads_part,
        heads_yes=c.heads_yes, heads_no=sum(1 for v in votes if v == "no"),
        heads_abstain=sum(1 for v in votes if v == "abstain"),
        area_total_m2=_sum_dec(o.area_m2 for o in owners),
        area_taking_part_m2=_sum_dec(o.area_m2 for o in owners if o.vote is not None),
        area_yes_m2=_sum_dec(o.area_m2 for o in owners if o.vote == "yes"),
        state=state, needed=needed, objecting=objecting,
        ruleset_title_zh=r.title_zh, ruleset_title_en=r.title_en, ruleset_source=r.source,
        warnings=_date_warnings(unit, r))


def _date_warnings(unit: Unit, r: ConsentRuleset) -> list[str]:
    """Votes cast while the ruleset was not in force (by ``vote_date``)."""
    out = []
    for h in unit.households:
        if h.vote is not None and h.vote_date and not r.valid_on(h.vote_date):
            span = f"{r.valid_from or '…'} – {r.valid_to or '…'}"
            out.append(f"户 {h.id} 的表决日期 {h.vote_date} 不在规则 {r.name} 的有效期 {span} 内 / "
                       f"household {h.id} voted on {h.vote_date}, outside the validity of "
                       f"{r.name} ({span})")
    return out


def what_is_needed(unit: Unit, ruleset: str | ConsentRuleset | None = None, *,
                   settings: dict | None = None) -> Needed:
    """The smallest set of additional yes owners that passes the vote (see module doc).

    For a vote that already passes: ``Needed(True, 0, [], …)``.
    """
    r = _ruleset_for(unit, ruleset, settings)
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
    non_part = [o for o in owners if o.vote is None]
    part_not_yes = [o for o in owners if o.vote in ("no", "abstain")]

    def ordered(group):
        forced = [o for o in group if o.id in forced_ids]
        rest = _largest_first([o for o in group if o.id not in forced_ids])
        return forced, forced + rest

    f1, n_order = ordered(non_part)
    f2, q_order = ordered(part_not_yes)
    base = _counts(owners, votes)
    pre1 = _prefix(n_order)
    pre2 = _prefix(q_order)
    n1, n2 = len(n_order), len(q_order)

    def ok(k1: int, k2: int) -> bool:
        a1, a2 = pre1[k1], pre2[k2]
        return all(_tests(_Counts(base.heads_total, base.heads_part + k1,
                                  base.heads_yes + k1 + k2, base.area_total,
                                  base.area_part + a1, base.area_yes + a1 + a2), r))

    # Every test is monotone: converting one more owner to yes never turns a passing
    # vote into a failing one (for the approval shares of the participants too, since
    # yes ≤ taking part). So the least k2 that passes for k1 never grows with k1, and
    # one pointer walking down finds it for every k1: O(n) tests instead of O(n²).
    best = None
    k2 = n2
    for k1 in range(len(f1), n1 + 1):
        if not ok(k1, k2):
            continue  # no k2 ≤ n2 passes with this k1
        while k2 > len(f2) and ok(k1, k2 - 1):
            k2 -= 1
        key = (k1 + k2, -(pre1[k1] + pre2[k2]), k1)
        if best is None or key < best[:3]:
            best = (*key, k2)
    _, _, k1, k2 = best
    chosen = {o.id for o in n_order[:k1]} | {o.id for o in q_order[:k2]}
    ids = [o.id for o in owners if o.id in forced_ids and o.id in chosen]
    ids += [o.id for o in _largest_first([o for o in owners
                                          if o.id in chosen and o.id not in forced_ids])]
    vetoed_no = [o.id for o in owners if o.vote == "no" and o.id in forced_ids]
    n = len(ids)
    if vetoed_no:
        who = "、".join(vetoed_no)
        zh = f"无法通过：除非业主 {who} 改投同意票" + \
            (f"（共需 {n} 位业主改投同意）" if n > len(vetoed_no) else "")
        en = f"Cannot pass unless owner(s) {', '.join(vetoed_no)} change their vote to yes" + \
            (f" ({n} owners in all would have to vote yes)" if n > len(vetoed_no) else "")
        return Needed(False, n, ids, zh, en)
    # a missing participation is worded as such: who has not voted must take part and agree
    parts_zh = ([f"{k1} 位未参与表决的业主需参与表决并同意"] if k1 else []) + \
        ([f"{k2} 位已表决的业主改投同意"] if k2 else [])
    parts_en = ([f"{k1} owner(s) who have not voted must take part and vote yes"] if k1
                else []) + ([f"{k2} owner(s) who voted no or abstained must change to yes"]
                            if k2 else [])
    zh = f"还需 {n} 位业主同意（{'，'.join(parts_zh)}）：{'、'.join(ids)}"
    en = f"{n} more owner(s) must vote yes ({'; '.join(parts_en)}), e.g. {', '.join(ids)}"
    if forced_ids & chosen:
        zh += "（其中专有部分受影响的业主必须同意）"
        en += " (owners whose exclusive part is affected must agree)"
    return Needed(True, n, ids, zh, en)
