"""Terminal tables line up when cells hold Chinese (two columns per ideograph)."""

from __future__ import annotations

from elevator_eval.census import census, render_census
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project
from elevator_eval.textwidth import display_width, pad, table


def test_display_width_counts_wide_characters_twice():
    assert display_width("abc") == 3
    assert display_width("东湖新村") == 8
    assert display_width("５６．３") == 8  # full-width digits
    assert display_width("e\u0301") == 1  # combining accent takes no column
    assert pad("东湖", 6) == "东湖  " and pad("7", 3, right=True) == "  7"


def test_table_columns_end_at_the_same_display_column():
    lines = table([["小区", "合计"], ["东湖新村", "7"], ["GY", "16"]])
    ends = {display_width(line) for line in lines}
    assert ends == {display_width(lines[0])}


def test_census_tables_line_up_on_the_sample():
    text = render_census(census(open_project(sample_project_path()), year=2026))
    block = text.split("按小区 / by community\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(block) == 3
    assert len({display_width(line) for line in block}) == 1
