"""The sources section of the proposal and the citations the other sections refer to.

The Chinese list cites by official title and number (``rules/documents/finding-sources.json``
for the suitability checks, ``source_zh`` of the consent ruleset, the subsidy's own
``source_zh``) and labels what is not official 经验值; it holds no web address and no
English. The English list keeps the original citations with their quality tags.
"""

from __future__ import annotations

from . import labels as L
from .common import Tr, para

# Steps and typical durations. Sources: domain reference §3.1 (construction 2–3 months,
# whole process 3–6 months; pipeline work adds 1–2 months) and §1.2 (Shanghai planning
# notice: 10 natural days of posting plus 7 days for written feedback).
TIMELINE_SOURCES = [
    (
        "整个流程 3–6 个月，其中施工 2–3 个月",
        "whole process 3–6 months, construction 2–3 months",
        "https://xinmidianti.com/content/14385.html [C]",
    ),
    (
        "管线迁改可能增加 1–2 个月",
        "pipe relocation can add 1–2 months",
        "https://ask.nctoro.com/a179625 [C]",
    ),
    (
        "规划设计方案公示 10 个自然日，另加 7 天书面反馈（上海，沪规划资源建[2020]377号）",
        "planning notice 10 natural days plus 7 days for written feedback (Shanghai, "
        "沪规划资源建[2020]377号)",
        "https://www.chacewang.com/newsdetail/news183881.html [B]",
    ),
    (
        "补贴在竣工验收后拨付（北京“后补助”）",
        "subsidy paid after completion and inspection (Beijing post-subsidy)",
        "https://www.ww01.net/en/archives/70778 [B]",
    ),
]


def method_source_zh(d, t: Tr) -> str:
    """The Chinese reference of the sharing method: its Chinese title, labelled 经验值 (the
    published splits are examples, not rules), and the number of the entry in the sources
    section. No web address: a Chinese document cites by title."""
    s = d.share
    title = L.METHOD_SOURCES_ZH.get(s.method, "") or s.method_title_zh
    number = {key: i for i, (key, _text) in enumerate(source_list(d, t), 1)}.get("method")
    ref = f"，见资料来源 [{number}]" if number else ""
    return f"经验值，{title}，由业主协商确定{ref}"


def suitability_ruleset_text(d, t: Tr) -> str:
    """Title and name of the suitability ruleset used (just the name when it cannot be
    loaded, e.g. a user ruleset no longer in the project)."""
    name = d.assessment.ruleset
    r = d.rules.suitability if d.rules is not None else None
    if r is None or r.name != name:  # the name is still a faithful citation
        return name
    title = t.pair((r.title_zh, r.title_en))
    return t(f"{title}（{name}）", f"{title} ({name})") if title else name


def _finding_sources_zh() -> dict:
    from .. import ruledata

    return ruledata.load("documents", "finding-sources")


def _zh_cite(entry: dict | None, fallback: str) -> str:
    """A Chinese citation from ``finding-sources`` data: 经验值 when not official."""
    from .language import is_chinese_only

    if entry is None:
        return fallback if is_chinese_only(fallback) else "经验值（本软件默认规则）"
    return entry["zh"] if entry.get("official") else "经验值：" + entry["zh"]


def source_list(d, t: Tr) -> list[tuple[str, str]]:
    """Every source the proposal relies on, in print order: ``(key, text)``.

    Finding sources are keyed by their text, so the verdict table can cite them as
    ``[n]``. The Chinese list cites by official title and number and labels what is not
    official 经验值; it holds no web address and no English."""
    if t.lang == "en":
        return _source_list_en(d, t)
    data = _finding_sources_zh()
    items: list[tuple[str, str]] = []
    if d.assessment is not None:
        items.append(("ruleset", "适宜性分类：" + _zh_cite(data["class_rule"], "")))
        for src in dict.fromkeys(f.source for f in d.assessment.findings if f.source):
            fs = [f for f in d.assessment.findings if f.source == src]
            about = "；".join(dict.fromkeys(L.label(L.SEVERITY, f.severity, t) for f in fs))
            cites = "；".join(dict.fromkeys(_zh_cite(data["checks"].get(f.code), src) for f in fs))
            items.append((src, f"评估依据（{about}）：{cites}"))
    if d.consent is not None:
        from .votes import consent_source

        items.append(("consent", "表决规则：" + consent_source(d, t)))
    if d.share is not None:
        title = L.METHOD_SOURCES_ZH.get(d.share.method) or d.share.method_title_zh
        items.append(("method", f"分摊方法：经验值，{title}，由业主协商确定"))
        from .proposal_sharing import subsidy_source

        for i, rule in enumerate(d.unit.subsidies):
            name = str(rule.get("title_zh") or "补贴")
            items.append((f"subsidy:{i}", f"补贴（{name}）：{subsidy_source(rule, t)}"))
    from .docdata import doc_rules

    items.append(("notice", "公示期限：" + doc_rules()["notice"]["basis_zh"]))
    for k, entry in enumerate(data["timeline"]):
        items.append((f"timeline:{k}", "时间安排：" + _zh_cite(entry, "")))
    return items


def _source_list_en(d, t: Tr) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    if d.assessment is not None:
        items.append(("ruleset", "Suitability ruleset: " + suitability_ruleset_text(d, t)))
        for src in dict.fromkeys(f.source for f in d.assessment.findings if f.source):
            items.append((src, "Finding source: " + src))
    if d.consent is not None:
        items.append(
            ("consent", "Consent ruleset: " + (d.consent.ruleset_source or d.consent.ruleset))
        )
    if d.share is not None:
        items.append(("method", "Cost-sharing method: " + d.share.method_source))
        for line in d.share.subsidy_lines:
            note = t.pair((line.note_zh, line.note_en))
            if note:
                items.append((f"subsidy:{line.type}", "Subsidy: " + note))
    for _zh, en, url in TIMELINE_SOURCES:
        items.append((url, "Timeline: " + en + " — " + url))
    return items


def sources_section(d, t: Tr, width: float) -> list:
    from .proposal_outline import heading

    story = [para(heading("sources", t), "h2")]
    for i, (_key, text) in enumerate(source_list(d, t), 1):
        story.append(para(f"[{i}] {text}", "tiny"))
    if t.lang == "zh":
        story.append(
            para(
                "标注“经验值”的内容不是法规或标准的规定，是常见做法或参考数值，"
                "须经业主协商或设计确认。",
                "tiny",
            )
        )
    else:
        story.append(
            para(
                "Source tags: [A] government or state media, [B] trade press or "
                "official reprint, [C] aggregator or Q&A site; check against the "
                "original before relying on it.",
                "tiny",
            )
        )
    return story
