"""Volume tiers: the price reached at a quantity, the saving against buying one at a time,
and tier cliffs (a larger quantity that costs less in total)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from ..errors import InputError
from ..money import to_decimal
from .catalogue import Product, VolumeTier


def tier_for(product: Product, quantity: int) -> VolumeTier | None:
    """The tier reached at ``quantity`` elevators: largest ``min_qty ≤ quantity``; ``None``
    below every tier."""
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 0:
        raise InputError("quantity", f"must be a whole number ≥ 0, got {quantity!r}")
    reached = None
    for t in sorted(product.tiers, key=lambda t: t.min_qty):
        if t.min_qty <= quantity:
            reached = t
    return reached


def unit_price_yuan(product: Product, quantity: int) -> Decimal:
    """Per-elevator base price at ``quantity`` elevators [yuan] (corridor not included)."""
    t = tier_for(product, quantity)
    return product.base_price_yuan if t is None else t.price_yuan(product.base_price_yuan)


def saving_rate(budget_yuan: Decimal, award_yuan: Decimal) -> Fraction:
    """Saving rate of a procurement: ``(budget − award) / budget``, exactly.

    The budget is what buying at the reference price would cost; the saving rate is quoted
    on it, i.e. ``saving / (award + saving)``.

    Parameters
    ----------
    budget_yuan : Decimal
        Reference cost (budget, or single-unit price × quantity) [yuan].
    award_yuan : Decimal
        Awarded (contract) amount [yuan].

    References
    ----------
    Anshan: award 52.86 M, saving 14.10 M → 14.10 / 66.96 = 21.06 % (domain research §10 W9).
    """
    budget = to_decimal(budget_yuan, "budget_yuan", allow_zero=False)
    award = to_decimal(award_yuan, "award_yuan")
    return Fraction(budget - award) / Fraction(budget)


@dataclass
class BulkResult:
    """Bulk purchase of ``quantity`` elevators of one product.

    Attributes
    ----------
    tier_min_qty : int or None
        Quantity at which the reached tier starts; ``None`` = no tier (single price).
    single_price_yuan : Decimal
        Per-elevator base price when buying one at a time [yuan].
    unit_price_yuan : Decimal
        Per-elevator base price in the reached tier [yuan].
    total_yuan : Decimal
        ``unit_price_yuan × quantity`` [yuan].
    saving_yuan : Decimal
        ``(single − unit) × quantity`` [yuan].
    saving_rate : Fraction
        ``saving / (single × quantity)``.
    next_tier_min_qty : int or None
        Quantity of the next tier, if any; ``next_tier_unit_price_yuan`` its price.
    cliff_quantity : int or None
        A tier cliff: the smallest larger quantity whose total is lower than the total at
        ``quantity`` (e.g. 49 elevators cost more than 50); ``cliff_total_yuan`` its total.
    """

    product_id: str
    quantity: int
    tier_min_qty: int | None
    single_price_yuan: Decimal
    unit_price_yuan: Decimal
    total_yuan: Decimal
    saving_yuan: Decimal
    saving_rate: Fraction
    next_tier_min_qty: int | None = None
    next_tier_unit_price_yuan: Decimal | None = None
    cliff_quantity: int | None = None
    cliff_total_yuan: Decimal | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "product": self.product_id,
            "quantity": self.quantity,
            "tier_min_qty": self.tier_min_qty,
            "single_price_yuan": self.single_price_yuan,
            "unit_price_yuan": self.unit_price_yuan,
            "total_yuan": self.total_yuan,
            "saving_yuan": self.saving_yuan,
            "saving_rate_percent": pct(self.saving_rate),
            "next_tier_min_qty": self.next_tier_min_qty,
            "next_tier_unit_price_yuan": self.next_tier_unit_price_yuan,
            "cliff_quantity": self.cliff_quantity,
            "cliff_total_yuan": self.cliff_total_yuan,
        }


def bulk(product: Product, quantity: int) -> BulkResult:
    """Tier reached, price per elevator and saving against buying one at a time."""
    t = tier_for(product, quantity)
    single = product.base_price_yuan
    price = unit_price_yuan(product, quantity)
    total = price * quantity
    saving = (single - price) * quantity
    rate = saving_rate(single * quantity, total) if quantity > 0 and single > 0 else Fraction(0)
    nxt = next(
        (x for x in sorted(product.tiers, key=lambda x: x.min_qty) if x.min_qty > quantity), None
    )
    cliff = tier_cliff(product, quantity)
    return BulkResult(
        product.id,
        quantity,
        None if t is None else t.min_qty,
        single,
        price,
        total,
        saving,
        rate,
        None if nxt is None else nxt.min_qty,
        None if nxt is None else nxt.price_yuan(single),
        None if cliff is None else cliff[0],
        None if cliff is None else cliff[1],
    )


def tier_cliff(product: Product, quantity: int) -> tuple[int, Decimal] | None:
    """The smallest quantity above ``quantity`` that costs less in total, with that total.

    Totals only change their slope at a tier start, so the candidates are the tier starts
    above ``quantity``: ``(min_qty, min_qty × tier price)`` of the first tier whose total is
    below ``quantity × price at quantity``; ``None`` when there is none (or ``quantity`` is
    0).
    """
    if quantity <= 0:
        return None
    now = unit_price_yuan(product, quantity) * quantity
    for t in sorted(product.tiers, key=lambda x: x.min_qty):
        if t.min_qty > quantity:
            total = t.price_yuan(product.base_price_yuan) * t.min_qty
            if total < now:
                return t.min_qty, total
    return None


def pct(f: Fraction, places: int = 2) -> Decimal:
    q = Decimal(1).scaleb(-places)
    return (Decimal(f.numerator) * 100 / Decimal(f.denominator)).quantize(q, ROUND_HALF_UP)
