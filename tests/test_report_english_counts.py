"""English counts agree with their number ("1 falls", "12 lose")."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from elevator_eval.report.proposal import build_proposal
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project


def test_the_sunlight_sentence_agrees_with_its_counts():
    p = open_project(sample_project_path())
    seen = set()
    for unit in p.units():
        buf = io.BytesIO()
        build_proposal(unit, project=p, out=buf, lang="en")
        text = " ".join(pg.extract_text() for pg in PdfReader(io.BytesIO(buf.getvalue())).pages)
        m = re.search(r"(\d+) windows? computed; (\d+) (loses?) sun, (\d+) (falls?) from", text)
        if m is None:
            continue
        lose, lose_verb, fall, fall_verb = int(m[2]), m[3], int(m[4]), m[5]
        assert lose_verb == ("loses" if lose == 1 else "lose")
        assert fall_verb == ("falls" if fall == 1 else "fall")
        seen.add((lose == 1, fall == 1))
    assert (False, True) in seen  # the street has a unit where exactly one window falls
