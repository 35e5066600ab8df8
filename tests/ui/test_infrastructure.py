"""Settings with a schema version, the long-work helper, shortcuts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project
from elevator_eval.ui import i18n
from elevator_eval.ui.settings import MAX_RECENT, SCHEMA_VERSION, Settings
from elevator_eval.ui.worker import run_task
from elevator_eval.unitfile_fields import as_int


def test_settings_migrate_from_version_0(tmp_path):
    qs = QSettings(str(tmp_path / "old.ini"), QSettings.IniFormat)
    qs.setValue("recent", "/a.eeproj;/b.eeproj")  # version 0 layout, no schema_version
    qs.sync()
    s = Settings(QSettings(str(tmp_path / "old.ini"), QSettings.IniFormat))
    assert (
        s.qs.value("schema_version") == SCHEMA_VERSION
        or int(s.qs.value("schema_version")) == SCHEMA_VERSION
    )
    assert s.recent_files() == ["/a.eeproj", "/b.eeproj"]
    assert s.qs.value("recent") is None


def _ini(tmp_path, **values) -> Path:
    path = tmp_path / "s.ini"
    qs = QSettings(str(path), QSettings.IniFormat)
    for key, value in values.items():
        qs.setValue(key, value)
    qs.sync()
    return path


def test_a_current_store_is_not_rewritten_by_opening_it(tmp_path):
    # (a write makes Qt save the file with two disk syncs before the first paint)
    for version in (SCHEMA_VERSION, SCHEMA_VERSION + 1):  # current; a newer app's
        path = _ini(tmp_path, schema_version=version, recent_files=["/a.eeproj"])
        before = (path.read_bytes(), path.stat().st_mtime_ns)
        time.sleep(0.02)
        s = Settings(QSettings(str(path), QSettings.IniFormat))
        assert s.recent_files() == ["/a.eeproj"]
        s.qs.sync()
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before
        assert not Path(str(path) + ".lock").exists()


def test_a_new_store_is_written_with_its_first_values(tmp_path):
    path = tmp_path / "new.ini"
    s = Settings(QSettings(str(path), QSettings.IniFormat))
    s.qs.sync()
    assert not path.exists()  # nothing written at start (the first start's first paint)
    s.add_recent_file("/a.eeproj")
    s.sync()
    again = QSettings(str(path), QSettings.IniFormat)
    assert int(again.value("schema_version")) == SCHEMA_VERSION
    assert Settings(again).recent_files() == ["/a.eeproj"]


def test_an_unreadable_or_missing_version_is_migrated(tmp_path):
    for version in ("abc", None):
        values = {"recent": "/a.eeproj;/b.eeproj"}
        if version is not None:
            values["schema_version"] = version
        path = _ini(tmp_path, **values)
        s = Settings(QSettings(str(path), QSettings.IniFormat))
        s.qs.sync()
        assert int(QSettings(str(path), QSettings.IniFormat).value("schema_version")) == 1
        assert s.recent_files() == ["/a.eeproj", "/b.eeproj"]
        path.unlink()


def test_recent_files_most_recent_first_without_duplicates(tmp_path):
    s = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    for i in range(MAX_RECENT + 3):
        s.add_recent_file(f"/p{i}.eeproj")
    s.add_recent_file("/p5.eeproj")
    files = s.recent_files()
    assert files[0] == "/p5.eeproj" and len(files) == MAX_RECENT
    assert len(set(files)) == len(files)
    s.set_language("en")
    assert Settings(s.qs).language() == "en"


def test_task_reports_progress_and_result(qtbot):
    seen = []

    def work(progress):
        for i in range(5):
            progress(i + 1, 5)
        return "ok"

    task = run_task(None, work, show_dialog=False)
    task.progress.connect(lambda d, t: seen.append(d))
    with qtbot.waitSignal(task.finished, timeout=10_000) as blocker:
        pass
    assert blocker.args == ["ok"] and task.state == "finished"


def test_task_cancel_stops_the_function(qtbot):
    steps = []

    def work(progress):
        for i in range(1000):
            if not progress(i, 1000):
                return "stopped"
            steps.append(i)
            time.sleep(0.005)
        return "all"

    task = run_task(None, work, show_dialog=False)
    qtbot.waitUntil(lambda: len(steps) > 3, timeout=10_000)
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        task.cancel()
    assert task.state == "cancelled" and len(steps) < 1000


def test_a_task_started_later_runs_then_and_one_cancelled_before_never_runs(qtbot):
    from elevator_eval.ui.worker import running_tasks

    ran = []
    later = run_task(
        None, lambda progress: ran.append("later") or "done", show_dialog=False, start=False
    )
    assert later.state == "pending" and later in running_tasks() and ran == []
    with qtbot.waitSignal(later.finished, timeout=10_000):
        later.start()
    assert ran == ["later"] and later.result == "done" and later not in running_tasks()

    never = run_task(None, lambda progress: ran.append("never"), show_dialog=False, start=False)
    with qtbot.waitSignal(never.done, timeout=1_000):
        never.cancel()  # ends at once, cancelled
    assert never.state == "cancelled" and never not in running_tasks()
    never.start()
    qtbot.wait(100)
    assert ran == ["later"] and never.state == "cancelled"


def test_task_failure_is_reported_not_raised(qtbot):
    def work(progress):
        raise ValueError("bad field")

    task = run_task(None, work, show_dialog=False)
    with qtbot.waitSignal(task.failed, timeout=10_000) as blocker:
        pass
    assert blocker.args[0] == "程序内部错误（ValueError）：bad field"  # never a traceback
    assert "Traceback" in task.details and "bad field" in task.details


def test_a_task_on_data_nested_too_deeply_says_so(qtbot):
    """A value nested thousands deep (as a hostile project file may hold one) exhausts
    Python's stack while a task reads it: the user reads what is wrong with the data, not an
    internal error."""
    import json

    def work(progress):
        json.loads("[" * 100_000 + "]" * 100_000)

    task = run_task(None, work, show_dialog=False)
    with qtbot.waitSignal(task.failed, timeout=10_000) as blocker:
        pass
    assert blocker.args[0] == "数据嵌套过深，无法处理：项目或所读文件中有一项数据套了数百层"


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("zh", "storeys：须为整数，填的是 文字"),
        ("en", "storeys: must be a whole number, got a string"),
    ],
)
def test_a_tasks_input_error_reads_as_the_rest_of_the_window(qtbot, lang, shown):
    def work(progress):
        as_int("six", "storeys")

    previous = i18n.lang()
    i18n.set_language(lang)
    try:
        task = run_task(None, work, show_dialog=False)
        with qtbot.waitSignal(task.failed, timeout=10_000) as blocker:
            pass
    finally:
        i18n.set_language(previous)
    assert blocker.args[0] == shown


@pytest.mark.slow
def test_a_batch_in_its_own_process_fails_in_the_windows_language(qtbot, tmp_path):
    """The batch's process tells its error in both languages; the window shows its own."""
    from elevator_eval.report import batch

    not_a_folder = tmp_path / "out.pdf"
    not_a_folder.write_bytes(b"")
    task = run_task(
        None,
        None,
        show_dialog=False,
        in_process=(
            batch.write_all_proposals,
            (open_project(sample_project_path()), str(not_a_folder)),
            {"lang": "zh", "kind": "proposal"},
        ),
    )
    with qtbot.waitSignal(task.failed, timeout=60_000) as blocker:
        pass
    assert blocker.args[0] == f"-o：{not_a_folder} 是文件；批量生成需要文件夹"


def test_ctrl_f_focuses_the_search_and_f5_recomputes(make_main_window, qtbot):
    w = make_main_window()
    w.show_unit("XFL-3-2")
    w.activateWindow()
    qtbot.waitActive(w)
    qtbot.keyClick(w.windowHandle(), Qt.Key_F, Qt.ControlModifier)
    assert w.current_view_name() == "overview"
    assert w.view("overview").search.hasFocus()
    w.doc.unit("XFL-3-2").site.inside_red_line = False  # changed behind the cache
    task = w.recompute()
    with qtbot.waitSignal(task.done, timeout=20_000):
        pass
    rows = {r.unit_id: r for r in w.doc.census().rows}
    assert rows["XFL-3-2"].klass == "unsuitable"


def test_toolbar_has_drawn_icons_with_words_beside_them(make_main_window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QToolButton

    w = make_main_window()
    tb = w.toolbar
    assert tb.toolButtonStyle() == Qt.ToolButtonTextBesideIcon
    acts = [a for a in tb.actions() if not a.isSeparator()]
    assert len(acts) == 10
    for act in acts:
        assert not act.icon().isNull(), act.objectName()
        img = act.icon().pixmap(20, 20).toImage()
        assert any(img.pixelColor(x, y).alpha() > 0 for x in range(20) for y in range(20))
        button = tb.widgetForAction(act)
        assert isinstance(button, QToolButton) and button.text().strip()
    assert tb.widgetForAction(w.act_save).text() == "保存"
    w.doc.set_vote("XFL-3-2", "102", "yes")
    assert tb.widgetForAction(w.act_undo).text() == "撤销"  # short on the toolbar
    assert "102" in w.act_undo.toolTip()  # the whole edit in the tip


def _a_handler_fails(window, monkeypatch):
    """Report faults to ``window``, then trigger an action whose handler divides by zero;
    the fault log and what it held before."""
    import sys

    from PySide6.QtGui import QAction

    from elevator_eval.ui import fault_report

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    fault_report.install(window)
    log = fault_report.log_path()
    before = log.read_text(encoding="utf-8") if log.exists() else ""
    action = QAction("broken", window)
    action.triggered.connect(lambda: 1 / 0)
    action.trigger()
    return log, before


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize(
    ("lang", "title", "first_line"),
    [
        ("zh", "操作未完成", "程序内部错误（ZeroDivisionError）：division by zero"),
        (
            "en",
            "The action was not completed",
            "Internal error (ZeroDivisionError): division by zero",
        ),
    ],
)
def test_a_fault_in_a_handler_is_told_in_one_line_and_logged(
    make_main_window, qtbot, monkeypatch, lang, title, first_line
):
    """A menu action whose handler fails: the user reads one line in the window's language
    and where the details are; the traceback is in the log, not in front of the user."""
    w = make_main_window(lang=lang)
    log, before = _a_handler_fails(w, monkeypatch)
    qtbot.waitUntil(lambda: bool(w.errors), timeout=5000)
    ((got_title, text),) = w.errors
    assert got_title == title
    lines = text.splitlines()
    assert lines[0] == first_line and str(log) in lines[1] and len(lines) == 2
    added = log.read_text(encoding="utf-8")[len(before) :]
    assert "Traceback" in added and "ZeroDivisionError" in added


@pytest.mark.qt_no_exception_capture
def test_a_users_error_let_through_by_a_handler_reads_as_the_window_tells_it(
    make_main_window, qtbot, monkeypatch
):
    import sys

    from PySide6.QtGui import QAction

    from elevator_eval.ui import fault_report

    w = make_main_window(lang="zh")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    fault_report.install(w)
    action = QAction("bad value", w)
    action.triggered.connect(lambda: as_int("six", "storeys"))
    action.trigger()
    qtbot.waitUntil(lambda: bool(w.errors), timeout=5000)
    assert w.errors == [("操作未完成", "storeys：须为整数，填的是 文字")]  # no log: not a fault


@pytest.mark.qt_no_exception_capture
def test_a_fault_while_telling_a_fault_is_recorded_not_told_in_a_loop(qtbot, monkeypatch):
    """A window whose message box fails itself (or is gone): the faults are recorded and
    the event loop goes on; nothing is told again and again."""

    from PySide6.QtWidgets import QWidget

    class Broken(QWidget):
        calls = 0

        def report_error(self, title, text):
            Broken.calls += 1
            raise ValueError("the box cannot be shown")

    w = Broken()
    log, before = _a_handler_fails(w, monkeypatch)
    qtbot.wait(100)  # several turns of the event loop
    assert Broken.calls == 1
    added = log.read_text(encoding="utf-8")[len(before) :]
    assert "ZeroDivisionError" in added and "the box cannot be shown" in added
    w.deleteLater()
