"""The street overview's table model: the census rows with search, class filter and sort,
their consent states and main reasons read on demand for the rows shown."""

from __future__ import annotations

import time
from typing import NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QTimer, Signal
from PySide6.QtGui import QBrush, QColor

from ..pacing import PACE_ITEMS, pace
from . import i18n, labels
from .lazy_qt import BACKGROUND_ROLE, DISPLAY_ROLE, FOREGROUND_ROLE, TOOLTIP_ROLE, USER_ROLE, Qt
from .style import CLASS_BACKGROUNDS, CLASS_COLOURS, STATE_COLOURS

_SORT = USER_ROLE + 1
_LAZY_ROLES = (DISPLAY_ROLE, TOOLTIP_ROLE, _SORT, FOREGROUND_ROLE)

EAGER_ROWS = 2000
"""Up to this many units the overview reads every row's consent state and main reason
at once (they need each unit's full assessment, ≈ 1 ms a unit); above, only the rows
shown (app default, a responsiveness budget)."""
FILL_SLICE_S = 0.005
"""Rows asked for by the view are read in turns of the event loop of at most this long
(one unit's assessment may take 1–15 ms, and the rows read are painted in the same
pause), so scrolling never waits on many units (app default; 20 ms gave pauses of
50–60 ms on a loaded machine when a census's classes arrived, 10 ms 42–54 ms on a slower
one, 5 ms 34–38 ms there)."""
QUEUE_ROWS = 200
"""At most this many rows wait to be read; older requests (rows scrolled past) drop."""
SYNC_FILL_ROWS = 300
"""Up to this many rows still unknown are read on the window's thread before a sort by
state or reason; more go through the background helper with progress."""


class Columns(NamedTuple):
    """The cheap columns of a census's rows as :meth:`CensusModel.set_rows` shows them
    (:func:`columns_of`)."""

    rows: list
    lang: str  # the window's language of the class texts
    ids: list[str]
    texts: list[list]  # community, building, unit, year, class (text)
    klass: list[str]
    hay: list[str]  # lower-case search text of each row, without state and reason
    where: dict[str, int]  # unit id -> row


def columns_of(rows) -> Columns:
    """The :class:`Columns` of census rows in one pass. Pure (reads the rows only), so a
    worker thread can make them while the window runs."""
    class_text: dict = {}
    texts: list[list] = [[] for _ in range(5)]
    ids, klass, hay = [], [], []
    com, bld, name, year, ktext = texts
    for i, r in enumerate(rows):  # one pass: 20,000 rows are read once
        if not i % PACE_ITEMS:
            pace()
        k = r.klass
        if k not in class_text:
            class_text[k] = labels.class_label(k)
        row = (r.community, r.building, r.unit_name or r.unit_id, r.year_built, class_text[k])
        com.append(row[0])
        bld.append(row[1])
        name.append(row[2])
        year.append(row[3])
        ktext.append(row[4])
        ids.append(r.unit_id)
        klass.append(k)
        hay.append(("%s %s %s %s %s " % row + r.unit_id).lower())
    where = {uid: i for i, uid in enumerate(ids)}
    return Columns(rows, i18n.lang(), ids, texts, klass, hay, where)


def census_columns(census) -> Columns:
    """:func:`columns_of` the census's rows (for
    :meth:`~elevator_eval.ui.document.ProjectDocument.prepare_with_census`)."""
    return columns_of(census.rows)


class CensusModel(QAbstractTableModel):
    """The census table with its search, class filter and sort, kept as columns.

    Texts, colours, sort keys and a lower-case search text are prepared once per row
    in :meth:`set_rows` (the view asks for them many times while it measures and
    paints); filtering is one pass over the search texts and sorting one Python sort of
    row numbers, so a street of 20,000 units filters in milliseconds. ``_order`` holds
    the rows shown, as row numbers into the columns.
    """

    COLUMNS = ("community", "building", "unit", "year", "class", "consent", "reason")
    fillWanted = Signal(int, object)  # (column, order): read the unknown rows, then sort

    def __init__(self, parent=None):
        super().__init__(parent)
        self.consent_ruleset = None  # the project's default consent ruleset (tooltip)
        self.suitability_ruleset = None  # and its suitability ruleset (tooltip)
        self.klass: str | None = None  # class filter
        self.text = ""  # search text (lower case)
        self._sort_column, self._descending = 0, False
        self._rows: list = []  # the census rows (their states and reasons on demand)
        self._unknown = 0  # rows whose state and reason are not read yet
        self._state_text: dict = {}
        self.loads = 0  # counts the contents shown (a background read's age)
        self._queue: dict[int, None] = {}  # rows asked for and not read yet, oldest first
        self._drain_timer = QTimer(self)
        self._drain_timer.setInterval(0)
        self._drain_timer.timeout.connect(self._drain)
        self._load([], [[] for _ in self.COLUMNS], [], [], [])
        self._brush: dict = {}  # made when a class is first shown (start-up)
        self._state_brush: dict = {}

    # ------------------------------------------------------------------ content
    def set_rows(self, rows, prepared: Columns | None = None) -> None:
        """Show the census rows (:class:`elevator_eval.census.CensusRow` or alike).

        Only the cheap columns (community, building, unit, year, class) are read here,
        or taken from ``prepared`` (:func:`census_columns` of these rows, made in the
        census's worker thread). A row's consent state and main reason need its unit's
        full assessment: up to :data:`EAGER_ROWS` rows they are read now (small projects
        show everything at once); above, a row's are read when the view first asks for
        that row (:meth:`data`), so a street of 20,000 units assesses only the rows
        shown. The search matches a row's state and reason once they are known; sorting
        by them first completes the missing ones (:meth:`sort`).
        """
        if prepared is None or prepared.rows is not rows or prepared.lang != i18n.lang():
            prepared = columns_of(rows)
        self._state_text = {}
        # copies: the model changes its columns in place (rows read, rows replaced)
        cols = [list(col) for col in prepared.texts]
        hay = list(prepared.hay)
        n = len(prepared.ids)
        cols[5:] = [[None] * n, [None] * n]  # None: not known yet
        state: list = [None] * n
        self._rows, self._unknown = list(rows), n
        if n <= EAGER_ROWS:
            for i in range(n):
                self._fill(i, cols, hay, state)
        self._load(list(prepared.ids), cols, list(prepared.klass), state, hay, prepared.where)

    def _fill(self, i: int, cols=None, hay=None, state=None, known=None) -> None:
        """Read row ``i``'s consent state and main reason (assesses its unit once), or
        take them from ``known`` (state, reason zh, reason en)."""
        cols = self._cols if cols is None else cols
        hay = self._hay if hay is None else hay
        state = self._state if state is None else state
        r = self._rows[i]
        st, zh, en = known or (r.consent_state, r.main_reason_zh, r.main_reason_en)
        stext = self._state_text.get(st)
        if stext is None:
            stext = self._state_text[st] = labels.state_label(st)
        reason = i18n.pick(zh, en)
        cols[5][i], cols[6][i] = stext, reason
        state[i] = st
        hay[i] = f"{hay[i]} {stext} {reason}".lower()
        self._unknown -= 1

    def _want(self, row: int) -> None:
        """Queue ``row`` to be read; the latest asked first, the oldest dropped when the
        view has moved on (a fast scroll asks for many rows it no longer shows)."""
        self._queue.pop(row, None)
        self._queue[row] = None
        if len(self._queue) > QUEUE_ROWS:
            del self._queue[next(iter(self._queue))]
        if not self._drain_timer.isActive():
            self._drain_timer.start()

    def _drain(self) -> None:
        """Read queued rows for at most :data:`FILL_SLICE_S`, then show them."""
        t0, done = time.perf_counter(), []
        while self._queue and time.perf_counter() - t0 < FILL_SLICE_S:
            row = self._queue.popitem()[0]
            if self._cols[5][row] is None:
                self._fill(row)
                done.append(row)
        if not self._queue:
            self._drain_timer.stop()
        if done:
            self._keys.pop(5, None)
            self._keys.pop(6, None)
        shown = self._shown_at()
        for row in done:
            at = shown.get(row)
            if at is not None:
                self.dataChanged.emit(self.index(at, 5), self.index(at, 6))

    def shown_texts(self, column: int) -> tuple[list, list[int]]:
        """The texts of ``column`` (every row, in the columns' order) and the rows shown
        (row numbers, in the order shown): what sizing the column to its contents reads.
        The model's own lists: copy them to keep them."""
        return self._cols[column], self._order

    def unknown_rows(self) -> int:
        """How many rows' consent state and reason are not known yet."""
        return self._unknown

    def fill_all(self, progress=lambda done, total: True) -> bool:
        """Read every row's state and reason (``progress(done, total)`` False stops);
        safe in a worker thread (it only reads the rows; :meth:`absorb` shows them)."""
        rows, total = self._rows, len(self._rows)
        for i, r in enumerate(rows):
            r.detail()
            if i % 200 == 0 and not progress(i, total):
                return False
        return True

    def absorb(self) -> None:
        """Show the states and reasons read by :meth:`fill_all` (rows since read are
        taken as they are)."""
        cols = self._cols
        for i in range(len(self._rows)):
            if cols[5][i] is None:
                self._fill(i)
        self._keys.pop(5, None)
        self._keys.pop(6, None)
        if self._order:
            self.dataChanged.emit(self.index(0, 5), self.index(len(self._order) - 1, 6))

    def replace_row(self, row, known: tuple[str, str, str] | None = None) -> None:
        """Show ``row`` (a census row) in place of the row of the same unit; other rows
        are untouched. ``known``: the unit's (consent state, main reason zh, en) when the
        caller has its assessment already (else read from the row). A change of class
        under a class filter refilters."""
        i = self._where.get(row.unit_id)
        if i is None:
            return
        old_class = self._klass[i]
        self._rows[i] = row
        texts = (
            row.community,
            row.building,
            row.unit_name or row.unit_id,
            row.year_built,
            labels.class_label(row.klass),
        )
        for col, t in zip(self._cols, texts):
            col[i] = t
        self._klass[i] = row.klass
        self._hay[i] = ("%s %s %s %s %s " % texts + row.unit_id).lower()
        self._cols[5][i] = self._cols[6][i] = None
        self._unknown += 1
        self._fill(i, known=known)
        self._keys.clear()
        if self.klass and old_class != row.klass:
            self.layoutAboutToBeChanged.emit()
            self._order, self._shown = self._filter_rows(), None
            self.layoutChanged.emit()
            return
        shown = self._shown_at().get(i)
        if shown is not None:
            self.dataChanged.emit(self.index(shown, 0), self.index(shown, len(self.COLUMNS) - 1))

    def _shown_at(self) -> dict[int, int]:
        """Row number in the columns -> its place among the rows shown."""
        if self._shown is None:
            self._shown = {r: n for n, r in enumerate(self._order)}
        return self._shown

    def set_project_units(self, project) -> None:
        """Show the project's units before the census is known (classes empty)."""
        cols: list[list] = [[] for _ in self.COLUMNS]
        com, bld, name, year, _k, _s, _r = cols
        ids, hay = [], []
        for c in project.communities:
            for b in c.buildings:
                for u in b.units:
                    texts = (c.name, b.name, u.name or u.id, u.building.year_built)
                    com.append(texts[0])
                    bld.append(texts[1])
                    name.append(texts[2])
                    year.append(texts[3])
                    ids.append(u.id)
                    hay.append(("%s %s %s %s " % texts + u.id).lower())
        n = len(ids)
        cols[4:] = [[labels.class_label(None)] * n, [labels.state_label(None)] * n, [""] * n]
        self._rows, self._unknown = [], 0
        self._load(ids, cols, [None] * n, [None] * n, hay)

    def _load(self, ids, cols, klass, state, hay, where=None) -> None:
        kept = self._same_sort(ids, cols, klass)
        self.beginResetModel()
        self.loads += 1
        self._queue = {}
        self._ids, self._cols, self._klass, self._state = ids, cols, klass, state
        self._hay = hay  # lower-case search text of each row
        self._where = {uid: i for i, uid in enumerate(ids)} if where is None else dict(where)
        self._keys: dict[int, list] = {}
        if kept is not None:
            self._keys[self._sort_column], self._sorted = kept
        else:
            self._sorted = self._sort_rows()
        self._order, self._shown = self._filter_rows(), None
        self.endResetModel()

    def _same_sort(self, ids, cols, klass) -> tuple[list, list[int]] | None:
        """The sort key and order of the rows shown now when the new rows sort the same
        (the same units with the same values in the sorted column: the census's classes
        arriving, sorted by community), else None."""
        c, old = self._sort_column, getattr(self, "_keys", {})
        if c not in old or c >= 5 or ids != self._ids:
            return None
        same = klass == self._klass if c == 4 else cols[c] == self._cols[c]
        return (old[c], self._sorted) if same else None

    # ------------------------------------------------------------------ sort and filter
    def _sort_key(self, column: int) -> list:
        """Sort key of every row in ``column`` (classes in the order of the rule)."""
        if column not in self._keys:
            values = self._cols[column]
            if column == 4:
                order = {"suitable": 0, "difficult": 1, "unsuitable": 2}
                key = [order.get(k, 9) for k in self._klass]
            elif column == 3:
                key = [(v is None, v or 0) for v in values]
            else:
                key = [str(v) for v in values]
            self._keys[column] = key
        return self._keys[column]

    def _sort_rows(self) -> list[int]:
        key = self._sort_key(self._sort_column)
        return sorted(range(len(self._ids)), key=key.__getitem__, reverse=self._descending)

    def _filter_rows(self) -> list[int]:
        rows = self._sorted
        if self.klass:
            klass, wanted = self._klass, self.klass
            rows = [i for i in rows if klass[i] == wanted]
        if self.text:
            hay, text = self._hay, self.text
            rows = [i for i in rows if text in hay[i]]
        return rows

    def set_class(self, klass: str | None) -> None:
        self.beginResetModel()
        self.klass = klass
        self._order, self._shown = self._filter_rows(), None
        self.endResetModel()

    def set_text(self, text: str) -> None:
        self.beginResetModel()
        self.text = text.strip().lower()
        self._order, self._shown = self._filter_rows(), None
        self.endResetModel()

    def sort(self, column, order=None):
        """Sort by ``column``; the selection stays on its rows. Sorting by the consent
        state or the reason first completes the rows not yet known: here when they are
        few, else :attr:`fillWanted` asks the view to read them in the background (the
        sort follows). ``order`` is a ``Qt.SortOrder`` (None: ascending)."""
        if self.COLUMNS[column] in ("consent", "reason") and self._unknown:
            if self._unknown > SYNC_FILL_ROWS:
                self.fillWanted.emit(column, order)
                return
            for i, v in enumerate(self._cols[5]):
                if v is None:
                    self._fill(i)
            self._keys.pop(5, None)
            self._keys.pop(6, None)
        descending = order == Qt.DescendingOrder
        if column == self._sort_column and descending == self._descending and column in self._keys:
            # the rows are in this order already: nothing changed in place since they were
            # sorted (a change drops the sort keys). Sorting is turned on this way when
            # the census arrives (OverviewView._enable_sorting): 20,000 rows, ≈ 5 ms.
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        rows = [self._order[i.row()] for i in old]
        self._sort_column = column
        self._descending = descending
        self._sorted = self._sort_rows()
        self._order, self._shown = self._filter_rows(), None
        where = {r: n for n, r in enumerate(self._order)} if old else {}
        self.changePersistentIndexList(
            old, [self.index(where[r], i.column()) for r, i in zip(rows, old)]
        )
        self.layoutChanged.emit()

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent=QModelIndex()):
        return len(self.COLUMNS)

    # The column titles are not given by a ``headerData`` here: the view keeps them in a
    # model of Qt's own (``OverviewView.headers``), so that painting the header calls no
    # Python and no Qt enum (the header's orientation) reaches Python before the window's
    # first paint (see lazy_qt.py).
    def header_texts(self) -> list[str]:
        """The columns' titles in the window's language, in the order of :attr:`COLUMNS`."""
        titles = {
            "community": self.tr("小区"),
            "building": self.tr("楼栋"),
            "unit": self.tr("单元"),
            "year": self.tr("建成年份"),
            "class": self.tr("适宜性分类"),
            "reason": self.tr("主要原因"),
            "consent": self.tr("表决状态"),
        }
        return [titles[c] for c in self.COLUMNS]

    def header_tooltip(self, column: int) -> str | None:
        """The tooltip of column ``column``'s title: the rule it shows (None: none)."""
        col = self.COLUMNS[column]
        if col == "class":
            return labels.class_rule_source(self.suitability_ruleset)
        if col == "consent":
            return labels.consent_source(self.consent_ruleset)
        return None

    def data(self, index, role=DISPLAY_ROLE):
        if not index.isValid():
            return None
        role = getattr(role, "value", role)
        row, c = self._order[index.row()], index.column()
        if c >= 5 and self._cols[5][row] is None and role in _LAZY_ROLES:
            self._want(row)  # read soon, a few rows per turn of the event loop
            return self.tr("评估中…") if c == 5 and role == DISPLAY_ROLE else None
        if role == DISPLAY_ROLE or role == TOOLTIP_ROLE:
            return self._cols[c][row]
        if role == USER_ROLE:
            return self._ids[row]
        if role == _SORT:
            return self._sort_key(c)[row]
        if c == 4 and (role == BACKGROUND_ROLE or role == FOREGROUND_ROLE):
            klass = self._klass[row]  # None until the census (brushes made when first needed)
            pair = self._brushes()[0].get(klass) if klass is not None else None
            if pair is not None:
                return pair[0] if role == BACKGROUND_ROLE else pair[1]
        if c == 5 and role == FOREGROUND_ROLE:
            state = self._state[row]
            return self._brushes()[1].get(state) if state is not None else None
        return None

    def prepare_brushes(self) -> None:
        """Make the class and state colours' brushes now (PySide builds QColor's and
        QBrush's enums with the first, ≈ 6 ms): at start-up before the census starts,
        rather than in the turn its classes arrive."""
        self._brushes()

    def _brushes(self) -> tuple[dict, dict]:
        """The class cells' (background, text) brushes and the state cells' text brushes."""
        if not self._brush:
            self._brush = {
                k: (QBrush(QColor(CLASS_BACKGROUNDS[k])), QBrush(QColor(v)))
                for k, v in CLASS_COLOURS.items()
            }
            self._state_brush = {k: QBrush(QColor(v)) for k, v in STATE_COLOURS.items()}
        return self._brush, self._state_brush
