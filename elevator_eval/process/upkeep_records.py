"""Upkeep records of an elevator in service (kept in ``unit.extra["process"]["upkeep"]``):
使用管理人, maintenance contract, inspections, faults, bills, payments, reserve fund."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..errors import InputError
from .fields import (
    date_field,
    list_field,
    money_field,
    money_text,
    obj_field,
    text_field,
    year_field,
)


@dataclass
class Bill:
    """A running-cost bill of one year (maintenance, electricity, inspection …) [yuan]."""

    year: int
    item: str
    amount_yuan: Decimal


@dataclass
class Payment:
    """What one household paid towards one year's running costs [yuan]."""

    year: int
    household: str
    amount_yuan: Decimal
    date: str


@dataclass
class Fault:
    date: str
    text: str
    fixed: str | None = None


@dataclass
class ReserveEntry:
    """A movement of the reserve fund: paid in (> 0) or spent (< 0) [yuan]."""

    date: str
    amount_yuan: Decimal
    note: str = ""


@dataclass
class Upkeep:
    """Upkeep after installation: 使用管理人, maintenance contract, inspections, ledger."""

    manager: str = ""
    manager_contact: str = ""
    contractor: str = ""
    contract_fee_yuan: Decimal | None = None
    contract_start: str | None = None
    contract_end: str | None = None
    last_inspection: str | None = None
    faults: list[Fault] = field(default_factory=list)
    bills: list[Bill] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    reserve: list[ReserveEntry] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "manager": self.manager,
            "manager_contact": self.manager_contact,
            "contractor": self.contractor,
            "contract_fee_yuan": None
            if self.contract_fee_yuan is None
            else money_text(self.contract_fee_yuan),
            "contract_start": self.contract_start,
            "contract_end": self.contract_end,
            "last_inspection": self.last_inspection,
            "faults": [{"date": f.date, "text": f.text, "fixed": f.fixed} for f in self.faults],
            "bills": [
                {"year": b.year, "item": b.item, "amount_yuan": money_text(b.amount_yuan)}
                for b in self.bills
            ],
            "payments": [
                {
                    "year": p.year,
                    "household": p.household,
                    "amount_yuan": money_text(p.amount_yuan),
                    "date": p.date,
                }
                for p in self.payments
            ],
            "reserve": [
                {"date": r.date, "amount_yuan": money_text(r.amount_yuan), "note": r.note}
                for r in self.reserve
            ],
        }


def parse_upkeep(d: dict[str, Any], w: str) -> Upkeep:
    fee = d.get("contract_fee_yuan")
    u = Upkeep(
        manager=text_field(d.get("manager"), f"{w}.manager", max_chars=200),
        manager_contact=text_field(d.get("manager_contact"), f"{w}.manager_contact", max_chars=200),
        contractor=text_field(d.get("contractor"), f"{w}.contractor", max_chars=200),
        contract_fee_yuan=None if fee is None else money_field(fee, f"{w}.contract_fee_yuan"),
        contract_start=date_field(d.get("contract_start"), f"{w}.contract_start", required=False),
        contract_end=date_field(d.get("contract_end"), f"{w}.contract_end", required=False),
        last_inspection=date_field(
            d.get("last_inspection"), f"{w}.last_inspection", required=False
        ),
    )
    if u.contract_start and u.contract_end and u.contract_end < u.contract_start:
        raise InputError(f"{w}.contract_end", "is before contract_start")
    for i, f in enumerate(list_field(d.get("faults"), f"{w}.faults")):
        p = f"{w}.faults[{i}]"
        f = obj_field(f, p)
        u.faults.append(
            Fault(
                date_field(f.get("date"), f"{p}.date"),
                text_field(f.get("text"), f"{p}.text", required=True),
                date_field(f.get("fixed"), f"{p}.fixed", required=False),
            )
        )
    for i, b in enumerate(list_field(d.get("bills"), f"{w}.bills")):
        p = f"{w}.bills[{i}]"
        b = obj_field(b, p)
        u.bills.append(
            Bill(
                year_field(b.get("year"), f"{p}.year"),
                text_field(b.get("item"), f"{p}.item", required=True, max_chars=100),
                money_field(b.get("amount_yuan"), f"{p}.amount_yuan"),
            )
        )
    for i, q in enumerate(list_field(d.get("payments"), f"{w}.payments")):
        p = f"{w}.payments[{i}]"
        q = obj_field(q, p)
        u.payments.append(
            Payment(
                year_field(q.get("year"), f"{p}.year"),
                text_field(q.get("household"), f"{p}.household", required=True, max_chars=40),
                money_field(q.get("amount_yuan"), f"{p}.amount_yuan"),
                date_field(q.get("date"), f"{p}.date"),
            )
        )
    for i, r in enumerate(list_field(d.get("reserve"), f"{w}.reserve")):
        p = f"{w}.reserve[{i}]"
        r = obj_field(r, p)
        u.reserve.append(
            ReserveEntry(
                date_field(r.get("date"), f"{p}.date"),
                money_field(r.get("amount_yuan"), f"{p}.amount_yuan", allow_negative=True),
                text_field(r.get("note"), f"{p}.note", max_chars=200),
            )
        )
    return u
