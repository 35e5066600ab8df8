"""`elevator-eval placement`: the window's suggested shaft positions, headless.

GY-6-1 of the sample street: its own building is the rectangle (0,0)–(26,11), flat entry,
the shaft against the south façade (y = 0) centred at x = 6.5 with its corridor (footprint
x 5.25–7.75, y 0 to −4.3). By the placement rule (module docstring of
``site/placement.py``), candidates stand on the two long façades, 1.8 m of corridor off
the wall, 2.5 × 2.5 m, at the current shaft's position along the façade and 3 m to either
side: on the south façade (A) centred at x = 3.5, 6.5, 9.5 and y −1.8 to −4.3; on the north
façade (B, walked from (26,11) to (0,11)) at the same distance along it, 19.5 m from its
start, so centred at x = 6.5 (B2), 9.5 (B1) and 3.5 (B3), y 12.8 to 15.3. Windows are on
the south façade only, so positions on the north take no sun; the neighbour to the north
(N1) starts at y = 24.7: 9.4 m from a north shaft.
"""

from __future__ import annotations

import io
import json
import shutil

from elevator_eval.cli import run_command
from elevator_eval.resources import rules_dir, sample_project_path
from elevator_eval.store import open_project, save_project


def cli(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_command("placement", list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _box(c) -> tuple[float, float, float, float]:
    xs = [p[0] for p in c["footprint"]]
    ys = [p[1] for p in c["footprint"]]
    return min(xs), max(xs), min(ys), max(ys)


def test_sample_unit_candidates_by_hand():
    code, out, err = cli(str(sample_project_path()), "--unit", "GY-6-1", "--json")
    assert code == 0, err
    d = json.loads(out)
    assert (d["unit"], d["entry_mode"], d["suitability_ruleset"]) == (
        "GY-6-1",
        "flat",
        "shanghai-2020",
    )
    by = {c["label"]: c for c in d["candidates"]}
    assert sorted(by) == ["A1", "A2", "A3", "B1", "B2", "B3"]
    assert _box(by["A2"]) == (5.25, 7.75, -4.3, -1.8)
    assert _box(by["A1"]) == (2.25, 4.75, -4.3, -1.8)
    assert _box(by["B2"]) == (5.25, 7.75, 12.8, 15.3)
    assert _box(by["B1"]) == (8.25, 10.75, 12.8, 15.3)
    for label in ("B1", "B2", "B3"):
        c = by[label]
        assert c["problems"] == [] and c["lost_h"] == 0 and c["windows_below"] == 0
        assert float(c["measured"]["distance_to_neighbour_m"]) == 9.4
    for label in ("A1", "A2", "A3"):
        assert "sunlight_below_standard" in by[label]["problems"]
        assert by[label]["lost_h"] > 0 and by[label]["windows_below"] >= 1
    # ranked: fewer problems first, then fewer hours lost
    keys = [(len(c["problems"]), c["lost_h"]) for c in d["candidates"]]
    assert keys == sorted(keys)
    # names in both languages from the one vocabulary
    a3 = by["A3"]
    assert a3["problems"] == ["private_courtyard", "sunlight_below_standard"]
    assert a3["problems_zh"] == ["占用私家庭院", "日照低于标准"]
    assert a3["problems_en"] == ["occupies a private courtyard", "sunlight below the standard"]


def test_text_output_is_chinese_first_and_ranked():
    code, out, _ = cli(str(sample_project_path()), "--unit", "GY-6-1")
    assert code == 0
    lines = out.splitlines()
    assert "候选井道位置" in lines[0] and "上海" in lines[0]
    rows = [ln.split()[0] for ln in lines[2:-1]]
    assert rows[:3] == sorted(["B1", "B2", "B3"], key=rows.index)  # the problem-free first
    assert set(rows[:3]) == {"B1", "B2", "B3"}
    assert "占用私家庭院、日照低于标准 / occupies a private courtyard" in out


def test_the_units_own_limits_are_used(tmp_path):
    """A project whose suitability ruleset asks 10 m to the neighbour: the north positions
    (9.4 m) are now too close."""
    path = tmp_path / "p.eeproj"
    shutil.copyfile(sample_project_path(), path)
    p = open_project(path)
    mine = json.loads((rules_dir() / "suitability" / "shanghai-2020.json").read_text("utf-8"))
    mine["name"] = "far-neighbours"
    mine["checks"]["neighbour_close"]["min_distance_m"] = 10
    p.settings["suitability_rulesets"] = {"far-neighbours": mine}
    p.settings["suitability_rules"] = "far-neighbours"
    save_project(p, path)
    code, out, err = cli(str(path), "--unit", "GY-6-1", "--json")
    assert code == 0, err
    d = json.loads(out)
    assert d["suitability_ruleset"] == "far-neighbours"
    by = {c["label"]: c for c in d["candidates"]}
    for label in ("B1", "B2", "B3"):
        assert by[label]["problems"] == ["neighbour_close"]


def test_a_unit_without_a_plan_and_bad_sizes_name_the_field(tmp_path):
    out_file = tmp_path / "u.json"
    code = run_command(
        "export-unit",
        [str(sample_project_path()), "--unit", "GY-6-1", "-o", str(out_file)],
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert code == 0
    unit = json.loads(out_file.read_text("utf-8"))
    del unit["site"]["plan"]
    out_file.write_text(json.dumps(unit, ensure_ascii=False), "utf-8")
    code, out, err = cli(str(out_file))
    assert (code, out) == (2, "")
    assert "site.plan" in err and "\n" not in err.strip()
    for flag, value in (("--width", "60"), ("--depth", "0"), ("--step", "-3")):
        code, _, err = cli(str(sample_project_path()), "--unit", "GY-6-1", flag, value)
        assert code == 2 and err.startswith(f"error: {flag}:"), err


def test_a_building_too_small_for_the_shaft_says_so(tmp_path):
    out_file = tmp_path / "u.json"
    run_command(
        "export-unit",
        [str(sample_project_path()), "--unit", "GY-6-1", "-o", str(out_file)],
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    unit = json.loads(out_file.read_text("utf-8"))
    own = next(b for b in unit["site"]["plan"]["buildings"] if b.get("own"))
    own["footprint"] = [[0, 0], [2, 0], [2, 2], [0, 2]]  # sides shorter than 2.5 m
    out_file.write_text(json.dumps(unit, ensure_ascii=False), "utf-8")
    code, out, _ = cli(str(out_file), "--json")
    assert code == 0 and json.loads(out)["candidates"] == []
    code, out, _ = cli(str(out_file))
    assert code == 0 and "没有放得下井道的位置" in out and "no position fits" in out
    code, out, _ = cli(str(out_file), "--width", "1.5", "--json")  # a narrower shaft fits
    assert code == 0 and json.loads(out)["candidates"]
