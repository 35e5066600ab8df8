"""PySide's look at each imported module answers as PySide's own check does, from the
file's bytes (``ui/module_scan.py``), and the app's start no longer reads every module's
source into memory."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from elevator_eval.ui import module_scan

ROOT = Path(__file__).resolve().parents[2]


def _check():
    feature = sys.modules[module_scan.FEATURE_MODULE]
    return getattr(feature, module_scan.CHECK_NAME)


def test_installed_on_the_pinned_pyside():
    # importing elevator_eval.ui installed it; a second install keeps one layer
    assert module_scan.install() is True
    check = _check()
    assert check.original is not None
    assert getattr(check.original, "original", None) is None


# PySide's own check reads some built-in modules' repr, deprecated in Python 3.11
@pytest.mark.filterwarnings("ignore:.*module_repr:DeprecationWarning")
def test_same_answer_as_pysides_own_check_for_every_loaded_module():
    import json
    import sqlite3  # noqa: F401  (a package with a compiled part)

    import elevator_eval.model  # (no Qt)
    import elevator_eval.ui.overview  # noqa: F401  (Qt)

    check = _check()
    answers = {}
    for name, module in list(sys.modules.items()):
        if not isinstance(module, types.ModuleType):
            continue
        ours, theirs = check(module), check.original(module)
        assert ours == theirs, name
        answers[name] = ours
    # both answers and every kind of module occur
    assert answers["elevator_eval.ui.overview"] is True
    assert answers["elevator_eval.model"] is False
    assert answers["json"] is False and json.__file__.endswith(".py")
    assert answers["sys"] is False  # built in: PySide's own check answers
    assert answers["_sqlite3"] is False  # compiled: PySide's own check answers
    assert len(answers) > 200


def _module_from(tmp_path: Path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / f"{name}.py"
    path.write_bytes(text.encode(encoding))
    module = types.ModuleType(name)
    module.__file__ = str(path)
    return module


def test_hand_made_modules(tmp_path):
    check = module_scan.make_check(lambda m: "fallback")
    # the word anywhere in the source, a comment included (as PySide's reading)
    assert check(_module_from(tmp_path, "a", "x = 1  # see PySide6 docs\n")) is True
    assert check(_module_from(tmp_path, "b", "import pyside6_helpers\n")) is False
    assert check(_module_from(tmp_path, "c", "from PySide6 import QtCore\n")) is True
    # a source in another encoding Python accepts: the ASCII word is the same bytes
    gbk = "# -*- coding: gbk -*-\n# 加装电梯\nfrom PySide6 import QtCore\n"
    assert check(_module_from(tmp_path, "d", gbk, "gbk")) is True
    # no .py file to read: PySide's own check decides
    assert check(types.ModuleType("nofile")) == "fallback"
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "missing.py")
    assert check(gone) == "fallback"
    compiled = types.ModuleType("compiled")
    compiled.__file__ = str(tmp_path / "compiled.so")
    assert check(compiled) == "fallback"


def test_without_pysides_check_nothing_is_replaced(monkeypatch):
    feature = sys.modules[module_scan.FEATURE_MODULE]
    monkeypatch.delattr(feature, module_scan.CHECK_NAME)
    assert module_scan.install() is False
    assert not hasattr(feature, module_scan.CHECK_NAME)


@pytest.mark.parametrize("fast", [True, False])
def test_start_keeps_no_module_sources_in_memory(fast):
    # PySide's own check leaves every module's lines in linecache; the fast one none
    code = (
        "import linecache, sys\n"
        + "import elevator_eval.ui, PySide6.QtCore\n"
        + "f = sys.modules['shibokensupport.feature']\n"
        + ("" if fast else "f._mod_uses_pyside = f._mod_uses_pyside.original\n")
        + "import elevator_eval.ui.main_window, elevator_eval.ui.overview\n"
        "print(sum('elevator_eval' in name for name in linecache.cache))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    kept = int(out.stdout.strip().splitlines()[-1])
    if fast:
        assert kept == 0
    else:
        assert kept > 30
