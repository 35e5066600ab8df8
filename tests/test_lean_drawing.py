"""The lean drawing paints what renderPDF paints, shape by shape, in the same state.

Each drawing is drawn twice onto a recording canvas, once by reportlab's ``renderPDF`` and
once by :func:`draw_lean`; the canvas keeps its own account of the graphics state (the
saved states, the transformation, the colours, widths, caps, joins, dashes and fonts) and
records every painting call with the device coordinates it paints and the state it paints
in. Both records must be equal. The drawings are those the sample's proposals make (the
schematic plan, the site plan to scale, the shares chart, in both languages) and a made-up
one with every kind of shape and property the lean drawing handles, drawn over a page
whose state is not reportlab's default. A page with the drawings is also rendered and
compared pixel by pixel.
"""

from __future__ import annotations

import io
import re

import numpy as np
import pypdfium2 as pdfium
import pytest
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from elevator_eval import fonts
from elevator_eval.report import lean_drawing
from elevator_eval.report.lean_drawing import LeanDrawing, draw_lean, lean_ok
from elevator_eval.report.proposal import build_proposal
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project

PDF_DEFAULTS = {
    "stroke": (0, 0, 0, 1),
    "fill": (0, 0, 0, 1),
    "width": 1,
    "cap": 0,
    "join": 0,
    "dash": None,
    "font": None,
}


def _rgba(c) -> tuple:
    return tuple(round(v, 6) for v in c.rgba())


def _mul(m, n):
    a0, b0, c0, d0, e0, f0 = m
    a, b, c, d, e, f = n
    return (
        a0 * a + c0 * b,
        b0 * a + d0 * b,
        a0 * c + c0 * d,
        b0 * c + d0 * d,
        a0 * e + c0 * f + e0,
        b0 * e + d0 * f + f0,
    )


class Recorder(Canvas):
    """A canvas that records each painting call with its device points and its state."""

    def __init__(self, *args, **kwargs):
        super().__init__(io.BytesIO(), *args, **kwargs)
        self.state = dict(PDF_DEFAULTS, ctm=(1, 0, 0, 1, 0, 0))
        self.stack = []
        self.painted = []

    # the state
    def saveState(self):
        self.stack.append(dict(self.state))
        super().saveState()

    def restoreState(self):
        self.state = self.stack.pop()
        super().restoreState()

    def transform(self, a, b, c, d, e, f):
        self.state["ctm"] = _mul(self.state["ctm"], (a, b, c, d, e, f))
        super().transform(a, b, c, d, e, f)

    def setStrokeColor(self, c, alpha=None):
        self.state["stroke"] = _rgba(c)
        super().setStrokeColor(c, alpha)

    def setFillColor(self, c, alpha=None):
        self.state["fill"] = _rgba(c)
        super().setFillColor(c, alpha)

    def setLineWidth(self, w):
        self.state["width"] = w
        super().setLineWidth(w)

    def setLineCap(self, v):
        self.state["cap"] = v
        super().setLineCap(v)

    def setLineJoin(self, v):
        self.state["join"] = v
        super().setLineJoin(v)

    def setDash(self, array=[], phase=0):  # noqa: B006 (reportlab's signature)
        self.state["dash"] = (tuple(array), phase) if array else None
        super().setDash(array, phase)

    def setFont(self, name, size, leading=None):
        self.state["font"] = (name, size)
        super().setFont(name, size, leading)

    # painting
    def _device(self, pts):
        a, b, c, d, e, f = self.state["ctm"]
        return tuple((round(a * x + c * y + e, 4), round(b * x + d * y + f, 4)) for x, y in pts)

    def _paint(self, pts, stroke, fill, mode):
        s = self.state
        self.painted.append(
            (
                self._device(pts),
                (s["stroke"], s["width"], s["cap"], s["join"], s["dash"]) if stroke else None,
                (s["fill"], mode) if fill else None,
            )
        )

    def line(self, x1, y1, x2, y2):
        self._paint([(x1, y1), (x2, y2)], True, False, None)
        super().line(x1, y1, x2, y2)

    def rect(self, x, y, w, h, stroke=1, fill=0):
        # the numbers as the file holds them (a path's rectangle is read from its code)
        pts = _path_points(f"{fp_str(x, y, w, h)} re")
        if stroke or fill:
            self._paint(pts, stroke, fill, self._fillMode if fill else None)
        super().rect(x, y, w, h, stroke, fill)

    def drawPath(self, path, stroke=1, fill=0, fillMode=None):
        pts = _path_points(path.getCode())
        mode = (fillMode if fillMode is not None else self._fillMode) if fill else None
        self._paint(pts, stroke, fill, mode)
        super().drawPath(path, stroke, fill, fillMode)

    def drawString(self, x, y, text, mode=None, **kw):
        self.painted.append(
            (
                "text",
                text,
                self._device([(x, y)]),
                self.state["ctm"][:4],
                self.state["fill"],
                self.state["font"],
                mode,
            )
        )
        super().drawString(x, y, text, mode, **kw)


def _path_points(code: str) -> list:
    """The points of a path's code, a rectangle as its closed outline."""
    nums, pts = [], []
    for tok in code.split():
        if re.fullmatch(r"-?[\d.]+", tok):
            nums.append(float(tok))
        elif tok == "re":
            x, y, w, h = nums[-4:]
            pts += [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)]
            nums = []
        elif tok in ("m", "l"):
            pts.append((nums[-2], nums[-1]))
            nums = []
        elif tok == "h":
            pts.append(pts[0])
    return pts


def _record(drawing, draw, page_state: bool = False) -> list:
    canvas = Recorder()
    if page_state:  # a page whose state is not reportlab's default
        canvas.setStrokeColor(colors.red)
        canvas.setFillColor(colors.blue)
        canvas.setLineWidth(3)
        canvas.setLineCap(1)
        canvas.setDash([1, 2], 0)
        canvas.setFont(fonts.register_reportlab(), 14)
    draw(drawing, canvas)
    assert canvas.stack == []  # every saved state restored
    return canvas.painted


def _render(drawing, canvas):
    renderPDF.draw(drawing, canvas, 0, 0)


def _made_up() -> LeanDrawing:
    font = fonts.register_reportlab()
    d = LeanDrawing(300, 200)
    d.add(
        Rect(
            0, 0, 300, 200, strokeColor=colors.HexColor("#B0B0B0"), fillColor=None, strokeWidth=0.5
        )
    )
    d.add(Rect(10, 10, 40, 30, strokeColor=None, fillColor=colors.HexColor("#DCE3EC")))
    d.add(Line(0, 0, 100, 100, strokeDashArray=[4, 1.5], strokeWidth=0.8))
    d.add(Line(0, 10, 100, 110, strokeDashArray=(2, [3, 1]), strokeLineCap=1, strokeLineJoin=2))
    d.add(Line(0, 20, 100, 120))  # back to solid, default width
    d.add(PolyLine([0, 0, 10, 20, 30, 5], strokeColor=colors.green, strokeWidth=2))
    d.add(PolyLine([5, 5, 15, 25], strokeColor=None))  # not drawn by either
    d.add(Polygon([50, 50, 80, 60, 70, 90], fillColor=colors.yellow, strokeColor=colors.black))
    d.add(Polygon([60, 60, 90, 70, 80, 95], fillColor=None, strokeColor=colors.black))
    d.add(Polygon([60, 60, 90, 70, 80, 95], fillColor=colors.pink, strokeColor=None))
    for anchor in ("start", "middle", "end"):
        d.add(String(150, 100, f"标注 {anchor}", fontName=font, fontSize=7, textAnchor=anchor))
    d.add(String(150, 80, "red", fontName=font, fontSize=9, fillColor=colors.red))
    d.add(String(150, 70, "invisible", fontName=font, fontSize=9, fillColor=None))
    turned = Group(String(0, 0, "竖排 label", fontName=font, fontSize=5.5, textAnchor="end"))
    turned.translate(120, 30)
    turned.rotate(90)
    d.add(turned)
    inner = Group(Line(0, 0, 10, 0, strokeColor=colors.orange, strokeWidth=4))
    outer = Group(inner, Line(0, 0, 0, 10, strokeColor=colors.orange, strokeWidth=4))
    outer.translate(200, 150)
    d.add(outer)
    d.add(Line(0, 0, 0, 10, strokeColor=colors.orange, strokeWidth=4))  # after the group
    return d


def _sample_drawings() -> list:
    """The drawings the sample's proposals make, in both languages."""
    made = []
    original = LeanDrawing.draw

    def keep(self, *args, **kwargs):
        made.append(self)
        return original(self, *args, **kwargs)

    p = open_project(sample_project_path())
    LeanDrawing.draw = keep
    try:
        for u in p.units():
            for lang in ("zh", "en"):
                build_proposal(u, project=p, out=io.BytesIO(), lang=lang)
    finally:
        LeanDrawing.draw = original
    return made


@pytest.fixture(scope="module")
def sample_drawings():
    return _sample_drawings()


def test_sample_drawings_paint_what_renderpdf_paints(sample_drawings):
    # two drawings a proposal: its plan (schematic or to scale) and its shares chart
    assert len(sample_drawings) == 2 * 2 * 16
    kinds = {len(_record(d, draw_lean)) for d in sample_drawings}
    assert min(kinds) > 10  # every drawing paints something
    for d in sample_drawings:
        assert lean_ok(d)
        assert _record(d, draw_lean) == _record(d, _render)
        assert _record(d, draw_lean, True) == _record(d, _render, True)


def test_every_handled_shape_and_property_over_a_page_of_another_state():
    d = _made_up()
    assert lean_ok(d)
    lean, plain = _record(d, draw_lean, True), _record(d, _render, True)
    assert lean == plain
    # every kind painted: lines, paths (filled, stroked, both), strings turned and not
    texts = [p for p in plain if p[0] == "text"]
    assert len(texts) == 5 and any(p[3] != (1, 0, 0, 1) for p in texts)
    assert any(p[1] and p[2] for p in plain if p[0] != "text")  # filled and stroked
    assert any(p[1] is None and p[2] for p in plain if p[0] != "text")  # filled only


def test_fewer_state_changes_than_renderpdf():
    d = _made_up()
    lean, plain = Recorder(), Recorder()
    draw_lean(d, lean)
    _render(d, plain)
    count = lambda c: sum(op.split()[-1] in {"q", "RG", "rg", "w", "d", "J", "j"} for op in c._code)  # noqa: E731
    assert count(lean) < count(plain) / 2


def _with_callback() -> Line:
    line = Line(0, 0, 5, 5)
    line._drawTimeCallback = lambda node, canvas=None, renderer=None: None
    return line


@pytest.mark.parametrize(
    "odd",
    [
        _with_callback(),
        Circle(10, 10, 5),
        Rect(0, 0, 10, 10, rx=2, ry=2),
        Line(0, 0, 5, 5, strokeOpacity=0.5),
        Rect(0, 0, 10, 10, fillOpacity=0.3),
        String(0, 0, "x", textRenderMode=1),
    ],
    ids=["callback", "circle", "rounded", "stroke-opacity", "fill-opacity", "outlined-text"],
)
def test_anything_else_goes_to_renderpdf_whole(odd, monkeypatch):
    d = _made_up()
    d.add(odd)
    assert not lean_ok(d)
    called = []
    monkeypatch.setattr(lean_drawing, "draw_lean", lambda *a: called.append(a))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, invariant=1).build([d])
    assert called == []  # renderPDF drew it
    plain = Drawing(300, 200)
    plain.contents = d.contents
    ref = io.BytesIO()
    SimpleDocTemplate(ref, invariant=1).build([plain])
    assert buf.getvalue() == ref.getvalue()


def test_a_page_of_drawings_renders_the_same_pixels(sample_drawings):
    chosen = sample_drawings[:2] + sample_drawings[-2:] + [_made_up()]
    pages = []
    for lean in (True, False):
        story = []
        for d in chosen:
            if lean:
                story.append(d)
            else:
                plain = Drawing(d.width, d.height)
                plain.contents = d.contents
                story.append(plain)
        buf = io.BytesIO()
        SimpleDocTemplate(buf, invariant=1).build(story)
        pages.append(
            [p.render(scale=100 / 72).to_numpy() for p in pdfium.PdfDocument(buf.getvalue())]
        )
    assert len(pages[0]) == len(pages[1]) >= 2
    for a, b in zip(*pages):
        assert a.shape == b.shape and np.array_equal(a, b)
