"""The floor × door vote grid of the votes tab (top floor first): one cell per household,
coloured by its vote. A click opens the vote editor (:mod:`.vote_editor`); the context menu and
the keys Y / N / A / Del open it with that vote chosen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QTableWidget

from . import labels

HH_ROLE = Qt.UserRole + 10


def grid_layout(households) -> tuple[list[int], int, dict[tuple[int, int], object]]:
    """Floors (top first), the number of door columns and {(row, col): household}."""
    by_floor: dict[int, list] = {}
    for h in households:
        by_floor.setdefault(h.floor, []).append(h)
    floors = sorted(by_floor, reverse=True)
    cols = max((len(v) for v in by_floor.values()), default=0)
    cells = {}
    for r, fl in enumerate(floors):
        for c, h in enumerate(sorted(by_floor[fl], key=lambda h: (len(h.id), h.id))):
            cells[(r, c)] = h
    return floors, cols, cells


class VoteGrid(QTableWidget):
    def __init__(self, tab, parent=None):
        super().__init__(parent)
        self.tab = tab
        self.setObjectName("VoteGrid")
        self.setEditTriggers(QTableWidget.NoEditTriggers)
        self.setSelectionMode(QTableWidget.SingleSelection)
        self.setContextMenuPolicy(Qt.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.cellClicked.connect(self._clicked)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.setToolTip(
            self.tr("单击录入表决（来源、日期、录入人）；右键或按 Y / N / A / Del 预选表决")
        )
        self.editor = None

    def household_at(self, row: int, col: int) -> str | None:
        item = self.item(row, col)
        return None if item is None else item.data(HH_ROLE)

    def cell_of(self, household_id: str) -> tuple[int, int]:
        for r in range(self.rowCount()):
            for c in range(self.columnCount()):
                if self.household_at(r, c) == household_id:
                    return r, c
        raise KeyError(household_id)

    def _clicked(self, row: int, col: int) -> None:
        hid = self.household_at(row, col)
        if hid is not None:
            self.open_editor(hid)

    def open_editor(self, hid: str, preset: str | bool | None = False):
        """Open the vote editor of one household (window-modal, not blocking)."""
        from .vote_editor import VoteEditor

        if self.editor is not None:
            self.editor.close()
        self.editor = VoteEditor(self.tab.doc, self.tab.unit_id, hid, self.window(), preset)
        self.editor.destroyed.connect(lambda _=None: setattr(self, "editor", None))
        self.editor.open()
        return self.editor

    def _menu(self, pos) -> None:
        index = self.indexAt(pos)
        hid = self.household_at(index.row(), index.column()) if index.isValid() else None
        if hid is None:
            return
        menu = QMenu(self)
        for vote in ("yes", "no", "abstain", None):
            act = menu.addAction(labels.vote_label(vote))
            act.triggered.connect(lambda _=False, v=vote: self.open_editor(hid, v))
        menu.exec(self.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event):
        keys = {
            Qt.Key_Y: "yes",
            Qt.Key_N: "no",
            Qt.Key_A: "abstain",
            Qt.Key_Delete: None,
            Qt.Key_Backspace: None,
        }
        if event.key() in keys and self.currentItem() is not None:
            hid = self.currentItem().data(HH_ROLE)
            if hid:
                self.open_editor(hid, keys[event.key()])
                return
        super().keyPressEvent(event)
