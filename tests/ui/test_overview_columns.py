"""The overview's columns are as wide as Qt's own "size to contents" makes them (the
overview measures the texts itself instead of asking the model for every cell's roles):
compared with ``resizeColumnToContents`` on the same table, at start-up (the units before
the census), with the census shown, in both languages, with a name too long for a column
and with no units at all."""

from __future__ import annotations

import copy

import pytest

from elevator_eval.model import Project
from elevator_eval.ui.census_model import CensusModel
from elevator_eval.ui.overview import COLUMN_MAX_PX
from tests.ui.conftest import unit_project

SIZED = [c for c, name in enumerate(CensusModel.COLUMNS) if name != "reason"]


def _widths(table) -> list[int]:
    return [table.columnWidth(c) for c in SIZED]


def _qt_widths(table) -> list[int]:
    """The widths Qt's sizing gives the same columns (at most COLUMN_MAX_PX)."""
    out = []
    for c in SIZED:
        table.resizeColumnToContents(c)
        out.append(min(table.columnWidth(c), COLUMN_MAX_PX))
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_columns_at_start_up_as_qt_sizes_them(qtbot, settings_store, lang):
    """The window as the app opens it: the sample's units shown before their census."""
    from elevator_eval.ui import i18n
    from elevator_eval.ui.main_window import MainWindow
    from elevator_eval.ui.settings import Settings

    i18n.set_language(lang)
    try:
        w = MainWindow(Settings(settings_store))
        qtbot.addWidget(w)
        w.doc.defer_engines = True  # as app.run opens the first project
        w.open_initial(None)
        table = w.view("overview").table
        assert table.model().rowCount() == 16
        ours = _widths(table)
        assert ours == _qt_widths(table)
        assert all(width > 0 for width in ours)
    finally:
        w.doc.undo_stack.setClean()
        w.close()
        i18n.set_language("zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_columns_with_the_census_as_qt_sizes_them(make_main_window, qtbot, lang):
    w = make_main_window("sample", lang=lang)
    ov = w.view("overview")
    qtbot.waitUntil(lambda: ov.model.unknown_rows() == 0)
    ours = _widths(ov.table)
    # the consent column holds the states' names now, not blanks
    states = {ov.model.data(ov.model.index(r, 5)) for r in range(ov.model.rowCount())}
    assert None not in states and "" not in states
    assert ours == _qt_widths(ov.table)


def test_a_long_name_is_cut_at_the_column_maximum(make_main_window):
    project = unit_project()
    long_name = "幸福里小区东区第二期经济适用住房项目管理处"
    project.communities[0].name = long_name
    w = make_main_window(project)
    table = w.view("overview").table
    community = CensusModel.COLUMNS.index("community")
    assert table.columnWidth(community) == COLUMN_MAX_PX
    assert table.fontMetrics().horizontalAdvance(long_name) > COLUMN_MAX_PX
    assert _widths(table) == _qt_widths(table)


def test_a_new_project_has_its_titles_widths(make_main_window):
    w = make_main_window(Project(name="新项目"))
    table = w.view("overview").table
    assert table.model().rowCount() == 0
    header = table.horizontalHeader()
    assert _widths(table) == [min(header.sectionSizeHint(c), COLUMN_MAX_PX) for c in SIZED]
    assert _widths(table) == _qt_widths(table)


def test_a_changed_name_resizes_its_column(make_main_window, qtbot):
    """The last row's building renamed to a longer name: its column widens to Qt's
    width for it."""
    w = make_main_window("sample")
    table = w.view("overview").table
    building = CensusModel.COLUMNS.index("building")
    before = table.columnWidth(building)
    renamed = copy.deepcopy(w.doc.project)
    renamed.communities[-1].buildings[-1].name = "7号楼（东侧加建部分）"
    w.doc.set_project(renamed, None)
    w.show_overview()
    table = w.view("overview").table
    qtbot.waitUntil(lambda: table.columnWidth(building) > before)
    assert _widths(table) == _qt_widths(table)
