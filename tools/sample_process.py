"""The sample street's procedure history (used by ``tools/make_sample.py``).

Units in several stages (moved through the stage rules, so the history is legal by
construction), objections to two public notices, a canvassing history, intent
registrations, a blocker, locations for the 桂园小区 units, and one elevator (GY-6-2) in
service since January 2025 with a year of upkeep. All names and companies are made up;
the coordinates are a made-up point, not a real address.
"""

from __future__ import annotations

from decimal import Decimal as D

from elevator_eval.model import Project
from elevator_eval.process import stages
from elevator_eval.process.records import (
    Bill,
    Blocker,
    Contact,
    Fault,
    Intent,
    Objection,
    Payment,
    ReserveEntry,
    Upkeep,
    read_process,
    write_canvass,
    write_intent,
    write_process,
)
from elevator_eval.process.upkeep import year_statement

OFFICE = "东湖街道办事处"
DESIGN = "示例建筑设计院"
BUILDER = "示例电梯安装工程有限公司"

WALK = {  # unit → [(stage, date, responsible, documents)] in order
    "GY-6-2": [
        ("intent", "2023-09-01", OFFICE, []),
        ("consultation", "2023-10-08", "桂园社区居委会", ["意见征询表.pdf"]),
        ("notice", "2024-01-10", OFFICE, ["方案公示照片.jpg"]),
        ("objections", "2024-01-24", OFFICE, []),
        ("design", "2024-02-05", DESIGN, ["施工图审查合格书.pdf"]),
        ("approval", "2024-04-01", "区住建局联合审查", ["联合审查意见书.pdf"]),
        ("construction", "2024-06-03", BUILDER, ["施工许可.pdf"]),
        ("acceptance", "2024-12-16", "特种设备检验机构", ["监督检验报告 JD-2024-118.pdf"]),
        ("commissioning", "2025-01-10", "使用管理人", ["使用登记证.pdf"]),
        ("operation", "2025-02-01", "使用管理人", []),
    ],
    "GY-1-1": [
        ("intent", "2025-09-01", OFFICE, []),
        ("consultation", "2025-10-10", OFFICE, []),
        ("notice", "2026-01-06", OFFICE, []),
        ("objections", "2026-01-20", OFFICE, []),
        ("design", "2026-02-02", DESIGN, []),
        ("approval", "2026-04-01", OFFICE, []),
        ("construction", "2026-06-01", BUILDER, ["施工许可.pdf"]),
    ],
    "GY-3-1": [
        ("intent", "2025-12-01", OFFICE, []),
        ("consultation", "2026-01-15", OFFICE, []),
        ("notice", "2026-04-10", OFFICE, ["方案公示照片.jpg"]),
        ("objections", "2026-04-25", OFFICE, []),
    ],
    "DH-1-1": [
        ("intent", "2026-02-01", OFFICE, []),
        ("consultation", "2026-03-10", OFFICE, []),
        ("notice", "2026-05-10", OFFICE, ["方案公示照片.jpg"]),
    ],
    "GY-1-2": [
        ("intent", "2025-11-01", OFFICE, []),
        ("consultation", "2025-12-01", OFFICE, []),
        ("notice", "2026-03-02", OFFICE, []),
        ("objections", "2026-03-16", OFFICE, []),
        ("design", "2026-07-01", DESIGN, []),
    ],
    "DH-5-1": [
        ("intent", "2025-10-01", OFFICE, []),
        ("consultation", "2025-11-01", OFFICE, []),
        ("notice", "2026-02-02", OFFICE, []),
        ("objections", "2026-02-16", OFFICE, []),
        ("design", "2026-03-02", DESIGN, []),
        ("approval", "2026-09-01", OFFICE, []),
    ],
    "DH-1-2": [("intent", "2026-01-10", OFFICE, []), ("consultation", "2026-03-01", OFFICE, [])],
    "GY-1-3": [("intent", "2026-08-15", OFFICE, [])],
    "GY-8-2": [("intent", "2026-09-01", OFFICE, [])],
}

OBJECTIONS = {
    "GY-3-1": [
        Objection(
            "GY31-1",
            "2026-04-13",
            "井道靠近本户卧室窗户，担心采光和隐私",
            "201",
            "徐海燕",
            "设计单位复核：大寒日日照满足2小时；井道侧窗改为磨砂玻璃",
            "2026-04-17",
            "社区于4月20日组织协调会",
            "同意调整后的方案，书面撤回异议",
            "2026-04-22",
        ),
        Objection(
            "GY31-2",
            "2026-04-15",
            "电梯运行噪声影响夜间休息",
            "102",
            "郭振华",
            "选用低噪声曳引机，夜间22时后可设静音模式",
            "2026-04-19",
            "约定试运行期间测量噪声",
        ),
    ],
    "DH-1-1": [Objection("DH11-1", "2026-05-14", "对一楼补偿金额有异议", "101", "罗建军")],
    "GY-6-2": [
        Objection(
            "GY62-1",
            "2024-01-12",
            "施工期间占用绿地，要求恢复",
            "202",
            "林春梅",
            "竣工后按原样恢复绿地并补种",
            "2024-01-15",
            "",
            "同意，已签确认书",
            "2024-01-20",
        )
    ],
}

CANVASS = {  # (unit, door) → contacts
    ("DH-1-2", "101"): [
        Contact("2026-03-05", "visit", "no_contact"),
        Contact(
            "2026-03-08", "phone", "undecided", ["cost", "compensation"], "一楼不用电梯，希望有补偿"
        ),
    ],
    ("DH-1-2", "102"): [Contact("2026-03-05", "visit", "refused", ["noise", "sunlight"])],
    ("DH-1-2", "201"): [Contact("2026-03-06", "visit", "undecided", ["cost"])],
    ("DH-1-2", "302"): [Contact("2026-03-06", "online", "agreed", [], "线上表示同意，待投票")],
    ("DH-1-2", "501"): [
        Contact("2026-03-07", "phone", "no_contact"),
        Contact("2026-03-15", "visit", "undecided", ["privacy"]),
    ],
    ("DH-1-2", "601"): [Contact("2026-03-07", "visit", "agreed", ["cost"])],
    ("DH-1-2", "602"): [Contact("2026-03-27", "visit", "refused", ["noise"])],
    ("GY-1-3", "102"): [Contact("2026-08-20", "visit", "undecided", ["sunlight", "noise"])],
    ("GY-1-3", "301"): [Contact("2026-08-21", "phone", "agreed")],
}


def _walk(p: Project) -> None:
    for uid, moves in WALK.items():
        u = p.find_unit(uid)
        for stage, date, who, docs in moves:
            if stage == "objections":  # objections arrive during the notice period
                _set_objections(u, uid)
            stages.advance(u, stage, date, responsible=who, documents=docs, project=p)
    _set_objections(p.find_unit("DH-1-1"), "DH-1-1")  # still in its notice period


def _set_objections(u, uid: str) -> None:
    pd = read_process(u)
    pd.objections = list(OBJECTIONS.get(uid, []))
    write_process(u, pd)


def _intent(p: Project) -> None:
    for uid, interested in (("GY-1-3", 10), ("GY-8-2", 6), ("DH-1-2", 7)):
        u = p.find_unit(uid)
        for i, h in enumerate(u.households):
            write_intent(
                h,
                Intent(i < interested, "2026-08-16" if uid == "GY-1-3" else "2026-01-12", "二维码"),
            )
    for (uid, door), contacts in CANVASS.items():
        write_canvass(p.find_unit(uid).household(door), contacts)


def _locations(p: Project) -> None:
    base_lon, base_lat = D("114.3000"), D("30.5000")  # made-up point
    for i, (c, _b, u) in enumerate(p.iter_units()):
        if c.id == "GY":
            pd = read_process(u)
            pd.location = (base_lon + D(i) / 2000, base_lat + D(i % 3) / 2000)
            write_process(u, pd)


def _upkeep(p: Project) -> None:
    u = p.find_unit("GY-6-2")
    pd = read_process(u)
    pd.upkeep = Upkeep(
        manager="桂园小区6栋2单元业主自治小组",
        manager_contact="13900006201",
        contractor="示例电梯维保服务有限公司",
        contract_fee_yuan=D("5400.00"),
        contract_start="2025-02-01",
        contract_end="2027-01-31",
        last_inspection="2025-12-10",
        bills=[
            Bill(2025, "维保费", D("4950.00")),
            Bill(2025, "电费", D("1262.40")),
            Bill(2025, "定期检验费", D("400.00")),
            Bill(2025, "电梯责任保险", D("350.00")),
        ],
        faults=[
            Fault("2025-05-03", "层门门锁开关接触不良，停梯2小时", "2025-05-03"),
            Fault("2025-08-19", "暴雨后底坑进水，停梯排水检查", "2025-08-20"),
            Fault("2025-11-02", "轿厢照明灯损坏", "2025-11-04"),
        ],
        reserve=[
            ReserveEntry("2025-01-20", D("8000.00"), "各户按分摊比例存入"),
            ReserveEntry("2025-08-21", D("-650.00"), "底坑排水泵更换"),
            ReserveEntry("2025-12-20", D("1200.00"), "年末补充"),
        ],
    )
    write_process(u, pd)
    shares = {r.household: r.share_yuan for r in year_statement(u, 2025, p).rows}
    pd = read_process(u)
    for door, share in shares.items():
        if share == 0:
            continue
        paid = share if door != "302" else D("600.00")  # one household paid part
        pd.upkeep.payments.append(Payment(2025, door, paid, "2025-03-15"))
    pd.blockers = []
    write_process(u, pd)
    g = p.find_unit("GY-1-2")
    pd = read_process(g)
    pd.blockers.append(Blocker("燃气公司尚未答复井道旁燃气立管迁改方案", "2026-07-20"))
    write_process(g, pd)


def add_process_history(p: Project) -> None:
    """Add the procedure history described in the module docstring to the sample."""
    _walk(p)
    _intent(p)
    _locations(p)
    _upkeep(p)
