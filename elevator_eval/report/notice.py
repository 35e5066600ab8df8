"""Public notice (公示) of a unit's scheme, costs and vote result.

Personal data is masked by default: owners' names print as ``张*`` and phone numbers are
left out entirely (``masked=False`` prints them, for the committee's own file).

The notice period defaults to 10 natural days plus 7 days for written feedback, the
Shanghai planning-notice practice (沪规划资源建[2020]377号, domain reference §1.2); no other
city's period was found, so both numbers are parameters.
"""

from __future__ import annotations

import datetime as _dt

from . import labels as L
from .sunlight_section import site_plan_story
from .common import (Tr, build_pdf, content_width, fmt_area, fmt_yuan, kv_table, mask_name,
                     money_column, para, scheme_label, table, unavailable, unit_context)

NOTICE_DAYS = 10
FEEDBACK_DAYS = 7
NOTICE_SOURCE = ("上海规划设计方案公示：10 个自然日，另加 7 天书面反馈（沪规划资源建[2020]377号）",
                 "Shanghai planning notice: 10 natural days plus 7 days of written feedback "
                 "(沪规划资源建[2020]377号)",
                 "https://www.chacewang.com/newsdetail/news183881.html [B]")


def notice_period(start: _dt.date, notice_days: int = NOTICE_DAYS,
                  feedback_days: int = FEEDBACK_DAYS) -> tuple[_dt.date, _dt.date, _dt.date]:
    """(first day, last day of posting, last day for written feedback).

    ``notice_days`` natural days counted from ``start`` inclusive: 10 days from 1 March end
    on 10 March; feedback runs ``feedback_days`` more days, to 17 March.
    """
    if notice_days < 1 or feedback_days < 0:
        from ..errors import InputError
        raise InputError("notice_days", "must be at least 1 (feedback days at least 0)")
    end = start + _dt.timedelta(days=notice_days - 1)
    return start, end, end + _dt.timedelta(days=feedback_days)


def _fmt_date(d: _dt.date, t: Tr) -> str:
    return t(f"{d.year}年{d.month}月{d.day}日", d.isoformat())


def build_notice(unit, *, project=None, lang: str = "zh", out, masked: bool = True,
                 start: _dt.date | None = None, notice_days: int = NOTICE_DAYS,
                 feedback_days: int = FEEDBACK_DAYS) -> None:
    """Write the public notice of ``unit``.

    Parameters
    ----------
    unit : Unit
    project : Project, optional
    lang : "zh" or "en"
    out : path or binary file object
    masked : bool
        Mask names (``张*``) and leave out phone numbers (default). ``False`` prints both.
    start : date, optional
        First day of posting (today by default).
    notice_days, feedback_days : int
        Posting period and the written-feedback period after it [days].
    """
    from .proposal import _consent, gather

    t = Tr(lang)
    width = content_width()
    d = gather(unit, project)
    first, last, feedback = notice_period(start or _dt.date.today(), notice_days, feedback_days)
    community, building, project_name = unit_context(unit, project)
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from .common import esc, styles
    # a little tighter than the other documents' title: the notice is posted as one sheet
    title_style = ParagraphStyle("ee-notice-title", parent=styles()["title"], fontSize=21,
                                 leading=27, spaceAfter=4)
    story = [Paragraph(esc(t("既有住宅加装电梯方案公示", "Public notice: elevator retrofit scheme")),
                       title_style),
             para(unit.name or unit.id, "subtitle")]
    left = [(t("单元编号", "Unit"), unit.id)]
    if community:
        left.append((t("小区 / 楼栋", "Community / building"), f"{community} {building}".strip()))
    left += [
        (t("公示期", "Notice period"),
         t(f"{_fmt_date(first, t)} 至 {_fmt_date(last, t)}（{notice_days} 个自然日）",
           f"{_fmt_date(first, t)} to {_fmt_date(last, t)} ({notice_days} natural days)")),
        (t("书面反馈截止", "Written feedback until"), _fmt_date(feedback, t)),
        (t("方案版本", "Scheme version"), scheme_label(unit, d.share)),
    ]
    s = d.share
    right = []
    if s is not None:
        right = [(t("建设总费用", "Capital total"), fmt_yuan(s.total_yuan, symbol=True)),
                 (t("政府补贴", "Subsidies"), fmt_yuan(s.subsidy_yuan, symbol=True)),
                 (t("业主合计出资", "Owners' total"), fmt_yuan(s.owners_total_yuan, symbol=True)),
                 (t("分摊方法", "Method"), t.pair((s.method_title_zh, s.method_title_en))),
                 (t("年运行费合计", "Yearly running total"),
                  fmt_yuan(s.annual_running_total_yuan, symbol=True))]
    # two columns side by side keep the notice on one sheet for a usual unit
    from reportlab.platypus import Table, TableStyle
    half = (width - 6) / 2
    if right:
        grid = Table([[kv_table(left, half, 0.4), kv_table(right, half, 0.4)]],
                     colWidths=[half + 3, half + 3])
        grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        story.append(grid)
    else:
        story.append(kv_table(left, width, 0.26))
    if d.assessment is not None:
        story.append(kv_table([(t("适宜性评估", "Suitability"),
                                t.pair((d.assessment.label_zh, d.assessment.label_en)) + " — "
                                + t.pair((d.assessment.main_reason_zh,
                                          d.assessment.main_reason_en)))], width, 0.2))

    story.append(para(t("各户出资与表决", "Shares and votes per household"), "h2"))
    hs = sorted(unit.households, key=lambda h: (-h.floor, h.id))
    head = [t("门牌", "Door"), t("楼层", "Floor"), t("面积 ㎡", "Area m²"), t("业主", "Owner")]
    if not masked:
        head.append(t("联系电话", "Phone"))
    head += [t("建设出资（元）", "Share (yuan)"), t("年运行费（元）", "Yearly (yuan)"),
             t("表决意见", "Vote")]
    if s is not None:
        shares = money_column([s.household(h.id).share_yuan for h in hs])
        running = money_column([s.household(h.id).annual_running_yuan for h in hs])
    else:
        shares = running = [t("不可用", "n/a")] * len(hs)
    rows = [head]
    for i, h in enumerate(hs):
        name = h.owner_name if not masked else mask_name(h.owner_name)
        row = [h.id, str(h.floor), fmt_area(h.area_m2), name]
        if not masked:
            row.append(h.contact)
        row += [shares[i], running[i], L.label(L.VOTES, h.vote, t)]
        rows.append(row)
    if masked:
        widths = [0.1, 0.08, 0.12, 0.2, 0.18, 0.17, 0.15]
    else:
        widths = [0.08, 0.06, 0.1, 0.15, 0.17, 0.14, 0.14, 0.16]
    story.append(table(rows, [width * w for w in widths], align_right_cols=[2, len(head) - 3,
                                                                             len(head) - 2],
                       extra_style=[("TOPPADDING", (0, 0), (-1, -1), 1.5),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    if s is None:
        story.append(unavailable(t, "费用分摊", "Cost sharing", d.missing.get("share", "")))
    if masked:
        story.append(para(t("为保护个人信息，业主姓名仅显示姓氏，联系电话不予公示。",
                            "Personal data protected: only the first character of each name "
                            "is shown; phone numbers are not published."), "tiny"))
    story.append(para(t("表决结果", "Vote result"), "h2"))
    tight = TableStyle([("TOPPADDING", (0, 0), (-1, -1), 1.5),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])
    for flowable in _consent(d, t, width)[1:]:  # the proposal's tally without its heading
        if isinstance(flowable, Table):
            flowable.setStyle(tight)
        story.append(flowable)
    story.append(para(t("异议与反馈", "Objections and feedback"), "h2"))
    story.append(para(
        t(f"对本方案有异议的，请于 {_fmt_date(feedback, t)} 前以书面形式向社区居委会或街道加装电梯"
          "工作组反馈，并写明门牌号、理由和联系方式。公示期满无异议或异议已妥善处理的，进入施工图设计"
          "和报批程序。",
          f"Objections in writing to the residents' committee or the street office's "
          f"elevator team by {_fmt_date(feedback, t)}, stating door number, reasons and "
          "contact. After the notice period, with no objection or objections resolved, the "
          "scheme goes to detailed design and permits."), "body"))
    story.append(para(t("受理单位：________________________　　联系电话：________________",
                        "Contact office: ________________________    Phone: ________________"),
                      "body"))
    story.append(para(t("公示期依据：", "Notice period: ") + t.pair(NOTICE_SOURCE[:2]) + " — "
                      + NOTICE_SOURCE[2] + t("。其他城市的公示期限以当地规定为准。",
                                             ". Other cities: follow the local rule."), "tiny"))
    story += site_plan_story(unit, t, width)  # annex sheet: the site plan to scale
    title = t("加装电梯方案公示", "Public notice") + " — " + (unit.name or unit.id)
    build_pdf(out, story, title=title,
              header_left=t("方案公示", "Public notice") + " · " + (unit.name or unit.id),
              header_right=t("公示日期 ", "posted ") + first.isoformat(), lang=lang)

