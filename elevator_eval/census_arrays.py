"""The census's fast path: units packed into numpy arrays and classified all at once.

:func:`units_to_arrays` packs the fields the checks read into one array per field (see
:data:`ARRAY_FIELDS`); :func:`classify_arrays` runs the same checks as
:mod:`elevator_eval.structural` and :mod:`elevator_eval.spatial` on them with a suitability
ruleset's severities and thresholds. Lengths are compared as float64; footprint and car
sizes in whole micrometres, so the classes equal those of the per-unit assessment
(:mod:`elevator_eval.census` is tested on both paths).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from .model import DANGER_GRADES, STRUCTURES, Site, Unit
from .pacing import PACE_ITEMS, pace
from .site.measure import effective_site
from .site.sunlight_rules import STANDARD
from .site_columns import ENTRY_CODES, SITE_COLUMNS, plain_site_row
from .spatial import planned_car_m
from .store.lazy import stored_part
from .store.sitecols import coded_site_columns, stored_site_columns
from .suitability_rules import SuitabilityRuleset

ARRAY_FIELDS = (
    "year_built",
    "storeys",
    "danger_grade",
    "structure",
    "seismic_intensity",
    "design_life_years",
    *SITE_COLUMNS,  # the site's fields, in the order the store reads them
)
"""Keys of the arrays dict. Codes: ``danger_grade`` 0 = not appraised, 1-4 = A-D;
``structure`` 0 = unknown, 1.. = :data:`~elevator_eval.model.STRUCTURES` order;
``seismic_intensity`` 0 = unknown; booleans -1 = not surveyed, 0 false, 1 true;
``entry_mode`` 0 = unknown, 1 half-landing, 2 flat; lengths NaN and mm -1 = not surveyed."""


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


def _site_row(s: Site, standard: str) -> tuple[Any, ...]:
    if s.extra and "plan" in s.extra:  # measured values win, as in assess()
        s = effective_site(s, standard)[0]
    return plain_site_row(s, planned_car_m(s) if s.extra else None)


def units_to_arrays(units: Iterable[Unit], standard: str = STANDARD) -> dict[str, Any]:
    """Pack the fields the checks read into numpy arrays (see :data:`ARRAY_FIELDS`).

    A site still kept as the project file's stored text is read from the code the file
    keeps beside it (:func:`~elevator_eval.store.sitecols.coded_site_columns`), else from
    that text, column by column
    (:func:`~elevator_eval.store.sitecols.stored_site_columns`); the other
    units' sites are read one by one, once per distinct stored text (a site is a function
    of its text: units copied from one another share the first one's values)."""
    import numpy as np  # lazy: numpy is not needed to start the app

    units = list(units)
    types = _dtypes()
    dtype = np.dtype(
        [(k, types.get(k, np.float64 if k.endswith("_m") else np.int32)) for k in ARRAY_FIELDS]
    )
    table = np.empty(len(units), dtype=dtype)
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(units), PACE_ITEMS):
        pace()
        rows += map(_building_row, units[start : start + PACE_ITEMS])
    building = list(zip(*rows)) if units else [()] * 6
    for k, col in zip(ARRAY_FIELDS[:6], building):
        table[k] = col
    coded, values = coded_site_columns(units)
    if len(coded) == len(units) and units:  # every site coded
        for k in SITE_COLUMNS:
            table[k] = values[k]
        rest = []
    elif coded:  # the codes the file keeps beside the sites (most units of a file)
        for k in SITE_COLUMNS:
            table[k][coded] = values[k]
        is_coded = set(coded)
        rest = [i for i in range(len(units)) if i not in is_coded]
    else:
        rest = list(range(len(units)))
    if not rest:
        return {k: table[k] for k in ARRAY_FIELDS}
    others = [units[i] for i in rest] if coded else units
    site, handled = stored_site_columns(others, ENTRY_CODES)
    same: dict[str, tuple[Any, ...]] = {}  # stored site text -> its row (copied units)
    for i, ok in enumerate(handled):
        if not i % PACE_ITEMS:
            pace()
        if not ok:
            text = stored_part(others[i], "site")
            row = same.get(text) if text is not None else None
            if row is None:  # read in full (a plan is measured: milliseconds)
                pace()
                row = _site_row(others[i].site, standard)
                if text is not None:
                    same[text] = row
            for k, v in zip(SITE_COLUMNS, row):
                site[k][i] = v
    for k in SITE_COLUMNS:
        if coded:
            table[k][rest] = site[k]
        else:
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
