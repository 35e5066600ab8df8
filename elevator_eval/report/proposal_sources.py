"""The sources section of the proposal and the citations the other sections refer to.

Both lists cite by official title and number (``rules/documents/finding-sources.json``
for the suitability checks, ``source_zh`` / ``source_en`` of the consent ruleset, the
subsidy's own note) and label what is not official 经验值 / Practice value; they hold no web
address and no reference to the project's own papers, and each is in its document's
language (official document numbers such as 沪规划资源建〔2020〕377号 stay as issued).
"""

from __future__ import annotations

from . import labels as L
from .common import Tr, para


def method_source_zh(d, t: Tr) -> str:
    """The Chinese reference of the sharing method: its Chinese title, labelled 经验值 (the
    published splits are examples, not rules), and the number of the entry in the sources
    section. No web address: a Chinese document cites by title."""
    s = d.share
    title = L.METHOD_SOURCES_ZH.get(s.method, "") or s.method_title_zh
    number = {key: i for i, (key, _text) in enumerate(source_list(d, t), 1)}.get("method")
    ref = f"，见资料来源 [{number}]" if number else ""
    return f"经验值，{title}，由业主协商确定{ref}"


def method_source_en(d, t: Tr) -> str:
    """The English reference of the sharing method, as :func:`method_source_zh`."""
    s = d.share
    title = L.METHOD_SOURCES_EN.get(s.method, "") or s.method_title_en
    number = {key: i for i, (key, _text) in enumerate(source_list(d, t), 1)}.get("method")
    ref = f", see source [{number}]" if number else ""
    return f"practice value, {title}, for the owners to agree{ref}"


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


def _en_cite(entry: dict | None) -> str:
    """An English citation from ``finding-sources`` data: Practice value when not official."""
    if entry is None or not entry.get("en"):
        return "Practice value (the app's default rule)"
    return entry["en"] if entry.get("official") else "Practice value: " + entry["en"]


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
    """The English twin of :func:`source_list`, item by item and with the same keys."""
    data = _finding_sources_zh()
    items: list[tuple[str, str]] = []
    if d.assessment is not None:
        items.append(("ruleset", "Suitability classes: " + _en_cite(data["class_rule"])))
        for src in dict.fromkeys(f.source for f in d.assessment.findings if f.source):
            fs = [f for f in d.assessment.findings if f.source == src]
            about = "; ".join(dict.fromkeys(L.label(L.SEVERITY, f.severity, t) for f in fs))
            cites = "; ".join(dict.fromkeys(_en_cite(data["checks"].get(f.code)) for f in fs))
            items.append((src, f"Finding source ({about}): {cites}"))
    if d.consent is not None:
        from .votes import consent_source

        items.append(("consent", "Consent rule: " + consent_source(d, t)))
    if d.share is not None:
        title = L.METHOD_SOURCES_EN.get(d.share.method) or d.share.method_title_en
        items.append(
            ("method", f"Sharing method: Practice value, {title}, for the owners to agree")
        )
        from .proposal_sharing import subsidy_source

        for i, rule in enumerate(d.unit.subsidies):
            name = str(rule.get("title_en") or rule.get("title_zh") or "subsidy")
            items.append((f"subsidy:{i}", f"Subsidy ({name}): {subsidy_source(rule, t)}"))
    from .docdata import doc_rules

    items.append(("notice", "Notice period: " + doc_rules()["notice"]["basis_en"]))
    for k, entry in enumerate(data["timeline"]):
        items.append((f"timeline:{k}", "Timeline: " + _en_cite(entry)))
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
                "Entries marked “Practice value” are not provisions of a law or standard: "
                "they are common practice or reference values, for the owners to agree or "
                "the design to confirm.",
                "tiny",
            )
        )
    return story
