"""Typed, validated project settings over ``Project.settings`` (plain JSON, same keys).

``Project.settings`` stays a plain JSON object in the project file, so that every part of the
app reads the same keys. This module is the one place that reads and writes it as typed
values: :func:`read_settings` migrates a loose dict to the current settings version and
validates it into :class:`ProjectSettings`; :func:`set_value` checks one ``KEY=VALUE`` edit
(used by ``elevator-eval settings --set`` and by the window's settings dialog alike) and
returns the new dict. Keys this module does not know are kept unchanged.

Keys
----
``settings_version``
    :data:`SETTINGS_VERSION`; absent in files written before typed settings (version 0).
``default_rules``
    consent ruleset for units that name none (``civil-code-2021`` when absent).
``suitability_rules``
    suitability ruleset for units that name none (absent: the one the consent ruleset names).
``coefficient_table``
    coefficient table for units whose ``share`` names no table and gives no coefficients.
``subsidy_rule_set``
    the city's subsidy rule set offered for the units (a name, informational for engines).
``sunlight_standard``
    the sunlight standard the site checks and drawings cite
    (``elevator_eval/rules/sunlight/``).
``city``
    the city's name as printed.
``organisation``
    ``street_office``, ``consultant``, ``contact_person``, ``contact_phone``, ``address``,
    ``seal_text``, ``return_deadline``, ``return_place`` (strings; documents print them).
``consent_rulesets``, ``suitability_rulesets``, ``coefficient_tables``, ``subsidy_rules``
    project-defined rule files by name (same schema as the shipped ones; they win over a
    shipped file of the same name).
``preinstall``, ``procurement``
    objects owned by those engines (kept as they are here).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from . import consent_rules, ruledata, suitability_rules
from .costshare_tables import list_subsidy_rules, list_tables, load_table
from .errors import InputError
from .model import Project

SETTINGS_VERSION = 1
"""Version of the settings layout written by this app (``settings["settings_version"]``)."""

VERSION_KEY = "settings_version"
ORGANISATION_KEY = "organisation"
ORGANISATION_FIELDS = (
    "street_office",
    "consultant",
    "contact_person",
    "contact_phone",
    "address",
    "seal_text",
    "return_deadline",
    "return_place",
)
"""Keys of ``settings["organisation"]`` (documents read exactly these; the consent forms
print the last two: 请于 … 前将本表签字后交回：…, the place defaulting to the address)."""

NAME_KEYS = (
    "default_rules",
    "suitability_rules",
    "coefficient_table",
    "subsidy_rule_set",
    "sunlight_standard",
)
"""Settings that name a rule file."""
TEXT_KEYS = ("city",)
USER_FILE_KEYS = ("consent_rulesets", "suitability_rulesets", "coefficient_tables", "subsidy_rules")
OBJECT_KEYS = ("preinstall", "procurement")

SETTABLE_KEYS = (
    NAME_KEYS + TEXT_KEYS + tuple(f"{ORGANISATION_KEY}.{k}" for k in ORGANISATION_FIELDS)
)
"""Keys that ``settings --set`` and the dialog may change."""


@lru_cache(maxsize=1)
def defaults() -> dict[str, Any]:
    """The shipped defaults (``rules/settings/defaults.json``)."""
    return ruledata.load("settings", "defaults", field="settings")


@dataclass(frozen=True)
class Organisation:
    """Who runs the project, as printed on documents (all optional, ``""`` when unset)."""

    street_office: str = ""
    consultant: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    address: str = ""
    seal_text: str = ""
    return_deadline: str = ""
    return_place: str = ""

    def to_json(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in ORGANISATION_FIELDS if getattr(self, k)}


@dataclass(frozen=True)
class ProjectSettings:
    """The validated settings of a project (see the module docstring for the keys)."""

    version: int = SETTINGS_VERSION
    default_rules: str | None = None
    suitability_rules: str | None = None
    coefficient_table: str | None = None
    subsidy_rule_set: str | None = None
    sunlight_standard: str | None = None
    city: str | None = None
    organisation: Organisation = field(default_factory=Organisation)
    user_files: dict[str, dict[str, Any]] = field(default_factory=dict)
    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    unknown: dict[str, Any] = field(default_factory=dict)

    def user(self, key: str) -> dict[str, Any] | None:
        """Project-defined rule files under ``key`` (``None`` when none)."""
        return self.user_files.get(key) or None

    def plain(self) -> dict[str, Any]:
        """The settings as the plain dict kept in ``Project.settings``."""
        out: dict[str, Any] = copy.deepcopy(self.unknown)
        out[VERSION_KEY] = self.version
        for k in NAME_KEYS + TEXT_KEYS:
            v = getattr(self, k)
            if v is not None:
                out[k] = v
        org = self.organisation.to_json()
        if org:
            out[ORGANISATION_KEY] = org
        for k, v in self.user_files.items():
            out[k] = copy.deepcopy(v)
        for k, v in self.objects.items():
            out[k] = copy.deepcopy(v)
        return out

    def to_json(self) -> dict[str, Any]:
        """Everything, with every organisation field and names left unset as ``null``."""
        out: dict[str, Any] = {VERSION_KEY: self.version}
        for k in NAME_KEYS + TEXT_KEYS:
            out[k] = getattr(self, k)
        out[ORGANISATION_KEY] = {k: getattr(self.organisation, k) for k in ORGANISATION_FIELDS}
        for k in USER_FILE_KEYS:
            out[k] = sorted(self.user_files.get(k) or {})
        return out


# --------------------------------------------------------------------------- migration


def _migrate_0_to_1(d: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (a loose dict): empty names mean "not set"; ``organization`` (US spelling,
    written by early sample scripts) becomes ``organisation``."""
    for k in NAME_KEYS + TEXT_KEYS:
        if k in d and (d[k] is None or (isinstance(d[k], str) and not d[k].strip())):
            del d[k]
    if "organization" in d and ORGANISATION_KEY not in d:
        d[ORGANISATION_KEY] = d.pop("organization")
    return d


MIGRATIONS: list[Callable[[dict[str, Any]], dict[str, Any]]] = [_migrate_0_to_1]
"""``MIGRATIONS[v]`` turns a version-v settings dict into v+1."""

assert len(MIGRATIONS) == SETTINGS_VERSION


def migrate(settings: dict[str, Any] | None) -> dict[str, Any]:
    """A copy of ``settings`` migrated to :data:`SETTINGS_VERSION` (unknown keys kept).

    Raises
    ------
    InputError
        ``settings`` not an object, or a version newer than this app reads.
    """
    if settings is None:
        settings = {}
    if not isinstance(settings, dict):
        raise InputError("settings", "must be an object")
    d = copy.deepcopy(settings)
    v = d.get(VERSION_KEY, 0)
    if not isinstance(v, int) or isinstance(v, bool) or v < 0:
        raise InputError(f"settings.{VERSION_KEY}", "must be a whole number ≥ 0")
    if v > SETTINGS_VERSION:
        raise InputError(
            f"settings.{VERSION_KEY}", f"{v} is newer than this app reads ({SETTINGS_VERSION})"
        )
    for step in MIGRATIONS[v:]:
        d = step(d)
    d[VERSION_KEY] = SETTINGS_VERSION
    return d


# -------------------------------------------------------------------------- validation


def _text(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"settings.{key}", "must be text")
    limit = int(defaults()["text_max_chars"])
    if len(value) > limit:
        raise InputError(f"settings.{key}", f"is longer than {limit} characters")
    if any(ord(ch) < 32 for ch in value):
        raise InputError(f"settings.{key}", "must not contain control characters")
    return value.strip()


def _organisation(value: Any) -> Organisation:
    if value is None:
        return Organisation()
    if not isinstance(value, dict):
        raise InputError(f"settings.{ORGANISATION_KEY}", "must be an object")
    kw = {}
    for k in ORGANISATION_FIELDS:
        v = value.get(k)
        if v is None:
            continue
        kw[k] = _text(v, f"{ORGANISATION_KEY}.{k}")
    phone = kw.get("contact_phone")
    if phone and not re.fullmatch(defaults()["phone_pattern"], phone):
        raise InputError(
            f"settings.{ORGANISATION_KEY}.contact_phone",
            "must be a phone number (digits, spaces, + - ( ))",
        )
    return Organisation(**kw)


def _known_names(key: str, d: dict[str, Any]) -> list[str]:
    """Names a ``NAME_KEYS`` setting may take, given the settings ``d``."""
    if key == "default_rules":
        return sorted(
            set(ruledata.shipped_names("consent"))
            | set(ruledata.user_files(d, "consent_rulesets") or {})
        )
    if key == "suitability_rules":
        return sorted(
            set(ruledata.shipped_names("suitability"))
            | set(ruledata.user_files(d, "suitability_rulesets") or {})
        )
    if key == "coefficient_table":
        return list_tables(d)
    if key == "subsidy_rule_set":
        return list_subsidy_rules(d)
    if key == "sunlight_standard":
        return list(ruledata.shipped_names("sunlight"))
    raise KeyError(key)


def _check_name(key: str, value: Any, d: dict[str, Any]) -> str:
    if not isinstance(value, str) or not value:
        raise InputError(f"settings.{key}", "must be a name")
    known = _known_names(key, d)
    if value not in known:
        raise InputError(f"settings.{key}", f"unknown name {value!r} (known: {', '.join(known)})")
    if key == "coefficient_table":
        if load_table(value, field=f"settings.{key}", settings=d)["kind"] != "coefficient":
            raise InputError(
                f"settings.{key}", f"{value!r} is a percent table, not coefficients by floor"
            )
    # validates the content of a project-defined ruleset too
    if key == "default_rules":
        consent_rules.load_ruleset(value, user=consent_rules.user_rulesets(d))
    elif key == "suitability_rules":
        suitability_rules.load_ruleset(value, user=suitability_rules.user_rulesets(d))
    return value


def validate(settings: dict[str, Any] | None) -> ProjectSettings:
    """Migrate and validate a settings dict into :class:`ProjectSettings`.

    Raises
    ------
    InputError
        naming ``settings.<key>`` for a bad value.
    """
    d = migrate(settings)
    kw: dict[str, Any] = {}
    for k in USER_FILE_KEYS:
        v = d.get(k)
        if v is not None and not isinstance(v, dict):
            raise InputError(f"settings.{k}", "must be an object of name → rule file")
    for k in NAME_KEYS:
        if k in d:
            kw[k] = _check_name(k, d[k], d)
    for k in TEXT_KEYS:
        if k in d:
            kw[k] = _text(d[k], k)
    for k in OBJECT_KEYS:
        v = d.get(k)
        if v is not None and not isinstance(v, dict):
            raise InputError(f"settings.{k}", "must be an object")
    known = set(NAME_KEYS + TEXT_KEYS + USER_FILE_KEYS + OBJECT_KEYS) | {
        VERSION_KEY,
        ORGANISATION_KEY,
    }
    return ProjectSettings(
        version=d[VERSION_KEY],
        organisation=_organisation(d.get(ORGANISATION_KEY)),
        user_files={k: d[k] for k in USER_FILE_KEYS if isinstance(d.get(k), dict)},
        objects={k: d[k] for k in OBJECT_KEYS if isinstance(d.get(k), dict)},
        unknown={k: v for k, v in d.items() if k not in known},
        **kw,
    )


def coefficient_table(settings: dict[str, Any] | None) -> str | None:
    """The project's default coefficient table name (``None`` when it names none)."""
    v = settings.get("coefficient_table") if isinstance(settings, dict) else None
    return v if isinstance(v, str) and v else None


def read_settings(project: Project | None) -> ProjectSettings:
    """The validated settings of a project (``None`` → the defaults)."""
    return validate(getattr(project, "settings", None) if project is not None else None)


def set_value(settings: dict[str, Any] | None, key: str, value: str) -> dict[str, Any]:
    """Validate one edit ``KEY=VALUE`` and return the new settings dict (input unchanged).

    An empty ``value`` clears the key. Used by the ``settings`` command and the settings
    dialog, so both accept and refuse the same values.

    Raises
    ------
    InputError
        naming ``key``: not a settable key (:data:`SETTABLE_KEYS`) or a bad value.
    """
    if key not in SETTABLE_KEYS:
        raise InputError(key, f"is not a setting (settable: {', '.join(SETTABLE_KEYS)})")
    if not isinstance(value, str):
        raise InputError(key, "must be text")
    d = migrate(settings)
    value = value.strip()
    try:
        if key.startswith(ORGANISATION_KEY + "."):
            sub = key.split(".", 1)[1]
            org = dict(d.get(ORGANISATION_KEY) or {})
            if value:
                org[sub] = value
            else:
                org.pop(sub, None)
            if org:
                d[ORGANISATION_KEY] = org
            else:
                d.pop(ORGANISATION_KEY, None)
        elif value:
            d[key] = value
        else:
            d.pop(key, None)
        validate(d)
    except InputError as e:
        raise InputError(key, e.message) from None
    return d
