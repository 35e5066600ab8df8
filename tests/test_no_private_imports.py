"""No module reaches into another's private names (``from .x import _y``, or
``getattr(module, "_y")``): a module's underscore names may change without notice."""

from __future__ import annotations

import ast
from pathlib import Path

import elevator_eval

PACKAGE = Path(elevator_eval.__file__).resolve().parent

KNOWN_ELSEWHERE: set[tuple[str, str]] = set()


def private_uses() -> set[tuple[str, str]]:
    out = set()
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                for a in node.names:
                    if a.name.startswith("_") and not a.name.startswith("__"):
                        out.add((rel, a.name))
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "hasattr")
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str)
                and node.args[1].value.startswith("_")
                and not node.args[1].value.startswith("__")
                and not (isinstance(node.args[0], ast.Name) and node.args[0].id == "self")
            ):
                out.add((rel, node.args[1].value))
    return out


def test_no_private_names_across_modules():
    assert private_uses() - KNOWN_ELSEWHERE == set()


def test_the_checker_sees_a_private_import(tmp_path, monkeypatch):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "a.py").write_text("from .b import _hidden\nx = getattr(b, '_other')\n")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", pkg)
    assert private_uses() == {("a.py", "_hidden"), ("a.py", "_other")}


def window_private_attributes() -> set[tuple[str, str]]:
    """``other._name`` in the window's modules where ``other`` is not ``self`` or ``cls``:
    one window part reaching into another's underscore attributes."""
    out = set()
    for path in (PACKAGE / "ui").rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
            ):
                out.add((rel, node.attr))
    return out


def test_window_parts_use_each_others_public_names():
    assert window_private_attributes() == set()
