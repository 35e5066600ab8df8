"""One vocabulary: the Chinese and English name of every code (pipes, votes, consent states,
classes, severities, structures, entry modes, sharing methods, findings, cost lines, yearly
running-cost lines, site survey fields, a canvassing contact's channel, outcome and the
concerns heard).

The names live in ``elevator_eval/rules/vocabulary/labels.json``; the window, the documents
and the command line all take them from here, so that a heating pipe is 暖气管 and a "no"
vote is 反对 everywhere. English counts agree with their number here too (:func:`counted`,
:func:`agreeing`), for the engines' messages and the documents alike.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import ruledata

KINDS = (
    "pipes",
    "votes",
    "consent_states",
    "classes",
    "severities",
    "structures",
    "entry_modes",
    "methods",
    "findings",
    "cost_items",
    "annual_items",
    "upkeep_bills",
    "site_fields",
    "contact_channels",
    "contact_outcomes",
    "concerns",
    "vote_sources",
)
NO_VOTE = "none"
"""Code of "did not take part" in the ``votes`` table (the model's ``vote`` is ``None``)."""


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, tuple[str, str]]]:
    """Every table: kind → code → (zh, en)."""
    data = ruledata.load("vocabulary", "labels", field="vocabulary")
    out = {}
    for kind in KINDS:
        table = data.get(kind)
        if not isinstance(table, dict):
            raise TypeError(f"vocabulary lacks the table {kind!r}")
        out[kind] = {code: (str(pair[0]), str(pair[1])) for code, pair in table.items()}
    return out


def pairs(kind: str) -> dict[str | None, tuple[str, str]]:
    """code → (zh, en) of one kind; for ``votes`` the key ``None`` is "did not take part"."""
    table: dict[str | None, tuple[str, str]] = dict(catalogue()[kind].items())
    if kind == "votes":
        table[None] = table.pop(NO_VOTE)
    return table


def label(kind: str, code: str | None, lang: str = "zh") -> str:
    """The name of ``code`` in ``lang`` (``zh`` or ``en``); the code itself when unknown."""
    pair = pairs(kind).get(code)
    if pair is None:
        return "" if code is None else str(code)
    return pair[1] if lang == "en" else pair[0]


def counted(n: int, noun: str, nouns: str | None = None) -> str:
    """An English count with its noun in the right number: ``"1 owner"``, ``"3 owners"``
    (``nouns`` for an irregular plural)."""
    return f"{n} {noun if n == 1 else (nouns or noun + 's')}"


def agreeing(n: int, one: str, many: str) -> str:
    """The English word that agrees with the count ``n``: ``one`` for 1, else ``many``."""
    return one if n == 1 else many


_CJK_CLASS = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]"
_ID_PREFIX = re.compile(r"^([A-Za-z0-9][A-Za-z0-9_.\-]*: )")


def has_cjk(text: str) -> bool:
    """True when ``text`` holds a Chinese (CJK) character or a full-width sign."""
    return bool(cjk_pattern().search(text or ""))


@lru_cache(maxsize=1)
def cjk_pattern() -> re.Pattern[str]:
    """The compiled class of Chinese characters, made on first use: compiling its ranges
    takes ≈ 3 ms, which the window's start does not need before its first paint."""
    return re.compile(_CJK_CLASS)


def split_bilingual(text: str) -> tuple[str, str]:
    """Split an engine's ``"中文 / English"`` message into ``(zh, en)``.

    The split is at the first ``" / "`` that follows a Chinese character, so ``元/kWh`` or
    ``2/3`` inside the Chinese half do not split it. A leading identifier such as
    ``"401: "`` belongs to both halves, with the full-width colon in the Chinese one
    (``"401：…"``). Text without such a separator is returned as both.
    """
    text = "" if text is None else str(text)
    prefix = prefix_zh = ""
    m = _ID_PREFIX.match(text)
    if m:
        prefix, text = m.group(1), text[m.end() :]
        prefix_zh = prefix[:-2] + "："
    first = cjk_pattern().search(text)
    if first is None:
        return prefix + text, prefix + text
    i = text.find(" / ", first.end())  # the first separator after a Chinese character …
    while i >= 0:
        if not has_cjk(text[i + 3 : i + 4]):  # … not followed by one
            return prefix_zh + text[:i].rstrip(), prefix + text[i + 3 :].lstrip()
        i = text.find(" / ", i + 3)
    return prefix_zh + text, prefix + text
