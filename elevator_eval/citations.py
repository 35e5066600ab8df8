"""The suitability checks' sources as a reader sees them: by official title and number, in
one language, for the documents and the window alike.

The suitability rulesets keep each check's source as found (``"JGJ 125-2016 §6.1.4 (C
局部危房, D 整幢危房); Huzhou 2018 draft: …"``), for the engineer who maintains them.
``rules/documents/finding-sources.json`` gives each check's citation in Chinese and in
English, marked ``official`` or not; what is not an official rule reads 经验值 / Practice
value. No web address and no reference to the project's own papers.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from . import ruledata
from .language import is_chinese_only

PRACTICE_LABEL = {"zh": "经验值：", "en": "Practice value: "}
DEFAULT_RULE = {"zh": "经验值（本软件默认规则）", "en": "Practice value (the app's default rule)"}


@lru_cache(maxsize=1)
def finding_sources() -> dict[str, Any]:
    """The citations file (``rules/documents/finding-sources.json``), read once."""
    return ruledata.load("documents", "finding-sources")


def cite(
    entry: dict[str, Any] | None, fallback: str, lang: str, sunlight_standard: str | None = None
) -> str:
    """A citation in ``lang`` (``"zh"`` or ``"en"``), labelled 经验值 / Practice value when
    not official. Without an entry: the ``fallback`` source as it is when it can stand in a
    Chinese text, else the app's default rule. An entry whose rule depends on the sunlight
    standard in force gives its citation under another standard in
    ``under_sunlight_standard`` (the sunlight check under GB 50180-93 cites that code's
    clause 5.0.2, not the 2018 standard's 4.0.9)."""
    if entry is not None and sunlight_standard:
        entry = entry.get("under_sunlight_standard", {}).get(sunlight_standard, entry)
    text = str(entry.get(lang) or "") if entry is not None else ""
    if entry is None or not text:
        if lang == "zh" and is_chinese_only(fallback):
            return fallback
        return DEFAULT_RULE["en" if lang == "en" else "zh"]
    return text if entry.get("official") else PRACTICE_LABEL[lang] + text


def check_citation(
    code: str, fallback: str, lang: str, sunlight_standard: str | None = None
) -> str:
    """The citation of the suitability check ``code`` (its ruleset's source as found is the
    ``fallback``) under the project's sunlight standard (:func:`cite`)."""
    return cite(finding_sources()["checks"].get(code), fallback, lang, sunlight_standard)
