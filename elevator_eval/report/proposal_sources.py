"""The sources section of the proposal and the citations the other sections refer to.

Both lists cite by official title and number (``rules/documents/finding-sources.json``
for the suitability checks, ``source_zh`` / ``source_en`` of the consent ruleset, the
subsidy's own note) and label what is not official 经验值 / Practice value; they hold no web
address and no reference to the project's own papers, and each is in its document's
language (official document numbers such as 沪规划资源建〔2020〕377号 stay as issued).
"""

from __future__ import annotations

from .. import citations
from ..costshare import METHOD_INFO
from . import labels as L
from .common import Tr, para


def method_source_title(method: str, t: Tr) -> str:
    """The sharing method's source by title, in the document's language."""
    info = METHOD_INFO.get(method) or {}
    return t.pair((info.get("source_zh", ""), info.get("source_en", "")))


def method_source(d, t: Tr) -> str:
    """The reference of the sharing method: its title, labelled 经验值 / practice value (the
    published splits are examples, not rules), and the number of the entry in the sources
    section. No web address: a document cites by title."""
    s = d.share
    title = method_source_title(s.method, t) or t.pair((s.method_title_zh, s.method_title_en))
    number = {key: i for i, (key, _text) in enumerate(source_list(d, t), 1)}.get("method")
    ref = t(f"，见资料来源 [{number}]", f", see source [{number}]") if number else ""
    return t(
        f"经验值，{title}，由业主协商确定{ref}",
        f"practice value, {title}, for the owners to agree{ref}",
    )


def suitability_ruleset_text(d, t: Tr) -> str:
    """Title and name of the suitability ruleset used (just the name when it cannot be
    loaded, e.g. a user ruleset no longer in the project)."""
    name = d.assessment.ruleset
    r = d.rules.suitability if d.rules is not None else None
    if r is None or r.name != name:  # the name is still a faithful citation
        return name
    title = t.pair((r.title_zh, r.title_en))
    return t(f"{title}（{name}）", f"{title} ({name})") if title else name


def _cite(entry: dict | None, fallback: str, t: Tr, sunlight_standard: str | None = None) -> str:
    """A citation in the document's language (:func:`elevator_eval.citations.cite`)."""
    return citations.cite(entry, fallback, t.lang, sunlight_standard)


def source_list(d, t: Tr) -> list[tuple[str, str]]:
    """Every source the proposal relies on, in print order: ``(key, text)``; the same keys
    in both languages.

    Finding sources are keyed by their text, so the verdict table can cite them as
    ``[n]``. Each list cites by official title and number in its document's language and
    labels what is not official 经验值 / Practice value; no web address."""
    data = citations.finding_sources()
    standard = d.rules.sunlight_standard.name if d.rules is not None else None
    sep = t("；", "; ")
    items: list[tuple[str, str]] = []
    if d.assessment is not None:
        items.append(
            (
                "ruleset",
                t("适宜性分类：", "Suitability classes: ") + _cite(data["class_rule"], "", t),
            )
        )
        for src in dict.fromkeys(f.source for f in d.assessment.findings if f.source):
            fs = [f for f in d.assessment.findings if f.source == src]
            about = sep.join(dict.fromkeys(L.label(L.SEVERITY, f.severity, t) for f in fs))
            cites = sep.join(
                dict.fromkeys(_cite(data["checks"].get(f.code), src, t, standard) for f in fs)
            )
            items.append(
                (src, t(f"评估依据（{about}）：{cites}", f"Finding source ({about}): {cites}"))
            )
    if d.consent is not None:
        from .votes import consent_source

        items.append(("consent", t("表决规则：", "Consent rule: ") + consent_source(d, t)))
    if d.share is not None:
        title = method_source_title(d.share.method, t) or t.pair(
            (d.share.method_title_zh, d.share.method_title_en)
        )
        items.append(
            (
                "method",
                t(
                    f"分摊方法：经验值，{title}，由业主协商确定",
                    f"Sharing method: Practice value, {title}, for the owners to agree",
                ),
            )
        )
        from ..costshare_subsidy import rule_title
        from .proposal_sharing import subsidy_source

        for i, rule in enumerate(d.unit.subsidies):
            name = t.pair(rule_title(rule)) or t("补贴", "subsidy")
            items.append(
                (
                    f"subsidy:{i}",
                    t(f"补贴（{name}）：", f"Subsidy ({name}): ") + subsidy_source(rule, t),
                )
            )
    from .docdata import doc_rules

    notice = doc_rules()["notice"]
    items.append(
        (
            "notice",
            t("公示期限：", "Notice period: ") + t.pair((notice["basis_zh"], notice["basis_en"])),
        )
    )
    for k, entry in enumerate(data["timeline"]):
        items.append((f"timeline:{k}", t("时间安排：", "Timeline: ") + _cite(entry, "", t)))
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
                'Entries marked "Practice value" are not provisions of a law or standard: '
                "they are common practice or reference values, for the owners to agree or "
                "the design to confirm.",
                "tiny",
            )
        )
    return story
