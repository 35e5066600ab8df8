"""Read a street file into rows: a CSV file (one sheet) or an .xlsx workbook (every sheet).

Hostile files are refused with one error each: too large, a zip bomb, not text, not a
workbook, too many rows. Nothing here raises for a bad file; problems go to the
:class:`~elevator_eval.io.street.issues.Collector`.
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from pathlib import Path

from .issues import Collector

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest file accepted [bytes]."""

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""Largest total size of an .xlsx file's parts once unpacked [bytes] (zip bombs)."""

MAX_ROWS = 20000
"""Most rows read from one sheet."""

MAX_COLUMNS = 200
"""Most columns read from one sheet."""

CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")

_OPEN_ERRORS = (
    zipfile.BadZipFile,
    KeyError,
    OSError,
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
    EOFError,
    LookupError,
    NotImplementedError,
    SyntaxError,
    zipfile.LargeZipFile,
    RecursionError,
    MemoryError,
)

Sheets = dict[str, tuple[list[tuple[int, list]], list[tuple[str, int, int, int]]]]
"""Sheet name → (rows as ``(1-based row number, values)``, merged ranges as
``(range, first row, last row, first column)``); a CSV file is the one sheet ``""``."""


def _too_many_rows(col: Collector, sheet: str) -> None:
    col.error(
        sheet,
        None,
        "",
        "",
        f"行数超过 {MAX_ROWS}，请分批导入",
        f"more than {MAX_ROWS} rows; import the street in parts",
    )


def decode_csv(raw: bytes, col: Collector) -> str | None:
    """The text of a CSV file: UTF-8 (with or without BOM), else GB18030; None if neither."""
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    col.error(
        "",
        None,
        "",
        "",
        "文件编码无法识别（请另存为 UTF-8 或 GB18030 编码的 CSV）",
        "the file is neither UTF-8 nor GB18030 text; save the CSV as UTF-8",
    )
    return None


def read_csv(raw: bytes, col: Collector) -> Sheets:
    """The rows of a CSV file as the one sheet ``""`` (delimiter ``,``, tab or ``;``)."""
    text = decode_csv(raw, col)
    if text is None:
        return {}
    if "\x00" in text:
        col.error(
            "",
            None,
            "",
            "",
            "文件包含空字符，不是文本格式的 CSV",
            "the file contains NUL characters; it is not a CSV text file",
        )
        return {}
    head = text.split("\n", 10)[:10]
    delim = max([",", "\t", ";"], key=lambda d: (max(line.count(d) for line in head), d == ","))
    rows: list[tuple[int, list]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    start = 1
    try:
        for rec in reader:
            rows.append((start, list(rec)[:MAX_COLUMNS]))
            start = reader.line_num + 1
            if len(rows) > MAX_ROWS + 10:
                _too_many_rows(col, "")
                return {}
    except csv.Error as e:
        col.error("", start, "", "", f"CSV 格式错误：{e}", f"malformed CSV: {e}")
        return {}
    return {"": (rows, [])}


def _open_workbook(path: Path, col: Collector):
    """The workbook at ``path`` (formulas kept as formulas), or None with one error."""
    import openpyxl  # lazy: slow to import, needed only when a workbook is read

    try:
        with zipfile.ZipFile(path) as z:
            unpacked = sum(i.file_size for i in z.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            col.error(
                "",
                None,
                "",
                "",
                "表格解压后过大，可能不是普通的表格文件",
                f"the workbook unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB; "
                "it is not an ordinary spreadsheet",
            )
            return None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, data_only=False, read_only=False)
    except _OPEN_ERRORS as e:
        col.error(
            "",
            None,
            "",
            "",
            f"无法打开表格文件：{type(e).__name__}",
            f"cannot open the spreadsheet ({type(e).__name__}: "
            f"{' '.join(str(e).split())[:200]}); is it an .xlsx file?",
        )
    except Exception as e:  # a hostile file may trip any error inside the XML/zip readers
        col.error(
            "",
            None,
            "",
            "",
            f"无法打开表格文件：{type(e).__name__}",
            f"cannot open the spreadsheet ({type(e).__name__})",
        )
    return None


def read_xlsx(path: Path, col: Collector) -> Sheets:
    """The rows and merged ranges of every sheet of a workbook."""
    wb = _open_workbook(path, col)
    if wb is None:
        return {}
    out: Sheets = {}
    for ws in wb.worksheets:
        if ws.max_row > MAX_ROWS + 10:
            _too_many_rows(col, ws.title)
            continue
        ncols = min(ws.max_column, MAX_COLUMNS)
        rows = [
            (r_idx, list(row))
            for r_idx, row in enumerate(
                ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ncols, values_only=True),
                start=1,
            )
        ]
        merged = [(str(m.coord), m.min_row, m.max_row, m.min_col) for m in ws.merged_cells.ranges]
        out[ws.title] = (rows, merged)
    return out


def _check_suffix(p: Path, col: Collector) -> bool:
    suffix = p.suffix.lower()
    if suffix in XLSX_SUFFIXES + CSV_SUFFIXES:
        return True
    hint_zh = "（旧版 .xls 请先另存为 .xlsx）" if suffix == ".xls" else ""
    hint_en = " (save an old .xls workbook as .xlsx first)" if suffix == ".xls" else ""
    col.error(
        "",
        None,
        "",
        p.name,
        f"只能导入 .xlsx 或 .csv 文件{hint_zh}",
        f"only .xlsx and .csv files can be imported{hint_en}",
    )
    return False


def read_sheets(p: Path, col: Collector) -> Sheets:
    """Every sheet of the file at ``p`` (.xlsx/.xlsm, or .csv/.txt as one sheet ``""``).

    Returns an empty dict, with the reason in ``col``, when the file cannot be read.
    """
    if not _check_suffix(p, col):
        return {}
    is_csv = p.suffix.lower() in CSV_SUFFIXES
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise IsADirectoryError(str(p))
        if size > MAX_FILE_BYTES:
            col.error(
                "",
                None,
                "",
                "",
                f"文件超过 {MAX_FILE_BYTES // 2**20} MB",
                f"the file is larger than {MAX_FILE_BYTES // 2**20} MB",
            )
            return {}
        raw = p.read_bytes() if is_csv else b""
    except OSError as e:
        col.error(
            "",
            None,
            "",
            p.name,
            f"无法读取文件：{e.strerror or e}",
            f"cannot read the file: {e.strerror or e}",
        )
        return {}
    return read_csv(raw, col) if is_csv else read_xlsx(p, col)
