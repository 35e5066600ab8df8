"""The elevator comparison as a workbook: summary, fit, reasons, technical data, life-cycle
cost, tender scores and assumptions, one sheet each.

Every cell goes through the one spreadsheet guard
(:func:`elevator_eval.io.cellguard.safe_cell`); money is written as plain numbers.
openpyxl is imported inside the functions (it is slow to import and not needed at start-up).
"""

from __future__ import annotations

from pathlib import Path

from ..procurement import Comparison
from .cellguard import safe_cell
from .quotes_xlsx import plain_number
from .workbook_file import save_workbook

FIT_COLOURS = {"fits": "C6EFCE", "misfit": "FFC7CE", "unknown": "FFEB9C"}
FIT_WORDS = {"fits": "✓ 适配", "misfit": "✗ 不适配", "unknown": "? 未知"}


def _sheet(ws, header, rows) -> None:
    """Write a bold header and the rows (every cell guarded), then fit the column widths."""
    from openpyxl.styles import Font  # lazy: slow to import

    ws.append([safe_cell(plain_number(h)) for h in header])
    for c in ws[1]:
        c.font = Font(bold=True)
    for row in rows:
        ws.append([safe_cell(plain_number(v)) for v in row])
    for col in ws.columns:
        width = max(len(str(c.value)) if c.value is not None else 0 for c in col)
        ws.column_dimensions[col[0].column_letter].width = min(60, max(10, width + 2))


def _summary(ws, result: Comparison) -> None:
    _sheet(
        ws,
        [
            "产品 Product",
            "供应商 Vendor",
            "型号 Model",
            "适配 Fits",
            "不适配 Misfits",
            "未知 Unknown",
            "无障碍 Accessible",
            "担架 Stretcher",
            "数量 Qty",
            "阶梯起点 Tier from",
            "单台价(元) Single price",
            "带量单价(元) Tier price",
            "节约(元) Saving",
            "节约率% Saving rate",
            f"平均{result.years}年现值(元) Mean NPV",
        ],
        [
            [
                s.product_id,
                s.vendor,
                s.model,
                s.fits,
                s.misfits,
                s.unknown,
                "是" if s.accessible else "否",
                "是" if s.stretcher else "否",
                s.bulk.quantity,
                s.bulk.tier_min_qty,
                s.bulk.single_price_yuan,
                s.bulk.unit_price_yuan,
                s.bulk.saving_yuan,
                s.bulk.to_json()["saving_rate_percent"],
                s.mean_npv_yuan,
            ]
            for s in result.summaries
        ],
    )


def _fit(wb, result: Comparison) -> None:
    from openpyxl.styles import PatternFill  # lazy: slow to import

    ws = wb.create_sheet("适配 Fit")
    _sheet(
        ws,
        ["单元 Unit"] + [p.id for p in result.products],
        [
            [uid] + [FIT_WORDS[f.state] for f in row]
            for uid, row in zip(result.unit_ids, result.fit)
        ],
    )
    for i, row in enumerate(result.fit, 2):
        for j, f in enumerate(row, 2):
            ws.cell(row=i, column=j).fill = PatternFill("solid", fgColor=FIT_COLOURS[f.state])
    _sheet(
        wb.create_sheet("原因 Reasons"),
        ["单元 Unit", "产品 Product", "类型 Kind", "原因", "Reason"],
        [
            [f.unit_id, f.product_id, r.kind, r.message_zh, r.message_en]
            for row in result.fit
            for f in row
            for r in f.reasons
        ],
    )


def _technical(ws, result: Comparison) -> None:
    _sheet(
        ws,
        [
            "产品 Product",
            "底坑(mm) Pit",
            "门宽(mm) Door",
            "轿厢(mm) Car",
            "速度(m/s) Speed",
            "能效 Energy class",
            "质保(年) Warranty",
            "免费维保(年) Free maintenance",
            "维保费(元/年) Maintenance fee",
            "工期(天) Lead time",
        ],
        [
            [
                p.id,
                p.pit_mm,
                p.door_width_mm,
                f"{p.car_width_mm}×{p.car_depth_mm}",
                p.speed_m_s,
                p.energy_class or "—",
                p.warranty_years,
                p.free_maintenance_years,
                p.maintenance_yuan_per_year,
                p.lead_time_days,
            ]
            for p in result.products
        ],
    )


def _life_cycle(ws, result: Comparison) -> None:
    _sheet(
        ws,
        [
            "单元 Unit",
            "产品 Product",
            "购置(元) Capital",
            "管线迁改(元) Pipes",
            "表具移位(元) Meters",
            "保险(元) Insurance",
            "不可预见(元) Contingency",
            "维保(元) Maintenance",
            "电费(元) Electricity",
            "年检(元) Inspection",
            "合计(元) Total",
            "现值(元) NPV",
            "年耗电(kWh) Energy/yr",
            "VDI 4707",
        ],
        [
            [c.unit_id, c.product_id, c.capital_yuan]
            + [
                c.outside_quote_yuan.get(k)
                for k in ("pipe_relocation", "meter_move", "insurance", "contingency")
            ]
            + [
                c.maintenance_yuan,
                c.electricity_yuan,
                c.inspection_yuan,
                c.total_yuan,
                c.npv_yuan,
                c.annual_energy_kwh,
                c.usage_category,
            ]
            for row in result.lcc
            for c in row
            if c is not None
        ],
    )
    ws.append([])
    ws.append(
        [
            safe_cell(
                "全寿命费用为分析，不计入法定价格分 / life-cycle cost is analysis, "
                "never part of the legal price score"
            )
        ]
    )


def _tender(ws, t) -> None:
    _sheet(
        ws,
        [
            "名次 Rank",
            "产品 Product",
            "投标报价(元/台) Bid price",
            "价格分 Price",
            "技术分 Technical",
            "服务分 Service",
            "总分 Total",
        ],
        [
            [
                f"{s.rank} 并列 tied" if s.tied else s.rank,
                s.bidder,
                s.price_yuan,
                float(round(s.price_score, 2)),
                s.technical_points,
                s.service_points,
                float(round(s.total, 2)),
            ]
            for s in t.scores
        ]
        + [[None, b.bidder, b.price_yuan, None, None, None, b.invalid_reason] for b in t.excluded],
    )
    if t.winner_stable_range is not None:
        lo, hi = t.winner_stable_range
        ws.append([])
        ws.append(
            [
                safe_cell(
                    f"中标者保持第一的价格权重区间 / price weight range keeping "
                    f"the winner: {float(lo):.2f} – {float(hi):.2f}"
                )
            ]
        )
    for zh, en in t.warnings:
        ws.append([safe_cell(f"注意：{zh} / Note: {en}")])


def export_comparison_xlsx(result: Comparison, path: str | Path) -> Path:
    """Write the comparison (summary, fit matrix, life-cycle cost, tender) to ``path``."""
    from openpyxl import Workbook  # lazy: slow to import, needed only when writing

    wb = Workbook()
    ws = wb.active
    ws.title = "比选 Summary"
    _summary(ws, result)
    _fit(wb, result)
    _technical(wb.create_sheet("技术 Technical"), result)
    _life_cycle(wb.create_sheet("全寿命 LCC"), result)
    if result.tender is not None:
        _tender(wb.create_sheet("评分 Tender"), result.tender)
    _sheet(
        wb.create_sheet("假设 Assumptions"),
        ["假设与来源 Assumption and source"],
        [[a] for a in result.assumptions],
    )
    return save_workbook(wb, path)
