"""The cells of the quotes workbook: numbers, volume tiers, entry modes, yes/no, energy class.

Numbers may be typed with full-width digits and thousands separators (``"１２０，０００"``),
a ``¥``/``元`` sign, or as numbers. Volume tiers are written ``"10=380000; 50=8%"`` — from 10
elevators 380,000 yuan each, from 50 elevators 8 % off the base price. A bad cell raises
``ValueError`` whose argument is the message as ``(English, Chinese)``.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from ..model import ENTRY_MODES
from ..procurement import VolumeTier
from ..procurement.catalogue import ENERGY_CLASSES
from .cellguard import needs_quote

_MODE_WORDS = {
    "half_landing": "half_landing",
    "半层": "half_landing",
    "半层入户": "half_landing",
    "错层": "half_landing",
    "half": "half_landing",
    "flat": "flat",
    "平层": "flat",
    "平层入户": "flat",
}
_TRUE = {"是", "yes", "y", "true", "1", "可", "可以", "√"}
_FALSE = {"否", "no", "n", "false", "0", "不可", "", "×"}


def normalise_number_text(text: str) -> str:
    """Full-width digits → ASCII; drop thousands separators, spaces, ¥ and 元."""
    t = unicodedata.normalize("NFKC", text).strip()
    t = t.replace("¥", "").replace("元", "").replace(" ", "").replace("_", "")
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", t):
        t = t.replace(",", "")
    return t


MAX_CELL_NUMBER = 10**12
"""No quote cell (yuan, mm, W, Wh, days, years) is plausibly above this."""


def _tier_number(text: str, part: str, what: tuple[str, str]) -> Decimal:
    try:
        d = Decimal(normalise_number_text(text))
    except InvalidOperation:
        d = None
    if d is None or not d.is_finite() or d < 0 or d > MAX_CELL_NUMBER:
        raise ValueError((f"tier {part!r}: bad {what[0]}", f"阶梯 {part!r} {what[1]}有误"))
    return d


def parse_number(value, kind: str) -> Decimal:
    """Raise ValueError with an (en, zh) message tuple on a bad cell."""
    if isinstance(value, bool):
        raise ValueError(("must be a number", "须为数值"))
    if isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        d = Decimal(repr(value))
    elif isinstance(value, str):
        t = normalise_number_text(value)
        try:
            d = Decimal(t)
        except InvalidOperation:
            raise ValueError(
                (f"must be a number, got {value!r}", f"须为数值，实际为 {value!r}")
            ) from None
    else:
        raise ValueError((f"must be a number, got {type(value).__name__}", "须为数值"))
    if not d.is_finite():
        raise ValueError(("must be a finite number", "须为有限数值"))
    if abs(d) > MAX_CELL_NUMBER:
        raise ValueError(
            (
                f"is implausibly large (> {MAX_CELL_NUMBER:,})",
                f"数值过大（超过 {MAX_CELL_NUMBER:,}）",
            )
        )
    if d < 0:
        raise ValueError((f"must not be negative, got {d}", f"不能为负数：{d}"))
    if kind in ("int", "int+"):
        if d != d.to_integral_value():
            raise ValueError((f"must be a whole number, got {d}", f"须为整数：{d}"))
        if kind == "int+" and d == 0:
            raise ValueError(("must be greater than 0", "须大于 0"))
        return Decimal(int(d))
    if kind == "num+" and d == 0:
        raise ValueError(("must be greater than 0", "须大于 0"))
    return d


def parse_tiers_text(text: str) -> list[VolumeTier]:
    """Parse ``"10=380000; 50=8%"`` into tiers (``:`` may replace ``=``)."""
    t = unicodedata.normalize("NFKC", str(text)).strip()
    tiers = []
    for part in re.split(r"[;\n]+", t):
        part = part.strip()
        if not part:
            continue
        m = re.fullmatch(r"(\d+)\s*[=:]\s*(.+)", part)
        if not m:
            raise ValueError(
                (
                    f"tier {part!r} is not qty=price or qty=discount%",
                    f"阶梯 {part!r} 格式应为 数量=单价 或 数量=折扣%",
                )
            )
        qty = int(m.group(1))
        rhs = m.group(2).strip()
        if rhs.endswith("%"):
            tiers.append(
                VolumeTier(qty, discount_percent=_tier_number(rhs[:-1], part, ("discount", "折扣")))
            )
        else:
            tiers.append(
                VolumeTier(qty, unit_price_yuan=_tier_number(rhs, part, ("price", "单价")))
            )
    return tiers


def parse_modes(value) -> tuple[str, ...]:
    t = unicodedata.normalize("NFKC", str(value)).strip()
    out = []
    for w in re.split(r"[,、;/\s]+", t):
        if not w:
            continue
        m = _MODE_WORDS.get(w.lower())
        if m is None:
            raise ValueError(
                (
                    f"unknown entry mode {w!r} (半层/平层, half_landing/flat)",
                    f"未知入户方式 {w!r}（半层/平层）",
                )
            )
        if m not in out:
            out.append(m)
    if not out:
        raise ValueError(("must name at least one entry mode", "至少填写一种入户方式"))
    return tuple(m for m in ENTRY_MODES if m in out)


def parse_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    t = unicodedata.normalize("NFKC", str(value)).strip().lower()
    if t in _TRUE:
        return True
    if t in _FALSE:
        return False
    raise ValueError((f"must be 是/否 (yes/no), got {value!r}", f"须为 是 或 否：{value!r}"))


def parse_energy_class(value) -> str:
    text = unicodedata.normalize("NFKC", str(value)).strip().upper()
    if text not in ENERGY_CLASSES or not text:
        raise ValueError(
            (
                f"must be one of A–G (VDI 4707-1), got {value!r}",
                f"须为 A–G 之一（VDI 4707-1），实际为 {value!r}",
            )
        )
    return text


def parse_value(v, key: str, kind: str):
    """The value of a non-empty cell of column ``kind``; ValueError((en, zh)) when bad."""
    if kind in ("int", "int+", "num", "num+", "money"):
        d = parse_number(v, kind)
        return int(d) if kind in ("int", "int+") else d
    if kind == "modes":
        return parse_modes(v)
    if kind == "bool":
        return parse_bool(v)
    if kind == "tiers":
        return parse_tiers_text(v)
    if kind == "energy":
        return parse_energy_class(v)
    text = str(v).strip()
    if text.startswith("'") and needs_quote(text[1:]):
        text = text[1:]  # the apostrophe the exporter puts before a formula-like text
    return unicodedata.normalize("NFKC", text).strip() if key == "id" else text
