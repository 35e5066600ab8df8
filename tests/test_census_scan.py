"""The census's reading of stored site texts: the C scanner is called on bounded amounts of
text (the call holds the interpreter lock, and the window runs the census in a thread),
texts with a plan are not scanned, and a site is read once per distinct stored text; the
census equals the per-unit path all the while."""

from __future__ import annotations

import json
import pickle
import sqlite3
from decimal import Decimal as D

from benchmarks.bench_ui import project_of
from elevator_eval import census_arrays
from elevator_eval.census import census
from elevator_eval.model import Building, BuildingInfo, Community, Household, Project, Site, Unit
from elevator_eval.store import open_project, save_project, sitecols
from elevator_eval.store.lazy import stored_part

YEAR = 2026
MAX_SCAN_CHARS = 300_000
"""Characters of stored text one call of the C scanner may get: ≈ 15 ms at its speed on
sites with a plan (≈ 20 million characters a second), well inside the window's 50 ms."""


def _same(a, b) -> bool:
    return json.dumps(a.to_json(), ensure_ascii=False) == json.dumps(
        b.to_json(), ensure_ascii=False
    )


def _plain_street(tmp_path, n_units: int):
    """A project file of ``n_units`` units with plain sites (no plan), varied so that
    the classes differ; opened, its sites stay stored text."""
    buildings = []
    for i in range(n_units // 10):
        info = BuildingInfo(year_built=1980 + i % 30, storeys=5 + i % 3)
        units = [
            Unit(
                id=f"U{i}-{k}",
                name=f"{i}号楼 {k}单元",
                building=info,
                site=Site(
                    entry_mode=("half_landing", "flat", None)[k % 3],
                    footprint_available_m=(D("2.40"), D(f"{2 + k % 3}.10")),
                    inside_red_line=(True, False, None)[(i + k) % 3],
                    fire_lane_width_after_m=D(f"{3 + k % 3}.50"),
                    pipes_in_footprint=["gas", "water"][: k % 3],
                    pit_depth_available_mm=800 + 100 * k,
                    headroom_available_mm=3000 + 50 * k,
                ),
                households=[Household("101", 1, D("60"), vote="yes")],
            )
            for k in range(10)
        ]
        buildings.append(Building(id=f"B{i}", name=f"{i}号楼", info=info, units=units))
    path = tmp_path / "street.eeproj"
    save_project(
        Project(name="街道", communities=[Community(id="C", name="小区", buildings=buildings)]),
        path,
        track=False,
    )
    return path


def _codes_of_another_derivation(path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = 'other' WHERE key = 'site_code_version'")
    conn.commit()
    conn.close()


def test_a_census_of_a_saved_file_reads_the_codes_not_the_site_texts(tmp_path, monkeypatch):
    """Every plain site of a saved file has its code: the census scans no site text and
    decodes no site, and equals the per-unit path (which decodes every site)."""
    path = _plain_street(tmp_path, 300)
    conn = sqlite3.connect(path)
    codes = [r[0] for r in conn.execute("SELECT site_code FROM units")]
    conn.close()
    assert len(codes) == 300 and all(len(c) == 100 for c in codes)
    scanned: list[int] = []
    monkeypatch.setattr(sitecols, "_scan_part", lambda part: scanned.append(len(part)))
    project = open_project(path)
    fast = census(project, year=YEAR)
    assert scanned == []
    assert all(stored_part(u, "site") is not None for u in project.units())  # not decoded
    monkeypatch.undo()
    assert _same(fast, census(open_project(path), year=YEAR, vectorised=False))


def test_a_file_without_codes_gets_them_at_its_next_save(tmp_path, monkeypatch):
    """Units read from a file whose codes are not of this derivation (or a file migrated
    from v5, whose codes are empty) are given codes by the next save, made from their
    stored texts without decoding the sites; the census then reads the codes."""
    path = _plain_street(tmp_path, 300)
    conn = sqlite3.connect(path)
    before = [r[0] for r in conn.execute("SELECT site_code FROM units ORDER BY pk")]
    conn.close()
    _codes_of_another_derivation(path)
    project = open_project(path)
    save_project(project, tmp_path / "again.eeproj", track=False)
    assert all(stored_part(u, "site") is not None for u in project.units())
    conn = sqlite3.connect(tmp_path / "again.eeproj")
    after = [r[0] for r in conn.execute("SELECT site_code FROM units ORDER BY pk")]
    conn.close()
    assert after == before  # the same codes as a save of the decoded sites
    scanned: list[int] = []
    monkeypatch.setattr(sitecols, "_scan_part", lambda part: scanned.append(len(part)))
    census(open_project(tmp_path / "again.eeproj"), year=YEAR)
    assert scanned == []


def test_the_scan_of_stored_sites_holds_the_lock_for_a_bounded_amount_of_text(
    tmp_path, monkeypatch
):
    """3,000 stored site texts (≈ 1 MB) of a file without census codes (migrated, or of
    another code derivation): before, one C call scanned 4,096 texts at once; now no call
    gets more than :data:`MAX_SCAN_CHARS` characters, and the census is unchanged."""
    path = _plain_street(tmp_path, 3000)
    _codes_of_another_derivation(path)
    project = open_project(path)
    texts = [stored_part(u, "site") for u in project.units()]
    total = sum(map(len, texts))
    assert total > 3 * MAX_SCAN_CHARS  # else this test would prove nothing
    calls: list[int] = []
    scan = sitecols._scan_part

    def counting(part):
        calls.append(sum(map(len, part)))
        return scan(part)

    monkeypatch.setattr(sitecols, "_scan_part", counting)
    fast = census(project, year=YEAR)
    assert sum(calls) == total  # every text scanned, once
    assert max(calls) <= MAX_SCAN_CHARS
    monkeypatch.undo()
    reference = census(open_project(path), year=YEAR, vectorised=False)
    assert _same(fast, reference)


def test_sites_with_a_plan_are_not_scanned_and_read_once_per_stored_text(monkeypatch):
    """The sample's units copied (every site with a plan): no plan text goes through the
    scanner (its values are read from the decoded site anyway), and the decoded site is
    read once per distinct text, not once per copy; the census is unchanged."""
    blob = pickle.dumps(project_of(160))  # ten copies of each of the sample's units
    project = pickle.loads(blob)
    texts = [stored_part(u, "site") for u in project.units()]
    assert all(t is not None and '"plan"' in t for t in texts)
    scanned: list[str] = []
    scan = sitecols._scan_part

    def recording(part):
        scanned.extend(part)
        return scan(part)

    read: list[object] = []
    site_row = census_arrays._site_row

    def counting(site, standard):
        read.append(site)
        return site_row(site, standard)

    monkeypatch.setattr(sitecols, "_scan_part", recording)
    monkeypatch.setattr(census_arrays, "_site_row", counting)
    fast = census(project, year=YEAR)
    assert not any('"plan"' in t for t in scanned)
    assert len(read) == len(set(texts)) < len(texts)
    monkeypatch.undo()
    assert _same(fast, census(pickle.loads(blob), year=YEAR, vectorised=False))


def test_the_codes_are_decoded_a_bounded_number_at_a_time(tmp_path, monkeypatch):
    """5,000 coded sites: each decoding call (it holds the interpreter lock while the
    window may wait) gets at most 4,096 codes, every code is decoded once, and the classes
    equal those read from the site texts (the per-unit path is compared with both above)."""
    path = _plain_street(tmp_path, 5000)
    calls: list[int] = []
    decode = sitecols.decode_site_codes

    def counting(codes):
        calls.append(len(codes))
        return decode(codes)

    monkeypatch.setattr(sitecols, "decode_site_codes", counting)
    fast = census(open_project(path), year=YEAR)
    assert sum(calls) == 5000 and max(calls) <= 4096 and len(calls) == 2
    monkeypatch.undo()
    _codes_of_another_derivation(path)
    scanned = census(open_project(path), year=YEAR)
    assert [r.klass for r in fast.rows] == [r.klass for r in scanned.rows]
    assert fast.by_class == scanned.by_class and len(set(scanned.by_class.values())) > 1
