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
from json_paths import REMOVE, paths, put

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


PATHS = [p for p in paths(BASE["site"]["plan"]) if p]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(PATHS), st.sampled_from([*ODD, REMOVE])), min_size=1, max_size=3
    ),
    st.sampled_from(["sunlight", "assess"]),
)
def test_mutated_plans_never_crash(tmp_path_factory, mutations, command):
    d = copy.deepcopy(BASE)
    for path, value in mutations:
        try:
            put(d["site"]["plan"], path, copy.deepcopy(value))
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
