"""No module of the package over 600 lines (as formatted by ``ruff format``): a module
that grows past it is split by job (see docs/architecture.md)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "elevator_eval"
MAX_LINES = 600


def long_modules(package: Path) -> list[str]:
    """``"path (N lines)"`` of every module of ``package`` over :data:`MAX_LINES` lines."""
    out = []
    for path in sorted(package.rglob("*.py")):
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_LINES:
            out.append(f"{path.relative_to(package.parent).as_posix()} ({n} lines)")
    return out


def test_no_module_over_600_lines():
    assert long_modules(PACKAGE) == []


def test_the_check_finds_a_long_module(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "short.py").write_text("x = 1\n" * MAX_LINES, encoding="utf-8")
    (pkg / "long.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    assert long_modules(pkg) == [f"pkg/long.py ({MAX_LINES + 1} lines)"]
