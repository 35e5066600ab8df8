"""Two windows on one project file: the lock offers read-only, a refused save offers
merge / save as / overwrite, and no edit is ever lost silently."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from elevator_eval import filelock, store
from tests.ui.conftest import unit_project


@pytest.fixture
def saved_path(tmp_path):
    path = tmp_path / "street.eeproj"
    store.save_project(unit_project(), path)
    return path


def _edit_fire_lane(w, unit_id, text):
    """Type a value into the site tab as a user does."""
    w.show_unit(unit_id, tab="site")
    ed = w.view("unit").tab("site").form.editors["fire_lane_width_after_m"]
    ed.setText(text)
    ed.editingFinished.emit()


def test_second_window_is_told_who_has_the_file_and_can_open_read_only(
    make_main_window, saved_path, tmp_path, monkeypatch
):
    w1 = make_main_window(path=saved_path)
    assert filelock.read_lock(saved_path).pid == os.getpid()
    asked = []
    w2 = make_main_window()
    w2.guard.ask_lock_choice = lambda info: asked.append(info) or "read_only"
    assert w2.open_path(saved_path)
    assert asked and asked[-1].host == socket.gethostname()
    assert w2.guard.read_only and "只读" in w2.windowTitle()
    # saving a read-only window asks for a new name; the original stays as it was
    before = saved_path.read_bytes()
    w2.doc.set_vote("XFL-3-2", "102", "yes")
    copy = tmp_path / "copy.eeproj"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(copy), ""))
    )
    w2.act_save.trigger()
    assert saved_path.read_bytes() == before
    assert store.open_project(copy).find_unit("XFL-3-2").household("102").vote == "yes"
    assert not w2.guard.read_only  # now editing its own copy
    w1.close()
    assert filelock.read_lock(saved_path) is None  # closing releases the lock


def test_two_windows_both_edit_and_save_both_changes_survive(make_main_window, saved_path):
    w1 = make_main_window(path=saved_path)
    w2 = make_main_window(path=saved_path)  # "edit anyway"
    _edit_fire_lane(w1, "XFL-3-2", "3.5")
    w2.doc.set_vote("XFL-4-2", "102", "no")
    w1.act_save.trigger()
    choices = []
    w2.guard.ask_save_conflict = lambda msg: choices.append(msg) or "merge"
    w2.act_save.trigger()
    assert choices and "street.eeproj" in choices[0]
    assert not w2.isWindowModified() and w2.errors == []
    back = store.open_project(saved_path)
    assert back.find_unit("XFL-3-2").site.fire_lane_width_after_m == Decimal("3.5")
    assert back.find_unit("XFL-4-2").household("102").vote == "no"
    # w2 now shows the merged project, and w1's next save is refused in turn
    assert w2.doc.unit("XFL-3-2").site.fire_lane_width_after_m == Decimal("3.5")
    w1.doc.set_vote("XFL-3-2", "201", "yes")
    w1.guard.ask_save_conflict = lambda msg: "cancel"
    w1.act_save.trigger()
    assert w1.isWindowModified()  # nothing written, edit kept in the window
    assert (
        store.open_project(saved_path).find_unit("XFL-3-2").household("201").vote == "abstain"
    )  # as in the example file


def test_colliding_edits_are_not_merged_and_overwrite_needs_confirmation(
    make_main_window, saved_path
):
    w1 = make_main_window(path=saved_path)
    w2 = make_main_window(path=saved_path)
    _edit_fire_lane(w1, "XFL-3-2", "3.5")
    _edit_fire_lane(w2, "XFL-3-2", "6.0")
    w1.act_save.trigger()
    w2.guard.ask_save_conflict = lambda msg: "merge"
    w2.act_save.trigger()
    assert w2.errors and "单元 XFL-3-2" in w2.errors[-1][1]  # named in the window's words
    assert "unit XFL-3-2" not in w2.errors[-1][1]
    assert store.open_project(saved_path).find_unit(
        "XFL-3-2"
    ).site.fire_lane_width_after_m == Decimal("3.5")
    w2.guard.ask_save_conflict = lambda msg: "overwrite"
    w2.guard.confirm_overwrite = lambda name: False
    w2.act_save.trigger()
    assert store.open_project(saved_path).find_unit(
        "XFL-3-2"
    ).site.fire_lane_width_after_m == Decimal("3.5")
    w2.guard.confirm_overwrite = lambda name: True
    w2.act_save.trigger()
    assert store.open_project(saved_path).find_unit(
        "XFL-3-2"
    ).site.fire_lane_width_after_m == Decimal("6.0")
    assert not w2.isWindowModified()


def test_a_lock_left_by_a_dead_process_is_not_asked_about(make_main_window, saved_path):
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = int(proc.stdout)
    filelock.lock_path(saved_path).write_text(
        json.dumps(
            {
                "user": "x",
                "host": socket.gethostname(),
                "pid": dead,
                "time": "2026-01-01T00:00:00",
                "heartbeat": 0,
                "token": "t",
            }
        ),
        encoding="utf-8",
    )
    w = make_main_window()
    w.guard.ask_lock_choice = lambda info: pytest.fail("asked about a stale lock")
    assert w.open_path(saved_path)
    assert filelock.read_lock(saved_path).pid == os.getpid()


def test_lock_from_another_machine_goes_stale_by_heartbeat():
    info = filelock.LockInfo("x", "other-host", 1, "2026-01-01T00:00:00", 1000.0, "t")
    assert not filelock.is_stale(info, now=1000.0 + filelock.STALE_S)
    assert filelock.is_stale(info, now=1000.0 + filelock.STALE_S + 1)


def test_edits_do_not_wear_down_none(make_main_window):
    """Regression (found by the soak test): each edit looks its unit up in the project
    tree; reading an unset item role in PySide6 6.12 / Python 3.11 dropped a reference to
    None every time, and after a few thousand edits the app aborted."""
    import sys

    w = make_main_window()
    before = sys.getrefcount(None)
    for _ in range(500):
        index = w.tree_unit_index("XFL-4-2")
        index.data(Qt.UserRole + 1)
        index.parent().data(Qt.UserRole + 1)  # a building: no unit id
    assert sys.getrefcount(None) - before > -100  # the leak took 1,500 here


def test_a_second_window_never_writes_offers_or_deletes_the_editors_recovery_copy(
    make_main_window, saved_path
):
    """The editor's copy beside the file is its own: a read-only viewer with changes keeps
    its copy elsewhere, closing the viewer leaves the editor's copy, and a window started
    meanwhile is not offered the copy of a window that is still running."""
    editor = make_main_window(path=saved_path)
    editor.doc.set_vote("XFL-3-2", "102", "no")
    assert editor.autosave()
    beside = store.autosave_path(saved_path)
    assert store.open_project(beside).find_unit("XFL-3-2").household("102").vote == "no"
    viewer = make_main_window()
    viewer.guard.ask_lock_choice = lambda info: "read_only"
    assert viewer.open_path(saved_path)
    viewer.doc.set_vote("XFL-3-2", "102", "yes")
    assert viewer.autosave()
    assert viewer.autosave_base() != saved_path
    assert store.open_project(beside).find_unit("XFL-3-2").household("102").vote == "no"
    offered = []
    late = make_main_window(path=saved_path)  # edits anyway: the editor still runs
    late.ask_recover = lambda found: offered.append(found) or False
    assert not late.offer_recovery() and not offered
    viewer.doc.undo_stack.setClean()
    viewer.close()
    late.close()
    assert beside.exists()  # the editor's copy outlives the other windows
    editor.doc.undo_stack.setClean()
    editor.close()
    assert not beside.exists()  # and goes with the editor


def test_unsaved_projects_in_two_windows_keep_two_copies_and_a_crashed_ones_comes_back(
    make_main_window,
):
    """Two windows on the sample each autosave under a name of their own; after one
    "crashes" (its locks left by a process that is gone), a new window is offered its copy,
    not the running window's."""
    first = make_main_window("sample")
    second = make_main_window("sample")
    unit = first.doc.project.units()[0]
    first.doc.set_vote(unit.id, unit.households[0].id, "abstain")
    second.doc.set_vote(unit.id, unit.households[1].id, "abstain")
    assert first.autosave() and second.autosave()
    a, b = first.autosave_base(), second.autosave_base()
    assert a != b and store.autosave_path(a).exists() and store.autosave_path(b).exists()
    first.doc.undo_stack.setClean()
    first.guard.release()
    first.recovery_copies.release()  # the "crash"
    offered = []
    third = make_main_window("sample")
    third.ask_recover = lambda found: offered.append(found) or True
    assert third.offer_recovery()
    assert offered == [str(store.autosave_path(a))]
    restored = third.doc.unit(unit.id)
    assert restored.households[0].vote == "abstain" and restored.households[1].vote != "abstain"
    assert third.autosave_base() == a
    second.doc.undo_stack.setClean()
    second.close()
    assert not store.autosave_path(b).exists()
    assert store.autosave_path(a).exists()  # the third window's now, until it saves or closes
