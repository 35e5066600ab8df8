"""Intent and e-voting imports: preview, every bad row listed, all-or-nothing; one bad
cell of each kind, in CSV and in xlsx."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from process_helpers import make_project, make_unit

from elevator_eval.audit import verify_log
from elevator_eval.cli import run_command
from elevator_eval.errors import InputError
from elevator_eval.io.process_import import apply_preview, preview_intent, preview_votes
from elevator_eval.process.records import read_intent
from elevator_eval.store import open_project, save_project

INTENT_HEAD = ["单元编号", "门牌", "意向", "登记日期", "渠道"]
VOTES_HEAD = ["单元编号", "门牌", "表决意见", "投票时间", "渠道", "委托人", "授权书编号"]


def project():
    # unit A: doors 101 … 601; unit B the same
    return make_project([make_unit([None] * 6, "A"), make_unit([None] * 6, "B")])


def write(tmp_path, name, rows):
    path = tmp_path / name
    if name.endswith(".csv"):
        text = "\n".join(",".join("" if v is None else str(v) for v in r) for r in rows)
        path.write_text(text + "\n", encoding="utf-8")
    else:
        wb = openpyxl.Workbook()
        for r in rows:
            wb.active.append(r)
        wb.save(path)
    return path


GOOD_INTENT = [
    ["A", "101", "愿意", "2026-01-05", "二维码"],
    ["A", "201", "否", "2026-01-05", "二维码"],
    ["B", "601", "是", "2026/1/6", "小程序"],
]


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_clean_intent_file_applies(tmp_path, ext):
    p = project()
    pv = preview_intent(p, write(tmp_path, f"i.{ext}", [INTENT_HEAD] + GOOD_INTENT))
    assert pv.ok and len(pv.rows) == 3 and pv.errors == []
    assert read_intent(p.find_unit("A").household("101")) is None  # preview changes nothing
    assert apply_preview(p, pv) == 3
    i = read_intent(p.find_unit("B").household("601"))
    assert (i.interested, i.date, i.channel) == (True, "2026-01-06", "小程序")
    assert read_intent(p.find_unit("A").household("201")).interested is False


INTENT_BAD = [  # (row to add, column named in the error)
    (["Z", "101", "是", "2026-01-05", ""], "单元编号"),  # unknown unit
    (["A", "909", "是", "2026-01-05", ""], "门牌"),  # unknown door
    (["A", "301", "也许", "2026-01-05", ""], "意向"),  # unreadable intent
    (["A", "401", "是", "2026-02-30", ""], "登记日期"),  # not a real date
    (["A", "", "是", "2026-01-05", ""], "门牌"),  # missing door
    (["A", "101", "是", "2026-01-07", ""], ""),  # repeats row 2
    (["A", "501", "=1+1", "2026-01-05", ""], "意向"),  # a formula
]


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
@pytest.mark.parametrize("bad,column", INTENT_BAD)
def test_one_bad_intent_cell_blocks_the_whole_file(tmp_path, ext, bad, column):
    p = project()
    pv = preview_intent(p, write(tmp_path, f"i.{ext}", [INTENT_HEAD] + GOOD_INTENT + [bad]))
    assert len(pv.errors) == 1 and pv.errors[0].row == 5 and pv.errors[0].column == column
    assert not pv.ok
    with pytest.raises(InputError):
        apply_preview(p, pv)
    assert all(read_intent(h) is None for u in p.units() for h in u.households)


def test_every_bad_row_is_listed(tmp_path):
    rows = [INTENT_HEAD] + GOOD_INTENT + [b for b, _ in INTENT_BAD]
    pv = preview_intent(project(), write(tmp_path, "i.csv", rows))
    assert [e.row for e in pv.errors] == list(range(5, 5 + len(INTENT_BAD)))


def test_missing_column_is_named(tmp_path):
    with pytest.raises(InputError, match="登记日期"):
        preview_intent(project(), write(tmp_path, "i.csv", [["单元编号", "门牌", "意向"]]))


GOOD_VOTES = [
    ["A", "101", "同意", "2026-03-14 10:05", "随申办", "", ""],
    ["A", "201", "反对", "2026-03-14 11:00:30", "随申办", "", ""],
    ["A", "301", "同意", dt.date(2026, 3, 15), "随申办", "张三", "WT-2026-007"],
]


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_clean_votes_go_through_the_audit_log(tmp_path, ext):
    p = project()
    pv = preview_votes(p, write(tmp_path, f"v.{ext}", [VOTES_HEAD] + GOOD_VOTES))
    assert pv.ok, [e.text() for e in pv.errors]
    assert apply_preview(p, pv) == 3
    u = p.find_unit("A")
    assert [h.vote for h in u.households[:3]] == ["yes", "no", "yes"]
    assert {h.vote_source for h in u.households[:3]} == {"online"}
    assert [e.source for e in p.vote_log] == ["online"] * 3
    assert p.vote_log[0].time == "2026-03-14T10:05:00"
    assert p.vote_log[2].time == "2026-03-15"
    assert "委托 proxy: 张三" in p.vote_log[2].note and "WT-2026-007" in p.vote_log[2].note
    assert u.household("301").extra["vote_proxy"] == {
        "name": "张三",
        "authorisation": "WT-2026-007",
    }
    assert verify_log(p.vote_log) == (True, None)


VOTES_BAD = [
    (["Q", "101", "同意", "2026-03-14", "", "", ""], "单元编号"),  # unknown unit
    (["A", "808", "同意", "2026-03-14", "", "", ""], "门牌"),  # unknown door
    (["A", "401", "支持吧", "2026-03-14", "", "", ""], "表决意见"),  # unreadable vote
    (["A", "401", "未投票", "2026-03-14", "", "", ""], "表决意见"),  # not a vote
    (["A", "401", "同意", "2026-03-14 25:00", "", "", ""], "投票时间"),  # not a real time
    (["A", "401", "同意", "", "", "", ""], "投票时间"),  # missing time
    (["A", "401", "同意", "2026-03-14", "", "李四", ""], "授权书编号"),  # proxy, no reference
    (["A", "201", "同意", "2026-03-16", "", "", ""], ""),  # repeats row 3
]


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
@pytest.mark.parametrize("bad,column", VOTES_BAD)
def test_one_bad_vote_cell_blocks_the_whole_file(tmp_path, ext, bad, column):
    p = project()
    pv = preview_votes(p, write(tmp_path, f"v.{ext}", [VOTES_HEAD] + GOOD_VOTES + [bad]))
    assert [(e.row, e.column) for e in pv.errors] == [(5, column)]
    with pytest.raises(InputError):
        apply_preview(p, pv)
    assert p.vote_log == [] and all(h.vote is None for u in p.units() for h in u.households)


def test_votes_by_owner_cover_all_the_owners_doors(tmp_path):
    u = make_unit([None] * 6, "A")
    u.household("501").owner = u.household("601").owner = "O-56"
    p = make_project([u])
    pv = preview_votes(
        p,
        write(
            tmp_path,
            "v.csv",
            [["单元编号", "业主", "表决意见", "投票时间"], ["A", "O-56", "同意", "2026-03-14"]],
        ),
    )
    assert pv.ok and pv.rows[0]["doors"] == ["501", "601"]
    apply_preview(p, pv)
    assert [u.household(d).vote for d in ("501", "601")] == ["yes", "yes"]


def test_commands_preview_apply_and_refuse(tmp_path):
    path = tmp_path / "s.eeproj"
    save_project(project(), path)
    good = write(tmp_path, "v.csv", [VOTES_HEAD] + GOOD_VOTES)
    bad = write(tmp_path, "b.csv", [VOTES_HEAD] + GOOD_VOTES + [b for b, _ in VOTES_BAD[:2]])
    out, err = io.StringIO(), io.StringIO()
    assert (
        run_command("import-votes", [str(path), str(bad), "--apply"], stdout=out, stderr=err) == 2
    )
    msg = err.getvalue()
    assert (
        msg.count("\n") == 1
        and "2 bad rows, nothing imported" in msg
        and "row 5" in msg
        and "row 6" in msg
    )
    assert open_project(path).vote_log == []
    out = io.StringIO()
    assert run_command("import-votes", [str(path), str(good)], stdout=out, stderr=err) == 0
    assert "preview only" in out.getvalue() and open_project(path).vote_log == []
    assert (
        run_command("import-votes", [str(path), str(good), "--apply"], stdout=out, stderr=err) == 0
    )
    assert len(open_project(path).vote_log) == 3


def test_one_bad_row_is_counted_in_the_singular(tmp_path):
    path = tmp_path / "s.eeproj"
    save_project(project(), path)
    bad = write(tmp_path, "b.csv", [VOTES_HEAD] + GOOD_VOTES + [VOTES_BAD[0][0]])
    err = io.StringIO()
    assert run_command("import-votes", [str(path), str(bad)], stdout=io.StringIO(), stderr=err) == 2
    assert "1 bad row, nothing imported" in err.getvalue()


def test_a_damaged_workbook_is_named_not_a_crash(tmp_path):
    """A workbook whose compressed sheet is cut (found by the long fuzz tier: zlib's error
    came through as "could not process the input")."""
    import zipfile

    good = write(tmp_path, "v.xlsx", [VOTES_HEAD] + GOOD_VOTES)
    damaged = tmp_path / "d.xlsx"
    with zipfile.ZipFile(good) as z, zipfile.ZipFile(damaged, "w") as out:
        for info in z.infolist():
            data = z.read(info.filename)
            out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    raw = bytearray(damaged.read_bytes())
    with zipfile.ZipFile(damaged) as z:
        info = next(i for i in z.infolist() if i.filename.endswith("workbook.xml"))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 2, start + min(info.compress_size, 40)):
        raw[k] ^= 0x5A  # scramble the compressed stream, keep the zip's directory
    damaged.write_bytes(bytes(raw))
    with pytest.raises(InputError) as e:
        preview_votes(project(), damaged)
    assert "d.xlsx" in str(e.value)
