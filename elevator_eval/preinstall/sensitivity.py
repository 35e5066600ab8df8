"""Tornado: the most likely saving with one input at a time moved to its low and high value."""

from __future__ import annotations

from scipy.special import betaincinv

from .types import ConsentOutlook, PreinstallInputs, Tornado, TornadoBar
from .valuation import (
    arrival_probabilities,
    beta_params,
    hazards_for,
    rework_of,
    saving_npv,
    yuan,
)


def _point(inputs: PreinstallInputs) -> dict[str, float]:
    d = {f"now:{i.key}": float(i.mode_yuan) for i in inputs.items_now}
    d.update({f"later:{i.key}": float(i.mode_yuan) for i in inputs.extras_later})
    d["rework"] = rework_of(inputs, "most_likely")
    d["escalation"] = inputs.escalation.mode
    d["discount_rate"] = inputs.discount_rate.mode
    d["hazard"] = inputs.consent.hazard
    return d


def _saving_at(inputs: PreinstallInputs, point: dict[str, float], fixed_hazard: bool) -> float:
    c_now = sum(v for k, v in point.items() if k.startswith("now:"))
    x = sum(v for k, v in point.items() if k.startswith("later:"))
    hz = (
        [point["hazard"]] * inputs.horizon_years
        if fixed_hazard
        else hazards_for(inputs.consent, inputs.horizon_years)
    )
    probs, never = arrival_probabilities(hz)
    return saving_npv(
        c_now,
        x,
        point["escalation"],
        point["discount_rate"],
        probs,
        never,
        inputs.salvage_share,
        point["rework"],
    )


def hazard_band(consent: ConsentOutlook) -> tuple[float, float]:
    """P10 and P90 of the hazard's Beta distribution (the mode twice when it is fixed)."""
    ab = beta_params(consent)
    if ab is None:
        return consent.hazard, consent.hazard
    return float(betaincinv(ab[0], ab[1], 0.1)), float(betaincinv(ab[0], ab[1], 0.9))


def _specs(inputs: PreinstallInputs) -> list[tuple[str, str, str, str, float, float]]:
    specs = [
        (f"now:{it.key}", it.title_zh, it.title_en, "yuan", float(it.low_yuan), float(it.high_yuan))
        for it in inputs.items_now
    ]
    specs += [
        (
            f"later:{it.key}",
            it.title_zh,
            it.title_en,
            "yuan",
            float(it.low_yuan),
            float(it.high_yuan),
        )
        for it in inputs.extras_later
    ]
    reworks = [o.rework for o in inputs.pit_outcomes if o.rework is not None]
    if reworks:
        specs.append(
            (
                "rework",
                "底坑返工",
                "pit rework",
                "yuan",
                0.0,
                max(float(r.high_yuan) for r in reworks),
            )
        )
    specs.append(
        (
            "escalation",
            "造价年上涨率",
            "price escalation per year",
            "per_year",
            inputs.escalation.low,
            inputs.escalation.high,
        )
    )
    specs.append(
        (
            "discount_rate",
            "折现率",
            "discount rate",
            "per_year",
            inputs.discount_rate.low,
            inputs.discount_rate.high,
        )
    )
    if not inputs.consent.hazards_by_year:
        lo, hi = hazard_band(inputs.consent)
        specs.append(
            (
                "hazard",
                "每年达成表决的概率",
                "annual probability of consent",
                "probability_per_year",
                lo,
                hi,
            )
        )
    return specs


def tornado(inputs: PreinstallInputs) -> Tornado:
    """Vary each input from low to high with the others at the most likely value.

    Inputs: each pre-work item, each later extra, the pit rework (none … the largest), the
    escalation, the discount rate, the annual probability of consent (Beta P10–P90). Bars
    are sorted by swing, largest first; the base is the most likely case.
    """
    base_pt = _point(inputs)
    base = _saving_at(inputs, base_pt, fixed_hazard=not inputs.consent.hazards_by_year)
    bars = []
    for key, zh, en, unit, lo, hi in _specs(inputs):
        vals = []
        for v in (lo, hi):
            pt = dict(base_pt)
            pt[key] = v
            vals.append(
                _saving_at(
                    inputs, pt, fixed_hazard=key == "hazard" or not inputs.consent.hazards_by_year
                )
            )
        bars.append(
            TornadoBar(
                key,
                zh,
                en,
                unit,
                lo,
                hi,
                yuan(vals[0]),
                yuan(vals[1]),
                yuan(abs(vals[1] - vals[0])),
            )
        )
    bars.sort(key=lambda b: (-b.swing_yuan, b.key))
    return Tornado(yuan(base), bars)
