"""The vote audit trail: every vote change, append-only, as a SHA-256 hash chain.

Each :class:`VoteEvent` records when a vote changed, how it was cast (meeting, paper,
online, other), the previous and the new value, the household and unit, and the scheme
version the vote refers to. Its ``hash`` is the SHA-256 of the canonical JSON of all other
fields, ``prev_hash`` included, so that changing, removing or reordering any stored entry
breaks the chain from that entry on (:func:`verify_log`). The chain makes tampering
evident; it does not stop it (anyone may rebuild a whole chain), so a printed or published
head hash (:func:`log_head`) is what a later check compares against.

The log lives in :attr:`elevator_eval.model.Project.vote_log` and is stored in its own
table of the project file (:mod:`elevator_eval.store`), which refuses to rewrite old rows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from .errors import InputError
from .model import VOTE_SOURCES, VOTES, Project, Record
from .sha256 import sha256_hex

GENESIS_HASH = "0" * 64
"""``prev_hash`` of the first entry."""

_HASHED_FIELDS = (
    "seq",
    "time",
    "unit_id",
    "household_id",
    "scheme_version",
    "source",
    "previous",
    "new",
    "note",
    "prev_hash",
)


@dataclass(eq=False, repr=False)
class VoteEvent(Record):
    """One recorded vote change.

    Attributes
    ----------
    seq : int
        Position in the log, 1-based.
    time : str
        When the vote was cast or changed, ISO 8601 (``2026-03-14T10:00:00+08:00``).
    unit_id, household_id : str
        The unit and the household (door number) whose vote changed.
    scheme_version : int
        The unit's scheme version (方案版本) the vote refers to.
    source : str
        One of ``meeting``, ``paper``, ``online``, ``proxy``, ``other``.
    previous, new : str or None
        The vote before and after: ``yes``, ``no``, ``abstain`` or ``None``.
    note : str
        Free text (who collected the form, reference number …).
    prev_hash, hash : str
        SHA-256 (hex) of the previous entry and of this one.
    """

    seq: int
    time: str
    unit_id: str
    household_id: str
    scheme_version: int
    source: str
    previous: str | None
    new: str | None
    note: str = ""
    prev_hash: str = GENESIS_HASH
    hash: str = ""

    def canonical_json(self) -> str:
        """The text that is hashed: sorted keys, no spaces, UTF-8 characters kept."""
        return canonical_json({k: getattr(self, k) for k in _HASHED_FIELDS})

    def compute_hash(self) -> str:
        return sha256_hex(self.canonical_json().encode("utf-8"))

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in _HASHED_FIELDS}
        d["hash"] = self.hash
        return d


def canonical_json(obj: Any) -> str:
    """Canonical JSON: keys sorted, compact separators, non-ASCII kept as is."""
    return json.dumps(
        obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )


def _when_text(when: date | str | None) -> str:
    if when is None:
        return datetime.now(timezone.utc).isoformat(timespec="seconds")
    if isinstance(when, datetime):
        return when.isoformat(timespec="seconds")
    if isinstance(when, date):
        return when.isoformat()
    if isinstance(when, str):
        try:
            datetime.fromisoformat(when)
        except ValueError:
            raise InputError("when", f"must be an ISO date or date-time, got {when!r}") from None
        return when
    raise InputError("when", f"must be a date or date-time, got {type(when).__name__}")


def append_event(
    log: list[VoteEvent],
    unit_id: str,
    household_id: str,
    scheme_version: int,
    source: str,
    previous: str | None,
    new: str | None,
    time: str,
    note: str = "",
) -> VoteEvent:
    """Append one entry to ``log`` (chained to its last entry) and return it."""
    prev_hash = log[-1].hash if log else GENESIS_HASH
    ev = VoteEvent(
        seq=len(log) + 1,
        time=time,
        unit_id=unit_id,
        household_id=household_id,
        scheme_version=scheme_version,
        source=source,
        previous=previous,
        new=new,
        note=note,
        prev_hash=prev_hash,
    )
    ev.hash = ev.compute_hash()
    log.append(ev)
    return ev


def record_vote(
    project: Project,
    unit_id: str,
    household_id: str,
    vote: str | None,
    source: str,
    when: date | str | None = None,
    note: str = "",
) -> VoteEvent:
    """Set a household's vote and append the change to the project's audit log.

    Parameters
    ----------
    project : Project
    unit_id, household_id : str
        The unit and the door number.
    vote : str or None
        ``yes``, ``no``, ``abstain`` or ``None`` (withdrawn / did not take part).
    source : str
        ``meeting``, ``paper``, ``online``, ``proxy`` or ``other``.
    when : datetime, date, ISO string or None
        When the vote was cast; now (UTC) when ``None``.
    note : str

    Returns
    -------
    VoteEvent
        The new log entry. The household's ``vote``, ``vote_date`` and ``vote_source``
        are updated.

    Raises
    ------
    InputError
        naming ``unit``, ``household``, ``vote``, ``source`` or ``when``.
    """
    try:
        unit = project.find_unit(unit_id)
    except KeyError:
        raise InputError("unit", f"no unit {unit_id!r} in the project") from None
    try:
        hh = unit.household(household_id)
    except KeyError:
        raise InputError("household", f"no household {household_id!r} in unit {unit_id}") from None
    if vote is not None and vote not in VOTES:
        raise InputError("vote", f"must be one of {', '.join(VOTES)} or null, got {vote!r}")
    if source not in VOTE_SOURCES:
        raise InputError("source", f"must be one of {', '.join(VOTE_SOURCES)}, got {source!r}")
    if not isinstance(note, str):
        raise InputError("note", "must be text")
    time = _when_text(when)
    ev = append_event(
        project.vote_log, unit.id, hh.id, unit.scheme_version, source, hh.vote, vote, time, note
    )
    hh.vote = vote
    hh.vote_date = time[:10]
    hh.vote_source = source
    return ev


def verify_log(events: Iterable[VoteEvent]) -> tuple[bool, int | None]:
    """Check the hash chain.

    Returns
    -------
    (ok, first_bad_index)
        ``(True, None)`` when every entry is intact and chained to the one before;
        otherwise ``(False, i)`` with the 0-based index of the first entry that was
        changed, removed, inserted or reordered.
    """
    prev = GENESIS_HASH
    for i, ev in enumerate(events):
        if (
            ev.seq != i + 1
            or ev.prev_hash != prev
            or (ev.hash != ev.compute_hash() and not is_tombstone(ev))
        ):
            return False, i
        prev = ev.hash
    return True, None


# A tombstone is an entry whose note was erased at a resident's request (PIPL Art. 47): the
# note is replaced by the erasure date and a SHA-256 of the entry's other fields, taken
# when the entry was still verified in full. Its hash stays the original, so the chain
# links and a head hash published before the erasure still match; the other fields are
# checked against the digest in the tombstone. (Like the chain itself, this makes a
# change evident to someone holding the published head; it does not prevent one.)
TOMBSTONE_RE = re.compile(r"〔已删除 (\d{4}-\d{2}-\d{2})〕sha256:([0-9a-f]{64})")


def fields_digest(ev: VoteEvent) -> str:
    """SHA-256 of an entry's hashed fields without its note."""
    data = {k: getattr(ev, k) for k in _HASHED_FIELDS if k != "note"}
    return sha256_hex(canonical_json(data).encode("utf-8"))


def is_tombstone(ev: VoteEvent) -> bool:
    """Whether ``ev`` is an intact tombstone (note erased, other fields as when erased)."""
    m = TOMBSTONE_RE.fullmatch(ev.note or "")
    return m is not None and m.group(2) == fields_digest(ev)


def tombstone(ev: VoteEvent, day: str) -> VoteEvent:
    """A copy of a verified entry ``ev`` with its note erased (``day``: ISO date)."""
    if ev.hash != ev.compute_hash() and not is_tombstone(ev):
        raise InputError("vote_log", f"entry {ev.seq} does not verify; it cannot be erased")
    return VoteEvent(
        seq=ev.seq,
        time=ev.time,
        unit_id=ev.unit_id,
        household_id=ev.household_id,
        scheme_version=ev.scheme_version,
        source=ev.source,
        previous=ev.previous,
        new=ev.new,
        note=f"〔已删除 {day[:10]}〕sha256:{fields_digest(ev)}",
        prev_hash=ev.prev_hash,
        hash=ev.hash,
    )


def log_head(events: list[VoteEvent]) -> str:
    """The hash of the last entry (the genesis hash for an empty log): publish it."""
    return events[-1].hash if events else GENESIS_HASH


def rechain(events: list[VoteEvent]) -> list[VoteEvent]:
    """A new chain with the same entries (used after anonymising notes)."""
    out: list[VoteEvent] = []
    for ev in events:
        append_event(
            out,
            ev.unit_id,
            ev.household_id,
            ev.scheme_version,
            ev.source,
            ev.previous,
            ev.new,
            ev.time,
            ev.note,
        )
    return out


def unlogged_votes(unit: Any, events: Iterable[VoteEvent]) -> list[str]:
    """Doors of ``unit`` whose present vote has no entry in the log (a vote that came in
    with an imported sheet or a unit file, or was set before the log was kept): what an
    auditor must find evidence for elsewhere.

    A door is logged when the log's last entry for it gives its present vote.
    """
    last: dict[str, str | None] = {}
    for ev in events:
        if ev.unit_id == unit.id and not is_tombstone(ev):
            last[ev.household_id] = ev.new
    return [
        h.id
        for h in unit.households
        if h.vote is not None and (h.id not in last or last[h.id] != h.vote)
    ]
