"""The unit proposal (方案书) for the residents' meeting.

Sections: cover; building and site; the verdict with every finding and its remedy; a
schematic plan; capital cost, subsidies and the owners' total; the per-household table
with the method and its source and a chart of shares by floor; the consent state against
the legal thresholds and what is still needed; the steps and timeline; sources.

Numbers come from the engines only (:func:`elevator_eval.suitability.assess`,
:func:`elevator_eval.consent.tally`, :func:`elevator_eval.costshare.compute_share`). A
section whose engine is not installed says so plainly; no number is ever made up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from . import labels as L
from .common import (Tr, build_pdf, content_width, esc, fmt_area, fmt_num, fmt_pct, fmt_yuan,
                     kv_table, money_column, para, para_markup, scheme_label, table,
                     today_iso, unavailable, unit_context)

# Steps and typical durations. Sources: domain reference §3.1 (construction 2–3 months,
# whole process 3–6 months; pipeline work adds 1–2 months) and §1.2 (Shanghai planning
# notice: 10 natural days of posting plus 7 days for written feedback).
TIMELINE_SOURCES = [
    ("整个流程 3–6 个月，其中施工 2–3 个月", "whole process 3–6 months, construction 2–3 months",
     "https://xinmidianti.com/content/14385.html [C]"),
    ("管线迁改可能增加 1–2 个月", "pipe relocation can add 1–2 months",
     "https://ask.nctoro.com/a179625 [C]"),
    ("规划设计方案公示 10 个自然日，另加 7 天书面反馈（上海，沪规划资源建[2020]377号）",
     "planning notice 10 natural days plus 7 days for written feedback (Shanghai, "
     "沪规划资源建[2020]377号)",
     "https://www.chacewang.com/newsdetail/news183881.html [B]"),
    ("补贴在竣工验收后拨付（北京“后补助”）", "subsidy paid after completion and inspection "
     "(Beijing post-subsidy)", "https://www.ww01.net/en/archives/70778 [B]"),
]

STEPS = [
    (("意见征询（业主表决）", "Consultation (owners' vote)"),
     ("视协商情况而定", "depends on negotiation"),
     ("按表决规则统计，签署意见征询表", "tally under the consent ruleset; signed forms")),
    (("方案公示", "Public notice of the scheme"),
     ("10 个自然日 + 7 天反馈", "10 natural days + 7 days feedback"),
     ("公示期内处理异议", "objections handled during the notice period")),
    (("施工图设计与审查", "Construction drawings and review"),
     ("含在全流程内", "within the whole process"),
     ("结构安全复核、消防与规划要求", "structural check, fire and planning rules")),
    (("施工许可与相关手续", "Permits"),
     ("含在全流程内", "within the whole process"),
     ("特种设备安装告知等", "special-equipment installation notice etc.")),
    (("管线迁改（如需要）", "Pipe relocation (if needed)"),
     ("1–2 个月", "1–2 months"), ("燃气、给水、通信等", "gas, water, telecom …")),
    (("施工安装", "Construction and installation"),
     ("2–3 个月", "2–3 months"), ("井道、电梯安装调试", "shaft, elevator installation")),
    (("竣工验收与使用登记", "Acceptance and registration"),
     ("含在全流程内", "within the whole process"),
     ("特种设备检验、使用登记", "inspection, registration for use")),
    (("补贴申领", "Subsidy claim"),
     ("验收后", "after acceptance"), ("按当地补贴规则申领", "per the local subsidy rules")),
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
    rules: Any = None          # the RuleBundle in force (elevator_eval.rulebook)
    missing: dict[str, str] = field(default_factory=dict)  # section -> reason


def gather(unit, project=None) -> ProposalData:
    """Run the engines for ``unit``. Bad input (``InputError``) propagates; an engine that
    is not installed is recorded in ``missing``."""
    from ..rulebook import resolve
    data = ProposalData(unit=unit, project=project)
    settings = project.settings if project is not None else None
    bundle = data.rules = resolve(project, unit)
    try:
        from ..suitability import assess
    except ImportError as e:
        data.missing["assessment"] = f"suitability engine not installed ({e})"
    else:
        data.assessment = assess(unit, bundle=bundle)
    try:
        from ..consent import tally
    except ImportError as e:
        data.missing["consent"] = f"consent engine not installed ({e})"
    else:
        data.consent = (data.assessment.consent if data.assessment is not None
                        and data.assessment.consent is not None
                        else tally(unit, bundle.consent))
        data.consent_rules = bundle.consent
    try:
        from ..costshare import compute_share
    except ImportError as e:
        data.missing["share"] = f"cost-sharing engine not installed ({e})"
    else:
        data.share = compute_share(unit, settings=settings)
    return data


# ------------------------------------------------------------------------------ sections

def _cover(d: ProposalData, t: Tr, width: float) -> list:
    from reportlab.platypus import PageBreak, Spacer

    unit = d.unit
    community, building, project_name = unit_context(unit, d.project)
    story = [Spacer(1, 60),
             para(t("既有住宅加装电梯", "Elevator retrofit"), "subtitle"),
             para(t("方 案 书", "Unit proposal"), "title"),
             Spacer(1, 6),
             para(unit.name or unit.id, "subtitle"),
             Spacer(1, 30)]
    pairs = [(t("单元编号", "Unit id"), unit.id)]
    if project_name:
        pairs.append((t("项目", "Project"), project_name))
    if community:
        pairs.append((t("小区", "Community"), community))
    if building:
        pairs.append((t("楼栋", "Building"), building))
    if d.assessment is not None:
        pairs.append((t("评估结论", "Verdict"),
                      t.pair((d.assessment.label_zh, d.assessment.label_en))))
    if d.consent is not None:
        pairs.append((t("表决状态", "Vote"), L.label(L.CONSENT_STATES, d.consent.state, t)))
    if d.share is not None:
        pairs += [(t("建设总费用", "Capital total"), fmt_yuan(d.share.total_yuan, symbol=True)),
                  (t("政府补贴", "Subsidies"), fmt_yuan(d.share.subsidy_yuan, symbol=True)),
                  (t("业主合计出资", "Owners' total"),
                   fmt_yuan(d.share.owners_total_yuan, symbol=True))]
    pairs += [(t("方案版本", "Scheme version"), scheme_label(unit, d.share)),
              (t("编制日期", "Date"), today_iso())]
    story.append(kv_table(pairs, width * 0.8))
    story += [Spacer(1, 30),
              para(t("本方案书由加梯评估软件根据现场调查、费用和表决数据生成，供业主协商使用；"
                     "其中的结论和金额以所列规则与数据为准，不替代设计、审查和法律意见。",
                     "Generated from the site survey, cost and vote data for the owners' "
                     "discussion. Conclusions and amounts follow the rules and data listed; "
                     "they do not replace design review or legal advice."), "small"),
              PageBreak()]
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
        (t("危险性等级", "Danger grade"),
         b.danger_grade or t("未鉴定", "never appraised")),
        (t("层高", "Floor height"), m(b.floor_height_m)),
        (t("抗震设防烈度", "Seismic intensity"),
         ns if b.seismic_intensity is None else f"{b.seismic_intensity}"),
        (t("设计使用年限", "Design life"), f"{b.design_life_years} " + t("年", "years")),
        (t("住户数", "Households"), len(d.unit.households)),
    ]
    fp = s.footprint_available_m
    pipes = s.pipes_in_footprint
    right = [
        (t("入户方式", "Entry mode"), L.label(L.ENTRY_MODES, s.entry_mode, t) or ns),
        (t("可用场地（宽×深）", "Clear space (w × d)"),
         ns if fp is None else f"{fmt_num(fp[0])} × {fmt_num(fp[1])} m"),
        (t("位于用地红线内", "Inside red line"), yn(s.inside_red_line)),
        (t("加梯后消防车道净宽", "Fire lane after"), m(s.fire_lane_width_after_m)),
        (t("距相邻建筑", "To neighbour"), m(s.distance_to_neighbour_m)),
        (t("占用私家庭院", "Private courtyard"), yn(s.occupies_private_courtyard)),
        (t("日照低于标准", "Sunlight below std"), yn(s.sunlight_below_standard)),
        (t("场地内管线", "Pipes in footprint"),
         ns if pipes is None else (t("无", "none") if not pipes else
                                   t("、", ", ").join(L.label(L.PIPES, p, t) for p in pipes))),
        (t("可挖底坑深度", "Pit depth available"), mm(s.pit_depth_available_mm)),
        (t("顶层净高", "Headroom available"), mm(s.headroom_available_mm)),
    ]
    if s.entry_mode == "flat" or s.corridor_depth_m is not None:
        right.append((t("连廊可用进深", "Corridor depth"), m(s.corridor_depth_m)))
    from reportlab.platypus import Table, TableStyle
    half = (width - 8) / 2
    grid = Table([[kv_table(left, half, 0.45), kv_table(right, half, 0.45)]],
                 colWidths=[half + 4, half + 4])
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 4)]))
    return [para(t("一、楼栋与场地概况", "1. Building and site"), "h2"), grid]


def _verdict(d: ProposalData, t: Tr, width: float) -> list:
    story = [para(t("二、评估结论", "2. Verdict"), "h2")]
    a = d.assessment
    if a is None:
        story.append(unavailable(t, "适宜性评估", "Suitability assessment",
                                 d.missing.get("assessment", "")))
        return story
    counts = a.counts
    story.append(para_markup(
        esc(t("评估结论：", "Verdict: ")) + "<b>" + esc(t.pair((a.label_zh, a.label_en)))
        + "</b>" + esc(t("。主要原因：", ". Main reason: "))
        + esc(t.pair((a.main_reason_zh, a.main_reason_en))) + "<br/>" + esc(t(f"重大干扰 {counts.get('major', 0)} 项，强干扰 {counts.get('strong', 0)} "
                          f"项，弱干扰 {counts.get('weak', 0)} 项。",
                          f"{counts.get('major', 0)} major, {counts.get('strong', 0)} strong, "
                          f"{counts.get('weak', 0)} weak factor(s)."))
        + esc(t("分类规则：任一重大干扰或两项及以上强干扰为“不适合加装”，恰一项强干扰为“较难加装”，"
                "其余为“适合加装”（上海 2020 可行性评估导则计数法）。",
                " Rule: any major or two or more strong → unsuitable; exactly one strong → "
                "difficult; otherwise suitable (Shanghai 2020 feasibility guideline).")),
        "body"))
    if a.findings:
        cite = {key: i for i, (key, _text) in enumerate(source_list(d, t), 1)}
        rows = [[t("程度", "Severity"), t("发现", "Finding"), t("如何处理", "Remedy"),
                 t("依据", "Source")]]
        for f in a.findings:
            rows.append([L.label(L.SEVERITY, f.severity, t), f.message(t.lang),
                         f.remedy(t.lang), f"[{cite[f.source]}]" if f.source in cite else ""])
        story.append(table(rows, [width * 0.11, width * 0.43, width * 0.38, width * 0.08]))
        story.append(para(t("依据编号见第八节“资料来源”。", "Source numbers refer to section 8."),
                          "tiny"))
    elif t.pair((a.main_reason_zh, a.main_reason_en)) not in (
            "未发现干扰因素", "No interference factor found"):
        story.append(para(t("未发现干扰因素。", "No interference factor found.")))
    improve = [f for f in a.findings if f.code in set(a.to_improve)]
    if improve:
        story.append(para(t("消除以下因素可改善结论：", "Removing these would improve the class: ")
                          + t("；", "; ").join(f.message(t.lang) for f in improve), "small"))
    if getattr(a, "not_surveyed", None):
        story.append(para(t("以下场地项目尚未调查，未作判断：", "Not surveyed (no finding made): ")
                          + t("、", ", ").join(a.not_surveyed), "small"))
    story.append(para(t("表决情况单独列出（第六节），不计入上述分类。",
                        "The vote is reported separately (section 6) and never folded into "
                        "the class."), "small"))
    return story


def _plan(d: ProposalData, t: Tr, width: float) -> list:
    from .plan import plan_drawing
    return [para(t("三、平面示意图", "3. Schematic plan"), "h2"),
            plan_drawing(d.unit, width, 250, t.lang)]


def _costs(d: ProposalData, t: Tr, width: float) -> list:
    story = [para(t("四、费用与补贴", "4. Costs and subsidies"), "h2")]
    unit = d.unit
    rows = [[t("建设费用项目", "Capital cost line"), t("金额（元）", "Amount (yuan)")]]
    for key, amount in unit.costs.items_yuan.items():
        rows.append([L.label(L.COST_ITEMS, key, t), fmt_yuan(amount)])
    if not unit.costs.items_yuan and unit.costs.total_yuan_given is not None:
        rows.append([t("总价（未分项）", "Total (not itemised)"),
                     fmt_yuan(unit.costs.total_yuan_given)])
    s = d.share
    if s is None:
        rows.append([t("合计", "Total"), fmt_yuan(unit.costs.total_yuan)])
        story.append(table(rows, [width * 0.6, width * 0.4], align_right_cols=[1]))
        story.append(unavailable(t, "补贴与分摊", "Subsidies and shares", d.missing.get("share", "")))
        return story
    rows.append([t("建设费用合计", "Capital total"), fmt_yuan(s.total_yuan)])
    for line in s.subsidy_lines:
        title = t.pair((line.title_zh, line.title_en))
        note = t.pair((line.note_zh, line.note_en)) if (line.note_zh or line.note_en) else ""
        rows.append([t("减：", "less: ") + title + (f"（{note}）" if note and t.lang == "zh"
                                                   else (f" ({note})" if note else "")),
                     "−" + fmt_yuan(line.amount_yuan)])
    rows.append([t("补贴合计", "Subsidies total"), "−" + fmt_yuan(s.subsidy_yuan)])
    rows.append([t("业主合计出资", "Owners' total"), fmt_yuan(s.owners_total_yuan)])
    from reportlab.lib import colors
    n = len(rows)
    story.append(table(rows, [width * 0.6, width * 0.4], align_right_cols=[1], extra_style=[
        ("BACKGROUND", (0, n - 1), (-1, n - 1), colors.HexColor("#FFF2CC"))]))
    if unit.costs.annual_om_yuan:
        rows2 = [[t("年度运行费用", "Yearly running cost"), t("金额（元/年）", "yuan per year")]]
        for key, amount in unit.costs.annual_om_yuan.items():
            rows2.append([L.label(L.ANNUAL_ITEMS, key, t), fmt_yuan(amount)])
        rows2.append([t("合计", "Total"), fmt_yuan(s.annual_running_total_yuan)])
        from reportlab.platypus import Spacer
        story += [Spacer(1, 6), table(rows2, [width * 0.6, width * 0.4], align_right_cols=[1])]
    return story


def _households(d: ProposalData, t: Tr, width: float) -> list:
    from reportlab.platypus import KeepTogether, Spacer

    heading = para(t("五、分户出资明细", "5. Per-household shares"), "h2")
    s = d.share
    if s is None:
        return [heading, unavailable(t, "分户分摊", "Household shares",
                                     d.missing.get("share", ""))]
    method_line = para(
        t(f"分摊方法：{s.method_title_zh}。依据：{method_source_zh(d, t)}。"
          f"金额精确到 {fmt_yuan(s.rounding_yuan)} 元，各户合计恰等于业主合计出资；"
          "零头按最大余数法分配，同等时先给较高楼层。",
          f"Method: {s.method_title_en}. Source: {s.method_source}. Shares are multiples of "
          f"{fmt_yuan(s.rounding_yuan)} yuan and add up exactly to the owners' total "
          "(largest remainder; ties to the higher floor)."), "small")
    with_comp = any(h.compensation_yuan for h in s.households)
    head = [t("门牌", "Door"), t("楼层", "Floor"), t("面积 ㎡", "Area m²"),
            t("出资（元）", "Share (yuan)"), t("占比", "Of total")]
    if with_comp:
        head.append(t("其中补偿", "Incl. compensation"))
    head += [t("公积金", "Provident fund"), t("维修资金", "Maint. fund"),
             t("自付", "Net cash"), t("年运行费", "Yearly running"),
             t("10 年合计", "10-year total")]
    total = s.owners_total_yuan
    hs = sorted(s.households, key=lambda h: (-h.floor, h.id))

    def col(getter):
        values = [getter(h) for h in hs]
        return money_column(values + [sum(values, Decimal(0))])

    pct = [fmt_pct(Fraction(h.share_yuan) / Fraction(total), 2) if total else "—" for h in hs]
    pct.append("100.00%" if total else "—")
    columns = [[h.id for h in hs] + [t("合计", "Total")],
               [str(h.floor) for h in hs] + [""],
               [fmt_area(h.area_m2) for h in hs]
               + [fmt_area(sum((h.area_m2 for h in hs), Decimal(0)))],
               col(lambda h: h.share_yuan), pct]
    if with_comp:
        columns.append(col(lambda h: h.compensation_yuan))
    columns += [col(lambda h: h.provident_fund_yuan), col(lambda h: h.maintenance_fund_yuan),
                col(lambda h: h.net_out_of_pocket_yuan), col(lambda h: h.annual_running_yuan),
                col(lambda h: h.share_yuan + h.running_10y_yuan)]
    rows = [head] + [list(r) for r in zip(*columns)]
    ncol = len(head)
    fixed = [0.075, 0.06, 0.09]
    rest = (1 - sum(fixed)) / (ncol - 3)
    widths = [width * f for f in fixed] + [width * rest] * (ncol - 3)
    from reportlab.lib import colors
    # heading, method and table stay together: a heading alone at a page foot helps nobody
    story = [KeepTogether([heading, method_line, table(
        rows, widths, align_right_cols=range(2, ncol), extra_style=[
            ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1),
             colors.HexColor("#FFF2CC"))])])]
    notes = [t("“10 年合计”= 建设出资 + 10 年运行费", "10-year total = capital share + 10 years "
               "of running cost")]
    if s.discount_rate is not None:
        notes.append(t(f"运行费按年折现率 {fmt_num(s.discount_rate)} 折现",
                       f"running cost discounted at {fmt_num(s.discount_rate)} per year"))
    if s.running_method and s.running_method != s.method:
        from ..costshare import METHOD_INFO
        info = METHOD_INFO.get(s.running_method)
        if info:
            notes.append(t(f"运行费按“{info['title_zh']}”分摊", f"running cost split by "
                           f"{info['title_en']}"))
    story.append(para(t("；", "; ").join(notes) + t("。", "."), "small"))
    for w in s.warnings:
        story.append(para(t("注意：", "Note: ") + t.bilingual(str(w)), "small"))
    from .charts import shares_by_floor_drawing
    story.append(Spacer(1, 4))
    story.append(KeepTogether([shares_by_floor_drawing(s, width, width * 0.42, t.lang)]))
    return story


def _ratio_text(r: Fraction | None) -> str:
    if r is None:
        return "—"
    return f"{r.numerator}/{r.denominator}"


def _owner_doors(unit) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for h in unit.households:
        out.setdefault(h.owner_id, []).append(h.id)
    return out


def owners_as_doors(text: str, doors: dict[str, list[str]]) -> tuple[str, set[str]]:
    """Replace owner ids in an engine message by the owner's door numbers.

    ``"除非业主 DH-1-3-O101 改投同意票"`` → ``"除非业主 101 改投同意票"``: a resident knows the
    door, not the id. Returns the text and the owner ids that were named.
    """
    named: set[str] = set()
    for oid in sorted(doors, key=len, reverse=True):
        if oid and oid in text:
            text = text.replace(oid, "/".join(doors[oid]))
            named.add(oid)
    return text, named


def _consent(d: ProposalData, t: Tr, width: float) -> list:
    story = [para(t("六、表决情况", "6. Consent"), "h2")]
    c = d.consent
    if c is None:
        story.append(unavailable(t, "表决统计", "Vote tally", d.missing.get("consent", "")))
        return story
    r = d.consent_rules
    title = c.ruleset_title_zh if t.lang == "zh" else c.ruleset_title_en
    story.append(para(t(f"表决规则：{title or c.ruleset}", f"Ruleset: {title or c.ruleset}"),
                      "small"))
    ge = "≥"
    pr = getattr(r, "participation_ratio", None)
    ar = getattr(r, "approval_ratio", None)
    p_inc = getattr(r, "participation_inclusive", True)
    a_inc = getattr(r, "approval_inclusive", True)
    base_all = getattr(r, "approval_base", "participating") == "all"

    def ok(v):
        return t("满足", "met") if v else t("未满足", "not met")

    # with nobody taking part the approval tests hold vacuously; "met" would mislead
    nobody = t("无人参与表决", "nobody voted")

    def frac(part, whole):
        return f"{fmt_pct(Fraction(part) / Fraction(whole), 1)}" if whole else "—"

    area_base = c.area_total_m2 if base_all else c.area_taking_part_m2
    head_base = c.heads_total if base_all else c.heads_taking_part
    base_zh = "全体" if base_all else "参与表决"
    base_en = "all owners" if base_all else "participants"
    rows = [[t("条件", "Test"), t("要求", "Required"), t("当前", "Now"), t("结果", "Result")]]
    if pr is not None:
        rel = ge if p_inc else ">"
        rows.append([t("参与表决的专有面积", "Area taking part"),
                     f"{rel} {_ratio_text(pr)} " + t("总面积", "of total"),
                     f"{fmt_area(c.area_taking_part_m2)} / {fmt_area(c.area_total_m2)} {t.m2} "
                     f"({frac(c.area_taking_part_m2, c.area_total_m2)})",
                     ok(c.participation_area_ok)])
        rows.append([t("参与表决的人数", "Heads taking part"),
                     f"{rel} {_ratio_text(pr)} " + t("总人数", "of all"),
                     f"{c.heads_taking_part} / {c.heads_total} "
                     f"({frac(c.heads_taking_part, c.heads_total)})",
                     ok(c.participation_headcount_ok)])
    rel = ge if a_inc else ">"
    rows.append([t("同意的专有面积", "Area voting yes"),
                 f"{rel} {_ratio_text(ar)} " + t(base_zh + "面积", "of " + base_en),
                 f"{fmt_area(c.area_yes_m2)} / {fmt_area(area_base)} {t.m2} "
                 f"({frac(c.area_yes_m2, area_base)})",
                 ok(c.approval_area_ok) if area_base else nobody])
    rows.append([t("同意的人数", "Heads voting yes"),
                 f"{rel} {_ratio_text(ar)} " + t(base_zh + "人数", "of " + base_en),
                 f"{c.heads_yes} / {head_base} ({frac(c.heads_yes, head_base)})",
                 ok(c.approval_headcount_ok) if head_base else nobody])
    doors = _owner_doors(d.unit)

    def door_list(owner_ids):
        return t("、", ", ").join("/".join(doors.get(o, [o])) for o in owner_ids)

    if getattr(r, "exclusive_part_veto", True):
        rows.append([t("专有部分受影响业主同意", "Affected owners agree"),
                     t("须全部同意", "all must agree"),
                     t("未同意：", "not yet: ") + door_list(c.blocking) if c.blocking
                     else t("无未同意者", "none outstanding"), ok(not c.blocking)])
    if getattr(r, "no_objection_required", False):
        rows.append([t("无明确反对", "No explicit objection"), t("无人反对", "no 'no' vote"),
                     door_list(c.objecting) or t("无", "none"), ok(c.objection_ok)])
    story.append(table(rows, [width * 0.24, width * 0.24, width * 0.36, width * 0.16]))
    state = L.label(L.CONSENT_STATES, c.state, t)
    story.append(para(t(f"同意 {c.heads_yes} 户、反对 {c.heads_no} 户、弃权 {c.heads_abstain} 户、"
                        f"未参与 {c.heads_total - c.heads_taking_part} 户（按业主计）。结论：{state}。",
                        f"Yes {c.heads_yes}, no {c.heads_no}, abstain {c.heads_abstain}, not "
                        f"taking part {c.heads_total - c.heads_taking_part} (owners). "
                        f"State: {state}."), "body"))
    n = c.needed
    if n is not None:
        reason, named = owners_as_doors(n.reason_zh if t.lang == "zh" else n.reason_en,
                                        doors)
        text = t(f"尚需：{reason}", f"Still needed: {reason}")
        if n.owners and not set(n.owners) <= named:
            text += t(f"（例如以下住户同意：{door_list(n.owners)}）",
                      f" (for example: {door_list(n.owners)})")
        story.append(para(text, "body"))
    story.append(para(t("依据：", "Source: ") + (c.ruleset_source or c.ruleset), "tiny"))
    return story


def _steps(d: ProposalData, t: Tr, width: float) -> list:
    rows = [[t("步骤", "Step"), t("典型用时", "Typical duration"), t("说明", "Notes")]]
    for i, (name, dur, note) in enumerate(STEPS, 1):
        rows.append([f"{i}. " + t.pair(name), t.pair(dur), t.pair(note)])
    story = [para(t("七、实施步骤与时间安排", "7. Steps and timeline"), "h2"),
             table(rows, [width * 0.32, width * 0.25, width * 0.43]),
             para(t("全流程通常 3–6 个月，其中施工 2–3 个月；管线迁改可能增加 1–2 个月。"
                    "公示期限以当地规定为准（上海为 10 个自然日加 7 天反馈，其他城市未查到公开规定）。",
                    "The whole process usually takes 3–6 months, construction 2–3 months; pipe "
                    "relocation can add 1–2 months. Notice periods follow local rules (Shanghai: "
                    "10 natural days plus 7 days feedback; not found for other cities)."),
                  "small")]
    return story


def method_source_zh(d: ProposalData, t: Tr) -> str:
    """The Chinese source line of the sharing method: its Chinese title, the web addresses it
    cites, and the number of the full citation in section 8."""
    s = d.share
    title = L.METHOD_SOURCES_ZH.get(s.method, "")
    cites = L.citations(s.method_source)
    number = {key: i for i, (key, _text) in enumerate(source_list(d, t), 1)}.get("method")
    text = title + ("，" + "；".join(cites) if cites else "")
    ref = f"见资料来源 [{number}]" if number else ""
    if text and ref:
        return f"{text}，{ref}"
    return text or ref or s.method_source


def suitability_ruleset_text(d: ProposalData, t: Tr) -> str:
    """Title and name of the suitability ruleset used (just the name when it cannot be
    loaded, e.g. a user ruleset no longer in the project)."""
    name = d.assessment.ruleset
    r = d.rules.suitability if d.rules is not None else None
    if r is None or r.name != name:   # the name is still a faithful citation
        return name
    title = t.pair((r.title_zh, r.title_en))
    return t(f"{title}（{name}）", f"{title} ({name})") if title else name


def source_list(d: ProposalData, t: Tr) -> list[tuple[str, str]]:
    """Every source the proposal relies on, in print order: ``(key, text)``.

    Finding sources are keyed by their text, so the verdict table can cite them as
    ``[n]``."""
    items: list[tuple[str, str]] = []
    if d.assessment is not None:
        items.append(("ruleset", t("适宜性规则：", "Suitability ruleset: ")
                      + suitability_ruleset_text(d, t)))
        for src in dict.fromkeys(f.source for f in d.assessment.findings if f.source):
            about = t("；", "; ").join(dict.fromkeys(
                f.message(t.lang) for f in d.assessment.findings if f.source == src))
            items.append((src, t(f"评估依据（{about}）：", "Finding source: ") + src))
    if d.consent is not None:
        items.append(("consent", t("表决规则：", "Consent ruleset: ")
                      + (d.consent.ruleset_source or d.consent.ruleset)))
    if d.share is not None:
        zh_title = L.METHOD_SOURCES_ZH.get(d.share.method)
        items.append(("method", t("分摊方法：", "Cost-sharing method: ")
                      + (t(f"{zh_title} — ", "") if zh_title else "") + d.share.method_source))
        for line in d.share.subsidy_lines:
            note = t.pair((line.note_zh, line.note_en))
            if note:
                items.append((f"subsidy:{line.type}", t("补贴：", "Subsidy: ") + note))
    for zh, en, url in TIMELINE_SOURCES:
        items.append((url, t("时间安排：", "Timeline: ") + t(zh, en) + " — " + url))
    return items


def _sources(d: ProposalData, t: Tr, width: float) -> list:
    story = [para(t("八、资料来源", "8. Sources"), "h2")]
    for i, (_key, text) in enumerate(source_list(d, t), 1):
        story.append(para(f"[{i}] {text}", "tiny"))
    story.append(para(t("来源质量标记：[A] 政府或官方媒体，[B] 行业媒体或官方转载，[C] 聚合或问答网站，"
                        "使用前宜与原文核对。",
                        "Source tags: [A] government or state media, [B] trade press or "
                        "official reprint, [C] aggregator or Q&A site; check against the "
                        "original before relying on it."), "tiny"))
    return story


def proposal_story(unit, project=None, lang: str = "zh", data: ProposalData | None = None
                   ) -> list:
    """The flowables of one proposal (used by :func:`build_proposal` and the batch)."""
    t = Tr(lang)
    d = data if data is not None else gather(unit, project)
    w = content_width()
    story: list = []
    story += _cover(d, t, w)
    story += _building(d, t, w)
    story += _verdict(d, t, w)
    story += _plan(d, t, w)
    story += _costs(d, t, w)
    story += _households(d, t, w)
    story += _consent(d, t, w)
    story += _steps(d, t, w)
    story += _sources(d, t, w)
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
    build_pdf(out, story, title=title,
              header_left=t("加装电梯方案书", "Elevator retrofit proposal") + " · "
              + (unit.name or unit.id),
              header_right=t("方案版本 ", "Scheme ") + scheme_label(unit, d.share), lang=lang)
