"""Colours and small visual constants shared by the views."""

from __future__ import annotations

from ..palette import CLASS_BACKGROUNDS as CLASS_BACKGROUNDS
from ..palette import CLASS_COLOURS as CLASS_COLOURS

SEVERITY_COLOURS = {"weak": "#6d6d6d", "strong": "#e65100", "major": "#c62828"}
VOTE_COLOURS = {"yes": "#c8e6c9", "no": "#ffcdd2", "abstain": "#fff9c4", None: "#eeeeee"}
STATE_COLOURS = {
    "ready": "#2e7d32",
    "needs_votes": "#e65100",
    "blocked": "#c62828",
    "invalid": "#c62828",
    "not_computed": "#757575",
}
