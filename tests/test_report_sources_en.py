"""An English proposal cites as the Chinese one does: by title and number, practice values
labelled, no web address, no reference to the project's own papers, item for item."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from elevator_eval.report.common import Tr
from elevator_eval.report.consent_form import build_consent_forms
from elevator_eval.report.notice import build_notice
from elevator_eval.report.proposal import build_proposal, gather, source_list
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project

NOT_FOR_RESIDENTS = re.compile(
    r"https?:|www\.|domain reference|unit-format|contract §|\[[ABC]\]", re.IGNORECASE
)


@pytest.fixture(scope="module")
def sample():
    return open_project(sample_project_path())


def _text(build, unit, project, lang) -> str:
    buf = io.BytesIO()
    build(unit, project=project, out=buf, lang=lang)
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages)


@pytest.mark.parametrize("unit_id", ["DH-1-1", "DH-1-3", "GY-1-1"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_documents_hold_no_web_address_or_internal_reference(sample, unit_id, lang):
    unit = sample.locate(unit_id)[2]
    for build in (build_proposal, build_consent_forms):
        assert NOT_FOR_RESIDENTS.findall(_text(build, unit, sample, lang)) == []


def test_a_notice_holds_none_either(sample):
    unit = sample.locate("DH-1-1")[2]
    for lang in ("en", "zh"):
        assert NOT_FOR_RESIDENTS.findall(_text(build_notice, unit, sample, lang)) == []


@pytest.mark.parametrize("unit_id", ["DH-1-1", "DH-1-3", "DH-5-1", "GY-1-3"])
def test_the_english_list_is_the_chinese_list_item_for_item(sample, unit_id):
    d = gather(sample.locate(unit_id)[2], sample)
    zh, en = source_list(d, Tr("zh")), source_list(d, Tr("en"))
    assert [k for k, _ in en] == [k for k, _ in zh]
    for (_k, z), (_k2, e) in zip(zh, en):
        # a practice value in one language is one in the other
        assert ("经验值" in z) == ("Practice value" in e or "practice value" in e), (z, e)
