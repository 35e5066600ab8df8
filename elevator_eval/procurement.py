"""Bulk procurement (集中带量采购): quotes, fit checks, life-cycle cost, volume tiers, scoring.

Pure functions on plain dataclasses; money is ``Decimal`` yuan, ratios are ``Fraction``.
The Excel template and the comparison workbook live in :mod:`elevator_eval.io.quotes_xlsx`.

Decisions (documented here so that the UI and the reports can quote them):

- **Shaft footprint.** ``shaft_width_mm × shaft_depth_mm`` is the vendor's outer footprint of
  the shaft structure; it must fit the surveyed clear space ``site.footprint_available_m``
  (width × depth, metres). A 90° rotation is tried only when the product says
  ``rotatable=True`` (default no: the door side of a shaft is fixed by the stairwell).
- **Fit is three-valued.** ``fits`` is ``False`` as soon as one measured value is exceeded,
  ``None`` ("unknown") when nothing is exceeded but a needed survey value is missing, and
  ``True`` only when every check was made and passed. Equality fits (a 1,400 mm pit takes a
  product needing 1,400 mm).
- **Corridor line.** The quoted corridor (连廊) price is counted only for units with flat
  entry (平层入户) or with the entry mode not surveyed (conservative).
- **Volume tiers** apply to the per-elevator base price (equipment + installation + shaft
  structure + civil works); the corridor line is site-specific and never discounted. The
  unit price at quantity ``q`` is that of the tier with the largest ``min_qty ≤ q``; below
  every tier it is the base price (buying one at a time).
- **Tender sensitivity.** When the price weight ``w`` moves, the technical and service
  weights — and the evaluators' points in them — are rescaled by the same factor
  ``(100 − w) / (100 − w₀)``, so their ratio stays as entered. Every total is then linear in
  ``w``, and the crossing points are found exactly with ``Fraction``.

References
----------
- 财政部令第87号 Art. 55 (price weight ≥ 30 % goods, ≥ 10 % services; low-price benchmark
  method), via domain research §6.
- GB 50763-2012 §3.7.2 (accessible car 1.10 × 1.40 m, door 0.80 m).
- VDI 4707-1 usage categories (domain research §7).
- Anshan centralised elevator tender: saving rate 21.06 % (domain research §10 W9).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from functools import lru_cache
from typing import Any, Iterable, Sequence

from .errors import InputError
from .model import ENTRY_MODES, Unit
from .money import to_decimal

ENTRY_MODE_LABELS = {"half_landing": ("半层入户", "half-landing entry"),
                     "flat": ("平层入户", "flat entry")}

PRICE_LINES = ("equipment_yuan", "installation_yuan", "shaft_structure_yuan", "civil_yuan",
               "corridor_yuan")
"""Quoted price lines of a product, per elevator [yuan]."""

PRICE_LINE_LABELS = {
    "equipment_yuan": ("设备", "equipment"),
    "installation_yuan": ("安装", "installation"),
    "shaft_structure_yuan": ("井道钢结构", "shaft structure"),
    "civil_yuan": ("土建", "civil works"),
    "corridor_yuan": ("连廊", "corridor"),
}

TENDER_KINDS = ("goods", "services")

PRICE_BASES = ("unit_price", "capital", "npv")
"""What the tender's price score is computed on: the per-elevator tier price (``unit_price``,
the sticker price), the mean capital per elevator including the corridor where counted
(``capital``), or the mean life-cycle NPV per elevator (``npv``)."""


# --------------------------------------------------------------------------- rule data

@lru_cache(maxsize=None)
def _rule(name: str) -> dict[str, Any]:
    from .ruledata import load
    return load("procurement", name, field="procurement")


def defaults() -> dict[str, Any]:
    """The shipped defaults (``rules/procurement/defaults.json``), each with its source."""
    return _rule("defaults")


def _default(key: str):
    return _rule("defaults")[key]["value"]


def vdi4707_categories() -> list[dict[str, Any]]:
    """VDI 4707-1 usage categories: ``category``, ``travel_h_per_day``, ``standby_h_per_day``."""
    return list(_rule("vdi4707")["categories"])


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


def _category_row(category: int) -> dict[str, Any]:
    for row in vdi4707_categories():
        if int(row["category"]) == category:
            return row
    raise InputError("usage_category", f"must be 1–5, got {category!r}")


# --------------------------------------------------------------------------- products

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

    @property
    def base_price_yuan(self) -> Decimal:
        """Per-elevator price without the corridor: the price of buying one [yuan]."""
        return (self.equipment_yuan + self.installation_yuan + self.shaft_structure_yuan
                + self.civil_yuan)

    def price_lines(self) -> dict[str, Decimal]:
        return {k: getattr(self, k) for k in PRICE_LINES}

    def to_json(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in (
            "id", "vendor", "model", "rated_load_kg", "speed_m_s", "car_width_mm",
            "car_depth_mm", "door_width_mm", "shaft_width_mm", "shaft_depth_mm", "pit_mm",
            "headroom_mm")}
        d["entry_modes"] = list(self.entry_modes)
        d.update(self.price_lines())
        d["base_price_yuan"] = self.base_price_yuan
        for k in ("free_maintenance_years", "warranty_years", "maintenance_yuan_per_year",
                  "standby_power_w", "energy_per_trip_wh", "lead_time_days", "rotatable",
                  "note"):
            d[k] = getattr(self, k)
        d["tiers"] = [{"min_qty": t.min_qty, "unit_price_yuan": t.unit_price_yuan,
                       "discount_percent": t.discount_percent} for t in self.tiers]
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
    for k in ("rated_load_kg", "car_width_mm", "car_depth_mm", "door_width_mm",
              "shaft_width_mm", "shaft_depth_mm"):
        v = getattr(p, k)
        if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
            raise InputError(f"{field}.{k}", f"must be a whole number > 0, got {v!r}")
    for k in ("pit_mm", "headroom_mm", "free_maintenance_years", "warranty_years",
              "lead_time_days"):
        v = getattr(p, k)
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise InputError(f"{field}.{k}", f"must be a whole number ≥ 0, got {v!r}")
    for k in PRICE_LINES + ("maintenance_yuan_per_year", "standby_power_w",
                            "energy_per_trip_wh", "speed_m_s"):
        to_decimal(getattr(p, k), f"{field}.{k}")
    if not p.entry_modes:
        raise InputError(f"{field}.entry_modes", "must name at least one entry mode")
    for m in p.entry_modes:
        if m not in ENTRY_MODES:
            raise InputError(f"{field}.entry_modes",
                             f"unknown entry mode {m!r} (known: {', '.join(ENTRY_MODES)})")
    p.tiers = tuple(validate_tiers(p.tiers, p.base_price_yuan, f"{field}.tiers"))
    return p


def tier_problem(tiers: Iterable[VolumeTier], base_price_yuan: Decimal
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
            return out, (f"阶梯数量须为不小于 2 的整数，实际为 {q!r}",
                         f"tier quantity must be a whole number ≥ 2, got {q!r}")
        if q in seen:
            return out, (f"有两个阶梯都从 {q} 台开始", f"two tiers start at quantity {q}")
        seen.add(q)
        if (t.unit_price_yuan is None) == (t.discount_percent is None):
            return out, (f"阶梯 ≥{q} 须填写单价或折扣之一",
                         f"tier ≥{q} needs either a unit price or a discount")
        if t.discount_percent is not None and not (0 <= t.discount_percent < 100):
            return out, (f"阶梯 ≥{q} 的折扣须在 0–100 % 之间",
                         f"tier ≥{q}: discount must be 0–100 %")
        if t.unit_price_yuan is not None and t.unit_price_yuan <= 0:
            return out, (f"阶梯 ≥{q} 的单价须大于 0", f"tier ≥{q}: unit price must be > 0")
        price = t.price_yuan(base_price_yuan)
        if price > last_price:
            return out, (f"阶梯 ≥{q} 的单价 {price} 高于较小数量时的单价 {last_price}",
                         f"tier ≥{q}: price {price} is higher than at a smaller quantity "
                         f"({last_price})")
        last_price = price
    return out, None


def validate_tiers(tiers: Iterable[VolumeTier], base_price_yuan: Decimal,
                   field: str = "tiers") -> list[VolumeTier]:
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


# --------------------------------------------------------------------------- fit check

@dataclass(frozen=True)
class FitReason:
    """Why a product does not fit a unit (``kind="misfit"``) or cannot be checked
    (``kind="not_surveyed"``)."""

    code: str
    kind: str
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang == "zh" else self.message_en


@dataclass
class FitResult:
    """Fit of one product in one unit.

    Attributes
    ----------
    fits : bool or None
        ``True`` fits, ``False`` a measured value is exceeded, ``None`` unknown (a needed
        survey value is missing and nothing measured is exceeded).
    accessible : bool
        Car ≥ 1,100 × 1,400 mm and door ≥ 800 mm (GB 50763-2012 §3.7.2).
    stretcher : bool
        Rated load ≥ 1,000 kg or car depth ≥ 2,100 mm (app default, see ``rules/procurement/fit.json``).
    rotated : bool
        The shaft fits only turned by 90° (the product allows it).
    margins_mm : dict
        Spare space per check (``width``, ``depth``, ``pit``, ``headroom``) [mm]; negative =
        short by that much; missing key = not surveyed.
    reasons : list of FitReason
    """

    unit_id: str
    product_id: str
    fits: bool | None
    accessible: bool
    stretcher: bool
    rotated: bool = False
    margins_mm: dict[str, int] = field(default_factory=dict)
    reasons: list[FitReason] = field(default_factory=list)

    @property
    def reasons_zh(self) -> list[str]:
        return [r.message_zh for r in self.reasons]

    @property
    def reasons_en(self) -> list[str]:
        return [r.message_en for r in self.reasons]

    @property
    def state(self) -> str:
        """``"fits"``, ``"misfit"`` or ``"unknown"``."""
        return {True: "fits", False: "misfit", None: "unknown"}[self.fits]

    def to_json(self) -> dict[str, Any]:
        return {"unit": self.unit_id, "product": self.product_id, "fits": self.fits,
                "state": self.state, "accessible": self.accessible,
                "stretcher": self.stretcher, "rotated": self.rotated,
                "margins_mm": dict(self.margins_mm),
                "reasons": [{"code": r.code, "kind": r.kind, "message_zh": r.message_zh,
                             "message_en": r.message_en} for r in self.reasons]}


def is_accessible(p: Product) -> bool:
    """Car ≥ 1,100 × 1,400 mm and car door ≥ 800 mm (GB 50763-2012 §3.7.2)."""
    a = _rule("fit")["accessible"]
    return (p.car_width_mm >= int(a["car_width_mm"]) and p.car_depth_mm >= int(a["car_depth_mm"])
            and p.door_width_mm >= int(a["door_width_mm"]))


def is_stretcher_capable(p: Product) -> bool:
    """Rated load ≥ 1,000 kg or car depth ≥ 2,100 mm (domain research §4.5 and §0 item 9;
    the depth is a recalled ISO value — app default)."""
    s = _rule("fit")["stretcher"]
    return p.rated_load_kg >= int(s["rated_load_kg"]) or p.car_depth_mm >= int(s["car_depth_mm"])


def _mm(value_m: Decimal) -> int:
    return int((Decimal(value_m) * 1000).to_integral_value(ROUND_HALF_UP))


def check_fit(unit: Unit, product: Product, *, require_accessible: bool = False,
              require_stretcher: bool = False) -> FitResult:
    """Check whether ``product`` fits the surveyed site of ``unit``.

    Checks: entry mode supported; shaft footprint within ``site.footprint_available_m``
    (90° rotation only for ``product.rotatable``); ``pit_mm ≤ site.pit_depth_available_mm``;
    ``headroom_mm ≤ site.headroom_available_mm``; optionally an accessible or a
    stretcher-capable car. Missing survey values give a ``not_surveyed`` reason and make the
    result unknown rather than a fit.

    Parameters
    ----------
    unit : Unit
    product : Product
    require_accessible, require_stretcher : bool
        Treat a car below GB 50763 / stretcher size as a misfit.
    """
    site = unit.site
    reasons: list[FitReason] = []
    margins: dict[str, int] = {}
    rotated = False

    def misfit(code, zh, en):
        reasons.append(FitReason(code, "misfit", zh, en))

    def unknown(code, zh, en):
        reasons.append(FitReason(code, "not_surveyed", zh, en))

    # entry mode
    mode = site.entry_mode
    if mode is None:
        unknown("entry_mode_not_surveyed", "入户方式未调查", "entry mode not surveyed")
    elif mode not in product.entry_modes:
        zh, en = ENTRY_MODE_LABELS.get(mode, (mode, mode))
        misfit("entry_mode", f"产品不支持{zh}",
               f"the product does not support {en}")

    # footprint
    fp = site.footprint_available_m
    if fp is None:
        unknown("footprint_not_surveyed", "井道占地尺寸未调查",
                "footprint for the shaft not surveyed")
    else:
        w_mm, d_mm = _mm(fp[0]), _mm(fp[1])
        sw, sd = product.shaft_width_mm, product.shaft_depth_mm
        straight = (w_mm - sw, d_mm - sd)
        turned = (w_mm - sd, d_mm - sw)
        use = straight
        if min(straight) < 0 and product.rotatable and min(turned) >= 0:
            use, rotated = turned, True
        margins["width"], margins["depth"] = use
        if min(use) < 0:
            misfit("footprint",
                   f"井道 {sw}×{sd} mm 超出可用场地 {w_mm}×{d_mm} mm",
                   f"shaft {sw} × {sd} mm exceeds the available footprint "
                   f"{w_mm} × {d_mm} mm")

    # pit
    if site.pit_depth_available_mm is None:
        unknown("pit_not_surveyed", "可开挖底坑深度未调查", "available pit depth not surveyed")
    else:
        margins["pit"] = site.pit_depth_available_mm - product.pit_mm
        if margins["pit"] < 0:
            misfit("pit", f"需底坑 {product.pit_mm} mm，现场仅 {site.pit_depth_available_mm} mm",
                   f"needs a {product.pit_mm} mm pit, the site allows "
                   f"{site.pit_depth_available_mm} mm")

    # headroom
    if site.headroom_available_mm is None:
        unknown("headroom_not_surveyed", "顶层高度未调查", "top-floor headroom not surveyed")
    else:
        margins["headroom"] = site.headroom_available_mm - product.headroom_mm
        if margins["headroom"] < 0:
            misfit("headroom",
                   f"需顶层高度 {product.headroom_mm} mm，现场仅 {site.headroom_available_mm} mm",
                   f"needs {product.headroom_mm} mm headroom, the site has "
                   f"{site.headroom_available_mm} mm")

    accessible = is_accessible(product)
    stretcher = is_stretcher_capable(product)
    if require_accessible and not accessible:
        misfit("not_accessible", "轿厢或门宽达不到无障碍要求（GB 50763：1.10×1.40 m，门 0.80 m）",
               "car or door below the accessible minimum (GB 50763: 1.10 × 1.40 m, "
               "door 0.80 m)")
    if require_stretcher and not stretcher:
        misfit("not_stretcher", "不能容纳担架", "cannot take a stretcher")

    if any(r.kind == "misfit" for r in reasons):
        fits: bool | None = False
    elif reasons:
        fits = None
    else:
        fits = True
    return FitResult(unit.id, product.id, fits, accessible, stretcher, rotated, margins,
                     reasons)


def fit_matrix(units: Sequence[Unit], products: Sequence[Product], **kw) -> list[list[FitResult]]:
    """``[unit][product]`` fit results (see :func:`check_fit`)."""
    return [[check_fit(u, p, **kw) for p in products] for u in units]


# --------------------------------------------------------------------------- bulk tiers

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

    def to_json(self) -> dict[str, Any]:
        return {"product": self.product_id, "quantity": self.quantity,
                "tier_min_qty": self.tier_min_qty, "single_price_yuan": self.single_price_yuan,
                "unit_price_yuan": self.unit_price_yuan, "total_yuan": self.total_yuan,
                "saving_yuan": self.saving_yuan,
                "saving_rate_percent": _pct(self.saving_rate),
                "next_tier_min_qty": self.next_tier_min_qty,
                "next_tier_unit_price_yuan": self.next_tier_unit_price_yuan}


def bulk(product: Product, quantity: int) -> BulkResult:
    """Tier reached, price per elevator and saving against buying one at a time."""
    t = tier_for(product, quantity)
    single = product.base_price_yuan
    price = unit_price_yuan(product, quantity)
    total = price * quantity
    saving = (single - price) * quantity
    rate = saving_rate(single * quantity, total) if quantity > 0 and single > 0 else Fraction(0)
    nxt = next((x for x in sorted(product.tiers, key=lambda x: x.min_qty)
                if x.min_qty > quantity), None)
    return BulkResult(product.id, quantity, None if t is None else t.min_qty, single, price,
                      total, saving, rate, None if nxt is None else nxt.min_qty,
                      None if nxt is None else nxt.price_yuan(single))


def _pct(f: Fraction, places: int = 2) -> Decimal:
    q = Decimal(1).scaleb(-places)
    return (Decimal(f.numerator) * 100 / Decimal(f.denominator)).quantize(q, ROUND_HALF_UP)


# --------------------------------------------------------------------------- life-cycle cost

@dataclass
class LccYear:
    """Running cost of one year [yuan]."""

    year: int
    maintenance_yuan: Decimal
    electricity_yuan: Decimal
    inspection_yuan: Decimal

    @property
    def total_yuan(self) -> Decimal:
        return self.maintenance_yuan + self.electricity_yuan + self.inspection_yuan


@dataclass
class LifeCycleCost:
    """Life-cycle cost of one product in one unit over ``years``.

    Attributes
    ----------
    capital_yuan : Decimal
        Price per elevator at the tier used + corridor when counted [yuan].
    maintenance_yuan, electricity_yuan, inspection_yuan : Decimal
        Undiscounted sums over the years [yuan].
    total_yuan : Decimal
        Undiscounted capital + running costs [yuan].
    npv_yuan : Decimal
        Present value at ``discount_rate`` (capital at year 0, running costs at each year's
        end), rounded to the yuan.
    annual_energy_kwh : Decimal
        Standby + travel energy per year [kWh].
    usage_category : int
        VDI 4707-1 category used for the standby hours.
    trips_per_day : Decimal
    assumptions : list of str
        The defaults used, with their labels (assumption / app default).
    """

    unit_id: str
    product_id: str
    years: int
    discount_rate: Decimal
    capital_yuan: Decimal
    corridor_counted: bool
    maintenance_yuan: Decimal
    electricity_yuan: Decimal
    inspection_yuan: Decimal
    total_yuan: Decimal
    npv_yuan: Decimal
    annual_energy_kwh: Decimal
    usage_category: int
    trips_per_day: Decimal
    per_year: list[LccYear] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"unit": self.unit_id, "product": self.product_id, "years": self.years,
                "discount_rate": self.discount_rate, "capital_yuan": self.capital_yuan,
                "corridor_counted": self.corridor_counted,
                "maintenance_yuan": self.maintenance_yuan,
                "electricity_yuan": self.electricity_yuan,
                "inspection_yuan": self.inspection_yuan, "total_yuan": self.total_yuan,
                "npv_yuan": self.npv_yuan, "annual_energy_kwh": self.annual_energy_kwh,
                "usage_category": self.usage_category, "trips_per_day": self.trips_per_day}


def corridor_counted(unit: Unit) -> bool:
    """The corridor line counts for flat entry, and when the entry mode is not surveyed."""
    return unit.site.entry_mode in (None, "flat")


def annual_energy_kwh(product: Product, *, usage_category: int, trips_per_day: Decimal,
                      days_per_year: int | None = None) -> Decimal:
    """Yearly energy of a lift [kWh]: standby + travel.

    ``standby_power_w × standby_h_per_day(category) × days / 1000 +
    energy_per_trip_wh × trips_per_day × days / 1000``.

    References
    ----------
    VDI 4707-1 standby hours (domain research §7); trips per day are an app assumption.
    """
    days = Decimal(days_per_year if days_per_year is not None else _default("days_per_year"))
    standby_h = Decimal(str(_category_row(usage_category)["standby_h_per_day"]))
    trips = to_decimal(trips_per_day, "trips_per_day")
    standby = product.standby_power_w * standby_h * days / 1000
    travel = product.energy_per_trip_wh * trips * days / 1000
    return standby + travel


def life_cycle_cost(unit: Unit, product: Product, *, years: int | None = None,
                    discount_rate: Decimal | str | None = None,
                    quantity: int = 1,
                    electricity_yuan_per_kwh: Decimal | str | None = None,
                    inspection_yuan_per_year: Decimal | str | None = None,
                    trips_per_day: Decimal | str | None = None,
                    trips_per_household_per_day: Decimal | str | None = None,
                    usage_category: int | None = None) -> LifeCycleCost:
    """Life-cycle cost of ``product`` in ``unit`` over ``years`` (default 15).

    capital (tier price at ``quantity`` + corridor when counted) + maintenance after the free
    years + electricity (standby by VDI 4707 category + trips × energy per trip) + yearly
    inspection; NPV with ``discount_rate`` (capital at year 0, running costs at year ends).

    Parameters
    ----------
    years : int
        Horizon [a], 1–60; default 15 (domain research §3.2).
    discount_rate : Decimal
        Yearly discount rate as a fraction (0.03 = 3 %), 0 ≤ r < 1; default 0.03 (assumption).
    quantity : int
        Elevators bought together (selects the volume tier).
    electricity_yuan_per_kwh : Decimal
        Default 0.6 (assumption).
    inspection_yuan_per_year : Decimal
        Default 600 (domain research §3.2 [C]).
    trips_per_day : Decimal
        Trips a day; default ``trips_per_household_per_day`` × households.
    trips_per_household_per_day : Decimal
        Default 7.5 (assumption, DERIVED from domain research §7).
    usage_category : int
        VDI 4707-1 category; default from the number of households.
    """
    assumptions: list[str] = []

    def note(key: str, value) -> None:
        e = defaults()[key]
        assumptions.append(f"{e['title_zh']} {value} / {e['title_en']} {value} "
                           f"({e['source']})")

    if years is None:
        years = int(_default("years"))
        note("years", years)
    if isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= 60:
        raise InputError("years", f"must be a whole number 1–60, got {years!r}")
    if discount_rate is None:
        rate = Decimal(_default("discount_rate"))
        note("discount_rate", rate)
    else:
        rate = to_decimal(discount_rate, "discount_rate")
    if rate >= 1:
        raise InputError("discount_rate", f"must be a fraction below 1 (0.03 = 3 %), got {rate}")
    if electricity_yuan_per_kwh is None:
        tariff = Decimal(_default("electricity_yuan_per_kwh"))
        note("electricity_yuan_per_kwh", tariff)
    else:
        tariff = to_decimal(electricity_yuan_per_kwh, "electricity_yuan_per_kwh")
    if inspection_yuan_per_year is None:
        inspection = Decimal(_default("inspection_yuan_per_year"))
        note("inspection_yuan_per_year", inspection)
    else:
        inspection = to_decimal(inspection_yuan_per_year, "inspection_yuan_per_year")
    n_households = len(unit.households)
    if trips_per_day is None and trips_per_household_per_day is not None:
        per_hh = to_decimal(trips_per_household_per_day, "trips_per_household_per_day")
        trips = per_hh * n_households
    elif trips_per_day is None:
        per_hh = Decimal(_default("trips_per_household_per_day"))
        trips = per_hh * n_households
        note("trips_per_household_per_day", per_hh)
    else:
        trips = to_decimal(trips_per_day, "trips_per_day")
    category = usage_category if usage_category is not None else usage_category_of(n_households)

    corridor = corridor_counted(unit)
    capital = unit_price_yuan(product, quantity) + (product.corridor_yuan if corridor else 0)
    energy_kwh = annual_energy_kwh(product, usage_category=category, trips_per_day=trips)
    electricity = _yuan2(energy_kwh * tariff)

    per_year = []
    for y in range(1, years + 1):
        maint = product.maintenance_yuan_per_year if y > product.free_maintenance_years \
            else Decimal(0)
        per_year.append(LccYear(y, maint, electricity, inspection))

    with localcontext() as ctx:
        ctx.prec = 40
        npv = Decimal(capital)
        factor = Decimal(1)
        for row in per_year:
            factor = factor * (1 + rate)
            npv += row.total_yuan / factor
    maint_sum = sum((r.maintenance_yuan for r in per_year), Decimal(0))
    elec_sum = electricity * years
    insp_sum = inspection * years
    return LifeCycleCost(
        unit.id, product.id, years, rate, capital, corridor, maint_sum, elec_sum, insp_sum,
        capital + maint_sum + elec_sum + insp_sum,
        npv.quantize(Decimal(1), ROUND_HALF_UP), energy_kwh.quantize(Decimal("0.1"),
                                                                      ROUND_HALF_UP),
        category, trips, per_year, assumptions)


def usage_category_of(households: int) -> int:
    """Alias of :func:`usage_category`."""
    return usage_category(households)


def _yuan2(d: Decimal) -> Decimal:
    return d.quantize(Decimal("0.01"), ROUND_HALF_UP)


# --------------------------------------------------------------------------- tender scoring

@dataclass(frozen=True)
class TenderWeights:
    """Weights of the comprehensive scoring method (综合评分法) in points out of 100.

    ``kind`` is ``"goods"`` (price ≥ 30) or ``"services"`` (price ≥ 10), per 财政部令第87号
    Art. 55.
    """

    price: Decimal
    technical: Decimal
    service: Decimal
    kind: str = "goods"


def validate_weights(w: TenderWeights) -> TenderWeights:
    """Weights ≥ 0, summing to 100, price at least the legal minimum for the kind.

    Raises
    ------
    InputError
        naming ``weights.price`` / ``weights.technical`` / ``weights.service`` / ``weights``.
    """
    if w.kind not in TENDER_KINDS:
        raise InputError("weights.kind", f"must be goods or services, got {w.kind!r}")
    vals = {}
    for k in ("price", "technical", "service"):
        vals[k] = to_decimal(getattr(w, k), f"weights.{k}")
    floor = Decimal(defaults()["price_weight_min_percent"][w.kind])
    if vals["price"] < floor:
        raise InputError("weights.price",
                         f"price weight {vals['price']} is below the minimum {floor} for "
                         f"{w.kind} (财政部令第87号 Art. 55)")
    total = sum(vals.values(), Decimal(0))
    if total != 100:
        raise InputError("weights", f"weights must add up to 100, got {total}")
    return TenderWeights(vals["price"], vals["technical"], vals["service"], w.kind)


@dataclass
class Bid:
    """One bid: evaluated price and the evaluators' points.

    Attributes
    ----------
    bidder : str
        Bid id (product id in a quote comparison).
    price_yuan : Decimal
        Evaluated bid price [yuan], > 0.
    technical_points, service_points : Decimal
        Evaluators' points, within the technical and service weights.
    valid : bool
        ``False`` for a non-responsive bid (it is neither the benchmark nor ranked).
    invalid_reason : str
    """

    bidder: str
    price_yuan: Decimal
    technical_points: Decimal
    service_points: Decimal
    valid: bool = True
    invalid_reason: str = ""


@dataclass
class BidScore:
    bidder: str
    price_yuan: Decimal
    price_score: Fraction
    technical_points: Decimal
    service_points: Decimal
    total: Fraction
    rank: int | None


@dataclass
class Crossing:
    """At ``price_weight`` the total of ``bidder_a`` equals that of ``bidder_b``."""

    price_weight: Fraction
    bidder_a: str
    bidder_b: str


@dataclass
class TenderResult:
    """Scores, ranking and rank-reversal sensitivity of a tender.

    Attributes
    ----------
    scores : list of BidScore
        Valid bids in rank order (rank 1 first).
    excluded : list of Bid
        Non-responsive bids.
    benchmark_yuan : Decimal
        Lowest valid bid (评标基准价) [yuan].
    winner : str or None
    winner_stable_range : tuple of Fraction or None
        ``(low, high)`` price weights (points) within the legal range [minimum, 100] over
        which the winner stays first, with the other weights rescaled proportionally.
    crossings : list of Crossing
        Price weights in the legal range where two bids swap places.
    reversal : bool
        The winner changes somewhere in the legal range.
    """

    weights: TenderWeights
    scores: list[BidScore]
    excluded: list[Bid]
    benchmark_yuan: Decimal | None
    winner: str | None
    winner_stable_range: tuple[Fraction, Fraction] | None
    crossings: list[Crossing]
    reversal: bool

    @property
    def ranking(self) -> list[str]:
        return [s.bidder for s in self.scores]

    def to_json(self) -> dict[str, Any]:
        w = self.weights
        return {
            "weights": {"price": w.price, "technical": w.technical, "service": w.service,
                        "kind": w.kind},
            "benchmark_yuan": self.benchmark_yuan,
            "winner": self.winner,
            "ranking": self.ranking,
            "scores": [{"bidder": s.bidder, "rank": s.rank, "price_yuan": s.price_yuan,
                        "price_score": _round2(s.price_score),
                        "technical_points": s.technical_points,
                        "service_points": s.service_points, "total": _round2(s.total)}
                       for s in self.scores],
            "excluded": [{"bidder": b.bidder, "reason": b.invalid_reason}
                         for b in self.excluded],
            "winner_stable_range": None if self.winner_stable_range is None else
            [_round2(x) for x in self.winner_stable_range],
            "crossings": [{"price_weight": _round2(c.price_weight), "a": c.bidder_a,
                           "b": c.bidder_b} for c in self.crossings],
            "rank_reversal": self.reversal,
        }


def _round2(f: Fraction) -> Decimal:
    return (Decimal(f.numerator) / Decimal(f.denominator)).quantize(Decimal("0.01"),
                                                                    ROUND_HALF_UP)


def price_score(benchmark_yuan: Decimal, bid_yuan: Decimal, price_weight: Decimal) -> Fraction:
    """Low-price benchmark method (低价优先法): ``benchmark ÷ bid × price weight`` points.

    References
    ----------
    财政部令第87号 Art. 55; formula via domain research §6 [C].
    """
    return Fraction(benchmark_yuan) / Fraction(bid_yuan) * Fraction(price_weight)


def _validate_bids(bids: Sequence[Bid], w: TenderWeights) -> None:
    seen = set()
    for i, b in enumerate(bids):
        f = f"bids[{i}]"
        if not b.bidder or b.bidder in seen:
            raise InputError(f"{f}.bidder", f"must be a unique non-empty id, got {b.bidder!r}")
        seen.add(b.bidder)
        to_decimal(b.price_yuan, f"{f}.price_yuan", allow_zero=False)
        for k, cap in (("technical_points", w.technical), ("service_points", w.service)):
            v = to_decimal(getattr(b, k), f"{f}.{k}")
            if v > cap:
                raise InputError(f"{f}.{k}", f"{v} is more than its weight {cap}")


def _lines(bids: Sequence[Bid], w: TenderWeights) -> dict[str, tuple[Fraction, Fraction]]:
    """Total of each bid as ``a·x + c`` in the price weight ``x`` (other weights rescaled)."""
    valid = [b for b in bids if b.valid]
    bench = min(Fraction(b.price_yuan) for b in valid)
    rest = Fraction(100) - Fraction(w.price)
    out = {}
    for b in valid:
        a_price = bench / Fraction(b.price_yuan)
        other = Fraction(b.technical_points) + Fraction(b.service_points)
        if rest == 0:
            out[b.bidder] = (a_price, Fraction(0))
        else:
            # other(x) = other × (100 − x) / rest
            out[b.bidder] = (a_price - other / rest, other * 100 / rest)
    return out


def score_tender(bids: Sequence[Bid], weights: TenderWeights) -> TenderResult:
    """Score, rank and test the ranking's sensitivity to the price weight.

    Price score by the low-price benchmark method; total = price score + technical points +
    service points. Ranking by total (high first); ties go to the lower price, then the id.
    The sensitivity varies the price weight over the legal range [minimum for the kind, 100]
    with the technical and service points rescaled by ``(100 − x) / (100 − w₀)``.
    """
    w = validate_weights(weights)
    _validate_bids(bids, w)
    valid = [b for b in bids if b.valid]
    excluded = [b for b in bids if not b.valid]
    if not valid:
        return TenderResult(w, [], excluded, None, None, None, [], False)
    bench = min(b.price_yuan for b in valid)
    scored = []
    for b in valid:
        ps = price_score(bench, b.price_yuan, w.price)
        total = ps + Fraction(b.technical_points) + Fraction(b.service_points)
        scored.append(BidScore(b.bidder, b.price_yuan, ps, b.technical_points,
                               b.service_points, total, None))
    scored.sort(key=lambda s: (-s.total, s.price_yuan, s.bidder))
    for i, s in enumerate(scored, 1):
        s.rank = i
    winner = scored[0].bidder

    lines = _lines(valid, w)
    lo_dom = Fraction(defaults()["price_weight_min_percent"][w.kind])
    hi_dom = Fraction(100)
    x0 = Fraction(w.price)
    low, high = lo_dom, hi_dom
    aw, cw = lines[winner]
    for other, (a, c) in lines.items():
        if other == winner:
            continue
        # d(x) = (aw − a) x + (cw − c) ≥ 0 keeps the winner ahead of ``other``
        slope, icpt = aw - a, cw - c
        if slope == 0:
            continue
        root = -icpt / slope
        if slope > 0:
            low = max(low, root)
        else:
            high = min(high, root)
    stable = (low, high) if low <= x0 <= high else (x0, x0)

    crossings = []
    names = list(lines)
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            a1, c1 = lines[names[i]]
            a2, c2 = lines[names[j]]
            if a1 == a2:
                continue
            x = (c2 - c1) / (a1 - a2)
            if lo_dom <= x <= hi_dom:
                crossings.append(Crossing(x, names[i], names[j]))
    crossings.sort(key=lambda c: (c.price_weight, c.bidder_a, c.bidder_b))
    reversal = stable[0] > lo_dom or stable[1] < hi_dom
    return TenderResult(w, scored, excluded, bench, winner, stable, crossings, reversal)


def ranking_at(bids: Sequence[Bid], weights: TenderWeights, price_weight) -> list[str]:
    """Ranking with the price weight set to ``price_weight`` and the other weights (and the
    evaluators' points) rescaled proportionally — a direct recomputation used to check the
    sensitivity analysis."""
    w = validate_weights(weights)
    x = Fraction(price_weight)
    rest0 = Fraction(100) - Fraction(w.price)
    factor = (Fraction(100) - x) / rest0 if rest0 else Fraction(0)
    valid = [b for b in bids if b.valid]
    bench = min(Fraction(b.price_yuan) for b in valid)
    totals = []
    for b in valid:
        t = bench / Fraction(b.price_yuan) * x + factor * (
            Fraction(b.technical_points) + Fraction(b.service_points))
        totals.append((-t, b.price_yuan, b.bidder))
    return [name for _, _, name in sorted(totals)]


# --------------------------------------------------------------------------- comparison

@dataclass
class ProductSummary:
    """One product across the chosen units."""

    product_id: str
    vendor: str
    model: str
    fits: int
    misfits: int
    unknown: int
    bulk: BulkResult
    mean_npv_yuan: Decimal | None
    accessible: bool
    stretcher: bool

    def to_json(self) -> dict[str, Any]:
        return {"product": self.product_id, "vendor": self.vendor, "model": self.model,
                "fits": self.fits, "misfits": self.misfits, "unknown": self.unknown,
                "accessible": self.accessible, "stretcher": self.stretcher,
                "mean_npv_yuan": self.mean_npv_yuan, "bulk": self.bulk.to_json()}


@dataclass
class Comparison:
    """Everything the quotes view, the CLI and the comparison workbook show.

    ``fit[i][j]`` and ``lcc[i][j]`` are for ``units[i]`` and ``products[j]``; ``lcc`` is
    ``None`` where the product does not fit (misfit). Bulk quantity per product = chosen
    units where it is not a misfit.
    """

    unit_ids: list[str]
    products: list[Product]
    fit: list[list[FitResult]]
    lcc: list[list[LifeCycleCost | None]]
    summaries: list[ProductSummary]
    years: int
    discount_rate: Decimal
    tender: TenderResult | None = None
    assumptions: list[str] = field(default_factory=list)
    price_basis: str = "unit_price"

    def to_json(self) -> dict[str, Any]:
        return {
            "units": self.unit_ids,
            "products": [p.to_json() for p in self.products],
            "years": self.years, "discount_rate": self.discount_rate,
            "fit_matrix": [[f.state for f in row] for row in self.fit],
            "fit": [f.to_json() for row in self.fit for f in row],
            "lcc": [c.to_json() for row in self.lcc for c in row if c is not None],
            "summary": [s.to_json() for s in self.summaries],
            "price_basis": self.price_basis,
            "tender": None if self.tender is None else self.tender.to_json(),
            "assumptions": self.assumptions,
        }


def compare(units: Sequence[Unit], products: Sequence[Product], *, years: int | None = None,
            discount_rate: Decimal | str | None = None,
            weights: TenderWeights | None = None,
            scores: dict[str, dict[str, Any]] | None = None,
            require_accessible: bool = False, require_stretcher: bool = False,
            price_basis: str = "unit_price", **lcc_kw) -> Comparison:
    """Compare products over a chosen set of units: fit matrix, LCC, bulk tiers, tender.

    Parameters
    ----------
    units, products : sequences
    years, discount_rate : see :func:`life_cycle_cost`
    weights : TenderWeights, optional
        With ``scores``, the tender is scored.
    scores : dict, optional
        ``{product_id: {"technical": points, "service": points}}`` from the evaluators. A
        product that misfits any chosen unit is a non-responsive bid; the bid price is the
        per-elevator tier price at the bulk quantity, or per ``price_basis``.
    price_basis : str
        One of :data:`PRICE_BASES`; ``npv`` scores bids on life-cycle cost rather than the
        sticker price.
    """
    if price_basis not in PRICE_BASES:
        raise InputError("price_basis", f"unknown price basis {price_basis!r} "
                                        f"(known: {', '.join(PRICE_BASES)})")
    if not units:
        raise InputError("units", "choose at least one unit")
    if not products:
        raise InputError("products", "the quotes file has no products")
    fit = fit_matrix(units, products, require_accessible=require_accessible,
                     require_stretcher=require_stretcher)
    summaries = []
    lcc: list[list[LifeCycleCost | None]] = [[None] * len(products) for _ in units]
    used_years, used_rate, assumptions = None, None, []
    for j, p in enumerate(products):
        col = [fit[i][j] for i in range(len(units))]
        qty = sum(1 for f in col if f.fits is not False)
        b = bulk(p, qty)
        npvs = []
        for i, u in enumerate(units):
            if col[i].fits is False:
                continue
            c = life_cycle_cost(u, p, years=years, discount_rate=discount_rate,
                                quantity=max(qty, 1), **lcc_kw)
            lcc[i][j] = c
            npvs.append(c.npv_yuan)
            used_years, used_rate = c.years, c.discount_rate
            for a in c.assumptions:
                if a not in assumptions:
                    assumptions.append(a)
        mean = (sum(npvs, Decimal(0)) / len(npvs)).quantize(Decimal(1), ROUND_HALF_UP) \
            if npvs else None
        summaries.append(ProductSummary(
            p.id, p.vendor, p.model, sum(1 for f in col if f.fits is True),
            sum(1 for f in col if f.fits is False), sum(1 for f in col if f.fits is None),
            b, mean, is_accessible(p), is_stretcher_capable(p)))
    if used_years is None:
        used_years = years if years is not None else int(_default("years"))
        used_rate = to_decimal(discount_rate, "discount_rate") if discount_rate is not None \
            else Decimal(_default("discount_rate"))
    tender = None
    if weights is not None and scores is not None:
        bids = []
        known = {p.id for p in products}
        for pid in scores:
            if pid not in known:
                raise InputError(f"scores.{pid}", "no product with this id in the quotes")
        for j, p in enumerate(products):
            if p.id not in scores:
                continue
            s = scores[p.id]
            if not isinstance(s, dict):
                raise InputError(f"scores.{p.id}", "must be an object with technical/service")
            tech = to_decimal(s.get("technical", 0), f"scores.{p.id}.technical")
            serv = to_decimal(s.get("service", 0), f"scores.{p.id}.service")
            bad = [units[i].id for i in range(len(units)) if fit[i][j].fits is False]
            bids.append(Bid(p.id, _bid_price(price_basis, summaries[j],
                                             [row[j] for row in lcc]), tech, serv,
                            valid=not bad,
                            invalid_reason=("不适配单元：" + "、".join(bad) + " / does not fit units: "
                                            + ", ".join(bad))
                            if bad else ""))
        tender = score_tender(bids, weights)
    return Comparison([u.id for u in units], list(products), fit, lcc, summaries, used_years,
                      used_rate, tender, assumptions, price_basis)


def _bid_price(basis: str, summary: ProductSummary,
               costs: list[LifeCycleCost | None]) -> Decimal:
    """Evaluated bid price per elevator [yuan] on the chosen basis."""
    got = [c for c in costs if c is not None]
    if basis == "unit_price" or not got:
        return summary.bulk.unit_price_yuan
    values = [c.capital_yuan if basis == "capital" else c.npv_yuan for c in got]
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal(1), ROUND_HALF_UP)


def compare_project(project, products: Sequence[Product], unit_ids: Sequence[str] | None = None,
                    **kw) -> Comparison:
    """:func:`compare` over a project's units (all, or those named in ``unit_ids``).

    Raises
    ------
    InputError
        naming ``units`` when an id is not in the project.
    """
    units = project.units()
    if unit_ids:
        by_id = {u.id: u for u in units}
        missing = [i for i in unit_ids if i not in by_id]
        if missing:
            raise InputError("units", f"no unit {', '.join(missing)} in the project")
        units = [by_id[i] for i in unit_ids]
    return compare(units, products, **kw)


def parse_weights(text: str, kind: str = "goods") -> TenderWeights:
    """Parse ``"price=40,technical=40,service=20"`` (also ``价格``/``技术``/``服务``).

    Raises
    ------
    InputError
        naming ``--weights``.
    """
    names = {"price": "price", "价格": "price", "technical": "technical", "技术": "technical",
             "tech": "technical", "service": "service", "服务": "service"}
    vals: dict[str, Decimal] = {}
    for part in text.replace("，", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            raise InputError("--weights", f"expected name=points, got {part!r}")
        k, v = (s.strip() for s in part.split("=", 1))
        if k.lower() not in names:
            raise InputError("--weights", f"unknown weight {k!r} (price, technical, service)")
        vals[names[k.lower()]] = to_decimal(v, f"--weights {k}")
    for k in ("price", "technical", "service"):
        vals.setdefault(k, Decimal(0))
    return validate_weights(TenderWeights(vals["price"], vals["technical"], vals["service"],
                                          kind))
