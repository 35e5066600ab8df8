"""The street import template: an empty workbook with sheets 户, 单元 and 说明 (instructions)."""

from __future__ import annotations

from pathlib import Path

from ..cellguard import safe_cell
from ..workbook_file import save_workbook
from .headers import col_letter

TEMPLATE_HOUSEHOLD_HEADERS = (
    "小区",
    "楼栋",
    "单元",
    "单元编号",
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
)
TEMPLATE_UNIT_HEADERS = (
    "小区",
    "楼栋",
    "单元",
    "单元编号",
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
    "造价(元)",
)

_EXAMPLE_HOUSEHOLDS = (
    (
        "幸福里",
        "3号楼",
        "2单元",
        "XFL-3-2",
        1992,
        6,
        "砖混",
        "B",
        "101",
        1,
        "56.30",
        "O-101",
        "张三",
        "13800000101",
        "反对",
        "2024-03-05",
        "会议",
        "否",
    ),
    (
        "幸福里",
        "3号楼",
        "2单元",
        "XFL-3-2",
        1992,
        6,
        "砖混",
        "B",
        "601",
        6,
        "56.30",
        "O-601",
        "李四",
        "13800000601",
        "同意",
        "2024-03-05",
        "书面",
        "否",
    ),
)
_EXAMPLE_UNIT = (
    "幸福里",
    "3号楼",
    "2单元",
    "XFL-3-2",
    "半层",
    "2.6",
    "2.4",
    "是",
    "4.5",
    "13",
    "否",
    "否",
    "给水、通信",
    1400,
    3800,
    "500000",
)

INSTRUCTIONS = (
    ("加梯评估 街道导入模板", "Elevator Eval street import template"),
    (
        "“户”表：每户一行。小区、楼栋、单元、门牌号、楼层、面积为必填；建成年份和层数每栋楼至少填写一次，"
        "同一楼栋各行不得矛盾。",
        "Sheet 户: one row per household. 小区, 楼栋, 单元, 门牌号, 楼层 and 面积 are required; "
        "建成年份 (year built) and 层数 (storeys) at least once per building, never "
        "contradicting.",
    ),
    (
        "“单元”表（可选）：每个单元一行，填写现场踏勘数据；空格表示未踏勘。",
        "Sheet 单元 (optional): one row per unit with the site survey; an empty cell means "
        "'not surveyed'.",
    ),
    (
        "列的顺序随意；中文或英文列名均可；未知列会被忽略并提示。",
        "Columns in any order; Chinese or English names; unknown columns are ignored with a "
        "warning.",
    ),
    (
        "数值可带单位（56.3㎡、45万、2.6米），可用全角数字和千位分隔符。",
        "Numbers may carry units (56.3㎡, 45万, 2.6米), full-width digits and thousands "
        "separators.",
    ),
    (
        "不接受公式和数据区的合并单元格：请直接填写数值。",
        "Formulas and merged cells in the data are not accepted: type the values.",
    ),
    (
        "表决：同意/反对/弃权/未投票；结构：砖混/框架/剪力墙/其他；危房等级：A–D；入户方式：半层/平层；"
        "是/否 列可写 是/否、Y/N、√/×。",
        "Votes: 同意/反对/弃权/未投票 (yes/no/abstain/none); structure 砖混/框架/剪力墙/其他; "
        "danger grade A–D; entry mode 半层/平层; yes/no columns take 是/否, Y/N, √/×.",
    ),
    (
        "只要有一处错误，整个文件都不会导入；请按错误清单逐项修改后重新导入。",
        "One error stops the whole import: fix every listed problem and import again.",
    ),
    ("详细规则见 docs/import-rules.md。", "All rules: docs/import-rules.md."),
)


def write_import_template(path: str | Path) -> Path:
    """Write an empty import workbook: sheets 户 and 单元 with one example each, and 说明.

    The example rows import without error (they describe the spec's example unit).
    """
    import openpyxl  # lazy: slow to import, needed only when the template is written
    from openpyxl.styles import Alignment, Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "户"
    for row in (TEMPLATE_HOUSEHOLD_HEADERS,) + _EXAMPLE_HOUSEHOLDS:
        ws.append([safe_cell(v) for v in row])
    wu = wb.create_sheet("单元")
    for row in (TEMPLATE_UNIT_HEADERS, _EXAMPLE_UNIT):
        wu.append([safe_cell(v) for v in row])
    for sheet in (ws, wu):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for idx in range(sheet.max_column):
            sheet.column_dimensions[col_letter(idx)].width = 13
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.number_format = "@"
    wi = wb.create_sheet("说明")
    wi.column_dimensions["A"].width = 70
    wi.column_dimensions["B"].width = 70
    for zh, en in INSTRUCTIONS:
        wi.append([safe_cell(zh), safe_cell(en)])
    for row in wi.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    wi["A1"].font = Font(bold=True, size=14)
    wi["B1"].font = Font(bold=True, size=14)
    return save_workbook(wb, path)
