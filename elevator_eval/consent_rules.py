"""Consent rulesets: the statutory vote rules as validated data.

A consent ruleset is a data file ``elevator_eval/rules/consent/<name>.json`` (or one a project
defines under ``settings["consent_rulesets"]``, same schema). :func:`validate_ruleset` checks
its content and builds a :class:`ConsentRuleset`; the keys are described in
:mod:`elevator_eval.consent`, which counts a vote under a ruleset it is given. Which ruleset
is in force for a unit is decided by :mod:`elevator_eval.rulebook` alone.

References
----------
民法典 第二百七十八条, 第一千二百五十九条; 物权法 第七十六条; the shipped files cite their
own sources (``source``, ``source_zh``).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from . import ruledata
from .errors import InputError

KIND = "consent"
DEFAULT_RULESET = "civil-code-2021"


@dataclass(frozen=True)
class ConsentRuleset:
    """A validated consent ruleset (see the module docstring for the keys)."""

    name: str
    title_zh: str
    title_en: str
    source: str
    participation_ratio: Fraction | None
    participation_inclusive: bool
    approval_ratio: Fraction
    approval_base: str
    approval_inclusive: bool
    no_objection_required: bool
    exclusive_part_veto: bool
    valid_from: str | None
    valid_to: str | None
    city: str | None
    scope: str
    suitability: str
    named_disclosure: bool = False
    """The city rule requires public documents to show each door's vote (default false:
    counts and areas only)."""
    source_zh: str = ""
    """The source by its Chinese title and number (``source_zh``), where the file gives it."""
    source_en: str = ""
    """The source in English (``source_en``), where the file gives it."""

    def source_in(self, lang: str) -> str:
        """The legal source in one language (:func:`elevator_eval.language.source_in`),
        else the ruleset's title in that language."""
        from .language import source_in

        return source_in(
            lang,
            self.source,
            self.source_zh,
            self.source_en,
            fallback_zh=self.title_zh,
            fallback_en=self.title_en,
        )

    def valid_on(self, date_iso: str) -> bool:
        """Whether the ruleset was in force on ``date_iso`` (``YYYY-MM-DD``)."""
        day = date_iso[:10]
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_to is None or day <= self.valid_to
        )


def _ratio(value: object, where: str) -> Fraction:
    try:
        if isinstance(value, bool):
            raise ValueError
        if isinstance(value, float):
            r = Fraction(Decimal(repr(value)))
        elif isinstance(value, str):
            r = Fraction(value.strip())
        elif isinstance(value, (int, Decimal)):
            r = Fraction(value)
        else:
            raise ValueError
    except (ValueError, ZeroDivisionError):
        raise InputError(where, f'must be a ratio such as "3/5", got {value!r}') from None
    if not 0 < r <= 1:
        raise InputError(where, "must be greater than 0 and at most 1")
    return r


def _flag(data: Mapping[str, Any], key: str, where: str) -> bool:
    v = data.get(key)
    if not isinstance(v, bool):
        raise InputError(f"{where}.{key}", "must be true or false")
    return v


def _optional_text(data: Mapping[str, Any], key: str, where: str) -> str:
    v = data.get(key)
    if v is None:
        return ""
    if not isinstance(v, str):
        raise InputError(f"{where}.{key}", "must be text")
    return v


def _date(data: Mapping[str, Any], key: str, where: str) -> str | None:
    v = data.get(key)
    if v is None:
        return None
    try:
        datetime.date.fromisoformat(v)
    except (TypeError, ValueError):
        raise InputError(f"{where}.{key}", "must be an ISO date or null") from None
    return str(v)


def validate_ruleset(data: Mapping[str, Any], where: str = "rules") -> ConsentRuleset:
    """Check a consent ruleset's content and build a :class:`ConsentRuleset`.

    Raises
    ------
    InputError
        naming the ruleset and the bad key.
    """
    p = f"{where} {data.get('name', '?')}"
    pr = data.get("participation_ratio")
    pr = None if pr is None else _ratio(pr, f"{p}.participation_ratio")
    ar = _ratio(data.get("approval_ratio"), f"{p}.approval_ratio")
    base = data.get("approval_base")
    if base not in ("participating", "all"):
        raise InputError(f"{p}.approval_base", 'must be "participating" or "all"')
    if base == "participating" and pr is None:
        raise InputError(
            f"{p}.participation_ratio", 'is required when approval_base is "participating"'
        )
    p_inc = _flag(data, "participation_inclusive", p)
    a_inc = _flag(data, "approval_inclusive", p)
    if not a_inc and ar == 1:
        raise InputError(f"{p}.approval_ratio", "more than 100 % can never pass")
    if pr is not None and not p_inc and pr == 1:
        raise InputError(f"{p}.participation_ratio", "more than 100 % can never pass")
    vf, vt = _date(data, "valid_from", p), _date(data, "valid_to", p)
    if vf and vt and vf > vt:
        raise InputError(f"{p}.valid_to", "is before valid_from")
    suit = data.get("suitability", "shanghai-2020")
    if not isinstance(suit, str) or not suit:
        raise InputError(f"{p}.suitability", "must name a suitability ruleset")
    if not isinstance(data.get("source"), str) or not data["source"].strip():
        raise InputError(f"{p}.source", "must cite the rule's legal source")
    return ConsentRuleset(
        name=data["name"],
        title_zh=data["title_zh"],
        title_en=data["title_en"],
        source=data["source"],
        participation_ratio=pr,
        participation_inclusive=p_inc,
        approval_ratio=ar,
        approval_base=base,
        approval_inclusive=a_inc,
        no_objection_required=_flag(data, "no_objection_required", p),
        exclusive_part_veto=_flag(data, "exclusive_part_veto", p),
        valid_from=vf,
        valid_to=vt,
        city=data.get("city"),
        scope=data.get("scope", "unit"),
        suitability=suit,
        named_disclosure=_flag(data, "named_disclosure", p)
        if "named_disclosure" in data
        else False,
        source_zh=_optional_text(data, "source_zh", p),
        source_en=_optional_text(data, "source_en", p),
    )


def load_ruleset(
    name: str | None = None, *, user: Mapping[str, Any] | None = None
) -> ConsentRuleset:
    """Load and validate the consent ruleset ``name`` (``civil-code-2021`` when ``None``).

    Raises
    ------
    InputError
        ``rules``: unknown name or invalid content.
    """
    name = DEFAULT_RULESET if name is None else name
    return ruledata.load_ruleset(KIND, name, validate_ruleset, user=user)


USER_KEY = "consent_rulesets"
"""Project settings key holding user-defined consent rulesets by name (same schema)."""


def user_rulesets(settings: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """User-defined consent rulesets of a project's ``settings`` (``None`` when none)."""
    return ruledata.user_files(settings, USER_KEY)
