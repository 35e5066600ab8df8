"""Fuzzing the unit file reader: mutations of the spec's example unit.

Dropped keys, wrong types, huge numbers, absurd exponents, deep nesting, random bytes,
truncation and byte flips: ``loads_unit`` either returns a :class:`Unit` (which then writes
and reads back unchanged) or raises ``InputError`` — never anything else.
"""

from __future__ import annotations

import collections
import json
import os
from pathlib import Path

import pytest
from fuzzsummary import report_cases
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elevator_eval.errors import InputError
from elevator_eval.model import Unit
from elevator_eval.unitfile import loads_unit
from elevator_eval.unitfile_write import dumps_unit

EXAMPLE = Path(__file__).resolve().parent / "data" / "xingfuli-3-2.unit.json"
BASE_TEXT = EXAMPLE.read_text(encoding="utf-8")
BASE = json.loads(BASE_TEXT)

CASES: collections.Counter = collections.Counter()
FUZZ = dict(
    deadline=None,
    derandomize=not os.environ.get("EE_FUZZ_RANDOM"),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module", autouse=True)
def _summary(request):
    yield
    report_cases(request, "unitfile", CASES)


def _paths(node, prefix=()):
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, prefix + (i,))
    return out


PATHS = [p for p in _paths(BASE) if p]

# raw JSON texts put in place of a value (json.dumps cannot write these)
RAW = [
    "1e999999999",
    "-1e999999999",
    "1e-999999999",
    "1" * 5000,
    "NaN",
    "Infinity",
    "-Infinity",
    "1E+400",
    "123456789012345678901234567890",
    "0.000000000000000000001",
    "-0",
    "1.0",
    "[" * 50 + "]" * 50,
    '{"a":' * 50 + "1" + "}" * 50,
]

LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-(10**40), 10**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(
        ["", "yes", "no", "masonry", "A", "half_landing", "56.30", "-1", "abc", "1e5", "  7 ", "０"]
    ),
)
JSON = st.recursive(
    LEAVES,
    lambda kids: st.one_of(
        st.lists(kids, max_size=3), st.dictionaries(st.text(max_size=8), kids, max_size=3)
    ),
    max_leaves=8,
)


def _set(tree, path, value):
    node = tree
    for k in path[:-1]:
        node = node[k]
    node[path[-1]] = value


def _drop(tree, path):
    node = tree
    for k in path[:-1]:
        node = node[k]
    del node[path[-1]]


def _check(text):
    """The property: a Unit (that round-trips) or an InputError."""
    try:
        unit = loads_unit(text)
    except InputError as e:
        assert str(e) and "\n" not in e.field
        return "InputError"
    assert isinstance(unit, Unit)
    again = loads_unit(dumps_unit(unit))
    assert again == unit
    return "Unit"


@st.composite
def mutated(draw):
    tree = json.loads(BASE_TEXT)
    raws = {}
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(tree) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        how = draw(st.sampled_from(["drop", "replace", "raw", "nest", "huge", "stringify"]))
        try:
            if how == "drop":
                _drop(tree, path)
            elif how == "replace":
                _set(tree, path, draw(JSON))
            elif how == "raw":
                token = f"__RAW{len(raws)}__"
                raws[token] = draw(st.sampled_from(RAW))
                _set(tree, path, token)
            elif how == "nest":
                token = f"__RAW{len(raws)}__"
                depth = draw(st.sampled_from([10, 500, 5000, 100000]))
                raws[token] = "[" * depth + "]" * depth
                _set(tree, path, token)
            elif how == "huge":
                _set(
                    tree,
                    path,
                    draw(st.sampled_from([10**30, -(10**30), 1e308, -1e308, 2**63, 10**4000])),
                )
            else:
                node = tree
                for k in path[:-1]:
                    node = node[k]
                node[path[-1]] = str(node[path[-1]])
        except (KeyError, IndexError, TypeError):
            pass
    text = json.dumps(tree, ensure_ascii=draw(st.booleans()))
    for token, raw in raws.items():
        text = text.replace(f'"{token}"', raw)
    return text


@settings(max_examples=100, **FUZZ)
@given(text=mutated())
def test_structural_mutations(text):
    CASES[f"unit JSON (structural mutations) -> {_check(text)}"] += 1


@pytest.mark.slow
@settings(max_examples=1000, **FUZZ)
@given(text=mutated())
def test_structural_mutations_at_scale(text):
    """The same property at ten times the default run's count (the full tier)."""
    CASES[f"unit JSON (structural mutations) -> {_check(text)}"] += 1


@settings(max_examples=150, **FUZZ)
@given(
    cut=st.integers(0, len(BASE_TEXT.encode())),
    flips=st.lists(
        st.tuples(st.integers(0, len(BASE_TEXT.encode()) - 1), st.integers(0, 255)), max_size=5
    ),
    insert=st.binary(max_size=20),
    as_bytes=st.booleans(),
)
def test_byte_level_damage(cut, flips, insert, as_bytes):
    data = bytearray(BASE_TEXT.encode())
    for pos, byte in flips:
        data[pos] = byte
    data = data[:cut] + insert + data[cut:] if insert else data[:cut]
    raw = bytes(data)
    if not as_bytes:
        raw = raw.decode("utf-8", errors="replace")
    CASES[f"unit JSON (bytes: truncation, flips, inserts) -> {_check(raw)}"] += 1


@settings(max_examples=100, **FUZZ)
@given(raw=st.one_of(st.binary(max_size=200), st.text(max_size=200), JSON.map(json.dumps)))
def test_random_input(raw):
    CASES[f"unit JSON (random bytes/text/JSON) -> {_check(raw)}"] += 1


def test_known_hostile_inputs():
    hostile = [
        "[" * 100000 + "]" * 100000,
        "{" * 50000,
        BASE_TEXT.replace('"storeys": 6', '"storeys": 1e999999999'),
        BASE_TEXT.replace('"year_built": 1992', '"year_built": 1e999999999'),
        BASE_TEXT.replace('"area_m2": 56.3', '"area_m2": 1e-999999999', 1),
        BASE_TEXT.replace('"area_m2": 56.3', '"area_m2": 1e999999999', 1),
        BASE_TEXT.replace('"rounding_yuan": 1', '"rounding_yuan": 1e-999999'),
        BASE_TEXT.replace('"type": "percent_capped"', '"type": []'),
        BASE_TEXT.replace('"type": "percent_capped"', '"type": {"a": 1}'),
        "\ufeff" + BASE_TEXT,
        BASE_TEXT.encode("utf-16"),
        b"\xff\xfe",
        b"",
        "null",
    ]
    for text in hostile:
        CASES["unit JSON (known hostile inputs) -> " + _check(text)] += 1
    assert BASE_TEXT.count('"area_m2": 56.3') >= 1 and '"storeys": 6' in BASE_TEXT
    assert '"type": "percent_capped"' in BASE_TEXT
