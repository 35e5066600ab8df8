"""The proposal's sections, their order and their numbered headings."""

from __future__ import annotations

from .common import Tr

SECTIONS = (
    ("building", "楼栋与场地概况", "Building and site"),
    ("verdict", "评估结论", "Verdict"),
    ("spec", "电梯配置与入户方式", "Elevator and entry"),
    ("plan", "平面示意图", "Schematic plan"),
    ("impacts", "对低层住户的影响及处理", "Effects on lower floors"),
    ("costs", "费用、补贴与预算", "Costs, subsidies and budget"),
    ("rule", "分摊规则", "Sharing rule"),
    ("households", "分户出资明细", "Per-household shares"),
    ("payments", "付款安排与资金管理", "Payments and funds"),
    ("upkeep", "使用管理与维护保养", "Use and maintenance"),
    ("consent", "表决情况", "Consent"),
    ("steps", "实施步骤与时间安排", "Steps and timeline"),
    ("parties", "参与各方与签署", "Parties and signatures"),
    ("sources", "资料来源", "Sources"),
)
"""The proposal's sections in print order: (key, Chinese title, English title)."""

_NUMERALS = "一二三四五六七八九十"


def section_number(key: str) -> int:
    """1-based number of the section ``key``."""
    return [k for k, _zh, _en in SECTIONS].index(key) + 1


def chinese_numeral(n: int) -> str:
    """一 … 十, 十一 …: the number of a section in a Chinese heading."""
    return _NUMERALS[n - 1] if n <= 10 else "十" + _NUMERALS[n - 11]


def heading(key: str, t: Tr, title: str | None = None) -> str:
    """``"六、费用、补贴与预算"`` / ``"6. Costs, subsidies and budget"``; ``title`` (in the
    document's language) replaces the section's usual one (the plan's, when it is drawn to
    scale)."""
    n = section_number(key)
    _k, zh, en = SECTIONS[n - 1]
    if title is not None:
        zh = en = title
    return t(f"{chinese_numeral(n)}、{zh}", f"{n}. {en}")
