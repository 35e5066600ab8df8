"""Per-household money as the documents print it: contributions and compensation apart,
and the payment schedule (advance before the subsidy, refund after it, final net).

The engine's ``share_yuan`` of a household that *receives* compensation is negative (its
capital share, usually 0, less what it receives). A printed share is never negative: the
documents show the contribution (``paid``) and, on its own line, the compensation received
(``received``, "获得补偿 ¥20,000").

The subsidy is paid after acceptance, so the owners advance the whole capital cost first:
each paying household's advance is its share of the capital total before subsidies, split
by the same weights and rounding as its final share (:func:`elevator_eval.costshare_allocate.allocate`).
For a 6th-floor household with a final share of 40,752 yuan out of an owners' total of
282,000 yuan when the capital total is 470,000 yuan, the advance is 67,920 yuan and the
refund after the subsidy 27,168 yuan.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .common import fmt_yuan, pct_units


def display_shares(s) -> tuple[list[Decimal], list[Decimal]]:
    """(contribution, compensation received) per household of ``s`` (a ShareResult), both
    ≥ 0 [yuan]; ``contribution − received`` is the engine's ``share_yuan``."""
    paid, received = [], []
    for h in s.households:
        comp = h.compensation_yuan
        if comp < 0:
            paid.append(h.share_yuan - comp)
            received.append(-comp)
        else:
            paid.append(h.share_yuan)
            received.append(Decimal(0))
    return paid, received


def owners_total_pairs(s, t) -> list[tuple[str, str]]:
    """The owners' total as a document's key facts give it, and with lower-floor
    compensation what the paying households pay besides and in all (the per-household
    table's total): ``[("业主合计出资", "¥380,000"), ("低层补偿 / 出资住户合计支付",
    "¥40,000 / ¥420,000")]``."""
    pairs = [(t("业主合计出资", "Owners' total"), fmt_yuan(s.owners_total_yuan, symbol=True))]
    pool = s.compensation_pool_yuan
    if pool > 0:
        pairs.append(
            (
                t("低层补偿 / 出资住户合计支付", "Compensation / paid in all"),
                fmt_yuan(pool, symbol=True)
                + " / "
                + fmt_yuan(s.owners_total_yuan + pool, symbol=True),
            )
        )
    return pairs


def share_percent_units(s, places: int = 2) -> dict[str, int] | None:
    """Each household's contribution as a part of all contributions (what the paying
    households pay together, their part of any compensation included), in units of
    ``10**-places`` percent by household id; None when nobody pays.

    The parts are rounded by the largest-remainder method in the printed order (top floor
    first, then door) so that they add up to exactly 100 %: the proposal's table prints
    them and a consent form repeats the owner's (summed over the owner's homes).
    """
    paid, _ = display_shares(s)
    hs = s.households
    order = sorted(range(len(hs)), key=lambda i: (-hs[i].floor, hs[i].id))
    units = pct_units([paid[i] for i in order], places)
    if units is None:
        return None
    return {hs[i].id: u for i, u in zip(order, units)}


@dataclass(frozen=True)
class PaymentRow:
    """One household's payments [yuan]: ``advance`` before work starts, ``refund`` when
    the subsidy arrives, ``net`` = advance − refund, ``received`` compensation."""

    id: str
    floor: int
    advance: Decimal
    refund: Decimal
    net: Decimal
    received: Decimal


def payment_schedule(unit, s) -> list[PaymentRow]:
    """The payment schedule of every household of ``s`` (in ``s.households`` order).

    Sums: Σ advance = capital total + compensation pool; Σ refund = subsidies;
    Σ net = Σ contributions.
    """
    from ..costshare_allocate import allocate

    floors = [h.floor for h in s.households]
    gross = allocate(
        s.total_yuan,
        [h.weight for h in s.households],
        s.rounding_yuan if s.rounding_yuan else unit.share.rounding_yuan,
        floors,
    )
    paid, received = display_shares(s)
    rows = []
    for h, g, p, r in zip(s.households, gross, paid, received):
        comp_paid = h.compensation_yuan if h.compensation_yuan > 0 else Decimal(0)
        advance = g + comp_paid
        rows.append(PaymentRow(h.id, h.floor, advance, advance - p, p, r))
    return rows
