"""No dead code: every module-level function and class of the package is used by the package.

The scan reads the package's source (tests are not callers): a definition is used when its
name is referenced anywhere in the package outside its own body — as a name, an attribute,
an imported name, or a string that is exactly that name (``getattr`` by name, ``__all__``,
Qt slots connected by name). Entry points called from outside the package count as used:
the command API (``add_arguments``, ``run``), ``main`` (the console script), module
``__getattr__``. Matching is by name, so a dead function that shares its name with a used
one is missed: the scan errs towards "used".
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "elevator_eval"

ENTRY_POINTS = {"main", "run", "add_arguments", "__getattr__"}
"""Names called from outside the package (console script, command modules, import hooks)."""

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# Definitions known to be unused and kept on purpose (none today); an entry must say why, and
# test_allowlist_holds_only_dead_code fails for an entry that is no longer dead.
ALLOWLIST: set[str] = set()


def _definitions(tree: ast.Module) -> list[tuple[str, int]]:
    return [
        (n.name, n.lineno)
        for n in tree.body
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    ]


def _references(tree: ast.Module) -> list[tuple[str, str | None]]:
    """(name, enclosing top-level definition or None) for every reference in a module."""
    out: list[tuple[str, str | None]] = []
    for top in tree.body:
        owner = (
            top.name
            if isinstance(top, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            else None
        )
        for n in ast.walk(top):
            if isinstance(n, ast.Name):
                out.append((n.id, owner))
            elif isinstance(n, ast.Attribute):
                out.append((n.attr, owner))
            elif isinstance(n, ast.alias):
                out.append((n.name.rsplit(".", 1)[-1], owner))
            elif isinstance(n, ast.Constant) and isinstance(n.value, str) and len(n.value) < 200:
                out.extend((w, owner) for w in _IDENT.findall(n.value))
    return out


def unused_definitions(package: Path, callers: tuple[Path, ...] = ()) -> list[str]:
    """``"module.py:line name"`` of every module-level function or class of ``package``
    that nothing in the package (or in the ``callers`` folders) refers to (outside its own
    body)."""
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(package.rglob("*.py"))}
    outside = {
        p: ast.parse(p.read_text(encoding="utf-8"))
        for folder in callers
        for p in sorted(folder.rglob("*.py"))
    }
    names_used_anywhere: dict[str, set[tuple[Path, str | None]]] = {}
    for path, tree in {**trees, **outside}.items():
        for name, owner in _references(tree):
            names_used_anywhere.setdefault(name, set()).add((path, owner))
    dead = []
    for path, tree in trees.items():
        for name, line in _definitions(tree):
            if name in ENTRY_POINTS or (name.startswith("__") and name.endswith("__")):
                continue
            refs = names_used_anywhere.get(name, set()) - {(path, name)}
            if not refs:
                dead.append(f"{path.relative_to(package.parent).as_posix()}:{line} {name}")
    return dead


def _key(entry: str) -> str:
    """``"elevator_eval/x.py:12 name"`` → ``"elevator_eval/x.py name"`` (lines move)."""
    where, name = entry.split(" ", 1)
    return f"{where.rsplit(':', 1)[0]} {name}"


@functools.lru_cache(maxsize=1)
def _package_scan() -> tuple[str, ...]:
    """The scan of the package, done once for the tests below (it parses every module)."""
    # the project's build scripts (tools/: the sample street's generator) are callers too;
    # tests are not
    return tuple(unused_definitions(PACKAGE, (PACKAGE.parent / "tools",)))


def test_no_unused_public_definitions():
    dead = [e for e in _package_scan() if _key(e) not in ALLOWLIST]
    assert dead == [], "never used in the package (remove, with their tests):\n" + "\n".join(dead)


def test_allowlist_holds_only_dead_code():
    # an allowlisted definition that came back into use must leave the list
    dead = {_key(e) for e in _package_scan()}
    assert dead >= ALLOWLIST, sorted(ALLOWLIST - dead)


def test_the_scan_finds_a_dead_function(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "a.py").write_text(
        "def used():\n    return 1\n\n\ndef dead():\n    return dead()\n\n\n"
        "class Ghost:\n    pass\n\n\ndef by_name():\n    pass\n",
        encoding="utf-8",
    )
    (pkg / "b.py").write_text(
        "from .a import used\n\nHOOKS = ['by_name']\n\n\ndef run():\n    return used()\n",
        encoding="utf-8",
    )
    dead = unused_definitions(pkg)
    assert [e.split(" ")[1] for e in dead] == ["dead", "Ghost"]
