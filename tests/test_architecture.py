"""The pure core never imports Qt: import every core module with PySide6 unimportable."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import elevator_eval

ROOT = Path(__file__).resolve().parent.parent


def _core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(elevator_eval.__path__, "elevator_eval."):
        if info.name.startswith("elevator_eval.ui") or info.name == "elevator_eval.__main__":
            continue
        names.append(info.name)
    return names


def test_core_has_modules():
    mods = _core_modules()
    assert "elevator_eval.model" in mods and "elevator_eval.cli" in mods


def test_core_imports_without_pyside6():
    code = (
        "import sys, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'PySide6' or name.startswith('PySide6.') or name == 'shiboken6':\n"
        "            raise ImportError('PySide6 is blocked in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for m in {_core_modules()!r}:\n"
        "    importlib.import_module(m)\n"
        "assert not any(k.startswith('PySide6') for k in sys.modules), 'PySide6 was imported'\n"
        "print('ok')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("ok")
