"""Shared pieces of every printed document: styles, escaping, tables, formatting.

The page template (running header, page numbers, writing the PDF) is in
:mod:`elevator_eval.report.page_template`.

Every document is A4, Simplified Chinese first, set in the bundled font (see
:mod:`elevator_eval.fonts`), which is embedded (only the glyphs used).

**Escaping.** reportlab's ``Paragraph`` is a markup parser: ``<img src="/etc/passwd"/>`` in
a household name would embed a local file, ``x<y`` raises and ``A&B`` becomes ``A&B;``. Every
piece of data text goes through :func:`esc` (``xml.sax.saxutils.escape``); markup is built only
from this package's own constants. :func:`para` and :func:`cell` take *plain* text and escape
it; :func:`para_markup` is for the package's own markup with already-escaped data inside.

reportlab is imported lazily: this module is imported by the UI at start-up.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

from .. import fonts
from ..fonts import mark_supplement
from ..vocabulary import has_cjk, split_bilingual
from .cell_styles import cell_styles

PAGE_MARGIN_MM = 18
CELL_PAD_PT = 3
"""Left and right padding of a table cell [pt]."""
MAX_CELL_CHARS = 300
"""Longest data text printed in a table cell; longer text is cut with "…" (a table row
cannot split across pages, so an unbounded cell could not be laid out at all)."""
APP_NAME_ZH = "加梯评估"
APP_NAME_EN = "Elevator Eval"

# Control characters other than tab/newline cannot be drawn and upset the XML parser.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# ------------------------------------------------------------------------- text functions


def esc(value: Any) -> str:
    """Escape a piece of data text for a reportlab ``Paragraph``.

    ``None`` becomes ``""``; ``&``, ``<``, ``>`` become entities (so ``<b>`` prints as the
    four characters ``<b>``); control characters are dropped; newlines become ``<br/>``
    (the only markup added, after escaping); the few ideographs the bundled font lacks are
    put in the supplement font (:func:`elevator_eval.fonts.mark_supplement`).
    """
    if value is None:
        return ""
    text = _CONTROL.sub("", str(value))
    text = _xml_escape(text, {'"': "&quot;"})
    return mark_supplement(text.replace("\r\n", "\n").replace("\n", "<br/>"))


def plain(value: Any) -> str:
    """Data text for canvas ``drawString`` (no markup parser): control characters removed."""
    if value is None:
        return ""
    return _CONTROL.sub("", str(value)).replace("\n", " ")


class Tr:
    """Pick the Chinese or English text: ``t = Tr(lang); t("方案书", "Proposal")``."""

    def __init__(self, lang: str = "zh"):
        if lang not in ("zh", "en"):
            from ..errors import InputError

            raise InputError("--lang", f"must be zh or en, got {lang!r}")
        self.lang = lang

    def __call__(self, zh: str, en: str) -> str:
        return en if self.lang == "en" else zh

    def pair(self, pair) -> str:
        """``pair`` is ``(zh, en)``."""
        return pair[1] if self.lang == "en" else pair[0]

    def bilingual(self, text: str) -> str:
        """This language's half of an engine's ``"中文 / English"`` message."""
        return self.pair(split_bilingual(text))

    @property
    def m2(self) -> str:
        """The square-metre sign: ``㎡`` in Chinese text, ``m²`` in English."""
        return "m²" if self.lang == "en" else "㎡"


# --------------------------------------------------------------------------- formatting


def _dec(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(str(value))


def fmt_yuan(value, *, symbol: bool = False, places: int | None = None) -> str:
    """Exact money text with thousands separators: ``Decimal("12654")`` → ``"12,654"``.

    Whole amounts print without decimals, others with 2 places (``places`` forces a
    number of places). ``None`` → ``"—"``.
    """
    if value is None:
        return "—"
    d = _dec(value)
    if places is None:
        places = 0 if d == d.to_integral_value() else 2
    text = f"{d:,.{places}f}"
    return ("¥" + text) if symbol else text


def money_column(values) -> list[str]:
    """Format a column of amounts alike: 2 decimals for all when any has cents."""
    vals = [None if v is None else _dec(v) for v in values]
    places = 2 if any(v is not None and v != v.to_integral_value() for v in vals) else 0
    return [fmt_yuan(v, places=places) for v in vals]


def fmt_num(value, places: int | None = None) -> str:
    """A Decimal without needless trailing zeros (``2.60`` → ``2.6``), ``None`` → ``"—"``."""
    if value is None:
        return "—"
    d = _dec(value)
    if places is not None:
        return f"{d:,.{places}f}"
    text = format(d.normalize(), "f") if d == d else str(d)
    return text


def fmt_area(value) -> str:
    """Area [m²] with two decimals as registered: ``56.3`` → ``"56.30"``."""
    return "—" if value is None else f"{_dec(value):,.2f}"


def fmt_pct(
    fraction: Fraction | Decimal | None, places: int = 1, rounding: str | None = None
) -> str:
    """A ratio as a percentage, rounded half up as printed figures are in China (四舍五入):
    ``Fraction(3, 4)`` → ``"75.0%"``, ``Fraction(5, 16)`` → ``"31.3%"``. ``rounding``: a
    :mod:`decimal` rounding mode instead (``ROUND_FLOOR``, ``ROUND_CEILING``)."""
    if fraction is None:
        return "—"
    from decimal import ROUND_HALF_UP

    if isinstance(fraction, Fraction):  # exact: 5/16 is 31.25 %, not 31.2499…
        d = Decimal(fraction.numerator * 100) / Decimal(fraction.denominator)
    else:
        d = _dec(fraction) * 100
    return f"{d.quantize(Decimal(1).scaleb(-places), rounding=rounding or ROUND_HALF_UP)}%"


def pct_units(parts, places: int = 2) -> list[int] | None:
    """Percentages of ``parts`` (amounts) in units of ``10**-places`` percent that add up
    to exactly 100 %, or None when the parts add up to zero.

    Each part's exact share is cut down to ``places`` decimals, then the missing units go
    one each to the largest remainders (ties to the earlier part): the largest-remainder
    method. ``[1, 1, 1]`` → ``[3334, 3333, 3333]`` (hundredths of a percent).
    """
    vals = [Fraction(_dec(v)) for v in parts]
    total = sum(vals, Fraction(0))
    if total == 0:
        return None
    scale = 100 * 10**places
    exact = [v * scale / total for v in vals]
    floors = [int(e // 1) for e in exact]
    left = scale - sum(floors)
    order = sorted(range(len(vals)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return floors


def fmt_pct_units(units: int, places: int = 2) -> str:
    """``1333`` hundredths → ``"13.33%"`` (see :func:`pct_units`)."""
    return f"{Decimal(units).scaleb(-places):.{places}f}%"


def pct_column(parts, places: int = 2) -> list[str]:
    """Percentages of ``parts`` (amounts) that add up to 100 as printed (the
    largest-remainder method of :func:`pct_units`). ``[1, 1, 1]`` → ``33.34%, 33.33%,
    33.33%``. A total of zero gives ``"—"`` for every row.
    """
    units = pct_units(parts, places)
    if units is None:
        return ["—"] * len(parts)
    return [fmt_pct_units(u, places) for u in units]


def today_iso() -> str:
    return _dt.date.today().isoformat()


# ------------------------------------------------------------------------ reportlab bits


@lru_cache(maxsize=1)
def styles() -> dict[str, Any]:
    """Paragraph styles in the bundled font, ``wordWrap="CJK"`` so long names wrap."""
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    from .linebreak import install

    install()  # Chinese line-breaking rules for every wordWrap="CJK" paragraph
    # reportlab checks every attribute set on a drawing's shapes against a table of types,
    # an aid while writing drawing code (its setting ``shapeChecking``, on by default);
    # our drawings are fixed code under test, so documents skip the checks
    rl_config.shapeChecking = 0
    font = fonts.register_reportlab()
    bold = fonts.REPORTLAB_BOLD_NAME
    base = ParagraphStyle(
        "ee-body", fontName=font, fontSize=10, leading=15, wordWrap="CJK", textColor=colors.black
    )
    st = {
        "body": base,
        # Latin text wraps between words (the CJK rule would break "running" mid-word)
        "cell_w": ParagraphStyle("ee-cell-w", parent=base, fontSize=8.5, leading=11, wordWrap=None),
        "cell_r_w": ParagraphStyle(
            "ee-cell-r-w", parent=base, fontSize=8.5, leading=11, alignment=TA_RIGHT, wordWrap=None
        ),
        "head_w": ParagraphStyle(
            "ee-head-w",
            parent=base,
            fontName=bold,
            fontSize=8.5,
            leading=11,
            alignment=TA_CENTER,
            wordWrap=None,
        ),
        "small": ParagraphStyle("ee-small", parent=base, fontSize=8.5, leading=12),
        "tiny": ParagraphStyle(
            "ee-tiny", parent=base, fontSize=7.5, leading=10, textColor=colors.HexColor("#444444")
        ),
        "cell": ParagraphStyle("ee-cell", parent=base, fontSize=8.5, leading=11),
        "cell_r": ParagraphStyle(
            "ee-cell-r", parent=base, fontSize=8.5, leading=11, alignment=TA_RIGHT
        ),
        "cell_c": ParagraphStyle(
            "ee-cell-c", parent=base, fontSize=8.5, leading=11, alignment=TA_CENTER
        ),
        "head": ParagraphStyle(
            "ee-head", parent=base, fontName=bold, fontSize=8.5, leading=11, alignment=TA_CENTER
        ),
        "h1": ParagraphStyle(
            "ee-h1",
            parent=base,
            fontName=bold,
            fontSize=15,
            leading=21,
            spaceBefore=6,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "ee-h2",
            parent=base,
            fontName=bold,
            fontSize=12,
            leading=17,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
            textColor=colors.HexColor("#1F4E79"),
        ),
        "h3": ParagraphStyle(
            "ee-h3",
            parent=base,
            fontName=bold,
            fontSize=10.5,
            leading=15,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "title": ParagraphStyle(
            "ee-title",
            parent=base,
            fontName=bold,
            fontSize=24,
            leading=32,
            alignment=TA_CENTER,
            spaceAfter=10,
        ),
        "subtitle": ParagraphStyle(
            "ee-subtitle", parent=base, fontSize=14, leading=21, alignment=TA_CENTER, spaceAfter=6
        ),
        "center": ParagraphStyle("ee-center", parent=base, alignment=TA_CENTER),
        "box": ParagraphStyle("ee-box", parent=base, fontSize=13, leading=20),
    }
    return st


@lru_cache(maxsize=64)
def sized(style: str, size: float | None):
    """The style ``style`` at ``size`` points (leading 1.3 × size); ``None`` keeps it."""
    base = styles()[style]
    if size is None or size == base.fontSize:
        return base
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(
        f"{base.name}-{size}", parent=base, fontSize=size, leading=round(size * 1.3, 1)
    )


@lru_cache(maxsize=64)
def hex_color(code: str):
    """reportlab's ``colors.HexColor(code)``, made once per colour (a table uses a few
    colours, on every table and every zebra row)."""
    from reportlab.lib import colors

    return colors.HexColor(code)


def para(text: Any, style: str = "body", size: float | None = None):
    """A Paragraph of *plain data text* (escaped here), optionally at ``size`` points."""
    from .shared_para import paragraph  # imports reportlab: not at start-up

    return paragraph(esc(text), sized(style, size))


def para_markup(markup: str, style: str = "body"):
    """A Paragraph of the package's own markup; data inside must already be :func:`esc`-ed."""
    from .shared_para import paragraph  # imports reportlab: not at start-up

    return paragraph(markup, styles()[style])


def cell(text: Any, style: str = "cell"):
    return para(text, style)


def table(
    rows: list[list[Any]],
    col_widths: list[float],
    *,
    header_rows: int = 1,
    zebra: bool = True,
    align_right_cols: Iterable[int] = (),
    repeat: bool = True,
    extra_style: list | None = None,
    font_size: float | None = None,
):
    """A table of plain data text. Cells that are strings/numbers are escaped and wrapped;
    flowables (Paragraph, Drawing) are used as they are. Header rows use the bold style.
    ``font_size`` [pt] sets the text size (8.5 pt by default; a posted notice uses 10).
    """
    from reportlab.platypus import Flowable, TableStyle

    from .fast_table import TextTable  # imports reportlab: not at start-up

    right = set(align_right_cols)
    kinds = {"head": sized("head", font_size), "cell": sized("cell", font_size)}
    kinds["cell_r"] = sized("cell_r", font_size)
    # room for text in each column [pt]
    room = [w - 2 * CELL_PAD_PT for w in col_widths]
    body = []
    for r, row in enumerate(rows):
        out = []
        for c, value in enumerate(row):
            if isinstance(value, Flowable):
                out.append(value)
                continue
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                value = value[:MAX_CELL_CHARS] + "…"
            style = "head" if r < header_rows else "cell_r" if c in right else "cell"
            width = room[c] if c < len(room) else None
            text = one_line_text(value, width, kinds[style])
            if text is not None:  # drawn as it is: no markup parser, no line breaking
                out.append(text)
                continue
            if width is not None and _latin_fits(value, width, style):
                style += "_w"
            out.append(para(value, style, font_size))
        body.append(out)
    n_cols = max((len(row) for row in rows), default=0)
    t = TextTable(
        body,
        colWidths=col_widths,
        repeatRows=header_rows if repeat else 0,
        normalizedData=1,  # every cell is a str or a flowable already
        cellStyles=cell_styles(
            len(rows),
            n_cols,
            header_rows,
            right,
            sized("cell", font_size),
            sized("head", font_size),
            CELL_PAD_PT,
            2.5,
            extra_style,
        ),
    )
    cmds = [("GRID", (0, 0), (-1, -1), 0.4, hex_color("#8C8C8C"))]
    if header_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), hex_color("#DCE6F1")))
    if zebra:
        for r in range(header_rows, len(rows)):
            if (r - header_rows) % 2 == 1:
                cmds.append(("BACKGROUND", (0, r), (-1, r), hex_color("#F5F7FA")))
    if extra_style:
        cmds.extend(extra_style)
    t.setStyle(TableStyle(cmds))
    t.spaceAfter = 5
    return t


# what a Paragraph collapses to one space: white space except the no-break space
_SPACES = re.compile(r"[^\S\xa0]+")


def one_line_text(value: Any, width: float | None, style) -> str | None:
    """``value`` as a plain string for a table cell when it needs neither markup nor line
    breaking, else ``None`` (the cell then becomes a Paragraph).

    A plain cell is drawn by the table itself, which costs a small fraction of a
    Paragraph (no markup parsing, no line breaking); it prints the same as a one-line
    Paragraph: spaces collapsed, control characters dropped. Text with a line break, with
    characters from the supplement font, or wider than ``width`` [pt] in ``style``'s font
    stays a Paragraph.
    """
    if width is None or value is None:
        return None
    fit = _one_line(str(value), style.fontName, style.fontSize)
    if fit is None or fit[1] > width:
        return None
    return fit[0]


@lru_cache(maxsize=8192)
def _one_line(raw: str, font_name: str, font_size: float) -> tuple[str, float] | None:
    """The text ``raw`` as :func:`one_line_text` prints it and its width [pt], or ``None``
    when it needs a Paragraph whatever the width (remembered: table labels and common
    values repeat from table to table and from document to document)."""
    if "\n" in raw or "\r" in raw or "\u200b" in raw:
        return None
    text = _SPACES.sub(" ", _CONTROL.sub("", raw)).strip()
    if mark_supplement(text) != text:
        return None
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return text, stringWidth(text, font_name, font_size)


def fit_widths(
    rows: list[list[Any]], width: float, style: str = "cell", pad: float = 7.0
) -> list[float]:
    """Column widths [pt] that add up to ``width``, each in proportion to the widest text
    of its body column (header words may wrap), so that numbers are not broken across lines
    when the page allows it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    st = styles()[style]
    need = []
    for c in range(len(rows[0])):
        body = [plain(r[c]) for r in rows[1:]] or [""]
        head = plain(rows[0][c])
        # a header wraps at about four characters; a body cell must fit on one line
        w = max(
            [stringWidth(v, st.fontName, st.fontSize) for v in body]
            + [stringWidth(head[:4], st.fontName, st.fontSize)]
        )
        need.append(w + pad)
    total = sum(need)
    if total >= width:
        return [width * n / total for n in need]
    extra = (width - total) / len(need)
    return [n + extra for n in need]


def _latin_fits(value: Any, width: float, style: str) -> bool:
    """True when ``value`` has no Chinese and each of its words fits ``width`` points, so it
    can wrap between words (the CJK rule breaks anywhere, even inside an English word)."""
    if value is None or width is None:
        return False
    text = plain(value)
    if not text or has_cjk(text):
        return False
    from reportlab.pdfbase.pdfmetrics import stringWidth

    st = styles()[style]
    return all(stringWidth(w, st.fontName, st.fontSize) <= width for w in text.split())


def kv_table(
    pairs: list[tuple[str, Any]],
    width: float,
    key_frac: float = 0.34,
    font_size: float | None = None,
):
    """A two-column "label: value" table of plain data text."""
    rows = [[k, v] for k, v in pairs]

    t = table(
        rows,
        [width * key_frac, width * (1 - key_frac)],
        header_rows=0,
        zebra=False,
        font_size=font_size,
        extra_style=[("BACKGROUND", (0, 0), (0, -1), hex_color("#F0F3F7"))],
    )
    return t


def content_width() -> float:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    return A4[0] - 2 * PAGE_MARGIN_MM * mm


def unavailable(t: Tr, what_zh: str, what_en: str, reason: str):
    """A plain statement that a section's engine is not available (never fake numbers)."""
    return para(t(f"【{what_zh}暂不可用】", f"[{what_en} not available] ") + reason, "small")


def unit_context(unit, project) -> tuple[str, str, str]:
    """(community name, building name, project name) of a unit, ``""`` when unknown."""
    if project is None:
        return "", "", ""
    try:
        c, b, _u = project.locate(unit.id)
        return c.name, b.name, project.name
    except KeyError:
        return "", "", project.name


INTERNAL_ZH, INTERNAL_EN = "内部资料，不得张贴", "INTERNAL — NOT FOR POSTING"
"""The mark of a paper that names people or what they owe: kept on file, never posted."""


def internal_mark(t: Tr):
    """The red 【内部资料，不得张贴】 line above the title of an internal paper."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    mark = ParagraphStyle("ee-internal", parent=styles()["box"], textColor=colors.red, alignment=1)
    return Paragraph(esc(t(f"【{INTERNAL_ZH}】", f"[{INTERNAL_EN}]")), mark)
