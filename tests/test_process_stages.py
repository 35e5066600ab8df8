"""Stages of the procedure: order, dates, and the prerequisite rules from the data file."""

from __future__ import annotations

import pytest
from process_helpers import make_project, make_unit

from elevator_eval import ruledata
from elevator_eval.error_text import error_text
from elevator_eval.errors import InputError
from elevator_eval.process import stages
from elevator_eval.process.records import (
    Blocker,
    Objection,
    read_process,
    write_process,
)

PASSING = ["yes"] * 6  # 6 of 6 owners agree: passes every shipped ruleset
FAILING = ["yes"] * 3 + [None] * 3  # 3 of 6 take part: below 2/3 participation


def walk(unit, upto, project=None, start="2026-01-01"):
    """Advance ``unit`` stage by stage up to ``upto`` (dates one day apart)."""
    import datetime as dt

    day = dt.date.fromisoformat(start)
    for key in stages.stage_keys():
        stages.advance(unit, key, day.isoformat(), project=project)
        day += dt.timedelta(days=1)
        if key == upto:
            return day


def test_ten_stages_in_the_issue_order():
    rules = stages.load_rules()
    assert [s.zh for s in rules.stages] == [
        "意向登记",
        "意见征询",
        "方案公示",
        "异议处理",
        "设计/审图",
        "联合审查/审批",
        "施工",
        "验收（特种设备监督检验）",
        "投用",
        "运维",
    ]
    assert "经验值" in ruledata.load("stages", "standard")["expected_days_source"]


def test_notice_refused_before_the_vote_passes():
    u = make_unit(FAILING)
    walk(u, "consultation")
    reasons = stages.refusals(u, "notice", "2026-02-01")
    assert [r.check for r in reasons] == ["vote_passed"]
    assert "民法典 第二百七十八条" in reasons[0].source
    with pytest.raises(InputError) as e:
        stages.advance(u, "notice", "2026-02-01")
    assert e.value.field == "stage" and "表决尚未通过" in str(e.value)
    assert read_process(u).current.stage == "consultation"  # nothing changed
    # the window tells it in one language: the reasons' own Chinese or English alone
    zh, en = error_text(e.value, "zh"), error_text(e.value, "en")
    assert zh == f"办理进度：单元 T 不能进入“方案公示”阶段：{reasons[0].zh}" and " / " not in zh
    assert en == f"stage: unit T cannot enter the stage Public notice: {reasons[0].en}"


def test_notice_allowed_once_the_vote_passes():
    u = make_unit(PASSING)
    walk(u, "consultation")
    assert stages.refusals(u, "notice", "2026-02-01") == []
    stages.advance(u, "notice", "2026-02-01", responsible="街道办", documents=["公示照片.jpg"])
    cur = read_process(u).current
    assert (cur.stage, cur.entered, cur.responsible, cur.documents) == (
        "notice",
        "2026-02-01",
        "街道办",
        ["公示照片.jpg"],
    )


def test_skipping_a_stage_and_going_back_are_refused():
    u = make_unit(PASSING)
    walk(u, "intent")
    assert [r.check for r in stages.refusals(u, "notice", "2026-03-01")] == ["order"]
    assert [r.check for r in stages.refusals(u, "intent", "2026-03-01")] == ["order"]


def test_a_date_before_the_last_move_is_refused():
    u = make_unit(PASSING)
    walk(u, "intent", start="2026-05-10")
    assert [r.check for r in stages.refusals(u, "consultation", "2026-05-09")] == ["date"]
    assert stages.refusals(u, "consultation", "2026-05-10") == []  # same day is fine


def test_notice_cannot_close_with_an_unanswered_objection():
    u = make_unit(PASSING)
    walk(u, "notice")
    pd = read_process(u)
    pd.objections.append(Objection("YY-1", "2026-01-04", "遮挡采光", household="101"))
    write_process(u, pd)
    assert [r.check for r in stages.refusals(u, "objections", "2026-01-10")] == [
        "no_unanswered_objection"
    ]
    pd.objections[0].reply, pd.objections[0].reply_date = "已书面答复", "2026-01-06"
    write_process(u, pd)
    assert stages.refusals(u, "objections", "2026-01-10") == []
    stages.advance(u, "objections", "2026-01-10")
    # answered is not resolved: design waits for the resolution
    assert [r.check for r in stages.refusals(u, "design", "2026-01-20")] == ["no_open_objection"]
    pd = read_process(u)
    pd.objections[0].resolution, pd.objections[0].resolved_date = "调解后撤回", "2026-01-15"
    write_process(u, pd)
    assert stages.refusals(u, "design", "2026-01-20") == []


def test_open_blocker_stops_every_move():
    u = make_unit(PASSING)
    walk(u, "intent")
    pd = read_process(u)
    pd.blockers.append(Blocker("燃气公司未回复管线迁改", "2026-01-02"))
    write_process(u, pd)
    assert [r.check for r in stages.refusals(u, "consultation", "2026-01-03")] == [
        "no_open_blocker"
    ]


def test_service_needs_the_inspection_report():
    u = make_unit(PASSING)
    walk(u, "construction")
    stages.advance(u, "acceptance", "2026-03-01")  # no document linked
    assert [r.check for r in stages.refusals(u, "commissioning", "2026-03-05")] == [
        "acceptance_document"
    ]


def test_overdue_and_counts_per_stage():
    a, b, c = make_unit(PASSING, "A"), make_unit(PASSING, "B"), make_unit(PASSING, "C")
    stages.advance(a, "intent", "2026-01-01")  # expected 90 days
    stages.advance(b, "intent", "2026-03-01")
    stages.advance(b, "consultation", "2026-06-01")  # expected 60 days
    p = make_project([a, b, c])
    data = stages.progress(p, "2026-04-01")  # a: 90 days (not more): on time; b: 31 days
    assert data["counts"]["none"] == 1 and data["counts"]["intent"] == 2
    assert data["counts"]["consultation"] == 0 and data["overdue_total"] == 0
    data = stages.progress(p, "2026-08-01")  # a: 212 days, b: 61 days
    assert (data["counts"]["intent"], data["counts"]["consultation"]) == (1, 1)
    assert data["overdue_total"] == 2
    assert sum(s["count"] for s in data["stages"]) == 3


def test_bad_stage_data_names_the_field():
    u = make_unit(PASSING)
    u.extra["process"] = {"stages": [{"stage": "intent", "entered": "2026-13-01"}]}
    with pytest.raises(InputError) as e:
        read_process(u)
    assert e.value.field == "unit T: process.stages[0].entered"
    u.extra["process"] = {"stages": [{"stage": "launch", "entered": "2026-01-01"}]}
    with pytest.raises(InputError, match="unknown stage"):
        read_process(u)


def test_invalid_ruleset_content_is_refused():
    data = ruledata.load("stages", "standard")
    bad = dict(data, prerequisites={"notice": [{"check": "moon_phase", "source": "x"}]})
    with pytest.raises(InputError, match="check"):
        stages.validate(bad)
    bad = dict(data, prerequisites={"notice": [{"check": "vote_passed", "source": ""}]})
    with pytest.raises(InputError, match="source"):
        stages.validate(bad)
