"""The unit editor: a header with the class and the consent state, and one tab per task."""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from . import labels
from .style import CLASS_BACKGROUNDS, CLASS_COLOURS, STATE_COLOURS

TABS = (
    "building",
    "site",
    "site_plan",
    "votes",
    "costs",
    "preinstall",
    "documents",
    "process",
    "canvass",
    "upkeep",
)
_TAB_CLASSES = {
    "building": ("tab_building", "BuildingTab"),
    "site": ("tab_site", "SiteTab"),
    "site_plan": ("tab_site_plan", "SitePlanTab"),
    "votes": ("tab_votes", "VotesTab"),
    "costs": ("tab_costs", "CostsTab"),
    "preinstall": ("tab_preinstall", "PreinstallTab"),
    "documents": ("tab_documents", "DocumentsTab"),
    "process": ("tab_process", "ProcessTab"),
    "canvass": ("tab_canvass", "CanvassTab"),
    "upkeep": ("tab_upkeep", "UpkeepTab"),
}


class UnitEditor(QWidget):
    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.unit_id: str | None = None
        self.title = QLabel()
        self.title.setObjectName("UnitTitle")
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.title.setFont(f)
        self.class_badge = QLabel()
        self.class_badge.setObjectName("ClassBadge")
        self.consent_badge = QLabel()
        self.consent_badge.setObjectName("ConsentBadge")
        for b in (self.class_badge, self.consent_badge):
            b.setMargin(4)
        self.class_badge.setToolTip(labels.class_rule_source())
        self.consent_badge.setToolTip(labels.consent_source())
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.class_badge)
        head.addWidget(self.consent_badge)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("UnitTabs")
        self._tabs: dict[str, QWidget] = {}
        titles = {
            "building": self.tr("楼栋与结构"),
            "site": self.tr("现场踏勘"),
            "site_plan": self.tr("总平面与日照"),
            "votes": self.tr("住户与表决"),
            "costs": self.tr("费用分摊"),
            "preinstall": self.tr("先期预埋"),
            "documents": self.tr("文件与打印"),
            "process": self.tr("办理进度"),
            "canvass": self.tr("走访"),
            "upkeep": self.tr("运维"),
        }
        for name in TABS:
            mod_name, cls_name = _TAB_CLASSES[name]
            mod = importlib.import_module(f"elevator_eval.ui.{mod_name}")
            tab = getattr(mod, cls_name)(doc, self)
            tab.setObjectName(f"tab_{name}")
            self._tabs[name] = tab
            self.tabs.addTab(tab, titles[name])
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.tabs, 1)
        doc.unitChanged.connect(self._on_unit_changed)

    def tab(self, name: str) -> QWidget:
        return self._tabs[name]

    def show_tab(self, name: str) -> QWidget:
        tab = self._tabs[name]
        self.tabs.setCurrentWidget(tab)
        return tab

    def current_tab_name(self) -> str:
        w = self.tabs.currentWidget()
        return next((n for n, t in self._tabs.items() if t is w), "building")

    def set_unit(self, unit_id: str) -> None:
        self.unit_id = unit_id
        for tab in self._tabs.values():
            tab.set_unit(unit_id)
        self.update_header()

    def reload(self) -> None:
        if self.unit_id is None:
            return
        try:
            self.doc.unit(self.unit_id)
        except KeyError:
            self.unit_id = None
            return
        self.set_unit(self.unit_id)

    def _on_unit_changed(self, unit_id: str) -> None:
        if unit_id == self.unit_id:
            self.update_header()

    def update_header(self) -> None:
        if self.unit_id is None:
            return
        unit = self.doc.unit(self.unit_id)
        self.title.setText(f"{unit.name or unit.id}  ({unit.id})")
        try:
            a = self.doc.assessment(self.unit_id)
        except Exception:
            a = None
        if a is not None:
            self.class_badge.setText(labels.class_label(a.klass))
            self.class_badge.setStyleSheet(
                f"color:{CLASS_COLOURS[a.klass]};background:{CLASS_BACKGROUNDS[a.klass]};"
                "border-radius:4px;font-weight:bold"
            )
        else:
            self.class_badge.setText(labels.class_label(None))
            self.class_badge.setStyleSheet("")
        try:
            rules = self.doc.rules(self.unit_id)
            self.class_badge.setToolTip(labels.class_rule_source(rules.suitability))
            self.consent_badge.setToolTip(labels.consent_source(rules.consent))
            c = self.doc.consent(self.unit_id)
            state = c.state if c is not None else None
        except Exception:
            state = "invalid"  # e.g. one owner with two different votes
        text = labels.state_label(state)
        self.consent_badge.setText(text)
        colour = STATE_COLOURS.get(state, "#555555")
        self.consent_badge.setStyleSheet(
            f"color:{colour};border:1px solid {colour};border-radius:4px"
        )
        self.consent_badge.setProperty("state", state)
