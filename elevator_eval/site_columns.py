"""The census's plain values of a site: one row of :data:`SITE_COLUMNS`, and that row as
the short code a project file keeps beside the site (``units.site_code``, schema v6).

The census's fast path (:mod:`elevator_eval.census_arrays`) reads a dozen values of each
site into numpy arrays. Read from the site's stored JSON, that costs about 18 µs a unit
(1.8 s of a 100,000-unit census): the JSON scanned, every value's type checked. A save
therefore also writes each plain site's row packed in :data:`SITE_CODE_FORMAT` with the
CRC-32 of the site's stored text, base64-encoded (100 characters); the census decodes the
codes of all units at once (:func:`decode_site_codes`) and uses a code only where the
unit's site is still the stored text and that text's CRC-32 is the code's (a site text
edited by another program is read, not its stale code). A site with a plan or a car size (``extra``) has no code (its values need the
measured plan; the census reads the site itself).

A save copies the code of a site it did not read, as it copies the site's text (a code
left stale by another program's edit stays unused until the app saves that site anew).
The code is derived data, covered by the file's content digest like every stored value;
:data:`SITE_CODE_VERSION` (in the file's meta) names the derivation, and codes of another
version are not used.
"""

from __future__ import annotations

from typing import Any

from .model import Site

SITE_COLUMNS = (
    "inside_red_line",
    "fire_lane_width_after_m",
    "distance_to_neighbour_m",
    "occupies_private_courtyard",
    "sunlight_below_standard",
    "has_gas",
    "n_other_pipes",
    "footprint_w_m",
    "footprint_d_m",
    "entry_mode",
    "pit_depth_mm",
    "headroom_mm",
    "corridor_depth_m",
    "car_w_m",
    "car_d_m",
)
"""The census's array fields of a site, in row order. Codes: booleans -1 = not surveyed,
0 false, 1 true; lengths in m, NaN = not surveyed; ``pit_depth_mm``/``headroom_mm`` -1 =
not surveyed; ``entry_mode`` by :data:`ENTRY_CODES`; ``n_other_pipes`` = pipes other than
gas."""

ENTRY_CODES: dict[str | None, int] = {None: 0, "half_landing": 1, "flat": 2}
"""``entry_mode`` code of each mode (an unknown mode is 0)."""

SITE_CODE_FORMAT = "<bddbb?hddbiidddI"
"""A row packed (``struct``, little-endian, no alignment): the widths of the census's
arrays (int8 flags and entry mode, float64 lengths, bool gas, int16 pipe count, int32 mm),
then the CRC-32 of the stored site text: 75 bytes, a multiple of 3, so that the base64 of
each code has no padding and the codes of many units decode as one text."""

SITE_CODE_VERSION = "1"
"""The derivation of the codes written by this app (meta ``site_code_version``)."""

SITE_CODE_CHARS = 100
"""Characters of one code (base64 of :data:`SITE_CODE_FORMAT`'s 75 bytes)."""

_DTYPE_CODES: tuple[str, ...] = ("i1", "<f8", "<f8", "i1", "i1", "?", "<i2", "<f8", "<f8")
_DTYPE_CODES += ("i1", "<i4", "<i4", "<f8", "<f8", "<f8", "<u4")


def site_values(
    red: bool | None,
    fire: float,
    dist: float,
    court: bool | None,
    sun: bool | None,
    pipes: Any,
    fp: tuple[float, float],
    mode: str | None,
    pit: int | None,
    head: int | None,
    cor: float,
    car: tuple[float, float],
) -> tuple[Any, ...]:
    """One row of :data:`SITE_COLUMNS` from a site's values (lengths already float, NaN
    for not surveyed)."""
    gas = "gas" in pipes
    return (
        -1 if red is None else int(red),
        fire,
        dist,
        -1 if court is None else int(court),
        -1 if sun is None else int(sun),
        gas,
        len(pipes) - pipes.count("gas") if gas else len(pipes),
        fp[0],
        fp[1],
        ENTRY_CODES.get(mode, 0),
        -1 if pit is None else pit,
        -1 if head is None else head,
        cor,
        car[0],
        car[1],
    )


def plain_site_row(s: Site, car: Any = None) -> tuple[Any, ...]:
    """The row of a site's values as they are (no plan measured: for a site whose
    ``extra`` is empty this is the site's row). ``car``: the planned car's sides [m] when
    the site plans one."""
    nan = float("nan")
    fp = s.footprint_available_m
    fire, dist, cor = s.fire_lane_width_after_m, s.distance_to_neighbour_m, s.corridor_depth_m
    return site_values(
        s.inside_red_line,
        nan if fire is None else float(fire),
        nan if dist is None else float(dist),
        s.occupies_private_courtyard,
        s.sunlight_below_standard,
        s.pipes_in_footprint or (),
        (nan, nan) if fp is None else (float(fp[0]), float(fp[1])),
        s.entry_mode,
        s.pit_depth_available_mm,
        s.headroom_available_mm,
        nan if cor is None else float(cor),
        (nan, nan) if car is None else (float(car[0]), float(car[1])),
    )


def text_check(text: str) -> int:
    """The CRC-32 of a stored site text (UTF-8), as a code carries it."""
    import zlib  # lazy, as the packing below: this module is read at start-up

    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


def code_of_row(row: tuple[Any, ...], text: str) -> str:
    """The code of a row made from the stored site text ``text``; ``""`` when a value
    does not fit the row's widths (a pit depth beyond int32, say: the census then reads
    the site)."""
    import binascii
    import struct

    try:
        packed = struct.pack(SITE_CODE_FORMAT, *row, text_check(text))
    except (struct.error, TypeError, ValueError, OverflowError):
        return ""
    return binascii.b2a_base64(packed, newline=False).decode("ascii")


def site_code(s: Site, text: str) -> str:
    """The code of a site stored as ``text``; ``""`` for a site with ``extra`` (a plan, a
    car size) or with a value the code cannot hold."""
    if s.extra:
        return ""
    try:
        row = plain_site_row(s)
    except (TypeError, ValueError, ArithmeticError):
        return ""
    return code_of_row(row, text)


def code_dtype() -> Any:
    """The numpy record type of one code's bytes (fields :data:`SITE_COLUMNS`)."""
    import numpy as np  # lazy: numpy is not needed to start the app

    return np.dtype({"names": [*SITE_COLUMNS, "text_crc32"], "formats": list(_DTYPE_CODES)})


def decode_site_codes(codes: list[str]) -> Any:
    """The rows of many codes as one numpy record array (fields :data:`SITE_COLUMNS` and
    ``text_crc32``, the CRC-32 of the text each code was made from).

    Raises
    ------
    ValueError
        When a code is not :data:`SITE_CODE_CHARS` characters of base64.
    """
    import base64
    import binascii
    import struct

    import numpy as np  # lazy: numpy is not needed to start the app

    text = "".join(codes)
    if len(text) != SITE_CODE_CHARS * len(codes):
        raise ValueError("a site code has the wrong length")
    try:
        data = base64.b64decode(text, validate=True)
    except binascii.Error as e:
        raise ValueError(f"a site code is not base64 ({e})") from None
    if len(data) != struct.calcsize(SITE_CODE_FORMAT) * len(codes):
        raise ValueError("a site code is not base64 of one row")
    return np.frombuffer(data, dtype=code_dtype())
