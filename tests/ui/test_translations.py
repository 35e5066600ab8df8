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


def _english_texts():
    import xml.etree.ElementTree as ET

    tool = _tool()
    for m in ET.parse(tool.TS).getroot().iter("message"):
        tr = m.find("translation")
        forms = tr.findall("numerusform")
        for text in [f.text for f in forms] if forms else [tr.text]:
            yield m.findtext("source"), text or ""


def test_counts_agree_with_their_nouns_in_english(qapp):
    """A count's message has a form for one and a form for many ("1 window falls", "3
    windows fall"), never a plural in brackets ("window(s)")."""
    import re

    bracketed = [(s, t) for s, t in _english_texts() if re.search(r"\w\(s\)", t)]
    assert not bracketed, bracketed
    tool = _tool()
    t = QTranslator()
    assert t.load(str(tool.QM))
    src = "{day} ≥ {h} 小时（真太阳时 {a:g}–{b:g} 时），%n 个窗降至标准以下"
    assert t.translate("SitePlanTab", src, None, 1).endswith("%n window falls below the standard")
    assert t.translate("SitePlanTab", src, None, 3).endswith("%n windows fall below the standard")
    src = "还需要 %n 位业主同意，例如：{who}"
    assert t.translate("VotesTab", src, None, 1).startswith("Needed: %n more owner voting")
    assert t.translate("VotesTab", src, None, 2).startswith("Needed: %n more owners voting")


def test_no_english_text_underlines_a_space():
    """In a tab's or a menu's title "&" marks the next letter as its shortcut: "Site plan &
    sunlight" showed as "Site plan _sunlight". An "&" is followed by a letter or a digit
    (or doubled, to show one)."""
    import re

    wrong = [(s, t) for s, t in _english_texts() if re.search(r"&(?![&\w])", t.replace("&&", ""))]
    assert not wrong, wrong


def test_english_quotes_are_straight():
    """The bundled Chinese font draws curly quotes full-width (as wide as a Chinese
    character), which leaves gaps in English text: “Take me there”. English uses the
    straight ones."""
    curly = [(s, t) for s, t in _english_texts() if any(c in t for c in "“”‘’")]
    assert not curly, curly
