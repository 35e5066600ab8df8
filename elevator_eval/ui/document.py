"""The open project as a Qt object: the model, its file, the undo stack and change signals.

Models emit, views listen: a view edits through the ``set_*`` methods here (each pushes an
undoable command) and repaints when :attr:`ProjectDocument.unitChanged` or
:attr:`ProjectDocument.projectReplaced` fires. Engine results (assessment, consent tally,
cost shares, census) are computed by the engines and cached here until the unit changes;
the window never does arithmetic on money or votes itself.
"""

from __future__ import annotations

import copy
import gc
import importlib
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from ..model import Project
from ..pacing import paced
from . import commands

translate = QCoreApplication.translate

FREEZE_UNITS = 5000
"""From this many units the open project is kept out of the cyclic garbage collector's
full collections (``gc.freeze``); app default, from the window benchmark (20,000 units:
collections of 0.1–1.7 s while the census ran)."""


WINDOW_WAIT_S = 0.5
"""A background census waits at most this long for the window's thread to take its
turn before it starts (app default)."""

CENSUS_SWITCH_S = 0.0001
"""The interpreter's switch interval while a census runs in the background (the default
is 5 ms): each of the window's calls into Python waits at most this long for the census
thread to hand over, and a repaint makes hundreds. App default, from the window
benchmark (scrolling the overview of 20,000 units while the census ran, largest pause:
96–164 ms at 5 ms, 62–75 ms at 1 ms in an earlier round; in a later one, with rows read
on demand while the census runs, 144–292 ms at 1 ms, 90–203 ms at 0.5 and 0.2 ms,
90–112 ms at 0.1 ms (three runs each) and 62–98 ms in the benchmark's own runs, the
census's classes shown after 0.76–0.87 s against 0.59–0.82 s)."""

_switch_lock = threading.Lock()
_switch = {"census": 0, "normal": 0.005}  # censuses running; the interval to restore


@contextmanager
def _short_turns() -> Iterator[None]:
    """:data:`CENSUS_SWITCH_S` as the switch interval while any census runs."""
    with _switch_lock:
        if not _switch["census"]:
            _switch["normal"] = sys.getswitchinterval()
            sys.setswitchinterval(min(CENSUS_SWITCH_S, _switch["normal"]))
        _switch["census"] += 1
    try:
        yield
    finally:
        with _switch_lock:
            _switch["census"] -= 1
            if not _switch["census"]:
                sys.setswitchinterval(_switch["normal"])


def engine(name: str):
    """The engine module ``elevator_eval.<name>``, imported on first use so that the
    engines (numpy, scipy) load after the window's first paint (start-up)."""
    return importlib.import_module(f"elevator_eval.{name}")


def rule_settings() -> frozenset[str]:
    """The project settings that choose rules (a change of one may change every result;
    see :mod:`elevator_eval.rulebook`).

    Read from :mod:`elevator_eval.project_settings` on first use: that module loads the
    rule catalogues, which the first paint of the window does not need."""
    from ..project_settings import NAME_KEYS, USER_FILE_KEYS

    return frozenset((*NAME_KEYS, *USER_FILE_KEYS, "preinstall"))


def _count(mod, counts: tuple, row, step: int) -> None:
    """Add ``step`` (±1) for ``row`` to the census counts (by class, community, year
    band) as ``census.summarise`` counts them; a community or band left at zero goes."""
    by_class, by_community, by_band = counts
    by_class[row.klass] += step
    for table, key in ((by_community, row.community), (by_band, mod.year_band(row.year_built))):
        entry = table.setdefault(key, dict.fromkeys(by_class, 0))
        entry[row.klass] += step
        if not any(entry.values()):
            del table[key]


def unit_rows(census) -> dict[str, int]:
    """Unit id -> its row in ``census.rows``."""
    return {r.unit_id: i for i, r in enumerate(census.rows)}


def unit_classes(census) -> dict[str, str]:
    """Unit id -> its class in ``census``."""
    return {r.unit_id: r.klass for r in census.rows}


class ProjectDocument(QObject):
    """One open project.

    Signals
    -------
    unitChanged(str)
        A unit's data changed (its id).
    projectReplaced()
        A different project was loaded (new/open/recover).
    structureChanged()
        Units were added or removed (import).
    pathChanged(str)
        The file name changed (save as).
    settingChanged(str)
        A key of ``project.settings`` changed (its name).
    """

    unitChanged = Signal(str)
    projectReplaced = Signal()
    structureChanged = Signal()
    pathChanged = Signal(str)
    dirtyChanged = Signal(bool)
    settingChanged = Signal(str)
    _turn = Signal(object)  # a threading.Event from a worker, set in the window's thread

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.project: Project = Project(name="")
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(lambda clean: self.dirtyChanged.emit(not clean))
        self._cache: dict[tuple, Any] = {}
        self._census_stale: set[str] = set()  # units whose census row is out of date
        self._census_index: dict[str, int] = {}  # unit id -> its row in the cached census
        self._preparers: list[Callable[[Any], Any]] = [unit_rows, unit_classes]
        self._prepared: tuple[Any, dict[Callable[[Any], Any], Any]] = (None, {})
        self.changes = 0  # counts edits and replacements (a background result's age)
        # counts the projects set and the units added or removed (a tree's or a count's age)
        self.structure_changes = 0
        self._unit_count = (-1, 0)  # (structure_changes, units) when last counted
        self.is_sample = False
        # True while the window paints for the first time: views show the project without
        # engine results, which follow right after the first paint (see app.run)
        self.defer_engines = False
        # what the clerk entered last in the vote editor (source, date, who): the defaults
        # for the next vote of this session of entry
        self.vote_entry_defaults: dict[str, Any] = {}
        # a method of this object: emitted in a worker thread, the call is queued to the
        # window's thread (no ConnectionType needed: see lazy_qt.py)
        self._turn.connect(self._set_turned)

    def _set_turned(self, event: threading.Event) -> None:
        event.set()

    # ----------------------------------------------------------------- file
    def set_project(
        self, project: Project, path: str | Path | None, is_sample: bool = False
    ) -> None:
        gc.unfreeze()  # the previous project's objects may be collected again
        self.project = project
        self.structure_changes += 1
        if self.is_large():
            # a large project's objects live as long as it is open: the cyclic collector
            # stops walking them (else each full collection pauses the window ≈ 1 s)
            gc.freeze()
        self.path = Path(path) if path else None
        self.is_sample = is_sample
        self._cache.clear()
        self.changes += 1
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.projectReplaced.emit()
        self.pathChanged.emit(str(self.path or ""))

    def open(self, path: str | Path, is_sample: bool = False) -> None:
        """Load a project file (``store.open_project``); raises ProjectFileError."""
        from .. import store

        self.set_project(store.open_project(path), path, is_sample=is_sample)

    def new(self, name: str) -> None:
        from .. import store

        maker = getattr(store, "new_project", None)
        self.set_project(maker(name) if maker else Project(name=name), None)

    def save(self, path: str | Path | None = None) -> Path:
        """Write the project (atomic, via ``store.save_project``) and mark it clean."""
        from .. import store

        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("no file name")
        store.save_project(self.project, target)
        changed = target != self.path
        self.path = target
        self.is_sample = False
        self.undo_stack.setClean()
        if changed:
            self.pathChanged.emit(str(target))
        return target

    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def title(self) -> str:
        if self.path is not None:
            return self.path.name
        return self.project.name or translate("Document", "未命名项目")

    # ----------------------------------------------------------------- change
    def notify_unit(self, unit_id: str) -> None:
        self._invalidate(unit_id)
        self.unitChanged.emit(unit_id)

    def notify_building(self, unit_id: str) -> None:
        """A building's facts changed: every unit of that building changed."""
        try:
            _, building, _ = self.project.locate(unit_id)
            ids = [u.id for u in building.units]
        except KeyError:
            ids = [unit_id]
        for uid in ids:
            self.notify_unit(uid)

    def notify_setting(self, key: str) -> None:
        self.settingChanged.emit(key)
        if key in rule_settings():  # the rules in force changed: every result may change
            self.notify_structure()

    def notify_structure(self) -> None:
        self.changes += 1  # a census made before is of other units (see adopt_census)
        self.structure_changes += 1
        self._cache.clear()
        self.structureChanged.emit()

    def _invalidate(self, unit_id: str) -> None:
        """Drop the unit's results; the census keeps its other rows (only this unit's row
        is recomputed when the census is next read)."""
        self.changes += 1
        for key in [k for k in self._cache if len(k) > 1 and k[1] == unit_id]:
            del self._cache[key]
        if ("census",) in self._cache:
            self._census_stale.add(unit_id)

    def _cached(self, key: tuple, compute):
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    # ----------------------------------------------------------------- engines
    def unit(self, unit_id: str):
        return self.project.find_unit(unit_id)

    def rules(self, unit_id: str):
        """The rules in force for the unit (:func:`elevator_eval.rulebook.resolve`)."""
        from ..rulebook import resolve

        return self._cached(("rules", unit_id), lambda: resolve(self.project, self.unit(unit_id)))

    def default_rules(self):
        """The rules in force for a unit that makes no choice of its own."""
        from ..rulebook import resolve

        return self._cached(("rules",), lambda: resolve(self.project, None))

    def assessment(self, unit_id: str):
        """``suitability.assess`` of the unit, or None when the engine is missing."""
        mod = engine("suitability")
        if mod is None:
            return None
        return self._cached(
            ("assess", unit_id), lambda: mod.assess(self.unit(unit_id), bundle=self.rules(unit_id))
        )

    def consent(self, unit_id: str):
        """``consent.tally`` of the unit (raises InputError on inconsistent owner votes)."""
        mod = engine("consent")
        if mod is None:
            return None
        return self._cached(
            ("consent", unit_id), lambda: mod.tally(self.unit(unit_id), self.rules(unit_id).consent)
        )

    def needed(self, unit_id: str):
        mod = engine("consent")
        if mod is None:
            return None
        return self._cached(
            ("needed", unit_id),
            lambda: mod.what_is_needed(self.unit(unit_id), self.rules(unit_id).consent),
        )

    def shares(self, unit_id: str, method: str | None = None):
        """``costshare.compute_share`` (the unit's own method when ``method`` is None)."""
        mod = engine("costshare")
        if mod is None:
            return None
        return self._cached(
            ("share", unit_id, method),
            lambda: mod.compute_share(self.unit(unit_id), method, settings=self.project.settings),
        )

    def coefficients(self, unit_id: str):
        """``costshare.coefficients_for`` the unit under the project's settings: the floor →
        coefficient map and the table's name (``None`` for the unit's own coefficients)."""
        mod = engine("costshare")
        return self._cached(
            ("coefficients", unit_id),
            lambda: mod.coefficients_for(self.unit(unit_id), settings=self.project.settings),
        )

    def compare(self, unit_id: str):
        """``costshare_compare.compare_methods`` for the unit under the project's settings."""
        mod = engine("costshare_compare")
        return self._cached(
            ("compare", unit_id),
            lambda: mod.compare_methods(self.unit(unit_id), settings=self.project.settings),
        )

    def unit_count(self) -> int:
        """How many units the project has (counted again when units were added or removed,
        :meth:`notify_structure`: a street of 20,000 units takes milliseconds to count)."""
        seen, n = self._unit_count
        if seen != self.structure_changes:
            project = self.project
            n = sum(len(b.units) for c in project.communities for b in c.buildings)
            self._unit_count = (self.structure_changes, n)
        return n

    def is_large(self) -> bool:
        """Whether the project has :data:`FREEZE_UNITS` units or more."""
        return self.unit_count() >= FREEZE_UNITS

    def census_in_background(self, project: Project, pause: Callable[[], None] | None = None):
        """``census.census(project)`` for a worker thread. For a large project the cyclic
        collector waits meanwhile (its full collections would pause the window on every
        few thousand rows made) and the rows made are then kept out of its walks.
        ``pause`` is called at the census's pauses (:mod:`elevator_eval.pacing`; the
        window's :class:`~.window_turns.BusyGate`)."""
        self._wait_for_window()
        quiet = self.is_large() and gc.isenabled()
        if quiet:
            gc.disable()
        try:
            with _short_turns(), paced(pause):
                result = engine("census").census(project)
                made = {}
                for make in list(self._preparers):  # what the views show of it, made here too
                    try:
                        made[make] = make(result)
                    except Exception:  # made again when a view asks, which shows the error
                        continue
            self._prepared = (result, made)
            return result
        finally:
            if quiet:  # the rows made meanwhile stay too: kept out, not walked
                gc.freeze()
                gc.enable()

    def _wait_for_window(self) -> None:
        """In a worker thread: wait until the window's thread has handled the events
        queued so far (at start-up, the rest of its first paint), at most
        :data:`WINDOW_WAIT_S`. The two threads share the interpreter: a census starting
        at once (importing the engines) made each of the window's calls into Python
        wait its turn, and its first paint took 60–130 ms instead of 15."""
        if threading.current_thread() is threading.main_thread():
            return
        turned = threading.Event()
        self._turn.emit(turned)  # queued: set by the window's thread in its turn
        turned.wait(WINDOW_WAIT_S)

    def prepare_with_census(self, make: Callable[[Any], Any]) -> None:
        """Have ``make(census)`` made with every census computed in the background, in
        the same worker thread (:meth:`census_in_background`): what a view shows of a
        large census (its table's columns) is then ready when the census arrives, and
        the window does not pause to make it. ``make`` must be pure: it reads the census
        and touches no widget. Read its value with :meth:`census_prepared`."""
        self._preparers.append(make)

    def census_prepared(self, make: Callable[[Any], Any]):
        """``make(census)`` of the current :meth:`census` (None without one): the value
        made in the background with it, else made now (and kept until the census
        changes). Each call gets the same value: a caller that changes it copies it."""
        census = self.census()
        if census is None:
            return None
        held, values = self._prepared
        if held is not census:
            held, values = self._prepared = (census, {})
        if make not in values:
            values[make] = make(census)
        return values[make]

    def forget_results(self) -> None:
        """Drop every kept result (F5: everything is computed again)."""
        self._cache.clear()
        self._census_stale.clear()

    def adopt_census(self, changes: int, result) -> bool:
        """Keep ``result``, a census computed in the background when :attr:`changes` was
        ``changes``; refused (False) when the project changed since."""
        if result is None or changes != self.changes:
            return False
        self._cache[("census",)] = result
        self._census_stale.clear()
        self._census_index = self.census_prepared(unit_rows)  # made with the census
        if len(result.rows) >= FREEZE_UNITS:  # is_large(), the census has every unit
            gc.freeze()  # the census lives as long as the project (see set_project)
        return True

    def census(self):
        """``census.census`` of the project, kept until units are added or removed or the
        rules change; after an edit of a unit only that unit's row is made anew."""
        if self.defer_engines and ("census",) not in self._cache:
            return None
        mod = engine("census")
        if ("census",) in self._cache and self._census_stale:
            self._refresh_census_rows(mod)
        if ("census",) not in self._cache:
            self._census_stale.clear()
            result = self._cache[("census",)] = mod.census(self.project)
            self._census_index = {r.unit_id: i for i, r in enumerate(result.rows)}
        return self._cache[("census",)]

    def census_classes(self) -> dict[str, str]:
        """Unit id -> class of :meth:`census` (made with a census computed in the
        background); empty without a census."""
        return self.census_prepared(unit_classes) or {}

    def census_row(self, unit_id: str):
        """The unit's row of :meth:`census` (None when there is no census or no such row)."""
        census = self.census()
        i = self._census_index.get(unit_id)
        return census.rows[i] if census is not None and i is not None else None

    def _refresh_census_rows(self, mod) -> None:
        """Replace the census rows of the edited units by the census of a project holding
        just that unit (same settings, same reference year); counts are made anew from the
        rows' classes. A unit no longer found drops the whole census."""
        old = self._cache[("census",)]
        rows = list(old.rows)
        counts = (
            dict(old.by_class),
            {k: dict(v) for k, v in old.by_community.items()},
            {k: dict(v) for k, v in old.by_year_band.items()},
        )
        for uid in sorted(self._census_stale):
            try:
                c, b, u = self.project.locate(uid)
                i = self._census_index[uid]
            except KeyError:
                del self._cache[("census",)]
                return
            one = copy.copy(self.project)
            c1, b1 = copy.copy(c), copy.copy(b)
            b1.units, c1.buildings, one.communities = [u], [b1], [c1]
            new = mod.census(one, year=old.year).rows[0]
            _count(mod, counts, rows[i], -1)
            _count(mod, counts, new, +1)
            rows[i] = new
        self._census_stale.clear()
        by_class, by_community, by_band = counts
        self._cache[("census",)] = mod.Census(
            rows=rows,
            by_class=by_class,
            by_community=by_community,
            by_year_band=dict(sorted(by_band.items())),
            project=old.project,
            year=old.year,
        )

    # ----------------------------------------------------------------- edits
    def set_vote(
        self,
        unit_id: str,
        household_id: str,
        vote: str | None,
        source: str = "other",
        when=None,
        note: str = "",
    ) -> None:
        """Record a vote with how (``source``, one of ``model.VOTE_SOURCES``) and when
        (a date; today when None) it was cast, as one undoable command."""
        if self.unit(unit_id).household(household_id).vote == vote:
            return
        self.undo_stack.push(
            commands.SetVoteCommand(self, unit_id, household_id, vote, source, when, note)
        )

    def apply_vote(
        self,
        unit_id: str,
        household_id: str,
        vote: str | None,
        source: str = "other",
        when=None,
        note: str = "",
        restore: tuple | None = None,
    ) -> int | None:
        """Set a vote now (used by the undo command) and record it in the audit trail;
        returns the log entry's number. ``restore`` = (vote_source, vote_date) to put back
        on the household afterwards (an undo restores the earlier vote's facts)."""
        unit = self.unit(unit_id)
        hh = unit.household(household_id)
        audit = engine("audit")
        seq = None
        if audit is not None and hasattr(self.project, "vote_log"):
            seq = audit.record_vote(
                self.project, unit_id, household_id, vote, source=source, when=when, note=note
            ).seq
        else:
            hh.vote = vote
        if restore is not None:
            hh.vote_source, hh.vote_date = restore
        self.notify_unit(unit_id)
        return seq

    def set_value(self, unit_id: str, target, key, value, text: str, scope: str = "unit") -> None:
        """Push a :class:`commands.SetValueCommand` unless the value is unchanged."""
        unit = self.unit(unit_id)
        holder = target(unit)
        current = holder.get(key) if isinstance(holder, dict) else getattr(holder, key)
        if current == value and type(current) is type(value):
            return
        self.undo_stack.push(
            commands.SetValueCommand(self, unit_id, target, key, value, text, scope)
        )

    def set_setting(self, key: str, value, text: str, mergeable: bool = False) -> None:
        """Push a :class:`commands.SetProjectSettingCommand` unless the value is unchanged;
        the setting is saved with the project."""
        if self.project.settings.get(key) == value and key in self.project.settings:
            return
        self.undo_stack.push(commands.SetProjectSettingCommand(self, key, value, text, mergeable))

    def set_household(self, unit_id: str, household_id: str, field: str, value) -> None:
        self.set_value(
            unit_id,
            lambda u: u.household(household_id),
            field,
            value,
            translate("Document", "修改 {door} 的 {field}").format(door=household_id, field=field),
        )
