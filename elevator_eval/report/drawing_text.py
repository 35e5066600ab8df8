"""Text inside drawings (plans, charts drawn with reportlab graphics): labels wrapped to a
width, since a drawing has no paragraph layout of its own."""

from __future__ import annotations


def wrap_label(text: str, font: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points (character by character,
    preferring spaces for Latin text)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, cur = [], ""
    for ch in text:
        if stringWidth(cur + ch, font, size) > width and cur:
            if " " in cur and not ch.isspace():
                head, _, tail = cur.rpartition(" ")
                if head:
                    lines.append(head)
                    cur = tail + ch
                    continue
            lines.append(cur)
            cur = ch.lstrip()
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines
