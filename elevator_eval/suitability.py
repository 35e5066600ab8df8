"""Suitability of a unit: findings → 适合 / 较难 / 不适合, with the consent state beside it.

The class follows the count rule of Shanghai's 2020 feasibility guideline (unit-format
contract §3): any ``major`` or two or more ``strong`` → ``unsuitable``; exactly one
``strong`` → ``difficult``; otherwise ``suitable``. The class is about building and site
only; the consent state (ready / needs votes / blocked) is reported beside it in
:attr:`Assessment.consent` and never folded into the class.

Rulesets
--------
Severities and thresholds live in ``elevator_eval/rules/suitability/<name>.json``, validated
on load by :mod:`elevator_eval.suitability_rules`; every check names its source or says "app
default". :func:`assess` takes the rules in force as a
:class:`~elevator_eval.rulebook.RuleBundle`: :mod:`elevator_eval.rulebook` alone decides them
(a unit's ``rules`` field names a *consent* ruleset, ``civil-code-2021`` by default; each
consent ruleset names the suitability ruleset that goes with it, key ``suitability``; a
project's ``settings`` give defaults and user-defined rulesets).

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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from .consent import ConsentResult, tally
from .errors import InputError
from .findings import Finding, count_severities
from .model import Site, Unit
from .rulebook import RuleBundle
from .site.annotate import annotate
from .site.measure import Measured, effective_site
from .spatial import check_spatial, not_surveyed
from .structural import check_structural, current_year
from .suitability_rules import SuitabilityRuleset, threshold_of
from .vocabulary import counted, pairs

CLASSES = ("suitable", "difficult", "unsuitable")
CLASS_LABELS = pairs("classes")
"""(zh, en) name of each class, from the one vocabulary."""

FINDING_CODES = (
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
    "pipe_water",
    "pipe_drainage",
    "pipe_power",
    "pipe_telecom",
    "pipe_heating",
    "pipe_other",
    "footprint_small",
    "pit_reduced",
    "pit_below_reduced",
    "headroom_reduced",
    "headroom_below_reduced",
    "corridor_shallow",
)
"""Every finding code the checks can produce (non-gas pipes share the ``pipe_other``
severity; a pipe type outside :data:`~elevator_eval.model.PIPE_TYPES` gives ``pipe_other``)."""

# ------------------------------------------------------------------------ classification


def classify_counts(major: int, strong: int, class_rule: Mapping[str, int] | None = None) -> str:
    """The class from the number of ``major`` and ``strong`` findings."""
    cr = class_rule or {
        "unsuitable_min_major": 1,
        "unsuitable_min_strong": 2,
        "difficult_min_strong": 1,
    }
    if major >= cr["unsuitable_min_major"] or strong >= cr["unsuitable_min_strong"]:
        return "unsuitable"
    if strong >= cr["difficult_min_strong"]:
        return "difficult"
    return "suitable"


def classify(findings: Iterable[Finding], class_rule: Mapping[str, int] | None = None) -> str:
    """``suitable`` / ``difficult`` / ``unsuitable`` by the count rule of spec §3."""
    counts = count_severities(findings)
    return classify_counts(counts["major"], counts["strong"], class_rule)


def _to_improve(findings: list[Finding], klass: str, class_rule: Mapping[str, int]) -> list[str]:
    """Codes whose removal would improve the class.

    First the codes whose removal alone improves it; when none does (e.g. two majors), the
    codes of every finding that must go to reach a better class (all majors, and all strong
    factors when there are too many of them).
    """
    rank = CLASSES.index(klass)
    codes = list(dict.fromkeys(f.code for f in findings if f.severity != "weak"))
    single = [
        c
        for c in codes
        if CLASSES.index(classify([f for f in findings if f.code != c], class_rule)) < rank
    ]
    if single or rank == 0:
        return single
    counts = count_severities(findings)
    out = [f.code for f in findings if f.severity == "major"]
    if counts["strong"] >= class_rule["unsuitable_min_strong"]:
        out += [f.code for f in findings if f.severity == "strong"]
    return list(dict.fromkeys(out))


def _main_reason(findings: list[Finding], klass: str, counts: Mapping[str, int]) -> tuple[str, str]:
    """The main reason for the class, in Chinese and English."""
    majors = [f for f in findings if f.severity == "major"]
    strongs = [f for f in findings if f.severity == "strong"]
    if klass == "unsuitable":
        if majors:
            f = majors[0]
            extra_zh = f"（另有 {len(majors) - 1} 项重大干扰）" if len(majors) > 1 else ""
            extra_en = f" (and {len(majors) - 1} more major)" if len(majors) > 1 else ""
            return f"重大干扰：{f.message_zh}{extra_zh}", f"Major: {f.message_en}{extra_en}"
        return (
            f"{len(strongs)} 项强干扰：" + "；".join(f.message_zh for f in strongs),
            f"{len(strongs)} strong factors: " + "; ".join(f.message_en for f in strongs),
        )
    if klass == "difficult" and strongs:
        return f"强干扰：{strongs[0].message_zh}", f"Strong: {strongs[0].message_en}"
    if counts["weak"]:
        n = counts["weak"]
        return (f"仅有 {n} 项弱干扰", f"Only {counted(n, 'weak factor')}")
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
    consent: ConsentResult | None
    ruleset: str
    not_surveyed: list[str] = field(default_factory=list)
    year: int = 0
    measured: dict[str, Any] = field(default_factory=dict)
    measured_parts: dict[str, Any] = field(default_factory=dict)

    @property
    def label_zh(self) -> str:
        return str(CLASS_LABELS[self.klass][0])

    @property
    def label_en(self) -> str:
        return str(CLASS_LABELS[self.klass][1])

    @property
    def consent_state(self) -> str | None:
        return None if self.consent is None else self.consent.state

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        """Spec §2 keys (``unit``, ``class``, ``findings``) plus extras."""
        return {
            "unit": self.unit_id,
            "class": self.klass,
            "findings": [f.to_json(lang) for f in self.findings],
            "class_label_zh": self.label_zh,
            "class_label_en": self.label_en,
            "counts": dict(self.counts),
            "main_reason_zh": self.main_reason_zh,
            "main_reason_en": self.main_reason_en,
            "to_improve": list(self.to_improve),
            "not_surveyed": list(self.not_surveyed),
            "ruleset": self.ruleset,
            "year": self.year,
            "consent_state": self.consent_state,
            "consent_ruleset": None if self.consent is None else self.consent.ruleset,
            **(
                {"measured": dict(self.measured), "measured_parts": dict(self.measured_parts)}
                if self.measured
                else {}
            ),
        }


def findings_for(
    unit: Unit,
    rules: SuitabilityRuleset,
    *,
    year: int | None = None,
    effective: tuple[Site, Measured | None] | None = None,
) -> list[Finding]:
    """Every finding for a unit: structural first, then spatial (a site plan's measured
    values win over typed ones); each carries the ruleset and the limits it was checked
    against (:func:`~elevator_eval.suitability_rules.threshold_of`). ``effective`` is
    :func:`~elevator_eval.site.measure.effective_site` of the unit's site when the caller
    has it already."""
    site, measured = effective_site(unit.site) if effective is None else effective
    found = check_structural(unit.building, rules.checks, year=year) + annotate(
        check_spatial(site, rules.checks), measured, rules.checks
    )
    return [replace(f, ruleset=rules.name, threshold=threshold_of(rules, f.code)) for f in found]


def assess(
    unit: Unit, bundle: RuleBundle, *, year: int | None = None, with_consent: bool = True
) -> Assessment:
    """Assess a unit under the rules in force.

    Parameters
    ----------
    unit : Unit
    bundle : RuleBundle
        The rules in force for the unit (:func:`elevator_eval.rulebook.resolve`, or
        :func:`elevator_eval.rulebook.bundle_for` for a ruleset name or a project's
        settings): its suitability ruleset classifies, its consent ruleset tallies.
    year : int, optional
        Reference year of the design-life check [year]; today's year when omitted (pin it
        in tests).
    with_consent : bool
        Tally the vote too (``consent`` is ``None`` otherwise, or when the votes are bad
        input such as conflicting votes of one owner).
    """
    year = current_year() if year is None else year
    rules = bundle.suitability
    # the plan is measured once per assessment, sunlight under the project's standard
    effective = effective_site(unit.site, bundle.sunlight_standard.name)
    findings = findings_for(unit, rules, year=year, effective=effective)
    counts = count_severities(findings)
    klass = classify_counts(counts["major"], counts["strong"], rules.class_rule)
    zh, en = _main_reason(findings, klass, counts)
    consent = None
    if with_consent:
        try:
            consent = tally(unit, bundle.consent)
        except InputError:  # conflicting votes of one owner: no tally beside the class
            consent = None
    return Assessment(
        unit_id=unit.id,
        klass=klass,
        findings=findings,
        counts=counts,
        main_reason_zh=zh,
        main_reason_en=en,
        to_improve=_to_improve(findings, klass, rules.class_rule),
        consent=consent,
        ruleset=rules.name,
        not_surveyed=not_surveyed(effective[0]),
        year=year,
        measured=_measured_dict(effective[1]),
        measured_parts=_measured_dict(effective[1], parts=True),
    )


def _measured_dict(m: Measured | None, parts: bool = False) -> dict[str, Any]:
    if m is None:
        return {}
    return dict(m.parts) if parts else m.to_json()
