"""Life-cycle cost of a product in a unit: capital, costs outside the quote, maintenance,
electricity and inspection, undiscounted and as a present value. Analysis only: the legal
price score of a tender uses the bid price (:mod:`.tender`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any, TypedDict

from ..errors import InputError
from ..model import Unit
from ..money import to_decimal
from ..preinstall.assumptions import load_assumptions
from .catalogue import Amount, Product, category_row, default_value, defaults, usage_category
from .pricing import unit_price_yuan


@dataclass
class LccYear:
    """Running cost of one year [yuan]."""

    year: int
    maintenance_yuan: Decimal
    electricity_yuan: Decimal
    inspection_yuan: Decimal

    @property
    def total_yuan(self) -> Decimal:
        return self.maintenance_yuan + self.electricity_yuan + self.inspection_yuan


@dataclass
class LifeCycleCost:
    """Life-cycle cost of one product in one unit over ``years``.

    Attributes
    ----------
    capital_yuan : Decimal
        Price per elevator at the tier used + corridor when counted [yuan].
    maintenance_yuan, electricity_yuan, inspection_yuan : Decimal
        Undiscounted sums over the years [yuan].
    total_yuan : Decimal
        Undiscounted capital + costs outside the quote + running costs [yuan].
    outside_quote_yuan : dict of str to Decimal
        Costs outside the quote: pipe relocation, meter moves, insurance, contingency
        [yuan, at year 0].
    npv_yuan : Decimal
        Present value at ``discount_rate`` (capital at year 0, running costs at each year's
        end), rounded to the yuan.
    annual_energy_kwh : Decimal
        Standby + travel energy per year [kWh].
    usage_category : int
        VDI 4707-1 category used for the standby hours.
    trips_per_day : Decimal
    assumptions : list of str
        The defaults used, with their labels (assumption / app default).
    """

    unit_id: str
    product_id: str
    years: int
    discount_rate: Decimal
    capital_yuan: Decimal
    corridor_counted: bool
    maintenance_yuan: Decimal
    electricity_yuan: Decimal
    inspection_yuan: Decimal
    total_yuan: Decimal
    npv_yuan: Decimal
    annual_energy_kwh: Decimal
    usage_category: int
    trips_per_day: Decimal
    per_year: list[LccYear] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    outside_quote_yuan: dict[str, Decimal] = field(default_factory=dict)

    @property
    def outside_quote_total_yuan(self) -> Decimal:
        return sum(self.outside_quote_yuan.values(), Decimal(0))

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit_id,
            "product": self.product_id,
            "years": self.years,
            "discount_rate": self.discount_rate,
            "capital_yuan": self.capital_yuan,
            "corridor_counted": self.corridor_counted,
            "maintenance_yuan": self.maintenance_yuan,
            "electricity_yuan": self.electricity_yuan,
            "inspection_yuan": self.inspection_yuan,
            "total_yuan": self.total_yuan,
            "npv_yuan": self.npv_yuan,
            "annual_energy_kwh": self.annual_energy_kwh,
            "usage_category": self.usage_category,
            "trips_per_day": self.trips_per_day,
            "outside_quote_yuan": dict(self.outside_quote_yuan),
            "outside_quote_total_yuan": self.outside_quote_total_yuan,
            "basis": "analysis",
        }


def corridor_counted(unit: Unit) -> bool:
    """The corridor line counts for flat entry, and when the entry mode is not surveyed."""
    return unit.site.entry_mode in (None, "flat")


def annual_energy_kwh(
    product: Product,
    *,
    usage_category: int,
    trips_per_day: Decimal,
    days_per_year: int | None = None,
) -> Decimal:
    """Yearly energy of a lift [kWh]: standby + travel.

    ``standby_power_w × standby_h_per_day(category) × days / 1000 +
    energy_per_trip_wh × trips_per_day × days / 1000``.

    References
    ----------
    VDI 4707-1 standby hours (domain research §7); trips per day are an app assumption.
    """
    days = Decimal(days_per_year if days_per_year is not None else default_value("days_per_year"))
    standby_h = Decimal(str(category_row(usage_category)["standby_h_per_day"]))
    trips = to_decimal(trips_per_day, "trips_per_day")
    standby = product.standby_power_w * standby_h * days / 1000
    travel = product.energy_per_trip_wh * trips * days / 1000
    return standby + travel


OUTSIDE_LABELS = {
    "pipe_relocation": ("管线迁改", "pipe relocation"),
    "meter_move": ("表具移位", "meter moves"),
    "insurance": ("工程保险", "works insurance"),
    "contingency": ("不可预见费", "contingency"),
}
"""Costs outside the quote, in the order they are added."""


def outside_quote_costs(
    unit: Unit,
    capital_yuan: Decimal,
    *,
    insurance_percent: Amount | None = None,
    contingency_percent: Amount | None = None,
    notes: list[str] | None = None,
) -> dict[str, Decimal]:
    """Costs of the retrofit that no elevator quote contains [yuan, whole yuan].

    - ``pipe_relocation``: the unit's cost line ``costs.items_yuan.pipe_relocation``, else the
      most likely relocation cost of the pipes found in the footprint (the pre-installation
      assumption set), else its estimate for pipes not surveyed;
    - ``meter_move``: the unit's line ``meter_move``, else the default;
    - ``insurance``: a percentage of the capital;
    - ``contingency``: a percentage of the capital and the three lines above.
    """
    given = unit.costs.items_yuan or {}
    one = Decimal(1)
    if "pipe_relocation" in given:
        pipe = Decimal(given["pipe_relocation"])
    else:
        a = load_assumptions()
        pipes = unit.site.pipes_in_footprint
        table = a["pipe_relocation_yuan"]
        pipe = (
            Decimal(a["pipe_relocation_unsurveyed_yuan"]["mode"])
            if pipes is None
            else sum((Decimal(table[k]["mode"]) for k in pipes if k in table), Decimal(0))
        )
        if notes is not None:
            notes.append(
                "管线迁改按先期预埋假设的最可能值 / pipe relocation at the most likely "
                "value of the pre-installation assumptions (assumption)"
            )
    meter = (
        Decimal(given["meter_move"]) if "meter_move" in given else _noted("meter_move_yuan", notes)
    )
    ins_pct = (
        _noted("insurance_percent", notes)
        if insurance_percent is None
        else to_decimal(insurance_percent, "insurance_percent")
    )
    con_pct = (
        _noted("contingency_percent", notes)
        if contingency_percent is None
        else to_decimal(contingency_percent, "contingency_percent")
    )
    insurance = (capital_yuan * ins_pct / 100).quantize(one, ROUND_HALF_UP)
    base = capital_yuan + pipe + meter + insurance
    contingency = (base * con_pct / 100).quantize(one, ROUND_HALF_UP)
    return {
        "pipe_relocation": pipe,
        "meter_move": meter,
        "insurance": insurance,
        "contingency": contingency,
    }


def _noted(key: str, notes: list[str] | None) -> Decimal:
    value = Decimal(default_value(key))
    if notes is not None:
        e = defaults()[key]
        notes.append(f"{e['title_zh']} {value} / {e['title_en']} {value} ({e['source']})")
    return value


def _settings(
    notes: list[str],
    years: int | None,
    discount_rate: Amount | None,
    tariff: Amount | None,
    inspection: Amount | None,
) -> tuple[int, Decimal, Decimal, Decimal]:
    """The horizon, rate, tariff and inspection fee, defaults noted."""
    if years is None:
        years = int(default_value("years"))
        notes.append(_note("years", years))
    if isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= 60:
        raise InputError("years", f"must be a whole number 1–60, got {years!r}")
    values = []
    for key, given in (
        ("discount_rate", discount_rate),
        ("electricity_yuan_per_kwh", tariff),
        ("inspection_yuan_per_year", inspection),
    ):
        if given is None:
            v = Decimal(default_value(key))
            notes.append(_note(key, v))
        else:
            v = to_decimal(given, key)
        values.append(v)
    if values[0] >= 1:
        raise InputError(
            "discount_rate", f"must be a fraction below 1 (0.03 = 3 %), got {values[0]}"
        )
    return years, values[0], values[1], values[2]


def _note(key: str, value: object) -> str:
    e = defaults()[key]
    return f"{e['title_zh']} {value} / {e['title_en']} {value} ({e['source']})"


def _trips(
    unit: Unit, notes: list[str], trips_per_day: Amount | None, per_household: Amount | None
) -> Decimal:
    n = len(unit.households)
    if trips_per_day is not None:
        return to_decimal(trips_per_day, "trips_per_day")
    if per_household is not None:
        return to_decimal(per_household, "trips_per_household_per_day") * n
    per_hh = Decimal(default_value("trips_per_household_per_day"))
    notes.append(_note("trips_per_household_per_day", per_hh))
    return per_hh * n


class UsageOptions(TypedDict, total=False):
    """The optional inputs of :func:`life_cycle_cost` that a comparison passes through."""

    electricity_yuan_per_kwh: Decimal | str | None
    inspection_yuan_per_year: Decimal | str | None
    trips_per_day: Decimal | str | None
    trips_per_household_per_day: Decimal | str | None
    usage_category: int | None
    insurance_percent: Amount | None
    contingency_percent: Amount | None


def life_cycle_cost(
    unit: Unit,
    product: Product,
    *,
    years: int | None = None,
    discount_rate: Decimal | str | None = None,
    quantity: int = 1,
    electricity_yuan_per_kwh: Decimal | str | None = None,
    inspection_yuan_per_year: Decimal | str | None = None,
    trips_per_day: Decimal | str | None = None,
    trips_per_household_per_day: Decimal | str | None = None,
    usage_category: int | None = None,
    insurance_percent: Amount | None = None,
    contingency_percent: Amount | None = None,
) -> LifeCycleCost:
    """Life-cycle cost of ``product`` in ``unit`` over ``years`` (default 15). Analysis: the
    legal price score uses the bid price only.

    capital (tier price at ``quantity`` + corridor when counted) + the costs outside the
    quote (:func:`outside_quote_costs`, at year 0) + maintenance after the free years +
    electricity (standby by VDI 4707 category + trips × energy per trip) + yearly
    inspection; NPV with ``discount_rate`` (year-0 amounts undiscounted, running costs at
    year ends).

    Parameters
    ----------
    years : int
        Horizon [a], 1–60; default 15 (app default, see the rule data).
    discount_rate : Decimal
        Yearly discount rate as a fraction (0.03 = 3 %), 0 ≤ r < 1; default 0.03 (assumption).
    quantity : int
        Elevators bought together (selects the volume tier).
    electricity_yuan_per_kwh, inspection_yuan_per_year : Decimal
        Defaults 0.6 yuan/kWh and 600 yuan/year (assumption / weak source).
    trips_per_day, trips_per_household_per_day : Decimal
        Trips a day; default 7.5 per household (assumption).
    usage_category : int
        VDI 4707-1 category; default from the number of households.
    insurance_percent, contingency_percent : Decimal
        Defaults 0.3 % and 5 % (assumption).
    """
    # Long: only through the parameter documentation; the code is 32 lines
    # over 60 lines only through the parameter documentation; the body is short
    notes: list[str] = []
    years, rate, tariff, inspection = _settings(
        notes, years, discount_rate, electricity_yuan_per_kwh, inspection_yuan_per_year
    )
    trips = _trips(unit, notes, trips_per_day, trips_per_household_per_day)
    category = (
        usage_category if usage_category is not None else usage_category_of(len(unit.households))
    )
    corridor = corridor_counted(unit)
    capital = unit_price_yuan(product, quantity) + (product.corridor_yuan if corridor else 0)
    outside = outside_quote_costs(
        unit,
        capital,
        insurance_percent=insurance_percent,
        contingency_percent=contingency_percent,
        notes=notes,
    )
    energy_kwh = annual_energy_kwh(product, usage_category=category, trips_per_day=trips)
    electricity = _yuan2(energy_kwh * tariff)
    per_year = [
        LccYear(
            y,
            product.maintenance_yuan_per_year if y > product.free_maintenance_years else Decimal(0),
            electricity,
            inspection,
        )
        for y in range(1, years + 1)
    ]
    outside_sum = sum(outside.values(), Decimal(0))
    with localcontext() as ctx:
        ctx.prec = 40
        npv = Decimal(capital) + outside_sum
        factor = Decimal(1)
        for row in per_year:
            factor = factor * (1 + rate)
            npv += row.total_yuan / factor
    maint_sum = sum((r.maintenance_yuan for r in per_year), Decimal(0))
    return LifeCycleCost(
        unit.id,
        product.id,
        years,
        rate,
        capital,
        corridor,
        maint_sum,
        electricity * years,
        inspection * years,
        capital + outside_sum + maint_sum + electricity * years + inspection * years,
        npv.quantize(Decimal(1), ROUND_HALF_UP),
        energy_kwh.quantize(Decimal("0.1"), ROUND_HALF_UP),
        category,
        trips,
        per_year,
        notes,
        outside,
    )


def usage_category_of(households: int) -> int:
    """Alias of :func:`usage_category`."""
    return usage_category(households)


def _yuan2(d: Decimal) -> Decimal:
    return d.quantize(Decimal("0.01"), ROUND_HALF_UP)
