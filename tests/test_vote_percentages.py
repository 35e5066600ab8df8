"""The vote table's percentages are rounded towards each test's result, so that a share
just under a threshold never prints as the same figure as one at it.

Worked example: 12 owners of 50 m² each but one of 50.01 m² (600.01 m² in all); 8 vote
yes, the 50.01 m² owner does not vote. Owners taking part: 8 / 12 = exactly 2/3, met
("≥ 2/3"), 66.666…% → printed 66.7 %. Area taking part: 400.00 / 600.01 = 66.6639…%,
under 2/3 (400.00 × 3 = 1,200.00 < 1,200.02), not met → printed 66.6 %, not 66.7 %.
"""

from __future__ import annotations

import io
import re

from process_helpers import make_project, make_unit
from pypdf import PdfReader

from elevator_eval.consent import tally
from elevator_eval.report.common import fmt_pct
from elevator_eval.report.notice import build_notice
from elevator_eval.rulebook import resolve


def test_a_share_under_the_threshold_is_printed_under_it():
    votes = ["yes"] * 8 + [None] * 4
    areas = ["50"] * 11 + ["50.01"]
    unit = make_unit(votes, "PCT", areas=areas)
    c = tally(unit, resolve(None, unit).consent)
    assert c.participation_headcount_ok and not c.participation_area_ok
    buf = io.BytesIO()
    build_notice(unit, project=make_project([unit]), out=buf, progress=True)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(buf).pages))
    assert "400.00/600.01㎡(66.6%)未满足" in text
    assert "8/12(66.7%)满足" in text


def test_percent_rounding_modes():
    from decimal import ROUND_CEILING, ROUND_FLOOR
    from fractions import Fraction

    assert fmt_pct(Fraction(2, 3)) == "66.7%"
    assert fmt_pct(Fraction(2, 3), 1, ROUND_FLOOR) == "66.6%"
    assert fmt_pct(Fraction(3, 4), 1, ROUND_FLOOR) == "75.0%"  # exact: no change
    assert fmt_pct(Fraction(3, 4), 1, ROUND_CEILING) == "75.0%"
    assert fmt_pct(Fraction(1, 3), 1, ROUND_CEILING) == "33.4%"


def test_votes_without_dates_are_not_called_no_votes():
    """A unit file's votes carry no dates: the notice says the dates are not recorded, not
    that there is no vote (while its table counts them)."""
    unit = make_unit(["yes"] * 6 + [None] * 6, "UND")
    buf = io.BytesIO()
    build_notice(unit, project=make_project([unit]), out=buf, progress=True)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(buf).pages))
    assert "表决日期未登记" in text and "尚无表决记录" not in text
    empty = make_unit([None] * 12, "NONE")
    buf = io.BytesIO()
    build_notice(empty, project=make_project([empty]), out=buf, progress=True)
    assert "尚无表决记录" in re.sub(r"\s+", "", PdfReader(buf).pages[0].extract_text())
