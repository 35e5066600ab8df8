"""Units read from a project file whose stored JSON parts are decoded on first use.

Opening a large project spends most of its time decoding the tagged JSON of every unit's
site, costs, subsidies, share and ``extra`` and building every household. A
:class:`LazyUnit` keeps the stored text (households included) and decodes a part the
first time it is read; after that it behaves exactly like a :class:`~elevator_eval.model.Unit`
(same fields, equal to a ``Unit`` with the same values, copied and pickled with what it
holds). Assigning a part replaces the stored text. A save writes a part that was never
read back as its stored text (:func:`stored_part`).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from typing import Any

from ..model import BuildingInfo, Costs, ShareSettings, Site, Unit
from .codec import dc_from, loads_tagged
from .households import decode_households

_COMPARED = tuple(f.name for f in fields(Unit) if f.compare)


def _site(text: str) -> Site:
    return dc_from(Site, loads_tagged(text))


def _costs(text: str) -> Costs:
    return dc_from(Costs, loads_tagged(text))


def _share(text: str) -> ShareSettings:
    return dc_from(ShareSettings, loads_tagged(text))


def _lazy(name: str, decode: Callable[[Any], Any]) -> property:
    """A field stored as ``_raw_<name>`` until it is first read."""
    raw = f"_raw_{name}"

    def get(self: Unit) -> Any:
        d = self.__dict__
        try:
            return d[name]
        except KeyError:
            value = d[name] = decode(d[raw])
            del d[raw]
            return value

    def set_(self: Unit, value: Any) -> None:
        self.__dict__.pop(raw, None)
        self.__dict__[name] = value

    return property(get, set_, doc=f"``{name}``, decoded from the file on first use.")


class LazyUnit(Unit):
    """A :class:`~elevator_eval.model.Unit` whose stored parts are decoded on first use.

    Build one with :func:`lazy_unit`; everything else treats it as a ``Unit``.
    """

    site = _lazy("site", _site)
    costs = _lazy("costs", _costs)
    subsidies = _lazy("subsidies", loads_tagged)
    share = _lazy("share", _share)
    extra = _lazy("extra", loads_tagged)
    households = _lazy("households", decode_households)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Unit):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in _COMPARED)

    __hash__ = None  # type: ignore[assignment]  # mutable, like Unit


PARTS = ("site", "costs", "subsidies", "share", "extra", "households")
"""The stored parts of a unit (kept as ``_raw_<part>`` until first read)."""


def add_lazy_units(
    rows: list[tuple[Any, ...]],
    buildings: dict[int, Any],
    own_info: Callable[[str], BuildingInfo],
    codes_current: bool = True,
) -> None:
    """Append a :class:`LazyUnit` per ``units`` table row to its building (``buildings``
    by key). The stored parts stay text (``site``, ``costs``, ``subsidies``, ``share``,
    ``extra``: JSON; ``households``: the JSON column of :mod:`.households`); the stored
    ``entry_mode`` column is kept to be written back while the site is not decoded, and
    the site's census code (``units.site_code``) while it is, when ``codes_current`` (the
    file's codes are of this app's derivation, :data:`~elevator_eval.site_columns.SITE_CODE_VERSION`).
    ``own_info`` decodes a unit's own building data. One dict per row, built at once."""
    new = LazyUnit.__new__
    for (
        _pk,
        bpk,
        uid,
        name,
        rules,
        rules_given,
        scheme,
        entry,
        own,
        site,
        costs,
        subs,
        share,
        extra,
        suit,
        households,
        code,
    ) in rows:
        b = buildings[bpk]
        u = new(LazyUnit)
        u.__dict__ = {
            "id": uid,
            "name": name,
            "rules": rules,
            "rules_given": bool(rules_given),
            "suitability_rules": suit,
            "scheme_version": scheme,
            "building": b.info if own is None else own_info(own),
            "_raw_site": site,
            "_raw_costs": costs,
            "_raw_subsidies": subs,
            "_raw_share": share,
            "_raw_extra": extra,
            "_raw_households": households,
            "_stored_entry_mode": entry,
            "_stored_site_code": code if codes_current else None,
        }
        b.units.append(u)


def stored_part(unit: Unit, name: str) -> Any:
    """The stored text of ``unit``'s part ``name`` while it is not decoded yet, else None
    (also for a unit that was not read from a file). Readers that need a few plain values
    of many units (the census) may parse it themselves instead of building the part; a
    save writes it back as it is (no decode/encode round trip)."""
    return unit.__dict__.get(f"_raw_{name}") if isinstance(unit, LazyUnit) else None


def stored_site_code(unit: Unit) -> str | None:
    """The census code of ``unit``'s site (see :mod:`elevator_eval.site_columns`) as the
    file holds it, while the site is still its stored text: ``""`` for a site that has no
    code; None when the site was decoded (it may have changed), the unit was not read from
    a file, or the file's codes are of another derivation."""
    return stored_sites_and_codes([unit])[1][0]


def stored_sites_and_codes(units: Sequence[Unit]) -> tuple[list[str | None], list[str | None]]:
    """:func:`stored_part` ``(unit, "site")`` and :func:`stored_site_code` of many units at
    once (two lookups a unit, for the census of a large project)."""
    dicts = [u.__dict__ for u in units]
    texts: list[str | None] = [d.get("_raw_site") for d in dicts]
    codes: list[str | None] = [
        d.get("_stored_site_code") if t is not None else None for d, t in zip(dicts, texts)
    ]
    return texts, codes


def stored_entry_mode(unit: Unit) -> str | None:
    """``site.entry_mode`` of a unit whose site is still its stored text (the file's
    ``units.entry_mode`` column), without decoding the site; read the site otherwise."""
    if stored_part(unit, "site") is not None:
        mode: str | None = unit.__dict__.get("_stored_entry_mode")
        return mode
    return unit.site.entry_mode


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector (restored as it was afterwards).

    For work that makes hundreds of thousands of objects that stay alive (reading a
    project, a census of every unit): each collection pass would only walk them again,
    which costs about as much as the work itself on a 100,000-unit project.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
