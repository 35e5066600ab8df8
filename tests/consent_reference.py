"""The quadratic "what is needed" search exactly as it was before the linear rewrite
(copied, not imported): the reference the property test compares the fast search against,
on small units only."""

# ruff: noqa
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from elevator_eval.consent import Needed, Owner
from elevator_eval.consent_rules import ConsentRuleset


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


def _vetoes(owners: list[Owner], votes, r: ConsentRuleset) -> tuple[list[str], list[str]]:
    """(blocking: affected owners not voting yes, objecting: no voters under no-objection)."""
    blocking = [
        o.id for o, v in zip(owners, votes) if r.exclusive_part_veto and o.affected and v != "yes"
    ]
    objecting = [o.id for o, v in zip(owners, votes) if r.no_objection_required and v == "no"]
    return blocking, objecting


def _largest_first(group: list[Owner]) -> list[Owner]:
    return sorted(group, key=lambda o: (-o.area_m2, o.order))


def _prefix(group: list[Owner]) -> list[Fraction]:
    out = [Fraction(0)]
    for o in group:
        out.append(out[-1] + Fraction(o.area_m2))
    return out


def reference_needed(owners: list[Owner], r: ConsentRuleset) -> Needed:
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
    best = None
    for k1 in range(len(f1), len(n_order) + 1):
        a1 = pre1[k1]
        for k2 in range(len(f2), len(q_order) + 1):
            if best is not None and k1 + k2 > best[0]:
                break
            a2 = pre2[k2]
            c = _Counts(
                base.heads_total,
                base.heads_part + k1,
                base.heads_yes + k1 + k2,
                base.area_total,
                base.area_part + a1,
                base.area_yes + a1 + a2,
            )
            if all(_tests(c, r)):
                key = (k1 + k2, -(a1 + a2), k1)
                if best is None or key < best[:3]:
                    best = (k1 + k2, -(a1 + a2), k1, k2)
                break  # larger k2 only adds owners
    assert best is not None  # everyone voting yes always passes (validated ratios)
    _, _, k1, k2 = best
    chosen = {o.id for o in n_order[:k1]} | {o.id for o in q_order[:k2]}
    ids = [o.id for o in owners if o.id in forced_ids and o.id in chosen]
    ids += [
        o.id
        for o in _largest_first([o for o in owners if o.id in chosen and o.id not in forced_ids])
    ]
    vetoed_no = [o.id for o in owners if o.vote == "no" and o.id in forced_ids]
    n = len(ids)
    if vetoed_no:
        who = "、".join(vetoed_no)
        zh = f"无法通过：除非业主 {who} 改投同意票" + (
            f"（共需 {n} 位业主改投同意）" if n > len(vetoed_no) else ""
        )
        en = f"Cannot pass unless owner(s) {', '.join(vetoed_no)} change their vote to yes" + (
            f" ({n} owners in all would have to vote yes)" if n > len(vetoed_no) else ""
        )
        return Needed(False, n, ids, zh, en)
    zh = f"还需 {n} 位业主同意：{'、'.join(ids)}"
    en = f"{n} more owner(s) must vote yes, e.g. {', '.join(ids)}"
    if forced_ids & chosen:
        zh += "（其中专有部分受影响的业主必须同意）"
        en += " (owners whose exclusive part is affected must agree)"
    return Needed(True, n, ids, zh, en)
