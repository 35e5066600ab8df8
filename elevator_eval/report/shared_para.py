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

Both stores are bounded: :data:`MAX_PARSED` texts, :data:`MAX_BROKEN` wrappings.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reportlab.platypus import Paragraph

MAX_PARSED = 4096
"""Parsed texts kept (the least recently used go first)."""
MAX_BROKEN = 8192
"""Wrapped texts kept (all are dropped when full)."""

# a tag other than <b>, </b>, <font …>, </font>, <br/>
_OTHER_TAG = re.compile(r"<(?!/?b>|font [^>]*>|/font>|br/>)")

_broken: dict[tuple, Any] = {}


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


def paragraph(markup: str, style: Any) -> Paragraph:
    """``Paragraph(markup, style)``, sharing the parsing and the line breaks of earlier
    paragraphs of the same markup and style."""
    if _OTHER_TAG.search(markup):
        return Paragraph(markup, style)
    st, frags, bullet, text = _parsed(markup, style)
    p = SharedParagraph(text, st, bullet, frags=frags)
    p._key = (markup, style)
    return p
