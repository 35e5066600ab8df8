"""Suitability of a unit: findings → 适合 / 较难 / 不适合, with the consent state beside it.

The class follows the count rule of Shanghai's 2020 feasibility guideline (unit-format
contract §3): any ``major`` or two or more ``strong`` → ``unsuitable``; exactly one
``strong`` → ``difficult``; otherwise ``suitable``. The class is about building and site
only; the consent state (ready / needs votes / blocked) is reported beside it in
:attr:`Assessment.consent` and never folded into the class.

Rulesets
--------
Severities and thresholds live in ``elevator_eval/rules/suitability/<name>.json``, validated
on load; every check names its source or says "app default". A unit's ``rules`` field names a
*consent* ruleset (``civil-code-2021`` by default); each consent ruleset names the suitability
ruleset that goes with it (key ``suitability``, ``shanghai-2020`` for all shipped ones).
:func:`assess` also takes a ruleset name directly: a suitability ruleset name is used as is,
a consent ruleset name is followed to its suitability ruleset. A unit whose ``rules`` names a
suitability ruleset is tallied under the default consent ruleset. In a project, units that
name no ruleset use ``settings["default_rules"]``, and ``settings["suitability_rulesets"]`` /
``settings["consent_rulesets"]`` hold user-defined rulesets (same schema, same validation).

Finding codes (:data:`FINDING_CODES`): structural ``danger_grade``, ``appraisal_required``,
``storeys_low``, ``masonry_seismic``, ``design_life_short``; spatial ``red_line``,
``fire_lane_narrow``, ``neighbour_close``, ``private_courtyard``,
``sunlight_below_standard``, ``pipe_gas`` and ``pipe_<type>`` (one per pipe),
``footprint_small``, ``pit_reduced``, ``pit_below_reduced``, ``headroom_reduced``,
``headroom_below_reduced``, ``corridor_shallow``.

References
----------
上海市既有多层住宅加装电梯前期调查与可行性评估技术导则(试行) (2020).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from . import ruledata
from .errors import InputError
from .findings import SEVERITIES, Finding, count_severities
from .model import Unit
from .vocabulary import pairs

CLASSES = ("suitable", "difficult", "unsuitable")
CLASS_LABELS = pairs("classes")
"""(zh, en) name of each class, from the one vocabulary."""

DEFAULT_RULESET = "shanghai-2020"
KIND = "suitability"

CHECK_CODES = ("danger_grade", "appraisal_required", "storeys_low", "masonry_seismic",
               "design_life_short", "red_line", "fire_lane_narrow", "neighbour_close",
               "private_courtyard", "sunlight_below_standard", "pipe_gas", "pipe_other",
               "footprint_small", "pit_reduced", "pit_below_reduced", "headroom_reduced",
               "headroom_below_reduced", "corridor_shallow")
"""Every check a suitability ruleset must configure (the ``checks`` keys)."""

FINDING_CODES = ("danger_grade", "appraisal_required", "storeys_low", "masonry_seismic",
                 "design_life_short", "red_line", "fire_lane_narrow", "neighbour_close",
                 "private_courtyard", "sunlight_below_standard", "pipe_gas", "pipe_water",
                 "pipe_drainage", "pipe_power", "pipe_telecom", "pipe_heating", "pipe_other",
                 "footprint_small", "pit_reduced", "pit_below_reduced", "headroom_reduced",
                 "headroom_below_reduced", "corridor_shallow")
"""Every finding code the checks can produce (non-gas pipes share the ``pipe_other``
severity; a pipe type outside :data:`~elevator_eval.model.PIPE_TYPES` gives ``pipe_other``)."""

# check -> numeric parameters that must be positive numbers
_NUMERIC = {"appraisal_required": ("built_before_year",), "storeys_low": ("min_storeys",),
            "masonry_seismic": ("min_intensity",),
            "design_life_short": ("elevator_service_life_years", "default_design_life_years"),
            "fire_lane_narrow": ("min_width_m",), "neighbour_close": ("min_distance_m",),
            "footprint_small": ("car_width_m", "car_depth_m"),
            "pit_reduced": ("standard_mm", "reduced_mm"),
            "headroom_reduced": ("standard_mm", "reduced_mm"),
            "corridor_shallow": ("min_depth_m",)}


@dataclass(frozen=True)
class SuitabilityRuleset:
    """A validated suitability ruleset (see module docstring)."""

    name: str
    title_zh: str
    title_en: str
    source: str
    class_rule: dict[str, Any]
    checks: dict[str, dict[str, Any]]

    def severity(self, code: str) -> str:
        """Severity of a finding code (``pipe_water`` etc. use ``pipe_other``)."""
        key = code if code in self.checks else "pipe_other"
        return self.checks[key]["severity"]


def _num_ok(v) -> bool:
    return isinstance(v, (int, Decimal)) and not isinstance(v, bool) and v > 0


def _decimalise(value):
    """A deep copy with floats turned into Decimals through their shortest text."""
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, dict):
        return {k: _decimalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decimalise(v) for v in value]
    return value


def validate_ruleset(data: dict[str, Any], where: str = "rules") -> SuitabilityRuleset:
    """Check a suitability ruleset's content and build a :class:`SuitabilityRuleset`.

    Raises
    ------
    InputError
        naming the ruleset and the bad key.
    """
    data = _decimalise(data)
    name = data.get("name", "?")
    p = f"{where} {name}"
    checks = data.get("checks")
    if not isinstance(checks, dict):
        raise InputError(p, "lacks a 'checks' table")
    for code in CHECK_CODES:
        c = checks.get(code)
        if not isinstance(c, dict):
            raise InputError(f"{p} checks.{code}", "is missing")
        if c.get("severity") not in SEVERITIES:
            raise InputError(f"{p} checks.{code}.severity",
                             f"must be one of {', '.join(SEVERITIES)}")
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
    fs = checks["footprint_small"]
    shafts = fs.get("shaft_m")
    if not isinstance(shafts, dict) or set(shafts) != {"half_landing", "flat"}:
        raise InputError(f"{p} checks.footprint_small.shaft_m",
                         "must give half_landing and flat")
    for mode, s in shafts.items():
        if not isinstance(s, dict) or not _num_ok(s.get("width_m")) \
                or not _num_ok(s.get("depth_m")):
            raise InputError(f"{p} checks.footprint_small.shaft_m.{mode}",
                             "needs positive width_m and depth_m")
        if s["width_m"] < fs["car_width_m"] or s["depth_m"] < fs["car_depth_m"]:
            raise InputError(f"{p} checks.footprint_small.shaft_m.{mode}",
                             "is smaller than the car")
    if not isinstance(fs.get("allow_rotation"), bool):
        raise InputError(f"{p} checks.footprint_small.allow_rotation", "must be true or false")
    cr = data.get("class_rule")
    if not isinstance(cr, dict):
        raise InputError(p, "lacks a 'class_rule' table")
    for key in ("unsuitable_min_major", "unsuitable_min_strong", "difficult_min_strong"):
        v = cr.get(key)
        if not isinstance(v, int) or isinstance(v, bool) or v < 1:
            raise InputError(f"{p} class_rule.{key}", "must be a whole number ≥ 1")
    if cr["difficult_min_strong"] > cr["unsuitable_min_strong"]:
        raise InputError(f"{p} class_rule.difficult_min_strong",
                         "must not exceed unsuitable_min_strong")
    return SuitabilityRuleset(name=name, title_zh=data["title_zh"], title_en=data["title_en"],
                              source=data["source"], class_rule=dict(cr), checks=checks)


def list_rulesets() -> list[str]:
    """Names of the shipped suitability rulesets."""
    return list(ruledata.shipped_names(KIND))


def load_ruleset(name: str | None = None, *, user: dict | None = None) -> SuitabilityRuleset:
    """Load and validate the suitability ruleset ``name`` (the default when ``None``).

    Raises
    ------
    InputError
        ``rules``: unknown name or invalid content.
    """
    name = DEFAULT_RULESET if name is None else name
    return ruledata.load_ruleset(KIND, name, validate_ruleset, user=user)


USER_KEY = "suitability_rulesets"
"""Project settings key holding user-defined suitability rulesets by name (same schema)."""


def user_rulesets(settings: dict | None) -> dict | None:
    """User-defined suitability rulesets of a project's ``settings`` (``None`` when none)."""
    return ruledata.user_files(settings, USER_KEY)


def is_suitability_ruleset(name: str | None, settings: dict | None = None) -> bool:
    """Whether ``name`` is a shipped or user-defined suitability ruleset."""
    user = user_rulesets(settings)
    return name in ruledata.shipped_names(KIND) or bool(user and name in user)


def resolve_ruleset_name(unit: Unit | None, ruleset: str | None = None, *,
                         settings: dict | None = None) -> str:
    """The name of the suitability ruleset in force for a unit, by the one resolver
    (:mod:`elevator_eval.rulebook`; ``settings``: a project's settings).

    Raises
    ------
    InputError
        ``rules`` when the name is neither a suitability nor a consent ruleset.
    """
    from .rulebook import resolver_for
    return resolver_for(settings=settings).bundle(unit, ruleset).suitability.name


# ------------------------------------------------------------------------ classification

def classify_counts(major: int, strong: int, class_rule: dict | None = None) -> str:
    """The class from the number of ``major`` and ``strong`` findings."""
    cr = class_rule or {"unsuitable_min_major": 1, "unsuitable_min_strong": 2,
                        "difficult_min_strong": 1}
    if major >= cr["unsuitable_min_major"] or strong >= cr["unsuitable_min_strong"]:
        return "unsuitable"
    if strong >= cr["difficult_min_strong"]:
        return "difficult"
    return "suitable"


def classify(findings, class_rule: dict | None = None) -> str:
    """``suitable`` / ``difficult`` / ``unsuitable`` by the count rule of spec §3."""
    counts = count_severities(findings)
    return classify_counts(counts["major"], counts["strong"], class_rule)


def _to_improve(findings: list[Finding], klass: str, class_rule: dict) -> list[str]:
    """Codes whose removal would improve the class.

    First the codes whose removal alone improves it; when none does (e.g. two majors), the
    codes of every finding that must go to reach a better class (all majors, and all strong
    factors when there are too many of them).
    """
    rank = CLASSES.index(klass)
    codes = list(dict.fromkeys(f.code for f in findings if f.severity != "weak"))
    single = [c for c in codes
              if CLASSES.index(classify([f for f in findings if f.code != c], class_rule)) < rank]
    if single or rank == 0:
        return single
    counts = count_severities(findings)
    out = [f.code for f in findings if f.severity == "major"]
    if counts["strong"] >= class_rule["unsuitable_min_strong"]:
        out += [f.code for f in findings if f.severity == "strong"]
    return list(dict.fromkeys(out))


def _main_reason(findings: list[Finding], klass: str, counts: dict) -> tuple[str, str]:
    majors = [f for f in findings if f.severity == "major"]
    strongs = [f for f in findings if f.severity == "strong"]
    if klass == "unsuitable":
        if majors:
            f = majors[0]
            extra_zh = f"（另有 {len(majors) - 1} 项重大干扰）" if len(majors) > 1 else ""
            extra_en = f" (and {len(majors) - 1} more major)" if len(majors) > 1 else ""
            return f"重大干扰：{f.message_zh}{extra_zh}", f"Major: {f.message_en}{extra_en}"
        return (f"{len(strongs)} 项强干扰：" + "；".join(f.message_zh for f in strongs),
                f"{len(strongs)} strong factors: " + "; ".join(f.message_en for f in strongs))
    if klass == "difficult" and strongs:
        return f"强干扰：{strongs[0].message_zh}", f"Strong: {strongs[0].message_en}"
    if counts["weak"]:
        return (f"仅有 {counts['weak']} 项弱干扰", f"Only {counts['weak']} weak factor(s)")
    return "未发现干扰因素", "No interference factor found"


@dataclass
class Assessment:
    """Suitability of one unit, with the consent state beside it.

    Attributes
    ----------
    unit_id : str
    klass : str
        One of :data:`CLASSES` (building and site only).
    findings : list of Finding
    counts : dict
        ``{"weak": n, "strong": n, "major": n}``.
    main_reason_zh, main_reason_en : str
    to_improve : list of str
        Codes whose removal would improve the class.
    consent : ConsentResult
        The vote tally, reported beside the class and never folded into it.
    ruleset : str
        Name of the suitability ruleset used.
    not_surveyed : list of str
        Site fields left empty (no finding was made for them).
    year : int
        Reference year of the design-life check.
    """

    unit_id: str
    klass: str
    findings: list[Finding]
    counts: dict[str, int]
    main_reason_zh: str
    main_reason_en: str
    to_improve: list[str]
    consent: Any
    ruleset: str
    not_surveyed: list[str] = field(default_factory=list)
    year: int = 0
    measured: dict[str, Any] = field(default_factory=dict)
    measured_parts: dict[str, Any] = field(default_factory=dict)

    @property
    def label_zh(self) -> str:
        return CLASS_LABELS[self.klass][0]

    @property
    def label_en(self) -> str:
        return CLASS_LABELS[self.klass][1]

    @property
    def consent_state(self) -> str | None:
        return None if self.consent is None else self.consent.state

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        """Spec §2 keys (``unit``, ``class``, ``findings``) plus extras."""
        return {
            "unit": self.unit_id,
            "class": self.klass,
            "findings": [f.to_json(lang) for f in self.findings],
            "class_label_zh": self.label_zh, "class_label_en": self.label_en,
            "counts": dict(self.counts),
            "main_reason_zh": self.main_reason_zh, "main_reason_en": self.main_reason_en,
            "to_improve": list(self.to_improve),
            "not_surveyed": list(self.not_surveyed),
            "ruleset": self.ruleset,
            "year": self.year,
            "consent_state": self.consent_state,
            "consent_ruleset": None if self.consent is None else self.consent.ruleset,
            **({"measured": dict(self.measured), "measured_parts": dict(self.measured_parts)}
               if self.measured else {}),
        }


THRESHOLD_KEYS = {
    "danger_grade": ("danger_grade", ("grades",)),
    "appraisal_required": ("appraisal_required", ("built_before_year",)),
    "storeys_low": ("storeys_low", ("min_storeys",)),
    "masonry_seismic": ("masonry_seismic", ("structures", "min_intensity")),
    "design_life_short": ("design_life_short", ("elevator_service_life_years",
                                                "default_design_life_years")),
    "fire_lane_narrow": ("fire_lane_narrow", ("min_width_m",)),
    "neighbour_close": ("neighbour_close", ("min_distance_m",)),
    "footprint_small": ("footprint_small", ("shaft_m", "car_width_m", "car_depth_m",
                                            "allow_rotation")),
    "pit_reduced": ("pit_reduced", ("standard_mm", "reduced_mm")),
    "pit_below_reduced": ("pit_reduced", ("reduced_mm",)),
    "headroom_reduced": ("headroom_reduced", ("standard_mm", "reduced_mm")),
    "headroom_below_reduced": ("headroom_reduced", ("reduced_mm",)),
    "corridor_shallow": ("corridor_shallow", ("min_depth_m",)),
}
"""Finding code → (check, keys of the limits it applies) in a suitability ruleset."""


def threshold_of(rules: SuitabilityRuleset, code: str) -> dict[str, Any]:
    """The limits the check behind finding ``code`` applies under ``rules`` ({} for a
    yes/no fact such as ``red_line`` or a pipe)."""
    check, keys = THRESHOLD_KEYS.get(code, (None, ()))
    c = rules.checks.get(check, {}) if check else {}
    return {k: c[k] for k in keys if k in c}


def findings_for(unit: Unit, rules: SuitabilityRuleset, *, year: int | None = None
                 ) -> list[Finding]:
    """Every finding for a unit: structural first, then spatial (a site plan's measured
    values win over typed ones); each carries the ruleset and the limits it was checked
    against (:func:`threshold_of`)."""
    from dataclasses import replace

    from .site.annotate import annotate
    from .site.measure import effective_site
    from .spatial import check_spatial
    from .structural import check_structural
    site, measured = effective_site(unit.site)
    found = check_structural(unit.building, rules.checks, year=year) + \
        annotate(check_spatial(site, rules.checks), measured, rules.checks)
    return [replace(f, ruleset=rules.name, threshold=threshold_of(rules, f.code))
            for f in found]


def assess(unit: Unit, ruleset: str | None = None, *, year: int | None = None,
           with_consent: bool = True, settings: dict | None = None,
           bundle=None) -> Assessment:
    """Assess a unit.

    Parameters
    ----------
    unit : Unit
    ruleset : str, optional
        A suitability or consent ruleset name; by default the suitability ruleset named by
        the unit's consent ruleset (``unit.rules``).
    year : int, optional
        Reference year of the design-life check; today's year when omitted (pin it in
        tests).
    with_consent : bool
        Tally the vote too (``consent`` is ``None`` otherwise, or when the votes are bad
        input such as conflicting votes of one owner).
    settings : dict, optional
        A project's settings: ``suitability_rulesets`` and ``consent_rulesets`` add
        user-defined rulesets (validated like the shipped ones).
    bundle : RuleBundle, optional
        The rules in force (:func:`elevator_eval.rulebook.resolve`); ``ruleset`` and
        ``settings`` are resolved into one when it is not given.

    Raises
    ------
    InputError
        ``rules`` when the ruleset is unknown.
    """
    from .spatial import not_surveyed
    from .structural import current_year
    year = current_year() if year is None else year
    if bundle is None:
        from .rulebook import resolver_for
        bundle = resolver_for(settings=settings).bundle(unit, ruleset)
    rules = bundle.suitability
    findings = findings_for(unit, rules, year=year)
    counts = count_severities(findings)
    klass = classify_counts(counts["major"], counts["strong"], rules.class_rule)
    zh, en = _main_reason(findings, klass, counts)
    consent = None
    if with_consent:
        from .consent import tally
        try:
            consent = tally(unit, bundle.consent)
        except InputError as e:
            if e.field == "rules":
                raise
            consent = None
    return Assessment(unit_id=unit.id, klass=klass, findings=findings, counts=counts,
                      main_reason_zh=zh, main_reason_en=en,
                      to_improve=_to_improve(findings, klass, rules.class_rule),
                      consent=consent, ruleset=rules.name,
                      not_surveyed=not_surveyed(_site_for_survey(unit.site)),
                      year=year, measured=measured_values(unit.site),
                      measured_parts=measured_values(unit.site, parts=True))


def _site_for_survey(site):
    from .site.measure import effective_site
    return effective_site(site)[0]


def measured_values(site, parts: bool = False) -> dict[str, Any]:
    """Site values measured from the unit's plan (empty without a plan); with ``parts``,
    what produced each value (nearest building, pipes, courtyards, windows …)."""
    from .site.measure import measure_site
    m = measure_site(site)
    if m is None:
        return {}
    return dict(m.parts) if parts else m.to_json()
