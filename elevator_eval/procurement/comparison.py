"""The quote comparison over a set of units: fit matrix, bulk tiers, life-cycle cost
(analysis), and the tender scored on the bid price."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model import Project, Unit
from ..money import to_decimal
from ..rulebook import resolve
from ..suitability import assess
from .catalogue import Amount, Product, default_value, rule
from .fit import FitResult, fit_matrix, is_accessible, is_stretcher_capable
from .lifecycle import LifeCycleCost, UsageOptions, life_cycle_cost
from .pricing import BulkResult, bulk
from .tender import Bid, TenderResult, TenderWeights, join_reasons, score_tender

if TYPE_CHECKING:  # only for the checker: typing.Unpack is Python 3.11+
    from typing_extensions import Unpack


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
        return {
            "product": self.product_id,
            "vendor": self.vendor,
            "model": self.model,
            "fits": self.fits,
            "misfits": self.misfits,
            "unknown": self.unknown,
            "accessible": self.accessible,
            "stretcher": self.stretcher,
            "mean_npv_yuan": self.mean_npv_yuan,
            "bulk": self.bulk.to_json(),
        }


@dataclass
class Comparison:
    """Everything the quotes view, the CLI and the comparison workbook show.

    ``fit[i][j]`` and ``lcc[i][j]`` are for ``units[i]`` and ``products[j]``; ``lcc`` is
    ``None`` where the product does not fit (misfit). Bulk quantity per product = chosen
    units where it fits (and, with ``count_unknown``, where the fit is unknown).
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
    require_accessible: bool = True
    count_unknown: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "units": self.unit_ids,
            "products": [p.to_json() for p in self.products],
            "years": self.years,
            "discount_rate": self.discount_rate,
            "fit_matrix": [[f.state for f in row] for row in self.fit],
            "fit": [f.to_json() for row in self.fit for f in row],
            "lcc": [c.to_json() for row in self.lcc for c in row if c is not None],
            "summary": [s.to_json() for s in self.summaries],
            "price_basis": self.price_basis,
            "price_score_basis": "bid price per elevator at the lot quantity (财政部令第87号 "
            "Art. 55); life-cycle cost is analysis only",
            "requirements": {"accessible": self.require_accessible},
            "count_unknown_fit": self.count_unknown,
            "tender": None if self.tender is None else self.tender.to_json(),
            "assumptions": self.assumptions,
        }


PRICE_BASES = ("unit_price",)
"""The legal price score is computed on the bid price only (the per-elevator tier price at
the lot quantity); life-cycle cost is shown as analysis, never inside the score."""


def check_price_basis(price_basis: str) -> None:
    """Refuse any price basis but the bid price for the legal score.

    Raises
    ------
    InputError
        naming ``--price-basis``.
    """
    if price_basis not in PRICE_BASES:
        raise InputError(
            "--price-basis",
            f"{price_basis!r} is not allowed: the legal price "
            f"score uses the bid price only (财政部令第87号 Art. "
            f"55); life-cycle cost is shown as analysis",
        )


def accessibility_citation() -> tuple[str, str]:
    """The standard behind the accessible car's requirement as the papers cite it (zh,
    en): the tender rules' ``accessibility.source_zh`` and its clause in English."""
    return str(rule("tender")["accessibility"]["source_zh"]), "GB 50763-2012 §3.7.2"


def accessible_required(require_accessible: bool | None) -> bool:
    """``require_accessible``, or the rule data's default when ``None``."""
    if require_accessible is None:
        return bool(rule("tender")["accessibility"]["required_by_default"])
    return bool(require_accessible)


def compare(
    units: Sequence[Unit],
    products: Sequence[Product],
    *,
    years: int | None = None,
    discount_rate: Decimal | str | None = None,
    weights: TenderWeights | None = None,
    scores: dict[str, dict[str, Any]] | None = None,
    require_accessible: bool | None = None,
    require_stretcher: bool = False,
    price_basis: str = "unit_price",
    max_price_yuan: Amount | None = None,
    budget_yuan: Amount | None = None,
    count_unknown: bool = True,
    **lcc_kw: Unpack[UsageOptions],
) -> Comparison:
    """Compare products over a chosen set of units: fit matrix, LCC (analysis), bulk tiers,
    and the tender scored on the bid price.

    Parameters
    ----------
    units, products : sequences
    years, discount_rate : see :func:`~elevator_eval.procurement.life_cycle_cost`
    weights : TenderWeights, optional
        With ``scores``, the tender is scored.
    scores : dict, optional
        ``{product_id: {"technical": points, "service": points}}`` from the evaluators. A
        product that misfits a chosen unit, or misses a stated requirement (an accessible
        car by default), is an invalid bid with its reason.
    require_accessible : bool, optional
        The accessible car as a stated requirement (default from the rule data: yes).
    price_basis : str
        Only ``unit_price`` (the bid price); anything else is refused.
    max_price_yuan, budget_yuan : Decimal, optional
        Maximum price per elevator and the lot budget; bids above are invalid.
    count_unknown : bool
        Count units whose fit is unknown in the bulk quantity (the printed comparison
        counts only units that fit).
    """
    check_price_basis(price_basis)
    if not units:
        raise InputError("units", "choose at least one unit")
    if not products:
        raise InputError("products", "the quotes file has no products")
    need_access = accessible_required(require_accessible)
    fit = fit_matrix(units, products, require_stretcher=require_stretcher)
    lcc: list[list[LifeCycleCost | None]] = [[None] * len(products) for _ in units]
    assumptions: list[str] = []
    summaries = [
        _summary(units, p, j, fit, lcc, assumptions, count_unknown, years, discount_rate, lcc_kw)
        for j, p in enumerate(products)
    ]
    got = [c for row in lcc for c in row if c is not None]
    used_years = (
        got[0].years if got else (years if years is not None else int(default_value("years")))
    )
    used_rate = (
        got[0].discount_rate
        if got
        else (
            to_decimal(discount_rate, "discount_rate")
            if discount_rate is not None
            else Decimal(default_value("discount_rate"))
        )
    )
    tender = None
    if weights is not None and scores is not None:
        bids = _bids(units, products, fit, summaries, scores, need_access)
        tender = score_tender(bids, weights, max_price_yuan=max_price_yuan, budget_yuan=budget_yuan)
    return Comparison(
        [u.id for u in units],
        list(products),
        fit,
        lcc,
        summaries,
        used_years,
        used_rate,
        tender,
        assumptions,
        price_basis,
        need_access,
        count_unknown,
    )


def _summary(
    units: Sequence[Unit],
    p: Product,
    j: int,
    fit: list[list[FitResult]],
    lcc: list[list[LifeCycleCost | None]],
    assumptions: list[str],
    count_unknown: bool,
    years: int | None,
    discount_rate: Decimal | str | None,
    lcc_kw: UsageOptions,
) -> ProductSummary:
    """One product across the units; fills column ``j`` of ``lcc``."""
    col = [fit[i][j] for i in range(len(units))]
    qty = sum(1 for f in col if f.fits is True or (count_unknown and f.fits is None))
    npvs = []
    for i, u in enumerate(units):
        if col[i].fits is False:
            continue
        c = life_cycle_cost(
            u, p, years=years, discount_rate=discount_rate, quantity=max(qty, 1), **lcc_kw
        )
        lcc[i][j] = c
        npvs.append(c.npv_yuan)
        assumptions.extend(a for a in c.assumptions if a not in assumptions)
    mean = (sum(npvs, Decimal(0)) / len(npvs)).quantize(Decimal(1), ROUND_HALF_UP) if npvs else None
    return ProductSummary(
        p.id,
        p.vendor,
        p.model,
        sum(1 for f in col if f.fits is True),
        sum(1 for f in col if f.fits is False),
        sum(1 for f in col if f.fits is None),
        bulk(p, qty),
        mean,
        is_accessible(p),
        is_stretcher_capable(p),
    )


def _bids(
    units: Sequence[Unit],
    products: Sequence[Product],
    fit: list[list[FitResult]],
    summaries: list[ProductSummary],
    scores: dict[str, Any],
    need_access: bool,
) -> list[Bid]:
    known = {p.id for p in products}
    for pid in scores:
        if pid not in known:
            raise InputError(f"scores.{pid}", "no product with this id in the quotes")
    src, src_en = accessibility_citation()
    bids = []
    for j, p in enumerate(products):
        if p.id not in scores:
            continue
        s = scores[p.id]
        if not isinstance(s, dict):
            raise InputError(f"scores.{p.id}", "must be an object with technical/service")
        tech = to_decimal(s.get("technical", 0), f"scores.{p.id}.technical")
        serv = to_decimal(s.get("service", 0), f"scores.{p.id}.service")
        reasons = []
        if need_access and not is_accessible(p):
            reasons.append(
                (
                    f"不满足无障碍轿厢要求（{src}）",
                    f"does not meet the stated requirement of an accessible car ({src_en})",
                )
            )
        bad = [units[i].id for i in range(len(units)) if fit[i][j].fits is False]
        if bad:
            reasons.append(
                ("不适配单元：" + "、".join(bad), "does not fit units: " + ", ".join(bad))
            )
        price = summaries[j].bulk.unit_price_yuan
        bids.append(
            Bid(
                p.id,
                price,
                tech,
                serv,
                valid=not reasons,
                invalid_reason=join_reasons(reasons) if reasons else "",
                lot_total_yuan=price * len(units),
            )
        )
    return bids


COMPARABLE_CLASSES = ("suitable", "difficult")


def units_for_comparison(units: Sequence[Unit], project: Project | None = None) -> list[Unit]:
    """The units a printed comparison counts: classed suitable or difficult by
    :func:`elevator_eval.suitability.assess` under the rules in force for each (the
    project's, as in its census and the window's list; unsuitable units buy no elevator)."""
    return [u for u in units if assess(u, resolve(project, u)).klass in COMPARABLE_CLASSES]


def compare_project(
    project: Project, products: Sequence[Product], unit_ids: Sequence[str] | None = None, **kw: Any
) -> Comparison:
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
