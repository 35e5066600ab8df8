"""Sun position by the Chinese sunlight-calculation convention.

A fixed solar declination for the standard day and true solar time (hour angle 0 at true
noon, 15° per hour), at the plan's latitude. Azimuth is measured clockwise from true north
(90 = east, 180 = south), as the plan's ``facing_deg``.

References
----------
GB 50180-2018 Table 4.0.9 (true solar time bands); the spherical-astronomy formulas
sin h = sin φ sin δ + cos φ cos δ cos H and the horizontal components below (any textbook,
e.g. Duffie & Beckman, *Solar Engineering of Thermal Processes*, §1.6).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]


def hour_angle_deg(true_solar_h: npt.ArrayLike) -> Floats:
    """Hour angle [°] for true solar time [h]: 15° per hour, 0 at true noon, negative in
    the morning."""
    return 15.0 * (np.asarray(true_solar_h, dtype=float) - 12.0)


def sun_vectors(lat_deg: float, declination_deg: float, hour_angle: npt.ArrayLike) -> Floats:
    """Unit vectors towards the sun, shape ``(T, 3)`` as (east, north, up).

    Parameters
    ----------
    lat_deg : float
        Latitude [°], north positive.
    declination_deg : float
        Solar declination [°].
    hour_angle : array_like
        Hour angles [°].
    """
    phi, delta = np.radians(lat_deg), np.radians(declination_deg)
    h = np.radians(np.asarray(hour_angle, dtype=float))
    east = -np.cos(delta) * np.sin(h)
    north = np.cos(phi) * np.sin(delta) - np.sin(phi) * np.cos(delta) * np.cos(h)
    up = np.sin(phi) * np.sin(delta) + np.cos(phi) * np.cos(delta) * np.cos(h)
    return np.stack([east, north, up], axis=-1)
