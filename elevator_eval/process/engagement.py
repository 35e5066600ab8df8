"""Intent registration (意向登记) and the canvassing visit list (走访).

Intent flag
    A unit is flagged when the registered intent alone would pass the vote: every owner
    who registered interest counted as a ``yes``, everyone else as not taking part, tallied
    under the unit's consent ruleset (:func:`elevator_eval.consent.tally`). The office
    knows where to start.

Visit list
    The owners who do not vote ``yes`` yet, ordered by what the vote still needs
    (:func:`elevator_eval.consent.what_is_needed`): first the owners in the smallest set
    that would pass the vote (owners with a veto first, then larger areas), then the
    other owners by area, largest first. Each row carries the last contact and the
    concerns raised so far.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..consent import owners_of, tally, what_is_needed
from ..consent_rules import ConsentRuleset
from ..model import Household, Project, Unit
from ..rulebook import resolve
from .records import CONCERNS, read_canvass, read_intent


def _ruleset(unit: Unit, project: Project | None) -> tuple[ConsentRuleset, dict[str, Any] | None]:
    """The consent ruleset in force for ``unit`` (one resolver for every engine)."""
    return resolve(project, unit).consent, (project.settings if project is not None else None)


@dataclass
class IntentSummary:
    """Registered intent of one unit.

    Attributes
    ----------
    households, registered, interested : int
        Households in the unit, with an intent record, and interested.
    meets_threshold : bool
        The interested owners alone would pass the unit's consent ruleset.
    """

    unit_id: str
    households: int
    registered: int
    interested: int
    meets_threshold: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit_id,
            "households": self.households,
            "registered": self.registered,
            "interested": self.interested,
            "meets_threshold": self.meets_threshold,
        }


def intent_summary(unit: Unit, project: Project | None = None) -> IntentSummary:
    """Count the registered intent and test it against the consent thresholds."""
    intents = {h.id: read_intent(h, unit.id) for h in unit.households}
    interested_owners = {
        h.owner_id for h in unit.households if (i := intents[h.id]) is not None and i.interested
    }
    trial = unit.clone()
    for h in trial.households:
        h.vote = "yes" if h.owner_id in interested_owners else None
    name, settings = _ruleset(unit, project)
    passed = tally(trial, name).passed if trial.households else False
    return IntentSummary(
        unit.id,
        len(unit.households),
        sum(1 for i in intents.values() if i is not None),
        sum(1 for i in intents.values() if i is not None and i.interested),
        passed,
    )


@dataclass
class VisitRow:
    """One owner to visit."""

    owner: str
    doors: list[str]
    area_m2: Decimal
    vote: str | None
    needed: bool
    interested: bool | None
    contacts: int
    last_date: str | None
    last_outcome: str | None
    concerns: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "owner": self.owner,
            "doors": list(self.doors),
            "area_m2": self.area_m2,
            "vote": self.vote,
            "needed": self.needed,
            "interested": self.interested,
            "contacts": self.contacts,
            "last_date": self.last_date,
            "last_outcome": self.last_outcome,
            "concerns": list(self.concerns),
        }


def visit_list(unit: Unit, project: Project | None = None) -> list[VisitRow]:
    """Owners not voting yes, in the order the vote needs them (see module doc)."""
    name, settings = _ruleset(unit, project)
    needed = what_is_needed(unit, name)
    owners = {o.id: o for o in owners_of(unit)}
    by_owner: dict[str, list[Household]] = {}
    for h in unit.households:
        by_owner.setdefault(h.owner_id, []).append(h)
    first = [oid for oid in needed.owners if oid in owners]
    rest = sorted(
        (o for o in owners.values() if o.vote != "yes" and o.id not in first),
        key=lambda o: (-o.area_m2, o.order),
    )
    rows = []
    for oid in first + [o.id for o in rest]:
        o = owners[oid]
        contacts = sorted(
            (c for h in by_owner[oid] for c in read_canvass(h, unit.id)), key=lambda c: c.date
        )
        intents = [read_intent(h, unit.id) for h in by_owner[oid]]
        known = [i.interested for i in intents if i is not None]
        seen = {c for ct in contacts for c in ct.concerns}
        rows.append(
            VisitRow(
                owner=oid,
                doors=[h.id for h in by_owner[oid]],
                area_m2=o.area_m2,
                vote=o.vote,
                needed=oid in first,
                interested=(any(known) if known else None),
                contacts=len(contacts),
                last_date=contacts[-1].date if contacts else None,
                last_outcome=contacts[-1].outcome if contacts else None,
                concerns=[c for c in CONCERNS if c in seen],
            )
        )
    return rows
