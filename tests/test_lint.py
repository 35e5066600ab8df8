"""The code passes the project's lint and format: ruff, configured in pyproject.toml
([tool.ruff]): the configured rules (E, W, F, I, B, UP, C4, SIM, RUF; each ignore explained
there) and ``ruff format --check`` over the whole tree.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TREE = ["elevator_eval", "tests", "tools", "benchmarks"]


def _ruff(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("ruff")  # a third-party tool of the test extra
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_configured_rules_pass_on_the_whole_tree():
    proc = _ruff("check", "--no-cache", *TREE)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_format_check_passes_on_the_whole_tree():
    proc = _ruff("format", "--check", "--no-cache", *TREE)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_finds_an_unused_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n", encoding="utf-8")
    proc = _ruff("check", "--no-cache", "--isolated", "--select", "F", str(bad))
    assert proc.returncode == 1 and "F401" in proc.stdout


def test_the_configuration_finds_unsorted_imports_and_a_mutable_default(tmp_path):
    """The configured selection bites (I and B), with the project's settings."""
    (tmp_path / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import sys\nimport os\n\n\ndef f(x=[]):\n    return x, os, sys\n", encoding="utf-8"
    )
    proc = _ruff("check", "--no-cache", "bad.py", cwd=tmp_path)
    assert proc.returncode == 1
    assert "I001" in proc.stdout and "B006" in proc.stdout


def test_the_formatter_reports_a_badly_formatted_file(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    (tmp_path / "ugly.py").write_text("x = {  'a':1 }\n", encoding="utf-8")
    (tmp_path / "neat.py").write_text('x = {"a": 1}\n', encoding="utf-8")
    assert _ruff("format", "--check", "--no-cache", "ugly.py", cwd=tmp_path).returncode == 1
    assert _ruff("format", "--check", "--no-cache", "neat.py", cwd=tmp_path).returncode == 0
