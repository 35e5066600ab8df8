"""Soak: edit / undo / redo / vote / save cycles in the real window (a subprocess run by
``tests/window_driver.py``), memory sampled every 50 cycles, the vote log verified at the
end in the window and in the saved file.

Full tier (``-m slow``): :data:`QUICK_CYCLES` cycles. ``-m long``: :data:`SOAK_CYCLES` cycles, resident
memory growth from cycle 50 to the end at most :data:`GROWTH_BOUND_MB`.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from elevator_eval import store
from elevator_eval.audit import verify_log
from tests.test_window_kill import ROOT, _env, _make_project

QUICK_CYCLES = 20
SOAK_CYCLES = 1000
GROWTH_BOUND_MB = 40.0
"""Allowed growth of resident memory after warm-up over 1,000 cycles [MB]: the undo stack
keeps one small command per edit (about 3,000 after 1,000 cycles) and the vote log one
entry per vote; anything like a leaked project copy per save (≈ 1 MB each) would exceed it."""


def soak(tmp_path, cycles: int) -> dict:
    home = tmp_path / "home"
    home.mkdir()
    project = _make_project(tmp_path)
    n0 = len(store.open_project(project).vote_log)
    result = tmp_path / "soak.json"
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.window_driver",
            "soak",
            str(project),
            str(tmp_path / "soak.log"),
            str(cycles),
            str(result),
        ],
        cwd=ROOT,
        env=_env(home),
        capture_output=True,
        timeout=1800,
        check=False,
    )
    assert p.returncode == 0, p.stderr.decode()[-2000:]
    r = json.loads(result.read_text(encoding="utf-8"))
    assert r["vote_log_ok"] and r["vote_log_len"] == n0 + cycles  # one change per cycle
    assert not r["dirty"]
    back = store.open_project(project)
    assert verify_log(back.vote_log) == (True, None) and len(back.vote_log) == n0 + cycles
    return r


@pytest.mark.slow
def test_soak_quick(tmp_path):
    r = soak(tmp_path, QUICK_CYCLES)
    print(f"\nsoak {QUICK_CYCLES} cycles: rss samples {r['samples']}")


@pytest.mark.long
def test_soak_1000_cycles(tmp_path):
    r = soak(tmp_path, SOAK_CYCLES)
    samples = dict(r["samples"])
    growth = samples[SOAK_CYCLES] - samples[50]
    print(
        f"\nsoak {SOAK_CYCLES} cycles: rss {samples[1]} MB after 1, {samples[50]} after 50,"
        f" {samples[SOAK_CYCLES]} after {SOAK_CYCLES} (growth {growth:.1f} MB, bound "
        f"{GROWTH_BOUND_MB}); peak {r['maxrss_mb']:.0f} MB; vote log {r['vote_log_len']} "
        f"entries verified"
    )
    assert growth <= GROWTH_BOUND_MB
