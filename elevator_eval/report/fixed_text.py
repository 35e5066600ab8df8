"""Text operators written once per process for strings whose font codes are fixed.

reportlab writes each string drawn in the bundled TrueType font by looking every character
up in the document's subsets (giving new characters new codes) and formatting the PDF
text operators (``/F1+0 9 Tf 12 TL (…) Tj``): about a fifth of a proposal's build time.
In a document given a fixed list of characters first
(:func:`elevator_eval.fonts.give_first_codes`), the listed characters and printable ASCII
have the same codes in every document, so a string made only of them is written the same
way in every such document. :func:`fixed_text_class` makes a text object that keeps those
operators per string and reuses them; every other string is written by reportlab as
before. The documents are byte for byte the same (a test compares them).

reportlab is imported lazily, as in :mod:`elevator_eval.report.common`.
"""

from __future__ import annotations

import functools
from typing import Any

from .. import fonts

MEMO_LIMIT = 50_000
"""Strings kept at most per list of fixed characters (≈ 100 bytes each); a memo starts
again when full."""

_memos: dict[str, dict[tuple, tuple[str, int]]] = {}


@functools.cache
def fixed_text_class() -> type:
    """reportlab's ``PDFTextObject`` with a memo; a canvas gives it ``fixed`` (the code
    points whose codes are fixed in its document, :func:`elevator_eval.fonts.fixed_codes`)
    and ``memo`` (the one for its document's list of fixed characters: another list gives
    the same characters other codes)."""
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfgen.textobject import PDFTextObject

    regular = fonts.register_reportlab()

    class FixedCodeText(PDFTextObject):  # type: ignore[misc]  # reportlab ships no types
        fixed: frozenset[int] = frozenset()
        memo: dict[tuple, tuple[str, int]]  # given by begin_fixed_text

        def _formatText(self, text: Any) -> str:
            if self._fontname != regular or type(text) is not str:
                return super()._formatText(text)
            state = getFont(regular).state.get(self._canvas._doc)
            if state is None or state.internalName is None:  # font not yet in this document
                return super()._formatText(text)
            # everything the operators depend on besides the characters' codes
            key = (text, self._fontsize, self._leading, self._curSubset, state.internalName)
            hit = self.memo.get(key)
            if hit is not None:
                self._curSubset = hit[1]
                return hit[0]
            out = super()._formatText(text)
            if self.fixed.issuperset(map(ord, text)):
                if len(self.memo) >= MEMO_LIMIT:
                    self.memo.clear()
                self.memo[key] = (out, self._curSubset)
            return out

    return FixedCodeText


def begin_fixed_text(canvas: Any, first_chars: str, x: float, y: float, direction=None):
    """A text object for ``canvas``, whose document gave ``first_chars`` the first codes
    (:func:`elevator_eval.fonts.give_first_codes`)."""
    tx = fixed_text_class()(canvas, x, y, direction=direction)
    tx.fixed = fonts.fixed_codes(first_chars)
    tx.memo = _memos.setdefault(first_chars, {})
    return tx
