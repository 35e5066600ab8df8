"""Rules as data: no legal or technical threshold is written into the code.

Every module of the package is parsed; the test looks for the thresholds the rules data
define (fire lane 4.0 m, neighbour distance 6.0 m, the 2/3 and 3/4 vote ratios) written as
float or Decimal literals, as ``Fraction(2, 3)``-style ratios, or inside user-visible text
(strings other than docstrings: ``"2/3"``, ``"三分之二"``, ``"4.0 m"``). Docstrings and
comments may cite the standards. The values live in ``elevator_eval/rules/**.json``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import elevator_eval

PACKAGE = Path(elevator_eval.__file__).resolve().parent

THRESHOLD_FLOATS = {4.0, 6.0}
THRESHOLD_DECIMAL_TEXT = {"4.0", "4", "6.0", "6", "2/3", "3/4"}
RATIOS = {(2, 3), (3, 4)}
TEXT = re.compile(r"(?<![\d./])(2/3|3/4)(?![\d/])|三分之二|四分之三|(?<![\d.])[46]\.0\s*m\b")

KNOWN_ELSEWHERE: set[tuple[str, str]] = set()


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if (
                body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                ids.add(id(body[0].value))
        # a bare string statement (attribute docstrings) is documentation too
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            ids.add(id(node.value))
    return ids


def _call_name(node: ast.Call) -> str:
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def findings_in(path: Path) -> list[tuple[str, str, int]]:
    """(module, what, line) for every threshold literal in the module's code."""
    rel = path.relative_to(PACKAGE).as_posix()
    tree = ast.parse(path.read_text("utf-8"))
    docs = _docstrings(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, float) and v in THRESHOLD_FLOATS:
                out.append((rel, f"float {v}", node.lineno))
            elif isinstance(v, str) and id(node) not in docs:
                m = TEXT.search(v)
                if m:
                    out.append((rel, f"text: {m.group(0)}", node.lineno))
        elif (
            isinstance(node, ast.Call)
            and node.args
            and all(isinstance(a, ast.Constant) for a in node.args)
        ):
            name = _call_name(node)
            args = tuple(a.value for a in node.args)
            if name == "Decimal" and len(args) == 1 and str(args[0]) in THRESHOLD_DECIMAL_TEXT:
                out.append((rel, f'Decimal("{args[0]}")', node.lineno))
            if name == "Fraction" and (
                args in RATIOS or (len(args) == 1 and str(args[0]) in ("2/3", "3/4"))
            ):
                out.append((rel, f"Fraction{args}".replace(",)", ")"), node.lineno))
    return out


def all_findings() -> list[tuple[str, str, int]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        out += findings_in(path)
    return out


def test_no_threshold_literal_outside_the_rules_data():
    found = [
        (m, what, line) for m, what, line in all_findings() if (m, what) not in KNOWN_ELSEWHERE
    ]
    assert found == [], (
        "threshold literals in code (move them to elevator_eval/rules/): "
        + "; ".join(f"{m}:{line} {what}" for m, what, line in found)
    )


def test_the_search_finds_what_it_looks_for(tmp_path):
    """The search itself: each kind of literal is caught, docstrings are not."""
    src = tmp_path / "probe.py"
    src.write_text(
        '"""Fire lane 4.0 m, 2/3 of the owners (a docstring)."""\n'
        "from decimal import Decimal\nfrom fractions import Fraction\n"
        "A = 4.0\nB = Decimal('6.0')\nC = Fraction(3, 4)\n"
        "D = Fraction('2/3')\nE = f'至少 {1} 人（三分之二）'\n"
        "F = 'width at least 4.0 m'\nG = 'page 12/30'\n",
        "utf-8",
    )
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path
    try:
        whats = [w for _, w, _ in findings_in(src)]
    finally:
        PACKAGE = saved
    # nothing from the docstring or "12/30"; '2/3' counts as a call and as a string
    assert sorted(whats) == sorted(
        [
            "float 4.0",
            'Decimal("6.0")',
            "Fraction(3, 4)",
            "Fraction('2/3')",
            "text: 2/3",
            "text: 三分之二",
            "text: 4.0 m",
        ]
    )
