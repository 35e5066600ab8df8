"""Fixtures for the desktop tests: a main window on a fresh settings store, with a check
that no top-level widget is left behind."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from elevator_eval.ui.refcount_guard import protect_singletons

# before the tests' many Qt calls (the app runs it after its first paint: see the guard)
protect_singletons()

DATA = Path(__file__).resolve().parent.parent / "data"


def unit_project(n_buildings: int = 2):
    """A small project built in memory from the spec's twelve-household example unit."""
    from elevator_eval.model import Building, Community, Project
    from elevator_eval.unitfile import load_unit

    base = load_unit(DATA / "xingfuli-3-2.unit.json")
    buildings = []
    for i in range(n_buildings):
        u = copy.deepcopy(base)
        if i:
            u.id = f"XFL-{3 + i}-2"
            u.name = f"幸福里小区 {3 + i}号楼 2单元"
        buildings.append(Building(id=f"B{i + 3}", name=f"{3 + i}号楼", info=u.building, units=[u]))
    return Project(
        name="幸福里测试街道",
        communities=[Community(id="C1", name="幸福里小区", buildings=buildings)],
    )


@pytest.fixture(autouse=True)
def qt_test_paths():
    """Qt's standard folders in test mode for every test of the window: what a test writes
    there (settings, a fault's log) stays out of the user's own folders."""
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def settings_store(tmp_path):
    """A QSettings file of its own for each test."""
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    yield s
    s.sync()


@pytest.fixture
def make_main_window(qtbot, settings_store, tmp_path, monkeypatch):
    """Factory: ``make_main_window(project=None, lang="zh")`` → a shown MainWindow.

    The project defaults to the in-memory example project (the bundled sample when
    ``project="sample"``). Dialog questions are answered "discard"/"no"; errors are
    collected in ``window.errors`` instead of a message box. After the test, every window
    is closed and the test fails if a top-level widget was leaked.
    """
    from PySide6.QtCore import QStandardPaths

    from elevator_eval.ui import i18n
    from elevator_eval.ui.app import ensure_app, load_app_font
    from elevator_eval.ui.main_window import MainWindow
    from elevator_eval.ui.settings import Settings

    QStandardPaths.setTestModeEnabled(True)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    app = ensure_app()
    load_app_font(app)
    before = {id(w) for w in QApplication.topLevelWidgets()}
    made = []

    def factory(project=None, lang: str = "zh", path=None):
        i18n.set_language(lang)
        w = MainWindow(Settings(settings_store))
        w.ask_save_changes = lambda: "discard"
        w.ask_recover = lambda found: False
        w.guard.ask_lock_choice = lambda info: "edit"  # a second window on one file
        w.errors = []
        w.report_error = lambda title, text: w.errors.append((title, text))
        if project == "sample":
            w.open_initial(None)
        elif path is not None:
            w.open_initial(str(path))
        else:
            w.doc.set_project(project if project is not None else unit_project(), None)
            w.show_overview()
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield factory

    from elevator_eval.ui.worker import running_tasks

    for task in running_tasks():
        task.cancel()
        task.wait(20_000)
    for w in made:
        w.doc.undo_stack.setClean()
        w.close()
    QApplication.processEvents()
    i18n.set_language("zh")
    leaked = [
        w
        for w in QApplication.topLevelWidgets()
        if id(w) not in before and w.isVisible() and w not in made
    ]
    for widget in leaked:
        widget.close()
    assert not leaked, f"leaked top-level widgets: {leaked}"
