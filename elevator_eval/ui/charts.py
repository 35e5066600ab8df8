"""Charts in the window: ``matplotlib.figure.Figure`` on a ``FigureCanvasQTAgg``.

matplotlib is imported the first time a chart is drawn (never at start-up, never pyplot).
Values are converted to float for drawing only; the numbers come from the engines.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget


class ChartWidget(QWidget):
    """A lazily created matplotlib canvas. Call :meth:`figure` then :meth:`draw`."""

    def __init__(self, parent=None, min_height: int = 220):
        super().__init__(parent)
        self._canvas = None
        self._fig = None
        self.setMinimumHeight(min_height)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.draw_count = 0
        self.last_data: object = None

    def figure(self):
        if self._fig is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            from ..report.chart_fonts import setup_matplotlib

            setup_matplotlib()
            self._fig = Figure(figsize=(5, 3), dpi=100, layout="constrained")
            self._canvas = FigureCanvasQTAgg(self._fig)
            self._layout.addWidget(self._canvas)
        self._fig.clear()
        return self._fig

    @property
    def drawn(self):
        """The figure as last drawn (None before the first chart); :meth:`figure` clears it
        for a new chart."""
        return self._fig

    def draw(self) -> None:
        if self._canvas is not None:
            self._canvas.draw_idle()
            self.draw_count += 1


def bar_chart(
    widget: ChartWidget,
    labels: list[str],
    values: list,
    title: str,
    ylabel: str,
    colours=None,
    groups: list[tuple[str, list]] | None = None,
) -> None:
    """Bars (one series) or grouped bars (``groups`` = [(name, values)])."""
    fig = widget.figure()
    ax = fig.add_subplot(111)
    if groups:
        n = len(groups)
        width = 0.8 / max(n, 1)
        for i, (name, vals) in enumerate(groups):
            xs = [j + (i - (n - 1) / 2) * width for j in range(len(labels))]
            ax.bar(xs, [float(v) for v in vals], width=width, label=name)
        ax.legend(fontsize=7)
        widget.last_data = [(name, [float(v) for v in vals]) for name, vals in groups]
    else:
        ax.bar(range(len(labels)), [float(v) for v in values], color=colours or "#2F6EA5")
        widget.last_data = [float(v) for v in values]
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(labels, fontsize=7, rotation=90 if len(labels) > 14 else 0)
    ax.set_title(title, fontsize=9)
    ax.set_ylabel(ylabel, fontsize=8)
    ax.tick_params(axis="y", labelsize=7)
    ax.grid(axis="y", linewidth=0.3, alpha=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    grouped_thousands(ax)
    widget.draw()


def line_chart(
    widget: ChartWidget,
    xs: list,
    series: list[tuple[str, list]],
    title: str,
    xlabel: str,
    ylabel: str,
) -> None:
    fig = widget.figure()
    ax = fig.add_subplot(111)
    for name, ys in series:
        ax.plot([float(x) for x in xs], [float(y) for y in ys], label=name, marker=".")
    if len(series) > 1:
        ax.legend(fontsize=7)
    ax.set_title(title, fontsize=9)
    ax.set_xlabel(xlabel, fontsize=8)
    ax.set_ylabel(ylabel, fontsize=8)
    ax.tick_params(labelsize=7)
    ax.grid(linewidth=0.3, alpha=0.6)
    grouped_thousands(ax)
    widget.last_data = series
    widget.draw()


def grouped_thousands(ax) -> None:
    """Amounts of 1,000 and more on the y axis with thousands separators (40,000, as the
    tables beside the charts write them, not 40000); smaller scales keep their ticks."""
    lo, hi = ax.get_ylim()
    if max(abs(lo), abs(hi)) >= 1000:
        from matplotlib.ticker import FuncFormatter

        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
