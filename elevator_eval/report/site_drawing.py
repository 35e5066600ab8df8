"""Site plan drawn from the unit's ``site.plan`` geometry, to scale (reportlab graphics).

North is up (the plan's y axis is true north). Drawn: the own building and the neighbours
(clipped to the view around the own building, each labelled with its height), the shaft,
the red line, the fire lane band, pipes, private courtyards and the windows (red where the
shaft takes the window below the sunlight standard, orange where it takes some sun), a
scale bar with a round length and a north arrow. Text is drawn with ``String`` (no markup).
"""

from __future__ import annotations

from .. import fonts, vocabulary
from .common import Tr, fmt_num, hex_color, plain
from .drawing_text import wrap_label
from .map_labels import building_name_place, clear_of

PIPE_COLOURS = {
    "gas": "#C62828",
    "water": "#1565C0",
    "drainage": "#5D4037",
    "power": "#F9A825",
    "telecom": "#6A1B9A",
    "heating": "#EF6C00",
}
PIPE_LABELS = {
    code: (vocabulary.label("pipes", code, "zh"), vocabulary.label("pipes", code, "en"))
    for code in PIPE_COLOURS
}


NEIGHBOUR_VIEW_M = 36.0
MARGIN_M = 5.0
"""Empty ground drawn around the parts of the plan [m]."""
"""Neighbours are shown as far as this from the own building and the shaft [m]."""


def view_bounds(plan) -> tuple[float, float, float, float]:
    """The part of the plan to draw [m]: the own building, the shaft and the windows, and
    the neighbours' parts within :data:`NEIGHBOUR_VIEW_M`, plus a margin.

    The box around those parts is the box around their boxes: a neighbour inside the
    reach counts whole, one outside not at all, and only one crossing its edge is cut."""
    import shapely
    from shapely.geometry import Polygon as SPoly
    from shapely.ops import unary_union

    core = [SPoly(plan.own.footprint)]
    if plan.shaft is not None:
        core.append(SPoly(plan.shaft.footprint))
    core_u = unary_union(core)
    near = core_u.buffer(NEIGHBOUR_VIEW_M)
    shapely.prepare(near)
    boxes = [core_u.bounds]
    for b in plan.neighbours:
        g = SPoly(b.footprint)
        if near.contains(g):
            boxes.append(g.bounds)
        elif near.intersects(g):
            g = g.intersection(near)
            if not g.is_empty:
                boxes.append(g.bounds)
    windows = plan.windows
    if windows:
        inside = shapely.contains_xy(near, [w.x for w in windows], [w.y for w in windows])
        boxes += [(w.x, w.y, w.x, w.y) for w, yes in zip(windows, inside) if yes]
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[2] for b in boxes)
    y1 = max(b[3] for b in boxes)
    return x0 - MARGIN_M, y0 - MARGIN_M, x1 + MARGIN_M, y1 + MARGIN_M


def _nice_bar_m(span_m: float) -> int:
    """A round scale-bar length [m], about a fifth of the view."""
    for v in (1, 2, 5, 10, 20, 50, 100, 200):
        if v >= span_m / 6:
            return v
    return 500


def site_plan_drawing(plan, measured, width_pt: float, height_pt: float = 300, lang: str = "zh"):
    """A :class:`reportlab.graphics.shapes.Drawing` of the plan to scale.

    Parameters
    ----------
    plan : Plan
    measured : Measured or None
        Measured values (:func:`elevator_eval.site.measure.measure`) for the legend and the
        window colours.
    width_pt, height_pt : float
        Size of the drawing [pt].
    lang : "zh" or "en"
    """
    from reportlab.graphics.shapes import Rect

    from .lean_drawing import LeanDrawing

    t = Tr(lang)
    x0, y0, x1, y1 = view_bounds(plan)
    legend_w = width_pt * 0.30
    margin = 10.0
    scale = min(
        (width_pt - legend_w - 2 * margin) / (x1 - x0), (height_pt - 2 * margin) / (y1 - y0)
    )
    height_pt = max(min(height_pt, (y1 - y0) * scale + 2 * margin), 170.0)
    d = LeanDrawing(width_pt, height_pt)
    d.add(
        Rect(
            0,
            0,
            width_pt,
            height_pt,
            strokeColor=hex_color("#B0B0B0"),
            fillColor=None,
            strokeWidth=0.5,
        )
    )
    d.add(
        Rect(
            margin,
            margin,
            (x1 - x0) * scale,
            (y1 - y0) * scale,
            strokeColor=hex_color("#D0D0D0"),
            fillColor=hex_color("#FBFBF8"),
            strokeWidth=0.4,
        )
    )
    pen = _Pen(d, (x0, y0, x1, y1), scale, margin)
    _fire_lane(pen, plan, t)
    yard_names = _courtyards(pen, plan, t)
    _buildings(pen, plan, t)
    _red_line(pen, plan)
    pipe_names = _pipes(pen, plan, t)
    _shaft(pen, plan, t)
    # names written last, clear of the buildings, the shaft and the names before them
    for name in pipe_names + yard_names:
        pen.label(*name)
    _windows(pen, plan, measured)
    _side_column(pen, plan, measured, t, (x1 - x0, width_pt, height_pt))
    return d


class _Pen:
    """Draws plan coordinates [m] into ``d``: ``scale`` pt per metre, the view's lower left
    corner ``margin`` pt from the drawing's."""

    def __init__(self, d, bounds: tuple[float, float, float, float], scale: float, margin: float):
        from shapely.geometry import box

        x0, y0, x1, y1 = bounds
        self.d, self.scale, self.margin = d, scale, margin
        self.font = fonts.register_reportlab()
        self.view = box(x0, y0, x1, y1)
        self.map_right = margin + (x1 - x0) * scale
        self.ox = margin - x0 * scale
        self.oy = margin - y0 * scale
        self.placed: list[tuple[float, float, float, float]] = []  # labels' boxes [pt]

    def P(self, x, y):
        return self.ox + x * self.scale, self.oy + y * self.scale

    def flat(self, coords):
        out = []
        for x, y in coords:
            out += list(self.P(x, y))
        return out

    def label(self, x, y, text, size=6.5, anchor="middle", colour=None):
        """Write ``text`` at ``(x, y)`` [pt], moved where it would cover a name written
        before it or a box kept clear (:meth:`block`; see :func:`~elevator_eval.report.map_labels.clear_of`), so that two
        pipes ending side by side at the shaft stay readable."""
        from reportlab.graphics.shapes import String
        from reportlab.lib import colors
        from reportlab.pdfbase.pdfmetrics import stringWidth

        text = plain(text)
        w = stringWidth(text, self.font, size)
        left = x - w * {"start": 0.0, "middle": 0.5, "end": 1.0}[anchor]
        box = (left, y - 0.25 * size, left + w, y + 0.85 * size)
        dx, dy = clear_of(box, self.placed, size + 1, self.d.width)
        self.placed.append((box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy))
        self.d.add(
            String(
                x + dx,
                y + dy,
                text,
                fontName=self.font,
                fontSize=size,
                textAnchor=anchor,
                fillColor=colors.black if colour is None else colour,
            )
        )

    def text_width(self, text: str, size: float) -> float:
        """Width [pt] of ``text`` written at ``size`` in the plan's font."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(plain(text), self.font, size)

    def block(self, bounds_m: tuple[float, float, float, float]) -> None:
        """Keep the labels written after this off the box ``bounds_m`` (plan [m]): a
        building or the shaft."""
        x0, y0 = self.P(bounds_m[0], bounds_m[1])
        x1, y1 = self.P(bounds_m[2], bounds_m[3])
        self.placed.append((x0, y0, x1, y1))

    def poly(self, geom, stroke, fill, width=0.8, dash=None):
        from reportlab.graphics.shapes import Polygon

        parts = [geom] if geom.geom_type == "Polygon" else list(getattr(geom, "geoms", []))
        for g in parts:
            if g.geom_type != "Polygon" or g.is_empty:
                continue
            self.d.add(
                Polygon(
                    self.flat(list(g.exterior.coords)[:-1]),
                    strokeColor=stroke,
                    fillColor=fill,
                    strokeWidth=width,
                    strokeDashArray=dash,
                )
            )


def _fire_lane(pen: _Pen, plan, t: Tr) -> None:
    """The fire lane as a band of its width, its centre line dashed and its width named."""
    from reportlab.graphics.shapes import PolyLine
    from shapely.geometry import LineString

    if plan.fire_lane is None:
        return
    line, w = plan.fire_lane
    band = LineString(line).buffer(w / 2, cap_style="flat").intersection(pen.view)
    pen.poly(band, None, hex_color("#FFE9E3"))
    c = LineString(line).intersection(pen.view)
    if not c.is_empty and c.geom_type == "LineString":
        pen.d.add(
            PolyLine(
                pen.flat(c.coords),
                strokeColor=hex_color("#E57373"),
                strokeWidth=0.4,
                strokeDashArray=[4, 3],
            )
        )
        mx, my = c.interpolate(0.15, normalized=True).coords[0]
        pen.label(
            *pen.P(mx, my + 0.3),
            t(f"消防车道 宽 {fmt_num(w)} m", f"fire lane {fmt_num(w)} m"),
            6,
            "start",
            hex_color("#B71C1C"),
        )


def _courtyards(pen: _Pen, plan, t: Tr) -> list[tuple]:
    """Private courtyards, dashed green; returns their names (each by its household), as
    :meth:`_Pen.label` arguments, for writing after the shaft."""
    from shapely.geometry import Polygon as SPoly

    shaft_x = SPoly(plan.shaft.footprint).centroid.x if plan.shaft is not None else None
    names = []
    for hh, pts in plan.courtyards or ():
        g = SPoly(pts).intersection(pen.view)
        pen.poly(g, hex_color("#66BB6A"), hex_color("#E8F5E9"), 0.5, [2, 2])
        if g.is_empty:
            continue
        cx, cy = g.representative_point().coords[0]
        minx, _miny, maxx, _maxy = g.bounds
        if shaft_x is None:  # the name in the yard
            x, anchor = cx, "middle"
        elif g.centroid.x < shaft_x:  # beside the yard, on its side away from the shaft
            x, anchor = minx - 0.5, "end"
        else:
            x, anchor = maxx + 0.5, "start"
        names.append(
            (
                *pen.P(x, cy - 0.5),
                t(f"{hh} 庭院", f"{hh} yard"),
                5.5,
                anchor,
                hex_color("#2E7D32"),
            )
        )
    return names


def _buildings(pen: _Pen, plan, t: Tr) -> None:
    """The own building and the neighbours in view, each labelled with its height [m]."""
    from reportlab.lib import colors
    from shapely.geometry import Polygon as SPoly

    for b in plan.buildings:
        g = SPoly(b.footprint).intersection(pen.view)
        if g.is_empty:
            continue
        fill = hex_color("#DCE3EC") if b.own else hex_color("#ECECEC")
        pen.poly(g, colors.black, fill, 1.1 if b.own else 0.7)
        cx, cy = g.representative_point().coords[0]
        name = t("本楼", "this building") if b.own else b.id
        text = f"{name} {fmt_num(round(b.height_m, 1))} m"
        x0, y0 = pen.P(g.bounds[0], g.bounds[1])
        x1, y1 = pen.P(g.bounds[2], g.bounds[3])
        w = pen.text_width(text, 6.5)
        where = building_name_place(x0, x1, x1 - x0, y1 - y0, w, 6.5 * 1.1, pen.map_right + 1)
        if where == "inside":
            pen.label(*pen.P(cx, cy), text, 6.5)
            pen.block(g.bounds)
        else:  # too small to hold its name: named beside it, right of it (left at the edge)
            pen.block(g.bounds)
            y = (y0 + y1) / 2 - 0.3 * 6.5
            if where == "right":
                pen.label(x1 + 2, y, text, 6.5, "start")
            else:
                pen.label(x0 - 2, y, text, 6.5, "end")


def _red_line(pen: _Pen, plan) -> None:
    """The red line (land boundary), dash-dotted, where it crosses the view."""
    from reportlab.graphics.shapes import PolyLine
    from shapely.geometry import LineString
    from shapely.geometry import Polygon as SPoly

    if plan.red_line is None:
        return
    g = SPoly(plan.red_line)
    ring = LineString(list(g.exterior.coords)).intersection(pen.view)
    for part in [ring] if ring.geom_type == "LineString" else list(getattr(ring, "geoms", [])):
        if part.geom_type == "LineString" and not part.is_empty:
            pen.d.add(
                PolyLine(
                    pen.flat(part.coords),
                    strokeColor=hex_color("#C62828"),
                    strokeWidth=0.9,
                    strokeDashArray=[8, 2, 1.5, 2],
                )
            )


def _pipes(pen: _Pen, plan, t: Tr) -> list[tuple]:
    """Each pipe in its colour; its name, at its end, is returned to be written once the
    shaft is named (a pipe's name moves out of the way of the shaft's, not the other way
    round)."""
    from reportlab.graphics.shapes import PolyLine
    from shapely.geometry import LineString

    names = []
    for kind, line in plan.pipes or ():
        c = LineString(line).intersection(pen.view)
        if c.is_empty or c.geom_type != "LineString":
            continue
        colour = hex_color(PIPE_COLOURS.get(kind, "#455A64"))
        pen.d.add(
            PolyLine(
                pen.flat(c.coords), strokeColor=colour, strokeWidth=0.8, strokeDashArray=[4, 1.5]
            )
        )
        ex, ey = c.coords[-1]
        names.append(
            (*pen.P(ex, ey), t.pair(PIPE_LABELS.get(kind, (kind, kind))), 5.5, "start", colour)
        )
    return names


def _shaft(pen: _Pen, plan, t: Tr) -> None:
    """The new shaft, crossed, named on the side away from the own building."""
    from reportlab.graphics.shapes import Line
    from reportlab.lib import colors
    from shapely.geometry import Polygon as SPoly

    if plan.shaft is None:
        return
    g = SPoly(plan.shaft.footprint)
    pen.poly(g, colors.black, hex_color("#FCC98A"), 1.0)
    minx, miny, maxx, maxy = g.bounds
    pen.block(g.bounds)
    pen.d.add(
        Line(
            *pen.P(minx, miny),
            *pen.P(maxx, maxy),
            strokeColor=hex_color("#606060"),
            strokeWidth=0.4,
        )
    )
    pen.d.add(
        Line(
            *pen.P(minx, maxy),
            *pen.P(maxx, miny),
            strokeColor=hex_color("#606060"),
            strokeWidth=0.4,
        )
    )
    ocy = SPoly(plan.own.footprint).centroid.y
    scx, scy = g.centroid.coords[0]
    south = scy < ocy - 1e-6
    ly = miny - 2.2 if south else maxy + 0.8
    if abs(scy - ocy) < 1e-6:
        ly = maxy + 0.8
    pen.label(*pen.P(scx, ly), t("新建井道", "new shaft"), 6.5, "middle", hex_color("#8D4E00"))


def _windows(pen: _Pen, plan, measured) -> None:
    """Each window place in view as a tick in its facing: red where a window there falls
    below the sunlight standard after the shaft, else orange where one loses some sun,
    else blue (the windows of the floors above one another share the place)."""
    import math

    import shapely
    from reportlab.graphics.shapes import Line

    from ..site.plan import worst_at_each_place

    below = (
        set(measured.parts.get("sunlight_below_standard", {}).get("windows", []))
        if measured is not None
        else set()
    )
    lost = (
        measured.parts.get("sunlight_below_standard", {}).get("lost_h", {})
        if measured is not None
        else {}
    )
    # one tick for the windows above one another, in the colour of the worst of them
    rank = {w.id: 2 if w.id in below else 1 if w.id in lost else 0 for w in plan.windows}
    windows = worst_at_each_place(plan.windows, rank)
    # a window is drawn when a point just beside it is in view (all windows in one call)
    ticks = [
        [(w.x - 0.01, w.y - 0.01), (w.x + 0.01, w.y - 0.01), (w.x + 0.01, w.y + 0.01)]
        for w in windows
    ]
    shown = shapely.contains(pen.view, shapely.centroid(shapely.polygons(ticks))) if ticks else []
    colours = (hex_color("#1565C0"), hex_color("#EF6C00"), hex_color("#C62828"))
    for w, in_view in zip(windows, shown):
        if not in_view:
            continue
        colour = colours[rank[w.id]]
        f = math.radians(w.facing_deg)
        px, py = pen.P(w.x, w.y)
        pen.d.add(
            Line(
                px,
                py,
                px + 5 * math.sin(f),
                py + 5 * math.cos(f),
                strokeColor=colour,
                strokeWidth=1.2,
            )
        )


def _side_column(pen: _Pen, plan, measured, t: Tr, size: tuple[float, float, float]) -> None:
    """The north arrow, the legend and the scale bar right of the map (the bar under the
    legend, where no building can lie under it); ``size`` is the view's width [m] and the
    drawing's width and height [pt]."""
    from reportlab.graphics.shapes import Polygon
    from reportlab.lib import colors

    span_m, width_pt, height_pt = size
    margin, scale = pen.margin, pen.scale
    lx = pen.map_right + 12
    ax, ay = lx + 6, height_pt - 34
    pen.d.add(
        Polygon(
            [ax, ay + 20, ax - 5, ay, ax, ay + 5, ax + 5, ay],
            fillColor=colors.black,
            strokeColor=colors.black,
            strokeWidth=0.5,
        )
    )
    pen.label(ax, ay + 23, t("北", "N"), 8)
    ly = ay - 14
    for text, colour in _legend(plan, measured, t, scale):
        for chunk in wrap_label(text, pen.font, 7, width_pt - lx - 8):
            pen.label(lx, ly, chunk, 7, "start", colour)
            ly -= 10
        ly -= 2
    _scale_bar(pen, lx, max(ly - 4, margin + 8), _nice_bar_m(span_m))


def _scale_bar(pen: _Pen, bx: float, by: float, bar: int) -> None:
    """A bar of ``bar`` metres at the plan's scale, its lower left corner at ``(bx, by)``
    [pt], halves black and white, its ends named."""
    from reportlab.graphics.shapes import Rect
    from reportlab.lib import colors

    scale = pen.scale
    for i in range(2):
        pen.d.add(
            Rect(
                bx + i * bar * scale / 2,
                by,
                bar * scale / 2,
                3,
                fillColor=colors.black if i == 0 else colors.white,
                strokeColor=colors.black,
                strokeWidth=0.5,
            )
        )
    pen.label(bx, by + 5, "0", 6)
    pen.label(bx + bar * scale, by + 5, f"{bar} m", 6)


def _legend(plan, measured, t: Tr, scale: float):
    from reportlab.lib import colors

    black, red = colors.black, hex_color("#C62828")
    v = measured.values if measured is not None else {}
    out = [(t("平面图（按比例，北向上）", "Site plan (to scale, north up)"), black)]
    if plan.shaft is not None:
        from shapely.geometry import Polygon as SPoly

        minx, miny, maxx, maxy = SPoly(plan.shaft.footprint).bounds
        out.append(
            (
                t(
                    f"井道 {fmt_num(round(maxx - minx, 2))} × {fmt_num(round(maxy - miny, 2))} m，"
                    f"高 {fmt_num(round(plan.shaft.height_m, 1))} m",
                    f"Shaft {fmt_num(round(maxx - minx, 2))} × {fmt_num(round(maxy - miny, 2))} m, "
                    f"{fmt_num(round(plan.shaft.height_m, 1))} m high",
                ),
                black,
            )
        )
    if "inside_red_line" in v:
        out.append(
            (
                t("井道在用地红线内", "Shaft inside the red line")
                if v["inside_red_line"]
                else t("井道超出用地红线", "Shaft crosses the red line"),
                black if v["inside_red_line"] else red,
            )
        )
    if "distance_to_neighbour_m" in v:
        dist = v["distance_to_neighbour_m"]
        out.append(
            (
                t(f"距相邻建筑 {fmt_num(dist)} m", f"To the nearest building {fmt_num(dist)} m"),
                red if dist < 6 else black,
            )
        )
    if "fire_lane_width_after_m" in v:
        fw = v["fire_lane_width_after_m"]
        out.append(
            (
                t(f"消防车道加梯后净宽 {fmt_num(fw)} m", f"Fire lane clear after {fmt_num(fw)} m"),
                red if fw < 4 else black,
            )
        )
    if "pipes_in_footprint" in v:
        p = v["pipes_in_footprint"]
        names = [t.pair(PIPE_LABELS.get(k, (k, k))) for k in p]
        out.append(
            (
                t("井道内管线：", "Pipes in the shaft: ")
                + (t("、", ", ").join(names) if names else t("无", "none")),
                red if "gas" in p else black,
            )
        )
    if v.get("occupies_private_courtyard"):
        out.append((t("井道占用私家庭院", "Shaft occupies a private yard"), red))
    if plan.windows:
        out.append(
            (
                t(
                    "窗：蓝 不受影响，橙 日照减少，红 降至标准以下",
                    "Windows: blue unaffected, orange loses sun, red falls below the standard",
                ),
                hex_color("#555555"),
            )
        )
    out.append(
        (
            t(
                f"比例约 1:{round(72 / 0.0254 / scale / 100) * 100:,}",
                f"Scale about 1:{round(72 / 0.0254 / scale / 100) * 100:,}",
            ),
            hex_color("#555555"),
        )
    )
    return out
