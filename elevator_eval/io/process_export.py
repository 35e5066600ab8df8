"""Exports of the procedure figures: the statistics workbook and GeoJSON.

The workbook has a fixed layout, documented in ``docs/process-statistics.md``:

1. ``说明 About`` — title, date of the count, the definitions, the duplicates rule;
2. ``按街道年度 By street-year`` — one row per street and year (columns :data:`YEAR_HEADERS`);
3. ``按年度 By year`` — the same columns summed over all streets (street ``合计``);
4. ``阶段 Stages`` — units per stage and street on the date of the count;
5. ``单元 Units`` — every unit counted, with its stage;
6. ``重复 Duplicates`` — units found in more than one project, counted once.

Money cells are exact decimals [yuan] with the number format ``#,##0.00``; texts are
neutralised against formula injection.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..atomic import atomic_write_bytes
from ..census import census
from ..model import Project
from ..process.records import read_process
from ..process.stages import NOT_STARTED, load_rules, unit_status
from ..process.stats import MEASURES, Rollup, unit_key
from .cellguard import safe_cell
from .workbook_file import save_workbook

YEAR_HEADERS = (
    "街道 Street",
    "年度 Year",
    "计划单元 Units planned",
    "计划户数 Households planned",
    "开工单元 Units started",
    "开工户数 Households started",
    "完工单元 Units completed",
    "完工户数 Households completed",
    "在用电梯 Elevators in service",
    "投资（元）Investment (yuan)",
    "补贴（元）Subsidy (yuan)",
    "居民出资（元）Residents' contribution (yuan)",
)
SHEETS = (
    "说明 About",
    "按街道年度 By street-year",
    "按年度 By year",
    "阶段 Stages",
    "单元 Units",
    "重复 Duplicates",
)
DEFINITIONS = (
    (
        "计划 planned",
        (
            "当年进入“方案公示”（表决通过后）的单元 / units that entered the public "
            "notice (after the vote passed) in the year"
        ),
    ),
    ("开工 started", "当年进入“施工”的单元 / units that entered construction in the year"),
    (
        "完工 completed",
        (
            "当年进入“投用”（监督检验合格后）的单元 / units put into service in the "
            "year (after the supervisory inspection)"
        ),
    ),
    ("在用电梯 in service", "截至当年12月31日已投用的单元 / units in service on 31 December"),
    ("投资 investment", "当年开工单元的建设总费用 / capital total of the units started"),
    ("补贴 subsidy", "这些单元的政府补贴（不超过总费用）/ their subsidies, capped by the total"),
    ("居民出资 contribution", "投资 − 补贴 / investment − subsidy"),
    (
        "重复 duplicates",
        (
            "单元编号与楼栋地址相同（无地址时小区与楼栋名相同）的单元只计一次，计入第一个"
            "项目 / same unit id and building address (or community and building name):"
            " counted once, in the first project"
        ),
    ),
)


def _year_row(r) -> list[Any]:
    return [safe_cell(r.street), r.year] + [r.values[m] for m in MEASURES]


def _cover(ws, title: str, as_of: str, sources: list[str]) -> None:
    """The first sheet: title, date, source projects and the definition of each measure."""
    from openpyxl.styles import Font  # lazy: slow to import

    ws.title = SHEETS[0]
    ws.append([safe_cell(title)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["统计日期 As of", safe_cell(as_of)])
    ws.append(["来源项目 Projects", safe_cell("、".join(sources))])
    ws.append([])
    ws.append(["指标 Measure", "口径 Definition"])
    for k, v in DEFINITIONS:
        ws.append([k, v])
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 110


def _sheet(wb, name: str, header, rows, money_from: int | None = None) -> None:
    """A data sheet: bold shaded header, rows, money columns from ``money_from`` on."""
    from openpyxl.styles import Font, PatternFill  # lazy: slow to import
    from openpyxl.utils import get_column_letter

    s = wb.create_sheet(name)
    s.append(list(header))
    for c in s[1]:
        c.font, c.fill = Font(bold=True), PatternFill("solid", fgColor="DCE6F1")
    for r in rows:
        s.append(r)
    if money_from is not None:
        for row in s.iter_rows(min_row=2, min_col=money_from):
            for c in row:
                c.number_format = "#,##0.00"
    for i in range(len(header)):
        s.column_dimensions[get_column_letter(i + 1)].width = 16
    s.freeze_panes = "A2"


def write_statistics_xlsx(
    roll: Rollup, path, *, title: str, as_of: str, sources: list[str]
) -> Path:
    """Write the statistics workbook (layout in the module docstring)."""

    import openpyxl  # lazy: slow to import, needed only when writing

    wb = openpyxl.Workbook()
    _cover(wb.active, title, as_of, sources)
    _sheet(wb, SHEETS[1], YEAR_HEADERS, [_year_row(r) for r in roll.rows], money_from=10)
    _sheet(wb, SHEETS[2], YEAR_HEADERS, [_year_row(r) for r in roll.district], money_from=10)
    rules = load_rules()
    keys = [NOT_STARTED] + [s.key for s in rules.stages]
    names = ["未登记 not started"] + [f"{s.zh} {s.en}" for s in rules.stages]
    _sheet(
        wb,
        SHEETS[3],
        ["街道 Street"] + names + ["合计 Total"],
        [
            [safe_cell(street)] + [c[k] for k in keys] + [sum(c.values())]
            for street, c in roll.stage_counts.items()
        ],
    )
    _sheet(
        wb,
        SHEETS[4],
        [
            "街道 Street",
            "小区 Community",
            "楼栋 Building",
            "地址 Address",
            "单元编号 Unit",
            "单元名称 Name",
            "阶段 Stage",
            "户数 Households",
        ],
        [
            [
                safe_cell(u[k])
                for k in (
                    "street",
                    "community",
                    "building",
                    "address",
                    "unit",
                    "name",
                    "stage",
                    "households",
                )
            ]
            for u in roll.units
        ],
    )
    _sheet(
        wb,
        SHEETS[5],
        ["单元编号 Unit", "地址 Address", "首次出现 Counted in", "再次出现 Also in"],
        [[safe_cell(d[k]) for k in ("unit", "address", "first", "again")] for d in roll.duplicates],
    )
    return save_workbook(wb, path)


def geojson(projects: list[Project], as_of: str) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the units: a Point ``[lon, lat]`` (WGS 84 degrees)
    when the unit's location is known, else a null geometry; properties: street, ids,
    names, address, suitability class, stage (key and Chinese name), households.
    Duplicates (see :func:`elevator_eval.process.stats.unit_key`) appear once."""
    rules = load_rules()
    feats = []
    seen = set()
    for project in projects:
        classes = {r.unit_id: r.klass for r in census(project).rows}
        feats += _features(
            project, as_of, rules, classes, seen, read_process, unit_status, unit_key, NOT_STARTED
        )
    return {
        "type": "FeatureCollection",
        "name": "、".join(p.name for p in projects),
        "features": feats,
    }


def _features(
    project, as_of, rules, classes, seen, read_process, unit_status, unit_key, not_started
) -> list[dict[str, Any]]:
    feats = []
    for c, b, u in project.iter_units():
        key = unit_key(project, u)
        if key in seen:
            continue
        seen.add(key)
        loc = read_process(u).location
        st = unit_status(u, as_of, rules)
        feats.append(
            {
                "type": "Feature",
                "geometry": None
                if loc is None
                else {"type": "Point", "coordinates": [float(loc[0]), float(loc[1])]},
                "properties": {
                    "street": project.name,
                    "unit": u.id,
                    "name": u.name,
                    "community": c.name,
                    "building": b.name,
                    "address": b.address,
                    "class": classes.get(u.id),
                    "stage": st.stage,
                    "stage_zh": "未登记" if st.stage == not_started else rules.stage(st.stage).zh,
                    "households": len(u.households),
                },
            }
        )
    return feats


def write_geojson(projects: list[Project], path, as_of: str) -> Path:
    data = json.dumps(geojson(projects, as_of), ensure_ascii=False, indent=1)
    path = Path(path)
    atomic_write_bytes(path, data.encode("utf-8"))
    return path
