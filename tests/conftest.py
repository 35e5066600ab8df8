"""Shared test setup: Qt runs offscreen; paths to the shared examples and the sample."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT.parent / "shared" / "spec" / "examples"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def example_unit_path() -> Path:
    """The twelve-household example unit of the spec (a copy lives in tests/data)."""
    return DATA / "xingfuli-3-2.unit.json"


# ------------------------------------------------------------------------- test tiers
# The default run is the fast tier. Tests marked `slow` (wheel build, kill-during-save
# loops, fuzzing at count, soak, the large scan set) run when CI=true is set (as CI does)
# or with --runslow; otherwise they are reported as skipped with the way to run them.


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true", default=False,
                     help="also run the slow tier (as CI does with CI=true)")


def run_slow(config) -> bool:
    return bool(config.getoption("--runslow")) or \
        os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_collection_modifyitems(config, items):
    if run_slow(config):
        return
    skip = pytest.mark.skip(reason="slow tier: run with --runslow or CI=true")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
