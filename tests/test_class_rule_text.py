"""The suitability count rule is printed from the ruleset in force: a project ruleset
that makes a unit unsuitable at 3 strong factors (and difficult at 1 or 2) says so in the
proposal, where the text was fixed to the shipped rule (2 strong → unsuitable)."""

from __future__ import annotations

import io
import json
import re

from pypdf import PdfReader

from elevator_eval.report.proposal import build_proposal
from elevator_eval.resources import rules_dir, sample_project_path
from elevator_eval.rulebook import resolve
from elevator_eval.store import open_project
from elevator_eval.suitability_rules import class_rule_text


def test_the_shipped_rule_in_words():
    zh, en = class_rule_text(resolve(None, None).suitability)
    assert (
        zh
        == "任一重大干扰或 2 项及以上强干扰为“不适合加装”，恰 1 项强干扰为“较难加装”，其余为“适合加装”"
    )
    assert en == (
        "any major factor or 2 or more strong ones → unsuitable; exactly 1 strong → "
        "difficult; otherwise suitable"
    )


def test_a_project_rule_reaches_the_proposal():
    project = open_project(sample_project_path())
    data = json.loads((rules_dir() / "suitability" / "shanghai-2020.json").read_text("utf-8"))
    data.update(name="lenient", title_zh="宽松计数规则", title_en="Lenient count rule")
    data["class_rule"] = {
        "unsuitable_min_major": 2,
        "unsuitable_min_strong": 3,
        "difficult_min_strong": 1,
        "source": "a test's own rule",
    }
    project.settings["suitability_rulesets"] = {"lenient": data}
    project.settings["suitability_rules"] = "lenient"
    unit = project.find_unit("DH-1-1")
    buf = io.BytesIO()
    build_proposal(unit, project=project, out=buf)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(buf).pages))
    assert (
        "分类规则：2项及以上重大干扰或3项及以上强干扰为“不适合加装”，1–2项强干扰为“较难加装”，"
        "其余为“适合加装”。规则集：宽松计数规则。" in text
    )


def test_the_census_report_states_the_rule_and_cites_the_checks():
    """The census names a 6 m fire distance in its main reasons (DH-5-2, GY-8-1): it now
    cites the code that sets it, and states the count rule of the project's ruleset."""
    from elevator_eval.report.census_report import build_census_report

    buf = io.BytesIO()
    build_census_report(open_project(sample_project_path()), out=buf)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(buf).pages))
    assert "小于防火间距6m" in text
    assert "距相邻建筑过近：《建筑设计防火规范》GB50016-2014（2018年版）表5.2.2" in text
    assert "分类依据：任一重大干扰或2项及以上强干扰为“不适合加装”" in text
