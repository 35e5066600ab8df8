"""The households of a unit as one compact JSON column (schema v4).

Up to v3 every household was a row of its own table; opening a project then built a
Python tuple per household just to digest it. From v4 a unit's households are one JSON
array in ``units.households``, one array per household::

    [id, floor, area_m2, owner, vote, exclusive_part_affected, owner_name, contact,
     vote_date, vote_source, max_contribution_yuan, provident_fund_yuan, extra]

Areas and money are decimal strings (``"56.30"``: exact), ``exclusive_part_affected`` is
0 or 1 and ``extra`` is the household's tagged JSON (:mod:`.codec`). The households are
decoded when a unit's ``households`` is first read (:mod:`.lazy`). SQLite's JSON
functions still reach every field, e.g. ``SELECT u.id, h.value ->> 1 FROM units u,
json_each(u.households) h``.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from ..model import Household
from .codec import dumps_tagged, loads_tagged

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _opt(v: Any) -> str | None:
    return None if v is None else str(v)


def household_fields(h: Household) -> list[Any]:
    """The stored fields of one household, ``extra`` left out (see :func:`households_text`)."""
    mc, pf = h.max_contribution_yuan, h.provident_fund_yuan
    return [
        str(h.id),
        int(h.floor),
        str(h.area_m2),
        _opt(h.owner),
        _opt(h.vote),
        int(bool(h.exclusive_part_affected)),
        str(h.owner_name or ""),
        str(h.contact or ""),
        _opt(h.vote_date),
        _opt(h.vote_source),
        _opt(mc),
        _opt(pf),
    ]


def households_text(items: list[tuple[list[Any], str]]) -> str:
    """The JSON column from ``(fields, extra JSON text)`` pairs, in door order."""
    if not items:
        return "[]"
    return "[" + ",".join(_ENCODER.encode(f)[:-1] + "," + extra + "]" for f, extra in items) + "]"


def encode_households(households: list[Household], where: str) -> str:
    """The JSON column of a unit's households (``where`` names the unit in errors)."""
    return households_text(
        [
            (
                household_fields(h),
                dumps_tagged(h.extra, f"{where}.households[{h.id}].extra") if h.extra else "{}",
            )
            for h in households
        ]
    )


def decode_households(text: str) -> list[Household]:
    """The households of a unit from its JSON column (inverse of :func:`encode_households`)."""
    if text == "[]":
        return []
    out = []
    for (
        hid,
        floor,
        area,
        owner,
        vote,
        epa,
        oname,
        contact,
        vdate,
        vsrc,
        mc,
        pf,
        extra,
    ) in loads_tagged(text):
        out.append(
            Household(
                id=hid,
                floor=floor,
                area_m2=Decimal(area),
                owner=owner,
                vote=vote,
                exclusive_part_affected=bool(epa),
                owner_name=oname,
                contact=contact,
                vote_date=vdate,
                vote_source=vsrc,
                max_contribution_yuan=None if mc is None else Decimal(mc),
                provident_fund_yuan=None if pf is None else Decimal(pf),
                extra=extra,
            )
        )
    return out


def from_v3_rows(rows: list[tuple[Any, ...]]) -> str:
    """The JSON column from a unit's v3 ``households`` table rows (the 3 → 4 migration)."""
    return households_text([(list(r[2:14]), r[14]) for r in rows])
