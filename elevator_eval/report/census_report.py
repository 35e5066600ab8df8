"""Street census report: every unit of a project with its class and main reason.

Counts by class and by community, two charts, and a table of every unit (community,
building, unit, year built, class, main reason, consent state). The rows come from
:func:`elevator_eval.census.census`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import citations
from ..census import census
from ..rulebook import Resolver, resolve
from ..suitability import CLASS_LABELS, CLASSES
from ..suitability_rules import class_rule_text
from . import labels as L
from .common import (
    Tr,
    content_width,
    para,
    pct_column,
    table,
    today_iso,
)
from .page_template import build_pdf


@dataclass
class _Row:
    community: str
    building: str
    unit_id: str
    unit_name: str
    year_built: int
    klass: str
    main_reason_zh: str
    main_reason_en: str
    consent_state: str | None
    consent_ruleset: str = ""
    codes: tuple[str, ...] = ()


def census_rows(project) -> list[_Row]:
    """The census rows of ``project`` (:func:`elevator_eval.census.census`)."""
    return [
        _Row(
            r.community,
            r.building,
            r.unit_id,
            r.unit_name,
            r.year_built,
            r.klass,
            r.main_reason_zh,
            r.main_reason_en,
            r.consent_state,
            r.consent_ruleset,
            tuple(r.codes),
        )
        for r in census(project).rows
    ]


def consent_rules_text(project, rows: list[_Row], t: Tr) -> str:
    """The consent rulesets the vote states were counted under, by title, with the number
    of units each."""
    resolver = Resolver(project)
    counts: dict[str, int] = {}
    for r in rows:
        if r.consent_ruleset:
            counts[r.consent_ruleset] = counts.get(r.consent_ruleset, 0) + 1
    parts = []
    for name, n in counts.items():
        rs = resolver.consent(name)
        # a ruleset's title describes it ("民法典第二百七十八条（双三分之二…）"): no title
        # marks, which belong to a document's own name
        parts.append(t(f"{rs.title_zh}，{n} 个单元", f"{rs.title_en}, {n} units"))
    return t("表决规则：", "Consent rules: ") + t("；", "; ").join(parts) if parts else ""


def unit_label(r: _Row) -> str:
    """The unit cell: its name without the community and building already in the row (so
    ``"东湖新村 1号楼 1单元"`` prints as ``"1单元"``) and its id on the next line."""
    name = (r.unit_name or "").strip()
    for prefix in (r.community, r.building):
        prefix = (prefix or "").strip()
        if prefix and name.startswith(prefix) and name[len(prefix) :].strip():
            name = name[len(prefix) :].strip()
    return f"{name}\n{r.unit_id}" if name else r.unit_id


def build_census_report(project, *, lang: str = "zh", out) -> None:
    """Write the census report of ``project`` (a street with its communities).

    Parameters
    ----------
    project : Project
    lang : "zh" or "en"
    out : path or binary file object
    """
    t = Tr(lang)
    width = content_width()
    rows = census_rows(project)
    by_class = dict.fromkeys(CLASSES, 0)
    by_community: dict[str, dict[str, int]] = {}
    for r in rows:
        by_class[r.klass] = by_class.get(r.klass, 0) + 1
        by_community.setdefault(r.community, dict.fromkeys(CLASSES, 0))
        by_community[r.community][r.klass] = by_community[r.community].get(r.klass, 0) + 1
    story = [
        para(t("既有住宅加装电梯普查报告", "Elevator retrofit census"), "title"),
        para(project.name, "subtitle"),
        para(t(f"生成日期：{today_iso()}", f"Generated {today_iso()}"), "center"),
    ]
    story += _summary(by_class, by_community, t, width)
    story += _by_community(by_community, t, width)
    story += _every_unit(rows, t, width, resolve(project, None))
    story.append(para(consent_rules_text(project, rows, t), "tiny"))
    build_pdf(
        out,
        story,
        title=t("普查报告", "Census") + " — " + project.name,
        header_left=t("加装电梯普查报告", "Elevator retrofit census") + " · " + project.name,
        header_right=today_iso(),
        lang=lang,
    )


def _summary(
    by_class: dict[str, int], by_community: dict[str, dict[str, int]], t: Tr, width: float
) -> list:
    """Section 1: units by class (shares add up to 100.0 % as printed) and two charts."""
    from reportlab.platypus import Spacer, Table, TableStyle

    from .charts import census_counts_png, census_height_in, class_totals_png, png_image

    total = sum(by_class.values())
    story = [para(t("一、总体情况", "1. Summary"), "h2")]
    summary = [[t("类别", "Class"), t("单元数", "Units"), t("占比", "Share")]]
    shares = pct_column([by_class[k] for k in CLASSES], 1)  # largest remainder, 1 decimal
    for k, share_text in zip(CLASSES, shares):
        summary.append([t.pair(CLASS_LABELS[k]), str(by_class[k]), share_text])
    summary.append([t("合计", "Total"), str(total), "100.0%" if total else "—"])
    story.append(table(summary, [width * 0.2, width * 0.12, width * 0.12], align_right_cols=[1, 2]))
    if total:
        img1 = png_image(class_totals_png(by_class, t.lang), width * 0.4, width * 0.4 * 2.4 / 3.2)
        h2 = census_height_in(len(by_community))
        img2 = png_image(
            census_counts_png(by_community, t.lang, height_in=h2),
            width * 0.56,
            width * 0.56 * h2 / 4.2,
        )
        grid = Table([[img1, img2]], colWidths=[width * 0.41, width * 0.59])
        grid.setStyle(
            TableStyle(
                [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
            )
        )
        story += [Spacer(1, 4), grid]
    return story


def _by_community(by_community: dict[str, dict[str, int]], t: Tr, width: float) -> list:
    """Section 2: units by class in each community."""
    comm = [
        [t("小区", "Community")] + [t.pair(CLASS_LABELS[k]) for k in CLASSES] + [t("合计", "Total")]
    ]
    for name, counts in by_community.items():
        comm.append([name] + [str(counts[k]) for k in CLASSES] + [str(sum(counts.values()))])
    return [
        para(t("二、分小区统计", "2. By community"), "h2"),
        table(comm, [width * 0.4] + [width * 0.15] * 4, align_right_cols=[1, 2, 3, 4]),
    ]


def _every_unit(rows: list[_Row], t: Tr, width: float, rules) -> list:
    """Section 3: one row per unit, the classification rule of the project's suitability
    ruleset and the source of every check that found something."""
    detail = [
        [
            t("小区", "Community"),
            t("楼栋", "Building"),
            t("单元", "Unit"),
            t("建成", "Built"),
            t("评估结论", "Class"),
            t("主要原因", "Main reason"),
            t("表决", "Vote"),
        ]
    ]
    for r in rows:
        detail.append(
            [
                r.community,
                r.building,
                unit_label(r),
                str(r.year_built),
                t.pair(CLASS_LABELS[r.klass]),
                t.pair((r.main_reason_zh, r.main_reason_en)),
                L.label(L.CONSENT_STATES, r.consent_state, t) if r.consent_state else "—",
            ]
        )
    return [
        para(t("三、各单元明细", "3. Every unit"), "h2"),
        table(detail, [width * w for w in (0.13, 0.1, 0.12, 0.07, 0.12, 0.32, 0.14)]),
        para(_class_rule_note(rules, t), "tiny"),
        para(_check_sources(rows, rules, t), "tiny"),
    ]


def _class_rule_note(rules, t: Tr) -> str:
    """The count rule of the project's suitability ruleset, in words."""
    zh, en = class_rule_text(rules.suitability)
    s = rules.suitability
    return t(
        f"分类依据：{zh}。规则集：{s.title_zh}。表决状态单独列出，不计入分类。",
        f"Classes: {en}. Ruleset: {s.title_en}. The vote is shown separately and never folded in.",
    )


def _check_sources(rows: list[_Row], rules, t: Tr) -> str:
    """The source of each check that found something in a unit, by title and number."""
    from ..vocabulary import pairs

    names = pairs("findings")
    data = citations.finding_sources()
    checks = rules.suitability.checks
    standard = rules.sunlight_standard.name
    by_source: dict[str, list[str]] = {}  # citation → the findings it backs
    for code in sorted({c for r in rows for c in r.codes}):
        key = code if code in checks else "pipe_other"
        entry = data["checks"].get(code) or data["checks"].get(key)
        name = t.pair(names.get(code) or names.get(key) or (code, code))
        fallback = str(checks.get(key, {}).get("source", ""))
        by_source.setdefault(citations.cite(entry, fallback, t.lang, standard), []).append(name)
    if not by_source:
        return ""
    parts = [t("、", ", ").join(n) + t("：", ": ") + src for src, n in by_source.items()]
    return t("检查依据：", "Sources of the checks: ") + t("；", "; ").join(parts)
