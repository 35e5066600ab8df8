"""A consent form repeats the percentage the proposal prints for the owner's homes.

The forms of one unit add up to 100.00 % as the proposal's table does; with lower-floor
compensation the base is what the paying households pay together (the owners' total plus
the compensation), as in the proposal's table.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

from pypdf import PdfReader

from elevator_eval.costshare import compute_share
from elevator_eval.report.common import Tr
from elevator_eval.report.consent_form import build_consent_forms
from elevator_eval.report.money_rows import share_percent_units
from elevator_eval.report.proposal_costs import household_rows
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project

PCT = re.compile(r"您的出资合计¥[\d,]+（占(?:业主合计|出资住户合计支付的)(\d+\.\d\d)%）")


def _unit(unit_id):
    return open_project(sample_project_path()).find_unit(unit_id)


def _form_percents(unit) -> list[Decimal]:
    buf = io.BytesIO()
    build_consent_forms(unit, out=buf)
    text = re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(buf).pages))
    return [Decimal(m) for m in PCT.findall(text)]


def test_forms_with_compensation_use_what_the_paying_households_pay_together():
    unit = _unit("DH-1-3")  # 101 and 102 receive 20,000 each, paid by the ten above
    s = compute_share(unit)
    assert s.compensation_pool_yuan == Decimal(40000)
    pcts = _form_percents(unit)
    assert len(pcts) == len(unit.households)  # one owner per home here
    assert sum(pcts) == Decimal("100.00")
    # 601 pays 55,973 of the 420,000 the paying households pay: 13.3269… % → 13.33 %
    # (of the owners' total 380,000 alone it would read 14.73 %)
    assert Decimal("13.33") in pcts and Decimal("14.73") not in pcts


def test_every_form_repeats_the_proposals_percentage():
    for unit_id in ("DH-1-1", "DH-1-3", "GY-1-1"):
        unit = _unit(unit_id)
        s = compute_share(unit)
        rows = household_rows(s, Tr("zh"))
        door, pct = rows[0].index("门牌"), rows[0].index("占比")
        printed = {r[door]: Decimal(r[pct].rstrip("%")) for r in rows[1:-1]}
        assert sum(printed.values()) == Decimal("100.00")
        # one form per owner, in the order of their first home, with the sum of the
        # percentages of their homes (GY-1-1: one owner has 601 and 602)
        owners: dict[str, Decimal] = {}
        for h in unit.households:
            owners[h.owner_id] = owners.get(h.owner_id, Decimal(0)) + printed[h.id]
        assert _form_percents(unit) == list(owners.values()), unit_id


def test_percent_units_add_up_and_follow_the_largest_remainder():
    s = compute_share(_unit("DH-1-1"))
    units = share_percent_units(s)
    assert sum(units.values()) == 10000
    # two equal contributions never differ by more than the one unit the method hands out
    paid = {h.id: h.share_yuan for h in s.households}
    for a in paid:
        for b in paid:
            if paid[a] == paid[b]:
                assert abs(units[a] - units[b]) <= 1


def test_the_form_says_the_share_signed_for_is_the_budgets_and_how_an_overrun_is_met():
    """A 6th-floor owner signs for a budget figure: the form asks about the share listed on
    it (no table is attached) and says, as the proposal's payment section does, that an
    overrun is shared in the same proportions and one of 5 % or more is put to the owners
    again (the document rules' payment block)."""
    buf = io.BytesIO()
    build_consent_forms(_unit("DH-1-1"), out=buf)
    text = re.sub(r"\s+", "", PdfReader(buf).pages[0].extract_text())
    assert "按本表所列出资分摊费用" in text and "附表" not in text
    assert (
        "所列出资按预算计；实际费用超出预算时，超出部分按本方案的分摊比例由出资业主分担；"
        "超出预算5%以上的，须重新征询业主意见" in text
    )
