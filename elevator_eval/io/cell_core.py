"""The machinery shared by the cell parsers of :mod:`elevator_eval.io.cells`.

The error class :class:`CellError` (sheet, row, column and a message in Chinese and English),
the common rules applied to every cell (empty cells, formulas, spreadsheet error values, the
exporter's apostrophe), and the reading of a number text with its unit. The rules are listed
for users in ``docs/import-rules.md``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from ..errors import InputError
from .cellguard import SPACES, needs_quote

MAX_NUMBER_TEXT_CHARS = 40
"""Longest text read as a number [characters]; longer texts are rejected."""

EXCEL_ERRORS = (
    "#NULL!",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#N/A",
    "#GETTING_DATA",
    "#SPILL!",
    "#CALC!",
)


class CellError(InputError):
    """A cell that cannot be read, with its place and a message in Chinese and English.

    It is an :class:`~elevator_eval.errors.InputError` whose ``field`` is
    ``"sheet 户, row 7, column 面积(㎡)"``, so the command line prints it in one line and
    exits 2.

    Parameters
    ----------
    row : int or None
        1-based spreadsheet row (CSV: 1-based line of the record; the header is row 1).
    column : str
        Column header as written in the file (or the field name).
    message : str
        What is wrong, in English.
    message_zh : str, optional
        The same in Chinese (defaults to the English text).
    sheet : str, optional
        Sheet name (``""`` for a CSV file or a value without a sheet).
    value : object, optional
        The raw cell value.
    """

    def __init__(
        self,
        row,
        column,
        message: str,
        message_zh: str | None = None,
        *,
        sheet: str = "",
        value=None,
    ):
        self.sheet = sheet or ""
        self.row = row
        self.column = column or ""
        self.value = value
        super().__init__(
            cell_field(sheet, row, column),
            message,
            message_zh=message_zh or message,
            field_zh=cell_field_zh(sheet, row, column),
            message_en=message,
        )


PLACE_WORDS = {
    "en": ("sheet {}", "row {}", "column {}", ", ", "cell"),
    "zh": ("工作表 {}", "第 {} 行", "{}", "，", "单元格"),
}
"""How a cell's place is said in each language: sheet, row, column, separator, nothing."""


def cell_field(sheet, row, column, lang: str = "en") -> str:
    """The field text of a cell: ``"sheet 户, row 7, column 面积(㎡)"`` (``lang="zh"``:
    ``"工作表 户，第 7 行，面积(㎡)"``)."""
    sheet_w, row_w, column_w, sep, nothing = PLACE_WORDS[lang]
    parts = []
    if sheet:
        parts.append(sheet_w.format(sheet))
    if row is not None:
        parts.append(row_w.format(row))
    if column:
        parts.append(column_w.format(column))
    return sep.join(parts) or nothing


def cell_field_zh(sheet, row, column) -> str:
    """:func:`cell_field` in Chinese."""
    return cell_field(sheet, row, column, "zh")


class Loc:
    __slots__ = ("column", "row", "sheet", "value")

    def __init__(self, value, row, column, sheet):
        self.value, self.row, self.column, self.sheet = value, row, column, sheet

    def error(self, en: str, zh: str) -> CellError:
        return CellError(self.row, self.column, en, zh, sheet=self.sheet, value=self.value)


def show(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def strip_spaces(text: str) -> str:
    return text.strip(" \t\r\n\v\f" + SPACES)


def norm(text: str) -> str:
    """NFKC, then every space (incl. U+3000, NBSP) removed; U+2212 minus read as '-'."""
    t = unicodedata.normalize("NFKC", text)
    t = t.replace("\u2212", "-").replace("\u2013", "-").replace("\ufe63", "-")
    return "".join(ch for ch in t if not (ch.isspace() or ch in SPACES))


def is_formula_object(value) -> bool:
    name = type(value).__name__
    return name in ("ArrayFormula", "DataTableFormula")


def prepare(value, loc: Loc, required: bool):
    """Common checks. Returns ``None`` for empty, else the value (text stripped)."""
    if is_formula_object(value):
        raise loc.error(
            "formulas are not accepted; type the value itself", "不接受公式，请直接填写数值"
        )
    if value is None:
        if required:
            raise loc.error("is required", "必须填写")
        return None
    if isinstance(value, str):
        text = strip_spaces(value)
        if not text:
            if required:
                raise loc.error("is required", "必须填写")
            return None
        if text.startswith("=") or text.startswith("\uff1d"):
            raise loc.error(
                f"formulas are not accepted ({show(text)}); type the value itself",
                f"不接受公式（{show(text)}），请直接填写数值",
            )
        if text.upper() in EXCEL_ERRORS:
            raise loc.error(
                f"contains the spreadsheet error {text}; type the value",
                f"单元格为表格错误值 {text}，请填写数值",
            )
        if text.startswith("'") and needs_quote(text[1:]):
            text = text[1:]
        return text
    return value


def wrong_type(loc: Loc, want_en: str, want_zh: str) -> CellError:
    return loc.error(
        f"must be {want_en}, got {show(loc.value)}", f"应为{want_zh}，实际为 {show(loc.value)}"
    )


DEC_RE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
THOUSANDS_RE = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")


def number_text(
    text: str, loc: Loc, units: dict[str, Decimal], want_en: str, want_zh: str
) -> Decimal:
    """Read a normalised number text with an optional unit suffix/prefix."""
    if len(text) > MAX_NUMBER_TEXT_CHARS:
        raise loc.error(f"is too long to be {want_en}", f"内容过长，不是{want_zh}")
    t = norm(text)
    if t.startswith("¥") and "元" in units:
        t = t[1:]
    factor = Decimal(1)
    low = t.lower()
    for unit in sorted(units, key=len, reverse=True):
        if unit and low.endswith(unit):
            t = t[: len(t) - len(unit)]
            factor = units[unit]
            break
    if "," in t:
        if not THOUSANDS_RE.fullmatch(t):
            raise loc.error(
                f"must be {want_en}; the comma in {show(text)} is not a "
                "thousands separator (write 12,000 or 56.3)",
                f"应为{want_zh}；{show(text)} 中的逗号不是千位分隔符（请写 12,000 或 56.3）",
            )
        t = t.replace(",", "")
    if not DEC_RE.fullmatch(t):
        raise loc.error(
            f"must be {want_en}, got {show(text)}", f"应为{want_zh}，实际为 {show(text)}"
        )
    try:
        return Decimal(t) * factor
    except InvalidOperation:  # pragma: no cover - the regex admits only plain decimals
        raise loc.error(
            f"must be {want_en}, got {show(text)}", f"应为{want_zh}，实际为 {show(text)}"
        ) from None


def decimal_value(
    value, loc: Loc, units: dict[str, Decimal], want_en: str, want_zh: str
) -> Decimal:
    """A Decimal from an int, float, Decimal or text cell (units allowed in text)."""
    if isinstance(value, bool):
        raise wrong_type(loc, want_en, want_zh)
    if isinstance(value, int):
        if abs(value) > 10**MAX_NUMBER_TEXT_CHARS:
            raise loc.error(f"is far too large to be {want_en}", f"数值过大，不是{want_zh}")
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise loc.error(
                f"must be a finite number, got {value!r}", f"必须是有限数值，实际为 {value!r}"
            )
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise loc.error(
                f"must be a finite number, got {value!r}", f"必须是有限数值，实际为 {value!r}"
            )
        if value != 0 and abs(value.adjusted()) > MAX_NUMBER_TEXT_CHARS:
            raise loc.error(f"is out of range for {want_en}", f"超出{want_zh}的范围")
        return value
    if isinstance(value, str):
        return number_text(value, loc, units, want_en, want_zh)
    raise wrong_type(loc, want_en, want_zh)


def whole(d: Decimal, loc: Loc, want_en: str, want_zh: str) -> int:
    if d != d.to_integral_value():
        raise loc.error(
            f"must be {want_en} (a whole number), got {d}", f"应为{want_zh}（整数），实际为 {d}"
        )
    return int(d)


def in_range(d, lo, hi, loc: Loc, unit_en: str = "", unit_zh: str = ""):
    if lo is not None and d < lo:
        raise loc.error(
            f"must be at least {lo}{unit_en}, got {d}", f"不得小于 {lo}{unit_zh}，实际为 {d}"
        )
    if hi is not None and d > hi:
        raise loc.error(
            f"must be at most {hi}{unit_en}, got {d}", f"不得大于 {hi}{unit_zh}，实际为 {d}"
        )
    return d


# ------------------------------------------------------------------------------ choices


def choice(
    value,
    loc: Loc,
    table: dict[str, object],
    want_en: str,
    want_zh: str,
    required: bool,
    *,
    numbers: bool = False,
):
    v = prepare(value, loc, required)
    if v is None:
        return None, True
    if isinstance(v, bool):
        key = "true" if v else "false"
    elif isinstance(v, (int, float, Decimal)) and numbers:
        if isinstance(v, float) and not math.isfinite(v):
            raise wrong_type(loc, want_en, want_zh)
        if isinstance(v, Decimal) and not v.is_finite():
            raise wrong_type(loc, want_en, want_zh)
        if abs(v) > 10**6:
            raise wrong_type(loc, want_en, want_zh)
        key = str(int(v)) if v == int(v) else str(v)
    elif isinstance(v, str):
        key = norm(v).lower()
    else:
        raise wrong_type(loc, want_en, want_zh)
    if key in table:
        return table[key], False
    raise loc.error(f"must be {want_en}, got {show(value)}", f"应为{want_zh}，实际为 {show(value)}")


def word_table(pairs: dict[str, tuple[str, ...]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for result, words in pairs.items():
        for w in words:
            out[norm(w).lower()] = result
    return out
