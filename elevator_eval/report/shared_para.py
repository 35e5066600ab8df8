"""Paragraphs of the same text and style share their parsed markup and their line breaks.

A proposal has about 70 paragraphs, and most of them are the same text in every proposal
of a street (headings, explanations, notes under tables). reportlab parses a paragraph's
markup with an HTML parser each time a paragraph is made and breaks its lines each time
it is wrapped. Here a paragraph made from the same markup and style as an earlier one
takes that one's parsed fragments (reportlab's ``Paragraph(..., frags=...)``) and, when
its text is one fragment (one font, as most paragraphs) wrapped to the same widths, that
one's lines. reportlab's wrapping, splitting and drawing only read the fragments and such
lines (a split paragraph gets copies; every document writes its own text). Lines of
several fragments are broken anew each time, since reportlab edits their fragments when
it splits the paragraph across pages; markup other than bold, font changes and line
breaks (underlines, links, images) is parsed anew each time, as are paragraphs with a
bullet.

A paragraph of one fragment, drawn once, also keeps the PDF operators its drawing wrote
(in its own coordinates, so wherever it stands on a page): another paragraph of the same
markup, style and size, whose characters have the same codes in its document, writes them
again without drawing (characters the document has not drawn yet get their codes first, in
the order the drawing would give them; if they do not come out as the kept operators name
them, the paragraph is drawn). The documents are byte for byte the same (tested).

The stores are bounded: :data:`MAX_PARSED` texts, :data:`MAX_BROKEN` wrappings,
:data:`MAX_DRAWN` drawings.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Paragraph

from .kept_text import codes_in

MAX_PARSED = 4096
"""Parsed texts kept (the least recently used go first)."""
MAX_BROKEN = 8192
"""Wrapped texts kept (all are dropped when full)."""

# a tag other than <b>, </b>, <font …>, </font>, <br/>
_OTHER_TAG = re.compile(r"<(?!/?b>|font [^>]*>|/font>|br/>)")

_broken: dict[tuple, Any] = {}
_drawn: dict[tuple, tuple[list[str], tuple]] = {}
MAX_DRAWN = 4096
"""Drawn paragraphs kept (all are dropped when full)."""


@lru_cache(maxsize=MAX_PARSED)
def _parsed(markup: str, style: Any) -> tuple[Any, list, Any, str]:
    """(style, fragments, bullet, text) of ``Paragraph(markup, style)``."""
    p = Paragraph(markup, style)
    return p.style, p.frags, p.bulletText, p.text


class SharedParagraph(Paragraph):
    """A :class:`~reportlab.platypus.Paragraph` whose CJK line breaks are shared with the
    paragraphs of the same markup and style (made by :func:`paragraph`)."""

    _key: tuple | None = None

    def breakLinesCJK(self, maxWidths):  # reportlab's name
        key = self._key
        if key is None or self.bulletText or getattr(self, "_splitpara", 0):
            return super().breakLinesCJK(maxWidths)
        k = (key, tuple(maxWidths))
        lines = _broken.get(k)
        if lines is None:
            lines = super().breakLinesCJK(maxWidths)
            # only lines of one fragment (kind 0): reportlab splits a paragraph of several
            # fragments across pages by editing the fragments of its lines
            if lines.kind == 0:
                if len(_broken) >= MAX_BROKEN:
                    _broken.clear()
                _broken[k] = lines
        else:
            self.height = 0  # as reportlab's breakLinesCJK leaves it
        return lines

    def draw(self):  # reportlab's name
        key = self._drawn_key()
        if key is None:
            return super().draw()
        code = self.canv._code
        codes_before, next_code = key[3], key[5]  # see _drawn_key
        hit = _drawn.get(key)
        if hit is not None:
            ops, codes = hit
            if None in codes_before:  # give the new characters their codes, in the drawing's order
                frag = self.frags[0]
                getFont(frag.fontName).splitString(frag.text, self.canv._doc)
                if self._codes() != codes:  # not the codes the kept operators name: draw
                    return super().draw()
            code.extend(ops)  # the operators reportlab wrote for this paragraph before
            return None
        start = len(code)
        super().draw()
        if next_code is not None and not self._coded_in_text_order(codes_before):
            return None  # the drawing gave codes otherwise than splitting the text would
        if len(_drawn) >= MAX_DRAWN:
            _drawn.clear()
        _drawn[key] = (code[start:], self._codes())
        return None

    def _codes(self) -> tuple:
        """The codes the paragraph's characters have in the document (None: none yet)."""
        frag = self.frags[0]
        return codes_in(getFont(frag.fontName).state[self.canv._doc], frag.text)

    def _coded_in_text_order(self, before: tuple) -> bool:
        """Whether the drawing gave every character without a code one, in the order the
        text first has them (what giving them codes from the text does on a reuse)."""
        frag = self.frags[0]
        assignments = getFont(frag.fontName).state[self.canv._doc].assignments
        seen: set[str] = set()
        last = -1
        for ch, had in zip(frag.text, before):
            if had is not None or ch in seen:
                continue
            seen.add(ch)
            now = assignments.get(ord(ch))
            if now is None or now <= last or ch.isspace():
                return False
            last = now
        return True

    def _drawn_key(self) -> tuple | None:
        """What the operators of this paragraph's drawing depend on, or None when they are
        not kept: its markup and style, size, lines (shared: one fragment), the codes its
        characters have in the document (the next free code for those without one, which
        the drawing gives them in the text's order) and the font's name there. Drawn in the
        flowable's own coordinates, they do not depend on where the paragraph stands."""
        key = self._key
        bl = getattr(self, "blPara", None)
        if key is None or bl is None or bl.kind != 0 or self.bulletText or len(self.frags) != 1:
            return None
        if getattr(self, "_splitpara", 0) or self.debug:
            return None
        frag = self.frags[0]
        font = getFont(frag.fontName)
        if not font._dynamicFont or font.shapable:
            return None
        state = font.state.get(self.canv._doc)
        if state is None or state.internalName is None:
            return None
        codes = self._codes()
        # characters without a code get the next codes in the order the text has them
        after = state.nextCode if None in codes else None
        return (key, self.width, self.height, codes, state.internalName, after)


def paragraph(markup: str, style: Any) -> Paragraph:
    """``Paragraph(markup, style)``, sharing the parsing and the line breaks of earlier
    paragraphs of the same markup and style."""
    if _OTHER_TAG.search(markup):
        return Paragraph(markup, style)
    st, frags, bullet, text = _parsed(markup, style)
    p = SharedParagraph(text, st, bullet, frags=frags)
    p._key = (markup, style)
    return p
