"""Generated projects for the store and census benchmarks (written to a temporary folder,
never committed).

A base of 1,000 random units (every checked site field, some not surveyed; 6-storey
buildings of 2-3 units, 2 doors per floor with votes; cost lines; the default share) is
built with the model and saved with :func:`elevator_eval.store.save_project`. Larger
projects repeat the base's rows inside SQLite with new keys and ids (``U17-3``: copy 3 of
unit ``U17``), and the content digest is recomputed, so a 100,000-unit file is made in
seconds and opens like any saved project.

    python3 benchmarks/projectgen.py 20000 OUT.eeproj
"""

from __future__ import annotations

import random
import sqlite3
import sys
from decimal import Decimal
from pathlib import Path

BASE_UNITS = 1_000


def _maybe(rng: random.Random, value, p_none: float = 0.15):
    return None if rng.random() < p_none else value


def _site(rng: random.Random):
    from elevator_eval.model import PIPE_TYPES, Site

    return Site(
        entry_mode=_maybe(rng, rng.choice(["half_landing", "flat"])),
        footprint_available_m=_maybe(
            rng, (Decimal(rng.randint(200, 320)) / 100, Decimal(rng.randint(200, 320)) / 100)
        ),
        inside_red_line=_maybe(rng, rng.random() > 0.05),
        fire_lane_width_after_m=_maybe(rng, Decimal(rng.randint(350, 800)) / 100),
        distance_to_neighbour_m=_maybe(rng, Decimal(rng.randint(40, 200)) / 10),
        occupies_private_courtyard=_maybe(rng, rng.random() < 0.1),
        sunlight_below_standard=_maybe(rng, rng.random() < 0.1),
        pipes_in_footprint=_maybe(rng, rng.sample(PIPE_TYPES, rng.randint(0, 3))),
        pit_depth_available_mm=_maybe(rng, rng.randint(600, 1600)),
        headroom_available_mm=_maybe(rng, rng.randint(2600, 4200)),
        corridor_depth_m=_maybe(rng, Decimal(rng.randint(10, 25)) / 10),
    )


def _unit(rng: random.Random, uid: str, info):
    from elevator_eval.model import Costs, Household, Unit

    storeys = info.storeys
    households = [
        Household(
            f"{f}0{d}",
            f,
            Decimal(rng.randint(4500, 9000)) / 100,
            vote=rng.choice(["yes", "yes", "yes", "no", "abstain", None]),
            owner_name=f"业主{f}0{d}",
            contact=f"1380000{f:02d}{d:02d}",
        )
        for f in range(1, storeys + 1)
        for d in (1, 2)
    ]
    costs = Costs(
        items_yuan={
            "equipment": Decimal(rng.randint(30, 45)) * 10_000,
            "installation": Decimal(rng.randint(5, 12)) * 10_000,
            "civil": Decimal(rng.randint(10, 30)) * 10_000,
        },
        annual_om_yuan={"maintenance": Decimal(6000), "electricity": Decimal(2400)},
    )
    return Unit(
        id=uid, building=info, name=uid, site=_site(rng), households=households, costs=costs
    )


def base_project(n_units: int = BASE_UNITS, seed: int = 19):
    """``n_units`` random units in communities of 20 buildings."""
    from elevator_eval.model import Building, BuildingInfo, Community, Project

    rng = random.Random(seed)
    project = Project(name="生成的街道 generated street", uid="generated")
    made = 0
    while made < n_units:
        c = Community(
            id=f"C{len(project.communities) + 1}",
            name=f"小区{len(project.communities) + 1}",
            district="生成区",
        )
        project.communities.append(c)
        for _ in range(20):
            if made >= n_units:
                break
            info = BuildingInfo(
                year_built=rng.randint(1965, 2012),
                storeys=rng.choice([5, 6, 6, 6, 7]),
                structure=_maybe(rng, rng.choice(["masonry", "frame"])),
                danger_grade=_maybe(rng, rng.choice("AABBBC"), 0.4),
                seismic_intensity=_maybe(rng, rng.choice([6, 7, 7, 8])),
            )
            b = Building(
                id=f"{c.id}-B{len(c.buildings) + 1}", name=f"{len(c.buildings) + 1}号楼", info=info
            )
            c.buildings.append(b)
            for _ in range(min(rng.choice([2, 3]), n_units - made)):
                made += 1
                b.units.append(_unit(rng, f"U{made}", info))
    return project


_COPY = {
    "communities": "pos + :pos, id || :sfx, name || :sfx, district",
    "buildings": "pk + :bld, community_pos + :pos, id || :sfx, name, address, year_built, "
    "storeys, structure, danger_grade, floor_height_m, seismic_intensity, "
    "design_life_years, design_life_given, extra",
    "units": "pk + :unit, building_pk + :bld, id || :sfx, name || :sfx, rules, rules_given, "
    "scheme_version, entry_mode, own_building, site, costs, subsidies, share, extra, "
    "suitability_rules, households, site_code",
}


def generate(n_units: int, path: Path) -> Path:
    """A saved project of ``n_units`` units (a multiple of 1,000) at ``path``."""
    from elevator_eval.store import save_project
    from elevator_eval.store.rows import content_hash

    copies, rest = divmod(n_units, BASE_UNITS)
    if rest or not copies:
        raise ValueError("n_units must be a positive multiple of 1,000")
    save_project(base_project(), path, track=False)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        key = {
            t: conn.execute(
                f"SELECT max({'pos' if t == 'communities' else 'pk'}) FROM {t}"
            ).fetchone()[0]
            for t in _COPY
        }
        conn.execute("BEGIN")
        for k in range(1, copies):
            shift = {
                "pos": k * key["communities"],
                "bld": k * key["buildings"],
                "unit": k * key["units"],
                "sfx": f"-{k}",
            }
            for table, cols in _COPY.items():
                first = "pos" if table == "communities" else "pk"
                conn.execute(
                    f"INSERT INTO {table} SELECT {cols} FROM {table} WHERE {first} <= {key[table]}",
                    shift,
                )
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'content_sha256'", (content_hash(conn),)
        )
        conn.execute("COMMIT")
        conn.execute("VACUUM")
    finally:
        conn.close()
    return path


if __name__ == "__main__":
    print(generate(int(sys.argv[1]), Path(sys.argv[2])))
