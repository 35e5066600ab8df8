"""Export a project to a spreadsheet (.xlsx: sheets 单元 and 住户).

Every text cell that a spreadsheet program could read as a formula — one starting with
``= + - @``, tab, CR or LF, or their full-width forms ``＝ ＋ － ＠`` (also after leading
spaces) — is written with a leading apostrophe ``'`` (the OWASP rule against CSV/formula
injection) by the one guard, :func:`elevator_eval.io.cellguard.safe_cell`. Numbers stay
numbers: areas and money are written from their exact Decimal.

The columns use the importer's headers, so an exported workbook imports again into an
empty project (:mod:`elevator_eval.io.street_import`); the importer removes the
apostrophe again.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..model import Project
from ..vocabulary import pairs
from .cellguard import safe_cell
from .workbook_file import save_workbook

_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

STRUCTURE_ZH = {"masonry": "砖混", "frame": "框架", "shear_wall": "剪力墙", "other": "其他"}
ENTRY_ZH = {"half_landing": "半层", "flat": "平层"}
VOTE_ZH = {"yes": "同意", "no": "反对", "abstain": "弃权", None: "未投票"}
SOURCE_ZH = {code: pair[0] for code, pair in pairs("vote_sources").items()}
"""How a vote was cast, in the window's words (the importer reads them back)."""
PIPE_ZH = {
    "gas": "燃气",
    "water": "给水",
    "drainage": "排水",
    "power": "电力",
    "telecom": "通信",
    "heating": "暖气",
    "other": "其他",
}

HOUSEHOLD_HEADERS = (
    "单元编号",
    "小区",
    "楼栋",
    "单元",
    "建成年份",
    "层数",
    "结构",
    "危房等级",
    "门牌号",
    "楼层",
    "面积(㎡)",
    "业主编号",
    "业主",
    "联系电话",
    "表决",
    "表决日期",
    "表决方式",
    "专有部分受影响",
    "最高出资(元)",
    "公积金(元)",
)
"""Columns of the 住户 sheet and of the households CSV (the importer's headers)."""

UNIT_HEADERS = (
    "单元编号",
    "小区",
    "楼栋",
    "单元",
    "单元名称",
    "建成年份",
    "层数",
    "结构",
    "危房等级",
    "户数",
    "同意",
    "反对",
    "弃权",
    "未投票",
    "入户方式",
    "可用宽度(m)",
    "可用进深(m)",
    "红线内",
    "消防通道宽度(m)",
    "与邻楼距离(m)",
    "占用私家院",
    "日照不达标",
    "管线",
    "底坑深度(mm)",
    "顶层高度(mm)",
    "连廊进深(m)",
    "造价(元)",
    "年维保费(元)",
)
"""Columns of the 单元 sheet (site survey, building data and vote counts per unit)."""


def _cell(value: Any) -> Any:
    """A model value as a cell value: numbers stay numbers, texts are neutralised."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, Decimal)):
        return value
    return safe_cell(str(value))


def _bool(v):
    return None if v is None else ("是" if v else "否")


def unit_label(community, building, unit) -> str:
    """The unit's short name (``2单元``) from its full name, else its name or id."""
    prefix = f"{community.name} {building.name} "
    if unit.name.startswith(prefix) and len(unit.name) > len(prefix):
        return unit.name[len(prefix) :]
    return unit.name or unit.id


def household_rows(project: Project) -> list[list[Any]]:
    """One row per household with the values of :data:`HOUSEHOLD_HEADERS` (not neutralised)."""
    rows = []
    for c, b, u in project.iter_units():
        info = u.building
        for h in u.households:
            rows.append(
                [
                    u.id,
                    c.name,
                    b.name,
                    unit_label(c, b, u),
                    info.year_built,
                    info.storeys,
                    STRUCTURE_ZH.get(info.structure, info.structure),
                    info.danger_grade,
                    h.id,
                    h.floor,
                    h.area_m2,
                    h.owner,
                    h.owner_name,
                    h.contact,
                    VOTE_ZH.get(h.vote, h.vote),
                    h.vote_date,
                    SOURCE_ZH.get(h.vote_source, h.vote_source),
                    _bool(h.exclusive_part_affected),
                    h.max_contribution_yuan,
                    h.provident_fund_yuan,
                ]
            )
    return rows


def unit_rows(project: Project) -> list[list[Any]]:
    """One row per unit with the values of :data:`UNIT_HEADERS` (not neutralised)."""
    rows = []
    for c, b, u in project.iter_units():
        info, s = u.building, u.site
        votes = [h.vote for h in u.households]
        fp = s.footprint_available_m or (None, None)
        pipes = (
            None
            if s.pipes_in_footprint is None
            else ("、".join(PIPE_ZH.get(p, p) for p in s.pipes_in_footprint) or "无")
        )
        rows.append(
            [
                u.id,
                c.name,
                b.name,
                unit_label(c, b, u),
                u.name,
                info.year_built,
                info.storeys,
                STRUCTURE_ZH.get(info.structure, info.structure),
                info.danger_grade,
                len(u.households),
                votes.count("yes"),
                votes.count("no"),
                votes.count("abstain"),
                votes.count(None),
                ENTRY_ZH.get(s.entry_mode, s.entry_mode),
                fp[0],
                fp[1],
                _bool(s.inside_red_line),
                s.fire_lane_width_after_m,
                s.distance_to_neighbour_m,
                _bool(s.occupies_private_courtyard),
                _bool(s.sunlight_below_standard),
                pipes,
                s.pit_depth_available_mm,
                s.headroom_available_mm,
                s.corridor_depth_m,
                u.costs.total_yuan
                if (u.costs.items_yuan or u.costs.total_yuan_given is not None)
                else None,
                u.costs.annual_om_yuan.get("maintenance"),
            ]
        )
    return rows


def export_project_xlsx(project: Project, path: str | Path) -> Path:
    """Write the project to a workbook with the sheets 单元 (units) and 住户 (households).

    Texts are neutralised (:func:`~elevator_eval.io.cellguard.safe_cell`), characters a workbook cannot hold (control
    characters other than tab, CR, LF) are dropped; numbers are written as numbers.
    """
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    wu = wb.active
    wu.title = "单元"
    wh = wb.create_sheet("住户")
    for ws, headers, rows in (
        (wu, UNIT_HEADERS, unit_rows(project)),
        (wh, HOUSEHOLD_HEADERS, household_rows(project)),
    ):
        ws.append(list(headers))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for r, row in enumerate(rows, start=2):
            for c, v in enumerate(row, start=1):
                v = _cell(v)
                if v is None:
                    continue
                if isinstance(v, str):
                    v = _ILLEGAL_XLSX.sub("", v)
                cell = ws.cell(row=r, column=c, value=v)
                if isinstance(v, str):
                    cell.data_type = "s"  # never a formula, whatever the text
        ws.freeze_panes = "A2"
    return save_workbook(wb, path)
