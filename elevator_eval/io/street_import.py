"""Import a street's buildings and households from a spreadsheet (.xlsx) or a CSV file.

Layout (documented for users in ``docs/import-rules.md``):

* sheet **户** (or ``住户``/``households``; a CSV file is this sheet): one row per household
  with the columns 小区, 楼栋, 单元, 建成年份, 层数, 结构, 危房等级, 门牌号, 楼层, 面积(㎡),
  业主, 联系电话, 表决 … (see :data:`HOUSEHOLD_COLUMNS`; Chinese or English headers, any
  order, unknown columns ignored with a warning). Building data (建成年份, 层数 …) may be
  repeated on every row of the building or given once; rows that disagree are errors.
* optional sheet **单元** (or ``units``): one row per unit with the site survey
  (:data:`UNIT_COLUMNS`), matched to the households by 小区 + 楼栋 + 单元.

Importing is two steps and **all or nothing**: :func:`preview_import` reads and checks the
whole file and lists every problem with sheet, row and column; :func:`apply_import` adds
the file's communities, buildings and units to a copy of the project only when there is
not a single error.
"""

from __future__ import annotations

import copy
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..errors import InputError
from ..model import (
    Building,
    BuildingInfo,
    Community,
    Costs,
    Household,
    Project,
    Site,
    Unit,
)
from . import cells
from .cells import CellError

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest file accepted [bytes]."""

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""Largest total size of an .xlsx file's parts once unpacked [bytes] (zip bombs)."""

MAX_ROWS = 20000
"""Most rows read from one sheet."""

MAX_COLUMNS = 200
"""Most columns read from one sheet."""

MAX_ERRORS = 500
"""At most this many errors are listed; one more line says how many were left out."""

HOUSEHOLD_SHEETS = ("户", "住户", "户信息", "households", "household")
UNIT_SHEETS = ("单元", "单元信息", "units", "unit")


@dataclass(frozen=True)
class Column:
    """A known column: field name, accepted header names, parser, whether required."""

    key: str
    headers: tuple[str, ...]
    parse: Callable | None
    required: bool = False

    @property
    def title(self) -> str:
        """The header written in templates and exports."""
        return self.headers[0]


def _c(key, headers, parse, required=False):
    return Column(key, tuple(headers), parse, required)


def _seismic(value, row=None, column="", sheet="", *, required=False):
    return cells.parse_int(value, row, column, sheet, lo=5, hi=10, units=("度",),
                           required=required)


def _design_life(value, row=None, column="", sheet="", *, required=False):
    return cells.parse_int(value, row, column, sheet, lo=1, hi=200, units=("年",),
                           required=required)


P = cells
HOUSEHOLD_COLUMNS: tuple[Column, ...] = (
    _c("community", ("小区", "小区名称", "community"), P.parse_text, True),
    _c("building", ("楼栋", "楼号", "楼幢", "building"), P.parse_text, True),
    _c("unit", ("单元", "单元号", "unit"), P.parse_text, True),
    _c("unit_id", ("单元编号", "unit_id"), P.parse_text),
    _c("address", ("地址", "楼栋地址", "address"), P.parse_text),
    _c("year_built", ("建成年份", "建成年代", "竣工年份", "year_built", "year"), P.parse_year),
    _c("storeys", ("层数", "总层数", "地上层数", "storeys"), P.parse_storeys),
    _c("structure", ("结构", "结构类型", "structure"), P.parse_structure),
    _c("danger_grade", ("危房等级", "危险性等级", "房屋安全等级", "danger_grade"),
       P.parse_danger_grade),
    _c("floor_height_m", ("层高(m)", "层高", "floor_height_m"), P.parse_length_m),
    _c("seismic_intensity", ("设防烈度", "抗震设防烈度", "seismic_intensity"), _seismic),
    _c("design_life_years", ("设计使用年限", "design_life_years"), _design_life),
    _c("door", ("门牌号", "户号", "房号", "室号", "door", "household_id"), P.parse_door, True),
    _c("floor", ("楼层", "所在楼层", "floor"), P.parse_floor, True),
    _c("area_m2", ("面积(㎡)", "面积", "专有部分面积", "产权面积", "建筑面积", "area_m2", "area"),
       P.parse_area_m2, True),
    _c("owner", ("业主编号", "owner_id", "owner"), P.parse_text),
    _c("owner_name", ("业主", "业主姓名", "姓名", "owner_name", "name"), P.parse_text),
    _c("contact", ("联系电话", "电话", "手机", "contact", "phone", "telephone"), P.parse_text),
    _c("vote", ("表决", "表决意见", "投票", "vote"), P.parse_vote),
    _c("vote_date", ("表决日期", "投票日期", "vote_date"), P.parse_date),
    _c("vote_source", ("表决方式", "投票方式", "vote_source"), P.parse_vote_source),
    _c("exclusive_part_affected", ("专有部分受影响", "占用专有部分", "exclusive_part_affected"),
       P.parse_bool),
    _c("max_contribution_yuan", ("最高出资(元)", "最高出资", "可接受出资", "max_contribution_yuan"),
       P.parse_money_yuan),
    _c("provident_fund_yuan", ("公积金(元)", "公积金", "公积金提取", "provident_fund_yuan"),
       P.parse_money_yuan),
)
"""Columns of the 户 sheet. The first header of each is the one written in templates."""

UNIT_COLUMNS: tuple[Column, ...] = (
    _c("community", ("小区", "小区名称", "community"), P.parse_text, True),
    _c("building", ("楼栋", "楼号", "楼幢", "building"), P.parse_text, True),
    _c("unit", ("单元", "单元号", "unit"), P.parse_text, True),
    _c("unit_id", ("单元编号", "unit_id"), P.parse_text),
    _c("name", ("单元名称", "unit_name"), P.parse_text),
    _c("entry_mode", ("入户方式", "entry_mode"), P.parse_entry_mode),
    _c("footprint_width_m", ("可用宽度(m)", "可用宽度", "井道可用宽度", "footprint_width_m"),
       P.parse_length_m),
    _c("footprint_depth_m", ("可用进深(m)", "可用进深", "井道可用进深", "footprint_depth_m"),
       P.parse_length_m),
    _c("inside_red_line", ("红线内", "在用地红线内", "inside_red_line"), P.parse_bool),
    _c("fire_lane_width_after_m", ("消防通道宽度(m)", "消防通道宽度", "加装后消防通道宽度",
                                   "fire_lane_width_after_m"), P.parse_length_m),
    _c("distance_to_neighbour_m", ("与邻楼距离(m)", "与邻楼距离", "distance_to_neighbour_m"),
       P.parse_length_m),
    _c("occupies_private_courtyard", ("占用私家院", "占用私家庭院", "occupies_private_courtyard"),
       P.parse_bool),
    _c("sunlight_below_standard", ("日照不达标", "sunlight_below_standard"), P.parse_bool),
    _c("pipes_in_footprint", ("管线", "井道范围管线", "pipes_in_footprint", "pipes"),
       P.parse_pipes),
    _c("pit_depth_available_mm", ("底坑深度(mm)", "底坑深度", "可挖底坑深度",
                                  "pit_depth_available_mm"), P.parse_mm),
    _c("headroom_available_mm", ("顶层高度(mm)", "顶层高度", "顶层净高", "headroom_available_mm"),
       P.parse_mm),
    _c("corridor_depth_m", ("连廊进深(m)", "连廊进深", "corridor_depth_m"), P.parse_length_m),
    _c("total_yuan", ("造价(元)", "造价", "总造价", "工程造价", "total_yuan"), P.parse_money_yuan),
    _c("annual_maintenance_yuan", ("年维保费(元)", "年维保费", "年维护费", "annual_maintenance_yuan"),
       P.parse_money_yuan),
)
"""Columns of the optional 单元 sheet (site survey and cost per unit)."""

QUIET_HEADERS = ("户数", "households", "同意", "yes", "反对", "no", "弃权", "abstain",
                 "未投票", "not_voted", "序号", "no.", "备注", "remarks", "notes",
                 "建成年份", "层数", "结构", "危房等级")
"""Headers ignored without a warning (summary and building columns the exporter writes
in the 单元 sheet, notes)."""

_BUILDING_KEYS = ("year_built", "storeys", "structure", "danger_grade", "floor_height_m",
                  "seismic_intensity", "design_life_years", "address")


# ------------------------------------------------------------------------------ results

@dataclass
class ImportIssue:
    """One problem (error or warning) of an import, with its place in the file.

    Attributes
    ----------
    sheet : str
        Sheet name (``""`` for a CSV file or the file as a whole).
    row : int or None
        1-based row number as shown by the spreadsheet program (CSV: line number).
    column : str
        Column header as written in the file (or the expected header).
    value : str
        The cell's value as text (``""`` when empty or not about one cell).
    message_zh, message_en : str
    """

    sheet: str
    row: int | None
    column: str
    value: str
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang == "zh" else self.message_en

    def where(self, lang: str = "zh") -> str:
        """``"工作表 户，第 7 行，面积(㎡) 列"`` or ``"sheet 户, row 7, column 面积(㎡)"``."""
        if lang != "zh":
            return cells.cell_field(self.sheet, self.row, self.column)
        parts = []
        if self.sheet:
            parts.append(f"工作表 {self.sheet}")
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.column:
            parts.append(f"{self.column} 列")
        return "，".join(parts) or "文件"

    def __str__(self) -> str:
        return f"{self.where('en')}: {self.message_en}"


@dataclass
class ImportDelta:
    """What an import adds: the communities built from the file, with counts."""

    communities: list[Community] = field(default_factory=list)

    @property
    def n_communities(self) -> int:
        return len(self.communities)

    @property
    def n_buildings(self) -> int:
        return sum(len(c.buildings) for c in self.communities)

    @property
    def n_units(self) -> int:
        return sum(len(b.units) for c in self.communities for b in c.buildings)

    @property
    def n_households(self) -> int:
        return sum(len(u.households) for c in self.communities for b in c.buildings
                   for u in b.units)

    def summary(self, lang: str = "zh") -> str:
        if lang == "zh":
            return (f"{self.n_communities} 个小区，{self.n_buildings} 栋楼，{self.n_units} 个单元，"
                    f"{self.n_households} 户")
        return (f"{self.n_communities} communities, {self.n_buildings} buildings, "
                f"{self.n_units} units, {self.n_households} households")


@dataclass
class ImportPreview:
    """The result of reading a file, before anything is imported.

    Attributes
    ----------
    rows_ok : int
        Household rows read without an error.
    errors : list of ImportIssue
        Every problem that stops the import (empty = the file can be imported).
    warnings : list of ImportIssue
        Things worth knowing that do not stop the import (ignored columns …).
    project_delta : ImportDelta or None
        What :func:`apply_import` will add; ``None`` when there are errors.
    source : str
        The file name.
    """

    rows_ok: int
    errors: list[ImportIssue]
    warnings: list[ImportIssue]
    project_delta: ImportDelta | None
    source: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors


# ------------------------------------------------------------------------------ reading

@dataclass
class _Table:
    sheet: str
    header_row: int | None = None
    columns: dict[str, tuple[int, str]] = field(default_factory=dict)  # key -> (idx, header)
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    merged: list[tuple[str, int, int]] = field(default_factory=list)  # (range, row, col)


class _Collector:
    def __init__(self):
        self.errors: list[ImportIssue] = []
        self.warnings: list[ImportIssue] = []
        self.dropped = 0

    def error(self, sheet, row, column, value, zh, en):
        if len(self.errors) >= MAX_ERRORS:
            self.dropped += 1
            return
        self.errors.append(ImportIssue(sheet, row, column, _text(value), zh, en))

    def cell(self, e: CellError):
        self.error(e.sheet, e.row, e.column, e.value, e.message_zh, e.message_en)

    def warn(self, sheet, row, column, value, zh, en):
        self.warnings.append(ImportIssue(sheet, row, column, _text(value), zh, en))

    def finish(self, sheet_order=()):
        order = {s: i for i, s in enumerate(sheet_order)}
        self.errors.sort(key=lambda e: (order.get(e.sheet, -1), e.row or 0))
        if self.dropped:
            self.errors.append(ImportIssue(
                "", None, "", "", f"另有 {self.dropped} 个错误未列出",
                f"{self.dropped} more errors are not listed"))


def _text(value) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= 100 else text[:99] + "…"


def _norm_header(text) -> str:
    if text is None:
        return ""
    t = unicodedata.normalize("NFKC", str(text)).lower()
    t = re.sub(r"\(.*?\)|\[.*?\]|【.*?】", "", t)
    return "".join(ch for ch in t if ch.isalnum() or ch in ".")


_HEADER_SPLIT = re.compile(r"[/|\n／｜]+")


def _match(aliases: dict[str, Column], header) -> tuple[str, Column | None]:
    """The column a header names: the whole header, else a part of a bilingual header
    such as ``面积(㎡) / area_m2`` or ``小区\ncommunity``. Returns (normalised, column)."""
    key = _norm_header(header)
    if key in aliases or header is None:
        return key, aliases.get(key)
    for part in _HEADER_SPLIT.split(str(header)):
        k = _norm_header(part)
        if k in aliases:
            return k, aliases[k]
    return key, None


def _alias_map(columns) -> dict[str, Column]:
    out = {}
    for col in columns:
        for h in col.headers:
            out.setdefault(_norm_header(h), col)
    return out


_QUIET = {_norm_header(h) for h in QUIET_HEADERS}


def _col_letter(idx: int) -> str:
    s = ""
    n = idx + 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def _map_header(table: _Table, raw_rows: list[tuple[int, list]], columns, col: _Collector):
    """Find the header row (first of the top 10 rows naming ≥ 2 known columns) and map it."""
    aliases = _alias_map(columns)
    for i, (row_no, values) in enumerate(raw_rows[:10]):
        hits = sum(1 for v in values if _match(aliases, v)[1] is not None)
        if hits >= 2:
            table.header_row = row_no
            data = raw_rows[i + 1:]
            break
    else:
        col.error(table.sheet, None, "", "",
                  "找不到表头行：前 10 行中没有一行写有 小区、楼栋、单元、门牌号 等列名",
                  "no header row: none of the first 10 rows names the columns "
                  "(小区/community, 楼栋/building, 单元/unit, 门牌号/door …)")
        return
    for idx, v in enumerate(values):
        key, c = _match(aliases, v)
        if not key:
            continue
        header = cells._strip(str(v))
        if c is None:
            if key not in _QUIET:
                col.warn(table.sheet, table.header_row, header, "",
                         f"未知列“{header}”（{_col_letter(idx)} 列），已忽略",
                         f"unknown column {header!r} ({_col_letter(idx)}) is ignored")
            continue
        if c.key in table.columns:
            first = table.columns[c.key][1]
            col.error(table.sheet, table.header_row, header, "",
                      f"列“{header}”与列“{first}”重复（同为 {c.title}）",
                      f"column {header!r} repeats column {first!r} (both are {c.title})")
            continue
        table.columns[c.key] = (idx, header)
    for c in columns:
        if c.required and c.key not in table.columns:
            col.error(table.sheet, table.header_row, c.title, "",
                      f"缺少必填列“{c.title}”", f"the required column {c.title!r} is missing")
    table.rows = [(r, v) for r, v in data if any(not _blank(x) for x in v)]


def _blank(v) -> bool:
    return v is None or (isinstance(v, str) and not cells._strip(v))


def _decode_csv(raw: bytes, col: _Collector) -> str | None:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    col.error("", None, "", "", "文件编码无法识别（请另存为 UTF-8 或 GB18030 编码的 CSV）",
              "the file is neither UTF-8 nor GB18030 text; save the CSV as UTF-8")
    return None


def _read_csv(path: Path, raw: bytes, col: _Collector) -> dict[str, list]:
    text = _decode_csv(raw, col)
    if text is None:
        return {}
    if "\x00" in text:
        col.error("", None, "", "", "文件包含空字符，不是文本格式的 CSV",
                  "the file contains NUL characters; it is not a CSV text file")
        return {}
    head = text.split("\n", 10)[:10]
    delim = max([",", "\t", ";"],
                key=lambda d: (max(line.count(d) for line in head), d == ","))
    rows: list[tuple[int, list]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    start = 1
    try:
        for rec in reader:
            rows.append((start, list(rec)[:MAX_COLUMNS]))
            start = reader.line_num + 1
            if len(rows) > MAX_ROWS + 10:
                col.error("", None, "", "", f"行数超过 {MAX_ROWS}，请分批导入",
                          f"more than {MAX_ROWS} rows; import the street in parts")
                return {}
    except csv.Error as e:
        col.error("", start, "", "", f"CSV 格式错误：{e}", f"malformed CSV: {e}")
        return {}
    return {"": rows}


def _read_xlsx(path: Path, col: _Collector) -> dict[str, tuple[list, list]]:
    import warnings
    import zipfile
    try:
        import openpyxl
    except ImportError:  # pragma: no cover
        col.error("", None, "", "", "缺少 openpyxl，无法读取 xlsx", "openpyxl is not installed")
        return {}
    try:
        with zipfile.ZipFile(path) as z:
            unpacked = sum(i.file_size for i in z.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            col.error("", None, "", "", "表格解压后过大，可能不是普通的表格文件",
                      f"the workbook unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB; "
                      "it is not an ordinary spreadsheet")
            return {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(path, data_only=False, read_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, AttributeError,
            IndexError, EOFError, LookupError, NotImplementedError, SyntaxError,
            zipfile.LargeZipFile, RecursionError, MemoryError) as e:
        col.error("", None, "", "", f"无法打开表格文件：{type(e).__name__}",
                  f"cannot open the spreadsheet ({type(e).__name__}: "
                  f"{' '.join(str(e).split())[:200]}); is it an .xlsx file?")
        return {}
    except Exception as e:  # a hostile file may trip any error inside the XML/zip readers
        col.error("", None, "", "", f"无法打开表格文件：{type(e).__name__}",
                  f"cannot open the spreadsheet ({type(e).__name__})")
        return {}
    out = {}
    for ws in wb.worksheets:
        if ws.max_row > MAX_ROWS + 10:
            col.error(ws.title, None, "", "", f"行数超过 {MAX_ROWS}，请分批导入",
                      f"more than {MAX_ROWS} rows; import the street in parts")
            continue
        rows = []
        ncols = min(ws.max_column, MAX_COLUMNS)
        for r_idx, row in enumerate(ws.iter_rows(min_row=1, max_row=ws.max_row,
                                                 max_col=ncols, values_only=True), start=1):
            rows.append((r_idx, list(row)))
        merged = [(str(m.coord), m.min_row, m.max_row, m.min_col)
                  for m in ws.merged_cells.ranges]
        out[ws.title] = (rows, merged)
    return out


def _pick_sheet(sheets: dict, names, fallback_first: bool):
    by_norm = {_norm_header(k): k for k in sheets}
    for n in names:
        k = by_norm.get(_norm_header(n))
        if k is not None:
            return k
    if fallback_first:
        for k, (rows, _m) in sheets.items():
            if any(_norm_header(v) in ("门牌号", "door", "户号", "房号")
                   for _, vals in rows[:10] for v in vals):
                return k
    return None


def _build_table(sheet, rows, merged, columns, col: _Collector) -> _Table:
    t = _Table(sheet)
    _map_header(t, rows, columns, col)
    if t.header_row is None:
        return t
    for coord, r0, r1, c0 in merged:
        if r1 <= t.header_row:
            continue  # titles and headers may be merged
        header = next((h for i, h in t.columns.values() if i == c0 - 1), _col_letter(c0 - 1))
        col.error(sheet, max(r0, t.header_row + 1), header, coord,
                  f"合并单元格 {coord}：数据区不接受合并单元格，请取消合并并在每一行填写数值",
                  f"merged cells {coord}: merged cells are not accepted in the data; unmerge "
                  "them and fill in every row")
    return t


# ------------------------------------------------------------------------------ checking

def _parse_row(table: _Table, row_no: int, values: list, columns, col: _Collector):
    """Parse every known column of one row; returns ``(fields, ok)``."""
    out: dict[str, Any] = {}
    ok = True
    for c in columns:
        if c.key not in table.columns or c.parse is None:
            out[c.key] = None
            continue
        idx, header = table.columns[c.key]
        raw = values[idx] if idx < len(values) else None
        if c.key == "pipes_in_footprint" and _blank(raw):
            out[c.key] = None  # an empty cell means "not surveyed"; 无 means no pipes
            continue
        try:
            out[c.key] = c.parse(raw, row_no, header, table.sheet, required=c.required)
        except CellError as e:
            col.cell(e)
            out[c.key] = None
            ok = False
    return out, ok


def _header(table: _Table, key: str, columns) -> str:
    if key in table.columns:
        return table.columns[key][1]
    return next(c.title for c in columns if c.key == key)


def _show(v) -> str:
    return "" if v is None else str(v)


def _check(tables: dict[str, _Table], col: _Collector, source: str) -> tuple[int, ImportDelta]:
    ht = tables["households"]
    H = HOUSEHOLD_COLUMNS
    buildings: dict[tuple, dict] = {}     # (community, building) -> {key: (value, row)}
    units: dict[tuple, dict] = {}         # (c, b, u) -> {"rows": [...], "unit_id": (v, row)}
    rows_ok = 0
    if not ht.rows and ht.header_row is not None:
        col.error(ht.sheet, None, "", "", "没有住户数据行", "there are no household rows")
    for row_no, values in ht.rows:
        f, ok = _parse_row(ht, row_no, values, H, col)
        if f["community"] is None or f["building"] is None or f["unit"] is None:
            continue
        bkey = (f["community"], f["building"])
        ukey = bkey + (f["unit"],)
        b = buildings.setdefault(bkey, {"first_row": row_no})
        for key in _BUILDING_KEYS:
            v = f.get(key)
            if v is None:
                continue
            if key in b and b[key][0] != v:
                ok = False
                col.error(ht.sheet, row_no, _header(ht, key, H), v,
                          f"与第 {b[key][1]} 行同一楼栋的数据不一致（{_show(b[key][0])} ≠ {v}）",
                          f"conflicts with row {b[key][1]} of the same building "
                          f"({_show(b[key][0])} ≠ {v})")
            else:
                b.setdefault(key, (v, row_no))
        u = units.setdefault(ukey, {"first_row": row_no, "doors": {}, "hh": []})
        if f["unit_id"] is not None:
            if "unit_id" in u and u["unit_id"][0] != f["unit_id"]:
                ok = False
                col.error(ht.sheet, row_no, _header(ht, "unit_id", H), f["unit_id"],
                          f"与第 {u['unit_id'][1]} 行同一单元的单元编号不一致",
                          f"conflicts with the unit id on row {u['unit_id'][1]}")
            else:
                u.setdefault("unit_id", (f["unit_id"], row_no))
        door = f["door"]
        if door is not None:
            if door in u["doors"]:
                ok = False
                col.error(ht.sheet, row_no, _header(ht, "door", H), door,
                          f"门牌号 {door} 在本单元重复（第 {u['doors'][door]} 行已有）",
                          f"door number {door} appears twice in this unit (also on row "
                          f"{u['doors'][door]})")
            else:
                u["doors"][door] = row_no
        if ok and door is not None:
            u["hh"].append((row_no, f))
            rows_ok += 1

    # building data complete, floors within storeys
    for bkey, b in buildings.items():
        for key, zh, en in (("year_built", "建成年份", "year built"),
                            ("storeys", "层数", "storeys")):
            if key not in b:
                col.error(ht.sheet, b["first_row"], _header(ht, key, H), "",
                          f"楼栋 {bkey[0]} {bkey[1]} 没有填写{zh}",
                          f"building {bkey[0]} {bkey[1]} has no {en}")
    for ukey, u in units.items():
        b = buildings[ukey[:2]]
        storeys = b.get("storeys", (None,))[0]
        keep = []
        owners: dict[str, tuple] = {}
        for row_no, f in u["hh"]:
            if storeys is not None and f["floor"] is not None and f["floor"] > storeys:
                col.error(ht.sheet, row_no, _header(ht, "floor", H), f["floor"],
                          f"楼层 {f['floor']} 高于该楼层数 {storeys}",
                          f"floor {f['floor']} is above the building's {storeys} storeys")
                rows_ok -= 1
                continue
            owner = f["owner"]
            if owner is not None:
                if owner in owners and owners[owner][0] != f["vote"]:
                    col.error(ht.sheet, row_no, _header(ht, "vote", H), _show(f["vote"]),
                              f"业主 {owner} 的表决与第 {owners[owner][1]} 行不同；同一业主只能有一个意见",
                              f"owner {owner} votes differently on row {owners[owner][1]}; "
                              "one owner has one vote")
                    rows_ok -= 1
                    continue
                owners.setdefault(owner, (f["vote"], row_no))
            keep.append((row_no, f))
        u["hh"] = keep

    # the optional 单元 sheet
    site_rows: dict[tuple, tuple[int, dict]] = {}
    ut = tables.get("units")
    if ut is not None:
        for row_no, values in ut.rows:
            f, ok = _parse_row(ut, row_no, values, UNIT_COLUMNS, col)
            if f["community"] is None or f["building"] is None or f["unit"] is None:
                continue
            ukey = (f["community"], f["building"], f["unit"])
            if ukey in site_rows:
                col.error(ut.sheet, row_no, _header(ut, "unit", UNIT_COLUMNS), f["unit"],
                          f"单元重复（第 {site_rows[ukey][0]} 行已有）",
                          f"the unit appears twice (also on row {site_rows[ukey][0]})")
                continue
            if ukey not in units:
                col.error(ut.sheet, row_no, _header(ut, "unit", UNIT_COLUMNS), f["unit"],
                          f"户表中没有 {' '.join(ukey)} 的住户",
                          f"the households sheet has no households of {' '.join(ukey)}")
                continue
            w, d = f["footprint_width_m"], f["footprint_depth_m"]
            if (w is None) != (d is None):
                missing = "footprint_depth_m" if d is None else "footprint_width_m"
                col.error(ut.sheet, row_no, _header(ut, missing, UNIT_COLUMNS), "",
                          "可用宽度和可用进深须同时填写", "give both the clear width and depth")
                ok = False
            uid = f["unit_id"]
            hid = units[ukey].get("unit_id")
            if uid is not None and hid is not None and hid[0] != uid:
                col.error(ut.sheet, row_no, _header(ut, "unit_id", UNIT_COLUMNS), uid,
                          f"单元编号与户表第 {hid[1]} 行不一致（{hid[0]}）",
                          f"unit id differs from row {hid[1]} of the households sheet "
                          f"({hid[0]})")
                ok = False
            site_rows[ukey] = (row_no, f)

    # unit ids unique
    ids: dict[str, tuple] = {}
    for ukey, u in units.items():
        uid = u.get("unit_id", (None,))[0]
        if uid is None and ukey in site_rows:
            uid = site_rows[ukey][1]["unit_id"]
        u["id"] = uid or "-".join(ukey)
        if u["id"] in ids:
            col.error(ht.sheet, u["first_row"], _header(ht, "unit_id", H), u["id"],
                      f"单元编号 {u['id']} 与 {' '.join(ids[u['id']])} 重复",
                      f"unit id {u['id']} is also used by {' '.join(ids[u['id']])}")
        ids.setdefault(u["id"], ukey)

    if col.errors:
        return max(rows_ok, 0), ImportDelta()
    return rows_ok, _build(buildings, units, site_rows)


def _build(buildings, units, site_rows) -> ImportDelta:
    communities: dict[str, Community] = {}
    building_objs: dict[tuple, Building] = {}
    for bkey, b in buildings.items():
        cname, bname = bkey
        comm = communities.get(cname)
        if comm is None:
            comm = communities[cname] = Community(id=cname, name=cname)
        v = {k: b[k][0] for k in _BUILDING_KEYS if k in b}
        info = BuildingInfo(year_built=v["year_built"], storeys=v["storeys"],
                            structure=v.get("structure"), danger_grade=v.get("danger_grade"),
                            floor_height_m=v.get("floor_height_m"),
                            seismic_intensity=v.get("seismic_intensity"),
                            design_life_years=v.get("design_life_years") or 50,
                            design_life_given=v.get("design_life_years") is not None)
        bobj = Building(id=f"{cname}-{bname}", name=bname, info=info,
                        address=v.get("address") or "")
        comm.buildings.append(bobj)
        building_objs[bkey] = bobj
    for ukey, u in units.items():
        bobj = building_objs[ukey[:2]]
        site = Site()
        costs = Costs()
        name = " ".join(ukey)
        if ukey in site_rows:
            f = site_rows[ukey][1]
            fp = None
            if f["footprint_width_m"] is not None:
                fp = (f["footprint_width_m"], f["footprint_depth_m"])
            site = Site(entry_mode=f["entry_mode"], footprint_available_m=fp,
                        inside_red_line=f["inside_red_line"],
                        fire_lane_width_after_m=f["fire_lane_width_after_m"],
                        distance_to_neighbour_m=f["distance_to_neighbour_m"],
                        occupies_private_courtyard=f["occupies_private_courtyard"],
                        sunlight_below_standard=f["sunlight_below_standard"],
                        pipes_in_footprint=f["pipes_in_footprint"],
                        pit_depth_available_mm=f["pit_depth_available_mm"],
                        headroom_available_mm=f["headroom_available_mm"],
                        corridor_depth_m=f["corridor_depth_m"])
            om = {}
            if f["annual_maintenance_yuan"] is not None:
                om["maintenance"] = f["annual_maintenance_yuan"]
            costs = Costs(total_yuan_given=f["total_yuan"], annual_om_yuan=om)
            name = f["name"] or name
        hhs = []
        for _row, f in u["hh"]:
            hhs.append(Household(
                id=f["door"], floor=f["floor"], area_m2=f["area_m2"], owner=f["owner"],
                vote=f["vote"], exclusive_part_affected=bool(f["exclusive_part_affected"]),
                owner_name=f["owner_name"] or "", contact=f["contact"] or "",
                vote_date=f["vote_date"], vote_source=f["vote_source"],
                max_contribution_yuan=f["max_contribution_yuan"],
                provident_fund_yuan=f["provident_fund_yuan"]))
        bobj.units.append(Unit(id=u["id"], name=name, building=bobj.info, site=site,
                               households=hhs, costs=costs))
    return ImportDelta(list(communities.values()))


# ------------------------------------------------------------------------------ public API

def preview_import(path: str | Path) -> ImportPreview:
    """Read and check a street spreadsheet (.xlsx) or CSV file; nothing is imported.

    Parameters
    ----------
    path : str or Path
        An ``.xlsx`` workbook (sheets 户 and optionally 单元) or a ``.csv`` file (the 户
        sheet only; UTF-8 with or without BOM, or GB18030).

    Returns
    -------
    ImportPreview
        Every error and warning with sheet, row and column, the number of household rows
        read without error, and what :func:`apply_import` would add.

    Notes
    -----
    Never raises for a bad file: an unreadable file is reported as an error of the preview.
    """
    p = Path(path)
    col = _Collector()
    order: list[str] = []

    def result(rows_ok=0, delta=None) -> ImportPreview:
        col.finish(order)
        return ImportPreview(rows_ok, col.errors, col.warnings, delta, p.name)

    suffix = p.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        hint_zh = "（旧版 .xls 请先另存为 .xlsx）" if suffix == ".xls" else ""
        hint_en = " (save an old .xls workbook as .xlsx first)" if suffix == ".xls" else ""
        col.error("", None, "", p.name, f"只能导入 .xlsx 或 .csv 文件{hint_zh}",
                  f"only .xlsx and .csv files can be imported{hint_en}")
        return result()
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise IsADirectoryError(str(p))
        if size > MAX_FILE_BYTES:
            col.error("", None, "", "", f"文件超过 {MAX_FILE_BYTES // 2**20} MB",
                      f"the file is larger than {MAX_FILE_BYTES // 2**20} MB")
            return result()
        raw = p.read_bytes() if suffix in (".csv", ".txt") else b""
    except OSError as e:
        col.error("", None, "", p.name, f"无法读取文件：{e.strerror or e}",
                  f"cannot read the file: {e.strerror or e}")
        return result()

    if suffix in (".csv", ".txt"):
        sheets = {k: (v, []) for k, v in _read_csv(p, raw, col).items()}
    else:
        sheets = _read_xlsx(p, col)
    if col.errors:
        return result()
    hname = "" if "" in sheets else _pick_sheet(sheets, HOUSEHOLD_SHEETS, fallback_first=True)
    if hname is None:
        col.error("", None, "", "", "找不到“户”工作表（住户清单）",
                  "no sheet named 户 (the list of households)")
        return result()
    order.append(hname)
    tables = {"households": _build_table(hname, *sheets[hname], HOUSEHOLD_COLUMNS, col)}
    uname = _pick_sheet(sheets, UNIT_SHEETS, fallback_first=False)
    if uname is not None and uname != hname:
        order.append(uname)
        tables["units"] = _build_table(uname, *sheets[uname], UNIT_COLUMNS, col)
    if tables["households"].header_row is None:
        return result()
    rows_ok, delta = _check(tables, col, p.name)
    return result(rows_ok, delta if not col.errors else None)


def apply_import(project: Project, preview: ImportPreview) -> Project:
    """Add what the preview read to a copy of ``project`` — all or nothing.

    Communities and buildings already in the project (same names) receive the new units;
    everything else is added. The given project is never modified.

    Raises
    ------
    InputError
        when the preview has errors (nothing is imported), when a unit id already exists in
        the project, or when a building's data differ from the same building in the project.
    """
    if preview.errors:
        raise InputError("import", f"the file has {len(preview.errors)} errors; nothing was "
                         "imported / 文件有错误，未导入任何数据")
    if preview.project_delta is None:
        raise InputError("import", "nothing to import / 没有可导入的数据")
    out = copy.deepcopy(project)
    existing_ids = {u.id for u in out.units()}
    delta = copy.deepcopy(preview.project_delta)
    for comm in delta.communities:
        target_c = next((c for c in out.communities if c.name == comm.name), None)
        if target_c is None:
            out.communities.append(comm)
            for u in (u for b in comm.buildings for u in b.units):
                if u.id in existing_ids:
                    raise InputError("import", f"unit {u.id} already exists in the project; "
                                     "nothing was imported / 项目中已有该单元，未导入")
                existing_ids.add(u.id)
            continue
        for b in comm.buildings:
            target_b = next((x for x in target_c.buildings if x.name == b.name), None)
            if target_b is not None:
                ti, ni = target_b.info, b.info
                for key in ("year_built", "storeys", "structure", "danger_grade"):
                    if getattr(ti, key) != getattr(ni, key):
                        raise InputError(
                            "import", f"building {comm.name} {b.name}: {key} is "
                            f"{getattr(ti, key)} in the project but {getattr(ni, key)} in "
                            "the file; nothing was imported / 楼栋数据与项目不一致，未导入")
            for u in b.units:
                if u.id in existing_ids:
                    raise InputError("import", f"unit {u.id} already exists in the project; "
                                     "nothing was imported / 项目中已有该单元，未导入")
                existing_ids.add(u.id)
                if target_b is not None:
                    u.building = target_b.info
            if target_b is None:
                target_c.buildings.append(b)
            else:
                target_b.units.extend(b.units)
    return out


# ------------------------------------------------------------------------------ template

TEMPLATE_HOUSEHOLD_HEADERS = ("小区", "楼栋", "单元", "单元编号", "建成年份", "层数", "结构",
                              "危房等级", "门牌号", "楼层", "面积(㎡)", "业主编号", "业主",
                              "联系电话", "表决", "表决日期", "表决方式", "专有部分受影响")
TEMPLATE_UNIT_HEADERS = ("小区", "楼栋", "单元", "单元编号", "入户方式", "可用宽度(m)",
                         "可用进深(m)", "红线内", "消防通道宽度(m)", "与邻楼距离(m)",
                         "占用私家院", "日照不达标", "管线", "底坑深度(mm)", "顶层高度(mm)",
                         "造价(元)")

_EXAMPLE_HOUSEHOLDS = (
    ("幸福里", "3号楼", "2单元", "XFL-3-2", 1992, 6, "砖混", "B", "101", 1, "56.30", "O-101",
     "张三", "13800000101", "反对", "2024-03-05", "会议", "否"),
    ("幸福里", "3号楼", "2单元", "XFL-3-2", 1992, 6, "砖混", "B", "601", 6, "56.30", "O-601",
     "李四", "13800000601", "同意", "2024-03-05", "书面", "否"),
)
_EXAMPLE_UNIT = ("幸福里", "3号楼", "2单元", "XFL-3-2", "半层", "2.6", "2.4", "是", "4.5", "13",
                 "否", "否", "给水、通信", 1400, 3800, "500000")

INSTRUCTIONS = (
    ("加梯评估 街道导入模板", "Elevator Eval street import template"),
    ("“户”表：每户一行。小区、楼栋、单元、门牌号、楼层、面积为必填；建成年份和层数每栋楼至少填写一次，"
     "同一楼栋各行不得矛盾。",
     "Sheet 户: one row per household. 小区, 楼栋, 单元, 门牌号, 楼层 and 面积 are required; "
     "建成年份 (year built) and 层数 (storeys) at least once per building, never "
     "contradicting."),
    ("“单元”表（可选）：每个单元一行，填写现场踏勘数据；空格表示未踏勘。",
     "Sheet 单元 (optional): one row per unit with the site survey; an empty cell means "
     "'not surveyed'."),
    ("列的顺序随意；中文或英文列名均可；未知列会被忽略并提示。",
     "Columns in any order; Chinese or English names; unknown columns are ignored with a "
     "warning."),
    ("数值可带单位（56.3㎡、45万、2.6米），可用全角数字和千位分隔符。",
     "Numbers may carry units (56.3㎡, 45万, 2.6米), full-width digits and thousands "
     "separators."),
    ("不接受公式和数据区的合并单元格：请直接填写数值。",
     "Formulas and merged cells in the data are not accepted: type the values."),
    ("表决：同意/反对/弃权/未投票；结构：砖混/框架/剪力墙/其他；危房等级：A–D；入户方式：半层/平层；"
     "是/否 列可写 是/否、Y/N、√/×。",
     "Votes: 同意/反对/弃权/未投票 (yes/no/abstain/none); structure 砖混/框架/剪力墙/其他; "
     "danger grade A–D; entry mode 半层/平层; yes/no columns take 是/否, Y/N, √/×."),
    ("只要有一处错误，整个文件都不会导入；请按错误清单逐项修改后重新导入。",
     "One error stops the whole import: fix every listed problem and import again."),
    ("详细规则见 docs/import-rules.md。", "All rules: docs/import-rules.md."),
)


def write_import_template(path: str | Path) -> Path:
    """Write an empty import workbook: sheets 户 and 单元 with one example each, and 说明.

    The example rows import without error (they describe the spec's example unit).
    """
    import openpyxl
    from openpyxl.styles import Alignment, Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "户"
    ws.append(list(TEMPLATE_HOUSEHOLD_HEADERS))
    for row in _EXAMPLE_HOUSEHOLDS:
        ws.append(list(row))
    wu = wb.create_sheet("单元")
    wu.append(list(TEMPLATE_UNIT_HEADERS))
    wu.append(list(_EXAMPLE_UNIT))
    for sheet in (ws, wu):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for idx in range(sheet.max_column):
            sheet.column_dimensions[_col_letter(idx)].width = 13
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.number_format = "@"
    wi = wb.create_sheet("说明")
    wi.column_dimensions["A"].width = 70
    wi.column_dimensions["B"].width = 70
    for zh, en in INSTRUCTIONS:
        wi.append([zh, en])
    for row in wi.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    wi["A1"].font = Font(bold=True, size=14)
    wi["B1"].font = Font(bold=True, size=14)
    out = Path(path)
    wb.save(out)
    return out
