"""Labels the documents print for model values (Chinese, English)."""

from __future__ import annotations

from ..vocabulary import pairs

COST_ITEMS = pairs("cost_items")
ANNUAL_ITEMS = pairs("annual_items")
STRUCTURES = pairs("structures")
ENTRY_MODES = pairs("entry_modes")
VOTES = pairs("votes")
VOTE_SOURCES = pairs("vote_sources")
CONSENT_STATES = pairs("consent_states")
SEVERITY = pairs("severities")

YES_NO = {True: ("是", "yes"), False: ("否", "no"), None: ("未调查", "not surveyed")}

PIPES = pairs("pipes")
CONTACT_CHANNELS = pairs("contact_channels")
CONTACT_OUTCOMES = pairs("contact_outcomes")
CONCERNS = pairs("concerns")
FINDINGS = pairs("findings")


SITE_FIELDS = pairs("site_fields")
"""Site survey fields as the documents name them."""


def label(table: dict, key, t) -> str:
    """The label of ``key`` in ``table`` for ``t`` (a :class:`~.common.Tr`), else the key."""
    if key in table:
        return t.pair(table[key])
    return "" if key is None else str(key)
