"""Consent forms: one form per owner, the question, deadline, organiser, per-form pages."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from elevator_eval.model import Building, Community, Project
from elevator_eval.report.consent_form import build_consent_forms
from elevator_eval.report.scheme_version import scheme_label
from elevator_eval.unitfile import load_unit


def _pages(unit, **kw) -> list[str]:
    buf = io.BytesIO()
    build_consent_forms(unit, out=buf, **kw)
    return [re.sub(r"\s+", "", p.extract_text() or "") for p in PdfReader(buf).pages]


def _project(unit) -> Project:
    return Project(
        name="测试街道",
        uid="x" * 32,
        communities=[Community("C1", "幸福里", [Building("B1", "3号楼", unit.building, [unit])])],
    )


def test_owner_of_two_homes_gets_one_form_with_both_homes_and_one_vote(example_unit_path):
    unit = load_unit(example_unit_path)
    a, b = unit.household("601"), unit.household("602")
    b.owner = a.owner_id
    pages = _pages(unit)
    assert len(pages) == 11  # 12 homes, 11 owners
    last = pages[-1]
    assert "601" in last and "602" in last
    assert f"{a.area_m2 + b.area_m2:.2f}" in last  # the areas are added
    assert "2套住房" in last and "只填本表一张，计一票" in last
    assert f"6026{b.area_m2}" in last
    assert not any(f"6026{b.area_m2}" in p for p in pages[:-1])  # 602 has no form of its own


def test_question_deadline_place_and_organiser_come_from_the_project(example_unit_path):
    unit = load_unit(example_unit_path)
    project = _project(unit)
    project.settings["organisation"] = {
        "street_office": "幸福街道办事处",
        "consultant": "某某工程咨询有限公司",
        "contact_person": "李明",
        "contact_phone": "027-88886666",
        "address": "幸福路1号",
        "return_deadline": "2026年12月20日",
        "return_place": "幸福里社区居委会",
    }
    pages = _pages(unit, project=project)
    label = scheme_label(
        unit,
        __import__("elevator_eval.costshare", fromlist=["x"]).compute_share(
            unit, settings=project.settings
        ),
    )
    first = pages[0]
    assert f"是否同意按本方案（版本{label}）加装电梯并按本表所列出资分摊费用" in first
    assert "请于2026年12月20日前将本表签字后交回：幸福里社区居委会" in first
    assert "幸福街道办事处" in first and "某某工程咨询有限公司" in first
    assert "李明027-88886666" in first
    assert "表单编号：XFL-3-2-v1-01" in first
    # no English word of 4+ letters in the Chinese form
    assert not re.search(r"[A-Za-z]{4,}", first.replace(unit.id, ""))


def test_absent_organiser_leaves_blanks_to_fill_by_hand(example_unit_path):
    unit = load_unit(example_unit_path)
    first = _pages(unit)[0]
    assert "请于______年____月____日前" in first
    assert "组织单位________________" in first


def test_a_long_form_is_numbered_per_form(example_unit_path):
    unit = load_unit(example_unit_path)
    owner = unit.households[0].owner_id
    for h in unit.households[:8]:
        h.owner = owner  # one owner with eight homes: a two-page form
    pages = _pages(unit)
    assert "第1页/共2页" in pages[0] and "第2页/共2页" in pages[1]
    assert not any("第1页/共" in p for p in pages[2:])  # the one-page forms: no numbers


def test_forms_from_a_project_create_the_secret_once_and_never_print_it(example_unit_path):
    unit = load_unit(example_unit_path)
    project = _project(unit)
    buf = io.BytesIO()
    assert build_consent_forms(unit, project=project, out=buf) is True
    secret = project.settings["ballots"]["secret"]
    assert re.fullmatch(r"[0-9a-f]{64}", secret)
    assert secret.encode() not in buf.getvalue()
    assert build_consent_forms(unit, project=project, out=io.BytesIO()) is False
    assert project.settings["ballots"]["secret"] == secret


def test_the_return_deadline_and_place_are_settings_of_the_project(tmp_path):
    """A clerk sets where and by when the forms come back with ``settings --set`` (they could
    only be typed into the file's JSON); the forms print them."""
    import io
    import shutil

    from elevator_eval.cli import run_command
    from elevator_eval.resources import sample_project_path
    from elevator_eval.store import open_project

    path = tmp_path / "p.eeproj"
    shutil.copyfile(sample_project_path(), path)
    out, err = io.StringIO(), io.StringIO()
    code = run_command(
        "settings",
        [
            str(path),
            "--set",
            "organisation.return_deadline=2026年12月20日",
            "--set",
            "organisation.return_place=东湖街道社区服务中心",
        ],
        stdout=out,
        stderr=err,
    )
    assert code == 0, err.getvalue()
    project = open_project(path)
    first = _pages(project.find_unit("DH-1-1"), project=project)[0]
    assert "请于2026年12月20日前将本表签字后交回：东湖街道社区服务中心" in first
