"""Typed, validated access to the procedure data kept in the JSON ``extra`` columns.

``unit.extra["process"]`` holds a :class:`ProcessData` (stages entered, blockers,
objections, location, upkeep); ``household.extra["intent"]`` an :class:`Intent` and
``household.extra["canvass"]`` a list of :class:`Contact`. Dates are ISO ``YYYY-MM-DD``
text, money is kept as decimal text (``"1234.50"``) and read as :class:`~decimal.Decimal`
[yuan]. Reading validates everything and raises :class:`~elevator_eval.errors.InputError`
naming the field (``unit 3-1: process.objections[0].received``); writing stores plain JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import InputError
from ..model import Household, Unit
from .fields import date_field, list_field, obj_field, text_field
from .stage_rules import stage_keys

# the upkeep ledger's records are part of this module's interface (explicit re-exports)
from .upkeep_records import Bill as Bill
from .upkeep_records import Fault as Fault
from .upkeep_records import Payment as Payment
from .upkeep_records import ReserveEntry as ReserveEntry
from .upkeep_records import Upkeep as Upkeep
from .upkeep_records import parse_upkeep as parse_upkeep

PROCESS_KEY = "process"
INTENT_KEY = "intent"
CANVASS_KEY = "canvass"

CHANNELS = ("visit", "phone", "online")
"""Canvassing channels: 上门, 电话, 线上 (their names: the vocabulary's
``contact_channels``)."""
OUTCOMES = ("agreed", "undecided", "refused", "no_contact")
"""Outcome of a contact: 同意, 犹豫, 拒绝, 未联系上 (``contact_outcomes``)."""
CONCERNS = ("cost", "sunlight", "noise", "privacy", "compensation")
"""Concern tags: 费用, 采光, 噪声, 隐私, 补偿 (``concerns``)."""

# ------------------------------------------------------------------------------ stages


@dataclass
class StageEntry:
    """A stage a unit entered: when, who is responsible, the documents it produced."""

    stage: str
    entered: str
    responsible: str = ""
    documents: list[str] = field(default_factory=list)
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "stage": self.stage,
            "entered": self.entered,
            "responsible": self.responsible,
            "documents": list(self.documents),
            "note": self.note,
        }


@dataclass
class Blocker:
    """Something holding a unit up (a pipe owner who does not answer, a missing drawing)."""

    text: str
    since: str
    resolved: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "since": self.since, "resolved": self.resolved}


@dataclass
class Objection:
    """An objection (异议) received during the public notice.

    ``name`` and ``household`` are personal data: public documents mask them.
    ``status``: ``open`` (no written reply yet), ``answered`` (replied, not settled),
    ``resolved`` (settled, with the resolution and its date).
    """

    id: str
    received: str
    text: str
    household: str = ""
    name: str = ""
    reply: str = ""
    reply_date: str | None = None
    mediation: str = ""
    resolution: str = ""
    resolved_date: str | None = None

    @property
    def status(self) -> str:
        if self.resolved_date:
            return "resolved"
        if self.reply_date:
            return "answered"
        return "open"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "received": self.received,
            "text": self.text,
            "household": self.household,
            "name": self.name,
            "reply": self.reply,
            "reply_date": self.reply_date,
            "mediation": self.mediation,
            "resolution": self.resolution,
            "resolved_date": self.resolved_date,
        }


# ------------------------------------------------------------------------------ upkeep

# ------------------------------------------------------------------------- whole unit


@dataclass
class ProcessData:
    """Everything about a unit's procedure (see the module docstring)."""

    stages: list[StageEntry] = field(default_factory=list)
    blockers: list[Blocker] = field(default_factory=list)
    objections: list[Objection] = field(default_factory=list)
    location: tuple[Decimal, Decimal] | None = None
    upkeep: Upkeep | None = None

    @property
    def current(self) -> StageEntry | None:
        """The last stage entered (``None`` before any)."""
        return self.stages[-1] if self.stages else None

    def open_blockers(self) -> list[Blocker]:
        return [b for b in self.blockers if not b.resolved]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "stages": [s.to_json() for s in self.stages],
            "blockers": [b.to_json() for b in self.blockers],
            "objections": [o.to_json() for o in self.objections],
        }
        if self.location is not None:
            out["location"] = {"lon_deg": str(self.location[0]), "lat_deg": str(self.location[1])}
        if self.upkeep is not None:
            out["upkeep"] = self.upkeep.to_json()
        return out


def _location(v: object, w: str) -> tuple[Decimal, Decimal] | None:
    if v is None:
        return None
    v = obj_field(v, w)
    out = []
    for key, lim in (("lon_deg", 180), ("lat_deg", 90)):
        try:
            d = Decimal(str(v.get(key)))
        except (InvalidOperation, ValueError):
            raise InputError(f"{w}.{key}", "must be a number of degrees") from None
        if not d.is_finite() or abs(d) > lim:
            raise InputError(f"{w}.{key}", f"must be between -{lim} and {lim} degrees")
        out.append(d)
    return out[0], out[1]


def parse_process(data: Any, where: str = "process") -> ProcessData:
    """Validate the JSON of ``unit.extra["process"]`` and build a :class:`ProcessData`."""
    d = obj_field(data, where)
    keys = stage_keys()
    pd = ProcessData()
    for i, s in enumerate(list_field(d.get("stages"), f"{where}.stages")):
        p = f"{where}.stages[{i}]"
        s = obj_field(s, p)
        if s.get("stage") not in keys:
            raise InputError(f"{p}.stage", f"unknown stage {s.get('stage')!r}")
        docs = list_field(s.get("documents"), f"{p}.documents")
        pd.stages.append(
            StageEntry(
                s["stage"],
                date_field(s.get("entered"), f"{p}.entered"),
                text_field(s.get("responsible"), f"{p}.responsible", max_chars=200),
                [
                    text_field(x, f"{p}.documents[{j}]", required=True, max_chars=300)
                    for j, x in enumerate(docs)
                ],
                text_field(s.get("note"), f"{p}.note"),
            )
        )
        if i and pd.stages[-1].entered < pd.stages[-2].entered:
            raise InputError(f"{p}.entered", "is before the previous stage's date")
    for i, b in enumerate(list_field(d.get("blockers"), f"{where}.blockers")):
        p = f"{where}.blockers[{i}]"
        b = obj_field(b, p)
        blocker = Blocker(
            text_field(b.get("text"), f"{p}.text", required=True),
            date_field(b.get("since"), f"{p}.since"),
            date_field(b.get("resolved"), f"{p}.resolved", required=False),
        )
        _not_before(blocker.resolved, blocker.since, f"{p}.resolved")
        pd.blockers.append(blocker)
    seen: set[str] = set()
    for i, o in enumerate(list_field(d.get("objections"), f"{where}.objections")):
        p = f"{where}.objections[{i}]"
        o = obj_field(o, p)
        ob = Objection(
            id=text_field(o.get("id"), f"{p}.id", required=True, max_chars=40),
            received=date_field(o.get("received"), f"{p}.received"),
            text=text_field(o.get("text"), f"{p}.text", required=True),
            household=text_field(o.get("household"), f"{p}.household", max_chars=40),
            name=text_field(o.get("name"), f"{p}.name", max_chars=100),
            reply=text_field(o.get("reply"), f"{p}.reply"),
            reply_date=date_field(o.get("reply_date"), f"{p}.reply_date", required=False),
            mediation=text_field(o.get("mediation"), f"{p}.mediation"),
            resolution=text_field(o.get("resolution"), f"{p}.resolution"),
            resolved_date=date_field(o.get("resolved_date"), f"{p}.resolved_date", required=False),
        )
        if ob.id in seen:
            raise InputError(f"{p}.id", f"repeats objection {ob.id!r}")
        seen.add(ob.id)
        if ob.reply_date and not ob.reply.strip():
            raise InputError(f"{p}.reply", "is required when reply_date is given")
        if ob.resolved_date and not ob.resolution.strip():
            raise InputError(f"{p}.resolution", "is required when resolved_date is given")
        if ob.resolved_date and not ob.reply_date:
            raise InputError(f"{p}.reply_date", "an objection is answered before it is resolved")
        _not_before(ob.reply_date, ob.received, f"{p}.reply_date")
        _not_before(ob.resolved_date, ob.reply_date, f"{p}.resolved_date")
        pd.objections.append(ob)
    pd.location = _location(d.get("location"), f"{where}.location")
    if d.get("upkeep") is not None:
        pd.upkeep = parse_upkeep(obj_field(d["upkeep"], f"{where}.upkeep"), f"{where}.upkeep")
    return pd


def _not_before(day: str | None, earlier: str | None, field: str) -> None:
    """A later date of a record (a reply, a resolution) is not before the earlier one."""
    if day and earlier and day < earlier:
        raise InputError(field, f"must not be before {earlier}, got {day}")


def read_process(unit: Unit) -> ProcessData:
    """The unit's procedure data (empty when none was recorded).

    Raises
    ------
    InputError
        ``unit ID: process.…`` naming the bad field.
    """
    raw = unit.extra.get(PROCESS_KEY)
    if raw is None:
        return ProcessData()
    return parse_process(raw, f"unit {unit.id}: process")


def write_process(unit: Unit, data: ProcessData) -> None:
    """Store ``data`` in ``unit.extra["process"]`` (validated by a round trip first)."""
    raw = data.to_json()
    parse_process(raw, f"unit {unit.id}: process")
    unit.extra[PROCESS_KEY] = raw


# -------------------------------------------------------------------------- households


@dataclass
class Intent:
    """A household's registered interest (意向登记)."""

    interested: bool
    date: str
    channel: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"interested": self.interested, "date": self.date, "channel": self.channel}


@dataclass
class Contact:
    """One canvassing contact attempt (走访记录)."""

    date: str
    channel: str
    outcome: str
    concerns: list[str] = field(default_factory=list)
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "channel": self.channel,
            "outcome": self.outcome,
            "concerns": list(self.concerns),
            "note": self.note,
        }


def parse_intent(v: Any, where: str) -> Intent:
    d = obj_field(v, where)
    if not isinstance(d.get("interested"), bool):
        raise InputError(f"{where}.interested", "must be true or false")
    return Intent(
        d["interested"],
        date_field(d.get("date"), f"{where}.date"),
        text_field(d.get("channel"), f"{where}.channel", max_chars=40),
    )


def parse_contact(v: Any, where: str) -> Contact:
    d = obj_field(v, where)
    if d.get("channel") not in CHANNELS:
        raise InputError(f"{where}.channel", f"must be one of {', '.join(CHANNELS)}")
    if d.get("outcome") not in OUTCOMES:
        raise InputError(f"{where}.outcome", f"must be one of {', '.join(OUTCOMES)}")
    concerns = list_field(d.get("concerns"), f"{where}.concerns")
    for j, c in enumerate(concerns):
        if c not in CONCERNS:
            raise InputError(f"{where}.concerns[{j}]", f"must be one of {', '.join(CONCERNS)}")
    return Contact(
        date_field(d.get("date"), f"{where}.date"),
        d["channel"],
        d["outcome"],
        list(dict.fromkeys(concerns)),
        text_field(d.get("note"), f"{where}.note"),
    )


def read_intent(h: Household, unit_id: str = "") -> Intent | None:
    raw = h.extra.get(INTENT_KEY)
    return None if raw is None else parse_intent(raw, f"unit {unit_id} household {h.id}: intent")


def write_intent(h: Household, intent: Intent | None) -> None:
    if intent is None:
        h.extra.pop(INTENT_KEY, None)
        return
    raw = intent.to_json()
    parse_intent(raw, f"household {h.id}: intent")
    h.extra[INTENT_KEY] = raw


def read_canvass(h: Household, unit_id: str = "") -> list[Contact]:
    raw = h.extra.get(CANVASS_KEY)
    where = f"unit {unit_id} household {h.id}: canvass"
    return [parse_contact(c, f"{where}[{i}]") for i, c in enumerate(list_field(raw, where))]


def write_canvass(h: Household, contacts: list[Contact]) -> None:
    raw = [c.to_json() for c in contacts]
    for i, c in enumerate(raw):
        parse_contact(c, f"household {h.id}: canvass[{i}]")
    h.extra[CANVASS_KEY] = raw


def anonymise_process(unit: Unit) -> None:
    """Remove personal data from the procedure data of ``unit`` (in place), for an
    anonymised copy: objectors become ``住户<door>`` (or nothing), canvassing and stage
    notes are removed, a proxy's name and the user-manager's contact are removed. Data that
    cannot be read are dropped rather than copied."""
    for h in unit.households:
        contacts = h.extra.get(CANVASS_KEY)
        if isinstance(contacts, list):
            h.extra[CANVASS_KEY] = [dict(c, note="") for c in contacts if isinstance(c, dict)]
        proxy = h.extra.get("vote_proxy")
        if isinstance(proxy, dict):
            h.extra["vote_proxy"] = {"name": "", "authorisation": proxy.get("authorisation", "")}
    raw = unit.extra.get(PROCESS_KEY)
    if raw is None:
        return
    try:
        pd = parse_process(raw, f"unit {unit.id}: process")
    except InputError:
        unit.extra.pop(PROCESS_KEY, None)
        return
    for o in pd.objections:
        o.name = f"住户{o.household}" if o.household else ""
    for s in pd.stages:
        s.note = ""
    if pd.upkeep is not None:
        pd.upkeep.manager_contact = ""
    unit.extra[PROCESS_KEY] = pd.to_json()
