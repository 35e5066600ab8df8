"""Bulk procurement (集中带量采购): quotes, fit checks, life-cycle cost, volume tiers, scoring.

Modules, one job each: :mod:`.catalogue` (products, tiers, rule data), :mod:`.fit` (unit ×
product fit), :mod:`.pricing` (volume tiers, tier cliffs), :mod:`.lifecycle` (life-cycle
cost with the costs outside the quote — analysis), :mod:`.tender` (the legal scoring),
:mod:`.comparison` (everything over a set of units).

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
- **Tender rules** (``rules/procurement/tender.json``): the price weight within the legal
  range of the method and kind; the price score on the bid price only; bids above the
  maximum price or the budget invalid; an accessible car a stated requirement by default;
  equal score and price tied (并列); fewer than three valid bids flagged.
- **Tender sensitivity.** When the price weight ``w`` moves, the technical and service
  weights — and the evaluators' points in them — are rescaled by the same factor
  ``(100 − w) / (100 − w₀)``, so their ratio stays as entered. Every total is then linear in
  ``w``, and the crossing points are found exactly with ``Fraction``.

References
----------
- 财政部令第87号《政府采购货物和服务招标投标管理办法》 Art. 55 (price weight ≥ 30 % goods,
  ≥ 10 % services; low-price benchmark method; ties), Art. 43, 63, 68.
- 财库〔2014〕214号《政府采购竞争性磋商采购方式管理暂行办法》 Art. 24 (goods 30–60 %,
  services 10–30 %).
- GB 50763-2012 §3.7.2 (accessible car 1.10 × 1.40 m, door 0.80 m).
- VDI 4707-1 usage categories (domain research §7).
- Anshan centralised elevator tender: saving rate 21.06 % (domain research §10 W9).
"""

from .catalogue import (
    ENTRY_MODE_LABELS,
    PRICE_LINE_LABELS,
    PRICE_LINES,
    Product,
    Quote,
    VolumeTier,
    category_row,
    default_value,
    defaults,
    rule,
    tier_problem,
    usage_category,
    validate_product,
    validate_tiers,
    vdi4707_categories,
)
from .comparison import (
    PRICE_BASES,
    Comparison,
    ProductSummary,
    accessibility_citation,
    accessible_required,
    check_price_basis,
    compare,
    compare_project,
    units_for_comparison,
)
from .fit import (
    FitReason,
    FitResult,
    check_fit,
    fit_matrix,
    is_accessible,
    is_stretcher_capable,
)
from .lifecycle import (
    OUTSIDE_LABELS,
    LccYear,
    LifeCycleCost,
    annual_energy_kwh,
    corridor_counted,
    life_cycle_cost,
    outside_quote_costs,
    usage_category_of,
)
from .pricing import (
    BulkResult,
    bulk,
    saving_rate,
    tier_cliff,
    tier_for,
    unit_price_yuan,
)
from .tender import (
    METHODS,
    TENDER_KINDS,
    Bid,
    BidScore,
    Crossing,
    TenderResult,
    TenderWeights,
    apply_caps,
    method_name,
    parse_weights,
    price_score,
    ranking_at,
    score_tender,
    split_reasons,
    tender_rules,
    validate_weights,
    weight_range,
)

__all__ = [
    "ENTRY_MODE_LABELS",
    "METHODS",
    "OUTSIDE_LABELS",
    "PRICE_BASES",
    "PRICE_LINES",
    "PRICE_LINE_LABELS",
    "TENDER_KINDS",
    "Bid",
    "BidScore",
    "BulkResult",
    "Comparison",
    "Crossing",
    "FitReason",
    "FitResult",
    "LccYear",
    "LifeCycleCost",
    "Product",
    "ProductSummary",
    "Quote",
    "TenderResult",
    "TenderWeights",
    "VolumeTier",
    "accessibility_citation",
    "accessible_required",
    "annual_energy_kwh",
    "apply_caps",
    "bulk",
    "category_row",
    "check_fit",
    "check_price_basis",
    "compare",
    "compare_project",
    "corridor_counted",
    "default_value",
    "defaults",
    "fit_matrix",
    "is_accessible",
    "is_stretcher_capable",
    "life_cycle_cost",
    "method_name",
    "outside_quote_costs",
    "parse_weights",
    "price_score",
    "ranking_at",
    "rule",
    "saving_rate",
    "score_tender",
    "split_reasons",
    "tender_rules",
    "tier_cliff",
    "tier_for",
    "tier_problem",
    "unit_price_yuan",
    "units_for_comparison",
    "usage_category",
    "usage_category_of",
    "validate_product",
    "validate_tiers",
    "validate_weights",
    "vdi4707_categories",
    "weight_range",
]
