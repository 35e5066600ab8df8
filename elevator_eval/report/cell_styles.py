"""Cell styles of a report table, shared by the cells that look alike.

reportlab gives every cell of a :class:`~reportlab.platypus.Table` a style object of its
own and applies each cell-style command (font, alignment, padding) cell by cell: about
4,000 assignments per proposal for styles that are the same for whole columns. Here a
table gets one style object per kind of cell (header, body left, body right), built once
per table; a cell-style command of the caller (``extra_style``) first gives the cells it
touches their own copies, since reportlab changes a cell's style in place. The pages are
the same as with the equivalent commands.
"""

from __future__ import annotations

from typing import Any

CELL_OPS = frozenset(
    {
        "FONT",
        "FONTNAME",
        "FACE",
        "SIZE",
        "FONTSIZE",
        "LEADING",
        "TEXTCOLOR",
        "ALIGN",
        "ALIGNMENT",
        "VALIGN",
        "LEFTPADDING",
        "RIGHTPADDING",
        "TOPPADDING",
        "BOTTOMPADDING",
        "HREF",
        "DESTINATION",
        "DIRECTION",
        "SHAPING",
    }
)
"""Table commands that change a cell's style object (reportlab ``_setCellStyle``)."""


def _style(name: str, para_style: Any, align: str, pad_lr_pt: float, pad_tb_pt: float) -> Any:
    from reportlab.platypus.tables import CellStyle

    s = CellStyle(name)
    s.fontname, s.fontsize, s.leading = (
        para_style.fontName,
        para_style.fontSize,
        para_style.leading,
    )
    s.alignment, s.valign = align, "MIDDLE"
    s.leftPadding = s.rightPadding = pad_lr_pt
    s.topPadding = s.bottomPadding = pad_tb_pt
    return s


def _own(style: Any) -> Any:
    """A cell's own copy of ``style`` (the same attribute values; reportlab's
    ``CellStyle.copy`` also copies every method name ``dir()`` lists, 40 times slower)."""
    from reportlab.platypus.tables import CellStyle

    s = CellStyle(style.name)
    s.__dict__.update(style.__dict__)
    return s


def _norm(index: int, n: int) -> int:
    return index + n if index < 0 else index


def cell_styles(
    n_rows: int,
    n_cols: int,
    header_rows: int,
    right: set[int],
    body: Any,
    head: Any,
    pad_lr_pt: float,
    pad_tb_pt: float,
    extra: list | None = None,
) -> list[list[Any]]:
    """Style objects for a table of ``n_rows`` × ``n_cols`` cells.

    Parameters
    ----------
    header_rows : int
        Rows in ``head``'s font, centred; the others in ``body``'s font, right-aligned in
        the columns ``right`` and left-aligned elsewhere.
    body, head : ParagraphStyle
        Font name, size [pt] and leading [pt] of the cells.
    pad_lr_pt, pad_tb_pt : float
        Left/right and top/bottom padding [pt]; every cell is centred vertically.
    extra : list, optional
        The caller's further table commands: the cells a cell-style command touches get
        style objects of their own.
    """
    kinds = {
        "head": _style("head", head, "CENTER", pad_lr_pt, pad_tb_pt),
        "left": _style("left", body, "LEFT", pad_lr_pt, pad_tb_pt),
        "right": _style("right", body, "RIGHT", pad_lr_pt, pad_tb_pt),
    }
    rows = [
        [
            kinds["head" if r < header_rows else "right" if c in right else "left"]
            for c in range(n_cols)
        ]
        for r in range(n_rows)
    ]
    for cmd in extra or ():
        if cmd[0] not in CELL_OPS:
            continue
        (sc, sr), (ec, er) = cmd[1], cmd[2]
        if isinstance(sr, str) or isinstance(er, str):  # rows named at a page split
            return [[_own(s) for s in row] for row in rows]
        for r in range(_norm(sr, n_rows), _norm(er, n_rows) + 1):
            for c in range(_norm(sc, n_cols), _norm(ec, n_cols) + 1):
                rows[r][c] = _own(rows[r][c])
    return rows
