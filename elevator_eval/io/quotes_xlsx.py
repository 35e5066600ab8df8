"""The quotes workbook: a blank template and an all-or-nothing reader.

Layout of the ``报价 Quotes`` sheet: row 1 Chinese headers, row 2 the English field keys
(the reader finds columns by these keys, so columns may be reordered), data from row 3.
openpyxl is imported inside the functions (it is slow to import and not needed at start-up).

How each cell is read (numbers, volume tiers, entry modes …) is
:mod:`elevator_eval.io.quotes_cells`. Formulas are rejected: a quote must carry values.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..procurement import PRICE_LINE_LABELS, Product, tier_problem
from .cellguard import safe_cell
from .quotes_cells import parse_value
from .workbook_file import save_workbook

SHEET = "报价 Quotes"
INSTRUCTIONS_SHEET = "说明 Instructions"
HEADER_ROWS = 2

# key, Chinese header, English header, kind, required
COLUMNS: list[tuple[str, str, str, str, bool]] = [
    ("id", "产品编号", "Product id", "text", False),
    ("vendor", "供应商", "Vendor", "text", True),
    ("model", "型号", "Model", "text", True),
    ("rated_load_kg", "额定载重(kg)", "Rated load (kg)", "int+", True),
    ("speed_m_s", "额定速度(m/s)", "Speed (m/s)", "num+", True),
    ("car_width_mm", "轿厢宽(mm)", "Car width (mm)", "int+", True),
    ("car_depth_mm", "轿厢深(mm)", "Car depth (mm)", "int+", True),
    ("door_width_mm", "门宽(mm)", "Door width (mm)", "int+", True),
    ("shaft_width_mm", "井道宽(mm)", "Shaft width (mm)", "int+", True),
    ("shaft_depth_mm", "井道深(mm)", "Shaft depth (mm)", "int+", True),
    ("pit_mm", "底坑深度(mm)", "Pit (mm)", "int", True),
    ("headroom_mm", "顶层高度(mm)", "Headroom (mm)", "int", True),
    ("entry_modes", "入户方式", "Entry modes", "modes", True),
    ("rotatable", "井道可旋转90°", "Shaft may turn 90°", "bool", False),
    ("equipment_yuan", "设备价(元)", "Equipment (yuan)", "money", True),
    ("installation_yuan", "安装费(元)", "Installation (yuan)", "money", True),
    ("shaft_structure_yuan", "井道钢结构(元)", "Shaft structure (yuan)", "money", True),
    ("civil_yuan", "土建(元)", "Civil works (yuan)", "money", True),
    ("corridor_yuan", "连廊(元)", "Corridor (yuan)", "money", False),
    ("free_maintenance_years", "免费维保年数", "Free maintenance (years)", "int", False),
    ("warranty_years", "质保年数", "Warranty (years)", "int", False),
    ("maintenance_yuan_per_year", "维保费(元/年)", "Maintenance after (yuan/yr)", "money", False),
    ("standby_power_w", "待机功率(W)", "Standby power (W)", "num", False),
    ("energy_per_trip_wh", "每次运行能耗(Wh)", "Energy per trip (Wh)", "num", False),
    ("lead_time_days", "供货安装周期(天)", "Lead time (days)", "int", False),
    ("energy_class", "能效等级(VDI 4707)", "Energy class (VDI 4707)", "energy", False),
    ("tiers", "带量阶梯", "Volume tiers", "tiers", False),
    ("note", "备注", "Note", "text", False),
]
KEYS = [c[0] for c in COLUMNS]


@dataclass(frozen=True)
class CellError:
    """A bad cell: 1-based ``row``, column letter, field key and message (zh / en)."""

    row: int
    column: str
    field: str
    message_zh: str
    message_en: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column} ({self.field}): {self.message_en}"

    def text_zh(self) -> str:
        """The same in Chinese: ``第 7 行，C 列（price_yuan）：…``."""
        return f"第 {self.row} 行，{self.column} 列（{self.field}）：{self.message_zh}"

    def to_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "field": self.field,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }


# --------------------------------------------------------------------------- template

TEMPLATE_LINES = (
    ("报价模板说明", "Quotes template"),
    (
        "每行一个产品；第 1 行为中英文表头，第 2 行为字段名（请勿修改第 2 行），从第 3 行起填写。",
        "One product per row; row 1 holds the Chinese and English headers, row 2 the field "
        "keys (do not edit row 2); data from row 3.",
    ),
    (
        "带 * 的列必填。价格单位为元，尺寸单位为毫米。可用全角数字与千分位，例如 １２０，０００。",
        "Columns marked * are required. Prices in yuan, sizes in mm. Full-width digits and "
        "thousands separators are accepted, e.g. １２０，０００.",
    ),
    ("请填写数值，不要填写公式。", "Enter values, not formulas."),
    (
        "入户方式：半层、平层，或两者用逗号分隔（half_landing, flat）。",
        "Entry modes: 半层 / 平层 or half_landing / flat, comma separated.",
    ),
    (
        "井道宽×深为井道钢结构外轮廓尺寸；可旋转90° 填 是/否（默认否）。",
        "Shaft width × depth is the outer footprint of the shaft structure; "
        "'may turn 90°' 是/否 (default no).",
    ),
    (
        "带量阶梯：数量=单价 或 数量=折扣%，用分号分隔，例如 10=380000; 50=8%。"
        "阶梯价格适用于设备+安装+井道+土建，不含连廊。",
        "Volume tiers: qty=unit price or qty=discount%, separated by ';', e.g. "
        "10=380000; 50=8%. Tier prices apply to equipment + installation + shaft + civil, "
        "not the corridor.",
    ),
    (
        "连廊费用只计入平层入户（或入户方式未调查）的单元。",
        "The corridor line counts only for flat-entry units (or where the entry mode is "
        "not surveyed).",
    ),
    (
        "导入时先检查全部单元格，任何错误都会列出行号与列，整表不导入。",
        "On import every cell is checked first; any error is listed with row and column and "
        "nothing is imported.",
    ),
)
"""The instructions sheet of the template: (Chinese, English) per line."""


def _validation(kind: str):
    """The data validation of a column of ``kind`` (None for text columns)."""
    from openpyxl.worksheet.datavalidation import DataValidation  # lazy: slow to import

    if kind in ("int", "int+"):
        dv = DataValidation(
            type="whole",
            operator="greaterThanOrEqual",
            formula1="1" if kind == "int+" else "0",
            allow_blank=True,
        )
    elif kind in ("num", "num+", "money"):
        dv = DataValidation(
            type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True
        )
    elif kind == "bool":
        dv = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    else:
        return None
    dv.error = (
        "请输入不小于 0 的数值 / enter a number ≥ 0"
        if kind != "bool"
        else "请选择 是 或 否 / choose 是 or 否"
    )
    dv.showErrorMessage = False  # typed text like "１２０，０００" is still accepted
    return dv


def _write_headers(ws) -> None:
    """The two header rows (Chinese and English, field keys) with widths and validation."""
    from openpyxl.styles import Alignment, Font, PatternFill  # lazy: slow to import
    from openpyxl.utils import get_column_letter

    fill = PatternFill("solid", fgColor="DDEBF7")
    for j, (key, zh, en, kind, req) in enumerate(COLUMNS, 1):
        c1 = ws.cell(row=1, column=j, value=f"{zh}{' *' if req else ''}\n{en}")
        c2 = ws.cell(row=2, column=j, value=key)
        c1.font = Font(bold=True)
        c1.fill = fill
        c2.font = Font(italic=True, color="666666")
        c1.alignment = Alignment(wrap_text=True)
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = max(12, len(en) + 2)
        dv = _validation(kind)
        if dv is not None:
            ws.add_data_validation(dv)
            dv.add(f"{letter}3:{letter}1000")
    ws.row_dimensions[1].height = 32
    ws.freeze_panes = "D3"


def write_quote_template(path: str | Path, products: list[Product] | None = None) -> Path:
    """Write the quotes template (optionally filled with ``products``) to ``path``.

    The workbook has the ``报价 Quotes`` sheet (two header rows, data validation on the
    numeric and yes/no columns) and an instructions sheet in Chinese and English. Every
    cell goes through the spreadsheet guard (:func:`~elevator_eval.io.cellguard.safe_cell`).
    """
    from openpyxl import Workbook  # lazy: slow to import, needed only when writing
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    _write_headers(ws)
    for i, p in enumerate(products or [], start=HEADER_ROWS + 1):
        for j, key in enumerate(KEYS, 1):
            ws.cell(row=i, column=j, value=safe_cell(_cell_value(p, key)))
    info = wb.create_sheet(INSTRUCTIONS_SHEET)
    for i, (zh, en) in enumerate(TEMPLATE_LINES, 1):
        info.cell(row=i, column=1, value=zh).font = Font(bold=i == 1)
        info.cell(row=i, column=2, value=en).font = Font(bold=i == 1)
    info.column_dimensions["A"].width = 70
    info.column_dimensions["B"].width = 90
    return save_workbook(wb, path)


def _cell_value(p: Product, key: str):
    v = getattr(p, key)
    if key == "entry_modes":
        return ", ".join(v)
    if key == "rotatable":
        return "是" if v else "否"
    if key == "tiers":
        return "; ".join(
            f"{t.min_qty}={t.unit_price_yuan}"
            if t.unit_price_yuan is not None
            else f"{t.min_qty}={t.discount_percent}%"
            for t in v
        )
    return plain_number(v)


def plain_number(v):
    """A Decimal as an int (whole) or float for a workbook cell; other values unchanged."""
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


# --------------------------------------------------------------------------- reader


def _open_sheet(path: Path):
    """The quotes sheet of the workbook at ``path`` (else its first sheet)."""
    from openpyxl import load_workbook  # lazy: slow to import, needed only when reading

    if not path.exists():
        raise InputError("file", f"{path} does not exist")
    try:
        wb = load_workbook(path, data_only=False, read_only=False)
    except Exception as e:  # zipfile/KeyError/InvalidFileException…
        raise InputError(
            "file", f"{path.name} is not a readable .xlsx workbook ({type(e).__name__})"
        ) from None
    return wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]


def _find_key_row(ws, name: str) -> tuple[dict[str, int], int]:
    """``(field key → column number, key row)``: row 2 of the template, or row 1 of a
    hand-made file."""
    for r in (2, 1):
        found = {}
        for c in range(1, ws.max_column + 1):
            v = ws.cell(row=r, column=c).value
            if isinstance(v, str) and v.strip() in KEYS:
                found[v.strip()] = c
        if "vendor" in found and "model" in found:
            return found, r
    raise InputError(
        "file",
        f"{name}: no field-key row (vendor, model, …) in sheet "
        f"{ws.title!r}; start from the template",
    )


def _is_formula(cell, v) -> bool:
    return cell is not None and (
        cell.data_type == "f" or (isinstance(v, str) and v.strip().startswith("="))
    )


def _read_row(
    r: int, raw: dict, colmap: dict[str, int], errors: list[CellError]
) -> dict[str, Any] | None:
    """The values of row ``r``; None (every bad cell added to ``errors``) when any is bad."""
    from openpyxl.utils import get_column_letter  # lazy: slow to import

    vals: dict[str, Any] = {}
    n_errors = len(errors)
    for key, zh, en, kind, req in COLUMNS:
        cell = raw.get(key)
        v = None if cell is None else cell.value
        if isinstance(v, str) and not _is_formula(cell, v):
            v = v.strip() or None
        problem = None
        if _is_formula(cell, v):
            problem = ("formulas are not accepted; enter the value", "不接受公式，请填写数值")
        elif v is None:
            problem = ("required value is missing", "必填项为空") if req else None
        else:
            try:
                vals[key] = parse_value(v, key, kind)
            except ValueError as e:
                problem = e.args[0]
        if problem is not None:
            letter = get_column_letter(colmap[key]) if key in colmap else "-"
            errors.append(CellError(r, letter, key, f"{zh}：{problem[1]}", f"{en}: {problem[0]}"))
    return vals if len(errors) == n_errors else None


def _product(pid: str, vals: dict[str, Any], lines: dict[str, Decimal], tiers) -> Product:
    return Product(
        id=pid,
        vendor=vals["vendor"],
        model=vals["model"],
        rated_load_kg=vals["rated_load_kg"],
        speed_m_s=vals["speed_m_s"],
        car_width_mm=vals["car_width_mm"],
        car_depth_mm=vals["car_depth_mm"],
        door_width_mm=vals["door_width_mm"],
        shaft_width_mm=vals["shaft_width_mm"],
        shaft_depth_mm=vals["shaft_depth_mm"],
        pit_mm=vals["pit_mm"],
        headroom_mm=vals["headroom_mm"],
        entry_modes=vals["entry_modes"],
        free_maintenance_years=vals.get("free_maintenance_years", 0),
        warranty_years=vals.get("warranty_years", 0),
        maintenance_yuan_per_year=vals.get("maintenance_yuan_per_year", Decimal(0)),
        standby_power_w=vals.get("standby_power_w", Decimal(0)),
        energy_per_trip_wh=vals.get("energy_per_trip_wh", Decimal(0)),
        lead_time_days=vals.get("lead_time_days", 0),
        tiers=tuple(tiers),
        rotatable=vals.get("rotatable", False),
        note=vals.get("note", ""),
        energy_class=vals.get("energy_class", ""),
        **lines,
    )


def _row_product(
    r: int,
    vals: dict[str, Any],
    colmap: dict[str, int],
    ids: dict[str, int],
    errors: list[CellError],
) -> Product | None:
    """The product of a row read without a bad cell; None on a repeated id or bad tiers."""
    from openpyxl.utils import get_column_letter  # lazy: slow to import

    pid = vals.get("id") or f"{vals['vendor']}-{vals['model']}"
    if pid in ids:
        id_letter = get_column_letter(colmap["id"]) if "id" in colmap else "-"
        errors.append(
            CellError(
                r,
                id_letter,
                "id",
                f"产品编号 {pid} 与第 {ids[pid]} 行重复",
                f"product id {pid!r} repeats row {ids[pid]}",
            )
        )
        return None
    ids[pid] = r
    lines = {k: vals.get(k, Decimal(0)) for k in PRICE_LINE_LABELS}
    base = (
        lines["equipment_yuan"]
        + lines["installation_yuan"]
        + lines["shaft_structure_yuan"]
        + lines["civil_yuan"]
    )
    tiers, problem = tier_problem(vals.get("tiers", []), base)
    if problem is not None:
        letter = get_column_letter(colmap["tiers"])
        errors.append(
            CellError(r, letter, "tiers", f"带量阶梯：{problem[0]}", f"Volume tiers: {problem[1]}")
        )
        return None
    return _product(pid, vals, lines, tiers)


def read_quotes(path: str | Path) -> tuple[list[Product], list[CellError]]:
    """Read a quotes workbook. All or nothing: when any cell is bad, no product is returned.

    Returns
    -------
    (products, errors)
        ``errors`` lists every bad cell (row, column letter, field, message); when it is
        not empty ``products`` is empty.

    Raises
    ------
    InputError
        naming ``file`` when the file is not a readable workbook or lacks the quotes sheet
        and its key row.
    """
    path = Path(path)
    ws = _open_sheet(path)
    colmap, key_row = _find_key_row(ws, path.name)
    errors = [
        CellError(key_row, "-", k, f"缺少必填列 {k}", f"required column {k} is missing")
        for k, _, _, _, req in COLUMNS
        if req and k not in colmap
    ]
    if errors:
        return [], errors
    products: list[Product] = []
    ids: dict[str, int] = {}
    for r in range(key_row + 1, ws.max_row + 1):
        raw = {k: ws.cell(row=r, column=c) for k, c in colmap.items()}
        if all(
            cell.value is None or (isinstance(cell.value, str) and not cell.value.strip())
            for cell in raw.values()
        ):
            continue
        vals = _read_row(r, raw, colmap, errors)
        product = None if vals is None else _row_product(r, vals, colmap, ids, errors)
        if product is not None:
            products.append(product)
    if errors:
        return [], errors
    if not products:
        return [], [
            CellError(key_row + 1, "-", "rows", "没有产品行", "the sheet has no product rows")
        ]
    return products, errors


def load_quotes(path: str | Path) -> list[Product]:
    """:func:`read_quotes`, raising ``InputError`` naming the first bad cell."""
    products, errors = read_quotes(path)
    if errors:
        e = errors[0]
        more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
        more_zh = f"（另有 {len(errors) - 1} 处）" if len(errors) > 1 else ""
        raise InputError(
            f"row {e.row}, column {e.column}",
            f"{e.message_en}{more}",
            message_zh=f"{e.message_zh}{more_zh}",
            field_zh=f"第 {e.row} 行，{e.column} 列",
        )
    return products
