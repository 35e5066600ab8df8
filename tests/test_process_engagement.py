"""Intent flag and the canvassing visit list."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from process_helpers import make_unit

from elevator_eval.errors import InputError
from elevator_eval.process.engagement import intent_summary, visit_list
from elevator_eval.process.records import (
    Contact,
    Intent,
    read_canvass,
    write_canvass,
    write_intent,
)


def register(unit, interested_doors, others_no=()):
    for h in unit.households:
        if h.id in interested_doors:
            write_intent(h, Intent(True, "2026-01-10", "二维码"))
        elif h.id in others_no:
            write_intent(h, Intent(False, "2026-01-10", "二维码"))


def test_intent_flag_at_the_threshold():
    # civil code: 2/3 take part and 3/4 of them agree, by heads and by area; 12 owners of 50 m²
    u = make_unit([None] * 12)
    doors = [h.id for h in u.households]
    register(u, doors[:7], others_no=doors[7:])
    s = intent_summary(u)
    # 7 interested of 12: participation 7/12 < 2/3 → no flag
    assert (s.registered, s.interested, s.meets_threshold) == (12, 7, False)
    register(u, doors[:8])
    # 8 of 12 = 2/3 exactly ("以上" includes it), all 8 yes → flag
    s = intent_summary(u)
    assert (s.interested, s.meets_threshold) == (8, True)
    assert all(h.vote is None for h in u.households)  # the unit itself is untouched


def test_visit_list_puts_the_needed_owners_first():
    # 6 owners; areas 60..110; yes: 101; nobody else voted → participation short
    u = make_unit(
        ["yes", None, None, None, None, None], areas=["60", "70", "80", "90", "100", "110"]
    )
    rows = visit_list(u)
    # yes owner is not listed; 5 others, the needed ones (largest areas) first
    assert next(r.owner for r in rows if r.needed) == "601"
    assert len(rows) == 5 and "101" not in [r.owner for r in rows]
    needed = [r for r in rows if r.needed]
    assert rows[: len(needed)] == needed
    assert [r.area_m2 for r in needed] == sorted((r.area_m2 for r in needed), reverse=True)
    # owners 601 (110), 501 (100), 401 (90): 4 of 6 heads (≥ 2/3) and 360 of 510 m² area
    # taking part (≥ 340) and all yes → three more owners are enough
    assert [r.owner for r in needed] == ["601", "501", "401"]
    assert needed[0].area_m2 == D(110)


def test_visit_rows_carry_the_last_contact_and_concerns():
    u = make_unit(["yes", None, None, None, None, None])
    h = u.household("201")
    write_canvass(
        h,
        [
            Contact("2026-02-01", "visit", "no_contact"),
            Contact("2026-02-09", "phone", "undecided", ["cost", "noise"]),
            Contact("2026-02-05", "online", "undecided", ["cost"]),
        ],
    )
    row = next(r for r in visit_list(u) if r.owner == "201")
    assert (row.contacts, row.last_date, row.last_outcome) == (3, "2026-02-09", "undecided")
    assert row.concerns == ["cost", "noise"]


def test_contact_validation_names_the_field():
    u = make_unit(["yes"])
    h = u.households[0]
    with pytest.raises(InputError) as e:
        write_canvass(h, [Contact("2026-02-01", "fax", "agreed")])
    assert e.value.field == "household 101: canvass[0].channel"
    h.extra["canvass"] = [
        {"date": "2026-02-01", "channel": "visit", "outcome": "agreed", "concerns": ["weather"]}
    ]
    with pytest.raises(InputError, match=r"canvass\[0\]\.concerns\[0\]"):
        read_canvass(h, u.id)
