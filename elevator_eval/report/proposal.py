"""The unit proposal (方案书) for the residents' meeting.

Sections: cover; building and site; the verdict with every finding and its remedy; the
elevator specification and the entry options side by side; a schematic plan; impacts on
lower floors and how each is handled (compensation on its own line, the affected owners'
separate written consent); capital cost, subsidies and the costly remedies; the sharing
rule in full; the per-household table (contribution, compensation received, 10- and
15-year totals) with a chart; the payment schedule and fund rules; the use-and-maintenance
plan; the vote against the legal thresholds (counts, no doors); the steps and timeline; the
parties with signature and seal blocks; sources.

A Chinese proposal holds no English words and no web addresses: sources print by official
title and number, and values that are not official are labelled 经验值.

Numbers come from the engines only (:func:`elevator_eval.suitability.assess`,
:func:`elevator_eval.consent.tally`, :func:`elevator_eval.costshare.compute_share`), run
once per proposal (:func:`gather`); no number is ever made up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import fonts
from ..consent import tally
from ..costshare import compute_share
from ..rulebook import resolve
from ..suitability import assess
from . import labels as L
from .common import (
    Tr,
    content_width,
    esc,
    fmt_num,
    fmt_yuan,
    kv_table,
    para,
    para_markup,
    table,
    today_iso,
    unavailable,
    unit_context,
)
from .money_rows import owners_total_pairs
from .open_items import draft_label, draft_note, open_items
from .page_template import build_pdf
from .proposal_outline import SECTIONS, chinese_numeral, heading, section_number  # noqa: F401
from .proposal_sources import (  # noqa: F401
    source_list,
    sources_section,
    suitability_ruleset_text,
)
from .scheme_version import scheme_label

STEPS = [
    (
        ("意见征询（业主表决）", "Consultation (owners' vote)"),
        ("视协商情况而定", "depends on negotiation"),
        ("按表决规则统计，签署意见征询表", "tally under the consent ruleset; signed forms"),
    ),
    (
        ("方案公示", "Public notice of the scheme"),
        None,  # the notice period in force (_notice_duration)
        ("公示期内处理异议", "objections handled during the notice period"),
    ),
    (
        ("施工图设计与审查", "Construction drawings and review"),
        ("含在全流程内", "within the whole process"),
        ("结构安全复核、消防与规划要求", "structural check, fire and planning rules"),
    ),
    (
        ("施工许可与相关手续", "Permits"),
        ("含在全流程内", "within the whole process"),
        ("特种设备安装告知等", "special-equipment installation notice etc."),
    ),
    (
        ("管线迁改（如需要）", "Pipe relocation (if needed)"),
        ("1–2 个月", "1–2 months"),
        ("燃气、给水、通信等", "gas, water, telecom …"),
    ),
    (
        ("施工安装", "Construction and installation"),
        ("2–3 个月", "2–3 months"),
        ("井道、电梯安装调试", "shaft, elevator installation"),
    ),
    (
        ("竣工验收与使用登记", "Acceptance and registration"),
        ("含在全流程内", "within the whole process"),
        ("特种设备检验、使用登记", "inspection, registration for use"),
    ),
    (
        ("补贴申领", "Subsidy claim"),
        ("验收后", "after acceptance"),
        ("按当地补贴规则申领", "per the local subsidy rules"),
    ),
]


@dataclass
class ProposalData:
    """Everything the proposal prints, computed once (engines or their absence)."""

    unit: Any
    project: Any = None
    assessment: Any = None
    consent: Any = None
    consent_rules: Any = None
    share: Any = None
    rules: Any = None  # the RuleBundle in force (elevator_eval.rulebook)
    missing: dict[str, str] = field(default_factory=dict)  # section -> why it has no data
    open_items: list[tuple[str, str]] = field(default_factory=list)  # (zh, en) gaps


def gather(unit, project=None) -> ProposalData:
    """Run the engines for ``unit``, once. Bad input (``InputError``) propagates."""
    data = ProposalData(unit=unit, project=project)
    settings = project.settings if project is not None else None
    bundle = data.rules = resolve(project, unit)
    data.assessment = assess(unit, bundle=bundle)
    data.consent = (
        data.assessment.consent
        if data.assessment.consent is not None
        else tally(unit, bundle.consent)
    )
    data.consent_rules = bundle.consent
    data.share = compute_share(unit, settings=settings)
    data.open_items = open_items(unit)
    return data


# ------------------------------------------------------------------------------ sections


def _cover(d: ProposalData, t: Tr, width: float) -> list:
    from reportlab.platypus import PageBreak, Spacer

    unit = d.unit
    community, building, project_name = unit_context(unit, d.project)
    story = [
        Spacer(1, 60),
        para(t("既有住宅加装电梯", "Elevator retrofit"), "subtitle"),
        para(t("方 案 书", "Unit proposal"), "title"),
        Spacer(1, 6),
        para(unit.name or unit.id, "subtitle"),
        Spacer(1, 30),
    ]
    pairs = [(t("单元编号", "Unit id"), unit.id)]
    if project_name:
        pairs.append((t("项目", "Project"), project_name))
    if community:
        pairs.append((t("小区", "Community"), community))
    if building:
        pairs.append((t("楼栋", "Building"), building))
    if d.assessment is not None:
        pairs.append(
            (t("评估结论", "Verdict"), t.pair((d.assessment.label_zh, d.assessment.label_en)))
        )
    if d.consent is not None:
        pairs.append((t("表决状态", "Vote"), L.label(L.CONSENT_STATES, d.consent.state, t)))
    if d.share is not None:
        pairs += [
            (t("建设总费用", "Capital total"), fmt_yuan(d.share.total_yuan, symbol=True)),
            (t("政府补贴", "Subsidies"), fmt_yuan(d.share.subsidy_yuan, symbol=True)),
        ]
        pairs += owners_total_pairs(d.share, t)
    from .docdata import organisation

    org = organisation(d.project)
    pairs += [
        (t("组织单位", "Organiser"), org["street_office"] or "_" * 16),
        (t("编制单位", "Prepared by"), org["consultant"] or "_" * 16),
        (t("方案版本", "Scheme version"), scheme_label(unit, d.share)),
        (t("编制日期", "Date"), today_iso()),
    ]
    story.append(kv_table(pairs, width * 0.8))
    story += [Spacer(1, 30), *draft_note(d.open_items, t)]
    story += [
        para(
            t(
                "本方案书根据现场调查、费用和表决数据编制，供业主协商使用；"
                "其中的结论和金额以所列规则与数据为准，不替代设计、审查和法律意见。",
                "Generated from the site survey, cost and vote data for the owners' "
                "discussion. Conclusions and amounts follow the rules and data listed; "
                "they do not replace design review or legal advice.",
            ),
            "small",
        ),
        PageBreak(),
    ]
    return story


def _building(d: ProposalData, t: Tr, width: float) -> list:
    b = d.unit.building
    s = d.unit.site
    yn = lambda v: L.label(L.YES_NO, v, t)  # noqa: E731
    ns = t("未调查", "not surveyed")

    def m(v):
        return ns if v is None else f"{fmt_num(v)} m"

    def mm(v):
        return ns if v is None else f"{v:,} mm"

    left = [
        (t("建成年份", "Year built"), b.year_built),
        (t("地上层数", "Storeys"), b.storeys),
        (t("结构类型", "Structure"), L.label(L.STRUCTURES, b.structure, t) or ns),
        (t("危险性等级", "Danger grade"), b.danger_grade or t("未鉴定", "never appraised")),
        (t("层高", "Floor height"), m(b.floor_height_m)),
        (
            t("抗震设防烈度", "Seismic intensity"),
            ns if b.seismic_intensity is None else f"{b.seismic_intensity}",
        ),
        (t("设计使用年限", "Design life"), f"{b.design_life_years} " + t("年", "years")),
        (t("住户数", "Households"), len(d.unit.households)),
    ]
    fp = s.footprint_available_m
    pipes = s.pipes_in_footprint
    right = [
        (t("入户方式", "Entry mode"), L.label(L.ENTRY_MODES, s.entry_mode, t) or ns),
        (
            t("可用场地（宽×深）", "Clear space (w × d)"),
            ns if fp is None else f"{fmt_num(fp[0])} × {fmt_num(fp[1])} m",
        ),
        (t("位于用地红线内", "Inside red line"), yn(s.inside_red_line)),
        (t("加梯后消防车道净宽", "Fire lane after"), m(s.fire_lane_width_after_m)),
        (t("距相邻建筑", "To neighbour"), m(s.distance_to_neighbour_m)),
        (t("占用私家庭院", "Private courtyard"), yn(s.occupies_private_courtyard)),
        (t("日照低于标准", "Sunlight below std"), yn(s.sunlight_below_standard)),
        (
            t("场地内管线", "Pipes in footprint"),
            ns
            if pipes is None
            else (
                t("无", "none")
                if not pipes
                else t("、", ", ").join(L.label(L.PIPES, p, t) for p in pipes)
            ),
        ),
        (t("可挖底坑深度", "Pit depth available"), mm(s.pit_depth_available_mm)),
        (t("顶层净高", "Headroom available"), mm(s.headroom_available_mm)),
    ]
    if s.entry_mode == "flat" or s.corridor_depth_m is not None:
        right.append((t("连廊可用进深", "Corridor depth"), m(s.corridor_depth_m)))
    from reportlab.platypus import Table, TableStyle

    half = (width - 8) / 2
    grid = Table(
        [[kv_table(left, half, 0.45), kv_table(right, half, 0.45)]], colWidths=[half + 4, half + 4]
    )
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [para(heading("building", t), "h2"), grid]


def _verdict(d: ProposalData, t: Tr, width: float) -> list:
    story = [para(heading("verdict", t), "h2")]
    a = d.assessment
    if a is None:
        story.append(
            unavailable(t, "适宜性评估", "Suitability assessment", d.missing.get("assessment", ""))
        )
        return story
    counts = a.counts
    from ..language import zh_clauses

    fix = zh_clauses if t.lang == "zh" else str
    story.append(
        para_markup(
            esc(t("评估结论：", "Verdict: "))
            + "<b>"
            + esc(t.pair((a.label_zh, a.label_en)))
            + "</b>"
            + esc(t("。主要原因：", ". Main reason: "))
            + esc(t.pair((a.main_reason_zh, a.main_reason_en)))
            + "<br/>"
            + esc(
                t(
                    f"重大干扰 {counts.get('major', 0)} 项，强干扰 {counts.get('strong', 0)} "
                    f"项，弱干扰 {counts.get('weak', 0)} 项。",
                    f"Factors: {counts.get('major', 0)} major, {counts.get('strong', 0)} strong, "
                    f"{counts.get('weak', 0)} weak.",
                )
            )
            + esc(_class_rule_sentence(d.rules.suitability, t)),
            "body",
        )
    )
    if a.findings:
        cite = {key: i for i, (key, _text) in enumerate(source_list(d, t), 1)}
        rows = [
            [
                t("程度", "Severity"),
                t("发现", "Finding"),
                t("如何处理", "Remedy"),
                t("依据", "Source"),
            ]
        ]
        for f in a.findings:
            rows.append(
                [
                    L.label(L.SEVERITY, f.severity, t),
                    fix(f.message(t.lang)),
                    fix(f.remedy(t.lang)),
                    f"[{cite[f.source]}]" if f.source in cite else "",
                ]
            )
        story.append(table(rows, [width * 0.11, width * 0.43, width * 0.38, width * 0.08]))
        story.append(
            para(
                t(
                    f"依据编号见第{chinese_numeral(section_number('sources'))}节“资料来源”。",
                    f"Source numbers refer to section {section_number('sources')}.",
                ),
                "tiny",
            )
        )
    elif t.pair((a.main_reason_zh, a.main_reason_en)) not in (
        "未发现干扰因素",
        "No interference factor found",
    ):
        story.append(para(t("未发现干扰因素。", "No interference factor found.")))
    improve = [f for f in a.findings if f.code in set(a.to_improve)]
    if improve:
        story.append(
            para(
                t("消除以下因素可改善结论：", "Removing these would improve the class: ")
                + t("；", "; ").join(fix(f.message(t.lang)) for f in improve),
                "small",
            )
        )
    if getattr(a, "not_surveyed", None):
        story.append(
            para(
                t("以下场地项目尚未调查，未作判断：", "Not surveyed (no finding made): ")
                + t("、", ", ").join(L.label(L.SITE_FIELDS, k, t) for k in a.not_surveyed),
                "small",
            )
        )
    story.append(
        para(
            t(
                f"表决情况单独列出（第{chinese_numeral(section_number('consent'))}节），不计入上述分类。",
                f"The vote is reported separately (section {section_number('consent')}) "
                "and never folded into "
                "the class.",
            ),
            "small",
        )
    )
    return story


def _plan(d: ProposalData, t: Tr, width: float) -> list:
    from .plan import plan_drawing, plan_title
    from .sunlight_section import sunlight_story

    standard = d.rules.sunlight_standard.name
    return [
        para(heading("plan", t, plan_title(d.unit, t, standard)), "h2"),
        plan_drawing(d.unit, width, 250, t.lang, d.rules.suitability.checks, standard),
        *sunlight_story(d.unit, t, width, standard),
    ]


def _consent(d: ProposalData, t: Tr, width: float) -> list:
    from .votes import consent_section

    named = bool(getattr(d.consent_rules, "named_disclosure", False))
    return consent_section(d, t, width, heading=heading("consent", t), named=named)


def _notice_duration(d: ProposalData, t: Tr) -> str:
    """The posting period the unit's notice will have (the project's notice setting, else
    the document rules), with the written-feedback days after it."""
    from .docdata import notice_days_in_force

    days, feedback = notice_days_in_force(d.project)
    return t(
        f"{days} 个自然日 + {feedback} 天反馈", f"{days} natural days + {feedback} days feedback"
    )


def _steps(d: ProposalData, t: Tr, width: float) -> list:
    from .proposal_sections import remedy_items

    steps = [
        (t.pair(name), t.pair(dur) if dur else _notice_duration(d, t), t.pair(note))
        for name, dur, note in STEPS
    ]
    extra = [
        (
            t.pair((x["zh"], x["en"])) + t("（本单元需要）", " (this unit)"),
            t.pair((x["duration_zh"], x["duration_en"])),
            t.pair((x["when_zh"], x["when_en"]))
            + t("；费用待询价，计入预算", "; cost to be quoted, in the budget"),
        )
        for x in remedy_items(d)
    ]
    steps = steps[:2] + extra + steps[2:]  # before the construction drawings
    rows = [[t("步骤", "Step"), t("典型用时", "Typical duration"), t("说明", "Notes")]]
    for i, (name, dur, note) in enumerate(steps, 1):
        rows.append([f"{i}. {name}", dur, note])
    from .docdata import doc_rules

    n = doc_rules()["notice"]
    story = [
        para(heading("steps", t), "h2"),
        table(rows, [width * 0.32, width * 0.25, width * 0.43]),
        para(
            t(
                "经验值：全流程通常 3–6 个月，其中施工 2–3 个月；管线迁改可能增加 1–2 个月。"
                f"公示期限以当地规定为准（上海为 {n['days']} 个自然日加 {n['feedback_days']} "
                "天书面反馈）。",
                "Practice value: the whole process usually takes 3–6 months, construction "
                "2–3 months; pipe relocation can add 1–2 months. Notice periods follow "
                f"local rules (Shanghai: {n['days']} natural days plus "
                f"{n['feedback_days']} days of written feedback).",
            ),
            "small",
        ),
    ]
    return story


def proposal_story(unit, project=None, lang: str = "zh", data: ProposalData | None = None) -> list:
    """The flowables of one proposal (used by :func:`build_proposal` and the batch)."""
    t = Tr(lang)
    d = data if data is not None else gather(unit, project)
    w = content_width()
    story: list = []
    from . import proposal_sections as P
    from .proposal_costs import costs, households
    from .proposal_sharing import sharing_rule

    story += _cover(d, t, w)
    story += _building(d, t, w)
    story += _verdict(d, t, w)
    story += P.spec_and_entry(d, t, w, heading("spec", t))
    story += _plan(d, t, w)
    story += P.impacts(d, t, w, heading("impacts", t))
    story += costs(d, t, w)
    story += sharing_rule(d, t, w, heading("rule", t))
    story += households(d, t, w)
    story += P.payments(d, t, w, heading("payments", t))
    story += P.upkeep(d, t, w, heading("upkeep", t))
    story += _consent(d, t, w)
    story += _steps(d, t, w)
    story += P.signatures(d, t, w, heading("parties", t))
    story += sources_section(d, t, w)
    return story


def build_proposal(unit, *, project=None, lang: str = "zh", out) -> None:
    """Write the proposal (方案书) of ``unit`` as a PDF.

    Parameters
    ----------
    unit : Unit
    project : Project, optional
        For the community/building names and the project's settings (user tables).
    lang : "zh" or "en"
    out : path or binary file object

    Raises
    ------
    InputError
        When the unit's data cannot be assessed, tallied or shared (names the field).
    """
    t = Tr(lang)
    d = gather(unit, project)
    story = proposal_story(unit, project, lang, d)
    title = t("加装电梯方案书", "Elevator retrofit proposal") + " — " + (unit.name or unit.id)
    build_pdf(
        out,
        story,
        title=title,
        header_left=t("加装电梯方案书", "Elevator retrofit proposal")
        + " · "
        + (unit.name or unit.id),
        header_right=draft_label(d.open_items, t)
        + t("方案版本 ", "Scheme ")
        + scheme_label(unit, d.share),
        lang=lang,
        # every Chinese proposal prints these: its first font subsets are made once
        first_chars=fonts.proposal_characters() if lang == "zh" else "",
    )


def _class_rule_sentence(rules, t: Tr) -> str:
    """The count rule of the suitability ruleset in force, in words, with its title."""
    from ..suitability_rules import class_rule_text

    zh, en = class_rule_text(rules)
    return t(
        f"分类规则：{zh}。规则集：{rules.title_zh}。", f" Rule: {en}. Ruleset: {rules.title_en}."
    )
