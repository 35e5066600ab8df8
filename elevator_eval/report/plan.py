"""Schematic site plan of one unit, drawn from the site survey (reportlab graphics).

What is drawn (plan view, the elevator side of the building at the bottom):

- the building outline (schematic: about 7 m of frontage per household on a floor, 10 m
  deep; the survey does not record the outline) with the unit's stairwell in the middle;
- the shaft at the footprint of the smallest shaft for the entry mode
  (:func:`elevator_eval.spatial.smallest_shaft_m`), drawn to scale;
- the surveyed clear space ``site.footprint_available_m`` dashed around it (red when the
  shaft does not fit);
- for flat entry (平层入户) a corridor (连廊) of ``site.corridor_depth_m`` (2.0 m when not
  surveyed, the Xiangyang rule in the geometry reference §3) between shaft and facade; for
  half-landing entry (半层入户) the shaft sits against the stairwell wall;
- the fire lane band with the clear width left, the distance to the neighbour, the pipes in
  the footprint, and a scale bar.

Text is drawn with ``String`` (no markup), so data never needs escaping here.
"""

from __future__ import annotations

from decimal import Decimal

from .. import fonts, vocabulary
from ..site.sunlight_rules import STANDARD
from .common import Tr, fmt_num, hex_color, plain
from .drawing_text import wrap_label

BUILDING_DEPTH_M = Decimal("10")
FRONTAGE_PER_HOUSEHOLD_M = Decimal("7")
STAIR_WIDTH_M = Decimal("2.6")
STAIR_DEPTH_M = Decimal("5.2")
DEFAULT_CORRIDOR_M = Decimal("2.0")
FIRE_LANE_DRAW_M = Decimal("2.5")  # drawn height of the fire-lane band (label gives the width)

PIPE_LABELS = {
    code: (vocabulary.label("pipes", code, "zh"), vocabulary.label("pipes", code, "en"))
    for code in ("gas", "water", "drainage", "power", "telecom", "heating", "other")
}
ENTRY_LABELS = vocabulary.pairs("entry_modes")


def unit_checks(unit) -> dict:
    """The suitability checks of ``unit`` without its project (its own choice of a shipped
    ruleset, else the default). A document of a project passes the checks of the rules in
    force (:func:`elevator_eval.rulebook.resolve` with the project) instead."""
    from ..rulebook import resolve

    return resolve(None, unit).suitability.checks


def shaft_placement(unit, checks: dict) -> tuple[Decimal, Decimal, bool | None, bool]:
    """Shaft (width, depth) [m] as drawn: the smallest shaft for the unit's entry mode under
    ``checks`` (the suitability checks in force), whether it fits the surveyed clear space
    (``None`` = not surveyed) and whether it is turned by 90° to fit (when the checks
    allow turning)."""
    from ..spatial import smallest_shaft_m

    w, d = smallest_shaft_m(unit.site.entry_mode, checks)
    fp = unit.site.footprint_available_m
    if fp is None:
        return w, d, None, False
    aw, ad = Decimal(fp[0]), Decimal(fp[1])
    if aw >= w and ad >= d:
        return w, d, True, False
    turn = bool(checks["footprint_small"].get("allow_rotation", True))
    if turn and aw >= d and ad >= w:
        return d, w, True, True
    return w, d, False, False


PLAN_TITLES = {
    True: ("总平面图", "Site plan"),
    False: ("平面示意图", "Schematic plan"),
}
"""The plan's title in a document: a site plan when it is drawn to scale from the unit's
measured plan, a schematic otherwise (:func:`drawn_to_scale`)."""


def drawn_to_scale(unit, standard: str = STANDARD) -> bool:
    """Whether :func:`plan_drawing` draws ``unit`` to scale (a plan with a shaft);
    ``standard`` is the sunlight standard the document measures the plan under."""
    from ..site.measure import measured_plan

    sp = measured_plan(unit.site, standard)
    return sp is not None and sp.shaft is not None


def plan_title(unit, t: Tr, standard: str = STANDARD) -> str:
    """``总平面图`` / ``Site plan`` or ``平面示意图`` / ``Schematic plan`` (see
    :data:`PLAN_TITLES`)."""
    return t.pair(PLAN_TITLES[drawn_to_scale(unit, standard)])


def plan_drawing(
    unit,
    width_pt: float,
    height_pt: float = 250,
    lang: str = "zh",
    checks: dict | None = None,
    standard: str = STANDARD,
):
    """A :class:`reportlab.graphics.shapes.Drawing` of the unit's schematic plan.

    Parameters
    ----------
    unit : Unit
    width_pt, height_pt : float
        Size of the drawing [pt].
    lang : "zh" or "en"
    checks : dict, optional
        The suitability checks in force for the unit (``RuleBundle.suitability.checks``):
        the schematic draws the smallest shaft and colours the fire lane and the distance
        to the neighbour by the same limits as the findings. Default: :func:`unit_checks`.
    standard : str
        The sunlight standard in force (``RuleBundle.sunlight_standard.name``): a plan
        drawn to scale colours its windows by the sunlight measured under it.
    """
    from reportlab.graphics.shapes import Rect

    from ..site.measure import measure_site, measured_plan
    from .lean_drawing import LeanDrawing

    if drawn_to_scale(unit, standard):  # drawn from the plan's geometry, to scale
        from .site_drawing import site_plan_drawing

        sp = measured_plan(unit.site, standard)  # parsed and measured once per plan (cached)
        measured = measure_site(unit.site, standard)
        return site_plan_drawing(sp, measured, width_pt, max(height_pt, 300), lang)
    t = Tr(lang)
    g = _Scheme(unit, unit_checks(unit) if checks is None else checks)
    site = unit.site
    # metres -> points: fit the extent into the drawing, leaving room for the legend
    legend_w = width_pt * 0.30
    margin = 14.0
    ext_x = float(g.bld_len) + 2
    ext_y = float(g.bld_depth + g.out_depth + g.lane) + 2
    scale = min((width_pt - legend_w - 2 * margin) / ext_x, (height_pt - 2 * margin) / ext_y)
    # y of the facade with the elevator: everything outside it (corridor, shaft, clear
    # space, fire lane) is drawn below, so leave room for it
    oy = margin + float(g.out_depth + g.lane) * scale + 6
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
    pen = _SchemePen(d, margin + 8, oy, scale)
    _building(pen, g, t)
    _shaft(pen, g, site, t)
    _pipes_and_red_line(pen, g, site, t)
    if site.fire_lane_width_after_m is not None:
        _fire_lane(pen, g, site, t)
    _scale_bar(pen, g)
    # legend on the right
    lx = width_pt - legend_w + 4
    ly = height_pt - 16
    lines = _legend_lines(site, g, t)
    for text, colour in lines:
        for chunk in wrap_label(text, pen.font, 7, legend_w - 10):
            pen.label(lx, ly, chunk, 7, "start", colour)
            ly -= 10
        ly -= 2
    return d


class _Scheme:
    """The schematic's sizes [m]: building, shaft, corridor, clear space, fire lane."""

    def __init__(self, unit, checks: dict):
        site = unit.site
        self.checks = checks
        per_floor = max(
            [
                sum(1 for h in unit.households if h.floor == f)
                for f in {h.floor for h in unit.households}
            ]
            or [2]
        )
        self.per_floor = max(per_floor, 2)
        self.bld_len = FRONTAGE_PER_HOUSEHOLD_M * self.per_floor + STAIR_WIDTH_M
        self.bld_depth = BUILDING_DEPTH_M
        self.shaft_w, self.shaft_d, self.fits, self.rotated = shaft_placement(unit, checks)
        self.flat = site.entry_mode == "flat"
        self.corridor = (
            (site.corridor_depth_m if site.corridor_depth_m is not None else DEFAULT_CORRIDOR_M)
            if self.flat
            else Decimal("0")
        )
        fp = site.footprint_available_m
        self.avail_w, self.avail_d = fp if fp is not None else (None, None)
        self.out_depth = self.corridor + max(self.shaft_d, self.avail_d or Decimal(0))
        self.lane = FIRE_LANE_DRAW_M if site.fire_lane_width_after_m is not None else Decimal(0)
        self.sx0 = (self.bld_len - STAIR_WIDTH_M) / 2
        self.cx = self.bld_len / 2


class _SchemePen:
    """Draws schematic metres into ``d``: x from the building's left end, y up into the
    building from the elevator facade (negative towards the shaft), ``scale`` pt per m."""

    def __init__(self, d, ox: float, oy: float, scale: float):

        self.d, self.ox, self.oy, self.scale = d, ox, oy, scale
        self.font = fonts.register_reportlab()
        self.grey = hex_color("#606060")

    def X(self, m) -> float:
        return self.ox + float(m) * self.scale

    def Y(self, m) -> float:
        return self.oy + float(m) * self.scale

    def label(self, x, y, text, size=7, anchor="middle", colour=None):
        from reportlab.graphics.shapes import String
        from reportlab.lib import colors

        self.d.add(
            String(
                x,
                y,
                plain(text),
                fontName=self.font,
                fontSize=size,
                textAnchor=anchor,
                fillColor=colors.black if colour is None else colour,
            )
        )


def _building(pen: _SchemePen, g: _Scheme, t: Tr) -> None:
    """The building outline, the stairwell with its treads, the household partitions."""
    from reportlab.graphics.shapes import Line, Rect
    from reportlab.lib import colors

    X, Y, d, grey, scale, sx0 = pen.X, pen.Y, pen.d, pen.grey, pen.scale, g.sx0
    d.add(
        Rect(
            X(0),
            Y(0),
            float(g.bld_len) * scale,
            float(g.bld_depth) * scale,
            strokeColor=colors.black,
            strokeWidth=1.2,
            fillColor=hex_color("#EEF1F5"),
        )
    )
    d.add(
        Rect(
            X(sx0),
            Y(0),
            float(STAIR_WIDTH_M) * scale,
            float(STAIR_DEPTH_M) * scale,
            strokeColor=colors.black,
            strokeWidth=0.8,
            fillColor=hex_color("#FFFFFF"),
        )
    )
    steps = 8
    for i in range(1, steps):
        yy = Y(STAIR_DEPTH_M * i / steps)
        d.add(Line(X(sx0), yy, X(sx0 + STAIR_WIDTH_M / 2), yy, strokeColor=grey, strokeWidth=0.3))
        d.add(
            Line(
                X(sx0 + STAIR_WIDTH_M / 2),
                yy,
                X(sx0 + STAIR_WIDTH_M),
                yy,
                strokeColor=grey,
                strokeWidth=0.3,
            )
        )
    d.add(
        Line(
            X(sx0 + STAIR_WIDTH_M / 2),
            Y(0),
            X(sx0 + STAIR_WIDTH_M / 2),
            Y(STAIR_DEPTH_M),
            strokeColor=grey,
            strokeWidth=0.5,
        )
    )
    pen.label(X(sx0 + STAIR_WIDTH_M / 2), Y(STAIR_DEPTH_M) + 3, t("楼梯间", "stairwell"), 7)
    pen.label(
        X(g.bld_len / 2),
        Y(g.bld_depth) - 12,
        t(f"楼栋（示意，{g.per_floor} 户/层）", f"building (schematic, {g.per_floor} per floor)"),
        7.5,
    )
    # household blocks either side of the stair
    for side in (0, 1):
        n = g.per_floor // 2 + (g.per_floor % 2 if side == 0 else 0)
        if n <= 0:
            continue
        span = sx0 if side == 0 else g.bld_len - sx0 - STAIR_WIDTH_M
        start = Decimal(0) if side == 0 else sx0 + STAIR_WIDTH_M
        for k in range(1, n):
            xx = X(start + span * k / n)
            d.add(
                Line(
                    xx,
                    Y(0),
                    xx,
                    Y(g.bld_depth),
                    strokeColor=grey,
                    strokeWidth=0.3,
                    strokeDashArray=[2, 2],
                )
            )


def _shaft(pen: _SchemePen, g: _Scheme, site, t: Tr) -> None:
    """The corridor (flat entry), the shaft crossed, the surveyed clear space dashed."""
    from reportlab.graphics.shapes import Line, Rect
    from reportlab.lib import colors

    X, Y, d, scale = pen.X, pen.Y, pen.d, pen.scale
    cx, corridor, shaft_w, shaft_d = g.cx, g.corridor, g.shaft_w, g.shaft_d
    if g.flat:
        cw = STAIR_WIDTH_M + Decimal("2.4")
        d.add(
            Rect(
                X(cx - cw / 2),
                Y(-corridor),
                float(cw) * scale,
                float(corridor) * scale,
                strokeColor=hex_color("#3A6EA5"),
                strokeWidth=0.6,
                fillColor=hex_color("#DCE9F7"),
            )
        )
        pen.label(
            X(cx + cw / 2) + 3,
            Y(-corridor / 2) - 2,
            t(f"连廊 深 {fmt_num(corridor)} m", f"corridor {fmt_num(corridor)} m deep")
            + ("" if site.corridor_depth_m is not None else t("（默认）", " (default)")),
            6.5,
            "start",
            hex_color("#1F4E79"),
        )
    d.add(
        Rect(
            X(cx - shaft_w / 2),
            Y(-corridor - shaft_d),
            float(shaft_w) * scale,
            float(shaft_d) * scale,
            strokeColor=colors.black,
            strokeWidth=1.0,
            fillColor=hex_color("#FCE4C4"),
        )
    )
    # cross in the shaft (plan symbol of a lift well)
    d.add(
        Line(
            X(cx - shaft_w / 2),
            Y(-corridor - shaft_d),
            X(cx + shaft_w / 2),
            Y(-corridor),
            strokeColor=pen.grey,
            strokeWidth=0.4,
        )
    )
    d.add(
        Line(
            X(cx - shaft_w / 2),
            Y(-corridor),
            X(cx + shaft_w / 2),
            Y(-corridor - shaft_d),
            strokeColor=pen.grey,
            strokeWidth=0.4,
        )
    )
    # the clear space on top of the shaft so that it shows even when smaller
    if g.avail_w is not None:
        colour = hex_color("#2E7D32") if g.fits else hex_color("#C62828")
        d.add(
            Rect(
                X(cx - g.avail_w / 2),
                Y(-corridor - g.avail_d),
                float(g.avail_w) * scale,
                float(g.avail_d) * scale,
                strokeColor=colour,
                strokeWidth=0.8,
                fillColor=None,
                strokeDashArray=[3, 2],
            )
        )
    pen.label(
        X(cx - max(shaft_w, g.avail_w or 0) / 2) - 3,
        Y(-corridor - shaft_d / 4) - 3,
        t("井道", "shaft"),
        7.5,
        "end",
    )


def _pipes_and_red_line(pen: _SchemePen, g: _Scheme, site, t: Tr) -> None:
    """Pipes crossing the footprint (up to four), and the site red line when the shaft
    crosses it."""
    from reportlab.graphics.shapes import Line

    X, Y, d, cx, corridor = pen.X, pen.Y, pen.d, g.cx, g.corridor
    pipes = site.pipes_in_footprint or []
    span_w = max(g.shaft_w, g.avail_w or 0)
    span_d = max(g.shaft_d, g.avail_d or 0)
    for k, pipe in enumerate(pipes[:4]):
        yy = Y(-corridor - span_d * Decimal("0.6") * (k + 1) / (min(len(pipes), 4) + 1))
        colour = hex_color("#C62828") if pipe == "gas" else hex_color("#1565C0")
        d.add(
            Line(
                X(cx - span_w / 2 - Decimal("0.8")),
                yy,
                X(cx + span_w / 2 + Decimal("0.8")),
                yy,
                strokeColor=colour,
                strokeWidth=0.9,
                strokeDashArray=[4, 1.5],
            )
        )
        pen.label(
            X(cx + span_w / 2 + Decimal("0.9")),
            yy - 2.5,
            t.pair(PIPE_LABELS.get(pipe, (pipe, pipe))),
            6,
            "start",
            colour,
        )
    if site.inside_red_line is False:
        yy = Y(-corridor - span_d * Decimal("0.85"))
        red = hex_color("#C62828")
        d.add(
            Line(
                X(-0.5),
                yy,
                X(g.bld_len + Decimal("0.5")),
                yy,
                strokeColor=red,
                strokeWidth=1.0,
                strokeDashArray=[8, 2, 1.5, 2],
            )
        )
        pen.label(
            X(g.bld_len + Decimal("0.5")),
            yy + 3,
            t("用地红线（井道越线）", "site red line (shaft crosses it)"),
            6.5,
            "end",
            red,
        )


def _fire_lane(pen: _SchemePen, g: _Scheme, site, t: Tr) -> None:
    """The fire lane band, its clear width after the works against the required one."""
    from reportlab.graphics.shapes import Rect

    X, Y, scale = pen.X, pen.Y, pen.scale
    low = Y(-g.corridor - max(g.shaft_d, g.avail_d or 0)) - 4
    pen.d.add(
        Rect(
            X(-0.5),
            low - float(FIRE_LANE_DRAW_M) * scale,
            float(g.bld_len + 1) * scale,
            float(FIRE_LANE_DRAW_M) * scale,
            strokeColor=None,
            fillColor=hex_color("#FFF3F0"),
        )
    )
    lane_min_m = Decimal(str(g.checks["fire_lane_narrow"]["min_width_m"]))
    ok = site.fire_lane_width_after_m >= lane_min_m
    pen.label(
        X(1),
        low - float(FIRE_LANE_DRAW_M) * scale / 2 - 2,
        t(
            f"消防车道：加梯后净宽 {fmt_num(site.fire_lane_width_after_m)} m"
            f"（要求 ≥ {fmt_num(lane_min_m)} m）",
            f"fire lane: {fmt_num(site.fire_lane_width_after_m)} m clear after works "
            f"(≥ {fmt_num(lane_min_m)} m required)",
        ),
        6.5,
        "start",
        hex_color("#2E7D32") if ok else hex_color("#C62828"),
    )


def _scale_bar(pen: _SchemePen, g: _Scheme) -> None:
    """A 5 m scale bar above the building's right end."""
    from reportlab.graphics.shapes import Line
    from reportlab.lib import colors

    d, scale = pen.d, pen.scale
    bar_m = 5
    bx, by = pen.X(g.bld_len) - bar_m * scale, pen.Y(g.bld_depth) + 6
    d.add(Line(bx, by, bx + bar_m * scale, by, strokeColor=colors.black, strokeWidth=1))
    d.add(Line(bx, by - 2, bx, by + 2, strokeColor=colors.black, strokeWidth=0.8))
    d.add(
        Line(
            bx + bar_m * scale,
            by - 2,
            bx + bar_m * scale,
            by + 2,
            strokeColor=colors.black,
            strokeWidth=0.8,
        )
    )
    pen.label(bx + bar_m * scale / 2, by + 3, "5 m", 6.5)


def _legend_lines(site, g: _Scheme, t: Tr):
    from reportlab.lib import colors

    shaft_w, shaft_d, fits, rotated = g.shaft_w, g.shaft_d, g.fits, g.rotated
    black = colors.black
    red = hex_color("#C62828")
    out = []
    mode = site.entry_mode
    out.append(
        (
            t("入户方式：", "Entry: ")
            + (t.pair(ENTRY_LABELS[mode]) if mode in ENTRY_LABELS else t("未调查", "not surveyed")),
            black,
        )
    )
    out.append(
        (
            t(
                f"井道（实线）：{_dims(shaft_w, shaft_d)}，最小尺寸",
                f"Shaft (solid): {_dims(shaft_w, shaft_d)}, smallest",
            )
            + (t("（旋转 90° 放置）", " (turned 90°)") if rotated else ""),
            black,
        )
    )
    fp = site.footprint_available_m
    if fp is None:
        out.append((t("可用场地：未调查", "Clear space: not surveyed"), black))
    else:
        out.append(
            (
                t(
                    f"可用场地（虚线）：{_dims(fp[0], fp[1])}",
                    f"Clear space (dashed): {_dims(fp[0], fp[1])}",
                )
                + ("" if fits else t("，放不下", ", too small")),
                black if fits else red,
            )
        )
    if site.distance_to_neighbour_m is not None:
        near = site.distance_to_neighbour_m < Decimal(
            str(g.checks["neighbour_close"]["min_distance_m"])
        )
        out.append(
            (
                t(
                    f"距相邻建筑：{fmt_num(site.distance_to_neighbour_m)} m",
                    f"To neighbour: {fmt_num(site.distance_to_neighbour_m)} m",
                ),
                red if near else black,
            )
        )
    pipes = site.pipes_in_footprint
    if pipes is None:
        out.append((t("场地管线：未调查", "Pipes: not surveyed"), black))
    elif not pipes:
        out.append((t("场地管线：无", "Pipes: none"), black))
    else:
        names = [t.pair(PIPE_LABELS.get(p, (p, p))) for p in pipes]
        out.append(
            (
                t("场地管线：", "Pipes: ") + t("、", ", ").join(names),
                red if "gas" in pipes else black,
            )
        )
    if site.inside_red_line is False:
        out.append((t("超出用地红线", "Outside the site red line"), red))
    if site.occupies_private_courtyard:
        out.append((t("占用底层私家庭院", "Occupies a private courtyard"), red))
    out.append(
        (
            t(
                "示意图：井道与场地按比例，楼栋轮廓为示意，非施工图。",
                "Schematic: shaft and clear space to scale, building outline indicative; "
                "not a construction drawing.",
            ),
            hex_color("#555555"),
        )
    )
    return out


def _dims(w, d) -> str:
    """``2.6×2.4 m`` with no-break spaces, so a legend line never breaks inside it."""
    return f"{fmt_num(w)}\u00a0×\u00a0{fmt_num(d)}\u00a0m"
