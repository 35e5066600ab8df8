"""Every error the window shows goes through one helper, ``i18n.error_text``, that tells it
in the window's language (the engines word their errors in English for the command line):
no view puts an exception's own text (``str(e)``, ``{e}``, ``e.message``) in front of a
user. Read from the source of every module of the window."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "elevator_eval" / "ui"


def raw_error_texts(source: str) -> list[int]:
    """Lines where an ``except … as e`` block shows ``e`` by its own text (a test of the
    text with ``in`` is not showing it)."""
    found = []
    for handler in ast.walk(ast.parse(source)):
        if not isinstance(handler, ast.ExceptHandler) or not handler.name:
            continue
        name = handler.name

        def is_error(node, name=name) -> bool:
            return isinstance(node, ast.Name) and node.id == name

        tested = set()
        for node in ast.walk(handler):
            if isinstance(node, ast.Compare) and any(
                isinstance(op, (ast.In, ast.NotIn)) for op in node.ops
            ):
                tested.update(id(n) for n in node.comparators)
        for node in ast.walk(handler):
            if id(node) in tested:
                continue
            if isinstance(node, ast.Call):
                func = node.func
                if (
                    isinstance(func, ast.Name)
                    and func.id == "str"
                    and any(map(is_error, node.args))
                ):
                    found.append(node.lineno)
                elif isinstance(func, ast.Attribute) and func.attr == "format":
                    if any(map(is_error, node.args)):
                        found.append(node.lineno)
            elif isinstance(node, ast.FormattedValue):
                if is_error(node.value):
                    found.append(node.lineno)
            elif isinstance(node, ast.Attribute) and is_error(node.value):
                if node.attr in ("message", "message_zh", "message_en"):
                    found.append(node.lineno)
    return sorted(found)


def test_the_check_finds_each_way_of_showing_an_error_raw():
    source = """
try:
    pass
except InputError as e:
    a = str(e)
    b = "x {0}".format(e)
    c = f"x {e}"
    d = e.message
    if "low" in str(e):
        pass
    ok = i18n.error_text(e)
"""
    assert raw_error_texts(source) == [5, 6, 7, 8]


def test_no_view_shows_an_errors_own_text():
    found = {}
    for path in sorted(UI.glob("*.py")):
        lines = raw_error_texts(path.read_text(encoding="utf-8"))
        if lines:
            found[path.name] = lines
    assert found == {}
