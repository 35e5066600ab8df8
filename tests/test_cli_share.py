"""`elevator-eval share` per spec §2."""

from __future__ import annotations

import io
import json

import pytest
from test_costshare_builders import unit_dict

from elevator_eval.cli import run_command
from elevator_eval.unitfile_write import dumps_json


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = run_command("share", argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_json_has_spec_keys(example_unit_path):
    code, out, err = run([str(example_unit_path), "--json"])
    assert code == 0, err
    data = json.loads(out)
    assert data["unit"] == "XFL-3-2"
    assert (data["total_yuan"], data["subsidy_yuan"], data["owners_total_yuan"]) == (
        500000,
        200000,
        300000,
    )
    assert [h["id"] for h in data["households"]][:3] == ["101", "102", "201"]
    assert all(set(h) >= {"id", "floor", "share_yuan"} for h in data["households"])
    assert sum(h["share_yuan"] for h in data["households"]) == 300000
    assert data["households"][0]["share_yuan"] == 0


def test_method_overrides_file(example_unit_path):
    code, out, _ = run([str(example_unit_path), "--json", "--method", "equal"])
    assert code == 0
    data = json.loads(out)
    assert data["method"] == "equal"
    assert {h["share_yuan"] for h in data["households"] if h["floor"] > 1} == {30000}


def test_unknown_method_exit_2(example_unit_path):
    code, out, err = run([str(example_unit_path), "--method", "by_height"])
    assert code == 2 and out == ""
    assert err.startswith("error: --method") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_percent_not_100_exit_2(tmp_path):
    d = unit_dict(share={"method": "percent_by_household", "percent_by_floor": {"2": 10, "3": 10}})
    p = tmp_path / "u.unit.json"
    p.write_text(dumps_json(d), encoding="utf-8")
    code, _, err = run([str(p), "--json"])
    assert code == 2 and "share.percent_by_floor" in err


def test_bad_compensation_exit_2(tmp_path):
    d = unit_dict(
        share={"method": "equal", "exempt_floors": [1], "compensation": {"mode": "per_household"}}
    )
    p = tmp_path / "u.unit.json"
    p.write_text(dumps_json(d), encoding="utf-8")
    code, _, err = run([str(p)])
    assert code == 2 and "share.compensation.yuan" in err


def test_text_output_chinese_first(example_unit_path):
    code, out, _ = run([str(example_unit_path)])
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("单元")
    assert "业主分摊合计" in out and "300,000" in out
    assert "42,181" in out or "602" in out


def test_compare_and_consensus(example_unit_path, tmp_path):
    code, out, _ = run([str(example_unit_path), "--compare", "--consensus", "--json"])
    assert code == 0
    data = json.loads(out)
    assert [m["method"] for m in data["comparison"]["methods"]] == [
        "floor_coefficient_area",
        "coefficient_by_floor",
        "stair_count",
        "equal",
    ]
    assert data["consensus"]["status"] == "missing_limits"
    d = json.loads(example_unit_path.read_text(encoding="utf-8"))
    for h in d["households"]:
        h["max_contribution_yuan"] = 10000 * h["floor"]
    p = tmp_path / "limits.unit.json"
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run([str(p), "--consensus"])
    assert code == 0
    assert "共识方案" in out and "Consensus" in out
    code, out, _ = run([str(p), "--consensus", "--json"])
    c = json.loads(out)["consensus"]
    assert c["feasible"] and sum(c["shares_yuan"].values()) == 300000
    code, out, _ = run([str(p), "--compare"])
    assert code == 0 and "顶层/二层" in out


def test_project_target_with_user_table(tmp_path, example_unit_path):
    from elevator_eval.model import Building, Community, Project
    from elevator_eval.store import save_project
    from elevator_eval.unitfile import load_unit

    unit = load_unit(example_unit_path)
    unit.share.coefficients = None
    unit.share.table = "owners-own"
    unit.share.method = "coefficient_by_floor"
    project = Project(
        name="p",
        communities=[
            Community(
                id="C",
                name="c",
                buildings=[Building(id="B", name="b", info=unit.building, units=[unit])],
            )
        ],
    )
    project.settings["coefficient_tables"] = {
        "owners-own": {
            "name": "owners-own",
            "title_zh": "业主自定",
            "title_en": "Own",
            "source": "owners' meeting",
            "quality": "assumption",
            "floors": {"2": 1, "3": 2, "4": 3, "5": 4, "6": 5},
        }
    }
    path = tmp_path / "p.eeproj"
    save_project(project, path)
    code, out, err = run([str(path)])  # its one unit: no --unit needed
    assert code == 0, err
    code, out, err = run([str(path), "--unit", unit.id, "--json"])
    assert code == 0, err
    data = json.loads(out)
    assert data["unit"] == unit.id and data["table"] == "owners-own"
    # 300,000 over 1:2:3:4:5 per household, two per floor → 10k, 20k, … 50k each
    assert [h["share_yuan"] for h in data["households"]] == [
        0,
        0,
        10000,
        10000,
        20000,
        20000,
        30000,
        30000,
        40000,
        40000,
        50000,
        50000,
    ]
    code, _, err = run([str(path), "--unit", "NO-SUCH-UNIT"])
    assert code == 2 and "--unit" in err


def test_json_money_is_exact_beyond_a_floats_digits(example_unit_path, tmp_path):
    """An amount of 16 significant digits is accepted: its JSON number was the nearest
    float (99999999999999.99 came out as …98) and the shares no longer added up to the
    owners' total as printed."""
    from decimal import Decimal

    data = json.loads(example_unit_path.read_text(encoding="utf-8"))
    data["costs"] = {"total_yuan": "99999999999999.99"}
    data["subsidies"] = [{"type": "fixed", "yuan": "0.01"}]
    data["share"] = {"method": "equal", "rounding_yuan": "0.01"}
    path = tmp_path / "big.unit.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run([str(path), "--json"])
    assert code == 0, err
    assert '"total_yuan": 99999999999999.99,' in out
    got = json.loads(out, parse_float=Decimal)
    assert got["owners_total_yuan"] == Decimal("99999999999999.98")
    assert sum(h["share_yuan"] for h in got["households"]) == got["owners_total_yuan"]
    # an amount a float holds exactly stays a plain number (56.3, not "56.30")
    code, out, _ = run([str(example_unit_path), "--json"])
    assert code == 0 and json.loads(out)["total_yuan"] == 500000


def _variant(example_unit_path, tmp_path, **changes):
    data = json.loads(example_unit_path.read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "variant.unit.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_an_unknown_rules_name_is_refused_as_assess_refuses_it(example_unit_path, tmp_path):
    """share exited 0 on ``"rules": "nope"`` where assess and consent exit 2."""
    path = _variant(example_unit_path, tmp_path, rules="nope")
    code, _out, err = run([str(path)])
    assert code == 2 and err.startswith("error: rules: unknown consent name 'nope'"), err


@pytest.mark.parametrize("field", ["site", "subsidies"])
@pytest.mark.parametrize("value", [False, 0, "", "x"])
def test_a_wrong_typed_site_or_subsidies_is_refused(example_unit_path, tmp_path, field, value):
    """``"site": false`` or ``"subsidies": 0`` read as absent (only true or [1] was
    refused); absent or null still means none."""
    path = _variant(example_unit_path, tmp_path, **{field: value})
    code, _out, err = run([str(path)])
    assert code == 2 and err.startswith(f"error: {field}: must be "), err
    for empty in (None, {} if field == "site" else []):
        code, _out, err = run([str(_variant(example_unit_path, tmp_path, **{field: empty}))])
        assert code == 0, (empty, err)
