"""The plain site values of many units, read column by column from their stored site text.

A unit read from a project file keeps its site as the stored JSON text until it is read
(:mod:`.lazy`). The census needs only a dozen plain values of each site; this module
scans every stored text with the C JSON scanner in one pass and builds each value as one
column (a Python list ready for numpy), checking every column's types at once. A unit
whose site was decoded, or whose stored values are not all plain (a site ``extra``, a
value of an unexpected type), is marked not handled; the caller reads its site instead.

In the stored text a decimal is a JSON number literal, and ``float`` of that literal
equals ``float`` of the Decimal, so the columns equal those built from the decoded site.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from itertools import chain, repeat
from typing import Any

from ..model import Unit
from ..pacing import PACE_ITEMS, pace
from ..site_columns import (
    ENTRY_CODES,
    SITE_COLUMNS,
    code_of_row,
    decode_site_codes,
    text_check,
)
from .lazy import stored_part, stored_sites_and_codes

_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]  # the C scanner: (value, end)
_NONE = type(None)
_FLAGS = {
    "inside_red_line": "inside_red_line",
    "occupies_private_courtyard": "occupies_private_courtyard",
    "sunlight_below_standard": "sunlight_below_standard",
}
_LENGTHS = {
    "fire_lane_width_after_m": "fire_lane_width_after_m",
    "distance_to_neighbour_m": "distance_to_neighbour_m",
    "corridor_depth_m": "corridor_depth_m",
}
_MM = {"pit_depth_mm": "pit_depth_available_mm", "headroom_mm": "headroom_available_mm"}
_FLAG_CODES = {None: -1, False: 0, True: 1}
_NAN = float("nan")
_CHUNK = 4096
_SCAN_CHARS = 200_000
"""At most this many characters of stored text per call of the C scanner: the call holds
the interpreter lock, and a census in a background thread must let the window run (about
4–10 ms a call; a chunk of 4,096 sites with plans took 0.4 s). App default."""
_NO_EXTRA = '"extra":{}}'
"""How a stored site text ends when its ``extra`` is empty (the store writes ``extra``
last, without spaces). A text ending otherwise has a plan or a car size, or was written
differently: it is not scanned (its site is read in full; scanning would be wasted)."""

_CODES_PER_CALL = 4096
"""At most this many codes are decoded in one call (400 KB of text, ≈ 2.5 ms holding the
interpreter lock). App default."""


def coded_site_columns(units: Sequence[Unit]) -> tuple[list[int], Any]:
    """The units whose site is still the stored text with its code, and their
    :data:`SITE_COLUMNS` as one numpy record array (decoded from the codes; see
    :mod:`elevator_eval.site_columns`). A code whose text check is not its text's (a site
    edited by another program) is left out; no unit is listed when a code is malformed
    (the caller then reads the stored texts)."""
    import numpy as np  # lazy: numpy is not needed to start the app

    texts: list[str | None] = []
    codes: list[str | None] = []
    for start in range(0, len(units), PACE_ITEMS):
        pace()
        t, c = stored_sites_and_codes(units[start : start + PACE_ITEMS])
        texts += t
        codes += c
    index = [i for i, c in enumerate(codes) if c]
    if not index:
        return [], None
    present: list[str] = [codes[i] for i in index]  # type: ignore[misc]
    parts: list[Any] = []
    checks: list[int] = []
    try:
        for start in range(0, len(index), _CODES_PER_CALL):
            pace()
            part = index[start : start + _CODES_PER_CALL]
            parts.append(decode_site_codes(present[start : start + _CODES_PER_CALL]))
            checks += map(text_check, [texts[i] for i in part])  # type: ignore[arg-type]
    except ValueError:
        return [], None
    values = parts[0] if len(parts) == 1 else np.concatenate(parts)
    same = values["text_crc32"] == np.array(checks, dtype=np.uint32)
    if not same.all():
        index = [i for i, ok in zip(index, same.tolist()) if ok]
        values = values[same]
    return index, values


def site_codes(units: Sequence[Unit]) -> list[str]:
    """The census code of each unit's site made from its stored text (units read from a
    file before the file kept codes); ``""`` for a site the text cannot give one
    (a plan, a car size, a value of another type or beyond the code's widths)."""
    try:
        cols, handled = stored_site_columns(units, ENTRY_CODES)
    except ValueError:  # a stored text that is not one JSON object
        return [""] * len(units)
    rows = zip(*(cols[k] for k in SITE_COLUMNS))
    texts = [stored_part(u, "site") for u in units]
    return [code_of_row(row, t) if ok else "" for row, ok, t in zip(rows, handled, texts)]


def _scan_part(texts: list[str]) -> list[tuple[Any, int]]:
    """``(value, end)`` of each text by the C scanner, in one call that holds the
    interpreter lock (a StopIteration, a text that is not JSON, ends the list early)."""
    return list(map(_SCAN, texts, [0] * len(texts)))


def _decoded(texts: list[str]) -> list[dict[str, Any]]:
    """Each stored text as a dict; raises ValueError unless every text is one JSON object
    and nothing else."""
    found: list[tuple[Any, int]] = []
    start, size = 0, 0
    for i, t in enumerate(texts):  # one C call per _SCAN_CHARS characters
        size += len(t)
        if size >= _SCAN_CHARS or i == len(texts) - 1:
            pace()
            found += _scan_part(texts[start : i + 1])
            start, size = i + 1, 0
    if len(found) != len(texts) or [e for _, e in found] != list(map(len, texts)):
        raise ValueError("a stored site text is not one JSON object")
    sites = [d for d, _ in found]
    if set(map(type, sites)) != {dict}:
        raise ValueError("a stored site text is not one JSON object")
    return sites


def _mark(bad: list[bool], values: list[Any], allowed: set[type]) -> None:
    """Mark the rows whose value's type is not ``allowed`` (one set test when all are)."""
    types = list(map(type, values))
    if not set(types) <= allowed:
        for i, t in enumerate(types):
            if t not in allowed:
                bad[i] = True


def _footprint(fp: Any) -> tuple[float, float] | None:
    """The two sides of a stored footprint ``{"$t": [w, d]}``; None when not plain."""
    if type(fp) is not dict or len(fp) != 1:
        return None
    v = fp.get("$t")
    if type(v) is not list or len(v) != 2 or not all(type(x) in (float, int) for x in v):
        return None
    return float(v[0]), float(v[1])


def _pipes(sites: list[dict[str, Any]], bad: list[bool]) -> tuple[list[bool], list[int]]:
    """``has_gas`` and ``n_other_pipes`` columns (a list of str, or None)."""
    pipes: list[Any] = list(map(dict.get, sites, repeat("pipes_in_footprint")))
    _mark(bad, pipes, {list, _NONE})
    if set(map(type, chain.from_iterable(p for p in pipes if type(p) is list))) - {str}:
        for i, p in enumerate(pipes):
            if type(p) is list and not all(type(x) is str for x in p):
                bad[i] = True
    pipes = [p if type(p) is list and not bad[i] else [] for i, p in enumerate(pipes)]
    return ["gas" in p for p in pipes], [len(p) - p.count("gas") for p in pipes]


def _footprints(sites: list[dict[str, Any]], bad: list[bool]) -> tuple[list[float], list[float]]:
    fps = list(map(dict.get, sites, repeat("footprint_available_m")))
    sides = [(_NAN, _NAN) if fp is None else _footprint(fp) for fp in fps]
    for i, s in enumerate(sides):
        if s is None:
            bad[i] = True
    return [s[0] if s else _NAN for s in sides], [s[1] if s else _NAN for s in sides]


def _columns(
    sites: list[dict[str, Any]], entry_codes: dict[str | None, int], bad: list[bool]
) -> dict[str, list[Any]]:
    """Every column of the plain values; rows found not plain are marked in ``bad``."""
    cols: dict[str, list[Any]] = {}
    for key, name in _FLAGS.items():
        vals = list(map(dict.get, sites, repeat(name)))
        _mark(bad, vals, {bool, _NONE})
        cols[key] = [_FLAG_CODES[v] if type(v) in (bool, _NONE) else -1 for v in vals]
    for key, name in _LENGTHS.items():
        vals = list(map(dict.get, sites, repeat(name)))
        _mark(bad, vals, {float, int, _NONE})
        cols[key] = [v if type(v) in (float, int) else _NAN for v in vals]
    for key, name in _MM.items():
        vals = list(map(dict.get, sites, repeat(name)))
        _mark(bad, vals, {int, _NONE})
        cols[key] = [v if type(v) is int else -1 for v in vals]
    modes = list(map(dict.get, sites, repeat("entry_mode")))
    _mark(bad, modes, {str, _NONE})
    cols["entry_mode"] = [entry_codes.get(m, 0) if type(m) in (str, _NONE) else 0 for m in modes]
    cols["has_gas"], cols["n_other_pipes"] = _pipes(sites, bad)
    cols["footprint_w_m"], cols["footprint_d_m"] = _footprints(sites, bad)
    for i, d in enumerate(sites):
        if d.get("extra"):  # a plan or a car size: read the decoded site
            bad[i] = True
    cols["car_w_m"] = cols["car_d_m"] = [_NAN] * len(sites)
    return cols


def stored_site_columns(
    units: Sequence[Unit], entry_codes: dict[str | None, int]
) -> tuple[dict[str, list[Any]], list[bool]]:
    """The :data:`SITE_COLUMNS` of ``units`` from their stored site text.

    Parameters
    ----------
    units : sequence of Unit
    entry_codes : dict
        The code of each ``entry_mode`` (an unknown mode is 0).

    Returns
    -------
    columns : dict of str to list
        One list per column, a value per unit (booleans -1/0/1, lengths in m with NaN for
        not surveyed, mm with -1 for not surveyed).
    handled : list of bool
        Whether the unit's values came from its stored text; the other units' values in
        ``columns`` are placeholders and must be read from their decoded site.

    Raises
    ------
    ValueError
        when a stored site text is not one JSON object.
    """
    texts: list[str | None] = []
    for start in range(0, len(units), PACE_ITEMS):
        pace()
        texts += [stored_part(u, "site") for u in units[start : start + PACE_ITEMS]]
    texts = [t if t is not None and t.endswith(_NO_EXTRA) else None for t in texts]
    bad = [t is None for t in texts]
    cols: dict[str, list[Any]] = {k: [] for k in SITE_COLUMNS}
    for start in range(0, len(texts), _CHUNK):  # the decoded dicts of a chunk die with it
        part = texts[start : start + _CHUNK]
        part_bad = bad[start : start + _CHUNK]
        sites = _decoded([t if t is not None else "{}" for t in part])
        for k, col in _columns(sites, entry_codes, part_bad).items():
            cols[k] += col
        bad[start : start + _CHUNK] = part_bad
    return cols, [not b for b in bad]
