"""`elevator-eval assess` and `consent` on unit files and projects (spec §2)."""

from __future__ import annotations

import io
import json

import pytest

from elevator_eval.cli import run_command


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = run_command(argv[0], list(argv[1:]), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def write_unit(tmp_path, example_unit_path, mutate):
    d = json.loads(example_unit_path.read_text(encoding="utf-8"))
    mutate(d)
    p = tmp_path / "u.unit.json"
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return p


def test_assess_json_has_the_fixed_keys(example_unit_path):
    code, out, err = run("assess", str(example_unit_path), "--json")
    assert code == 0, err
    d = json.loads(out)
    assert d["unit"] == "XFL-3-2" and d["class"] == "suitable"
    assert [(f["code"], f["severity"]) for f in d["findings"]] == [
        ("pipe_water", "weak"),
        ("pipe_telecom", "weak"),
    ]
    assert all(isinstance(f["message"], str) and f["message"] for f in d["findings"])
    assert d["consent_state"] == "ready"


def test_assess_text_is_chinese_first(example_unit_path):
    code, out, _ = run("assess", str(example_unit_path))
    assert code == 0
    first = out.splitlines()[0]
    assert "适合加装" in first and first.index("适合加装") < first.index("Suitable")
    assert "弱干扰" in out and "对策" in out


def test_assess_with_unit_matching_the_file(example_unit_path):
    assert run("assess", str(example_unit_path), "--unit", "XFL-3-2")[0] == 0
    code, _, err = run("assess", str(example_unit_path), "--unit", "NOPE")
    assert code == 2 and "--unit" in err


def test_consent_json_has_the_fixed_keys(example_unit_path):
    code, out, err = run("consent", str(example_unit_path), "--json")
    assert code == 0, err
    d = json.loads(out)
    assert d["unit"] == "XFL-3-2" and d["passed"] is True
    assert d["participation"] == {"area_ok": True, "headcount_ok": True}
    assert d["approval"] == {"area_ok": True, "headcount_ok": True}
    assert d["blocking"] == []


def test_consent_blocking_owner(tmp_path, example_unit_path):
    def mutate(d):
        d["households"][0]["exclusive_part_affected"] = True  # O-101 voted no

    p = write_unit(tmp_path, example_unit_path, mutate)
    code, out, _ = run("consent", str(p), "--json")
    d = json.loads(out)
    assert code == 0 and d["passed"] is False and d["blocking"] == ["O-101"]
    assert d["state"] == "blocked" and d["needed"]["owners"] == ["O-101"]
    code, out, _ = run("consent", str(p))
    assert "O-101" in out and "未通过" in out


def test_conflicting_votes_exit_2_naming_the_household(tmp_path, example_unit_path):
    def mutate(d):
        d["households"][1]["owner"] = "O-101"  # O-101 voted no; 102 null

    p = write_unit(tmp_path, example_unit_path, mutate)
    code, out, err = run("consent", str(p), "--json")
    assert code == 2 and out == ""
    assert "households[1].vote" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_unknown_rules_exit_2(tmp_path, example_unit_path):
    p = write_unit(tmp_path, example_unit_path, lambda d: d.update(rules="atlantis-1900"))
    for cmd in ("assess", "consent"):
        code, _, err = run(cmd, str(p))
        assert code == 2 and "rules" in err


def test_rules_option(example_unit_path):
    code, out, _ = run("consent", str(example_unit_path), "--rules", "unanimity", "--json")
    d = json.loads(out)
    assert code == 0 and d["passed"] is False and d["ruleset"] == "unanimity"
    assert d["needed"]["additional_yes"] == 4  # 101 no, 102 none, 201 abstain, 502 none


def test_xlsx_needs_a_project(example_unit_path, tmp_path):
    code, _, err = run("assess", str(example_unit_path), "--xlsx", str(tmp_path / "x.xlsx"))
    assert code == 2 and "--xlsx" in err


# ------------------------------------------------------------------ project targets


@pytest.fixture
def fake_project(tmp_path, monkeypatch):
    """A project file: the store opens it as the in-memory test street."""
    from test_census import street

    import elevator_eval.store as store

    p = tmp_path / "street.eeproj"
    p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    monkeypatch.setattr(store, "open_project", lambda path: street())
    return p


def test_assess_project_without_unit_prints_the_census(fake_project, tmp_path):
    code, out, err = run("assess", str(fake_project), "--year", "2026")
    assert code == 0, err
    assert "普查" in out and "幸福里" in out
    code, out, _ = run("assess", str(fake_project), "--json", "--year", "2026")
    c = json.loads(out)["census"]
    assert c["by_class"] == {"suitable": 1, "difficult": 1, "unsuitable": 3}
    x = tmp_path / "c.xlsx"
    assert run("assess", str(fake_project), "--xlsx", str(x))[0] == 0 and x.exists()


def test_assess_and_consent_project_unit(fake_project):
    code, out, _ = run("assess", str(fake_project), "--unit", "A-1-2", "--json")
    assert code == 0 and json.loads(out)["class"] == "difficult"
    code, out, _ = run("consent", str(fake_project), "--unit", "A-1-2", "--json")
    assert code == 0 and json.loads(out)["passed"] is False
    code, _, err = run("consent", str(fake_project))
    assert code == 2 and "--unit" in err


def test_assess_text_shows_what_is_needed(tmp_path, example_unit_path):
    def mutate(d):
        for h in d["households"][4:]:
            h["vote"] = None  # only 4 of 12 took part

    p = write_unit(tmp_path, example_unit_path, mutate)
    code, out, _ = run("assess", str(p))
    assert code == 0 and "尚需争取票数" in out and "还需" in out
    assert "适合加装" in out  # the class is unchanged


def test_consent_text_names_owners_by_door_number(tmp_path, example_unit_path):
    """A clerk reads door numbers: the owners still needed are listed with their doors."""
    import io as _io
    import json as _json

    from elevator_eval.cli import run_command

    data = _json.loads(example_unit_path.read_text(encoding="utf-8"))
    for h in data["households"]:
        h["vote"] = "yes" if h["floor"] >= 5 else None
    p = tmp_path / "u.unit.json"
    p.write_text(_json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out, err = _io.StringIO(), _io.StringIO()
    assert run_command("consent", [str(p)], stdout=out, stderr=err) == 0
    doors_line = next(line for line in out.getvalue().splitlines() if "owners (doors)" in line)
    assert "O-402（402）" in doors_line


def test_consent_on_a_project_lists_the_votes_its_log_does_not_hold(tmp_path, example_unit_path):
    """Two doors vote through the audited path, one door's vote is set directly (as an
    imported sheet sets it): only that door is listed, in the JSON and in the text. A unit
    file keeps no log: the key is absent."""
    from process_helpers import make_project, make_unit

    from elevator_eval.audit import record_vote
    from elevator_eval.store import save_project

    unit = make_unit([None, None, None], "LOG-1")
    project = make_project([unit])
    first, second, third = (h.id for h in unit.households)
    record_vote(project, "LOG-1", first, "yes", "paper", "2026-03-01")
    record_vote(project, "LOG-1", second, "no", "meeting", "2026-03-02")
    unit.household(third).vote = "yes"  # no log entry
    path = tmp_path / "p.eeproj"
    save_project(project, path)
    code, out, _ = run("consent", str(path), "--unit", "LOG-1", "--json")
    assert code == 0 and json.loads(out)["unlogged_votes"] == [third]
    code, out, _ = run("consent", str(path), "--unit", "LOG-1")
    assert code == 0 and out.rstrip().endswith(f"(need their own evidence): {third}")
    code, out, _ = run("consent", str(example_unit_path), "--json")
    assert code == 0 and "unlogged_votes" not in json.loads(out)
