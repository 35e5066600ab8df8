"""The content digest of the project file: by columns since schema v5, ``repr`` of the rows
before (older files still open, are checked their way and migrated with a backup)."""

from __future__ import annotations

import sqlite3

import pytest

from elevator_eval.errors import ProjectFileError
from elevator_eval.resources import sample_project_path
from elevator_eval.store import SCHEMA_VERSION, open_project, save_project
from elevator_eval.store.rows import content_hash, hash_rows, read_tables
from tests.test_store import undo_v6

COLUMNS = {"content_digest": "columns-1"}


def _meta(path):
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT key, value FROM meta"))
    finally:
        conn.close()


def _as_v4(path) -> None:
    """Make a file saved now look as schema v4 wrote it: no digest key, repr digest."""
    conn = sqlite3.connect(path)
    undo_v6(conn)
    conn.execute("PRAGMA user_version = 4")
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    conn.execute("DELETE FROM meta WHERE key = 'content_digest'")
    conn.execute("UPDATE meta SET value = ? WHERE key = 'content_sha256'", (content_hash(conn),))
    conn.commit()
    conn.close()


def _change_a_name(path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE communities SET name = name || '改' WHERE pos = (SELECT min(pos) FROM communities)"
    )
    conn.commit()
    conn.close()


def test_a_saved_file_is_digested_by_columns(tmp_path):
    project = open_project(sample_project_path())
    path = tmp_path / "p.eeproj"
    save_project(project, path)
    meta = _meta(path)
    assert meta["content_digest"] == "columns-1"
    conn = sqlite3.connect(path)
    try:
        _, tables = read_tables(conn)
    finally:
        conn.close()
    assert meta["content_sha256"] == hash_rows(meta, tables)
    old_way = {k: v for k, v in meta.items() if k != "content_digest"}
    assert hash_rows(old_way, tables) != meta["content_sha256"]  # really the new method


def test_a_v4_file_opens_is_backed_up_and_migrated(tmp_path):
    project = open_project(sample_project_path())
    path = tmp_path / "street.eeproj"
    save_project(project, path)
    _as_v4(path)
    before = path.read_bytes()
    assert open_project(path) == project
    assert (tmp_path / "street.eeproj.bak-v4").read_bytes() == before
    meta = _meta(path)
    assert meta["content_digest"] == "columns-1"
    assert meta["migrated_from"] == "4"
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
    finally:
        conn.close()
    assert open_project(path) == project  # the migrated file opens as it is


@pytest.mark.parametrize("old", [True, False], ids=["v4 repr digest", "v5 column digest"])
def test_a_changed_row_is_refused_either_way(tmp_path, old):
    path = tmp_path / "p.eeproj"
    save_project(open_project(sample_project_path()), path)
    if old:
        _as_v4(path)
    _change_a_name(path)
    before = path.read_bytes()
    with pytest.raises(ProjectFileError):
        open_project(path)
    assert path.read_bytes() == before  # never modified


def _digest(rows):
    return hash_rows(COLUMNS, {"communities": rows})


def test_different_columns_never_give_the_same_digest():
    base = [(1, "a", "x"), (2, "b", "y")]
    assert _digest(base) == _digest(list(base))
    assert _digest(base) != _digest([(1, "a", "x"), (2, "b", "z")])
    # a text that contains the separator cannot pass for two values
    assert _digest([(1, "a\x1fb", "x"), (2, "c", "y")]) != _digest(
        [(1, "a", "x"), (2, "b\x1fc", "y")]
    )
    # None, the text "None", a number and its text stay apart
    assert _digest([(1, None, "x")]) != _digest([(1, "None", "x")])
    assert _digest([(1, "1", "x")]) != _digest([("1", "1", "x")])
    # values swapped between columns, or between rows
    assert _digest([(1, "a", "b")]) != _digest([(1, "b", "a")])
    assert _digest([(1, "a", "x"), (2, "b", "y")]) != _digest([(1, "a", "y"), (2, "b", "x")])
    # the row count counts: one row of "a\x1fb" is not two rows
    assert _digest([("p", "a\x1fb")]) != _digest([("p", "a"), ("p", "b")])
