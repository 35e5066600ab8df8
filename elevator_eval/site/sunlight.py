"""Hours of sun per window on the standard day, before and after the shaft.

Site-plan contract §3. Each window's calculation point is its sill centre moved 0.01 m
outward along ``facing_deg``. At each time step (1 minute by default, sampled at the step's
middle) inside the band, the window has sun when the sun is above the horizon, in front of
the window (horizontal angle between the sun's azimuth and ``facing_deg`` below 90°, or
below 90° − the ruleset's minimum horizontal angle) and the ray to the sun meets no prism
(every building, the window's own included; the shaft too for "after").

The ray test is exact for prisms: the ray's horizontal projection crosses an edge of a
footprint at horizontal distance *s*; the ray is at height z + s · tan(altitude) there, and
the prism blocks it when that height is below the prism's height (the first crossing is the
entry, and the ray only rises, so any crossing below the roof means the entry is too).
Everything is vectorised with numpy over windows × time steps × edges, in chunks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import InputError
from ..pacing import pace
from .plan import Plan, PlanWindow, Prism
from .sun import Floats, hour_angle_deg, sun_vectors
from .sunlight_rules import STANDARD, SunRules, resolve

Bools = npt.NDArray[np.bool_]

OFFSET_M = 0.01
"""Calculation point moved outward from the façade [m] (contract §3)."""

CHUNK_ELEMENTS = 2_000_000
"""Windows are processed in chunks of about this many window × step × edge elements."""


@dataclass(frozen=True)
class WindowSunlight:
    """Sun on one window: minutes before and after the shaft, and the standard."""

    id: str
    building: str | None
    floor: int | None
    before_min: float
    after_min: float
    min_hours: Decimal

    @property
    def before_h(self) -> float:
        return self.before_min / 60.0

    @property
    def after_h(self) -> float:
        return self.after_min / 60.0

    @property
    def lost_h(self) -> float:
        return (self.before_min - self.after_min) / 60.0

    def shown_h(self) -> tuple[str, str, str]:
        """Hours before, after and lost as printed, with 2 decimals: the loss is the
        printed before less the printed after, so that a table's columns subtract
        (4.28 − 1.87 = 2.41, where 145 minutes rounded on their own read 2.42)."""
        before, after = f"{self.before_h:.2f}", f"{self.after_h:.2f}"
        return before, after, f"{Decimal(before) - Decimal(after):.2f}"

    @property
    def meets_before(self) -> bool:
        return Decimal(str(self.before_min)) >= self.min_hours * 60

    @property
    def meets_after(self) -> bool:
        return Decimal(str(self.after_min)) >= self.min_hours * 60

    def to_json(self) -> dict[str, Any]:
        """Contract keys (decimal hours written with 4 decimals) plus minutes and the
        window's building."""

        def h(minutes: float) -> Decimal:  # written with 4 decimals, e.g. 7.6000
            return (Decimal(repr(float(minutes))) / 60).quantize(Decimal("0.0001"))

        return {
            "id": self.id,
            "before_h": h(self.before_min),
            "after_h": h(self.after_min),
            "lost_h": h(self.before_min - self.after_min),
            "meets_before": self.meets_before,
            "meets_after": self.meets_after,
            "before_min": self.before_min,
            "after_min": self.after_min,
            "building": self.building,
            "floor": self.floor,
        }


@dataclass(frozen=True)
class SunlightResult:
    """Sunlight of every window of a plan."""

    rules: SunRules
    lat_deg: float
    windows: tuple[WindowSunlight, ...]
    step_min: float

    @property
    def below_standard(self) -> tuple[WindowSunlight, ...]:
        """Windows that meet the standard before but not after."""
        return tuple(w for w in self.windows if w.meets_before and not w.meets_after)

    @property
    def affected(self) -> tuple[WindowSunlight, ...]:
        """Windows that lose any sun."""
        return tuple(w for w in self.windows if w.after_min < w.before_min)


def time_steps(band_h: tuple[float, float], step_min: float = 1.0) -> Floats:
    """Middles of the time steps inside the band [h of true solar time]."""
    n = round((band_h[1] - band_h[0]) * 60.0 / step_min)
    return np.asarray(band_h[0] + (np.arange(n) + 0.5) * step_min / 60.0, dtype=np.float64)


def _edges(prisms: list[Prism]) -> tuple[Floats, Floats, Floats]:
    """Edge start points (E, 2), edge vectors (E, 2) and the prism height of each edge."""
    a, e, h = [], [], []
    for p in prisms:
        pts = np.asarray(p.footprint, dtype=float)
        nxt = np.roll(pts, -1, axis=0)
        a.append(pts)
        e.append(nxt - pts)
        h.append(np.full(len(pts), p.height_m))
    if not a:
        return np.zeros((0, 2)), np.zeros((0, 2)), np.zeros(0)
    return np.concatenate(a), np.concatenate(e), np.concatenate(h)


def window_points(windows: Sequence[PlanWindow]) -> tuple[Floats, Floats, Floats]:
    """Calculation points (W, 2) moved 0.01 m outward, heights (W,) and facing [rad] (W,)."""
    if not windows:
        return np.zeros((0, 2)), np.zeros(0), np.zeros(0)
    f = np.radians([w.facing_deg for w in windows])
    xy = np.array([(w.x, w.y) for w in windows], dtype=float)
    xy += OFFSET_M * np.stack([np.sin(f), np.cos(f)], axis=1)
    return xy, np.array([w.sill_height_m for w in windows], dtype=float), f


def _inside(xy: Floats, z: Floats, prisms: list[Prism]) -> Bools:
    """(W,) points standing inside a prism below its roof (blocked all day)."""
    out = np.zeros(len(xy), dtype=bool)
    if not len(xy) or not prisms:
        return out
    import shapely
    from shapely.geometry import Polygon

    pts = shapely.points(xy)
    for p in prisms:
        poly = Polygon(p.footprint)
        out |= shapely.contains(poly, pts) & (z < p.height_m)
    return out


def blocked(xy: Floats, z: Floats, prisms: list[Prism], u: Floats, tan_alt: Floats) -> Bools:
    """Whether each ray (window × step) meets one of ``prisms``: bool array (W, T).

    Parameters
    ----------
    xy, z : ndarray
        Calculation points (W, 2) and heights (W,) [m].
    prisms : list of Prism
    u : ndarray
        Horizontal unit direction towards the sun per step (T, 2).
    tan_alt : ndarray
        Tangent of the solar altitude per step (T,), positive.
    """
    n_w, n_t = len(xy), len(u)
    out = np.zeros((n_w, n_t), dtype=bool)
    a, e, h = _edges(prisms)
    if not len(a) or not n_w or not n_t:
        return out
    denom = u[:, 0:1] * e[None, :, 1] - u[:, 1:2] * e[None, :, 0]  # (T, E)
    with np.errstate(divide="ignore", invalid="ignore"):
        inv = np.where(np.abs(denom) > 1e-12, 1.0 / denom, np.nan)
    chunk = max(1, CHUNK_ELEMENTS // max(1, n_t * len(a)))
    for s0 in range(0, n_w, chunk):
        p = xy[s0 : s0 + chunk]
        d = a[None, :, :] - p[:, None, :]  # (w, E, 2)
        d_x_e = d[..., 0] * e[None, :, 1] - d[..., 1] * e[None, :, 0]  # (w, E)
        s = d_x_e[:, None, :] * inv[None, :, :]  # (w, T, E)
        r = (d[:, None, :, 0] * u[None, :, 1:2] - d[:, None, :, 1] * u[None, :, 0:1]) * inv[
            None, :, :
        ]
        need = h[None, :] - z[s0 : s0 + chunk, None]  # (w, E)
        hit = (s > 1e-9) & (r >= 0.0) & (r <= 1.0) & (s * tan_alt[None, :, None] < need[:, None, :])
        out[s0 : s0 + chunk] = hit.any(axis=2)
    out |= _inside(xy, z, prisms)[:, None]
    return out


def _drop_short_runs(lit: Bools, min_steps: float) -> Bools:
    """Clear sunlit runs shorter than ``min_steps`` steps along axis 1."""
    if min_steps <= 1:
        return lit
    out: Bools = lit.copy()
    for i in range(lit.shape[0]):
        row = np.concatenate([[False], lit[i], [False]]).astype(np.int8)
        diff = np.diff(row)
        starts, ends = np.flatnonzero(diff == 1), np.flatnonzero(diff == -1)
        for s, t in zip(starts, ends):
            if t - s < min_steps:
                out[i, s:t] = False
    return out


def analyse(
    plan: Plan,
    rules: SunRules | None = None,
    *,
    step_min: float = 1.0,
    windows: list[PlanWindow] | None = None,
    with_shaft: Prism | None = None,
    standard: str = STANDARD,
) -> SunlightResult:
    """Sunlight of the plan's windows before and after the shaft.

    Parameters
    ----------
    plan : Plan
        Needs ``location`` (latitude).
    rules : SunRules, optional
        The standard; :func:`~elevator_eval.site.sunlight_rules.resolve` by default.
    step_min : float
        Time step [min] (1 minute or finer per the contract).
    windows : list of PlanWindow, optional
        A subset of the plan's windows (all by default).
    with_shaft : Prism, optional
        A shaft to use instead of the plan's (placement helper, editor dragging).
    standard : str
        The sunlight standard's file when ``rules`` is not given (the project's
        ``settings.sunlight_standard``; GB 50180-2018 by default).

    Raises
    ------
    InputError
        ``site.plan.location`` when the plan has no location.
    """
    # Long: only through the parameter documentation; the code is 43 lines
    if not plan.location:
        raise InputError(
            "site.plan.location", 'is required for sunlight ({"lat": …, "lon": …} or {"city": …})'
        )
    rules = rules or resolve(plan, standard)
    wins = list(plan.windows if windows is None else windows)
    lat = float(plan.location["lat"])
    t = time_steps(rules.band_h, step_min)
    v = sun_vectors(lat, rules.declination_deg, hour_angle_deg(t))
    up = v[:, 2]
    horiz = np.hypot(v[:, 0], v[:, 1])
    with np.errstate(divide="ignore", invalid="ignore"):
        u = np.where(horiz[:, None] > 1e-12, v[:, :2] / horiz[:, None], 0.0)
        tan_alt = np.where(horiz > 1e-12, up / horiz, np.inf)
    above = up > 0.0
    xy, z, f = window_points(wins)
    # horizontal angle between the sun and the window normal: cos > sin(min angle)
    cos_h = u[None, :, 0] * np.sin(f)[:, None] + u[None, :, 1] * np.cos(f)[:, None]
    limit = np.sin(np.radians(rules.min_horizontal_angle_deg))
    front = (cos_h > limit) & above[None, :]
    shaft = with_shaft if with_shaft is not None else plan.shaft
    lit_before = np.zeros_like(front)
    lit_after = np.zeros_like(front)
    # windows facing the same way share the steps with the sun in front of them (the
    # facings in ascending order, as np.unique gives them: its first call loads numpy.ma,
    # ≈ 12 ms of a fresh process)
    facings = np.round(f, 9)
    for facing in sorted(set(facings.tolist())):
        pace()  # (a census in the background lets the window repaint: pacing.py)
        rows = np.flatnonzero(facings == facing)
        cols = np.flatnonzero(front[rows].any(axis=0))
        if not len(cols):
            continue
        uu, tt = u[cols], tan_alt[cols]
        sub = np.ix_(rows, cols)
        lb = front[sub] & ~blocked(xy[rows], z[rows], list(plan.buildings), uu, tt)
        lit_before[sub] = lb
        if shaft is not None:
            lb = lb & ~blocked(xy[rows], z[rows], [shaft], uu, tt)
        lit_after[sub] = lb
    min_steps = rules.min_segment_min / step_min
    lit_before = _drop_short_runs(lit_before, min_steps)
    lit_after = _drop_short_runs(lit_after, min_steps)
    before = lit_before.sum(axis=1) * step_min
    after = lit_after.sum(axis=1) * step_min
    out = tuple(
        WindowSunlight(w.id, w.building, w.floor, float(b), float(a), rules.min_hours)
        for w, b, a in zip(wins, before, after)
    )
    return SunlightResult(rules=rules, lat_deg=lat, windows=out, step_min=step_min)
