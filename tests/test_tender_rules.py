"""Tender scoring as the procurement rules say: legal price-weight ranges per method and kind,
the maximum price and the budget, ties (并列), fewer than three valid bids, accessibility as
a stated requirement, tier cliffs, and the command line."""

from __future__ import annotations

import io
import json
from decimal import Decimal as D
from fractions import Fraction

import pytest

from elevator_eval.cli import run_command
from elevator_eval.errors import InputError
from elevator_eval.model import BuildingInfo, Household, Site, Unit
from elevator_eval.procurement import (
    Bid,
    Product,
    TenderWeights,
    VolumeTier,
    bulk,
    compare,
    parse_weights,
    score_tender,
    tier_cliff,
    validate_weights,
    weight_range,
)
from elevator_eval.resources import resource_path


def product(pid="P", **kw) -> Product:
    base = dict(
        id=pid,
        vendor="测试电梯",
        model="T-630",
        rated_load_kg=630,
        speed_m_s=D("1.0"),
        car_width_mm=1100,
        car_depth_mm=1400,
        door_width_mm=800,
        shaft_width_mm=2300,
        shaft_depth_mm=2500,
        pit_mm=1200,
        headroom_mm=3600,
        entry_modes=("half_landing", "flat"),
        equipment_yuan=D(150000),
        installation_yuan=D(50000),
        shaft_structure_yuan=D(110000),
        civil_yuan=D(60000),
    )
    base.update(kw)
    return Product(**base)


def unit(uid="U1") -> Unit:
    return Unit(
        id=uid,
        building=BuildingInfo(year_built=1990, storeys=6),
        site=Site(
            entry_mode="half_landing",
            footprint_available_m=(D("2.3"), D("2.5")),
            pit_depth_available_mm=1200,
            headroom_available_mm=3600,
        ),
        households=[Household(str(i), 1 + i // 2, D(50)) for i in range(12)],
    )


@pytest.mark.parametrize(
    "kind,method,lo,hi",
    [
        ("goods", "competitive_consultation", 30, 60),
        ("services", "competitive_consultation", 10, 30),
        ("goods", "open_tender", 30, 100),
        ("services", "open_tender", 10, 100),
    ],
)
def test_legal_ranges_from_the_rule_data(kind, method, lo, hi):
    assert weight_range(kind, method) == (lo, hi)
    rest = 100 - lo
    assert validate_weights(TenderWeights(D(lo), D(rest), D(0), kind, method)).price == lo
    assert validate_weights(TenderWeights(D(hi), D(100 - hi), D(0), kind, method)).price == hi
    for bad in (lo - 1, hi + 1):
        if bad > 100:
            continue
        with pytest.raises(InputError) as e:
            validate_weights(TenderWeights(D(bad), D(100 - bad), D(0), kind, method))
        assert e.value.field == "weights.price"


def test_services_price_35_is_refused_in_competitive_consultation():
    with pytest.raises(InputError) as e:
        parse_weights("price=35,technical=45,service=20", "services", "competitive_consultation")
    assert e.value.field == "weights.price" and "10–30" in e.value.message
    # by default (the stricter ranges) too; under open tender 35 ≥ 10 is legal
    with pytest.raises(InputError):
        parse_weights("price=35,technical=45,service=20", "services")
    assert parse_weights("price=35,technical=45,service=20", "services", "open_tender").price == 35


W = TenderWeights(D(40), D(40), D(20))


def test_bid_above_the_maximum_price_is_invalid_with_the_reason():
    bids = [
        Bid("A", D(400000), D(30), D(15)),
        Bid("B", D(380000), D(35), D(15)),
        Bid("C", D(350000), D(30), D(10)),
        Bid("D", D(360000), D(32), D(12)),
    ]
    r = score_tender(bids, W, max_price_yuan=D(390000))
    assert [b.bidder for b in r.excluded] == ["A"]
    assert "最高限价" in r.excluded[0].invalid_reason
    assert "maximum price" in r.excluded[0].invalid_reason
    # the benchmark is the lowest valid bid: 350,000 → B scores 350/380 × 40 + 50
    by = {s.bidder: s for s in r.scores}
    assert r.benchmark_yuan == 350000
    assert by["B"].total == Fraction(350, 380) * 40 + 50
    assert not r.too_few_valid_bids and r.warnings == []


def test_lot_budget_checks_the_total():
    bids = [
        Bid("A", D(400000), D(30), D(15), lot_total_yuan=D(4000000)),
        Bid("B", D(380000), D(35), D(15), lot_total_yuan=D(3800000)),
    ]
    r = score_tender(bids, W, budget_yuan=D(3900000))
    assert [b.bidder for b in r.excluded] == ["A"] and "采购预算" in r.excluded[0].invalid_reason


def test_equal_score_and_price_are_tied_and_the_rule_is_stated():
    bids = [
        Bid("X", D(300000), D(30), D(10)),
        Bid("A", D(300000), D(30), D(10)),
        Bid("M", D(320000), D(38), D(12)),
    ]
    r = score_tender(bids, W)
    # X and A: 40 + 40 = 80 each at the same price; M: 300/320 × 40 + 50 = 87.5
    by = {s.bidder: s for s in r.scores}
    assert by["M"].rank == 1 and not by["M"].tied and r.winner == "M"
    assert by["A"].rank == by["X"].rank == 2 and by["A"].tied and by["X"].tied
    top = score_tender(bids[:2] + [Bid("L", D(330000), D(20), D(5))], W)
    assert top.winner is None and sorted(top.tied_first) == ["A", "X"]
    j = top.to_json()
    assert j["winner"] is None and "并列" in j["tie_rule_zh"]
    assert any("并列第一" in zh for zh, _ in top.warnings)
    # equal score but a different price: not tied, the lower price ranks first
    eq = score_tender([Bid("H", D(400000), D(40), D(20)), Bid("L", D(300000), D(30), D(0))], W)
    # H: 300/400 × 40 + 60 = 90; L: 40 + 30 = 70
    assert [(s.bidder, s.total, s.tied) for s in eq.scores] == [("H", 90, False), ("L", 70, False)]


def test_equal_total_different_price_orders_by_price():
    # L: 40 + 30 + 10 = 80 at 300,000; H: 300/400 × 40 + 40 + 10 = 80 at 400,000
    r = score_tender([Bid("H", D(400000), D(40), D(10)), Bid("L", D(300000), D(30), D(10))], W)
    assert [s.total for s in r.scores] == [80, 80]
    assert r.ranking == ["L", "H"] and [s.rank for s in r.scores] == [1, 2]
    assert not any(s.tied for s in r.scores) and r.winner == "L"


def test_two_valid_bids_warn():
    r = score_tender([Bid("A", D(300000), D(30), D(10)), Bid("B", D(320000), D(35), D(12))], W)
    assert r.too_few_valid_bids
    assert any("不足 3 家" in zh and "财政部令第87号" in zh for zh, _ in r.warnings)
    assert r.to_json()["too_few_valid_bids"] is True


def test_accessibility_is_a_stated_requirement_with_its_own_reason():
    small = product("S", car_width_mm=1000, car_depth_mm=1250, equipment_yuan=D(100000))
    std = product("T")
    scores = {"S": {"technical": 30, "service": 15}, "T": {"technical": 35, "service": 15}}
    c = compare([unit()], [small, std], weights=W, scores=scores)
    assert [b.bidder for b in c.tender.excluded] == ["S"]
    reason = c.tender.excluded[0].invalid_reason
    assert "无障碍" in reason and "GB 50763" in reason and "不适配单元" not in reason
    # the cheaper inaccessible product does not set the benchmark
    assert c.tender.benchmark_yuan == std.base_price_yuan
    assert c.fit[0][0].fits is True  # it fits the site; the requirement excludes
    lax = compare([unit()], [small, std], weights=W, scores=scores, require_accessible=False)
    assert lax.tender.benchmark_yuan == small.base_price_yuan and not lax.tender.excluded


def test_tier_cliff_points_to_the_cheaper_quantity():
    # 370,000 base; from 50 elevators 12 % off = 325,600; from 20, 8 % off = 340,400
    p = product(
        equipment_yuan=D(150000),
        installation_yuan=D(50000),
        shaft_structure_yuan=D(110000),
        civil_yuan=D(60000),
        tiers=(VolumeTier(20, discount_percent=D(8)), VolumeTier(50, discount_percent=D(12))),
    )
    # 49 × 340,400 = 16,679,600 > 50 × 325,600 = 16,280,000
    assert tier_cliff(p, 49) == (50, D("16280000.00"))
    b = bulk(p, 49)
    assert b.total_yuan == D("16679600.00")
    assert (b.cliff_quantity, b.cliff_total_yuan) == (50, D("16280000.00"))
    # 45 × 340,400 = 15,318,000 < 16,280,000: no cliff
    assert tier_cliff(p, 45) is None and bulk(p, 45).cliff_quantity is None
    # just below the first tier: 19 × 370,000 = 7,030,000 > 20 × 340,400 = 6,808,000
    assert tier_cliff(p, 19) == (20, D("6808000.00"))


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = run_command("quotes", [str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_mode_max_price_and_warnings(tmp_path, example_unit_path):
    quotes = resource_path("sample", "quotes.xlsx")
    scores = tmp_path / "s.json"
    scores.write_text(
        json.dumps(
            {
                "AJ-630R": {"technical": 38, "service": 18},
                "HT-630": {"technical": 35, "service": 15},
            }
        ),
        encoding="utf-8",
    )
    code, out, err = run(
        quotes,
        example_unit_path,
        "--mode",
        "services",
        "--weights",
        "price=35,technical=45,service=20",
        "--scores",
        scores,
    )
    assert code == 2 and out == "" and err.count("\n") == 1 and "weights.price" in err
    code, out, err = run(
        quotes,
        example_unit_path,
        "--weights",
        "price=40,technical=40,service=20",
        "--scores",
        scores,
        "--max-price",
        "380000",
        "--json",
    )
    assert code == 0, err
    t = json.loads(out)["tender"]
    assert t["max_price_yuan"] == 380000
    # one unit: AJ-630R sells one elevator at its single price 395,000 > 380,000
    over = {e["bidder"]: e["reason"] for e in t["excluded"] if "最高限价" in e["reason"]}
    assert list(over) == ["AJ-630R"] and "395,000" in over["AJ-630R"]
    assert t["too_few_valid_bids"] and t["warnings"]
    code, out, err = run(
        quotes,
        example_unit_path,
        "--weights",
        "price=40,technical=40,service=20",
        "--scores",
        scores,
        "--max-price",
        "380000",
    )
    assert code == 0 and "注意 / warning" in out and "不足 3 家" in out
