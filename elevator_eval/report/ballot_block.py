"""The machine-readable ballot block of a consent form: fiducials, QR code, tick boxes.

Drawn as vector shapes at the positions fixed in :mod:`elevator_eval.ballots` (millimetres
from the block's top-left corner), so that a scan can be mapped back to them. The QR code is
made with segno (error correction level Q) and drawn module by module.
"""

from __future__ import annotations

from .. import ballots as B


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR modules of ``payload`` (no quiet zone), dark = True."""
    import segno

    qr = segno.make(payload, error="q", micro=False, boost_error=False)
    return [[bool(v) for v in row] for row in qr.matrix]


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut ``text`` with an ellipsis so that it fits ``width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while text and stringWidth(text, font, size) > width:
        text = text[:-2] + "…"
    return text


def ballot_block(
    payload: str | None, labels: tuple[str, str, str], serial_text: str, hint_text: str
):
    """A flowable of ``BLOCK_W_MM`` × ``BLOCK_H_MM``.

    Parameters
    ----------
    payload : str or None
        QR text (:func:`elevator_eval.ballots.encode_payload`); ``None`` for a form without a
        code (a unit file outside a project): the boxes are still printed.
    labels : three str
        Texts beside the boxes (同意, 反对, 弃权).
    serial_text, hint_text : str
        Printed under the boxes (form serial; how to tick).
    """
    from reportlab.lib import colors
    from reportlab.platypus import Flowable

    from .. import fonts

    font = fonts.register_reportlab()
    matrix = qr_matrix(payload) if payload else None
    w_pt, h_pt = _mm(B.BLOCK_W_MM), _mm(B.BLOCK_H_MM)

    class BallotBlock(Flowable):
        def wrap(self, avail_w, avail_h):
            return w_pt, h_pt

        def draw(self):
            c = self.canv
            c.saveState()
            c.setFillColor(colors.black)
            c.setStrokeColor(colors.black)
            _draw_fiducials(c)
            if matrix is not None:
                _draw_qr(c, matrix)
            _draw_boxes(c, font, labels)
            _draw_notes(c, font, hint_text, serial_text)
            c.restoreState()

    return BallotBlock()


def _mm(v_mm: float) -> float:
    """``v_mm`` millimetres in points."""
    from reportlab.lib.units import mm

    return v_mm * mm


def _y_of(y_mm: float, h_mm: float = 0.0) -> float:
    """The canvas y [pt] of a shape ``h_mm`` high whose top is ``y_mm`` below the block's top."""
    return _mm(B.BLOCK_H_MM - y_mm - h_mm)


def _draw_fiducials(c) -> None:
    """The square corner marks a scan is aligned by."""
    f = B.FIDUCIAL_MM
    for cx, cy in B.FIDUCIAL_CENTRES_MM:
        c.rect(_mm(cx - f / 2), _y_of(cy - f / 2, f), _mm(f), _mm(f), stroke=0, fill=1)


def _draw_qr(c, matrix: list[list[bool]]) -> None:
    """The QR code, each run of dark modules in a row as one rectangle."""
    n = len(matrix)
    m = B.QR_SIZE_MM / n
    for r, row in enumerate(matrix):
        col = 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                c.rect(
                    _mm(B.QR_X_MM + start * m),
                    _y_of(B.QR_Y_MM + r * m, m),
                    _mm((col - start) * m),
                    _mm(m),
                    stroke=0,
                    fill=1,
                )
            else:
                col += 1


def _draw_boxes(c, font: str, labels: tuple[str, str, str]) -> None:
    """The three tick boxes with their labels."""
    from .common import plain

    c.setLineWidth(1.4)
    c.setFont(font, 15)
    for i, label in enumerate(labels):
        x, y, w, h = B.box_rect_mm(i)
        c.rect(_mm(x), _y_of(y, h), _mm(w), _mm(h), stroke=1, fill=0)
        c.drawString(_mm(x + w + 2.2), _y_of(y + h / 2 + 2.2), plain(label))


def _draw_notes(c, font: str, hint_text: str, serial_text: str) -> None:
    """How to tick, and the form serial, under the boxes (cut to fit)."""
    from .common import plain

    c.setFont(font, 9)
    x0 = _mm(B.BOX_X_MM[0])
    room = _mm(B.BLOCK_W_MM - B.FIDUCIAL_MM - 2) - x0
    c.drawString(x0, _y_of(B.BOX_Y_MM + B.BOX_SIZE_MM + 7), _fit(plain(hint_text), font, 9, room))
    c.drawString(
        x0, _y_of(B.BOX_Y_MM + B.BOX_SIZE_MM + 13), _fit(plain(serial_text), font, 9, room)
    )
