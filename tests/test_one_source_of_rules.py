"""One source of rules: the census, ``consent --unit``, the proposal, the notice and the
consent forms report the same consent state for every unit, under the ruleset the project
chose, and every document names that ruleset by its title.

Two projects, both copies of the sample street:

A. ``default_rules=unanimity`` set through ``elevator-eval settings --set``.
B. a ruleset the project defines itself (``dongshan-demo``: more than half of all owners by
   heads and by area, affected owners must agree) as the project's default, while unit
   GY-1-2 names ``unanimity`` as its own choice (the unit's choice wins).

The expected states come from the rules by hand, not from the engine:

- unanimity: ``blocked`` when an owner whose exclusive part is affected voted no; ``ready``
  when every owner voted yes; else ``needs_votes``.
- dongshan-demo: ``blocked`` as above; ``ready`` when yes owners are more than half of all
  owners by heads and by area and every affected owner voted yes; else ``needs_votes``.

(The window's tally is checked on the same two projects in ``tests/ui/test_settings_dialog``.)
"""

from __future__ import annotations

import io
import json
import re
import shutil
from fractions import Fraction
from pathlib import Path

import pytest
from pypdf import PdfReader

from elevator_eval.cli import run_command
from elevator_eval.resources import rules_dir, sample_project_path
from elevator_eval.store import open_project, save_project

PROJECT_RULESET = "dongshan-demo"
PROJECT_TITLE_ZH = "东山区既有住宅加装电梯业主表决办法（示例：过半数同意）"
UNIT_WITH_OWN_CHOICE = "GY-1-2"


def project_ruleset() -> dict:
    """A consent ruleset defined in the project (same schema as the shipped files)."""
    d = json.loads((rules_dir() / "consent" / "civil-code-2021.json").read_text("utf-8"))
    d.update(
        name=PROJECT_RULESET,
        title_zh=PROJECT_TITLE_ZH,
        title_en="Dongshan district owners' vote (example: more than half agree)",
        source="示例：区级实施办法（虚构，用于测试） / example district rule (fictional)",
        participation_ratio=None,
        approval_ratio="1/2",
        approval_base="all",
        approval_inclusive=False,
        valid_from="2025-01-01",
        valid_to=None,
    )
    return d


def cli(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_command(argv[0], list(argv[1:]), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def owners(unit) -> list[tuple[str | None, bool, Fraction]]:
    """(vote, affected, area) per distinct owner."""
    by: dict[str, list] = {}
    for h in unit.households:
        o = by.setdefault(h.owner_id, [h.vote, False, Fraction(0)])
        o[1] = o[1] or h.exclusive_part_affected
        o[2] += Fraction(h.area_m2)
    return [tuple(v) for v in by.values()]


def expected_state(unit, ruleset: str) -> str:
    os_ = owners(unit)
    if any(v == "no" and aff for v, aff, _ in os_):
        return "blocked"
    affected_ok = all(v == "yes" for v, aff, _ in os_ if aff)
    if ruleset == "unanimity":
        return "ready" if all(v == "yes" for v, _, _ in os_) else "needs_votes"
    yes = [a for v, _, a in os_ if v == "yes"]
    heads_ok = 2 * len(yes) > len(os_)
    area_ok = 2 * sum(yes, Fraction(0)) > sum((a for _, _, a in os_), Fraction(0))
    return "ready" if heads_ok and area_ok and affected_ok else "needs_votes"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def pdf_text(build, unit, project, **kw) -> str:
    buf = io.BytesIO()
    build(unit, project=project, out=buf, **kw)
    return _squash("\n".join(p.extract_text() for p in PdfReader(buf).pages))


@pytest.fixture(scope="module")
def projects(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("one-source")
    a = base / "unanimity.eeproj"
    shutil.copyfile(sample_project_path(), a)
    assert cli("settings", str(a), "--set", "default_rules=unanimity")[0] == 0
    b = base / "project-ruleset.eeproj"
    shutil.copyfile(sample_project_path(), b)
    p = open_project(b)
    p.settings["consent_rulesets"] = {PROJECT_RULESET: project_ruleset()}
    u = p.find_unit(UNIT_WITH_OWN_CHOICE)
    u.rules, u.rules_given = "unanimity", True
    save_project(p, b)
    code, _, err = cli("settings", str(b), "--set", f"default_rules={PROJECT_RULESET}")
    assert code == 0, err
    return {"A": a, "B": b}


def rules_by_unit(which: str, unit_id: str) -> str:
    if which == "B" and unit_id != UNIT_WITH_OWN_CHOICE:
        return PROJECT_RULESET
    return "unanimity"


TITLES = {
    "unanimity": json.loads((rules_dir() / "consent" / "unanimity.json").read_text("utf-8"))[
        "title_zh"
    ],
    PROJECT_RULESET: PROJECT_TITLE_ZH,
}


@pytest.mark.parametrize("which", ["A", "B"])
def test_census_and_consent_command_agree_with_the_rules(projects, which):
    path = projects[which]
    project = open_project(path)
    code, out, err = cli("assess", str(path), "--json")
    assert code == 0, err
    rows = {r["unit"]: r for r in json.loads(out)["census"]["rows"]}
    states = set()
    for unit in project.units():
        name = rules_by_unit(which, unit.id)
        want = expected_state(unit, name)
        states.add(want)
        assert rows[unit.id]["consent_state"] == want, unit.id
        assert rows[unit.id]["consent_ruleset"] == name
        code, out, err = cli("consent", str(path), "--unit", unit.id, "--json")
        assert code == 0, err
        d = json.loads(out)
        assert (d["state"], d["ruleset"], d["ruleset_title_zh"]) == (want, name, TITLES[name])
        code, out, _ = cli("consent", str(path), "--unit", unit.id)
        assert TITLES[name] in out
    assert len(states) >= 2  # the sample covers more than one state under each rule


@pytest.mark.parametrize("which", ["A", "B"])
def test_preinstall_ranking_reports_the_same_state(projects, which):
    """The pre-installation ranking (command line) counts every vote under the rules in
    force for its unit, as the census does."""
    path = projects[which]
    project = open_project(path)
    code, out, err = cli("preinstall", str(path), "--json")
    assert code == 0, err
    ranked = {r["unit"]: r["consent_state"] for r in json.loads(out)["ranking"]}
    assert ranked  # the street has units worth pre-installing for
    for unit in project.units():
        if unit.id in ranked:
            assert ranked[unit.id] == expected_state(unit, rules_by_unit(which, unit.id)), unit.id


@pytest.mark.slow
@pytest.mark.parametrize("which", ["A", "B"])
def test_proposal_and_notice_report_the_same_state_and_name_the_ruleset(projects, which):
    from elevator_eval.report.labels import CONSENT_STATES
    from elevator_eval.report.notice import build_notice
    from elevator_eval.report.proposal import build_proposal

    project = open_project(projects[which])
    for unit in project.units():
        name = rules_by_unit(which, unit.id)
        state = expected_state(unit, name)
        state_zh = CONSENT_STATES[state][0]
        # a unit whose vote has not passed gets the progress notice (表决进展通报), never a
        # scheme notice; both state the same tally and name the same ruleset
        notice_kw = {} if state == "ready" else {"progress": True}
        for build, kw in ((build_proposal, {}), (build_notice, notice_kw)):
            text = pdf_text(build, unit, project, **kw)
            assert _squash(f"表决规则：{TITLES[name]}") in text, (build.__name__, unit.id)
            assert _squash(f"结论：{state_zh}") in text, (build.__name__, unit.id)
            others = [
                CONSENT_STATES[s][0]
                for s in ("ready", "needs_votes", "blocked")
                if CONSENT_STATES[s][0] != state_zh
            ]
            assert not any(_squash(f"结论：{o}") in text for o in others)


@pytest.mark.parametrize(
    "which, unit_id", [("A", "DH-1-1"), ("B", "DH-1-1"), ("B", UNIT_WITH_OWN_CHOICE)]
)
def test_consent_forms_name_the_ruleset_on_every_page(projects, which, unit_id):
    from elevator_eval.report.consent_form import build_consent_forms

    project = open_project(projects[which])
    unit = project.find_unit(unit_id)
    buf = io.BytesIO()
    build_consent_forms(unit, project=project, out=buf)
    pages = [_squash(p.extract_text()) for p in PdfReader(buf).pages]
    title = TITLES[rules_by_unit(which, unit_id)]
    assert len(pages) == len(unit.households)
    assert all(_squash(f"表决规则：{title}") in p for p in pages)


def test_a_unit_naming_a_project_ruleset_gets_its_proposal(projects, tmp_path):
    """The issue's failure: a unit naming a ruleset defined in the project made the
    proposal fail with "unknown consent name"."""
    path = tmp_path / "p.eeproj"
    shutil.copyfile(projects["B"], path)
    p = open_project(path)
    u = p.find_unit("DH-1-1")
    u.rules, u.rules_given = PROJECT_RULESET, True
    p.settings["default_rules"] = "civil-code-2021"
    save_project(p, path)
    out = tmp_path / "dh-1-1.pdf"
    code, _, err = cli("report", str(path), "--unit", "DH-1-1", "-o", str(out))
    assert code == 0, err
    text = _squash("\n".join(pg.extract_text() for pg in PdfReader(out).pages))
    assert _squash(PROJECT_TITLE_ZH) in text


def test_census_report_names_the_rulesets_with_their_unit_counts(projects):
    from elevator_eval.report.census_report import build_census_report

    project = open_project(projects["B"])
    buf = io.BytesIO()
    build_census_report(project, out=buf)
    text = _squash("\n".join(p.extract_text() for p in PdfReader(buf).pages))
    n = len(project.units())
    assert _squash(f"{PROJECT_TITLE_ZH}，{n - 1}个单元") in text
    assert _squash(f"{TITLES['unanimity']}，1个单元") in text
    assert "《" not in text.split("表决规则：")[1].split("。")[0]  # a title, not a book's
    _, out, _ = cli("assess", str(projects["B"]))
    assert f"{PROJECT_RULESET} ({n - 1})" in out and "unanimity (1)" in out


def test_a_project_ruleset_with_a_shipped_name_is_cited_by_its_own_source():
    """A project may redefine a shipped ruleset under the same name (it wins, see
    ``test_rulebook``); the proposal's consent section then cites the project's source, not
    the shipped file's Civil Code article."""
    from elevator_eval.report.proposal import build_proposal

    project = open_project(sample_project_path())
    mine = json.loads((rules_dir() / "consent" / "civil-code-2021.json").read_text("utf-8"))
    shipped_zh = mine["source_zh"]
    mine.update(
        title_zh="本区业主共同决定办法（示例）",
        source="示例区加装电梯业主表决实施细则（虚构，用于测试）",
        source_zh="《示例区加装电梯业主表决实施细则》（虚构，用于测试）",
        source_en="Example district owners' vote rules (fictional, for the test)",
    )
    project.settings["consent_rulesets"] = {"civil-code-2021": mine}
    unit = project.find_unit("DH-1-1")
    zh = pdf_text(build_proposal, unit, project)
    assert _squash("依据：《示例区加装电梯业主表决实施细则》（虚构，用于测试）") in zh
    assert _squash(shipped_zh) not in zh
    en = pdf_text(build_proposal, unit, project, lang="en")
    assert _squash("Source: Example district owners' vote rules (fictional, for the test)") in en


def test_the_schematic_plan_draws_by_the_rules_in_force():
    """A unit without a site plan gets the schematic plan; its fire-lane line states the
    required width of the suitability ruleset in force: the project's own (5 m here), and
    a unit that chose a ruleset the project defines is drawn too (it used to fail with
    "unknown suitability name": the drawing looked the name up without the project)."""
    from elevator_eval.report.notice import build_notice
    from elevator_eval.report.proposal import build_proposal

    project = open_project(sample_project_path())
    mine = json.loads((rules_dir() / "suitability" / "shanghai-2020.json").read_text("utf-8"))
    mine["name"] = "wide-lanes"
    mine["checks"]["fire_lane_narrow"]["min_width_m"] = 5
    project.settings["suitability_rulesets"] = {"wide-lanes": mine}
    project.settings["suitability_rules"] = "wide-lanes"
    unit = project.find_unit("DH-1-1")
    del unit.site.extra["plan"]
    lane = unit.site.fire_lane_width_after_m
    assert lane is not None
    text = pdf_text(build_proposal, unit, project)
    assert _squash(f"加梯后净宽{lane.normalize():f}m（要求≥5m）") in text
    unit.suitability_rules = "wide-lanes"  # the unit's own choice, a project ruleset
    del project.settings["suitability_rules"]
    assert _squash("（要求≥5m）") in pdf_text(build_proposal, unit, project)
    assert _squash("（要求≥5m）") in pdf_text(build_notice, unit, project, progress=True)


def test_preinstall_ranking_classes_by_the_projects_suitability_rules(tmp_path):
    """The pre-installation ranking leaves out the units the census classes unsuitable under
    the project's own suitability ruleset (a 5 m fire lane: DH-1-2, 4.5 m after the works,
    becomes unsuitable), and a unit choosing that project ruleset is ranked, not refused."""
    path = tmp_path / "lanes.eeproj"
    shutil.copyfile(sample_project_path(), path)

    def ranking() -> dict[str, str]:
        code, out, err = cli("preinstall", str(path), "--json")
        assert code == 0, err
        return {r["unit"]: r["class"] for r in json.loads(out)["ranking"]}

    assert ranking()["DH-1-2"] == "difficult"
    p = open_project(path)
    mine = json.loads((rules_dir() / "suitability" / "shanghai-2020.json").read_text("utf-8"))
    mine["name"] = "wide-lanes"
    mine["checks"]["fire_lane_narrow"]["min_width_m"] = 5
    p.settings["suitability_rulesets"] = {"wide-lanes": mine}
    p.find_unit("DH-1-2").suitability_rules = "wide-lanes"
    save_project(p, path)
    ranked = ranking()
    assert "DH-1-2" not in ranked
    code, out, _ = cli("assess", str(path), "--json")
    classes = {r["unit"]: r["class"] for r in json.loads(out)["census"]["rows"]}
    assert classes["DH-1-2"] == "unsuitable"
    assert all(classes[u] == k for u, k in ranked.items())
