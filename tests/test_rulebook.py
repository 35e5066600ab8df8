"""The one resolver, typed settings, the v2 → v3 migration and the `settings` command."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from elevator_eval import project_settings as PS
from elevator_eval.cli import run_command
from elevator_eval.errors import InputError
from elevator_eval.model import BuildingInfo, Project, Unit
from elevator_eval.resources import rules_dir
from elevator_eval.rulebook import Resolver, choices, resolve
from elevator_eval.store import SCHEMA_VERSION, open_project, save_project
from elevator_eval.unitfile import load_unit, loads_unit, unit_from_dict
from elevator_eval.unitfile_write import dumps_json, unit_to_dict

DATA = Path(__file__).resolve().parent / "data"
V2_SAMPLE = DATA / "sample-street-v2.eeproj"  # the sample as schema v2 wrote it


def shipped(kind: str, name: str) -> dict:
    return json.loads((rules_dir() / kind / f"{name}.json").read_text("utf-8"))


def unit(**kw) -> Unit:
    return Unit(id="U", building=BuildingInfo(year_built=1990, storeys=6), **kw)


def cli(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_command(argv[0], list(argv[1:]), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


# ------------------------------------------------------------------------------ resolver


def test_precedence_caller_unit_project_default():
    p = Project(name="p", settings={"default_rules": "beijing-2020"})
    b = resolve(None, unit())
    assert (b.consent.name, b.consent_from) == ("civil-code-2021", "default")
    assert (b.suitability.name, b.suitability_from) == ("shanghai-2020", "consent")
    b = resolve(p, unit())
    assert (b.consent.name, b.consent_from) == ("beijing-2020", "project")
    b = resolve(p, unit(rules="unanimity", rules_given=True))
    assert (b.consent.name, b.consent_from) == ("unanimity", "unit")
    b = resolve(p, unit(rules="unanimity", rules_given=True), "property-law-2007")
    assert (b.consent.name, b.consent_from) == ("property-law-2007", "caller")
    # a suitability name from the caller chooses the suitability ruleset only
    b = resolve(p, unit(), "shanghai-2020")
    assert (b.consent.name, b.suitability.name, b.suitability_from) == (
        "beijing-2020",
        "shanghai-2020",
        "caller",
    )


def test_project_defined_rules_win_over_shipped_of_the_same_name():
    mine = shipped("consent", "unanimity")
    mine.update(title_zh="本项目的一致同意规则", approval_ratio="9/10")
    p = Project(name="p", settings={"consent_rulesets": {"unanimity": mine}})
    b = resolve(p, unit(rules="unanimity", rules_given=True))
    assert b.consent.title_zh == "本项目的一致同意规则"
    assert str(b.consent.approval_ratio) == "9/10"
    # without the project: the shipped file
    assert resolve(None, unit(rules="unanimity", rules_given=True)).consent.approval_ratio == 1


def test_suitability_choice_unit_over_project_over_consent():
    suit = shipped("suitability", "shanghai-2020")
    suit.update(name="city-suit")
    s2 = dict(suit, name="unit-suit")
    p = Project(
        name="p",
        settings={
            "suitability_rulesets": {"city-suit": suit, "unit-suit": s2},
            "suitability_rules": "city-suit",
        },
    )
    assert resolve(p, unit()).suitability.name == "city-suit"
    assert resolve(p, unit(suitability_rules="unit-suit")).suitability.name == "unit-suit"


def test_unknown_names_name_the_field():
    with pytest.raises(InputError) as e:
        resolve(None, unit(rules="mars-2099", rules_given=True))
    assert e.value.field == "rules"
    with pytest.raises(InputError) as e:
        resolve(Project(name="p", settings={"suitability_rules": "nope"}), unit())
    assert e.value.field == "settings.suitability_rules"


def test_one_resolver_object_reuses_loaded_rulesets():
    r = Resolver(Project(name="p", settings={"default_rules": "unanimity"}))
    a, b = r.bundle(unit()), r.bundle(unit())
    assert a.consent is b.consent and a.project_rules is b.project_rules


def test_bundle_carries_the_project_wide_rules():
    p = Project(
        name="p",
        settings={
            "organisation": {"street_office": "东湖街道办事处"},
            "coefficient_table": "guangzhou-dongpu",
        },
    )
    b = resolve(p, unit())
    assert b.organisation.street_office == "东湖街道办事处"
    assert b.coefficient_table == "guangzhou-dongpu"
    assert b.sunlight_standard.name == "gb50180-2018"
    assert "consent_hazard" in b.preinstall_assumptions
    assert "years" in b.procurement_defaults


def test_choices_list_titles_validity_and_sources():
    got = {c.name: c for c in choices("consent")}
    assert got["civil-code-2021"].valid_from == "2021-01-01"
    assert got["unanimity"].valid_to == "2020-12-31"
    assert all(c.title_zh and c.source for c in got.values())
    mine = dict(shipped("consent", "unanimity"), name="mine")
    got = {c.name: c for c in choices("consent", {"consent_rulesets": {"mine": mine}})}
    assert got["mine"].project_defined and not got["unanimity"].project_defined


# ------------------------------------------------------------------------------ settings


def test_loose_settings_migrate_and_keep_unknown_keys():
    loose = {
        "default_rules": "unanimity",
        "city": "示例市",
        "note_zh": "示例",
        "anonymised": {"head": "x"},
        "suitability_rules": "",
    }
    s = PS.validate(loose)
    assert s.version == PS.SETTINGS_VERSION == 1
    assert s.default_rules == "unanimity" and s.suitability_rules is None
    plain = s.plain()
    assert plain["note_zh"] == "示例" and plain["anonymised"] == {"head": "x"}
    assert plain["settings_version"] == 1 and "suitability_rules" not in plain
    assert loose["suitability_rules"] == ""  # the input is not changed
    with pytest.raises(InputError) as e:
        PS.validate({"settings_version": 99})
    assert e.value.field == "settings.settings_version"


@pytest.mark.parametrize(
    "key, value, word",
    [
        ("default_rules", "mars-2099", "unknown"),
        ("suitability_rules", "civil-code-2021", "unknown"),  # a consent name is not one
        ("coefficient_table", "no-table", "unknown"),
        ("subsidy_rule_set", "atlantis", "unknown"),
        ("sunlight_standard", "gb-0", "unknown"),
        ("organisation.contact_phone", "call me", "phone"),
        ("organisation.street_office", "x" * 201, "longer"),
        ("organisation.seal_text", "a\x07b", "control"),
        ("colour", "red", "not a setting"),
    ],
)
def test_set_value_refuses_bad_keys_and_values(key, value, word):
    with pytest.raises(InputError) as e:
        PS.set_value({}, key, value)
    assert e.value.field == key and word in e.value.message


def test_set_value_sets_and_clears():
    d = PS.set_value({"x": 1}, "organisation.consultant", "示例咨询公司")
    assert d["organisation"] == {"consultant": "示例咨询公司"} and d["x"] == 1
    d = PS.set_value(d, "organisation.consultant", "")
    assert "organisation" not in d
    d = PS.set_value(d, "default_rules", "beijing-2020")
    assert d["default_rules"] == "beijing-2020"
    assert "default_rules" not in PS.set_value(d, "default_rules", "")


def test_organisation_keys_are_the_shared_contract():
    assert PS.ORGANISATION_FIELDS == (
        "street_office",
        "consultant",
        "contact_person",
        "contact_phone",
        "address",
        "seal_text",
        "return_deadline",  # the consent forms' return (they were read but not settable)
        "return_place",
    )


# ------------------------------------------------------------------- settings command


def test_settings_command_prints_sets_and_refuses(tmp_path):
    path = tmp_path / "p.eeproj"
    shutil.copyfile(V2_SAMPLE, path)
    code, out, err = cli("settings", str(path), "--json")
    assert code == 0, err
    d = json.loads(out)
    assert d["in_force"]["consent_rules"]["name"] == "civil-code-2021"
    assert d["organisation"]["street_office"] == ""
    code, out, err = cli(
        "settings",
        str(path),
        "--set",
        "default_rules=unanimity",
        "--set",
        "organisation.street_office=东湖街道办事处",
    )
    assert code == 0, err
    assert "全体业主一致同意" in out  # the ruleset by its Chinese title
    p = open_project(path)
    assert p.settings["default_rules"] == "unanimity"
    assert p.settings["organisation"] == {"street_office": "东湖街道办事处"}
    before = path.read_bytes()
    for bad, key in (
        ("default_rules=mars", "default_rules"),
        ("colour=red", "colour"),
        ("organisation.contact_phone=abc", "organisation.contact_phone"),
        ("no-equals-sign", "--set"),
    ):
        code, out, err = cli("settings", str(path), "--set", "city=新城", "--set", bad)
        assert code == 2 and out == ""
        assert err.startswith(f"error: {key}") and err.count("\n") == 1
        assert path.read_bytes() == before  # nothing written when one edit is bad


def test_settings_command_on_a_unit_file_exits_2(tmp_path):
    code, _, err = cli("settings", str(DATA / "xingfuli-3-2.unit.json"))
    assert code == 2 and "project" in err


# ----------------------------------------------------------------------------- migration


def _v2_rows(path: Path) -> tuple[dict, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        rows = conn.execute("SELECT id, rules, rules_given FROM units ORDER BY pk").fetchall()
    finally:
        conn.close()
    return meta, rows


def test_v2_sample_opens_unchanged_in_meaning(tmp_path):
    """The sample as committed at schema v2 opens at v3 with the same rules in force and
    the same census (classes and consent states) as the same data built today."""
    path = tmp_path / "old.eeproj"
    shutil.copyfile(V2_SAMPLE, path)
    meta, rows = _v2_rows(path)
    assert meta["schema_version"] == "2"
    old = open_project(path)
    assert _v2_rows(path)[0]["schema_version"] == str(SCHEMA_VERSION)
    assert (tmp_path / "old.eeproj.bak-v2").exists()
    for (uid, rules, given), u in zip(rows, old.units()):
        assert u.id == uid and u.suitability_rules is None
        assert (u.rules, u.rules_given) == (rules, bool(given))
    import importlib.util

    from elevator_eval.census import census

    spec = importlib.util.spec_from_file_location(
        "make_sample", Path(__file__).resolve().parent.parent / "tools" / "make_sample.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    now = census(mod.build(), year=2026)
    then = census(old, year=2026)
    assert [(r.unit_id, r.klass, r.consent_state) for r in then.rows] == [
        (r.unit_id, r.klass, r.consent_state) for r in now.rows
    ]


def test_v2_unit_naming_a_suitability_ruleset_moves_it(tmp_path):
    """In v2 a unit's ``rules`` could name a suitability ruleset (the vote then used the
    default); v3 keeps that meaning with an explicit suitability choice."""
    path = tmp_path / "old.eeproj"
    shutil.copyfile(V2_SAMPLE, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE units SET rules = 'shanghai-2020', rules_given = 1 WHERE id = 'DH-1-1'")
    conn.execute("UPDATE units SET rules = 'unanimity', rules_given = 1 WHERE id = 'DH-1-2'")
    from elevator_eval.store.rows import content_hash

    conn.execute("UPDATE meta SET value = ? WHERE key = 'content_sha256'", (content_hash(conn),))
    conn.commit()
    conn.close()
    p = open_project(path)
    a, b = p.find_unit("DH-1-1"), p.find_unit("DH-1-2")
    assert (a.consent_rules, a.suitability_rules) == (None, "shanghai-2020")
    assert (b.consent_rules, b.suitability_rules) == ("unanimity", None)
    bund = resolve(p, a)
    assert (bund.consent.name, bund.suitability.name) == ("civil-code-2021", "shanghai-2020")
    save_project(p, path)
    q = open_project(path)
    assert q.find_unit("DH-1-1").suitability_rules == "shanghai-2020"


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.unit.json")))
def test_unit_files_round_trip_unchanged(name):
    text = (DATA / name).read_text("utf-8-sig")
    u = load_unit(DATA / name)
    again = loads_unit(dumps_json(unit_to_dict(u)))  # written and read back as a file
    assert unit_to_dict(again) == unit_to_dict(u)
    d = json.loads(text)
    assert unit_to_dict(u).get("rules") == d.get("rules")


@pytest.mark.parametrize(
    "rules, consent, suit",
    [
        ("unanimity", "unanimity", None),
        ("shanghai-2020", None, "shanghai-2020"),  # v1: a suitability name in ``rules``
        (None, None, None),
    ],
)
def test_unit_format_v1_rules_read_and_written(rules, consent, suit):
    d = {
        "format": "elevator-eval/unit",
        "version": 1,
        "id": "T",
        "building": {"year_built": 1990, "storeys": 6},
        "households": [{"id": "101", "floor": 1, "area_m2": 50}],
        "costs": {"total_yuan": 1},
    }
    if rules is not None:
        d["rules"] = rules
    u = unit_from_dict(d)
    assert (u.consent_rules, u.suitability_rules) == (consent, suit)
    assert unit_to_dict(u).get("rules") == rules
    assert "suitability_rules" not in unit_to_dict(u)


# ------------------------------------------------------------------- findings carry limits


def test_findings_carry_the_ruleset_and_the_limit_they_applied():
    from decimal import Decimal

    from elevator_eval.model import Site
    from elevator_eval.suitability import assess

    u = unit(site=Site(fire_lane_width_after_m=Decimal("3.5"), distance_to_neighbour_m=Decimal(5)))
    a = assess(u, resolve(None, u), year=2026, with_consent=False)
    fire = next(f for f in a.findings if f.code == "fire_lane_narrow")
    near = next(f for f in a.findings if f.code == "neighbour_close")
    assert (fire.ruleset, fire.threshold) == ("shanghai-2020", {"min_width_m": Decimal("4.0")})
    assert near.threshold == {"min_distance_m": Decimal("6.0")}
    assert fire.to_json()["threshold"] == {"min_width_m": Decimal("4.0")}
    # a project whose ruleset allows 3.5 m: no finding; one that asks 5 m: the finding says 5
    suit = shipped("suitability", "shanghai-2020")
    suit.update(name="lane-3.5")
    suit["checks"]["fire_lane_narrow"]["min_width_m"] = 3.5
    strict = json.loads(json.dumps(suit))
    strict.update(name="lane-5")
    strict["checks"]["fire_lane_narrow"]["min_width_m"] = 5
    p = Project(
        name="p",
        settings={
            "suitability_rulesets": {"lane-3.5": suit, "lane-5": strict},
            "suitability_rules": "lane-3.5",
        },
    )
    a = assess(u, year=2026, with_consent=False, bundle=resolve(p, u))
    assert "fire_lane_narrow" not in [f.code for f in a.findings]
    u.suitability_rules = "lane-5"
    a = assess(u, year=2026, with_consent=False, bundle=resolve(p, u))
    fire = next(f for f in a.findings if f.code == "fire_lane_narrow")
    assert fire.ruleset == "lane-5" and fire.threshold == {"min_width_m": 5}
