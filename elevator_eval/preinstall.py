"""Pre-installation: relocate the pipes and build the pit now, during renovation, or wait?

The national notice on old-community renovation asks that, where residents want an elevator
and the site allows it but the owners' consent is not there yet, the pipes be relocated and
the pit be built during the renovation, so that a later elevator costs less. A street office
has a limited renovation budget and must choose the units. This module values that choice
for one unit and for a whole street.

The model (all amounts in yuan at prices of the evaluation year)
-----------------------------------------------------------------
Pre-works now
    ``C_now = Σ items``: pipe relocation per pipe type found in the footprint
    (``unit.site.pipes_in_footprint``; a range estimate when the pipes were not surveyed),
    the pit, the foundation and the power capacity expansion. A cost line the unit file
    gives itself (``costs.items_yuan`` keys ``pipe_relocation``, ``pit``, ``foundation``,
    ``power_capacity``) replaces the default of that item.
Doing them later, in year ``t``
    ``C_later(t) = C_now × (1 + g)^t + X`` with ``g`` the yearly price escalation and ``X``
    the extra costs of a separate job: mobilisation, breaking and restoring the newly
    renovated surface, disruption. A unit with ``C_now = 0`` has nothing to pre-work and
    ``X = 0``.
Consent arrival
    A discrete-time hazard: ``p_t`` is the probability that consent is reached in year ``t``
    given it was not reached before. Default: a constant ``h`` per year set from the unit's
    vote state (:func:`consent_outlook`): a unit that passed builds in year 1 (``h = 1``); a
    unit blocked by an affected owner's "no" gets a low ``h``; otherwise
    ``h = h_min + (h_max − h_min) × (1 − m)^shape`` with ``m`` the share of the owners (heads)
    still to win, from :func:`elevator_eval.consent.what_is_needed`. ``P(t) = p_t Π_{s<t}
    (1 − p_s)``; ``P(never) = Π_{t≤H} (1 − p_t)``. A unit may set ``h`` or a list ``p_t`` in
    ``extra.preinstall.hazard``.
Value
    Discount factor ``DF(t) = (1 + r)^−t``. If the elevator comes in year ``t`` the pre-works
    saved ``DF(t) × C_later(t)``; if it never comes within the horizon ``H`` they are wasted
    except a salvage share ``s``. Expected net saving (NPV)::

        E[S] = Σ_{t=1..H} P(t) DF(t) C_later(t) + P(never) s C_now − C_now

    Expected waste ``= P(never) (1 − s) C_now``.
Break-even
    The constant annual probability of consent ``h*`` at which ``E[S] = 0`` with every other
    input at its most likely value (the smallest root, found on a grid and refined with
    :func:`scipy.optimize.brentq`); reported also as the probability of consent within the
    horizon ``1 − (1 − h*)^H``. ``None`` when pre-works do not pay off even with ``h = 1``.
Monotonicity
    ``E[S]`` always rises with the escalation. It rises with the probability of consent
    whenever ``DF(t) C_later(t)`` does not grow with ``t`` (escalation not above the discount
    rate, as with the defaults): earlier consent is then worth more, and any consent more
    than none.
Uncertainty
    Every cost item, every extra and ``g`` are triangular (low, most likely, high); ``h`` is
    Beta with mean ``h`` and concentration ``α + β`` (a given ``p_t`` list is used as is);
    the discount rate and the salvage share are policy values held fixed. A seeded,
    vectorised Monte Carlo gives P10/P50/P90, the mean and its standard error, and the
    probability that pre-works pay off. :func:`mean_saving` is the exact expectation of the
    same model (closed forms for the Beta and triangular moments), so the simulation can be
    checked against it. A tornado varies each input from low to high with the others at the
    most likely value (the hazard from the Beta's P10 to P90; the discount rate over its
    low/high) and ranks the inputs by swing.
Portfolio
    :func:`rank_units` values every candidate unit of a project (class "difficult" or
    consent not yet reached; "unsuitable" units are left out because the site does not allow
    an elevator) at its most likely inputs and ranks them by expected saving per yuan spent.
    :func:`choose_units` picks units within a budget: an exact 0/1 knapsack for up to 40
    candidates (dynamic programming over costs divided by their greatest common divisor, or
    branch and bound when that table is too large), and for larger sets the greedy rule by
    saving per yuan (also comparing the best single unit), which is never worse than the
    optimum minus the largest single saving; the LP-relaxation upper bound and the gap are
    reported.

Money that reaches the user is Decimal rounded to the yuan; the simulation runs in floats
(it is a model, not a payment).

All defaults live in ``rules/preinstall/default.json`` with their source or the label
"assumption"; ``project.settings["preinstall"]`` and ``unit.extra["preinstall"]`` override
them key by key.

References
----------
Domain research §5 (pipeline relocation 4万 per unit in Beijing to 15万 per elevator in
Hangzhou; civil works about 40 % of a 40万 elevator), §3.1 (cost breakdown). No published
source quantifies the saving of pre-installation work; the defaults are assumptions.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, Sequence

from .errors import InputError
from .model import PIPE_TYPES, Project, Unit
from .money import json_number, to_decimal

KIND = "preinstall"
DEFAULT_ASSUMPTIONS = "default"
MAX_HORIZON_YEARS = 50
EXACT_LIMIT = 40
"""Up to this many eligible units the budget choice is exact; above it, greedy."""

_ONE = Decimal(1)


# ---------------------------------------------------------------------------------------
# small result types
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Triangle:
    """A triangular range: low, most likely (mode), high. Units as named by the user."""

    low: float
    mode: float
    high: float

    @property
    def mean(self) -> float:
        return (self.low + self.mode + self.high) / 3.0


@dataclass(frozen=True)
class CostItem:
    """One cost line of the pre-works (group ``now``) or of doing them later (``later``).

    Attributes
    ----------
    key : str
        ``pipe_gas``, ``pipe_water`` …, ``pipe_relocation``, ``pit``, ``foundation``,
        ``power_capacity``; ``mobilisation``, ``surface_restoration``, ``disruption``.
    low_yuan, mode_yuan, high_yuan : Decimal
        Low / most likely / high [yuan].
    source : str
        Where the figure comes from, or "assumption".
    """

    key: str
    group: str
    title_zh: str
    title_en: str
    low_yuan: Decimal
    mode_yuan: Decimal
    high_yuan: Decimal
    source: str

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def to_json(self) -> dict:
        return {"key": self.key, "group": self.group, "title_zh": self.title_zh,
                "title_en": self.title_en, "low_yuan": json_number(self.low_yuan),
                "mode_yuan": json_number(self.mode_yuan), "high_yuan": json_number(self.high_yuan),
                "source": self.source}


@dataclass(frozen=True)
class ConsentOutlook:
    """How likely consent is, per year, from the unit's vote state.

    Attributes
    ----------
    state : str
        ``ready`` (passed), ``needs_votes``, ``blocked`` or ``unknown`` (no households).
    hazard : float
        Annual probability of reaching consent, given not reached before (most likely).
    hazards_by_year : tuple of float or None
        An explicit ``p_t`` list (t = 1 …) given in ``extra.preinstall.hazard``.
    concentration : float
        ``α + β`` of the Beta distribution of the hazard in the Monte Carlo (0 = fixed).
    heads_total : int
    additional_yes : int or None
        More "yes" owners needed (from "what is needed").
    basis : str
        ``consent`` (the consent engine), ``internal`` (a simple Civil Code count) or
        ``given`` (set by the user).
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

    def to_json(self) -> dict:
        return {"state": self.state, "hazard": round(self.hazard, 6),
                "hazards_by_year": list(self.hazards_by_year) if self.hazards_by_year else None,
                "concentration": self.concentration, "heads_total": self.heads_total,
                "additional_yes": self.additional_yes, "possible": self.possible,
                "basis": self.basis, "reason_zh": self.reason_zh, "reason_en": self.reason_en,
                "source": self.source}


@dataclass
class PreinstallInputs:
    """Everything the valuation of one unit needs (built by :func:`build_inputs`).

    Attributes
    ----------
    items_now, extras_later : list of CostItem
    escalation : Triangle
        Construction price escalation [1/year].
    discount_rate : Triangle
        The mode is used; low/high only in the tornado [1/year].
    horizon_years : int
    salvage_share : float
        Share of ``C_now`` still of value when no elevator comes (0–1).
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
    assumptions_title_zh: str = ""
    assumptions_title_en: str = ""
    assumptions_source: str = ""
    assumptions_source_zh: str = ""

    def replace(self, **changes) -> "PreinstallInputs":
        new = copy.copy(self)
        for k, v in changes.items():
            setattr(new, k, v)
        return new


@dataclass(frozen=True)
class MonteCarloResult:
    """Summary of the simulated expected saving [yuan]."""

    draws: int
    seed: int
    mean_yuan: Decimal
    std_error_yuan: Decimal
    p10_yuan: Decimal
    p50_yuan: Decimal
    p90_yuan: Decimal
    probability_pays_off: Decimal
    probability_never: Decimal
    histogram_edges_yuan: list[int] = field(default_factory=list)
    histogram_counts: list[int] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"draws": self.draws, "seed": self.seed,
                "mean_yuan": json_number(self.mean_yuan),
                "std_error_yuan": json_number(self.std_error_yuan),
                "p10_yuan": json_number(self.p10_yuan), "p50_yuan": json_number(self.p50_yuan),
                "p90_yuan": json_number(self.p90_yuan),
                "probability_pays_off": json_number(self.probability_pays_off),
                "probability_never": json_number(self.probability_never),
                "histogram_edges_yuan": self.histogram_edges_yuan,
                "histogram_counts": self.histogram_counts}


@dataclass(frozen=True)
class TornadoBar:
    """One input of the tornado: the expected saving with it at its low and high value.

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

    def to_json(self) -> dict:
        return {"key": self.key, "title_zh": self.title_zh, "title_en": self.title_en,
                "input_unit": self.input_unit, "low_input": self.low_input,
                "high_input": self.high_input,
                "saving_at_low_yuan": json_number(self.saving_at_low_yuan),
                "saving_at_high_yuan": json_number(self.saving_at_high_yuan),
                "swing_yuan": json_number(self.swing_yuan)}


@dataclass(frozen=True)
class Tornado:
    """Tornado chart data: bars ranked by swing, around the base (most likely) saving."""

    base_yuan: Decimal
    bars: list[TornadoBar]

    def to_json(self) -> dict:
        return {"base_yuan": json_number(self.base_yuan), "bars": [b.to_json() for b in self.bars]}


@dataclass
class PreinstallResult:
    """Valuation of pre-works for one unit.

    Attributes
    ----------
    cost_now_yuan : Decimal
        ``C_now`` at the most likely values [yuan].
    extra_later_yuan : Decimal
        ``X`` at the most likely values [yuan].
    cost_later_by_year_yuan : list of Decimal
        ``C_later(t)`` for t = 1 … H, not discounted [yuan].
    probability_by_year : list of Decimal
        ``P(t)``, consent reached in year t (4 decimals).
    probability_within_horizon : Decimal
    expected_saving_yuan : Decimal
        ``E[S]`` with every cost at its most likely value [yuan]; > 0 means pre-works pay.
    mean_saving_yuan : Decimal
        The exact expectation over all the uncertain inputs (what the Monte Carlo estimates).
    expected_waste_yuan : Decimal
        ``P(never) (1 − s) C_now`` [yuan].
    break_even_hazard : Decimal or None
        Annual probability of consent at which ``E[S] = 0``.
    break_even_probability : Decimal or None
        The same as a probability of consent within the horizon.
    saving_per_yuan : Decimal or None
        ``E[S] / C_now``.
    """

    unit_id: str
    horizon_years: int
    discount_rate: Decimal
    escalation_per_year: Decimal
    salvage_share: Decimal
    items_now: list[CostItem]
    extras_later: list[CostItem]
    cost_now_yuan: Decimal
    extra_later_yuan: Decimal
    cost_later_by_year_yuan: list[Decimal]
    consent: ConsentOutlook
    probability_by_year: list[Decimal]
    probability_within_horizon: Decimal
    expected_saving_yuan: Decimal
    mean_saving_yuan: Decimal
    expected_waste_yuan: Decimal
    break_even_hazard: Decimal | None
    break_even_probability: Decimal | None
    saving_per_yuan: Decimal | None
    pays_off: bool
    monte_carlo: MonteCarloResult | None
    tornado: Tornado | None
    message_zh: str
    message_en: str
    assumptions_source: str
    assumptions_source_zh: str = ""

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang == "zh" else self.message_en

    def to_json(self) -> dict:
        def opt(d):
            return None if d is None else json_number(d)
        return {
            "unit": self.unit_id,
            "horizon_years": self.horizon_years,
            "discount_rate": json_number(self.discount_rate),
            "escalation_per_year": json_number(self.escalation_per_year),
            "salvage_share": json_number(self.salvage_share),
            "cost_now_yuan": json_number(self.cost_now_yuan),
            "extra_later_yuan": json_number(self.extra_later_yuan),
            "cost_later_by_year_yuan": [json_number(d) for d in self.cost_later_by_year_yuan],
            "items_now": [i.to_json() for i in self.items_now],
            "extras_later": [i.to_json() for i in self.extras_later],
            "consent": self.consent.to_json(),
            "probability_by_year": [json_number(d) for d in self.probability_by_year],
            "probability_within_horizon": json_number(self.probability_within_horizon),
            "expected_saving_yuan": json_number(self.expected_saving_yuan),
            "mean_saving_yuan": json_number(self.mean_saving_yuan),
            "expected_waste_yuan": json_number(self.expected_waste_yuan),
            "break_even_hazard": opt(self.break_even_hazard),
            "break_even_probability": opt(self.break_even_probability),
            "saving_per_yuan": opt(self.saving_per_yuan),
            "pays_off": self.pays_off,
            "monte_carlo": self.monte_carlo.to_json() if self.monte_carlo else None,
            "tornado": self.tornado.to_json() if self.tornado else None,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "assumptions_source": self.assumptions_source,
            "assumptions_source_zh": self.assumptions_source_zh,
        }


# ---------------------------------------------------------------------------------------
# assumptions
# ---------------------------------------------------------------------------------------

def _deep_merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _deep_merge(out[k], v)
        else:
            out[k] = v
    return out


def load_assumptions(project: Project | None = None, overrides: dict | None = None
                     ) -> dict[str, Any]:
    """The assumption set: the shipped default, then the project's, then ``overrides``.

    Parameters
    ----------
    project : Project, optional
        ``project.settings["preinstall"]`` overrides the default key by key.
    overrides : dict, optional
        Further overrides of the same shape (e.g. a unit's ``extra["preinstall"]``).

    Raises
    ------
    InputError
        naming the field (``preinstall.<path>``) when a value is out of range.
    """
    from .ruledata import load
    data = load(KIND, DEFAULT_ASSUMPTIONS, field="preinstall")
    if project is not None:
        extra = project.settings.get("preinstall") if isinstance(project.settings, dict) else None
        if extra is not None:
            if not isinstance(extra, dict):
                raise InputError("settings.preinstall", "must be an object")
            data = _deep_merge(data, extra)
    if overrides:
        if not isinstance(overrides, dict):
            raise InputError("extra.preinstall", "must be an object")
        data = _deep_merge(data, overrides)
    validate_assumptions(data)
    return data


def _num(value, fld: str, *, lo: float | None = None, hi: float | None = None,
         allow_negative: bool = False) -> float:
    d = to_decimal(value, fld, allow_negative=allow_negative)
    x = float(d)
    if lo is not None and x < lo:
        raise InputError(fld, f"must be at least {lo}, got {d}")
    if hi is not None and x > hi:
        raise InputError(fld, f"must be at most {hi}, got {d}")
    return x


def _triangle(entry, fld: str, *, lo=None, hi=None, allow_negative=False) -> Triangle:
    if not isinstance(entry, dict):
        raise InputError(fld, "must be an object with low, mode and high")
    vals = []
    for k in ("low", "mode", "high"):
        if k not in entry:
            raise InputError(f"{fld}.{k}", "is missing")
        vals.append(_num(entry[k], f"{fld}.{k}", lo=lo, hi=hi, allow_negative=allow_negative))
    if not vals[0] <= vals[1] <= vals[2]:
        raise InputError(fld, f"needs low ≤ mode ≤ high, got {vals[0]:g}, {vals[1]:g}, {vals[2]:g}")
    return Triangle(*vals)


def validate_assumptions(data: dict) -> None:
    """Check every value of an assumption set (ranges, low ≤ mode ≤ high).

    Raises
    ------
    InputError
        naming ``preinstall.<path>``.
    """
    p = "preinstall"
    _triangle(data.get("discount_rate"), f"{p}.discount_rate", lo=-0.5, hi=1.0,
              allow_negative=True)
    _triangle(data.get("escalation_per_year"), f"{p}.escalation_per_year", lo=-0.5, hi=1.0,
              allow_negative=True)
    hz = data.get("horizon_years")
    hv = hz.get("value") if isinstance(hz, dict) else hz
    _horizon(hv, f"{p}.horizon_years")
    sv = data.get("salvage_share")
    _num(sv.get("value") if isinstance(sv, dict) else sv, f"{p}.salvage_share", lo=0, hi=1)
    for group in ("pipe_relocation_yuan", "works_now_yuan", "later_extra_yuan"):
        items = data.get(group)
        if not isinstance(items, dict):
            raise InputError(f"{p}.{group}", "must be an object of items")
        for key, entry in items.items():
            _triangle(entry, f"{p}.{group}.{key}")
    _triangle(data.get("pipe_relocation_unsurveyed_yuan"), f"{p}.pipe_relocation_unsurveyed_yuan")
    spread = data.get("unit_estimate_spread")
    if not isinstance(spread, dict):
        raise InputError(f"{p}.unit_estimate_spread", "must be an object with low and high")
    _num(spread.get("low"), f"{p}.unit_estimate_spread.low", hi=1)
    _num(spread.get("high"), f"{p}.unit_estimate_spread.high", lo=1)
    ch = data.get("consent_hazard")
    if not isinstance(ch, dict):
        raise InputError(f"{p}.consent_hazard", "must be an object")
    for k in ("ready", "blocked", "needs_votes_min", "needs_votes_max"):
        _num(ch.get(k), f"{p}.consent_hazard.{k}", lo=0, hi=1)
    if _num(ch["needs_votes_min"], "x") > _num(ch["needs_votes_max"], "x"):
        raise InputError(f"{p}.consent_hazard", "needs_votes_min must not exceed needs_votes_max")
    _num(ch.get("shape"), f"{p}.consent_hazard.shape", lo=0.01, hi=100)
    _num(ch.get("concentration"), f"{p}.consent_hazard.concentration", lo=0, hi=1e6)


def assumption_rows(assumptions: dict) -> list[dict[str, Any]]:
    """The assumption set as rows for an editor or a report appendix.

    Each row: ``path`` (the key to override in ``settings["preinstall"]`` /
    ``extra["preinstall"]``, dotted), ``title_zh``, ``title_en``, ``low``, ``mode``,
    ``high`` (or ``value``), ``unit`` (``yuan``, ``per_year``, ``years``, ``share``,
    ``probability_per_year``) and ``source``. Numbers are Decimal or int as stored.
    """
    rows: list[dict[str, Any]] = []

    def tri(path, entry, unit):
        rows.append({"path": path, "title_zh": entry.get("title_zh", path),
                     "title_en": entry.get("title_en", path), "low": entry.get("low"),
                     "mode": entry.get("mode"), "high": entry.get("high"), "value": None,
                     "unit": unit, "source": entry.get("source", "assumption")})

    def one(path, entry, unit):
        rows.append({"path": path, "title_zh": entry.get("title_zh", path),
                     "title_en": entry.get("title_en", path), "low": None, "mode": None,
                     "high": None, "value": entry.get("value"), "unit": unit,
                     "source": entry.get("source", "assumption")})

    tri("discount_rate", assumptions["discount_rate"], "per_year")
    tri("escalation_per_year", assumptions["escalation_per_year"], "per_year")
    one("horizon_years", assumptions["horizon_years"], "years")
    one("salvage_share", assumptions["salvage_share"], "share")
    for group in ("pipe_relocation_yuan", "works_now_yuan", "later_extra_yuan"):
        for key, entry in assumptions[group].items():
            tri(f"{group}.{key}", entry, "yuan")
    tri("pipe_relocation_unsurveyed_yuan", assumptions["pipe_relocation_unsurveyed_yuan"],
        "yuan")
    ch = assumptions["consent_hazard"]
    for key in ("ready", "blocked", "needs_votes_min", "needs_votes_max", "shape",
                "concentration"):
        unit = "probability_per_year" if key not in ("shape", "concentration") else "number"
        rows.append({"path": f"consent_hazard.{key}", "title_zh": f"{ch.get('title_zh', '')}：{key}",
                     "title_en": f"{ch.get('title_en', '')}: {key}", "low": None, "mode": None,
                     "high": None, "value": ch[key], "unit": unit,
                     "source": ch.get("source", "assumption")})
    return rows


def _horizon(value, fld: str) -> int:
    if isinstance(value, bool) or value is None:
        raise InputError(fld, f"must be a whole number of years, got {value!r}")
    d = to_decimal(value, fld)
    if d != d.to_integral_value() or not 1 <= d <= MAX_HORIZON_YEARS:
        raise InputError(fld, f"must be a whole number of years from 1 to {MAX_HORIZON_YEARS}, "
                              f"got {value}")
    return int(d)


# ---------------------------------------------------------------------------------------
# consent outlook
# ---------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _consent_engine():
    try:
        from . import consent as mod
    except ImportError:
        return None
    if hasattr(mod, "tally") and hasattr(mod, "what_is_needed"):
        return mod
    return None


@dataclass(frozen=True)
class VoteRule:
    """The parts of a consent ruleset the vote count needs (default: Civil Code Art. 278 with
    Art. 1259 — double 2/3 participation, double 3/4 of the participants, "at least", and
    affected owners must agree). Same meaning as in :mod:`elevator_eval.consent`."""

    participation_ratio: Fraction | None = Fraction(2, 3)
    participation_inclusive: bool = True
    approval_ratio: Fraction = Fraction(3, 4)
    approval_base: str = "participating"
    approval_inclusive: bool = True
    no_objection_required: bool = False
    exclusive_part_veto: bool = True


CIVIL_CODE = VoteRule()


def vote_rule_for(unit: Unit, cache: dict | None = None) -> VoteRule:
    """The unit's :class:`VoteRule` from the consent engine's ruleset (the unit's ``rules``);
    :data:`CIVIL_CODE` when the consent engine is not available.

    Raises
    ------
    InputError
        ``rules`` for an unknown ruleset.
    """
    engine = _consent_engine()
    if engine is None:
        return CIVIL_CODE
    name = unit.rules or getattr(engine, "DEFAULT_RULESET", "civil-code-2021")
    if cache is not None and name in cache:
        return cache[name]
    resolve = getattr(engine, "_resolve", None)
    r = resolve(unit, None) if resolve is not None else engine.load_ruleset(name)
    rule = VoteRule(*(getattr(r, f) for f in VoteRule.__dataclass_fields__))
    if cache is not None:
        cache[name] = rule
    return rule


def vote_needs(unit: Unit, rule: VoteRule = CIVIL_CODE) -> tuple[str, int, int, bool]:
    """The vote state and the smallest number of additional "yes" owners, in integers.

    The same count as :func:`elevator_eval.consent.tally` and
    :func:`~elevator_eval.consent.what_is_needed` (one head per owner, areas added; for a
    failing vote the fewest owners not voting yes who must turn to yes, vetoing owners
    first, larger areas first), done on areas scaled to whole numbers so that a street of
    thousands of units is counted quickly; tests check it against the consent engine for
    every shipped ruleset. Used for a street and when the consent engine is not available.

    Returns
    -------
    (state, heads_total, additional_yes, possible)
        ``state`` is ``ready``, ``needs_votes``, ``blocked`` or ``unknown`` (no households);
        ``possible`` is false when a vetoing owner voted no.

    Raises
    ------
    InputError
        ``households[i].vote`` when one owner's households carry different votes.
    """
    owners: dict[str, list] = {}
    for i, h in enumerate(unit.households):
        rec = owners.get(h.owner_id)
        if rec is None:
            owners[h.owner_id] = [h.area_m2, h.vote, bool(h.exclusive_part_affected),
                                  len(owners)]
        else:
            if rec[1] != h.vote:
                raise InputError(f"households[{i}].vote",
                                 f"owner {h.owner_id!r} has households with different votes; "
                                 f"one owner casts one vote")
            rec[0] = rec[0] + h.area_m2
            rec[2] = rec[2] or bool(h.exclusive_part_affected)
    recs = list(owners.values())
    n = len(recs)
    if n == 0:
        return "unknown", 0, 0, False
    ratios = [Decimal(r[0]).as_integer_ratio() for r in recs]
    scale = 1
    for _, den in ratios:
        scale = scale * den // math.gcd(scale, den)
    area = [num * (scale // den) for num, den in ratios]
    votes = [r[1] for r in recs]
    affected = [r[2] for r in recs]
    a_total = sum(area)
    has_quorum = rule.participation_ratio is not None
    pn, pd = ((rule.participation_ratio.numerator, rule.participation_ratio.denominator)
              if has_quorum else (0, 1))
    an, ad = rule.approval_ratio.numerator, rule.approval_ratio.denominator
    pinc, ainc = rule.participation_inclusive, rule.approval_inclusive
    all_base = rule.approval_base != "participating"
    q_area, q_heads = a_total * pn, n * pn

    def ok(hp, hy, ap, ay):
        if has_quorum:
            if pinc:
                if ap * pd < q_area or hp * pd < q_heads:
                    return False
            elif ap * pd <= q_area or hp * pd <= q_heads:
                return False
        if hy <= 0:
            return False
        ba, bh = (a_total, n) if all_base else (ap, hp)
        if ainc:
            return ay * ad >= ba * an and hy * ad >= bh * an
        return ay * ad > ba * an and hy * ad > bh * an

    hp0 = sum(1 for v in votes if v is not None)
    hy0 = sum(1 for v in votes if v == "yes")
    ap0 = sum(a for a, v in zip(area, votes) if v is not None)
    ay0 = sum(a for a, v in zip(area, votes) if v == "yes")
    forced = {i for i in range(n)
              if (rule.exclusive_part_veto and affected[i] and votes[i] != "yes")
              or (rule.no_objection_required and votes[i] == "no")}
    if ok(hp0, hy0, ap0, ay0) and not forced:
        return "ready", n, 0, True
    vetoed_no = any(votes[i] == "no" for i in forced)

    def ordered(group):
        f = [i for i in group if i in forced]
        rest = sorted((i for i in group if i not in forced), key=lambda i: (-area[i], i))
        pre = [0]
        for i in f + rest:
            pre.append(pre[-1] + area[i])
        return len(f), len(group), pre

    f1, n1, pre1 = ordered([i for i in range(n) if votes[i] is None])
    f2, n2, pre2 = ordered([i for i in range(n) if votes[i] in ("no", "abstain")])
    best = None
    for k1 in range(f1, n1 + 1):
        a1 = pre1[k1]
        for k2 in range(f2, n2 + 1):
            if best is not None and k1 + k2 > best[0]:
                break
            a2 = pre2[k2]
            if ok(hp0 + k1, hy0 + k1 + k2, ap0 + a1, ay0 + a1 + a2):
                key = (k1 + k2, -(a1 + a2), k1)
                if best is None or key < best:
                    best = key
                break
    add = best[0] if best is not None else n - hy0
    return ("blocked" if vetoed_no else "needs_votes"), n, add, not vetoed_no


def simple_needed(unit: Unit) -> tuple[str, int, int, bool]:
    """:func:`vote_needs` under the Civil Code rule (kept for callers without a ruleset)."""
    return vote_needs(unit, CIVIL_CODE)


def consent_outlook(unit: Unit, assumptions: dict, *, tally_result=None,
                    counts: tuple | None = None) -> ConsentOutlook:
    """Annual probability of reaching consent, from the unit's vote state.

    ``ready`` → ``consent_hazard.ready`` (1: built in year 1); ``blocked`` (an affected owner
    voted no) or impossible → ``consent_hazard.blocked``; ``needs_votes`` →
    ``min + (max − min) × (1 − m)^shape`` with ``m`` = additional yes owners needed / owners.
    ``unit.extra["preinstall"]["hazard"]`` (a number, or a list ``p_t`` for t = 1 …) wins.

    Parameters
    ----------
    tally_result : ConsentResult, optional
        The unit's tally when the caller has it already.
    counts : tuple, optional
        ``(state, heads_total, additional_yes, possible)`` from :func:`vote_needs`.
        Without either, the consent engine tallies (or :func:`vote_needs` counts under the
        Civil Code when the engine is not available).

    Raises
    ------
    InputError
        naming ``extra.preinstall.hazard`` when a given hazard is not in [0, 1].
    """
    ch = assumptions["consent_hazard"]
    conc = float(ch["concentration"])  # validated by validate_assumptions
    source = str(ch.get("source", "assumption"))
    engine = _consent_engine()
    if counts is not None:
        state, heads, add, possible = counts
        basis = "consent" if engine is not None else "internal"
    elif tally_result is not None or (engine is not None and unit.households):
        r = tally_result if tally_result is not None else engine.tally(unit)
        state, heads = r.state, int(r.heads_total)
        if state == "ready":
            add, possible = 0, True
        else:
            needed = getattr(r, "needed", None)
            if needed is None and engine is not None:
                needed = engine.what_is_needed(unit)
            if needed is None:
                add, possible = heads, state != "blocked"
            else:
                add, possible = int(needed.additional_yes), bool(needed.possible)
        basis = "consent"
    else:
        state, heads, add, possible = vote_needs(unit, CIVIL_CODE)
        basis = "internal"
    if heads == 0:
        state = "unknown"

    given = (unit.extra.get("preinstall") or {}).get("hazard") \
        if isinstance(unit.extra.get("preinstall"), dict) else None
    if given is not None:
        fld = "extra.preinstall.hazard"
        if isinstance(given, list):
            if not given:
                raise InputError(fld, "must not be an empty list")
            seq = tuple(_num(v, f"{fld}[{i}]", lo=0, hi=1) for i, v in enumerate(given))
            return ConsentOutlook(state, seq[0], seq, 0.0, heads, add, possible, "given",
                                  "每年达成表决的概率由用户给定", "annual probabilities of consent "
                                  "given by the user", "user input")
        h = _num(given, fld, lo=0, hi=1)
        return ConsentOutlook(state, h, None, conc, heads, add, possible, "given",
                              f"每年达成表决的概率由用户给定：{h:.0%}",
                              f"annual probability of consent given by the user: {h:.0%}",
                              "user input")
    if state == "ready":
        h = float(ch["ready"])
        zh, en = "表决已通过，按第 1 年加装计", "consent reached: the elevator is built in year 1"
    elif state == "blocked" or not possible:
        h = float(ch["blocked"])
        zh = f"受影响业主反对（一票否决），每年达成概率按 {h:.0%} 计"
        en = f"an affected owner objects (veto); annual probability of consent {h:.0%}"
    else:
        lo, hi = float(ch["needs_votes_min"]), float(ch["needs_votes_max"])
        m = min(1.0, add / heads) if heads else 1.0
        h = lo + (hi - lo) * (1.0 - m) ** float(ch["shape"])
        if heads == 0:
            zh, en = "无住户数据，按最低概率计", "no households recorded: lowest probability"
        else:
            zh = f"还需 {add} 户（共 {heads} 户）同意，每年达成概率按 {h:.0%} 计"
            en = (f"{add} more of {heads} owners must agree; annual probability of consent "
                  f"{h:.0%}")
    return ConsentOutlook(state, h, None, conc if 0.0 < h < 1.0 else 0.0, heads, add, possible,
                          basis, zh, en, source)


# ---------------------------------------------------------------------------------------
# inputs of one unit
# ---------------------------------------------------------------------------------------

def _item(key: str, group: str, entry: dict, fld: str, *, title_zh=None, title_en=None,
          source=None) -> CostItem:
    t = [to_decimal(entry[k], f"{fld}.{k}") for k in ("low", "mode", "high")]
    return CostItem(key, group, title_zh or str(entry.get("title_zh", key)),
                    title_en or str(entry.get("title_en", key)), t[0], t[1], t[2],
                    source or str(entry.get("source", "assumption")))


def build_inputs(unit: Unit, project: Project | None = None, *,
                 assumptions: dict | None = None,
                 horizon_years: int | None = None,
                 consent_result=None, consent_counts: tuple | None = None,
                 cache: dict | None = None) -> PreinstallInputs:
    """Collect the cost items, rates and consent outlook of one unit.

    Parameters
    ----------
    unit : Unit
    project : Project, optional
        Source of ``settings["preinstall"]`` overrides.
    assumptions : dict, optional
        A merged assumption set (from :func:`load_assumptions`); loaded when omitted. The
        unit's ``extra["preinstall"]`` is merged on top either way.
    horizon_years : int, optional
        Overrides the assumption [years].
    consent_result : ConsentResult, optional
        The unit's tally when the caller has it already (saves a second tally).
    consent_counts : tuple, optional
        ``(state, heads_total, additional_yes, possible)`` from :func:`vote_needs`.
    cache : dict, optional
        Shared between calls with the same ``assumptions`` and ``horizon_years`` (as in
        :func:`rank_units`): units without their own overrides and with the same pipes and
        cost lines reuse one list of items.

    Raises
    ------
    InputError
        naming the field.
    """
    over = unit.extra.get("preinstall") if isinstance(unit.extra, dict) else None
    if over is not None and not isinstance(over, dict):
        raise InputError("extra.preinstall", "must be an object")
    over = {k: v for k, v in (over or {}).items() if k != "hazard"}
    if assumptions is None:
        a = load_assumptions(project, over)
    elif over:
        a = _deep_merge(assumptions, over)
        validate_assumptions(a)
    else:
        a = assumptions
    given = unit.costs.items_yuan or {}
    key = None
    if cache is not None and not over:
        pipes_key = None if unit.site.pipes_in_footprint is None \
            else tuple(unit.site.pipes_in_footprint)
        key = (pipes_key, tuple((k, given[k]) for k in _UNIT_LINES if k in given))
        hit = cache.get(key)
        if hit is not None:
            return PreinstallInputs(unit_id=unit.id, consent=consent_outlook(
                unit, a, tally_result=consent_result, counts=consent_counts), **hit)
    parts = _cost_parts(unit, a, over, horizon_years)
    if key is not None:
        cache[key] = parts
    return PreinstallInputs(unit_id=unit.id, consent=consent_outlook(
        unit, a, tally_result=consent_result, counts=consent_counts), **parts)


_UNIT_LINES = ("pipe_relocation", "pit", "foundation", "power_capacity")


def _cost_parts(unit: Unit, a: dict, over: dict, horizon_years: int | None) -> dict:
    p = "preinstall"
    items: list[CostItem] = []
    pipes = unit.site.pipes_in_footprint
    given = unit.costs.items_yuan or {}
    spread = a["unit_estimate_spread"]
    s_lo = to_decimal(spread["low"], f"{p}.unit_estimate_spread.low")
    s_hi = to_decimal(spread["high"], f"{p}.unit_estimate_spread.high")
    over_now = over.get("works_now_yuan", {}) if isinstance(over.get("works_now_yuan"), dict) else {}
    over_pipe = "pipe_relocation_yuan" in over or "pipe_relocation_unsurveyed_yuan" in over

    def from_line(key: str, title_zh: str, title_en: str) -> CostItem:
        mode = given[key]
        return CostItem(key, "now", title_zh, title_en, (mode * s_lo).quantize(_ONE),
                        mode, (mode * s_hi).quantize(_ONE),
                        f"unit cost line costs.items_yuan.{key}; low/high × "
                        f"{s_lo}/{s_hi} (assumption)")

    if "pipe_relocation" in given and not over_pipe:
        items.append(from_line("pipe_relocation", "管线迁改（单元造价分项）",
                               "pipe relocation (unit cost line)"))
    elif pipes is None:
        items.append(_item("pipe_relocation", "now", a["pipe_relocation_unsurveyed_yuan"],
                           f"{p}.pipe_relocation_unsurveyed_yuan"))
    else:
        table = a["pipe_relocation_yuan"]
        for i, kind in enumerate(pipes):
            if kind not in table:
                known = ", ".join(sorted(set(table) | set(PIPE_TYPES)))
                raise InputError(f"site.pipes_in_footprint[{i}]",
                                 f"unknown pipe type {kind!r} (known: {known})")
            items.append(_item(f"pipe_{kind}", "now", table[kind],
                               f"{p}.pipe_relocation_yuan.{kind}"))
    for key, entry in a["works_now_yuan"].items():
        if key in given and key not in over_now:
            ent = a["works_now_yuan"][key]
            items.append(from_line(key, str(ent.get("title_zh", key)),
                                   str(ent.get("title_en", key))))
        else:
            items.append(_item(key, "now", entry, f"{p}.works_now_yuan.{key}"))
    extras = [_item(k, "later", e, f"{p}.later_extra_yuan.{k}")
              for k, e in a["later_extra_yuan"].items()]
    if horizon_years is not None:
        horizon = _horizon(horizon_years, "--horizon")
    else:
        hz = a["horizon_years"]
        horizon = _horizon(hz.get("value") if isinstance(hz, dict) else hz,
                           f"{p}.horizon_years")
    sv = a["salvage_share"]
    salvage = _num(sv.get("value") if isinstance(sv, dict) else sv, f"{p}.salvage_share",
                   lo=0, hi=1)
    return dict(
        items_now=items, extras_later=extras,
        escalation=_triangle(a["escalation_per_year"], f"{p}.escalation_per_year",
                             allow_negative=True),
        discount_rate=_triangle(a["discount_rate"], f"{p}.discount_rate", allow_negative=True),
        horizon_years=horizon, salvage_share=salvage,
        assumptions_title_zh=str(a.get("title_zh", "")),
        assumptions_title_en=str(a.get("title_en", "")),
        assumptions_source=str(a.get("source", "")),
        assumptions_source_zh=str(a.get("source_zh", a.get("source", ""))))


# ---------------------------------------------------------------------------------------
# the analytic model
# ---------------------------------------------------------------------------------------

def arrival_probabilities(hazards: Sequence[float]) -> tuple[list[float], float]:
    """``P(t) = p_t Π_{s<t} (1 − p_s)`` for t = 1 … len(hazards), and ``P(never)``."""
    probs = []
    survive = 1.0
    for h in hazards:
        probs.append(survive * h)
        survive *= 1.0 - h
    return probs, survive


def hazards_for(consent: ConsentOutlook, horizon_years: int, hazard: float | None = None
                ) -> list[float]:
    """The yearly hazards ``p_1 … p_H``: constant, or the given list (last value repeated)."""
    if hazard is not None:
        return [hazard] * horizon_years
    if consent.hazards_by_year:
        seq = list(consent.hazards_by_year[:horizon_years])
        return seq + [seq[-1]] * (horizon_years - len(seq))
    return [consent.hazard] * horizon_years


def saving_npv(cost_now_yuan: float, extra_later_yuan: float, escalation: float,
               discount_rate: float, probs: Sequence[float], p_never: float,
               salvage_share: float = 0.0) -> float:
    """``Σ P(t) DF(t) (C_now (1+g)^t + X) + P(never) s C_now − C_now`` [yuan].

    ``X`` counts only when ``C_now > 0`` (nothing pre-worked, nothing avoided).
    """
    x = extra_later_yuan if cost_now_yuan > 0 else 0.0
    total = 0.0
    grow = 1.0 + escalation
    disc = 1.0 / (1.0 + discount_rate)
    f_g = 1.0
    f_d = 1.0
    for p in probs:
        f_g *= grow
        f_d *= disc
        total += p * f_d * (cost_now_yuan * f_g + x)
    return total + p_never * salvage_share * cost_now_yuan - cost_now_yuan


def _point(inputs: PreinstallInputs) -> dict[str, float]:
    d = {f"now:{i.key}": float(i.mode_yuan) for i in inputs.items_now}
    d.update({f"later:{i.key}": float(i.mode_yuan) for i in inputs.extras_later})
    d["escalation"] = inputs.escalation.mode
    d["discount_rate"] = inputs.discount_rate.mode
    d["hazard"] = inputs.consent.hazard
    return d


def _saving_at(inputs: PreinstallInputs, point: dict[str, float], *,
               use_given_hazards: bool = True) -> float:
    c_now = sum(v for k, v in point.items() if k.startswith("now:"))
    x = sum(v for k, v in point.items() if k.startswith("later:"))
    if use_given_hazards and inputs.consent.hazards_by_year and \
            point["hazard"] == inputs.consent.hazard:
        hz = hazards_for(inputs.consent, inputs.horizon_years)
    else:
        hz = [point["hazard"]] * inputs.horizon_years
    probs, never = arrival_probabilities(hz)
    return saving_npv(c_now, x, point["escalation"], point["discount_rate"], probs, never,
                      inputs.salvage_share)


def expected_saving(inputs: PreinstallInputs, *, hazard: float | None = None) -> float:
    """``E[S]`` over the consent year with every cost at its most likely value [yuan, float].

    Parameters
    ----------
    hazard : float, optional
        A constant annual probability of consent to use instead of the unit's.
    """
    pt = _point(inputs)
    if hazard is not None:
        pt["hazard"] = hazard
        return _saving_at(inputs, pt, use_given_hazards=False)
    return _saving_at(inputs, pt)


def _triangular_power_means(tri: Triangle, offset: float, powers: int) -> list[float]:
    """``E[(offset + G)^t]`` for t = 1 … powers, G triangular (exact Gauss–Legendre)."""
    import numpy as np
    a, b, c = tri.low + offset, tri.mode + offset, tri.high + offset
    if c == a:
        return [a ** t for t in range(1, powers + 1)]
    x, w = np.polynomial.legendre.leggauss(max(8, powers // 2 + 4))
    out = np.zeros(powers)
    for lo, hi in ((a, b), (b, c)):
        if hi <= lo:
            continue
        xs = 0.5 * (hi - lo) * x + 0.5 * (hi + lo)
        ws = 0.5 * (hi - lo) * w
        if lo == a:
            pdf = 2.0 * (xs - a) / ((c - a) * (b - a))
        else:
            pdf = 2.0 * (c - xs) / ((c - a) * (c - b))
        for t in range(1, powers + 1):
            out[t - 1] += float(np.sum(ws * pdf * xs ** t))
    return [float(v) for v in out]


def _beta_params(consent: ConsentOutlook) -> tuple[float, float] | None:
    h, k = consent.hazard, consent.concentration
    if consent.hazards_by_year or k <= 0 or not 0.0 < h < 1.0:
        return None
    return h * k, (1.0 - h) * k


def _expected_arrival(inputs: PreinstallInputs) -> tuple[list[float], float]:
    """``E[P(t)]`` and ``E[P(never)]`` with the hazard Beta-distributed (closed form)."""
    H = inputs.horizon_years
    ab = _beta_params(inputs.consent)
    if ab is None:
        return arrival_probabilities(hazards_for(inputs.consent, H))
    a, b = ab
    probs = []
    # E[h (1-h)^k] = a/(a+b) Π_{j<k} (b+j)/(a+b+1+j);  E[(1-h)^H] = Π_{j<H} (b+j)/(a+b+j)
    prod = a / (a + b)
    for k in range(H):
        if k:
            prod *= (b + k - 1) / (a + b + k)
        probs.append(prod)
    never = 1.0
    for j in range(H):
        never *= (b + j) / (a + b + j)
    return probs, never


def mean_saving(inputs: PreinstallInputs) -> float:
    """The exact expectation of the saving over every uncertain input [yuan, float].

    Costs, extras and the escalation are independent triangular variables and the hazard is
    Beta, so ``E[S] = Σ E[P(t)] DF(t) (E[C_now] E[(1+g)^t] + E[X]) + E[P(never)] s E[C_now]
    − E[C_now]``. This is what :func:`simulate_savings` estimates.
    """
    c = sum(Triangle(float(i.low_yuan), float(i.mode_yuan), float(i.high_yuan)).mean
            for i in inputs.items_now)
    x = sum(Triangle(float(i.low_yuan), float(i.mode_yuan), float(i.high_yuan)).mean
            for i in inputs.extras_later) if c > 0 else 0.0
    H = inputs.horizon_years
    probs, never = _expected_arrival(inputs)
    growth = _triangular_power_means(inputs.escalation, 1.0, H)
    r = inputs.discount_rate.mode
    total = 0.0
    for t in range(1, H + 1):
        total += probs[t - 1] * (1.0 + r) ** (-t) * (c * growth[t - 1] + x)
    return total + never * inputs.salvage_share * c - c


def break_even_hazard(inputs: PreinstallInputs) -> float | None:
    """The constant annual probability of consent at which ``E[S] = 0`` (smallest root).

    ``None`` when the pre-works do not pay off even with consent certain next year, or when
    there is nothing to pre-work.
    """
    c_now = sum(float(i.mode_yuan) for i in inputs.items_now)
    if c_now <= 0:
        return None

    def f(h: float) -> float:
        return expected_saving(inputs, hazard=h)

    grid = [i / 200 for i in range(201)]
    prev_h, prev_v = grid[0], f(grid[0])
    if prev_v >= 0:
        return 0.0
    for h in grid[1:]:
        v = f(h)
        if v == 0:
            return h
        if v > 0:
            from scipy.optimize import brentq
            return float(brentq(f, prev_h, h, xtol=1e-10))
        prev_h, prev_v = h, v
    return None


# ---------------------------------------------------------------------------------------
# Monte Carlo
# ---------------------------------------------------------------------------------------

def _tri_draw(rng, low: float, mode: float, high: float, n: int):
    import numpy as np
    if high <= low:
        return np.full(n, low)
    return rng.triangular(low, mode, high, n)


def simulate_savings(inputs: PreinstallInputs, draws: int = 100_000, seed: int = 0):
    """Simulated savings [yuan], one per draw, and whether the elevator came.

    See :func:`monte_carlo` for the summary. The draw order is fixed (pre-work items,
    extras, escalation, hazard, consent year), so a seed always gives the same numbers.

    Parameters
    ----------
    draws : int
        Number of draws (≥ 2).
    seed : int
        Seed of :func:`numpy.random.default_rng`; the same seed gives the same numbers.

    Returns
    -------
    savings : numpy.ndarray
        Saving of each draw [yuan].
    came : numpy.ndarray of bool
        Whether consent arrived within the horizon in that draw.
    """
    import numpy as np
    if isinstance(draws, bool) or not isinstance(draws, int) or draws < 2:
        raise InputError("--draws", f"must be a whole number of at least 2, got {draws!r}")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InputError("--seed", f"must be a whole number ≥ 0, got {seed!r}")
    rng = np.random.default_rng(seed)
    n, H = draws, inputs.horizon_years
    c_now = np.zeros(n)
    for it in inputs.items_now:
        c_now += _tri_draw(rng, float(it.low_yuan), float(it.mode_yuan), float(it.high_yuan), n)
    x = np.zeros(n)
    for it in inputs.extras_later:
        x += _tri_draw(rng, float(it.low_yuan), float(it.mode_yuan), float(it.high_yuan), n)
    x = np.where(c_now > 0, x, 0.0)
    g = _tri_draw(rng, inputs.escalation.low, inputs.escalation.mode, inputs.escalation.high, n)
    cons = inputs.consent
    if cons.hazards_by_year:
        probs, never = arrival_probabilities(hazards_for(cons, H))
        pv = np.array(probs + [never])
        pv = np.clip(pv, 0.0, None)
        pv /= pv.sum()
        t = rng.choice(H + 1, size=n, p=pv) + 1
    else:
        ab = _beta_params(cons)
        if ab is None:
            h = np.full(n, cons.hazard)
        else:
            h = rng.beta(ab[0], ab[1], n)
        safe = np.clip(h, 1e-12, 1.0)
        t = np.where(h > 0, rng.geometric(safe), H + 1)
    t = np.minimum(t, H + 1).astype(np.int64)
    came = t <= H
    tt = np.where(came, t, 0).astype(float)
    r = inputs.discount_rate.mode
    later = (c_now * (1.0 + g) ** tt + x) * (1.0 + r) ** (-tt)
    return np.where(came, later, inputs.salvage_share * c_now) - c_now, came


def simulate_savings_array(inputs: PreinstallInputs, draws: int = 100_000, seed: int = 0):
    """Only the savings array of :func:`simulate_savings` [yuan]."""
    return simulate_savings(inputs, draws, seed)[0]


def _yuan(x: float) -> Decimal:
    return Decimal(repr(float(x))).quantize(_ONE, rounding=ROUND_HALF_UP)


def _ratio(x: float, places: int = 4) -> Decimal:
    return Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def monte_carlo(inputs: PreinstallInputs, draws: int = 100_000, seed: int = 0,
                bins: int = 30) -> MonteCarloResult:
    """Simulate and summarise: mean, standard error, P10/P50/P90, P(saving > 0)."""
    import numpy as np
    s, came = simulate_savings(inputs, draws, seed)
    p10, p50, p90 = np.percentile(s, [10, 50, 90])
    mean = float(s.mean())
    se = float(s.std(ddof=1) / math.sqrt(len(s)))
    lo, hi = float(s.min()), float(s.max())
    if hi <= lo:
        hi = lo + 1.0
    counts, edges = np.histogram(s, bins=bins, range=(lo, hi))
    return MonteCarloResult(
        draws=draws, seed=seed, mean_yuan=_yuan(mean), std_error_yuan=_yuan(se),
        p10_yuan=_yuan(p10), p50_yuan=_yuan(p50), p90_yuan=_yuan(p90),
        probability_pays_off=_ratio(float((s > 0).mean())),
        probability_never=_ratio(float((~came).mean())),
        histogram_edges_yuan=[int(_yuan(e)) for e in edges],
        histogram_counts=[int(c) for c in counts])


# ---------------------------------------------------------------------------------------
# tornado
# ---------------------------------------------------------------------------------------

def _hazard_band(consent: ConsentOutlook) -> tuple[float, float]:
    ab = _beta_params(consent)
    if ab is None:
        return consent.hazard, consent.hazard
    from scipy.special import betaincinv
    return float(betaincinv(ab[0], ab[1], 0.1)), float(betaincinv(ab[0], ab[1], 0.9))


def tornado(inputs: PreinstallInputs) -> Tornado:
    """Vary each input from low to high with the others at the most likely value.

    Inputs: each pre-work item, each later extra, the escalation, the discount rate, the
    annual probability of consent (Beta P10–P90). Bars are sorted by swing, largest first.
    """
    base_pt = _point(inputs)
    base = _saving_at(inputs, base_pt)
    specs = []
    for it in inputs.items_now:
        specs.append((f"now:{it.key}", it.title_zh, it.title_en, "yuan",
                      float(it.low_yuan), float(it.high_yuan)))
    for it in inputs.extras_later:
        specs.append((f"later:{it.key}", it.title_zh, it.title_en, "yuan",
                      float(it.low_yuan), float(it.high_yuan)))
    specs.append(("escalation", "造价年上涨率", "price escalation per year", "per_year",
                  inputs.escalation.low, inputs.escalation.high))
    specs.append(("discount_rate", "折现率", "discount rate", "per_year",
                  inputs.discount_rate.low, inputs.discount_rate.high))
    if not inputs.consent.hazards_by_year:
        lo, hi = _hazard_band(inputs.consent)
        specs.append(("hazard", "每年达成表决的概率", "annual probability of consent",
                      "probability_per_year", lo, hi))
    bars = []
    for key, zh, en, unit, lo, hi in specs:
        vals = []
        for v in (lo, hi):
            pt = dict(base_pt)
            pt[key] = v
            vals.append(_saving_at(inputs, pt, use_given_hazards=key != "hazard"))
        bars.append(TornadoBar(key, zh, en, unit, lo, hi, _yuan(vals[0]), _yuan(vals[1]),
                               _yuan(abs(vals[1] - vals[0]))))
    bars.sort(key=lambda b: (-b.swing_yuan, b.key))
    return Tornado(_yuan(base), bars)


def _chart_fonts() -> None:
    """Set up the bundled Chinese fonts for matplotlib; a missing font must not stop a chart."""
    try:
        from .fonts import setup_matplotlib
        setup_matplotlib()
    except Exception:  # ImportError included
        pass


def tornado_figure(data: Tornado | PreinstallResult, lang: str = "zh", max_bars: int = 10):
    """Draw the tornado into a new :class:`matplotlib.figure.Figure` (no pyplot).

    The bars show the expected saving [yuan] with each input at its low and high value
    around the most likely case.
    """
    from matplotlib.figure import Figure
    _chart_fonts()
    t = data.tornado if isinstance(data, PreinstallResult) else data
    if t is None:
        raise InputError("tornado", "the result has no tornado data")
    bars = t.bars[:max_bars][::-1]
    base = float(t.base_yuan)
    fig = Figure(figsize=(7.0, 0.45 * max(len(bars), 1) + 1.6), layout="constrained")
    ax = fig.add_subplot()
    for y, b in enumerate(bars):
        lo, hi = float(b.saving_at_low_yuan), float(b.saving_at_high_yuan)
        ax.barh(y, lo - base, left=base, color="#4C72B0", height=0.6)
        ax.barh(y, hi - base, left=base, color="#DD8452", height=0.6)
    ax.axvline(base, color="black", linewidth=0.8)
    ax.axvline(0, color="grey", linewidth=0.6, linestyle="--")
    ax.set_yticks(range(len(bars)), [b.title(lang) for b in bars])
    if lang == "zh":
        ax.set_xlabel("预期净节约（元，现值）")
        ax.set_title("敏感性分析（龙卷风图）：蓝=低值，橙=高值")
    else:
        ax.set_xlabel("expected net saving (yuan, present value)")
        ax.set_title("Tornado: blue = input at low, orange = input at high")
    return fig


def histogram_figure(result: PreinstallResult, lang: str = "zh"):
    """Draw the Monte Carlo distribution of the saving into a new
    :class:`matplotlib.figure.Figure` (no pyplot), with P10/P50/P90 and zero marked."""
    from matplotlib.figure import Figure
    _chart_fonts()
    mc = result.monte_carlo
    if mc is None:
        raise InputError("monte_carlo", "the result has no Monte Carlo data")
    edges = mc.histogram_edges_yuan
    widths = [b - a for a, b in zip(edges, edges[1:])]
    fig = Figure(figsize=(7.0, 3.6), layout="constrained")
    ax = fig.add_subplot()
    ax.bar(edges[:-1], mc.histogram_counts, width=widths, align="edge", color="#4C72B0",
           edgecolor="white", linewidth=0.4)
    for q, name in ((mc.p10_yuan, "P10"), (mc.p50_yuan, "P50"), (mc.p90_yuan, "P90")):
        ax.axvline(float(q), color="#DD8452", linewidth=1.0)
        ax.annotate(name, (float(q), 1), xycoords=("data", "axes fraction"),
                    ha="center", va="bottom", fontsize=8)
    ax.axvline(0, color="grey", linewidth=0.8, linestyle="--")
    if lang == "zh":
        ax.set_xlabel("净节约（元，现值）")
        ax.set_ylabel("抽样次数")
        ax.set_title(f"蒙特卡洛 {mc.draws} 次：合算概率 {float(mc.probability_pays_off):.0%}",
                     pad=14)
    else:
        ax.set_xlabel("net saving (yuan, present value)")
        ax.set_ylabel("draws")
        ax.set_title(f"Monte Carlo, {mc.draws} draws: P(pays off) "
                     f"{float(mc.probability_pays_off):.0%}", pad=14)
    return fig


# ---------------------------------------------------------------------------------------
# one unit
# ---------------------------------------------------------------------------------------

def evaluate(unit: Unit, project: Project | None = None, *, horizon_years: int | None = None,
             seed: int = 0, draws: int = 100_000, with_monte_carlo: bool = True,
             with_tornado: bool = True, inputs: PreinstallInputs | None = None,
             assumptions: dict | None = None) -> PreinstallResult:
    """Value pre-works now against later for one unit.

    Parameters
    ----------
    unit : Unit
    project : Project, optional
        For ``settings["preinstall"]``.
    horizon_years : int, optional
        Overrides the assumption [years].
    seed, draws : int
        Monte Carlo seed and number of draws.
    with_monte_carlo, with_tornado : bool
        Skip the simulation or the tornado (faster).
    inputs : PreinstallInputs, optional
        Use these instead of building them from the unit (e.g. edited in the UI).

    Raises
    ------
    InputError
        naming the field.
    """
    if inputs is None:
        inputs = build_inputs(unit, project, assumptions=assumptions,
                              horizon_years=horizon_years)
    H = inputs.horizon_years
    c_now = sum(float(i.mode_yuan) for i in inputs.items_now)
    x = sum(float(i.mode_yuan) for i in inputs.extras_later) if c_now > 0 else 0.0
    g, r = inputs.escalation.mode, inputs.discount_rate.mode
    probs, never = arrival_probabilities(hazards_for(inputs.consent, H))
    s = expected_saving(inputs)
    waste = never * (1.0 - inputs.salvage_share) * c_now
    be = break_even_hazard(inputs)
    be_p = None if be is None else 1.0 - (1.0 - be) ** H
    mc = monte_carlo(inputs, draws, seed) if with_monte_carlo else None
    tor = tornado(inputs) if with_tornado else None
    s_y, w_y, c_y = _yuan(s), _yuan(waste), _yuan(c_now)
    pays = s_y > 0
    p_in = 1.0 - never
    if c_y == 0:
        zh = "该单元无需预做工程。"
        en = "This unit has nothing to pre-work."
    elif pays:
        zh = (f"建议在改造中预做：投入 {c_y:,} 元，预期净节约 {s_y:,} 元（现值）；"
              f"{H} 年内达成表决的概率 {p_in:.0%}，若始终不加装则浪费 {c_y:,} 元。")
        en = (f"Pre-work during renovation: spend {c_y:,} yuan for an expected net saving of "
              f"{s_y:,} yuan (present value); probability of consent within {H} years "
              f"{p_in:.0%}; if no elevator ever comes, {c_y:,} yuan is wasted.")
    else:
        zh = (f"不建议预做：投入 {c_y:,} 元，预期净损失 {-s_y:,} 元（现值）；"
              f"{H} 年内达成表决的概率仅 {p_in:.0%}。")
        en = (f"Do not pre-work: spending {c_y:,} yuan gives an expected net loss of "
              f"{-s_y:,} yuan (present value); probability of consent within {H} years only "
              f"{p_in:.0%}.")
    if be is not None and c_y > 0:
        zh += f"盈亏平衡：每年达成概率 {be:.1%}（{H} 年内 {be_p:.0%}）。"
        en += f" Break-even: {be:.1%} a year ({be_p:.0%} within {H} years)."
    later = []
    f = 1.0
    for _ in range(H):
        f *= 1.0 + g
        later.append(_yuan(c_now * f + x))
    return PreinstallResult(
        unit_id=inputs.unit_id, horizon_years=H, discount_rate=_ratio(r),
        escalation_per_year=_ratio(g), salvage_share=_ratio(inputs.salvage_share),
        items_now=list(inputs.items_now), extras_later=list(inputs.extras_later),
        cost_now_yuan=c_y, extra_later_yuan=_yuan(x), cost_later_by_year_yuan=later,
        consent=inputs.consent, probability_by_year=[_ratio(p) for p in probs],
        probability_within_horizon=_ratio(p_in), expected_saving_yuan=s_y,
        mean_saving_yuan=_yuan(mean_saving(inputs)), expected_waste_yuan=w_y,
        break_even_hazard=None if be is None else _ratio(be),
        break_even_probability=None if be_p is None else _ratio(be_p),
        saving_per_yuan=None if c_now <= 0 else _ratio(s / c_now),
        pays_off=bool(pays), monte_carlo=mc, tornado=tor, message_zh=zh, message_en=en,
        assumptions_source=inputs.assumptions_source,
        assumptions_source_zh=inputs.assumptions_source_zh)


# ---------------------------------------------------------------------------------------
# portfolio
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RankRow:
    """One candidate unit of a street, valued at its most likely inputs.

    ``klass`` is the suitability class when the suitability engine is available, else
    ``None``. ``saving_per_yuan`` is ``expected_saving_yuan / cost_now_yuan`` (None when
    nothing is to be pre-worked).
    """

    unit_id: str
    unit_name: str
    community: str
    building: str
    klass: str | None
    consent_state: str
    hazard: float
    cost_now_yuan: Decimal
    expected_saving_yuan: Decimal
    expected_waste_yuan: Decimal
    saving_per_yuan: Decimal | None

    def to_json(self) -> dict:
        return {"unit": self.unit_id, "name": self.unit_name, "community": self.community,
                "building": self.building, "class": self.klass,
                "consent_state": self.consent_state, "hazard": round(self.hazard, 6),
                "cost_now_yuan": json_number(self.cost_now_yuan),
                "expected_saving_yuan": json_number(self.expected_saving_yuan),
                "expected_waste_yuan": json_number(self.expected_waste_yuan),
                "saving_per_yuan": None if self.saving_per_yuan is None
                else json_number(self.saving_per_yuan)}


@dataclass
class Selection:
    """The units chosen for pre-works within a budget.

    Attributes
    ----------
    method : str
        ``exact_dp``, ``branch_and_bound`` (both exact) or ``greedy``.
    upper_bound_yuan : Decimal
        Upper bound of the best possible total saving (LP relaxation; equal to the total for
        an exact method) [yuan].
    gap_yuan : Decimal
        ``upper_bound_yuan − expected_saving_yuan`` (0 for an exact method).
    gap_bound_yuan : Decimal
        The a-priori bound of the greedy rule: the largest single saving among the eligible
        units (0 for an exact method).
    """

    budget_yuan: Decimal
    method: str
    rule_zh: str
    rule_en: str
    chosen: list[RankRow]
    spent_yuan: Decimal
    expected_saving_yuan: Decimal
    upper_bound_yuan: Decimal
    gap_yuan: Decimal
    gap_bound_yuan: Decimal
    candidates: int
    eligible: int

    def to_json(self) -> dict:
        return {"budget_yuan": json_number(self.budget_yuan), "method": self.method,
                "rule_zh": self.rule_zh, "rule_en": self.rule_en,
                "chosen": [r.to_json() for r in self.chosen],
                "spent_yuan": json_number(self.spent_yuan),
                "expected_saving_yuan": json_number(self.expected_saving_yuan),
                "upper_bound_yuan": json_number(self.upper_bound_yuan),
                "gap_yuan": json_number(self.gap_yuan),
                "gap_bound_yuan": json_number(self.gap_bound_yuan),
                "candidates": self.candidates, "eligible": self.eligible}


def _suitability_engine():
    try:
        from . import suitability as mod
    except ImportError:
        return None
    return mod if hasattr(mod, "assess") else None


def _classes(units: list[Unit]) -> list[str | None]:
    """Suitability classes: the vectorised census path when available (equal to
    :func:`elevator_eval.suitability.assess` by its tests), else ``assess`` per unit, else
    ``None`` (no suitability engine)."""
    suit = _suitability_engine()
    if suit is None:
        return [None] * len(units)
    try:
        from .census import classify_units
        from .suitability import resolve_ruleset_name
    except ImportError:
        return [suit.assess(u).klass for u in units]
    groups: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        groups.setdefault(resolve_ruleset_name(u), []).append(i)
    out: list[str | None] = [None] * len(units)
    for name, idx in groups.items():
        for i, k in zip(idx, classify_units([units[i] for i in idx], name)):
            out[i] = k
    return out


def rank_units(project: Project, *, horizon_years: int | None = None,
               include_all: bool = False) -> list[RankRow]:
    """Rank the candidate units of a project by expected saving per yuan spent.

    Candidates: units not classed "unsuitable" that are classed "difficult" or have not
    reached consent (the class is used when :mod:`elevator_eval.suitability` is available;
    otherwise the consent state alone decides). ``include_all`` ranks every unit.
    Order: saving per yuan (largest first), then expected saving, then unit id. Each row
    equals :func:`evaluate` of that unit at its most likely inputs.

    Raises
    ------
    InputError
        naming ``unit <id>: <field>``.

    Notes
    -----
    The vote state comes from :func:`vote_needs` (the consent engine's count in integers)
    and the classes from the vectorised census path, so that a street of 5,000 units is
    ranked in about a second.
    """
    base = load_assumptions(project)
    located = list(project.iter_units())
    try:
        classes = _classes([u for _, _, u in located])
    except InputError as e:
        raise InputError(f"suitability: {e.field}", e.message) from None
    cache: dict = {}
    rules: dict = {}
    rows: list[RankRow] = []
    for (c, b, u), klass in zip(located, classes):
        if klass == "unsuitable" and not include_all:
            continue
        try:
            counts = vote_needs(u, vote_rule_for(u, rules))
            inp = build_inputs(u, project, assumptions=base, horizon_years=horizon_years,
                               consent_counts=counts, cache=cache)
        except InputError as e:
            raise InputError(f"unit {u.id}: {e.field}", e.message) from None
        state = inp.consent.state
        if not include_all and not (klass == "difficult" or state != "ready"):
            continue
        c_now = sum(float(i.mode_yuan) for i in inp.items_now)
        s = expected_saving(inp)
        _, never = arrival_probabilities(hazards_for(inp.consent, inp.horizon_years))
        waste = never * (1.0 - inp.salvage_share) * c_now
        rows.append(RankRow(u.id, u.name, c.name, b.name, klass, state, inp.consent.hazard,
                            _yuan(c_now), _yuan(s), _yuan(waste),
                            None if c_now <= 0 else _ratio(s / c_now)))
    rows.sort(key=lambda r: (-(r.saving_per_yuan if r.saving_per_yuan is not None
                               else Decimal("-1e9")), -r.expected_saving_yuan, r.unit_id))
    return rows


def knapsack_exact(costs: Sequence[int], values: Sequence[int], capacity: int,
                   max_cells: int = 20_000_000) -> tuple[int, list[int]]:
    """Exact 0/1 knapsack: maximise Σ values with Σ costs ≤ capacity (integers ≥ 0).

    Dynamic programming over costs divided by their greatest common divisor when the table
    (items × capacity cells) is at most ``max_cells``; otherwise depth-first branch and bound
    with the LP-relaxation bound. Returns ``(best value, chosen indices ascending)``.
    """
    n = len(costs)
    if any(c < 0 for c in costs) or capacity < 0:
        raise InputError("budget", "costs and the capacity must not be negative")
    idx = [i for i in range(n) if values[i] > 0 and costs[i] <= capacity]
    if not idx:
        return 0, []
    free = [i for i in idx if costs[i] == 0]
    idx = [i for i in idx if costs[i] > 0]
    if not idx:
        return sum(values[i] for i in free), sorted(free)
    if exact_method([costs[i] for i in idx], capacity, max_cells) == "exact_dp":
        g = _gcd_all(costs[i] for i in idx)
        cap = capacity // g
        value, chosen = _knapsack_dp([costs[i] // g for i in idx], [values[i] for i in idx], cap)
    else:
        value, chosen = _knapsack_bb([costs[i] for i in idx], [values[i] for i in idx], capacity)
    picked = sorted([idx[j] for j in chosen] + free)
    return value + sum(values[i] for i in free), picked


def _gcd_all(numbers) -> int:
    g = 0
    for c in numbers:
        g = math.gcd(g, int(c))
    return g


def exact_method(costs: Sequence[int], capacity: int, max_cells: int = 20_000_000) -> str:
    """Which exact method :func:`knapsack_exact` uses: ``exact_dp`` or ``branch_and_bound``."""
    pos = [c for c in costs if 0 < c <= capacity]
    if not pos:
        return "exact_dp"
    g = _gcd_all(pos)
    return "exact_dp" if len(pos) * (capacity // g + 1) <= max_cells else "branch_and_bound"


def _knapsack_dp(w: list[int], v: list[int], cap: int) -> tuple[int, list[int]]:
    import numpy as np
    n = len(w)
    best = np.zeros(cap + 1, dtype=np.int64)
    keep = np.zeros((n, cap + 1), dtype=bool)
    for i in range(n):
        wi = int(w[i])
        if wi > cap:
            continue
        cand = best[:cap + 1 - wi] + int(v[i])
        take = cand > best[wi:]
        keep[i, wi:] = take
        best[wi:] = np.where(take, cand, best[wi:])
    c = cap
    chosen = []
    for i in range(n - 1, -1, -1):
        if keep[i, c]:
            chosen.append(i)
            c -= int(w[i])
    return int(best[cap]), sorted(chosen)


def _knapsack_bb(w: list[int], v: list[int], cap: int) -> tuple[int, list[int]]:
    from fractions import Fraction
    order = sorted(range(len(w)), key=lambda i: (Fraction(-v[i], w[i]), w[i]))
    W = [w[i] for i in order]
    V = [v[i] for i in order]
    n = len(W)
    best = [0, []]

    def bound(k: int, room: int, val: int) -> int:
        for j in range(k, n):
            if W[j] <= room:
                room -= W[j]
                val += V[j]
            else:
                return val + (room * V[j]) // W[j]
        return val

    def dfs(k: int, room: int, val: int, taken: list[int]) -> None:
        if val > best[0]:
            best[0], best[1] = val, list(taken)
        if k == n or bound(k, room, val) <= best[0]:
            return
        if W[k] <= room:
            taken.append(k)
            dfs(k + 1, room - W[k], val + V[k], taken)
            taken.pop()
        dfs(k + 1, room, val, taken)

    dfs(0, cap, 0, [])
    return best[0], sorted(order[k] for k in best[1])


def knapsack_greedy(costs: Sequence[int], values: Sequence[int], capacity: int
                    ) -> tuple[int, list[int], int, int]:
    """Greedy 0/1 knapsack by value per cost, with its bounds.

    Takes items in order of value per cost (ties: cheaper first) whenever they still fit,
    then compares with the best single item. Returns ``(value, chosen indices, LP upper
    bound, largest single value)``. The greedy value is at least ``optimum − largest single
    value`` and the optimum is at most the LP bound.
    """
    from fractions import Fraction
    items = [i for i in range(len(costs)) if values[i] > 0 and costs[i] <= capacity]
    if not items:
        return 0, [], 0, 0
    order = sorted(items, key=lambda i: (Fraction(-values[i], costs[i]) if costs[i] else
                                         Fraction(-10 ** 30), costs[i], i))
    room, val, chosen = capacity, 0, []
    for i in order:
        if costs[i] <= room:
            room -= costs[i]
            val += values[i]
            chosen.append(i)
    room, ub = capacity, 0
    for i in order:
        if costs[i] <= room:
            room -= costs[i]
            ub += values[i]
        else:
            ub += (room * values[i]) // costs[i]
            break
    vmax_i = max(items, key=lambda i: (values[i], -i))
    if values[vmax_i] > val:
        val, chosen = values[vmax_i], [vmax_i]
    return val, sorted(chosen), max(ub, val), values[vmax_i]


def choose_units(rows: Sequence[RankRow], budget_yuan, *, exact_limit: int = EXACT_LIMIT
                 ) -> Selection:
    """Choose the units to pre-work within ``budget_yuan`` to maximise the expected saving.

    Only units with a positive expected saving that fit the budget are eligible. Up to
    ``exact_limit`` eligible units: exact 0/1 knapsack (:func:`knapsack_exact`); above:
    greedy by saving per yuan (:func:`knapsack_greedy`), whose total is at least the optimum
    minus the largest single saving; the LP-relaxation bound and the gap are reported.

    Raises
    ------
    InputError
        naming ``--budget`` when the budget is not a number ≥ 0.
    """
    budget = to_decimal(budget_yuan, "--budget")
    cap = int(budget.to_integral_value(rounding="ROUND_FLOOR"))
    elig = [r for r in rows if r.expected_saving_yuan > 0 and r.cost_now_yuan <= budget]
    costs = [int(r.cost_now_yuan) for r in elig]
    values = [int(r.expected_saving_yuan) for r in elig]
    if len(elig) <= exact_limit:
        value, chosen = knapsack_exact(costs, values, cap)
        method = exact_method(costs, cap)
        ub, gap_bound = value, 0
        zh = (f"精确 0/1 背包（{len(elig)} 个候选单元 ≤ {exact_limit}）：在预算内使预期节约总额最大")
        en = (f"exact 0/1 knapsack ({len(elig)} eligible units ≤ {exact_limit}): the largest "
              f"total expected saving within the budget")
    else:
        value, chosen, ub, gap_bound = knapsack_greedy(costs, values, cap)
        method = "greedy"
        zh = (f"贪心法（{len(elig)} 个候选单元 > {exact_limit}）：按每元预期节约从高到低选入，"
              f"并与单个最优单元比较；结果不低于最优值减去最大单项节约 {gap_bound:,} 元")
        en = (f"greedy ({len(elig)} eligible units > {exact_limit}): by expected saving per "
              f"yuan, compared with the best single unit; at least the optimum minus the largest "
              f"single saving ({gap_bound:,} yuan)")
    picked = [elig[i] for i in chosen]
    picked.sort(key=lambda r: (-(r.saving_per_yuan or 0), r.unit_id))
    spent = sum((r.cost_now_yuan for r in picked), Decimal(0))
    total = sum((r.expected_saving_yuan for r in picked), Decimal(0))
    return Selection(budget, method, zh, en, picked, spent, total, Decimal(ub),
                     Decimal(ub) - total, Decimal(gap_bound), len(rows), len(elig))


def portfolio(project: Project, budget_yuan, *, horizon_years: int | None = None
              ) -> Selection:
    """:func:`rank_units` then :func:`choose_units`."""
    budget = to_decimal(budget_yuan, "--budget")
    return choose_units(rank_units(project, horizon_years=horizon_years), budget)
