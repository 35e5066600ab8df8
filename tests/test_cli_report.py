"""`elevator-eval report`: files written, bad input exits 2 naming the argument."""

from __future__ import annotations

import io
import json

import pytest

from elevator_eval.cli import run_command


def _run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = run_command("report", [str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def sample():
    from elevator_eval.resources import sample_project_path
    return sample_project_path()


def test_unit_file_to_pdf(example_unit_path, tmp_path):
    out = tmp_path / "p.pdf"
    code, stdout, err = _run([example_unit_path, "-o", out, "--json"])
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF")
    data = json.loads(stdout)
    assert data["written"] == [str(out)] and data["kind"] == "proposal"


def test_notice_and_forms_from_a_project(sample, tmp_path):
    for kind in ("notice", "consent-forms"):
        out = tmp_path / f"{kind}.pdf"
        code, _o, err = _run([sample, "--unit", "DH-1-1", "--kind", kind, "-o", out])
        assert code == 0, err
        assert out.stat().st_size > 1000


def test_census_from_a_project(sample, tmp_path):
    out = tmp_path / "census.pdf"
    code, _o, err = _run([sample, "--kind", "census", "-o", out])
    assert code == 0, err
    assert out.exists()


@pytest.mark.parametrize("argv, field", [
    (["{unit}"], "-o"),
    (["{unit}", "--all", "-o", "{tmp}/d"], "--all"),
    (["{unit}", "--kind", "census", "-o", "{tmp}/c.pdf"], "--kind"),
    (["{unit}", "--kind", "brochure", "-o", "{tmp}/c.pdf"], "--kind"),
    (["{unit}", "--lang", "fr", "-o", "{tmp}/c.pdf"], "--lang"),
    (["{unit}", "-o", "{tmp}/c.txt"], "-o"),
    (["{unit}", "-o", "{tmp}"], "-o"),
    (["{unit}", "-o", "{tmp}/missing/c.pdf"], "-o"),
    (["{unit}", "--unmasked", "-o", "{tmp}/c.pdf"], "--unmasked"),
    (["{unit}", "--kind", "quotes", "-o", "{tmp}/q.pdf"], "--quotes"),
    (["{tmp}/nope.json", "-o", "{tmp}/c.pdf"], "file"),
    (["{sample}", "-o", "{tmp}/c.pdf"], "--unit"),
    (["{sample}", "--unit", "NOPE", "-o", "{tmp}/c.pdf"], "--unit"),
    (["{sample}", "--all", "--unit", "DH-1-1", "-o", "{tmp}/d"], "--all"),
    (["{sample}", "--all", "--kind", "census", "-o", "{tmp}/d"], "--all"),
])
def test_bad_input_exits_2_naming_the_field(argv, field, example_unit_path, sample, tmp_path):
    argv = [a.format(unit=example_unit_path, tmp=tmp_path, sample=sample) for a in argv]
    code, stdout, err = _run(argv)
    assert code == 2
    assert err.startswith("error: ")
    assert field in err
    assert "Traceback" not in err
    assert not list(tmp_path.glob("*.pdf"))


def test_bad_unit_data_exits_2(example_unit_path, tmp_path):
    data = json.loads(example_unit_path.read_text(encoding="utf-8"))
    data["share"]["method"] = "lottery"
    bad = tmp_path / "bad.unit.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _o, err = _run([bad, "-o", tmp_path / "x.pdf"])
    assert code == 2 and "share.method" in err
