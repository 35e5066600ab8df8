"""Write the sample import workbooks of a fictional street.

``resources/sample/import-example.xlsx``
    Five units of two communities (56 households) in the documented layout: sheet 户
    (households), sheet 单元 (site survey) and sheet 说明 (instructions). Imports without
    an error.
``resources/sample/import-with-errors.xlsx``
    The same street with the mistakes people really make; :data:`MISTAKES` lists each one
    with its row, column and whether the importer accepts it.

Run from the project root: ``python tools/make_import_examples.py``. Names, telephone
numbers and addresses are invented.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "sample"

HEADERS = (
    "小区",
    "楼栋",
    "单元",
    "单元编号",
    "建成年份",
    "层数",
    "结构",
    "危房等级",
    "门牌号",
    "楼层",
    "面积(㎡)",
    "业主编号",
    "业主",
    "联系电话",
    "表决",
    "表决日期",
)
UNIT_HEADERS = (
    "小区",
    "楼栋",
    "单元",
    "单元编号",
    "入户方式",
    "可用宽度(m)",
    "可用进深(m)",
    "红线内",
    "消防通道宽度(m)",
    "与邻楼距离(m)",
    "占用私家院",
    "日照不达标",
    "管线",
    "底坑深度(mm)",
    "顶层高度(mm)",
    "造价(元)",
)

# community, building, unit, unit id, year, storeys, structure, grade, areas (east, west)
UNITS = (
    ("幸福里", "3号楼", "1单元", "XFL-3-1", 1992, 6, "砖混", "B", ("56.30", "61.05")),
    ("幸福里", "3号楼", "2单元", "XFL-3-2", 1992, 6, "砖混", "B", ("56.30", "61.05")),
    ("幸福里", "5号楼", "1单元", "XFL-5-1", 1996, 6, "砖混", None, ("72.40", "68.15")),
    ("东风新村", "12栋", "1单元", "DFXC-12-1", 1988, 5, "砖混", "C", ("48.60", "52.20")),
    ("东风新村", "12栋", "2单元", "DFXC-12-2", 1988, 5, "砖混", "C", ("48.60", "52.20")),
)
SITES = {
    "XFL-3-1": (
        "半层",
        "2.6",
        "2.4",
        "是",
        "4.5",
        "13",
        "否",
        "否",
        "给水、通信",
        1400,
        3800,
        "500000",
    ),
    "XFL-3-2": ("半层", "2.6", "2.4", "是", "4.5", "13", "否", "否", "给水", 1400, 3800, "50万"),
    "XFL-5-1": (
        "平层",
        "2.8",
        "3.0",
        "是",
        "5.0",
        "15",
        "否",
        "否",
        "燃气、给水",
        1500,
        4000,
        "620000",
    ),
    "DFXC-12-1": ("半层", "2.2", "2.0", "是", "3.6", "8", "是", "否", "", None, None, None),
}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "建国秀英桂兰志强淑珍丽华明德国庆玉兰红梅海燕文华永胜秀兰建华凤英德胜"
VOTES = ("同意", "同意", "同意", "反对", "弃权", "同意", "", "同意", "同意", "反对", "同意", "")


def household_rows() -> list[list]:
    """Rows of the 户 sheet (two households per floor, east 01 and west 02)."""
    rows = []
    k = 0
    for comm, bldg, unit, uid, year, storeys, structure, grade, areas in UNITS:
        for floor in range(1, storeys + 1):
            for side, area in enumerate(areas, start=1):
                door = f"{floor}0{side}"
                name = SURNAMES[k % len(SURNAMES)] + GIVEN[(3 * k) % (len(GIVEN) - 1) :][:2]
                vote = VOTES[k % len(VOTES)]
                date = "2024-03-05" if vote else None
                rows.append(
                    [
                        comm,
                        bldg,
                        unit,
                        uid,
                        year,
                        storeys,
                        structure,
                        grade,
                        door,
                        floor,
                        area,
                        f"{uid}-{door}",
                        name,
                        f"1380013{k:04d}",
                        vote,
                        date,
                    ]
                )
                k += 1
    return rows


def unit_rows() -> list[list]:
    return [[c, b, u, uid, *SITES[uid]] for c, b, u, uid, *_ in UNITS if uid in SITES]


def _row_of(rows, uid, door) -> int:
    """Spreadsheet row (header = 1) of a household."""
    for i, r in enumerate(rows):
        if r[3] == uid and r[8] == door:
            return i + 2
    raise KeyError((uid, door))


def mistakes(rows) -> tuple[list[dict], dict[str, int]]:
    """The mistakes of the error workbook (where, what is typed, accepted or not) and the
    column index of each header."""
    col = {h: i for i, h in enumerate(HEADERS)}
    return [
        {
            "row": _row_of(rows, "XFL-3-1", "202"),
            "column": "面积(㎡)",
            "value": "=B5*2",
            "accepted": False,
            "what": "formula / 公式",
        },
        {
            "row": _row_of(rows, "XFL-3-1", "301"),
            "column": "面积(㎡)",
            "value": "-56.30",
            "accepted": False,
            "what": "negative area / 负面积",
        },
        {
            "row": _row_of(rows, "XFL-3-1", "401"),
            "column": "面积(㎡)",
            "value": "56.3㎡",
            "accepted": True,
            "what": "unit in the cell / 带单位（可接受）",
        },
        {
            "row": _row_of(rows, "XFL-3-2", "601"),
            "column": "楼层",
            "value": 7,
            "accepted": False,
            "what": "floor above storeys / 楼层高于层数",
        },
        {
            "row": _row_of(rows, "XFL-3-2", "401"),
            "column": "面积(㎡)",
            "value": "５６．３０",
            "accepted": True,
            "what": "full-width digits / 全角数字（可接受）",
        },
        {
            "row": _row_of(rows, "XFL-5-1", "101"),
            "column": "小区",
            "value": "幸福里",
            "accepted": False,
            "what": "merged cells over two rows / 合并单元格",
            "merge": f"A{_row_of(rows, 'XFL-5-1', '101')}:A{_row_of(rows, 'XFL-5-1', '102')}",
        },
        {
            "row": _row_of(rows, "DFXC-12-1", "101"),
            "column": "建成年份",
            "value": "八十年代",
            "accepted": False,
            "what": "text in the year column / 年份写成文字",
        },
    ], col


def _fix_dates(wb) -> None:
    stamp = dt.datetime(2024, 3, 1, 9, 0, 0)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "elevator-eval"


def _workbook(rows, units, merges=()):
    import openpyxl
    from openpyxl.styles import Font

    from elevator_eval.io.street.template import INSTRUCTIONS

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "户"
    ws.append(list(HEADERS))
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    wu = wb.create_sheet("单元")
    wu.append(list(UNIT_HEADERS))
    for r in units:
        wu.append(r)
    wi = wb.create_sheet("说明")
    for zh, en in INSTRUCTIONS:
        wi.append([zh, en])
    for sheet in (ws, wu):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    wi.column_dimensions["A"].width = 70
    wi.column_dimensions["B"].width = 70
    _fix_dates(wb)
    return wb


def _save_stable(wb, path: Path) -> Path:
    """Save with fixed timestamps, so that the same content gives the same bytes."""
    buf = io.BytesIO()
    wb.save(buf)
    stamp = b"2024-03-01T09:00:00Z"
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp + rb"\g<2>",
                    data,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 3, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    return path


def write_example(path: Path) -> Path:
    return _save_stable(_workbook(household_rows(), unit_rows()), path)


def write_with_errors(path: Path) -> Path:
    rows = household_rows()
    found, col = mistakes(rows)
    merges = []
    for m in found:
        rows[m["row"] - 2][col[m["column"]]] = m["value"]
        if "merge" in m:
            merges.append(m["merge"])
    return _save_stable(_workbook(rows, unit_rows(), merges), path)


def main(argv=None) -> int:
    sys.path.insert(0, str(ROOT))
    OUT.mkdir(parents=True, exist_ok=True)
    a = write_example(OUT / "import-example.xlsx")
    b = write_with_errors(OUT / "import-with-errors.xlsx")
    for p in (a, b):
        print(p.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
