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

import re
from pathlib import Path
from typing import Any

from ..errors import InputError

ROLE_PREFIXES = (("own", ("own", "本楼")), ("shaft", ("shaft", "井道")),
                 ("red_line", ("redline", "red_line", "红线")),
                 ("fire_lane", ("fire_lane", "firelane", "消防车道")),
                 ("pipe", ("pipe", "管线")), ("courtyard", ("courtyard", "庭院")),
                 ("building", ("building", "neighbour", "neighbor", "建筑", "邻楼")))
PIPE_TYPES = {"燃气": "gas", "给水": "water", "排水": "drainage", "电力": "power",
              "通信": "telecom", "暖气": "heating", "供热": "heating"}
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
                    rest = name[len(p):].lstrip("_- ")
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
            out.append((ins.dxf.insert.x, ins.dxf.insert.y,
                        f"@{a.dxf.tag.strip().upper()}={a.dxf.text.strip()}"))
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


def plan_from_dxf(path: str | Path, *, floor_h_m: float = 2.9) -> dict[str, Any]:
    """Read a DXF site survey into a ``site.plan`` dict (no location, no windows).

    Raises
    ------
    InputError
        ``dxf`` or ``dxf layer …`` naming what is missing or malformed.
    """
    import ezdxf
    from shapely.geometry import Point, Polygon
    try:
        doc = ezdxf.readfile(str(path))
    except OSError as e:
        raise InputError("dxf", f"cannot read {Path(path).name}: {e}") from None
    except ezdxf.DXFStructureError as e:
        raise InputError("dxf", f"{Path(path).name} is not a valid DXF file ({e})") from None
    scale = UNIT_SCALE.get(int(doc.header.get("$INSUNITS", 0)), 1.0)
    msp = doc.modelspace()
    texts = [(x * scale, y * scale, t) for x, y, t in _texts(msp)]
    own, shaft, red, lane, buildings, pipes, courts = [], [], [], [], [], [], []
    for e in msp.query("LWPOLYLINE POLYLINE"):
        role, kind = layer_role(e.dxf.layer)
        if role is None:
            continue
        where = f"dxf layer {e.dxf.layer} entity {e.dxf.handle}"
        pts = _points(e, scale)
        closed_roles = ("own", "shaft", "red_line", "building", "courtyard")
        if role in closed_roles and not _closed(e):
            raise InputError(where, "must be a closed polyline")
        item = {"where": where, "pts": pts, "entity": e, "kind": kind}
        {"own": own, "shaft": shaft, "red_line": red, "fire_lane": lane,
         "building": buildings, "pipe": pipes, "courtyard": courts}[role].append(item)
    if len(own) != 1:
        raise InputError("dxf", f"needs exactly one closed polyline on the OWN/本楼 layer, "
                                f"found {len(own)}")
    if len(shaft) > 1:
        raise InputError("dxf", f"at most one shaft (SHAFT/井道 layer), found {len(shaft)}")

    def inside(pts):
        poly = Polygon(pts)
        return [t for x, y, t in texts if poly.is_valid and poly.contains(Point(x, y))]

    def prism(item, pid, own_flag=False):
        hs = [h for t in inside(item["pts"]) if (h := _height(t, floor_h_m)) is not None]
        if not hs:
            raise InputError(item["where"], "has no height: put a text such as 18.0 or 6F "
                                            "inside it, or a block with a HEIGHT attribute")
        names = [t for t in inside(item["pts"]) if not t.startswith("@")
                 and _height(t, floor_h_m) is None]
        out = {"id": names[0] if names else pid, "footprint": item["pts"],
               "height_m": round(hs[0], 3)}
        if own_flag:
            out["own"] = True
        return out

    plan: dict[str, Any] = {"buildings": [prism(own[0], "self", True)]}
    plan["buildings"] += [prism(b, f"B{i + 1}") for i, b in enumerate(buildings)]
    if shaft:
        s = prism(shaft[0], "shaft")
        plan["shaft"] = {"footprint": s["footprint"], "height_m": s["height_m"]}
    if red:
        plan["red_line"] = red[0]["pts"]
    if lane:
        e = lane[0]["entity"]
        width = None
        if e.dxftype() == "LWPOLYLINE" and e.dxf.hasattr("const_width") and e.dxf.const_width:
            width = e.dxf.const_width * scale
        if width is None:
            from shapely.geometry import LineString
            line = LineString(lane[0]["pts"])
            near = [(line.distance(Point(x, y)), t) for x, y, t in texts]
            for _d, t in sorted(near):
                m = re.search(r"(\d+(?:\.\d+)?)\s*m?", t.replace("宽", ""))
                if _d < 10 and m:
                    width = float(m.group(1))
                    break
        if width is None:
            raise InputError(lane[0]["where"], "has no width: give the polyline a constant "
                                               "width or put a text such as 4.0 beside it")
        plan["fire_lane"] = {"line": lane[0]["pts"], "width_m": round(width, 3)}
    if pipes:
        plan["pipes"] = [{"type": p["kind"] or "other", "line": p["pts"]} for p in pipes]
    if courts:
        plan["courtyards"] = [{"household": (inside(c["pts"]) or [""])[0],
                               "polygon": c["pts"]} for c in courts]
    import json
    from decimal import Decimal

    from ..site.plan import parse_plan
    from ..unitfile import dumps_json
    parse_plan(json.loads(dumps_json(plan), parse_float=Decimal), "dxf plan")
    return plan
