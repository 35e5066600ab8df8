"""A CJK paragraph line built fragment by fragment is reportlab's line."""

from __future__ import annotations

from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cjkU, makeCJKParaLine

from elevator_eval import fonts
from elevator_eval.report.common import esc, styles
from elevator_eval.report.linebreak import cjk_line

MARKUP = (
    esc("征询事项：")
    + "<b>"
    + esc("是否同意加装电梯")
    + "</b>"
    + esc("（方案一）")
    + "<br/>"
    + esc("第二行 ")
    + f'<font name="{fonts.REPORTLAB_SUPPLEMENT_NAME}">\u9fff</font>'
    + esc("尾")
    + "<b>"
    + "</b>"
    + esc("。")
)


def _line(line) -> tuple:
    words = [
        (w.text, w.fontName, w.fontSize, hasattr(w, "lineBreak"), type(w).__name__)
        for w in line.words
    ]
    return (
        line.kind,
        line.extraSpace,
        line.wordCount,
        line.fontSize,
        line.ascent,
        line.descent,
        line.maxWidth,
        line.currentWidth,
        line.lineBreak,
        words,
    )


def test_every_slice_of_units_gives_reportlabs_line():
    frags = Paragraph(MARKUP, styles()["body"]).frags
    units = [cjkU(ch, f, "utf8") for f in frags for ch in (f.text or [""])]
    assert len({id(u.frag) for u in units}) >= 5  # bold, plain, break, supplement
    checked = 0
    for start in range(len(units)):
        for stop in range(start + 1, len(units) + 1):
            part = units[start:stop]
            for bounds in (False, True):
                mine = cjk_line(part, 200.0, 150.5, 49.5, stop == len(units), bounds)
                theirs = makeCJKParaLine(part, 200.0, 150.5, 49.5, stop == len(units), bounds)
                assert _line(mine) == _line(theirs), (start, stop)
                checked += 1
    assert checked > 500
