"""Suitability rulesets: severities and thresholds of the checks, as validated data.

A suitability ruleset is a data file ``elevator_eval/rules/suitability/<name>.json`` (or one a
project defines under ``settings["suitability_rulesets"]``, same schema). Every check names a
severity, its source (or ``"app default"``) and its limits; :func:`validate_ruleset` checks
the content and builds a :class:`SuitabilityRuleset`. The checks
(:mod:`elevator_eval.structural`, :mod:`elevator_eval.spatial`) read its ``checks`` table;
:mod:`elevator_eval.suitability` classifies with its ``class_rule``. Which ruleset is in force
for a unit is decided by :mod:`elevator_eval.rulebook` alone.

References
----------
上海市既有多层住宅加装电梯前期调查与可行性评估技术导则(试行) (2020).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import ruledata
from .errors import InputError
from .findings import SEVERITIES

DEFAULT_RULESET = "shanghai-2020"
KIND = "suitability"
USER_KEY = "suitability_rulesets"
"""Project settings key holding user-defined suitability rulesets by name (same schema)."""

CHECK_CODES = (
    "danger_grade",
    "appraisal_required",
    "storeys_low",
    "masonry_seismic",
    "design_life_short",
    "red_line",
    "fire_lane_narrow",
    "neighbour_close",
    "private_courtyard",
    "sunlight_below_standard",
    "pipe_gas",
    "pipe_other",
    "footprint_small",
    "pit_reduced",
    "pit_below_reduced",
    "headroom_reduced",
    "headroom_below_reduced",
    "corridor_shallow",
)
"""Every check a suitability ruleset must configure (the ``checks`` keys)."""

Checks = dict[str, dict[str, Any]]
"""A ruleset's ``checks`` table: check code → its severity, source and limits (JSON)."""

# check -> numeric parameters that must be positive numbers
_NUMERIC = {
    "appraisal_required": ("built_before_year",),
    "storeys_low": ("min_storeys",),
    "masonry_seismic": ("min_intensity",),
    "design_life_short": ("elevator_service_life_years",),
    "fire_lane_narrow": ("min_width_m",),
    "neighbour_close": ("min_distance_m",),
    "footprint_small": ("car_width_m", "car_depth_m"),
    "pit_reduced": ("standard_mm", "reduced_mm"),
    "headroom_reduced": ("standard_mm", "reduced_mm"),
    "corridor_shallow": ("min_depth_m",),
}

THRESHOLD_KEYS = {
    "danger_grade": ("danger_grade", ("grades",)),
    "appraisal_required": ("appraisal_required", ("built_before_year",)),
    "storeys_low": ("storeys_low", ("min_storeys",)),
    "masonry_seismic": ("masonry_seismic", ("structures", "min_intensity")),
    "design_life_short": ("design_life_short", ("elevator_service_life_years",)),
    "fire_lane_narrow": ("fire_lane_narrow", ("min_width_m",)),
    "neighbour_close": ("neighbour_close", ("min_distance_m",)),
    "footprint_small": (
        "footprint_small",
        ("shaft_m", "car_width_m", "car_depth_m", "allow_rotation"),
    ),
    "pit_reduced": ("pit_reduced", ("standard_mm", "reduced_mm")),
    "pit_below_reduced": ("pit_reduced", ("reduced_mm",)),
    "headroom_reduced": ("headroom_reduced", ("standard_mm", "reduced_mm")),
    "headroom_below_reduced": ("headroom_reduced", ("reduced_mm",)),
    "corridor_shallow": ("corridor_shallow", ("min_depth_m",)),
}
"""Finding code → (check, keys of the limits it applies) in a suitability ruleset."""


@dataclass(frozen=True)
class SuitabilityRuleset:
    """A validated suitability ruleset (see the module docstring)."""

    name: str
    title_zh: str
    title_en: str
    source: str
    class_rule: dict[str, int]
    checks: Checks

    def severity(self, code: str) -> str:
        """Severity of a finding code (``pipe_water`` etc. use ``pipe_other``)."""
        key = code if code in self.checks else "pipe_other"
        return str(self.checks[key]["severity"])


def _num_ok(v: object) -> bool:
    return isinstance(v, (int, Decimal)) and not isinstance(v, bool) and v > 0


def _decimalise(value: Any) -> Any:
    """A deep copy with floats turned into Decimals through their shortest text."""
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, dict):
        return {k: _decimalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decimalise(v) for v in value]
    return value


def _check_entries(checks: Mapping[str, Any], p: str) -> None:
    """Every check present, with a severity, a source, a basis and positive limits."""
    for code in CHECK_CODES:
        c = checks.get(code)
        if not isinstance(c, dict):
            raise InputError(f"{p} checks.{code}", "is missing")
        if c.get("severity") not in SEVERITIES:
            raise InputError(
                f"{p} checks.{code}.severity", f"must be one of {', '.join(SEVERITIES)}"
            )
        if not isinstance(c.get("source"), str) or not c["source"].strip():
            raise InputError(f"{p} checks.{code}.source", "must name a source or 'app default'")
        if c.get("basis") not in ("sourced", "app default"):
            raise InputError(f"{p} checks.{code}.basis", 'must be "sourced" or "app default"')
        for key in _NUMERIC.get(code, ()):
            if not _num_ok(c.get(key)):
                raise InputError(f"{p} checks.{code}.{key}", "must be a positive number")
    for code in ("pit_reduced", "headroom_reduced"):
        if checks[code]["reduced_mm"] > checks[code]["standard_mm"]:
            raise InputError(f"{p} checks.{code}.reduced_mm", "must not exceed standard_mm")
    grades = checks["danger_grade"].get("grades")
    if not isinstance(grades, list) or not set(grades) <= {"A", "B", "C", "D"}:
        raise InputError(f"{p} checks.danger_grade.grades", "must be a list of A-D")
    if not isinstance(checks["masonry_seismic"].get("structures"), list):
        raise InputError(f"{p} checks.masonry_seismic.structures", "must be a list")


def _check_footprint(fs: Mapping[str, Any], p: str) -> None:
    """The shaft sizes by entry mode, each at least the car; the rotation flag."""
    shafts = fs.get("shaft_m")
    if not isinstance(shafts, dict) or set(shafts) != {"half_landing", "flat"}:
        raise InputError(f"{p} checks.footprint_small.shaft_m", "must give half_landing and flat")
    for mode, s in shafts.items():
        if (
            not isinstance(s, dict)
            or not _num_ok(s.get("width_m"))
            or not _num_ok(s.get("depth_m"))
        ):
            raise InputError(
                f"{p} checks.footprint_small.shaft_m.{mode}", "needs positive width_m and depth_m"
            )
        if s["width_m"] < fs["car_width_m"] or s["depth_m"] < fs["car_depth_m"]:
            raise InputError(
                f"{p} checks.footprint_small.shaft_m.{mode}", "is smaller than the car"
            )
    if not isinstance(fs.get("allow_rotation"), bool):
        raise InputError(f"{p} checks.footprint_small.allow_rotation", "must be true or false")


def _check_class_rule(cr: object, p: str) -> dict[str, int]:
    """The count rule: three whole numbers ≥ 1, difficult not above unsuitable."""
    if not isinstance(cr, dict):
        raise InputError(p, "lacks a 'class_rule' table")
    for key in ("unsuitable_min_major", "unsuitable_min_strong", "difficult_min_strong"):
        v = cr.get(key)
        if not isinstance(v, int) or isinstance(v, bool) or v < 1:
            raise InputError(f"{p} class_rule.{key}", "must be a whole number ≥ 1")
    if cr["difficult_min_strong"] > cr["unsuitable_min_strong"]:
        raise InputError(
            f"{p} class_rule.difficult_min_strong", "must not exceed unsuitable_min_strong"
        )
    return dict(cr)


def validate_ruleset(data: Mapping[str, Any], where: str = "rules") -> SuitabilityRuleset:
    """Check a suitability ruleset's content and build a :class:`SuitabilityRuleset`.

    Raises
    ------
    InputError
        naming the ruleset and the bad key.
    """
    data = _decimalise(dict(data))
    name = data.get("name", "?")
    p = f"{where} {name}"
    checks = data.get("checks")
    if not isinstance(checks, dict):
        raise InputError(p, "lacks a 'checks' table")
    _check_entries(checks, p)
    _check_footprint(checks["footprint_small"], p)
    class_rule = _check_class_rule(data.get("class_rule"), p)
    return SuitabilityRuleset(
        name=name,
        title_zh=data["title_zh"],
        title_en=data["title_en"],
        source=data["source"],
        class_rule=class_rule,
        checks=checks,
    )


def load_ruleset(
    name: str | None = None, *, user: Mapping[str, Any] | None = None
) -> SuitabilityRuleset:
    """Load and validate the suitability ruleset ``name`` (the default when ``None``).

    Raises
    ------
    InputError
        ``rules``: unknown name or invalid content.
    """
    name = DEFAULT_RULESET if name is None else name
    ruleset: SuitabilityRuleset = ruledata.load_ruleset(KIND, name, validate_ruleset, user=user)
    return ruleset


def user_rulesets(settings: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """User-defined suitability rulesets of a project's ``settings`` (``None`` when none)."""
    return ruledata.user_files(settings, USER_KEY)


def checks_or_default(checks: Checks | None) -> Checks:
    """``checks`` (a suitability ruleset's check table), or the default ruleset's when None."""
    if checks is None:
        return load_ruleset(None).checks
    return checks


def class_rule_text(rules: SuitabilityRuleset) -> tuple[str, str]:
    """The ruleset's count rule in words (zh, en), from its ``class_rule`` numbers: the
    shipped rule reads 任一重大干扰或 2 项及以上强干扰为“不适合加装”，恰 1 项强干扰为
    “较难加装”，其余为“适合加装”."""
    cr = rules.class_rule
    major, strong, difficult = (
        cr["unsuitable_min_major"],
        cr["unsuitable_min_strong"],
        cr["difficult_min_strong"],
    )
    major_zh = "任一重大干扰" if major == 1 else f"{major} 项及以上重大干扰"
    major_en = "any major factor" if major == 1 else f"{major} or more major factors"
    zh = f"{major_zh}或 {strong} 项及以上强干扰为“不适合加装”，"
    en = f"{major_en} or {strong} or more strong ones → unsuitable; "
    if difficult < strong:
        if difficult == strong - 1:
            zh += f"恰 {difficult} 项强干扰为“较难加装”，"
            en += f"exactly {difficult} strong → difficult; "
        else:
            zh += f"{difficult}–{strong - 1} 项强干扰为“较难加装”，"
            en += f"{difficult} to {strong - 1} strong → difficult; "
    return zh + "其余为“适合加装”", en + "otherwise suitable"


def threshold_of(rules: SuitabilityRuleset, code: str) -> dict[str, Any]:
    """The limits the check behind finding ``code`` applies under ``rules`` ({} for a
    yes/no fact such as ``red_line`` or a pipe)."""
    check, keys = THRESHOLD_KEYS.get(code, (None, ()))
    c = rules.checks.get(check, {}) if check else {}
    return {k: c[k] for k in keys if k in c}
