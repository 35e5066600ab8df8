"""The resident's copy: everything a project holds about one resident, as a PDF.

Printed from :func:`elevator_eval.privacy.resident_record` for the resident who asked
(个人信息保护法 第四十四条、第四十五条), so nothing is masked: it is their own data. One
language per document; every data string is escaped by :func:`para` / :func:`cell`.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from . import labels as L
from .common import Tr, content_width, fmt_yuan, kv_table, para, table, today_iso
from .page_template import build_pdf

FIELDS = (
    ("door", "门牌", "Door"),
    ("floor", "楼层", "Floor"),
    ("area_m2", "专有面积（㎡）", "Exclusive area (m²)"),
    ("owner", "业主编号", "Owner id"),
    ("owner_name", "姓名", "Name"),
    ("contact", "联系方式", "Contact"),
    ("vote", "表决意见", "Vote"),
    ("vote_date", "表决日期", "Vote date"),
    ("vote_source", "表决方式", "Vote cast by"),
    ("exclusive_part_affected", "专有部分受影响", "Exclusive part affected"),
    ("max_contribution_yuan", "出资上限（元）", "Contribution limit (yuan)"),
    ("provident_fund_yuan", "公积金（元）", "Provident fund (yuan)"),
)


MONEY = ("max_contribution_yuan", "provident_fund_yuan")
"""Fields printed as amounts of yuan (30,000)."""


def _value(key: str, value: Any, t: Tr) -> str:
    if key == "vote":
        return L.label(L.VOTES, value, t)
    if key == "vote_source" and value in L.VOTE_SOURCES:
        return L.label(L.VOTE_SOURCES, value, t)
    if value is None or value == "":
        return t("（无）", "(none)")
    if isinstance(value, bool):
        return t("是", "yes") if value else t("否", "no")
    if key in MONEY:
        try:
            return fmt_yuan(Decimal(str(value)))
        except (InvalidOperation, ValueError):
            return str(value)
    return str(value)


EXTRA_TITLES = {
    "intent": ("意向登记", "Intent registration"),
    "canvass": ("走访记录", "Canvassing contacts"),
    "vote_proxy": ("委托表决", "Vote by proxy"),
}
"""What the procedure keeps on a household, by its title in the report."""


def _extra(key: str, value: Any, t: Tr) -> tuple[str, str]:
    """A record the procedure keeps on a household (``Household.extra``), as a label and a
    readable value: an intent, each canvassing contact on a line of its own, any other
    record by its key with its values written out (never as program data)."""
    if key in EXTRA_TITLES:
        title = t.pair(EXTRA_TITLES[key])
    else:
        title = t("其他记录：", "Other record: ") + key
    if key == "intent" and isinstance(value, dict):
        return title, _intent(value, t)
    if key == "canvass" and isinstance(value, list):
        return title, "\n".join(
            _contact(c, t) if isinstance(c, dict) else _plain(c, t) for c in value
        )
    return title, _plain(value, t)


def _intent(value: dict, t: Tr) -> str:
    interested = value.get("interested")
    word = (
        t("愿意加装", "interested")
        if interested is True
        else t("不愿意加装", "not interested")
        if interested is False
        else _plain(interested, t)
    )
    details = [str(value[k]) for k in ("date", "channel") if value.get(k)]
    return word + (t(f"（{'，'.join(details)}）", f" ({', '.join(details)})") if details else "")


def _contact(c: dict, t: Tr) -> str:
    """``2026-03-08 电话：犹豫；顾虑：费用、补偿；…`` / ``2026-03-08 phone: undecided; …``."""
    channel = L.label(L.CONTACT_CHANNELS, c.get("channel"), t)
    outcome = L.label(L.CONTACT_OUTCOMES, c.get("outcome"), t)
    parts = [outcome]
    concerns = [L.label(L.CONCERNS, x, t) for x in c.get("concerns") or []]
    if concerns:
        parts.append(t("顾虑：", "concerns: ") + t("、", ", ").join(concerns))
    if c.get("note"):
        parts.append(str(c["note"]))
    head = " ".join(str(x) for x in (c.get("date"), channel) if x)
    return head + t("：", ": ") + t("；", "; ").join(parts)


def _when(stamp: Any) -> str:
    """A log entry's time as a reader writes it, ``2026-03-05 19:30`` (the stored text when
    it is not a time)."""
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(str(stamp)).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(stamp or "")


MAX_DEPTH = 8
"""How deep a stored record is written out (deeper parts read "…")."""


def _plain(value: Any, t: Tr, depth: int = 0) -> str:
    """Any stored value written out: ``key: value`` pairs, list items on lines of their
    own, yes / no, (none); nothing deeper than :data:`MAX_DEPTH`."""
    if isinstance(value, (dict, list)) and depth >= MAX_DEPTH:
        return "…"
    if isinstance(value, dict):
        sep, colon = t("；", "; "), t("：", ": ")
        return sep.join(f"{k}{colon}{_plain(v, t, depth + 1)}" for k, v in value.items())
    if isinstance(value, list):
        return "\n".join(_plain(v, t, depth + 1) for v in value)
    return _value("", value, t)


def build_resident_report(record: dict[str, Any], *, out, lang: str = "zh") -> None:
    """Write the resident's copy of ``record`` (from ``privacy.resident_record``)."""
    t = Tr(lang)
    width = content_width()
    res = record["resident"]
    story = [
        para(t("个人信息查阅答复", "Your personal information"), "title"),
        para(
            t(
                f"项目“{record['project']}”中与您有关的全部个人信息（截至 {today_iso()}）。"
                "依据《中华人民共和国个人信息保护法》第四十四条、第四十五条提供。",
                f"All personal information about you held in the project "
                f'"{record["project"]}" (as of {today_iso()}), provided under Articles '
                "44 and 45 of the Personal Information Protection Law of the PRC.",
            ),
            "body",
        ),
        kv_table(
            [
                (t("单元", "Unit"), f"{res['unit_name'] or res['unit']} ({res['unit']})"),
                (t("业主编号", "Owner id"), res["owner_id"]),
            ],
            width,
            0.26,
        ),
    ]
    for h in record["households"]:
        story.append(para(t("住户 ", "Household ") + h["door"], "h2"))
        pairs = [(t(zh, en), _value(key, h.get(key), t)) for key, zh, en in FIELDS]
        for k, v in sorted(h.get("extra", {}).items()):
            pairs.append(_extra(k, v, t))
        story.append(kv_table(pairs, width, 0.3))
    story.append(para(t("表决记录", "Vote log"), "h2"))
    if record["vote_log"]:
        rows = [
            [
                t("序号", "No."),
                t("时间", "Time"),
                t("门牌", "Door"),
                t("原 → 新", "Before → after"),
                t("方式", "Cast by"),
                t("备注", "Note"),
            ]
        ]
        for ev in record["vote_log"]:
            rows.append(
                [
                    str(ev["seq"]),
                    _when(ev["time"]),
                    ev["household_id"],
                    f"{_value('vote', ev['previous'], t)} → {_value('vote', ev['new'], t)}",
                    _value("vote_source", ev["source"], t),
                    ev["note"] or "",
                ]
            )
        story.append(table(rows, [width * w for w in (0.07, 0.18, 0.09, 0.2, 0.18, 0.28)]))
    unlogged = record.get("unlogged_votes") or []
    if unlogged:
        doors = t("、", ", ").join(unlogged)
        story.append(
            para(
                t(
                    f"{doors} 现在的表决意见（见上）在表决记录启用前录入，记录中没有其录入或变更。",
                    f"The present vote of {doors} (above) was entered before the vote log "
                    "was kept: the log holds no entry for it.",
                ),
                "body",
            )
        )
    elif not record["vote_log"]:
        story.append(para(t("无表决记录。", "No vote-log entries."), "body"))
    days = record.get("retention_days")
    story.append(para(t("保存期限", "Retention"), "h2"))
    story.append(
        para(
            t(
                f"联系方式与备注在表决登记满 {days} 天后删除。"
                if days
                else "本项目未设定自动删除期限；您可以要求删除您的个人信息（第四十七条）。",
                f"Contact details and notes are deleted {days} days after the vote is recorded."
                if days
                else "This project sets no automatic deletion period; you may ask for your "
                "personal information to be deleted (Article 47).",
            ),
            "body",
        )
    )
    if record.get("erasures"):
        story.append(
            para(
                t("本单元已执行的删除：", "Erasures carried out in this unit: ")
                + "; ".join(f"{e['date']} ({e['households']})" for e in record["erasures"]),
                "small",
            )
        )
    title = t("个人信息查阅答复", "Your personal information") + " — " + res["ref"]
    build_pdf(
        out,
        story,
        title=title,
        header_left=t("个人信息查阅答复", "Personal information"),
        header_right=res["ref"],
        lang=lang,
    )
