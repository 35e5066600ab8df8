"""The columns of a street import: field names, accepted headers (Chinese and English), parsers.

The users' list of columns is ``docs/import-rules.md``; the first header of each column is the
one written in templates and exports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import cells

HOUSEHOLD_SHEETS = ("户", "住户", "户信息", "households", "household")
UNIT_SHEETS = ("单元", "单元信息", "units", "unit")


@dataclass(frozen=True)
class Column:
    """A known column: field name, accepted header names, parser, whether required."""

    key: str
    headers: tuple[str, ...]
    parse: Callable | None
    required: bool = False

    @property
    def title(self) -> str:
        """The header written in templates and exports."""
        return self.headers[0]


def _c(key, headers, parse, required=False):
    return Column(key, tuple(headers), parse, required)


def _seismic(value, row=None, column="", sheet="", *, required=False):
    return cells.parse_int(value, row, column, sheet, lo=5, hi=10, units=("度",), required=required)


def _design_life(value, row=None, column="", sheet="", *, required=False):
    return cells.parse_int(
        value, row, column, sheet, lo=1, hi=200, units=("年",), required=required
    )


P = cells
HOUSEHOLD_COLUMNS: tuple[Column, ...] = (
    _c("community", ("小区", "小区名称", "community"), P.parse_text, True),
    _c("building", ("楼栋", "楼号", "楼幢", "building"), P.parse_text, True),
    _c("unit", ("单元", "单元号", "unit"), P.parse_text, True),
    _c("unit_id", ("单元编号", "unit_id"), P.parse_text),
    _c("address", ("地址", "楼栋地址", "address"), P.parse_text),
    _c("year_built", ("建成年份", "建成年代", "竣工年份", "year_built", "year"), P.parse_year),
    _c("storeys", ("层数", "总层数", "地上层数", "storeys"), P.parse_storeys),
    _c("structure", ("结构", "结构类型", "structure"), P.parse_structure),
    _c(
        "danger_grade",
        ("危房等级", "危险性等级", "房屋安全等级", "danger_grade"),
        P.parse_danger_grade,
    ),
    _c("floor_height_m", ("层高(m)", "层高", "floor_height_m"), P.parse_length_m),
    _c("seismic_intensity", ("设防烈度", "抗震设防烈度", "seismic_intensity"), _seismic),
    _c("design_life_years", ("设计使用年限", "design_life_years"), _design_life),
    _c("door", ("门牌号", "户号", "房号", "室号", "door", "household_id"), P.parse_door, True),
    _c("floor", ("楼层", "所在楼层", "floor"), P.parse_floor, True),
    _c(
        "area_m2",
        ("面积(㎡)", "面积", "专有部分面积", "产权面积", "建筑面积", "area_m2", "area"),
        P.parse_area_m2,
        True,
    ),
    _c("owner", ("业主编号", "owner_id", "owner"), P.parse_text),
    _c("owner_name", ("业主", "业主姓名", "姓名", "owner_name", "name"), P.parse_text),
    _c("contact", ("联系电话", "电话", "手机", "contact", "phone", "telephone"), P.parse_text),
    _c("vote", ("表决", "表决意见", "投票", "vote"), P.parse_vote),
    _c("vote_date", ("表决日期", "投票日期", "vote_date"), P.parse_date),
    _c("vote_source", ("表决方式", "投票方式", "vote_source"), P.parse_vote_source),
    _c(
        "exclusive_part_affected",
        ("专有部分受影响", "占用专有部分", "exclusive_part_affected"),
        P.parse_bool,
    ),
    _c(
        "max_contribution_yuan",
        ("最高出资(元)", "最高出资", "可接受出资", "max_contribution_yuan"),
        P.parse_money_yuan,
    ),
    _c(
        "provident_fund_yuan",
        ("公积金(元)", "公积金", "公积金提取", "provident_fund_yuan"),
        P.parse_money_yuan,
    ),
)
"""Columns of the 户 sheet. The first header of each is the one written in templates."""

UNIT_COLUMNS: tuple[Column, ...] = (
    _c("community", ("小区", "小区名称", "community"), P.parse_text, True),
    _c("building", ("楼栋", "楼号", "楼幢", "building"), P.parse_text, True),
    _c("unit", ("单元", "单元号", "unit"), P.parse_text, True),
    _c("unit_id", ("单元编号", "unit_id"), P.parse_text),
    _c("name", ("单元名称", "unit_name"), P.parse_text),
    _c("entry_mode", ("入户方式", "entry_mode"), P.parse_entry_mode),
    _c(
        "footprint_width_m",
        ("可用宽度(m)", "可用宽度", "井道可用宽度", "footprint_width_m"),
        P.parse_length_m,
    ),
    _c(
        "footprint_depth_m",
        ("可用进深(m)", "可用进深", "井道可用进深", "footprint_depth_m"),
        P.parse_length_m,
    ),
    _c("inside_red_line", ("红线内", "在用地红线内", "inside_red_line"), P.parse_bool),
    _c(
        "fire_lane_width_after_m",
        ("消防通道宽度(m)", "消防通道宽度", "加装后消防通道宽度", "fire_lane_width_after_m"),
        P.parse_length_m,
    ),
    _c(
        "distance_to_neighbour_m",
        ("与邻楼距离(m)", "与邻楼距离", "distance_to_neighbour_m"),
        P.parse_length_m,
    ),
    _c(
        "occupies_private_courtyard",
        ("占用私家院", "占用私家庭院", "occupies_private_courtyard"),
        P.parse_bool,
    ),
    _c("sunlight_below_standard", ("日照不达标", "sunlight_below_standard"), P.parse_bool),
    _c(
        "pipes_in_footprint", ("管线", "井道范围管线", "pipes_in_footprint", "pipes"), P.parse_pipes
    ),
    _c(
        "pit_depth_available_mm",
        ("底坑深度(mm)", "底坑深度", "可挖底坑深度", "pit_depth_available_mm"),
        P.parse_mm,
    ),
    _c(
        "headroom_available_mm",
        ("顶层高度(mm)", "顶层高度", "顶层净高", "headroom_available_mm"),
        P.parse_mm,
    ),
    _c("corridor_depth_m", ("连廊进深(m)", "连廊进深", "corridor_depth_m"), P.parse_length_m),
    _c("total_yuan", ("造价(元)", "造价", "总造价", "工程造价", "total_yuan"), P.parse_money_yuan),
    _c(
        "annual_maintenance_yuan",
        ("年维保费(元)", "年维保费", "年维护费", "annual_maintenance_yuan"),
        P.parse_money_yuan,
    ),
)
"""Columns of the optional 单元 sheet (site survey and cost per unit)."""

QUIET_HEADERS = (
    "户数",
    "households",
    "同意",
    "yes",
    "反对",
    "no",
    "弃权",
    "abstain",
    "未投票",
    "not_voted",
    "序号",
    "no.",
    "备注",
    "remarks",
    "notes",
    "建成年份",
    "层数",
    "结构",
    "危房等级",
)
"""Headers ignored without a warning (summary and building columns the exporter writes
in the 单元 sheet, notes)."""

BUILDING_KEYS = (
    "year_built",
    "storeys",
    "structure",
    "danger_grade",
    "floor_height_m",
    "seismic_intensity",
    "design_life_years",
    "address",
)
