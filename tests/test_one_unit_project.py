"""A project file of one unit needs no ``--unit``: the spec's command lines give it as
optional (``assess|consent|share UNIT.json|PROJECT [--unit ID]``). ``assess`` of a project
prints its census and, for a project of one unit, that unit's assessment keys too; a
project of several units still asks which unit."""

from __future__ import annotations

import io
import json

import pytest

from elevator_eval.cli import run_command
from elevator_eval.resources import sample_project_path


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    code = run_command(args[0], list(args[1:]), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def one_unit_project(tmp_path, example_unit_path):
    path = tmp_path / "one.eeproj"
    code, _o, err = _run(
        "import-unit",
        str(path),
        str(example_unit_path),
        "--community",
        "幸福里",
        "--building",
        "3号楼",
        "--create",
    )
    assert code == 0, err
    return path


@pytest.mark.parametrize("command", ["consent", "share"])
def test_consent_and_share_of_a_one_unit_project_without_unit(one_unit_project, command):
    code, out, err = _run(command, str(one_unit_project), "--json")
    assert code == 0, err
    named = _run(command, str(one_unit_project), "--unit", "XFL-3-2", "--json")[1]
    assert json.loads(out) == json.loads(named)
    assert json.loads(out)["unit"] == "XFL-3-2"


def test_assess_of_a_one_unit_project_gives_the_unit_and_the_census(one_unit_project):
    code, out, err = _run("assess", str(one_unit_project), "--json")
    assert code == 0, err
    d = json.loads(out)
    alone = json.loads(_run("assess", str(one_unit_project), "--unit", "XFL-3-2", "--json")[1])
    assert {k: d[k] for k in ("unit", "class", "findings")} == {
        k: alone[k] for k in ("unit", "class", "findings")
    }
    assert d["census"]["total"] == 1 and d["census"]["rows"][0]["unit"] == "XFL-3-2"


def test_a_project_of_several_units_still_asks_which(tmp_path):
    code, _o, err = _run("consent", str(sample_project_path()), "--json")
    assert code == 2 and "--unit" in err and "several units" in err
    code, out, _e = _run("assess", str(sample_project_path()), "--json")
    assert code == 0 and "census" in json.loads(out) and "unit" not in json.loads(out)


def test_a_lone_surrogate_escape_is_refused_naming_its_field(tmp_path, example_unit_path):
    """JSON lets a string hold "\\ud800" alone, which is no text: every command refuses it
    naming the field (the PDF writer failed on it without naming one)."""
    data = json.loads(example_unit_path.read_text(encoding="utf-8"))
    data["households"][2]["owner_name"] = "\ud800"
    path = tmp_path / "surrogate.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # written as the escape \ud800
    for command in ("assess", "consent", "share"):
        code, _o, err = _run(command, str(path))
        assert code == 2 and "households[2].owner_name" in err and "surrogate" in err, err


def test_two_totals_that_disagree_and_a_repeated_key_are_refused(tmp_path, example_unit_path):
    """The capital total is the sum of the cost lines (unit format §1): a total_yuan beside
    them that differs is refused, one that agrees is taken; a key given twice in one object
    (JSON readers keep the last) is refused instead of silently replaced."""
    data = json.loads(example_unit_path.read_text(encoding="utf-8"))
    lines = sum(data["costs"]["items_yuan"].values())
    path = tmp_path / "u.json"
    data["costs"]["total_yuan"] = lines + 1
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _o, err = _run("share", str(path))
    assert code == 2 and "costs.total_yuan" in err
    data["costs"]["total_yuan"] = lines
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _run("share", str(path))[0] == 0
    text = example_unit_path.read_text(encoding="utf-8").replace(
        '"id": "XFL-3-2"', '"id": "XFL-3-2", "id": "OTHER"', 1
    )
    assert '"OTHER"' in text
    path.write_text(text, encoding="utf-8")
    code, _o, err = _run("assess", str(path))
    assert code == 2 and "'id' twice" in err


def test_an_unknown_rules_name_lists_both_kinds(example_unit_path):
    """--rules takes a consent or a suitability ruleset: an unknown name lists both (it said
    "unknown consent name" and listed the consent rulesets only)."""
    code, _o, err = _run("assess", str(example_unit_path), "--rules", "nope")
    assert code == 2 and "neither a consent nor a suitability ruleset" in err
    assert "civil-code-2021" in err and "shanghai-2020" in err
