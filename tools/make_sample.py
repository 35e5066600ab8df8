"""Generate the bundled sample project ``resources/sample/sample-street.eeproj``.

A fictional street, 东湖街道 (Donghu Street), with two communities, seven buildings and
sixteen units. Every name, door number and phone number is made up; the phone numbers use
the 1390000xxxx block and are not real. The data are designed so that the sample shows
every suitability class under the default severities of the unit-format contract §3, every
consent state and every vote value; ``resources/sample/README.md`` lists the intent per unit.

The script is deterministic: running it twice gives the same content (the SQLite bytes may
differ only in the saved-at time).

Usage::

    python tools/make_sample.py [OUT.eeproj]
"""

from __future__ import annotations

import hashlib
import sys
from decimal import Decimal as D
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # sample_plans, sample_process

from sample_plans import plan_for  # noqa: E402

from elevator_eval.audit import record_vote  # noqa: E402
from elevator_eval.model import (  # noqa: E402
    Building,
    BuildingInfo,
    Community,
    Costs,
    Household,
    Project,
    ShareSettings,
    Site,
    Unit,
)
from elevator_eval.store import save_project  # noqa: E402

OUT = ROOT / "resources" / "sample" / "sample-street.eeproj"
PROJECT_UID = "5a3b1e0c2f8d4e6a9b7c1d2e3f405162"  # fixed so reruns give the same content

# -------------------------------------------------------------------------- people

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
GIVEN = [
    "建国",
    "秀英",
    "桂兰",
    "志强",
    "丽华",
    "明",
    "玉珍",
    "德福",
    "淑芬",
    "国庆",
    "海燕",
    "卫东",
    "春梅",
    "永刚",
    "凤英",
    "振华",
    "小红",
    "文斌",
    "金花",
    "红梅",
    "宏伟",
    "素琴",
    "立新",
    "慧敏",
    "家豪",
    "雪梅",
    "建军",
    "美玲",
    "晓东",
    "桂芳",
]
# Names with rarer characters that fonts and PDF output must handle.
SPECIAL_NAMES = {
    ("DH-1-1", "402"): "陶喆",
    ("GY-1-1", "301"): "欧阳堃",
    ("GY-3-1", "502"): "黎㛃",
    ("DH-5-1", "601"): "蔺喆堃",
}


def _name(k: int) -> str:
    return SURNAMES[(k * 7) % len(SURNAMES)] + GIVEN[(k * 11 + k // 3) % len(GIVEN)]


def _phone(k: int) -> str:
    return f"1390000{k % 10000:04d}"


# -------------------------------------------------------------------------- site presets


def site(entry="half_landing", **kw) -> Site:
    """A clean, fully surveyed site; keyword arguments override single fields."""
    base = dict(
        entry_mode=entry,
        footprint_available_m=(D("2.80"), D("3.00")),
        inside_red_line=True,
        fire_lane_width_after_m=D("4.50"),
        distance_to_neighbour_m=D("12.0"),
        occupies_private_courtyard=False,
        sunlight_below_standard=False,
        pipes_in_footprint=["water"],
        pit_depth_available_mm=1400,
        headroom_available_mm=3800,
        corridor_depth_m=D("1.80") if entry == "flat" else None,
    )
    base.update(kw)
    return Site(**base)


def costs(entry: str, pipes_yuan: int = 30000) -> Costs:
    """domain.md §3.1: 40万–70万 per elevator; flat entry costs more than half-landing."""
    if entry == "flat":
        items = {
            "equipment": 200000,
            "installation": 60000,
            "shaft_structure": 150000,
            "corridor": 90000,
            "civil": 70000,
            "pipe_relocation": pipes_yuan,
            "pit": 25000,
            "design_supervision": 25000,
        }
    else:
        items = {
            "equipment": 170000,
            "installation": 55000,
            "shaft_structure": 110000,
            "civil": 50000,
            "pipe_relocation": pipes_yuan,
            "pit": 20000,
            "design_supervision": 20000,
        }
    return Costs(
        items_yuan={k: D(v) for k, v in items.items()},
        annual_om_yuan={
            "maintenance": D(4000),
            "electricity": D("1200.00"),
            "inspection": D(600),
            "insurance": D(500),
        },
    )


SUB_PERCENT = [
    {
        "type": "percent_capped",
        "percent": D(40),
        "cap_yuan": D(280000),
        "title_zh": "市级财政补贴（示例）",
    }
]
SUB_FIXED = [
    {"type": "fixed", "yuan": D(240000), "title_zh": "区级定额补贴（示例）"},
    {"type": "pipeline", "cap_yuan": D(40000), "title_zh": "管线迁改补贴（示例）"},
]


def coeffs(storeys: int) -> dict[int, D]:
    table = {
        4: ["0", "0.5", "0.8", "1.0"],
        5: ["0", "0.4", "0.7", "0.9", "1.0"],
        6: ["0", "0.3", "0.6", "0.8", "0.9", "1.0"],
        7: ["0", "0.3", "0.5", "0.7", "0.85", "0.95", "1.0"],
    }[storeys]
    return {i + 1: D(v) for i, v in enumerate(table) if i > 0}


def share_area(storeys: int) -> ShareSettings:
    return ShareSettings(
        method="floor_coefficient_area",
        exempt_floors=[1],
        coefficients=coeffs(storeys),
        rounding_yuan=D(1),
    )


# -------------------------------------------------------------------------- units
# Votes, one letter per household in door order (101, 102, 201, 202, …):
# Y yes, N no, A abstain, - did not take part.
# AREAS per building: (door x01, door x02) in m².

B = {
    # id: (community, name, address, year, storeys, structure, grade, floor height, areas)
    "DH-1": ("DH", "1号楼", "东湖路 12 号", 1984, 6, "masonry", "B", "2.90", ("56.30", "61.05")),
    "DH-2": ("DH", "2号楼", "东湖路 14 号", 1982, 5, "masonry", "C", "2.80", ("48.60", "52.75")),
    "DH-5": ("DH", "5号楼", "东湖路 20 号", 1996, 7, "masonry", None, "2.90", ("72.40", "68.15")),
    "GY-1": ("GY", "1栋", "桂园路 3 号", 2004, 6, "frame", None, "3.00", ("88.50", "94.20")),
    "GY-3": ("GY", "3栋", "桂园路 7 号", 1999, 7, "frame", "A", "3.00", ("76.35", "82.90")),
    "GY-6": ("GY", "6栋", "桂园路 11 号", 1990, 4, "masonry", "B", "2.85", ("45.80", "50.10")),
    "GY-8": ("GY", "8栋", "桂园路 15 号", 1988, 5, "masonry", "B", "2.80", ("58.25", "63.40")),
}

# unit id: (building, entry, site overrides, votes, exclusive-part doors, share, subsidies,
#           intended class, why)
UNITS = [
    (
        "DH-1-1",
        "DH-1",
        "half_landing",
        dict(pipes_in_footprint=["water", "telecom"]),
        "NYAYYYYYYYY-",
        [],
        "area",
        "percent",
        "suitable",
        "only weak findings (water and telecom pipes)",
    ),
    (
        "DH-1-2",
        "DH-1",
        "half_landing",
        dict(pipes_in_footprint=["gas"]),
        "---YY-YY-Y-N",
        [],
        "area",
        "percent",
        "difficult",
        "one strong: gas pipe in the footprint",
    ),
    (
        "DH-1-3",
        "DH-1",
        "flat",
        dict(occupies_private_courtyard=True, sunlight_below_standard=True),
        "NYYYYYYYYYYY",
        ["101"],
        "area",
        "fixed",
        "unsuitable",
        "two strong: private courtyard and sunlight",
    ),
    (
        "DH-2-1",
        "DH-2",
        "half_landing",
        dict(
            fire_lane_width_after_m=None,
            distance_to_neighbour_m=None,
            pit_depth_available_mm=None,
            headroom_available_mm=None,
            occupies_private_courtyard=None,
            sunlight_below_standard=None,
            pipes_in_footprint=None,
        ),
        "----------",
        [],
        "area",
        "percent",
        "unsuitable",
        "major: danger grade C (site only partly surveyed)",
    ),
    (
        "DH-2-2",
        "DH-2",
        "half_landing",
        dict(fire_lane_width_after_m=D("3.50")),
        "YNYAY-NYYY",
        [],
        "area",
        "percent",
        "unsuitable",
        "major: danger grade C and fire lane 3.50 m < 4.0 m",
    ),
    (
        "DH-5-1",
        "DH-5",
        "half_landing",
        dict(),
        "-YYYYYYYYYYYYY",
        [],
        "stair",
        "percent",
        "difficult",
        "one strong: built 1996 and never appraised (appraisal first)",
    ),
    (
        "DH-5-2",
        "DH-5",
        "half_landing",
        dict(distance_to_neighbour_m=D("5.20")),
        "N-N-A-Y-Y-YYYY",
        [],
        "area",
        "percent",
        "unsuitable",
        "two strong: never appraised and 5.20 m to the neighbour",
    ),
    (
        "GY-1-1",
        "GY-1",
        "flat",
        dict(pipes_in_footprint=[]),
        "AYYYYYYYYYYY",
        [],
        "percent_hh",
        "fixed",
        "suitable",
        "no findings (built 2004, no appraisal needed)",
    ),
    (
        "GY-1-2",
        "GY-1",
        "flat",
        dict(footprint_available_m=(D("2.10"), D("2.40"))),
        "YYYYYYYYYYY-",
        [],
        "area",
        "fixed",
        "difficult",
        "one strong: footprint 2.10 × 2.40 m smaller than the 2.3 × 2.5 m shaft",
    ),
    (
        "GY-1-3",
        "GY-1",
        "half_landing",
        dict(
            footprint_available_m=None,
            inside_red_line=None,
            fire_lane_width_after_m=None,
            distance_to_neighbour_m=None,
            occupies_private_courtyard=None,
            sunlight_below_standard=None,
            pipes_in_footprint=None,
            pit_depth_available_mm=None,
            headroom_available_mm=None,
        ),
        "Y-Y---Y-YYY-",
        [],
        "area",
        "fixed",
        "suitable",
        "no findings, but the site is not surveyed yet (only the entry mode)",
    ),
    (
        "GY-3-1",
        "GY-3",
        "half_landing",
        dict(pit_depth_available_mm=1000, pipes_in_footprint=["drainage"]),
        "-YYYYYYYYYYYYY",
        [],
        "area",
        "fixed",
        "suitable",
        "only weak findings (reduced pit 1000 mm, drainage pipe)",
    ),
    (
        "GY-3-2",
        "GY-3",
        "flat",
        dict(inside_red_line=False),
        "NNA-Y-YYY-YYYY",
        [],
        "area",
        "fixed",
        "unsuitable",
        "major: the shaft would leave the site red line",
    ),
    (
        "GY-6-1",
        "GY-6",
        "flat",
        dict(sunlight_below_standard=True, distance_to_neighbour_m=D("9.40")),
        "N-YAYYYY",
        [],
        "area",
        "percent",
        "difficult",
        "one strong: sunlight of the neighbour below standard",
    ),
    (
        "GY-6-2",
        "GY-6",
        "half_landing",
        dict(pit_depth_available_mm=None, headroom_available_mm=None),
        "YYYYYYYY",
        [],
        "area",
        "percent",
        "suitable",
        "no strong findings; pit and headroom not surveyed",
    ),
    (
        "GY-8-1",
        "GY-8",
        "half_landing",
        dict(distance_to_neighbour_m=D("5.50")),
        "YYNYYYYYYY",
        ["201"],
        "area",
        "percent",
        "difficult",
        "one strong: 5.50 m to the neighbour",
    ),
    (
        "GY-8-2",
        "GY-8",
        "half_landing",
        dict(pipes_in_footprint=["telecom"]),
        "NNNYYNYYYY",
        [],
        "area",
        "percent",
        "suitable",
        "only a weak finding (telecom cable)",
    ),
]

VOTE = {"Y": "yes", "N": "no", "A": "abstain", "-": None}
SOURCES = ("meeting", "paper", "online", "other")


def make_households(
    uid: str, storeys: int, areas, votes: str, exclusive: list[str], k0: int
) -> list[Household]:
    assert len(votes) == 2 * storeys, (uid, votes)
    out = []
    for i, letter in enumerate(votes):
        floor = i // 2 + 1
        door = f"{floor}0{i % 2 + 1}"
        k = k0 + i
        vote = VOTE[letter]
        name = SPECIAL_NAMES.get((uid, door), _name(k))
        area = D(areas[i % 2])
        h = Household(
            id=door,
            floor=floor,
            area_m2=area,
            owner=f"{uid}-O{door}",
            vote=vote,
            owner_name=name,
            contact=_phone(k),
            exclusive_part_affected=door in exclusive,
        )
        if vote is not None:
            h.vote_date = f"2026-0{3 + i % 3}-{10 + i % 15:02d}"
            h.vote_source = SOURCES[i % 4]
        if i % 5 == 3:
            h.max_contribution_yuan = D(20000 + 5000 * floor)
        if i % 4 == 2 and floor >= 3:
            h.provident_fund_yuan = D(12000 + 3000 * floor)
        out.append(h)
    return out


def build() -> Project:
    p = Project(
        name="东湖街道既有住宅加装电梯普查（示例）",
        uid=PROJECT_UID,
        settings={
            "settings_version": 1,
            "default_rules": "civil-code-2021",
            "city": "示例市",
            "organisation": {
                "street_office": "示例市东湖街道办事处",
                "consultant": "示例工程咨询有限公司",
                "contact_person": "王工",
                "contact_phone": "027-0000-0000",
                "address": "东湖街道社区服务中心二楼",
                "seal_text": "东湖街道办事处",
            },
            "note_zh": "虚构示例数据，人名、门牌与电话均为编造",
            "note_en": "fictional sample data; names, doors and phones are made up",
            # the consent forms' signing secret: fixed, so that the sample's
            # printed forms read back (a real project gets a random one)
            "ballots": {"secret": hashlib.sha256(b"elevator-eval sample street forms").hexdigest()},
        },
    )
    comms = {
        "DH": Community(id="DH", name="东湖新村", district="东湖街道"),
        "GY": Community(id="GY", name="桂园小区", district="东湖街道"),
    }
    p.communities = list(comms.values())
    blds: dict[str, Building] = {}
    for bid, (cid, name, addr, year, storeys, structure, grade, fh, _a) in B.items():
        info = BuildingInfo(
            year_built=year,
            storeys=storeys,
            structure=structure,
            danger_grade=grade,
            floor_height_m=D(fh),
            seismic_intensity=7,
        )
        b = Building(id=bid, name=name, info=info, address=addr)
        blds[bid] = b
        comms[cid].buildings.append(b)
    k = 0
    for uid, bid, entry, over, votes, excl, share_kind, sub_kind, klass, why in UNITS:
        b = blds[bid]
        storeys = b.info.storeys
        pipes_yuan = 45000 if "gas" in (over.get("pipes_in_footprint") or []) else 30000
        if share_kind == "area":
            share = share_area(storeys)
        elif share_kind == "stair":
            share = ShareSettings(method="stair_count", exempt_floors=[1], rounding_yuan=D(10))
        else:  # percent by household: 2 households per floor, percents add to 100
            share = ShareSettings(
                method="percent_by_household",
                exempt_floors=[1],
                percent_by_floor={1: D(0), 2: D(3), 3: D(8), 4: D(11), 5: D(13), 6: D(15)},
                rounding_yuan=D(1),
            )
        u = Unit(
            id=uid,
            building=b.info,
            name=f"{comms[bid[:2]].name} {b.name} {uid[-1]}单元",
            site=site(entry, **over),
            households=make_households(uid, storeys, B[bid][8], votes, excl, k),
            costs=costs(entry, pipes_yuan),
            subsidies=[dict(s) for s in (SUB_PERCENT if sub_kind == "percent" else SUB_FIXED)],
            share=share,
            extra={"sample_intended_class": klass, "sample_why": why},
        )
        # a site plan whose measured values reproduce the typed survey (sample_plans.py)
        u.site.extra["plan"] = plan_for(
            uid, sum(x[1] == bid for x in UNITS), storeys, b.info.floor_height_m, u.site
        )
        k += len(u.households)
        b.units.append(u)
    # One owner with two households: 601 and 602 of GY-1-1 belong to the same person.
    u = p.find_unit("GY-1-1")
    for door in ("601", "602"):
        u.household(door).owner = "GY-1-1-O601"
        u.household(door).owner_name = "周建平"
    u.household("602").contact = u.household("601").contact
    # The shaft of DH-1-3 takes the ground-floor courtyard of 101: 20,000 yuan compensation
    # to each 1st-floor household, paid by the contributing households.
    p.find_unit("DH-1-3").share.extra["compensation"] = {
        "mode": "per_household",
        "yuan": 20000,
        "floors": [1],
    }
    # A top-floor owner asked for the unit-level O&M split to be written down.
    p.find_unit("DH-1-1").household("602").extra["note_zh"] = "愿意多承担维保费用"
    _vote_history(p)
    from sample_process import add_process_history  # stages, objections, upkeep

    add_process_history(p)
    return p


def _vote_history(p: Project) -> None:
    """Vote changes recorded through the audit trail (the final votes match UNITS)."""
    events = [
        ("DH-1-2", "601", None, "paper", "2026-03-05T19:30:00+08:00", "首次征询未表态"),
        ("DH-1-2", "601", "no", "meeting", "2026-03-12T19:30:00+08:00", "居民会议上反对"),
        ("DH-1-2", "601", None, "other", "2026-03-20T10:00:00+08:00", "撤回反对意见"),
        ("DH-1-2", "602", "yes", "online", "2026-03-21T21:05:00+08:00", ""),
        ("DH-1-2", "602", "no", "paper", "2026-03-28T09:15:00+08:00", "担心噪声，改投反对"),
        ("GY-8-1", "201", "no", "meeting", "2026-04-02T19:00:00+08:00", "井道紧贴本户厨房外墙"),
        ("GY-1-1", "101", "abstain", "paper", "2026-04-06T10:20:00+08:00", ""),
    ]
    final = {}
    for uid, door, *_ in events:
        h = p.find_unit(uid).household(door)
        final.setdefault((uid, door), h.vote)
        h.vote = h.vote_date = h.vote_source = None  # history starts with no vote
    for uid, door, vote, source, when, note in events:
        record_vote(p, uid, door, vote, source, when=when, note=note)
    for (uid, door), vote in final.items():
        assert p.find_unit(uid).household(door).vote == vote, (uid, door)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    project = build()
    save_project(project, out)
    print(
        f"wrote {out} ({len(project.units())} units, "
        f"{sum(len(u.households) for u in project.units())} households, "
        f"{len(project.vote_log)} vote events)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
