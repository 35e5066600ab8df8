"""Batch documents on a process pool: same files, same bytes, progress, cancel, failures."""

from __future__ import annotations

import copy
import os

import pytest

from elevator_eval.model import Community, Project
from elevator_eval.report.batch import default_workers, write_all_proposals
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project

pytestmark = pytest.mark.slow  # a process pool per test: the full tier


@pytest.fixture(scope="module")
def small_project() -> Project:
    """Six units of the sample street (two buildings' worth), in their street order."""
    sample = open_project(sample_project_path())
    buildings = []
    count = 0
    for c in sample.communities:
        for b in c.buildings:
            if count >= 6:
                break
            buildings.append(copy.deepcopy(b))
            count += len(b.units)
    return Project(
        sample.name, [Community("c1", "测试小区", buildings)], settings=dict(sample.settings)
    )


def test_parallel_batch_writes_the_same_bytes_as_serial(small_project, tmp_path):
    serial = write_all_proposals(small_project, tmp_path / "one", workers=1)
    parallel = write_all_proposals(small_project, tmp_path / "two", workers=2)
    assert not serial.failures and not parallel.failures
    assert [p.name for p in serial] == [p.name for p in parallel]
    assert [p.name for p in serial] == [f"{u.id}-proposal.pdf" for u in small_project.units()]
    for a, b in zip(serial, parallel):
        assert a.read_bytes() == b.read_bytes(), a.name
    # nothing half-written is left behind
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == sorted(p.name for p in parallel)


def test_parallel_progress_counts_every_unit(small_project, tmp_path):
    seen = []
    result = write_all_proposals(
        small_project, tmp_path, workers=2, progress=lambda d, t: seen.append((d, t)) or True
    )
    n = len(small_project.units())
    assert seen == [(i, n) for i in range(1, n + 1)]
    assert len(result) == n and not result.cancelled


def test_parallel_cancel_stops_early_and_leaves_only_whole_files(small_project, tmp_path):
    result = write_all_proposals(small_project, tmp_path, workers=2, progress=lambda d, t: d < 1)
    n = len(small_project.units())
    assert result.cancelled
    # at most the units already handed to the two workers (two each) are finished
    assert 1 <= len(result) <= 4 < n
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(p.name for p in result)
    for p in result:
        assert p.read_bytes().rstrip().endswith(b"%%EOF")


def test_parallel_failures_name_the_unit_and_field(small_project, tmp_path):
    project = copy.deepcopy(small_project)
    bad = project.units()[2]
    bad.share.method = "no-such-method"
    result = write_all_proposals(project, tmp_path, workers=2)
    assert [u for u, _ in result.failures] == [bad.id]
    assert "share.method" in result.failures[0][1]
    assert len(result) == len(project.units()) - 1


def test_default_workers_pays_for_itself():
    assert default_workers(1) == 1
    assert default_workers(3) == 1  # a worker's start-up would cost more than it saves
    assert default_workers(10_000) >= 1


def test_a_batch_flushes_to_disk_once_not_per_file(small_project, tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(os, "sync", lambda: calls.append("sync"), raising=False)
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append("fsync"))
    result = write_all_proposals(small_project, tmp_path, workers=1)
    assert len(result) == len(small_project.units())
    assert calls == ["sync"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in result)


def test_a_serial_batch_collects_less_often_and_restores_the_callers_setting(
    small_project, tmp_path
):
    import gc

    from elevator_eval.report import batch

    before = gc.get_threshold()
    seen = []

    def progress(done, total):
        seen.append(gc.get_threshold()[0])
        return True

    write_all_proposals(small_project, tmp_path, progress=progress, workers=1)
    assert seen and set(seen) == {batch.GC_YOUNG_OBJECTS} != {before[0]}
    assert gc.get_threshold() == before  # the window's process gets its setting back
