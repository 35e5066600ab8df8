"""Drawings (the unit's plan, the shares chart) put on the page without renderPDF's
bookkeeping for every shape.

reportlab's ``renderPDF`` draws each shape of a ``Drawing`` inside a graphics state of its
own (``q … Q``, with the canvas's Python state copied and restored each time), sets every
property of the shape again (colour, width, caps, joins, dash), and keeps a stack of the
combined state in dictionaries as it walks the tree. For the two drawings of a proposal
(some 120 shapes) that bookkeeping is most of their cost. :class:`LeanDrawing` draws the
same shapes with the same canvas calls and the same properties, in the same order, but
sets a property only when it differs from the one in force, and saves the graphics state
only around a group that moves or turns its contents.

What it draws: lines, polylines, polygons, rectangles without rounded corners, strings
(anchored at the start, middle or end) and groups with any transform; their stroke and fill
colours, line widths, caps, joins, dashes, fonts and sizes. A drawing with anything else (other shapes, opacity,
overprint, a rendering scale, a background, a derived value, a callback at drawing time)
is drawn by ``renderPDF`` as before, whole. ``tests/test_lean_drawing.py`` compares what both
paint, shape by shape, with the state each shape is painted in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab import rl_config
from reportlab.graphics.shapes import (
    STATE_DEFAULTS,
    Drawing,
    Group,
    Line,
    Polygon,
    PolyLine,
    Rect,
    String,
)
from reportlab.lib.validators import DerivedValue
from reportlab.pdfbase.pdfmetrics import stringWidth

IDENTITY = (1, 0, 0, 1, 0, 0)
LEAVES = (Line, PolyLine, Polygon, Rect, String)
NEUTRAL = {
    "strokeOpacity": None,
    "fillOpacity": None,
    "fillOverprint": False,
    "strokeOverprint": False,
    "overprintMask": 0,
}
"""Properties renderPDF would turn into an extended graphics state: only these values
(which set nothing) are drawn here."""

DRAW_TIME_CALLBACK = "_drawTimeCallback"
"""The attribute of a shape that renderPDF calls as it draws the shape (none of the shape
classes drawn here has one of its own; set on a shape, renderPDF draws the drawing)."""

ANCHORS = {"start": 0.0, "inherited": 0.0, "middle": 0.5, "end": 1.0}
"""A string's shift to the left, in its widths, per ``textAnchor`` (renderPDF's rule)."""

_UNSET = object()


class LeanDrawing(Drawing):
    """A ``reportlab.graphics.shapes.Drawing`` that draws itself with
    :func:`draw_lean` (the same page), or with renderPDF when it holds anything else or
    is asked for its boundary."""

    def draw(self, *args: Any, **kwargs: Any) -> None:
        boundary = args or kwargs or getattr(self, "_showBoundary", None)
        if not boundary and not rl_config.showBoundary and lean_ok(self):
            draw_lean(self, self.canv)
        else:
            super().draw(*args, **kwargs)


def lean_ok(drawing: Drawing) -> bool:
    """Whether :func:`draw_lean` draws everything ``drawing`` holds as renderPDF would."""
    if drawing.renderScale != 1.0 or getattr(drawing, "background", None) is not None:
        return False
    return _group_ok(drawing)


def _group_ok(group: Group) -> bool:
    if not _plain(group) or group.__dict__.get("textAnchor", "start") not in ANCHORS:
        return False
    for node in group.contents:
        kind = type(node)
        if kind is Group:
            ok = _group_ok(node)
        elif kind is Rect:
            ok = _plain(node) and node.rx == 0 and node.ry == 0
        elif kind is String:
            own = node.__dict__
            ok = (
                _plain(node)
                and own.get("textAnchor", "start") in ANCHORS
                and not own.get("textRenderMode", 0)
            )
        else:
            ok = kind in LEAVES and _plain(node)
        if not ok:
            return False
    return True


def _plain(node: Any) -> bool:
    """No property renderPDF would treat specially (see :data:`NEUTRAL`), no derived
    value, no callback at drawing time."""
    for key, value in node.__dict__.items():
        if key == DRAW_TIME_CALLBACK or isinstance(value, DerivedValue):
            return False
        if key in NEUTRAL and value != NEUTRAL[key]:
            return False
    return True


class _Pen:
    """The graphics state in force on the canvas, as far as this drawing has set it
    (``_UNSET`` until then: the page's state before the drawing is not assumed)."""

    __slots__ = ("cap", "dash", "fill", "font", "join", "stroke", "width")

    def __init__(self) -> None:
        self.stroke = self.width = self.cap = self.join = self.dash = self.fill = _UNSET
        self.font: Any = _UNSET

    def copy(self) -> _Pen:
        other = _Pen()
        for name in self.__slots__:
            setattr(other, name, getattr(self, name))
        return other


def draw_lean(drawing: Drawing, canvas: Any, x: float = 0, y: float = 0) -> None:
    """Draw ``drawing`` (checked with :func:`lean_ok`) at ``(x, y)`` on ``canvas``.

    The shapes' properties come from the shape, else from the groups around it, else from
    the drawing's ``initial…`` values, else reportlab's defaults (``STATE_DEFAULTS``), as
    renderPDF takes them.
    """
    state = STATE_DEFAULTS.copy()
    for key in STATE_DEFAULTS:
        initial = "initial" + key[:1].upper() + key[1:]
        if hasattr(drawing, initial):
            state[key] = getattr(drawing, initial)
    canvas.saveState()
    try:
        if (x, y) != (0, 0):
            canvas.translate(x, y)
        _draw_group(drawing, canvas, state, _Pen())
    finally:
        canvas.restoreState()


def _inherit(state: dict, node: Any) -> dict:
    """``state`` with the group's own properties over it."""
    own = {k: v for k, v in node.__dict__.items() if k in STATE_DEFAULTS and k != "transform"}
    return {**state, **own} if own else state


def _draw_group(group: Group, canvas: Any, state: dict, pen: _Pen) -> None:
    state = _inherit(state, group)
    transform = tuple(getattr(group, "transform", IDENTITY))
    moved = transform != IDENTITY
    if moved:  # what the group sets ends with it: it draws with a copy of the pen
        canvas.saveState()
        canvas.transform(*transform)
        pen = pen.copy()
    for node in group.contents:
        kind = type(node)
        if kind is Group:
            _draw_group(node, canvas, state, pen)
        elif kind is String:
            _draw_string(node, canvas, state, pen)
        else:
            _draw_shape(node, kind, canvas, state, pen)
    if moved:
        canvas.restoreState()


def _get(node: Any, key: str, state: dict) -> Any:
    """The node's own value of ``key`` (set on it, as renderPDF reads it), else the
    inherited one."""
    value = node.__dict__.get(key, _UNSET)
    return state[key] if value is _UNSET else value


def _put(pen: _Pen, slot: str, value: Any, setter: Callable[[Any], Any]) -> None:
    """Call ``setter(value)`` unless ``value`` is already in force (the pen's ``slot``)."""
    held = getattr(pen, slot)
    if held is _UNSET or held != value:
        setter(value)
        setattr(pen, slot, value)


def _set_stroke(node: Any, canvas: Any, state: dict, pen: _Pen) -> bool:
    """Put the node's stroke properties in force; whether it strokes at all."""
    color = _get(node, "strokeColor", state)
    if color is None:
        return False
    _put(pen, "stroke", color, canvas.setStrokeColor)
    _put(pen, "width", _get(node, "strokeWidth", state), canvas.setLineWidth)
    _put(pen, "cap", _get(node, "strokeLineCap", state), canvas.setLineCap)
    _put(pen, "join", _get(node, "strokeLineJoin", state), canvas.setLineJoin)
    _put(pen, "dash", _dash(_get(node, "strokeDashArray", state)), lambda d: _set_dash(canvas, d))
    return True


def _set_dash(canvas: Any, dash: tuple | None) -> None:
    if dash is None:
        canvas.setDash()
    else:
        canvas.setDash(dash[0], dash[1])


def _dash(value: Any) -> tuple | None:
    """renderPDF's reading of ``strokeDashArray``: ``(array, phase)`` or ``None`` (solid)."""
    if not value:
        return None
    if isinstance(value, (list, tuple)) and len(value) == 2 and isinstance(value[1], (tuple, list)):
        return tuple(value[1]), value[0]
    return tuple(value), 0


def _set_fill(node: Any, canvas: Any, state: dict, pen: _Pen) -> bool:
    """Put the node's fill colour in force; whether it fills at all."""
    color = _get(node, "fillColor", state)
    if color is None:
        return False
    _put(pen, "fill", color, canvas.setFillColor)
    return True


def _draw_shape(node: Any, kind: type, canvas: Any, state: dict, pen: _Pen) -> None:
    if kind is Line:
        if _set_stroke(node, canvas, state, pen):
            canvas.line(node.x1, node.y1, node.x2, node.y2)
        return
    if kind is PolyLine:
        if _set_stroke(node, canvas, state, pen):
            canvas.drawPath(_path(canvas, node.points, close=False), stroke=1, fill=0)
        return
    fill = _set_fill(node, canvas, state, pen)
    stroke = _set_stroke(node, canvas, state, pen)
    if not (fill or stroke):
        return
    mode = _get(node, "fillMode", state)
    if kind is Rect:
        path = canvas.beginPath()
        path.rect(node.x, node.y, node.width, node.height)
    else:
        path = _path(canvas, node.points, close=True)
    canvas.drawPath(path, stroke=int(stroke), fill=int(fill), fillMode=mode)


def _path(canvas: Any, points: list, close: bool) -> Any:
    path = canvas.beginPath()
    path.moveTo(points[0], points[1])
    for i in range(2, len(points) - 1, 2):
        path.lineTo(points[i], points[i + 1])
    if close:
        path.close()
    return path


def _draw_string(node: String, canvas: Any, state: dict, pen: _Pen) -> None:
    if not _set_fill(node, canvas, state, pen):
        return
    name, size = _get(node, "fontName", state), _get(node, "fontSize", state)
    _put(pen, "font", (name, size), lambda font: canvas.setFont(*font))
    x, text = node.x, node.text
    shift = ANCHORS[_get(node, "textAnchor", state)]
    if shift:
        x -= stringWidth(text, name, size, node.encoding) * shift
    canvas.drawString(x, node.y, text)
