"""Hostile site plans: every mutation either works or exits 2 naming a field — never an
unexpected exception (which the command line would report as "could not process")."""

from __future__ import annotations

import copy
import io
import json
import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from elevator_eval.cli import run_command

PLAN_UNIT = Path(__file__).resolve().parent / "data" / "plan-north.unit.json"
BASE = json.loads(PLAN_UNIT.read_text(encoding="utf-8"))
ODD = [
    None,
    True,
    -1,
    0,
    1e308,
    -1e-300,
    "",
    "x",
    [],
    {},
    [[0, 0]],
    [[0, 0], [0, 0], [0, 0]],
    [[0, 0], [1, 1], [1, 0], [0, 1]],
    [["a", 1], [2, 3], [4, 5]],
    99999999,
    -400,
    1e20,
]


def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, (*prefix, i))


PATHS = [p for p in _paths(BASE["site"]["plan"]) if p]


def _set(obj, path, value):
    for k in path[:-1]:
        obj = obj[k]
    if isinstance(obj, dict) and value is ...:
        obj.pop(path[-1], None)
    elif value is ...:
        return
    else:
        obj[path[-1]] = value


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(PATHS), st.sampled_from([*ODD, ...])), min_size=1, max_size=3
    ),
    st.sampled_from(["sunlight", "assess"]),
)
def test_mutated_plans_never_crash(tmp_path_factory, mutations, command):
    d = copy.deepcopy(BASE)
    for path, value in mutations:
        try:
            _set(d["site"]["plan"], path, copy.deepcopy(value))
        except (KeyError, IndexError, TypeError):
            pass
    p = tmp_path_factory.mktemp("fuzz") / "u.unit.json"
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = run_command(command, [str(p), "--json"], stdout=out, stderr=err)
    assert code in (0, 2), err.getvalue()
    if code == 2:
        msg = err.getvalue()
        assert msg.startswith("error: ") and "could not process" not in msg, msg
        assert msg.count("\n") == 1
    else:
        json.loads(out.getvalue())


def test_random_windows_lose_no_more_than_they_had():
    from elevator_eval.site.plan import parse_plan
    from elevator_eval.site.sunlight import analyse

    rng = random.Random(5)
    plan = copy.deepcopy(BASE["site"]["plan"])
    plan["windows"] = [
        {
            "id": f"w{i}",
            "x": rng.uniform(-10, 40),
            "y": rng.uniform(-25, 38),
            "sill_height_m": rng.uniform(0, 20),
            "facing_deg": rng.choice([0, 90, 180, 270, rng.uniform(0, 360)]),
        }
        for i in range(150)
    ]
    res = analyse(parse_plan(plan))
    for w in res.windows:
        assert 0 <= w.after_min <= w.before_min <= 480
