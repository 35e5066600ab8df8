"""Portfolio census: counts by class, community and year band; the vectorised path; Excel."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elevator_eval.census import census, render_census, year_band
from elevator_eval.census_arrays import classify_arrays, units_to_arrays
from elevator_eval.errors import InputError
from elevator_eval.io.census_xlsx import export_census_xlsx
from elevator_eval.model import (
    PIPE_TYPES,
    STRUCTURES,
    Building,
    BuildingInfo,
    Community,
    Household,
    Project,
    Site,
    Unit,
)
from elevator_eval.rulebook import resolve
from elevator_eval.suitability import CLASSES, assess

YEAR = 2026


def unit(uid, info, site=None, vote="yes"):
    return Unit(
        id=uid,
        name=f"单元 {uid}",
        building=info,
        site=site or Site(),
        households=[Household("101", 1, D("60"), vote=vote)],
    )


def street() -> Project:
    """Two communities, five units; classes worked out by hand below."""
    old = BuildingInfo(year_built=1988, storeys=6, structure="masonry", danger_grade="B")
    new = BuildingInfo(year_built=2003, storeys=6, structure="frame", danger_grade=None)
    low = BuildingInfo(year_built=1995, storeys=3, danger_grade="A")
    a = Community(
        "c1",
        "幸福里",
        [
            Building(
                "b1",
                "1号楼",
                old,
                [
                    # pipes water + telecom: 2 weak → suitable
                    unit("A-1-1", old, Site(pipes_in_footprint=["water", "telecom"])),
                    # gas: 1 strong → difficult
                    unit("A-1-2", old, Site(pipes_in_footprint=["gas"]), vote=None),
                ],
            ),
            Building(
                "b2",
                "2号楼",
                new,
                [
                    # 2003, never appraised: no appraisal finding; courtyard + sunlight: 2 strong
                    unit(
                        "A-2-1",
                        new,
                        Site(occupies_private_courtyard=True, sunlight_below_standard=True),
                    )
                ],
            ),
        ],
    )
    b = Community(
        "c2",
        '=HYPERLINK("x")',
        [
            Building(
                "b3",
                "3号楼",
                low,
                [
                    # 3 storeys: major → unsuitable
                    unit("B-3-1", low, Site()),
                    # 3 storeys and fire lane 3.5 m: 2 majors → unsuitable
                    unit("B-3-2", low, Site(fire_lane_width_after_m=D("3.5"))),
                ],
            )
        ],
    )
    return Project("测试街道", [a, b])


def test_census_by_hand():
    c = census(street(), year=YEAR)
    assert [r.klass for r in c.rows] == [
        "suitable",
        "difficult",
        "unsuitable",
        "unsuitable",
        "unsuitable",
    ]
    assert c.by_class == {"suitable": 1, "difficult": 1, "unsuitable": 3}
    assert c.by_community == {
        "幸福里": {"suitable": 1, "difficult": 1, "unsuitable": 1},
        '=HYPERLINK("x")': {"suitable": 0, "difficult": 0, "unsuitable": 2},
    }
    assert c.by_year_band == {
        "1980–1989": {"suitable": 1, "difficult": 1, "unsuitable": 0},
        "1990–1999": {"suitable": 0, "difficult": 0, "unsuitable": 2},
        "2000–2009": {"suitable": 0, "difficult": 0, "unsuitable": 1},
    }
    assert c.by_consent_state == {"ready": 4, "needs_votes": 1}
    assert c.rows[1].consent_state == "needs_votes"
    text = render_census(c)
    assert "幸福里" in text and "不适合加装" in text
    j = c.to_json()
    assert j["total"] == 5 and j["rows"][0]["year_band"] == "1980–1989"


def test_vectorised_census_gives_the_same_classes():
    p = street()
    fast = census(p, year=YEAR)
    slow = census(p, year=YEAR, vectorised=False)
    assert [r.klass for r in fast.rows] == [r.klass for r in slow.rows]
    assert fast.by_class == slow.by_class and fast.by_year_band == slow.by_year_band
    assert fast.to_json() == slow.to_json()


def test_year_band():
    assert year_band(1980) == "1980–1989" and year_band(1999) == "1990–1999"


def test_excel_export_neutralises_formulas(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    c = census(street(), year=YEAR)
    out = tmp_path / "census.xlsx"
    export_census_xlsx(c, out)
    wb = openpyxl.load_workbook(out)
    ws = wb["单元 Units"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0].startswith("小区")
    assert len(rows) == 6
    communities = [r[0] for r in rows[1:]]
    assert communities[-1] == '\'=HYPERLINK("x")'  # not a formula
    assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)
    summary = list(wb["汇总 Summary"].iter_rows(values_only=True))
    assert ("全部 All", 1, 1, 3, 5) in summary


# ------------------------------------------------------- vectorised == per-unit (property)


def dec(lo, hi, places=2):
    return st.integers(int(lo * 10**places), int(hi * 10**places)).map(lambda i: D(i) / 10**places)


def maybe(s):
    return st.one_of(st.none(), s)


@st.composite
def any_unit(draw):
    info = BuildingInfo(
        year_built=draw(st.integers(1950, 2025)),
        storeys=draw(st.sampled_from([3, 4, 5, 6, 6, 7])),
        structure=draw(maybe(st.sampled_from(STRUCTURES))),
        danger_grade=draw(maybe(st.sampled_from("AABBBCD"))),
        seismic_intensity=draw(maybe(st.integers(6, 9))),
        design_life_years=draw(st.sampled_from([50, 50, 70, 30])),
    )
    fp = draw(maybe(st.tuples(dec(1.8, 3.4, 2), dec(1.8, 3.4, 2))))
    car = draw(st.sampled_from([None, None, ["1.10", "2.10"], ["1.0", "1.25"], ["1.35", "1.40"]]))
    site = Site(
        entry_mode=draw(maybe(st.sampled_from(["half_landing", "flat"]))),
        footprint_available_m=fp,
        inside_red_line=draw(st.sampled_from([None, True, True, True, False])),
        fire_lane_width_after_m=draw(maybe(dec(3.9, 4.5, 2))),
        distance_to_neighbour_m=draw(maybe(dec(5.5, 6.5, 2))),
        occupies_private_courtyard=draw(st.sampled_from([None, False, False, True])),
        sunlight_below_standard=draw(st.sampled_from([None, False, False, True])),
        pipes_in_footprint=draw(
            maybe(st.lists(st.sampled_from(PIPE_TYPES + ("steam",)), max_size=4))
        ),
        pit_depth_available_mm=draw(maybe(st.sampled_from([0, 899, 900, 1099, 1100, 1500]))),
        headroom_available_mm=draw(maybe(st.sampled_from([2899, 2900, 3299, 3300, 4000]))),
        corridor_depth_m=draw(maybe(dec(1.3, 1.7, 2))),
        extra={} if car is None else {"car_size_m": car},
    )
    u = unit("V", info, site, vote=draw(st.sampled_from([None, "yes", "no", "abstain"])))
    for floor in range(2, draw(st.integers(1, 4)) + 1):  # more doors, so consent states vary
        u.households.append(
            Household(
                f"{floor}01",
                floor,
                D(50 + floor),
                vote=draw(st.sampled_from([None, "yes", "no"])),
                exclusive_part_affected=draw(st.booleans()),
            )
        )
    return u


@settings(max_examples=100, deadline=None)
@given(st.lists(any_unit(), min_size=1, max_size=5), st.integers(2020, 2040))
def test_vectorised_path_equals_per_unit_path(units, year):
    expected = [assess(u, resolve(None, u), year=year, with_consent=False).klass for u in units]
    rules = resolve(None, units[0]).suitability  # the generated units name no ruleset
    fast = classify_arrays(units_to_arrays(units), rules, year)
    assert [CLASSES[int(i)] for i in fast] == expected


def test_project_default_rules_apply_to_units_without_their_own():
    p = street()
    p.settings["default_rules"] = "no-such-rules"
    with pytest.raises(InputError) as e:
        census(p, year=YEAR)
    assert e.value.field == "settings.default_rules"  # the key that names no ruleset
    p.settings["default_rules"] = "unanimity"
    c = census(p, year=YEAR)
    assert c.by_consent_state == {"ready": 4, "needs_votes": 1}
    p.units()[0].households[0].vote = None
    p.units()[0].households.append(Household("102", 1, D("60"), vote="yes"))
    assert census(p, year=YEAR).rows[0].consent_state == "needs_votes"  # 1 of 2: not all
    p.units()[0].rules, p.units()[0].rules_given = "civil-code-2021", True
    assert census(p, year=YEAR).rows[0].consent_state == "needs_votes"  # 1/2 < 2/3 too


def test_user_defined_rulesets_in_the_project_settings():
    import json as _json

    from elevator_eval.resources import rules_dir

    consent = _json.loads((rules_dir() / "consent" / "civil-code-2021.json").read_text("utf-8"))
    consent.update(
        name="my-city", approval_ratio=0.5, suitability="my-suit", participation_ratio="1/2"
    )
    suit = _json.loads((rules_dir() / "suitability" / "shanghai-2020.json").read_text("utf-8"))
    suit.update(name="my-suit")
    suit["checks"]["pipe_gas"]["severity"] = "weak"  # this city relocates gas itself
    p = street()
    p.settings.update(
        default_rules="my-city",
        consent_rulesets={"my-city": consent},
        suitability_rulesets={"my-suit": suit},
    )
    c = census(p, year=YEAR)
    assert c.rows[1].unit_id == "A-1-2" and c.rows[1].klass == "suitable"  # gas now weak
    assert [r.klass for r in census(p, year=YEAR, vectorised=True).rows] == [
        r.klass for r in c.rows
    ]
    suit["checks"]["pipe_gas"]["severity"] = "awful"
    with pytest.raises(InputError) as e:
        census(p, year=YEAR)
    assert "pipe_gas.severity" in e.value.field


@st.composite
def any_ruleset(draw):
    """The shipped suitability ruleset with random severities, limits and class rule: both
    paths must read the same declarative definitions, not their own copies."""
    import json as _json

    from elevator_eval.resources import rules_dir
    from elevator_eval.suitability_rules import CHECK_CODES, validate_ruleset

    d = _json.loads((rules_dir() / "suitability" / "shanghai-2020.json").read_text("utf-8"))
    ch = d["checks"]
    for code in CHECK_CODES:
        ch[code]["severity"] = draw(st.sampled_from(["weak", "strong", "major"]))
    ch["fire_lane_narrow"]["min_width_m"] = str(draw(dec(3.8, 4.4, 2)))
    ch["neighbour_close"]["min_distance_m"] = str(draw(dec(5.6, 6.4, 2)))
    ch["storeys_low"]["min_storeys"] = draw(st.integers(3, 7))
    ch["appraisal_required"]["built_before_year"] = draw(st.integers(1980, 2010))
    ch["masonry_seismic"]["min_intensity"] = draw(st.integers(6, 9))
    ch["design_life_short"]["elevator_service_life_years"] = draw(st.integers(5, 40))
    ch["danger_grade"]["grades"] = draw(st.lists(st.sampled_from("ABCD"), unique=True))
    ch["corridor_shallow"]["min_depth_m"] = str(draw(dec(1.3, 1.7, 2)))
    ch["footprint_small"]["allow_rotation"] = draw(st.booleans())
    ch["pit_reduced"]["reduced_mm"] = draw(st.sampled_from([800, 900, 1000]))
    ch["headroom_reduced"]["standard_mm"] = draw(st.sampled_from([3200, 3300, 3500]))
    strong_u = draw(st.integers(1, 3))
    d["class_rule"] = {
        "unsuitable_min_major": draw(st.integers(1, 2)),
        "unsuitable_min_strong": strong_u,
        "difficult_min_strong": draw(st.integers(1, strong_u)),
    }
    d["name"] = "random"
    data = _json.loads(_json.dumps(d), parse_float=D)
    for code in ("fire_lane_narrow", "neighbour_close", "corridor_shallow"):
        key = next(k for k in data["checks"][code] if k.startswith("min_"))
        data["checks"][code][key] = D(data["checks"][code][key])
    validate_ruleset(data)
    return data


@settings(max_examples=60, deadline=None)
@given(st.lists(any_unit(), min_size=1, max_size=4), any_ruleset(), st.integers(2020, 2040))
def test_vectorised_path_equals_per_unit_path_under_any_ruleset(units, ruleset, year):
    from elevator_eval.model import Building, Community, Project

    p = Project(
        name="p",
        settings={"suitability_rulesets": {"random": ruleset}, "suitability_rules": "random"},
    )
    b = Building(id="B", name="B", info=units[0].building)
    for i, u in enumerate(units):
        u.id = f"V{i}"
        b.units.append(u)
    p.communities = [Community(id="C", name="C", buildings=[b])]
    per_unit = census(p, year=year, vectorised=False)
    fast = census(p, year=year)
    assert [r.klass for r in fast.rows] == [r.klass for r in per_unit.rows]
    # the whole census, details read on demand included, is the same on both paths
    assert json.dumps(fast.to_json(), ensure_ascii=False) == json.dumps(
        per_unit.to_json(), ensure_ascii=False
    )
    assert render_census(fast) == render_census(per_unit)


@pytest.mark.parametrize("text", ["=1+1", "＝1+1", " =1", "\n=1", "\t=1", "@SUM(A1)", "-2+3"])
def test_every_spreadsheet_export_uses_the_one_guard(tmp_path, text):
    # the census workbook and the quotes workbook neutralise exactly what the project
    # export does (full-width signs, leading spaces and line breaks included)
    from elevator_eval.io.cellguard import neutralise, safe_cell

    assert neutralise(text) == "'" + text
    assert safe_cell(text) == neutralise(text)
    assert safe_cell("1号楼") == "1号楼" and safe_cell(3) == 3


@settings(max_examples=15, deadline=None)
@given(st.lists(any_unit(), min_size=1, max_size=6), st.integers(2020, 2040))
def test_fast_path_on_a_saved_project_equals_the_per_unit_path(units, year):
    """Opened from a file, the fast path reads plain site values from the stored text
    (a unit's site is decoded only when needed); the census must not change."""
    import tempfile
    from pathlib import Path

    from elevator_eval.model import Building, Community, Project
    from elevator_eval.store import open_project, save_project
    from elevator_eval.store.lazy import stored_part

    b = Building(id="B", name="B", info=units[0].building)
    for i, u in enumerate(units):
        u.id, u.building = f"V{i}", units[0].building
        b.units.append(u)
    p = Project(name="p", communities=[Community(id="C", name="C", buildings=[b])])
    with tempfile.TemporaryDirectory() as d:
        save_project(p, Path(d) / "p.eeproj", track=False)
        opened = open_project(Path(d) / "p.eeproj")
    assert all(stored_part(u, "site") is not None for u in opened.units())
    fast = census(opened, year=year)
    reference = census(p, year=year, vectorised=False)
    assert json.dumps(fast.to_json(), ensure_ascii=False) == json.dumps(
        reference.to_json(), ensure_ascii=False
    )


@pytest.mark.parametrize(
    "odd",
    [
        ('"inside_red_line":true', '"inside_red_line":1'),  # an int as a flag
        ('"pit_depth_available_mm":1500', '"pit_depth_available_mm":899.5'),  # a decimal in mm
        ('"pipes_in_footprint":null', '"pipes_in_footprint":["gas",7]'),  # a non-text pipe
        ('"entry_mode":null', '"entry_mode":"ramp"'),  # an unknown mode
        ("{", " {"),  # not one object at its first character
    ],
)
def test_fast_path_reads_odd_stored_site_texts_like_the_per_unit_path(tmp_path, odd):
    """A stored site text whose values are not all plain (an edited or foreign file) is
    classified from the decoded site, exactly as the per-unit path does."""
    import sqlite3

    from elevator_eval.model import Building, Community, Project
    from elevator_eval.store import open_project, save_project
    from elevator_eval.store.rows import content_hash

    info = BuildingInfo(year_built=1990, storeys=6)
    site = Site(
        entry_mode=None,
        inside_red_line=True,
        pipes_in_footprint=None,
        pit_depth_available_mm=1500,
        fire_lane_width_after_m=D("4.00"),
    )
    units = [unit(f"U{i}", info, Site(**vars(site))) for i in range(3)]
    b = Building(id="B", name="B", info=info, units=units)
    path = tmp_path / "p.eeproj"
    save_project(
        Project(name="p", communities=[Community(id="C", name="C", buildings=[b])]),
        path,
        track=False,
    )
    conn = sqlite3.connect(path)
    text = conn.execute("SELECT site FROM units WHERE id = 'U1'").fetchone()[0]
    assert odd[0] in text
    conn.execute("UPDATE units SET site = ? WHERE id = 'U1'", (text.replace(odd[0], odd[1], 1),))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'content_sha256'", (content_hash(conn),))
    conn.commit()
    conn.close()
    fast, reference = (
        census(open_project(path), year=2026),
        census(open_project(path), year=2026, vectorised=False),
    )
    assert json.dumps(fast.to_json(), ensure_ascii=False) == json.dumps(
        reference.to_json(), ensure_ascii=False
    )
