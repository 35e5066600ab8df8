"""Bad project files: a clear one-line ProjectFileError and the file is never modified."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import struct
import zlib

import pytest

from elevator_eval.cli import run_command
from elevator_eval.errors import ProjectFileError
from elevator_eval.resources import sample_project_path
from elevator_eval.store import SCHEMA_VERSION, open_project, save_project


@pytest.fixture(autouse=True, params=["in turn", "beside"])
def open_path(request, monkeypatch):
    """Every bad file twice: checked and read in turn (small files), and with the check
    and the merge base's read on a second thread (files from 8 MB on: here every file)."""
    from elevator_eval.store import reading

    if request.param == "beside":
        monkeypatch.setattr(reading, "BESIDE_FROM_BYTES", 0)
    return request.param


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _good(tmp_path, name="p.eeproj"):
    path = tmp_path / name
    save_project(open_project(sample_project_path()), path)
    return path


def _assert_refused(path, *words):
    before = _digest(path) if path.is_file() else None
    listing = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(ProjectFileError) as e:
        open_project(path)
    msg = str(e.value)
    assert "\n" not in msg
    assert " / " in msg and "无法打开项目文件" in msg and "cannot open project file" in msg
    for w in words:
        assert w in msg
    if before is not None:
        assert _digest(path) == before
    # nothing created beside it (no journal, no backup, no temporary file)
    assert sorted(p.name for p in path.parent.iterdir()) == listing
    return msg


def test_empty_file(tmp_path):
    path = tmp_path / "empty.eeproj"
    path.write_bytes(b"")
    _assert_refused(path, "empty", "空")


def test_missing_file_and_folder(tmp_path):
    _assert_refused(tmp_path / "nope.eeproj", "does not exist")
    (tmp_path / "dir.eeproj").mkdir()
    _assert_refused(tmp_path / "dir.eeproj", "not a file")


def test_truncated_to_half(tmp_path):
    path = _good(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _assert_refused(path, "truncated")


@pytest.mark.parametrize("cut", [50, 100, 4096, 4096 + 1000])
def test_truncated_elsewhere(tmp_path, cut):
    path = _good(tmp_path)
    path.write_bytes(path.read_bytes()[:cut])
    _assert_refused(path)


def test_corrupt_page(tmp_path):
    path = _good(tmp_path)
    data = bytearray(path.read_bytes())
    data[4096:8192] = random.Random(1).randbytes(4096)  # all of page 2
    path.write_bytes(bytes(data))
    _assert_refused(path, "corrupt")


def test_corrupt_blocks_never_load_wrong_data(tmp_path):
    """Random 2 KiB blocks of garbage: refused, or (when they hit only unused space in a
    page) the project that was saved - never a silently different project."""
    original = open_project(sample_project_path())
    good = _good(tmp_path, "good.eeproj").read_bytes()
    refused = 0
    for seed in range(20):
        path = tmp_path / f"bad{seed}.eeproj"
        data = bytearray(good)
        rnd = random.Random(seed)
        start = rnd.randrange(100, len(data) - 2048)
        data[start : start + 2048] = rnd.randbytes(2048)
        path.write_bytes(bytes(data))
        before = _digest(path)
        try:
            project = open_project(path)
        except ProjectFileError as e:
            assert "corrupt" in str(e) and "\n" not in str(e)
            refused += 1
        else:
            assert project == original, seed
        assert _digest(path) == before
    assert refused >= 15


def test_one_changed_value_is_caught_by_the_checksum(tmp_path):
    path = _good(tmp_path)
    data = path.read_bytes()
    i = data.index(b"56.30")
    path.write_bytes(data[:i] + b"56.31" + data[i + 5 :])
    _assert_refused(path, "checksum")


def test_changed_row_through_sqlite_is_caught(tmp_path):
    path = _good(tmp_path)
    conn = sqlite3.connect(path)
    changed = conn.execute(
        "UPDATE units SET households = replace(households, '\"no\"', "
        "'\"yes\"') WHERE households LIKE '%\"no\"%'"
    ).rowcount
    assert changed > 0  # a vote really was changed
    conn.commit()
    conn.close()
    _assert_refused(path, "checksum")


def test_newer_schema_version(tmp_path):
    path = _good(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")  # one above this app's schema
    conn.commit()
    conn.close()
    msg = _assert_refused(path, "newer", "更新版本")
    assert str(SCHEMA_VERSION + 1) in msg


def _png() -> bytes:
    def chunk(kind, body):
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


def test_png_renamed(tmp_path):
    path = tmp_path / "photo.eeproj"
    path.write_bytes(_png())
    _assert_refused(path, "wrong file type")


def test_text_file(tmp_path):
    path = tmp_path / "notes.eeproj"
    path.write_text("这不是项目文件 / not a project\n" * 50, encoding="utf-8")
    _assert_refused(path, "wrong file type")


def test_other_sqlite_database(tmp_path):
    path = tmp_path / "other.eeproj"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    conn.close()
    _assert_refused(path, "another SQLite database")


def test_our_id_but_no_version(tmp_path):
    path = _good(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()
    _assert_refused(path, "corrupt")


def test_meta_table_missing(tmp_path):
    path = _good(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE meta")
    conn.execute("VACUUM")
    conn.commit()
    conn.close()
    _assert_refused(path, "corrupt")


def test_cli_reports_a_bad_project_in_one_line(tmp_path):
    import io

    path = tmp_path / "photo.eeproj"
    path.write_bytes(_png())
    err = io.StringIO()
    code = run_command("assess", [str(path), "--unit", "X"], stdout=io.StringIO(), stderr=err)
    assert code == 2
    assert err.getvalue().count("\n") == 1 and "wrong file type" in err.getvalue()


def test_newer_file_names_the_version_that_wrote_it(tmp_path):
    path = _good(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")
    conn.execute("UPDATE meta SET value = '9.1.0' WHERE key = 'app_version'")
    conn.commit()
    conn.close()
    msg = _assert_refused(path, "newer", "9.1.0", "schema 7")
    assert "9.1.0 版" in msg
