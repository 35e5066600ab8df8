"""Where the names on a map go: a name moved clear of the names and the boxes before it.

Used by the site plan (:mod:`elevator_eval.report.site_drawing`); boxes are
``(x0, y0, x1, y1)`` in points on the drawing.
"""

from __future__ import annotations

LABEL_TRIES = 3
"""Lines a label may move up or down to clear the labels written before it."""


def overlap(a: tuple, b: tuple) -> bool:
    """Whether two boxes ``(x0, y0, x1, y1)`` share more than an edge."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def covered(a: tuple, b: tuple) -> float:
    """The area two boxes share [pt²]."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def clear_of(box: tuple, placed: list, step: float, right: float) -> tuple[float, float]:
    """The move ``(dx, dy)`` [pt] of a name's ``box`` that clears the boxes ``placed``.

    Tried in turn: where it is, a line (``step``) up, a line down, two lines up, … (at
    most :data:`LABEL_TRIES` lines), each also moved right past what it covers there
    (when it stays left of ``right``). The first move that covers nothing wins; when
    none does, the one that covers least.
    """
    best, least = (0.0, 0.0), None
    for k in range(2 * LABEL_TRIES + 1):
        dy = step * ((k + 1) // 2) * (1 if k % 2 else -1)
        hits = [o for o in placed if overlap((box[0], box[1] + dy, box[2], box[3] + dy), o)]
        if not hits:  # it covers nothing there (boxes cover each other only if they overlap)
            return 0.0, dy
        moves = [(0.0, dy)]
        dx = max(o[2] for o in hits) + 1 - box[0]
        if box[2] + dx <= right:
            moves.append((dx, dy))
        for mx, my in moves:
            moved = (box[0] + mx, box[1] + my, box[2] + mx, box[3] + my)
            cover = sum(covered(moved, o) for o in placed)
            if cover == 0:
                return mx, my
            if least is None or cover < least:
                best, least = (mx, my), cover
    return best


def building_name_place(
    left: float,
    right: float,
    width: float,
    height: float,
    text_w: float,
    text_h: float,
    limit: float,
) -> str:
    """Where a building's name goes, on paper and on screen alike: ``"inside"`` when the
    building (``width`` × ``height``) holds the text (``text_w`` × ``text_h``) with a little
    room, else ``"right"`` of it when that stays left of ``limit``, else ``"left"`` of it.
    Any unit of length, the same for all."""
    if text_w + 4 <= width and text_h + 2 <= height:
        return "inside"
    return "right" if right + 3 + text_w <= limit else "left"
