"""Upkeep after installation: inspection and contract reminders, the yearly ledger.

Reminder periods are data (``rules/upkeep/default.json``): the periodic inspection falls
due ``inspection_interval_months`` after the last one, and the user must request it
``inspection_request_days_before`` days before (特种设备安全法 第四十条: 检验合格有效期届满前
一个月). The maintenance contract reminder (经验值) comes ``contract_renewal_days_before``
days before the contract ends.

The yearly ledger splits a year's running-cost bills over the households by the unit's
agreed running-cost rule, through :func:`elevator_eval.costshare.compute_share` (the
``annual_running_yuan`` of each household: exact, the shares add up to the bills), and
sets what each household paid against its share: arrears = share − paid when positive,
credit when negative. All money is Decimal [yuan].
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .. import ruledata
from ..costshare import compute_share
from ..errors import InputError
from ..model import Project, Unit
from .records import read_process
from .upkeep_records import Fault, Upkeep

KIND = "upkeep"
ZERO = Decimal(0)


@dataclass(frozen=True)
class UpkeepRules:
    name: str
    source: str
    inspection_interval_months: int
    inspection_request_days_before: int
    contract_renewal_days_before: int


def _validate(data: dict[str, Any]) -> UpkeepRules:
    vals = []
    for key in (
        "inspection_interval_months",
        "inspection_request_days_before",
        "contract_renewal_days_before",
    ):
        v = data.get(key)
        if isinstance(v, bool) or not isinstance(v, int) or not 0 < v <= 3660:
            raise InputError(f"upkeep {data.get('name')}.{key}", "must be a positive integer")
        vals.append(v)
    return UpkeepRules(data["name"], data["source"], *vals)


def load_rules(name: str = "default") -> UpkeepRules:
    rules: UpkeepRules = ruledata.load_ruleset(KIND, name, _validate)
    return rules


def add_months(day: _dt.date, months: int) -> _dt.date:
    """``day`` plus whole months; the 31st becomes the month's last day when shorter."""
    m = day.month - 1 + months
    y, m = day.year + m // 12, m % 12 + 1
    return day.replace(year=y, month=m, day=min(day.day, calendar.monthrange(y, m)[1]))


@dataclass
class Reminder:
    """Something due: ``kind`` ``inspection`` or ``contract``; ``state`` ``upcoming``
    (the request period has begun), ``overdue`` (past the due date)."""

    unit_id: str
    kind: str
    due: str
    state: str
    zh: str
    en: str

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit_id,
            "kind": self.kind,
            "due": self.due,
            "state": self.state,
            "zh": self.zh,
            "en": self.en,
        }


def inspection_due(up: Upkeep, rules: UpkeepRules | None = None) -> str | None:
    """Date the next periodic inspection is due (``None`` before the first one)."""
    if not up.last_inspection:
        return None
    rules = rules or load_rules()
    return add_months(
        _dt.date.fromisoformat(up.last_inspection), rules.inspection_interval_months
    ).isoformat()


def reminders(unit: Unit, as_of: str, rules: UpkeepRules | None = None) -> list[Reminder]:
    """The inspection and contract reminders of ``unit`` on ``as_of``."""
    rules = rules or load_rules()
    up = read_process(unit).upkeep
    if up is None:
        return []
    today = _dt.date.fromisoformat(as_of)
    out = []
    due = inspection_due(up, rules)
    if due is not None:
        d = _dt.date.fromisoformat(due)
        if today > d:
            out.append(
                Reminder(
                    unit.id,
                    "inspection",
                    due,
                    "overdue",
                    f"定期检验已过期（应于 {due} 前完成）",
                    f"periodic inspection overdue (due {due})",
                )
            )
        elif today >= d - _dt.timedelta(days=rules.inspection_request_days_before):
            out.append(
                Reminder(
                    unit.id,
                    "inspection",
                    due,
                    "upcoming",
                    f"请向检验机构申请定期检验（{due} 到期）",
                    f"request the periodic inspection (due {due})",
                )
            )
    if up.contract_end:
        d = _dt.date.fromisoformat(up.contract_end)
        if today > d:
            out.append(
                Reminder(
                    unit.id,
                    "contract",
                    up.contract_end,
                    "overdue",
                    f"维保合同已于 {up.contract_end} 到期",
                    f"maintenance contract ended on {up.contract_end}",
                )
            )
        elif today >= d - _dt.timedelta(days=rules.contract_renewal_days_before):
            out.append(
                Reminder(
                    unit.id,
                    "contract",
                    up.contract_end,
                    "upcoming",
                    f"维保合同将于 {up.contract_end} 到期，请续签",
                    f"maintenance contract ends on {up.contract_end}: renew",
                )
            )
    return out


def project_reminders(project: Project, as_of: str) -> list[Reminder]:
    rules = load_rules()
    return [r for u in project.units() for r in reminders(u, as_of, rules)]


# -------------------------------------------------------------------------- statement


@dataclass
class LedgerRow:
    """One household in a year's ledger [yuan]."""

    household: str
    floor: int
    share_yuan: Decimal
    paid_yuan: Decimal

    @property
    def arrears_yuan(self) -> Decimal:
        """Still owed (0 when paid in full or more)."""
        return max(self.share_yuan - self.paid_yuan, ZERO)

    @property
    def credit_yuan(self) -> Decimal:
        return max(self.paid_yuan - self.share_yuan, ZERO)


@dataclass
class YearStatement:
    """A unit's running costs of one year: bills, shares, payments, reserve, faults."""

    unit_id: str
    year: int
    bills: list[tuple[str, Decimal]]
    rows: list[LedgerRow]
    method: str
    reserve_start_yuan: Decimal
    reserve_in_yuan: Decimal
    reserve_out_yuan: Decimal
    faults: list[Fault] = field(default_factory=list)
    manager: str = ""
    contractor: str = ""
    contract_fee_yuan: Decimal | None = None
    contract_end: str | None = None
    last_inspection: str | None = None
    next_inspection: str | None = None

    @property
    def bills_total_yuan(self) -> Decimal:
        return sum((a for _, a in self.bills), ZERO)

    @property
    def paid_total_yuan(self) -> Decimal:
        return sum((r.paid_yuan for r in self.rows), ZERO)

    @property
    def arrears_total_yuan(self) -> Decimal:
        return sum((r.arrears_yuan for r in self.rows), ZERO)

    @property
    def reserve_end_yuan(self) -> Decimal:
        return self.reserve_start_yuan + self.reserve_in_yuan - self.reserve_out_yuan

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit_id,
            "year": self.year,
            "method": self.method,
            "bills": [{"item": i, "amount_yuan": a} for i, a in self.bills],
            "bills_total_yuan": self.bills_total_yuan,
            "households": [
                {
                    "household": r.household,
                    "floor": r.floor,
                    "share_yuan": r.share_yuan,
                    "paid_yuan": r.paid_yuan,
                    "arrears_yuan": r.arrears_yuan,
                    "credit_yuan": r.credit_yuan,
                }
                for r in self.rows
            ],
            "paid_total_yuan": self.paid_total_yuan,
            "arrears_total_yuan": self.arrears_total_yuan,
            "reserve": {
                "start_yuan": self.reserve_start_yuan,
                "in_yuan": self.reserve_in_yuan,
                "out_yuan": self.reserve_out_yuan,
                "end_yuan": self.reserve_end_yuan,
            },
            "faults": [{"date": f.date, "text": f.text, "fixed": f.fixed} for f in self.faults],
            "next_inspection": self.next_inspection,
        }


def year_statement(unit: Unit, year: int, project: Project | None = None) -> YearStatement:
    """Build the ledger of ``year`` for ``unit``.

    Raises
    ------
    InputError
        ``upkeep`` when the unit has no upkeep record; ``upkeep.payments`` naming a door
        that is not in the unit; whatever the share engine raises for the unit's rule.
    """
    up = read_process(unit).upkeep
    if up is None:
        raise InputError("upkeep", f"unit {unit.id} has no upkeep record")
    doors = {h.id for h in unit.households}
    for i, p in enumerate(up.payments):
        if p.household not in doors:
            raise InputError(
                f"unit {unit.id}: process.upkeep.payments[{i}].household",
                f"no household {p.household!r} in the unit",
            )
    bills = [(b.item, b.amount_yuan) for b in up.bills if b.year == year]
    total = sum((a for _, a in bills), ZERO)
    trial = unit.clone()
    trial.costs.annual_om_yuan = {"running": total}
    share = compute_share(trial, settings=project.settings if project is not None else None)
    paid: dict[str, Decimal] = {}
    for p in up.payments:
        if p.year == year:
            paid[p.household] = paid.get(p.household, ZERO) + p.amount_yuan
    rows = [
        LedgerRow(h.id, h.floor, h.annual_running_yuan, paid.get(h.id, ZERO))
        for h in share.households
    ]
    start = f"{year:04d}-01-01"
    end = f"{year:04d}-12-31"
    before = sum((r.amount_yuan for r in up.reserve if r.date < start), ZERO)
    within = [r.amount_yuan for r in up.reserve if start <= r.date <= end]
    return YearStatement(
        unit.id,
        year,
        bills,
        rows,
        share.running_method or share.method,
        before,
        sum((a for a in within if a > 0), ZERO),
        -sum((a for a in within if a < 0), ZERO),
        [f for f in up.faults if start <= f.date <= end],
        up.manager,
        up.contractor,
        up.contract_fee_yuan,
        up.contract_end,
        up.last_inspection,
        inspection_due(up),
    )
