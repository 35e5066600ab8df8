"""Names of the model's codes in the window's language: from the one vocabulary
(:mod:`elevator_eval.vocabulary`) for codes, Qt translations for the window's own words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..vocabulary import label, pairs
from . import i18n

translate = QCoreApplication.translate


def class_label(klass: str | None) -> str:
    if klass is None:
        return translate("Labels", "未评估")
    return label("classes", klass, i18n.lang())


def severity_label(sev: str) -> str:
    return label("severities", sev, i18n.lang())


def vote_label(vote: str | None) -> str:
    return label("votes", vote, i18n.lang())


def source_label(source: str | None) -> str:
    """How a vote was cast (``audit.VoteEvent.source``)."""
    return label("vote_sources", source, i18n.lang())


def state_label(state: str | None) -> str:
    if state not in pairs("consent_states"):
        return translate("Labels", "未知")
    return label("consent_states", state, i18n.lang())


def structure_label(code: str | None) -> str:
    if code is None:
        return translate("Labels", "未填")
    return label("structures", code, i18n.lang())


def entry_label(code: str | None) -> str:
    if code is None:
        return translate("Labels", "未填")
    return label("entry_modes", code, i18n.lang())


def pipe_label(code: str) -> str:
    return label("pipes", code, i18n.lang())


def finding_label(code: str) -> str:
    """A finding's name (``pipe_gas`` → 燃气管在井道场地内)."""
    return label("findings", code, i18n.lang())


def code_names(kind: str) -> dict[str | None, str]:
    """Every code of one vocabulary table by its name in the window's language (for a
    list of choices: the canvassing contact's channels, outcomes, concerns)."""
    return {code: i18n.pick(*pair) for code, pair in pairs(kind).items()}


def method_label(method: str) -> str:
    """Title of a cost-sharing method from ``costshare.METHOD_INFO`` (both languages)."""
    # lazy: the cost engine loads with the cost tab, after the first paint (start-up)
    from ..costshare import METHOD_INFO

    info = METHOD_INFO.get(method)
    if info:
        return i18n.pick_attr(info, "title")
    return method


def public_source(text: str) -> str:
    """A rule's source as the window shows it: the project's internal cross-references
    ("domain reference §2.2(a)") left out, a web page's grade (``[C]``) in words; an app
    default says so in the window's language.

    >>> public_source("a scheme (https://x.cn; domain reference §2.2(a))")
    'a scheme (https://x.cn)'
    """
    import re

    text = str(text or "")
    # "domain reference §2.2(b)" and the working-note tags after it ("W4", "W1–W2"); the
    # geometry notes and the unit-format contract are the project's papers too
    ref = (
        r"(?:(?:domain|geometry) reference|unit-format contract) §[0-9.]+(?:[–/]§?[0-9.]+)*"
        r"(?:\([a-z]\))?(?:\s*,\s*(?:worked example )?W[0-9]+(?:–W?[0-9]+)?)?"
    )
    text = re.sub(r"\s*;\s*" + ref, "", text)
    text = re.sub(ref + r"\s*[;,]?\s*", "", text)
    text = re.sub(r"\s*\(\s*\)", "", text).strip()
    text = re.sub(r"\s*\[([ABC](?:/[ABC])*)\]", _grade_words, text)
    if text.lower().startswith("app default"):
        rest = text.split(":", 1)[1].strip() if ":" in text else ""
        prefix = translate("Labels", "本程序默认值（经验值）")
        return f"{prefix}: {rest}" if rest and i18n.lang() == "en" else prefix
    return text


def _grade_words(match) -> str:
    """A web source's grade (``[A]`` … ``[C]``, as the rule files note it) in words."""
    words = {
        "A": translate("Labels", "政府网站或主流媒体"),
        "B": translate("Labels", "行业媒体或转载"),
        "C": translate("Labels", "未经核实的网页"),
    }
    return i18n.aside(i18n.pick("或", " or ").join(words[g] for g in match.group(1).split("/")))


def source_as_found(text: str) -> str:
    """Where a weakly sourced value was found, for a tooltip: in English the citation as
    found (:func:`public_source`); in Chinese its web addresses only (the citations are
    written in English), or nothing when it has none."""
    if i18n.lang() == "en":
        return public_source(text)
    import re

    found = re.findall(r"(?:https?://|www\.)[^\s;,()\[\]]+", str(text or ""))
    if not found:
        return ""
    return translate("Labels", "原始资料：{0}").format("\n".join(dict.fromkeys(found)))


def rule_source(rule_file) -> str:
    """A rule file's source as the settings dialog shows it (:func:`sourced`)."""
    return sourced(rule_file.source, rule_file.source_zh, rule_file.source_en)


def sourced(source: str, source_zh: str = "", source_en: str = "") -> str:
    """A rule's source in the window's language: by title and number where the file gives
    one (:func:`elevator_eval.language.source_in`); in the Chinese window a source found
    only in English reads 经验值 with its web addresses (an app default says so)."""
    from ..language import source_in

    source = str(source or "")
    own = source_in(i18n.lang(), source, source_zh, source_en, fallback_zh="")
    if own:
        return public_source(own)
    if source.lower().startswith("app default"):
        return public_source(source)
    note = translate("Labels", "经验值（非官方来源）")
    found = source_as_found(source)
    return f"{note}\n{found}" if found else note


def method_source(method: str) -> str:
    # lazy: the cost engine loads with the cost tab, after the first paint (start-up)
    from ..costshare import METHOD_INFO

    info = METHOD_INFO.get(method) or {}
    return i18n.pick(str(info.get("source_zh", "")), str(info.get("source_en", "")))


def yuan(value) -> str:
    """Money as text with thousands separators: ``¥12,345``; exact Decimal, no float."""
    if value is None:
        return "—"
    from decimal import Decimal

    d = Decimal(value)
    if d == d.to_integral_value():
        return f"¥{int(d):,}"
    return f"¥{d:,.2f}"


def class_rule_source(rules=None) -> str:
    """The count rule of a suitability ruleset in words, with its title (the shipped rule's
    text before the rules have loaded: the window paints first)."""
    if rules is None:
        return translate(
            "Labels",
            "分类规则依据《上海市既有多层住宅加装电梯前期调查与可行性评估技术导则（试行）》（2020）："
            "有一项重大干扰或两项及以上强干扰为不适合加装，恰有一项强干扰为较难加装，其余为适合加装。",
        )
    from ..suitability_rules import class_rule_text

    zh, en = class_rule_text(rules)
    return translate("Labels", "分类规则：{0}。\n规则集：{1}").format(
        i18n.pick(zh, en), i18n.pick(rules.title_zh, rules.title_en)
    )


def consent_source(ruleset=None) -> str:
    """Title and legal source of a consent ruleset (the shipped default when ``None``)."""
    if ruleset is None:
        from ..rulebook import resolve

        ruleset = resolve(None, None).consent
    return translate("Labels", "表决规则：{0}\n依据：{1}").format(
        i18n.pick(ruleset.title_zh, ruleset.title_en), ruleset.source_in(i18n.lang())
    )
