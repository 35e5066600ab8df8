"""Text operators written once per process for the same characters' codes.

reportlab writes each string drawn in a TrueType font by looking every character up in the
document's font subsets (giving new characters new codes) and formatting the PDF text
operators (``/F1+0 9 Tf 12 TL (…) Tj``): about a fifth of a proposal's build time. The
operators depend only on the codes the characters have in the document, the font's name in
the document, the size, the leading and the subset the text object is in; and most strings
a document draws (headings, labels, figures, the same sentences in every proposal) have the
same codes in document after document: ASCII and the characters given the first codes
(:func:`elevator_eval.fonts.give_first_codes`) always, other characters whenever the
documents draw them in the same order.

:func:`kept_text_class` makes a text object that looks the string's codes up in the
document (one C-level pass, without assigning any) and, when every character already has a
code there, reuses the operators written for those codes before; otherwise reportlab
writes them as before and they are kept. The documents are byte for byte the same (a test
builds them with and without).

reportlab is imported lazily, as in :mod:`elevator_eval.report.common`.
"""

from __future__ import annotations

import functools
from typing import Any

MEMO_LIMIT = 20_000
"""Strings kept at most (≈ 420 bytes each, so ≈ 8 MB; the sample street's 16 proposals
keep ≈ 1,950); the memo starts again when full."""

_memo: dict[tuple, tuple[str, int]] = {}


def codes_in(state: Any, text: str) -> tuple:
    """The codes ``text``'s characters have in a document, from the font's ``state`` there
    (reportlab's ``TTFont.State``); None for a character without one. Assigns nothing."""
    return tuple(map(state.assignments.get, map(ord, text)))


@functools.cache
def kept_text_class() -> type:
    """reportlab's ``PDFTextObject`` keeping the operators it writes for TrueType text."""
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfgen.textobject import PDFTextObject

    class KeptText(PDFTextObject):  # type: ignore[misc]  # reportlab ships no types
        _kept: tuple = ("", None)  # (font name, its state in the document or None)

        def _formatText(self, text: Any) -> str:
            name, state = self._kept
            if name != self._fontname or state is None:
                font = getFont(self._fontname)
                state = None
                if font._dynamicFont and not font.shapable:
                    state = font.state.get(self._canvas._doc)
                    if state is not None and state.internalName is None:
                        state = None  # the font is not yet in the document
                self._kept = (self._fontname, state)
            if state is None or type(text) is not str:
                return super()._formatText(text)
            codes = codes_in(state, text)
            if None in codes:  # a character without a code yet (or without a glyph)
                return super()._formatText(text)
            # everything the operators depend on
            key = (codes, self._fontsize, self._leading, self._curSubset, state.internalName)
            hit = _memo.get(key)
            if hit is not None:
                self._curSubset = hit[1]
                return hit[0]
            out = super()._formatText(text)
            if len(_memo) >= MEMO_LIMIT:
                _memo.clear()
            _memo[key] = (out, self._curSubset)
            return out

    return KeptText


def begin_kept_text(canvas: Any, x: float = 0, y: float = 0, direction=None):
    """A text object for ``canvas`` (what a canvas's ``beginText`` returns)."""
    return kept_text_class()(canvas, x, y, direction=direction)
