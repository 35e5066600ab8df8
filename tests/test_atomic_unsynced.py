"""Regenerable files: written under a temporary name, renamed, synced once by the caller."""

from __future__ import annotations

import os

import pytest

from elevator_eval.atomic import replace_unsynced, sync_to_disk


def test_replace_unsynced_replaces_the_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    synced = []
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd))
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    replace_unsynced(target, b"new bytes")
    assert target.read_bytes() == b"new bytes"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]
    assert synced == []  # no flush per file


def test_a_failed_write_keeps_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        replace_unsynced(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_sync_to_disk_is_one_system_sync(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(os, "sync", lambda: calls.append("sync"), raising=False)
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append("fsync"))
    sync_to_disk(tmp_path)
    assert calls == ["sync"]
