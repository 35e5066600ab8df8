"""The window's first start, before any layout was saved: the layout made for it puts the
project tree on the left and the toolbar on top, and it is the layout the tool that made
it makes now (``tools/make_default_layout.py``)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from elevator_eval.ui.default_layout import DEFAULT_WINDOW_STATE
from tools.make_default_layout import TREE_WIDTH_PX, default_state


def _shown(window) -> tuple:
    return (
        window.dockWidgetArea(window.tree_dock),
        window.tree_dock.isVisible(),
        window.tree_dock.isFloating(),
        window.toolBarArea(window.toolbar),
        window.toolbar.isVisible(),
        window.tree_dock.width(),
    )


def test_the_first_start_has_the_tree_on_the_left_and_the_toolbar_on_top(make_main_window):
    w = make_main_window("sample")
    assert w.settings.window_state() is None  # (nothing saved yet)
    area, visible, floating, bar_area, bar_visible, width = _shown(w)
    assert (area, visible, floating) == (Qt.LeftDockWidgetArea, True, False)
    assert (bar_area, bar_visible) == (Qt.TopToolBarArea, True)
    assert width == TREE_WIDTH_PX


def test_the_stored_layout_is_the_one_the_tool_makes(make_main_window):
    made = default_state()
    stored = make_main_window("sample")
    again = make_main_window("sample")
    assert again.restoreState(made)
    assert _shown(again) == _shown(stored)
    assert again.restoreState(DEFAULT_WINDOW_STATE)  # (what the first start restores)
