"""Upkeep: reminder dates from the data file, the yearly ledger split and arrears."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from process_helpers import make_unit

from elevator_eval.errors import InputError
from elevator_eval.process.records import (
    Bill,
    Payment,
    ReserveEntry,
    Upkeep,
    read_process,
    write_process,
)
from elevator_eval.process.upkeep import add_months, reminders, year_statement


def with_upkeep(unit, up):
    pd = read_process(unit)
    pd.upkeep = up
    write_process(unit, pd)
    return unit


def test_add_months_keeps_the_day_or_takes_the_last():
    import datetime as dt

    assert add_months(dt.date(2025, 3, 15), 12) == dt.date(2026, 3, 15)
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2025, 11, 30), 3) == dt.date(2026, 2, 28)


def test_inspection_reminder_one_month_before_and_overdue_after():
    # 特种设备安全法 第四十条: request the inspection a month before the validity ends;
    # last inspection 2025-06-10 → due 2026-06-10, request from 2026-05-11 (30 days before)
    u = with_upkeep(
        make_unit(["yes"] * 6), Upkeep(last_inspection="2025-06-10", contract_end="2026-12-31")
    )
    assert reminders(u, "2026-05-10") == []
    r = reminders(u, "2026-05-11")
    assert [(x.kind, x.state, x.due) for x in r] == [("inspection", "upcoming", "2026-06-10")]
    assert [(x.kind, x.state) for x in reminders(u, "2026-06-10")] == [("inspection", "upcoming")]
    assert [(x.kind, x.state) for x in reminders(u, "2026-06-11")] == [("inspection", "overdue")]
    # contract: 60 days before 2026-12-31 is 2026-11-01
    kinds = [(x.kind, x.state) for x in reminders(u, "2026-11-01")]
    assert ("contract", "upcoming") in kinds
    assert ("contract", "overdue") in [(x.kind, x.state) for x in reminders(u, "2027-01-01")]


def equal_unit():
    u = make_unit(["yes"] * 6)
    u.share.method = "equal"
    u.share.given = True
    return u


def test_year_split_by_the_agreed_rule_adds_up_exactly():
    u = with_upkeep(
        equal_unit(),
        Upkeep(
            bills=[
                Bill(2026, "维保费", D("6000.00")),
                Bill(2026, "电费", D("1000.01")),
                Bill(2025, "维保费", D("5000.00")),
            ],
            payments=[
                Payment(2026, "101", D("1166.67"), "2026-03-01"),
                Payment(2026, "201", D("500.00"), "2026-03-02"),
                Payment(2026, "301", D("1200.00"), "2026-03-03"),
                Payment(2025, "401", D("900.00"), "2025-03-03"),
            ],
            reserve=[
                ReserveEntry("2025-01-05", D("3000.00"), "设立"),
                ReserveEntry("2026-02-01", D("600.00"), "补充"),
                ReserveEntry("2026-08-20", D("-450.50"), "更换门机皮带"),
            ],
        ),
    )
    st = year_statement(u, 2026)
    # 7000.01 over 6 equal households (rounding unit 1 yuan by default): shares add up
    assert st.bills_total_yuan == D("7000.01")
    assert sum(r.share_yuan for r in st.rows) == D("7000.01")
    shares = sorted(r.share_yuan for r in st.rows)
    assert shares[-1] - shares[0] <= 1
    by = {r.household: r for r in st.rows}
    assert by["201"].paid_yuan == D("500.00")
    assert by["201"].arrears_yuan == by["201"].share_yuan - D("500.00")
    assert by["401"].paid_yuan == 0  # 2025's payment is not 2026's
    assert st.paid_total_yuan == D("2866.67")
    assert st.arrears_total_yuan == sum(r.arrears_yuan for r in st.rows)
    # reserve: 3000 before; +600 −450.50 in the year → 3149.50
    assert (st.reserve_start_yuan, st.reserve_in_yuan, st.reserve_out_yuan) == (
        D("3000.00"),
        D("600.00"),
        D("450.50"),
    )
    assert st.reserve_end_yuan == D("3149.50")


def test_payment_for_an_unknown_door_is_named():
    u = with_upkeep(equal_unit(), Upkeep(payments=[Payment(2026, "909", D(1), "2026-01-01")]))
    with pytest.raises(InputError) as e:
        year_statement(u, 2026)
    assert "payments[0].household" in e.value.field


def test_money_with_more_than_two_places_is_refused():
    u = equal_unit()
    u.extra["process"] = {
        "upkeep": {"bills": [{"year": 2026, "item": "电费", "amount_yuan": "10.005"}]}
    }
    with pytest.raises(InputError, match=r"bills\[0\]\.amount_yuan"):
        read_process(u)
