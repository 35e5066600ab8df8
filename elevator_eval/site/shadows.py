"""Ground shadows of the plan's prisms at one moment of the standard day (for drawing).

A prism of height h casts on flat ground the union of its footprint, the footprint moved
by h · (−sun_east, −sun_north) / sun_up, and the quadrilaterals swept by its edges.
"""

from __future__ import annotations

import numpy as np

from .plan import Plan, Prism
from .sun import hour_angle_deg, sun_vectors
from .sunlight_rules import SunRules, resolve


def shadow_offset(
    lat_deg: float, declination_deg: float, true_solar_h: float
) -> tuple[float, float] | None:
    """Ground displacement [m per m of height] of a shadow, or ``None`` with the sun down."""
    v = sun_vectors(lat_deg, declination_deg, hour_angle_deg(true_solar_h))
    if v[2] <= 1e-6:
        return None
    return float(-v[0] / v[2]), float(-v[1] / v[2])


def prism_shadow(prism: Prism, offset: tuple[float, float]) -> list[tuple[float, float]]:
    """Outline [m] of one prism's ground shadow (a polygon's exterior, not closed)."""
    from shapely.affinity import translate
    from shapely.geometry import Polygon
    from shapely.ops import unary_union

    dx, dy = offset[0] * prism.height_m, offset[1] * prism.height_m
    fp = Polygon(prism.footprint)
    pts = np.asarray(prism.footprint)
    quads = [
        Polygon([a, b, (b[0] + dx, b[1] + dy), (a[0] + dx, a[1] + dy)])
        for a, b in zip(pts, np.roll(pts, -1, axis=0))
    ]
    g = unary_union([fp, translate(fp, dx, dy), *[q.buffer(0) for q in quads]])
    if g.geom_type != "Polygon":
        g = g.convex_hull
    return list(g.exterior.coords)[:-1]


def shadows(
    plan: Plan,
    true_solar_h: float,
    rules: SunRules | None = None,
    *,
    with_shaft: bool = True,
    shaft: Prism | None = None,
) -> dict[str, list[tuple[float, float]]]:
    """Shadow outlines by prism id (``"shaft"`` for the shaft) at ``true_solar_h`` [h];
    empty when the sun is down or the plan has no location."""
    if not plan.location:
        return {}
    rules = rules or resolve(plan)
    off = shadow_offset(float(plan.location["lat"]), rules.declination_deg, true_solar_h)
    if off is None:
        return {}
    out = {b.id: prism_shadow(b, off) for b in plan.buildings}
    s = shaft if shaft is not None else plan.shaft
    if with_shaft and s is not None:
        out["shaft"] = prism_shadow(s, off)
    return out
