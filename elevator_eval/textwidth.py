"""Terminal text tables that line up with Chinese in them.

A terminal draws wide and full-width characters (CJK ideographs, full-width punctuation)
in two columns and combining marks in none, so tables are padded by display width, not by
character count (Unicode Standard Annex #11, East Asian Width).
"""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """Terminal columns of ``text``."""
    return sum(
        0
        if unicodedata.combining(ch)
        else 2
        if unicodedata.east_asian_width(ch) in ("W", "F")
        else 1
        for ch in text
    )


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` padded to ``width`` terminal columns (left-aligned, or right with ``right``)."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def table(rows: list[list[str]], *, right_from: int = 1, gap: str = "  ") -> list[str]:
    """Lines of a table whose columns line up; columns from ``right_from`` on align right."""
    if not rows:
        return []
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        gap.join(pad(cell, widths[i], right=i >= right_from) for i, cell in enumerate(row)).rstrip()
        for row in rows
    ]
