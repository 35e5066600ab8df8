"""The proposal's sunlight table: its columns subtract as printed."""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Table

from elevator_eval.report.common import Tr
from elevator_eval.report.sunlight_section import sunlight_story
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project


def _text(cell) -> str:
    return cell if isinstance(cell, str) else cell.getPlainText()


def _rows(unit_id: str, lang: str) -> list[list[str]]:
    unit = open_project(sample_project_path()).find_unit(unit_id)
    tables = [f for f in sunlight_story(unit, Tr(lang), 480) if isinstance(f, Table)]
    (tab,) = [tb for tb in tables if len(tb._cellvalues[0]) == 6]
    return [[_text(c) for c in row] for row in tab._cellvalues]


def test_the_hours_lost_are_the_printed_before_less_the_printed_after():
    """DH-1-3 (the shaft stands in the yards of 101 and 102): 101-S read 4.28 → 1.87,
    lost 2.42, each rounded on its own."""
    for lang in ("zh", "en"):
        rows = _rows("DH-1-3", lang)[1:]
        assert len(rows) >= 3
        for row in rows:
            before, after, lost = (Decimal(v) for v in row[1:4])
            assert before - after == lost, row
        by_window = {r[0]: r[1:4] for r in rows}
        assert by_window["101-S"] == ["4.28", "1.87", "2.41"]
