"""The window's first paint goes without Qt's namespace of enums (``ui/lazy_qt.py``): the
numbers used instead are Qt's own, the tree dock still starts on the left and comes back
where it was left, and the overview's header still shows its titles, tooltips and sort."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt

from elevator_eval.ui import labels, lazy_qt
from tests.ui.app_process import run_app

# Starts the app as ``python -m elevator_eval`` does and prints a line when Qt's
# namespace is built (its first enum class, GlobalColor, is made), when the cyclic
# garbage collector is paused and each time it runs.
START = """
import enum, gc, runpy, sys
made = enum.EnumType._create_
def watch(cls, name, *args, **kwargs):
    if name == "GlobalColor":
        print("qt-namespace-built", flush=True)
    return made(cls, name, *args, **kwargs)
enum.EnumType._create_ = watch
def collecting(phase, info):
    if phase == "start":
        print("collection", flush=True)
gc.callbacks.append(collecting)
pause = gc.disable
def paused():
    print("collector-paused", flush=True)
    pause()
gc.disable = paused
sys.argv = ["elevator_eval"]
try:
    runpy.run_module("elevator_eval", run_name="__main__")
finally:  # the app guarded None after its first paint (refcount_guard.py)
    print("none-guarded" if sys.getrefcount(None) > 2**40 else "none-unguarded")
"""


def _start(settings_dir: Path) -> list[str]:
    out = run_app(START, settings_dir)
    return [line.split()[0] for line in out.splitlines() if line.strip()]


def test_the_numbers_are_qt_s_own():
    assert Qt.ItemDataRole.DisplayRole.value == lazy_qt.DISPLAY_ROLE
    assert Qt.ItemDataRole.ToolTipRole.value == lazy_qt.TOOLTIP_ROLE
    assert Qt.ItemDataRole.BackgroundRole.value == lazy_qt.BACKGROUND_ROLE
    assert Qt.ItemDataRole.ForegroundRole.value == lazy_qt.FOREGROUND_ROLE
    assert Qt.ItemDataRole.UserRole.value == lazy_qt.USER_ROLE
    assert Qt.AlignmentFlag.AlignHCenter.value == lazy_qt.ALIGN_H_CENTER
    assert Qt.TextFlag.TextWordWrap.value == lazy_qt.TEXT_WORD_WRAP
    assert Qt.ShortcutContext.WidgetShortcut.value == lazy_qt.WIDGET_SHORTCUT
    assert Qt.ContextMenuPolicy.CustomContextMenu.value == lazy_qt.CUSTOM_CONTEXT_MENU
    assert Qt.ToolButtonStyle.ToolButtonTextBesideIcon.value == lazy_qt.TOOL_BUTTON_TEXT_BESIDE_ICON
    assert lazy_qt.Qt.AlignLeft is Qt.AlignLeft and lazy_qt.Qt.Horizontal is Qt.Horizontal


def test_every_start_paints_before_building_qt_s_namespace(tmp_path):
    first = _start(tmp_path)  # the first start ever: the layout made for it
    assert first.index("first-paint-s") < first.index("qt-namespace-built")
    second = _start(tmp_path)  # the layout the first start saved on closing
    assert second.index("first-paint-s") < second.index("qt-namespace-built")
    # the collector is paused from the start of the app to its first paint, then runs
    paint = second.index("first-paint-s")
    assert "collection" not in second[second.index("collector-paused") : paint]
    assert "collection" in second[paint:]
    if sys.version_info < (3, 12):
        assert "none-guarded" in second and "none-unguarded" not in second
    assert "census-ready-s" in second


def test_the_settings_made_by_name_are_in_force(make_main_window):
    w = make_main_window("sample")
    assert w.toolbar.toolButtonStyle() == Qt.ToolButtonTextBesideIcon
    assert w.tree.contextMenuPolicy() == Qt.CustomContextMenu
    assert w.street.act_delete.shortcutContext() == Qt.WidgetShortcut


def test_the_tree_dock_starts_on_the_left_and_comes_back_where_it_was_left(
    make_main_window,
):
    w = make_main_window("sample")
    assert w.dockWidgetArea(w.tree_dock) == Qt.LeftDockWidgetArea
    w.addDockWidget(Qt.RightDockWidgetArea, w.tree_dock)
    w.close()  # saves the layout, as at the end of a session
    again = make_main_window("sample")
    assert again.dockWidgetArea(again.tree_dock) == Qt.RightDockWidgetArea
    assert not again.tree_dock.isFloating() and again.tree_dock.isVisible()


def test_the_overview_header_titles_tooltips_and_sort(make_main_window):
    w = make_main_window("sample")
    ov = w.view("overview")
    header = ov.table.horizontalHeader()
    titles = [header.model().headerData(c, Qt.Horizontal) for c in range(header.count())]
    assert titles == ["小区", "楼栋", "单元", "建成年份", "适宜性分类", "表决状态", "主要原因"]
    tips = [
        header.model().headerData(c, Qt.Horizontal, Qt.ToolTipRole) for c in range(header.count())
    ]
    assert tips[4] == labels.class_rule_source(w.doc.default_rules().suitability)
    assert "恰 1 项强干扰" in tips[4]
    assert tips[5] == labels.consent_source(w.doc.default_rules().consent)
    assert tips[5] and tips[0] is None
    assert ov.table.isSortingEnabled()
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.AscendingOrder
    names = [ov.model.data(ov.model.index(r, 0)) for r in range(ov.model.rowCount())]
    assert names == sorted(names)

    english = make_main_window("sample", lang="en")
    header = english.view("overview").table.horizontalHeader()
    assert header.model().headerData(3, Qt.Horizontal) == "Year built"


def test_at_start_up_sorting_and_the_arrow_come_with_the_census(qtbot, settings_store):
    """As ``app.run`` starts the window: the first paint without the census (no sorting,
    so no Qt enum), then the census; the first column's title is whole beside its arrow."""
    from elevator_eval.ui import i18n
    from elevator_eval.ui.main_window import MainWindow
    from elevator_eval.ui.settings import Settings

    i18n.set_language("en")  # "Community" is wider than the Chinese names below it
    w = MainWindow(Settings(settings_store))
    qtbot.addWidget(w)
    try:
        w.doc.defer_engines = True
        w.open_initial(None)
        w.show()
        qtbot.waitExposed(w)
        ov = w.view("overview")
        header = ov.table.horizontalHeader()
        assert not ov.table.isSortingEnabled()
        assert header.model().headerData(0, Qt.Horizontal) == "Community"
        task = w.finish_startup()
        with qtbot.waitSignal(task.done, timeout=120_000):
            pass
        qtbot.waitUntil(lambda: ov.table.isSortingEnabled())
        assert header.sortIndicatorSection() == 0
        assert header.sectionSize(0) >= header.sectionSizeHint(0)
    finally:
        w.close()
        i18n.set_language("zh")
