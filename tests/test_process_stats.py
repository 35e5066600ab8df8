"""Figures upward: per street and year, roll-up with duplicates, workbook, GeoJSON."""

from __future__ import annotations

import io
import json
from decimal import Decimal as D

import openpyxl
from process_helpers import make_project, make_unit

from elevator_eval.cli import run_command
from elevator_eval.io.process_export import SHEETS, YEAR_HEADERS, geojson
from elevator_eval.process.records import StageEntry, read_process, write_process
from elevator_eval.process.stats import rollup
from elevator_eval.store import save_project


def staged(uid, dates, n_households=6, total="600000", subsidy=None):
    """A unit with the given stage entry dates (stage key → ISO date)."""
    u = make_unit(["yes"] * n_households, uid, total_yuan=total)
    if subsidy is not None:
        u.subsidies = [{"type": "fixed", "yuan": D(subsidy)}]
    pd = read_process(u)
    pd.stages = [StageEntry(k, d) for k, d in dates.items()]
    write_process(u, pd)
    return u


def street_a():
    return make_project(
        [
            # planned 2025, started 2025, in service 2026
            staged(
                "A1",
                {
                    "intent": "2025-01-02",
                    "consultation": "2025-02-01",
                    "notice": "2025-03-01",
                    "objections": "2025-03-15",
                    "design": "2025-04-01",
                    "approval": "2025-05-01",
                    "construction": "2025-06-01",
                    "acceptance": "2025-12-01",
                    "commissioning": "2026-01-10",
                },
                subsidy="150000",
            ),
            # planned 2026, started 2026 (8 households, 500 000 yuan, subsidy 200 000)
            staged(
                "A2",
                {
                    "intent": "2025-11-02",
                    "consultation": "2025-12-01",
                    "notice": "2026-01-05",
                    "objections": "2026-01-20",
                    "design": "2026-02-01",
                    "approval": "2026-03-01",
                    "construction": "2026-04-01",
                },
                n_households=8,
                total="500000",
                subsidy="200000",
            ),
            staged("A3", {"intent": "2026-05-01"}),
        ],
        name="东湖街道",
        address="东湖路1号",
    )


def test_street_year_figures_by_hand():
    roll = rollup([("a.eeproj", street_a())], "2026-12-31")
    by_year = {r.year: r.values for r in roll.rows}
    assert sorted(by_year) == [2025, 2026]
    v = by_year[2025]
    assert (v["units_planned"], v["households_planned"], v["units_started"]) == (1, 6, 1)
    assert (v["units_completed"], v["in_service"]) == (0, 0)
    assert (v["investment_yuan"], v["subsidy_yuan"], v["contribution_yuan"]) == (
        D(600000),
        D(150000),
        D(450000),
    )
    v = by_year[2026]
    assert (
        v["units_planned"],
        v["households_planned"],
        v["units_started"],
        v["households_started"],
    ) == (1, 8, 1, 8)
    assert (v["units_completed"], v["households_completed"], v["in_service"]) == (1, 6, 1)
    assert (v["investment_yuan"], v["subsidy_yuan"], v["contribution_yuan"]) == (
        D(500000),
        D(200000),
        D(300000),
    )
    assert roll.stage_counts["东湖街道"]["commissioning"] == 1
    assert roll.stage_counts["东湖街道"]["construction"] == 1
    assert roll.stage_counts["东湖街道"]["intent"] == 1


def test_two_copies_report_every_unit_as_duplicate_and_the_same_totals():
    one = rollup([("a.eeproj", street_a())], "2026-12-31")
    two = rollup([("a.eeproj", street_a()), ("a-copy.eeproj", street_a())], "2026-12-31")
    assert [d["unit"] for d in two.duplicates] == ["A1", "A2", "A3"]
    assert {(d["first"], d["again"]) for d in two.duplicates} == {("a.eeproj", "a-copy.eeproj")}
    assert [r.to_json() for r in two.district] == [r.to_json() for r in one.district]
    assert len(two.units) == 3


def test_same_id_at_another_address_is_not_a_duplicate():
    other = street_a()
    other.name = "西湖街道"
    other.communities[0].buildings[0].address = "西湖路9号"
    roll = rollup([("a", street_a()), ("b", other)], "2026-12-31")
    assert roll.duplicates == [] and len(roll.units) == 6
    total = {r.year: r.values for r in roll.district}
    assert total[2026]["units_started"] == 2 and total[2026]["in_service"] == 2
    assert total[2025]["investment_yuan"] == D(1200000)


def test_workbook_layout_and_command(tmp_path):
    a, b = tmp_path / "a.eeproj", tmp_path / "b.eeproj"
    save_project(street_a(), a)
    save_project(street_a(), b)
    before = a.read_bytes()
    out, err = io.StringIO(), io.StringIO()
    xlsx, gj = tmp_path / "district.xlsx", tmp_path / "units.geojson"
    code = run_command(
        "rollup",
        [str(a), str(b), "-o", str(xlsx), "--geojson", str(gj), "--as-of", "2026-12-31", "--json"],
        stdout=out,
        stderr=err,
    )
    assert code == 0, err.getvalue()
    assert a.read_bytes() == before  # read only
    data = json.loads(out.getvalue())
    assert len(data["duplicates"]) == 3
    wb = openpyxl.load_workbook(xlsx)
    assert tuple(wb.sheetnames) == SHEETS
    ws = wb[SHEETS[2]]
    assert tuple(c.value for c in ws[1]) == YEAR_HEADERS
    rows = {r[1]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows[2026][2] == 1 and rows[2026][8] == 1 and rows[2026][9] == 500000
    assert wb[SHEETS[5]].max_row == 4  # header + 3 duplicates
    feats = json.loads(gj.read_text(encoding="utf-8"))["features"]
    assert len(feats) == 3 and feats[0]["geometry"] is None
    err = io.StringIO()
    assert run_command("rollup", [str(a), "-o", str(a)], stdout=out, stderr=err) == 2


def test_geojson_point_when_the_location_is_known():
    p = street_a()
    u = p.find_unit("A1")
    pd = read_process(u)
    pd.location = (D("114.3055"), D("30.5928"))
    write_process(u, pd)
    f = geojson([p], "2026-12-31")["features"][0]
    assert f["geometry"] == {"type": "Point", "coordinates": [114.3055, 30.5928]}
    assert f["properties"]["stage"] == "commissioning" and f["properties"]["stage_zh"] == "投用"
