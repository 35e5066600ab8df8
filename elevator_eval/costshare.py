"""Cost sharing: capital and running costs by floor, subsidies, compensation, funding.

Everything here follows §4–§5 of the unit format. Money is :class:`~decimal.Decimal` yuan,
ratios are :class:`~fractions.Fraction`; one allocation function,
:func:`~elevator_eval.costshare_allocate.allocate` (largest remainder with the spec's
tie-break), is used by every method, so every set of shares adds up exactly to the amount it
splits.

Pipeline of :func:`compute_share`:

1. capital total (``costs.items_yuan`` summed, or ``costs.total_yuan``);
2. subsidies (:func:`~elevator_eval.costshare_subsidy.subsidy_total`): every rule's
   amount, summed, never above the capital total;
3. ``owners_total_yuan`` = capital total − subsidies, split by the chosen method over the
   paying households (exempt floors pay 0);
4. lower-floor compensation (``share.compensation``): a pool paid by the paying households
   by the same method and received by the listed floors, shown as negative shares;
5. running costs (``costs.annual_om_yuan``) split by ``share.running_method`` (the capital
   method by default), over 10 and 15 years with an optional ``share.discount_rate``;
6. funding per household: maintenance fund (``share.maintenance_fund``, only when
   ``approved``), provident fund (``provident_fund_yuan`` when eligible), own cash → net
   out-of-pocket.

The options of steps 4–6 are read and validated by :mod:`elevator_eval.costshare_options`.
Every method side by side is in :mod:`elevator_eval.costshare_compare`; the consensus
search over stated maximum contributions in :mod:`elevator_eval.costshare_consensus`.

References
----------
Domain reference §2 (methods and tables), §2.3 (compensation), §2.4 (running costs),
§3.3 (subsidies), §3.4 (provident fund), §3.5 (maintenance fund), §10 (W1–W4, W11–W13).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .costshare_allocate import CENT, allocate, drop_negative_zero, quantize_yuan
from .costshare_options import (
    compensation_pool_yuan,
    compensation_settings,
    discount_rate,
    maintenance_fund,
    provident_eligible,
    running_exempt_floors,
)
from .costshare_result import HouseholdShare, ShareResult
from .costshare_subsidy import subsidy_total
from .costshare_tables import DEFAULT_TABLE, load_table
from .errors import InputError
from .model import Unit
from .project_settings import coefficient_table

METHODS = (
    "floor_coefficient_area",
    "coefficient_by_floor",
    "stair_count",
    "percent_by_household",
    "equal",
)

METHOD_INFO: dict[str, dict[str, str]] = {
    "floor_coefficient_area": {
        "title_zh": "楼层系数×面积",
        "title_en": "Floor coefficient × area",
        "source_zh": "广州东圃丽江新村业主分摊方案（系数经归一化，各户合计等于业主合计出资）",
        "source_en": "the owners' sharing scheme of Lijiang Xincun, Dongpu, Guangzhou "
        "(coefficients normalised so that the households' shares add up to the owners' total)",
        "source": "Guangzhou Dongpu Lijiang Xincun scheme, normalised so shares add up "
        "(https://zjtcn.com/zhishi/dcjzdtfa [C]; domain reference §2.2(a))",
        "monotone": "per_area",
    },
    "coefficient_by_floor": {
        "title_zh": "按楼层系数（不计面积）",
        "title_en": "Coefficient by floor (area ignored)",
        "source_zh": "业主协商确定的各楼层受益系数",
        "source_en": "floor coefficients agreed by the owners",
        "source": "floor benefit coefficients negotiated by owners (domain reference §2.1–§2.2)",
        "monotone": "yes",
    },
    "stair_count": {
        "title_zh": "台阶数法（楼层−1）",
        "title_en": "Stair count (floor − 1)",
        "source_zh": "台阶数法案例（按各户少爬的楼层数分摊）",
        "source_en": "the stair-count method (shares by the flights each household no "
        "longer climbs)",
        "source": "http://xinsanxiang.cn/article/show_321.html [C] (domain reference §2.2(b), W4)",
        "monotone": "yes",
    },
    "percent_by_household": {
        "title_zh": "每户固定比例",
        "title_en": "Percent per household",
        "source_zh": "宁波、新民村公布的各户分摊比例",
        "source_en": "the per-household percentages published in Ningbo and Xinmin village",
        "source": "Ningbo and Xinmin Village published splits (domain reference §2.2(c), W1–W2)",
        "monotone": "no",
    },
    "equal": {
        "title_zh": "平均分摊",
        "title_en": "Equal shares",
        "source_zh": "软件默认：每户出资相同",
        "source_en": "the app's default: every household pays the same",
        "source": "app default: every paying household pays the same",
        "monotone": "yes",
    },
}
"""Title (Chinese, English), source and monotonicity of each method.

``source`` is the citation as found (with its address, for the JSON output);
``source_zh`` / ``source_en`` name it by title for the window and the documents.

``monotone``: ``yes`` — a higher floor never pays less; ``per_area`` — true for households
of the same area when the coefficient table is monotone; ``no`` — depends on the input."""

RUNNING_YEARS = (10, 15)
"""Horizons of the running costs [years]."""


# ============================================================================ weights


def coefficients_for(
    unit: Unit, *, settings: dict[str, Any] | None = None
) -> tuple[dict[int, Decimal], str | None]:
    """Floor → coefficient for a unit: ``share.coefficients``, else ``share.table``, else the
    project's ``coefficient_table`` setting, else the default table. Returns the map and the
    table name (``None`` for the unit's own)."""
    sh = unit.share
    if sh.coefficients is not None:
        return dict(sh.coefficients), None
    name = sh.table or coefficient_table(settings) or DEFAULT_TABLE
    table = load_table(name, field="share.table", settings=settings)
    if table["kind"] != "coefficient":
        raise InputError(
            "share.table", f"{name!r} is a percent table; use it with percent_by_household"
        )
    return table["floors"], name


def percents_for(
    unit: Unit, *, settings: dict[str, Any] | None = None
) -> tuple[list[Fraction], str | None] | None:
    """Percent of the owners' total per household, or ``None`` when none is given.

    From ``share.percent_by_floor`` (per household), else from a percent table named by
    ``share.table`` (per household or per floor; a floor's percent is split equally
    between its households).
    """
    sh = unit.share
    hh = unit.households
    if sh.percent_by_floor is not None:
        pbf = sh.percent_by_floor
        return [Fraction(pbf.get(h.floor, Decimal(0))) for h in hh], None
    if sh.table:
        table = load_table(sh.table, field="share.table", settings=settings)
        if table["kind"] != "percent":
            return None
        floors = table["floors"]
        if table["basis"] == "per_household":
            return [Fraction(floors.get(h.floor, Decimal(0))) for h in hh], sh.table
        count: dict[int, int] = {}
        for h in hh:
            count[h.floor] = count.get(h.floor, 0) + 1
        return [Fraction(floors.get(h.floor, Decimal(0))) / count[h.floor] for h in hh], sh.table
    return None


def method_weights(
    unit: Unit,
    method: str,
    *,
    exempt_floors: Sequence[int] | None = None,
    settings: dict[str, Any] | None = None,
) -> tuple[list[Fraction], str | None]:
    """Weight of every household under ``method`` (0 for exempt floors).

    Returns the weights and the name of the coefficient/percent table used (or ``None``).

    Raises
    ------
    InputError
        ``share.method`` unknown; ``share.coefficients`` lacking a paying floor;
        ``share.percent_by_floor`` not adding up to 100 over all households, or giving a
        percent to an exempt floor.
    """
    if method not in METHODS:
        raise InputError("share.method", f"must be one of {', '.join(METHODS)}, got {method!r}")
    exempt = set(unit.share.exempt_floors if exempt_floors is None else exempt_floors)
    hh = unit.households
    table = None
    if method in ("floor_coefficient_area", "coefficient_by_floor"):
        coeffs, table = coefficients_for(unit, settings=settings)
        weights = []
        for h in hh:
            if h.floor in exempt:
                weights.append(Fraction(0))
                continue
            if h.floor not in coeffs:
                where = (
                    "share.coefficients" if table is None else f"share.coefficients (table {table})"
                )
                raise InputError(where, f"no coefficient for floor {h.floor} (household {h.id})")
            c = Fraction(coeffs[h.floor])
            if c < 0:
                raise InputError(f"share.coefficients.{h.floor}", "must not be negative")
            weights.append(c * Fraction(h.area_m2) if method == "floor_coefficient_area" else c)
        return weights, table
    if method == "stair_count":
        return [Fraction(0) if h.floor in exempt else Fraction(h.floor - 1) for h in hh], None
    if method == "equal":
        return [Fraction(0) if h.floor in exempt else Fraction(1) for h in hh], None
    # percent_by_household
    got = percents_for(unit, settings=settings)
    if got is None:
        raise InputError(
            "share.percent_by_floor",
            "is required for percent_by_household (or share.table naming a percent table)",
        )
    percents, table = got
    total = sum(percents, Fraction(0))
    if total != 100:
        raise InputError(
            "share.percent_by_floor",
            f"percents add up to {_frac_text(total)} over all households, not 100",
        )
    for h, p in zip(hh, percents):
        if h.floor in exempt and p != 0:
            raise InputError(
                "share.percent_by_floor", f"floor {h.floor} is exempt but has {_frac_text(p)} %"
            )
    return percents, table


def _frac_text(f: Fraction) -> str:
    if f.denominator == 1:
        return str(f.numerator)
    d = Decimal(f.numerator) / Decimal(f.denominator)
    return str(d.quantize(Decimal("0.0001")).normalize())


def running_method(unit: Unit, capital_method: str) -> str:
    """The method of the running costs: ``share.running_method``, else the capital method."""
    m = unit.share.extra.get("running_method")
    if m is None:
        return capital_method
    if m not in METHODS:
        raise InputError("share.running_method", f"must be one of {', '.join(METHODS)}, got {m!r}")
    return str(m)


# ============================================================================ running costs


def annuity_factor(rate: Decimal | None, years: int) -> Fraction:
    """Σ_{t=1..years} 1/(1+rate)^t (exact); ``years`` when there is no rate.

    Running costs are taken as paid at the end of each year.
    """
    if not rate:
        return Fraction(years)
    r = Fraction(rate)
    return sum((1 / (1 + r) ** t for t in range(1, years + 1)), Fraction(0))


# ============================================================================ main entry


def resolve_method(unit: Unit, method: str | None = None, field: str = "share.method") -> str:
    """The method to use: ``method`` when given, else the unit's (default
    ``floor_coefficient_area``)."""
    m = method if method is not None else unit.share.method
    if m not in METHODS:
        raise InputError(field, f"must be one of {', '.join(METHODS)}, got {m!r}")
    return m


def compute_share(
    unit: Unit, method: str | None = None, *, settings: dict[str, Any] | None = None
) -> ShareResult:
    """Split a unit's capital and running costs over its households.

    Parameters
    ----------
    unit : Unit
    method : str, optional
        Overrides ``share.method`` (one of :data:`METHODS`).
    settings : dict, optional
        The project's settings, for user-defined coefficient tables.

    Returns
    -------
    ShareResult
        Shares add up exactly: Σ ``share_yuan`` = ``owners_total_yuan`` (compensation
        nets to 0), Σ ``annual_running_yuan`` = the annual running total.

    Raises
    ------
    InputError
        naming the field (``share.method``, ``share.coefficients``,
        ``share.percent_by_floor``, ``share.compensation``, ``share.discount_rate``,
        ``share.maintenance_fund`` …).
    """
    method = resolve_method(unit, method)
    info = METHOD_INFO[method]
    floors = [h.floor for h in unit.households]
    warnings: list[str] = []
    total = unit.costs.total_yuan
    subsidy, lines = subsidy_total(unit)
    if any(ln.type == "cap_to_total" for ln in lines):
        warnings.append(
            "补贴合计超过总造价，按总造价封顶 / subsidies exceed the capital total "
            "and are capped at it"
        )
    owners_total = total - subsidy
    weights, table = method_weights(unit, method, settings=settings)
    capital = allocate(owners_total, weights, unit.share.rounding_yuan, floors)
    comp, pool = _compensation(unit, weights, owners_total, warnings)
    shares = [drop_negative_zero(a + b) for a, b in zip(capital, comp)]
    run = _running(unit, method, weights, settings)
    mf_amounts, approved = _maintenance(unit, shares, warnings)
    out = [
        _household(
            unit, i, shares[i], capital[i], comp[i], run, mf_amounts[i], weights[i], warnings
        )
        for i in range(len(unit.households))
    ]
    return ShareResult(
        unit_id=unit.id,
        method=method,
        method_title_zh=info["title_zh"],
        method_title_en=info["title_en"],
        method_source=info["source"],
        total_yuan=total,
        subsidy_yuan=subsidy,
        subsidy_lines=lines,
        owners_total_yuan=owners_total,
        rounding_yuan=unit.share.rounding_yuan,
        households=out,
        annual_running_total_yuan=unit.costs.annual_total_yuan,
        warnings=warnings,
        compensation_pool_yuan=pool,
        running_method=run.method,
        discount_rate=run.rate,
        running_10y_total_yuan=run.horizon_total[10],
        running_15y_total_yuan=run.horizon_total[15],
        maintenance_fund_approved=approved,
        table=table,
    )


def _compensation(
    unit: Unit, weights: list[Fraction], owners_total: Decimal, warnings: list[str]
) -> tuple[list[Decimal], Decimal]:
    """Lower-floor compensation per household (< 0 received, > 0 paid) and the pool [yuan].

    The pool is paid by the paying households by the capital weights and received by the
    households of the listed floors (``share.compensation``).
    """
    hh = unit.households
    floors = [h.floor for h in hh]
    rnd = unit.share.rounding_yuan
    comp = [Decimal(0)] * len(hh)
    pool = Decimal(0)
    c = compensation_settings(unit)
    if c is None:
        return comp, pool
    receivers = [i for i, h in enumerate(hh) if h.floor in c["floors"]]
    for i in receivers:
        if weights[i] > 0:
            raise InputError(
                "share.compensation.floors",
                f"floor {hh[i].floor} both pays and receives compensation",
            )
    if not receivers:
        warnings.append("补偿楼层没有住户 / no household lives on the compensated floors")
        return comp, pool
    pool = compensation_pool_yuan(c, len(receivers), owners_total)
    if c["mode"] == "per_household":
        for i in receivers:
            comp[i] = -c["yuan"]
    else:
        got = allocate(pool, [1] * len(receivers), rnd, [hh[i].floor for i in receivers])
        for i, g in zip(receivers, got):
            comp[i] = -g
    paid = allocate(pool, weights, rnd, floors)
    for i, p in enumerate(paid):
        if weights[i] > 0:
            comp[i] = p
    return comp, pool


@dataclass
class _Running:
    """The running costs of a unit split over its households (see :func:`_running`)."""

    method: str
    rate: Decimal | None
    annual: list[Decimal]
    horizon: dict[int, list[Decimal]]
    horizon_total: dict[int, Decimal]


def _running(
    unit: Unit, method: str, weights: list[Fraction], settings: dict[str, Any] | None
) -> _Running:
    """Yearly running costs by ``share.running_method`` (yearly amounts to the fen) and their
    totals over :data:`RUNNING_YEARS`, discounted when ``share.discount_rate`` is set."""
    hh = unit.households
    floors = [h.floor for h in hh]
    r_method = running_method(unit, method)
    annual_total = unit.costs.annual_total_yuan
    rate = discount_rate(unit)
    if not annual_total:
        return _Running(
            r_method,
            rate,
            [Decimal(0)] * len(hh),
            {y: [Decimal(0)] * len(hh) for y in RUNNING_YEARS},
            {y: Decimal(0) for y in RUNNING_YEARS},
        )
    exempt = running_exempt_floors(unit)
    if r_method == method and exempt == list(unit.share.exempt_floors):
        rweights = weights
    else:
        rweights, _ = method_weights(unit, r_method, exempt_floors=exempt, settings=settings)
    # yearly amounts are small: split to the fen whatever the capital rounding unit
    annual = allocate(annual_total, rweights, CENT, floors)
    horizon: dict[int, list[Decimal]] = {}
    horizon_total: dict[int, Decimal] = {}
    for years in RUNNING_YEARS:
        pv_total = quantize_yuan(Fraction(annual_total) * annuity_factor(rate, years))
        horizon_total[years] = pv_total
        if rate:
            horizon[years] = allocate(pv_total, [Fraction(a) for a in annual], CENT, floors)
        else:
            horizon[years] = [a * years for a in annual]
    return _Running(r_method, rate, annual, horizon, horizon_total)


def _maintenance(
    unit: Unit, shares: list[Decimal], warnings: list[str]
) -> tuple[list[Decimal], bool | None]:
    """The maintenance fund per household [yuan] (only when approved) and the approval."""
    hh = unit.households
    floors = [h.floor for h in hh]
    mf = maintenance_fund(unit)
    mf_amounts = [Decimal(0)] * len(hh)
    if mf is None:
        return mf_amounts, None
    if not mf["approved"]:
        warnings.append(
            "动用维修资金须经业主依民法典第二百七十八条共同决定，尚未通过，"
            "未计入 / using the maintenance fund is itself an owners' decision "
            "under Civil Code Art. 278; not approved, so not counted"
        )
        return mf_amounts, False
    payers = [i for i in range(len(hh)) if shares[i] > 0]
    if "per_household_yuan" in mf:
        for i in payers:
            mf_amounts[i] = min(mf["per_household_yuan"], shares[i])
        return mf_amounts, True
    split = (
        allocate(
            mf["total_yuan"],
            [Fraction(shares[i]) for i in payers],
            CENT,
            [floors[i] for i in payers],
        )
        if payers
        else []
    )
    for i, s in zip(payers, split):
        mf_amounts[i] = min(s, shares[i])
    unused = mf["total_yuan"] - sum(mf_amounts, Decimal(0))
    if unused > 0:
        warnings.append(
            f"维修资金 {unused} 元未用完 / {unused} yuan of the maintenance fund left unused"
        )
    return mf_amounts, True


def _household(
    unit: Unit,
    i: int,
    share: Decimal,
    capital: Decimal,
    comp: Decimal,
    run: _Running,
    mf_amount: Decimal,
    weight: Fraction,
    warnings: list[str],
) -> HouseholdShare:
    """Household ``i``'s share and how it is funded: maintenance fund, then provident fund
    (when eligible, at most what is left), then its own cash."""
    h = unit.households[i]
    rest = share - mf_amount
    pf = Decimal(0)
    if h.provident_fund_yuan:
        if provident_eligible(h, i):
            pf = max(Decimal(0), min(h.provident_fund_yuan, rest))
            if pf < h.provident_fund_yuan:
                warnings.append(
                    f"{h.id}: 公积金提取以应付份额为限（{pf:,} 元） / "
                    "provident-fund withdrawal capped at the household's "
                    f"share ({pf:,} yuan)"
                )
        else:
            warnings.append(
                f"{h.id}: 不符合公积金提取条件，未计入 / not eligible for a "
                "provident-fund withdrawal; not counted"
            )
    net = drop_negative_zero(rest - pf)
    return HouseholdShare(
        id=h.id,
        floor=h.floor,
        area_m2=h.area_m2,
        share_yuan=share,
        compensation_yuan=comp,
        annual_running_yuan=run.annual[i],
        provident_fund_yuan=pf,
        maintenance_fund_yuan=mf_amount,
        cash_yuan=net,
        net_out_of_pocket_yuan=net,
        running_10y_yuan=run.horizon[10][i],
        running_15y_yuan=run.horizon[15][i],
        capital_yuan=capital,
        exempt=h.floor in set(unit.share.exempt_floors),
        weight=weight,
    )
