"""mypy, strict on the core, as configured in pyproject.toml ([tool.mypy]).

The run itself takes about 20 s cold on the development machine (2 cores), so it is in the
``slow`` tier that CI runs (``python3 -m pytest -m slow``); the checks of the configuration
below are fast and run by default.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "elevator_eval"
OUTER = ("io", "report", "commands", "ui")


def _config() -> dict:
    tomllib = pytest.importorskip("tomllib")  # the standard library from Python 3.11
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]


def _core_files() -> list[str]:
    out = []
    for p in sorted(PACKAGE.rglob("*.py")):
        rel = p.relative_to(ROOT).as_posix()
        parts = p.relative_to(PACKAGE).parts
        if parts[0] in OUTER or rel in ("elevator_eval/cli.py", "elevator_eval/__main__.py"):
            continue
        out.append(rel)
    return out


def _excluded(rel: str, patterns: list[str]) -> bool:
    return any(re.search(p, rel) for p in patterns)


def test_mypy_is_strict_on_python_3_10():
    cfg = _config()
    assert cfg["strict"] is True
    assert cfg["python_version"] == "3.10"  # the oldest Python the package supports


def test_every_core_module_is_checked_and_no_outer_layer_is():
    cfg = _config()
    assert cfg["files"] == ["elevator_eval"]
    core = _core_files()
    assert "elevator_eval/model.py" in core and "elevator_eval/site/sun.py" in core
    assert [f for f in core if _excluded(f, cfg["exclude"])] == []
    for outer in (
        "elevator_eval/io/export.py",
        "elevator_eval/report/common.py",
        "elevator_eval/commands/assess.py",
        "elevator_eval/ui/app.py",
        "elevator_eval/cli.py",
        "elevator_eval/__main__.py",
    ):
        assert _excluded(outer, cfg["exclude"]), outer


def test_no_core_module_is_exempt():
    """Every core module is checked strictly: only the outer layers (whole packages) and the
    command-line entry points may ignore errors."""
    exempt = set()
    for ov in _config().get("overrides", []):
        if ov.get("ignore_errors"):
            mods = ov["module"] if isinstance(ov["module"], list) else [ov["module"]]
            exempt |= {
                m
                for m in mods
                if not m.endswith(".*") and m not in ("elevator_eval.cli", "elevator_eval.__main__")
            }
    assert exempt == set()


@pytest.mark.slow
def test_mypy_passes_on_the_core(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.slow
def test_mypy_as_configured_rejects_an_untyped_core_function(tmp_path):
    """The configuration bites: a core module with an untyped function fails."""
    pkg = tmp_path / "elevator_eval"
    (pkg / "site").mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "site" / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "site" / "loose.py").write_text("def area(w, d):\n    return w * d\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "c")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1
    assert "elevator_eval/site/loose.py:1: error" in proc.stdout
    assert "[no-untyped-def]" in proc.stdout
