"""The street census as an Excel workbook (sheets: units, summary tables).

Every cell goes through the one spreadsheet guard, :func:`elevator_eval.io.cellguard.safe_cell`.
"""

from __future__ import annotations

import io
from pathlib import Path

from ..atomic import atomic_write_bytes
from ..census import CLASS_LABELS, CLASSES, Census, year_band
from ..errors import InputError
from .cellguard import safe_cell


def export_census_xlsx(c: Census, path) -> None:
    """Write a census to an Excel workbook (sheets: units, summary tables).

    Text cells that a spreadsheet could run as a formula (also ``＝1+1``, `` =1``, a leading
    line break) are prefixed with ``'`` by :func:`~elevator_eval.io.cellguard.safe_cell`.
    """
    from openpyxl import Workbook  # lazy: heavy
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "单元 Units"
    header = [
        "小区 Community",
        "楼栋 Building",
        "单元编号 Unit id",
        "单元名称 Unit name",
        "建成年份 Year built",
        "年代 Year band",
        "类别 Class",
        "类别（中文）",
        "主要原因 Main reason",
        "Main reason (EN)",
        "表决状态 Consent state",
    ]
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in c.rows:
        ws.append(
            [
                safe_cell(v)
                for v in (
                    r.community,
                    r.building,
                    r.unit_id,
                    r.unit_name,
                    r.year_built,
                    year_band(r.year_built),
                    r.klass,
                    CLASS_LABELS[r.klass][0],
                    r.main_reason_zh,
                    r.main_reason_en,
                    r.consent_state,
                )
            ]
        )
    s = wb.create_sheet("汇总 Summary")
    cls_head = [f"{CLASS_LABELS[k][0]} {k}" for k in CLASSES] + ["合计 total"]

    def block(title, data):
        s.append([title] + cls_head)
        s.cell(row=s.max_row, column=1).font = Font(bold=True)
        for key, counts in data.items():
            s.append([safe_cell(key)] + [counts[k] for k in CLASSES] + [sum(counts.values())])
        s.append([])

    block("按类别 By class", {"全部 All": c.by_class})
    block("按小区 By community", c.by_community)
    block("按建成年代 By building year", c.by_year_band)
    if c.by_consent_state:
        s.append(["表决状态 Consent state", "数量 Count"])
        for k, v in c.by_consent_state.items():
            s.append([k, v])
    buf = io.BytesIO()
    wb.save(buf)
    try:
        atomic_write_bytes(Path(path), buf.getvalue())
    except OSError as e:
        raise InputError("--xlsx", f"cannot write {path}: {e.strerror or e}") from None
