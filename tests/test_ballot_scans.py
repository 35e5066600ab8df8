"""Generated scans of the app's own forms: every clear vote read right, doubtful ones sent
to review, none counted wrong. 30 scans in the full tier (``-m slow``); 550 with ``-m long``."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from elevator_eval import ballots as B
from elevator_eval.io.ballots.batch import read_scans, record_results
from elevator_eval.report.ballot_reading import scheme_of

ROOT = Path(__file__).resolve().parent.parent
GEN = runpy.run_path(str(ROOT / "tools" / "ballot_scans.py"))


def _check(res, n_single):
    wrong = [(e, v) for e, v, _r in res["outcomes"] if v is not None and v != e.vote]
    assert wrong == [] and res["wrong"] == 0
    singles = [(e, v) for e, v, _r in res["outcomes"] if e.kind == "single"]
    assert len(singles) == n_single
    read = sum(v == e.vote for e, v in singles)
    assert read >= 0.99 * n_single, f"{read} of {n_single} read without review"
    for e, v, reason in res["outcomes"]:
        if e.kind != "single":
            assert v is None and reason in B.REASONS, (e, reason)
        if v is None:
            assert reason in ("no_mark", "two_marks", "faint_mark", "not_located"), (e, reason)


KINDS = ["single"] * 10 + ["none"] + ["single"] * 10 + ["two"] + ["single"] * 10 + ["faint"]


@pytest.mark.slow
def test_thirty_distinct_forms_are_read_and_recorded_without_a_wrong_vote(tmp_path):
    kinds = ["single"] * 8 + ["none"] + ["single"] * 8 + ["two"] + ["single"] * 8 + ["faint"]
    project, expected = GEN["make_scans"](
        tmp_path / "scans",
        30,
        seed=7,
        kinds=kinds,
        unit_ids=("DH-1-1", "DH-1-2", "DH-1-3"),
        dpis=(150, 200),
        unique=True,
        pdf_every=10,
    )
    assert {e.kind for e in expected} == {"single", "none", "two", "faint"}
    results = read_scans(project, [tmp_path / "scans"], scheme_of=scheme_of(project))
    assert len(results) == 30
    by_serial = {e.serial: e for e in expected}
    counted = [r for r in results if r.status == "counted"]
    singles = [e for e in expected if e.kind == "single"]
    assert len(counted) >= len(singles) - 1 == 26
    assert all(r.vote == by_serial[r.serial].vote for r in counted)  # 0 wrong
    expected_reason = {"none": "no_mark", "two": "two_marks", "faint": "faint_mark"}
    for r in results:
        if r.status != "counted":
            assert r.status == "review"
            kind = by_serial[r.serial].kind
            assert r.reason_code == expected_reason.get(kind, r.reason_code), (kind, r.reason)
    assert sum(r.status == "review" for r in results) >= 3
    record_results(project, results, tmp_path / "street.eeproj")
    for r in counted:
        unit = project.find_unit(r.unit)
        assert all(unit.household(h).vote == by_serial[r.serial].vote for h in r.homes)
        assert all(unit.household(h).vote_source == "paper" for h in r.homes)


@pytest.mark.long
def test_five_hundred_scans(tmp_path):
    """550 scans: 500 clear votes and 50 doubtful ones (none, two, faint), at 150-300 dpi,
    JPEG 50-90, PNG and multi-page PDF: 0 wrong, ≥ 99 % of the clear ones read."""
    _p, expected = GEN["make_scans"](tmp_path, 550, seed=2026, kinds=KINDS[1:] + KINDS[:1])
    res = GEN["evaluate"](tmp_path, expected)
    singles = sum(e.kind == "single" for e in expected)
    assert singles >= 500
    _check(res, singles)
