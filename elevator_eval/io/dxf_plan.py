"""Import a site plan from a DXF survey (ezdxf): closed polylines on named layers.

Layers (case-insensitive; Chinese or English names, a prefix is enough):

| layer | becomes | notes |
|---|---|---|
| ``OWN`` / ``本楼`` | the own building | exactly one closed polyline |
| ``BUILDING`` / ``NEIGHBOUR`` / ``建筑`` / ``邻楼`` | neighbouring buildings | closed polylines |
| ``SHAFT`` / ``井道`` | the shaft | at most one |
| ``REDLINE`` / ``RED_LINE`` / ``红线`` | the red line | closed polyline |
| ``FIRE_LANE`` / ``消防车道`` | the fire lane | an open polyline; width from a text ``4.0`` / ``宽4m`` near it, or the polyline's constant width |
| ``PIPE_<TYPE>`` / ``管线_<类型>`` | pipes | open polylines; type ``gas``/``燃气``, ``water``/``给水`` … |
| ``COURTYARD`` / ``庭院`` | private courtyards | closed polylines; a text inside gives the door number |

Heights of buildings and the shaft come from a TEXT/MTEXT inside the footprint (``18.0``,
``18m``, ``H=18``; ``6F`` or ``6层`` = floors × the floor height), or from an attribute
``HEIGHT``/``高度`` (metres) or ``FLOORS``/``层数`` of a block inserted inside it; a
non-numeric text inside a building names it. Units from the header ``$INSUNITS``
(millimetres are converted to metres); unitless drawings are read as metres.
Bad or incomplete input raises :class:`~elevator_eval.errors.InputError` naming the layer
and the entity handle.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..site.plan import parse_plan
from ..unitfile_write import dumps_json

ROLE_PREFIXES = (
    ("own", ("own", "本楼")),
    ("shaft", ("shaft", "井道")),
    ("red_line", ("redline", "red_line", "红线")),
    ("fire_lane", ("fire_lane", "firelane", "消防车道")),
    ("pipe", ("pipe", "管线")),
    ("courtyard", ("courtyard", "庭院")),
    ("building", ("building", "neighbour", "neighbor", "建筑", "邻楼")),
)
PIPE_TYPES = {
    "燃气": "gas",
    "给水": "water",
    "排水": "drainage",
    "电力": "power",
    "通信": "telecom",
    "暖气": "heating",
    "供热": "heating",
}
UNIT_SCALE = {0: 1.0, 1: 0.0254, 2: 0.3048, 4: 0.001, 5: 0.01, 6: 1.0}
"""``$INSUNITS`` code → metres per drawing unit (0 = unitless, read as metres)."""

_HEIGHT = re.compile(r"^(?:H\s*=\s*)?(\d+(?:\.\d+)?)\s*(?:m|米)?$", re.IGNORECASE)
_FLOORS = re.compile(r"^(\d+)\s*(?:F|层)$", re.IGNORECASE)


def layer_role(layer: str) -> tuple[str | None, str | None]:
    """(role, pipe type) of a layer name, or (None, None) for other layers."""
    name = layer.strip().lower()
    for role, prefixes in ROLE_PREFIXES:
        for p in prefixes:
            if name.startswith(p):
                if role == "pipe":
                    rest = name[len(p) :].lstrip("_- ")
                    return role, PIPE_TYPES.get(rest, rest or "other")
                return role, None
    return None, None


def _texts(msp) -> list[tuple[float, float, str]]:
    out = []
    for e in msp.query("TEXT MTEXT"):
        try:
            x, y = e.dxf.insert.x, e.dxf.insert.y
            text = e.plain_text() if e.dxftype() == "MTEXT" else e.dxf.text
        except AttributeError:
            continue
        out.append((x, y, text.strip()))
    for ins in msp.query("INSERT"):
        for a in getattr(ins, "attribs", []):
            out.append(
                (
                    ins.dxf.insert.x,
                    ins.dxf.insert.y,
                    f"@{a.dxf.tag.strip().upper()}={a.dxf.text.strip()}",
                )
            )
    return out


def _height(text: str, floor_h_m: float) -> float | None:
    if text.startswith("@"):
        tag, _, val = text[1:].partition("=")
        try:
            v = float(val.strip().rstrip("m米"))
        except ValueError:
            return None
        if tag in ("HEIGHT", "高度", "H"):
            return v
        if tag in ("FLOORS", "层数", "STOREYS"):
            return v * floor_h_m
        return None
    m = _HEIGHT.match(text)
    if m:
        return float(m.group(1))
    m = _FLOORS.match(text)
    if m:
        return int(m.group(1)) * floor_h_m
    return None


def _points(e, scale: float) -> list[list[float]]:
    if e.dxftype() == "LWPOLYLINE":
        pts = [(p[0], p[1]) for p in e.get_points("xy")]
    else:
        pts = [(v.dxf.location.x, v.dxf.location.y) for v in e.vertices]
    return [[round(x * scale, 3), round(y * scale, 3)] for x, y in pts]


def _closed(e) -> bool:
    return bool(e.closed) if e.dxftype() == "LWPOLYLINE" else bool(e.is_closed)


CLOSED_ROLES = ("own", "shaft", "red_line", "building", "courtyard")
"""Layers whose polylines must be closed."""

LANE_LABEL_DISTANCE = 10
"""A width text belongs to the fire lane when it is nearer than this to the lane's line
[drawing units after scaling, m] (app default)."""


def _read(path: str | Path):
    """The DXF document at ``path``; InputError ``dxf`` when unreadable or malformed."""
    import ezdxf  # lazy: slow to import, needed only for a DXF import

    try:
        return ezdxf.readfile(str(path))
    except OSError as e:
        raise InputError("dxf", f"cannot read {Path(path).name}: {e}") from None
    except ezdxf.DXFStructureError as e:
        raise InputError("dxf", f"{Path(path).name} is not a valid DXF file ({e})") from None
    except Exception as e:  # a damaged file trips the reader anywhere (a cut file, bad numbers)
        raise InputError(
            "dxf", f"{Path(path).name} is not a valid DXF file ({type(e).__name__})"
        ) from None


def _by_role(msp, scale: float) -> dict[str, list[dict[str, Any]]]:
    """The polylines of each known layer role: ``{"where", "pts", "entity", "kind"}``."""
    roles: dict[str, list[dict[str, Any]]] = {r: [] for r, _ in ROLE_PREFIXES}
    for e in msp.query("LWPOLYLINE POLYLINE"):
        role, kind = layer_role(e.dxf.layer)
        if role is None:
            continue
        where = f"dxf layer {e.dxf.layer} entity {e.dxf.handle}"
        if role in CLOSED_ROLES and not _closed(e):
            raise InputError(where, "must be a closed polyline")
        roles[role].append({"where": where, "pts": _points(e, scale), "entity": e, "kind": kind})
    if len(roles["own"]) != 1:
        raise InputError(
            "dxf",
            f"needs exactly one closed polyline on the OWN/本楼 layer, found {len(roles['own'])}",
        )
    if len(roles["shaft"]) > 1:
        raise InputError(
            "dxf", f"at most one shaft (SHAFT/井道 layer), found {len(roles['shaft'])}"
        )
    return roles


def _inside(texts, pts) -> list[str]:
    """The texts placed inside the polygon ``pts``."""
    from shapely.geometry import Point, Polygon  # lazy: slow to import

    poly = Polygon(pts)
    return [t for x, y, t in texts if poly.is_valid and poly.contains(Point(x, y))]


def _prism(item, pid: str, texts, floor_h_m: float, own_flag: bool = False) -> dict:
    """A building (or the shaft) with its height and name from the texts inside it."""
    inside = _inside(texts, item["pts"])
    hs = [h for t in inside if (h := _height(t, floor_h_m)) is not None]
    if not hs:
        raise InputError(
            item["where"],
            "has no height: put a text such as 18.0 or 6F "
            "inside it, or a block with a HEIGHT attribute",
        )
    names = [t for t in inside if not t.startswith("@") and _height(t, floor_h_m) is None]
    out = {"id": names[0] if names else pid, "footprint": item["pts"], "height_m": round(hs[0], 3)}
    if own_flag:
        out["own"] = True
    return out


def _lane_width(item, texts, scale: float) -> float:
    """The fire lane's width [m]: the polyline's constant width, else a text near it."""
    from shapely.geometry import LineString, Point  # lazy: slow to import

    e = item["entity"]
    if e.dxftype() == "LWPOLYLINE" and e.dxf.hasattr("const_width") and e.dxf.const_width:
        return e.dxf.const_width * scale
    line = LineString(item["pts"])
    near = [(line.distance(Point(x, y)), t) for x, y, t in texts]
    for _d, t in sorted(near):
        m = re.search(r"(\d+(?:\.\d+)?)\s*m?", t.replace("宽", ""))
        if _d < LANE_LABEL_DISTANCE and m:
            return float(m.group(1))
    raise InputError(
        item["where"],
        "has no width: give the polyline a constant width or put a text such as 4.0 beside it",
    )


def _check_plan(plan: dict[str, Any]) -> None:
    """Validate the plan as the unit file would (InputError naming the field)."""
    parse_plan(json.loads(dumps_json(plan), parse_float=Decimal), "dxf plan")


def plan_from_dxf(path: str | Path, *, floor_h_m: float = 2.9) -> dict[str, Any]:
    """Read a DXF site survey into a ``site.plan`` dict (no location, no windows).

    Raises
    ------
    InputError
        ``dxf`` or ``dxf layer …`` naming what is missing or malformed.
    """
    doc = _read(path)
    try:
        return _plan(doc, floor_h_m)
    except InputError:
        raise
    except Exception as e:  # entities damaged past what the reader checks (bad numbers, …)
        raise InputError(
            "dxf", f"{Path(path).name} holds entities that cannot be read ({type(e).__name__})"
        ) from None


def _plan(doc, floor_h_m: float) -> dict[str, Any]:
    """The ``site.plan`` dict of a DXF document read by :func:`_read`."""
    scale = UNIT_SCALE.get(int(doc.header.get("$INSUNITS", 0)), 1.0)
    msp = doc.modelspace()
    texts = [(x * scale, y * scale, t) for x, y, t in _texts(msp)]
    r = _by_role(msp, scale)
    plan: dict[str, Any] = {"buildings": [_prism(r["own"][0], "self", texts, floor_h_m, True)]}
    plan["buildings"] += [
        _prism(b, f"B{i + 1}", texts, floor_h_m) for i, b in enumerate(r["building"])
    ]
    if r["shaft"]:
        s = _prism(r["shaft"][0], "shaft", texts, floor_h_m)
        plan["shaft"] = {"footprint": s["footprint"], "height_m": s["height_m"]}
    if r["red_line"]:
        plan["red_line"] = r["red_line"][0]["pts"]
    if r["fire_lane"]:
        width = _lane_width(r["fire_lane"][0], texts, scale)
        plan["fire_lane"] = {"line": r["fire_lane"][0]["pts"], "width_m": round(width, 3)}
    if r["pipe"]:
        plan["pipes"] = [{"type": p["kind"] or "other", "line": p["pts"]} for p in r["pipe"]]
    if r["courtyard"]:
        plan["courtyards"] = [
            {"household": (_inside(texts, c["pts"]) or [""])[0], "polygon": c["pts"]}
            for c in r["courtyard"]
        ]
    _check_plan(plan)
    return plan
