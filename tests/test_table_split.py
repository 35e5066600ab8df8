"""A document's table never leaves a lone row at the foot or the head of a page."""

from __future__ import annotations

import pytest

from elevator_eval.report.common import table


def _table(body_rows: int):
    rows = [["门牌", "金额"]] + [[f"{i}01", f"{i},000"] for i in range(body_rows)]
    t = table(rows, [200, 200])
    t.wrap(400, 10000)
    return t, t._rowHeights


def _body(part) -> int:
    return len(part._cellvalues) - 1  # the header is repeated on every part


@pytest.mark.parametrize("body_rows", [4, 6, 9])
def test_a_split_leaves_two_rows_or_more_on_each_page(body_rows):
    t, heights = _table(body_rows)
    for rows_that_fit in range(1, body_rows + 1):
        room = sum(heights[: 1 + rows_that_fit]) + 0.5  # the header and that many rows
        parts = t.split(400, room)
        if rows_that_fit == body_rows:
            continue  # it all fits: nothing to split
        if not parts:  # moved to the next page whole
            assert rows_that_fit < 2
            continue
        first, second = parts
        assert _body(first) >= 2 and _body(second) >= 2, (rows_that_fit, _body(first))
        assert _body(first) + _body(second) == body_rows
        # split a row earlier only when a lone row would be left on the next page
        assert _body(first) == min(rows_that_fit, body_rows - 2)


def test_a_short_table_moves_whole():
    t, heights = _table(3)
    assert t.split(400, sum(heights[:3]) + 0.5) == []  # header + 2 of 3 rows fit
