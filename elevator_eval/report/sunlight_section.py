"""Sunlight section of the proposal: the windows whose sun the shaft takes, before, after
and lost on the standard day, with the standard and its source.

Empty (no section) when the unit has no site plan with windows, a shaft and a location.
"""

from __future__ import annotations

from ..errors import InputError
from ..site.sunlight_rules import STANDARD
from ..vocabulary import agreeing, counted
from .common import Tr, para, table

MAX_ROWS = 24


def sunlight_story(unit, t: Tr, width: float, standard: str = STANDARD) -> list:
    """Flowables of the sunlight section (heading, standard, table, notes) or ``[]``;
    ``standard``: the sunlight standard in force (the project's choice), cited by its own
    title and clause."""
    from ..site.measure import measure_site

    try:
        m = measure_site(unit.site, standard)
    except InputError:  # a bad plan is reported by the assessment, not here
        return []
    if m is None or m.sunlight is None:
        return []
    res = m.sunlight
    r = res.rules
    hours = f"{r.min_hours.normalize():f}"
    band = f"{r.band_h[0]:g}–{r.band_h[1]:g}"
    story = [para(t("日照分析", "Sunlight analysis"), "h2")]
    std_zh = (
        f"日照标准：{r.day_label_zh}日照不少于 {hours} 小时，有效日照时间带为真太阳时 "
        f"{band} 时；依据{r.cite_zh}。"
    )
    std_en = (
        f"Standard: at least {hours} h of sun on {r.day_label_en}, counted within "
        f"{band} h true solar time; per {r.cite_en}."
    )
    if r.basis != "sourced":
        std_zh += "本地该档时数为经验值，请以规划部门意见为准。"
        std_en += (
            " The hours for this city class are an estimate; confirm with the planning bureau."
        )
    story.append(para(t(std_zh, std_en), "body"))
    story.append(
        para(
            t(
                f"计算：纬度 {res.lat_deg:.2f}°，太阳赤纬 {r.declination_deg:g}°，以窗台中点为计算点，"
                f"逐分钟累计；所有楼栋（含本楼）均作遮挡。",
                f"Method: latitude {res.lat_deg:.2f}°, solar declination {r.declination_deg:g}°, "
                "the window sill centre as the calculation point, minute by minute, every building "
                "(this one included) as an obstacle.",
            ),
            "small",
        )
    )
    below = res.below_standard
    affected = sorted(
        res.affected, key=lambda w: (w not in below, -(w.before_min - w.after_min), w.id)
    )
    story.append(
        para(
            t(
                f"共计算 {len(res.windows)} 个窗，加装后日照减少的 {len(affected)} 个，"
                f"由达标降至不达标的 {len(below)} 个。",
                f"{counted(len(res.windows), 'window')} computed; {len(affected)} "
                f"{agreeing(len(affected), 'loses', 'lose')} sun, {len(below)} "
                f"{agreeing(len(below), 'falls', 'fall')} from meeting the standard to below it.",
            ),
            "body",
        )
    )
    if affected:
        yes, no = t("达标", "meets"), t("不达标", "below")
        rows = [
            [
                t("窗", "Window"),
                t("加装前（小时）", "Before (h)"),
                t("加装后（小时）", "After (h)"),
                t("减少（小时）", "Lost (h)"),
                t("加装前", "Before"),
                t("加装后", "After"),
            ]
        ]
        for w in affected[:MAX_ROWS]:
            rows.append(
                [
                    w.id,
                    *w.shown_h(),
                    yes if w.meets_before else no,
                    yes if w.meets_after else no,
                ]
            )
        story.append(
            table(
                rows,
                [width * f for f in (0.2, 0.16, 0.16, 0.16, 0.16, 0.16)],
                align_right_cols=[1, 2, 3],
            )
        )
        if len(affected) > MAX_ROWS:
            story.append(
                para(
                    t(
                        f"另有 {len(affected) - MAX_ROWS} 个窗日照减少较少，未列出。",
                        f"{len(affected) - MAX_ROWS} more windows lose less sun (not listed).",
                    ),
                    "small",
                )
            )
    story.append(para(_compensation_note(r, t), "small"))
    return story


def _compensation_note(r, t: Tr) -> str:
    """The standard's words on adding a facility outside an existing building, where its
    data gives them (``exemption``: GB 50180-2018 §4.0.9 item 2), and the negotiation."""
    from ..site.sunlight_rules import standard_data

    ex = standard_data(r.standard).get("exemption")
    negotiate = t(
        "日照减少的业主可据上表协商补偿。",
        "Owners who lose sun may negotiate compensation on the basis of the table above.",
    )
    if not ex:
        return negotiate
    return (
        t(
            f"{ex['clause']}规定，{ex['text_zh']}。",
            f"{ex['clause_en']}: {ex['text_en']}. ",
        )
        + negotiate
    )
