"""Undoable edits. Every change the window makes to the model is one of these commands,
pushed on the document's ``QUndoStack``; ``redo`` applies it, ``undo`` restores the old
value, and both tell the document which unit changed so that every view refreshes.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

translate = QCoreApplication.translate


def _get(obj: Any, key: Any) -> Any:
    if isinstance(obj, dict):
        return obj.get(key, _MISSING)
    return getattr(obj, key)


def _set(obj: Any, key: Any, value: Any) -> None:
    if isinstance(obj, dict):
        if value is _MISSING:
            obj.pop(key, None)
        else:
            obj[key] = value
    else:
        setattr(obj, key, value)


class _Missing:
    def __repr__(self):
        return "<missing>"

    def __deepcopy__(self, memo):  # one sentinel: undo of a new dict key removes the key
        return self


_MISSING = _Missing()
REMOVE = _MISSING
"""Value of a :class:`SetProjectSettingCommand` that removes the key."""


class SetValueCommand(QUndoCommand):
    """Set ``target(unit).<key>`` (an attribute, or a dict key) of one unit.

    Parameters
    ----------
    doc : ProjectDocument
    unit_id : str
    target : callable
        ``target(unit) -> object or dict`` that holds the value.
    key : str
        Attribute name or dict key.
    value : Any
        The new value (copied).
    text : str
        The undo text shown in the Edit menu.
    scope : str
        ``"unit"`` or ``"building"`` (a building's facts are shared by its units).
    """

    def __init__(
        self,
        doc,
        unit_id: str,
        target: Callable[[Any], Any],
        key: Any,
        value: Any,
        text: str,
        scope: str = "unit",
    ):
        super().__init__(text)
        self.doc = doc
        self.unit_id = unit_id
        self.target = target
        self.key = key
        self.new = copy.deepcopy(value)
        unit = doc.project.find_unit(unit_id)
        self.old = copy.deepcopy(_get(target(unit), key))
        self.scope = scope

    def _apply(self, value) -> None:
        unit = self.doc.project.find_unit(self.unit_id)
        _set(self.target(unit), self.key, copy.deepcopy(value))
        if self.scope == "building":
            self.doc.notify_building(self.unit_id)
        else:
            self.doc.notify_unit(self.unit_id)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class SetVoteCommand(QUndoCommand):
    """Record one household's vote (``yes``/``no``/``abstain``/``None`` = absent) with how
    and when it was cast.

    The project's append-only vote record (:func:`elevator_eval.audit.record_vote`) gets a
    new entry on redo and on undo: an undo is logged as a correction that names the entry it
    takes back and why, so the audit trail shows corrections instead of losing them. The
    household's own ``vote_source``/``vote_date`` go back to the restored vote's.
    """

    def __init__(
        self,
        doc,
        unit_id: str,
        household_id: str,
        vote: str | None,
        source: str = "other",
        when=None,
        note: str = "",
    ):
        unit = doc.project.find_unit(unit_id)
        hh = unit.household(household_id)
        super().__init__(
            translate("Commands", "投票 {door}：{vote}").format(
                door=household_id, vote=vote_label(vote)
            )
        )
        self.doc = doc
        self.unit_id = unit_id
        self.household_id = household_id
        self.new = vote
        self.old = hh.vote
        self.old_meta = (hh.vote_source, hh.vote_date)
        self.source, self.when, self.note = source, when, note
        self.seq: int | None = None  # the log entry this command wrote last

    def redo(self) -> None:
        self.seq = self.doc.apply_vote(
            self.unit_id,
            self.household_id,
            self.new,
            source=self.source,
            when=self.when,
            note=self.note,
        )

    def undo(self) -> None:
        reason = translate("Commands", "录入撤销")
        note = (
            translate("Commands", "更正：撤销第 {seq} 条记录（{reason}）").format(
                seq=self.seq, reason=reason
            )
            if self.seq is not None
            else translate("Commands", "更正：{reason}").format(reason=reason)
        )
        self.doc.apply_vote(
            self.unit_id,
            self.household_id,
            self.old,
            source="other",
            note=note,
            restore=self.old_meta,
        )


class SetProjectSettingCommand(QUndoCommand):
    """Set ``project.settings[key]`` (plain JSON: numbers as decimal strings).

    With ``mergeable``, consecutive commands with the same key and undo text merge (e.g.
    the steps of a spin box), so that one undo goes back to before the whole change.
    """

    MERGE_ID = 7301

    def __init__(self, doc, key: str, value: Any, text: str, mergeable: bool = False):
        super().__init__(text)
        self.doc = doc
        self.key = key
        self.mergeable = mergeable
        self.new = copy.deepcopy(value)
        old = doc.project.settings.get(key, _MISSING)
        self.old = old if old is _MISSING else copy.deepcopy(old)

    def _apply(self, value) -> None:
        _set(
            self.doc.project.settings,
            self.key,
            value if value is _MISSING else copy.deepcopy(value),
        )
        self.doc.notify_setting(self.key)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other) -> bool:
        if (
            not isinstance(other, SetProjectSettingCommand)
            or not self.mergeable
            or not other.mergeable
            or other.key != self.key
            or other.text() != self.text()
        ):
            return False
        self.new = other.new
        return True


class ReplaceProjectPartCommand(QUndoCommand):
    """Replace the project's communities (an import); undo restores the old list."""

    def __init__(self, doc, new_communities: list, text: str):
        super().__init__(text)
        self.doc = doc
        self.new = new_communities
        self.old = list(doc.project.communities)

    def redo(self) -> None:
        self.doc.project.communities = list(self.new)
        self.doc.notify_structure()

    def undo(self) -> None:
        self.doc.project.communities = list(self.old)
        self.doc.notify_structure()


def vote_label(vote: str | None) -> str:
    from . import labels

    return labels.vote_label(vote)
