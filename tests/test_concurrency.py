"""No lost updates: two editors of one project file (core API)."""

from __future__ import annotations

import shutil
import threading
from decimal import Decimal

import pytest

from elevator_eval import concurrency, store
from elevator_eval.audit import record_vote, verify_log
from elevator_eval.concurrency import StaleSaveError, forget_base, merge
from elevator_eval.errors import ProjectFileError
from elevator_eval.resources import sample_project_path


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "街道.eeproj"
    shutil.copy(sample_project_path(), p)
    return p


def _two_editors(path):
    return store.open_project(path), store.open_project(path)


def test_generation_counts_saves(path):
    p = store.open_project(path)
    g0 = p.file_base.generation
    store.save_project(p, path)
    store.save_project(p, path)
    assert concurrency.file_state(path)[0] == g0 + 2
    assert store.open_project(path).file_base.generation == g0 + 2


def test_second_save_is_refused_and_names_the_file(path):
    a, b = _two_editors(path)
    a.find_unit("DH-1-1").costs.items_yuan["civil"] = Decimal(61000)
    store.save_project(a, path)
    b.find_unit("DH-1-2").name = "二单元（改名）"
    before = path.read_bytes()
    with pytest.raises(StaleSaveError) as e:
        store.save_project(b, path)
    assert "街道.eeproj" in str(e.value) and "\n" not in str(e.value)
    assert path.read_bytes() == before  # nothing written: A's change is safe
    assert store.open_project(path).find_unit("DH-1-1").costs.items_yuan["civil"] == Decimal(61000)


def test_reload_and_reapply_keeps_both_changes(path):
    a, b = _two_editors(path)
    a.find_unit("DH-1-1").costs.items_yuan["civil"] = Decimal(61000)
    store.save_project(a, path)
    b.find_unit("DH-1-2").name = "二单元（改名）"
    with pytest.raises(StaleSaveError):
        store.save_project(b, path)
    result = merge(b, store.open_project(path), store.load_base(b))
    assert result.conflicts == []
    assert result.taken == ["unit DH-1-2"]
    store.save_project(result.project, path)
    back = store.open_project(path)
    assert back.find_unit("DH-1-1").costs.items_yuan["civil"] == Decimal(61000)
    assert back.find_unit("DH-1-2").name == "二单元（改名）"


def test_both_changing_one_unit_is_a_conflict_not_a_merge(path):
    a, b = _two_editors(path)
    a.find_unit("DH-1-1").name = "甲改"
    store.save_project(a, path)
    b.find_unit("DH-1-1").name = "乙改"
    result = merge(b, store.open_project(path), store.load_base(b))
    assert result.conflicts == ["unit DH-1-1"]
    assert result.project.find_unit("DH-1-1").name == "甲改"  # theirs untouched


def test_same_change_on_both_sides_is_no_conflict(path):
    a, b = _two_editors(path)
    a.find_unit("DH-1-1").name = "同名"
    b.find_unit("DH-1-1").name = "同名"
    store.save_project(a, path)
    assert merge(b, store.open_project(path), store.load_base(b)).conflicts == []


def test_votes_on_both_sides_are_chained_in_one_log(path):
    a, b = _two_editors(path)
    n0 = len(a.vote_log)
    ua, ub = a.find_unit("DH-1-1"), b.find_unit("DH-2-1")
    record_vote(a, ua.id, ua.households[0].id, "yes", "paper", when="2026-05-01")
    store.save_project(a, path)
    record_vote(b, ub.id, ub.households[0].id, "no", "meeting", when="2026-05-02")
    result = merge(b, store.open_project(path), store.load_base(b))
    assert result.conflicts == []
    store.save_project(result.project, path)
    back = store.open_project(path)
    assert len(back.vote_log) == n0 + 2
    assert [(e.unit_id, e.new) for e in back.vote_log[n0:]] == [("DH-1-1", "yes"), ("DH-2-1", "no")]
    assert verify_log(back.vote_log) == (True, None)
    assert back.find_unit("DH-2-1").households[0].vote == "no"
    assert back.find_unit("DH-1-1").households[0].vote == "yes"


def test_added_and_removed_units_merge(path):
    a, b = _two_editors(path)
    _, bld, u = a.locate("DH-1-3")
    bld.units.remove(u)  # A removes a unit
    store.save_project(a, path)
    new = b.find_unit("DH-1-1").clone()
    new.id = "DH-1-9"
    _, bb, _ = b.locate("DH-1-1")
    new.building = bb.info
    bb.units.append(new)  # B adds one
    result = merge(b, store.open_project(path), store.load_base(b))
    assert result.conflicts == []
    ids = [x.id for x in result.project.units()]
    assert "DH-1-3" not in ids and "DH-1-9" in ids
    _, rb, ru = result.project.locate("DH-1-9")
    assert ru.building is rb.info  # shares the building's data like its neighbours


def test_building_change_reaches_every_unit_of_the_building(path):
    a, b = _two_editors(path)
    a.find_unit("DH-2-1").name = "甲"
    store.save_project(a, path)
    _, bb, _ = b.locate("DH-1-1")
    bb.info.storeys += 1
    result = merge(b, store.open_project(path), store.load_base(b))
    assert result.conflicts == []
    _, rb, _ = result.project.locate("DH-1-1")
    assert all(u.building.storeys == bb.info.storeys for u in rb.units)
    assert result.project.find_unit("DH-2-1").name == "甲"


def test_overwrite_after_confirmation(path):
    a, b = _two_editors(path)
    a.name = "甲"
    store.save_project(a, path)
    b.name = "乙"
    with pytest.raises(StaleSaveError):
        store.save_project(b, path)
    forget_base(b)
    store.save_project(b, path)
    assert store.open_project(path).name == "乙"


def test_save_as_elsewhere_is_not_refused(path, tmp_path):
    a, b = _two_editors(path)
    store.save_project(a, path)
    other = tmp_path / "copy.eeproj"
    store.save_project(b, other)  # save as: a new file
    store.save_project(b, other)  # and again: its base is now the copy
    assert store.open_project(other).uid == b.uid


def test_autosave_copy_does_not_move_the_base(path):
    a, b = _two_editors(path)
    store.save_autosave(b, path)
    store.save_project(a, path)
    with pytest.raises(StaleSaveError):
        store.save_project(b, path)


def test_recovered_autosave_is_still_checked_against_the_original(path):
    a, b = _two_editors(path)
    b.name = "乙"
    auto = store.save_autosave(b, path)
    store.save_project(a, path)  # someone saves while b is crashed
    rec = store.open_project(auto)
    concurrency.restore_base(rec, auto, path)
    with pytest.raises(StaleSaveError):
        store.save_project(rec, path)


def test_racing_saves_one_wins_one_is_refused(path):
    """Two threads save at the same moment: the save lock lets one through."""
    for _ in range(5):
        a, b = _two_editors(path)
        a.name, b.name = "甲", "乙"
        start = threading.Barrier(2)
        outcome: dict[str, str] = {}

        def run(p, key, start=start, outcome=outcome):
            start.wait()
            try:
                store.save_project(p, path)
                outcome[key] = "saved"
            except StaleSaveError:
                outcome[key] = "refused"

        ts = [
            threading.Thread(target=run, args=(a, "a")),
            threading.Thread(target=run, args=(b, "b")),
        ]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        assert sorted(outcome.values()) == ["refused", "saved"]
        winner = "甲" if outcome["a"] == "saved" else "乙"
        assert store.open_project(path).name == winner


def test_without_a_known_base_every_difference_is_a_conflict(path):
    a, b = _two_editors(path)
    a.find_unit("DH-1-1").name = "甲"
    store.save_project(a, path)
    b.find_unit("DH-2-1").name = "乙"
    result = merge(b, store.open_project(path), None)
    assert result.conflicts == ["unit DH-1-1", "unit DH-2-1"]


def test_a_file_replaced_while_it_is_read_is_not_stamped(path, monkeypatch):
    """open_project reads the file's state before and after: a save in between (here
    simulated) refuses the open instead of remembering the wrong base."""
    real = concurrency.file_state

    def state_then_save(p):
        s = real(p)
        monkeypatch.setattr(concurrency, "file_state", real)
        q = store.open_project(p)  # someone else opens and saves meanwhile
        q.name = "别人"
        store.save_project(q, p)
        return s

    monkeypatch.setattr(concurrency, "file_state", state_then_save)
    with pytest.raises(ProjectFileError, match="while it was being read"):
        store.open_project(path)


@pytest.mark.parametrize("reader", [concurrency.open_image, concurrency.image_via_file])
def test_file_image_opens_on_every_supported_python(tmp_path, reader):
    """Python 3.10 has no ``Connection.deserialize``: the file route reads the same rows."""
    import sqlite3

    db = tmp_path / "meta.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)", [("generation", "7"), ("content_sha256", "ab")]
    )
    conn.commit()
    conn.close()
    img = reader(db.read_bytes())
    try:
        assert dict(img.execute("SELECT key, value FROM meta")) == {
            "generation": "7",
            "content_sha256": "ab",
        }
    finally:
        img.close()
    with pytest.raises(sqlite3.DatabaseError):  # on opening or on the first query
        reader(b"not a database, just text" * 100).execute("SELECT * FROM meta")
