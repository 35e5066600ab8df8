"""Portfolio census: every unit of a project assessed in one call, counted by class,
community and building-year band, exportable to Excel.

Two paths give the same census (tested on random projects and rulesets):

- the fast path (the default): :func:`units_to_arrays` + :func:`classify_arrays` classify
  many units at once with numpy; a unit's reasons, finding counts and codes and consent
  state come from its full assessment (:func:`elevator_eval.suitability.assess`), made
  the first time its row's details are read. Lengths are compared as float64 there; for
  values with at most 15 significant digits the conversion keeps every comparison with
  the ruleset's decimal thresholds exact; footprint and car sizes are compared in whole
  micrometres (exact for up to 6 decimal places), so the classes equal the per-unit path;
- the per-unit path (``census(..., vectorised=False)``) assesses every unit in full at
  once; it is the reference the fast path is tested against.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from .errors import InputError
from .model import DANGER_GRADES, STRUCTURES, Project, Site, Unit
from .rulebook import Resolver, RuleBundle, resolve
from .site.measure import effective_site
from .spatial import planned_car_m
from .store.lazy import paused_gc
from .store.sitecols import SITE_COLUMNS, stored_site_columns
from .structural import current_year
from .suitability import CLASS_LABELS, CLASSES, assess
from .suitability_rules import SuitabilityRuleset
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
    for r in rows:
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
        True (the default, the fast path): classify with numpy (:func:`classify_arrays`,
        units grouped by the suitability ruleset in force) and assess a unit in full
        (reasons, counts, codes, consent state) only when its row's details are first
        read. False: assess every unit in full now (the reference path). Both give the
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
    for u in units:
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
            codes = classify_arrays(
                units_to_arrays([units[i] for i in idx]), bundles[idx[0]].suitability, year
            )
        except (TypeError, ValueError, ArithmeticError, KeyError, AttributeError):
            continue
        for i, c in zip(idx, codes):
            out[i] = CLASSES[int(c)]
    return out


# ---------------------------------------------------------------------- vectorised path

ARRAY_FIELDS = (
    "year_built",
    "storeys",
    "danger_grade",
    "structure",
    "seismic_intensity",
    "design_life_years",
    "inside_red_line",
    "fire_lane_width_after_m",
    "distance_to_neighbour_m",
    "occupies_private_courtyard",
    "sunlight_below_standard",
    "has_gas",
    "n_other_pipes",
    "footprint_w_m",
    "footprint_d_m",
    "entry_mode",
    "pit_depth_mm",
    "headroom_mm",
    "corridor_depth_m",
    "car_w_m",
    "car_d_m",
)
"""Keys of the arrays dict. Codes: ``danger_grade`` 0 = not appraised, 1-4 = A-D;
``structure`` 0 = unknown, 1.. = :data:`~elevator_eval.model.STRUCTURES` order;
``seismic_intensity`` 0 = unknown; booleans -1 = not surveyed, 0 false, 1 true;
``entry_mode`` 0 = unknown, 1 half-landing, 2 flat; lengths NaN and mm -1 = not surveyed."""

ENTRY_CODES = {None: 0, "half_landing": 1, "flat": 2}


def _dtypes() -> dict[str, Any]:
    import numpy as np  # lazy: numpy is not needed to start the app

    return {
        "danger_grade": np.int8,
        "structure": np.int8,
        "inside_red_line": np.int8,
        "occupies_private_courtyard": np.int8,
        "sunlight_below_standard": np.int8,
        "entry_mode": np.int8,
        "has_gas": np.bool_,
        "n_other_pipes": np.int16,
        "seismic_intensity": np.int16,
    }


_GRADE_CODES: dict[str | None, int] = {g: i + 1 for i, g in enumerate(DANGER_GRADES)}
_STRUCTURE_CODES: dict[str | None, int] = {s: i + 1 for i, s in enumerate(STRUCTURES)}


def _building_row(u: Unit) -> tuple[Any, ...]:
    b = u.building
    return (
        b.year_built,
        b.storeys,
        _GRADE_CODES.get(b.danger_grade, 0),
        _STRUCTURE_CODES.get(b.structure, 0),
        b.seismic_intensity or 0,
        b.design_life_years,
    )


def _site_row(s: Site) -> tuple[Any, ...]:
    nan = float("nan")
    if s.extra and "plan" in s.extra:  # measured values win, as in assess()
        s = effective_site(s)[0]
    fp = s.footprint_available_m
    fire, dist, cor = s.fire_lane_width_after_m, s.distance_to_neighbour_m, s.corridor_depth_m
    car = planned_car_m(s) if s.extra else None
    return _site_values(
        s.inside_red_line,
        nan if fire is None else float(fire),
        nan if dist is None else float(dist),
        s.occupies_private_courtyard,
        s.sunlight_below_standard,
        s.pipes_in_footprint or (),
        (nan, nan) if fp is None else (float(fp[0]), float(fp[1])),
        s.entry_mode,
        s.pit_depth_available_mm,
        s.headroom_available_mm,
        nan if cor is None else float(cor),
        (nan, nan) if car is None else (float(car[0]), float(car[1])),
    )


def _site_values(
    red: bool | None,
    fire: float,
    dist: float,
    court: bool | None,
    sun: bool | None,
    pipes: Any,
    fp: tuple[float, float],
    mode: str | None,
    pit: int | None,
    head: int | None,
    cor: float,
    car: tuple[float, float],
) -> tuple[Any, ...]:
    gas = "gas" in pipes
    return (
        -1 if red is None else int(red),
        fire,
        dist,
        -1 if court is None else int(court),
        -1 if sun is None else int(sun),
        gas,
        len(pipes) - pipes.count("gas") if gas else len(pipes),
        fp[0],
        fp[1],
        ENTRY_CODES.get(mode, 0),
        -1 if pit is None else pit,
        -1 if head is None else head,
        cor,
        car[0],
        car[1],
    )


def units_to_arrays(units: Iterable[Unit]) -> dict[str, Any]:
    """Pack the fields the checks read into numpy arrays (see :data:`ARRAY_FIELDS`).

    A site still kept as the project file's stored text is read from that text, column
    by column (:func:`~elevator_eval.store.sitecols.stored_site_columns`); the other
    units' sites are read one by one."""
    import numpy as np  # lazy: numpy is not needed to start the app

    units = list(units)
    types = _dtypes()
    dtype = np.dtype(
        [(k, types.get(k, np.float64 if k.endswith("_m") else np.int32)) for k in ARRAY_FIELDS]
    )
    table = np.empty(len(units), dtype=dtype)
    building = list(zip(*map(_building_row, units))) if units else [()] * 6
    for k, col in zip(ARRAY_FIELDS[:6], building):
        table[k] = col
    site, handled = stored_site_columns(units, ENTRY_CODES)
    for i, ok in enumerate(handled):
        if not ok:
            for k, v in zip(SITE_COLUMNS, _site_row(units[i].site)):
                site[k][i] = v
    for k in SITE_COLUMNS:
        table[k] = site[k]
    return {k: table[k] for k in ARRAY_FIELDS}


def _um(value: Any) -> int:
    """A length [m] in whole micrometres (exact for up to 6 decimal places)."""
    return int((Decimal(value) * 10**6).to_integral_value(ROUND_HALF_EVEN))


def _um_array(a: Any) -> Any:
    """Lengths [m] (NaN = not surveyed) as int64 micrometres (-1 = not surveyed)."""
    import numpy as np  # lazy: numpy is not needed to start the app

    return np.where(np.isnan(a), -1, np.rint(np.nan_to_num(a) * 1e6)).astype(np.int64)


def classify_arrays(arrays: dict[str, Any], rules: SuitabilityRuleset, year: int) -> Any:
    # Long: one vectorised check per per-unit check, in their order, to be read side by side
    """Class index per unit (0 suitable, 1 difficult, 2 unsuitable), vectorised.

    Implements the same checks as :mod:`elevator_eval.structural` and
    :mod:`elevator_eval.spatial` with the ruleset's severities and thresholds.
    """
    import numpy as np  # lazy: numpy is not needed to start the app

    ch = rules.checks
    n = len(arrays["year_built"])
    major = np.zeros(n, dtype=np.int32)
    strong = np.zeros(n, dtype=np.int32)

    def add(code: str, mask: Any, times: Any = None) -> None:
        sev = ch[code]["severity"]
        if sev == "weak":
            return
        inc = mask.astype(np.int32) if times is None else np.where(mask, times, 0)
        if sev == "major":
            major.__iadd__(inc)
        else:
            strong.__iadd__(inc)

    grade = arrays["danger_grade"]
    graded = [DANGER_GRADES.index(g) + 1 for g in ch["danger_grade"]["grades"]]
    add("danger_grade", np.isin(grade, graded))
    add(
        "appraisal_required",
        (grade == 0) & (arrays["year_built"] < int(ch["appraisal_required"]["built_before_year"])),
    )
    add("storeys_low", arrays["storeys"] < int(ch["storeys_low"]["min_storeys"]))
    codes = [
        STRUCTURES.index(s) + 1 for s in ch["masonry_seismic"]["structures"] if s in STRUCTURES
    ]
    add(
        "masonry_seismic",
        np.isin(arrays["structure"], codes)
        & (arrays["seismic_intensity"] >= int(ch["masonry_seismic"]["min_intensity"])),
    )
    left = arrays["year_built"].astype(np.int64) + arrays["design_life_years"] - year
    add("design_life_short", left < int(ch["design_life_short"]["elevator_service_life_years"]))
    add("red_line", arrays["inside_red_line"] == 0)
    add(
        "fire_lane_narrow",
        arrays["fire_lane_width_after_m"] < float(ch["fire_lane_narrow"]["min_width_m"]),
    )
    add(
        "neighbour_close",
        arrays["distance_to_neighbour_m"] < float(ch["neighbour_close"]["min_distance_m"]),
    )
    add("private_courtyard", arrays["occupies_private_courtyard"] == 1)
    add("sunlight_below_standard", arrays["sunlight_below_standard"] == 1)
    add("pipe_gas", arrays["has_gas"])
    other = arrays["n_other_pipes"].astype(np.int32)
    add("pipe_other", other > 0, other)

    # footprint, in whole micrometres so that shaft = car + allowance is exact
    fs = ch["footprint_small"]
    sh = fs["shaft_m"]
    mn = min(sh.values(), key=lambda s: Decimal(s["width_m"]) * Decimal(s["depth_m"]))
    shafts = {1: sh["half_landing"], 2: sh["flat"], 0: mn}
    mode = arrays["entry_mode"]
    need_w = np.zeros(n, dtype=np.int64)
    need_d = np.zeros(n, dtype=np.int64)
    allow_w = np.zeros(n, dtype=np.int64)
    allow_d = np.zeros(n, dtype=np.int64)
    car_w, car_d = _um(fs["car_width_m"]), _um(fs["car_depth_m"])
    for code, s in shafts.items():
        m = mode == code
        need_w[m], need_d[m] = _um(s["width_m"]), _um(s["depth_m"])
        allow_w[m], allow_d[m] = _um(s["width_m"]) - car_w, _um(s["depth_m"]) - car_d
    pw, pd = _um_array(arrays["car_w_m"]), _um_array(arrays["car_d_m"])
    has_car = pw >= 0
    need_w = np.where(has_car, np.maximum(need_w, pw + allow_w), need_w)
    need_d = np.where(has_car, np.maximum(need_d, pd + allow_d), need_d)
    w, d = _um_array(arrays["footprint_w_m"]), _um_array(arrays["footprint_d_m"])
    fits = (w >= need_w) & (d >= need_d)
    if fs["allow_rotation"]:
        fits |= (w >= need_d) & (d >= need_w)
    add("footprint_small", (w >= 0) & ~fits)

    for kind, key in (("pit", "pit_depth_mm"), ("headroom", "headroom_mm")):
        v = arrays[key]
        std, red = (
            int(ch[f"{kind}_reduced"]["standard_mm"]),
            int(ch[f"{kind}_reduced"]["reduced_mm"]),
        )
        has = v >= 0
        add(f"{kind}_reduced", has & (v < std) & (v >= red))
        add(f"{kind}_below_reduced", has & (v < red))
    add(
        "corridor_shallow",
        (mode == 2) & (arrays["corridor_depth_m"] < float(ch["corridor_shallow"]["min_depth_m"])),
    )

    cr = rules.class_rule
    out = np.zeros(n, dtype=np.int8)
    out[strong >= cr["difficult_min_strong"]] = 1
    out[(major >= cr["unsuitable_min_major"]) | (strong >= cr["unsuitable_min_strong"])] = 2
    return out


def classify_units(
    units: list[Unit], ruleset: str | None = None, *, year: int | None = None
) -> list[str]:
    """Classes of many units by the vectorised path (one ruleset for all)."""
    year = current_year() if year is None else year
    rules = resolve(None, units[0] if units else None, ruleset).suitability
    return [CLASSES[int(i)] for i in classify_arrays(units_to_arrays(units), rules, year)]


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
