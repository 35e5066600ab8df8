"""Chinese line breaking (禁则) for reportlab's CJK wrapping.

reportlab's ``wordWrap="CJK"`` breaks before any character that overflows the line and only
knows a few full-width signs that must not start a line: a Chinese comma "，" or semicolon
"；" could still open a line. :func:`cjk_frag_split` replaces it with the usual rules of
Chinese typesetting (GB/T 15834-2011《标点符号用法》; W3C《中文排版需求》 line-breaking
rules):

- closing punctuation (，。、；：？！）》」』】… and their half-width forms) never starts a line:
  the character before it moves down with it;
- opening punctuation (（《「『【“ …) never ends a line: it moves down with the text it opens;
- a run of Latin letters or digits (``2026``, ``GB 50180``, ``¥20,000``) is not split
  when it can move down whole.

:func:`install` puts it in place of reportlab's splitter (called once when the document
styles are made).
"""

from __future__ import annotations

from functools import lru_cache

CANNOT_START = "，。、；：？！）》」』】〕〉〗〙｝”’…—–·％‰℃°,.;:?!)]}%'\""
"""Characters that must not begin a line (closing and pause punctuation)."""

CANNOT_END = "（《「『【〔〈〖〘｛“‘([{¥￥$#"
"""Characters that must not end a line (opening punctuation, currency signs)."""

_MAX_PULL = 4
"""At most this many characters move down to the next line to satisfy the rules."""


def _latin(ch: str) -> bool:
    """A character of a Latin word or number (kept together when possible)."""
    return ch.isascii() and (ch.isalnum() or ch in ".,-_/%") and ch != " "


COUNTERS = "年月日号时分秒层楼栋户位个元米台部项次天周"
"""Chinese units and counters that stay on the line of the number before them (10日, 6层)."""


def _joined_to_number(chars: list[str], b: int) -> bool:
    """Whether ``chars[b]`` belongs with the number before it: a unit after a space
    (``2100 mm``, ``2 h``) or a Chinese counter right after the digits (``10日``)."""
    if chars[b] in COUNTERS:
        return chars[b - 1].isdigit()
    if chars[b] == " ":  # the space between the number and its unit
        return chars[b - 1].isdigit() and b + 1 < len(chars) and _unit_letter(chars[b + 1])
    return _unit_letter(chars[b]) and chars[b - 1] == " " and b >= 2 and chars[b - 2].isdigit()


def _unit_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def break_index(chars: list[str], start: int, over: int) -> int:
    """Where to end the line that runs from ``start`` and overflows at ``over``.

    Returns ``b`` with ``start < b <= over``: the line is ``chars[start:b]`` and the next
    one begins with ``chars[b]``.
    """
    b = over
    limit = start + (over - start) // 2
    # a unit or counter moves down with its number (约 2100 mm, 12月10日), within half a line
    if _joined_to_number(chars, b):
        j = b - 1
        while j > limit and chars[j] == " ":
            j -= 1
        while j > limit and _latin(chars[j - 1]):
            j -= 1
        if j > limit:
            b = j
    # keep a Latin word or number whole when it can move down (not beyond half the line)
    if _latin(chars[b]) and _latin(chars[b - 1]):
        j = b - 1
        while j > limit and _latin(chars[j - 1]):
            j -= 1
        if j > limit:
            b = j
    pulled = 0
    while (
        b - 1 > start
        and pulled < _MAX_PULL
        and (chars[b] in CANNOT_START or chars[b - 1] in CANNOT_END)
    ):
        b -= 1
        pulled += 1
    return b


def cjk_line(units, max_width, width_used, extra_space, line_break, calc_bounds):
    """reportlab's ``makeCJKParaLine`` (same arguments, the same line), looking at each
    fragment once instead of at each character.

    reportlab compares every character's fragment with the one before (``sameFrag``, all
    of a fragment's attributes) and looks up its font's ascent and descent; characters of
    one fragment object give the same answers, so only a change of fragment is looked at.
    Lines with an inline image or drawing (``cbDefn``) go to reportlab's function.
    """
    from reportlab.pdfbase.pdfmetrics import getAscentDescent
    from reportlab.platypus.paragraph import FragLine, makeCJKParaLine, sameFrag

    if any(hasattr(u.frag, "cbDefn") for u in units):
        return makeCJKParaLine(units, max_width, width_used, extra_space, line_break, calc_bounds)
    words = []
    run = []
    f0 = FragLine()
    max_size = max_ascent = min_descent = 0
    seen = None
    for u in units:
        f = u.frag
        if f is not seen:
            seen = f
            font_size = f.fontSize
            ascent, descent = getAscentDescent(f.fontName, font_size)
            max_size = max(max_size, font_size)
            max_ascent = max(max_ascent, ascent)
            min_descent = min(min_descent, descent)
        # sameFrag(f, f) is true but for a line break
        if (f is not f0 or hasattr(f, "lineBreak")) and not sameFrag(f0, f):
            f0 = f0.clone()
            f0.text = "".join(run)
            words.append(f0)
            run = []
            f0 = f
        run.append(u)
    if run:
        f0 = f0.clone()
        f0.text = "".join(run)
        words.append(f0)
    return FragLine(
        kind=1,
        extraSpace=extra_space,
        wordCount=1,
        words=words[1:],
        fontSize=max_size,
        ascent=max_ascent,
        descent=min_descent,
        maxWidth=max_width,
        currentWidth=width_used,
        lineBreak=line_break,
    )


def cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """reportlab's ``cjkFragSplit`` with the Chinese line-breaking rules (same arguments)."""
    # Long: one line-filling loop, kept in the shape of reportlab's function it replaces
    from reportlab import rl_config
    from reportlab.platypus.paragraph import ParaLines, cjkU

    tolerance_pt = rl_config._FUZZ  # reportlab's own width tolerance, so both agree

    units = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend(cjkU(ch, f, encoding) for ch in text)
        else:
            units.append(cjkU(text, f, encoding))
    chars = [str(u) for u in units]

    def width(u, max_width):
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_width
            w = w.normalizedValue(max_width)
        return w

    lines = []
    n = len(units)
    start = i = 0
    used = 0.0
    max_width = maxWidths[0]

    def next_width():
        try:
            return maxWidths[len(lines)]
        except IndexError:
            return maxWidths[-1]

    while i < n:
        u = units[i]
        w = width(u, max_width)
        if hasattr(u.frag, "lineBreak"):
            used += w
            i += 1
            lines.append(
                cjk_line(units[start:i], max_width, used, max_width - used, True, calcBounds)
            )
            max_width = next_width()
            start, used = i, 0.0
            continue
        if used + w > max_width + tolerance_pt and i > start and chars[i] != " ":
            b = break_index(chars, start, i)
            line = units[start:b]
            lw = sum(width(x, max_width) for x in line)
            lines.append(cjk_line(line, max_width, lw, max_width - lw, False, calcBounds))
            max_width = next_width()
            start = i = b
            while i < n and chars[i] == " ":  # no line starts with a space
                i += 1
            start, used = i, 0.0
            continue
        used += w
        i += 1
    if start < n:
        lw = sum(width(x, max_width) for x in units[start:])
        lines.append(cjk_line(units[start:], max_width, lw, max_width - lw, False, calcBounds))
    return ParaLines(kind=1, lines=lines)


@lru_cache(maxsize=65536)
def char_width(ch: str, font_name: str, font_size: float) -> float:
    """Width [pt] of one character (reportlab's ``stringWidth``, remembered: a document
    measures the same few hundred characters thousands of times)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(ch, font_name, font_size)


def word_split(word, maxWidths, fontName, fontSize, encoding="utf8"):
    """reportlab's ``wordSplit`` (a paragraph of one style) with the same rules:
    ``[[extra space, line text], …]``."""
    from reportlab import rl_config

    tolerance_pt = rl_config._FUZZ  # reportlab's own width tolerance, so both agree

    if isinstance(word, bytes):
        word = word.decode(encoding)
    if not isinstance(maxWidths, (list, tuple)):
        maxWidths = [maxWidths]
    widths = [char_width(ch, fontName, fontSize) for ch in word]
    chars = list(word)
    lines = []
    n = len(chars)
    start = i = 0
    used = 0.0
    max_width = maxWidths[0]
    while i < n:
        w = widths[i]
        if used + w > max_width + tolerance_pt and i > start and chars[i] != " ":
            b = break_index(chars, start, i)
            lines.append([max_width - sum(widths[start:b]), word[start:b].rstrip()])
            try:
                max_width = maxWidths[len(lines)]
            except IndexError:
                max_width = maxWidths[-1]
            i = b
            while i < n and chars[i] == " ":
                i += 1
            start, used = i, 0.0
            continue
        used += w
        i += 1
    if start < n:
        lines.append([max_width - sum(widths[start:]), word[start:]])
    return lines


_installed = False


def install() -> None:
    """Use :func:`cjk_frag_split` and :func:`word_split` for every ``wordWrap="CJK"``
    paragraph (idempotent)."""
    global _installed
    if _installed:
        return
    from reportlab.platypus import paragraph

    paragraph.cjkFragSplit = cjk_frag_split
    paragraph.wordSplit = word_split
    _installed = True
