"""From the first show of interest to an elevator that keeps running.

The procedure of one unit after the first assessment: its stages (意向登记 … 运维) with
prerequisite rules kept as data (``rules/stages``), intent registration, the canvassing
log, objections raised during the public notice, the upkeep ledger after installation,
and the figures reported upward (per street, per year, and rolled up over a district).

Everything is kept in existing JSON columns of the project file, behind the validated
accessors of :mod:`elevator_eval.process.records`:

- ``unit.extra["process"]``: stages, blockers, objections, upkeep, location;
- ``household.extra["intent"]`` and ``household.extra["canvass"]``.
"""
