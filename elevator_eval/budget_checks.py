"""Checks of a unit's budget against its survey: what a consultant should look at again
before the budget goes to the owners.

Used by the printed proposal (its budget section) and the window's cost tab, which show
the same words.
"""

from __future__ import annotations

from decimal import Decimal

from .errors import InputError
from .model import Unit
from .money import fmt_yuan


def unneeded_pipe_relocation(unit: Unit) -> Decimal | None:
    """The budget's pipe relocation [yuan] when the survey (or the measured site plan)
    found no pipe in the shaft's footprint; None when there is none in the budget, when
    pipes were found or when the footprint was not surveyed.

    The owners would pay, and a pipeline subsidy be claimed, for work the site does not
    need as surveyed (the sample's GY-1-1).
    """
    amount = unit.costs.items_yuan.get("pipe_relocation")
    if not amount:
        return None
    from .site.measure import effective_site  # lazy: shapely

    try:
        site, _measured = effective_site(unit.site)
    except InputError:  # a bad plan is reported by the assessment
        return None
    return amount if site.pipes_in_footprint == [] else None


def pipe_relocation_note(amount: Decimal) -> tuple[str, str]:
    """The note on :func:`unneeded_pipe_relocation` (zh, en)."""
    text = fmt_yuan(amount, unit="")
    return (
        f"请核实：预算列有管线迁改 ¥{text}，但现场调查未发现井道范围内的管线；无须迁改的，"
        "应从预算中删去（相应的管线迁改补贴也不应申请）。",
        f"To check: the budget has a pipe relocation of ¥{text} but the survey found no "
        "pipe in the shaft's footprint; if none needs moving, take it out of the budget "
        "(and claim no pipe-relocation subsidy for it).",
    )
