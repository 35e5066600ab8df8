"""Figures of the pre-installation valuation (matplotlib ``Figure`` objects, no pyplot):
the tornado around the most likely case and the Monte Carlo histogram."""

from __future__ import annotations

from matplotlib.figure import Figure

from ..errors import InputError
from .chart_fonts import setup_matplotlib
from ..preinstall import PreinstallResult, Tornado


def _chart_fonts() -> None:
    """Set up the bundled Chinese font for matplotlib."""
    setup_matplotlib()


def tornado_figure(data: Tornado | PreinstallResult, lang: str = "zh", max_bars: int = 10):
    """Draw the tornado into a new :class:`matplotlib.figure.Figure` (no pyplot).

    The bars show the net saving [yuan] with each input at its low and high value
    around the most likely case.
    """
    _chart_fonts()
    t = data.tornado if isinstance(data, PreinstallResult) else data
    if t is None:
        raise InputError("tornado", "the result has no tornado data")
    bars = t.bars[:max_bars][::-1]
    base = float(t.base_yuan)
    fig = Figure(figsize=(7.0, 0.45 * max(len(bars), 1) + 1.6), layout="constrained")
    ax = fig.add_subplot()
    for y, b in enumerate(bars):
        lo, hi = float(b.saving_at_low_yuan), float(b.saving_at_high_yuan)
        ax.barh(y, lo - base, left=base, color="#4C72B0", height=0.6)
        ax.barh(y, hi - base, left=base, color="#DD8452", height=0.6)
    ax.axvline(base, color="black", linewidth=0.8)
    ax.axvline(0, color="grey", linewidth=0.6, linestyle="--")
    ax.set_yticks(range(len(bars)), [b.title(lang) for b in bars])
    if lang == "zh":
        ax.set_xlabel("最可能情形的净节约（元，现值）")
        ax.set_title("敏感性分析（龙卷风图）：蓝=低值，橙=高值")
    else:
        ax.set_xlabel("net saving in the most likely case (yuan, present value)")
        ax.set_title("Tornado: blue = input at low, orange = input at high")
    return fig


def histogram_figure(result: PreinstallResult, lang: str = "zh"):
    """Draw the Monte Carlo distribution of the saving into a new
    :class:`matplotlib.figure.Figure` (no pyplot), with P10/P50/P90 and zero marked."""
    _chart_fonts()
    mc = result.monte_carlo
    if mc is None:
        raise InputError("monte_carlo", "the result has no Monte Carlo data")
    edges = mc.histogram_edges_yuan
    widths = [b - a for a, b in zip(edges, edges[1:])]
    fig = Figure(figsize=(7.0, 3.6), layout="constrained")
    ax = fig.add_subplot()
    ax.bar(edges[:-1], mc.histogram_counts, width=widths, align="edge", color="#4C72B0",
           edgecolor="white", linewidth=0.4)
    for q, name in ((mc.p10_yuan, "P10"), (mc.p50_yuan, "P50"), (mc.p90_yuan, "P90")):
        ax.axvline(float(q), color="#DD8452", linewidth=1.0)
        ax.annotate(name, (float(q), 1), xycoords=("data", "axes fraction"),
                    ha="center", va="bottom", fontsize=8)
    ax.axvline(0, color="grey", linewidth=0.8, linestyle="--")
    if lang == "zh":
        ax.set_xlabel("净节约（元，现值）")
        ax.set_ylabel("抽样次数")
        ax.set_title(f"蒙特卡洛 {mc.draws} 次：合算概率 {float(mc.probability_pays_off):.0%}",
                     pad=14)
    else:
        ax.set_xlabel("net saving (yuan, present value)")
        ax.set_ylabel("draws")
        ax.set_title(f"Monte Carlo, {mc.draws} draws: P(pays off) "
                     f"{float(mc.probability_pays_off):.0%}", pad=14)
    return fig
