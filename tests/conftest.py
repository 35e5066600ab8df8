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
