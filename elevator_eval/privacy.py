"""Residents' personal information: what is held about one resident, erasing it, retention.

The Personal Information Protection Law (个人信息保护法, PIPL) gives a resident the right
to know and copy what is held about them (Art. 44, 45) and to have it deleted when the
purpose is met, the retention period has ended or consent is withdrawn (Art. 47); a
handler keeps personal information no longer than the purpose needs (Art. 19). See
``docs/privacy.md`` for the mapping.

A *resident* is one owner of one unit, chosen as ``UNIT:ID`` (``ID``: the owner id or a
door number of that unit) or by the owner id alone when it names one owner in the whole
project.

- :func:`resident_record`: everything held about the resident — their households (name,
  contact, door, floor, area, vote, vote date and source, contribution limits, every
  ``extra`` field such as canvassing notes, objections or scanned signatures), the vote-log
  entries about those doors, and the erasures and retention setting of the project.
- :func:`erase_resident`: name, contact, contribution limits and every ``extra`` field
  are deleted, the owner id becomes a pseudonym (so the resident still counts as one head),
  and the notes of the resident's vote-log entries become tombstones
  (:func:`elevator_eval.audit.tombstone`): the chain still verifies and its published head
  is unchanged. Door, floor, area and vote stay: they are the record of the owners'
  decision under the Civil Code (Art. 278, open to challenge under Art. 280) and the other
  owners' tally and shares depend on them (de-identified, not anonymous: see
  ``docs/privacy.md``).
- Retention (:func:`retention_days`, :func:`set_retention_days`, :func:`expired`,
  :func:`purge_expired`): contact details and notes of households whose vote was recorded
  more than N days ago are deleted on request; N is a project setting (``None``: no
  automatic period, the default).
- :func:`scrub`: masks phone numbers, identity-card numbers and e-mail addresses in text
  that leaves the program as an error line (the command line's ``error:`` output).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .audit import tombstone, unlogged_votes
from .errors import InputError
from .model import Household, Project, Unit

SETTINGS_KEY = "privacy"
"""``Project.settings`` key of this module's data (retention, erasure records)."""

_PHONE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")
_ID_CARD = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def scrub(text: str) -> str:
    """``text`` with phone numbers, identity-card numbers and e-mail addresses masked."""
    text = _ID_CARD.sub("[身份证号已隐去]", text)
    text = _PHONE.sub("[电话已隐去]", text)
    text = _LANDLINE.sub("[电话已隐去]", text)
    return _EMAIL.sub("[邮箱已隐去]", text)


# ------------------------------------------------------------------------------ residents


@dataclass
class Resident:
    """One owner of one unit and their households there."""

    unit: Unit
    owner_id: str
    households: list[Household]

    @property
    def ref(self) -> str:
        return f"{self.unit.id}:{self.owner_id}"


def _owners(unit: Unit) -> dict[str, list[Household]]:
    out: dict[str, list[Household]] = {}
    for h in unit.households:
        out.setdefault(h.owner_id, []).append(h)
    return out


def find_resident(project: Project, selector: str) -> Resident:
    """The resident named by ``UNIT:ID`` or by an owner id unique in the project.

    Raises
    ------
    InputError
        naming ``--resident``: no such resident, or an id found in several units.
    """
    selector = (selector or "").strip()
    if not selector:
        raise InputError("--resident", "must name a resident (UNIT:OWNER or UNIT:DOOR)")
    if ":" in selector:
        unit_id, rid = selector.split(":", 1)
        try:
            unit = project.find_unit(unit_id)
        except KeyError:
            raise InputError("--resident", f"no unit {unit_id!r} in the project") from None
        owners = _owners(unit)
        if rid in owners:
            return Resident(unit, rid, owners[rid])
        door = next((h for h in unit.households if h.id == rid), None)
        if door is None:
            raise InputError("--resident", f"no owner or door {rid!r} in unit {unit_id}")
        return Resident(unit, door.owner_id, owners[door.owner_id])
    found = [
        Resident(u, selector, hs)
        for u in project.units()
        for oid, hs in _owners(u).items()
        if oid == selector
    ]
    if not found:
        raise InputError(
            "--resident", f"no owner {selector!r} in the project (give UNIT:OWNER or UNIT:DOOR)"
        )
    if len(found) > 1:
        units = ", ".join(r.unit.id for r in found[:5])
        raise InputError(
            "--resident",
            f"owner id {selector!r} is used in {len(found)} units ({units}); give UNIT:{selector}",
        )
    return found[0]


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def resident_record(project: Project, selector: str) -> dict[str, Any]:
    """Everything the project holds about one resident, as JSON-able data.

    Returns
    -------
    dict
        ``resident`` (ref, unit, owner id), ``households`` (every stored field of each of
        the resident's households, ``extra`` included), ``vote_log`` (the entries about
        those doors), ``unlogged_votes`` (those doors whose present vote has no entry in
        the log: :func:`~elevator_eval.audit.unlogged_votes`), ``erasures`` and
        ``retention_days`` of the project.
    """
    r = find_resident(project, selector)
    doors = {h.id for h in r.households}
    households = [
        {
            "door": h.id,
            "floor": h.floor,
            "area_m2": str(h.area_m2),
            "owner": h.owner,
            "owner_name": h.owner_name,
            "contact": h.contact,
            "vote": h.vote,
            "vote_date": h.vote_date,
            "vote_source": h.vote_source,
            "exclusive_part_affected": bool(h.exclusive_part_affected),
            "max_contribution_yuan": _plain(h.max_contribution_yuan),
            "provident_fund_yuan": _plain(h.provident_fund_yuan),
            "extra": _plain(h.extra),
        }
        for h in r.households
    ]
    log = [
        ev.to_dict()
        for ev in project.vote_log
        if ev.unit_id == r.unit.id and ev.household_id in doors
    ]
    return {
        "project": project.name,
        "resident": {
            "ref": r.ref,
            "unit": r.unit.id,
            "unit_name": r.unit.name,
            "owner_id": r.owner_id,
        },
        "households": households,
        "vote_log": log,
        # the doors whose present vote the log does not hold (entered before it was kept)
        "unlogged_votes": [d for d in unlogged_votes(r.unit, project.vote_log) if d in doors],
        "erasures": [
            e for e in _section(project).get("erasures", []) if e.get("unit") == r.unit.id
        ],
        "retention_days": retention_days(project),
    }


def _section(project: Project) -> dict[str, Any]:
    sec = project.settings.get(SETTINGS_KEY)
    return sec if isinstance(sec, dict) else {}


def _pseudonym(project: Project, unit: Unit, owner_id: str) -> str:
    raw = f"{project.uid}|{unit.id}|{owner_id}".encode()
    return "ERASED-" + hashlib.sha256(raw).hexdigest()[:12]


def erase_resident(project: Project, selector: str, *, today: str | None = None) -> dict[str, Any]:
    """Delete one resident's personal information in place (see the module doc).

    Returns
    -------
    dict
        The erasure record added to ``settings["privacy"]["erasures"]`` (no personal data:
        date, unit, pseudonym, counts).
    """
    r = find_resident(project, selector)
    day = today or dt.date.today().isoformat()
    pseudonym = _pseudonym(project, r.unit, r.owner_id)
    doors = {h.id for h in r.households}
    for h in r.households:
        h.owner = pseudonym
        h.owner_name = ""
        h.contact = ""
        h.max_contribution_yuan = None
        h.provident_fund_yuan = None
        h.extra = {}
    erased = 0
    for i, ev in enumerate(project.vote_log):
        if (
            ev.unit_id == r.unit.id
            and ev.household_id in doors
            and ev.note
            and not ev.note.startswith("〔已删除")
        ):
            project.vote_log[i] = tombstone(ev, day)
            erased += 1
    record = {
        "date": day,
        "unit": r.unit.id,
        "pseudonym": pseudonym,
        "households": len(r.households),
        "vote_log_notes_erased": erased,
    }
    _set_section(project, erasures=[*_section(project).get("erasures", []), record])
    return record


def _set_section(project: Project, **values: Any) -> None:
    project.settings = dict(project.settings)
    project.settings[SETTINGS_KEY] = {**_section(project), **values}


# ------------------------------------------------------------------------------ retention

MAX_RETENTION_DAYS = 36500
"""Upper bound of a retention period [days] (100 years: anything longer is a typo)."""


def retention_days(project: Project) -> int | None:
    """Days after a household's recorded vote that its contact details and notes are
    kept; ``None`` when the project sets no period (the default)."""
    v = _section(project).get("retention_days")
    return v if isinstance(v, int) and not isinstance(v, bool) and v > 0 else None


def set_retention_days(project: Project, days: int | None) -> None:
    """Set the retention period [days]; ``None`` removes it.

    Raises
    ------
    InputError
        naming ``retention_days`` unless 1 ≤ days ≤ :data:`MAX_RETENTION_DAYS`.
    """
    if days is not None and (
        isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_RETENTION_DAYS
    ):
        raise InputError(
            "retention_days",
            f"must be a whole number of days from 1 to {MAX_RETENTION_DAYS}, got {days!r}",
        )
    _set_section(project, retention_days=days)


def expired(project: Project, today: str) -> list[tuple[Unit, Household]]:
    """Households whose vote date is more than the retention period before ``today`` and
    that still hold a contact or notes."""
    days = retention_days(project)
    if days is None:
        return []
    limit = dt.date.fromisoformat(today[:10]) - dt.timedelta(days=days)
    out = []
    for u in project.units():
        for h in u.households:
            try:
                voted = dt.date.fromisoformat((h.vote_date or "")[:10])
            except ValueError:
                continue
            if voted < limit and (h.contact or any(isinstance(v, str) for v in h.extra.values())):
                out.append((u, h))
    return out


def purge_expired(project: Project, today: str) -> int:
    """Delete contact details and text notes of :func:`expired` households; returns how
    many households were purged (names, areas and votes stay)."""
    found = expired(project, today)
    for _, h in found:
        h.contact = ""
        h.extra = {k: v for k, v in h.extra.items() if not isinstance(v, str)}
    return len(found)
