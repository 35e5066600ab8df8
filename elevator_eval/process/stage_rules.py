"""The procedure's stages and their prerequisites as validated rules data
(``rules/stages/<name>.json``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import ruledata
from ..errors import InputError

KIND = "stages"
DEFAULT = "standard"
CHECKS = (
    "vote_passed",
    "no_unanswered_objection",
    "no_open_objection",
    "acceptance_document",
    "no_open_blocker",
)
NOT_STARTED = "none"
"""Key used in counts for units that have not entered any stage (未登记)."""


@dataclass(frozen=True)
class Stage:
    key: str
    zh: str
    en: str
    expected_days: int | None


@dataclass(frozen=True)
class StageRules:
    name: str
    source: str
    stages: tuple[Stage, ...]
    prerequisites: dict[str, tuple[tuple[str, str], ...]]
    every_stage: tuple[tuple[str, str], ...]

    def index(self, key: str) -> int:
        for i, s in enumerate(self.stages):
            if s.key == key:
                return i
        raise InputError(
            "stage", f"unknown stage {key!r} (known: {', '.join(s.key for s in self.stages)})"
        )

    def stage(self, key: str) -> Stage:
        return self.stages[self.index(key)]


def _checks(items: object, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(items, list):
        raise InputError(where, "must be a list of checks")
    out = []
    for i, c in enumerate(items):
        if not isinstance(c, dict) or c.get("check") not in CHECKS:
            raise InputError(f"{where}[{i}].check", f"must be one of {', '.join(CHECKS)}")
        if not isinstance(c.get("source"), str) or not c["source"].strip():
            raise InputError(f"{where}[{i}].source", "must cite where the rule comes from")
        out.append((c["check"], c["source"]))
    return tuple(out)


def validate(data: dict[str, Any]) -> StageRules:
    """Check a stage ruleset and build :class:`StageRules` (``InputError`` naming the key)."""
    w = f"stages {data.get('name', '?')}"
    raw = data.get("stages")
    if not isinstance(raw, list) or not raw:
        raise InputError(f"{w}.stages", "must be a non-empty list")
    stages = []
    for i, s in enumerate(raw):
        if not isinstance(s, dict) or not all(
            isinstance(s.get(k), str) and s[k] for k in ("key", "zh", "en")
        ):
            raise InputError(f"{w}.stages[{i}]", "needs key, zh and en")
        days = s.get("expected_days")
        if days is not None and (isinstance(days, bool) or not isinstance(days, int) or days <= 0):
            raise InputError(f"{w}.stages[{i}].expected_days", "must be a positive integer or null")
        stages.append(Stage(s["key"], s["zh"], s["en"], days))
    keys = [s.key for s in stages]
    if len(set(keys)) != len(keys) or NOT_STARTED in keys:
        raise InputError(f"{w}.stages", "stage keys must be unique (and not 'none')")
    pre = data.get("prerequisites", {})
    if not isinstance(pre, dict):
        raise InputError(f"{w}.prerequisites", "must be an object")
    for k in pre:
        if k not in keys:
            raise InputError(f"{w}.prerequisites.{k}", "is not a stage")
    return StageRules(
        data["name"],
        data["source"],
        tuple(stages),
        {k: _checks(v, f"{w}.prerequisites.{k}") for k, v in pre.items()},
        _checks(data.get("every_stage", []), f"{w}.every_stage"),
    )


def load_rules(name: str | None = None) -> StageRules:
    rules: StageRules = ruledata.load_ruleset(KIND, name or DEFAULT, validate)
    return rules


def stage_keys(name: str | None = None) -> tuple[str, ...]:
    return tuple(s.key for s in load_rules(name).stages)
