"""Result and input types of the pre-installation valuation (no computation here).

Amounts are Decimal yuan rounded to the yuan when they reach a user; rates and
probabilities are Decimal with four decimals. See :mod:`elevator_eval.preinstall` for the
model.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from ..money import json_number


def _opt(d: Decimal | None) -> Any:
    """A JSON number (int or float) of ``d``, or ``None``."""
    return None if d is None else json_number(d)


class PitProduct(Protocol):
    """What the valuation reads of a product the unit may buy later (e.g.
    :class:`elevator_eval.procurement.Product`); ``vendor`` and ``model`` are read when
    present."""

    @property
    def id(self) -> str: ...

    @property
    def pit_mm(self) -> int: ...


@dataclass(frozen=True)
class Triangle:
    """A triangular range: low, most likely (mode), high. Units as named by the user."""

    low: float
    mode: float
    high: float

    @property
    def mean(self) -> float:
        return (self.low + self.mode + self.high) / 3.0


ASSUMPTION_ZH = "经验假设（本程序默认值）"
"""How the Chinese window names a figure the app assumes (the data cite it in English)."""


@dataclass(frozen=True)
class CostItem:
    """One cost line of the pre-works (group ``now``), of doing them later (``later``) or of
    reworking a pre-built pit (``rework``).

    Attributes
    ----------
    key : str
        ``pipe_gas``, ``pipe_water`` …, ``pipe_relocation``, ``pit``, ``foundation``,
        ``power_capacity``; ``mobilisation``, ``surface_restoration``, ``disruption``;
        ``deepen``, ``raise_floor``.
    low_yuan, mode_yuan, high_yuan : Decimal
        Low / most likely / high [yuan].
    source : str
        Where the figure comes from, or "assumption" (English, as the data files cite).
    source_zh : str
        The same in Chinese where the engine words it (a unit's own cost line), else empty.
    """

    key: str
    group: str
    title_zh: str
    title_en: str
    low_yuan: Decimal
    mode_yuan: Decimal
    high_yuan: Decimal
    source: str
    source_zh: str = ""

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def basis(self, lang: str = "zh") -> str:
        """Where the figure comes from, in one language: the Chinese wording, else the
        source when it holds no English words, else 经验假设（本程序默认值）."""
        if lang == "en":
            return self.source
        if self.source_zh:
            return self.source_zh
        from ..language import is_chinese_only

        return self.source if is_chinese_only(self.source) else ASSUMPTION_ZH

    @property
    def triangle(self) -> Triangle:
        return Triangle(float(self.low_yuan), float(self.mode_yuan), float(self.high_yuan))

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "group": self.group,
            "title_zh": self.title_zh,
            "title_en": self.title_en,
            "low_yuan": json_number(self.low_yuan),
            "mode_yuan": json_number(self.mode_yuan),
            "high_yuan": json_number(self.high_yuan),
            "source": self.source,
        }


@dataclass(frozen=True)
class PitOutcome:
    """One product class the unit may buy later, and what the pre-built pit then needs.

    Attributes
    ----------
    key : str
        Product class (``standard``, ``reduced``) or a catalogue product id.
    pit_mm : int
        Pit depth the product needs [mm].
    probability : float
        Probability that this is the product bought (the outcomes add up to 1).
    rework : CostItem or None
        ``deepen`` (the product needs a deeper pit than pre-built), ``raise_floor`` (it needs
        a shallower one) or ``None`` (the pit fits as built).
    """

    key: str
    title_zh: str
    title_en: str
    pit_mm: int
    probability: float
    rework: CostItem | None

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title_zh": self.title_zh,
            "title_en": self.title_en,
            "pit_mm": self.pit_mm,
            "probability": round(self.probability, 6),
            "rework": None if self.rework is None else self.rework.to_json(),
        }


@dataclass(frozen=True)
class ConsentOutlook:
    """How likely consent is, per year, from the unit's vote state.

    Attributes
    ----------
    state : str
        ``ready`` (passed), ``needs_votes``, ``blocked`` or ``unknown`` (no households).
    hazard : float
        Annual probability of reaching consent, given not reached before (most likely; also
        the mean of its Beta distribution).
    hazards_by_year : tuple of float or None
        An explicit ``p_t`` list (t = 1 …) given in ``extra.preinstall.hazard``.
    concentration : float
        ``α + β`` of the Beta distribution of the hazard (0 = fixed).
    additional_yes : int or None
        More "yes" owners needed (from :func:`elevator_eval.consent.tally`).
    basis : str
        ``consent`` (the consent engine under ``ruleset``) or ``given`` (set by the user).
    ruleset : str
        The consent ruleset the vote was counted under.
    """

    state: str
    hazard: float
    hazards_by_year: tuple[float, ...] | None
    concentration: float
    heads_total: int
    additional_yes: int | None
    possible: bool
    basis: str
    reason_zh: str
    reason_en: str
    source: str
    ruleset: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "hazard": round(self.hazard, 6),
            "hazards_by_year": list(self.hazards_by_year) if self.hazards_by_year else None,
            "concentration": self.concentration,
            "heads_total": self.heads_total,
            "additional_yes": self.additional_yes,
            "possible": self.possible,
            "basis": self.basis,
            "ruleset": self.ruleset,
            "reason_zh": self.reason_zh,
            "reason_en": self.reason_en,
            "source": self.source,
        }


@dataclass
class PreinstallInputs:
    """Everything the valuation of one unit needs (built by :func:`build_inputs`).

    Attributes
    ----------
    items_now, extras_later : list of CostItem
    pit_outcomes : list of PitOutcome
        The later product classes with their probabilities and pit rework (empty when no
        pit is pre-built).
    escalation : Triangle
        Construction price escalation [1/year], applied to every later amount.
    discount_rate : Triangle
        Nominal; the mode is used, low/high only in the tornado [1/year].
    horizon_years : int
    salvage_share : float
        Share of the escalated ``C_now`` still of value at the horizon when no elevator
        came (0–1); discounted from the horizon.
    consent : ConsentOutlook
    """

    unit_id: str
    items_now: list[CostItem]
    extras_later: list[CostItem]
    escalation: Triangle
    discount_rate: Triangle
    horizon_years: int
    salvage_share: float
    consent: ConsentOutlook
    pit_outcomes: list[PitOutcome] = field(default_factory=list)
    prebuilt_pit_mm: int | None = None
    price_basis: str = "nominal"
    assumptions_title_zh: str = ""
    assumptions_title_en: str = ""
    assumptions_source: str = ""
    assumptions_source_zh: str = ""

    def replace(self, **changes: Any) -> PreinstallInputs:
        new = copy.copy(self)
        for k, v in changes.items():
            setattr(new, k, v)
        return new


@dataclass(frozen=True)
class Figures:
    """The headline figures of one case: ``expected`` (the mean over the stated
    uncertainty) or ``most_likely`` (every input at its most likely value).

    Attributes
    ----------
    net_saving_yuan : Decimal
        Present value of pre-working now minus doing it later [yuan]; > 0 pays off.
    probability_within_horizon : Decimal
        Probability that consent comes within the horizon.
    probability_of_waste : Decimal
        Probability that no elevator comes within the horizon (the pre-works are wasted).
    loss_if_wasted_yuan : Decimal
        The loss in that case: cost now minus the discounted salvage [yuan].
    waste_yuan : Decimal
        ``probability_of_waste × loss_if_wasted_yuan`` [yuan].
    cost_now_yuan : Decimal
    pit_rework_yuan : Decimal
        Pit rework at today's prices (expected over the product classes, or that of the
        most likely class) [yuan].
    break_even_hazard, break_even_probability : Decimal or None
        Constant annual probability of consent at which the net saving is 0, and the same
        as a probability within the horizon.
    saving_per_yuan : Decimal or None
    """

    case: str
    net_saving_yuan: Decimal
    pays_off: bool
    probability_within_horizon: Decimal
    probability_of_waste: Decimal
    loss_if_wasted_yuan: Decimal
    waste_yuan: Decimal
    cost_now_yuan: Decimal
    pit_rework_yuan: Decimal
    break_even_hazard: Decimal | None
    break_even_probability: Decimal | None
    saving_per_yuan: Decimal | None

    def to_json(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "net_saving_yuan": json_number(self.net_saving_yuan),
            "pays_off": self.pays_off,
            "probability_within_horizon": json_number(self.probability_within_horizon),
            "probability_of_waste": json_number(self.probability_of_waste),
            "loss_if_wasted_yuan": json_number(self.loss_if_wasted_yuan),
            "waste_yuan": json_number(self.waste_yuan),
            "cost_now_yuan": json_number(self.cost_now_yuan),
            "pit_rework_yuan": json_number(self.pit_rework_yuan),
            "break_even_hazard": _opt(self.break_even_hazard),
            "break_even_probability": _opt(self.break_even_probability),
            "saving_per_yuan": _opt(self.saving_per_yuan),
        }


@dataclass(frozen=True)
class MonteCarloResult:
    """Summary of the simulated saving [yuan].

    ``probability_loss`` is P(saving < 0) with its standard error; ``conditional_loss_yuan``
    the mean loss over the draws that lose. ``p10_interval_yuan`` is the 95 % interval of
    the P10 from the order statistics (binomial), so its simulation error is visible.
    """

    draws: int
    seed: int
    mean_yuan: Decimal
    std_error_yuan: Decimal
    p10_yuan: Decimal
    p50_yuan: Decimal
    p90_yuan: Decimal
    probability_pays_off: Decimal
    probability_never: Decimal
    probability_loss: Decimal = Decimal(0)
    probability_loss_std_error: Decimal = Decimal(0)
    conditional_loss_yuan: Decimal | None = None
    p10_interval_yuan: tuple[Decimal, Decimal] | None = None
    histogram_edges_yuan: list[int] = field(default_factory=list)
    histogram_counts: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "draws": self.draws,
            "seed": self.seed,
            "mean_yuan": json_number(self.mean_yuan),
            "std_error_yuan": json_number(self.std_error_yuan),
            "p10_yuan": json_number(self.p10_yuan),
            "p50_yuan": json_number(self.p50_yuan),
            "p90_yuan": json_number(self.p90_yuan),
            "p10_interval_yuan": None
            if self.p10_interval_yuan is None
            else [json_number(v) for v in self.p10_interval_yuan],
            "probability_pays_off": json_number(self.probability_pays_off),
            "probability_never": json_number(self.probability_never),
            "probability_loss": json_number(self.probability_loss),
            "probability_loss_std_error": json_number(self.probability_loss_std_error),
            "conditional_loss_yuan": _opt(self.conditional_loss_yuan),
            "histogram_edges_yuan": self.histogram_edges_yuan,
            "histogram_counts": self.histogram_counts,
        }


@dataclass(frozen=True)
class TornadoBar:
    """One input of the tornado: the most-likely saving with it at its low and high value.

    ``input_unit`` is ``yuan``, ``per_year`` (a rate) or ``probability_per_year``.
    """

    key: str
    title_zh: str
    title_en: str
    input_unit: str
    low_input: float
    high_input: float
    saving_at_low_yuan: Decimal
    saving_at_high_yuan: Decimal
    swing_yuan: Decimal

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title_zh": self.title_zh,
            "title_en": self.title_en,
            "input_unit": self.input_unit,
            "low_input": self.low_input,
            "high_input": self.high_input,
            "saving_at_low_yuan": json_number(self.saving_at_low_yuan),
            "saving_at_high_yuan": json_number(self.saving_at_high_yuan),
            "swing_yuan": json_number(self.swing_yuan),
        }


@dataclass(frozen=True)
class Tornado:
    """Tornado chart data: bars ranked by swing, around the most likely saving."""

    base_yuan: Decimal
    bars: list[TornadoBar]

    def to_json(self) -> dict[str, Any]:
        return {
            "base_yuan": json_number(self.base_yuan),
            "case": "most_likely",
            "bars": [b.to_json() for b in self.bars],
        }
