"""The project tree (community → building → unit) as a Qt model over the project's lists.

No item objects are built: ``rowCount``/``index``/``data`` read the project's own lists,
so a street of 20,000 units costs the view what it paints. An index's internal id names
its parent: 0 for a community, ``1 + community row`` for a building, and
``1 + number of communities + flat building number`` for a unit.
"""

from __future__ import annotations

from itertools import chain
from operator import attrgetter

from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeView

from .lazy_qt import DISPLAY_ROLE, FOREGROUND_ROLE, TOOLTIP_ROLE, USER_ROLE
from .style import CLASS_COLOURS

UNIT_ROLE = USER_ROLE + 1
KIND_ROLE = USER_ROLE + 2
ID_ROLE = USER_ROLE + 3

_KINDS = ("community", "building", "unit")
_BUILDINGS, _UNITS = attrgetter("buildings"), attrgetter("units")

EXPAND_ALL_UP_TO_UNITS = 2000
"""A window choice (no rule): a project of up to this many units opens with the whole tree
expanded; a larger one (a district) with its communities listed, each opened by a click,
so that the view does not lay out every unit at once."""


def _shape(communities: list) -> tuple[list, list, list]:
    """The communities (by identity), their numbers of buildings and the buildings'
    numbers of units: what the tree's rows are made of."""
    buildings = list(map(_BUILDINGS, communities))
    return (
        list(map(id, communities)),
        list(map(len, buildings)),
        list(map(len, map(_UNITS, chain.from_iterable(buildings)))),  # C loops: 20,000 units
    )


class ProjectTreeModel(QAbstractItemModel):
    """Communities, their buildings and their units, read from ``doc.project``."""

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self._communities: list = []
        self._buildings: list[tuple[int, int]] = []  # flat building number → (c, b)
        self._first_building: list[int] = []  # community row → first flat number
        self._klass: dict[str, str] = {}
        self.unit_count = 0
        self._where: dict[str, tuple[int, int, int]] | None = None
        self._shape: tuple[list, list, list] = ([], [], [])
        self._structure_seen = -1  # the document's structure_changes when last read
        self._brush: dict[str, QBrush] = {}  # made when first shown (start-up)

    def reset(self, klass: dict[str, str]) -> None:
        """Read the project's lists again; ``klass`` maps unit id → suitability class."""
        self.beginResetModel()
        self._communities = list(self.doc.project.communities)
        self._buildings, self._first_building = [], []
        for ci, c in enumerate(self._communities):
            self._first_building.append(len(self._buildings))
            self._buildings.extend((ci, bi) for bi in range(len(c.buildings)))
        self._klass = dict(klass)
        self._shape = _shape(self._communities)
        self._structure_seen = self.doc.structure_changes
        self.unit_count = sum(self._shape[2])
        self._where = None
        self.endResetModel()

    def recolour(self, klass: dict[str, str]) -> bool:
        """Take the classes ``klass`` (unit id → class) without a reset when the project
        still has the communities, and the numbers of buildings and units, that the tree
        shows (True); else nothing is done (False: the caller resets).

        A reset makes the view lay out every row again, and a ``dataChanged`` over the
        communities makes it ask each one for its children (a census's classes arriving
        on a street of 20,000 units: 10–40 ms either way). Only the units' colour
        changes and the rows are read live, so no signal is sent: the caller repaints
        its view (``viewport().update()``)."""
        structure = self.doc.structure_changes
        if structure != self._structure_seen:  # units added or removed since: compared
            if _shape(self.doc.project.communities) != self._shape:
                return False
            self._structure_seen = structure
        self._klass = dict(klass)
        self._where = None
        return True

    def set_class(self, unit_id: str, klass: str | None) -> None:
        """Recolour one unit after an edit."""
        if klass is None or self._klass.get(unit_id) == klass:
            return
        self._klass[unit_id] = klass
        index = self.unit_index(unit_id)
        if index.isValid():
            self.dataChanged.emit(index, index, [FOREGROUND_ROLE])

    # ------------------------------------------------------------------ structure
    def _node(self, index: QModelIndex):
        iid, row = index.internalId(), index.row()
        if iid == 0:
            return 0, self._communities[row]
        n = len(self._communities)
        if iid <= n:
            return 1, self._communities[iid - 1].buildings[row]
        ci, bi = self._buildings[iid - n - 1]
        return 2, self._communities[ci].buildings[bi].units[row]

    def index(self, row, column, parent=QModelIndex()):
        if column != 0 or row < 0 or row >= self.rowCount(parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0)
        iid = parent.internalId()
        if iid == 0:
            return self.createIndex(row, 0, 1 + parent.row())
        ci = iid - 1
        flat = self._first_building[ci] + parent.row()
        return self.createIndex(row, 0, 1 + len(self._communities) + flat)

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        iid = index.internalId()
        if iid == 0:
            return QModelIndex()
        n = len(self._communities)
        if iid <= n:
            return self.createIndex(iid - 1, 0, 0)
        ci, bi = self._buildings[iid - n - 1]
        return self.createIndex(bi, 0, 1 + ci)

    def rowCount(self, parent=QModelIndex()):
        if not parent.isValid():
            return len(self._communities)
        if parent.column() != 0:
            return 0
        kind, node = self._node(parent)
        if kind == 0:
            return len(node.buildings)
        if kind == 1:
            return len(node.units)
        return 0

    def columnCount(self, parent=QModelIndex()):
        return 1

    def data(self, index, role=DISPLAY_ROLE):
        if not index.isValid():
            return None
        role = getattr(role, "value", role)
        kind, node = self._node(index)
        if role == DISPLAY_ROLE:
            if kind == 2:
                return (node.name.split(" ")[-1] if node.name else "") or node.id
            return node.name or node.id
        if role == UNIT_ROLE:  # always a string: see refcount_guard.py
            return node.id if kind == 2 else ""
        if role == KIND_ROLE:
            return _KINDS[kind]
        if role == ID_ROLE:
            return node.id
        if role == TOOLTIP_ROLE:
            if kind == 0:
                return node.district or node.name
            if kind == 1:
                return node.address or node.name
            return f"{node.name} ({node.id})"
        if role == FOREGROUND_ROLE and kind == 2:
            return self._class_brush(self._klass.get(node.id))
        return None

    def _class_brush(self, klass: str | None) -> QBrush | None:
        if not klass:  # no brush before the census (a brush would build Qt's enums)
            return None
        if not self._brush:
            self._brush = {k: QBrush(QColor(v)) for k, v in CLASS_COLOURS.items()}
        return self._brush.get(klass)

    # ------------------------------------------------------------------ look-ups
    def unit_index(self, unit_id: str) -> QModelIndex:
        """The index of unit ``unit_id`` (invalid when there is none)."""
        if self._where is None:
            self._where = {
                u.id: (ci, bi, ui)
                for ci, c in enumerate(self._communities)
                for bi, b in enumerate(c.buildings)
                for ui, u in enumerate(b.units)
            }
        where = self._where.get(unit_id)
        if where is None:
            return QModelIndex()
        ci, bi, ui = where
        return self.createIndex(ui, 0, 1 + len(self._communities) + self._first_building[ci] + bi)

    def item_index(self, kind: str, item_id: str) -> QModelIndex:
        """The index of the community, building or unit ``item_id``."""
        if kind == "unit":
            return self.unit_index(item_id)
        for ci, c in enumerate(self._communities):
            if kind == "community" and c.id == item_id:
                return self.createIndex(ci, 0, 0)
            if kind == "building":
                for bi, b in enumerate(c.buildings):
                    if b.id == item_id:
                        return self.createIndex(bi, 0, 1 + ci)
        return QModelIndex()


def make_tree_view(model: ProjectTreeModel) -> QTreeView:
    """The dock's tree view over ``model``: one line per row, so that the view lays out
    20,000 rows without measuring each."""
    tree = QTreeView()
    tree.setObjectName("ProjectTree")
    tree.setHeaderHidden(True)
    tree.setUniformRowHeights(True)
    tree.setModel(model)
    return tree


def prepare_tree_rows(tree: QTreeView) -> None:
    """Make the Python wrapper of the tree's rows widget, repainted when a census's classes
    arrive (:meth:`ProjectTreeModel.recolour`): PySide's first call to ``viewport()`` builds
    its QWidget enums (≈ 15 ms). Called after the window's first paint, before the census
    starts, so that neither the first paint nor the census's arrival pays it."""
    tree.viewport().setObjectName("ProjectTreeRows")
