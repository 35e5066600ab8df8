"""Autosave and recovery helpers, and edge cases of the JSON columns."""

from __future__ import annotations

import os
import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elevator_eval import store
from elevator_eval.store import (
    autosave_path,
    discard_autosave,
    find_recovery,
    new_project,
    open_project,
    save_autosave,
    save_project,
)


def test_autosave_path_is_beside_the_file(tmp_path):
    assert autosave_path(tmp_path / "街道.eeproj") == tmp_path / "街道.eeproj.autosave"


def test_recovery_offered_only_for_a_newer_autosave(tmp_path):
    path = tmp_path / "p.eeproj"
    p = new_project("甲")
    save_project(p, path)
    assert find_recovery(path) is None
    p.name = "乙（未保存）"
    auto = save_autosave(p, path)
    assert auto == autosave_path(path)
    # make the autosave clearly newer than the file
    old = time.time() - 60
    os.utime(path, (old, old))
    assert find_recovery(path) == auto
    assert open_project(find_recovery(path)).name == "乙（未保存）"
    assert open_project(path).name == "甲"  # the file itself is untouched
    # after a normal save the autosave is older: nothing to recover
    new = time.time() + 60
    os.utime(path, (new, new))
    assert find_recovery(path) is None
    # … unless asked for an older copy too (someone else saved after it was written)
    assert find_recovery(path, older_too=True) == auto
    discard_autosave(path)
    assert not auto.exists()
    discard_autosave(path)  # no error when already gone


def test_recovery_for_a_file_never_saved(tmp_path):
    path = tmp_path / "new.eeproj"
    save_autosave(new_project("x"), path)
    assert find_recovery(path) == autosave_path(path)


def test_broken_autosave_is_not_offered(tmp_path):
    path = tmp_path / "p.eeproj"
    save_project(new_project("x"), path)
    auto = autosave_path(path)
    auto.write_bytes(b"garbage")
    old = time.time() - 60
    os.utime(path, (old, old))
    assert find_recovery(path) is None


def test_saved_file_mode_follows_umask(tmp_path):
    path = tmp_path / "p.eeproj"
    save_project(new_project("x"), path)
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    os.chmod(path, 0o640)
    save_project(new_project("y"), path)
    assert path.stat().st_mode & 0o777 == 0o640


# ---------------------------------------------------------------------- JSON columns


@pytest.mark.parametrize(
    "value",
    [
        Decimal("56.30"),
        Decimal("1E+3"),
        Decimal("-0"),
        Decimal("0.000"),
        Decimal("7"),
        Decimal("1.0E-7"),
        0.1,
        3,
        True,
        None,
        '文字 {"$d":"1"}',
        ("a", Decimal("2")),
        {"$d": "1"},
        {"$t": [1]},
        {1: "one", "x": 2},
        {(1, 2): Decimal("3.5")},
        [Decimal("1.10"), 1.5, -2, {"k": [None]}],
        {"nested": {"$m": []}},
    ],
)
def test_tagged_values_round_trip_with_their_types(value):
    back = store.loads_tagged(store.dumps_tagged({"v": value}))["v"]
    assert back == value
    assert type(back) is type(value)
    if isinstance(value, Decimal):
        assert str(back) == str(value)


json_leaf = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.text(max_size=6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.decimals(allow_nan=False, allow_infinity=False, places=None)
)
json_value = st.recursive(
    json_leaf,
    lambda kids: (
        st.lists(kids, max_size=4)
        | st.dictionaries(st.text(max_size=4) | st.integers(-5, 5), kids, max_size=4)
        | st.tuples(kids, kids)
    ),
    max_leaves=12,
)


def _same(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, Decimal):
        return str(a) == str(b)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, float):
        return a == b or (a != a and b != b)
    return a == b


@settings(max_examples=150, deadline=None)
@given(json_value)
def test_any_extra_value_round_trips_exactly(value):
    assert _same(store.loads_tagged(store.dumps_tagged({"v": value}))["v"], value)


def test_stale_temporaries_of_a_killed_save_are_cleaned_up(tmp_path):
    path = tmp_path / "p.eeproj"
    stale = tmp_path / ".p.eeproj.abc123.tmp"
    fresh = tmp_path / ".p.eeproj.def456.tmp"  # maybe another process saving right now
    other = tmp_path / ".q.eeproj.abc.tmp"
    for f in (stale, fresh, other):
        f.write_bytes(b"half a database")
    old = time.time() - store.STALE_TEMP_S - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    save_project(new_project("x"), path)
    assert not stale.exists() and fresh.exists() and other.exists()
