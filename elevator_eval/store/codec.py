"""Tagged JSON for the nested parts of the project file: exact ``Decimal``, floats,
tuples and integer keys; fast encoders for the model's own dataclasses."""

from __future__ import annotations

import json
import re
from dataclasses import fields
from decimal import Decimal
from typing import Any, TypeVar

from ..errors import InputError
from ..model import BuildingInfo, Costs, ShareSettings, Site

_DC = TypeVar("_DC", Site, Costs, ShareSettings, BuildingInfo)


def tag(obj: Any, where: str) -> Any:
    """Turn a value into JSON-able data that keeps its exact Python type.

    ``Decimal`` → ``{"$d": "56.30"}`` (written out as the number literal ``56.30``,
    see :func:`_literal_decimals`), float → ``{"$f": "0.1"}``, tuple → ``{"$t": [...]}``,
    a dict whose keys are not all plain strings (or start with ``$``) →
    ``{"$m": [[key, value], ...]}``. Strings, ints, booleans and None stay as they are.
    """
    t = type(obj)
    if t is str or t is int or t is bool or obj is None:
        return obj
    if t is dict:
        for k in obj:
            if type(k) is not str or k[:1] == "$":
                return {"$m": [[tag(k, where), tag(v, f"{where}.{k}")] for k, v in obj.items()]}
        return {k: tag(v, f"{where}.{k}") for k, v in obj.items()}
    if t is list:
        return [tag(v, where) for v in obj]
    if isinstance(obj, Decimal):
        if not obj.is_finite():
            raise InputError(where, f"cannot store the number {obj}")
        return {"$d": str(obj)}
    if isinstance(obj, float):
        if obj != obj or obj in (float("inf"), float("-inf")):
            raise InputError(where, f"cannot store the number {obj}")
        return {"$f": repr(float(obj))}
    if isinstance(obj, (str, int)):  # subclasses (bool is handled above)
        return str(obj) if isinstance(obj, str) else int(obj)
    if isinstance(obj, tuple):
        return {"$t": [tag(v, where) for v in obj]}
    if isinstance(obj, list):
        return [tag(v, where) for v in obj]
    if isinstance(obj, dict):
        return tag(dict(obj), where)
    raise InputError(where, f"cannot store a value of type {type(obj).__name__}")


def _untag_hook(d: dict[str, Any]) -> Any:
    if len(d) == 1:
        ((k, v),) = d.items()
        if k == "$d":
            return Decimal(v)
        if k == "$f":
            return float(v)
        if k == "$t":
            return tuple(v)
        if k == "$m":
            return {(tuple(key) if isinstance(key, list) else key): val for key, val in v}
    return d


def _default(obj: Any) -> Any:
    """Encoder hook for the model's own fields: only Decimals reach it."""
    if isinstance(obj, Decimal) and obj.is_finite():
        return {"$d": str(obj)}
    raise ValueError(f"cannot store {obj!r}")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
_FAST = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_default
)
_DECODER = json.JSONDecoder(object_hook=_untag_hook, parse_float=Decimal)
_DEC_TAG = re.compile(r'\{"\$d":"([^"]*)"\}')


def _dec_literal(m: re.Match[str]) -> str:
    text: str = m.group(1)
    if "." in text or "E" in text:
        return text
    return text + "E0"  # an integral Decimal: the exponent makes it a non-int literal


def _literal_decimals(text: str) -> str:
    """Write each ``{"$d": "…"}`` tag as a JSON number literal with a point or exponent.

    Reading with ``parse_float=Decimal`` then gives the same Decimal back (digits and
    exponent), while integers (no point, no exponent) stay ``int``; floats are tagged
    ``$f``. A tag cannot be confused with text: inside a JSON string every quote is
    escaped, and plain ``$`` keys are escaped into ``$m`` form by :func:`tag`.
    """
    return _DEC_TAG.sub(_dec_literal, text) if '{"$d":"' in text else text


def dumps_tagged(obj: Any, where: str = "value") -> str:
    """Compact tagged JSON text of ``obj`` (exact Decimals, floats, tuples and int keys)."""
    if not obj and type(obj) is dict:
        return "{}"
    return _literal_decimals(_ENCODER.encode(tag(obj, where)))


def loads_tagged(text: str) -> Any:
    """Inverse of :func:`dumps_tagged`."""
    if text == "{}":
        return {}
    return _DECODER.decode(text)


def _plain_map(m: dict[Any, Any]) -> bool:
    """A dict of str keys (not starting with ``$``) to Decimal/str/int/None values."""
    for k, v in m.items():
        if (
            type(k) is not str
            or k[:1] == "$"
            or not (type(v) is Decimal or type(v) is str or type(v) is int or v is None)
        ):
            return False
    return True


def _fast_json(d: dict[str, Any], where: str) -> str:
    """Encode a dict built from model fields: values are plain JSON, Decimals or
    already-tagged parts."""
    try:
        return _literal_decimals(_FAST.encode(d))
    except ValueError as e:
        raise InputError(where, str(e)) from None


def _map_part(m: Any, where: str) -> Any:
    if m is None:
        return None
    if type(m) is dict and _plain_map(m):
        for v in m.values():
            if type(v) is Decimal and not v.is_finite():
                raise InputError(where, f"cannot store the number {v}")
        return m
    return tag(m, where)


def site_json(s: Site, where: str) -> str:
    d = {f: getattr(s, f) for f in FIELDS[Site]}
    fp = d["footprint_available_m"]
    if fp is not None:
        d["footprint_available_m"] = tag(fp, f"{where}.footprint_available_m")
    pipes = d["pipes_in_footprint"]
    if pipes is not None and not (type(pipes) is list and all(type(x) is str for x in pipes)):
        d["pipes_in_footprint"] = tag(pipes, f"{where}.pipes_in_footprint")
    for f in ("fire_lane_width_after_m", "distance_to_neighbour_m", "corridor_depth_m"):
        v = d[f]
        if v is not None and type(v) is not Decimal:
            d[f] = tag(v, f"{where}.{f}")
    d["extra"] = tag(d["extra"], f"{where}.extra") if d["extra"] else {}
    return _fast_json(d, where)


def costs_json(c: Costs, where: str) -> str:
    d = {
        "items_yuan": _map_part(c.items_yuan, f"{where}.items_yuan"),
        "total_yuan_given": tag(c.total_yuan_given, f"{where}.total_yuan_given"),
        "annual_om_yuan": _map_part(c.annual_om_yuan, f"{where}.annual_om_yuan"),
        "extra": tag(c.extra, f"{where}.extra") if c.extra else {},
    }
    extra_fields = [f for f in FIELDS[Costs] if f not in d]
    for f in extra_fields:
        d[f] = tag(getattr(c, f), f"{where}.{f}")
    return _fast_json(d, where)


def generic_json(obj: Any, where: str) -> str:
    return _ENCODER.encode(tag({f: getattr(obj, f) for f in FIELDS[type(obj)]}, where))


FIELDS: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in fields(cls)) for cls in (Site, Costs, ShareSettings, BuildingInfo)
}


_KNOWN: dict[type, frozenset[str]] = {cls: frozenset(names) for cls, names in FIELDS.items()}


def dc_from(cls: type[_DC], d: dict[str, Any]) -> _DC:
    """``cls(**d)`` without the keys ``cls`` does not know (written by a later version)."""
    known = _KNOWN[cls]
    if known.issuperset(d):
        return cls(**d)
    return cls(**{k: v for k, v in d.items() if k in known})


def dec_text(d: Decimal | None) -> str | None:
    return None if d is None else str(d)


def dec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)
