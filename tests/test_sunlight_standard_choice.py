"""The project's sunlight standard (``settings.sunlight_standard``) reaches every place that
computes or cites sunlight: the ``sunlight`` command, the proposal's sunlight section, the
census's measured finding.

GB 50180-93 (2016 edition) Table 5.0.2-1 has the same standard days, hours and bands as
GB 50180-2018 Table 4.0.9 (the 2018 table kept it, naming the city classes by resident
population instead of 大城市 / 中小城市: reference geometry §7.1), so a plan's hours and its
windows that fall below the standard are the same under both; what changes is the standard
cited: the 1993 code's clause 5.0.2, not the 2018 standard's clause 4.0.9.
"""

from __future__ import annotations

import io
import json
import re
import shutil

from pypdf import PdfReader

from elevator_eval.cli import run_command
from elevator_eval.resources import sample_project_path
from elevator_eval.site.sunlight_rules import standard_data, table_row
from elevator_eval.store import open_project

UNIT = "DH-1-3"  # a sample unit whose shaft takes a window's sun (101-S: 4.28 h → 1.87 h)
CITE_93 = "《城市居住区规划设计规范》GB 50180-93（2016 年版）第 5.0.2 条及表 5.0.2-1"
CITE_2018 = "《城市居住区规划设计标准》GB 50180-2018 第 4.0.9 条及表 4.0.9"


def cli(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_command(argv[0], list(argv[1:]), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _project_93(tmp_path):
    path = tmp_path / "old-code.eeproj"
    shutil.copyfile(sample_project_path(), path)
    code, _, err = cli("settings", str(path), "--set", "sunlight_standard=gb50180-93")
    assert code == 0, err
    return path


def test_the_1993_table_by_hand():
    """Table 5.0.2-1: zones I, II, III, VII: 大寒日 ≥ 2 h in a large city, ≥ 3 h in a
    smaller one; zone IV: 大寒日 ≥ 3 h large, 冬至日 ≥ 1 h smaller; zones V, VI: 冬至日 ≥ 1 h;
    bands 8–16 h (大寒日) and 9–15 h (冬至日) true solar time."""
    expected = {
        ("II", "large"): ("dahan", 2),
        ("II", "small"): ("dahan", 3),
        ("IV", "large"): ("dahan", 3),
        ("IV", "small"): ("dongzhi", 1),
        ("V", "large"): ("dongzhi", 1),
        ("VI", "small"): ("dongzhi", 1),
    }
    for (zone, pop), (day, hours) in expected.items():
        row = table_row(zone, pop, "gb50180-93")
        assert (row["standard_day"], row["min_hours"]) == (day, hours), (zone, pop)
    days = standard_data("gb50180-93")["days"]
    assert days["dahan"]["band_true_solar_h"] == [8, 16]
    assert days["dongzhi"]["band_true_solar_h"] == [9, 15]


def test_sunlight_command_uses_the_projects_standard(tmp_path):
    default = sample_project_path()
    old = _project_93(tmp_path)
    code, out, err = cli("sunlight", str(default), "--unit", UNIT, "--json")
    assert code == 0, err
    a = json.loads(out)
    code, out, err = cli("sunlight", str(old), "--unit", UNIT, "--json")
    assert code == 0, err
    b = json.loads(out)
    assert (a["standard"], b["standard"]) == ("gb50180-2018", "gb50180-93")
    assert b["source"].startswith("GB 50180-93") and a["source"].startswith("GB 50180-2018")
    # the same hours: the two tables agree (module docstring)
    assert a["windows"] == b["windows"] and a["below_standard"] == b["below_standard"]
    assert round({w["id"]: w["before_h"] for w in b["windows"]}["101-S"], 2) == 4.28
    code, text, _ = cli("sunlight", str(old), "--unit", UNIT)
    assert "GB 50180-93" in text


def test_the_proposal_cites_the_projects_standard(tmp_path):
    from elevator_eval.report.proposal import build_proposal

    project = open_project(_project_93(tmp_path))
    unit = project.find_unit(UNIT)
    buf = io.BytesIO()
    build_proposal(unit, project=project, out=buf)
    text = _squash("".join(p.extract_text() for p in PdfReader(buf).pages))
    assert _squash(f"依据{CITE_93}。") in text
    assert _squash(CITE_2018) not in text
    # the 2018 clause's exception for retrofitted elevators is not the 1993 code's
    assert "加装电梯除外" not in text
    assert _squash("日照减少的业主可据上表协商补偿。") in text
    sample = open_project(sample_project_path())
    buf = io.BytesIO()
    build_proposal(sample.find_unit(UNIT), project=sample, out=buf)
    text = _squash("".join(p.extract_text() for p in PdfReader(buf).pages))
    assert _squash(f"依据{CITE_2018}。") in text
    assert (
        _squash(
            "GB 50180-2018 第 4.0.9 条第 2 款规定，在原设计建筑外增加任何设施不应使相邻住宅"
            "原有日照标准降低，既有住宅建筑进行无障碍改造加装电梯除外。日照减少的业主可据上表"
            "协商补偿。"
        )
        in text
    )


def test_the_census_measures_under_the_projects_standard(tmp_path):
    """The census's measured sunlight finding is the same under both standards (the same
    table), for the units with a plan, on the fast path and unit by unit."""
    from elevator_eval.census import census

    old = open_project(_project_93(tmp_path))
    new = open_project(sample_project_path())
    for vectorised in (True, False):
        a = {r.unit_id: r.klass for r in census(new, vectorised=vectorised).rows}
        b = {r.unit_id: r.klass for r in census(old, vectorised=vectorised).rows}
        assert a == b
