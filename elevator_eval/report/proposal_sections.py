"""Sections of the proposal (方案书) that a street office needs to hand it out as it is:
elevator specification and entry options, impacts on lower floors, the payment schedule
and fund rules, the use-and-maintenance plan, and the parties with their signature and seal
blocks. The sharing rule in full is in :mod:`.proposal_sharing`.

Values that are not the project's own data (specification defaults, reference costs of
the other entry mode, upkeep and payment arrangements) come from
``rules/documents/default.json`` and are labelled 经验值 (practice value) when they are not
official.
"""

from __future__ import annotations

from decimal import Decimal

from ..vocabulary import counted
from . import labels as L
from .common import Tr, fmt_num, fmt_yuan, kv_table, money_column, para, table
from .docdata import doc_rules, elevator_spec, organisation, payment_rule, practice_label
from .money_rows import display_shares, payment_schedule


def basis_text(block: dict, t: Tr) -> str:
    """A block's basis in the document's language, labelled 经验值 / Practice value when it
    is not official and its text does not say so already (in any case: the rules' English
    texts begin with "Practice value")."""
    label = practice_label(block, t)
    text = t.pair((block["basis_zh"], block["basis_en"]))
    if label and not text.casefold().startswith(label.casefold()):
        text = label[:1].upper() + label[1:] + t("：", ": ") + text
    return text


# --------------------------------------------------------------------- elevator and entry


def spec_and_entry(d, t: Tr, width: float, heading: str) -> list:
    """Elevator specification and the two entry options side by side."""
    unit = d.unit
    spec = elevator_spec(unit)
    rules = doc_rules()
    mark = t("（经验值）", " (practice value)")

    def m(key, text):
        return text + (mark if key in spec.from_rules and not rules["elevator"]["official"] else "")

    stops = unit.building.storeys
    pairs = [
        (t("额定载重量", "Rated load"), m("rated_load_kg", f"{spec.rated_load_kg} kg")),
        (
            t("额定乘客人数", "Passengers"),
            m("persons", t(f"{spec.persons} 人", f"{spec.persons} persons")),
        ),
        (t("额定速度", "Rated speed"), m("speed_m_s", f"{fmt_num(spec.speed_m_s)} m/s")),
        (t("停靠站数", "Stops"), t(f"{stops} 站", f"{stops} stops")),
        (
            t("轿厢净尺寸（宽×深）", "Car (width × depth)"),
            m("car_mm", f"{spec.car_mm[0]} × {spec.car_mm[1]} mm"),
        ),
        (
            t("轿厢门（宽×高）", "Car door (width × height)"),
            m(
                "door_mm",
                f"{spec.door_mm[0]} × {spec.door_mm[1]} mm "
                + t.pair((rules["elevator"]["door_zh"], rules["elevator"]["door_en"])),
            ),
        ),
        (
            t("无障碍（可容纳轮椅）", "Accessible (wheelchair)"),
            m("accessible", L.label(L.YES_NO, spec.accessible, t)),
        ),
        (
            t("可容纳担架", "Stretcher"),
            m(
                "stretcher",
                L.label(L.YES_NO, spec.stretcher, t)
                + (
                    ""
                    if spec.stretcher
                    else t(
                        f"（需约 {rules['elevator']['stretcher_load_kg']} kg、轿厢进深约 "
                        f"{rules['elevator']['stretcher_car_mm'][1]} mm）",
                        f" (needs about {rules['elevator']['stretcher_load_kg']} kg and a car about "
                        f"{rules['elevator']['stretcher_car_mm'][1]} mm deep)",
                    )
                ),
            ),
        ),
    ]
    return [
        para(heading, "h2"),
        kv_table(pairs, width * 0.75, 0.4),
        para(basis_text(rules["elevator"], t), "tiny"),
    ] + _entry_options(unit, t, width)


def _entry_options(unit, t: Tr, width: float) -> list:
    """The half-landing and flat entry options compared, this scheme's marked."""
    e = doc_rules()["entry_options"]
    stops = unit.building.storeys
    steps = e["steps_per_half_flight"]
    current = unit.site.entry_mode
    total = unit.costs.total_yuan

    def cost(mode):
        if mode == current and total:
            return t(f"¥{fmt_yuan(total)}（本方案预算）", f"¥{fmt_yuan(total)} (this budget)")
        ref = e["reference_cost_yuan"][mode]
        return t(f"约 ¥{fmt_yuan(ref)}（经验值）", f"about ¥{fmt_yuan(ref)} (practice value)")

    def col(mode, key):
        return t.pair((e[mode][key + "_zh"], e[mode][key + "_en"])).replace("{steps}", str(steps))

    name = {mode: L.label(L.ENTRY_MODES, mode, t) for mode in ("half_landing", "flat")}
    for mode in name:
        if mode == current:
            name[mode] += t("（本方案）", " (this scheme)")
    rows = [
        [t("比较项", "Item"), name["half_landing"], name["flat"]],
        [
            t("停靠位置", "Stops at"),
            t(f"{stops} 站：", f"{stops} stops: ") + col("half_landing", "stops"),
            t(f"{stops} 站：", f"{stops} stops: ") + col("flat", "stops"),
        ],
        [t("仍需爬楼梯", "Who still climbs"), col("half_landing", "climb"), col("flat", "climb")],
        [t("造价", "Cost"), cost("half_landing"), cost("flat")],
        [t("占地", "Space"), col("half_landing", "space"), col("flat", "space")],
        [t("采光与日照", "Daylight"), col("half_landing", "light"), col("flat", "light")],
    ]
    return [
        para(t("入户方式比较", "Entry options compared"), "h3"),
        table(rows, [width * 0.16, width * 0.42, width * 0.42]),
        para(basis_text(e, t), "tiny"),
    ]


# ---------------------------------------------------------------------- lower-floor impacts


def impacts(d, t: Tr, width: float, heading: str) -> list:
    """How the retrofit affects lower floors and how each effect is handled; compensation
    received as its own line; the affected owners' separate written consent."""
    unit = d.unit
    block = doc_rules()["impacts"]
    items = list(block["items"])
    site = unit.site
    keep = []
    for it in items:
        if it["key"] == "courtyard" and not site.occupies_private_courtyard:
            continue
        if it["key"] == "privacy" and site.entry_mode != "flat":  # no corridor to speak of
            it = dict(
                it,
                zh=it["half_landing_zh"],
                en=it["half_landing_en"],
                handle_zh=it["half_landing_handle_zh"],
                handle_en=it["half_landing_handle_en"],
            )
        keep.append(it)
    rows = [[t("影响", "Effect"), t("处理办法", "How it is handled")]]
    for it in keep:
        rows.append([t.pair((it["zh"], it["en"])), t.pair((it["handle_zh"], it["handle_en"]))])
    story = [
        para(heading, "h2"),
        table(rows, [width * 0.25, width * 0.75]),
        para(basis_text(block, t), "tiny"),
    ]
    s = d.share
    if s is not None:
        paid, received = display_shares(s)
        lines = [
            t(
                f"{h.id}（{h.floor} 层）：获得补偿 ¥{fmt_yuan(r)}",
                f"{h.id} (floor {h.floor}): receives compensation of ¥{fmt_yuan(r)}",
            )
            for h, r in zip(s.households, received)
            if r > 0
        ]
        if lines:
            story.append(
                para(
                    t("补偿：", "Compensation: ")
                    + t("；", "; ").join(lines)
                    + t(
                        f"。补偿金共 ¥{fmt_yuan(s.compensation_pool_yuan)}，由出资住户按分摊"
                        "比例承担，已计入各户出资。",
                        f". The compensation of ¥{fmt_yuan(s.compensation_pool_yuan)} "
                        "in all is paid by the contributing households in the sharing "
                        "proportions and is included in their shares.",
                    ),
                    "body",
                )
            )
        elif site.occupies_private_courtyard or site.sunlight_below_standard:
            story.append(
                para(
                    t(
                        "补偿：本方案尚未约定补偿金额；受影响住户的补偿须经协商并写入分摊方案。",
                        "Compensation: none agreed yet; the compensation of the "
                        "affected households is to be negotiated and written into "
                        "the sharing plan.",
                    ),
                    "body",
                )
            )
    # which doors: not printed, since the vote section says whether they have agreed yet
    if site.occupies_private_courtyard or any(h.exclusive_part_affected for h in unit.households):
        story.append(
            para(
                t(
                    "专有部分或私家庭院受影响的住户须另行签署书面同意书，该同意不以表决结果代替。",
                    "The households whose exclusive part or private courtyard is "
                    "affected sign a separate written consent; the vote does not "
                    "replace it.",
                ),
                "body",
            )
        )
    return story


# ---------------------------------------------------------------------------- payments


def payments(d, t: Tr, width: float, heading: str) -> list:
    """Payment schedule (advance before the subsidy, refund after it, final net) and the
    fund rules (dedicated account, overruns, surplus)."""
    s = d.share
    story = [para(heading, "h2")]
    block = doc_rules()["payment"]
    if s is not None:
        rows_data = sorted(payment_schedule(d.unit, s), key=lambda r: (-r.floor, r.id))
        pool = s.compensation_pool_yuan
        advance_zh, advance_en = "全部建设费用", "the whole capital cost"
        if pool:  # the advance includes what the contributing households pay the lower floors
            advance_zh = f"全部建设费用及低层补偿 ¥{fmt_yuan(pool)}"
            advance_en = f"the whole capital cost and the compensation of ¥{fmt_yuan(pool)}"
        story.append(
            para(
                t(
                    f"政府补贴在竣工验收后拨付，开工前须由出资住户先行垫付{advance_zh}；"
                    "补贴到账后按同一比例退还，各户最终净出资即分摊表中的出资额。",
                    "The subsidy is paid after acceptance, so the contributing "
                    f"households advance {advance_en} before work starts; the advance "
                    "is refunded in the same proportions when the subsidy arrives, "
                    "leaving each household's final net share.",
                ),
                "body",
            )
        )
        adv = money_column(
            [r.advance for r in rows_data] + [sum((r.advance for r in rows_data), Decimal(0))]
        )
        ref = money_column(
            [r.refund for r in rows_data] + [sum((r.refund for r in rows_data), Decimal(0))]
        )
        net = money_column(
            [r.net for r in rows_data] + [sum((r.net for r in rows_data), Decimal(0))]
        )
        rec = [
            t(f"获得补偿 ¥{fmt_yuan(r.received)}", f"receives ¥{fmt_yuan(r.received)}")
            if r.received
            else ""
            for r in rows_data
        ] + [
            t(f"共 ¥{fmt_yuan(s.compensation_pool_yuan)}", f"¥{fmt_yuan(s.compensation_pool_yuan)}")
            if s.compensation_pool_yuan
            else ""
        ]
        head = [
            t("门牌", "Door"),
            t("第一期：开工前预缴", "1. Advance before work"),
            t("第二期：补贴到账后退还", "2. Refund when the subsidy arrives"),
            t("最终净出资", "Final net share"),
            t("补偿", "Compensation"),
        ]
        rows = [head] + [[r.id, adv[i], ref[i], net[i], rec[i]] for i, r in enumerate(rows_data)]
        rows.append([t("合计", "Total"), adv[-1], ref[-1], net[-1], rec[-1]])
        widths = [0.12, 0.22, 0.24, 0.2, 0.22]
        if not s.compensation_pool_yuan:  # no compensation: no empty column
            rows = [r[:4] for r in rows]
            widths = [0.16, 0.28, 0.3, 0.26]
        from reportlab.lib import colors

        story.append(
            table(
                rows,
                [width * w for w in widths],
                align_right_cols=[1, 2, 3],
                extra_style=[
                    (
                        "BACKGROUND",
                        (0, len(rows) - 1),
                        (-1, len(rows) - 1),
                        colors.HexColor("#FFF2CC"),
                    )
                ],
            )
        )
    for key in ("account", "overrun", "surplus"):
        label = {
            "account": t("专用账户：", "Dedicated account: "),
            "overrun": t("超支：", "Overrun: "),
            "surplus": t("结余：", "Surplus: "),
        }[key]
        story.append(para(label + payment_rule(key, t), "body"))
    story.append(para(basis_text(block, t), "tiny"))
    return story


# -------------------------------------------------------------------- use and maintenance


def upkeep(d, t: Tr, width: float, heading: str) -> list:
    """使用管理人, maintenance company and contract, running-cost collection, reserve."""
    block = doc_rules()["maintenance"]
    unit = d.unit
    own = unit.extra.get("upkeep") if isinstance(unit.extra, dict) else None
    own = own if isinstance(own, dict) else {}
    s = d.share
    yearly = s.annual_running_total_yuan if s is not None else unit.costs.annual_total_yuan
    years = block["reserve_years"]
    reserve = fmt_yuan(Decimal(yearly) * years) if yearly else "—"

    def fill(key, n=18):
        v = own.get(key)
        return str(v) if isinstance(v, str) and v.strip() else "_" * n

    rows = [
        (
            t("使用管理人", "User-manager"),
            t.pair((block["manager_zh"], block["manager_en"]))
            + t("。名称：", ". Name: ")
            + fill("manager"),
        ),
        (
            t("维保单位与合同", "Maintenance company"),
            t.pair((block["contract_zh"], block["contract_en"])).replace(
                "{years}", str(block["contract_years"])
            )
            + t("。单位：", ". Company: ")
            + fill("maintenance_company"),
        ),
        (
            t("运行费收取", "Running-cost collection"),
            t.pair((block["collection_zh"], block["collection_en"])),
        ),
        (
            t("备用金", "Reserve"),
            t.pair((block["reserve_zh"], block["reserve_en"]))
            .replace("{period}", counted(years, "year"))  # English: "1 year", "2 years"
            .replace("{years}", str(years))
            .replace("{amount}", reserve),
        ),
    ]
    return [para(heading, "h2"), kv_table(rows, width, 0.2), para(basis_text(block, t), "tiny")]


# ------------------------------------------------------------------ parties and signatures


def signatures(d, t: Tr, width: float, heading: str) -> list:
    """The parties and their signature and seal blocks (blanks to fill in by hand)."""
    from reportlab.platypus import KeepTogether

    org = organisation(d.project)
    own = d.unit.extra.get("parties") if isinstance(d.unit.extra, dict) else None
    own = own if isinstance(own, dict) else {}

    def name(key, fallback=""):
        v = own.get(key)
        return str(v) if isinstance(v, str) and v.strip() else fallback

    sign = t("签字：__________　　日期：____年__月__日", "Signature: __________  Date: __________")
    seal = t("（盖章）", "(seal)")
    rows = [
        [t("角色", "Role"), t("名称", "Name"), t("签字、盖章与日期", "Signature, seal, date")],
        [t("组织单位", "Organiser"), name("organiser", org["street_office"]), seal],
        [t("编制单位", "Prepared by"), name("author_org", org["consultant"]), seal],
        [t("编制人", "Author"), name("author"), sign],
        [t("审核人", "Reviewer"), name("reviewer"), sign],
        [
            t("实施主体 / 业主代表", "Implementing body / owners' representative"),
            name("implementer"),
            sign,
        ],
        [t("设计单位", "Designer"), name("designer"), seal + " " + sign],
        [t("施工单位", "Builder"), name("builder"), seal + " " + sign],
    ]
    tbl = table(
        rows,
        [width * 0.22, width * 0.3, width * 0.48],
        extra_style=[("TOPPADDING", (0, 1), (-1, -1), 12), ("BOTTOMPADDING", (0, 1), (-1, -1), 12)],
    )
    note = para(
        t(
            "名称未填的，由各方在签署时填写；设计单位和施工单位在确定后补签。",
            "Names left blank are written in by each party when signing; the designer "
            "and builder sign once chosen.",
        ),
        "small",
    )
    return [KeepTogether([para(heading, "h2"), tbl, note])]


# ---------------------------------------------------------------------- costly remedies


def remedy_items(d) -> list[dict]:
    """Remedies of the unit's findings that cost money (appraisals, analyses), in finding
    order, each with its name, when and how long (rules data)."""
    if d.assessment is None:
        return []
    codes = doc_rules()["remedies"]["codes"]
    seen = []
    for f in d.assessment.findings:
        if f.code in codes and f.code not in [x["code"] for x in seen]:
            seen.append(dict(codes[f.code], code=f.code))
    return seen
