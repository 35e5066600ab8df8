"""What a unit's papers still ask the consultant to complete before they are handed out.

The proposal prints these as prompts in place (a subsidy without its notice's title and
number, a budget line the survey does not support) so that a draft shows its gaps; the
``report`` command and the window list them too, so that nobody hands out a paper with a
gap unnoticed.
"""

from __future__ import annotations

from ..budget_checks import pipe_relocation_note, unneeded_pipe_relocation
from ..costshare_subsidy import rule_title
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
