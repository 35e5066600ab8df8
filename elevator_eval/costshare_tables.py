"""Coefficient tables and city subsidy rules as named, validated data files.

Coefficient tables live in ``elevator_eval/rules/coefficients/<name>.json``, subsidy rule
sets in ``elevator_eval/rules/subsidies/<name>.json``. Every file carries ``name``,
``title_zh``, ``title_en``, ``source`` and a ``quality`` tag (``A`` government site or state
media, ``B`` trade press or reprint, ``C`` aggregator, ``assumption`` app default); see the
domain reference §2–§3. User-defined tables and rules are kept in a project's settings
(``project.settings["coefficient_tables"]`` and ``["subsidy_rules"]``, name → the same
JSON object) and win over shipped files of the same name.

A coefficient table is one of two kinds:

``coefficient``
    ``floors``: floor → coefficient (≥ 0). Used by ``floor_coefficient_area`` (coefficient ×
    area) and ``coefficient_by_floor``. ``monotonic: true`` declares that the coefficients
    never fall with the floor; it is checked on load.
``percent``
    ``floors``: floor → percent, with ``basis`` ``per_household`` (each household on that
    floor pays that percent, as ``share.percent_by_floor``) or ``per_floor`` (the floor's
    households split that percent equally). Used by ``percent_by_household``.

A subsidy file holds ``rules``: a list of subsidy rules in the unit-file format (§4 of the
unit format plus ``storeys_tiered``), validated by :func:`elevator_eval.unitfile.parse_subsidy`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from . import ruledata
from .errors import InputError
from .money import to_decimal
from .unitfile import parse_subsidy

DEFAULT_TABLE = "app-default"
"""The table used when a unit has no ``share`` object or no coefficients: the Guangzhou
Dongpu table (domain §2.2(a)) extended below floor 3 and above floor 9 (app default)."""

QUALITY_TAGS = ("A", "B", "C", "assumption")
TABLE_KINDS = ("coefficient", "percent")
PERCENT_BASES = ("per_household", "per_floor")
MAX_COEFFICIENT = Decimal(100000)  # only proportions matter; per-m² yuan figures are fine


def _user(settings: dict[str, Any] | None, key: str) -> dict[str, Any] | None:
    if not settings:
        return None
    user = settings.get(key)
    if user is None:
        return None
    if not isinstance(user, dict):
        raise InputError(f"settings.{key}", "must be an object of name → table")
    return user


def _check_header(data: Any, field: str) -> None:
    """An object with the keys every rule file needs and a known ``quality`` tag."""
    if not isinstance(data, dict):
        raise InputError(field, "must be an object")
    for key in ruledata.REQUIRED_KEYS:
        if key not in data:
            raise InputError(f"{field}.{key}", "is required")
    quality = data.get("quality")
    if quality not in QUALITY_TAGS:
        raise InputError(
            f"{field}.quality", f"must be one of {', '.join(QUALITY_TAGS)}, got {quality!r}"
        )


def validate_table(data: dict[str, Any], field: str) -> dict[str, Any]:
    """Validate a coefficient table; returns a normalised copy.

    The copy has ``floors`` as ``{int: Decimal}``, plus ``kind``, ``basis`` (percent tables)
    and ``monotonic``.

    Raises
    ------
    InputError
        naming ``field`` and the bad key: unknown kind, floor out of 1…200, a negative or
        huge coefficient, a percent above 100, falling coefficients in a table declared
        monotonic, a missing quality tag.
    """
    _check_header(data, field)
    kind = data.get("kind", "coefficient")
    if kind not in TABLE_KINDS:
        raise InputError(f"{field}.kind", f"must be one of {', '.join(TABLE_KINDS)}, got {kind!r}")
    floors_raw = data.get("floors")
    if not isinstance(floors_raw, dict) or not floors_raw:
        raise InputError(f"{field}.floors", "must be a non-empty object floor → value")
    floors: dict[int, Decimal] = {}
    for k, v in floors_raw.items():
        f = f"{field}.floors.{k}"
        try:
            fl = int(str(k))
        except ValueError:
            raise InputError(f, "keys must be floor numbers") from None
        if not 1 <= fl <= 200:
            raise InputError(f, "floor must be within 1…200")
        d = to_decimal(v, f)
        if kind == "coefficient" and d > MAX_COEFFICIENT:
            raise InputError(f, f"coefficient {d} is implausibly large (> {MAX_COEFFICIENT})")
        if kind == "percent" and d > 100:
            raise InputError(f, f"percent {d} is above 100")
        floors[fl] = d
    monotonic = data.get("monotonic", False)
    if not isinstance(monotonic, bool):
        raise InputError(f"{field}.monotonic", "must be true or false")
    if monotonic:
        prev = None
        for fl in sorted(floors):
            if prev is not None and floors[fl] < floors[prev]:
                raise InputError(
                    f"{field}.floors.{fl}",
                    f"falls below floor {prev} in a table declared monotonic",
                )
            prev = fl
    out = dict(data)
    out["kind"] = kind
    out["floors"] = floors
    out["monotonic"] = monotonic
    if kind == "percent":
        basis = data.get("basis")
        if basis not in PERCENT_BASES:
            raise InputError(
                f"{field}.basis", f"must be one of {', '.join(PERCENT_BASES)}, got {basis!r}"
            )
        total = sum(floors.values(), Decimal(0))
        if basis == "per_floor" and total != 100:
            raise InputError(f"{field}.floors", f"per-floor percents add up to {total}, not 100")
    return out


def load_table(
    name: str, *, field: str = "share.table", settings: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Load and validate a coefficient table by name (user tables from ``settings`` first)."""
    data = ruledata.load(
        "coefficients", name, field=field, user=_user(settings, "coefficient_tables")
    )
    return validate_table(data, f"{field} {name}")


def list_tables(settings: dict[str, Any] | None = None) -> list[str]:
    """Names of the shipped and user-defined coefficient tables."""
    names = set(ruledata.list_names("coefficients"))
    names.update(_user(settings, "coefficient_tables") or {})
    return sorted(names)


def validate_subsidy_file(data: dict[str, Any], field: str) -> dict[str, Any]:
    """Validate a subsidy rule set; returns a copy whose ``rules`` are parsed dicts."""
    _check_header(data, field)
    rules = data.get("rules")
    if not isinstance(rules, list) or not rules:
        raise InputError(f"{field}.rules", "must be a non-empty list of subsidy rules")
    out = dict(data)
    out["rules"] = [parse_subsidy(r, f"{field}.rules[{i}]") for i, r in enumerate(rules)]
    for i, r in enumerate(out["rules"]):
        split = r.get("split_percent")
        if split is not None:
            check_split(split, f"{field}.rules[{i}].split_percent")
    return out


def check_split(split: object, field: str) -> dict[str, Decimal]:
    """A subsidy's split by payer (payer → percent), the percents adding up to 100."""
    if not isinstance(split, dict) or not split:
        raise InputError(field, "must be an object payer → percent")
    parts = {str(k): to_decimal(v, f"{field}.{k}") for k, v in split.items()}
    if sum(parts.values(), Decimal(0)) != 100:
        raise InputError(field, "percents must add up to 100")
    return parts


def load_subsidy_rules(
    name: str, *, field: str = "subsidies", settings: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Load and validate a city's subsidy rule set by name."""
    data = ruledata.load("subsidies", name, field=field, user=_user(settings, "subsidy_rules"))
    return validate_subsidy_file(data, f"{field} {name}")


def list_subsidy_rules(settings: dict[str, Any] | None = None) -> list[str]:
    """Names of the shipped and user-defined subsidy rule sets."""
    names = set(ruledata.list_names("subsidies"))
    names.update(_user(settings, "subsidy_rules") or {})
    return sorted(names)


def rule_set_subsidies(
    name: str, *, settings: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The subsidy rules of the named rule set (a city's, or the project's own), each tagged
    with the rule set's name: what a unit's ``subsidies`` become when the clerk applies it."""
    data = load_subsidy_rules(name, settings=settings)
    rules = []
    for r in data["rules"]:
        r = dict(r)
        r.setdefault("rule_set", name)
        rules.append(r)
    return rules
