"""Cost sharing: capital and running costs by floor, subsidies, compensation, funding.

Everything here follows §4–§5 of the unit format. Money is :class:`~decimal.Decimal` yuan,
ratios are :class:`~fractions.Fraction`; one allocation function, :func:`allocate`
(largest remainder with the spec's tie-break), is used by every method, so every set of
shares adds up exactly to the amount it splits.

Pipeline of :func:`compute_share`:

1. capital total (``costs.items_yuan`` summed, or ``costs.total_yuan``);
2. subsidies (:func:`subsidy_total`): every rule's amount, summed, never above the capital
   total;
3. ``owners_total_yuan`` = capital total − subsidies, split by the chosen method over the
   paying households (exempt floors pay 0);
4. lower-floor compensation (``share.compensation``): a pool paid by the paying households
   by the same method and received by the listed floors, shown as negative shares;
5. running costs (``costs.annual_om_yuan``) split by ``share.running_method`` (the capital
   method by default), over 10 and 15 years with an optional ``share.discount_rate``;
6. funding per household: maintenance fund (``share.maintenance_fund``, only when
   ``approved``), provident fund (``provident_fund_yuan`` when eligible), own cash → net
   out-of-pocket.

Consensus search over stated maximum contributions lives in
:mod:`elevator_eval.costshare_consensus` (:func:`find_consensus`); a vectorised integer
path for large batches in :mod:`elevator_eval.costshare_batch`.

References
----------
Domain reference §2 (methods and tables), §2.3 (compensation), §2.4 (running costs),
§3.3 (subsidies), §3.4 (provident fund), §3.5 (maintenance fund), §10 (W1–W4, W11–W13).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from math import floor as _floor
from math import lcm
from typing import Any, Sequence

from .costshare_tables import DEFAULT_TABLE, load_table
from .errors import InputError
from .model import Household, Unit
from .money import ZERO, json_number, round_fen, to_decimal

METHODS = ("floor_coefficient_area", "coefficient_by_floor", "stair_count",
           "percent_by_household", "equal")

METHOD_INFO: dict[str, dict[str, str]] = {
    "floor_coefficient_area": {
        "title_zh": "楼层系数×面积", "title_en": "Floor coefficient × area",
        "source": "Guangzhou Dongpu Lijiang Xincun scheme, normalised so shares add up "
                  "(https://zjtcn.com/zhishi/dcjzdtfa [C]; domain reference §2.2(a))",
        "monotone": "per_area"},
    "coefficient_by_floor": {
        "title_zh": "按楼层系数（不计面积）", "title_en": "Coefficient by floor (area ignored)",
        "source": "floor benefit coefficients negotiated by owners (domain reference §2.1–§2.2)",
        "monotone": "yes"},
    "stair_count": {
        "title_zh": "台阶数法（楼层−1）", "title_en": "Stair count (floor − 1)",
        "source": "http://xinsanxiang.cn/article/show_321.html [C] (domain reference §2.2(b), "
                  "W4)",
        "monotone": "yes"},
    "percent_by_household": {
        "title_zh": "每户固定比例", "title_en": "Percent per household",
        "source": "Ningbo and Xinmin Village published splits (domain reference §2.2(c), "
                  "W1–W2)",
        "monotone": "no"},
    "equal": {
        "title_zh": "平均分摊", "title_en": "Equal shares",
        "source": "app default: every paying household pays the same", "monotone": "yes"},
}
"""Title (Chinese, English), source and monotonicity of each method.

``monotone``: ``yes`` — a higher floor never pays less; ``per_area`` — true for households
of the same area when the coefficient table is monotone; ``no`` — depends on the input."""

SUBSIDY_TITLES = {
    "fixed": ("定额补贴", "Fixed subsidy"),
    "percent_capped": ("按比例补贴（封顶）", "Percent of cost, capped"),
    "per_stop": ("按停靠站数补贴", "Per-stop subsidy"),
    "pipeline": ("管线迁改补贴", "Pipeline relocation subsidy"),
    "storeys_tiered": ("按层数分档补贴", "Subsidy tiered by storeys"),
}

COMPENSATION_MODES = ("per_household", "percent_of_total")
RUNNING_YEARS = (10, 15)
CENT = Decimal("0.01")


# ============================================================================ results

@dataclass
class HouseholdShare:
    """One household's share.

    Attributes
    ----------
    share_yuan : Decimal
        Capital share including the compensation contribution (negative for a receiver)
        [yuan].
    compensation_yuan : Decimal
        < 0 received, > 0 paid into the compensation pool, 0 otherwise [yuan].
    annual_running_yuan : Decimal
        Share of the yearly running cost [yuan/a].
    provident_fund_yuan, maintenance_fund_yuan, cash_yuan : Decimal
        How the share is funded [yuan]; ``cash_yuan`` is what the household pays from its
        own pocket and equals ``net_out_of_pocket_yuan``.
    running_10y_yuan, running_15y_yuan : Decimal
        Running cost over 10 and 15 years, discounted when a rate is set [yuan].
    """

    id: str
    floor: int
    area_m2: Decimal
    share_yuan: Decimal
    compensation_yuan: Decimal = ZERO
    annual_running_yuan: Decimal = ZERO
    provident_fund_yuan: Decimal = ZERO
    maintenance_fund_yuan: Decimal = ZERO
    cash_yuan: Decimal = ZERO
    net_out_of_pocket_yuan: Decimal = ZERO
    running_10y_yuan: Decimal = ZERO
    running_15y_yuan: Decimal = ZERO
    capital_yuan: Decimal = ZERO
    exempt: bool = False
    weight: Fraction = Fraction(0)

    @property
    def total_10y_yuan(self) -> Decimal:
        """Capital share plus 10 years of running cost [yuan]."""
        return self.share_yuan + self.running_10y_yuan

    @property
    def total_15y_yuan(self) -> Decimal:
        """Capital share plus 15 years of running cost [yuan]."""
        return self.share_yuan + self.running_15y_yuan


@dataclass
class SubsidyLine:
    """One subsidy rule's amount [yuan]; ``parts`` splits it by payer (city, district…)."""

    type: str
    title_zh: str
    title_en: str
    amount_yuan: Decimal
    parts: dict[str, Decimal] = field(default_factory=dict)
    note_zh: str = ""
    note_en: str = ""


@dataclass
class ShareResult:
    """The cost split of one unit (see :func:`compute_share`)."""

    unit_id: str
    method: str
    method_title_zh: str
    method_title_en: str
    method_source: str
    total_yuan: Decimal
    subsidy_yuan: Decimal
    subsidy_lines: list[SubsidyLine]
    owners_total_yuan: Decimal
    rounding_yuan: Decimal
    households: list[HouseholdShare]
    annual_running_total_yuan: Decimal
    warnings: list[str] = field(default_factory=list)
    compensation_pool_yuan: Decimal = ZERO
    running_method: str = ""
    discount_rate: Decimal | None = None
    running_10y_total_yuan: Decimal = ZERO
    running_15y_total_yuan: Decimal = ZERO
    maintenance_fund_approved: bool | None = None
    table: str | None = None

    def household(self, household_id: str) -> HouseholdShare:
        for h in self.households:
            if h.id == household_id:
                return h
        raise KeyError(household_id)

    def to_json(self) -> dict[str, Any]:
        """Spec §2 keys (``unit``, ``total_yuan``, ``subsidy_yuan``, ``owners_total_yuan``,
        ``households[{id, floor, share_yuan}]``) plus extras; JSON-native numbers."""
        n = json_number
        return {
            "unit": self.unit_id,
            "total_yuan": n(self.total_yuan),
            "subsidy_yuan": n(self.subsidy_yuan),
            "owners_total_yuan": n(self.owners_total_yuan),
            "households": [{
                "id": h.id, "floor": h.floor, "share_yuan": n(h.share_yuan),
                "area_m2": n(h.area_m2), "exempt": h.exempt,
                "capital_yuan": n(h.capital_yuan),
                "compensation_yuan": n(h.compensation_yuan),
                "annual_running_yuan": n(h.annual_running_yuan),
                "running_10y_yuan": n(h.running_10y_yuan),
                "running_15y_yuan": n(h.running_15y_yuan),
                "provident_fund_yuan": n(h.provident_fund_yuan),
                "maintenance_fund_yuan": n(h.maintenance_fund_yuan),
                "cash_yuan": n(h.cash_yuan),
                "net_out_of_pocket_yuan": n(h.net_out_of_pocket_yuan),
            } for h in self.households],
            "method": self.method,
            "method_title_zh": self.method_title_zh,
            "method_title_en": self.method_title_en,
            "method_source": self.method_source,
            "table": self.table,
            "rounding_yuan": n(self.rounding_yuan),
            "subsidies": [{"type": s.type, "title_zh": s.title_zh, "title_en": s.title_en,
                           "amount_yuan": n(s.amount_yuan),
                           "parts": {k: n(v) for k, v in s.parts.items()}}
                          for s in self.subsidy_lines],
            "compensation_pool_yuan": n(self.compensation_pool_yuan),
            "running_method": self.running_method,
            "discount_rate": None if self.discount_rate is None else n(self.discount_rate),
            "annual_running_total_yuan": n(self.annual_running_total_yuan),
            "running_10y_total_yuan": n(self.running_10y_total_yuan),
            "running_15y_total_yuan": n(self.running_15y_total_yuan),
            "maintenance_fund_approved": self.maintenance_fund_approved,
            "warnings": list(self.warnings),
        }


# ============================================================================ allocation

def allocate(total_yuan: Decimal, weights: Sequence[Fraction], rounding_yuan: Decimal,
             floors: Sequence[int]) -> list[Decimal]:
    """Split ``total_yuan`` in proportion to ``weights`` exactly (largest remainder).

    Each share is a multiple of ``rounding_yuan`` and the shares add up to ``total_yuan``
    exactly. Household *i*'s exact quota, in rounding units, is
    ``total / rounding × w_i / Σw``; each gets the whole part, and the units left over go
    to the largest fractional remainders. Ties go to the higher floor, then to the
    household listed first. When ``total_yuan`` is not a multiple of ``rounding_yuan``,
    the odd amount goes to the household first in that same order (the one that takes the
    first leftover unit). Zero weight → 0.

    The order is monotone: a smaller weight never gets a larger share — except by the odd
    amount, which the spec's rule may hand to a household one unit below a heavier one
    (e.g. 2.50 yuan in 1-yuan units over weights 95 : 155 gives 1.50 : 1.00). With a
    total that is a multiple of the rounding unit the order always holds.

    Parameters
    ----------
    total_yuan : Decimal
        Amount to split [yuan], ≥ 0.
    weights : sequence of Fraction (or int/Decimal)
        Non-negative weights, one per household.
    rounding_yuan : Decimal
        Rounding unit [yuan], > 0.
    floors : sequence of int
        Floor of each household (for the tie-break).

    Returns
    -------
    list of Decimal
        Shares [yuan], in the order given.

    Raises
    ------
    InputError
        ``share.rounding_yuan`` not positive; a negative weight or total; no household with
        a positive weight while the total is positive (``share``).

    References
    ----------
    Unit format §5 (largest remainder, tie-break, odd amount).
    """
    total_yuan = Decimal(total_yuan)
    rounding_yuan = Decimal(rounding_yuan)
    if rounding_yuan <= 0:
        raise InputError("share.rounding_yuan", "must be greater than 0")
    if total_yuan < 0:
        raise InputError("owners_total_yuan", f"must not be negative, got {total_yuan}")
    if len(weights) != len(floors):
        raise ValueError("weights and floors differ in length")
    ws = [Fraction(w) if not isinstance(w, Decimal) else Fraction(w) for w in weights]
    if any(w < 0 for w in ws):
        raise InputError("share", "a weight is negative")
    wsum = sum(ws, Fraction(0))
    n = len(ws)
    if total_yuan == 0:
        return [Decimal(0)] * n
    if wsum == 0:
        raise InputError("share", "no household pays (every floor is exempt or has weight 0) "
                                  f"but {total_yuan} yuan must be shared")
    exact_units = Fraction(total_yuan) / Fraction(rounding_yuan)
    whole_units = _floor(exact_units)
    odd_yuan = total_yuan - whole_units * rounding_yuan
    # exact integer arithmetic: weights on a common denominator, quota_i = a·w_i / (b·W)
    den = 1
    for w in ws:
        den = lcm(den, w.denominator)
    iw = [w.numerator * (den // w.denominator) for w in ws]
    a, b = exact_units.numerator, exact_units.denominator
    divisor = b * sum(iw)
    base: list[int] = []
    rems: list[int] = []
    for w in iw:
        q, r = divmod(a * w, divisor)
        base.append(q)
        rems.append(r)
    leftover = whole_units - sum(base)
    order = sorted(range(n), key=lambda i: (-rems[i], -floors[i], i))
    order = [i for i in order if ws[i] > 0]
    units = list(base)
    for i in order[:leftover]:
        units[i] += 1
    out = [rounding_yuan * u for u in units]
    if odd_yuan:
        out[order[0]] += odd_yuan
    return [_normal(v) for v in out]


def _normal(d: Decimal) -> Decimal:
    """Drop a negative zero and keep the value exact."""
    return d + 0 if d else Decimal(0)


# ============================================================================ subsidies

def _storeys_tier(rule: dict[str, Any], storeys: int) -> Decimal:
    best = None
    for t in rule["tiers"]:
        if t["min_storeys"] <= storeys and (best is None or t["min_storeys"] > best[0]):
            best = (t["min_storeys"], t["yuan"])
    return Decimal(0) if best is None else Decimal(best[1])


def _reserved_shaft(unit: Unit) -> bool:
    for extra in (unit.site.extra, unit.building.extra, unit.extra):
        v = extra.get("reserved_shaft")
        if v is not None:
            if not isinstance(v, bool):
                raise InputError("site.reserved_shaft", "must be true or false")
            return v
    return False


def subsidy_amount(rule: dict[str, Any], unit: Unit, field: str = "subsidies") -> Decimal:
    """Amount of one subsidy rule for a unit [yuan] (before the cap at the capital total).

    ``fixed``: ``yuan``. ``percent_capped``: min(percent % × capital total, cap).
    ``per_stop``: base ± step per stop above/below ``base_stops`` (stops = storeys), at most
    ``max_yuan``, never below 0; ``reserved_shaft_yuan`` instead when the unit's site has
    ``reserved_shaft: true``. ``pipeline``: min(``items_yuan["pipe_relocation"]``, cap).
    ``storeys_tiered``: the tier with the largest ``min_storeys`` not above the storeys
    (0 below the lowest tier). Each rule's amount is rounded to the fen, half up
    (四舍五入), before the rules are summed and capped.

    References
    ----------
    Unit format §4; domain reference §3.3 (W11 Shanghai, W12 per stop, W13 Xuzhou).
    """
    return round_fen(_subsidy_exact(rule, unit, field))


def _subsidy_exact(rule: dict[str, Any], unit: Unit, field: str) -> Decimal | Fraction:
    """One rule's amount [yuan], exact (before the rounding to the fen)."""
    kind = rule.get("type")
    total = unit.costs.total_yuan
    if kind == "fixed":
        return Decimal(rule["yuan"])
    if kind == "percent_capped":
        return min(Fraction(Decimal(rule["percent"])) * Fraction(total) / 100,
                   Fraction(Decimal(rule["cap_yuan"])))
    if kind == "per_stop":
        if _reserved_shaft(unit) and rule.get("reserved_shaft_yuan") is not None:
            return Decimal(rule["reserved_shaft_yuan"])
        stops = unit.building.storeys
        amount = Decimal(rule["base_yuan"]) + Decimal(rule["step_yuan"]) * (
            stops - int(rule["base_stops"]))
        return max(Decimal(0), min(amount, Decimal(rule["max_yuan"])))
    if kind == "pipeline":
        pipe = unit.costs.items_yuan.get("pipe_relocation", Decimal(0))
        return min(pipe, Decimal(rule["cap_yuan"]))
    if kind == "storeys_tiered":
        return _storeys_tier(rule, unit.building.storeys)
    raise InputError(f"{field}.type", f"unknown subsidy type {kind!r}")


def subsidy_total(unit: Unit) -> tuple[Decimal, list[SubsidyLine]]:
    """All subsidies of a unit, summed and capped by the capital total.

    Returns
    -------
    (Decimal, list of SubsidyLine)
        The total [yuan] and one line per rule; when the sum exceeds the capital total a
        last negative line ``cap_to_total`` brings the lines down to it, so the lines always
        add up to the total.
    """
    from .costshare_tables import check_split
    lines: list[SubsidyLine] = []
    for i, rule in enumerate(unit.subsidies):
        f = f"subsidies[{i}]"
        amount = subsidy_amount(rule, unit, f)
        zh, en = SUBSIDY_TITLES.get(rule["type"], (rule["type"], rule["type"]))
        zh = str(rule.get("title_zh") or zh)
        en = str(rule.get("title_en") or en)
        parts: dict[str, Decimal] = {}
        if rule.get("split_percent") is not None:
            split = check_split(rule["split_percent"], f"{f}.split_percent")
            names = list(split)
            got = allocate(amount, [Fraction(v) for v in split.values()], CENT,
                           [0] * len(names))
            parts = dict(zip(names, got))
        note_zh = note_en = ""
        if rule["type"] == "per_stop":
            if _reserved_shaft(unit) and rule.get("reserved_shaft_yuan") is not None:
                note_zh, note_en = "已预留井道", "shaft already reserved"
            else:
                s = unit.building.storeys
                note_zh, note_en = f"{s} 站", f"{s} stops"
        lines.append(SubsidyLine(rule["type"], zh, en, amount, parts, note_zh, note_en))
    total = sum((ln.amount_yuan for ln in lines), Decimal(0))
    capital = unit.costs.total_yuan
    if total > capital:
        lines.append(SubsidyLine("cap_to_total", "补贴不超过总造价", "Capped at the capital total",
                                 capital - total))
        total = capital
    return total, lines


# ============================================================================ weights

def _settings(unit: Unit):
    return unit.share


def coefficients_for(unit: Unit, *, settings: dict[str, Any] | None = None
                     ) -> tuple[dict[int, Decimal], str | None]:
    """Floor → coefficient for a unit: ``share.coefficients``, else ``share.table``, else the
    project's ``coefficient_table`` setting, else the default table. Returns the map and the
    table name (``None`` for the unit's own)."""
    sh = unit.share
    if sh.coefficients is not None:
        return dict(sh.coefficients), None
    from .project_settings import coefficient_table
    name = sh.table or coefficient_table(settings) or DEFAULT_TABLE
    table = load_table(name, field="share.table", settings=settings)
    if table["kind"] != "coefficient":
        raise InputError("share.table", f"{name!r} is a percent table; use it with "
                                        "percent_by_household")
    return table["floors"], name


def percents_for(unit: Unit, *, settings: dict[str, Any] | None = None
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
        return [Fraction(floors.get(h.floor, Decimal(0))) / count[h.floor] for h in hh], \
            sh.table
    return None


def method_weights(unit: Unit, method: str, *, exempt_floors: Sequence[int] | None = None,
                   settings: dict[str, Any] | None = None
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
        for i, h in enumerate(hh):
            if h.floor in exempt:
                weights.append(Fraction(0))
                continue
            if h.floor not in coeffs:
                where = "share.coefficients" if table is None else f"share.coefficients " \
                                                                   f"(table {table})"
                raise InputError(where, f"no coefficient for floor {h.floor} "
                                        f"(household {h.id})")
            c = Fraction(coeffs[h.floor])
            if c < 0:
                raise InputError(f"share.coefficients.{h.floor}", "must not be negative")
            weights.append(c * Fraction(h.area_m2) if method == "floor_coefficient_area"
                           else c)
        return weights, table
    if method == "stair_count":
        return [Fraction(0) if h.floor in exempt else Fraction(h.floor - 1) for h in hh], None
    if method == "equal":
        return [Fraction(0) if h.floor in exempt else Fraction(1) for h in hh], None
    # percent_by_household
    got = percents_for(unit, settings=settings)
    if got is None:
        raise InputError("share.percent_by_floor",
                         "is required for percent_by_household (or share.table naming a "
                         "percent table)")
    percents, table = got
    total = sum(percents, Fraction(0))
    if total != 100:
        raise InputError("share.percent_by_floor",
                         f"percents add up to {_frac_text(total)} over all households, "
                         "not 100")
    for h, p in zip(hh, percents):
        if h.floor in exempt and p != 0:
            raise InputError("share.percent_by_floor",
                             f"floor {h.floor} is exempt but has {_frac_text(p)} %")
    return percents, table


def _frac_text(f: Fraction) -> str:
    if f.denominator == 1:
        return str(f.numerator)
    d = Decimal(f.numerator) / Decimal(f.denominator)
    return str(d.quantize(Decimal("0.0001")).normalize())


# ============================================================================ settings

def _extra_decimal(value, field: str, **kw) -> Decimal:
    return to_decimal(value, field, **kw)


def compensation_settings(unit: Unit) -> dict[str, Any] | None:
    raw = unit.share.extra.get("compensation")
    if raw is None:
        return None
    f = "share.compensation"
    if not isinstance(raw, dict):
        raise InputError(f, "must be an object {mode, yuan|percent, floors}")
    mode = raw.get("mode", "per_household")
    if mode not in COMPENSATION_MODES:
        raise InputError(f"{f}.mode", f"must be one of {', '.join(COMPENSATION_MODES)}, "
                                      f"got {mode!r}")
    floors = raw.get("floors")
    if floors is None:
        floors = list(unit.share.exempt_floors)
    if not isinstance(floors, list) or not floors:
        raise InputError(f"{f}.floors", "must be a non-empty list of receiving floors")
    out: dict[str, Any] = {"mode": mode,
                           "floors": _floor_numbers(floors, f"{f}.floors", unit.building.storeys)}
    if mode == "per_household":
        if raw.get("yuan") is None:
            raise InputError(f"{f}.yuan", "is required for mode per_household")
        out["yuan"] = _extra_decimal(raw["yuan"], f"{f}.yuan")
    else:
        if raw.get("percent") is None:
            raise InputError(f"{f}.percent", "is required for mode percent_of_total")
        p = _extra_decimal(raw["percent"], f"{f}.percent")
        if p > 100:
            raise InputError(f"{f}.percent", f"must be at most 100, got {p}")
        out["percent"] = p
    return out


def _discount_rate(unit: Unit) -> Decimal | None:
    raw = unit.share.extra.get("discount_rate")
    if raw is None:
        return None
    d = _extra_decimal(raw, "share.discount_rate")
    if d >= 1:
        raise InputError("share.discount_rate",
                         f"is a fraction per year (0.03 for 3 %), got {d}")
    return d


def _running_method(unit: Unit, capital_method: str) -> str:
    m = unit.share.extra.get("running_method")
    if m is None:
        return capital_method
    if m not in METHODS:
        raise InputError("share.running_method",
                         f"must be one of {', '.join(METHODS)}, got {m!r}")
    return m


def _running_exempt(unit: Unit) -> list[int]:
    raw = unit.share.extra.get("running_exempt_floors")
    if raw is None:
        return list(unit.share.exempt_floors)
    if not isinstance(raw, list):
        raise InputError("share.running_exempt_floors", "must be a list of floor numbers")
    return _floor_numbers(raw, "share.running_exempt_floors", unit.building.storeys)


def _floor_numbers(values: list, field: str, storeys: int) -> list[int]:
    """``values`` as floor numbers 1…``storeys``; ``InputError`` naming ``field[i]`` if not."""
    out = []
    for i, x in enumerate(values):
        if isinstance(x, bool) or not isinstance(x, (int, Decimal)) or int(x) != x \
                or not 1 <= int(x) <= storeys:
            raise InputError(f"{field}[{i}]", f"must be a floor within 1…{storeys}")
        out.append(int(x))
    return out


def _maintenance_fund(unit: Unit) -> dict[str, Any] | None:
    raw = unit.share.extra.get("maintenance_fund")
    if raw is None:
        return None
    f = "share.maintenance_fund"
    if not isinstance(raw, dict):
        raise InputError(f, "must be an object {per_household_yuan | total_yuan, approved}")
    approved = raw.get("approved", False)
    if not isinstance(approved, bool):
        raise InputError(f"{f}.approved", "must be true or false")
    has_ph = raw.get("per_household_yuan") is not None
    has_t = raw.get("total_yuan") is not None
    if has_ph == has_t:
        raise InputError(f, "give exactly one of per_household_yuan and total_yuan")
    out: dict[str, Any] = {"approved": approved}
    if has_ph:
        out["per_household_yuan"] = _extra_decimal(raw["per_household_yuan"],
                                                   f"{f}.per_household_yuan")
    else:
        out["total_yuan"] = _extra_decimal(raw["total_yuan"], f"{f}.total_yuan")
    return out


def _provident_eligible(h: Household, i: int) -> bool:
    v = h.extra.get("provident_fund_eligible")
    if v is None:
        return True
    if not isinstance(v, bool):
        raise InputError(f"households[{i}].provident_fund_eligible", "must be true or false")
    return v


# ============================================================================ running costs

def annuity_factor(rate: Decimal | None, years: int) -> Fraction:
    """Σ_{t=1..years} 1/(1+rate)^t (exact); ``years`` when there is no rate.

    Running costs are taken as paid at the end of each year.
    """
    if not rate:
        return Fraction(years)
    r = Fraction(rate)
    return sum((1 / (1 + r) ** t for t in range(1, years + 1)), Fraction(0))


def _quantize(f: Fraction, unit: Decimal = CENT) -> Decimal:
    d = Decimal(f.numerator) / Decimal(f.denominator)
    return d.quantize(unit, rounding=ROUND_HALF_EVEN)


# ============================================================================ main entry

def resolve_method(unit: Unit, method: str | None = None, field: str = "share.method") -> str:
    """The method to use: ``method`` when given, else the unit's (default
    ``floor_coefficient_area``)."""
    m = method if method is not None else unit.share.method
    if m not in METHODS:
        raise InputError(field, f"must be one of {', '.join(METHODS)}, got {m!r}")
    return m


def compute_share(unit: Unit, method: str | None = None, *,
                  settings: dict[str, Any] | None = None) -> ShareResult:
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
    hh = unit.households
    floors = [h.floor for h in hh]
    rnd = unit.share.rounding_yuan
    warnings: list[str] = []

    total = unit.costs.total_yuan
    subsidy, lines = subsidy_total(unit)
    if any(ln.type == "cap_to_total" for ln in lines):
        warnings.append("补贴合计超过总造价，按总造价封顶 / subsidies exceed the capital total "
                        "and are capped at it")
    owners_total = total - subsidy

    weights, table = method_weights(unit, method, settings=settings)
    capital = allocate(owners_total, weights, rnd, floors)

    # lower-floor compensation
    comp = [Decimal(0)] * len(hh)
    pool = Decimal(0)
    c = compensation_settings(unit)
    if c is not None:
        receivers = [i for i, h in enumerate(hh) if h.floor in c["floors"]]
        for i in receivers:
            if weights[i] > 0:
                raise InputError("share.compensation.floors",
                                 f"floor {hh[i].floor} both pays and receives compensation")
        if receivers:
            if c["mode"] == "per_household":
                per = c["yuan"]
                pool = per * len(receivers)
                for i in receivers:
                    comp[i] = -per
            else:
                pool = c["percent"] * owners_total / 100
                got = allocate(pool, [1] * len(receivers), rnd,
                               [hh[i].floor for i in receivers])
                for i, g in zip(receivers, got):
                    comp[i] = -g
            paid = allocate(pool, weights, rnd, floors)
            for i, p in enumerate(paid):
                if weights[i] > 0:
                    comp[i] = p
        else:
            warnings.append("补偿楼层没有住户 / no household lives on the compensated floors")

    shares = [_normal(a + b) for a, b in zip(capital, comp)]

    # running costs
    running_method = _running_method(unit, method)
    annual_total = unit.costs.annual_total_yuan
    rate = _discount_rate(unit)
    if annual_total:
        if running_method == method and _running_exempt(unit) == list(
                unit.share.exempt_floors):
            rweights = weights
        else:
            rweights, _ = method_weights(unit, running_method,
                                         exempt_floors=_running_exempt(unit),
                                         settings=settings)
        # yearly amounts are small: split to the fen whatever the capital rounding unit
        annual = allocate(annual_total, rweights, CENT, floors)
        horizon: dict[int, list[Decimal]] = {}
        horizon_total: dict[int, Decimal] = {}
        for years in RUNNING_YEARS:
            pv_total = _quantize(Fraction(annual_total) * annuity_factor(rate, years))
            horizon_total[years] = pv_total
            if rate:
                horizon[years] = allocate(pv_total, [Fraction(a) for a in annual], CENT,
                                          floors)
            else:
                horizon[years] = [a * years for a in annual]
    else:
        annual = [Decimal(0)] * len(hh)
        horizon = {y: [Decimal(0)] * len(hh) for y in RUNNING_YEARS}
        horizon_total = {y: Decimal(0) for y in RUNNING_YEARS}

    # funding sources
    mf = _maintenance_fund(unit)
    mf_amounts = [Decimal(0)] * len(hh)
    approved = None
    if mf is not None:
        approved = mf["approved"]
        if not approved:
            warnings.append("动用维修资金须经业主依民法典第二百七十八条共同决定，尚未通过，"
                            "未计入 / using the maintenance fund is itself an owners' decision "
                            "under Civil Code Art. 278; not approved, so not counted")
        else:
            payers = [i for i in range(len(hh)) if shares[i] > 0]
            if "per_household_yuan" in mf:
                for i in payers:
                    mf_amounts[i] = min(mf["per_household_yuan"], shares[i])
            else:
                split = allocate(mf["total_yuan"], [Fraction(shares[i]) for i in payers],
                                 CENT, [floors[i] for i in payers]) if payers else []
                for i, s in zip(payers, split):
                    mf_amounts[i] = min(s, shares[i])
                unused = mf["total_yuan"] - sum(mf_amounts, Decimal(0))
                if unused > 0:
                    warnings.append(f"维修资金 {unused} 元未用完 / {unused} yuan of the "
                                    "maintenance fund left unused")

    out: list[HouseholdShare] = []
    exempt = set(unit.share.exempt_floors)
    for i, h in enumerate(hh):
        share = shares[i]
        rest = share - mf_amounts[i]
        pf = Decimal(0)
        if h.provident_fund_yuan:
            if _provident_eligible(h, i):
                pf = max(Decimal(0), min(h.provident_fund_yuan, rest))
                if pf < h.provident_fund_yuan:
                    warnings.append(f"{h.id}: 公积金提取以应付份额为限（{pf:,} 元） / "
                                    "provident-fund withdrawal capped at the household's "
                                    f"share ({pf:,} yuan)")
            else:
                warnings.append(f"{h.id}: 不符合公积金提取条件，未计入 / not eligible for a "
                                "provident-fund withdrawal; not counted")
        net = _normal(rest - pf)
        out.append(HouseholdShare(
            id=h.id, floor=h.floor, area_m2=h.area_m2, share_yuan=share,
            compensation_yuan=comp[i], annual_running_yuan=annual[i],
            provident_fund_yuan=pf, maintenance_fund_yuan=mf_amounts[i], cash_yuan=net,
            net_out_of_pocket_yuan=net, running_10y_yuan=horizon[10][i],
            running_15y_yuan=horizon[15][i], capital_yuan=capital[i],
            exempt=h.floor in exempt, weight=weights[i]))

    return ShareResult(
        unit_id=unit.id, method=method, method_title_zh=info["title_zh"],
        method_title_en=info["title_en"], method_source=info["source"], total_yuan=total,
        subsidy_yuan=subsidy, subsidy_lines=lines, owners_total_yuan=owners_total,
        rounding_yuan=rnd, households=out, annual_running_total_yuan=annual_total,
        warnings=warnings, compensation_pool_yuan=pool, running_method=running_method,
        discount_rate=rate, running_10y_total_yuan=horizon_total[10],
        running_15y_total_yuan=horizon_total[15], maintenance_fund_approved=approved,
        table=table)


# ============================================================================ comparison

@dataclass
class MethodRow:
    """One method's shares and spread."""

    method: str
    title_zh: str
    title_en: str
    shares_yuan: dict[str, Decimal]
    top_floor_avg_yuan: Decimal | None
    second_floor_avg_yuan: Decimal | None
    top_vs_second_ratio: Fraction | None       # None when the 2nd floor pays 0
    top_minus_second_yuan: Decimal | None
    max_yuan: Decimal
    min_yuan: Decimal                          # smallest positive share
    max_min_ratio: Fraction | None


@dataclass
class MethodComparison:
    """Every applicable method side by side for one unit."""

    unit_id: str
    owners_total_yuan: Decimal
    households: list[tuple[str, int]]          # (id, floor) in unit order
    rows: list[MethodRow]
    skipped: dict[str, str]                    # method → reason (zh / en)

    def to_json(self) -> dict[str, Any]:
        n = json_number

        def fr(x):
            return None if x is None else float(x)
        return {
            "unit": self.unit_id,
            "owners_total_yuan": n(self.owners_total_yuan),
            "households": [{"id": i, "floor": f} for i, f in self.households],
            "methods": [{
                "method": r.method, "title_zh": r.title_zh, "title_en": r.title_en,
                "shares_yuan": {k: n(v) for k, v in r.shares_yuan.items()},
                "top_floor_avg_yuan": None if r.top_floor_avg_yuan is None
                else n(r.top_floor_avg_yuan),
                "second_floor_avg_yuan": None if r.second_floor_avg_yuan is None
                else n(r.second_floor_avg_yuan),
                "top_vs_second_ratio": fr(r.top_vs_second_ratio),
                "top_minus_second_yuan": None if r.top_minus_second_yuan is None
                else n(r.top_minus_second_yuan),
                "max_yuan": n(r.max_yuan), "min_yuan": n(r.min_yuan),
                "max_min_ratio": fr(r.max_min_ratio)} for r in self.rows],
            "skipped": dict(self.skipped),
        }


def _avg(vals: list[Decimal]) -> Decimal | None:
    if not vals:
        return None
    return _quantize(Fraction(sum(vals, Decimal(0))) / len(vals))


def compare_methods(unit: Unit, *, settings: dict[str, Any] | None = None
                    ) -> MethodComparison:
    """Every applicable method's share per household for one unit, with the spread.

    ``percent_by_household`` appears only when percents are given (``share.percent_by_floor``
    or a percent table); a coefficient method whose table lacks a paying floor is skipped
    with the reason. Spread: the top floor's average share against the 2nd floor's
    (ratio and difference), and the largest against the smallest positive share.
    """
    rows: list[MethodRow] = []
    skipped: dict[str, str] = {}
    owners_total = None
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
            ratio = Fraction(sum(tops, Decimal(0))) * len(seconds) / (
                Fraction(sum(seconds, Decimal(0))) * len(tops))
        diff = None if t_avg is None or s_avg is None else t_avg - s_avg
        positive = [v for v in shares.values() if v > 0]
        mx = max(shares.values())
        mn = min(positive) if positive else Decimal(0)
        rows.append(MethodRow(m, METHOD_INFO[m]["title_zh"], METHOD_INFO[m]["title_en"],
                              shares, t_avg, s_avg, ratio, diff, mx, mn,
                              Fraction(mx) / Fraction(mn) if mn else None))
    if owners_total is None:
        owners_total = unit.costs.total_yuan - subsidy_total(unit)[0]
    return MethodComparison(unit.id, owners_total, [(h.id, h.floor) for h in unit.households],
                            rows, skipped)


# ============================================================================ published check

@dataclass
class PublishedCheck:
    """Published per-household amounts compared with a stated total."""

    sum_yuan: Decimal
    stated_total_yuan: Decimal
    mismatch_yuan: Decimal                     # sum − stated total
    ok: bool
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang == "zh" else self.message_en


def check_published(amounts_yuan: Sequence[Decimal] | dict[str, Decimal],
                    stated_total_yuan: Decimal) -> PublishedCheck:
    """Compare published per-household amounts with the total they claim to split.

    Nothing is "fixed": a mismatch is reported as it is (e.g. Puyang, W3: the amounts add
    up to 402,000 against a stated 400,000 → mismatch +2,000).
    """
    vals = list(amounts_yuan.values()) if isinstance(amounts_yuan, dict) else list(amounts_yuan)
    s = sum((to_decimal(v, "amounts_yuan") for v in vals), Decimal(0))
    stated = to_decimal(stated_total_yuan, "stated_total_yuan")
    diff = s - stated
    if diff == 0:
        zh = f"各户金额合计 {s} 元，与总额一致"
        en = f"amounts add up to {s} yuan, matching the stated total"
    else:
        pct = (Fraction(diff) / Fraction(stated) * 100) if stated else None
        pct_t = "" if pct is None else f"（{_quantize(pct, Decimal('0.1'))} %）"
        pct_e = "" if pct is None else f" ({_quantize(pct, Decimal('0.1'))} %)"
        zh = (f"各户金额合计 {s} 元，与公布总额 {stated} 元相差 {diff:+} 元{pct_t}，"
              "请核对原始资料")
        en = (f"amounts add up to {s} yuan, {diff:+} yuan{pct_e} off the stated total of "
              f"{stated} yuan; check the source")
    return PublishedCheck(s, stated, diff, diff == 0, zh, en)
