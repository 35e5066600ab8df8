"""Property checks of §5 (cost sharing) and §6 (consent) through the command line.

Random units are written to a file and run through ``share``/``consent --json``; the output
is checked against the contract's words, evaluated independently here with exact
``Fraction`` arithmetic (a reference written from the contract text, not from the code).
"""

from __future__ import annotations

import json
import tempfile
from fractions import Fraction
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_spec_conformance import clean_unit, cli, hh

SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

area_st = st.integers(min_value=2000, max_value=15000).map(lambda c: Fraction(c, 100))


def _run(command: str, unit: dict) -> dict:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "u.unit.json"
        p.write_text(json.dumps(unit, ensure_ascii=False), encoding="utf-8")
        r = cli(command, p, "--json")
    assert r.code == 0, r.err
    return json.loads(r.out)


def _dec(f: Fraction) -> str:
    """A Fraction with a terminating decimal as decimal text."""
    from decimal import Decimal

    return str(Decimal(f.numerator) / Decimal(f.denominator))


# =========================================================================== §5


@st.composite
def share_case(draw):
    n = draw(st.integers(min_value=1, max_value=9))
    floors = [draw(st.integers(min_value=1, max_value=6)) for _ in range(n)]
    areas = [draw(area_st) for _ in range(n)]
    method = draw(
        st.sampled_from(["floor_coefficient_area", "coefficient_by_floor", "stair_count", "equal"])
    )
    exempt = sorted(set(draw(st.lists(st.integers(1, 6), max_size=2))))
    coeffs = {f: Fraction(draw(st.integers(min_value=1, max_value=20)), 10) for f in range(1, 7)}
    rounding = draw(
        st.sampled_from(
            [Fraction(1), Fraction(10), Fraction(100), Fraction(1, 100), Fraction(1, 2)]
        )
    )
    total = Fraction(draw(st.integers(min_value=0, max_value=10_000_000)), 100)
    return floors, areas, method, exempt, coeffs, rounding, total


def _weight(method, floor, area, coeffs, exempt) -> Fraction:
    if floor in exempt:
        return Fraction(0)
    return {
        "floor_coefficient_area": coeffs[floor] * area,
        "coefficient_by_floor": coeffs[floor],
        "stair_count": Fraction(floor - 1),
        "equal": Fraction(1),
    }[method]


@SETTINGS
@given(share_case())
def test_share_follows_the_contract(case):
    floors, areas, method, exempt, coeffs, rounding, total = case
    ws = [_weight(method, f, a, coeffs, exempt) for f, a in zip(floors, areas)]
    W = sum(ws)
    hs = [hh(f"h{i}", f, _dec(a)) for i, (f, a) in enumerate(zip(floors, areas))]
    unit = clean_unit(
        hs,
        costs={"total_yuan": _dec(total)},
        share={
            "method": method,
            "exempt_floors": exempt,
            "coefficients": {str(k): _dec(v) for k, v in coeffs.items()},
            "rounding_yuan": _dec(rounding),
        },
    )
    if W == 0 and total > 0:  # nobody can pay: bad input
        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / "u.unit.json"
            p.write_text(json.dumps(unit), encoding="utf-8")
            assert cli("share", p, "--json").code == 2
        return
    d = _run("share", unit)
    got = [Fraction(str(h["share_yuan"])) for h in d["households"]]
    assert [h["id"] for h in d["households"]] == [h["id"] for h in hs]
    assert [h["floor"] for h in d["households"]] == floors
    assert Fraction(str(d["owners_total_yuan"])) == total
    assert sum(got) == total  # adds up exactly
    if total == 0:
        assert all(g == 0 for g in got)
        return
    # reference, from the words of §5. Reading taken where the contract leaves room: the
    # quotas are of the exact owners' total (T / rounding × w / W), not of its whole units
    # only; the odd amount goes to the first household of the largest-remainder order.
    units = total / rounding
    whole = units.numerator // units.denominator
    odd = total - whole * rounding
    q = [units * w / W for w in ws]
    base = [x.numerator // x.denominator for x in q]
    rem = [x - b for x, b in zip(q, base)]
    order = [i for i in sorted(range(len(ws)), key=lambda i: (-rem[i], -floors[i], i)) if ws[i] > 0]
    leftover = whole - sum(base)
    expected = [rounding * (b + (1 if i in order[:leftover] else 0)) for i, b in enumerate(base)]
    expected[order[0]] += odd
    assert got == expected
    # each share a multiple of rounding_yuan except the one carrying the odd amount
    multiples = [i for i, g in enumerate(got) if (g / rounding).denominator == 1]
    assert len(multiples) >= len(got) - (1 if odd else 0)
    # exempt floors pay 0; everyone within one unit (plus the odd amount) of the exact quota
    for i, g in enumerate(got):
        if ws[i] == 0:
            assert g == 0
        assert abs(g - total * ws[i] / W) <= rounding + odd


# =========================================================================== §6


@st.composite
def vote_case(draw):
    n = draw(st.integers(min_value=1, max_value=10))
    owners = [f"O{draw(st.integers(0, n - 1))}" for _ in range(n)]
    vote_of = {o: draw(st.sampled_from(["yes", "no", "abstain", None])) for o in owners}
    areas = [draw(area_st) for _ in range(n)]
    affected = [draw(st.booleans()) and draw(st.booleans()) for _ in range(n)]
    return owners, vote_of, areas, affected


def _at_least(part, whole, ratio: Fraction) -> bool:
    return part >= ratio * whole


@SETTINGS
@given(vote_case())
def test_consent_follows_the_contract(case):
    owners, vote_of, areas, affected = case
    hs = []
    for i, (o, a, aff) in enumerate(zip(owners, areas, affected)):
        h = hh(f"{i}", 1 + i % 6, _dec(a), owner=o, vote=vote_of[o])
        if aff:
            h["exclusive_part_affected"] = True
        hs.append(h)
    d = _run("consent", clean_unit(hs))
    # reference: heads per distinct owner, owner's area = sum of its households' areas
    heads = sorted(set(owners))
    area = {o: sum(a for oo, a in zip(owners, areas) if oo == o) for o in heads}
    part = [o for o in heads if vote_of[o] is not None]
    yes = [o for o in heads if vote_of[o] == "yes"]
    total_area = sum(area.values())
    part_area = sum(area[o] for o in part)
    yes_area = sum(area[o] for o in yes)
    p_area = _at_least(part_area, total_area, Fraction(2, 3))
    p_heads = _at_least(len(part), len(heads), Fraction(2, 3))
    assert d["participation"] == {"area_ok": p_area, "headcount_ok": p_heads} or (
        d["participation"]["area_ok"] is p_area and d["participation"]["headcount_ok"] is p_heads
    )
    if part:  # with nobody taking part the approval flags are not fixed by the contract
        assert d["approval"]["area_ok"] is _at_least(yes_area, part_area, Fraction(3, 4))
        assert d["approval"]["headcount_ok"] is _at_least(len(yes), len(part), Fraction(3, 4))
    affected_owners = {o for o, aff in zip(owners, affected) if aff}
    blocking = sorted(o for o in affected_owners if vote_of[o] != "yes")
    assert sorted(d["blocking"]) == blocking
    approval = (
        bool(part)
        and _at_least(yes_area, part_area, Fraction(3, 4))
        and _at_least(len(yes), len(part), Fraction(3, 4))
    )
    assert d["passed"] is (p_area and p_heads and approval and not blocking)
