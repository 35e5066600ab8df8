"""Spatial checks: every finding code and its boundary; missing fields mean not surveyed."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from elevator_eval.model import Site
from elevator_eval.spatial import check_spatial, footprint_fits, not_surveyed, smallest_shaft_m


def codes(**kw):
    return [(f.code, f.severity) for f in check_spatial(Site(**kw))]


def test_empty_site_is_not_surveyed_and_has_no_findings():
    assert codes() == []
    assert "footprint_available_m" in not_surveyed(Site())
    assert not_surveyed(Site(entry_mode="flat"))[-1] == "corridor_depth_m"


@pytest.mark.parametrize(
    "inside,expected", [(False, [("red_line", "major")]), (True, []), (None, [])]
)
def test_red_line(inside, expected):
    assert codes(inside_red_line=inside) == expected


@pytest.mark.parametrize(
    "width,expected",
    [("3.99", [("fire_lane_narrow", "major")]), ("4.0", []), ("4.00", []), ("6", [])],
)
def test_fire_lane_below_4m_is_major(width, expected):
    assert codes(fire_lane_width_after_m=D(width)) == expected


@pytest.mark.parametrize(
    "dist,expected", [("5.99", [("neighbour_close", "strong")]), ("6.0", []), ("13", [])]
)
def test_neighbour_below_6m_is_strong(dist, expected):
    assert codes(distance_to_neighbour_m=D(dist)) == expected


def test_courtyard_and_sunlight_are_strong():
    assert codes(occupies_private_courtyard=True) == [("private_courtyard", "strong")]
    assert codes(occupies_private_courtyard=False) == []
    assert codes(sunlight_below_standard=True) == [("sunlight_below_standard", "strong")]
    assert codes(sunlight_below_standard=False) == []


def test_pipes_one_finding_per_pipe_gas_strong():
    got = codes(pipes_in_footprint=["water", "gas", "telecom", "drainage", "water"])
    assert got == [
        ("pipe_gas", "strong"),
        ("pipe_water", "weak"),
        ("pipe_telecom", "weak"),
        ("pipe_drainage", "weak"),
        ("pipe_water", "weak"),
    ]
    assert codes(pipes_in_footprint=[]) == []
    assert codes(pipes_in_footprint=["steam"]) == [("pipe_other", "weak")]


def test_smallest_shaft_is_the_ruleset_default():
    # 630 kg accessible car 1.10 × 1.40 m in an external steel shaft ≈ 2.3 × 2.5 m outer
    assert smallest_shaft_m("half_landing") == (D("2.3"), D("2.5"))
    assert smallest_shaft_m("flat") == (D("2.3"), D("2.5"))
    assert smallest_shaft_m(None) == (D("2.3"), D("2.5"))


@pytest.mark.parametrize(
    "w,d,fits",
    [
        ("2.3", "2.5", True),
        ("2.5", "2.3", True),  # turned 90°
        ("2.6", "2.4", True),  # the spec example's footprint
        ("2.29", "2.5", False),
        ("2.3", "2.49", False),
        ("2.4", "2.4", False),
        ("2.2", "3.0", False),
    ],
)
def test_footprint_fits_either_orientation(w, d, fits):
    assert footprint_fits(D(w), D(d), D("2.3"), D("2.5")) is fits
    got = codes(entry_mode="half_landing", footprint_available_m=(D(w), D(d)))
    assert got == ([] if fits else [("footprint_small", "strong")])


def test_footprint_without_rotation():
    assert not footprint_fits(D("2.6"), D("2.4"), D("2.3"), D("2.5"), allow_rotation=False)


def test_footprint_message_states_both_sizes():
    (f,) = check_spatial(Site(entry_mode="flat", footprint_available_m=(D("2.0"), D("2.0"))))
    assert "2 × 2 m" in f.message_en and "2.3 × 2.5 m" in f.message_en
    assert "1.1 × 1.4 m" in f.message_en  # the accessible car


@pytest.mark.parametrize(
    "pit,expected",
    [
        (1100, []),
        (1400, []),
        (1099, [("pit_reduced", "weak")]),
        (900, [("pit_reduced", "weak")]),
        (899, [("pit_below_reduced", "weak")]),
        (0, [("pit_below_reduced", "weak")]),
    ],
)
def test_pit_standard_and_reduced(pit, expected):
    assert codes(pit_depth_available_mm=pit) == expected


@pytest.mark.parametrize(
    "head,expected",
    [
        (3300, []),
        (3299, [("headroom_reduced", "weak")]),
        (2900, [("headroom_reduced", "weak")]),
        (2899, [("headroom_below_reduced", "weak")]),
    ],
)
def test_headroom_standard_and_reduced(head, expected):
    assert codes(headroom_available_mm=head) == expected


def test_pit_message_names_gbt_28621_and_numbers():
    (f,) = check_spatial(Site(pit_depth_available_mm=1000))
    assert "GB/T 28621" in f.message_zh and "1000" in f.message_zh and "1100" in f.message_zh


@pytest.mark.parametrize(
    "mode,depth,expected",
    [
        ("flat", "1.49", [("corridor_shallow", "strong")]),
        ("flat", "1.5", []),
        ("flat", None, []),
        ("half_landing", "0.5", []),  # half-landing needs no corridor
    ],
)
def test_corridor_depth_for_flat_entry(mode, depth, expected):
    assert codes(entry_mode=mode, corridor_depth_m=None if depth is None else D(depth)) == expected


def test_spec_example_site_gives_two_weak_pipe_findings():
    site = Site(
        entry_mode="half_landing",
        footprint_available_m=(D("2.6"), D("2.4")),
        inside_red_line=True,
        fire_lane_width_after_m=D("4.5"),
        distance_to_neighbour_m=D("13.0"),
        occupies_private_courtyard=False,
        sunlight_below_standard=False,
        pipes_in_footprint=["water", "telecom"],
        pit_depth_available_mm=1400,
        headroom_available_mm=3800,
    )
    assert [(f.code, f.severity) for f in check_spatial(site)] == [
        ("pipe_water", "weak"),
        ("pipe_telecom", "weak"),
    ]
    assert not_surveyed(site) == []


def test_a_larger_planned_car_needs_a_larger_shaft():
    from elevator_eval.errors import InputError
    from elevator_eval.spatial import required_shaft_m

    stretcher = Site(entry_mode="half_landing", extra={"car_size_m": ["1.10", "2.10"]})
    # same allowance around the car as the accessible 1.10 × 1.40 car in a 2.3 × 2.5 shaft
    assert required_shaft_m(stretcher) == (D("2.3"), D("3.2"))
    small = Site(entry_mode="half_landing", extra={"car_size_m": [1.0, 1.25]})
    assert required_shaft_m(small) == (D("2.3"), D("2.5"))  # never below accessible
    fits = Site(
        entry_mode="half_landing",
        footprint_available_m=(D("3.2"), D("2.3")),
        extra={"car_size_m": ["1.10", "2.10"]},
    )
    assert check_spatial(fits) == []  # turned 90°
    tight = Site(
        entry_mode="half_landing",
        footprint_available_m=(D("2.6"), D("3.19")),
        extra={"car_size_m": ["1.10", "2.10"]},
    )
    (f,) = check_spatial(tight)
    assert f.code == "footprint_small" and "2.3 × 3.2 m" in f.message_en
    assert "planned car 1.1 × 2.1 m" in f.message_en
    with pytest.raises(InputError) as e:
        check_spatial(Site(footprint_available_m=(D(3), D(3)), extra={"car_size_m": [1]}))
    assert e.value.field == "site.car_size_m"
