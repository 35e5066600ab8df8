"""A reportlab table that draws its plain-string cells as one PDF text object.

reportlab's :class:`~reportlab.platypus.Table` draws a string cell with the canvas's
``drawString``: a new text object per cell, which sets the font again, measures the string
even when it is left-aligned, and is written out as its own ``BT … ET`` block. A report
table has hundreds of such cells. :class:`TextTable` places each string exactly where
reportlab would (same alignment, padding, vertical alignment, leading, the same
``stringWidth`` for right and centred text) but writes all of them into one text object,
setting the font and the colour only when they change. The text object goes onto the page
before the table's grid lines, as the cells' text did, so the page looks the same; the
text stays text (extractable and searchable).

Cells that are not plain ``str`` (Paragraphs, drawings, numbers), and cells with a link, a
writing direction, shaping or decimal alignment, are drawn by reportlab as before.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table

_X_OF = {
    "LEFT": lambda col_pos, col_width, st: col_pos + st.leftPadding,
    "RIGHT": lambda col_pos, col_width, st: col_pos + col_width - st.rightPadding,
    "CENTRE": lambda col_pos, col_width, st: (
        col_pos + (col_width + st.leftPadding - st.rightPadding) * 0.5
    ),
}
_X_OF["CENTER"] = _X_OF["CENTRE"]


def _first_line_y(st: Any, row_pos: float, row_height: float, n_lines: int) -> float:
    """Baseline [pt] of a string cell's first line, as ``Table._drawCell`` places it."""
    leading, size = st.leading, st.fontsize
    if st.valign == "BOTTOM":
        return row_pos + st.bottomPadding + n_lines * leading - size
    if st.valign == "TOP":
        return row_pos + row_height - st.topPadding - size
    return (
        row_pos + (st.bottomPadding + row_height - st.topPadding + n_lines * leading) / 2.0 - size
    )


def _string_row_height(values: list, styles: list) -> float | None:
    """Height [pt] of a row whose cells are all strings, reckoned as reportlab's
    ``Table._calc_height`` reckons it (the same arithmetic); ``None`` for other rows."""
    h = 0
    for v, s in zip(values, styles):
        if type(v) is not str:
            return None
        t = (s.leading or 1.2 * s.fontsize) * len(v.split("\n"))
        t += s.bottomPadding + s.topPadding
        if t > h:
            h = t
    return h


_LINES = "_ee_cell_lines"
"""The canvas attribute holding the document's memo of the cells' text operators: a line's
operators depend on its characters' codes in the document, which never change once given,
and on the font, size, leading and the subset the text object is in."""


def _cell_plan(st: Any) -> tuple | bool:
    """(alignment, font name, size [pt], leading [pt], colour) of a string cell in style
    ``st`` drawn into the table's text object; False when reportlab draws such a cell
    itself (a link, a writing direction, shaping, decimal alignment)."""
    if (
        st.alignment not in _X_OF
        or st.valign not in ("TOP", "MIDDLE", "BOTTOM")
        or st.href
        or st.destination
        or st.direction
        or st.shaping
    ):
        return False
    return (st.alignment, st.fontname, st.fontsize, st.leading, st.color)


MIN_ROWS = 2
"""The fewest body rows a table leaves on a page when it splits."""

MAX_KEPT_ROW_PT = 120
"""Tables with a row taller than this [pt] split where reportlab splits them (moving such a
table whole could leave it without a page that holds it)."""


class TextTable(Table):
    """A :class:`~reportlab.platypus.Table` whose plain-string cells share one text object
    (the same page as the plain ``Table``)."""

    _text: Any = None
    _text_font: tuple | None = None
    _text_color: Any = None

    def draw(self) -> None:
        self._text = self._text_font = self._text_color = None
        super().draw()

    def split(self, availWidth, availHeight):  # reportlab's names
        """reportlab's split, never leaving fewer than :data:`MIN_ROWS` body rows on either
        page: a short table moves to the next page whole, a long one splits a row or two
        earlier (a lone row at the foot or the head of a page reads as a stray line)."""
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        first = len(parts[0]._cellvalues) - head
        second = len(self._cellvalues) - head - first
        if max(self._rowHeights) > MAX_KEPT_ROW_PT:  # tall rows: reportlab's split as it is
            return parts
        if first < MIN_ROWS or len(self._cellvalues) - head < 2 * MIN_ROWS:
            return []
        if second >= MIN_ROWS:
            return parts
        keep = head + first - (MIN_ROWS - second)  # rows left on this page
        height = sum(self._rowHeights[:keep]) + 0.01
        return super().split(availWidth, height)

    def _drawCell(self, cellval, cellstyle, pos, size):  # reportlab's name
        if type(cellval) is not str:
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        plan = _cell_plan(cellstyle)
        if not plan:
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        align, font, size_pt, leading, color = plan
        col_pos, row_pos = pos
        col_width, row_height = size
        lines = cellval.split("\n") if "\n" in cellval else (cellval,)
        x0 = _X_OF[align](col_pos, col_width, cellstyle)
        y = _first_line_y(cellstyle, row_pos, row_height, len(lines))
        tx = self._text
        if tx is None:
            tx = self._text = self.canv.beginText(x0, y)
        key = (font, size_pt, leading)
        if key != self._text_font:
            tx.setFont(font, size_pt, leading)
            self._text_font = key
        if color is not self._text_color and color != self._text_color:
            tx.setFillColor(color)
        self._text_color = color
        # what the text object's setTextOrigin and textLine write (the cursor it keeps
        # is not used: every line sets its origin), a line's operators taken from the
        # document's memo once written there
        code = tx._code
        memo = self.canv.__dict__.get(_LINES)
        if memo is None:
            memo = self.canv.__dict__[_LINES] = {}
        for text in lines:
            x = x0
            if align == "RIGHT":
                x -= stringWidth(text, font, size_pt)
            elif align != "LEFT":
                x -= 0.5 * stringWidth(text, font, size_pt)
            code.append(f"1 0 0 1 {fp_str(x, y)} Tm")
            line_key = (text, key, tx._curSubset)
            hit = memo.get(line_key)
            if hit is None:
                hit = memo[line_key] = (tx._formatText(text) + " T*", tx._curSubset)
            code.append(hit[0])
            tx._curSubset = hit[1]
            y -= leading

    def _calc_height(self, availHeight, availWidth, H=None, W=None):  # reportlab's name
        if None in self._argH and not self._spanCmds and not self._minRowHeights:
            # a row of plain strings has the same height at any width: reckon it once, as
            # reportlab does, and keep it (reportlab reckons every row at every wrap)
            self._argH = self._rowHeights = [
                _string_row_height(values, styles) if h is None else h
                for h, values, styles in zip(self._argH, self._cellvalues, self._cellStyles)
            ]
        super()._calc_height(availHeight, availWidth, H, W)

    def _drawLines(self):  # reportlab's name
        if self._text is not None:  # the text goes under the grid, as cell by cell
            self.canv.drawText(self._text)
            self._text = None
        super()._drawLines()
