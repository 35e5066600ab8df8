"""Workbooks and the vote log are written whole or not at all: a failure while writing
leaves the file the user had under that name, and no temporary file beside it."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from elevator_eval.io.workbook_file import save_workbook


def test_a_workbook_is_written_and_read_back(tmp_path):
    wb = Workbook()
    wb.active["A1"] = "门牌"
    out = save_workbook(wb, tmp_path / "表.xlsx")
    assert load_workbook(out).active["A1"].value == "门牌"


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    import elevator_eval.atomic as atomic

    path = tmp_path / "export.xlsx"
    path.write_bytes(b"the user's earlier file")

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: _Failing(fd))
    with pytest.raises(OSError):
        save_workbook(Workbook(), path)
    assert path.read_bytes() == b"the user's earlier file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.xlsx"]


class _Failing:
    """A file whose write fails as on a full disk."""

    def __init__(self, fd):
        import os

        os.close(fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def write(self, data):
        raise OSError(28, "No space left on device")
