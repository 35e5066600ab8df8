"""The window's font draws every CJK Unified Ideograph, the newest ones through the supplement."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QTextLayout

from elevator_eval import fonts
from elevator_eval.ui.app import load_app_font


def test_app_font_is_bundled_and_falls_back_to_the_supplement(qapp):
    family = load_app_font(qapp)
    assert family == fonts.FONT_FAMILY
    assert fonts.SUPPLEMENT_FAMILY.lower() in [f.lower() for f in QFont.substitutes(family)]
    assert fonts.SUPPLEMENT_FAMILY in QFontDatabase.families()
    metrics = QFontMetrics(QFont(fonts.SUPPLEMENT_FAMILY))
    for ch in ("\u9ff0", "\u9fff", "\u4db6"):
        assert metrics.inFont(ch), f"U+{ord(ch):04X} missing from the supplement"
    main = QFontMetrics(QFont(family))
    for ch in ("喆", "堃", "㛃", "℃", "¥", "㎡"):
        assert main.inFont(ch)


def test_a_name_with_a_unicode_14_ideograph_is_drawn_with_both_fonts(qapp):
    family = load_app_font(qapp)
    layout = QTextLayout("王\u9ff0明", QFont(family))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    used = {run.rawFont().familyName() for run in layout.glyphRuns()}
    assert used == {fonts.FONT_FAMILY, fonts.SUPPLEMENT_FAMILY}
