"""Objection register (异议登记表) of one unit's public notice.

Public by default: an objector is shown by a masked name only (``张*``), never by door
number or phone, so that nobody is singled out; ``masked=False`` prints names and doors
for the street office's own file. The register states the rule that the notice stage
cannot close while any objection is without a written reply.
"""

from __future__ import annotations

from ..process.records import read_process
from .common import (
    Tr,
    content_width,
    kv_table,
    para,
    table,
    today_iso,
    unit_context,
)
from .masking import mask_name
from .page_template import build_pdf

STATUS = {
    "open": ("待答复", "awaiting reply"),
    "answered": ("已答复，处理中", "answered"),
    "resolved": ("已处理完毕", "resolved"),
}


def build_objection_register(
    unit, *, project=None, lang: str = "zh", out, masked: bool = True
) -> None:
    """Write the objection register of ``unit`` (A4, one table, one language)."""
    t = Tr(lang)
    width = content_width()
    pd = read_process(unit)
    community, building, project_name = unit_context(unit, project)
    notice = [s for s in pd.stages if s.stage == "notice"]
    story = [
        para(t("加装电梯方案公示异议登记表", "Register of objections to the notice"), "title"),
        para(unit.name or unit.id, "subtitle"),
    ]
    n = len(pd.objections)
    n_ans = sum(1 for o in pd.objections if o.status != "open")
    n_res = sum(1 for o in pd.objections if o.status == "resolved")
    pairs = [(t("单元编号", "Unit"), unit.id)]
    if community:
        pairs.append((t("小区 / 楼栋", "Community / building"), f"{community} {building}".strip()))
    pairs += [
        (
            t("公示开始日期", "Notice posted on"),
            notice[-1].entered if notice else t("尚未公示", "not yet posted"),
        ),
        (
            t("异议数量", "Objections"),
            t(
                f"共 {n} 件，已答复 {n_ans} 件，已处理完毕 {n_res} 件",
                f"{n} in all, {n_ans} answered, {n_res} resolved",
            ),
        ),
        (t("登记表日期", "Date of this register"), today_iso()),
    ]
    story.append(kv_table(pairs, width, 0.26))
    story.append(
        para(
            t(
                "全部异议书面答复之前，方案公示不得结束；全部异议处理完毕之前，"
                "不进入设计与审查阶段。",
                "The notice cannot close before every objection has a written reply, "
                "and design and review do not start before every objection is "
                "resolved.",
            ),
            "small",
        )
    )
    story.append(para(t("异议及处理情况", "Objections and how they were handled"), "h2"))
    head = [
        t("编号", "No."),
        t("收到日期", "Received"),
        t("异议人", "Raised by"),
        t("异议内容", "Objection"),
        t("答复（日期）", "Reply (date)"),
        t("协调调解", "Mediation"),
        t("处理结果（日期）", "Resolution (date)"),
        t("状态", "Status"),
    ]
    rows = [head]
    for o in pd.objections:
        who = (
            mask_name(o.name)
            if masked
            else " ".join(x for x in (o.name, f"({o.household})" if o.household else "") if x)
        )
        # the date on a line of its own: a narrow column broke it in the middle
        reply = (
            f"{o.reply}\n{t(f'（{o.reply_date}）', f'({o.reply_date})')}" if o.reply_date else "—"
        )
        res = (
            f"{o.resolution}\n{t(f'（{o.resolved_date}）', f'({o.resolved_date})')}"
            if o.resolved_date
            else "—"
        )
        rows.append(
            [
                o.id,
                o.received,
                who or t("（未署名）", "(unsigned)"),
                o.text,
                reply,
                o.mediation or "—",
                res,
                t.pair(STATUS[o.status]),
            ]
        )
    if n == 0:
        rows.append(
            ["—", "", "", t("公示期内未收到异议", "No objection was received"), "", "", "", ""]
        )
    fr = [0.09, 0.12, 0.08, 0.16, 0.17, 0.13, 0.15, 0.1]  # an id as DH11-1 on one line
    story.append(table(rows, [width * f for f in fr]))
    from reportlab.platypus import Spacer

    story.append(Spacer(1, 18))
    story.append(
        para(
            t(
                "经办人（签字）：____________    街道办事处（盖章）：____________",
                "Officer (signature): ____________    Street office (seal): ____________",
            ),
            "body",
        )
    )
    title = t("异议登记表", "Objection register")
    build_pdf(
        out,
        story,
        title=f"{title} {unit.id}",
        header_left=project_name or title,
        header_right=f"{title} · {unit.id}",
        lang=lang,
    )
