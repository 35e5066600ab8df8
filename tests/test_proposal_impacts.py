"""The proposal's table of effects on the lower floors speaks of the scheme proposed: a
half-landing scheme (no corridor) handles privacy at the shaft and its landings, a flat
entry scheme at the corridor passing the windows."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from elevator_eval.report.proposal import build_proposal
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project


def _text(unit_id, mode=None):
    project = open_project(sample_project_path())
    unit = project.find_unit(unit_id)
    if mode:
        unit.site.entry_mode = mode
    buf = io.BytesIO()
    build_proposal(unit, project=project, out=buf)
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(buf).pages))


def test_half_landing_privacy_is_handled_at_the_shaft():
    text = _text("DH-1-1")  # half-landing entry
    assert "隐私井道和候梯平台靠住户窗户一侧采用磨砂玻璃或实墙" in text
    assert "连廊靠窗一侧" not in text


def test_flat_entry_privacy_is_handled_at_the_corridor():
    text = _text("DH-1-1", "flat")
    assert "隐私与连廊经过窗前连廊靠窗一侧采用磨砂玻璃或百叶" in text
