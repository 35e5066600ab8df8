"""The one spreadsheet-cell guard: every CSV and .xlsx writer passes its cells through it.

A spreadsheet program runs a text cell as a formula when it starts with ``=``, ``+``,
``-`` or ``@`` — also with a tab, CR or LF first, after leading spaces, and (in some
programs and input methods) with the full-width forms ``＝ ＋ － ＠``. Such a text is written
with a leading apostrophe ``'``, which every spreadsheet program shows as text and the
importer (:mod:`elevator_eval.io.cell_core`) removes again.

Numbers are never touched: ``-1`` given as a number (int, float, Decimal) is written as the
number −1; only the *text* ``"-1"`` is quoted.

References
----------
OWASP, "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection).
"""

from __future__ import annotations

from typing import Any

SPACES = "\u3000\u00a0\u2002\u2003\u2009\u200b\u202f\ufeff"
"""Space characters typed in Chinese spreadsheets besides ASCII space (ideographic space,
no-break space, en/em/thin spaces, zero-width space, narrow no-break space, BOM)."""

QUOTE_TRIGGERS = "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20"
"""First characters that make a spreadsheet read a text as a formula (OWASP CSV injection),
with their full-width forms."""


def needs_quote(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula.

    That is when its first character, or its first character after leading white space
    (any Unicode space, incl. U+3000, NBSP and the zero-width space), is one of
    ``= + - @``, tab, CR, LF or ``＝ ＋ － ＠``.
    """
    for ch in text:
        if ch in QUOTE_TRIGGERS:
            return True
        if not (ch.isspace() or ch in SPACES):
            return False
    return False


def neutralise(text: str) -> str:
    """Make a text safe for a spreadsheet cell: prefix ``'`` when it could start a formula.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        ``"'" + text`` when :func:`needs_quote` is true; otherwise ``text`` unchanged.
    """
    return "'" + text if needs_quote(text) else text


def safe_cell(value: Any) -> Any:
    """The value to write into a spreadsheet cell: texts neutralised, all else unchanged.

    Parameters
    ----------
    value : object
        A cell value: ``str``, a number (``int``, ``float``, ``Decimal``), ``bool``, a date
        or ``None``.

    Returns
    -------
    object
        :func:`neutralise` of a text; any other value as given (a negative number stays a
        number).
    """
    return neutralise(value) if isinstance(value, str) else value
