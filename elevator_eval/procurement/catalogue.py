"""Quoted products, their volume tiers and the procurement rule data (defaults, VDI 4707
usage categories, fit limits, tender rules), each file with its source."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from ..errors import InputError
from ..model import ENTRY_MODES
from ..money import to_decimal
from ..ruledata import load

ENTRY_MODE_LABELS = {
    "half_landing": ("半层入户", "half-landing entry"),
    "flat": ("平层入户", "flat entry"),
}

PRICE_LINES = (
    "equipment_yuan",
    "installation_yuan",
    "shaft_structure_yuan",
    "civil_yuan",
    "corridor_yuan",
)
"""Quoted price lines of a product, per elevator [yuan]."""

PRICE_LINE_LABELS = {
    "equipment_yuan": ("设备", "equipment"),
    "installation_yuan": ("安装", "installation"),
    "shaft_structure_yuan": ("井道钢结构", "shaft structure"),
    "civil_yuan": ("土建", "civil works"),
    "corridor_yuan": ("连廊", "corridor"),
}

Amount = Decimal | int | str
"""A number as the caller gives it [yuan, %, …], checked by
:func:`~elevator_eval.money.to_decimal` where it is used."""


ENERGY_CLASSES = ("", "A", "B", "C", "D", "E", "F", "G")
"""VDI 4707-1 energy-efficiency classes ("" = not declared)."""


@cache
def rule(name: str) -> dict[str, Any]:
    return load("procurement", name, field="procurement")


def defaults() -> dict[str, Any]:
    """The shipped defaults (``rules/procurement/defaults.json``), each with its source."""
    return rule("defaults")


def default_value(key: str) -> Any:
    """The ``value`` of a shipped default (a JSON value: number, text or object)."""
    return rule("defaults")[key]["value"]


def vdi4707_categories() -> list[dict[str, Any]]:
    """VDI 4707-1 usage categories: ``category``, ``travel_h_per_day``, ``standby_h_per_day``."""
    return list(rule("vdi4707")["categories"])


def usage_category(households: int) -> int:
    """VDI 4707-1 usage category of a residential lift by the number of households served.

    Parameters
    ----------
    households : int
        Households (apartments) served by the lift.

    Returns
    -------
    int
        1 (≤ 6 apartments), 2 (≤ 20), 3 (≤ 50) or 4 (> 50).

    References
    ----------
    VDI 4707-1 usage-category table, "typical building" row (domain research §7) [B].
    """
    if isinstance(households, bool) or not isinstance(households, int) or households < 0:
        raise InputError("households", f"must be a whole number ≥ 0, got {households!r}")
    for row in vdi4707_categories():
        limit = row.get("max_households")
        if limit is not None and households <= int(limit):
            return int(row["category"])
    return 4


def category_row(category: int) -> dict[str, Any]:
    for row in vdi4707_categories():
        if int(row["category"]) == category:
            return row
    raise InputError("usage_category", f"must be 1–5, got {category!r}")


@dataclass(frozen=True)
class VolumeTier:
    """One volume tier of a quote: from ``min_qty`` elevators, a unit price or a discount.

    Exactly one of ``unit_price_yuan`` [yuan per elevator] and ``discount_percent`` [%, off
    the base price] is set.
    """

    min_qty: int
    unit_price_yuan: Decimal | None = None
    discount_percent: Decimal | None = None

    def price_yuan(self, base_price_yuan: Decimal) -> Decimal:
        """Price per elevator in this tier [yuan], rounded to the fen."""
        if self.unit_price_yuan is not None:
            return self.unit_price_yuan
        if self.discount_percent is None:  # the quote check rejects such a tier first
            raise ValueError(f"tier from {self.min_qty} has neither a price nor a discount")
        off = base_price_yuan * self.discount_percent / Decimal(100)
        return (base_price_yuan - off).quantize(Decimal("0.01"), ROUND_HALF_UP)

    def label(self) -> str:
        if self.unit_price_yuan is not None:
            return f"≥{self.min_qty}: {self.unit_price_yuan}"
        return f"≥{self.min_qty}: -{self.discount_percent}%"


@dataclass
class Product:
    """A quoted elevator product (one row of the quotes workbook).

    Attributes
    ----------
    id : str
        Unique product id within a quotes file.
    vendor, model : str
        Vendor (供应商) and model (型号).
    rated_load_kg : int
        Rated load [kg].
    speed_m_s : Decimal
        Rated speed [m/s].
    car_width_mm, car_depth_mm : int
        Clear car width and depth [mm].
    door_width_mm : int
        Clear car-door width [mm].
    shaft_width_mm, shaft_depth_mm : int
        Outer footprint of the shaft structure [mm].
    pit_mm : int
        Pit depth the product needs [mm].
    headroom_mm : int
        Top-floor headroom the product needs [mm].
    entry_modes : tuple of str
        Entry modes the product supports (``half_landing``, ``flat``).
    equipment_yuan, installation_yuan, shaft_structure_yuan, civil_yuan, corridor_yuan : Decimal
        Quoted price lines per elevator [yuan].
    free_maintenance_years : int
        Years of free maintenance after hand-over [a].
    warranty_years : int
        Warranty [a].
    maintenance_yuan_per_year : Decimal
        Maintenance contract price after the free years [yuan/a].
    standby_power_w : Decimal
        Standby power draw [W].
    energy_per_trip_wh : Decimal
        Energy per trip [Wh].
    lead_time_days : int
        Delivery and installation lead time [days].
    energy_class : str
        VDI 4707-1 energy-efficiency class A–G as declared by the vendor ("" = not given).
    tiers : tuple of VolumeTier
        Volume tiers, sorted by ``min_qty``.
    rotatable : bool
        The shaft may be turned 90° on site.
    note : str
    """

    id: str
    vendor: str
    model: str
    rated_load_kg: int
    speed_m_s: Decimal
    car_width_mm: int
    car_depth_mm: int
    door_width_mm: int
    shaft_width_mm: int
    shaft_depth_mm: int
    pit_mm: int
    headroom_mm: int
    entry_modes: tuple[str, ...]
    equipment_yuan: Decimal
    installation_yuan: Decimal
    shaft_structure_yuan: Decimal
    civil_yuan: Decimal
    corridor_yuan: Decimal = Decimal(0)
    free_maintenance_years: int = 0
    warranty_years: int = 0
    maintenance_yuan_per_year: Decimal = Decimal(0)
    standby_power_w: Decimal = Decimal(0)
    energy_per_trip_wh: Decimal = Decimal(0)
    lead_time_days: int = 0
    tiers: tuple[VolumeTier, ...] = ()
    rotatable: bool = False
    note: str = ""
    energy_class: str = ""

    @property
    def base_price_yuan(self) -> Decimal:
        """Per-elevator price without the corridor: the price of buying one [yuan]."""
        return (
            self.equipment_yuan
            + self.installation_yuan
            + self.shaft_structure_yuan
            + self.civil_yuan
        )

    def price_lines(self) -> dict[str, Decimal]:
        return {k: getattr(self, k) for k in PRICE_LINES}

    def to_json(self) -> dict[str, Any]:
        d = {
            k: getattr(self, k)
            for k in (
                "id",
                "vendor",
                "model",
                "rated_load_kg",
                "speed_m_s",
                "car_width_mm",
                "car_depth_mm",
                "door_width_mm",
                "shaft_width_mm",
                "shaft_depth_mm",
                "pit_mm",
                "headroom_mm",
            )
        }
        d["entry_modes"] = list(self.entry_modes)
        d.update(self.price_lines())
        d["base_price_yuan"] = self.base_price_yuan
        for k in (
            "free_maintenance_years",
            "warranty_years",
            "maintenance_yuan_per_year",
            "standby_power_w",
            "energy_per_trip_wh",
            "lead_time_days",
            "rotatable",
            "note",
            "energy_class",
        ):
            d[k] = getattr(self, k)
        d["tiers"] = [
            {
                "min_qty": t.min_qty,
                "unit_price_yuan": t.unit_price_yuan,
                "discount_percent": t.discount_percent,
            }
            for t in self.tiers
        ]
        return d


Quote = Product
"""A quote is one product with its prices; the two names are the same class."""


def validate_product(p: Product, field: str = "product") -> Product:
    """Check a product's ranges and tiers; returns it (tiers sorted).

    Raises
    ------
    InputError
        naming ``field.attribute`` for the first bad value.
    """
    if not isinstance(p.id, str) or not p.id.strip():
        raise InputError(f"{field}.id", "must not be empty")
    for k in (
        "rated_load_kg",
        "car_width_mm",
        "car_depth_mm",
        "door_width_mm",
        "shaft_width_mm",
        "shaft_depth_mm",
    ):
        v = getattr(p, k)
        if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
            raise InputError(f"{field}.{k}", f"must be a whole number > 0, got {v!r}")
    for k in (
        "pit_mm",
        "headroom_mm",
        "free_maintenance_years",
        "warranty_years",
        "lead_time_days",
    ):
        v = getattr(p, k)
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise InputError(f"{field}.{k}", f"must be a whole number ≥ 0, got {v!r}")
    for k in PRICE_LINES + (
        "maintenance_yuan_per_year",
        "standby_power_w",
        "energy_per_trip_wh",
        "speed_m_s",
    ):
        to_decimal(getattr(p, k), f"{field}.{k}")
    if p.energy_class not in ENERGY_CLASSES:
        raise InputError(
            f"{field}.energy_class",
            f"must be one of A–G (VDI 4707-1) or empty, got {p.energy_class!r}",
        )
    if not p.entry_modes:
        raise InputError(f"{field}.entry_modes", "must name at least one entry mode")
    for m in p.entry_modes:
        if m not in ENTRY_MODES:
            raise InputError(
                f"{field}.entry_modes",
                f"unknown entry mode {m!r} (known: {', '.join(ENTRY_MODES)})",
            )
    p.tiers = tuple(validate_tiers(p.tiers, p.base_price_yuan, f"{field}.tiers"))
    return p


def tier_problem(
    tiers: Iterable[VolumeTier], base_price_yuan: Decimal
) -> tuple[list[VolumeTier], tuple[str, str] | None]:
    """Sort volume tiers and find the first problem as ``(message_zh, message_en)``.

    Rules: ``min_qty ≥ 2`` (quantity 1 is the base price), no two tiers with the same
    ``min_qty``, exactly one of unit price / discount, discount in [0, 100), unit price > 0,
    and the price per elevator never rises with quantity nor exceeds the base price.
    """
    out = sorted(tiers, key=lambda t: t.min_qty if isinstance(t.min_qty, int) else 0)
    last_price = base_price_yuan
    seen: set[int] = set()
    for t in out:
        q = t.min_qty
        if isinstance(q, bool) or not isinstance(q, int) or q < 2:
            return out, (
                f"阶梯数量须为不小于 2 的整数，实际为 {q!r}",
                f"tier quantity must be a whole number ≥ 2, got {q!r}",
            )
        if q in seen:
            return out, (f"有两个阶梯都从 {q} 台开始", f"two tiers start at quantity {q}")
        seen.add(q)
        if (t.unit_price_yuan is None) == (t.discount_percent is None):
            return out, (
                f"阶梯 ≥{q} 须填写单价或折扣之一",
                f"tier ≥{q} needs either a unit price or a discount",
            )
        if t.discount_percent is not None and not (0 <= t.discount_percent < 100):
            return out, (
                f"阶梯 ≥{q} 的折扣须在 0–100 % 之间",
                f"tier ≥{q}: discount must be 0–100 %",
            )
        if t.unit_price_yuan is not None and t.unit_price_yuan <= 0:
            return out, (f"阶梯 ≥{q} 的单价须大于 0", f"tier ≥{q}: unit price must be > 0")
        price = t.price_yuan(base_price_yuan)
        if price > last_price:
            return out, (
                f"阶梯 ≥{q} 的单价 {price} 高于较小数量时的单价 {last_price}",
                f"tier ≥{q}: price {price} is higher than at a smaller quantity ({last_price})",
            )
        last_price = price
    return out, None


def validate_tiers(
    tiers: Iterable[VolumeTier], base_price_yuan: Decimal, field: str = "tiers"
) -> list[VolumeTier]:
    """Sorted tiers; see :func:`tier_problem` for the rules.

    Raises
    ------
    InputError
        naming ``field`` with the first problem (English).
    """
    out, problem = tier_problem(tiers, base_price_yuan)
    if problem is not None:
        raise InputError(field, problem[1])
    return out
