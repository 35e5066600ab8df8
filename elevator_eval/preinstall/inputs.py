"""The inputs of one unit's valuation: cost items, later extras, pit outcomes, rates and the
consent outlook (:func:`build_inputs`)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ..consent import ConsentResult
from ..errors import InputError
from ..model import PIPE_TYPES, Project, Unit
from ..money import to_decimal
from ..vocabulary import pairs
from .assumptions import (
    deep_merge,
    horizon,
    load_assumptions,
    number,
    triangle,
    validate_assumptions,
    value_of,
)
from .outlook import VoteCounts, consent_outlook
from .types import CostItem, PitOutcome, PitProduct, PreinstallInputs

ProductClass = tuple[str, str, str, int, float]
"""``(key, title_zh, title_en, pit_mm, probability)`` of a product class."""
InputsCache = dict[tuple[object, ...], dict[str, Any]]
"""Cost parts shared between units with the same pipes, pit depth and cost lines."""

_ONE = Decimal(1)
UNIT_LINES = ("pipe_relocation", "pit", "foundation", "power_capacity")
"""Cost lines of ``costs.items_yuan`` that replace a default pre-works item."""


def _item(
    key: str,
    group: str,
    entry: dict[str, Any],
    fld: str,
    *,
    title_zh: str | None = None,
    title_en: str | None = None,
    source: str | None = None,
) -> CostItem:
    t = [to_decimal(entry[k], f"{fld}.{k}") for k in ("low", "mode", "high")]
    return CostItem(
        key,
        group,
        title_zh or str(entry.get("title_zh", key)),
        title_en or str(entry.get("title_en", key)),
        t[0],
        t[1],
        t[2],
        source or str(entry.get("source", "assumption")),
    )


def build_inputs(
    unit: Unit,
    project: Project | None = None,
    *,
    assumptions: dict[str, Any] | None = None,
    horizon_years: int | None = None,
    consent_result: ConsentResult | None = None,
    consent_counts: VoteCounts | None = None,
    consent_ruleset: str | None = None,
    pit_products: Sequence[PitProduct] | None = None,
    cache: InputsCache | None = None,
) -> PreinstallInputs:
    """Collect the cost items, rates, pit outcomes and consent outlook of one unit.

    Parameters
    ----------
    unit : Unit
    project : Project, optional
        Source of ``settings["preinstall"]`` overrides and of user consent rulesets.
    assumptions : dict, optional
        A merged assumption set (from :func:`load_assumptions`); loaded when omitted. The
        unit's ``extra["preinstall"]`` is merged on top either way.
    horizon_years : int, optional
        Overrides the assumption [years].
    consent_result : ConsentResult, optional
        The unit's tally when the caller has it already.
    consent_counts : tuple, optional
        ``(state, heads_total, additional_yes, possible)`` counted already.
    consent_ruleset : str, optional
        Consent ruleset to count the vote under (default: the unit's ``rules``).
    pit_products : sequence, optional
        The procurement catalogue: objects with ``id`` and ``pit_mm`` (e.g.
        :class:`elevator_eval.procurement.Product`), each equally likely to be bought;
        default: the product classes of the assumption set.
    cache : dict, optional
        Shared between calls with the same ``assumptions`` and ``horizon_years``.

    Raises
    ------
    InputError
        naming the field.
    """
    # Long: only through the parameter documentation; the code is 30 lines
    over = unit.extra.get("preinstall") if isinstance(unit.extra, dict) else None
    if over is not None and not isinstance(over, dict):
        raise InputError("extra.preinstall", "must be an object")
    over = {k: v for k, v in (over or {}).items() if k != "hazard"}
    if assumptions is None:
        a = load_assumptions(project, over)
    elif over:
        a = deep_merge(assumptions, over)
        validate_assumptions(a)
    else:
        a = assumptions
    settings = (
        project.settings if project is not None and isinstance(project.settings, dict) else None
    )
    outlook = consent_outlook(
        unit,
        a,
        tally_result=consent_result,
        counts=consent_counts,
        ruleset=consent_ruleset,
        settings=settings,
    )
    given = unit.costs.items_yuan or {}
    key = None
    if cache is not None and not over and pit_products is None:
        pipes_key = (
            None if unit.site.pipes_in_footprint is None else tuple(unit.site.pipes_in_footprint)
        )
        key = (
            pipes_key,
            unit.site.pit_depth_available_mm,
            tuple((k, given[k]) for k in UNIT_LINES if k in given),
        )
        hit = cache.get(key)
        if hit is not None:
            return PreinstallInputs(unit_id=unit.id, consent=outlook, **hit)
    parts = _cost_parts(unit, a, over, horizon_years)
    parts.update(_pit_parts(unit, a, parts["items_now"], pit_products))
    if key is not None and cache is not None:
        cache[key] = parts
    return PreinstallInputs(unit_id=unit.id, consent=outlook, **parts)


def _now_items(unit: Unit, a: dict[str, Any], over: dict[str, Any]) -> list[CostItem]:
    p = "preinstall"
    items: list[CostItem] = []
    pipes = unit.site.pipes_in_footprint
    given = unit.costs.items_yuan or {}
    spread = a["unit_estimate_spread"]
    s_lo = to_decimal(spread["low"], f"{p}.unit_estimate_spread.low")
    s_hi = to_decimal(spread["high"], f"{p}.unit_estimate_spread.high")
    over_now = (
        over.get("works_now_yuan", {}) if isinstance(over.get("works_now_yuan"), dict) else {}
    )
    over_pipe = "pipe_relocation_yuan" in over or "pipe_relocation_unsurveyed_yuan" in over

    def from_line(key: str, title_zh: str, title_en: str) -> CostItem:
        mode = given[key]
        line_zh, line_en = pairs("cost_items").get(key, (key, key))  # the line's own name
        return CostItem(
            key,
            "now",
            title_zh,
            title_en,
            (mode * s_lo).quantize(_ONE),
            mode,
            (mode * s_hi).quantize(_ONE),
            f'the unit\'s cost line "{line_en}" as the most likely value, low and high'
            f" {s_lo} and {s_hi} times it (assumption)",
            f"本单元造价分项“{line_zh}”为最可能值，低值、高值取其 {s_lo} 倍、{s_hi} 倍（经验假设）",
        )

    if "pipe_relocation" in given and not over_pipe:
        items.append(
            from_line(
                "pipe_relocation", "管线迁改（单元造价分项）", "pipe relocation (unit cost line)"
            )
        )
    elif pipes is None:
        items.append(
            _item(
                "pipe_relocation",
                "now",
                a["pipe_relocation_unsurveyed_yuan"],
                f"{p}.pipe_relocation_unsurveyed_yuan",
            )
        )
    else:
        table = a["pipe_relocation_yuan"]
        for i, kind in enumerate(pipes):
            if kind not in table:
                known = ", ".join(sorted(set(table) | set(PIPE_TYPES)))
                raise InputError(
                    f"site.pipes_in_footprint[{i}]", f"unknown pipe type {kind!r} (known: {known})"
                )
            items.append(
                _item(f"pipe_{kind}", "now", table[kind], f"{p}.pipe_relocation_yuan.{kind}")
            )
    for key, entry in a["works_now_yuan"].items():
        if key in given and key not in over_now:
            items.append(
                from_line(key, str(entry.get("title_zh", key)), str(entry.get("title_en", key)))
            )
        else:
            items.append(_item(key, "now", entry, f"{p}.works_now_yuan.{key}"))
    return items


def _cost_parts(
    unit: Unit, a: dict[str, Any], over: dict[str, Any], horizon_years: int | None
) -> dict[str, Any]:
    p = "preinstall"
    items = _now_items(unit, a, over)
    extras = [
        _item(k, "later", e, f"{p}.later_extra_yuan.{k}") for k, e in a["later_extra_yuan"].items()
    ]
    if horizon_years is not None:
        years = horizon(horizon_years, "--horizon")
    else:
        years = horizon(value_of(a["horizon_years"]), f"{p}.horizon_years")
    salvage = number(value_of(a["salvage_share"]), f"{p}.salvage_share", lo=0, hi=1)
    return dict(
        items_now=items,
        extras_later=extras,
        escalation=triangle(
            a["escalation_per_year"], f"{p}.escalation_per_year", allow_negative=True
        ),
        discount_rate=triangle(a["discount_rate"], f"{p}.discount_rate", allow_negative=True),
        horizon_years=years,
        salvage_share=salvage,
        price_basis=str(value_of(a.get("price_basis", "nominal"))),
        assumptions_title_zh=str(a.get("title_zh", "")),
        assumptions_title_en=str(a.get("title_en", "")),
        assumptions_source=str(a.get("source", "")),
        assumptions_source_zh=str(a.get("source_zh", a.get("source", ""))),
    )


def _pit_parts(
    unit: Unit, a: dict[str, Any], items: list[CostItem], catalogue: Sequence[PitProduct] | None
) -> dict[str, Any]:
    """The product classes the unit may buy later and the rework each needs (see
    :func:`pit_outcomes`); nothing when no pit is pre-built or the set has no ``pit``."""
    pit = a.get("pit")
    if not isinstance(pit, dict) or not any(i.key == "pit" for i in items):
        return {"pit_outcomes": [], "prebuilt_pit_mm": None}
    if catalogue is not None:
        classes = [
            (
                str(pr.id),
                *(
                    2
                    * (
                        " ".join(
                            str(x)
                            for x in (getattr(pr, "vendor", ""), getattr(pr, "model", pr.id))
                            if x
                        ),
                    )
                ),
                int(pr.pit_mm),
                1.0 / len(catalogue),
            )
            for pr in catalogue
        ]
    else:
        classes = [
            (
                str(c.get("key", i)),
                str(c.get("title_zh", c.get("key", i))),
                str(c.get("title_en", c.get("key", i))),
                int(c["pit_mm"]),
                float(c["probability"]),
            )
            for i, c in enumerate(pit["products"])
        ]
    depth = int(pit["prebuilt_depth_mm"])
    available = unit.site.pit_depth_available_mm
    return {
        "pit_outcomes": pit_outcomes(classes, depth, available, pit["rework_yuan"]),
        "prebuilt_pit_mm": depth if available is None else min(depth, int(available)),
    }


def pit_outcomes(
    classes: Sequence[ProductClass],
    prebuilt_depth_mm: int,
    available_mm: int | None,
    rework: dict[str, Any],
) -> list[PitOutcome]:
    """Product classes ``(key, title_zh, title_en, pit_mm, probability)`` as outcomes.

    The pit is pre-built at ``prebuilt_depth_mm``, or at the site's available depth when
    that is shallower. Classes needing more pit than the site allows cannot be bought and are
    dropped (the others' probabilities rescaled); when none is left all are kept. A product
    needing a deeper pit than pre-built needs the ``deepen`` rework, a shallower one
    ``raise_floor``, an equal one none.
    """
    depth = prebuilt_depth_mm if available_mm is None else min(prebuilt_depth_mm, int(available_mm))
    usable = [c for c in classes if available_mm is None or c[3] <= available_mm]
    usable = usable or list(classes)
    total = sum(c[4] for c in usable)
    if total <= 0:
        usable = [(k, z, e, mm, 1.0) for k, z, e, mm, _ in usable]
        total = float(len(usable))
    out = []
    for key, zh, en, mm, prob in usable:
        kind = "deepen" if mm > depth else "raise_floor" if mm < depth else None
        item = (
            None
            if kind is None
            else _item(kind, "rework", rework[kind], f"preinstall.pit.rework_yuan.{kind}")
        )
        out.append(PitOutcome(key, zh, en, mm, prob / total, item))
    return out
