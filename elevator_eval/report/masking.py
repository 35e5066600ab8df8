"""Personal data masked for public documents: names keep the surname, phones show nothing."""

from __future__ import annotations

from functools import lru_cache

from .common import plain


@lru_cache(maxsize=1)
def compound_surnames() -> tuple[str, ...]:
    """Compound surnames (``欧阳``, ``司马`` …) from ``rules/names/compound-surnames.json``,
    longest first."""
    from .. import ruledata

    data = ruledata.load("names", "compound-surnames")
    return tuple(sorted((str(s) for s in data["surnames"]), key=len, reverse=True))


def mask_name(name: str | None) -> str:
    """Mask a person's name for public documents: ``"张三"`` → ``"张*"``.

    The surname is kept and the rest becomes ``*``: a compound surname stays whole
    (``"欧阳堃"`` → ``"欧阳*"``, the list is data: :func:`compound_surnames`). At most three
    stars, so that the length of a long name is not shown either; whitespace is dropped
    first. An empty name stays empty; a name that is only a surname keeps its first
    character.
    """
    if not name:
        return ""
    text = "".join(plain(name).split())
    if not text:
        return ""
    keep = 1
    for surname in compound_surnames():
        if text.startswith(surname) and len(text) > len(surname):
            keep = len(surname)
            break
    return text[:keep] + "*" * min(3, max(1, len(text) - keep))
