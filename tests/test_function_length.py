"""No function of the package longer than 60 lines without a stated reason.

A function's length is the number of lines on which its statements start (a nested
function counts within its parent and on its own): a statement the formatter spreads over
several lines (a call with one argument a line, a long literal) counts once; the docstring,
comments and blank lines do not count. So the measure does not change when ``ruff format``
wraps a line, and a function of 60 statements is as long as this rule allows. A long function is accepted
when a comment line starting ``# Long:`` (the reason) is among the first three lines of
its body — counted right after the signature, or right after the docstring.

:data:`ALLOWED` lists the long functions that existed when this rule was made; the list can
only shrink: the test fails for a new long function, and also for an allowlisted one that
no longer exists or has become short (remove it from the list then).
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "elevator_eval"
MAX_LINES = 60
MARK = "# Long:"

# Long functions kept without a reason while they wait to be split (none today); the list
# can only shrink.
ALLOWED: frozenset[str] = frozenset()


def _signature_end(node: ast.FunctionDef | ast.AsyncFunctionDef, lines: list[str]) -> int:
    """Line number (1-based) of the signature's last line: the last line before the first
    statement that is not blank or a comment."""
    end = node.lineno
    for no in range(node.lineno, node.body[0].lineno):
        text = lines[no - 1].strip()
        if text and not text.startswith("#"):
            end = no
    return end


def _has_reason(node: ast.FunctionDef | ast.AsyncFunctionDef, lines: list[str]) -> bool:
    starts = [_signature_end(node, lines)]
    first = node.body[0]
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        starts.append(first.end_lineno)
    for start in starts:
        head = lines[start : start + 3]
        if any(line.strip().startswith(MARK) for line in head):
            return True
    return False


def _statements(node: ast.AST):
    """The statements directly inside ``node``'s blocks (functions are statements, so
    expressions need not be walked)."""
    for name in ("body", "orelse", "finalbody", "handlers", "cases"):
        for child in getattr(node, name, ()) or ():
            if (
                isinstance(child, (ast.stmt, ast.excepthandler))
                or type(child).__name__ == "match_case"
            ):
                yield child


def _functions(tree: ast.AST, prefix: str = ""):
    """(qualified name, node) of every function, methods as ``Class.method`` and nested
    functions as ``outer.inner``."""
    for node in _statements(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            name = prefix + node.name
            yield name, node
            yield from _functions(node, name + ".")
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node, prefix + node.name + ".")
        else:
            yield from _functions(node, prefix)


def length(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines on which a statement of ``node`` starts, its docstring not counted."""
    body = node.body
    if (
        body
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    ):
        body = body[1:]
    return len(
        {
            n.lineno
            for stmt in body
            for n in ast.walk(stmt)
            if isinstance(n, (ast.stmt, ast.excepthandler))
        }
    )


@functools.lru_cache(maxsize=1)
def measure() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(long functions without a reason, long functions with one, all functions), each as
    ``path::qualified.name`` with the path relative to the repository."""
    long_bare, long_reasoned, every = set(), set(), set()
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        rel = path.relative_to(PACKAGE.parent).as_posix()
        for name, node in _functions(ast.parse(text, filename=str(path))):
            key = f"{rel}::{name}"
            every.add(key)
            if length(node) <= MAX_LINES:
                continue
            (long_reasoned if _has_reason(node, lines) else long_bare).add(key)
    return frozenset(long_bare), frozenset(long_reasoned), frozenset(every)


def test_no_new_long_function():
    long_bare, _, _ = measure()
    new = sorted(long_bare - ALLOWED)
    assert not new, (
        f"{len(new)} function(s) over {MAX_LINES} lines without a '{MARK} "
        f"<reason>' comment: split them or state why they are one piece:\n" + "\n".join(new)
    )


def test_allowlist_only_shrinks():
    long_bare, _, every = measure()
    gone = sorted(ALLOWED - every)
    short = sorted((ALLOWED & every) - long_bare)
    assert not gone and not short, (
        "remove from ALLOWED in tests/test_function_length.py:\n"
        + "\n".join(
            [f"{k} (no longer exists)" for k in gone]
            + [f"{k} (now short or has a reason)" for k in short]
        )
    )


def _lines(source: str) -> tuple[ast.FunctionDef, list[str]]:
    tree = ast.parse(source)
    return tree.body[0], source.splitlines()


def test_the_rule_itself():
    """The measurement on made-up functions: the reason after the signature or after the
    docstring counts, one further down does not."""
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_LINES))
    long_plain = "def f(a,\n      b):\n" + body
    node, lines = _lines(long_plain)
    assert length(node) == MAX_LINES
    assert not _has_reason(node, lines)
    node, lines = _lines("def f(a,\n      b):\n    # Long: one table\n" + body)
    assert _has_reason(node, lines)
    node, lines = _lines('def f():\n    """Doc.\n\n    More.\n    """\n\n    # Long: why\n' + body)
    assert _has_reason(node, lines)
    node, lines = _lines("def f():\n    x = 1\n    y = 2\n    z = 3\n    # Long: late\n" + body)
    assert not _has_reason(node, lines)
    tree = ast.parse("class A:\n    def m(self):\n        def inner():\n            pass\n")
    assert [name for name, _ in _functions(tree)] == ["A.m", "A.m.inner"]


def test_wrapped_lines_count_once_and_statements_each():
    """A call the formatter spreads one argument a line is one statement; 61 statements are
    61 however they are written."""
    args = "".join(f"        a{i},\n" for i in range(100))
    node, _ = _lines(f'def f():\n    """Doc."""\n    g(\n{args}    )\n')
    assert length(node) == 1
    stmts = "".join(f"    x{i} = {i}\n" for i in range(MAX_LINES + 1))
    node, _ = _lines("def f():\n" + stmts)
    assert length(node) == MAX_LINES + 1
    nested = (
        "def f():\n    if x:\n        y = 1\n    else:\n        y = 2\n    try:\n"
        "        z = 1\n    except E:\n        z = 2\n"
    )
    node, _ = _lines(nested)
    assert length(node) == 7  # if, y, y, try, z, except, z: the lines statements start on
