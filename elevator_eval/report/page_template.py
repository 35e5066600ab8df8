"""The page template of every printed document: A4 pages with a running header and
"第 n 页 / 共 m 页" footer, and the PDF written atomically.

reportlab is imported lazily, as in :mod:`elevator_eval.report.common`.
"""

from __future__ import annotations

import copy
import functools
import os
import zlib
from pathlib import Path

from .. import fonts
from ..atomic import fsync_replace
from .common import APP_NAME_EN, APP_NAME_ZH, PAGE_MARGIN_MM, Tr, plain, today_iso
from .kept_text import begin_kept_text


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut ``text`` with an ellipsis so that it fits ``width`` points (canvas text)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


PAGE_FLATE_LEVEL = 3
"""zlib level of the page streams (reportlab uses zlib's default, 6). Measured on the
sample's proposals: level 6 took 4.6 ms a proposal and level 3 2.3 ms, for 4 KB more of its
≈ 134 KB; the pages are the same."""


class _PageFlate:
    """A reportlab stream filter: Flate at :data:`PAGE_FLATE_LEVEL`."""

    pdfname = "FlateDecode"

    def encode(self, data: bytes | str) -> bytes:
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        return zlib.compress(raw, PAGE_FLATE_LEVEL)

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


PAGE_FLATE = _PageFlate()


@functools.cache
def document_canvas_class() -> type:
    """reportlab's ``Canvas`` as every printed document uses it: page streams compressed
    by :data:`PAGE_FLATE`, text objects that keep their operators
    (:mod:`elevator_eval.report.kept_text`). The documents' own canvases derive from it."""
    from reportlab.pdfgen.canvas import Canvas

    class DocumentCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pageCompression = 0  # reportlab's own page compression off: PAGE_FLATE
            self._doc.defaultStreamFilters = [PAGE_FLATE]

        def beginText(self, x=0, y=0, direction=None):
            return begin_kept_text(self, x, y, direction)

    return DocumentCanvas


def numbered_canvas_class(
    header_left: str,
    header_right: str,
    footer_left: str,
    lang: str = "zh",
    first_chars: str = "",
):
    """A canvas class that draws the running header and "第 n 页 / 共 m 页" on every page.

    Header and footer strings are drawn with ``drawString`` (no markup parser); they are
    cut to fit the page. ``first_chars`` take the font's first codes in each document
    (:func:`elevator_eval.fonts.give_first_codes`).
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    font = fonts.register_reportlab()
    t = Tr(lang)
    left = PAGE_MARGIN_MM * mm
    right = A4[0] - PAGE_MARGIN_MM * mm
    top = A4[1] - 11 * mm
    bottom = 10 * mm
    w = right - left
    # the same on every page: cut to fit once per document
    hl = _fit(plain(header_left), font, 8, w * 0.53)
    hr = _fit(plain(header_right), font, 8, w * 0.45)
    fl = _fit(plain(footer_left), font, 8, w * 0.7)
    ink, rule = colors.HexColor("#555555"), colors.HexColor("#A0A0A0")

    class NumberedCanvas(document_canvas_class()):  # type: ignore[misc]
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_page_states = []
            fonts.give_first_codes(self._doc, first_chars)

        def showPage(self):
            self._saved_page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_page_states)
            for state in self._saved_page_states:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int):
            self.saveState()
            self.setFont(font, 8)
            self.setFillColor(ink)
            self.setStrokeColor(rule)
            self.setLineWidth(0.4)
            self.drawRightString(right, top, hr)
            self.drawString(left, top, hl)
            self.line(left, top - 2.5 * mm, right, top - 2.5 * mm)
            self.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
            page = t(
                f"第 {self._pageNumber} 页 / 共 {total} 页", f"Page {self._pageNumber} of {total}"
            )
            self.drawRightString(right, bottom, page)
            self.drawString(left, bottom, fl)
            self.restoreState()

    return NumberedCanvas


def build_pdf(
    out,
    story: list,
    *,
    title: str,
    header_left: str,
    header_right: str,
    lang: str = "zh",
    author: str = APP_NAME_ZH,
    first_chars: str = "",
) -> None:
    """Lay ``story`` out on A4 pages and write the PDF to ``out`` (path or binary file).

    ``first_chars``: characters the document is known to print, given the font's first
    codes so that its first font subsets are the same as other documents' (built once per
    process; see :func:`elevator_eval.fonts.give_first_codes`).
    """
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, PageTemplate

    fonts.register_reportlab()
    # Binary (Flate only) streams: ASCII85 on top costs a third of the build time in pure
    # Python (no C accelerator) and makes files 25 % larger; every PDF reader handles both.
    rl_config.useA85 = 0
    m = PAGE_MARGIN_MM * mm
    if hasattr(out, "write"):
        target = out
    else:  # a hidden temporary beside the file, renamed at the end: a kill mid-write
        final = Path(out)  # never leaves a half-written PDF under the final name
        tmp = final.with_name(f".{final.name}.{os.getpid()}.part")
        try:
            with tmp.open("wb") as f:
                build_pdf(
                    f,
                    story,
                    title=title,
                    header_left=header_left,
                    header_right=header_right,
                    lang=lang,
                    author=author,
                    first_chars=first_chars,
                )
            fsync_replace(tmp, final)
        finally:
            tmp.unlink(missing_ok=True)
        return
    doc = BaseDocTemplate(
        target,
        pagesize=A4,
        leftMargin=m,
        rightMargin=m,
        topMargin=m + 2 * mm,
        bottomMargin=m,
        title=plain(title),
        author=author,
        creator=f"{APP_NAME_ZH} {APP_NAME_EN}",
        subject=plain(title),
    )
    footer = (
        (f"{APP_NAME_ZH} · " if lang == "zh" else f"{APP_NAME_EN} · ")
        + Tr(lang)("生成日期 ", "generated ")
        + today_iso()
    )
    canvas = numbered_canvas_class(header_left, header_right, footer, lang, first_chars)
    # reportlab's SimpleDocTemplate, with a frame that copies itself cheaply (below)
    frame = _frame_class()(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="normal")
    doc.addPageTemplates(
        [
            PageTemplate(id="First", frames=frame, pagesize=doc.pagesize),
            PageTemplate(id="Later", frames=frame, pagesize=doc.pagesize),
        ]
    )
    doc.build(story, canvasmaker=canvas)


@functools.cache
def _frame_class() -> type:
    """reportlab's ``Frame`` whose deep copy is a shallow one.

    reportlab deep-copies the current frame each time it measures a group of flowables
    kept together (a heading with what follows it, ``KeepTogether``), only to measure on a
    copy it then throws away; a frame holds numbers and the content it generated, which the
    measuring removes from the copy (and never changes in place), so a copy of its
    attributes does the same. The pages are the same (a test compares the bytes).
    """
    from reportlab.platypus import Frame

    class ShallowCopyFrame(Frame):  # type: ignore[misc]  # reportlab ships no types
        def __deepcopy__(self, memo: dict) -> Frame:
            return copy.copy(self)

    return ShallowCopyFrame
