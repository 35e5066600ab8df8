"""English is complete: every interface string has a translation, and the compiled .qm
loads and translates."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_string_has_english():
    tool = _tool()
    assert tool.unfinished() == []


def test_compiled_translation_loads_and_translates(qapp):
    tool = _tool()
    assert tool.QM.is_file() and tool.QM.stat().st_size > 1000
    t = QTranslator()
    assert t.load(str(tool.QM))
    assert t.translate("MainWindow", "文件(&F)") == "&File"
    assert t.translate("Labels", "未评估") == "Not assessed"  # class names: the vocabulary


def test_every_tr_call_in_the_ui_is_in_the_ts_file():
    """Strings written as self.tr("…") or translate("Ctx", "…") were extracted."""
    import re
    import xml.etree.ElementTree as ET

    tool = _tool()
    sources = {m.findtext("source") for m in ET.parse(tool.TS).getroot().iter("message")}
    pattern = re.compile(r'(?:self\.tr|translate\("\w+",)\s*\(?\s*"([^"\\]+)"')
    found = set()
    for py in (ROOT / "elevator_eval" / "ui").glob("*.py"):
        found |= set(pattern.findall(py.read_text(encoding="utf-8")))
    # a literal split over lines is the start of its joined source text
    missing = sorted(s for s in found if not any(src.startswith(s) for src in sources))
    assert not missing, missing
