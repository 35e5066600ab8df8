"""The instructions under a consent form's ballot boxes are printed whole, in both
languages: the block is fixed for the scanner, so a text too long for it used to be cut."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from elevator_eval.report.consent_form import build_consent_forms
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project

HINTS = {
    "zh": "请在一个方框内打“✓”；改变主意请另取新表，勿涂改。",
    "en": "Tick one box; to change it, ask for a new form (no corrections).",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_ballot_hint_is_printed_whole(lang):
    p = open_project(sample_project_path())
    buf = io.BytesIO()
    build_consent_forms(p.units()[0], project=p, out=buf, lang=lang)
    text = re.sub(r"\s+", "", PdfReader(io.BytesIO(buf.getvalue())).pages[0].extract_text())
    hint = re.sub(r"\s+", "", HINTS[lang])
    assert hint.replace("✓", "") in text.replace("✓", "")
    assert "…" not in text
