"""One resolver: the complete set of rules in force for a unit of a project.

Every engine, document and view gets its rules from :func:`resolve` (or a
:class:`Resolver` kept for a whole project), never by looking a ruleset up by itself:

consent ruleset
    ``rules`` given by the caller (``--rules``) → the unit's own choice
    (:attr:`~elevator_eval.model.Unit.consent_rules`) → the project's ``default_rules`` →
    ``civil-code-2021`` (the unit-format default).
suitability ruleset
    ``rules`` given by the caller when it names a suitability ruleset → the unit's own
    choice (:attr:`~elevator_eval.model.Unit.suitability_rules`) → the project's
    ``suitability_rules`` → the one the consent ruleset in force names (its
    ``suitability`` key).
coefficient table
    the unit's ``share.table`` → the project's ``coefficient_table`` → ``app-default``.
subsidy rule set, sunlight standard, organisation profile, pre-installation assumptions,
procurement defaults
    the project's settings over the shipped defaults.

A rule file the project defines (``settings["consent_rulesets"]`` etc.) wins over a shipped
one of the same name. Unknown names raise :class:`~elevator_eval.errors.InputError` naming
``rules`` (the unit-file field) or ``settings.<key>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from . import consent_rules, ruledata, suitability_rules
from .consent_rules import ConsentRuleset
from .errors import InputError
from .model import Project, Unit
from .project_settings import (
    Organisation,
    ProjectSettings,
    defaults,
    read_settings,
    validate,
)
from .suitability_rules import SuitabilityRuleset

CONSENT_KIND = "consent"
SUITABILITY_KIND = "suitability"


def load_consent(name: str, settings: dict[str, Any] | None = None) -> ConsentRuleset:
    """A consent ruleset by name, the project's own first (validated)."""
    return consent_rules.load_ruleset(name, user=consent_rules.user_rulesets(settings))


def load_suitability(name: str, settings: dict[str, Any] | None = None) -> SuitabilityRuleset:
    """A suitability ruleset by name, the project's own first (validated)."""
    return suitability_rules.load_ruleset(name, user=suitability_rules.user_rulesets(settings))


def is_consent_name(name: str | None, settings: dict[str, Any] | None = None) -> bool:
    user = ruledata.user_files(settings, "consent_rulesets") or {}
    return name in user or name in ruledata.shipped_names(CONSENT_KIND)


def is_suitability_name(name: str | None, settings: dict[str, Any] | None = None) -> bool:
    user = ruledata.user_files(settings, "suitability_rulesets") or {}
    return name in user or name in ruledata.shipped_names(SUITABILITY_KIND)


@dataclass(frozen=True)
class RuleFile:
    """A rule file as offered for choice: name, titles, validity and source."""

    kind: str
    name: str
    title_zh: str
    title_en: str
    source: str
    valid_from: str | None = None
    valid_to: str | None = None
    project_defined: bool = False
    source_en: str = ""
    """The source in English where the rule file gives one (``source_en``), else empty."""
    source_zh: str = ""
    """The source in Chinese, by title and number, where the rule file gives one
    (``source_zh``), else empty."""

    def source_in(self, lang: str) -> str:
        """The source in ``lang`` (:func:`elevator_eval.language.source_in`): in Chinese ""
        when the file has none that can stand in Chinese; in English the source as found
        when it has no ``source_en``."""
        from .language import source_in

        return source_in(lang, self.source, self.source_zh, self.source_en, fallback_zh="")


def choices(kind: str, settings: dict[str, Any] | None = None) -> list[RuleFile]:
    """Every rule file of ``kind`` a project may choose (shipped and project-defined).

    ``kind``: ``consent``, ``suitability``, ``coefficients``, ``subsidies`` or ``sunlight``.
    """
    user_key = {
        "consent": "consent_rulesets",
        "suitability": "suitability_rulesets",
        "coefficients": "coefficient_tables",
        "subsidies": "subsidy_rules",
    }.get(kind)
    user = ruledata.user_files(settings, user_key) if user_key else None
    names = sorted(set(ruledata.shipped_names(kind)) | set(user or {}))
    out = []
    for n in names:
        try:
            d = ruledata.load(kind, n, user=user)
        except InputError:
            continue
        out.append(
            RuleFile(
                kind,
                n,
                str(d["title_zh"]),
                str(d["title_en"]),
                str(d["source"]),
                d.get("valid_from"),
                d.get("valid_to"),
                bool(user and n in user),
                str(d.get("source_en") or ""),
                str(d.get("source_zh") or ""),
            )
        )
    return out


# ------------------------------------------------------------------------------ bundle


@dataclass(frozen=True)
class ProjectRules:
    """The project-wide part of the rules (shared by every unit's bundle)."""

    settings: ProjectSettings
    plain: dict[str, Any] = field(default_factory=dict)
    project: Project | None = None

    @cached_property
    def preinstall_assumptions(self) -> dict[str, Any]:
        """The shipped pre-installation assumptions with the project's overrides."""
        # lazy: importing a submodule runs the package's __init__, whose engines resolve
        # their rules through this module
        from .preinstall.assumptions import load_assumptions

        return load_assumptions(self.project)

    @cached_property
    def procurement_defaults(self) -> dict[str, Any]:
        """The shipped procurement defaults (``rules/procurement/defaults.json``; a project
        does not override them yet, its quote workspace lives in ``settings["procurement"]``)."""
        from .procurement.catalogue import defaults as shipped  # lazy: as above

        return dict(shipped())

    @cached_property
    def sunlight_standard(self) -> RuleFile:
        name = self.settings.sunlight_standard or defaults()["sunlight_standard"]
        d = ruledata.load("sunlight", name, field="settings.sunlight_standard")
        return RuleFile(
            "sunlight",
            name,
            d["title_zh"],
            d["title_en"],
            d["source"],
            d.get("valid_from"),
            d.get("valid_to"),
            source_en=str(d.get("source_en") or ""),
        )


@dataclass(frozen=True)
class RuleBundle:
    """Every rule in force for one unit of a project.

    Attributes
    ----------
    consent : ConsentRuleset
    suitability : SuitabilityRuleset
    coefficient_table : str
        Name of the coefficient table for the unit (its own ``share.table`` first).
    subsidy_rule_set : str or None
        The project's city subsidy rule set (``None`` when the project names none).
    consent_from, suitability_from : str
        Where the choice came from: ``"caller"``, ``"unit"``, ``"project"``, ``"default"``
        (suitability also ``"consent"``: named by the consent ruleset).
    project_rules : ProjectRules
        The project-wide part (organisation, sunlight standard, pre-installation
        assumptions, procurement defaults).
    """

    consent: ConsentRuleset
    suitability: SuitabilityRuleset
    coefficient_table: str
    subsidy_rule_set: str | None
    consent_from: str
    suitability_from: str
    project_rules: ProjectRules

    @property
    def settings(self) -> dict[str, Any]:
        """The project's settings as plain data (for the user-defined tables)."""
        return self.project_rules.plain

    @property
    def organisation(self) -> Organisation:
        return self.project_rules.settings.organisation

    @property
    def sunlight_standard(self) -> RuleFile:
        return self.project_rules.sunlight_standard

    @property
    def preinstall_assumptions(self) -> dict[str, Any]:
        return self.project_rules.preinstall_assumptions

    @property
    def procurement_defaults(self) -> dict[str, Any]:
        return self.project_rules.procurement_defaults


class Resolver:
    """Resolves the bundles of a project's units (settings validated once).

    Parameters
    ----------
    project : Project or None
        ``None`` for a unit file on its own (shipped rules and defaults only).
    settings : dict, optional
        A project's settings without the project (when ``project`` is ``None``).

    Raises
    ------
    InputError
        ``settings.<key>`` when the project's settings are invalid.
    """

    def __init__(
        self, project: Project | None = None, *, settings: dict[str, Any] | None = None
    ) -> None:
        raw = getattr(project, "settings", None) if project is not None else settings
        typed = read_settings(project) if project is not None else validate(settings)
        self.project = project
        self.rules = ProjectRules(typed, dict(raw) if isinstance(raw, dict) else {}, project)
        self._consent: dict[str, ConsentRuleset] = {}
        self._suit: dict[str, SuitabilityRuleset] = {}

    def consent(self, name: str) -> ConsentRuleset:
        if name not in self._consent:
            self._consent[name] = load_consent(name, self.rules.plain)
        return self._consent[name]

    def suitability(self, name: str) -> SuitabilityRuleset:
        if name not in self._suit:
            self._suit[name] = load_suitability(name, self.rules.plain)
        return self._suit[name]

    def bundle(self, unit: Unit | None, rules: str | None = None) -> RuleBundle:
        """The rules in force for ``unit`` (``rules``: a ruleset name given by the caller,
        consent or suitability, winning over the unit's and the project's choice)."""
        s = self.rules.settings
        plain = self.rules.plain
        caller_suit = (
            rules
            if rules is not None
            and is_suitability_name(rules, plain)
            and not is_consent_name(rules, plain)
            else None
        )
        caller_consent = rules if rules is not None and caller_suit is None else None
        unit_consent = getattr(unit, "consent_rules", None) if unit is not None else None
        unit_suit = getattr(unit, "suitability_rules", None) if unit is not None else None
        if caller_consent is not None:
            c_name, c_from = caller_consent, "caller"
        elif unit_consent is not None:
            c_name, c_from = unit_consent, "unit"
        elif s.default_rules is not None:
            c_name, c_from = s.default_rules, "project"
        else:
            c_name, c_from = defaults()["consent_rules"], "default"
        if (
            c_from == "unit"
            and unit_suit is None
            and not is_consent_name(c_name, plain)
            and is_suitability_name(c_name, plain)
        ):
            # a v1 ``rules`` naming a project-defined suitability ruleset
            unit_suit, c_name, c_from = (
                c_name,
                s.default_rules or defaults()["consent_rules"],
                "project" if s.default_rules else "default",
            )
        try:
            consent = self.consent(c_name)
        except InputError as e:
            if e.field != "rules":  # invalid content: the error names the bad key
                raise
            if c_from == "caller":  # --rules takes either kind: list both
                known = {
                    k: ", ".join(sorted(set(ruledata.shipped_names(k)) | set(names)))
                    for k, names in (
                        ("consent", ruledata.user_files(plain, "consent_rulesets") or {}),
                        ("suitability", ruledata.user_files(plain, "suitability_rulesets") or {}),
                    )
                }
                raise InputError(
                    "rules",
                    f"{c_name!r} is neither a consent nor a suitability ruleset (consent: "
                    f"{known['consent']}; suitability: {known['suitability']})",
                ) from None
            raise InputError(
                "rules" if c_from == "unit" else "settings.default_rules", e.message
            ) from None
        if caller_suit is not None:
            s_name, s_from = caller_suit, "caller"
        elif unit_suit is not None:
            s_name, s_from = unit_suit, "unit"
        elif s.suitability_rules is not None:
            s_name, s_from = s.suitability_rules, "project"
        else:
            s_name, s_from = consent.suitability, "consent"
        try:
            suitability = self.suitability(s_name)
        except InputError as e:
            if e.field != "rules":
                raise
            raise InputError(
                "settings.suitability_rules" if s_from == "project" else "rules", e.message
            ) from None
        share = getattr(unit, "share", None)
        table = (
            getattr(share, "table", None) or s.coefficient_table or defaults()["coefficient_table"]
        )
        return RuleBundle(
            consent=consent,
            suitability=suitability,
            coefficient_table=table,
            subsidy_rule_set=s.subsidy_rule_set,
            consent_from=c_from,
            suitability_from=s_from,
            project_rules=self.rules,
        )


@lru_cache(maxsize=1)
def shipped_resolver() -> Resolver:
    """The resolver of a unit without a project (shipped rules only; shared, read-only)."""
    return Resolver()


def resolver_for(
    project: Project | None = None, settings: dict[str, Any] | None = None
) -> Resolver:
    """A resolver for ``project`` (or bare ``settings``); the shared one for neither."""
    if project is None and not settings:
        return shipped_resolver()
    return Resolver(project, settings=settings)


def resolve(project: Project | None, unit: Unit | None, rules: str | None = None) -> RuleBundle:
    """The complete set of rules in force for ``unit`` of ``project`` (see module doc).

    Parameters
    ----------
    project : Project or None
    unit : Unit or None
    rules : str, optional
        A consent or suitability ruleset name chosen by the caller (``--rules``).
    """
    return resolver_for(project).bundle(unit, rules)


def bundle_for(
    unit: Unit | None, rules: str | None = None, *, settings: dict[str, Any] | None = None
) -> RuleBundle:
    """The rules in force for ``unit`` without a project (``settings``: a project's settings,
    for its defaults and its own rule files; ``rules``: a ruleset name given by the caller).

    Raises
    ------
    InputError
        ``rules`` when the name is neither a consent nor a suitability ruleset.
    """
    return resolver_for(settings=settings).bundle(unit, rules)


def consent_for(
    unit: Unit | None, rules: str | None = None, *, settings: dict[str, Any] | None = None
) -> ConsentRuleset:
    """The consent ruleset in force for ``unit`` (see :func:`bundle_for`)."""
    return bundle_for(unit, rules, settings=settings).consent
