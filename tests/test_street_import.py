"""Street import: layout, cross-row checks with row and column, all or nothing."""

from __future__ import annotations

import runpy
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from elevator_eval.errors import InputError
from elevator_eval.io.street.template import write_import_template
from elevator_eval.io.street_import import apply_import, preview_import
from elevator_eval.model import Building, BuildingInfo, Community, Household, Project, Unit

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample"

HEAD = "小区,楼栋,单元,建成年份,层数,结构,危房等级,门牌号,楼层,面积(㎡),业主,联系电话,表决"


def csv_file(tmp_path, lines, *, name="street.csv", encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return p


def xlsx_file(tmp_path, rows, *, name="street.xlsx", sheet="户", merges=(), units=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    if units is not None:
        wu = wb.create_sheet("单元")
        for r in units:
            wu.append(r)
    p = tmp_path / name
    wb.save(p)
    return p


def places(preview):
    return {(e.sheet, e.row, e.column) for e in preview.errors}


BASE = [
    HEAD,
    "幸福里,3号楼,2单元,1992,6,砖混,B,101,1,56.30,张三,13800000001,反对",
    "幸福里,3号楼,2单元,,,,,102,1,61.05,李四,,同意",
    "幸福里,3号楼,2单元,1992,6,砖混,B,601,6,56.30,王五,,赞成",
    "幸福里,5号楼,1单元,1996,7,框架,,101,1,70,,,",
]


def test_csv_reads_a_street(tmp_path):
    pv = preview_import(csv_file(tmp_path, BASE))
    assert pv.ok and pv.rows_ok == 4 and not pv.warnings
    d = pv.project_delta
    assert (d.n_communities, d.n_buildings, d.n_units, d.n_households) == (1, 2, 2, 4)
    b3 = d.communities[0].buildings[0]
    unit = b3.units[0]
    assert unit.id == "幸福里-3号楼-2单元"
    assert unit.building is b3.info
    assert (b3.info.year_built, b3.info.storeys, b3.info.structure, b3.info.danger_grade) == (
        1992,
        6,
        "masonry",
        "B",
    )
    assert [h.id for h in unit.households] == ["101", "102", "601"]
    assert unit.household("102").area_m2 == Decimal("61.05")
    assert [h.vote for h in unit.households] == ["no", "yes", "yes"]
    assert unit.household("101").contact == "13800000001"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_csv_encodings(tmp_path, encoding):
    pv = preview_import(csv_file(tmp_path, BASE, encoding=encoding))
    assert pv.ok, [str(e) for e in pv.errors]
    assert pv.project_delta.communities[0].name == "幸福里"


def test_english_headers_any_order_and_unknown_column_warns(tmp_path):
    lines = [
        "door,floor,area_m2,community,building,unit,year_built,storeys,colour",
        "101,1,56.3,Xingfuli,B3,U2,1992,6,red",
        "201,2,56.3,Xingfuli,B3,U2,,,blue",
    ]
    pv = preview_import(csv_file(tmp_path, lines))
    assert pv.ok and pv.rows_ok == 2
    assert [(w.row, w.column) for w in pv.warnings] == [(1, "colour")]


def test_tab_separated_and_title_row(tmp_path):
    lines = [
        "幸福里加梯调查表",
        HEAD.replace(",", "\t"),
        "幸福里\t3号楼\t2单元\t1992\t6\t砖混\tB\t101\t1\t56.3\t\t\t",
    ]
    pv = preview_import(csv_file(tmp_path, lines))
    assert pv.ok and pv.rows_ok == 1


def test_floor_above_storeys_names_row_and_column(tmp_path):
    lines = BASE + ["幸福里,3号楼,2单元,,,,,701,7,56.30,,,同意"]
    pv = preview_import(csv_file(tmp_path, lines))
    assert places(pv) == {("", 6, "楼层")}
    assert pv.project_delta is None


def test_duplicate_door_in_a_unit(tmp_path):
    lines = BASE + ["幸福里,3号楼,2单元,,,,,102,1,61.05,,,"]
    pv = preview_import(csv_file(tmp_path, lines))
    assert places(pv) == {("", 6, "门牌号")}
    assert "row 3" in pv.errors[0].message_en


def test_same_door_in_two_units_is_fine(tmp_path):
    pv = preview_import(csv_file(tmp_path, BASE))
    doors = [
        h.id
        for c in pv.project_delta.communities
        for b in c.buildings
        for u in b.units
        for h in u.households
    ]
    assert doors.count("101") == 2


def test_conflicting_building_data(tmp_path):
    lines = BASE + ["幸福里,3号楼,2单元,1993,6,框架,B,602,6,61.05,,,"]
    pv = preview_import(csv_file(tmp_path, lines))
    assert places(pv) == {("", 6, "建成年份"), ("", 6, "结构")}


def test_building_without_storeys(tmp_path):
    lines = [HEAD, "幸福里,9号楼,1单元,1990,,,,101,1,50,,,"]
    pv = preview_import(csv_file(tmp_path, lines))
    assert places(pv) == {("", 2, "层数")}


def test_missing_required_column(tmp_path):
    pv = preview_import(csv_file(tmp_path, ["小区,楼栋,单元,门牌号,楼层", "a,b,c,101,1"]))
    assert ("", 1, "面积(㎡)") in places(pv)


def test_owner_with_two_votes_is_an_error(tmp_path):
    lines = [
        "小区,楼栋,单元,建成年份,层数,门牌号,楼层,面积,业主编号,表决",
        "a,b,c,1990,6,101,1,50,O1,同意",
        "a,b,c,,,102,1,50,O1,反对",
    ]
    pv = preview_import(csv_file(tmp_path, lines))
    assert places(pv) == {("", 3, "表决")}


def test_merged_data_cells_rejected_header_merge_allowed(tmp_path):
    rows = [
        ["幸福里调查", None, None, None, None, None, None, None],
        ["小区", "楼栋", "单元", "建成年份", "层数", "门牌号", "楼层", "面积"],
        ["幸福里", "3号楼", "2单元", 1992, 6, "101", 1, 56.3],
        ["幸福里", "3号楼", "2单元", 1992, 6, "102", 1, 61.05],
    ]
    ok = xlsx_file(tmp_path, rows, merges=["A1:H1"])
    assert preview_import(ok).ok
    bad = xlsx_file(tmp_path, rows, name="bad.xlsx", merges=["A1:H1", "A3:A4"])
    pv = preview_import(bad)
    assert ("户", 3, "小区") in places(pv)
    assert any("A3:A4" in e.message_en and "A3:A4" in e.message_zh for e in pv.errors)


def test_formula_and_date_serial_in_xlsx(tmp_path):
    rows = [
        ["小区", "楼栋", "单元", "建成年份", "层数", "门牌号", "楼层", "面积", "表决", "表决日期"],
        ["a", "b", "c", 1992, 6, 101, 1, "=10*5", "同意", 45356],
        ["a", "b", "c", 1992, 6, 102, 1, 50, "同意", 45356],
    ]
    pv = preview_import(xlsx_file(tmp_path, rows))
    assert places(pv) == {("户", 2, "面积")}
    rows[1][7] = "５０．５"
    pv = preview_import(xlsx_file(tmp_path, rows, name="ok.xlsx"))
    assert pv.ok
    hh = pv.project_delta.communities[0].buildings[0].units[0].households
    assert hh[0].area_m2 == Decimal("50.5") and hh[0].vote_date == "2024-03-05"
    assert hh[0].id == "101"


def test_units_sheet_site_survey(tmp_path):
    rows = [
        ["小区", "楼栋", "单元", "建成年份", "层数", "门牌号", "楼层", "面积"],
        ["a", "b", "c", 1992, 6, "101", 1, 56.3],
    ]
    units = [
        [
            "小区",
            "楼栋",
            "单元",
            "入户方式",
            "可用宽度(m)",
            "可用进深(m)",
            "管线",
            "红线内",
            "造价(元)",
            "底坑深度(mm)",
        ],
        ["a", "b", "c", "平层", "2.6米", 2.4, "燃气、给水", "√", "45万", None],
    ]
    pv = preview_import(xlsx_file(tmp_path, rows, units=units))
    assert pv.ok, [str(e) for e in pv.errors]
    u = pv.project_delta.communities[0].buildings[0].units[0]
    assert u.site.entry_mode == "flat"
    assert u.site.footprint_available_m == (Decimal("2.6"), Decimal("2.4"))
    assert u.site.pipes_in_footprint == ["gas", "water"]
    assert u.site.inside_red_line is True
    assert u.site.pit_depth_available_mm is None  # empty = not surveyed
    assert u.costs.total_yuan == Decimal(450000)


def test_units_sheet_unknown_unit_and_half_footprint(tmp_path):
    rows = [
        ["小区", "楼栋", "单元", "建成年份", "层数", "门牌号", "楼层", "面积"],
        ["a", "b", "c", 1992, 6, "101", 1, 56.3],
    ]
    units = [
        ["小区", "楼栋", "单元", "可用宽度(m)", "可用进深(m)"],
        ["a", "b", "c", 2.6, None],
        ["a", "b", "x", None, None],
    ]
    pv = preview_import(xlsx_file(tmp_path, rows, units=units))
    assert places(pv) == {("单元", 2, "可用进深(m)"), ("单元", 3, "单元")}


def test_bad_files_are_errors_not_exceptions(tmp_path):
    cases = {
        "a.xls": b"\xd0\xcf\x11\xe0",
        "b.xlsx": b"PK\x03\x04garbage",
        "c.xlsx": b"",
        "d.csv": b"\xff\xfe\x00\x00\xff",
        "e.csv": b"",
        "f.pdf": b"%PDF",
        "g.csv": b"a,b\x00,c\n",
    }
    for name, data in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        pv = preview_import(p)
        assert pv.errors and pv.project_delta is None, name
    assert preview_import(tmp_path / "missing.csv").errors
    assert preview_import(tmp_path).errors  # a folder


def test_empty_sheet(tmp_path):
    pv = preview_import(xlsx_file(tmp_path, [["小区", "楼栋", "单元", "门牌号", "楼层", "面积"]]))
    assert pv.errors and pv.rows_ok == 0


# -------------------------------------------------------------------------- all or nothing


def _project_with(unit_id="XFL-3-2"):
    info = BuildingInfo(year_built=1992, storeys=6, structure="masonry", danger_grade="B")
    u = Unit(
        id=unit_id,
        building=info,
        name="幸福里 3号楼 2单元",
        households=[Household("101", 1, Decimal("56.3"))],
    )
    return Project("街道", [Community("幸福里", "幸福里", [Building("b3", "3号楼", info, [u])])])


def test_apply_refuses_a_file_with_one_bad_cell(tmp_path):
    lines = BASE + ["幸福里,3号楼,2单元,,,,,602,6,-61.05,,,"]
    pv = preview_import(csv_file(tmp_path, lines))
    assert pv.rows_ok == 4 and len(pv.errors) == 1
    project = Project("街道")
    with pytest.raises(InputError):
        apply_import(project, pv)
    assert project.communities == []


def test_apply_adds_and_merges_into_existing_buildings(tmp_path):
    project = _project_with("XFL-3-2")
    lines = [
        HEAD + ",单元编号",
        "幸福里,3号楼,1单元,1992,6,砖混,B,101,1,56.3,,,,XFL-3-1",
        "东风新村,12栋,1单元,1988,5,砖混,C,101,1,48.6,,,,",
    ]
    pv = preview_import(csv_file(tmp_path, lines))
    new = apply_import(project, pv)
    assert [u.id for u in project.units()] == ["XFL-3-2"]  # the old one untouched
    assert [u.id for u in new.units()] == ["XFL-3-2", "XFL-3-1", "东风新村-12栋-1单元"]
    _, b, u = new.locate("XFL-3-1")
    assert b.name == "3号楼" and u.building is b.info
    assert len(new.communities) == 2


def test_apply_refuses_existing_unit_and_conflicting_building(tmp_path):
    project = _project_with("XFL-3-2")
    pv = preview_import(
        csv_file(
            tmp_path, [HEAD + ",单元编号", "幸福里,3号楼,2单元,1992,6,砖混,B,101,1,56.3,,,,XFL-3-2"]
        )
    )
    with pytest.raises(InputError, match="already exists"):
        apply_import(project, pv)
    pv = preview_import(
        csv_file(tmp_path, [HEAD, "幸福里,3号楼,9单元,1995,6,砖混,B,101,1,56.3,,,"], name="b.csv")
    )
    with pytest.raises(InputError, match="year_built"):
        apply_import(project, pv)
    assert [u.id for u in project.units()] == ["XFL-3-2"]


# -------------------------------------------------------------------------- template, samples


def test_template_imports_cleanly(tmp_path):
    p = write_import_template(tmp_path / "template.xlsx")
    wb = openpyxl.load_workbook(p)
    assert {"户", "单元", "说明"} <= set(wb.sheetnames)
    pv = preview_import(p)
    assert pv.ok and pv.rows_ok == 2 and not pv.warnings
    u = pv.project_delta.communities[0].buildings[0].units[0]
    assert u.id == "XFL-3-2" and u.site.entry_mode == "half_landing"


def test_sample_example_imports_cleanly():
    pv = preview_import(SAMPLE / "import-example.xlsx")
    assert pv.ok and not pv.warnings
    d = pv.project_delta
    # 3 units of 6 storeys and 2 of 5 storeys, two households per floor
    assert (d.n_communities, d.n_buildings, d.n_units, d.n_households) == (2, 3, 5, 56)
    assert pv.rows_ok == 56


def test_sample_with_errors_lists_each_mistake():
    tool = runpy.run_path(str(ROOT / "tools" / "make_import_examples.py"))
    mistakes, _ = tool["mistakes"](tool["household_rows"]())
    pv = preview_import(SAMPLE / "import-with-errors.xlsx")
    found = places(pv)
    for m in mistakes:
        if m["accepted"]:
            assert ("户", m["row"], m["column"]) not in found, m
        else:
            assert ("户", m["row"], m["column"]) in found, m
    # the merge leaves the lower cell empty: that row is reported too
    assert len(pv.errors) == 6
    assert pv.project_delta is None
    with pytest.raises(InputError):
        apply_import(Project("x"), pv)


def test_samples_are_up_to_date(tmp_path):
    """The committed workbooks hold exactly what the generator writes (stable parts)."""
    tool = runpy.run_path(str(ROOT / "tools" / "make_import_examples.py"))
    for name, write in (
        ("import-example.xlsx", tool["write_example"]),
        ("import-with-errors.xlsx", tool["write_with_errors"]),
    ):
        fresh = write(tmp_path / name)
        assert _members(fresh) == _members(SAMPLE / name), (
            f"{name} is stale: run python tools/make_import_examples.py"
        )


def _members(path):
    """Names and uncompressed bytes of a workbook's parts (independent of zlib's version)."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def test_optional_building_columns(tmp_path):
    lines = [
        "小区,楼栋,单元,建成年份,层数,层高(m),设防烈度,设计使用年限,地址,门牌号,楼层,面积",
        "a,b,c,1990,6,2.9米,7度,50年,和平路1号,101,1,50",
        "a,b,c,,,,,,,102,1,50",
    ]
    pv = preview_import(csv_file(tmp_path, lines))
    assert pv.ok, [str(e) for e in pv.errors]
    b = pv.project_delta.communities[0].buildings[0]
    assert (
        b.info.floor_height_m,
        b.info.seismic_intensity,
        b.info.design_life_years,
        b.info.design_life_given,
        b.address,
    ) == (Decimal("2.9"), 7, 50, True, "和平路1号")
    bad = preview_import(
        csv_file(tmp_path, [lines[0], lines[1].replace("7度", "12度")], name="bad.csv")
    )
    assert places(bad) == {("", 2, "设防烈度")}


def test_bilingual_headers(tmp_path):
    rows = [
        [
            "小区 / community",
            "楼栋\nbuilding",
            "单元|unit",
            "建成年份 / year_built",
            "层数 / storeys",
            "门牌号 / door",
            "楼层 / floor",
            "面积(㎡) / area_m2",
        ],
        ["a", "b", "c", 1990, 6, "101", 1, 50],
    ]
    pv = preview_import(xlsx_file(tmp_path, rows))
    assert pv.ok and pv.rows_ok == 1 and not pv.warnings


def test_zip_bomb_is_refused_before_unpacking(tmp_path, monkeypatch):
    import zipfile

    from elevator_eval.io.street import read

    monkeypatch.setattr(read, "MAX_UNPACKED_BYTES", 1024 * 1024)
    p = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/big.xml", b"\0" * (2 * 1024 * 1024))
    assert p.stat().st_size < 64 * 1024
    pv = preview_import(p)
    assert pv.errors and "unpacks" in pv.errors[0].message_en
