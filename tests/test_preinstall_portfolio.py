"""Pre-installation portfolio: the budget choice against brute force, the greedy bound, the
ranking of a street, and the command line."""

from __future__ import annotations

import itertools
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elevator_eval import preinstall as P
from elevator_eval.cli import run_command
from elevator_eval.errors import InputError
from elevator_eval.model import (
    Building,
    BuildingInfo,
    Community,
    Costs,
    Household,
    Project,
    Site,
    Unit,
)


def brute_force(costs, values, cap):
    best = 0
    for k in range(len(costs) + 1):
        for combo in itertools.combinations(range(len(costs)), k):
            if sum(costs[i] for i in combo) <= cap:
                best = max(best, sum(values[i] for i in combo))
    return best


items = st.lists(st.tuples(st.integers(0, 60), st.integers(-20, 100)), min_size=0, max_size=12)


@settings(max_examples=150, deadline=None)
@given(its=items, cap=st.integers(0, 200), scale=st.sampled_from([1, 1000, 7919]))
def test_milp_knapsack_equals_brute_force(its, cap, scale):
    costs = [c * scale for c, _ in its]
    values = [v * scale for _, v in its]
    opt = brute_force(costs, values, cap * scale)
    value, chosen, bound = P.knapsack_milp(costs, values, cap * scale)
    assert value == opt
    assert sum(costs[i] for i in chosen) <= cap * scale
    assert sum(values[i] for i in chosen) == value
    assert len(set(chosen)) == len(chosen)
    assert bound == pytest.approx(opt, abs=1e-6 * max(1, opt))


def test_milp_is_exact_where_greedy_by_ratio_misses():
    # ratio order takes A (10/1), then neither B nor C fits whole: greedy 40, optimum 60
    costs, values = [1, 5, 5], [10, 30, 30]
    assert brute_force(costs, values, 10) == 60
    assert P.knapsack_milp(costs, values, 10)[:2] == (60, [1, 2])


def test_milp_a_city_of_units_against_the_lp_bound():
    import random

    rnd = random.Random(7)
    costs = [rnd.randint(60_000, 200_000) for _ in range(3000)]
    values = [rnd.randint(-20_000, 60_000) for _ in range(3000)]
    cap = 40_000_000
    value, chosen, bound = P.knapsack_milp(costs, values, cap)
    assert sum(costs[i] for i in chosen) <= cap
    # the LP relaxation (fractional knapsack) bounds every integer solution from above
    order = sorted((i for i in range(3000) if values[i] > 0), key=lambda i: -values[i] / costs[i])
    room, lp = cap, 0.0
    for i in order:
        take = min(1.0, room / costs[i])
        lp += take * values[i]
        room -= take * costs[i]
        if room <= 0:
            break
    assert value <= lp + 1e-6 and value >= lp - max(values)


def _row(uid, cost, saving):
    return P.RankRow(
        uid,
        uid,
        "c",
        "b",
        None,
        "needs_votes",
        0.2,
        Decimal(cost),
        Decimal(saving),
        Decimal(0),
        Decimal(saving) / Decimal(cost) if cost else None,
    )


def test_choose_units_exact_and_greedy():
    rows = [
        _row("A", 100000, 30000),
        _row("B", 120000, 33000),
        _row("C", 80000, 20000),
        _row("D", 90000, -5000),
        _row("E", 500000, 90000),
    ]
    sel = P.choose_units(rows, 200000)
    assert sel.method == "milp"
    assert sel.expected_saving_yuan == 53000  # B + C = 53,000 > A + C = 50,000
    assert {r.unit_id for r in sel.chosen} == {"B", "C"}
    assert sel.spent_yuan == 200000 and sel.gap_yuan == 0
    assert sel.eligible == 3  # D loses money, E exceeds the budget
    with pytest.raises(InputError) as e:
        P.choose_units(rows, "lots")
    assert e.value.field == "--budget"


def _unit(uid, votes, pipes=("water",), affected=()):
    hh = [
        Household(
            id=f"{f}0{k}",
            floor=f,
            area_m2=Decimal("60.00"),
            vote=votes[(f - 1) * 2 + (k - 1)],
            exclusive_part_affected=f"{f}0{k}" in affected,
        )
        for f in range(1, 7)
        for k in (1, 2)
    ]
    info = BuildingInfo(
        year_built=1995, storeys=6, structure="masonry", danger_grade="B", seismic_intensity=7
    )
    return Unit(
        id=uid,
        building=info,
        name=uid,
        site=Site(pipes_in_footprint=list(pipes), inside_red_line=True),
        households=hh,
        costs=Costs(),
    )


def street() -> Project:
    units = [
        _unit("READY", ["yes"] * 12),
        _unit("NEAR", ["yes"] * 7 + [None] * 5),
        _unit("FAR", ["yes"] * 2 + [None] * 10),
        _unit("VETO", ["no"] + ["yes"] * 11, affected=("101",)),
        _unit("GAS", ["yes"] * 7 + [None] * 5, pipes=("gas", "water", "heating")),
    ]
    b = Building(id="b1", name="1号楼", info=units[0].building, units=units)
    return Project(name="街道", communities=[Community(id="c1", name="幸福里", buildings=[b])])


def test_rank_units_orders_by_saving_per_yuan():
    rows = P.rank_units(street())
    ids = [r.unit_id for r in rows]
    klass = {r.unit_id: r.klass for r in rows}
    if all(k in (None, "suitable") for k in klass.values()):
        assert "READY" not in ids  # consent reached and not difficult
    assert {"NEAR", "FAR", "VETO", "GAS"} <= set(ids)
    ratios = [r.saving_per_yuan for r in rows]
    assert ratios == sorted(ratios, reverse=True)
    by = {r.unit_id: r for r in rows}
    assert (
        by["NEAR"].expected_saving_yuan
        > by["FAR"].expected_saving_yuan
        > by["VETO"].expected_saving_yuan
    )
    assert by["VETO"].expected_waste_yuan > by["NEAR"].expected_waste_yuan
    assert by["GAS"].cost_now_yuan > by["NEAR"].cost_now_yuan
    # each row agrees with the single-unit valuation
    one = P.evaluate(street().find_unit("NEAR"), with_monte_carlo=False, with_tornado=False)
    assert one.expected_saving_yuan == by["NEAR"].expected_saving_yuan
    assert one.cost_now_yuan == by["NEAR"].cost_now_yuan
    everything = P.rank_units(street(), include_all=True)
    assert len(everything) == 5


def test_portfolio_with_a_budget_matches_brute_force():
    proj = street()
    rows = P.rank_units(proj)
    budget = Decimal(300000)
    sel = P.portfolio(proj, budget)
    costs = [int(r.cost_now_yuan) for r in rows]
    values = [int(r.expected_saving_yuan) for r in rows]
    assert sel.expected_saving_yuan == brute_force(costs, values, int(budget))
    assert sel.spent_yuan <= budget


# ------------------------------------------------------------------------- command line


def _run(argv, monkeypatch=None, project=None):
    import io

    out, err = io.StringIO(), io.StringIO()
    if project is not None:
        import elevator_eval.commands.preinstall as cmds

        monkeypatch.setattr(
            cmds,
            "load_target",
            lambda t, u, need_unit=True: (project.find_unit(u), project) if u else (None, project),
        )
    code = run_command("preinstall", argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_unit_file_json(example_unit_path):
    code, out, err = _run(
        [str(example_unit_path), "--json", "--draws", "2000", "--seed", "3", "--horizon", "8"]
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["unit"] == "XFL-3-2" and data["horizon_years"] == 8
    assert data["monte_carlo"]["draws"] == 2000 and data["monte_carlo"]["seed"] == 3
    code2, out2, _ = _run(
        [str(example_unit_path), "--json", "--draws", "2000", "--seed", "3", "--horizon", "8"]
    )
    assert json.loads(out2) == data
    code, out, err = _run([str(example_unit_path), "--draws", "2000"])
    assert code == 0 and "期望 expected" in out and "最可能 most likely" in out
    assert "价格口径 / price basis" in out and "净损失概率" in out
    assert data["expected"]["net_saving_yuan"] == data["expected_saving_yuan"]
    assert data["most_likely"]["case"] == "most_likely"


@pytest.mark.parametrize(
    "argv,field",
    [
        (["--horizon", "0"], "--horizon"),
        (["--horizon", "x"], "--horizon"),
        (["--draws", "1"], "--draws"),
        (["--seed", "-1"], "--seed"),
        (["--budget", "100000"], "--budget"),
        (["--budget", "-5"], "--budget"),
    ],
)
def test_cli_bad_input_exit_2(example_unit_path, argv, field):
    code, out, err = _run([str(example_unit_path), *argv])
    assert code == 2 and out == ""
    assert err.startswith(f"error: {field}") and "Traceback" not in err


def test_cli_project_ranking_and_budget(monkeypatch):
    proj = street()
    code, out, err = _run(["street.eeproj", "--json"], monkeypatch, proj)
    assert code == 0, err
    data = json.loads(out)
    assert [r["unit"] for r in data["ranking"]] == [r.unit_id for r in P.rank_units(proj)]
    code, out, err = _run(["street.eeproj", "--json", "--budget", "250000"], monkeypatch, proj)
    assert code == 0, err
    sel = json.loads(out)["selection"]
    assert sel["method"] == "milp" and sel["spent_yuan"] <= 250000
    code, out, err = _run(["street.eeproj", "--budget", "250000"], monkeypatch, proj)
    assert code == 0 and "整数规划精确求解" in out and "exact integer programme" in out
    code, out, err = _run(
        ["street.eeproj", "--unit", "NEAR", "--json", "--draws", "500"], monkeypatch, proj
    )
    assert code == 0 and json.loads(out)["unit"] == "NEAR"


def test_rank_classes_equal_the_per_unit_assessment():
    from elevator_eval import suitability
    from elevator_eval.rulebook import resolve

    proj = street()
    for r in P.rank_units(proj, include_all=True):
        u = proj.find_unit(r.unit_id)
        assert r.klass == suitability.assess(u, resolve(proj, u)).klass


def test_cli_pit_rework_from_a_quotes_file_and_a_consent_ruleset():
    from elevator_eval.resources import resource_path, sample_project_path

    quotes = resource_path("sample", "quotes.xlsx")
    target = str(sample_project_path())
    code, out, err = _run(
        [target, "--unit", "GY-8-2", "--json", "--draws", "1000", "--quotes", str(quotes)]
    )
    assert code == 0, err
    data = json.loads(out)
    pits = sorted(o["pit_mm"] for o in data["pit"]["outcomes"])
    assert pits == [900, 1000, 1000, 1300, 1350, 1400]  # the six sample products
    # three need the 1,100 mm pit raised (mean 4,667), three deepened (mean 16,000)
    want = round((3 * (2000 + 4000 + 8000) / 3 + 3 * (8000 + 15000 + 25000) / 3) / 6)
    assert data["expected"]["pit_rework_yuan"] == want
    code, out, err = _run(
        [target, "--unit", "GY-8-2", "--json", "--draws", "500", "--consent-rules", "unanimity"]
    )
    assert code == 0, err
    assert json.loads(out)["consent"]["ruleset"] == "unanimity"
    code, out, err = _run([target, "--consent-rules", "nope"])
    assert code == 2 and "nope" in err and err.count("\n") == 1
