"""Pre-installation: relocate the pipes and build the pit now, during renovation, or wait?

The national notice on old-community renovation asks that, where residents want an elevator
and the site allows it but the owners' consent is not there yet, the pipes be relocated and
the pit be built during the renovation, so that a later elevator costs less. A street office
has a limited renovation budget and must choose the units. This package values that choice
for one unit and for a whole street.

Modules, one job each:

- :mod:`.assumptions` — the assumption set (``rules/preinstall/default.json``, overridden by
  ``project.settings["preinstall"]`` and ``unit.extra["preinstall"]``) and its checks;
- :mod:`.outlook` — the annual probability of consent from the vote counted by
  :mod:`elevator_eval.consent` under a consent ruleset the caller may pass;
- :mod:`.inputs` — the cost items of one unit and the pit outcomes (which product the unit
  may buy later and what the pre-built pit then needs);
- :mod:`.valuation` — the model, its exact expectation, the most likely case, break-even;
- :mod:`.simulation` — the seeded Monte Carlo; :mod:`.sensitivity` — the tornado;
- :mod:`.evaluate` — one unit; :mod:`.portfolio` — a street ranked and chosen within a
  budget by an exact integer programme (:func:`scipy.optimize.milp`, HiGHS).

Price basis: nominal. Costs are entered at the prices of the evaluation year; every later
amount — the pre-works done later, the extras of a separate job, the pit rework and the
salvage value — is escalated to its year and discounted at the nominal discount rate.

Headline figures and decisions (net saving, pays off, probability of consent, waste,
break-even, street ranking, budgeted choice) are **expectations** over the stated
uncertainty, computed exactly in closed form (:func:`mean_saving`); the **most likely** case
is given beside them and labelled. The consent-probability model, its assumptions and its
sensitivity are described in ``docs/preinstall-consent-model.md``.

Money that reaches the user is Decimal rounded to the yuan; the model runs in floats (it is
a model, not a payment). No published source quantifies the saving of pre-installation work;
the defaults are assumptions, each labelled in the data file.
"""

from .assumptions import (
    DEFAULT_ASSUMPTIONS,
    KIND,
    MAX_HORIZON_YEARS,
    assumption_rows,
    load_assumptions,
    validate_assumptions,
)
from .evaluate import PRICE_BASIS_TEXT, PreinstallResult, evaluate
from .inputs import build_inputs, pit_outcomes
from .outlook import consent_outlook, simple_needed, vote_needs, vote_state
from .portfolio import (
    RankRow,
    Selection,
    choose_units,
    knapsack_milp,
    portfolio,
    rank_units,
)
from .sensitivity import hazard_band, tornado
from .simulation import (
    monte_carlo,
    quantile_interval,
    simulate_savings,
    simulate_savings_array,
)
from .types import (
    ConsentOutlook,
    CostItem,
    Figures,
    MonteCarloResult,
    PitOutcome,
    PreinstallInputs,
    Tornado,
    TornadoBar,
    Triangle,
)
from .valuation import (
    arrival_probabilities,
    beta_params,
    break_even_hazard,
    case_saving,
    case_terms,
    expected_arrival,
    expected_saving,
    figures,
    growth_means,
    hazards_for,
    mean_saving,
    most_likely_saving,
    saving_npv,
)

__all__ = [
    "DEFAULT_ASSUMPTIONS",
    "KIND",
    "MAX_HORIZON_YEARS",
    "PRICE_BASIS_TEXT",
    "ConsentOutlook",
    "CostItem",
    "Figures",
    "MonteCarloResult",
    "PitOutcome",
    "PreinstallInputs",
    "PreinstallResult",
    "RankRow",
    "Selection",
    "Tornado",
    "TornadoBar",
    "Triangle",
    "arrival_probabilities",
    "assumption_rows",
    "beta_params",
    "break_even_hazard",
    "build_inputs",
    "case_saving",
    "case_terms",
    "choose_units",
    "consent_outlook",
    "evaluate",
    "expected_arrival",
    "expected_saving",
    "figures",
    "growth_means",
    "hazard_band",
    "hazards_for",
    "knapsack_milp",
    "load_assumptions",
    "mean_saving",
    "monte_carlo",
    "most_likely_saving",
    "pit_outcomes",
    "portfolio",
    "quantile_interval",
    "rank_units",
    "saving_npv",
    "simple_needed",
    "simulate_savings",
    "simulate_savings_array",
    "tornado",
    "validate_assumptions",
    "vote_needs",
    "vote_state",
]
