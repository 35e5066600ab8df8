"""A rule block's basis is labelled 经验值 / Practice value once, whichever way its text is
written, and the label begins its sentence."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from elevator_eval.report.common import Tr
from elevator_eval.report.proposal import build_proposal
from elevator_eval.report.proposal_sections import basis_text
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project


def test_the_label_is_added_once_and_begins_the_sentence():
    bare = {"official": False, "basis_zh": "各地常见做法", "basis_en": "the usual way"}
    said = {
        "official": False,
        "basis_zh": "经验值：各地常见做法",
        "basis_en": "Practice value: the usual way",
    }
    lower = dict(said, basis_en="practice value: the usual way")
    official = {
        "official": True,
        "basis_zh": "沪规划资源建〔2020〕377号",
        "basis_en": "Shanghai rule",
    }
    zh, en = Tr("zh"), Tr("en")
    assert basis_text(bare, zh) == "经验值：各地常见做法"
    assert basis_text(bare, en) == "Practice value: the usual way"
    assert basis_text(said, zh) == "经验值：各地常见做法"
    assert basis_text(said, en) == "Practice value: the usual way"
    assert basis_text(lower, en) == "practice value: the usual way"  # the data's own words
    assert basis_text(official, en) == "Shanghai rule"


def test_an_english_proposal_says_practice_value_once_per_note():
    p = open_project(sample_project_path())
    buf = io.BytesIO()
    build_proposal(p.units()[0], project=p, out=buf, lang="en")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(buf.getvalue())).pages)
    text = re.sub(r"\s+", " ", text)
    assert "Practice value:" in text
    assert not re.search(r"practice value\W+practice value", text, re.IGNORECASE)
