"""A proposal with a gap is a draft on every page, and its timeline gives the notice period
in force (the project's notice setting, else the document rules)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from elevator_eval.report.proposal import build_proposal
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project


def _pages(unit, project, lang="zh") -> list[str]:
    buf = io.BytesIO()
    build_proposal(unit, project=project, lang=lang, out=buf)
    return [" ".join(p.extract_text().split()) for p in PdfReader(buf).pages]


@pytest.fixture
def sample():
    project = open_project(sample_project_path())
    return project, next(u for u in project.units() if u.id == "DH-1-2")


def _name_every_source(unit) -> None:
    for rule in unit.subsidies:
        rule["source_zh"] = "某市住房和城乡建设管理委员会 某建〔2024〕1号"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_subsidy_naming_no_notice_makes_every_page_a_draft(sample, lang):
    project, unit = sample
    gaps = [r for r in unit.subsidies if not (r.get("source") or r.get("source_zh"))]
    assert gaps, "the sample unit's example subsidy names no notice"
    pages = _pages(unit, project, lang)
    mark = "草稿 · 方案版本" if lang == "zh" else "DRAFT · Scheme"
    assert all(mark in page for page in pages)
    note = (
        "草稿：以下 1 项补全后方可印发"
        if lang == "zh"
        else "Draft: complete the following 1 item before handing it out"
    )
    assert note in pages[0]
    assert ("未注明依据文件" if lang == "zh" else "names no notice") in pages[0]


def test_with_every_source_named_the_proposal_is_no_draft(sample):
    project, unit = sample
    _name_every_source(unit)
    pages = _pages(unit, project)
    assert not any("草稿" in page for page in pages)
    assert "方案版本" in pages[0]
    assert "某建〔2024〕1号" in " ".join(pages)


def test_the_timeline_gives_the_notice_period_in_force(sample):
    project, unit = sample
    text = " ".join(_pages(unit, project))
    assert "10 个自然日 + 7 天反馈" in text  # the document rules (沪规划资源建〔2020〕377号)
    project.settings["notice"] = {"period_days": 15}
    text = " ".join(_pages(unit, project))
    assert "15 个自然日 + 7 天反馈" in text and "10 个自然日 + 7 天反馈" not in text
