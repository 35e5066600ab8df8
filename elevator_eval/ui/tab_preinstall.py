"""Placeholder until the engine lands."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from .tab_base import UnitTab


class PreinstallTab(UnitTab):
    name = "preinstall"

    def __init__(self, doc, parent=None):
        super().__init__(doc, parent)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("先期预埋评估模块尚未就绪")))

    def refresh(self) -> None:
        pass
