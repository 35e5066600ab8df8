"""Every importer fed damaged and random files, counted by example (never by the clock).

Importers: the unit JSON file, the project file (``.eeproj``), the street census import
(CSV and xlsx) and the quotes workbook. Each is fed its own valid sample damaged at the byte
level (truncated, bytes flipped, bytes inserted) or random bytes behind a plausible
header. Every input must give a result or the importer's one-line error
(``InputError`` / ``ProjectFileError`` / a preview with its errors) — never another
exception.

Tiers: :data:`DEFAULT_EXAMPLES` derandomised examples per importer in the default run;
``-m long`` runs :data:`LONG_EXAMPLES` per importer from the seed ``LONG_SEED + n``
(printed with the counts; ``EE_FUZZ_SEED`` / ``EE_FUZZ_LONG_EXAMPLES`` change them).
"""

from __future__ import annotations

import collections
import os
import tempfile
from pathlib import Path

import pytest
from fuzzsummary import report_cases
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from elevator_eval.errors import InputError, ProjectFileError

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample"
DATA = Path(__file__).resolve().parent / "data"
DEFAULT_EXAMPLES = 25
LONG_EXAMPLES = int(os.environ.get("EE_FUZZ_LONG_EXAMPLES", "10000"))
LONG_SEED = int(os.environ.get("EE_FUZZ_SEED", "20261129"))

CASES: collections.Counter = collections.Counter()
OUTCOMES: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
SEEDS: dict[str, int] = {}


@pytest.fixture(scope="module", autouse=True)
def _summary(request):
    yield
    lines = [
        f"fuzz cases importer {k}: {v} ("
        + ", ".join(f"{o} {n}" for o, n in sorted(OUTCOMES[k].items()))
        + ")"
        + (f" seed {SEEDS[k]}" if k in SEEDS else "")
        for k, v in sorted(CASES.items())
    ]
    report_cases(request, "importers", CASES, lines, seeds=SEEDS)


def _unit_json(p: Path) -> str:
    from elevator_eval.unitfile import load_unit

    try:
        load_unit(p)
        return "read"
    except InputError:
        return "refused"


def _project(p: Path) -> str:
    from elevator_eval.store import open_project

    try:
        open_project(p)
        return "read"
    except ProjectFileError:
        return "refused"


def _street(p: Path) -> str:
    from elevator_eval.io.street_import import preview_import

    pv = preview_import(p)
    assert pv.ok or pv.errors
    return "read" if pv.ok else "refused"


def _quotes(p: Path) -> str:
    from elevator_eval.io.quotes_xlsx import read_quotes

    try:
        products, errors = read_quotes(p)
    except InputError:
        return "refused"
    assert not (products and errors)
    return "read" if products else "refused"


def _csv_sample() -> bytes:
    """The sample census workbook's household sheet as CSV text (what people export)."""
    import csv
    import io

    from openpyxl import load_workbook

    wb = load_workbook(SAMPLE / "import-example.xlsx", read_only=True, data_only=True)
    ws = wb.worksheets[0]
    buf = io.StringIO()
    w = csv.writer(buf)
    for row in ws.iter_rows(values_only=True):
        w.writerow(["" if v is None else v for v in row])
    wb.close()
    return buf.getvalue().encode("utf-8")


IMPORTERS = {
    "unit-json": (lambda: (DATA / "xingfuli-3-2.unit.json").read_bytes(), ".json", _unit_json),
    "project-eeproj": (lambda: (SAMPLE / "sample-street.eeproj").read_bytes(), ".eeproj", _project),
    "street-csv": (_csv_sample, ".csv", _street),
    "street-xlsx": (lambda: (SAMPLE / "import-example.xlsx").read_bytes(), ".xlsx", _street),
    "quotes-xlsx": (lambda: (SAMPLE / "quotes.xlsx").read_bytes(), ".xlsx", _quotes),
}


@st.composite
def damaged(draw, base: bytes):
    how = draw(st.sampled_from(["truncate", "flip", "insert", "random", "mixed"]))
    data = bytearray(base)
    if how in ("truncate", "mixed"):
        data = data[: draw(st.integers(0, len(data)))]
    if how in ("flip", "mixed") and data:
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    if how == "insert":
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.binary(min_size=1, max_size=64))
    if how == "random":
        data = bytearray(base[: draw(st.integers(0, 16))]) + draw(st.binary(max_size=512))
    return bytes(data)


def _fuzz(name: str, examples: int, seed_: int | None) -> None:
    make, suffix, check = IMPORTERS[name]
    base = make()

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=seed_ is None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(raw=damaged(base))
    def run(raw):
        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / f"input{suffix}"
            p.write_bytes(raw)
            outcome = check(p)  # any exception but the importer's own error fails here
        CASES[name] += 1
        OUTCOMES[name][outcome] += 1

    if seed_ is not None:
        SEEDS[name] = seed_
        run = seed(seed_)(run)
    run()


@pytest.mark.parametrize("name", sorted(IMPORTERS))
def test_importer_fuzz(name):
    _fuzz(name, DEFAULT_EXAMPLES, None)
    assert CASES[name] >= DEFAULT_EXAMPLES


@pytest.mark.long
@pytest.mark.parametrize("name", sorted(IMPORTERS))
def test_importer_fuzz_long(name):
    before = CASES[name]
    _fuzz(name, LONG_EXAMPLES, LONG_SEED + sorted(IMPORTERS).index(name))
    assert CASES[name] - before >= LONG_EXAMPLES * 9 // 10
