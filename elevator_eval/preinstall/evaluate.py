"""One unit: the expected and the most likely figures, the Monte Carlo and the tornado
(:func:`evaluate`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..model import Project, Unit
from ..money import json_number
from .inputs import build_inputs
from .sensitivity import tornado as make_tornado
from .simulation import monte_carlo
from .types import (
    ConsentOutlook,
    CostItem,
    Figures,
    MonteCarloResult,
    PitOutcome,
    PitProduct,
    PreinstallInputs,
    Tornado,
)
from .valuation import expected_arrival, figures, growth_means, ratio, rework_of, yuan

PRICE_BASIS_TEXT = {
    "nominal": (
        "名义价格：各项费用按评估年价格填写，日后发生的费用（日后施工、额外费用、底坑返工、"
        "残值）均按造价年上涨率递增到发生年份，再按名义折现率折现",
        "nominal prices: costs entered at the prices of the evaluation year; every "
        "later amount (the later works, the extras, the pit rework, the salvage) is "
        "escalated to its year and discounted at the nominal discount rate",
    ),
}


@dataclass
class PreinstallResult:
    """Valuation of pre-works for one unit.

    The headline attributes (``expected_saving_yuan``, ``probability_within_horizon``,
    ``expected_waste_yuan``, ``break_even_*``, ``saving_per_yuan``, ``pays_off``) are the
    **expected** figures: exact means over the stated uncertainty. ``most_likely`` holds the
    same figures with every input at its most likely value, shown beside and labelled.

    Attributes
    ----------
    cost_now_yuan : Decimal
        Expected ``C`` [yuan].
    extra_later_yuan : Decimal
        Expected ``X`` at today's prices [yuan].
    cost_later_by_year_yuan : list of Decimal
        Expected ``(C + X − R) (1 + g)^t`` for t = 1 … H, not discounted [yuan].
    probability_by_year : list of Decimal
        Expected ``P(t)``.
    mean_saving_yuan : Decimal
        Equal to ``expected_saving_yuan`` (kept for callers of the former name).
    """

    unit_id: str
    horizon_years: int
    discount_rate: Decimal
    escalation_per_year: Decimal
    salvage_share: Decimal
    price_basis: str
    items_now: list[CostItem]
    extras_later: list[CostItem]
    pit_outcomes: list[PitOutcome]
    prebuilt_pit_mm: int | None
    cost_now_yuan: Decimal
    extra_later_yuan: Decimal
    cost_later_by_year_yuan: list[Decimal]
    consent: ConsentOutlook
    probability_by_year: list[Decimal]
    expected: Figures
    most_likely: Figures
    monte_carlo: MonteCarloResult | None
    tornado: Tornado | None
    message_zh: str
    message_en: str
    assumptions_source: str
    assumptions_source_zh: str = ""

    @property
    def expected_saving_yuan(self) -> Decimal:
        return self.expected.net_saving_yuan

    @property
    def mean_saving_yuan(self) -> Decimal:
        return self.expected.net_saving_yuan

    @property
    def probability_within_horizon(self) -> Decimal:
        return self.expected.probability_within_horizon

    @property
    def expected_waste_yuan(self) -> Decimal:
        return self.expected.waste_yuan

    @property
    def break_even_hazard(self) -> Decimal | None:
        return self.expected.break_even_hazard

    @property
    def break_even_probability(self) -> Decimal | None:
        return self.expected.break_even_probability

    @property
    def saving_per_yuan(self) -> Decimal | None:
        return self.expected.saving_per_yuan

    @property
    def pays_off(self) -> bool:
        return self.expected.pays_off

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang == "zh" else self.message_en

    def to_json(self) -> dict[str, Any]:
        e = self.expected
        zh, en = PRICE_BASIS_TEXT.get(self.price_basis, (self.price_basis, self.price_basis))
        return {
            "unit": self.unit_id,
            "horizon_years": self.horizon_years,
            "discount_rate": json_number(self.discount_rate),
            "escalation_per_year": json_number(self.escalation_per_year),
            "salvage_share": json_number(self.salvage_share),
            "price_basis": {"basis": self.price_basis, "text_zh": zh, "text_en": en},
            "cost_now_yuan": json_number(self.cost_now_yuan),
            "extra_later_yuan": json_number(self.extra_later_yuan),
            "cost_later_by_year_yuan": [json_number(d) for d in self.cost_later_by_year_yuan],
            "items_now": [i.to_json() for i in self.items_now],
            "extras_later": [i.to_json() for i in self.extras_later],
            "pit": {
                "prebuilt_depth_mm": self.prebuilt_pit_mm,
                "outcomes": [o.to_json() for o in self.pit_outcomes],
            },
            "consent": self.consent.to_json(),
            "probability_by_year": [json_number(d) for d in self.probability_by_year],
            "expected": e.to_json(),
            "most_likely": self.most_likely.to_json(),
            "expected_saving_yuan": json_number(e.net_saving_yuan),
            "mean_saving_yuan": json_number(e.net_saving_yuan),
            "probability_within_horizon": json_number(e.probability_within_horizon),
            "expected_waste_yuan": json_number(e.waste_yuan),
            "break_even_hazard": None
            if e.break_even_hazard is None
            else json_number(e.break_even_hazard),
            "break_even_probability": None
            if e.break_even_probability is None
            else json_number(e.break_even_probability),
            "saving_per_yuan": None
            if e.saving_per_yuan is None
            else json_number(e.saving_per_yuan),
            "pays_off": e.pays_off,
            "monte_carlo": self.monte_carlo.to_json() if self.monte_carlo else None,
            "tornado": self.tornado.to_json() if self.tornado else None,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "assumptions_source": self.assumptions_source,
            "assumptions_source_zh": self.assumptions_source_zh,
        }


def _messages(e: Figures, m: Figures, H: int) -> tuple[str, str]:
    c = e.cost_now_yuan
    if c == 0:
        return "该单元无需预做工程。", "This unit has nothing to pre-work."
    p_in = float(e.probability_within_horizon)
    if e.pays_off:
        zh = (
            f"建议在改造中预做：预期投入 {c:,} 元，预期净节约 {e.net_saving_yuan:,} 元（现值，"
            f"按各项不确定性取期望）；{H} 年内达成表决的概率 {p_in:.0%}；始终不加装的概率 "
            f"{float(e.probability_of_waste):.0%}，届时损失 {e.loss_if_wasted_yuan:,} 元。"
        )
        en = (
            f"Pre-work during renovation: expected spend {c:,} yuan for an expected net "
            f"saving of {e.net_saving_yuan:,} yuan (present value, the mean over the stated "
            f"uncertainty); probability of consent within {H} years {p_in:.0%}; probability "
            f"that no elevator comes {float(e.probability_of_waste):.0%}, losing "
            f"{e.loss_if_wasted_yuan:,} yuan."
        )
    else:
        zh = (
            f"不建议预做：预期投入 {c:,} 元，预期净损失 {-e.net_saving_yuan:,} 元（现值，"
            f"按各项不确定性取期望）；{H} 年内达成表决的概率仅 {p_in:.0%}。"
        )
        en = (
            f"Do not pre-work: an expected spend of {c:,} yuan gives an expected net loss of "
            f"{-e.net_saving_yuan:,} yuan (present value, the mean over the stated "
            f"uncertainty); probability of consent within {H} years only {p_in:.0%}."
        )
    if e.break_even_hazard is not None and e.break_even_probability is not None:
        zh += (
            f"盈亏平衡：每年达成概率 {float(e.break_even_hazard):.1%}"
            f"（{H} 年内 {float(e.break_even_probability):.0%}）。"
        )
        en += (
            f" Break-even: {float(e.break_even_hazard):.1%} a year "
            f"({float(e.break_even_probability):.0%} within {H} years)."
        )
    zh += f"最可能情形（各项取最可能值）：净节约 {m.net_saving_yuan:,} 元。"
    en += f" Most likely case (every input at its most likely value): {m.net_saving_yuan:,} yuan."
    return zh, en


def evaluate(
    unit: Unit,
    project: Project | None = None,
    *,
    horizon_years: int | None = None,
    seed: int = 0,
    draws: int = 100_000,
    with_monte_carlo: bool = True,
    with_tornado: bool = True,
    inputs: PreinstallInputs | None = None,
    assumptions: dict[str, Any] | None = None,
    consent_ruleset: str | None = None,
    pit_products: Sequence[PitProduct] | None = None,
) -> PreinstallResult:
    """Value pre-works now against later for one unit.

    Parameters
    ----------
    unit : Unit
    project : Project, optional
        For ``settings["preinstall"]`` and user consent rulesets.
    horizon_years : int, optional
        Overrides the assumption [years].
    seed, draws : int
        Monte Carlo seed and number of draws.
    with_monte_carlo, with_tornado : bool
        Skip the simulation or the tornado (faster).
    inputs : PreinstallInputs, optional
        Use these instead of building them from the unit (e.g. edited in the UI).
    consent_ruleset : str, optional
        Consent ruleset for the vote count (default: the unit's ``rules``).
    pit_products : sequence, optional
        Catalogue products (``id``, ``pit_mm``) for the pit rework; see
        :func:`~elevator_eval.preinstall.inputs.build_inputs`.

    Raises
    ------
    InputError
        naming the field.
    """
    if inputs is None:
        inputs = build_inputs(
            unit,
            project,
            assumptions=assumptions,
            horizon_years=horizon_years,
            consent_ruleset=consent_ruleset,
            pit_products=pit_products,
        )
    H = inputs.horizon_years
    e, m = figures(inputs, "expected"), figures(inputs, "most_likely")
    c = float(e.cost_now_yuan)
    x = sum(i.triangle.mean for i in inputs.extras_later) if c > 0 else 0.0
    rw = rework_of(inputs, "expected") if c > 0 else 0.0
    growth = growth_means(inputs.escalation, H)
    probs, _ = expected_arrival(inputs.consent, H)
    zh, en = _messages(e, m, H)
    return PreinstallResult(
        unit_id=inputs.unit_id,
        horizon_years=H,
        discount_rate=ratio(inputs.discount_rate.mode),
        escalation_per_year=ratio(inputs.escalation.mode),
        salvage_share=ratio(inputs.salvage_share),
        price_basis=inputs.price_basis,
        items_now=list(inputs.items_now),
        extras_later=list(inputs.extras_later),
        pit_outcomes=list(inputs.pit_outcomes),
        prebuilt_pit_mm=inputs.prebuilt_pit_mm,
        cost_now_yuan=e.cost_now_yuan,
        extra_later_yuan=yuan(x),
        cost_later_by_year_yuan=[yuan((c + x - rw) * gt) for gt in growth],
        consent=inputs.consent,
        probability_by_year=[ratio(p) for p in probs],
        expected=e,
        most_likely=m,
        monte_carlo=monte_carlo(inputs, draws, seed) if with_monte_carlo else None,
        tornado=make_tornado(inputs) if with_tornado else None,
        message_zh=zh,
        message_en=en,
        assumptions_source=inputs.assumptions_source,
        assumptions_source_zh=inputs.assumptions_source_zh,
    )
