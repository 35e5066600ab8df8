"""One language per text: what may stand in a Chinese document or the Chinese window.

A Chinese document holds no English words except units, identifiers and standard codes,
and no web address: a source is printed by its official title and number (文号), and a
source that is not official is labelled 经验值 (practice value) rather than cited.
:func:`latin_words` finds the Latin words of four or more letters that are not on the
allow-list :data:`ALLOWED_LATIN`; the tests run it over every Chinese document.
"""

from __future__ import annotations

import re

ALLOWED_LATIN = frozenset({"ISBN"})
"""Latin words of four or more letters allowed in a Chinese document (codes only)."""

_WORD = re.compile(r"[A-Za-z]{4,}")
_URL = re.compile(r"(https?://|www\.)", re.IGNORECASE)


def latin_words(text: str, allowed: frozenset[str] = ALLOWED_LATIN) -> list[str]:
    """Latin words of 4+ letters in ``text`` that are not allowed (in order, repeated)."""
    return [w for w in _WORD.findall(text or "") if w not in allowed]


def is_chinese_only(text: str) -> bool:
    """True when ``text`` can stand in a Chinese document as it is: no Latin word of four
    or more letters outside :data:`ALLOWED_LATIN` and no web address."""
    return not latin_words(text) and not _URL.search(text or "")


_CLAUSE = re.compile(r"§\s*(\d+(?:\.\d+)*)")
_TABLE = re.compile(r"\bTable\s+(\d+(?:\.\d+)*)")


def zh_clauses(text: str) -> str:
    """A standard's clause in Chinese form: ``§4.0.9`` → ``第4.0.9条``, ``Table 5.2.2`` →
    ``表5.2.2`` (engine messages use the short Latin forms)."""
    text = _CLAUSE.sub(lambda m: f"第{m.group(1)}条", text or "")
    return _TABLE.sub(lambda m: f"表{m.group(1)}", text)


def source_in(
    lang: str,
    source: str,
    source_zh: str = "",
    source_en: str = "",
    *,
    fallback_zh: str | None = None,
    fallback_en: str | None = None,
) -> str:
    """A rule's source in one language: its own ``source_zh`` / ``source_en``; else the
    ``source`` as found when it can stand in that language (in Chinese: no English words,
    no web address); else the fallback (a title, or "" for the caller to say so); without
    a fallback, the source as found.
    """
    own = source_en if lang == "en" else source_zh
    if own and (lang == "en" or is_chinese_only(own)):
        return own
    if lang != "en" and source and is_chinese_only(source):
        return source
    fallback = fallback_en if lang == "en" else fallback_zh
    return source if fallback is None else fallback
