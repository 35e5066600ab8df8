"""The project file: lossless round trip, shared building info, migrations, units in/out."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
from decimal import Decimal

import pytest

from elevator_eval import store
from elevator_eval.audit import record_vote, verify_log
from elevator_eval.errors import InputError, ProjectFileError
from elevator_eval.model import (
    Building,
    BuildingInfo,
    Community,
    Costs,
    Household,
    Project,
    ShareSettings,
    Site,
    Unit,
)
from elevator_eval.store import (
    SCHEMA_VERSION,
    export_unit,
    import_unit,
    new_project,
    open_project,
    save_project,
)
from elevator_eval.store.households import decode_households, household_fields
from elevator_eval.store.rows import content_hash
from elevator_eval.unitfile import load_unit


def _rich_project() -> Project:
    """A project that uses every model field, with awkward values."""
    info = BuildingInfo(
        year_built=1992,
        storeys=6,
        structure="masonry",
        danger_grade=None,
        floor_height_m=Decimal("2.90"),
        seismic_intensity=7,
        design_life_years=50,
        design_life_given=True,
        extra={"roof": "flat", "n": Decimal("1E+3")},
    )
    u1 = Unit(
        id="U-1",
        building=info,
        name="一单元",
        rules="civil-code-2021",
        rules_given=True,
        site=Site(
            entry_mode="flat",
            footprint_available_m=(Decimal("2.60"), Decimal("2.4")),
            inside_red_line=True,
            fire_lane_width_after_m=Decimal("4.50"),
            distance_to_neighbour_m=None,
            occupies_private_courtyard=False,
            sunlight_below_standard=None,
            pipes_in_footprint=["gas", "water"],
            pit_depth_available_mm=1400,
            headroom_available_mm=None,
            corridor_depth_m=Decimal("1.8"),
            extra={"photo": "a.jpg"},
        ),
        households=[
            Household(
                id="101",
                floor=1,
                area_m2=Decimal("56.30"),
                owner="O-1",
                vote="no",
                exclusive_part_affected=True,
                owner_name="陶喆",
                contact="13900001111",
                vote_date="2026-03-01",
                vote_source="paper",
                max_contribution_yuan=Decimal("0.00"),
                provident_fund_yuan=Decimal("12000.50"),
                extra={"ratio": 0.1, "nested": {"$x": [1, Decimal("2.50")]}, "t": (1, 2)},
            ),
            Household(id="102", floor=1, area_m2=Decimal("61.05")),
        ],
        costs=Costs(
            items_yuan={"equipment": Decimal(180000), "civil": Decimal("60000.00")},
            total_yuan_given=Decimal(1),
            annual_om_yuan={"maintenance": Decimal(4000)},
            extra={"quote": "A"},
        ),
        subsidies=[
            {
                "type": "percent_capped",
                "percent": Decimal(40),
                "cap_yuan": Decimal(280000),
                "title_zh": "补贴",
            }
        ],
        share=ShareSettings(
            method="percent_by_household",
            exempt_floors=[1],
            coefficients={2: Decimal("0.3"), 3: Decimal("0.70")},
            percent_by_floor={1: Decimal(0), 2: Decimal("12.5")},
            rounding_yuan=Decimal("10"),
            table="x",
            extra={"k": None},
            given=True,
        ),
        scheme_version=3,
        extra={"unknown_top": [Decimal("1.10"), None, True]},
    )
    u2 = Unit(
        id="U-2",
        building=info,
        rules="unanimity",
        site=Site(
            distance_to_neighbour_m=Decimal("13.0"),
            sunlight_below_standard=True,
            headroom_available_mm=3800,
        ),
        households=[Household(id="201", floor=2, area_m2=Decimal("45"))],
        costs=Costs(),
    )
    other = BuildingInfo(year_built=2004, storeys=5, design_life_years=70, danger_grade="A")
    u3 = Unit(
        id="U-3", building=other, households=[], costs=Costs(), suitability_rules="shanghai-2020"
    )
    b1 = Building(id="B1", name="3号楼", info=info, units=[u1, u2], address="路 1 号")
    b2 = Building(id="B2", name="空楼", info=BuildingInfo(year_built=1980, storeys=4))
    b3 = Building(
        id="B3",
        name="4号楼",
        units=[u3],
        info=BuildingInfo(year_built=2004, storeys=5, design_life_years=70, danger_grade="A"),
    )
    c1 = Community(id="C1", name="幸福里", buildings=[b1, b2], district="东湖街道")
    c2 = Community(id="C2", name="空小区")
    c3 = Community(id="C3", name="桂园", buildings=[b3])
    p = Project(
        name="测试项目",
        communities=[c1, c2, c3],
        settings={
            "default_rules": "civil-code-2021",
            "table": {"2": Decimal("0.3")},
            "list": [1, 2.5, "x"],
        },
        uid="abc",
    )
    record_vote(p, "U-1", "102", "yes", "online", when="2026-03-02T10:00:00+08:00", note="网上")
    return p


def test_round_trip_is_equal_and_typed(tmp_path):
    p = _rich_project()
    path = tmp_path / "p.eeproj"
    save_project(p, path)
    q = open_project(path)
    assert q == p
    u = q.find_unit("U-1")
    # exact decimal text survives (56.30 is not 56.3, 1E+3 is a Decimal, not an int)
    assert str(u.household("101").area_m2) == "56.30"
    assert type(u.costs.items_yuan["equipment"]) is Decimal
    assert str(u.costs.items_yuan["civil"]) == "60000.00"
    assert u.building.extra["n"] == Decimal("1E+3") and type(u.building.extra["n"]) is Decimal
    assert u.share.coefficients == {2: Decimal("0.3"), 3: Decimal("0.70")}
    assert u.site.footprint_available_m == (Decimal("2.60"), Decimal("2.4"))
    assert isinstance(u.site.footprint_available_m, tuple)
    assert u.household("101").extra["nested"] == {"$x": [1, Decimal("2.50")]}
    assert u.household("101").extra["t"] == (1, 2)
    assert q.communities[1].buildings == [] and q.communities[0].buildings[1].units == []


def test_units_of_a_building_share_one_info_after_load(tmp_path):
    p = _rich_project()
    save_project(p, tmp_path / "p.eeproj")
    q = open_project(tmp_path / "p.eeproj")
    b = q.communities[0].buildings[0]
    assert all(u.building is b.info for u in b.units)
    b.info.storeys = 7  # one edit reaches every unit of the building
    assert q.find_unit("U-2").building.storeys == 7


def test_a_unit_with_its_own_building_data_keeps_it(tmp_path):
    p = _rich_project()
    # U-3's info is equal to its building's but a separate object: shared after load
    p.communities[2].buildings[0].units[0].building = BuildingInfo(
        year_built=2004, storeys=5, design_life_years=70, danger_grade="A"
    )
    p.find_unit("U-2").building = BuildingInfo(year_built=1992, storeys=5)  # differs
    save_project(p, tmp_path / "p.eeproj")
    q = open_project(tmp_path / "p.eeproj")
    assert q == p
    assert q.find_unit("U-2").building.storeys == 5
    assert q.find_unit("U-3").building is q.communities[2].buildings[0].info


def test_example_unit_round_trip(tmp_path, example_unit_path):
    unit = load_unit(example_unit_path)
    p = new_project("示例")
    import_unit(p, unit, "幸福里小区", "3号楼")
    save_project(p, tmp_path / "x.eeproj")
    q = open_project(tmp_path / "x.eeproj")
    assert q == p
    out = export_unit(q, "XFL-3-2")
    assert out == unit
    assert out.building is not q.communities[0].buildings[0].info


def test_schema_version_in_file(tmp_path):
    save_project(_rich_project(), tmp_path / "p.eeproj")
    conn = sqlite3.connect(tmp_path / "p.eeproj")
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
        assert conn.execute("PRAGMA application_id").fetchone()[0] == store.APPLICATION_ID
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        assert meta["format"] == "elevator-eval/project"
        assert meta["app_version"]
        # SQL still reaches every household (one JSON column per unit since v4)
        doors = conn.execute(
            "SELECT h.value ->> 0, h.value ->> 2 FROM units u, "
            "json_each(u.households) h WHERE u.id = 'U-1'"
        ).fetchall()
        assert doors == [("101", "56.30"), ("102", "61.05")]
    finally:
        conn.close()


def test_save_leaves_no_temporary_or_journal_files(tmp_path):
    save_project(_rich_project(), tmp_path / "p.eeproj")
    save_project(_rich_project(), tmp_path / "p.eeproj")
    assert sorted(f.name for f in tmp_path.iterdir()) == ["p.eeproj"]


_V3_HOUSEHOLDS = """CREATE TABLE households(
    pk INTEGER PRIMARY KEY, unit_pk INTEGER NOT NULL, id TEXT NOT NULL,
    floor INTEGER NOT NULL, area_m2 TEXT NOT NULL, owner TEXT, vote TEXT,
    exclusive_part_affected INTEGER NOT NULL, owner_name TEXT NOT NULL,
    contact TEXT NOT NULL, vote_date TEXT, vote_source TEXT, max_contribution_yuan TEXT,
    provident_fund_yuan TEXT, extra TEXT NOT NULL)"""


def undo_v6(conn):
    """Undo the v6 change: no census code beside each unit's site."""
    conn.execute("ALTER TABLE units DROP COLUMN site_code")
    conn.execute("DELETE FROM meta WHERE key = 'site_code_version'")


def _households_back_to_rows(conn):
    """Undo the v4 change: one ``households`` row per household, as v1-v3 wrote them."""
    conn.execute(_V3_HOUSEHOLDS)
    rows = []
    for upk, text in conn.execute("SELECT pk, households FROM units ORDER BY pk").fetchall():
        for h in decode_households(text):
            extra = store.dumps_tagged(h.extra) if h.extra else "{}"
            rows.append((len(rows) + 1, upk, *household_fields(h), extra))
    conn.executemany("INSERT INTO households VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    conn.execute("ALTER TABLE units DROP COLUMN households")


def _make_v3(path, project):
    """Save ``project`` as schema v3 wrote it (households as rows)."""
    save_project(project, path)
    conn = sqlite3.connect(path)
    undo_v6(conn)
    _households_back_to_rows(conn)
    conn.execute("PRAGMA user_version = 3")
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    conn.execute("DELETE FROM meta WHERE key = 'content_digest'")  # v3 digested repr(rows)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'content_sha256'", (content_hash(conn),))
    conn.commit()
    conn.close()


def test_migration_from_v3_moves_households_into_units(tmp_path):
    path = tmp_path / "v3.eeproj"
    p = _rich_project()
    _make_v3(path, p)
    before = path.read_bytes()
    assert open_project(path) == p
    assert (tmp_path / "v3.eeproj.bak-v3").read_bytes() == before
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "households" not in tables
    finally:
        conn.close()
    assert open_project(path) == p  # the migrated file opens as it is


def _make_v1(path):
    """Turn a current file into what schema v1 wrote (no vote_log table)."""
    p = _rich_project()
    p.vote_log = []
    save_project(p, path)
    conn = sqlite3.connect(path)
    undo_v6(conn)
    _households_back_to_rows(conn)
    conn.execute("DROP TABLE vote_log")
    conn.execute("ALTER TABLE units DROP COLUMN suitability_rules")  # added in v3
    conn.execute("PRAGMA user_version = 1")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.execute(
        "UPDATE meta SET value = ? WHERE key = 'content_sha256'", (content_hash(conn),)
    )  # the digest over the v1 rows
    conn.commit()
    conn.close()
    p.find_unit("U-3").suitability_rules = None  # v1 had no explicit suitability choice
    return p


def test_migration_from_v1_makes_a_backup_first(tmp_path):
    path = tmp_path / "old.eeproj"
    p = _make_v1(path)
    before = path.read_bytes()
    q = open_project(path)
    assert q == p and q.vote_log == []
    backup = tmp_path / "old.eeproj.bak-v1"
    assert backup.read_bytes() == before
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT count(*) FROM vote_log").fetchone()[0] == 0
    finally:
        conn.close()
    # the migrated file opens again, and takes new vote events
    r = open_project(path)
    record_vote(r, "U-1", "101", "yes", "meeting", when="2026-04-01")
    save_project(r, path)
    assert open_project(path).vote_log[0].new == "yes"


def test_migration_in_a_read_only_folder_stays_in_memory(tmp_path, monkeypatch):
    """A folder that refuses new files (read-only share): simulated by making every file
    creation in it fail as the OS does, so that the test also holds when run as root
    (who may write into a mode-0555 folder)."""
    path = tmp_path / "ro" / "old.eeproj"
    path.parent.mkdir()
    p = _make_v1(path)
    before = path.read_bytes()

    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    monkeypatch.setattr(shutil, "copy2", refuse)
    assert open_project(path) == p
    assert path.read_bytes() == before
    assert sorted(f.name for f in path.parent.iterdir()) == ["old.eeproj"]  # no backup


def test_migrations_are_one_step_each():
    assert len(store.MIGRATIONS) == SCHEMA_VERSION
    assert all(callable(m) for m in store.MIGRATIONS[1:])


def test_vote_log_table_refuses_update_and_delete(tmp_path):
    save_project(_rich_project(), tmp_path / "p.eeproj")
    conn = sqlite3.connect(tmp_path / "p.eeproj")
    try:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE vote_log SET new = 'no'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM vote_log")
    finally:
        conn.close()


def test_save_refuses_to_rewrite_stored_vote_events(tmp_path):
    path = tmp_path / "p.eeproj"
    p = _rich_project()
    save_project(p, path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    q = open_project(path)
    q.vote_log[0].new = "no"
    with pytest.raises(ProjectFileError, match="append-only"):
        save_project(q, path)
    q = open_project(path)
    q.vote_log.clear()
    with pytest.raises(ProjectFileError, match="append-only"):
        save_project(q, path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    # appending is fine
    q = open_project(path)
    record_vote(q, "U-1", "101", "yes", "meeting", when="2026-04-01")
    save_project(q, path)
    assert len(open_project(path).vote_log) == 2
    assert verify_log(open_project(path).vote_log) == (True, None)


def test_save_as_over_a_different_project_is_allowed(tmp_path):
    path = tmp_path / "p.eeproj"
    save_project(_rich_project(), path)
    other = new_project("另一个")
    save_project(other, path)
    assert open_project(path) == other


def test_save_refuses_to_overwrite_a_newer_file(tmp_path):
    path = tmp_path / "p.eeproj"
    save_project(_rich_project(), path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectFileError, match="newer"):
        save_project(new_project("x"), path)


def test_duplicate_unit_ids_are_refused(tmp_path):
    p = _rich_project()
    p.communities[2].buildings[0].units[0].id = "U-1"
    with pytest.raises(InputError, match="twice"):
        save_project(p, tmp_path / "p.eeproj")
    assert not (tmp_path / "p.eeproj").exists()
    assert list(tmp_path.iterdir()) == []


def test_unstorable_value_names_the_field(tmp_path):
    p = _rich_project()
    p.find_unit("U-2").extra["when"] = object()
    with pytest.raises(InputError) as e:
        save_project(p, tmp_path / "p.eeproj")
    assert e.value.field == "units[U-2].extra.when"


def test_new_project_has_a_uid():
    a, b = new_project("甲"), new_project("甲")
    assert a.name == "甲" and a.communities == [] and a.vote_log == []
    assert a.uid and a.uid != b.uid


def test_import_unit_into_existing_building(example_unit_path):
    unit = load_unit(example_unit_path)
    p = new_project("x")
    first = import_unit(p, unit, "幸福里小区", "3号楼")
    second_src = unit.clone()
    second_src.id = "XFL-3-1"
    second = import_unit(p, second_src, "幸福里小区", "3号楼")
    assert len(p.communities) == 1 and len(p.communities[0].buildings) == 1
    assert first.building is second.building is p.communities[0].buildings[0].info
    with pytest.raises(InputError) as e:
        import_unit(p, unit, "幸福里小区", "4号楼")
    assert e.value.field == "id"
    third = unit.clone()
    third.id = "XFL-3-3"
    third.building.storeys = 7
    with pytest.raises(InputError) as e:
        import_unit(p, third, "幸福里小区", "3号楼")
    assert e.value.field == "building.storeys"
    with pytest.raises(InputError) as e:
        import_unit(p, third, " ", "3号楼")
    assert e.value.field == "--community"


def test_export_unknown_unit():
    with pytest.raises(InputError) as e:
        export_unit(new_project("x"), "nope")
    assert e.value.field == "--unit"


def test_tagged_json_round_trip():
    value = {
        "a": Decimal("56.30"),
        1: (Decimal("1E+5"), None),
        "$d": "x",
        "l": [True, 0.1, -3, "文字"],
    }
    back = store.loads_tagged(store.dumps_tagged(value))
    assert back == value
    assert str(back["a"]) == "56.30" and str(back[1][0]) == "1E+5"


def test_the_round_trip_fixture_sets_every_model_field():
    """Guards the round-trip test: a field added to the model later must be exercised."""
    import dataclasses

    p = _rich_project()
    objs = {
        Project: [p],
        Community: p.communities,
        Building: [b for c in p.communities for b in c.buildings],
        Unit: p.units(),
        BuildingInfo: [u.building for u in p.units()],
        Site: [u.site for u in p.units()],
        Costs: [u.costs for u in p.units()],
        ShareSettings: [u.share for u in p.units()],
        Household: [h for u in p.units() for h in u.households],
    }
    for cls, instances in objs.items():
        for f in dataclasses.fields(cls):
            if not f.compare:
                continue  # runtime state that is not stored (Project.file_base)
            if f.default is not dataclasses.MISSING:
                default = f.default
            elif f.default_factory is not dataclasses.MISSING:
                default = f.default_factory()
            else:
                continue  # required field: always set
            assert any(getattr(o, f.name) != default for o in instances), (
                f"{cls.__name__}.{f.name} keeps its default everywhere"
            )


def test_the_sample_as_schema_v3_wrote_it_opens_unchanged(tmp_path):
    """The bundled sample saved by schema v3 (households as rows) migrates to the project
    the current sample holds, with a ``.bak-v3`` copy of the old file."""
    import shutil as _shutil
    from pathlib import Path

    from elevator_eval.resources import sample_project_path

    path = tmp_path / "sample.eeproj"
    _shutil.copyfile(Path(__file__).parent / "data" / "sample-street-v3.eeproj", path)
    old = path.read_bytes()
    assert open_project(path) == open_project(sample_project_path())
    assert (tmp_path / "sample.eeproj.bak-v3").read_bytes() == old


def test_a_large_file_is_checked_and_read_on_a_second_thread_to_the_same_result(
    tmp_path, monkeypatch
):
    """The path of files from 8 MB on (here forced for a small one): the same project, the
    merge base is the file's bytes, and the check really ran on another thread."""
    import threading

    from elevator_eval.store import reading

    path = tmp_path / "p.eeproj"
    save_project(_rich_project(), path)
    in_turn = open_project(path)
    monkeypatch.setattr(reading, "BESIDE_FROM_BYTES", 0)
    threads: list[str] = []
    connect = reading.connect_ro

    def recording(p):
        threads.append(threading.current_thread().name)
        return connect(p)

    monkeypatch.setattr(reading, "connect_ro", recording)
    beside = open_project(path)
    assert beside == in_turn and beside.file_base.snapshot == path.read_bytes()
    assert "open-check" in threads and threading.main_thread().name in threads
