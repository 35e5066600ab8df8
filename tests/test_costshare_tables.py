"""Shipped coefficient tables and subsidy rules: present, sourced, valid; user-defined ones."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from test_costshare_builders import make_unit

from elevator_eval import ruledata
from elevator_eval.costshare import compute_share
from elevator_eval.costshare_subsidy import subsidy_total
from elevator_eval.costshare_tables import (
    DEFAULT_TABLE,
    list_subsidy_rules,
    list_tables,
    load_subsidy_rules,
    load_table,
    rule_set_subsidies,
    validate_table,
)
from elevator_eval.errors import InputError
from elevator_eval.model import Project


def test_every_shipped_table_loads_and_cites_a_source():
    names = ruledata.list_names("coefficients")
    assert DEFAULT_TABLE in names and "guangzhou-dongpu" in names
    for name in names:
        t = load_table(name)
        assert t["name"] == name
        assert t["source"] and t["title_zh"] and t["title_en"]
        assert t["quality"] in ("A", "B", "C", "assumption")


def test_every_shipped_subsidy_rule_set_loads():
    names = ruledata.list_names("subsidies")
    cities = {"shanghai", "beijing", "tianjin", "hangzhou-jianggan-2018", "wuxi", "xuzhou", "wuhan"}
    assert cities <= set(names)
    for name in names:
        data = load_subsidy_rules(name)
        assert data["source"] and data["quality"] in ("A", "B", "C", "assumption")
        u = make_unit(items={"equipment": 400000, "pipe_relocation": 50000})
        u.subsidies = rule_set_subsidies(name)
        total, _ = subsidy_total(u)
        assert 0 < total <= u.costs.total_yuan


def test_dongpu_table_is_the_published_one():
    t = load_table("guangzhou-dongpu")
    assert {f: t["floors"][f] for f in range(3, 10)} == {
        3: D("0.7"),
        4: D("0.8"),
        5: D("0.9"),
        6: D("1.0"),
        7: D("1.1"),
        8: D("1.2"),
        9: D("1.3"),
    }
    default = load_table(DEFAULT_TABLE)
    assert all(default["floors"][f] == t["floors"][f] for f in range(1, 10))
    assert default["quality"] == "assumption"


def _table(**kw):
    d = {
        "name": "mine",
        "title_zh": "自定",
        "title_en": "Mine",
        "source": "owners' meeting",
        "quality": "assumption",
        "kind": "coefficient",
        "monotonic": True,
        "floors": {"2": "0.5", "3": "1", "4": "1.5"},
    }
    d.update(kw)
    return d


@pytest.mark.parametrize(
    "change,field",
    [
        ({"floors": {"2": "1", "3": "0.5"}}, "floors.3"),
        ({"floors": {"0": "1"}}, "floors.0"),
        ({"floors": {"2": "-1"}}, "floors.2"),
        ({"kind": "magic"}, "kind"),
        ({"quality": "D"}, "quality"),
        ({"kind": "percent", "basis": "per_floor", "floors": {"2": 40, "3": 50}}, "floors"),
        ({"kind": "percent", "floors": {"2": 40}}, "basis"),
    ],
)
def test_table_validation_names_the_field(change, field):
    with pytest.raises(InputError) as e:
        validate_table(_table(**change), "t")
    assert e.value.field == f"t.{field}"


def test_user_table_saved_in_project_and_used():
    p = Project(name="p")
    p.settings["coefficient_tables"] = {"mine": _table()}
    assert "mine" in list_tables(p.settings)
    u = make_unit(
        storeys=4,
        per_floor=1,
        total_yuan=30000,
        share={"method": "coefficient_by_floor", "exempt_floors": [1], "table": "mine"},
    )
    r = compute_share(u, settings=p.settings)
    assert [h.share_yuan for h in r.households] == [0, 5000, 10000, 15000]
    p.settings["coefficient_tables"] = {"mine": _table(floors={"2": "2", "3": "1"})}
    with pytest.raises(InputError):
        load_table("mine", settings=p.settings)


def test_user_subsidy_rules():
    p = Project(name="p")
    p.settings["subsidy_rules"] = {
        "street-bonus": {
            "name": "street-bonus",
            "title_zh": "街道奖励",
            "title_en": "Street bonus",
            "source": "street notice",
            "quality": "assumption",
            "rules": [{"type": "fixed", "yuan": 30000}],
        }
    }
    assert "street-bonus" in list_subsidy_rules(p.settings)
    u = make_unit()
    u.subsidies = rule_set_subsidies("street-bonus", settings=p.settings)
    assert subsidy_total(u)[0] == 30000
    p.settings["subsidy_rules"]["x"] = {
        "name": "x",
        "title_zh": "x",
        "title_en": "x",
        "source": "x",
        "quality": "C",
        "rules": [{"type": "gift"}],
    }
    with pytest.raises(InputError) as e:
        load_subsidy_rules("x", settings=p.settings)
    assert e.value.field.endswith("rules[0].type")
