"""Structural checks of a unit's building → findings.

Pure functions: each takes the building facts and the ``checks`` table of a validated
suitability ruleset (see :func:`elevator_eval.suitability_rules.load_ruleset`) and returns a list
of :class:`~elevator_eval.findings.Finding`. A field that is ``None`` was not surveyed and
yields no finding.

References
----------
JGJ 125-2016 《危险房屋鉴定标准》 §6.1.4 (danger grades A-D); Huzhou 2018 draft rules
(appraisal before retrofitting buildings completed before 2001); Shenzhen 2018 and Lu'an
2024 (4 storeys or more); unit-format contract §3 (default severities).
"""

from __future__ import annotations

import datetime

from .findings import Finding
from .model import BuildingInfo
from .suitability_rules import Checks
from .suitability_rules import checks_or_default as _rules

STRUCTURE_LABELS = {
    "masonry": ("砖混", "masonry"),
    "frame": ("框架", "frame"),
    "shear_wall": ("剪力墙", "shear wall"),
    "other": ("其他", "other"),
}


def current_year() -> int:
    """Today's year (the default reference year of the design-life check)."""
    return datetime.date.today().year


def check_danger_grade(building: BuildingInfo, checks: Checks | None = None) -> list[Finding]:
    """Danger grade C or D (JGJ 125) → ``danger_grade`` (major by default)."""
    c = _rules(checks)["danger_grade"]
    g = building.danger_grade
    if g is None or g not in c["grades"]:
        return []
    return [
        Finding(
            "danger_grade",
            c["severity"],
            f"房屋危险性鉴定为 {g} 级（{'局部危房' if g == 'C' else '整幢危房'}）",
            f"Danger grade {g} (JGJ 125): {'part of the building is' if g == 'C' else 'the whole building is'} dangerous",
            "先进行危房治理或加固，重新鉴定为 A/B 级后再加装",
            "Repair or strengthen the building and have it re-appraised as grade A or B first",
            c["source"],
        )
    ]


def check_appraisal(building: BuildingInfo, checks: Checks | None = None) -> list[Finding]:
    """Never appraised and completed before 2001 → ``appraisal_required`` (strong)."""
    c = _rules(checks)["appraisal_required"]
    year = int(c["built_before_year"])
    if building.danger_grade is not None or building.year_built >= year:
        return []
    return [
        Finding(
            "appraisal_required",
            c["severity"],
            f"{building.year_built} 年建成（早于 {year} 年），尚未做房屋安全鉴定",
            f"Completed in {building.year_built} (before {year}) and never appraised",
            "委托有资质的机构做房屋安全鉴定（JGJ 125），鉴定为 A/B 级方可加装",
            "Commission a structural safety appraisal (JGJ 125); grades A and B may proceed",
            c["source"],
        )
    ]


def check_storeys(building: BuildingInfo, checks: Checks | None = None) -> list[Finding]:
    """Fewer than 4 storeys → ``storeys_low`` (major): outside the retrofit programmes."""
    c = _rules(checks)["storeys_low"]
    need = int(c["min_storeys"])
    if building.storeys >= need:
        return []
    return [
        Finding(
            "storeys_low",
            c["severity"],
            f"地上 {building.storeys} 层，少于 {need} 层，不在加装电梯政策范围内",
            f"{building.storeys} storeys, fewer than {need}: outside the retrofit programmes",
            "一般不加装；可考虑楼梯扶手、座椅电梯等适老化措施",
            "Usually not retrofitted; consider stair handrails or a stair lift instead",
            c["source"],
        )
    ]


def check_masonry_seismic(building: BuildingInfo, checks: Checks | None = None) -> list[Finding]:
    """Masonry in seismic intensity ≥ 8 → ``masonry_seismic`` (strong)."""
    c = _rules(checks)["masonry_seismic"]
    si = building.seismic_intensity
    structure = building.structure
    if (
        structure is None
        or structure not in c["structures"]
        or si is None
        or si < int(c["min_intensity"])
    ):
        return []
    zh, en = STRUCTURE_LABELS.get(structure, (structure, structure))
    return [
        Finding(
            "masonry_seismic",
            c["severity"],
            f"{zh}结构，抗震设防烈度 {si} 度（≥ {c['min_intensity']} 度）",
            f"{en.capitalize()} structure in seismic intensity {si} (≥ {c['min_intensity']})",
            "做抗震鉴定；井道采用独立基础和独立结构，与主体结构脱开",
            "Have a seismic appraisal; build the shaft on its own foundation and structure, "
            "separated from the building",
            c["source"],
        )
    ]


def remaining_design_life_years(building: BuildingInfo, year: int | None = None) -> int:
    """Remaining design working life [years] = year built + design life − ``year``.

    Parameters
    ----------
    building : BuildingInfo
        ``year_built`` and ``design_life_years`` (50 when not stated).
    year : int, optional
        Reference year; today's year when omitted.
    """
    year = current_year() if year is None else year
    return building.year_built + building.design_life_years - year


def check_design_life(
    building: BuildingInfo, checks: Checks | None = None, *, year: int | None = None
) -> list[Finding]:
    """Remaining design life shorter than the elevator's service life → ``design_life_short``.

    The message states both numbers [years].
    """
    c = _rules(checks)["design_life_short"]
    life = int(c["elevator_service_life_years"])
    year = current_year() if year is None else year
    left = remaining_design_life_years(building, year)
    if left >= life:
        return []
    end = building.year_built + building.design_life_years
    left_zh = (
        f"剩余 {left} 年，即原设计使用年限到 {end} 年届满"
        if left >= 0
        else f"原设计使用年限已于 {end} 年届满，已超过 {-left} 年"
    )
    left_en = f"{left} years left" if left >= 0 else f"exceeded by {-left} years"
    return [
        Finding(
            "design_life_short",
            c["severity"],
            f"设计使用年限 {building.design_life_years} 年（{building.year_built} 年建成，"
            f"至 {year} 年{left_zh}），短于电梯使用寿命 {life} 年。届满不等于成为危房，"
            "但届满后继续使用须经鉴定确认，电梯的后期使用也取决于鉴定结论",
            f"Design working life {building.design_life_years} years (built "
            f"{building.year_built}; {left_en} in {year}) is shorter than the elevator's "
            f"service life of {life} years. Reaching it does not make the building unsafe, but "
            "using it longer needs an appraisal, on which the elevator's later use depends too",
            "做房屋安全与剩余寿命评估，必要时延长使用年限或结合改造加固",
            "Have the remaining working life assessed; extend it or strengthen the building "
            "with the retrofit",
            c["source"],
        )
    ]


def check_structural(
    building: BuildingInfo, checks: Checks | None = None, *, year: int | None = None
) -> list[Finding]:
    """All structural checks, in a fixed order.

    Parameters
    ----------
    building : BuildingInfo
    checks : dict, optional
        The ``checks`` table of a suitability ruleset; the default ruleset when omitted.
    year : int, optional
        Reference year for the design-life check (today's year when omitted).
    """
    checks = _rules(checks)
    out: list[Finding] = []
    out += check_danger_grade(building, checks)
    out += check_appraisal(building, checks)
    out += check_storeys(building, checks)
    out += check_masonry_seismic(building, checks)
    out += check_design_life(building, checks, year=year)
    return out
