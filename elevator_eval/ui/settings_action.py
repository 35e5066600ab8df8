"""The Edit menu's entry "项目设置…", opening :mod:`elevator_eval.ui.settings_dialog`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

translate = QCoreApplication.translate


def retranslate(action: QAction) -> None:
    """The entry's texts in the current language (the window calls it on a language
    change)."""
    action.setText(translate("ProjectSettings", "项目设置(&T)…"))
    tip = translate("ProjectSettings", "表决规则、适宜性规则、城市表格与组织信息")
    action.setToolTip(tip)
    action.setStatusTip(tip)


def _open(window) -> None:
    # the dialog's module (and the rule catalogues it lists) loads when the entry is first
    # used, not at start-up
    from .settings_dialog import open_dialog

    open_dialog(window)


def add_settings_action(window, menu) -> QAction:
    """The menu entry (object name ``actProjectSettings``) opening the dialog."""
    act = QAction(window)
    act.setObjectName("actProjectSettings")
    act.triggered.connect(lambda: _open(window))
    window.addAction(act)
    menu.addSeparator()
    menu.addAction(act)
    retranslate(act)
    window.act_project_settings = act
    return act
