"""Charts for the printed documents: matplotlib (Agg), PNG bytes, Chinese labels.

Figures are built with :class:`matplotlib.figure.Figure` and the Agg canvas directly (no
pyplot: no global state, safe in a worker thread). Labels use the bundled font
(:func:`elevator_eval.report.chart_fonts.setup_matplotlib`). Amounts are exact ``Decimal`` in
the data and converted to float only for drawing.
"""

from __future__ import annotations

import io
import threading

from .. import fonts
from ..palette import CLASS_COLOURS
from .chart_fonts import setup_matplotlib
from .common import Tr, fmt_yuan, hex_color

DPI = 200
_lock = threading.Lock()


def _figure(width_in: float, height_in: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    setup_matplotlib()
    fig = Figure(figsize=(width_in, height_in), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    return buf.getvalue()


def census_height_in(n_communities: int) -> float:
    """Figure height [in] of :func:`census_counts_png` for ``n`` communities."""
    return min(9.0, 1.6 + 0.3 * max(1, n_communities))


def census_counts_png(
    by_community: dict[str, dict[str, int]],
    lang: str = "zh",
    width_in: float = 4.2,
    height_in: float | None = None,
) -> bytes:
    """Horizontal stacked bars: units per class in each community.

    Parameters
    ----------
    by_community : dict
        ``{community name: {"suitable": n, "difficult": n, "unsuitable": n}}``.
    """
    from ..suitability import CLASS_LABELS, CLASSES

    t = Tr(lang)
    names = list(by_community)
    if height_in is None:
        height_in = census_height_in(len(names))
    with _lock:
        fig = _figure(width_in, height_in)
        bottom = 0.45 / height_in
        top = 0.5 / height_in
        ax = fig.add_axes((0.3, bottom, 0.66, 1 - bottom - top))
        y = list(range(len(names)))[::-1]
        left = [0] * len(names)
        for klass in CLASSES:
            vals = [by_community[n].get(klass, 0) for n in names]
            ax.barh(
                y,
                vals,
                left=left,
                color=CLASS_COLOURS[klass],
                label=t.pair(CLASS_LABELS[klass]),
                height=0.62,
            )
            for yi, lo, v in zip(y, left, vals):
                if v:
                    ax.text(
                        lo + v / 2, yi, str(v), ha="center", va="center", fontsize=7, color="white"
                    )
            left = [a + b for a, b in zip(left, vals)]
        ax.set_yticks(y)
        ax.set_yticklabels([n if len(n) <= 14 else n[:13] + "…" for n in names], fontsize=7.5)
        ax.set_xlabel(t("单元数", "Units"), fontsize=8)
        ax.tick_params(axis="x", labelsize=7)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.legend(fontsize=7, ncol=3, loc="lower center", bbox_to_anchor=(0.35, 1.0), frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        return _png(fig)


def class_totals_png(
    by_class: dict[str, int], lang: str = "zh", width_in: float = 3.2, height_in: float = 2.4
) -> bytes:
    """Bar chart of the number of units in each class."""
    from ..suitability import CLASS_LABELS, CLASSES

    t = Tr(lang)
    with _lock:
        fig = _figure(width_in, height_in)
        ax = fig.add_axes((0.16, 0.16, 0.8, 0.7))
        vals = [by_class.get(k, 0) for k in CLASSES]
        bars = ax.bar(
            [t.pair(CLASS_LABELS[k]) for k in CLASSES],
            vals,
            color=[CLASS_COLOURS[k] for k in CLASSES],
            width=0.6,
        )
        for b, v in zip(bars, vals):
            ax.annotate(
                str(v),
                (b.get_x() + b.get_width() / 2, v),
                ha="center",
                va="bottom",
                fontsize=8,
                xytext=(0, 1.5),
                textcoords="offset points",
            )
        ax.set_title(t("各类单元数", "Units per class"), fontsize=9)
        ax.tick_params(labelsize=7.5)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_ylim(0, max(vals + [1]) * 1.2)
        ax.spines[["top", "right"]].set_visible(False)
        return _png(fig)


def _nice_step(top: float, ticks: int = 5) -> float:
    """A 1-2-5 step giving about ``ticks`` intervals up to ``top``."""
    import math

    if top <= 0:
        return 1.0
    raw = top / ticks
    exp = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * exp >= raw:
            return m * exp
    return 10 * exp


def shares_by_floor_drawing(share, width_pt: float, height_pt: float, lang: str = "zh"):
    """The shares-by-floor bar chart as vector graphics (reportlab ``Drawing``).

    Same content as :func:`shares_by_floor_png`, drawn natively: about ten times faster
    than rendering a matplotlib figure, sharp at any zoom, and its numbers are real PDF text.
    The proposal uses this one; the PNG is for the desktop app and exports.

    Parameters
    ----------
    share : elevator_eval.costshare_result.ShareResult
    width_pt, height_pt : float
        Size [pt].
    """
    from reportlab.graphics.shapes import Line, String
    from reportlab.lib import colors

    from .lean_drawing import LeanDrawing
    from .money_rows import display_shares

    t = Tr(lang)
    font = fonts.register_reportlab()
    # contributions only: compensation received is printed on its own line, never as a
    # negative bar
    paid = dict(zip((h.id for h in share.households), display_shares(share)[0]))
    hs = sorted(share.households, key=lambda h: (h.floor, h.id))
    many = len(hs) > 16
    d = LeanDrawing(width_pt, height_pt)
    left, right, top_pad = 50.0, 8.0, 22.0
    bottom = 44.0 if not many else 56.0
    plot_w = width_pt - left - right
    plot_h = height_pt - bottom - top_pad
    values = [float(paid[h.id]) for h in hs]
    vmax = max(values + [0.0])
    vmin = min(values + [0.0])
    step = _nice_step(vmax * 1.1 if vmax > 0 else 1.0)
    ymax = step * (int(vmax * 1.12 / step) + 1) if vmax > 0 else step
    ymin = -step * (int(-vmin / step) + 1) if vmin < 0 else 0.0

    def Y(v: float) -> float:
        return bottom + (v - ymin) / (ymax - ymin) * plot_h

    d.add(
        String(
            width_pt / 2,
            height_pt - 14,
            t("各户建设出资（按楼层）", "Capital share per household, by floor"),
            fontName=font,
            fontSize=9.5,
            textAnchor="middle",
        )
    )
    _value_axis(d, font, t, Y, (ymin, ymax, step), (left, bottom, plot_w, plot_h))
    _floor_bars(d, font, t, hs, paid, Y, (left, bottom, plot_w), many)
    d.add(Line(left, Y(0.0), left + plot_w, Y(0.0), strokeColor=colors.black, strokeWidth=0.6))
    d.add(Line(left, bottom, left, bottom + plot_h, strokeColor=colors.black, strokeWidth=0.6))
    return d


def _value_axis(
    d,
    font: str,
    t: Tr,
    Y,
    scale: tuple[float, float, float],
    box: tuple[float, float, float, float],
) -> None:
    """Grid lines with their values [yuan] from ``ymin`` to ``ymax`` by ``step``, and the
    axis title; ``box`` is the plot's left, bottom, width and height [pt]."""
    from reportlab.graphics.shapes import Group, Line, String

    ymin, ymax, step = scale
    left, bottom, plot_w, plot_h = box
    grid = hex_color("#D9D9D9")
    v = ymin
    while v <= ymax + 1e-9:
        y = Y(v)
        d.add(Line(left, y, left + plot_w, y, strokeColor=grid, strokeWidth=0.4))
        d.add(String(left - 4, y - 2.5, f"{v:,.0f}", fontName=font, fontSize=6.5, textAnchor="end"))
        v += step
    label = Group(
        String(
            0, 0, t("出资（元）", "Share (yuan)"), fontName=font, fontSize=7.5, textAnchor="middle"
        )
    )
    label.translate(12, bottom + plot_h / 2)
    label.rotate(90)
    d.add(label)


def _floor_bars(
    d, font: str, t: Tr, hs, paid, Y, box: tuple[float, float, float], many: bool
) -> None:
    """One bar per household grouped by floor, floors told apart by colour and a gap, each
    group named under the axis; ``box`` is the plot's left, bottom and width [pt]."""
    from reportlab.graphics.shapes import String

    left, bottom, plot_w = box
    floors = sorted({h.floor for h in hs})
    slots = len(hs) + 0.6 * (len(floors) - 1)
    slot_w = plot_w / max(slots, 1)
    palette = [hex_color("#2F6EA5"), hex_color("#5B9BD5")]
    x = left
    for i, floor in enumerate(floors):
        start = x
        for h in (h for h in hs if h.floor == floor):
            _bar(d, font, h.id, paid[h.id], Y, (x, slot_w, bottom), palette[i % 2], many)
            x += slot_w
        centre = (start + x) / 2
        d.add(
            String(
                centre,
                bottom - (24 if not many else 40),
                t(f"{floor}层", f"F{floor}"),
                fontName=font,
                fontSize=7.5,
                textAnchor="middle",
                fillColor=hex_color("#333333"),
            )
        )
        x += slot_w * 0.6


def _bar(
    d, font: str, door_id: str, amount, Y, slot: tuple[float, float, float], colour, many: bool
) -> None:
    """One household's bar in the slot at ``x`` of ``slot_w`` [pt] above ``bottom``, its
    amount [yuan] over it and its door under the axis (turned upright when ``many``)."""
    from reportlab.graphics.shapes import Group, Rect, String
    from reportlab.lib import colors

    from .common import plain

    x, slot_w, bottom = slot
    bar_w = slot_w * 0.78
    val = float(amount)
    y0, y1 = Y(0.0), Y(val)
    d.add(
        Rect(
            x + (slot_w - bar_w) / 2,
            min(y0, y1),
            bar_w,
            abs(y1 - y0),
            fillColor=colour,
            strokeColor=None,
        )
    )
    cx = x + slot_w / 2
    if val:
        text = fmt_yuan(amount)
        if many:
            g = Group(String(0, 0, text, fontName=font, fontSize=5.5))
            g.translate(cx + 2, max(y0, y1) + 2)
            g.rotate(90)
            d.add(g)
        else:
            # a white ground under the value keeps the grid lines off the label
            from reportlab.pdfbase.pdfmetrics import stringWidth

            tw = stringWidth(text, font, 6)
            d.add(
                Rect(
                    cx - tw / 2 - 1,
                    max(y0, y1) + 1,
                    tw + 2,
                    7.5,
                    fillColor=colors.white,
                    strokeColor=None,
                )
            )
            d.add(String(cx, max(y0, y1) + 2, text, fontName=font, fontSize=6, textAnchor="middle"))
    door = plain(door_id)
    if many:
        g = Group(String(0, 0, door[:8], fontName=font, fontSize=5.5, textAnchor="end"))
        g.translate(cx + 2, bottom - 3)
        g.rotate(90)
        d.add(g)
    else:
        d.add(String(cx, bottom - 10, door[:8], fontName=font, fontSize=6.5, textAnchor="middle"))


def png_image(png: bytes, width: float, height: float):
    """A platypus Image from PNG bytes, scaled to ``width`` × ``height`` points."""
    import io

    from reportlab.platypus import Image

    return Image(io.BytesIO(png), width=width, height=height)
