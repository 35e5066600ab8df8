"""Objection register and yearly upkeep statement: masking, escaping, one page, totals."""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal as D

from process_helpers import make_project, make_unit
from pypdf import PdfReader

from elevator_eval.cli import run_command
from elevator_eval.process.records import (
    Bill,
    Fault,
    Objection,
    Payment,
    ReserveEntry,
    StageEntry,
    Upkeep,
    read_process,
    write_process,
)
from elevator_eval.report.objection_register import build_objection_register
from elevator_eval.report.upkeep_statement import build_upkeep_statement
from elevator_eval.store import save_project

HOSTILE = '<b>噪声</b> & <img src="x"/>'


def pdf(build, *args, **kw):
    buf = io.BytesIO()
    build(*args, out=buf, **kw)
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    return len(reader.pages), re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))


def unit_with_objections():
    u = make_unit(["yes"] * 6, "GY-1-1")
    pd = read_process(u)
    pd.stages.append(StageEntry("notice", "2026-03-01"))
    pd.objections = [
        Objection(
            "YY-1",
            "2026-03-03",
            "遮挡采光",
            household="201",
            name="王建国",
            reply="井道西移0.3米",
            reply_date="2026-03-06",
            resolution="书面撤回",
            resolved_date="2026-03-14",
        ),
        Objection("YY-2", "2026-03-05", HOSTILE, household="101", name="欧阳娜娜"),
    ]
    write_process(u, pd)
    return u


def test_register_masks_objectors_and_escapes_text():
    u = unit_with_objections()
    pages, text = pdf(build_objection_register, u, project=make_project([u]))
    assert pages == 1
    assert "王*" in text and "欧阳*" in text  # a compound surname is kept whole
    assert "王建国" not in text and "欧阳娜娜" not in text
    assert "共2件，已答复1件，已处理完毕1件" in text
    assert '<b>噪声</b>&<imgsrc="x"/>' in text  # printed as text, not markup
    assert "待答复" in text and "已处理完毕" in text


def test_register_for_the_office_names_people_and_doors():
    u = unit_with_objections()
    _, text = pdf(build_objection_register, u, masked=False)
    assert "王建国(201)" in text and "欧阳娜娜(101)" in text


def test_register_in_english_is_english():
    u = unit_with_objections()
    _, text = pdf(build_objection_register, u, lang="en")
    assert "Registerofobjections" in text and "异议登记表" not in text


def statement_unit():
    u = make_unit(["yes"] * 6, "GY-6-2")
    u.share.method, u.share.given = "equal", True
    pd = read_process(u)
    pd.upkeep = Upkeep(
        manager="业主自治小组",
        contractor="维保公司",
        contract_end="2026-12-31",
        last_inspection="2026-05-20",
        bills=[Bill(2026, "维保费", D("6000.00")), Bill(2026, "电费", D("1200.00"))],
        payments=[Payment(2026, h.id, D("1200.00"), "2026-03-01") for h in u.households[:4]]
        + [Payment(2026, u.households[4].id, D("500.00"), "2026-03-01")],
        reserve=[ReserveEntry("2025-12-01", D("2000.00"))],
        faults=[Fault("2026-04-03", "门锁故障", "2026-04-03")],
    )
    write_process(u, pd)
    return u


def test_statement_is_one_page_with_totals_and_no_door_arrears():
    u = statement_unit()
    pages, text = pdf(build_upkeep_statement, u, 2026)
    # 7200 over 6 equal households = 1200 each; paid 4×1200 + 500 = 5300; owed 700 + 1200
    assert pages == 1
    assert "7,200" in text and "已缴合计¥5,300" in text
    assert "未缴清2户，欠缴合计¥1,900" in text
    assert "已缴（元）" not in text  # nobody singled out
    assert "2027-05-20" in text  # next inspection due
    assert "收支公示" in text and "不得张贴" not in text
    _, detail = pdf(build_upkeep_statement, u, 2026, detail=True)
    assert "已缴（元）" in detail and "欠缴（元）" in detail
    # each door's arrears: a ledger for the manager's file, marked so it is never posted
    assert "【内部资料，不得张贴】" in detail and "收支明细（内部存档）" in detail
    assert "收支公示" not in detail


def test_commands_write_the_pdfs_and_json(tmp_path):
    u1, u2 = unit_with_objections(), statement_unit()
    path = tmp_path / "s.eeproj"
    save_project(make_project([u1, u2]), path)
    out, err = io.StringIO(), io.StringIO()
    reg = tmp_path / "reg.pdf"
    assert (
        run_command(
            "objections",
            [str(path), "--unit", "GY-1-1", "-o", str(reg), "--json"],
            stdout=out,
            stderr=err,
        )
        == 0
    ), err.getvalue()
    data = json.loads(out.getvalue())
    assert [o["status"] for o in data["objections"]] == ["resolved", "open"]
    assert data["objections"][0]["name"] == "王**" and data["objections"][0]["household"] == ""
    assert reg.read_bytes().startswith(b"%PDF")
    out = io.StringIO()
    assert (
        run_command(
            "upkeep",
            [
                str(path),
                "--unit",
                "GY-6-2",
                "--year",
                "2026",
                "--json",
                "-o",
                str(tmp_path / "st.pdf"),
            ],
            stdout=out,
            stderr=err,
        )
        == 0
    )
    data = json.loads(out.getvalue())
    assert data["bills_total_yuan"] == 7200 and data["arrears_total_yuan"] == 1900
    out = io.StringIO()
    assert (
        run_command(
            "upkeep", [str(path), "--as-of", "2026-05-01", "--json"], stdout=out, stderr=err
        )
        == 0
    )
    assert json.loads(out.getvalue())["reminders"] == []
    out = io.StringIO()  # inspection due 2027-05-20 (request from 04-20); contract ended
    assert (
        run_command(
            "upkeep", [str(path), "--as-of", "2027-04-25", "--json"], stdout=out, stderr=err
        )
        == 0
    )
    assert [
        (r["unit"], r["kind"], r["state"]) for r in json.loads(out.getvalue())["reminders"]
    ] == [("GY-6-2", "inspection", "upcoming"), ("GY-6-2", "contract", "overdue")]
    err = io.StringIO()
    assert (
        run_command(
            "upkeep",
            [str(path), "--unit", "GY-1-1", "--year", "2026"],
            stdout=io.StringIO(),
            stderr=err,
        )
        == 2
    )
    assert "upkeep" in err.getvalue() and "no upkeep record" in err.getvalue()


def test_the_english_statement_names_the_usual_bills_in_english():
    """Bills typed as 维保费 / 电费 / 定期检验费 / 电梯责任保险 read in English in an English
    statement (they printed in Chinese); an item the vocabulary does not know stays as
    typed."""
    from elevator_eval.process.records import Bill

    u = statement_unit()
    pd = read_process(u)
    year = pd.upkeep.bills[0].year
    pd.upkeep.bills = [
        Bill(year, "维保费", D("3000")),
        Bill(year, "电梯责任保险", D("350")),
        Bill(year, "楼道照明", D("50")),
    ]
    write_process(u, pd)
    _, text = pdf(build_upkeep_statement, u, year, lang="en")
    assert "Maintenancefee" in text and "Elevatorliabilityinsurance" in text
    assert "楼道照明" in text and "维保费" not in text
