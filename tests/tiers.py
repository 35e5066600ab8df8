"""Test tiers (see docs/reliability-tests.md): helpers to keep a representative few cases
of a parametrized test in the default tier and run the rest in the ``slow`` tier.

The test ids do not change, so every case runs in exactly one tier."""

from __future__ import annotations

from collections.abc import Iterable

import pytest


def representative(values: Iterable, keep: Iterable) -> list:
    """``values`` for ``pytest.mark.parametrize``: those in ``keep`` run by default, the
    others are marked ``slow``."""
    keep = set(keep)
    values = list(values)
    missing = keep - set(values)
    assert not missing, f"representative cases not among the values: {sorted(missing)}"
    return [v if v in keep else pytest.param(v, marks=pytest.mark.slow) for v in values]
