"""Does a product fit a unit's surveyed site? (three-valued: fits, misfit, unknown)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..model import Site, Unit
from .catalogue import ENTRY_MODE_LABELS, Product, rule


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
        return {
            "unit": self.unit_id,
            "product": self.product_id,
            "fits": self.fits,
            "state": self.state,
            "accessible": self.accessible,
            "stretcher": self.stretcher,
            "rotated": self.rotated,
            "margins_mm": dict(self.margins_mm),
            "reasons": [
                {
                    "code": r.code,
                    "kind": r.kind,
                    "message_zh": r.message_zh,
                    "message_en": r.message_en,
                }
                for r in self.reasons
            ],
        }


def is_accessible(p: Product) -> bool:
    """Car ≥ 1,100 × 1,400 mm and car door ≥ 800 mm (GB 50763-2012 §3.7.2)."""
    a = rule("fit")["accessible"]
    return (
        p.car_width_mm >= int(a["car_width_mm"])
        and p.car_depth_mm >= int(a["car_depth_mm"])
        and p.door_width_mm >= int(a["door_width_mm"])
    )


def is_stretcher_capable(p: Product) -> bool:
    """Rated load ≥ 1,000 kg or car depth ≥ 2,100 mm (domain research §4.5 and §0 item 9;
    the depth is a recalled ISO value — app default)."""
    s = rule("fit")["stretcher"]
    return p.rated_load_kg >= int(s["rated_load_kg"]) or p.car_depth_mm >= int(s["car_depth_mm"])


def _mm(value_m: Decimal) -> int:
    return int((Decimal(value_m) * 1000).to_integral_value(ROUND_HALF_UP))


def check_fit(
    unit: Unit,
    product: Product,
    *,
    require_accessible: bool = False,
    require_stretcher: bool = False,
) -> FitResult:
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
    _check_entry(site, product, reasons)
    rotated = _check_footprint(site, product, reasons, margins)
    _check_depth(site.pit_depth_available_mm, product.pit_mm, "pit", reasons, margins)
    _check_depth(site.headroom_available_mm, product.headroom_mm, "headroom", reasons, margins)
    accessible = is_accessible(product)
    stretcher = is_stretcher_capable(product)
    if require_accessible and not accessible:
        reasons.append(
            FitReason(
                "not_accessible",
                "misfit",
                "轿厢或门宽达不到无障碍要求（GB 50763：1.10×1.40 m，门 0.80 m）",
                "car or door below the accessible minimum (GB 50763: 1.10 × 1.40 m, door 0.80 m)",
            )
        )
    if require_stretcher and not stretcher:
        reasons.append(
            FitReason("not_stretcher", "misfit", "不能容纳担架", "cannot take a stretcher")
        )
    if any(r.kind == "misfit" for r in reasons):
        fits: bool | None = False
    else:
        fits = None if reasons else True
    return FitResult(unit.id, product.id, fits, accessible, stretcher, rotated, margins, reasons)


def _check_entry(site: Site, product: Product, reasons: list[FitReason]) -> None:
    mode = site.entry_mode
    if mode is None:
        reasons.append(
            FitReason(
                "entry_mode_not_surveyed",
                "not_surveyed",
                "入户方式未调查",
                "entry mode not surveyed",
            )
        )
    elif mode not in product.entry_modes:
        zh, en = ENTRY_MODE_LABELS.get(mode, (mode, mode))
        reasons.append(
            FitReason(
                "entry_mode", "misfit", f"产品不支持{zh}", f"the product does not support {en}"
            )
        )


def _check_footprint(
    site: Site, product: Product, reasons: list[FitReason], margins: dict[str, int]
) -> bool:
    """Footprint check; returns whether the shaft fits only turned by 90°."""
    fp = site.footprint_available_m
    if fp is None:
        reasons.append(
            FitReason(
                "footprint_not_surveyed",
                "not_surveyed",
                "井道占地尺寸未调查",
                "footprint for the shaft not surveyed",
            )
        )
        return False
    w_mm, d_mm = _mm(fp[0]), _mm(fp[1])
    sw, sd = product.shaft_width_mm, product.shaft_depth_mm
    straight = (w_mm - sw, d_mm - sd)
    turned = (w_mm - sd, d_mm - sw)
    use, rotated = straight, False
    if min(straight) < 0 and product.rotatable and min(turned) >= 0:
        use, rotated = turned, True
    margins["width"], margins["depth"] = use
    if min(use) < 0:
        reasons.append(
            FitReason(
                "footprint",
                "misfit",
                f"井道 {sw}×{sd} mm 超出可用场地 {w_mm}×{d_mm} mm",
                f"shaft {sw} × {sd} mm exceeds the available footprint {w_mm} × {d_mm} mm",
            )
        )
    return rotated


_DEPTH_TEXT = {
    "pit": (
        ("pit_not_surveyed", "可开挖底坑深度未调查", "available pit depth not surveyed"),
        "需底坑 {need} mm，现场仅 {have} mm",
        "needs a {need} mm pit, the site allows {have} mm",
    ),
    "headroom": (
        ("headroom_not_surveyed", "顶层高度未调查", "top-floor headroom not surveyed"),
        "需顶层高度 {need} mm，现场仅 {have} mm",
        "needs {need} mm headroom, the site has {have} mm",
    ),
}


def _check_depth(
    have: int | None, need: int, key: str, reasons: list[FitReason], margins: dict[str, int]
) -> None:
    (code, zh_missing, en_missing), zh, en = _DEPTH_TEXT[key]
    if have is None:
        reasons.append(FitReason(code, "not_surveyed", zh_missing, en_missing))
        return
    margins[key] = have - need
    if margins[key] < 0:
        reasons.append(
            FitReason(
                key, "misfit", zh.format(need=need, have=have), en.format(need=need, have=have)
            )
        )


def fit_matrix(
    units: Sequence[Unit],
    products: Sequence[Product],
    *,
    require_accessible: bool = False,
    require_stretcher: bool = False,
) -> list[list[FitResult]]:
    """``[unit][product]`` fit results (see :func:`check_fit`)."""
    return [
        [
            check_fit(
                u, p, require_accessible=require_accessible, require_stretcher=require_stretcher
            )
            for p in products
        ]
        for u in units
    ]
