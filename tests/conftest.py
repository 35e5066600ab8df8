"""Shared test setup: Qt runs offscreen; paths to the shared examples and the sample."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest
from hypothesis import settings

# Every property test is reproducible: examples derived from the test itself (no random
# seed, no example database), no per-example deadline on a shared machine. Tests that set
# their own example count keep it; these are the defaults under it.
settings.register_profile("reproducible", derandomize=True, database=None, deadline=None)
settings.load_profile("reproducible")

ROOT = Path(__file__).resolve().parent.parent
SLOW_TIER_LIST = Path(__file__).resolve().parent / "slow_tier.txt"
EXAMPLES = ROOT.parent / "shared" / "spec" / "examples"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def example_unit_path() -> Path:
    """The twelve-household example unit of the spec (a copy lives in tests/data)."""
    return DATA / "xingfuli-3-2.unit.json"


def _slow_tier_ids() -> list[str]:
    """The tests moved to the ``slow`` tier by :data:`SLOW_TIER_LIST`: one test id per line
    (``file`` for a whole file, ``file::function`` for every case of a parametrized test,
    ``file::function[case]`` for one case), ``#`` starts a comment."""
    ids = []
    for line in SLOW_TIER_LIST.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            ids.append(line)
    return ids


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects
def pytest_collection_modifyitems(config, items):
    """Mark the tests listed in ``tests/slow_tier.txt`` ``slow`` (the full tier that CI
    runs), so that the default run stays fast; a listed id that matches no collected test
    is reported at the end of the run (it was renamed: update the list)."""
    ids = _slow_tier_ids()
    seen = set()
    for item in items:
        base = item.nodeid.split("[", 1)[0]
        for key in (item.nodeid, base, base.split("::", 1)[0]):
            if key in ids:
                item.add_marker(pytest.mark.slow)
                seen.add(key)
    # only ids of whole files collected in this run can be judged missing
    if any("::" in arg for arg in config.args):
        return
    files = {item.nodeid.split("::", 1)[0] for item in items}
    config.stash[_UNMATCHED] = [i for i in ids if i not in seen and i.split("::", 1)[0] in files]


_UNMATCHED = pytest.StashKey[list]()


def pytest_terminal_summary(terminalreporter, config):
    unmatched = config.stash.get(_UNMATCHED, [])
    if unmatched:
        terminalreporter.write_line(
            "tests/slow_tier.txt names tests that do not exist (renamed? update the list): "
            + ", ".join(unmatched),
            yellow=True,
        )
