"""Where a map's name goes (``report/map_labels.py``): the move ``clear_of`` picks is the one
its rule names, checked against that rule written out move by move on random boxes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from elevator_eval.report.map_labels import LABEL_TRIES, clear_of


def _area(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _by_the_rule(box, placed, step, right):
    """The rule as ``clear_of``'s docstring gives it: where it is, a line up, a line down,
    two lines up, …; at each height also moved right past what it covers (when it stays
    left of ``right``); the first move covering nothing wins, else the least covering."""
    best, least = (0.0, 0.0), None
    for k in range(2 * LABEL_TRIES + 1):
        dy = step * ((k + 1) // 2) * (1 if k % 2 else -1)
        moves = [(0.0, dy)]
        shifted = (box[0], box[1] + dy, box[2], box[3] + dy)
        hits = [o for o in placed if _area(shifted, o) > 0]
        if hits:
            dx = max(o[2] for o in hits) + 1 - box[0]
            if box[2] + dx <= right:
                moves.append((dx, dy))
        for mx, my in moves:
            moved = (box[0] + mx, box[1] + my, box[2] + mx, box[3] + my)
            cover = sum(_area(moved, o) for o in placed)
            if cover == 0:
                return mx, my
            if least is None or cover < least:
                best, least = (mx, my), cover
    return best


_coord = st.integers(0, 60).map(lambda v: v * 2.5)


@st.composite
def _boxes(draw):
    x0, y0 = draw(_coord), draw(_coord)
    return (x0, y0, x0 + draw(st.integers(1, 20)) * 2.5, y0 + draw(st.integers(1, 6)) * 2.5)


@given(_boxes(), st.lists(_boxes(), max_size=12), st.sampled_from([5.0, 7.5, 10.0]))
def test_the_move_is_the_rules(box, placed, step):
    assert clear_of(box, placed, step, 150.0) == _by_the_rule(box, placed, step, 150.0)


def test_a_free_place_keeps_the_name_where_it_is():
    assert clear_of((0, 0, 10, 5), [(20, 0, 30, 5)], 6.0, 100.0) == (0.0, 0.0)


def test_a_covered_name_moves_right_past_what_covers_it():
    # (5, 0, 15, 5) covers it where it is: moved right to x = 15 + 1
    assert clear_of((0, 0, 10, 5), [(5, 0, 15, 5)], 6.0, 100.0) == (16, 0.0)


def test_a_covered_name_without_room_on_the_right_moves_a_line_up():
    # moving right would end at 26 > 20: a line up (dy = +6) is free
    assert clear_of((0, 0, 10, 5), [(5, 0, 15, 5)], 6.0, 20.0) == (0.0, 6.0)
