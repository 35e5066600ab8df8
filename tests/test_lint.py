"""The code passes the project's lint (ruff: pyflakes rules and syntax errors, configured in
pyproject.toml), so unused imports and undefined names never reach main."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _ruff() -> list[str]:
    pytest.importorskip("ruff")       # a third-party tool of the test extra
    return [sys.executable, "-m", "ruff"]


def test_ruff_check_passes():
    proc = subprocess.run([*_ruff(), "check", "--no-cache", "elevator_eval", "tests", "tools",
                           "benchmarks"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_finds_an_unused_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n", encoding="utf-8")
    proc = subprocess.run([*_ruff(), "check", "--no-cache", "--isolated", "--select", "F",
                           str(bad)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "F401" in proc.stdout
