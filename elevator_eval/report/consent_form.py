"""Consent forms (意见征询表): one page per household, pre-filled with its share.

Each page carries the scheme version (``unit.scheme_version`` plus a short hash of the costs,
subsidies, share settings and computed shares, see
:func:`~elevator_eval.report.common.scheme_label`), so that a signature is bound to the
scheme the household saw: any change to the scheme changes the printed version.
"""

from __future__ import annotations

from fractions import Fraction

from . import labels as L

from .common import (Tr, build_pdf, content_width, esc, fmt_area, fmt_pct, fmt_yuan, kv_table,
                     para, para_markup, scheme_label, styles, today_iso, unavailable,
                     unit_context)


def _checkboxes(t: Tr, width: float):
    """Three large boxes: agree / disagree / abstain (drawn shapes, not glyphs)."""
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib import colors

    from .. import fonts
    font = fonts.register_reportlab()
    d = Drawing(width, 34)
    options = [t.pair(L.VOTES[v]) for v in ("yes", "no", "abstain")]
    step = width / 3
    for i, text in enumerate(options):
        x = 20 + i * step
        d.add(Rect(x, 8, 18, 18, strokeColor=colors.black, strokeWidth=1.2, fillColor=None))
        d.add(String(x + 26, 11, text, fontName=font, fontSize=14))
    return d


def _household_page(unit, h, share, hs, version: str, t: Tr, width: float, project) -> list:
    from reportlab.platypus import Spacer

    community, building, project_name = unit_context(unit, project)
    story = [para(t("既有住宅加装电梯意见征询表", "Elevator retrofit: consent form"), "h1"),
             para(t("单元：", "Unit: ") + (unit.name or unit.id)
                  + t(f"（{unit.id}）", f" ({unit.id})"), "body")]
    if community or building:
        story.append(para(" · ".join(x for x in (project_name, community, building) if x),
                          "small"))
    story.append(para_markup(esc(t("方案版本：", "Scheme version: ")) + "<b>" + esc(version)
                             + "</b>", "body"))
    story.append(Spacer(1, 4))
    pairs = [(t("门牌号", "Door"), h.id), (t("楼层", "Floor"), str(h.floor)),
             (t("专有部分面积", "Exclusive area"), fmt_area(h.area_m2) + " " + t.m2),
             (t("业主", "Owner"), h.owner_name or "")]
    story.append(kv_table(pairs, width, 0.3))
    story.append(para(t("方案要点", "The scheme"), "h2"))
    if share is None or hs is None:
        story.append(unavailable(t, "费用分摊", "Cost sharing",
                                 t("费用分摊模块未安装，无法填入金额。",
                                   "the cost-sharing engine is not installed.")))
    else:
        pct = (fmt_pct(Fraction(hs.share_yuan) / Fraction(share.owners_total_yuan), 2)
               if share.owners_total_yuan else "—")
        pairs = [
            (t("建设总费用", "Capital total"), fmt_yuan(share.total_yuan, symbol=True)),
            (t("政府补贴", "Subsidies"), fmt_yuan(share.subsidy_yuan, symbol=True)),
            (t("业主合计出资", "Owners' total"), fmt_yuan(share.owners_total_yuan, symbol=True)),
            (t("分摊方法", "Method"), t.pair((share.method_title_zh, share.method_title_en))),
        ]
        story.append(kv_table(pairs, width, 0.3))
        story.append(para(t("本户费用", "Your household"), "h2"))
        pairs = [
            (t("本户建设出资", "Your capital share"),
             fmt_yuan(hs.share_yuan, symbol=True) + t(f"（占业主合计 {pct}）",
                                                      f" ({pct} of the owners' total)")),
        ]
        if hs.compensation_yuan:
            pairs.append((t("其中补偿", "of which compensation"),
                          fmt_yuan(hs.compensation_yuan, symbol=True)
                          + t("（负数为本户获得补偿）", " (negative: you receive it)")))
        if hs.provident_fund_yuan or hs.maintenance_fund_yuan:
            pairs.append((t("资金来源", "Funded by"),
                          t(f"公积金 {fmt_yuan(hs.provident_fund_yuan)} 元，维修资金 "
                            f"{fmt_yuan(hs.maintenance_fund_yuan)} 元，自付 "
                            f"{fmt_yuan(hs.net_out_of_pocket_yuan)} 元",
                            f"provident fund {fmt_yuan(hs.provident_fund_yuan)}, maintenance "
                            f"fund {fmt_yuan(hs.maintenance_fund_yuan)}, cash "
                            f"{fmt_yuan(hs.net_out_of_pocket_yuan)} yuan")))
        pairs += [
            (t("本户年运行费", "Your yearly running cost"),
             fmt_yuan(hs.annual_running_yuan, symbol=True) + t(" / 年", " per year")),
            (t("10 年合计（出资 + 运行）", "10-year total"),
             fmt_yuan(hs.share_yuan + hs.running_10y_yuan, symbol=True)),
        ]
        story.append(kv_table(pairs, width, 0.3))
    story.append(para(t("本户意见（请在一个方框内打“✓”）", "Your decision (tick one box)"), "h2"))
    story.append(_checkboxes(t, width))
    story.append(Spacer(1, 6))
    story.append(para(t("意见或建议：", "Comments:"), "body"))
    story.append(para("_" * 86, "body"))
    story.append(para("_" * 86, "body"))
    story.append(Spacer(1, 16))
    story.append(para(t("业主签名：______________________　　　日期：________年____月____日",
                        "Owner's signature: ______________________    Date: ____________"),
                      "box"))
    story.append(Spacer(1, 14))
    story.append(para(
        t(f"说明：本表对应方案版本 {version}。方案的费用、补贴或分摊办法如有变更，版本号随之改变，"
          "须按新方案重新征询。表决按业主计，同一业主多套住房的面积合并计算；统计办法见方案书。"
          "每户一页，以签字原件为准。",
          f"Note: this form belongs to scheme version {version}. If the costs, subsidies or "
          "the way they are shared change, the version changes and owners are asked again. "
          "Votes count per owner (several homes of one owner add their areas); the method "
          "is in the proposal. One page per household; the signed original counts."),
        "small"))
    return story


def build_consent_forms(unit, *, project=None, lang: str = "zh", out,
                        households: list[str] | None = None) -> None:
    """Write the consent forms of ``unit``: one A4 page per household.

    Parameters
    ----------
    unit : Unit
    project : Project, optional
    lang : "zh" or "en"
    out : path or binary file object
    households : list of str, optional
        Door numbers to print (all households by default).
    """
    from reportlab.platypus import PageBreak

    from ..rulebook import resolve
    t = Tr(lang)
    rules = resolve(project, unit)
    share = None
    try:
        from ..costshare import compute_share
    except ImportError:
        compute_share = None
    if compute_share is not None:
        share = compute_share(unit, settings=project.settings if project is not None else None)
    version = scheme_label(unit, share)
    width = content_width()
    styles()
    chosen = unit.households if households is None else \
        [h for h in unit.households if h.id in set(households)]
    story: list = []
    for i, h in enumerate(chosen):
        hs = None
        if share is not None:
            try:
                hs = share.household(h.id)
            except KeyError:
                hs = None
        if i:
            story.append(PageBreak())
        story += _household_page(unit, h, share, hs, version, t, width, project)
        story.append(para(t("表决规则：", "Consent ruleset: ")
                          + t.pair((rules.consent.title_zh, rules.consent.title_en)), "small"))
    if not story:
        story.append(para(t("本单元没有住户。", "This unit has no households.")))
    title = t("加装电梯意见征询表", "Consent forms") + " — " + (unit.name or unit.id)
    build_pdf(out, story, title=title,
              header_left=t("意见征询表", "Consent form") + " · " + (unit.name or unit.id),
              header_right=t("方案版本 ", "Scheme ") + version + " · " + today_iso(),
              lang=lang)

