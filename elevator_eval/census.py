"""Portfolio census: every unit of a project assessed in one call, counted by class,
community and building-year band, exportable to Excel.

Two paths give the same census (tested on random projects and rulesets):

- the fast path (the default): :func:`~elevator_eval.census_arrays.units_to_arrays` +
  :func:`~elevator_eval.census_arrays.classify_arrays` classify many units at once with
  numpy; a unit's reasons, finding counts and codes and consent state come from its full
  assessment (:func:`elevator_eval.suitability.assess`), made the first time its row's
  details are read. Lengths are compared as float64 there; for
  values with at most 15 significant digits the conversion keeps every comparison with
  the ruleset's decimal thresholds exact; footprint and car sizes are compared in whole
  micrometres (exact for up to 6 decimal places), so the classes equal the per-unit path;
- the per-unit path (``census(..., vectorised=False)``) assesses every unit in full at
  once; it is the reference the fast path is tested against.
"""

from __future__ import annotations

from typing import Any

from .census_arrays import classify_arrays, units_to_arrays
from .errors import InputError
from .model import Project, Unit
from .pacing import PACE_ITEMS, pace
from .rulebook import Resolver, RuleBundle
from .store.lazy import paused_gc
from .structural import current_year
from .suitability import CLASS_LABELS, CLASSES, assess
from .textwidth import table as text_table

YEAR_BAND_WIDTH = 10
"""Building-year bands are decades: ``1980–1989``."""

CONSENT_STATES = ("ready", "needs_votes", "blocked", "invalid", "not_computed")


def year_band(year_built: int) -> str:
    """Decade band of a completion year, e.g. ``1987`` → ``"1980–1989"``."""
    start = year_built - year_built % YEAR_BAND_WIDTH
    return f"{start}–{start + YEAR_BAND_WIDTH - 1}"


Detail = tuple[str, str, str, dict[str, int], list[str]]
"""A row's ``(main_reason_zh, main_reason_en, consent_state, counts, codes)``."""


class CensusRow:
    """One unit in the census.

    The class is known when the row is made. The reasons, finding counts and codes and
    the consent state come from the unit's full assessment; on the fast path that
    assessment is made the first time one of them is read (``pending``: the unit, the
    reference year and its rules), so a view that shows a few rows of a large census
    assesses only those.
    """

    __slots__ = (
        "_detail",
        "_pending",
        "building",
        "community",
        "consent_ruleset",
        "klass",
        "unit_id",
        "unit_name",
        "year_built",
    )

    def __init__(
        self,
        community: str,
        building: str,
        unit_id: str,
        unit_name: str,
        year_built: int,
        klass: str,
        main_reason_zh: str = "",
        main_reason_en: str = "",
        consent_state: str = "not_computed",
        counts: dict[str, int] | None = None,
        codes: list[str] | None = None,
        consent_ruleset: str = "",
        *,
        pending: tuple[Unit, int, RuleBundle] | None = None,
    ) -> None:
        self.community, self.building, self.unit_id = community, building, unit_id
        self.unit_name, self.year_built, self.klass = unit_name, year_built, klass
        self.consent_ruleset = consent_ruleset
        self._detail: Detail | None = (
            None
            if pending is not None
            else (
                main_reason_zh,
                main_reason_en,
                consent_state,
                dict(counts or {}),
                list(codes or []),
            )
        )
        self._pending = pending

    def detail(self) -> Detail:
        """The assessment's part of the row, made on first use."""
        if self._detail is None:
            assert self._pending is not None
            self._detail = _detail(*self._pending)
            self._pending = None
        return self._detail

    @property
    def main_reason_zh(self) -> str:
        return self.detail()[0]

    @property
    def main_reason_en(self) -> str:
        return self.detail()[1]

    @property
    def consent_state(self) -> str:
        return self.detail()[2]

    @property
    def counts(self) -> dict[str, int]:
        return self.detail()[3]

    @property
    def codes(self) -> list[str]:
        return self.detail()[4]

    def to_json(self) -> dict[str, Any]:
        return {
            "community": self.community,
            "building": self.building,
            "unit": self.unit_id,
            "unit_name": self.unit_name,
            "year_built": self.year_built,
            "year_band": year_band(self.year_built),
            "class": self.klass,
            "main_reason_zh": self.main_reason_zh,
            "main_reason_en": self.main_reason_en,
            "consent_state": self.consent_state,
            "counts": dict(self.counts),
            "codes": list(self.codes),
            "consent_ruleset": self.consent_ruleset,
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CensusRow):
            return NotImplemented
        return self.to_json() == other.to_json()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"CensusRow({self.unit_id!r}, {self.klass!r})"


class Census:
    """Counts of a project's units by class, community and building-year band.

    ``by_community`` and ``by_year_band`` map a community name (or a band label) to
    ``{class: count}`` with every class present. ``by_consent_state`` is counted from the
    rows' consent states the first time it is read (on the fast path that assesses every
    unit).
    """

    def __init__(
        self,
        rows: list[CensusRow],
        by_class: dict[str, int],
        by_community: dict[str, dict[str, int]],
        by_year_band: dict[str, dict[str, int]],
        by_consent_state: dict[str, int] | None = None,
        project: str = "",
        year: int = 0,
    ) -> None:
        self.rows, self.by_class = rows, by_class
        self.by_community, self.by_year_band = by_community, by_year_band
        self._by_state = by_consent_state
        self.project, self.year = project, year

    @property
    def by_consent_state(self) -> dict[str, int]:
        if self._by_state is None:
            by_state: dict[str, int] = {}
            for r in self.rows:
                by_state[r.consent_state] = by_state.get(r.consent_state, 0) + 1
            self._by_state = by_state
        return self._by_state

    @property
    def total(self) -> int:
        return len(self.rows)

    def to_json(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "year": self.year,
            "total": self.total,
            "by_class": dict(self.by_class),
            "by_community": {k: dict(v) for k, v in self.by_community.items()},
            "by_year_band": {k: dict(v) for k, v in self.by_year_band.items()},
            "by_consent_state": dict(self.by_consent_state),
            "rows": [r.to_json() for r in self.rows],
        }


def _zero() -> dict[str, int]:
    return dict.fromkeys(CLASSES, 0)


def summarise(rows: list[CensusRow], project: str = "", year: int = 0) -> Census:
    """Count rows by class, community and year band (the consent states when read)."""
    by_class = _zero()
    by_comm: dict[str, dict[str, int]] = {}
    by_band: dict[str, dict[str, int]] = {}
    bands: dict[int, str] = {}
    for i, r in enumerate(rows):
        if not i % PACE_ITEMS:
            pace()
        by_class[r.klass] += 1
        by_comm.setdefault(r.community, _zero())[r.klass] += 1
        band = bands.get(r.year_built)
        if band is None:
            band = bands[r.year_built] = year_band(r.year_built)
        by_band.setdefault(band, _zero())[r.klass] += 1
    by_band = dict(sorted(by_band.items()))
    return Census(
        rows=rows,
        by_class=by_class,
        by_community=by_comm,
        by_year_band=by_band,
        project=project,
        year=year,
    )


def census(
    project: Project,
    ruleset: str | None = None,
    *,
    year: int | None = None,
    vectorised: bool = True,
) -> Census:
    """Assess every unit of ``project``.

    Parameters
    ----------
    project : Project
    ruleset : str, optional
        Ruleset name (consent or suitability) for every unit; by default each unit's rules
        as resolved by :mod:`elevator_eval.rulebook` (the unit's own choice, else the
        project's settings, else the defaults).
    year : int, optional
        Reference year of the design-life check (today's year by default).
    vectorised : bool
        True (the default, the fast path): classify with numpy
        (:func:`~elevator_eval.census_arrays.classify_arrays`, units grouped by the
        suitability ruleset in force) and assess a unit in full (reasons, counts, codes,
        consent state) only when its row's details are first read. False: assess every unit in full now (the reference path). Both give the
        same census (tested).
    """
    with paused_gc():  # every row made stays alive: collection passes would only walk them
        return _census(project, ruleset, year, vectorised)


def _census(project: Project, ruleset: str | None, year: int | None, vectorised: bool) -> Census:
    year = current_year() if year is None else year
    located = [(c, b, u) for c in project.communities for b in c.buildings for u in b.units]
    bundles = _bundles([u for _, _, u in located], Resolver(project), ruleset)
    classes = _fast_classes([u for _, _, u in located], bundles, year) if vectorised else None
    rows: list[CensusRow] = []
    for i, ((c, b, u), bd) in enumerate(zip(located, bundles)):
        if not i % PACE_ITEMS:
            pace()
        where = (c.name or c.id, b.name or b.id, u.id, u.name, u.building.year_built)
        fast = classes[i] if classes is not None else None
        if fast is not None:
            rows.append(
                CensusRow(*where, fast, consent_ruleset=bd.consent.name, pending=(u, year, bd))
            )
            continue
        klass, detail = _assessed(u, year, bd)
        rows.append(CensusRow(*where, klass, *detail, consent_ruleset=bd.consent.name))
    return summarise(rows, project.name, year)


def _bundles(units: list[Unit], resolver: Resolver, ruleset: str | None) -> list[RuleBundle]:
    """The rules in force for each unit, resolved once per distinct choice.

    A bundle's consent and suitability rulesets depend only on the unit's two choices
    (``consent_rules``, ``suitability_rules``); the census and
    :func:`~elevator_eval.suitability.assess` read nothing else of it, so units with the
    same choices share the first one's bundle (its coefficient table is not used here).
    """
    seen: dict[tuple[str | None, str | None], RuleBundle] = {}
    out = []
    for i, u in enumerate(units):
        if not i % PACE_ITEMS:
            pace()
        key = (u.consent_rules, u.suitability_rules)
        bd = seen.get(key)
        if bd is None:
            try:
                bd = seen[key] = resolver.bundle(u, ruleset)
            except InputError as e:
                raise InputError(f"unit {u.id}: {e.field}", e.message) from None
        out.append(bd)
    return out


def _assessed(u: Unit, year: int, bd: RuleBundle) -> tuple[str, Detail]:
    """The class and the row details of one unit by its full assessment."""
    try:
        a = assess(u, year=year, bundle=bd)
    except InputError as e:
        raise InputError(f"unit {u.id}: {e.field}", e.message) from None
    state = a.consent.state if a.consent is not None else "invalid"
    return a.klass, (
        a.main_reason_zh,
        a.main_reason_en,
        state,
        dict(a.counts),
        [f.code for f in a.findings],
    )


def _detail(u: Unit, year: int, bd: RuleBundle) -> Detail:
    return _assessed(u, year, bd)[1]


def _fast_classes(units: list[Unit], bundles: list[RuleBundle], year: int) -> list[str | None]:
    """Classes by the vectorised path, per suitability ruleset; ``None`` for the units of
    a group whose values the arrays cannot hold (they are assessed one by one, which
    names the bad field)."""
    out: list[str | None] = [None] * len(units)
    groups: dict[str, list[int]] = {}
    for i, b in enumerate(bundles):
        groups.setdefault(b.suitability.name, []).append(i)
    for idx in groups.values():
        try:
            first = bundles[idx[0]]
            codes = classify_arrays(
                units_to_arrays([units[i] for i in idx], first.sunlight_standard.name),
                first.suitability,
                year,
            )
        except (TypeError, ValueError, ArithmeticError, KeyError, AttributeError):
            continue
        for i, c in zip(idx, codes):
            out[i] = CLASSES[int(c)]
    return out


# -------------------------------------------------------------------------------- output


def render_census(c: Census) -> str:
    """A Chinese-first text table of a census."""
    head = ["类别 / class"] + [f"{CLASS_LABELS[k][0]} {k}" for k in CLASSES] + ["合计 total"]
    lines = [
        f"普查 / census: {c.project}    共 {c.total} 个单元 / units    参考年份 / year {c.year}",
        "",
    ]

    def table(title: str, data: dict[str, dict[str, int]]) -> None:
        lines.append(title)
        rows = [head] + [
            [key] + [str(counts[k]) for k in CLASSES] + [str(sum(counts.values()))]
            for key, counts in data.items()
        ]
        lines.extend("  " + line for line in text_table(rows, right_from=1, gap="   "))
        lines.append("")

    table("按类别 / by class", {"全部 all": c.by_class})
    table("按小区 / by community", c.by_community)
    table("按建成年代 / by building year", c.by_year_band)
    if c.by_consent_state:
        lines.append(
            "表决状态 / consent state: "
            + ", ".join(f"{k} {v}" for k, v in c.by_consent_state.items())
        )
        used: dict[str, int] = {}
        for r in c.rows:
            if r.consent_ruleset:
                used[r.consent_ruleset] = used.get(r.consent_ruleset, 0) + 1
        if used:
            lines.append(
                "表决规则 / consent rules: " + ", ".join(f"{k} ({v})" for k, v in used.items())
            )
        lines.append("")
    lines.append("单元 / units:")
    for r in c.rows:
        reason = f"  {r.main_reason_zh}" if r.main_reason_zh else ""
        lines.append(
            f"  {r.community} {r.building} {r.unit_id} ({r.year_built}): "
            f"{CLASS_LABELS[r.klass][0]} / {r.klass}; 表决 {r.consent_state}{reason}"
        )
    return "\n".join(lines)
