"""Table cells drawn as plain strings: only where a Paragraph would print one line unchanged.

A Chinese character of the bundled font is 1 em wide, so at the 8.5 pt cell size four
characters are 34 pt: exactly the room in a 40 pt column less 3 pt padding on each side.
"""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.platypus import Paragraph

from elevator_eval.report.common import one_line_text, styles, table
from elevator_eval.report.page_template import build_pdf


def test_a_cell_that_fits_one_line_is_a_plain_string():
    t = table([["年运行费", "年度运行费用"], ["1,000", "2,000"]], [40, 40])
    (fits, wraps), (n1, n2) = t._cellvalues
    assert fits == "年运行费"  # 34 pt in 34 pt
    assert isinstance(wraps, Paragraph)  # 51 pt in 34 pt: wraps
    assert (n1, n2) == ("1,000", "2,000")


def test_text_a_paragraph_would_treat_specially_stays_a_paragraph():
    st = styles()["cell"]
    assert one_line_text("一行\n两行", 200, st) is None  # a line break
    assert one_line_text("王\u9fff", 200, st) is None  # needs the supplement font
    assert one_line_text("甲" * 12, 100, st) is None  # 102 pt > 100 pt
    assert one_line_text("甲" * 11, 100, st) == "甲" * 11  # 93.5 pt


def test_plain_string_collapses_white_space_like_a_paragraph():
    st = styles()["cell"]
    # a Paragraph prints runs of spaces, tabs and ideographic spaces as one space
    assert one_line_text("签字：__　　日期：  __\t年 ", 300, st) == "签字：__ 日期： __ 年"
    assert one_line_text("a\x00b", 300, st) == "ab"  # control characters dropped
    assert one_line_text("1\xa0000", 300, st) == "1\xa0000"  # the no-break space stays


def test_markup_in_a_plain_cell_prints_as_typed():
    hostile = '<img src="/etc/passwd"/> A&B'
    t = table([["户主", "说明"], ["张三", hostile], ["李四", "x<y"]], [80, 300])
    assert t._cellvalues[1][1] == hostile
    buf = io.BytesIO()
    build_pdf(buf, [t], title="t", header_left="l", header_right="r")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages)
    assert hostile in text and "x<y" in text and "张三" in text
