"""Shared cell styles of report tables: alike cells share one style object, the caller's
cell-style commands touch only their own cells, and the font face that keeps its tables
builds the same subsets as reportlab's own."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle

from elevator_eval import fonts
from elevator_eval.report.cell_styles import cell_styles

BODY = ParagraphStyle("b", fontName="Helvetica", fontSize=8.5, leading=11)
HEAD = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=8.5, leading=11)


def test_alike_cells_share_a_style_and_look_like_the_commands():
    grid = cell_styles(4, 3, 1, {2}, BODY, HEAD, 3, 2.5)
    assert grid[1][0] is grid[3][0] and grid[1][2] is grid[2][2]
    assert [s.alignment for s in grid[0]] == ["CENTER"] * 3
    assert [s.alignment for s in grid[1]] == ["LEFT", "LEFT", "RIGHT"]
    assert grid[0][0].fontname == "Helvetica-Bold" and grid[1][0].fontname == "Helvetica"
    s = grid[2][1]
    assert (
        s.valign,
        s.leftPadding,
        s.rightPadding,
        s.topPadding,
        s.bottomPadding,
        s.fontsize,
        s.leading,
    ) == ("MIDDLE", 3, 3, 2.5, 2.5, 8.5, 11)


def test_a_cell_command_of_the_caller_changes_only_its_cells():
    extra = [("TOPPADDING", (0, 2), (-1, 2), 9), ("BACKGROUND", (0, 1), (-1, 1), "red")]
    grid = cell_styles(4, 2, 1, set(), BODY, HEAD, 3, 2.5, extra)
    table = Table([["a", "b"]] * 4, cellStyles=grid)
    table.setStyle(TableStyle(extra))
    assert [grid[r][0].topPadding for r in range(4)] == [2.5, 2.5, 9, 2.5]
    assert grid[3][1].topPadding == 2.5


def test_negative_indices_count_from_the_end():
    extra = [("TEXTCOLOR", (-1, -1), (-1, -1), "red")]
    grid = cell_styles(3, 3, 1, set(), BODY, HEAD, 3, 2.5, extra)
    others = {id(grid[r][c]) for r in range(1, 3) for c in range(3) if (r, c) != (2, 2)}
    assert id(grid[2][2]) not in others and len(others) == 1


def test_the_face_that_keeps_its_tables_builds_the_same_subset():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts.register_reportlab()
    kept = pdfmetrics.getFont(fonts.REPORTLAB_FONT_NAME).face
    plain = TTFont("plain-for-test", str(fonts.font_path())).face
    assert type(plain) is not type(kept)
    subset = [0] + [ord(c) for c in "既有住宅加装电梯 Elevator ¥ ㎡"]
    assert kept.makeSubset(subset) == plain.makeSubset(subset)
    assert kept.get_table("glyf") is kept.get_table("glyf")


def test_a_cells_own_style_has_every_value_of_reportlabs_copy():
    extra = [("TOPPADDING", (0, 1), (0, 1), 9)]
    grid = cell_styles(3, 2, 1, {1}, BODY, HEAD, 3, 2.5, extra)
    own, shared = grid[1][0], grid[2][0]
    theirs = shared.copy()  # reportlab's own copy

    def values(s):
        return {
            n: getattr(s, n)
            for n in dir(s)
            if not n.startswith("_") and not callable(getattr(s, n))
        }

    assert own is not shared and len(values(own)) > 15
    assert values(own) == values(theirs) == values(shared)
    Table([["a", "b"]] * 3, cellStyles=grid).setStyle(TableStyle(extra))
    assert (own.topPadding, shared.topPadding, grid[1][1].topPadding) == (9, 2.5, 2.5)
