"""Cost-sharing methods side by side.

:func:`compare_methods` runs :func:`elevator_eval.costshare.compute_share` under every
applicable method for one unit and reports the spread (top floor against the 2nd, largest
against smallest share); :func:`check_published` compares published per-household amounts
with the total they claim to split (a mismatch is reported, never "fixed").

References
----------
The methods and their sources: ``docs/worked-examples.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .costshare import METHOD_INFO, METHODS, compute_share, percents_for
from .costshare_allocate import quantize_yuan
from .costshare_subsidy import subsidy_total
from .errors import InputError
from .model import Unit
from .money import json_number


@dataclass
class MethodRow:
    """One method's shares and spread."""

    method: str
    title_zh: str
    title_en: str
    shares_yuan: dict[str, Decimal]
    top_floor_avg_yuan: Decimal | None
    second_floor_avg_yuan: Decimal | None
    top_vs_second_ratio: Fraction | None  # None when the 2nd floor pays 0
    top_minus_second_yuan: Decimal | None
    max_yuan: Decimal
    min_yuan: Decimal  # smallest positive share
    max_min_ratio: Fraction | None


@dataclass
class MethodComparison:
    """Every applicable method side by side for one unit."""

    unit_id: str
    owners_total_yuan: Decimal
    households: list[tuple[str, int]]  # (id, floor) in unit order
    rows: list[MethodRow]
    skipped: dict[str, str]  # method → reason (zh / en)

    def to_json(self) -> dict[str, Any]:
        n = json_number

        def fr(x: Fraction | None) -> float | None:
            return None if x is None else float(x)

        return {
            "unit": self.unit_id,
            "owners_total_yuan": n(self.owners_total_yuan),
            "households": [{"id": i, "floor": f} for i, f in self.households],
            "methods": [
                {
                    "method": r.method,
                    "title_zh": r.title_zh,
                    "title_en": r.title_en,
                    "shares_yuan": {k: n(v) for k, v in r.shares_yuan.items()},
                    "top_floor_avg_yuan": None
                    if r.top_floor_avg_yuan is None
                    else n(r.top_floor_avg_yuan),
                    "second_floor_avg_yuan": None
                    if r.second_floor_avg_yuan is None
                    else n(r.second_floor_avg_yuan),
                    "top_vs_second_ratio": fr(r.top_vs_second_ratio),
                    "top_minus_second_yuan": None
                    if r.top_minus_second_yuan is None
                    else n(r.top_minus_second_yuan),
                    "max_yuan": n(r.max_yuan),
                    "min_yuan": n(r.min_yuan),
                    "max_min_ratio": fr(r.max_min_ratio),
                }
                for r in self.rows
            ],
            "skipped": dict(self.skipped),
        }


def _avg(vals: list[Decimal]) -> Decimal | None:
    """The mean [yuan] to the fen, or None for no values."""
    if not vals:
        return None
    return quantize_yuan(Fraction(sum(vals, Decimal(0))) / len(vals))


def compare_methods(unit: Unit, *, settings: dict[str, Any] | None = None) -> MethodComparison:
    """Every applicable method's share per household for one unit, with the spread.

    ``percent_by_household`` appears only when percents are given (``share.percent_by_floor``
    or a percent table); a coefficient method whose table lacks a paying floor is skipped
    with the reason. Spread: the top floor's average share against the 2nd floor's
    (ratio and difference), and the largest against the smallest positive share.
    """
    rows: list[MethodRow] = []
    skipped: dict[str, str] = {}
    owners_total: Decimal | None = None
    top = max(h.floor for h in unit.households)
    for m in METHODS:
        if m == "percent_by_household" and percents_for(unit, settings=settings) is None:
            skipped[m] = "未给出每户比例 / no percents given"
            continue
        try:
            r = compute_share(unit, m, settings=settings)
        except InputError as e:
            skipped[m] = str(e)
            continue
        owners_total = r.owners_total_yuan
        shares = {h.id: h.share_yuan for h in r.households}
        tops = [h.share_yuan for h in r.households if h.floor == top]
        seconds = [h.share_yuan for h in r.households if h.floor == 2]
        t_avg, s_avg = _avg(tops), _avg(seconds)
        ratio = None
        if t_avg is not None and s_avg:
            ratio = (
                Fraction(sum(tops, Decimal(0)))
                * len(seconds)
                / (Fraction(sum(seconds, Decimal(0))) * len(tops))
            )
        diff = None if t_avg is None or s_avg is None else t_avg - s_avg
        positive = [v for v in shares.values() if v > 0]
        mx = max(shares.values())
        mn = min(positive) if positive else Decimal(0)
        rows.append(
            MethodRow(
                m,
                METHOD_INFO[m]["title_zh"],
                METHOD_INFO[m]["title_en"],
                shares,
                t_avg,
                s_avg,
                ratio,
                diff,
                mx,
                mn,
                Fraction(mx) / Fraction(mn) if mn else None,
            )
        )
    if owners_total is None:
        owners_total = unit.costs.total_yuan - subsidy_total(unit)[0]
    return MethodComparison(
        unit.id, owners_total, [(h.id, h.floor) for h in unit.households], rows, skipped
    )
