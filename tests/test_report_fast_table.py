"""A table whose string cells share one text object prints exactly as reportlab's own.

Each table is built twice from the same cells and commands, once as reportlab's ``Table``
and once as :class:`TextTable`; the pages are rendered and compared pixel by pixel, and the
characters pdfium extracts must be the same, each in the same box.
"""

from __future__ import annotations

import io
import re

import numpy as np
import pypdfium2 as pdfium
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from elevator_eval import fonts
from elevator_eval.report.common import styles, table
from elevator_eval.report.fast_table import TextTable


def _cells(n_rows: int) -> list[list]:
    st = styles()["cell"]
    rows = [["项目", "Amount 金额", "说明"]]
    for i in range(n_rows):
        rows.append(
            [
                f"第{i + 1}户",
                f"{(i + 1) * 1234.5:,.2f}",
                Paragraph(f"段落 {i}，可折行的说明文字" * (1 + i % 3), st)
                if i % 4 == 1
                else "两行\n文字"
                if i % 4 == 2
                else f"x<y & 张三 {i}",
            ]
        )
    return rows


def _commands() -> list:
    font = fonts.register_reportlab()
    return [
        ("FONT", (0, 0), (-1, -1), font, 8.5, 11),
        ("FONT", (0, 0), (-1, 0), fonts.REPORTLAB_BOLD_NAME, 9, 12),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (1, 1), (1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, 1), (0, 5), "TOP"),
        ("VALIGN", (0, 6), (0, 9), "BOTTOM"),
        ("TEXTCOLOR", (2, 3), (2, 7), colors.HexColor("#B00020")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8C8C8C")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DCE6F1")),
    ]


def _pdf(cls, n_rows: int) -> bytes:
    rows = _cells(n_rows)
    t = cls(rows, colWidths=[80, 90, 200], repeatRows=1, rowHeights=None)
    t.setStyle(TableStyle(_commands()))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build([t])
    return buf.getvalue()


def _pages(data: bytes) -> list[np.ndarray]:
    doc = pdfium.PdfDocument(data)
    return [page.render(scale=100 / 72).to_numpy() for page in doc]


def _chars(data: bytes) -> list[tuple[str, tuple[int, ...]]]:
    out = []
    for page in pdfium.PdfDocument(data):
        tp = page.get_textpage()
        for i in range(tp.count_chars()):
            ch = tp.get_text_range(i, 1)
            if ch.strip():
                out.append((ch, tuple(round(v, 2) for v in tp.get_charbox(i))))
    return out


def _text_objects(data: bytes) -> int:
    return sum(
        len(re.findall(rb"\bBT\b", p.get_contents().get_data()))
        for p in PdfReader(io.BytesIO(data)).pages
    )


def test_one_text_object_prints_what_drawstring_prints():
    plain, fast = _pdf(Table, 60), _pdf(TextTable, 60)
    a, b = _pages(plain), _pages(fast)
    assert len(a) == len(b) == 2  # the table splits: the fast table keeps its kind
    for pa, pb in zip(a, b):
        assert pa.shape == pb.shape and np.array_equal(pa, pb)
    # the same characters in the same boxes (the file holds them in another order)
    ca, cb = sorted(_chars(plain)), sorted(_chars(fast))
    assert len(ca) > 1000 and ca == cb
    assert {"张", "&", "<"} <= {c for c, _ in cb}
    # reportlab: a text object per string cell line; here one per table part and the
    # paragraphs' own
    assert _text_objects(fast) < _text_objects(plain) / 3


def test_report_table_is_the_fast_kind_and_escapes_nothing():
    t = table([["户主", "说明"], ["张三", 'x<y & "A"']], [80, 200])
    assert isinstance(t, TextTable)
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build([t])
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages)
    assert 'x<y & "A"' in text and "张三" in text


def test_row_heights_are_reportlabs_at_every_wrap():
    tables = []
    for cls in (Table, TextTable):
        t = cls(_cells(12), colWidths=[80, 90, 200])
        t.setStyle(TableStyle(_commands() + [("TOPPADDING", (0, 3), (-1, 3), 7.25)]))
        tables.append(t)
    plain, fast = tables
    for width in (370, 500):
        plain.wrap(width, 800)
        fast.wrap(width, 800)
        # rows of strings (one and two lines, a padded row) and rows with a Paragraph
        assert fast._rowHeights == plain._rowHeights
    # by hand: the header in 9/12 pt, 3 pt padding above and below; "两行\n文字" two lines
    # of 11 pt leading, 7.25 pt padding above and 3 pt below
    assert fast._rowHeights[0] == 12 + 3 + 3
    assert fast._rowHeights[3] == 2 * 11 + 7.25 + 3
