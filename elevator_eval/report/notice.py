"""Posted notices of a unit: the scheme notice (方案公示) and the vote progress notice
(表决进展通报).

Only a unit whose vote has passed gets a 方案公示, which promises the next steps (design and
permits) once the posting period ends without objection. For any other unit
:func:`build_notice` refuses with the reason (an :class:`~elevator_eval.errors.InputError`,
exit 2 on the command line) unless ``progress=True`` asks for a 表决进展通报, which reports
the count and promises nothing.

What is posted:

- votes by door only when the unit's consent ruleset requires named disclosure
  (``named_disclosure`` in its data); otherwise the counts and areas against the legal
  thresholds; never the doors that must still agree or change their vote;
- names masked (``张*``, compound surnames whole: ``欧阳*``) and no phone number; the
  unmasked version (``masked=False``) is titled and marked 内部资料，不得张贴;
- the posting dates (start and period settable: argument, else ``settings["notice"]``,
  else today and the period of the document rules data), the 表决统计截至 date (the latest
  vote recorded), the organiser, contact, address, seal and date block from the
  organisation profile (blanks to fill in by hand when absent), and the plan drawing;
- body text and tables at 10 pt or more.
"""

from __future__ import annotations

import datetime as _dt

from ..errors import InputError
from ..language import zh_clauses
from . import proposal
from .common import (
    INTERNAL_EN,
    INTERNAL_ZH,
    Tr,
    content_width,
    esc,
    fmt_area,
    fmt_yuan,
    internal_mark,
    kv_table,
    money_column,
    para,
    styles,
    table,
    unavailable,
    unit_context,
)
from .docdata import doc_rules, notice_days_in_force, notice_settings, organisation, stats_date
from .masking import mask_name
from .money_rows import owners_total_pairs
from .page_template import build_pdf
from .plan import plan_drawing, plan_title
from .scheme_version import scheme_label
from .votes import consent_section

BODY_PT = 10.5
"""Text size of the notice's body and tables [pt]: read from a notice board."""

CELL_CHARS = {"door": 40, "name": 120, "contact": 60}
"""Longest door, name and phone text printed in the notice's table (cut with "…"): a row
of the large type must still fit one page."""


def _cut(text, key: str) -> str:
    text = "" if text is None else str(text)
    n = CELL_CHARS[key]
    return text if len(text) <= n else text[:n] + "…"


def notice_days_default() -> tuple[int, int]:
    """(posting days, written-feedback days) of the document rules data."""
    n = doc_rules()["notice"]
    return int(n["days"]), int(n["feedback_days"])


def notice_period(
    start: _dt.date, notice_days: int | None = None, feedback_days: int | None = None
) -> tuple[_dt.date, _dt.date, _dt.date]:
    """(first day, last day of posting, last day for written feedback).

    ``notice_days`` natural days counted from ``start`` inclusive: 10 days from 1 March end
    on 10 March; feedback runs ``feedback_days`` more days, to 17 March. Both default to
    the document rules data.
    """
    d_days, d_feedback = notice_days_default()
    notice_days = d_days if notice_days is None else notice_days
    feedback_days = d_feedback if feedback_days is None else feedback_days
    if notice_days < 1 or feedback_days < 0:
        raise InputError("--notice-days", "must be at least 1 (feedback days at least 0)")
    end = start + _dt.timedelta(days=notice_days - 1)
    return start, end, end + _dt.timedelta(days=feedback_days)


def _check_period(unit, start: _dt.date, days: int, start_field: str, days_field: str) -> None:
    """A notice is posted for no fewer days than the document rules' notice period, and
    not before the last vote it counts was cast (it would print votes from after its own
    date).

    Raises
    ------
    InputError
        naming the option or setting the start or the length came from.
    """
    least, _feedback = notice_days_default()
    if doc_rules()["notice"].get("official") and days < least:
        raise InputError(
            days_field,
            f"must be at least {least} natural days (the document rules' notice period), "
            f"got {days}",
        )
    last_vote = stats_date(unit)
    if last_vote and start.isoformat() < last_vote:
        raise InputError(
            start_field,
            f"must not be before the last vote counted ({last_vote}), got {start.isoformat()}",
        )


def fmt_date(d: _dt.date | str, t: Tr) -> str:
    if isinstance(d, str):
        d = _dt.date.fromisoformat(d[:10])
    return t(f"{d.year}年{d.month}月{d.day}日", d.isoformat())


def refusal(unit, d, t: Tr) -> str | None:
    """Why ``unit`` cannot have a 方案公示 (``None`` when its vote passed)."""
    from . import labels as L

    c = d.consent
    if c is None:
        return t("表决统计不可用，不能出方案公示", "the vote tally is not available")
    if c.passed:
        return None
    state = L.label(L.CONSENT_STATES, c.state, t)
    return t(
        f"单元 {unit.id} 的表决尚未通过（{state}），不能出方案公示；"
        "可改出表决进展通报（命令行 --progress，窗口中选“表决进展通报”）",
        f"the vote of unit {unit.id} has not passed ({state}); a scheme notice is only "
        "for a passed vote — make a vote progress notice instead (--progress on the "
        "command line, 'Vote progress notice' in the window)",
    )


def _blank(text: str, n: int = 16) -> str:
    return text or "_" * n


def organiser_block(
    project, t: Tr, date: _dt.date, size: float = BODY_PT, *, seal: bool = True
) -> list:
    """组织单位 / contact / address lines and the seal and date block (blanks when unset;
    no seal block when ``seal`` is false)."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer

    from .common import esc, sized

    org = organisation(project)
    lines = [
        t("组织单位：", "Organiser: ") + _blank(org["street_office"], 24),
        t("受理地点：", "Where to reply: ") + _blank(org["address"], 24),
        t("联系人：", "Contact: ")
        + _blank(org["contact_person"], 10)
        + "　　"
        + t("联系电话：", "Phone: ")
        + _blank(org["contact_phone"], 14),
    ]
    if org["consultant"]:
        lines.append(t("技术咨询单位：", "Consultant: ") + org["consultant"])
    story = [para(x, "body", size) for x in lines]
    if not seal:
        return story
    right = ParagraphStyle("ee-sign-right", parent=sized("body", size), alignment=TA_RIGHT)
    seal_text = org["seal_text"] or org["street_office"]
    story += [
        Spacer(1, 18),  # room for the seal over the name and date
        Paragraph(esc(_blank(seal_text, 20) + t("（盖章）", " (seal)")), right),
        Paragraph(esc(fmt_date(date, t)), right),
    ]
    return story


def _votes_table(unit, d, t: Tr, width: float, *, masked: bool, named: bool) -> list:
    from . import labels as L

    s = d.share
    hs = sorted(unit.households, key=lambda h: (-h.floor, h.id))
    head = [t("门牌", "Door"), t("楼层", "Floor"), t("面积 ㎡", "Area m²")]
    if not masked:
        head += [t("业主", "Owner"), t("联系电话", "Phone")]
    elif named:
        head.append(t("业主", "Owner"))
    head += [t("建设出资（元）", "Share (yuan)"), t("年运行费（元）", "Yearly (yuan)")]
    if named or not masked:
        head.append(t("表决意见", "Vote"))
    if s is not None:
        from .money_rows import display_shares

        paid, received = display_shares(s)
        by_id = {h.id: i for i, h in enumerate(s.households)}
        # with the total last, aligned with the households' amounts
        shares = money_column([paid[by_id[h.id]] for h in hs] + [sum(paid)])
        running = money_column(
            [s.household(h.id).annual_running_yuan for h in hs] + [s.annual_running_total_yuan]
        )
        comp = {h.id: received[by_id[h.id]] for h in hs}
    else:
        shares = running = [t("不可用", "n/a")] * (len(hs) + 1)
        comp = {}
    rows = [head]
    for i, h in enumerate(hs):
        row = [_cut(h.id, "door"), str(h.floor), fmt_area(h.area_m2)]
        if not masked:
            row += [_cut(h.owner_name, "name"), _cut(h.contact, "contact")]
        elif named:
            row.append(mask_name(h.owner_name))
        cell = shares[i]
        if comp.get(h.id):
            cell += t(
                f"（获得补偿 ¥{fmt_yuan(comp[h.id])}）", f" (receives ¥{fmt_yuan(comp[h.id])})"
            )
        row += [cell, running[i]]
        if named or not masked:
            row.append(L.label(L.VOTES, h.vote, t))
        rows.append(row)
    total = [t("合计", "Total"), "", fmt_area(sum(h.area_m2 for h in hs))]
    total += [""] * (len(head) - len(total) - 2 - (1 if named or not masked else 0))
    total += [shares[-1], running[-1]] + ([""] if named or not masked else [])
    rows.append(total)
    fixed = {
        t("门牌", "Door"): 0.08,
        t("楼层", "Floor"): 0.07,
        t("面积 ㎡", "Area m²"): 0.11,
        t("业主", "Owner"): 0.12,
        t("联系电话", "Phone"): 0.17,
        t("表决意见", "Vote"): 0.11,
    }
    rest = (1 - sum(fixed.get(h, 0) for h in head)) / sum(1 for h in head if h not in fixed)
    widths = [width * fixed.get(h, rest) for h in head]
    money_cols = [
        head.index(t("建设出资（元）", "Share (yuan)")),
        head.index(t("年运行费（元）", "Yearly (yuan)")),
    ]
    return [
        table(
            rows,
            widths,
            align_right_cols=[2] + money_cols,
            font_size=BODY_PT,
            extra_style=[
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ],
        )
    ]


def build_notice(
    unit,
    *,
    project=None,
    lang: str = "zh",
    out,
    masked: bool = True,
    start: _dt.date | None = None,
    notice_days: int | None = None,
    feedback_days: int | None = None,
    progress: bool = False,
) -> None:
    """Write the scheme notice (or the vote progress notice) of ``unit``.

    Parameters
    ----------
    unit : Unit
    project : Project, optional
        Organisation profile and ``settings["notice"]``.
    lang : "zh" or "en"
    out : path or binary file object
    masked : bool
        Mask names and leave out phone numbers (default). ``False`` prints both and marks
        the paper 内部资料，不得张贴.
    start : date, optional
        First day of posting (``settings["notice"]["start_date"]``, else today).
    notice_days, feedback_days : int, optional
        Posting period and the written-feedback period after it [days]
        (``settings["notice"]["period_days"]``, else the document rules data).
    progress : bool
        For a unit whose vote has not passed: write the 表决进展通报 instead of refusing.

    Raises
    ------
    InputError
        ``--kind``: the vote has not passed and ``progress`` is false.
    """
    t = Tr(lang)
    width = content_width()
    d = proposal.gather(unit, project)
    why = refusal(unit, d, t)
    scheme = why is None
    if not scheme and not progress:
        raise InputError("--kind notice", why)
    set_start = notice_settings(project)[0]
    start_field = "--notice-start" if start else "notice.start_date"
    start = start or set_start or _dt.date.today()
    days_field = "--notice-days" if notice_days else "notice.period_days"
    period = notice_period(start, notice_days or notice_days_in_force(project)[0], feedback_days)
    _check_period(unit, start, (period[1] - period[0]).days + 1, start_field, days_field)
    named = bool(getattr(d.consent_rules, "named_disclosure", False))
    internal = t(INTERNAL_ZH, INTERNAL_EN)

    story = _title(unit, t, scheme=scheme, internal=None if masked else internal)
    story += _facts(unit, project, d, t, width, scheme=scheme, period=period)
    story += _shares_and_votes(unit, d, t, width, scheme=scheme, masked=masked, named=named)
    standard = d.rules.sunlight_standard.name
    story.append(para(plan_title(unit, t, standard), "h2"))
    story.append(plan_drawing(unit, width, 200, t.lang, d.rules.suitability.checks, standard))
    story += _feedback(
        project,
        t,
        scheme=scheme,
        period=period,
        before_design=_before_design(d, t),
        internal=not masked,
    )
    doc_title = (
        (
            t("加装电梯方案公示", "Public notice")
            if scheme
            else t("加装电梯表决进展通报", "Vote progress report")
        )
        + " — "
        + (unit.name or unit.id)
    )
    header = t("方案公示", "Public notice") if scheme else t("表决进展通报", "Vote progress")
    if not masked:
        header = internal + " · " + header
    build_pdf(
        out,
        story,
        title=doc_title,
        header_left=header + " · " + (unit.name or unit.id),
        header_right=t("日期 ", "date ") + period[0].isoformat(),
        lang=lang,
    )


def _title(unit, t: Tr, *, scheme: bool, internal: str | None) -> list:
    """The title (scheme notice or vote progress report), marked when ``internal``."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    title_style = ParagraphStyle(
        "ee-notice-title", parent=styles()["title"], fontSize=21, leading=27, spaceAfter=4
    )
    if scheme:
        title = t("既有住宅加装电梯方案公示", "Public notice: elevator retrofit scheme")
    else:
        title = t("既有住宅加装电梯表决进展通报", "Elevator retrofit: vote progress report")
    story = []
    if internal is not None:
        story.append(internal_mark(t))
        title += t("（内部资料）", " (internal)")
    return story + [Paragraph(esc(title), title_style), para(unit.name or unit.id, "subtitle")]


def _facts(unit, project, d, t: Tr, width: float, *, scheme: bool, period) -> list:
    """Unit, dates and scheme version beside the money figures; the assessment below."""
    from reportlab.platypus import Table, TableStyle

    first, last, feedback = period
    n_days = (last - first).days + 1
    community, building, _project_name = unit_context(unit, project)
    votes_as_of = stats_date(unit)
    left = [(t("单元编号", "Unit"), unit.id)]
    if community:
        left.append((t("小区 / 楼栋", "Community / building"), f"{community} {building}".strip()))
    if scheme:
        left += [
            (
                t("公示期", "Notice period"),
                t(
                    f"{fmt_date(first, t)} 至 {fmt_date(last, t)}（{n_days} 个自然日）",
                    f"{fmt_date(first, t)} to {fmt_date(last, t)} ({n_days} natural days)",
                ),
            ),
            (t("书面反馈截止", "Written feedback until"), fmt_date(feedback, t)),
        ]
    else:
        left.append((t("通报日期", "Date"), fmt_date(first, t)))
    left += [
        (
            t("表决统计截至", "Votes counted up to"),
            fmt_date(votes_as_of, t)
            if votes_as_of
            else (
                t("表决日期未登记", "vote dates not recorded")
                if any(h.vote for h in unit.households)
                else t("尚无表决记录", "no vote yet")
            ),
        ),
        (t("方案版本", "Scheme version"), scheme_label(unit, d.share)),
    ]
    s = d.share
    right = []
    if s is not None:
        right = [
            (t("建设总费用", "Capital total"), fmt_yuan(s.total_yuan, symbol=True)),
            (t("政府补贴", "Subsidies"), fmt_yuan(s.subsidy_yuan, symbol=True)),
            *owners_total_pairs(s, t),
            (t("分摊方法", "Method"), t.pair((s.method_title_zh, s.method_title_en))),
            (
                t("年运行费合计", "Yearly running total"),
                fmt_yuan(s.annual_running_total_yuan, symbol=True),
            ),
        ]
    half = (width - 6) / 2
    if right:
        grid = Table(
            [[kv_table(left, half, 0.33, BODY_PT), kv_table(right, half, 0.4, BODY_PT)]],
            colWidths=[half + 3, half + 3],
        )
        grid.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        story = [grid]
    else:
        story = [kv_table(left, width, 0.26, BODY_PT)]
    if d.assessment is not None:
        story.append(
            kv_table(
                [
                    (
                        t("适宜性评估", "Suitability"),
                        t.pair((d.assessment.label_zh, d.assessment.label_en))
                        + t("：", ": ")
                        + zh_clauses(
                            t.pair((d.assessment.main_reason_zh, d.assessment.main_reason_en))
                        ),
                    )
                ],
                width,
                0.2,
                BODY_PT,
            )
        )
    return story


def _shares_and_votes(
    unit, d, t: Tr, width: float, *, scheme: bool, masked: bool, named: bool
) -> list:
    """The per-household table, what is left out to protect personal data, the vote."""
    heading = (
        t("各户出资与表决", "Shares and votes per household")
        if (named or not masked)
        else t("各户出资", "Shares per household")
    )
    if not scheme:  # the scheme has not been approved: the shares are what it proposes
        heading = (
            heading.replace("出资", "拟出资")
            if t.lang == "zh"
            else heading.replace("Shares", "Proposed shares")
        )
    story = [para(heading, "h2")]
    story += _votes_table(unit, d, t, width, masked=masked, named=named)
    if d.share is None:
        story.append(unavailable(t, "费用分摊", "Cost sharing", d.missing.get("share", "")))
    if masked:
        story.append(
            para(
                t(
                    "为保护个人信息，不公示业主姓名和联系电话"
                    + ("（姓名仅显示姓氏）" if named else "")
                    + ("，也不公示各户的表决意见" if not named else "")
                    + "。",
                    "Personal data protected: no phone numbers"
                    + (
                        ", names shown by surname only"
                        if named
                        else ", no names and no household's vote"
                    )
                    + ".",
                ),
                "body",
                BODY_PT,
            )
        )
    return story + consent_section(
        d,
        t,
        width,
        heading=t("表决结果", "Vote result"),
        named=named or not masked,
        cell_size=BODY_PT,
    )


BEFORE_DESIGN = {
    "appraisal_required": (
        "完成房屋安全鉴定且鉴定为 A/B 级",
        "the structural safety appraisal has found grade A or B",
    ),
    "danger_grade": (
        "完成危房治理并重新鉴定为 A/B 级",
        "the building has been repaired and re-appraised as grade A or B",
    ),
}
"""Findings whose remedy must come before the detailed design, as the condition the notice
states (finding code → (zh, en))."""


def _before_design(d, t: Tr) -> str:
    """What must be done before the detailed design (from the assessment's findings), in
    the document's language, or ``""``."""
    a = d.assessment
    codes = {f.code for f in a.findings} if a is not None else set()
    return t(
        "、".join(BEFORE_DESIGN[c][0] for c in BEFORE_DESIGN if c in codes),
        " and ".join(BEFORE_DESIGN[c][1] for c in BEFORE_DESIGN if c in codes),
    )


def _feedback(
    project, t: Tr, *, scheme: bool, period, before_design: str = "", internal: bool = False
) -> list:
    """Where and until when to object, the organiser, and the notice period's basis;
    ``before_design``: what must be done before the detailed design, if anything. The
    internal paper (names unmasked) invites no objection and has no seal block: it is the
    office's record, never the paper posted."""
    first, _last, feedback = period
    if internal:
        story = [para(t("说明", "Note"), "h2")]
        story.append(
            para(
                t(
                    "本件列有业主姓名，为组织单位内部存档，不得张贴或外传；张贴请使用遮蔽姓名的"
                    "公示版本。",
                    "This paper names the owners: it is the organiser's internal record, "
                    "not to be posted or passed on; post the version with the names masked.",
                ),
                "body",
                BODY_PT,
            )
        )
        return story + organiser_block(project, t, first, seal=False)
    story = [para(t("异议与反馈", "Objections and feedback"), "h2")]
    if scheme:
        then_zh = f"，并{before_design}后" if before_design else "的"
        then_en = f", once {before_design}," if before_design else ","
        text = t(
            f"对本方案有异议的，请于 {fmt_date(feedback, t)} 前以书面形式向下列受理地点反馈，"
            "并写明门牌号、理由和联系方式。公示期满无异议或异议已妥善处理"
            f"{then_zh}，进入施工图设计和报批程序。",
            f"Objections in writing to the office below by {fmt_date(feedback, t)}, "
            "stating door number, reasons and contact. After the notice period, with no "
            f"objection or objections resolved{then_en} the scheme goes to detailed design "
            "and permits.",
        )
    else:
        text = t(
            "本通报仅说明目前的表决进展，方案尚未获得通过，不代表后续安排。对表决和方案有疑问或"
            "意见的，请向下列受理地点反映。",
            "This report only states where the vote stands; the scheme has not been "
            "approved and nothing further is decided. Questions or comments to the "
            "office below.",
        )
    story.append(para(text, "body", BODY_PT))
    story += organiser_block(project, t, first)
    if scheme:
        n = doc_rules()["notice"]
        story.append(
            para(
                t("公示期依据：", "Notice period: ")
                + t.pair((n["basis_zh"], n["basis_en"]))
                + t("。其他城市以当地规定为准。", ". Other cities: follow the local rule."),
                "small",
            )
        )
    return story
