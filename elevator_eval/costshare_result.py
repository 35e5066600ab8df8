"""The result of a cost split: one :class:`HouseholdShare` per household inside a
:class:`ShareResult` (made by :func:`elevator_eval.costshare.compute_share`), and its JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .costshare_subsidy import SubsidyLine
from .money import ZERO, json_number


@dataclass
class HouseholdShare:
    """One household's share.

    Attributes
    ----------
    share_yuan : Decimal
        Capital share including the compensation contribution (negative for a receiver)
        [yuan].
    compensation_yuan : Decimal
        < 0 received, > 0 paid into the compensation pool, 0 otherwise [yuan].
    annual_running_yuan : Decimal
        Share of the yearly running cost [yuan/a].
    provident_fund_yuan, maintenance_fund_yuan, cash_yuan : Decimal
        How the share is funded [yuan]; ``cash_yuan`` is what the household pays from its
        own pocket and equals ``net_out_of_pocket_yuan``.
    running_10y_yuan, running_15y_yuan : Decimal
        Running cost over 10 and 15 years, discounted when a rate is set [yuan].
    """

    id: str
    floor: int
    area_m2: Decimal
    share_yuan: Decimal
    compensation_yuan: Decimal = ZERO
    annual_running_yuan: Decimal = ZERO
    provident_fund_yuan: Decimal = ZERO
    maintenance_fund_yuan: Decimal = ZERO
    cash_yuan: Decimal = ZERO
    net_out_of_pocket_yuan: Decimal = ZERO
    running_10y_yuan: Decimal = ZERO
    running_15y_yuan: Decimal = ZERO
    capital_yuan: Decimal = ZERO
    exempt: bool = False
    weight: Fraction = Fraction(0)

    @property
    def total_10y_yuan(self) -> Decimal:
        """Capital share plus 10 years of running cost [yuan]."""
        return self.share_yuan + self.running_10y_yuan

    @property
    def total_15y_yuan(self) -> Decimal:
        """Capital share plus 15 years of running cost [yuan]."""
        return self.share_yuan + self.running_15y_yuan


@dataclass
class ShareResult:
    """The cost split of one unit (see :func:`elevator_eval.costshare.compute_share`)."""

    unit_id: str
    method: str
    method_title_zh: str
    method_title_en: str
    method_source: str
    total_yuan: Decimal
    subsidy_yuan: Decimal
    subsidy_lines: list[SubsidyLine]
    owners_total_yuan: Decimal
    rounding_yuan: Decimal
    households: list[HouseholdShare]
    annual_running_total_yuan: Decimal
    warnings: list[str] = field(default_factory=list)
    compensation_pool_yuan: Decimal = ZERO
    running_method: str = ""
    discount_rate: Decimal | None = None
    running_10y_total_yuan: Decimal = ZERO
    running_15y_total_yuan: Decimal = ZERO
    maintenance_fund_approved: bool | None = None
    table: str | None = None

    def household(self, household_id: str) -> HouseholdShare:
        for h in self.households:
            if h.id == household_id:
                return h
        raise KeyError(household_id)

    def to_json(self) -> dict[str, Any]:
        """Spec §2 keys (``unit``, ``total_yuan``, ``subsidy_yuan``, ``owners_total_yuan``,
        ``households[{id, floor, share_yuan}]``) plus extras; JSON-native numbers."""
        n = json_number
        return {
            "unit": self.unit_id,
            "total_yuan": n(self.total_yuan),
            "subsidy_yuan": n(self.subsidy_yuan),
            "owners_total_yuan": n(self.owners_total_yuan),
            "households": [
                {
                    "id": h.id,
                    "floor": h.floor,
                    "share_yuan": n(h.share_yuan),
                    "area_m2": n(h.area_m2),
                    "exempt": h.exempt,
                    "capital_yuan": n(h.capital_yuan),
                    "compensation_yuan": n(h.compensation_yuan),
                    "annual_running_yuan": n(h.annual_running_yuan),
                    "running_10y_yuan": n(h.running_10y_yuan),
                    "running_15y_yuan": n(h.running_15y_yuan),
                    "provident_fund_yuan": n(h.provident_fund_yuan),
                    "maintenance_fund_yuan": n(h.maintenance_fund_yuan),
                    "cash_yuan": n(h.cash_yuan),
                    "net_out_of_pocket_yuan": n(h.net_out_of_pocket_yuan),
                }
                for h in self.households
            ],
            "method": self.method,
            "method_title_zh": self.method_title_zh,
            "method_title_en": self.method_title_en,
            "method_source": self.method_source,
            "table": self.table,
            "rounding_yuan": n(self.rounding_yuan),
            "subsidies": [
                {
                    "type": s.type,
                    "title_zh": s.title_zh,
                    "title_en": s.title_en,
                    "amount_yuan": n(s.amount_yuan),
                    "parts": {k: n(v) for k, v in s.parts.items()},
                }
                for s in self.subsidy_lines
            ],
            "compensation_pool_yuan": n(self.compensation_pool_yuan),
            "running_method": self.running_method,
            "discount_rate": None if self.discount_rate is None else n(self.discount_rate),
            "annual_running_total_yuan": n(self.annual_running_total_yuan),
            "running_10y_total_yuan": n(self.running_10y_total_yuan),
            "running_15y_total_yuan": n(self.running_15y_total_yuan),
            "maintenance_fund_approved": self.maintenance_fund_approved,
            "warnings": list(self.warnings),
        }
