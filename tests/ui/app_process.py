"""Start the desktop app in a process of its own, as ``python -m elevator_eval`` does after a
few lines of a test's own, offscreen and with a settings store of its own; it closes itself
after its first paint and the census (``ELEVATOR_EVAL_EXIT_AFTER_PAINT``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_app(script: str, settings_dir: Path) -> str:
    """Run ``script`` (which starts the app) in a fresh interpreter; its standard output.

    Fails the test when the process does not end well."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        ELEVATOR_EVAL_EXIT_AFTER_PAINT="1",
        XDG_CONFIG_HOME=str(settings_dir),
        XDG_DATA_HOME=str(settings_dir),
        PYTHONPATH=str(ROOT),
    )
    p = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert p.returncode == 0, p.stderr[-2000:]
    return p.stdout
