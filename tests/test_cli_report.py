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


@pytest.mark.parametrize(
    "argv, field",
    [
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
    ],
)
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


def test_quotes_report_with_evaluator_scores_prints_the_ranking(tmp_path):
    """`report --kind quotes --weights --scores` prints the tender ranking and the
    price-weight range over which the winner stays first."""
    import io as _io
    import json as _json
    from pathlib import Path as _Path

    from pypdf import PdfReader

    from elevator_eval.cli import run_command

    root = _Path(__file__).resolve().parent.parent
    scores = tmp_path / "scores.json"
    scores.write_text(
        _json.dumps(
            {
                "HT-630": {"technical": 36, "service": 18},
                "AJ-630R": {"technical": 38, "service": 19},
                "HL-630E": {"technical": 33, "service": 15},
                "HT-450": {"technical": 30, "service": 16},
                "DF-1000": {"technical": 39, "service": 17},
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "q.pdf"
    argv = [
        str(root / "resources/sample/sample-street.eeproj"),
        "--kind",
        "quotes",
        "--quotes",
        str(root / "resources/sample/quotes.xlsx"),
        "--units",
        "DH-1-1,DH-1-2",
        "--weights",
        "price=40,technical=40,service=20",
        "--scores",
        str(scores),
        "-o",
        str(out),
    ]
    err = _io.StringIO()
    assert run_command("report", argv, stdout=_io.StringIO(), stderr=err) == 0, err.getvalue()
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "总分" in text and "保持第一" in text
    # scores without weights, or above their weight, are refused naming the field
    err = _io.StringIO()
    bad = [a for a in argv if a not in ("--weights", "price=40,technical=40,service=20")]
    assert run_command("report", bad, stdout=_io.StringIO(), stderr=err) == 2
    assert "--weights" in err.getvalue()
    err = _io.StringIO()
    argv2 = list(argv)
    argv2[argv2.index("price=40,technical=40,service=20")] = "price=40,technical=30,service=30"
    assert run_command("report", argv2, stdout=_io.StringIO(), stderr=err) == 2
    assert "technical_points" in err.getvalue()
