"""Sunlight engine: closed-form cases, a solar-library cross-check, and properties.

Expected values are derived by hand below (spherical astronomy), never read back from the
engine.
"""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import pytest

from elevator_eval.site.plan import parse_plan
from elevator_eval.site.sun import hour_angle_deg, sun_vectors
from elevator_eval.site.sunlight import analyse, time_steps
from elevator_eval.site.sunlight_rules import find_city, resolve


def sun_position(lat_deg, declination_deg, hour_angle):
    """Altitude and azimuth [°] (clockwise from north) from the app's sun vectors."""
    v = sun_vectors(lat_deg, declination_deg, hour_angle)
    alt = np.degrees(np.arcsin(np.clip(v[..., 2], -1.0, 1.0)))
    az = np.degrees(np.arctan2(v[..., 0], v[..., 1])) % 360.0
    return alt, az


LAT = 39.90
DAHAN = -20.15
OWN = {
    "id": "self",
    "own": True,
    "footprint": [[0, 0], [30, 0], [30, 12], [0, 12]],
    "height_m": 17.4,
}


def plan(buildings=(), windows=(), shaft=None, rules=None, lat=LAT, **kw):
    d = {
        "location": {"lat": lat, "lon": 116.4},
        "buildings": [OWN, *buildings],
        "windows": list(windows),
        **kw,
    }
    if shaft:
        d["shaft"] = shaft
    if rules:
        d["sunlight_rules"] = rules
    return parse_plan(d)


def south_window(x=14.0, sill=0.9, wid="w"):
    return {
        "id": wid,
        "building": "self",
        "x": x,
        "y": 0.0,
        "sill_height_m": sill,
        "facing_deg": 180,
    }


def minutes(result, wid):
    return next(w for w in result.windows if w.id == wid)


# ----------------------------------------------------------------------- sun position


@pytest.mark.parametrize("lat", [22.5, 31.2, 39.9, 45.8])
@pytest.mark.parametrize("decl", [DAHAN, -23.44])
def test_sun_position_matches_pvlib_analytical_within_0_05_deg(lat, decl):
    pvlib = pytest.importorskip("pvlib")
    sp = pvlib.solarposition
    t = np.linspace(8.0, 16.0, 97)
    ha = hour_angle_deg(t)
    alt, az = sun_position(lat, decl, ha)
    zen = sp.solar_zenith_analytical(np.radians(lat), np.radians(ha), np.radians(decl))
    az_ref = np.degrees(
        sp.solar_azimuth_analytical(np.radians(lat), np.radians(ha), np.radians(decl), zen)
    )
    assert np.max(np.abs(alt - (90.0 - np.degrees(zen)))) < 0.05
    assert np.max(np.abs((az - az_ref + 180.0) % 360.0 - 180.0)) < 0.05


def test_true_noon_altitude_is_90_minus_lat_plus_declination():
    alt, az = sun_position(LAT, DAHAN, np.array([0.0]))
    assert alt[0] == pytest.approx(90 - LAT + DAHAN, abs=1e-9)
    assert az[0] == pytest.approx(180.0, abs=1e-9)


# ----------------------------------------------------------------------- closed forms


def test_open_site_south_window_gets_the_whole_band():
    # dahan at 39.9°N: sunrise hour angle acos(−tanφ tanδ) = 72.1° (07:11), and at 08:00
    # the sun is already south of due east, so every minute of 08–16 counts: 480 min.
    r = analyse(plan(windows=[south_window()]))
    assert minutes(r, "w").before_min == 480
    assert minutes(r, "w").before_h == 8.0


def test_open_site_dongzhi_band_is_six_hours():
    r = analyse(plan(windows=[south_window()], rules={"standard_day": "dongzhi", "min_hours": 1}))
    assert minutes(r, "w").before_min == 360


def test_east_facing_window_has_sun_until_true_noon():
    # East façade of the own building; the sun is east of the meridian (azimuth < 180°)
    # exactly before true noon: 08:00–12:00 = 240 min.
    w = {"id": "e", "building": "self", "x": 30.0, "y": 6.0, "sill_height_m": 0.9, "facing_deg": 90}
    assert minutes(analyse(plan(windows=[w])), "e").before_min == 240


def test_west_facing_window_has_sun_from_true_noon():
    w = {"id": "w", "building": "self", "x": 0.0, "y": 6.0, "sill_height_m": 0.9, "facing_deg": 270}
    assert minutes(analyse(plan(windows=[w])), "w").before_min == 240


def _wall_hours(lat, decl, k):
    """Sun hours behind an endless east-west wall due south.

    The wall blocks while the profile angle θp (altitude seen in the north-south plane)
    is below atan(k), k = (wall height − sill) / distance. With the sun vector
    up = sinφ sinδ + cosφ cosδ cosH, south = sinφ cosδ cosH − cosφ sinδ,
    tan θp = up / south = k gives cos H0 = −sinδ (k cosφ + sinφ) / (cosδ (cosφ − k sinφ)),
    and the window has sun for |H| < H0: 2 H0 / 15° hours.
    """
    phi, d = math.radians(lat), math.radians(decl)
    c = (
        -math.sin(d)
        * (k * math.cos(phi) + math.sin(phi))
        / (math.cos(d) * (math.cos(phi) - k * math.sin(phi)))
    )
    return 2 * math.degrees(math.acos(c)) / 15.0


@pytest.mark.parametrize("wall_h,dist", [(10.0, 20.0), (12.0, 30.0), (6.0, 25.0)])
def test_long_wall_due_south_matches_the_profile_angle(wall_h, dist):
    sill = 0.9
    wall = {
        "id": "S",
        "footprint": [[-3000, -dist - 10], [3000, -dist - 10], [3000, -dist], [-3000, -dist]],
        "height_m": wall_h,
    }
    r = analyse(plan(buildings=[wall], windows=[south_window(sill=sill)]))
    # the calculation point sits 0.01 m south of the façade
    k = (wall_h - sill) / (dist - 0.01)
    expected_h = min(_wall_hours(LAT, DAHAN, k), 8.0)
    assert abs(minutes(r, "w").before_h - expected_h) * 60 <= 1.0


def test_first_wall_case_is_about_five_hours_twenty():
    # Hand value for the first case: k = 9.1 / 19.99 = 0.45523; sinφ 0.64145, cosφ 0.76717,
    # sinδ −0.34448, cosδ 0.93879: cos H0 = 0.34127 / 0.44607 = 0.76507, H0 = 40.08°,
    # 2 × 40.08 / 15 = 5.34 h.
    assert _wall_hours(LAT, DAHAN, 9.1 / 19.99) == pytest.approx(5.344, abs=0.002)


def test_wall_higher_than_noon_sun_leaves_no_sun():
    # noon altitude 29.95°; a wall seen at 31.4° (17.1 m over 28 m) shades all day
    wall = {
        "id": "S",
        "footprint": [[-3000, -40], [3000, -40], [3000, -28], [-3000, -28]],
        "height_m": 18.0,
    }
    r = analyse(plan(buildings=[wall], windows=[south_window()]))
    assert minutes(r, "w").before_min == 0


def test_window_above_the_wall_top_is_not_shaded():
    wall = {
        "id": "S",
        "footprint": [[-3000, -40], [3000, -40], [3000, -28], [-3000, -28]],
        "height_m": 5.0,
    }
    r = analyse(plan(buildings=[wall], windows=[south_window(sill=5.5)]))
    assert minutes(r, "w").before_min == 480


# ----------------------------------------------------------------------- before / after

SHAFT = {"footprint": [[15, -2.5], [17.5, -2.5], [17.5, 0], [15, 0]], "height_m": 20.0}


def test_shaft_east_of_a_window_takes_the_morning():
    # Shaft 1 m east of the window: it can only take morning sun, so the window keeps at
    # least every minute after true noon (240 min) and loses some of the morning.
    r = analyse(plan(windows=[south_window(x=14.0)], shaft=SHAFT))
    w = minutes(r, "w")
    assert w.before_min == 480
    assert 240 <= w.after_min < 480
    assert w.lost_h == pytest.approx((w.before_min - w.after_min) / 60)


def test_shaft_azimuth_bound_is_exact():
    # The shaft spans azimuths from due east (its north-west corner at the façade line)
    # to 180° − atan((15 − 14) / (2.5 − 0.01)) seen from the point. Sun is lost exactly
    # while the sun's azimuth lies in that range (the shaft is taller than any sun ray
    # needs: 20 m at ≥ 1 m gives ≥ 87°).
    p = plan(windows=[south_window(x=14.0)], shaft=SHAFT)
    w = minutes(analyse(p), "w")
    t = time_steps((8.0, 16.0))
    _, az = sun_position(LAT, DAHAN, hour_angle_deg(t))
    bound = 180.0 - math.degrees(math.atan2(1.0, 2.49))
    expected_lost = int(np.sum(az < bound))
    assert abs((w.before_min - w.after_min) - expected_lost) <= 1


def test_windows_are_independent_of_being_analysed_together():
    wins = [
        south_window(x=x, sill=s, wid=f"w{x}-{s}")
        for x in (2, 9, 14, 20, 27)
        for s in (0.9, 3.8, 9.6)
    ]
    wall = {
        "id": "S",
        "footprint": [[-50, -30], [60, -30], [60, -20], [-50, -20]],
        "height_m": 15.0,
    }
    p = plan(buildings=[wall], windows=wins, shaft=SHAFT)
    together = analyse(p)
    for w in p.windows:
        alone = analyse(p, windows=[w])
        a, b = alone.windows[0], minutes(together, w.id)
        assert (a.before_min, a.after_min) == (b.before_min, b.after_min)
        assert b.after_min <= b.before_min


def test_a_wing_of_the_own_building_shades_its_own_window():
    # L-shaped own building: a wing 10 m deep sticks out south at x 20–30, 17.4 m tall.
    own = {
        "id": "self",
        "own": True,
        "height_m": 17.4,
        "footprint": [[0, 0], [20, 0], [20, -10], [30, -10], [30, 12], [0, 12]],
    }
    d = {
        "location": {"lat": LAT, "lon": 116.4},
        "buildings": [own],
        "windows": [south_window(x=18.0)],
    }
    r = analyse(parse_plan(d))
    assert minutes(r, "w").before_min < 480
    # the same wing as a separate neighbour gives the same answer
    wing = {"id": "wing", "footprint": [[20, -10], [30, -10], [30, 0], [20, 0]], "height_m": 17.4}
    r2 = analyse(plan(buildings=[wing], windows=[south_window(x=18.0)]))
    assert minutes(r2, "w").before_min == minutes(r, "w").before_min


def test_min_horizontal_angle_and_min_segment_only_remove_time():
    wall = {"id": "S", "footprint": [[5, -22], [9, -22], [9, -20], [5, -20]], "height_m": 30.0}
    base = plan(buildings=[wall], windows=[south_window()])
    plain = minutes(analyse(base), "w").before_min
    seg = plan(buildings=[wall], windows=[south_window()], rules={"min_segment_min": 600})
    assert plain < 480
    # no run of 600 min fits into an 8 h band: nothing counts
    assert minutes(analyse(seg), "w").before_min == 0


def test_min_horizontal_angle_keeps_only_sun_well_in_front():
    # open site, south window, minimum horizontal angle 60°: the sun counts only while its
    # azimuth is within 90° − 60° = 30° of due south (azimuths from the pvlib-checked
    # sun_position at the same minute middles).
    p = plan(windows=[south_window()], rules={"min_horizontal_angle_deg": 60})
    _, az = sun_position(LAT, DAHAN, hour_angle_deg(time_steps((8.0, 16.0))))
    expected = int(np.sum(np.abs(az - 180.0) < 30.0))
    assert 0 < expected < 480
    assert minutes(analyse(p), "w").before_min == expected


def test_exactly_the_minimum_meets_the_standard():
    # east window: exactly 240 min = 4 h; "≥ 4 h" meets (以上 includes the boundary)
    w = {"id": "e", "building": "self", "x": 30.0, "y": 6.0, "sill_height_m": 0.9, "facing_deg": 90}
    r = analyse(plan(windows=[w], rules={"min_hours": 4}))
    assert r.windows[0].meets_before
    r = analyse(plan(windows=[w], rules={"min_hours": Decimal("4.01")}))
    assert not r.windows[0].meets_before


# ----------------------------------------------------------------------- rules data


def test_rules_from_plan_city_or_default():
    assert resolve(plan()).standard_day == "dahan"
    assert resolve(plan()).min_hours == Decimal(2)
    assert resolve(plan()).origin == "default"
    kunming = parse_plan({"location": {"city": "昆明"}, "buildings": [OWN]})
    r = resolve(kunming)
    assert (r.standard_day, r.min_hours, r.band_h, r.origin) == ("dongzhi", 1, (9, 15), "city")
    assert r.declination_deg == -23.44
    beijing = parse_plan({"location": {"city": "北京市"}, "buildings": [OWN]})
    assert (resolve(beijing).standard_day, resolve(beijing).min_hours) == ("dahan", 2)
    given = parse_plan(
        {
            "location": {"city": "昆明"},
            "buildings": [OWN],
            "sunlight_rules": {"standard_day": "dahan", "min_hours": 3, "declination_deg": -20.283},
        }
    )
    r = resolve(given)
    assert (r.standard_day, r.min_hours, r.origin, r.declination_deg) == (
        "dahan",
        3,
        "plan",
        -20.283,
    )


def test_city_table_lookup_by_english_name():
    assert find_city("Guangzhou")["climate_zone"] == "IV"
