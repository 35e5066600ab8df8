"""A plan's ``sunlight_rules`` that give only the day: the hours come from the plan's city
row of GB 50180-2018 Table 4.0.9 when it is for that day, else from the table's one value
for the day (site-plan spec §3: the plan, then the city table, then 大寒日 ≥ 2 h).

Table 4.0.9 (geometry reference §7.1): zone IV, large city (Guangzhou) 大寒日 ≥ 3 h;
冬至日 is always ≥ 1 h; 大寒日 without a city is the default 2 h."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from elevator_eval.site.sunlight_rules import resolve

GUANGZHOU = {"climate_zone": "IV", "population": "large", "city": "广州"}


@pytest.mark.parametrize(
    ("rules", "location", "day", "hours"),
    [
        ({"standard_day": "dahan"}, GUANGZHOU, "dahan", Decimal(3)),  # the city's row
        ({"standard_day": "dongzhi"}, GUANGZHOU, "dongzhi", Decimal(1)),  # not its day
        ({"standard_day": "dongzhi"}, None, "dongzhi", Decimal(1)),
        ({"standard_day": "dahan"}, None, "dahan", Decimal(2)),
        ({"min_hours": Decimal("1.5")}, GUANGZHOU, "dahan", Decimal("1.5")),
        ({"standard_day": "dongzhi", "min_hours": Decimal(2)}, None, "dongzhi", Decimal(2)),
    ],
)
def test_what_the_plan_leaves_out(rules, location, day, hours):
    r = resolve(SimpleNamespace(sunlight_rules=rules, location=location))
    assert (r.standard_day, r.min_hours, r.origin) == (day, hours, "plan")
