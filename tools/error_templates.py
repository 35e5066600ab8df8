"""The messages of the program's input errors, as templates, and their Chinese texts.

Every ``InputError(field, message)`` written in ``elevator_eval/`` with a message in the
code (a string or an f-string) has a template: the message with each value it inserts
written ``{}`` (``"must be a number, got {}"``). The window shows these messages in its
language through ``elevator_eval.error_text``, which reads the Chinese texts of the
templates from ``elevator_eval/rules/vocabulary/input_errors.json``.

    python3 tools/error_templates.py            # the templates without a Chinese text
    python3 tools/error_templates.py --skeleton # the same as JSON entries to fill in
    python3 tools/error_templates.py --unused   # Chinese texts no message uses any more

A test (``tests/test_error_text.py``) fails when a template lacks its Chinese text.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "elevator_eval"
ERROR_NAMES = ("InputError",)


def template_of(node: ast.expr) -> str | None:
    """The template of a message expression, or ``None`` when it is not written in the code
    (a variable, a call, another error's message)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            else:
                parts.append("{}")
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = template_of(node.left), template_of(node.right)
        if left is None and right is None:
            return None
        return (left if left is not None else "{}") + (right if right is not None else "{}")
    return None


def templates(package: Path = PACKAGE) -> dict[str, list[str]]:
    """Every message template of the package's input errors, with where each is written
    (``"store/reading.py:57"``)."""
    found: dict[str, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name not in ERROR_NAMES:
                continue
            text = template_of(node.args[1])
            if text is not None:
                where = f"{path.relative_to(package).as_posix()}:{node.lineno}"
                found.setdefault(text, []).append(where)
    return found


def catalogue_path() -> Path:
    return PACKAGE / "rules" / "vocabulary" / "input_errors.json"


def main(argv: list[str]) -> int:
    data = json.loads(catalogue_path().read_text(encoding="utf-8"))
    known = data["messages"]
    found = templates()
    if "--unused" in argv:
        for text in sorted(set(known) - set(found)):
            print(text)
        return 0
    missing = {t: w for t, w in sorted(found.items()) if t not in known}
    if "--skeleton" in argv:
        print(json.dumps(dict.fromkeys(missing, ""), ensure_ascii=False, indent=2))
    else:
        for text, where in missing.items():
            print(f"{where[0]}: {text}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
