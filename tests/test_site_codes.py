"""The census code a project file keeps beside each plain site (schema v6): the census
reads the same values from the codes as from the sites themselves, never a stale code, and
a site the code cannot hold goes the long way."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from decimal import Decimal as D
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elevator_eval.census import census
from elevator_eval.census_arrays import ARRAY_FIELDS, units_to_arrays
from elevator_eval.model import Building, BuildingInfo, Community, Household, Project, Site, Unit
from elevator_eval.site_columns import (
    SITE_CODE_CHARS,
    decode_site_codes,
    plain_site_row,
    site_code,
)
from elevator_eval.store import open_project, save_project
from elevator_eval.store.codec import site_json
from elevator_eval.store.rows import content_hash
from tests.test_census import any_unit

YEAR = 2026


def _saved(units: list[Unit], folder: Path) -> Path:
    info = units[0].building
    b = Building(id="B", name="B", info=info, units=units)
    path = folder / "p.eeproj"
    save_project(
        Project(name="p", communities=[Community(id="C", name="C", buildings=[b])]),
        path,
        track=False,
    )
    return path


def _arrays_equal(a: dict, b: dict) -> bool:
    return all(np.array_equal(a[k], b[k], equal_nan=a[k].dtype.kind == "f") for k in ARRAY_FIELDS)


def _decoded(path: Path) -> list[Unit]:
    """The file's units with every site read (no code nor stored text is used)."""
    units = open_project(path).units()
    for u in units:
        assert u.site is not None
    return units


@settings(max_examples=60, deadline=None)
@given(st.lists(any_unit(), min_size=1, max_size=6))
def test_the_codes_give_the_arrays_the_sites_give(units):
    """Property: for any units (plain sites and sites with a car size), the census arrays
    from a saved file's codes equal those from the decoded sites, value for value."""
    for i, u in enumerate(units):
        u.id = f"U{i}"
    with tempfile.TemporaryDirectory() as d:
        path = _saved(units, Path(d))
        coded = open_project(path).units()
        assert _arrays_equal(units_to_arrays(coded), units_to_arrays(_decoded(path)))
        conn = sqlite3.connect(path)
        codes = [r[0] for r in conn.execute("SELECT site_code FROM units ORDER BY pk")]
        conn.close()
    for u, code in zip(units, codes):
        assert (code == "") == bool(u.site.extra)  # a car size: no code


def test_a_code_is_base64_of_the_format_without_padding():
    """75 bytes (a multiple of 3) give 100 characters with no "=": codes join and decode as
    one text; the record type has the format's size."""
    import struct

    from elevator_eval.site_columns import SITE_CODE_FORMAT, code_dtype

    assert struct.calcsize(SITE_CODE_FORMAT) == 75 == code_dtype().itemsize
    assert SITE_CODE_CHARS == 100
    s = Site(pit_depth_available_mm=900)
    code = site_code(s, site_json(s, "site"))
    assert "=" not in code and len(decode_site_codes([code] * 3)) == 3


def test_a_code_holds_the_row_of_its_site():
    """Worked example: a flat entry, a 2.40 × 2.10 m footprint with gas and water in it, a
    pit of 800 mm, nothing else surveyed."""
    s = Site(
        entry_mode="flat",
        footprint_available_m=(D("2.40"), D("2.10")),
        pipes_in_footprint=["gas", "water"],
        pit_depth_available_mm=800,
    )
    code = site_code(s, site_json(s, "site"))
    assert len(code) == SITE_CODE_CHARS
    row = decode_site_codes([code])[0]
    assert row["entry_mode"] == 2 and row["has_gas"] and row["n_other_pipes"] == 1
    assert (row["footprint_w_m"], row["footprint_d_m"]) == (2.4, 2.1)
    assert row["pit_depth_mm"] == 800 and row["headroom_mm"] == -1
    assert row["inside_red_line"] == -1 and np.isnan(row["fire_lane_width_after_m"])
    assert tuple(row)[:-1] == pytest.approx(plain_site_row(s), nan_ok=True)


def test_a_site_the_code_cannot_hold_has_none():
    big = Site(pit_depth_available_mm=2**40)  # beyond the census's int32
    assert site_code(big, site_json(big, "site")) == ""
    planned = Site(extra={"car_size_m": ["1.10", "2.10"]})
    assert site_code(planned, site_json(planned, "site")) == ""


def test_malformed_codes_are_refused():
    s = Site(pit_depth_available_mm=900)
    code = site_code(s, site_json(s, "site"))
    with pytest.raises(ValueError):
        decode_site_codes([code[:-4]])
    with pytest.raises(ValueError):
        decode_site_codes(["!" + code[1:]])
    with pytest.raises(ValueError):
        decode_site_codes([code[:-4] + "===="])


def _plain_units(n: int) -> list[Unit]:
    info = BuildingInfo(year_built=2005, storeys=6, danger_grade="A")
    return [
        Unit(
            id=f"U{i}",
            name=f"U{i}",
            building=info,
            site=Site(
                entry_mode="flat",
                footprint_available_m=(D("2.60"), D("2.80")),
                inside_red_line=True,
                fire_lane_width_after_m=D("4.50"),
                pit_depth_available_mm=1500,
                headroom_available_mm=4000,
            ),
            households=[Household("101", 1, D("60"), vote="yes")],
        )
        for i in range(n)
    ]


def _edit_site_text(path: Path, unit_id: str, old: str, new: str) -> None:
    """Another program edits a site in the file and mends the digest (the code stays)."""
    conn = sqlite3.connect(path)
    text = conn.execute("SELECT site FROM units WHERE id = ?", (unit_id,)).fetchone()[0]
    assert old in text
    conn.execute("UPDATE units SET site = ? WHERE id = ?", (text.replace(old, new), unit_id))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'content_sha256'", (content_hash(conn),))
    conn.commit()
    conn.close()


def test_a_site_edited_by_another_program_is_read_not_its_stale_code(tmp_path):
    """U1's site text now says the shaft is outside the red line; its code (made from the
    text before) says inside. The census classes U1 by the text, as the per-unit path does."""
    path = _saved(_plain_units(3), tmp_path)
    before = census(open_project(path), year=YEAR)
    assert [r.klass for r in before.rows] == ["suitable"] * 3
    _edit_site_text(path, "U1", '"inside_red_line":true', '"inside_red_line":false')
    fast = census(open_project(path), year=YEAR)
    slow = census(open_project(path), year=YEAR, vectorised=False)
    assert [r.klass for r in fast.rows] == [r.klass for r in slow.rows]
    assert fast.rows[1].klass != "suitable" and fast.rows[0].klass == "suitable"
    assert json.dumps(fast.to_json(), ensure_ascii=False) == json.dumps(
        slow.to_json(), ensure_ascii=False
    )


def test_a_saved_code_is_written_again_as_it_was_when_the_site_was_not_read(tmp_path):
    """Open, save without reading a site: the codes are copied, not made anew (the same
    text for the same site) and the census of the new file still reads them."""
    path = _saved(_plain_units(4), tmp_path)
    project = open_project(path)
    save_project(project, tmp_path / "b.eeproj", track=False)
    rows = []
    for p in (path, tmp_path / "b.eeproj"):
        conn = sqlite3.connect(p)
        rows.append(conn.execute("SELECT site, site_code FROM units ORDER BY pk").fetchall())
        conn.close()
    assert rows[0] == rows[1] and all(len(code) == SITE_CODE_CHARS for _, code in rows[0])
