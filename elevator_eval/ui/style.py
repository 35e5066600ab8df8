"""Colours and small visual constants shared by the views."""

from __future__ import annotations

# Shanghai's district "blueprint maps" colour the three feasibility grades green / blue /
# red (上海市既有多层住宅加装电梯前期调查与可行性评估技术导则, 2020); the app does the same.
CLASS_COLOURS = {"suitable": "#2e7d32", "difficult": "#1565c0", "unsuitable": "#c62828"}
CLASS_BACKGROUNDS = {"suitable": "#e8f5e9", "difficult": "#e3f2fd", "unsuitable": "#ffebee"}
SEVERITY_COLOURS = {"weak": "#6d6d6d", "strong": "#e65100", "major": "#c62828"}
VOTE_COLOURS = {"yes": "#c8e6c9", "no": "#ffcdd2", "abstain": "#fff9c4", None: "#eeeeee"}
STATE_COLOURS = {
    "ready": "#2e7d32",
    "needs_votes": "#e65100",
    "blocked": "#c62828",
    "invalid": "#c62828",
    "not_computed": "#757575",
}
