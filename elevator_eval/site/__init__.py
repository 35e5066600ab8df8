"""Site plan engine: the ``site.plan`` section of a unit file measured instead of typed.

Modules
-------
plan
    Parse and validate ``site.plan`` (polygons checked with shapely; bad input names the
    field, e.g. ``site.plan.buildings[1].footprint``).
sun
    Sun position by the Chinese calculation convention (fixed declination, true solar time).
sunlight_rules
    GB 50180-2018 Table 4.0.9 and the bundled city table as rules data.
sunlight
    Hours of sun per window before and after the shaft, vectorised over windows × minutes.
measure
    Spatial values measured from the plan (red line, neighbour distance, fire lane, pipes,
    courtyards, sunlight) that override the typed survey values.
placement
    Shaft placement helper: candidate positions checked one by one.
"""
