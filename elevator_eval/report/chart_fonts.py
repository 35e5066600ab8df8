"""The bundled Chinese font for matplotlib charts (documents and the app's chart widgets).

Figures belong to the report and ui layers: the core computes figures' data, never draws
them, so the matplotlib set-up lives here rather than in :mod:`elevator_eval.fonts`
(which keeps the font files, their names and the reportlab registration).
"""

from __future__ import annotations

import threading

from ..fonts import FONT_FAMILY, SUPPLEMENT_FAMILY, font_path, supplement_path

_lock = threading.Lock()
_added: set[str] = set()


def setup_matplotlib() -> str:
    """Make matplotlib draw text with the bundled font; return the family name.

    Adds the file to matplotlib's font manager directly (no font cache involved), puts the
    family first in ``font.family`` and ``font.sans-serif``, then the supplement and DejaVu
    Sans as per-glyph fallbacks, and turns off the Unicode minus sign (the font's own
    hyphen-minus is used instead). Idempotent and thread-safe.
    """
    import matplotlib  # imported when a chart is first drawn: start-up does not need it
    from matplotlib import font_manager

    with _lock:
        if "fonts" not in _added:
            known = {f.name for f in font_manager.fontManager.ttflist}
            if FONT_FAMILY not in known:
                font_manager.fontManager.addfont(str(font_path()))
            if SUPPLEMENT_FAMILY not in known:
                font_manager.fontManager.addfont(str(supplement_path()))
            _added.add("fonts")
        rc = matplotlib.rcParams
        # An explicit family list: matplotlib falls back glyph by glyph along it (the
        # generic "sans-serif" alias alone would not reach the supplement).
        rc["font.family"] = [FONT_FAMILY, SUPPLEMENT_FAMILY, "DejaVu Sans"]
        rc["font.sans-serif"] = [FONT_FAMILY, SUPPLEMENT_FAMILY, "DejaVu Sans"]
        rc["axes.unicode_minus"] = False
    return FONT_FAMILY
