"""Placeholder until the procurement engine is wired."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ProcurementView(QWidget):
    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        QVBoxLayout(self).addWidget(QLabel(self.tr("采购比选模块尚未就绪")))

    def reload(self) -> None:
        pass
