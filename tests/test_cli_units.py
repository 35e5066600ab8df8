"""Commands export-unit, import-unit and anonymise."""

from __future__ import annotations

import io
import json
import shutil

import pytest

from elevator_eval.audit import verify_log
from elevator_eval.cli import run_command
from elevator_eval.consent import tally
from elevator_eval.resources import sample_project_path
from elevator_eval.rulebook import consent_for
from elevator_eval.store import anonymise_project, open_project
from elevator_eval.unitfile import load_unit


def _run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = run_command(argv[0], [str(a) for a in argv[1:]], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "street.eeproj"
    shutil.copyfile(sample_project_path(), path)
    return path


def _bad(result, field):
    code, _out, err = result
    assert code == 2
    assert err.startswith("error: ") and err.count("\n") == 1
    assert field in err
    assert "Traceback" not in err


def test_export_then_import_round_trip(sample, tmp_path):
    out = tmp_path / "gy-1-1.unit.json"
    code, stdout, err = _run("export-unit", sample, "--unit", "GY-1-1", "-o", out, "--json")
    assert code == 0, err
    data = json.loads(stdout)
    assert data["unit"] == "GY-1-1" and data["households"] == 12
    unit = load_unit(out)
    original = open_project(sample).find_unit("GY-1-1")
    assert unit == original
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "elevator-eval/unit"

    new = tmp_path / "new.eeproj"
    code, stdout, err = _run(
        "import-unit", new, out, "--community", "桂园小区", "--building", "1栋", "--create"
    )
    assert code == 0, err
    assert "GY-1-1" in stdout
    p = open_project(new)
    assert p.find_unit("GY-1-1") == original
    assert [c.name for c in p.communities] == ["桂园小区"]


def test_import_into_existing_project_saves_it(sample, tmp_path, example_unit_path):
    code, stdout, err = _run(
        "import-unit",
        sample,
        example_unit_path,
        "--community",
        "幸福里小区",
        "--building",
        "3号楼",
        "--json",
    )
    assert code == 0, err
    assert json.loads(stdout)["units"] == 17
    p = open_project(sample)
    assert p.find_unit("XFL-3-2") == load_unit(example_unit_path)
    assert len(p.vote_log) == 7  # the rest is unchanged
    assert sorted(f.name for f in tmp_path.iterdir()) == ["street.eeproj"]


def test_import_errors_name_the_field(sample, tmp_path, example_unit_path):
    before = sample.read_bytes()
    _bad(
        _run(
            "import-unit",
            tmp_path / "none.eeproj",
            example_unit_path,
            "--community",
            "a",
            "--building",
            "b",
        ),
        "PROJECT",
    )
    # the unit id is already in the project
    src = tmp_path / "dup.unit.json"
    _run("export-unit", sample, "--unit", "DH-1-1", "-o", src)
    _bad(_run("import-unit", sample, src, "--community", "x", "--building", "y"), "id")
    # a bad unit file names its field
    bad = json.loads(example_unit_path.read_text(encoding="utf-8"))
    bad["households"][0]["floor"] = 9
    (tmp_path / "bad.unit.json").write_text(json.dumps(bad), encoding="utf-8")
    _bad(
        _run(
            "import-unit", sample, tmp_path / "bad.unit.json", "--community", "x", "--building", "y"
        ),
        "households[0].floor",
    )
    # building data that disagree with the existing building
    unit = json.loads(example_unit_path.read_text(encoding="utf-8"))
    unit["id"] = "NEW-1"
    (tmp_path / "new.unit.json").write_text(json.dumps(unit), encoding="utf-8")
    _bad(
        _run(
            "import-unit",
            sample,
            tmp_path / "new.unit.json",
            "--community",
            "东湖新村",
            "--building",
            "1号楼",
        ),
        "building.year_built",
    )
    _bad(_run("import-unit", sample, tmp_path / "new.unit.json"), "--community")
    assert sample.read_bytes() == before


def test_export_errors(sample, tmp_path, example_unit_path):
    _bad(_run("export-unit", sample, "--unit", "NOPE", "-o", tmp_path / "x.json"), "--unit")
    _bad(_run("export-unit", sample, "-o", tmp_path / "x.json"), "--unit")
    _bad(_run("export-unit", sample, "--unit", "DH-1-1", "-o", tmp_path / "no" / "x.json"), "-o")
    _bad(
        _run("export-unit", example_unit_path, "--unit", "XFL-3-2", "-o", tmp_path / "x.json"),
        "PROJECT",
    )
    png = tmp_path / "pic.eeproj"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    _bad(_run("export-unit", png, "--unit", "A", "-o", tmp_path / "x.json"), "wrong file type")
    assert not (tmp_path / "x.json").exists()


def test_anonymise(sample, tmp_path):
    out = tmp_path / "anon.eeproj"
    code, stdout, err = _run("anonymise", sample, "-o", out, "--json")
    assert code == 0, err
    data = json.loads(stdout)
    assert data["units"] == 16 and data["vote_events"] == 7
    orig, anon = open_project(sample), open_project(out)
    raw = out.read_bytes()
    for u in orig.units():
        for h in u.households:
            assert h.owner_name.encode("utf-8") not in raw
            assert h.contact.encode("utf-8") not in raw
    for uo, ua in zip(orig.units(), anon.units()):
        assert uo.id == ua.id
        for ho, ha in zip(uo.households, ua.households):
            assert ha.owner_name == f"住户{ho.id}" and ha.contact == ""
            assert ha.owner != ho.owner and ha.owner.startswith("O-")
            assert (ha.vote, ha.area_m2, ha.floor) == (ho.vote, ho.area_m2, ho.floor)
        # same heads: households of one owner still share one (hashed) id
        groups_o = sorted(
            sorted(h.id for h in uo.households if h.owner_id == o)
            for o in {h.owner_id for h in uo.households}
        )
        groups_a = sorted(
            sorted(h.id for h in ua.households if h.owner_id == o)
            for o in {h.owner_id for h in ua.households}
        )
        assert groups_o == groups_a
    gy = anon.find_unit("GY-1-1")
    assert gy.household("601").owner == gy.household("602").owner
    assert verify_log(anon.vote_log) == (True, None)
    assert [(e.unit_id, e.household_id, e.new, e.time) for e in anon.vote_log] == [
        (e.unit_id, e.household_id, e.new, e.time) for e in orig.vote_log
    ]
    assert all(e.note == "" for e in anon.vote_log)
    assert anon.settings["anonymised"]["original_vote_log_head"] == orig.vote_log[-1].hash
    assert anon.uid != orig.uid


def test_anonymise_keeps_consent_results(sample):
    orig = open_project(sample)
    anon = anonymise_project(orig, key=b"k")
    for uo, ua in zip(orig.units(), anon.units()):
        a, b = tally(uo, consent_for(uo)), tally(ua, consent_for(ua))
        assert (a.state, a.heads_total, a.heads_yes, a.area_yes_m2) == (
            b.state,
            b.heads_total,
            b.heads_yes,
            b.area_yes_m2,
        )


def test_anonymise_is_consistent_for_a_key(sample):
    p = open_project(sample)
    a, b = anonymise_project(p, key=b"k"), anonymise_project(p, key=b"k")
    c = anonymise_project(p, key=b"other")
    ids = lambda q: [h.owner for u in q.units() for h in u.households]  # noqa: E731
    assert ids(a) == ids(b) != ids(c)
    assert p == open_project(sample)  # the original is untouched


def test_anonymise_errors(sample, tmp_path):
    _bad(_run("anonymise", sample, "-o", sample), "-o")
    _bad(_run("anonymise", sample), "arguments")
    _bad(_run("anonymise", tmp_path / "none.eeproj", "-o", tmp_path / "a.eeproj"), "does not exist")
