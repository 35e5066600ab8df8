"""What a unit's papers still ask the consultant to complete before they are handed out.

The proposal prints these as prompts in place (a subsidy without its notice's title and
number, a budget line the survey does not support) so that a draft shows its gaps; a
proposal with any gap is a draft: every page's header says so (:func:`draft_label`) and its
cover lists the gaps (:func:`draft_note`), so a paper with a prompt in it cannot pass for
the final one. The ``report`` command and the window list them too, so that nobody hands
out a paper with a gap unnoticed.
"""

from __future__ import annotations

from ..budget_checks import pipe_relocation_note, unneeded_pipe_relocation
from ..costshare_subsidy import rule_title
from .common import Tr, esc, para_markup
from .proposal_sharing import stated_source


def open_items(unit) -> list[tuple[str, str]]:
    """``(zh, en)`` for each gap of the unit's papers, in print order."""
    items = []
    for rule in unit.subsidies:
        if not stated_source(rule, "zh"):
            zh, en = rule_title(rule)
            items.append(
                (
                    f"补贴“{zh or rule.get('type')}”未注明依据文件（名称和文号）",
                    f'subsidy "{en or zh or rule.get("type")}" names no notice (title and number)',
                )
            )
    amount = unneeded_pipe_relocation(unit)
    if amount is not None:
        items.append(pipe_relocation_note(amount))
    return items


def draft_label(items: list, t: Tr) -> str:
    """``"草稿 · "`` before a paper's running header when it has gaps, else ``""``."""
    return t("草稿 · ", "DRAFT · ") if items else ""


def draft_note(items: list[tuple[str, str]], t: Tr) -> list:
    """The cover's red note of a draft: what to complete before the paper is handed out."""
    if not items:
        return []
    head = t(
        f"草稿：以下 {len(items)} 项补全后方可印发",
        f"Draft: complete the following {len(items)} "
        f"{'item' if len(items) == 1 else 'items'} before handing it out",
    )
    lines = [f'<font color="#C00000"><b>{esc(head)}</b></font>']
    lines += [f"{i}. {esc(t.pair(item))}" for i, item in enumerate(items, 1)]
    from reportlab.platypus import Spacer

    return [para_markup("<br/>".join(lines), "small"), Spacer(1, 8)]
