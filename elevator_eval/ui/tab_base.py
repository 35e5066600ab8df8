"""Base of the unit editor's tabs: follow one unit, refresh when it changes (or when next
shown, if hidden at the time)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem, QWidget


class UnitTab(QWidget):
    name = "tab"

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.unit_id: str | None = None
        self._stale = True
        doc.unitChanged.connect(self._on_unit_changed)

    def set_unit(self, unit_id: str) -> None:
        self.unit_id = unit_id
        self._stale = True
        if self.isVisible():
            self._refresh()

    def _on_unit_changed(self, unit_id: str) -> None:
        if unit_id != self.unit_id:
            return
        self._stale = True
        if self.isVisible():
            self._refresh()

    def showEvent(self, event):
        super().showEvent(event)
        if self._stale:
            self._refresh()

    def _refresh(self) -> None:
        if self.unit_id is None:
            return
        try:
            self.doc.unit(self.unit_id)
        except KeyError:
            return
        self._stale = False
        self.refresh()

    def refresh(self) -> None:  # pragma: no cover - overridden
        pass

    def ensure_fresh(self) -> None:
        """Refresh now if the unit changed since the last refresh (for hidden tabs)."""
        if self._stale:
            self._refresh()


HH_ROLE = Qt.UserRole + 10
"""Item data role holding a household id in the per-household tables."""


def table_item(text, editable=False, align=Qt.AlignRight | Qt.AlignVCenter):
    """A table cell: selectable, editable only when asked, right-aligned by default."""
    it = QTableWidgetItem(str(text))
    flags = Qt.ItemIsSelectable | Qt.ItemIsEnabled
    if editable:
        flags |= Qt.ItemIsEditable
    it.setFlags(flags)
    it.setTextAlignment(align)
    return it
