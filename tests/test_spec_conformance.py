"""Conformance of the headless interface to the unit-format contract (v1), clause by clause.

Black-box: every test writes a unit file, runs the real command line (in-process through
:func:`elevator_eval.cli.run_command`, and for a representative subset in a subprocess) and
checks exit codes, the one-line error on stderr and the fixed JSON keys. Every expected
value is worked out by hand in the test (exact ``Fraction``/``Decimal`` arithmetic shown in
the comments), never pasted back from the program's output.

This file: §1 fields and defaults, §2 commands, §3 suitability, §6 consent.
Cost sharing and subsidies (§4, §5): ``test_spec_conformance_share.py``.
"""

from __future__ import annotations

import copy
import datetime
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest

from elevator_eval.cli import run_command

DATA = Path(__file__).resolve().parent / "data"
EXAMPLE = DATA / "xingfuli-3-2.unit.json"
SAMPLE_PROJECT = (
    Path(__file__).resolve().parent.parent / "resources" / "sample" / "sample-street.eeproj"
)
THIS_YEAR = datetime.date.today().year


# =========================================================================== helpers


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def data(self):
        assert self.code == 0, self.err
        return json.loads(self.out)


def cli(command: str, *argv) -> Run:
    """Run one subcommand in-process."""
    out, err = io.StringIO(), io.StringIO()
    code = run_command(command, [str(a) for a in argv], stdout=out, stderr=err)
    return Run(code, out.getvalue(), err.getvalue())


def sub(*argv, cwd=None, **env_extra) -> Run:
    """Run the real command line in a subprocess (``elevator-eval`` or ``python -m``)."""
    exe = shutil.which("elevator-eval")
    cmd = [exe] if exe else [sys.executable, "-m", "elevator_eval"]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **env_extra)
    p = subprocess.run(
        cmd + [str(a) for a in argv], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )
    return Run(p.returncode, p.stdout, p.stderr)


def assert_bad_input(r: Run, *field_words: str) -> None:
    """Exit 2, nothing on stdout, exactly one line on stderr naming the field, no traceback."""
    assert r.code == 2, (r.code, r.out, r.err)
    assert r.out == ""
    assert r.err.endswith("\n") and r.err.count("\n") == 1, r.err
    assert "Traceback" not in r.err
    for w in field_words:
        assert w in r.err, (w, r.err)


def hh(hid, floor, area, owner=None, vote=None, **kw) -> dict:
    d = {"id": str(hid), "floor": floor, "area_m2": area}
    if owner is not None:
        d["owner"] = owner
    if vote is not None:
        d["vote"] = vote
    d.update(kw)
    return d


def clean_unit(households=None, **top) -> dict:
    """A unit with no finding at all: grade A, built 2005, frame, every site field good."""
    d = {
        "format": "elevator-eval/unit",
        "version": 1,
        "id": "T-1",
        "name": "测试单元",
        "building": {
            "year_built": 2005,
            "storeys": 6,
            "structure": "frame",
            "danger_grade": "A",
            "floor_height_m": 2.9,
            "seismic_intensity": 7,
        },
        "site": {
            "entry_mode": "half_landing",
            "footprint_available_m": [3.0, 3.0],
            "inside_red_line": True,
            "fire_lane_width_after_m": 5.0,
            "distance_to_neighbour_m": 10.0,
            "occupies_private_courtyard": False,
            "sunlight_below_standard": False,
            "pipes_in_footprint": [],
            "pit_depth_available_mm": 1500,
            "headroom_available_mm": 4000,
        },
        "households": households
        if households is not None
        else [hh(f"{f}0{k}", f, 50, vote="yes") for f in range(1, 7) for k in (1, 2)],
        "costs": {"total_yuan": 120000},
    }
    d.update(top)
    return d


def write(tmp_path: Path, unit: dict, name: str = "u.unit.json") -> Path:
    p = tmp_path / name
    p.write_text(json.dumps(unit, ensure_ascii=False), encoding="utf-8")
    return p


def is_num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


# =========================================================================== §2 commands


def test_example_all_three_commands_in_subprocesses(tmp_path):
    """§2: the real command line on the spec's example; fixed keys and JSON types."""
    # ---- assess: example is grade B, 1992, 6 storeys, masonry at intensity 7, inside the
    # red line, 4.5 m fire lane, 13 m to the neighbour, footprint 2.6 × 2.4 m, water and
    # telecom pipes (2 weak), pit 1400 / headroom 3800 mm. Design life 1992 + 50 − year.
    a = sub("assess", EXAMPLE, "--json")
    assert a.code == 0, a.err
    d = json.loads(a.out)
    assert d["unit"] == "XFL-3-2"
    assert d["class"] == "suitable"
    assert isinstance(d["findings"], list)
    for f in d["findings"]:
        assert isinstance(f["code"], str) and isinstance(f["message"], str) and f["message"]
        assert f["severity"] in ("weak", "strong", "major")
    sev = [f["severity"] for f in d["findings"]]
    expected_weak = 2 + (1 if 1992 + 50 - THIS_YEAR < 15 else 0)
    assert sev.count("weak") == expected_weak and "strong" not in sev and "major" not in sev

    # ---- consent (hand tally): 12 owners, 12 heads. Not taking part: 102 (61.05) and 502
    # (61.05). Taking part 10 heads ≥ 2/3·12 = 8 ✓; area 704.10 − 122.10 = 582.00,
    # 582.00·3 = 1746 ≥ 704.10·2 = 1408.2 ✓. Yes: 8 heads (101 no, 201 abstain),
    # 8·4 = 32 ≥ 10·3 ✓; yes area 582.00 − 56.30 − 56.30 = 469.40, ·4 = 1877.6 ≥ 1746 ✓.
    c = sub("consent", EXAMPLE, "--json")
    assert c.code == 0, c.err
    d = json.loads(c.out)
    assert d["unit"] == "XFL-3-2"
    assert d["passed"] is True
    assert d["participation"] == {"area_ok": True, "headcount_ok": True} or (
        d["participation"]["area_ok"] is True and d["participation"]["headcount_ok"] is True
    )
    assert d["approval"]["area_ok"] is True and d["approval"]["headcount_ok"] is True
    assert d["blocking"] == []

    # ---- share: capital 180000+60000+120000+60000+40000+20000+20000 = 500000;
    # subsidy min(40 % × 500000, 280000) = 200000; owners 300000.
    s = sub("share", EXAMPLE, "--json")
    assert s.code == 0, s.err
    d = json.loads(s.out)
    assert d["unit"] == "XFL-3-2"
    assert (d["total_yuan"], d["subsidy_yuan"], d["owners_total_yuan"]) == (500000, 200000, 300000)
    for k in ("total_yuan", "subsidy_yuan", "owners_total_yuan"):
        assert is_num(d[k])
    ids = [h["id"] for h in d["households"]]
    assert sorted(ids) == sorted(
        ["101", "102", "201", "202", "301", "302", "401", "402", "501", "502", "601", "602"]
    )
    for h in d["households"]:
        assert isinstance(h["id"], str) and type(h["floor"]) is int and is_num(h["share_yuan"])
    by_id = {h["id"]: h for h in d["households"]}
    assert by_id["101"]["share_yuan"] == 0 and by_id["102"]["share_yuan"] == 0  # exempt
    assert by_id["101"]["floor"] == 1 and by_id["602"]["floor"] == 6
    assert sum(Fraction(str(h["share_yuan"])) for h in d["households"]) == 300000


def test_example_share_by_hand():
    """§5 on the example: coefficient × area, largest remainder, 1-yuan units."""
    d = cli("share", EXAMPLE, "--json").data
    coef = {
        2: Fraction(3, 10),
        3: Fraction(7, 10),
        4: Fraction(8, 10),
        5: Fraction(9, 10),
        6: Fraction(1),
    }
    area = {"1": Fraction("56.30"), "2": Fraction("61.05")}  # by the door's last digit
    w = {f"{fl}0{k}": coef[fl] * area[str(k)] for fl in range(2, 7) for k in (1, 2)}
    W = sum(w.values())
    assert Fraction(37, 10) * Fraction("117.35") == W  # (0.3+0.7+0.8+0.9+1.0) × 117.35
    quota = {i: 300000 * wi / W for i, wi in w.items()}
    base = {i: q.numerator // q.denominator for i, q in quota.items()}
    leftover = 300000 - sum(base.values())
    rem = {i: quota[i] - base[i] for i in quota}
    floor_of = {i: int(i[0]) for i in quota}
    order = sorted(quota, key=lambda i: (-rem[i], -floor_of[i], list(quota).index(i)))
    expected = {i: base[i] + (1 if i in order[:leftover] else 0) for i in quota}
    got = {h["id"]: h["share_yuan"] for h in d["households"] if h["floor"] > 1}
    assert got == expected
    # spot check by hand: 601 = 300000 × 56.3 / 434.195 = 38899.57… → 38899 or 38900
    assert got["601"] in (38899, 38900)


def test_json_on_a_console_without_chinese():
    """§2 never a traceback: on an ASCII-only pipe the JSON is still one valid object
    (non-ASCII characters escaped) and exit 0."""
    r = sub("assess", EXAMPLE, "--json", PYTHONIOENCODING="ascii")
    assert r.code == 0, r.err
    d = json.loads(r.out)
    assert d["unit"] == "XFL-3-2" and d["class"] == "suitable"
    assert any("给水" in f["message"] for f in d["findings"])  # escaped, decoded back
    r = sub("consent", EXAMPLE, PYTHONIOENCODING="ascii")  # Chinese-first text
    assert r.code == 0 and "Traceback" not in r.err


def test_unit_option_on_a_unit_file(tmp_path):
    """§2 --unit with a unit file: matching id is fine, another id is bad input."""
    for cmd in ("assess", "consent", "share"):
        assert cli(cmd, EXAMPLE, "--unit", "XFL-3-2", "--json").data["unit"] == "XFL-3-2"
        assert_bad_input(cli(cmd, EXAMPLE, "--unit", "XFL-9-9", "--json"), "--unit")


def test_bad_input_subprocess_one_line(tmp_path):
    """§2: unreadable JSON exits 2 with one line naming the file, no traceback."""
    p = tmp_path / "broken.unit.json"
    p.write_text('{"format": "elevator-eval/unit", "version": 1, ', encoding="utf-8")
    for cmd in ("assess", "consent", "share"):
        assert_bad_input(sub(cmd, p, "--json"), "file")
    u = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    u["households"][11]["floor"] = 9  # floor 9 of a 6-storey unit
    assert_bad_input(sub("share", write(tmp_path, u), "--json"), "households[11].floor")


@pytest.mark.parametrize(
    "mutate, field",
    [
        (lambda u: u["households"][0].update(floor=9), "households[0].floor"),
        (lambda u: u["households"][0].update(floor=0), "households[0].floor"),
        (lambda u: u["households"][2].update(area_m2=-56.3), "households[2].area_m2"),
        (lambda u: u["households"][2].update(area_m2="-56.30"), "households[2].area_m2"),
        (lambda u: u["households"][2].update(area_m2="abc"), "households[2].area_m2"),
        (lambda u: u["households"][3].update(vote="maybe"), "households[3].vote"),
        (lambda u: u["households"][3].pop("id"), "households[3].id"),
        (lambda u: u["households"][3].pop("floor"), "households[3].floor"),
        (lambda u: u["households"][3].pop("area_m2"), "households[3].area_m2"),
        (
            lambda u: u["households"][4].update(exclusive_part_affected="yes"),
            "households[4].exclusive_part_affected",
        ),
        (lambda u: u.pop("id"), "id"),
        (lambda u: u.update(format="something-else"), "format"),
        (lambda u: u.update(version=2), "version"),
        (lambda u: u["building"].pop("year_built"), "building.year_built"),
        (lambda u: u["building"].pop("storeys"), "building.storeys"),
        (lambda u: u["building"].update(danger_grade="E"), "building.danger_grade"),
        (lambda u: u["building"].update(structure="wood"), "building.structure"),
        (lambda u: u["site"].update(entry_mode="lift"), "site.entry_mode"),
        (lambda u: u.pop("costs"), "costs"),
        (lambda u: u["costs"].pop("items_yuan"), "costs"),
        (lambda u: u["costs"]["items_yuan"].update(pit=-1), "costs.items_yuan.pit"),
        (lambda u: u["share"].update(method="by_mood"), "share.method"),
        (lambda u: u["subsidies"][0].update(type="lottery"), "subsidies[0].type"),
        (lambda u: u["subsidies"][0].pop("cap_yuan"), "subsidies[0].cap_yuan"),
        (lambda u: u.update(rules="no-such-ruleset"), "rules"),
    ],
)
def test_bad_input_names_the_field(tmp_path, mutate, field):
    """§2: bad input exits 2 with one line naming the field, for every command."""
    u = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    mutate(u)
    p = write(tmp_path, u)
    commands = (
        ("share",)
        if field.startswith(("share", "subsidies", "costs"))
        else ("consent",)
        if field == "rules"
        else ("assess", "consent", "share")
    )
    for cmd in commands:
        assert_bad_input(cli(cmd, p, "--json"), field)


def test_bad_files(tmp_path):
    """§2: missing file, empty file, not UTF-8, a JSON list, a folder → exit 2."""
    assert_bad_input(cli("assess", tmp_path / "nope.unit.json"), "file")
    (tmp_path / "empty.unit.json").write_bytes(b"")
    assert_bad_input(cli("consent", tmp_path / "empty.unit.json"), "file")
    (tmp_path / "latin.unit.json").write_bytes(b'{"id": "\xe9"}')
    assert_bad_input(cli("share", tmp_path / "latin.unit.json"), "file")
    (tmp_path / "list.unit.json").write_text("[1, 2]", encoding="utf-8")
    assert cli("share", tmp_path / "list.unit.json").code == 2
    assert cli("share", tmp_path).code == 2


def test_argument_errors_one_line():
    """§2: a missing target or an unknown option is bad input on one line."""
    assert_bad_input(cli("assess"), "UNIT.json|PROJECT")
    assert_bad_input(cli("share", EXAMPLE, "--bogus"), "--bogus")


def test_utf8_bom_and_unknown_keys(tmp_path):
    """§1: UTF-8 (a byte-order mark too); keys the contract does not fix are allowed."""
    u = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    u["notes"] = "扩展字段"
    u["households"][0]["remark"] = "x"
    p = tmp_path / "bom.unit.json"
    p.write_bytes(b"\xef\xbb\xbf" + json.dumps(u, ensure_ascii=False).encode("utf-8"))
    assert cli("share", p, "--json").data["owners_total_yuan"] == 300000


def test_five_storey_variant_of_the_example(tmp_path):
    """Dropping the top floor (storeys 5) while the coefficient table keeps a row for
    floor 6 is not bad input: the row is simply unused."""
    u = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    u["building"]["storeys"] = 5
    u["households"] = [h for h in u["households"] if h["floor"] <= 5]
    d = cli("share", write(tmp_path, u), "--json").data
    # weights (0.3 + 0.7 + 0.8 + 0.9) × 117.35 = 2.7 × 117.35; 201: 300000·16.89/316.845
    W = Fraction(27, 10) * Fraction("117.35")
    q = 300000 * Fraction("16.89") / W
    got = {h["id"]: h["share_yuan"] for h in d["households"]}
    assert got["201"] - (q.numerator // q.denominator) in (0, 1)
    assert sum(got.values()) == 300000 and len(got) == 10


def test_unknown_method_option_exit_2():
    """§2/§5: an unknown --method is bad input naming --method."""
    assert_bad_input(cli("share", EXAMPLE, "--method", "lottery", "--json"), "--method")


def test_report_pdf_and_missing_output(tmp_path):
    """§2 report: writes a PDF (exit 0); without -o exit 2."""
    out = tmp_path / "out.pdf"
    r = sub("report", EXAMPLE, "-o", out)
    assert r.code == 0, r.err
    assert out.read_bytes()[:4] == b"%PDF"
    assert_bad_input(cli("report", EXAMPLE), "-o")
    assert cli("report", EXAMPLE, "--unit", "NOPE", "-o", tmp_path / "x.pdf").code == 2
    assert not (tmp_path / "x.pdf").exists()


def test_report_all_writes_one_pdf_per_unit(tmp_path):
    """§2 report PROJECT --all -o OUTDIR; --all with a unit file is bad input."""
    proj = tmp_path / "street.eeproj"
    shutil.copyfile(SAMPLE_PROJECT, proj)
    outdir = tmp_path / "pdfs"
    r = cli("report", proj, "--all", "-o", outdir)
    assert r.code == 0, r.err
    pdfs = sorted(outdir.glob("*.pdf"))
    assert len(pdfs) == 16  # the sample street has 16 units
    assert all(p.read_bytes()[:4] == b"%PDF" for p in pdfs)
    assert_bad_input(cli("report", EXAMPLE, "--all", "-o", tmp_path / "o2"), "--all")


@pytest.fixture
def project_copy(tmp_path) -> Path:
    p = tmp_path / "street.eeproj"
    shutil.copyfile(SAMPLE_PROJECT, p)
    return p


def test_project_targets(project_copy):
    """§2 with a PROJECT: assess without --unit prints the census; --unit selects a unit."""
    r = sub("assess", project_copy)
    assert r.code == 0, r.err
    assert "DH-1-3" in r.out and "GY-1-1" in r.out  # a line per unit of the street
    # consent DH-1-3 by hand: 12 owners, all vote; 101 (56.30 m², exclusive part affected)
    # votes no, the other 11 yes. Heads 11·4 = 44 ≥ 12·3 ✓; area yes 704.10 − 56.30 =
    # 647.80, ·4 = 2591.2 ≥ 704.10·3 = 2112.3 ✓; but the affected owner blocks.
    d = cli("consent", project_copy, "--unit", "DH-1-3", "--json").data
    assert d["unit"] == "DH-1-3"
    assert d["participation"] == {"area_ok": True, "headcount_ok": True} or all(
        d["participation"][k] is True for k in ("area_ok", "headcount_ok")
    )
    assert d["approval"]["area_ok"] is True and d["approval"]["headcount_ok"] is True
    assert d["passed"] is False
    assert len(d["blocking"]) == 1 and isinstance(d["blocking"][0], str)
    a = cli("assess", project_copy, "--unit", "DH-1-3", "--json").data
    assert a["unit"] == "DH-1-3" and a["class"] in ("suitable", "difficult", "unsuitable")
    s = cli("share", project_copy, "--unit", "DH-1-3", "--json").data
    assert s["unit"] == "DH-1-3" and len(s["households"]) == 12
    assert sum(Fraction(str(h["share_yuan"])) for h in s["households"]) == Fraction(
        str(s["owners_total_yuan"])
    )
    for cmd in ("consent", "share"):
        assert_bad_input(cli(cmd, project_copy, "--unit", "NO-SUCH", "--json"), "--unit")
        assert_bad_input(cli(cmd, project_copy, "--json"), "--unit")


# =========================================================================== §1 fields


def test_owner_defaults_to_household_id(tmp_path):
    """§1: without owner every household is its own head (its id is the owner)."""
    # three households, no owner field: yes, yes, no → 3 heads, yes 2·4 = 8 < 3·3 = 9 ✗
    u = clean_unit(
        [hh("101", 1, 50, vote="yes"), hh("102", 1, 50, vote="yes"), hh("201", 2, 50, vote="no")]
    )
    d = cli("consent", write(tmp_path, u), "--json").data
    assert d["approval"]["headcount_ok"] is False
    # area: yes 100·4 = 400 ≥ 150·3 = 450? no ✗
    assert d["approval"]["area_ok"] is False
    # owner null is the same as no owner
    u["households"][0]["owner"] = None
    assert cli("consent", write(tmp_path, u), "--json").data["approval"]["headcount_ok"] is False
    # the default identity is the id: a household whose owner is "101" joins door 101
    u = clean_unit(
        [
            hh("101", 1, 30, vote="yes"),
            hh("102", 1, 30, owner="101", vote="yes"),
            hh("201", 2, 20, vote="yes"),
            hh("202", 2, 20, vote="no"),
        ]
    )
    # heads: {101, 102}, 201, 202 → 3 heads, yes 2 → 8 < 9 ✗ (4 heads would give 12 ≥ 12 ✓)
    d = cli("consent", write(tmp_path, u), "--json").data
    assert d["approval"]["headcount_ok"] is False
    assert d["approval"]["area_ok"] is True  # 80·4 = 320 ≥ 100·3 = 300


def test_vote_defaults_to_null(tmp_path):
    """§1: a household without "vote" did not take part."""
    # 3 owners of 50 m²: yes, (no vote key), (no vote key) → 1 of 3 heads take part ✗
    u = clean_unit([hh("101", 1, 50, vote="yes"), hh("102", 1, 50), hh("201", 2, 50)])
    d = cli("consent", write(tmp_path, u), "--json").data
    assert d["participation"]["headcount_ok"] is False
    assert d["participation"]["area_ok"] is False
    assert d["approval"] == {"area_ok": True, "headcount_ok": True} or (
        d["approval"]["area_ok"] and d["approval"]["headcount_ok"]
    )
    assert d["passed"] is False


def test_exclusive_part_affected_defaults_to_false(tmp_path):
    """§1: without the flag nobody has a veto; 1 of 4 voting no still passes."""
    u = clean_unit(
        [
            hh("101", 1, 50, vote="no"),
            hh("102", 1, 50, vote="yes"),
            hh("201", 2, 50, vote="yes"),
            hh("202", 2, 50, vote="yes"),
        ]
    )
    d = cli("consent", write(tmp_path, u), "--json").data
    assert d["blocking"] == [] and d["passed"] is True
    u["households"][0]["exclusive_part_affected"] = None
    assert cli("consent", write(tmp_path, u), "--json").data["passed"] is True


def test_rules_defaults_to_civil_code(tmp_path):
    """§1: without rules the civil-code-2021 tally applies (3/4 approval, inclusive)."""
    u = clean_unit(
        [
            hh("101", 1, 50, vote="no"),
            hh("102", 1, 50, vote="yes"),
            hh("201", 2, 50, vote="yes"),
            hh("202", 2, 50, vote="yes"),
        ]
    )
    u.pop("rules", None)
    d1 = cli("consent", write(tmp_path, u), "--json").data
    u["rules"] = "civil-code-2021"
    d2 = cli("consent", write(tmp_path, u, "v.unit.json"), "--json").data
    for k in ("passed", "participation", "approval", "blocking"):
        assert d1[k] == d2[k]
    assert d1["passed"] is True


def test_decimal_strings_for_areas_and_money(tmp_path):
    """§1: areas and money may be decimal strings; the result equals the numbers'."""
    u = clean_unit(
        [hh("201", 2, "56.30"), hh("301", 3, "61.05")],
        costs={"items_yuan": {"equipment": "1000.50", "civil": "99.50"}},
        share={"method": "equal", "rounding_yuan": "0.01"},
        subsidies=[{"type": "fixed", "yuan": "100.00"}],
    )
    d = cli("share", write(tmp_path, u), "--json").data
    # 1000.50 + 99.50 = 1100.00; − 100.00 = 1000.00, split equally: 500.00 each
    assert (d["total_yuan"], d["subsidy_yuan"], d["owners_total_yuan"]) == (1100, 100, 1000)
    assert [h["share_yuan"] for h in d["households"]] == [500, 500]


def test_total_yuan_instead_of_items(tmp_path):
    """§1: costs.total_yuan may be given instead of items_yuan."""
    u = clean_unit(
        [hh("201", 2, 50), hh("301", 3, 50)], costs={"total_yuan": 1001}, share={"method": "equal"}
    )
    d = cli("share", write(tmp_path, u), "--json").data
    # 1001 / 2 = 500.5 → 500 each, 1 leftover unit to the higher floor (tie)
    assert d["total_yuan"] == 1001 and d["subsidy_yuan"] == 0 and d["owners_total_yuan"] == 1001
    assert {h["id"]: h["share_yuan"] for h in d["households"]} == {"201": 500, "301": 501}
    u["costs"] = {"total_yuan": "1001.00"}
    assert cli("share", write(tmp_path, u), "--json").data["total_yuan"] == 1001


def test_design_life_default_50(tmp_path):
    """§1/§3: design_life_years defaults to 50; remaining life < 15 → one weak finding."""
    built = THIS_YEAR - 50 + 14  # remaining 14 years with the default
    u = clean_unit()
    u["building"]["year_built"] = built
    d = cli("assess", write(tmp_path, u), "--json").data
    assert [f["severity"] for f in d["findings"]] == ["weak"]
    msg = d["findings"][0]["message"]
    assert "14" in msg and "15" in msg  # states both numbers
    assert d["class"] == "suitable"
    u["building"]["design_life_years"] = 70  # remaining 34 → no finding
    assert cli("assess", write(tmp_path, u), "--json").data["findings"] == []
    u["building"]["design_life_years"] = 50  # explicit 50 = default
    assert len(cli("assess", write(tmp_path, u), "--json").data["findings"]) == 1
    u["building"]["year_built"] = THIS_YEAR - 50 + 15  # exactly 15: not shorter
    u["building"].pop("design_life_years")
    assert cli("assess", write(tmp_path, u), "--json").data["findings"] == []


def test_share_section_is_optional(tmp_path):
    """§1: without "share" the default method and table split the owners' total."""
    u = clean_unit()
    u.pop("share", None)
    d = cli("share", write(tmp_path, u), "--json").data
    assert d["owners_total_yuan"] == 120000 and len(d["households"]) == 12
    assert sum(h["share_yuan"] for h in d["households"]) == 120000
    shares = {h["id"]: h["share_yuan"] for h in d["households"]}
    # same area, so a higher floor never pays less under a coefficient table
    assert shares["601"] >= shares["201"]


# =========================================================================== §3 suitability


def _assess(tmp_path, unit) -> dict:
    return cli("assess", write(tmp_path, unit), "--json").data


def _sev(d) -> list[str]:
    return sorted(f["severity"] for f in d["findings"])


def test_clean_unit_has_no_finding(tmp_path):
    d = _assess(tmp_path, clean_unit())
    assert d["findings"] == [] and d["class"] == "suitable"


def _set(section, **kw):
    def f(u):
        u[section].update(kw)

    return f


def _low_building(u):
    u["building"]["storeys"] = 3
    u["households"] = [h for h in u["households"] if h["floor"] <= 3]


def _low_building_4(u):
    u["building"]["storeys"] = 4
    u["households"] = [h for h in u["households"] if h["floor"] <= 4]


@pytest.mark.parametrize(
    "mutate, severities, klass",
    [
        (_set("building", danger_grade="C"), ["major"], "unsuitable"),
        (_set("building", danger_grade="D"), ["major"], "unsuitable"),
        (_set("building", danger_grade="B"), [], "suitable"),
        (_low_building, ["major"], "unsuitable"),
        (_low_building_4, [], "suitable"),
        (_set("site", inside_red_line=False), ["major"], "unsuitable"),
        (_set("site", fire_lane_width_after_m=3.99), ["major"], "unsuitable"),
        (_set("site", fire_lane_width_after_m=4.0), [], "suitable"),
        (_set("site", fire_lane_width_after_m="4.00"), [], "suitable"),
        (_set("building", danger_grade=None, year_built=2000), ["strong"], "difficult"),
        (_set("building", danger_grade=None, year_built=2001), [], "suitable"),
        (_set("site", occupies_private_courtyard=True), ["strong"], "difficult"),
        (_set("site", sunlight_below_standard=True), ["strong"], "difficult"),
        (_set("site", footprint_available_m=[1.0, 1.0]), ["strong"], "difficult"),
        (
            _set("site", entry_mode="flat", footprint_available_m=[1.0, 1.0]),
            ["strong"],
            "difficult",
        ),
        (_set("site", pipes_in_footprint=["gas"]), ["strong"], "difficult"),
        (_set("site", pipes_in_footprint=["gas", "water"]), ["strong", "weak"], "difficult"),
        (
            _set("site", pipes_in_footprint=["water", "telecom", "drainage"]),
            ["weak", "weak", "weak"],
            "suitable",
        ),
        (_set("site", distance_to_neighbour_m=5.99), ["strong"], "difficult"),
        (_set("site", distance_to_neighbour_m=6.0), [], "suitable"),
        (_set("building", structure="masonry", seismic_intensity=8), ["strong"], "difficult"),
        (_set("building", structure="masonry", seismic_intensity=9), ["strong"], "difficult"),
        (_set("building", structure="masonry", seismic_intensity=7), [], "suitable"),
        (_set("building", structure="frame", seismic_intensity=8), [], "suitable"),
        (_set("site", pit_depth_available_mm=300), ["weak"], "suitable"),
        (_set("site", headroom_available_mm=1000), ["weak"], "suitable"),
        # count rule: two strong → unsuitable; one strong + weak → difficult; major wins
        (
            _set("site", occupies_private_courtyard=True, sunlight_below_standard=True),
            ["strong", "strong"],
            "unsuitable",
        ),
        (
            _set(
                "site",
                occupies_private_courtyard=True,
                pipes_in_footprint=["water", "power"],
                pit_depth_available_mm=300,
            ),
            ["strong", "weak", "weak", "weak"],
            "difficult",
        ),
        (
            _set("site", inside_red_line=False, fire_lane_width_after_m=2.0),
            ["major", "major"],
            "unsuitable",
        ),
    ],
)
def test_severity_rows_and_count_rule(tmp_path, mutate, severities, klass):
    """§3: every default severity row, its boundary, and the count rule."""
    u = clean_unit()
    mutate(u)
    d = _assess(tmp_path, u)
    assert _sev(d) == sorted(severities), d["findings"]
    assert d["class"] == klass


@pytest.mark.parametrize(
    "section, key, value, klass",
    [
        ("building", "danger_grade", "C", "unsuitable"),
        ("building", "danger_grade", None, "difficult"),  # 1992 < 2001, never appraised
        ("building", "storeys", 3, None),  # households above → bad input
        ("building", "seismic_intensity", 8, "difficult"),  # masonry at 8
        ("site", "inside_red_line", False, "unsuitable"),
        ("site", "fire_lane_width_after_m", 3.9, "unsuitable"),
        ("site", "distance_to_neighbour_m", 5.9, "difficult"),
        ("site", "occupies_private_courtyard", True, "difficult"),
        ("site", "sunlight_below_standard", True, "difficult"),
        ("site", "footprint_available_m", [1.5, 1.5], "difficult"),
        ("site", "pipes_in_footprint", ["gas", "water"], "difficult"),
        ("site", "pit_depth_available_mm", 500, "suitable"),
        ("site", "headroom_available_mm", 2000, "suitable"),
    ],
)
def test_example_one_change_at_a_time(tmp_path, section, key, value, klass):
    """§3 on the spec's example, one field changed at a time."""
    u = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    u[section][key] = value
    r = cli("assess", write(tmp_path, u), "--json")
    if klass is None:
        assert_bad_input(r, "floor")
        return
    d = r.data
    assert d["class"] == klass
    sev = [f["severity"] for f in d["findings"]]
    if klass == "suitable":  # the two pipe findings plus the new weak one
        assert sev.count("weak") >= 3 and "strong" not in sev and "major" not in sev


def test_missing_site_fields_are_not_surveyed(tmp_path):
    """§1/§3: a missing (or null) site field means not surveyed → no finding."""
    u = clean_unit()
    u["site"] = {}
    assert _assess(tmp_path, u)["findings"] == []
    u.pop("site")
    assert _assess(tmp_path, u)["findings"] == []
    u["site"] = dict.fromkeys(clean_unit()["site"])
    assert _assess(tmp_path, u)["findings"] == []


def test_two_strong_from_building_and_site(tmp_path):
    """§3: strong findings from different checks add up (appraisal + neighbour)."""
    u = clean_unit()
    u["building"].update(danger_grade=None, year_built=1996)
    u["site"]["distance_to_neighbour_m"] = 5.2
    d = _assess(tmp_path, u)
    assert _sev(d) == ["strong", "strong"] and d["class"] == "unsuitable"


# =========================================================================== §6 consent


def _consent(tmp_path, households) -> dict:
    return cli("consent", write(tmp_path, clean_unit(households)), "--json").data


def _flags(d) -> tuple:
    return (
        d["participation"]["area_ok"],
        d["participation"]["headcount_ok"],
        d["approval"]["area_ok"],
        d["approval"]["headcount_ok"],
        d["passed"],
    )


def test_heads_per_distinct_owner(tmp_path):
    """§6: one head per owner; an owner's areas add up."""
    # A owns 101+102 (50+50, yes), B 201 (50, no), C 202 (50, yes).
    # heads 3, yes 2: 2·4 = 8 < 3·3 = 9 ✗ (per household it would be 3/4 ✓)
    # area yes 150 of 200: 150·4 = 600 ≥ 200·3 = 600 ✓ (exactly 3/4)
    d = _consent(
        tmp_path,
        [
            hh("101", 1, 50, "A", "yes"),
            hh("102", 1, 50, "A", "yes"),
            hh("201", 2, 50, "B", "no"),
            hh("202", 2, 50, "C", "yes"),
        ],
    )
    assert _flags(d) == (True, True, True, False, False)
    # participation by owner: A (60+60, yes) takes part, B and C (40 each) do not:
    # heads 1 of 3 ✗; area 120 of 200: 120·3 = 360 < 400 ✗
    d = _consent(
        tmp_path,
        [
            hh("1", 1, 60, "A", "yes"),
            hh("2", 1, 60, "A", "yes"),
            hh("3", 2, 40, "B"),
            hh("4", 2, 40, "C"),
        ],
    )
    assert _flags(d)[:2] == (False, False)


def test_conflicting_votes_of_one_owner_exit_2(tmp_path):
    """§6: an owner whose households carry different votes is bad input."""
    for second in ("no", "abstain", None):
        hs = [
            hh("101", 1, 50, "A", "yes"),
            hh("102", 1, 50, "A", second),
            hh("201", 2, 50, "B", "yes"),
        ]
        if second is None:
            hs[1].pop("vote", None)
        p = write(tmp_path, clean_unit(hs))
        assert_bad_input(cli("consent", p, "--json"), "households[1].vote")
    assert_bad_input(sub("consent", p, "--json"), "households[1].vote")


def test_abstain_takes_part(tmp_path):
    """§6: abstain counts as taking part (in the quorum and in the approval base)."""
    # yes, yes, abstain, (none); 25 m² each. Taking part 3 of 4 heads: 9 ≥ 8 ✓, area 75 of
    # 100: 225 ≥ 200 ✓. Approval base 3 heads / 75 m²: yes 2·4 = 8 < 9 ✗, 50·4 < 75·3 ✗.
    d = _consent(
        tmp_path,
        [
            hh("1", 1, 25, vote="yes"),
            hh("2", 1, 25, vote="yes"),
            hh("3", 2, 25, vote="abstain"),
            hh("4", 2, 25),
        ],
    )
    assert _flags(d) == (True, True, False, False, False)


def test_participation_exactly_two_thirds_passes(tmp_path):
    """§6 以上: exactly 2/3 of heads and of area takes part → passes; one less fails."""
    # 3 owners 50 m²: yes, yes, none → 2/3 heads and 100/150 area exactly ✓
    d = _consent(tmp_path, [hh("1", 1, 50, vote="yes"), hh("2", 1, 50, vote="yes"), hh("3", 2, 50)])
    assert _flags(d) == (True, True, True, True, True)
    # 6 owners: 4 take part = 2/3 ✓ ; 3 take part: 9 < 12 ✗
    six = [hh(str(i), 1 + i // 2, 10, vote="yes" if i < 4 else None) for i in range(6)]
    assert _flags(_consent(tmp_path, six))[:2] == (True, True)
    six[3].pop("vote")
    assert _consent(tmp_path, six)["participation"]["headcount_ok"] is False


def test_participation_area_boundary_beats_binary_floats(tmp_path):
    """§6: 154.58 of 231.87 m² is exactly 2/3 (463.74 = 463.74) though floats say less."""
    assert Fraction("154.58") * 3 == Fraction("231.87") * 2
    assert 65.41 + 89.17 < (65.41 + 89.17 + 77.29) * 2 / 3  # float misjudges
    d = _consent(
        tmp_path, [hh("1", 1, 65.41, vote="yes"), hh("2", 1, 89.17, vote="yes"), hh("3", 2, 77.29)]
    )
    assert _flags(d) == (True, True, True, True, True)
    # one hundredth less: 154.57·3 = 463.71 < 231.86·2 = 463.72 ✗
    d = _consent(
        tmp_path,
        [hh("1", 1, "65.40", vote="yes"), hh("2", 1, "89.17", vote="yes"), hh("3", 2, "77.29")],
    )
    assert _flags(d) == (False, True, True, True, False)


def test_approval_exactly_three_quarters_passes(tmp_path):
    """§6 以上: exactly 3/4 of the taking-part heads and area → passes; one less fails."""
    # 4 owners of 50: 3 yes + 1 no → 3/4 heads, 150/200 area exactly ✓
    four = [hh(str(i), 1 + i // 2, 50, vote="yes" if i else "no") for i in range(4)]
    assert _flags(_consent(tmp_path, four)) == (True, True, True, True, True)
    # 8 owners all voting: 6 yes ✓ (24 ≥ 24); 5 yes ✗ (20 < 24)
    eight = [hh(str(i), 1 + i // 2, 10, vote="yes" if i < 6 else "no") for i in range(8)]
    assert _flags(_consent(tmp_path, eight))[2:] == (True, True, True)
    eight[5]["vote"] = "abstain"
    assert _flags(_consent(tmp_path, eight))[2:] == (False, False, False)


def test_approval_area_boundary_beats_binary_floats(tmp_path):
    """§6: yes 213.09 of 284.12 m² is exactly 3/4 (852.36 = 852.36); floats say less."""
    assert Fraction("213.09") * 4 == Fraction("284.12") * 3
    assert (67.07 + 86.96 + 59.06) / (67.07 + 86.96 + 59.06 + 71.03) < 0.75  # float
    hs = [
        hh("1", 1, 67.07, vote="yes"),
        hh("2", 1, 86.96, vote="yes"),
        hh("3", 2, 59.06, vote="yes"),
        hh("4", 2, 71.03, vote="no"),
    ]
    assert _flags(_consent(tmp_path, hs)) == (True, True, True, True, True)
    hs[0]["area_m2"] = "67.06"  # 213.08·4 = 852.32 < 284.11·3 = 852.33 ✗
    assert _flags(_consent(tmp_path, hs)) == (True, True, False, True, False)


def test_exclusive_part_veto_and_blocking(tmp_path):
    """§6: every affected owner must vote yes; passed needs all three; blocking lists them.

    ``blocking`` lists owner identities (the contract says "every owner with
    exclusive_part_affected"); with the default owner that is the door number."""
    base = [hh(str(i), 1 + i // 2, 50, owner=f"O{i}", vote="yes") for i in range(8)]
    # 8 owners, 7 yes + affected O7 abstains: 7·4 = 28 ≥ 24 ✓, area ✓ → but vetoed
    for vote in ("no", "abstain", None):
        hs = copy.deepcopy(base)
        hs[7]["exclusive_part_affected"] = True
        if vote is None:
            hs[7].pop("vote")
        else:
            hs[7]["vote"] = vote
        d = _consent(tmp_path, hs)
        assert _flags(d) == (True, True, True, True, False), vote
        assert d["blocking"] == ["O7"]
    # affected and voting yes: no veto
    hs = copy.deepcopy(base)
    hs[0]["exclusive_part_affected"] = True
    d = _consent(tmp_path, hs)
    assert d["passed"] is True and d["blocking"] == []
    # an owner of two households, one of them affected: that owner has the veto
    hs = copy.deepcopy(base)
    hs[6]["owner"] = "O7"
    hs[6]["vote"] = hs[7]["vote"] = "no"
    hs[7]["exclusive_part_affected"] = True
    d = _consent(tmp_path, hs)  # 7 heads, 6 yes: 24 ≥ 21 ✓; area 300 of 400 ✓
    assert _flags(d) == (True, True, True, True, False)
    assert d["blocking"] == ["O7"]
    # default owner: the blocking entry is the household id
    hs = [hh(str(i), 1 + i // 2, 50, vote="yes") for i in range(4)]
    hs[3].update(vote="no", exclusive_part_affected=True)
    d = _consent(tmp_path, hs)
    assert d["blocking"] == ["3"] and d["passed"] is False


def test_passed_requires_every_test(tmp_path):
    """§6: passed is false when any one of participation, approval or the veto fails."""
    # nobody votes: participation fails
    d = _consent(tmp_path, [hh(str(i), 1, 50) for i in range(3)])
    assert d["passed"] is False and d["participation"]["headcount_ok"] is False
    # all vote no: approval fails
    d = _consent(tmp_path, [hh(str(i), 1, 50, vote="no") for i in range(3)])
    assert _flags(d) == (True, True, False, False, False)
    # unanimous yes passes
    d = _consent(tmp_path, [hh(str(i), 1, 50, vote="yes") for i in range(3)])
    assert _flags(d) == (True, True, True, True, True)


def test_nobody_taking_part_fails_on_participation_only():
    """§6: approval compares 4·yes_area ≥ 3·taking-part area exactly; with nobody taking
    part both sides are 0, so the approval flags hold and the vote fails on participation."""
    import json as _json

    from elevator_eval.consent import tally
    from elevator_eval.rulebook import consent_for
    from elevator_eval.unitfile import loads_unit

    unit = loads_unit(
        _json.dumps(
            {
                "format": "elevator-eval/unit",
                "version": 1,
                "id": "N",
                "building": {"year_built": 1990, "storeys": 6},
                "households": [{"id": f"{f}01", "floor": f, "area_m2": 60} for f in range(1, 7)],
                "costs": {"total_yuan": 400000},
            }
        )
    )
    r = tally(unit, consent_for(unit))
    assert (r.participation_area_ok, r.participation_headcount_ok) == (False, False)
    assert (r.approval_area_ok, r.approval_headcount_ok) == (True, True)
    assert r.passed is False and r.state == "needs_votes"
