"""The suitability classes' colours, one table for the window and the printed documents.

Shanghai's district "blueprint maps" colour the three feasibility grades green / blue / red
(《上海市既有多层住宅加装电梯前期调查与可行性评估技术导则（试行）》, 2020); the app
does the same on screen and on paper, so that a clerk reads a printed census as the window.
"""

from __future__ import annotations

CLASS_COLOURS = {"suitable": "#2e7d32", "difficult": "#1565c0", "unsuitable": "#c62828"}
"""Each class's colour (text, bars, the tree)."""

CLASS_BACKGROUNDS = {"suitable": "#e8f5e9", "difficult": "#e3f2fd", "unsuitable": "#ffebee"}
"""Each class's light background (table cells)."""
