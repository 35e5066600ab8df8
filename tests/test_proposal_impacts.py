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


def test_the_sharing_rule_says_the_compensation_is_paid_on_top():
    """DH-1-3's owners pay 380,000 and a compensation of 40,000 to the ground floor: the
    rule's sentence says the table's share includes that part (its column adds up to
    420,000, not to the owners' total the formula names)."""
    text = _text("DH-1-3")
    assert "低层补偿合计¥40,000另由出资户按同一比例分担，分户出资明细中的“出资”含此项" in text
    assert "另由出资户" not in _text("DH-1-1")  # no compensation there
