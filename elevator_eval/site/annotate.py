"""Findings from measured values say so, and the sunlight finding gives hours lost.

The spatial checks (:mod:`elevator_eval.spatial`) run unchanged on the site with measured
values (:func:`~elevator_eval.site.measure.effective_site`); this module rewrites the
messages of the findings whose value was measured. A suitability ruleset whose
``sunlight_below_standard`` check sets ``"retrofit_exemption": true`` (GB 50180-2018 §4.0.9
item 2: elevator retrofits for accessibility are exempt from the no-reduction rule) presents
the loss as a negotiation and compensation item; the severity is the ruleset's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, ClassVar, Protocol, TypeVar

from ..vocabulary import agreeing, counted
from .sunlight import SunlightResult
from .sunlight_rules import STANDARD, standard_data


class FindingText(Protocol):
    """What :func:`annotate` reads of a :class:`~elevator_eval.findings.Finding` (a frozen
    dataclass; structural so that this module stays out of the findings ↔ suitability
    import cycle)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def code(self) -> str: ...

    @property
    def message_zh(self) -> str: ...

    @property
    def message_en(self) -> str: ...


F = TypeVar("F", bound=FindingText)


class MeasuredValues(Protocol):
    """What :func:`annotate` reads of a :class:`~elevator_eval.site.measure.Measured`
    (structural: the measuring module reaches the unit-file codec, which reaches the
    suitability engine that calls this module)."""

    @property
    def values(self) -> dict[str, Any]: ...

    @property
    def sunlight(self) -> SunlightResult | None: ...


CODE_FIELD = {
    "red_line": "inside_red_line",
    "fire_lane_narrow": "fire_lane_width_after_m",
    "neighbour_close": "distance_to_neighbour_m",
    "private_courtyard": "occupies_private_courtyard",
    "sunlight_below_standard": "sunlight_below_standard",
}
"""Finding code → the measured site field it comes from (``pipe_*`` → pipes)."""

SUFFIX_ZH = "（平面图实测）"
SUFFIX_EN = " (measured from the site plan)"


def field_of(code: str) -> str | None:
    if code.startswith("pipe_"):
        return "pipes_in_footprint"
    return CODE_FIELD.get(code)


def sunlight_messages(result: SunlightResult, exempt: bool) -> tuple[str, str, str, str]:
    """Message and remedy (zh, en) of a measured sunlight finding, with hours lost."""
    r = result.rules
    below = result.below_standard
    std_zh = f"{r.day_label_zh} ≥ {r.min_hours.normalize():f} h"
    std_en = f"{r.day_label_en} ≥ {r.min_hours.normalize():f} h"
    # as the tables print them (the loss is the printed before less the printed after)
    shown = [w.shown_h() for w in below]
    lost = max(Decimal(x[2]) for x in shown)
    lo, hi = min(Decimal(x[1]) for x in shown), max(Decimal(x[1]) for x in shown)
    after = f"{lo}" if lo == hi else f"{lo}–{hi}"
    # no door numbers here: the message also goes into public notices; the loss is of the
    # windows that fall below (others may lose more and still meet the standard)
    one = len(below) == 1
    msg_zh = f"加装后 {len(below)} 个窗户日照低于标准（{std_zh}），降至 {after} h，" + (
        f"减少 {lost} h" if one else f"这些窗户最多减少 {lost} h"
    )
    msg_en = (
        f"{counted(len(below), 'window')} {agreeing(len(below), 'falls', 'fall')} below the "
        f"sunlight standard ({std_en}), to {after} h"
        + (f", losing {lost} h" if one else f"; these windows lose up to {lost} h")
    )
    if exempt:  # the exemption is GB 50180-2018's (its data names the clause)
        clause = standard_data(STANDARD)["exemption"]
        rem_zh = (
            f"{clause['clause']}对既有住宅无障碍改造加装电梯不作降低限制："
            "按各窗减少的小时数与受影响业主协商补偿；可比较其他井道位置或采用玻璃井道"
        )
        rem_en = (
            f"{clause['clause_en']} exempts elevator retrofits for "
            "accessibility: negotiate compensation with the owners by the hours each "
            "window loses; compare other shaft positions or a glazed shaft"
        )
    else:
        rem_zh = "调整井道位置或采用玻璃井道，使各窗恢复标准日照；与受影响业主协商"
        rem_en = (
            "Move the shaft or use a glazed shaft so every window meets the standard "
            "again; negotiate with the owners affected"
        )
    return msg_zh + SUFFIX_ZH, msg_en + SUFFIX_EN, rem_zh, rem_en


def annotate(
    findings: Iterable[F], measured: MeasuredValues | None, checks: Mapping[str, Any] | None
) -> list[F]:
    """Findings with "measured" in the messages of measured values (see module docstring)."""
    if measured is None or not measured.values:
        return list(findings)
    out = []
    for f in findings:
        fld = field_of(f.code)
        if fld not in measured.values:
            out.append(f)
            continue
        if f.code == "sunlight_below_standard" and measured.sunlight is not None:
            exempt = bool((checks or {}).get(f.code, {}).get("retrofit_exemption", False))
            mz, me, rz, re_ = sunlight_messages(measured.sunlight, exempt)
            out.append(
                dataclasses.replace(f, message_zh=mz, message_en=me, remedy_zh=rz, remedy_en=re_)
            )
            continue
        out.append(
            dataclasses.replace(
                f, message_zh=f.message_zh + SUFFIX_ZH, message_en=f.message_en + SUFFIX_EN
            )
        )
    return out
