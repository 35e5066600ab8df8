"""Vote audit trail: record_vote, the SHA-256 hash chain, tamper evidence in the file."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elevator_eval.audit import GENESIS_HASH, VoteEvent, log_head, rechain, record_vote, verify_log
from elevator_eval.errors import InputError, ProjectFileError
from elevator_eval.model import BuildingInfo, Household, Unit
from elevator_eval.store import import_unit, new_project, open_project, save_project
from elevator_eval.store.rows import content_hash


def _project():
    p = new_project("审计")
    unit = Unit(
        id="U-1",
        building=BuildingInfo(year_built=1990, storeys=2),
        households=[
            Household(id=d, floor=int(d[0]), area_m2=Decimal("50.5"))
            for d in ("101", "102", "201", "202")
        ],
        scheme_version=2,
    )
    import_unit(p, unit, "小区", "1号楼")
    return p


def test_record_vote_sets_household_and_appends():
    p = _project()
    ev = record_vote(
        p, "U-1", "201", "no", "meeting", when="2026-03-12T19:30:00+08:00", note="居民会议"
    )
    h = p.find_unit("U-1").household("201")
    assert (h.vote, h.vote_date, h.vote_source) == ("no", "2026-03-12", "meeting")
    assert ev.previous is None and ev.new == "no" and ev.scheme_version == 2
    assert ev.seq == 1 and ev.prev_hash == GENESIS_HASH
    ev2 = record_vote(p, "U-1", "201", "yes", "paper", when=datetime(2026, 3, 20, 9, 0))
    assert ev2.previous == "no" and ev2.prev_hash == ev.hash and ev2.seq == 2
    assert h.vote == "yes" and h.vote_date == "2026-03-20"
    assert p.vote_log == [ev, ev2] and log_head(p.vote_log) == ev2.hash


def test_hash_is_sha256_of_the_canonical_entry_by_hand():
    p = _project()
    ev = record_vote(
        p, "U-1", "101", "yes", "online", when="2026-03-01T08:00:00+08:00", note="网上"
    )
    text = (
        '{"household_id":"101","new":"yes","note":"网上","prev_hash":"'
        + "0" * 64
        + '","previous":null,"scheme_version":2,"seq":1,"source":"online",'
        '"time":"2026-03-01T08:00:00+08:00","unit_id":"U-1"}'
    )
    assert ev.hash == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_default_time_is_now_utc():
    p = _project()
    ev = record_vote(p, "U-1", "101", "abstain", "other")
    t = datetime.fromisoformat(ev.time)
    assert abs(t - datetime.now(timezone.utc)) < timedelta(minutes=5)


@pytest.mark.parametrize(
    "args, field",
    [
        (("X", "101", "yes", "paper"), "unit"),
        (("U-1", "999", "yes", "paper"), "household"),
        (("U-1", "101", "maybe", "paper"), "vote"),
        (("U-1", "101", "yes", "fax"), "source"),
    ],
)
def test_bad_input_names_the_field(args, field):
    p = _project()
    with pytest.raises(InputError) as e:
        record_vote(p, *args)
    assert e.value.field == field
    assert p.vote_log == []


def test_bad_time():
    with pytest.raises(InputError) as e:
        record_vote(_project(), "U-1", "101", "yes", "paper", when="yesterday")
    assert e.value.field == "when"


def _log(n=5):
    p = _project()
    doors = ["101", "102", "201", "202"]
    votes = ["yes", "no", "abstain", None]
    for i in range(n):
        record_vote(
            p, "U-1", doors[i % 4], votes[i % 4], "paper", when=f"2026-03-{i + 1:02d}T10:00:00"
        )
    return p.vote_log


def test_verify_detects_change_removal_insertion_and_reorder():
    log = _log()
    assert verify_log(log) == (True, None)
    assert verify_log([]) == (True, None)
    changed = [dataclasses.replace(e) for e in log]
    changed[2].new = "yes" if changed[2].new != "yes" else "no"
    assert verify_log(changed) == (False, 2)
    assert verify_log(log[:1] + log[2:]) == (False, 1)
    assert verify_log([log[1], log[0]] + log[2:]) == (False, 0)
    fake = dataclasses.replace(log[1])
    assert verify_log(log[:2] + [fake] + log[2:]) == (False, 2)
    # recomputing the hash of a changed entry still breaks the next link
    changed[2].hash = changed[2].compute_hash()
    assert verify_log(changed) == (False, 3)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["101", "102", "201", "202"]),
            st.sampled_from(["yes", "no", "abstain", None]),
            st.sampled_from(["meeting", "paper", "online", "other"]),
            st.text(max_size=8),
        ),
        min_size=1,
        max_size=12,
    ),
    st.data(),
)
def test_any_single_edit_is_found_at_its_index(changes, data):
    p = _project()
    for i, (door, vote, src, note) in enumerate(changes):
        record_vote(p, "U-1", door, vote, src, when=f"2026-01-01T00:00:{i:02d}", note=note)
    log = p.vote_log
    assert verify_log(log) == (True, None)
    i = data.draw(st.integers(0, len(log) - 1))
    name = data.draw(
        st.sampled_from(
            ["time", "household_id", "source", "previous", "new", "note", "scheme_version"]
        )
    )
    edited = [dataclasses.replace(e) for e in log]
    old = getattr(edited[i], name)
    if name == "scheme_version":
        new = old + 1
    elif name in ("previous", "new"):
        new = "tampered"
    else:
        new = f"{old}x"
    setattr(edited[i], name, new)
    assert verify_log(edited) == (False, i)


def test_rechain_gives_a_valid_chain():
    log = _log()
    for e in log:
        e.note = ""
    assert verify_log(log)[0] is False or all(not e.note for e in log)
    new = rechain(log)
    assert verify_log(new) == (True, None)
    assert [(e.household_id, e.new) for e in new] == [(e.household_id, e.new) for e in log]


def _saved(tmp_path):
    p = _project()
    for i, door in enumerate(["101", "102", "201"]):
        record_vote(p, "U-1", door, "yes", "paper", when=f"2026-03-0{i + 1}")
    path = tmp_path / "a.eeproj"
    save_project(p, path)
    return p, path


def test_log_survives_the_file(tmp_path):
    p, path = _saved(tmp_path)
    q = open_project(path)
    assert q.vote_log == p.vote_log
    assert all(isinstance(e, VoteEvent) for e in q.vote_log)
    assert verify_log(q.vote_log) == (True, None)


def test_tampered_stored_row_is_detected(tmp_path):
    """Someone edits a stored vote with an SQLite tool, drops the append-only trigger and
    even recomputes the file's content checksum: the hash chain still shows the edit."""
    _, path = _saved(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER vote_log_no_update")
    conn.execute("UPDATE vote_log SET new = 'no' WHERE seq = 2")
    conn.execute("UPDATE meta SET value = ? WHERE key = 'content_sha256'", (content_hash(conn),))
    conn.commit()
    conn.close()
    q = open_project(path)
    assert q.vote_log[1].new == "no"
    assert verify_log(q.vote_log) == (False, 1)


def test_tampered_row_without_checksum_fix_is_refused(tmp_path):
    _, path = _saved(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER vote_log_no_delete")
    conn.execute("DELETE FROM vote_log WHERE seq = 1")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectFileError, match="checksum"):
        open_project(path)


def test_unlogged_votes_are_the_votes_the_log_does_not_give():
    """A door is logged when its last entry gives its present vote; an erased entry does
    not count; a door without a vote is never listed."""
    from types import SimpleNamespace as Unit  # the unit's id and its doors' votes

    from elevator_eval.audit import append_event, tombstone, unlogged_votes

    doors = (("101", "yes"), ("102", "no"), ("201", None), ("202", "abstain"))
    unit = Unit(id="U", households=[Unit(id=door, vote=vote) for door, vote in doors])
    log: list = []
    append_event(log, "U", "101", "v1", "paper", None, "yes", "2026-03-01", "")
    append_event(log, "U", "102", "v1", "paper", None, "yes", "2026-03-01", "")  # then no
    append_event(log, "U", "202", "v1", "paper", None, "abstain", "2026-03-01", "")
    append_event(log, "X", "101", "v1", "paper", None, "no", "2026-03-01", "")  # another unit
    assert unlogged_votes(unit, log) == ["102"]
    log[2] = tombstone(log[2], "2026-04-01")
    assert unlogged_votes(unit, log) == ["102", "202"]
