"""Command-line plumbing: help, one-line errors with exit 2, never a traceback."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from elevator_eval.cli import COMMANDS, main, run_command


def _run(name, argv):
    out, err = io.StringIO(), io.StringIO()
    code = run_command(name, argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_top_help_lists_every_command(capsys):
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    for name in COMMANDS:
        assert name in text
    # the descriptions start in one column, whatever the longest command's name
    rows = [line for line in text.splitlines() if line.split()[:1] and line.split()[0] in COMMANDS]
    assert len(rows) == len(COMMANDS)
    starts = {len(line) - len(line.split(maxsplit=1)[1]) for line in rows}
    assert len(starts) == 1


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_unknown_option_is_one_line_exit_2(name):
    code, out, err = _run(name, ["--no-such-option"])
    assert code == 2
    assert err.startswith("error:") and err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize("name", ["assess", "consent", "share"])
def test_missing_file_names_the_file(name, tmp_path):
    code, _, err = _run(name, [str(tmp_path / "nope.unit.json")])
    assert code == 2
    assert "file" in err and "does not exist" in err


@pytest.mark.parametrize("name", ["assess", "consent", "share"])
def test_broken_json_is_exit_2(name, tmp_path):
    p = tmp_path / "broken.unit.json"
    p.write_text('{"format": "elevator-eval/unit", "version": 1, "id": ', encoding="utf-8")
    code, _, err = _run(name, [str(p)])
    assert code == 2
    assert err.startswith("error: file:")


def test_floor_above_storeys_names_the_field(tmp_path, example_unit_path):
    text = example_unit_path.read_text(encoding="utf-8").replace('"floor": 6', '"floor": 9', 1)
    p = tmp_path / "u.unit.json"
    p.write_text(text, encoding="utf-8")
    code, _, err = _run("consent", [str(p), "--json"])
    assert code == 2
    assert "households[10].floor" in err


def test_module_entry_point_runs_without_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "elevator_eval", "share", str(tmp_path / "x.json")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0


def test_a_misspelt_command_is_one_line_naming_the_command(capsys, example_unit_path):
    """``asses UNIT`` printed 27 lines (the error "unrecognized arguments" and the whole
    usage)."""
    assert main(["asses", str(example_unit_path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        "error: unknown command 'asses' (did you mean assess?); "
        "elevator-eval --help lists the commands\n"
    )
    assert main(["--bogus"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_an_integer_of_thousands_of_digits_names_its_field(tmp_path, example_unit_path):
    """Python refuses an int of more than 4,300 digits: the message named the file and
    passed on Python's hint (sys.set_int_max_str_digits)."""
    text = example_unit_path.read_text(encoding="utf-8")
    assert '"storeys": 6' in text
    path = tmp_path / "huge.unit.json"
    path.write_text(text.replace('"storeys": 6', '"storeys": ' + "9" * 5000), encoding="utf-8")
    code, _out, err = _run("assess", [str(path)])
    assert code == 2
    assert err == "error: building.storeys: is far too large (1.00e+5000)\n"
