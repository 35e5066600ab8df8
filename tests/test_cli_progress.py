"""`elevator-eval progress`: counts per stage as JSON, checked moves, exit 2 on refusal."""

from __future__ import annotations

import io
import json

from process_helpers import make_project, make_unit

from elevator_eval.cli import run_command
from elevator_eval.store import open_project, save_project


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = run_command("progress", list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def project_file(tmp_path):
    p = make_project([make_unit(["yes"] * 6, "OK"), make_unit(["yes"] * 3 + [None] * 3, "NO")])
    path = tmp_path / "street.eeproj"
    save_project(p, path)
    return path


def test_json_counts_and_a_legal_walk(tmp_path):
    path = project_file(tmp_path)
    for stage, day in (
        ("intent", "2026-01-05"),
        ("consultation", "2026-02-01"),
        ("notice", "2026-03-01"),
    ):
        code, out, err = run(
            str(path), "--unit", "OK", "--advance", stage, "--date", day, "--responsible", "街道办"
        )
        assert code == 0, err
    code, out, _ = run(str(path), "--json", "--as-of", "2026-03-10")
    data = json.loads(out)
    assert code == 0 and data["units"] == 2
    assert data["counts"]["none"] == 1 and data["counts"]["notice"] == 1
    assert data["counts"]["intent"] == 0 and data["overdue_total"] == 0
    status = {s["unit"]: s for s in data["unit_status"]}
    assert status["OK"]["days_in_stage"] == 9 and status["OK"]["responsible"] == "街道办"
    # as of 2026-04-01 the notice (15 days expected) has run 31 days: overdue
    data = json.loads(run(str(path), "--json", "--as-of", "2026-04-01")[1])
    assert data["overdue_total"] == 1 and data["stages"][3]["overdue"] == 1


def test_illegal_move_exits_2_with_the_reason_and_leaves_the_file(tmp_path):
    path = project_file(tmp_path)
    for stage, day in (("intent", "2026-01-05"), ("consultation", "2026-02-01")):
        assert run(str(path), "--unit", "NO", "--advance", stage, "--date", day)[0] == 0
    before = path.read_bytes()
    code, out, err = run(str(path), "--unit", "NO", "--advance", "notice", "--date", "2026-03-01")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "表决尚未通过" in err and "vote has not passed" in err
    assert path.read_bytes() == before
    assert (
        open_project(path).find_unit("NO").extra["process"]["stages"][-1]["stage"] == "consultation"
    )


def test_bad_arguments_name_the_field(tmp_path):
    path = project_file(tmp_path)
    assert "--date" in run(str(path), "--unit", "OK", "--advance", "intent")[2]
    assert "--unit" in run(str(path), "--advance", "intent", "--date", "2026-01-01")[2]
    code, _, err = run(str(path), "--unit", "OK", "--advance", "launch", "--date", "2026-01-01")
    assert code == 2 and "unknown stage 'launch'" in err
    code, _, err = run(str(path), "--unit", "OK", "--advance", "intent", "--date", "1.1.2026")
    assert code == 2 and "--date" in err
