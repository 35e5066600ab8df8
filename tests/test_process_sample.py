"""The sample street's procedure history: stages, objections, canvassing, upkeep, and a
roll-up of two copies of it."""

from __future__ import annotations

import io
import json
import shutil

import pytest

from elevator_eval.cli import run_command
from elevator_eval.process.engagement import intent_summary, visit_list
from elevator_eval.process.records import read_process
from elevator_eval.process.stages import progress
from elevator_eval.process.upkeep import reminders, year_statement
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project


@pytest.fixture(scope="module")
def sample():
    return open_project(sample_project_path())


def test_units_in_several_stages(sample):
    counts = progress(sample, "2026-11-29")["counts"]
    # by design (tools/sample_process.py): GY-6-2 运维; GY-1-1 施工; DH-5-1 审批; GY-1-2 设计;
    # GY-3-1 异议处理; DH-1-1 公示; DH-1-2 征询; GY-1-3 and GY-8-2 意向; 7 not started
    assert counts == {
        "none": 7,
        "intent": 2,
        "consultation": 1,
        "notice": 1,
        "objections": 1,
        "design": 1,
        "approval": 1,
        "construction": 1,
        "acceptance": 0,
        "commissioning": 0,
        "operation": 1,
    }


def test_objections_and_what_they_block(sample):
    dh = read_process(sample.find_unit("DH-1-1"))
    assert [o.status for o in dh.objections] == ["open"]
    gy = read_process(sample.find_unit("GY-3-1"))
    assert [o.status for o in gy.objections] == ["resolved", "answered"]


def test_intent_flag_and_canvassing(sample):
    assert intent_summary(sample.find_unit("GY-1-3"), sample).meets_threshold  # 10 of 12
    assert not intent_summary(sample.find_unit("GY-8-2"), sample).meets_threshold  # 6 of 10
    rows = visit_list(sample.find_unit("DH-1-2"), sample)
    assert rows and rows[0].needed and sum(r.contacts for r in rows) >= 8


def test_one_elevator_with_a_year_of_upkeep(sample):
    u = sample.find_unit("GY-6-2")
    st = year_statement(u, 2025, sample)
    assert len(st.bills) == 4 and len(st.faults) == 3
    assert sum(r.share_yuan for r in st.rows) == st.bills_total_yuan
    assert sum(1 for r in st.rows if r.arrears_yuan > 0) == 1  # door 302 paid part
    # reserve: +8000 −650 +1200
    assert st.reserve_end_yuan == 8550
    # inspection 2025-12-10 → due 2026-12-10; request from 2026-11-10
    assert [r.kind for r in reminders(u, "2026-11-29")] == ["inspection"]


def test_rollup_of_two_copies_reports_duplicates_and_right_totals(sample, tmp_path):
    a, b = tmp_path / "a.eeproj", tmp_path / "b.eeproj"
    shutil.copy(sample_project_path(), a)
    shutil.copy(sample_project_path(), b)
    out, err = io.StringIO(), io.StringIO()
    assert (
        run_command(
            "rollup",
            [str(a), str(b), "-o", str(tmp_path / "d.xlsx"), "--as-of", "2026-11-29", "--json"],
            stdout=out,
            stderr=err,
        )
        == 0
    ), err.getvalue()
    data = json.loads(out.getvalue())
    assert len(data["duplicates"]) == 16 and data["units"] == 16
    years = {r["year"]: r for r in data["by_year"]}
    gy62 = sample.find_unit("GY-6-2")
    from elevator_eval.costshare_subsidy import subsidy_total

    # 2024: GY-6-2 notice (Jan) and construction (Jun); 2025: put into service (Jan);
    # 2026: notices of GY-1-1, DH-5-1, GY-1-2, GY-3-1, DH-1-1; construction of GY-1-1
    assert (years[2024]["units_planned"], years[2024]["units_started"]) == (1, 1)
    assert years[2024]["investment_yuan"] == gy62.costs.total_yuan
    assert years[2024]["subsidy_yuan"] == subsidy_total(gy62)[0]
    assert (years[2025]["units_completed"], years[2025]["in_service"]) == (1, 1)
    assert (
        years[2026]["units_planned"],
        years[2026]["units_started"],
        years[2026]["in_service"],
    ) == (5, 1, 1)
    assert years[2026]["households_planned"] == sum(
        len(sample.find_unit(u).households)
        for u in ("GY-1-1", "DH-5-1", "GY-1-2", "GY-3-1", "DH-1-1")
    )


def test_anonymised_copy_keeps_no_procedure_personal_data(sample):
    import copy

    from elevator_eval.store import anonymise_project

    sample = copy.deepcopy(sample)
    u = sample.find_unit("DH-1-2")
    u.household("101").extra["vote_proxy"] = {"name": "赵六", "authorisation": "WT-1"}
    anon = anonymise_project(sample, key=b"k")
    names = {o.name for uu in sample.units() for o in read_process(uu).objections}
    assert names and all(n.strip() for n in names)
    from elevator_eval.store import dumps_tagged

    text = dumps_tagged(
        [uu.extra for uu in anon.units()] + [h.extra for uu in anon.units() for h in uu.households]
    )
    for n in names | {"赵六", "13900006201", "一楼不用电梯，希望有补偿"}:
        assert n not in text
    ob = read_process(anon.find_unit("GY-3-1")).objections
    assert [o.name for o in ob] == ["住户201", "住户102"]
    assert anon.find_unit("DH-1-2").household("101").extra["vote_proxy"] == {
        "name": "",
        "authorisation": "WT-1",
    }
