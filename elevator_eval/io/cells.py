"""Parse one spreadsheet cell: the documented rules for values typed by people.

Street data arrive as spreadsheets typed by residents' committees: full-width digits
(``５６．３``), units inside the cell (``56.3㎡``, ``45万``), thousands separators, stray
full-width spaces, dates stored as Excel serial numbers, ``是/否`` … Every rule here is
listed in ``docs/import-rules.md`` (Chinese and English).

One function per kind of value. Each takes the raw cell value (what ``openpyxl`` returns
with ``data_only=False``, or the text of a CSV field) plus where it came from, and either
returns the parsed value or raises :class:`CellError` naming the sheet, row and column.
No other exception escapes a parser, whatever the input.

Common rules (applied by every parser)
--------------------------------------
* ``None``, the empty string and text made only of spaces (including U+3000 ideographic
  space and U+00A0 no-break space) are **empty**: the parser returns ``None`` (an empty
  list for :func:`parse_pipes`), or raises ``CellError`` when ``required=True``.
* Text is normalised with Unicode NFKC before it is read as a number or a choice, so
  full-width digits, letters and punctuation (``５６．３``, ``Ａ``, ``，``) read as their
  ASCII forms and ``㎡`` reads as ``m2``. Names and door numbers keep their own spelling
  (only surrounding spaces are removed).
* A text that starts with ``=`` is a formula and is rejected ("type the value"), as are
  openpyxl formula objects and Excel error values (``#DIV/0!``, ``#N/A`` …).
* A text that starts with an apostrophe followed by ``= + - @`` (how the exporter protects
  such texts) loses the apostrophe.
* Binary floats from a spreadsheet are read through their shortest decimal text
  (``56.3`` stays ``Decimal("56.3")``); NaN and infinities are rejected.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from decimal import Decimal

from .cell_core import (
    SPACES,
    CellError,
    Loc,
    cell_field,
    cell_field_zh,
    choice,
    decimal_value,
    in_range,
    norm,
    prepare,
    show,
    whole,
    word_table,
    wrong_type,
)

__all__ = [
    "MAX_AREA_M2",
    "MAX_LENGTH_M",
    "MAX_MM",
    "MAX_MONEY_YUAN",
    "MAX_TEXT_CHARS",
    "CellError",
    "cell_field",
    "cell_field_zh",
    "excel_serial_to_date",
    "parse_area_m2",
    "parse_bool",
    "parse_danger_grade",
    "parse_date",
    "parse_door",
    "parse_entry_mode",
    "parse_floor",
    "parse_int",
    "parse_length_m",
    "parse_mm",
    "parse_money_yuan",
    "parse_pipes",
    "parse_storeys",
    "parse_structure",
    "parse_text",
    "parse_vote",
    "parse_vote_source",
    "parse_year",
]
"""The cell-reading API: the parsers, their limits, and the error they raise."""

MAX_AREA_M2 = Decimal(10000)
"""Largest accepted exclusive area of one household [m²]."""

MAX_MONEY_YUAN = Decimal(10) ** 9
"""Largest accepted amount of money in one cell [yuan]."""

MAX_LENGTH_M = Decimal(1000)
"""Largest accepted site length (width, depth, distance) [m]."""

MAX_MM = 100000
"""Largest accepted site dimension given in millimetres [mm]."""

MAX_TEXT_CHARS = 200
"""Longest accepted text cell (names, door numbers, telephone numbers) [characters]."""


# ------------------------------------------------------------------------------ numbers

AREA_UNITS = {
    "m2": Decimal(1),
    "平方米": Decimal(1),
    "平米": Decimal(1),
    "平方": Decimal(1),
    "平": Decimal(1),
    "sqm": Decimal(1),
}
"""Unit suffixes accepted in an area cell (after NFKC ``㎡`` and ``m²`` read ``m2``) [m²]."""

MONEY_UNITS = {
    "元": Decimal(1),
    "块": Decimal(1),
    "yuan": Decimal(1),
    "rmb": Decimal(1),
    "cny": Decimal(1),
    "万元": Decimal(10000),
    "万": Decimal(10000),
}
"""Unit suffixes accepted in a money cell; ``万``/``万元`` multiply by 10,000 [yuan]."""

LENGTH_UNITS = {"m": Decimal(1), "米": Decimal(1)}
MM_UNITS = {"mm": Decimal(1), "毫米": Decimal(1)}


def parse_area_m2(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = False
) -> Decimal | None:
    """Exclusive area of a household [m²] as an exact Decimal.

    Accepts numbers and texts such as ``56.3``, ``５６．３``, ``56.3㎡``, ``56.3 m²``,
    ``56.3m2``, ``56.3平方米``, ``56.3平米``, ``1,056.3``. The area must be greater than 0
    and at most :data:`MAX_AREA_M2` (10,000 m²).

    Raises
    ------
    CellError
        on anything else (zero, negative, too large, NaN, text, formula, wrong type).
    """
    loc = Loc(value, row, column, sheet)
    v = prepare(value, loc, required)
    if v is None:
        return None
    d = decimal_value(v, loc, AREA_UNITS, "an area in m²", "面积（平方米）")
    if d <= 0:
        raise loc.error(
            f"an area must be greater than 0 m², got {d}", f"面积必须大于 0 平方米，实际为 {d}"
        )
    return in_range(d, None, MAX_AREA_M2, loc, " m²", " 平方米")


def parse_money_yuan(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = False
) -> Decimal | None:
    """An amount of money [yuan] as an exact Decimal.

    Accepts numbers and texts such as ``12000``, ``12,000``, ``12，000``, ``12,000元``,
    ``¥12000``, ``45万`` (= 450,000), ``4.5万元``. The amount must be at least 0 and at
    most :data:`MAX_MONEY_YUAN` (10⁹ yuan).

    Raises
    ------
    CellError
        on negative or too large amounts, NaN, texts, formulas and wrong types.
    """
    loc = Loc(value, row, column, sheet)
    v = prepare(value, loc, required)
    if v is None:
        return None
    d = decimal_value(v, loc, MONEY_UNITS, "an amount in yuan", "金额（元）")
    if d < 0:
        raise loc.error(f"an amount must not be negative, got {d}", f"金额不得为负数，实际为 {d}")
    return in_range(d, None, MAX_MONEY_YUAN, loc, " yuan", " 元")


def parse_length_m(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = False
) -> Decimal | None:
    """A site length (clear width, depth, distance) [m] as an exact Decimal.

    Accepts ``2.6``, ``2.6m``, ``2.6米``, full-width digits. Must be 0 … 1,000 m.
    """
    loc = Loc(value, row, column, sheet)
    v = prepare(value, loc, required)
    if v is None:
        return None
    d = decimal_value(v, loc, LENGTH_UNITS, "a length in m", "长度（米）")
    return in_range(d, Decimal(0), MAX_LENGTH_M, loc, " m", " 米")


def parse_mm(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = False
) -> int | None:
    """A site dimension in whole millimetres [mm] (pit depth, headroom).

    Accepts ``1400``, ``1400mm``, ``1,400毫米``. Must be a whole number 0 … 100,000 mm.
    """
    loc = Loc(value, row, column, sheet)
    v = prepare(value, loc, required)
    if v is None:
        return None
    d = decimal_value(v, loc, MM_UNITS, "a whole number of mm", "毫米整数")
    n = whole(d, loc, "a length in mm", "毫米数")
    return in_range(n, 0, MAX_MM, loc, " mm", " 毫米")


def parse_int(
    value,
    row=None,
    column: str = "",
    sheet: str = "",
    *,
    lo: int | None = None,
    hi: int | None = None,
    units: tuple[str, ...] = (),
    required: bool = False,
    what_en: str = "a whole number",
    what_zh: str = "整数",
) -> int | None:
    """A whole number in ``lo … hi``; texts may end with one of ``units`` (e.g. ``层``).

    ``6``, ``6.0``, ``６``, ``"6层"`` (with ``units=("层",)``) all read 6; ``6.5`` does not.
    """
    loc = Loc(value, row, column, sheet)
    v = prepare(value, loc, required)
    if v is None:
        return None
    d = decimal_value(v, loc, {u: Decimal(1) for u in units}, what_en, what_zh)
    n = whole(d, loc, what_en, what_zh)
    return in_range(n, lo, hi, loc)


def parse_year(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = False
) -> int | None:
    """Year of completion, 1800 … 2100; ``1992``, ``１９９２``, ``1992年`` all read 1992."""
    return parse_int(
        value,
        row,
        column,
        sheet,
        lo=1800,
        hi=2100,
        units=("年",),
        required=required,
        what_en="a year such as 1992",
        what_zh="年份（如 1992）",
    )


def parse_storeys(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = False
) -> int | None:
    """Number of storeys, 1 … 100; ``6``, ``6层``, ``6F`` read 6."""
    return parse_int(
        value, row, column, sheet, lo=1, hi=100, units=("层", "楼", "f"), required=required
    )


def parse_floor(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = False
) -> int | None:
    """Floor of a household, 1 … 100; ``3``, ``3层``, ``3楼``, ``3F`` read 3."""
    return parse_int(
        value, row, column, sheet, lo=1, hi=100, units=("层", "楼", "f"), required=required
    )


# ------------------------------------------------------------------------------ dates

_EXCEL_EPOCH = _dt.date(1899, 12, 30)
MIN_DATE = _dt.date(1900, 1, 1)
MAX_DATE = _dt.date(2100, 12, 31)
_DATE_RE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")


def excel_serial_to_date(serial) -> _dt.date:
    """The date of an Excel serial number (1900 date system; fractions are the time of day).

    Serial 1 is 1900-01-01; Excel's phantom day 60 (1900-02-29) does not exist and raises
    ``ValueError``; from 61 on, serial ``n`` is 1899-12-30 + ``n`` days.
    """
    days = int(math.floor(serial))
    if days < 1 or days > 2958465:
        raise ValueError("out of range")
    if days == 60:
        raise ValueError("1900-02-29 does not exist")
    if days < 60:
        return _dt.date(1899, 12, 31) + _dt.timedelta(days=days)
    return _EXCEL_EPOCH + _dt.timedelta(days=days)


def parse_date(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = False
) -> str | None:
    """A date as ISO text ``YYYY-MM-DD``.

    Accepts date cells, Excel serial numbers (a number cell, or a digit-only text of at
    most 7 digits; 45356 → 2024-03-05), ``20240305`` (8 digits), ``2024-03-05``,
    ``2024/3/5``, ``2024.3.5``, ``2024年3月5日``; a time of day after the date is ignored.
    The date must exist and lie in 1900-01-01 … 2100-12-31.
    """
    loc = Loc(value, row, column, sheet)
    v = prepare(value, loc, required)
    if v is None:
        return None
    bad = ("a date such as 2024-03-05", "日期（如 2024-03-05）")
    try:
        if isinstance(v, _dt.datetime):
            d = v.date()
        elif isinstance(v, _dt.date):
            d = v
        elif isinstance(v, bool):
            raise wrong_type(loc, *bad)
        elif isinstance(v, (int, float, Decimal)):
            if isinstance(v, float) and not math.isfinite(v):
                raise wrong_type(loc, *bad)
            if isinstance(v, Decimal) and not v.is_finite():
                raise wrong_type(loc, *bad)
            if not 1 <= v < 2958466:
                raise wrong_type(loc, *bad)
            d = excel_serial_to_date(v)
        elif isinstance(v, str):
            t = norm(v)
            m = _DATE_RE.match(t)
            if m and (m.end() == len(t) or t[m.end()] in "T0123456789"):
                if m.end() != len(t) and not re.fullmatch(
                    r"T?\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?", t[m.end() :]
                ):
                    raise wrong_type(loc, *bad)
                d = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            elif re.fullmatch(r"\d{8}", t):
                d = _dt.date(int(t[:4]), int(t[4:6]), int(t[6:]))
            elif re.fullmatch(r"\d{1,7}(\.\d+)?", t):
                d = excel_serial_to_date(Decimal(t))
            else:
                raise wrong_type(loc, *bad)
        else:
            raise wrong_type(loc, *bad)
    except (ValueError, OverflowError):
        raise loc.error(
            f"is not a real date: {show(value)}", f"不是有效日期：{show(value)}"
        ) from None
    if not MIN_DATE <= d <= MAX_DATE:
        raise loc.error(
            f"date {d.isoformat()} is outside 1900-01-01 … 2100-12-31",
            f"日期 {d.isoformat()} 不在 1900-01-01 至 2100-12-31 之间",
        )
    return d.isoformat()


_BOOL = word_table(
    {
        True: ("是", "Y", "yes", "true", "T", "1", "√", "✓", "✔", "对", "有"),
        False: ("否", "N", "no", "false", "F", "0", "×", "✗", "✘", "x", "错", "无"),
    }
)


def parse_bool(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = False
) -> bool | None:
    """Yes/no: ``是 Y yes true T 1 √ ✓ 对 有`` → True; ``否 N no false F 0 × ✗ x 错 无`` → False.

    Letters in any case, full width or half width; spreadsheet TRUE/FALSE cells too.
    """
    loc = Loc(value, row, column, sheet)
    result, empty = choice(value, loc, _BOOL, "yes or no (是/否)", "是或否", required, numbers=True)
    return None if empty else result


_VOTES = word_table(
    {
        "yes": ("同意", "赞成", "支持", "yes", "y", "是", "√", "✓"),
        "no": ("反对", "不同意", "no", "n", "否", "×", "✗"),
        "abstain": ("弃权", "abstain", "abstained"),
        "": ("未投票", "未参与", "未表决", "未参加", "none", "null", "-", "—"),
    }
)


def parse_vote(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = False
) -> str | None:
    """A recorded vote: ``yes``, ``no``, ``abstain`` or ``None`` (did not take part).

    ``同意 赞成 支持 yes Y 是 √`` → ``yes``; ``反对 不同意 no N 否 ×`` → ``no``;
    ``弃权 abstain`` → ``abstain``; empty, ``未投票 未参与 未表决 未参加 - —`` → ``None``.
    """
    loc = Loc(value, row, column, sheet)
    result, empty = choice(
        value,
        loc,
        _VOTES,
        "a vote (同意/反对/弃权/未投票 or yes/no/abstain)",
        "表决意见（同意/反对/弃权/未投票）",
        required,
    )
    return None if empty or result == "" else result


_VOTE_SOURCES = word_table(
    {
        "meeting": ("会议", "业主大会", "现场", "meeting"),
        "paper": ("书面", "纸质", "表决票", "paper"),
        "online": ("线上", "网络", "网上", "电子", "online"),
        "proxy": ("委托", "代理", "委托投票", "proxy"),
        "other": ("其他", "其它", "other"),
    }
)


def parse_vote_source(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = False
) -> str | None:
    """Where a vote was cast: ``会议 现场`` → meeting, ``书面 纸质`` → paper,
    ``线上 网络 电子`` → online, ``其他`` → other (English names also)."""
    loc = Loc(value, row, column, sheet)
    result, empty = choice(
        value,
        loc,
        _VOTE_SOURCES,
        "a vote source (会议/书面/线上/委托/其他)",
        "表决方式（会议/书面/线上/委托/其他）",
        required,
    )
    return None if empty else result


_STRUCTURES = word_table(
    {
        "masonry": ("砖混", "砖混结构", "砖混结构房屋", "砖结构", "masonry"),
        "frame": ("框架", "框架结构", "frame"),
        "shear_wall": ("剪力墙", "剪力墙结构", "shear_wall", "shear wall", "shearwall"),
        "other": ("其他", "其它", "other"),
    }
)


def parse_structure(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = False
) -> str | None:
    """Structure type: ``砖混`` → masonry, ``框架`` → frame, ``剪力墙`` → shear_wall,
    ``其他`` → other (also with ``结构`` appended, and the English names)."""
    loc = Loc(value, row, column, sheet)
    result, empty = choice(
        value,
        loc,
        _STRUCTURES,
        "a structure (砖混/框架/剪力墙/其他)",
        "结构类型（砖混/框架/剪力墙/其他）",
        required,
    )
    return None if empty else result


_ENTRY = word_table(
    {
        "half_landing": ("半层", "半层入户", "half_landing", "half landing", "halflanding", "half"),
        "flat": ("平层", "平层入户", "flat"),
    }
)


def parse_entry_mode(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = False
) -> str | None:
    """Entry mode: ``半层``/``半层入户`` → half_landing, ``平层``/``平层入户`` → flat."""
    loc = Loc(value, row, column, sheet)
    result, empty = choice(
        value, loc, _ENTRY, "an entry mode (半层/平层)", "入户方式（半层/平层）", required
    )
    return None if empty else result


_GRADES = word_table(
    {
        "A": ("A", "A级"),
        "B": ("B", "B级"),
        "C": ("C", "C级"),
        "D": ("D", "D级"),
        "": ("未鉴定", "无", "none", "-", "—"),
    }
)


def parse_danger_grade(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = False
) -> str | None:
    """JGJ 125 danger grade ``A``–``D`` (any case, full width ``Ａ``, ``B级``);
    empty or ``未鉴定``/``无`` → ``None`` (never appraised)."""
    loc = Loc(value, row, column, sheet)
    result, empty = choice(
        value, loc, _GRADES, "a danger grade A, B, C or D", "危房等级（A、B、C、D）", required
    )
    return None if empty or result == "" else result


_PIPES = word_table(
    {
        "gas": ("燃气", "煤气", "天然气", "燃气管", "gas"),
        "water": ("给水", "自来水", "上水", "水管", "给水管", "water"),
        "drainage": ("排水", "下水", "污水", "雨水", "排水管", "drainage"),
        "power": ("电力", "强电", "电缆", "供电", "power"),
        "telecom": ("通信", "弱电", "电信", "网线", "光纤", "通讯", "telecom"),
        "heating": ("暖气", "供暖", "采暖", "热力", "heating"),
        "other": ("其他", "其它", "other"),
    }
)
_PIPE_SPLIT = re.compile(r"[、,;/|]+")


def parse_pipes(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = False
) -> list[str]:
    """Pipe types in the shaft footprint as a list without repeats, in the order given.

    Items are separated by ``、 , ; / |`` or spaces (full width too): ``"燃气、给水"`` →
    ``["gas", "water"]``. Names: 燃气/煤气/天然气 gas; 给水/自来水/上水 water;
    排水/下水/污水/雨水 drainage; 电力/强电/电缆 power; 通信/弱电/电信/光纤 telecom;
    暖气/供暖/热力 heating; 其他 other. Empty or ``无`` → ``[]``.
    """
    loc = Loc(value, row, column, sheet)
    v = prepare(value, loc, required)
    if v is None:
        return []
    if not isinstance(v, str):
        raise wrong_type(loc, "a list of pipes such as 燃气、给水", "管线名称（如 燃气、给水）")
    t = unicodedata.normalize("NFKC", v)
    t = "".join(" " if (ch.isspace() or ch in SPACES) else ch for ch in t)
    items = [w for w in _PIPE_SPLIT.split(t.replace(" ", ",")) if w]
    if len(items) == 1 and items[0].lower() in ("无", "none", "-", "—"):
        return []
    out: list[str] = []
    for w in items:
        key = w.lower()
        if key not in _PIPES:
            raise loc.error(
                f"unknown pipe {show(w)}; use 燃气, 给水, 排水, 电力, 通信, 暖气 or 其他",
                f"无法识别的管线 {show(w)}；请用 燃气、给水、排水、电力、通信、暖气、其他",
            )
        p = _PIPES[key]
        if p not in out:
            out.append(p)
    return out


# ------------------------------------------------------------------------------ text


def parse_text(
    value,
    row=None,
    column: str = "",
    sheet: str = "",
    *,
    required: bool = False,
    max_chars: int = MAX_TEXT_CHARS,
) -> str | None:
    """A text (name, door number, telephone number) with surrounding spaces removed.

    Number cells are accepted and written as digits: ``301`` and ``301.0`` → ``"301"``,
    ``13800138000`` (a telephone typed as a number) → ``"13800138000"``. Booleans, dates
    and non-integral numbers are wrong types. Control characters other than tab are
    rejected; at most ``max_chars`` characters.
    """
    loc = Loc(value, row, column, sheet)
    v = prepare(value, loc, required)
    if v is None:
        return None
    if isinstance(v, bool):
        raise wrong_type(loc, "text", "文字")
    if isinstance(v, (int, float, Decimal)):
        if isinstance(v, float) and not math.isfinite(v):
            raise wrong_type(loc, "text", "文字")
        d = decimal_value(v, loc, {}, "text", "文字")
        if d != d.to_integral_value() or d < 0:
            raise wrong_type(loc, "text", "文字")
        v = str(int(d))
    if not isinstance(v, str):
        raise wrong_type(loc, "text", "文字")
    if len(v) > max_chars:
        raise loc.error(f"is longer than {max_chars} characters", f"超过 {max_chars} 个字符")
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch != "\t" for ch in v):
        raise loc.error("contains control characters", "包含控制字符")
    return v


def parse_door(
    value, row=None, column: str = "", sheet: str = "", *, required: bool = True
) -> str | None:
    """A door number (门牌号): text, ``301`` typed as a number reads ``"301"``; spaces
    inside are removed and full-width digits read as ASCII (``３０１`` → ``"301"``)."""
    text = parse_text(value, row, column, sheet, required=required, max_chars=40)
    if text is None:
        return None
    return norm(text)
