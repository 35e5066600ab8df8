"""Consent forms (意见征询表): one form per owner, listing all of the owner's homes.

Each form states the question in full, the return deadline and place, the organiser (from
``project.settings["organisation"]``; blanks to fill by hand where absent), the owner's homes
with their shares, and fields for the ID number's last digits, the phone, the co-owner's and
a proxy's signatures with the proxy's evidence. An owner of several homes gets one form and
one vote.

Forms printed from a project carry a ballot block (:mod:`.ballot_block`): fiducials, a QR
code with the form's signed identity (:mod:`elevator_eval.ballots`) and the tick boxes, so
that returned forms can be read back from scans. The per-project secret is created on first
use (``build_consent_forms`` then returns ``True`` and the caller saves the project).

The scheme version (``unit.scheme_version`` plus a short hash of the costs, subsidies, share
settings and computed shares, see :func:`~elevator_eval.report.scheme_version.scheme_label`) binds a
signature to the scheme the owner saw. Pages are numbered per form ("第 1 页 / 共 2 页" only
when a form runs over one page).
"""

from __future__ import annotations

from decimal import Decimal

from .. import ballots as B
from ..costshare import compute_share
from ..rulebook import resolve
from .ballot_block import ballot_block
from .common import (
    APP_NAME_EN,
    APP_NAME_ZH,
    PAGE_MARGIN_MM,
    Tr,
    content_width,
    esc,
    fmt_area,
    fmt_pct_units,
    fmt_yuan,
    kv_table,
    para,
    para_markup,
    plain,
    styles,
    table,
    today_iso,
    unavailable,
    unit_context,
)
from .docdata import organisation, payment_rule
from .money_rows import owners_total_pairs, share_percent_units
from .scheme_version import scheme_label

BLANK = "________________"


def _or_blank(text: str) -> str:
    return text if text else BLANK


def _form_mark(key: tuple[int, str]):
    """A zero-size flowable that tells the canvas which form the page belongs to."""
    from reportlab.platypus import Flowable

    class FormMark(Flowable):
        def wrap(self, aw, ah):
            return 0, 0

        def draw(self):
            self.canv.ee_form_key = key

    return FormMark()


def _fit(text: str, font: str, size: float, width: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while text and stringWidth(text, font, size) > width:
        text = text[:-2] + "…"
    return text


def _form_canvas(header_left: str, header_right: str, footer_left: str, t: Tr):
    """A canvas numbering pages per form (nothing on a one-page form)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    from .. import fonts
    from .page_template import document_canvas_class

    font = fonts.register_reportlab()
    left, right = PAGE_MARGIN_MM * mm, A4[0] - PAGE_MARGIN_MM * mm

    class FormCanvas(document_canvas_class()):  # type: ignore[misc]
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.ee_pages: list[dict] = []
            self.ee_form_key = (0, "")

        def showPage(self):
            self.ee_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            keys = [p.get("ee_form_key", (0, "")) for p in self.ee_pages]
            count: dict[tuple[int, str], int] = {}
            for k in keys:
                count[k] = count.get(k, 0) + 1
            seen: dict[tuple[int, str], int] = {}
            for state, k in zip(self.ee_pages, keys):
                seen[k] = seen.get(k, 0) + 1
                self.__dict__.update(state)
                self._decorate(k, seen[k], count[k])
                super().showPage()
            super().save()

        def _decorate(self, key: tuple[int, str], n: int, total: int):
            self.saveState()
            self.setFont(font, 8)
            self.setFillColor(colors.HexColor("#555555"))
            self.setStrokeColor(colors.HexColor("#A0A0A0"))
            self.setLineWidth(0.4)
            top, w = A4[1] - 11 * mm, right - left
            self.drawRightString(right, top, _fit(plain(header_right), font, 8, w * 0.45))
            self.drawString(left, top, _fit(plain(header_left), font, 8, w * 0.53))
            self.line(left, top - 2.5 * mm, right, top - 2.5 * mm)
            bottom = 10 * mm
            self.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
            text = t("表单编号 ", "Form ") + key[1] if key[1] else ""
            if total > 1:
                text += t(f"　第 {n} 页 / 共 {total} 页", f"  page {n} of {total}")
            self.drawRightString(right, bottom, text)
            self.drawString(left, bottom, _fit(plain(footer_left), font, 8, w * 0.5))
            self.restoreState()

    return FormCanvas


def _owner_form(
    index, unit, owner_id, homes, share, version, t: Tr, width, project, org, ballot
) -> list:
    """One owner's form: the question, the homes and amounts, the decision and signatures."""
    story = _form_head(index, unit, version, t, width, project, org, ballot)
    rows_story, totals = _homes(homes, share, t, width)
    story += rows_story
    story += _amounts(share, homes, totals, t, width)
    story += _decision(version, t, width, org, ballot)
    return story


def _form_head(index, unit, version, t: Tr, width, project, org, ballot) -> list:
    """Form mark, title, the unit, the question, where to return it and who organises."""
    community, building, project_name = unit_context(unit, project)
    serial = ballot[0].serial if ballot else ""
    story = [
        _form_mark((index, serial)),
        para(t("既有住宅加装电梯意见征询表", "Elevator retrofit: consent form"), "h1"),
    ]
    where = " · ".join(x for x in (project_name, community, building) if x)
    story.append(
        para(
            (where + " · " if where else "")
            + t("单元：", "Unit: ")
            + (unit.name or unit.id)
            + t(f"（{unit.id}）", f" ({unit.id})"),
            "body",
        )
    )
    question = t(
        f"是否同意按本方案（版本 {version}）加装电梯并按本表所列出资分摊费用？",
        f"Do you agree to install the elevator under this scheme (version {version}) "
        "and to pay the share listed on this form?",
    )
    story.append(
        para_markup(esc(t("征询事项：", "Question: ")) + "<b>" + esc(question) + "</b>", "box")
    )
    deadline = org["return_deadline"] or t("______年____月____日", "____________")
    place = org["return_place"] or org["address"]
    story.append(
        para(
            t(
                f"请于 {deadline} 前将本表签字后交回：{_or_blank(place)}。逾期未交回的，"
                "按未参与表决处理。",
                f"Please return this form, signed, by {deadline} to "
                f"{_or_blank(place)}. Forms not returned in time count as not "
                "taking part.",
            ),
            "body",
        )
    )
    pairs = [
        (t("组织单位", "Organiser"), _or_blank(org["street_office"])),
        (t("咨询单位", "Consultant"), _or_blank(org["consultant"])),
        (
            t("联系人 / 联系电话", "Contact / phone"),
            _or_blank(org["contact_person"]) + "　" + _or_blank(org["contact_phone"]),
        ),
    ]
    story.append(kv_table(pairs, width, 0.25))
    return story


def _homes(homes, share, t: Tr, width) -> tuple[list, tuple[Decimal, Decimal, Decimal]]:
    """The owner's homes with their capital share and running cost [yuan]; and the totals
    (capital share, yearly running cost, compensation received)."""
    story = [para(t("业主及房屋", "Owner and homes"), "h2")]
    name = next((h.owner_name for h in homes if h.owner_name), "")
    rows = [
        [
            t("门牌号", "Door"),
            t("楼层", "Floor"),
            t("专有部分面积", "Exclusive area"),
            t("本户建设出资", "Capital share"),
            t("年运行费", "Running cost / year"),
        ]
    ]
    total_share, total_run, total_received = Decimal(0), Decimal(0), Decimal(0)
    for h in homes:
        hs = _hs(share, h.id)
        cell = "—"
        if hs is not None:
            # compensation is its own line, never a negative share
            received = -hs.compensation_yuan if hs.compensation_yuan < 0 else Decimal(0)
            total_share += hs.share_yuan + received
            total_received += received
            total_run += hs.annual_running_yuan
            cell = fmt_yuan(hs.share_yuan + received, symbol=True)
            if received:
                cell += t("；获得补偿 ", "; receives ") + fmt_yuan(received, symbol=True)
        rows.append(
            [
                h.id,
                str(h.floor),
                fmt_area(h.area_m2) + " " + t.m2,
                cell,
                fmt_yuan(hs.annual_running_yuan, symbol=True) if hs else "—",
            ]
        )
    if len(homes) > 1:
        rows.append(
            [
                t("合计", "Total"),
                "",
                fmt_area(sum((h.area_m2 for h in homes), Decimal(0))) + " " + t.m2,
                fmt_yuan(total_share, symbol=True) if share else "—",
                fmt_yuan(total_run, symbol=True) if share else "—",
            ]
        )
    story.append(kv_table([(t("业主", "Owner"), name or BLANK)], width, 0.25))
    story.append(
        table(rows, [width * f for f in (0.16, 0.1, 0.24, 0.26, 0.24)], align_right_cols=(2, 3, 4))
    )
    if len(homes) > 1:
        story.append(
            para(
                t(
                    f"您在本单元有 {len(homes)} 套住房，只填本表一张，计一票；"
                    "表决面积按各套面积合计。",
                    f"You own {len(homes)} homes in this unit: fill in this one form; "
                    "you have one vote, and the areas of your homes are added.",
                ),
                "small",
            )
        )
    else:
        story.append(
            para(t("每位业主一张表、计一票。", "One form and one vote per owner."), "small")
        )
    return story, (total_share, total_run, total_received)


def _amounts(share, homes, totals, t: Tr, width) -> list:
    """The scheme's totals and this owner's part of them (``homes``: the owner's
    households in this unit)."""
    total_share, total_run, total_received = totals
    story: list = []
    if share is None:
        story.append(
            unavailable(
                t,
                "费用分摊",
                "Cost sharing",
                t(
                    "费用分摊模块未安装，无法填入金额。",
                    "the cost-sharing engine is not installed.",
                ),
            )
        )
    else:
        # the owner's part as the proposal's table prints it (summed over their homes)
        units = share_percent_units(share)
        own = [units[h.id] for h in homes if units and h.id in units]
        pct = fmt_pct_units(sum(own)) if own else "—"
        pool = share.compensation_pool_yuan
        pairs = [
            (
                t("建设总费用 / 政府补贴", "Capital total / subsidies"),
                fmt_yuan(share.total_yuan, symbol=True)
                + " / "
                + fmt_yuan(share.subsidy_yuan, symbol=True),
            ),
            (t("分摊方法", "Method"), t.pair((share.method_title_zh, share.method_title_en))),
        ]
        # the owners' total, and with compensation what the paying households pay together
        # (the base of the percentages)
        pairs += owners_total_pairs(share, t)
        pairs.append(
            (
                t("您的出资合计", "Your capital share"),
                fmt_yuan(total_share, symbol=True)
                + (
                    t(f"（占出资住户合计支付的 {pct}）", f" ({pct} of all paid)")
                    if pool > 0
                    else t(f"（占业主合计 {pct}）", f" ({pct} of the owners' total)")
                ),
            )
        )
        if total_received:
            pairs.append(
                (
                    t("您获得的补偿", "Compensation you receive"),
                    fmt_yuan(total_received, symbol=True)
                    + t(
                        "（由出资业主支付，另行签订书面协议）",
                        " (paid by the contributing owners; a separate written agreement)",
                    ),
                )
            )
        pairs.append(
            (
                t("10 年合计（出资 + 运行）", "10-year total (capital + running)"),
                fmt_yuan(total_share + 10 * total_run, symbol=True),
            )
        )
        story.append(kv_table(pairs, width, 0.3))

    return story


def _decision(version, t: Tr, width, org, ballot) -> list:
    """The ballot boxes, comments, signatures, the note on the scheme version, the seal."""
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Spacer

    serial = ballot[0].serial if ballot else ""
    story: list = []
    labels = tuple(t.pair(B.OPTION_LABELS[o]) for o in B.OPTIONS)
    hint = t(
        "请在一个方框内打“✓”；改变主意请另取新表，勿涂改。",
        "Tick one box; to change it, ask for a new form (no corrections).",
    )
    block = ballot_block(
        ballot[1] if ballot else None,
        labels,  # type: ignore[arg-type]
        t("表单编号：", "Form serial: ") + (serial or "—"),
        hint,
    )
    story.append(
        KeepTogether([para(t("您的意见（请在一个方框内打“✓”）", "Your decision"), "h2"), block])
    )
    story.append(para(t("意见或建议：", "Comments:") + "_" * 60, "body"))
    story.append(Spacer(1, 8))
    sig_rows = [
        [
            t("业主签名", "Owner's signature"),
            "",
            t("身份证号后四位", "ID, last 4 digits"),
            "",
            t("联系电话", "Phone"),
            "",
        ],
        [
            t("共有人签名", "Co-owner's signature"),
            "",
            t("身份证号后四位", "ID, last 4 digits"),
            "",
            t("日期", "Date"),
            "",
        ],
        [
            t("代理人签名", "Proxy's signature"),
            "",
            t("身份证号后四位", "ID, last 4 digits"),
            "",
            t("日期", "Date"),
            "",
        ],
    ]
    story.append(
        KeepTogether(
            [
                table(
                    sig_rows,
                    [width * f for f in (0.16, 0.22, 0.17, 0.12, 0.11, 0.22)],
                    header_rows=0,
                    zebra=False,
                    extra_style=[
                        ("ROWHEIGHT", (0, 0), (-1, -1), 26),
                        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F0F3F7")),
                    ],
                ),
                para(
                    t(
                        "代理人须附业主签字的授权委托书（或监护、继承等证明）原件或复印件，并出示本人身份证件。"
                        "共有房屋由共有人共同签名或由其中一人持其他共有人的书面授权签名。",
                        "A proxy attaches the owner's signed power of attorney (or proof of "
                        "guardianship or inheritance) and shows an identity document. Co-owned homes: "
                        "all co-owners sign, or one signs with the others' written authority.",
                    ),
                    "small",
                ),
            ]
        )
    )
    story.append(
        para(
            t(
                f"说明：本表对应方案版本 {version}，费用、补贴或分摊办法如有变更，版本号随之改变，须按新方案"
                f"重新征询。所列出资按预算计；{payment_rule('overrun', t)}。"
                "表决按业主计，以签字原件为准；本表二维码用于核对表格真伪与录入，不含金额。",
                f"Note: this form belongs to scheme version {version}; if the costs, subsidies or "
                "sharing change, the version changes and owners are asked again. The share "
                f"listed is the budget's; {_lower_first(payment_rule('overrun', t))}. Votes count per "
                "owner; the signed original counts. The code checks the form and speeds up "
                "counting; it holds no amounts.",
            ),
            "small",
        )
    )
    seal = org["seal_text"] or org["street_office"]
    story.append(
        para(
            t(f"组织单位（盖章）：{_or_blank(seal)}", f"Organiser (seal): {_or_blank(seal)}"),
            "body",
        )
    )
    return story


def _hs(share, household_id):
    if share is None:
        return None
    try:
        return share.household(household_id)
    except KeyError:
        return None


def build_consent_forms(
    unit, *, project=None, lang: str = "zh", out, households: list[str] | None = None
) -> bool:
    """Write the consent forms of ``unit``: one form per owner.

    Parameters
    ----------
    unit : Unit
    project : Project, optional
        With a project the forms carry signed QR codes; the project's form secret is
        created on first use.
    lang : "zh" or "en"
    out : path or binary file object
    households : list of str, optional
        Door numbers whose owners get a form (all owners by default).

    Returns
    -------
    bool
        True when the project's form secret was created now (save the project).
    """
    from reportlab.platypus import PageBreak

    t = Tr(lang)
    rules = resolve(project, unit)
    share = compute_share(unit, settings=project.settings if project is not None else None)
    version = scheme_label(unit, share)
    width = content_width()
    styles()
    created = False
    secret = None
    if project is not None:
        had = B.form_secret(project) is not None
        secret = B.form_secret(project, create=True)
        created = not had
    org = organisation(project)
    wanted = None if households is None else set(households)
    story: list = []
    for index, (owner_id, homes) in enumerate(B.owners(unit)):
        if wanted is not None and not any(h.id in wanted for h in homes):
            continue
        ballot = None
        if secret is not None:
            ident = B.form_identity(project, unit, owner_id, version, secret)
            ballot = (ident, B.encode_payload(ident, secret))
        if story:
            story.append(PageBreak())
        story += _owner_form(
            index, unit, owner_id, homes, share, version, t, width, project, org, ballot
        )
        story.append(
            para(
                t("表决规则：", "Consent ruleset: ")
                + t.pair((rules.consent.title_zh, rules.consent.title_en)),
                "small",
            )
        )
    if not story:
        story.append(para(t("本单元没有住户。", "This unit has no households.")))
    _write(out, story, unit, version, t)
    return created


def _write(out, story: list, unit, version: str, t: Tr) -> None:
    """Lay the forms out on A4 pages with the forms' running header and footer."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    title = t("加装电梯意见征询表", "Consent forms") + " — " + (unit.name or unit.id)
    m = PAGE_MARGIN_MM * mm
    doc = SimpleDocTemplate(
        out if hasattr(out, "write") else str(out),
        pagesize=A4,
        leftMargin=m,
        rightMargin=m,
        topMargin=m + 2 * mm,
        bottomMargin=m,
        title=plain(title),
        author=APP_NAME_ZH,
        creator=f"{APP_NAME_ZH} {APP_NAME_EN}",
        subject=plain(title),
    )
    rl_config.useA85 = 0
    footer = (
        t(f"{APP_NAME_ZH} · ", f"{APP_NAME_EN} · ") + t("生成日期 ", "generated ") + today_iso()
    )
    doc.build(
        story,
        canvasmaker=_form_canvas(
            t("意见征询表", "Consent form") + " · " + (unit.name or unit.id),
            t("方案版本 ", "Scheme ") + version,
            footer,
            t,
        ),
    )


def _lower_first(text: str) -> str:
    """A sentence continued after a semicolon: its first letter in lower case."""
    return text[:1].lower() + text[1:]
