"""The header row of a sheet: where it is, which known column each header names.

The header row is the first of the top 10 rows naming at least two known columns. A header
names a column by any of its accepted names (case, full width, units in brackets and
punctuation do not matter), or by one part of a bilingual header such as
``面积(㎡) / area_m2``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..cell_core import strip_spaces
from .columns import QUIET_HEADERS, Column
from .issues import Collector

HEADER_ROWS_SEARCHED = 10
"""The header row is looked for in this many rows at the top of a sheet."""

DOOR_HEADERS = ("门牌号", "door", "户号", "房号")
"""Headers that mark a sheet of households when no sheet has a known name."""


@dataclass
class Table:
    """One sheet after its header row was mapped.

    ``columns`` maps a field name to ``(0-based column index, header as written)``; ``rows``
    holds ``(1-based row number, cell values)`` of the non-blank rows below the header.
    """

    sheet: str
    header_row: int | None = None
    columns: dict[str, tuple[int, str]] = field(default_factory=dict)
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)


def norm_header(text) -> str:
    """A header reduced for matching: NFKC, lower case, no bracketed units, letters only."""
    if text is None:
        return ""
    t = unicodedata.normalize("NFKC", str(text)).lower()
    t = re.sub(r"\(.*?\)|\[.*?\]|【.*?】", "", t)
    return "".join(ch for ch in t if ch.isalnum() or ch in ".")


_HEADER_SPLIT = re.compile(r"[/|\n／｜]+")
_QUIET = {norm_header(h) for h in QUIET_HEADERS}


def match_header(aliases: dict[str, Column], header) -> tuple[str, Column | None]:
    """The column a header names: the whole header, else a part of a bilingual header
    such as ``面积(㎡) / area_m2`` or ``小区\\ncommunity``. Returns (normalised, column)."""
    key = norm_header(header)
    if key in aliases or header is None:
        return key, aliases.get(key)
    for part in _HEADER_SPLIT.split(str(header)):
        k = norm_header(part)
        if k in aliases:
            return k, aliases[k]
    return key, None


def alias_map(columns) -> dict[str, Column]:
    """Every accepted (normalised) header of ``columns`` → its column."""
    out: dict[str, Column] = {}
    for col in columns:
        for h in col.headers:
            out.setdefault(norm_header(h), col)
    return out


def col_letter(idx: int) -> str:
    """The spreadsheet letter of a 0-based column index (0 → ``A``, 26 → ``AA``)."""
    s = ""
    n = idx + 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def blank(v) -> bool:
    """True for an empty cell (``None`` or only spaces)."""
    return v is None or (isinstance(v, str) and not strip_spaces(v))


def _find_header_row(table: Table, raw_rows, aliases, col: Collector):
    """The index in ``raw_rows`` of the header row (sets ``table.header_row``), or None."""
    for i, (row_no, values) in enumerate(raw_rows[:HEADER_ROWS_SEARCHED]):
        hits = sum(1 for v in values if match_header(aliases, v)[1] is not None)
        if hits >= 2:
            table.header_row = row_no
            return i
    col.error(
        table.sheet,
        None,
        "",
        "",
        "找不到表头行：前 10 行中没有一行写有 小区、楼栋、单元、门牌号 等列名",
        "no header row: none of the first 10 rows names the columns "
        "(小区/community, 楼栋/building, 单元/unit, 门牌号/door …)",
    )
    return None


def _map_one(table: Table, idx: int, v, aliases, col: Collector) -> None:
    """Map the header cell ``v`` in column ``idx``: known, repeated, or unknown (warned)."""
    key, c = match_header(aliases, v)
    if not key:
        return
    header = strip_spaces(str(v))
    if c is None:
        if key not in _QUIET:
            col.warn(
                table.sheet,
                table.header_row,
                header,
                "",
                f"未知列“{header}”（{col_letter(idx)} 列），已忽略",
                f"unknown column {header!r} ({col_letter(idx)}) is ignored",
            )
        return
    if c.key in table.columns:
        first = table.columns[c.key][1]
        col.error(
            table.sheet,
            table.header_row,
            header,
            "",
            f"列“{header}”与列“{first}”重复（同为 {c.title}）",
            f"column {header!r} repeats column {first!r} (both are {c.title})",
        )
        return
    table.columns[c.key] = (idx, header)


def map_header(table: Table, raw_rows: list[tuple[int, list]], columns, col: Collector):
    """Find the header row (first of the top 10 rows naming ≥ 2 known columns) and map it."""
    aliases = alias_map(columns)
    i = _find_header_row(table, raw_rows, aliases, col)
    if i is None:
        return
    for idx, v in enumerate(raw_rows[i][1]):
        _map_one(table, idx, v, aliases, col)
    for c in columns:
        if c.required and c.key not in table.columns:
            col.error(
                table.sheet,
                table.header_row,
                c.title,
                "",
                f"缺少必填列“{c.title}”",
                f"the required column {c.title!r} is missing",
            )
    table.rows = [(r, v) for r, v in raw_rows[i + 1 :] if any(not blank(x) for x in v)]


def pick_sheet(sheets: dict, names, fallback_first: bool):
    """The sheet named by one of ``names``; else (``fallback_first``) the first sheet whose
    top rows name a door-number column; else None."""
    by_norm = {norm_header(k): k for k in sheets}
    for n in names:
        k = by_norm.get(norm_header(n))
        if k is not None:
            return k
    if fallback_first:
        for k, (rows, _m) in sheets.items():
            if any(
                norm_header(v) in DOOR_HEADERS
                for _, vals in rows[:HEADER_ROWS_SEARCHED]
                for v in vals
            ):
                return k
    return None


def build_table(sheet, rows, merged, columns, col: Collector) -> Table:
    """Map the header of one sheet; merged cells below the header are errors."""
    t = Table(sheet)
    map_header(t, rows, columns, col)
    if t.header_row is None:
        return t
    for coord, r0, r1, c0 in merged:
        if r1 <= t.header_row:
            continue  # titles and headers may be merged
        header = next((h for i, h in t.columns.values() if i == c0 - 1), col_letter(c0 - 1))
        col.error(
            sheet,
            max(r0, t.header_row + 1),
            header,
            coord,
            f"合并单元格 {coord}：数据区不接受合并单元格，请取消合并并在每一行填写数值",
            f"merged cells {coord}: merged cells are not accepted in the data; unmerge "
            "them and fill in every row",
        )
    return t
