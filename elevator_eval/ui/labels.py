"""Translated names of the model's codes (classes, severities, votes, states …)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from . import i18n


translate = QCoreApplication.translate


def class_label(klass: str | None) -> str:
    return {"suitable": translate("Labels", "适合加装"), "difficult": translate("Labels", "较难加装"),
            "unsuitable": translate("Labels", "不适合加装")}.get(klass, translate("Labels", "未评估"))


def severity_label(sev: str) -> str:
    return {"weak": translate("Labels", "弱干扰"), "strong": translate("Labels", "强干扰"), "major": translate("Labels", "重大干扰")}.get(sev, sev)


def vote_label(vote: str | None) -> str:
    return {"yes": translate("Labels", "同意"), "no": translate("Labels", "反对"), "abstain": translate("Labels", "弃权"),
            None: translate("Labels", "未参与")}.get(vote, str(vote))


def source_label(source: str | None) -> str:
    """How a vote was cast (``audit.VoteEvent.source``)."""
    return {"meeting": translate("Labels", "会议"), "paper": translate("Labels", "纸质"),
            "online": translate("Labels", "线上"), "proxy": translate("Labels", "委托"),
            "other": translate("Labels", "其他")}.get(source, str(source or ""))


def state_label(state: str | None) -> str:
    return {"ready": translate("Labels", "表决通过"), "needs_votes": translate("Labels", "尚需表决"),
            "blocked": translate("Labels", "受阻（专有部分业主未同意）"),
            "invalid": translate("Labels", "表决数据有误"),
            "not_computed": translate("Labels", "未统计")}.get(state, translate("Labels", "未知"))


def structure_label(code: str | None) -> str:
    return {"masonry": translate("Labels", "砖混"), "frame": translate("Labels", "框架"), "shear_wall": translate("Labels", "剪力墙"),
            "other": translate("Labels", "其他"), None: translate("Labels", "未填")}.get(code, str(code))


def entry_label(code: str | None) -> str:
    return {"half_landing": translate("Labels", "半层入户"), "flat": translate("Labels", "平层入户"),
            None: translate("Labels", "未填")}.get(code, str(code))


def pipe_label(code: str) -> str:
    return {"gas": translate("Labels", "燃气"), "water": translate("Labels", "给水"), "drainage": translate("Labels", "排水"), "power": translate("Labels", "电力"),
            "telecom": translate("Labels", "通信"), "heating": translate("Labels", "供热"), "other": translate("Labels", "其他")}.get(code, code)


def cost_item_label(code: str) -> str:
    return {"equipment": translate("Labels", "设备"), "installation": translate("Labels", "安装"), "shaft_structure": translate("Labels", "井道结构"),
            "civil": translate("Labels", "土建"), "pipe_relocation": translate("Labels", "管线迁改"), "pit": translate("Labels", "底坑"),
            "design_supervision": translate("Labels", "设计监理"), "maintenance": translate("Labels", "维保"),
            "electricity": translate("Labels", "电费"), "inspection": translate("Labels", "年检"),
            "insurance": translate("Labels", "保险")}.get(code, code)


def method_label(method: str) -> str:
    """Title of a cost-sharing method from ``costshare.METHOD_INFO`` (both languages)."""
    try:
        from ..costshare import METHOD_INFO
        info = METHOD_INFO.get(method)
    except ImportError:
        info = None
    if info:
        return i18n.pick_attr(info, "title")
    return method


def public_source(text: str) -> str:
    """A rule's source as the window shows it: the project's internal cross-references
    ("domain reference §2.2(a)") left out; an app default says so in the window's language.

    >>> public_source("a scheme (https://x.cn [C]; domain reference §2.2(a))")
    'a scheme (https://x.cn [C])'
    """
    import re
    text = str(text or "")
    # "domain reference §2.2(b)" and the working-note tags after it ("W4", "W1–W2")
    ref = r"domain reference §[0-9.]+(?:–§?[0-9.]+)?(?:\([a-z]\))?(?:\s*,\s*W[0-9]+(?:–W?[0-9]+)?)?"
    text = re.sub(r"\s*;\s*" + ref, "", text)
    text = re.sub(ref + r"\s*[;,]?\s*", "", text)
    text = re.sub(r"\s*\(\s*\)", "", text).strip()
    if text.lower().startswith("app default"):
        rest = text.split(":", 1)[1].strip() if ":" in text else ""
        prefix = translate("Labels", "本程序默认值（经验值）")
        return f"{prefix}：{rest}" if rest and i18n.lang() == "en" else prefix
    return text


def method_source(method: str) -> str:
    try:
        from ..costshare import METHOD_INFO
        info = METHOD_INFO.get(method) or {}
    except ImportError:
        info = {}
    return public_source(str(info.get("source", "")))


def yuan(value) -> str:
    """Money as text with thousands separators: ``¥12,345``; exact Decimal, no float."""
    if value is None:
        return "—"
    from decimal import Decimal
    d = Decimal(value)
    if d == d.to_integral_value():
        return f"¥{int(d):,}"
    return f"¥{d:,.2f}"


def class_rule_source() -> str:
    return translate("Labels", "分类规则依据《上海市既有多层住宅加装电梯前期调查与可行性评估技术导则（试行）》（2020）："
              "有一项重大干扰或两项及以上强干扰为不适合加装，恰有一项强干扰为较难加装，其余为适合加装。")


def consent_source() -> str:
    return translate("Labels", "《民法典》第二百七十八条：专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决，"
              "并经参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意；"
              "第一千二百五十九条：“以上”包括本数。")
