"""Charts for the printed documents: matplotlib (Agg), PNG bytes, Chinese labels.

Figures are built with :class:`matplotlib.figure.Figure` and the Agg canvas directly (no
pyplot: no global state, safe in a worker thread). Labels use the bundled font
(:func:`elevator_eval.fonts.setup_matplotlib`). Amounts are exact ``Decimal`` in the data
and converted to float only for drawing.
"""

from __future__ import annotations

import io
import threading
from decimal import Decimal

from .. import fonts
from .common import Tr, fmt_yuan

DPI = 200
_lock = threading.Lock()

CLASS_COLOURS = {"suitable": "#4C9F70", "difficult": "#E0A030", "unsuitable": "#C8553D"}


def _figure(width_in: float, height_in: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fonts.setup_matplotlib()
    fig = Figure(figsize=(width_in, height_in), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    return buf.getvalue()


def shares_by_floor_png(share, lang: str = "zh", width_in: float = 6.6,
                        height_in: float = 2.9) -> bytes:
    """Bar chart of each household's capital share [yuan], grouped by floor.

    Parameters
    ----------
    share : elevator_eval.costshare.ShareResult
    lang : "zh" or "en"

    Returns
    -------
    bytes
        PNG image at :data:`DPI`.
    """
    t = Tr(lang)
    households = sorted(share.households, key=lambda h: (h.floor, h.id))
    floors = sorted({h.floor for h in households})
    palette = ["#2F6EA5", "#5B9BD5"]
    with _lock:  # rcParams are global; draw one chart at a time
        fig = _figure(width_in, height_in)
        ax = fig.add_axes((0.11, 0.2, 0.87, 0.68))
        x, heights, colours, labels = [], [], [], []
        pos = 0.0
        centres = []
        for i, floor in enumerate(floors):
            group = [h for h in households if h.floor == floor]
            start = pos
            for h in group:
                x.append(pos)
                heights.append(float(h.share_yuan))
                colours.append(palette[i % 2])
                labels.append(h.id)
                pos += 1
            centres.append(((start + pos - 1) / 2, floor))
            pos += 0.6
        bars = ax.bar(x, heights, width=0.8, color=colours)
        many = len(x) > 16
        for bar, h in zip(bars, heights):
            if h:
                ax.annotate(fmt_yuan(Decimal(str(h))), (bar.get_x() + bar.get_width() / 2, h),
                            ha="center", va="bottom", fontsize=5.5 if many else 6.5,
                            rotation=90 if many else 0, xytext=(0, 1.5),
                            textcoords="offset points")
        ax.set_xticks(x)
        ax.set_xticklabels(labels, fontsize=6 if many else 7, rotation=90 if many else 0)
        for centre, floor in centres:
            ax.annotate(t(f"{floor}层", f"F{floor}"), (centre, 0), xycoords=("data", "axes fraction"),
                        xytext=(0, -22 if not many else -30), textcoords="offset points",
                        ha="center", va="top", fontsize=7.5, color="#333333")
        ax.set_ylabel(t("出资（元）", "Share (yuan)"), fontsize=8)
        ax.tick_params(axis="y", labelsize=7)
        ax.yaxis.set_major_formatter(
            __import__("matplotlib.ticker", fromlist=["FuncFormatter"]).FuncFormatter(
                lambda v, _p: f"{v:,.0f}"))
        ax.set_title(t("各户建设出资（按楼层）", "Capital share per household, by floor"),
                     fontsize=9.5)
        ax.spines[["top", "right"]].set_visible(False)
        top = max(heights) if heights and max(heights) > 0 else 1.0
        ax.set_ylim(min(0.0, min(heights or [0.0]) * 1.15), top * (1.3 if many else 1.15))
        ax.grid(axis="y", linewidth=0.3, alpha=0.6)
        return _png(fig)


def census_height_in(n_communities: int) -> float:
    """Figure height [in] of :func:`census_counts_png` for ``n`` communities."""
    return min(9.0, 1.6 + 0.3 * max(1, n_communities))


def census_counts_png(by_community: dict[str, dict[str, int]], lang: str = "zh",
                      width_in: float = 4.2, height_in: float | None = None) -> bytes:
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
            ax.barh(y, vals, left=left, color=CLASS_COLOURS[klass],
                    label=t.pair(CLASS_LABELS[klass]), height=0.62)
            for yi, l, v in zip(y, left, vals):
                if v:
                    ax.text(l + v / 2, yi, str(v), ha="center", va="center", fontsize=7,
                            color="white")
            left = [a + b for a, b in zip(left, vals)]
        ax.set_yticks(y)
        ax.set_yticklabels([n if len(n) <= 14 else n[:13] + "…" for n in names], fontsize=7.5)
        ax.set_xlabel(t("单元数", "Units"), fontsize=8)
        ax.tick_params(axis="x", labelsize=7)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.legend(fontsize=7, ncol=3, loc="lower center", bbox_to_anchor=(0.35, 1.0),
                  frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        return _png(fig)


def class_totals_png(by_class: dict[str, int], lang: str = "zh", width_in: float = 3.2,
                     height_in: float = 2.4) -> bytes:
    """Bar chart of the number of units in each class."""
    from ..suitability import CLASS_LABELS, CLASSES

    t = Tr(lang)
    with _lock:
        fig = _figure(width_in, height_in)
        ax = fig.add_axes((0.16, 0.16, 0.8, 0.7))
        vals = [by_class.get(k, 0) for k in CLASSES]
        bars = ax.bar([t.pair(CLASS_LABELS[k]) for k in CLASSES], vals,
                      color=[CLASS_COLOURS[k] for k in CLASSES], width=0.6)
        for b, v in zip(bars, vals):
            ax.annotate(str(v), (b.get_x() + b.get_width() / 2, v), ha="center", va="bottom",
                        fontsize=8, xytext=(0, 1.5), textcoords="offset points")
        ax.set_title(t("各类单元数", "Units per class"), fontsize=9)
        ax.tick_params(labelsize=7.5)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_ylim(0, max(vals + [1]) * 1.2)
        ax.spines[["top", "right"]].set_visible(False)
        return _png(fig)
