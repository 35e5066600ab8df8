"""The core computes the data of figures but never draws them: no core module imports
matplotlib (nor pyplot), not even inside a function. Charts live in ``report/`` (documents)
and ``ui/`` (the app's chart widgets)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "elevator_eval"
OUTER = ("io", "report", "commands", "ui")
DRAWING = ("matplotlib", "pylab")


def drawing_imports(source: str) -> list[str]:
    """Top-level names of the drawing libraries ``source`` imports, anywhere in it."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [node.module or ""]
        else:
            continue
        out += [n for n in names if n.split(".")[0] in DRAWING]
    return out


def core_files() -> list[Path]:
    return [
        p
        for p in sorted(PACKAGE.rglob("*.py"))
        if p.relative_to(PACKAGE).parts[0] not in OUTER and p.name not in ("cli.py", "__main__.py")
    ]


def test_no_core_module_imports_matplotlib():
    files = core_files()
    assert PACKAGE / "preinstall" / "simulation.py" in files
    bad = {
        p.relative_to(ROOT).as_posix(): drawing_imports(p.read_text(encoding="utf-8"))
        for p in files
    }
    assert {k: v for k, v in bad.items() if v} == {}


def test_the_check_sees_imports_inside_functions():
    src = (
        "import numpy as np\n\n\ndef chart():\n    from matplotlib.figure import Figure\n"
        "    import matplotlib.pyplot as plt\n    return Figure, plt\n"
    )
    assert drawing_imports(src) == ["matplotlib.figure", "matplotlib.pyplot"]
    assert drawing_imports("from . import matplotlib_like\nimport numpy\n") == []
