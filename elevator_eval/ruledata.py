"""Rule data files: rulesets, coefficient tables, subsidy rules, catalogues, chosen by name.

Files live in ``elevator_eval/rules/<kind>/<name>.json``. Every file is a JSON object with at
least ``name``, ``title_zh``, ``title_en`` and ``source`` (the policy, standard or notice it
comes from, or ``"app default"`` with a reason). Each engine validates the content of its
own kind on load; this module only finds, reads and lists files, and extends the shipped
set with user-defined ones kept in a project's settings.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any, TypeVar

from .errors import InputError
from .resources import rules_dir

REQUIRED_KEYS = ("name", "title_zh", "title_en", "source")

T = TypeVar("T")


def list_names(kind: str) -> list[str]:
    """Names of the shipped files of one kind, sorted."""
    folder = rules_dir() / kind
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.json"))


@lru_cache(maxsize=256)
def _read(kind: str, name: str) -> str:
    return (rules_dir() / kind / f"{name}.json").read_text(encoding="utf-8")


def load(
    kind: str, name: str, *, field: str = "rules", user: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Load the rule file ``name`` of ``kind`` (numbers as Decimal).

    Parameters
    ----------
    kind : str
        Sub-folder, e.g. ``"consent"``, ``"coefficients"``, ``"subsidies"``.
    name : str
        File name without ``.json``.
    field : str
        Field to name in the error when ``name`` is unknown (e.g. ``"share.table"``).
    user : dict, optional
        User-defined files of this kind by name (from a project's settings); they win over
        shipped files of the same name.

    Raises
    ------
    InputError
        naming ``field`` when there is no such file, or when the file lacks a required key.
    """
    if user and name in user:
        data = user[name]
    else:
        if (
            not isinstance(name, str)
            or not name
            or "/" in name
            or "\\" in name
            or name.startswith(".")
        ):
            raise InputError(field, f"unknown {kind} name {name!r}")
        try:
            text = _read(kind, name)
        except OSError:
            known = ", ".join(list_names(kind) + sorted(user or {}))
            raise InputError(field, f"unknown {kind} name {name!r} (known: {known})") from None
        data = json.loads(text, parse_float=Decimal)
    for key in REQUIRED_KEYS:
        if key not in data:
            raise InputError(f"{field} {name}", f"rule file lacks {key!r}")
    out: dict[str, Any] = data
    return out


@lru_cache(maxsize=16)
def shipped_names(kind: str) -> tuple[str, ...]:
    """Names of the shipped files of one kind, sorted (read once per process)."""
    return tuple(list_names(kind))


def user_files(settings: Mapping[str, Any] | None, key: str) -> dict[str, Any] | None:
    """User-defined files kept under ``key`` in a project's ``settings``.

    ``None`` when ``settings`` is not an object, or when ``key`` is absent, empty or not an
    object.
    """
    if not isinstance(settings, dict):
        return None
    user = settings.get(key)
    return user if isinstance(user, dict) and user else None


@lru_cache(maxsize=128)
def _load_shipped_ruleset(kind: str, name: str, validate: Callable[[dict[str, Any]], Any]) -> Any:
    return validate(load(kind, name, field="rules"))


def load_ruleset(
    kind: str,
    name: str,
    validate: Callable[[dict[str, Any]], T],
    *,
    user: Mapping[str, Any] | None = None,
) -> T:
    """Load the ruleset ``name`` of ``kind`` and return ``validate(data)``.

    A user-defined ruleset of that name (from ``user``) wins over a shipped one and is
    validated on every call; a shipped one is validated once and then cached.

    Raises
    ------
    InputError
        ``rules``: unknown name, or whatever ``validate`` raises for invalid content.
    """
    if user and name in user:
        return validate(load(kind, name, field="rules", user=user))
    shipped: T = _load_shipped_ruleset(kind, name, validate)  # cached: one per name
    return shipped
