"""Recovery proven on the real window: the app runs in a subprocess (offscreen), is edited
through its site tab and votes, and is killed with SIGKILL at a random moment; the next
start must offer every edit up to the last autosave, and declining must leave the file as
it was. A batch export killed midway leaves no half-written PDF under a final name.

The full tier (``-m slow``) kills once (seed 0); ``-m long`` kills :data:`SLOW_KILLS` times with the
seeds printed. The driver is ``tests/window_driver.py`` (test-only, not in the app).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from elevator_eval import store
from elevator_eval.audit import verify_log

ROOT = Path(__file__).resolve().parent.parent
SLOW_KILLS = 12
START_TIMEOUT_S = 60


def _env(home: Path) -> dict[str, str]:
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        MPLBACKEND="Agg",
    )
    env.pop("ELEVATOR_EVAL_EXIT_AFTER_PAINT", None)
    return env


def _driver(args, home: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.window_driver", *map(str, args)],
        cwd=ROOT,
        env=_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        **kw,
    )


def _journal(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    return [line.split() for line in path.read_text(encoding="utf-8").splitlines() if line]


def _wait_for(journal: Path, word: str, proc: subprocess.Popen) -> None:
    t0 = time.monotonic()
    while not any(e and e[0] == word for e in _journal(journal)):
        if proc.poll() is not None:
            raise AssertionError(f"driver ended early: {proc.stderr.read().decode()[-2000:]}")
        if time.monotonic() - t0 > START_TIMEOUT_S:
            raise AssertionError(f"driver did not reach {word!r}")
        time.sleep(0.02)


def _kill(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGKILL)  # the app and any worker process it started
    proc.wait()


def _check(project: Path, home: Path, answer: str, tmp: Path) -> dict:
    import json

    journal, result = tmp / f"check-{answer}.log", tmp / f"check-{answer}.json"
    p = _driver(["check", project, journal, answer, result], home)
    _, err = p.communicate(timeout=START_TIMEOUT_S)
    assert p.returncode == 0, err.decode()[-2000:]
    return json.loads(result.read_text(encoding="utf-8"))


def _make_project(tmp: Path) -> Path:
    from tests.ui.conftest import unit_project

    path = tmp / "street.eeproj"
    store.save_project(unit_project(), path)
    return path


def kill_and_recover(tmp: Path, seed: int) -> dict:
    """One round: edit, kill at a random moment, check the offer (yes, then no)."""
    rng = random.Random(seed)
    home = tmp / "home"
    home.mkdir()
    project = _make_project(tmp)
    original = project.read_bytes()
    journal = tmp / "edit.log"
    p = _driver(["edit", project, journal], home)
    _wait_for(journal, "started", p)
    time.sleep(rng.uniform(0.2, 2.5))
    _kill(p)
    entries = _journal(journal)
    edits = [int(e[1]) for e in entries if e[0] == "edit"]
    autosaved = [int(e[1]) for e in entries if e[0] == "autosaved"]
    votes = {int(e[1]): e[2] for e in entries if e[0] == "vote"}
    assert project.read_bytes() == original  # the edit run never saved the file itself
    auto = store.autosave_path(project)
    kept = tmp / "autosave.kept"
    if auto.exists():
        shutil.copy2(auto, kept)
    accepted = _check(project, home, "yes", tmp)
    last_auto = max(autosaved, default=None)
    if last_auto is not None:
        assert accepted["asked"] and accepted["recovered"]
    if accepted["recovered"]:
        k = round((Decimal(accepted["fire_lane"]) - 10) * 100)
        # every edit up to the last acknowledged autosave is there (a copy written just
        # before the kill, not yet acknowledged in the journal, may hold a few more)
        assert (last_auto or 0) <= k <= max(edits, default=0)
        before = [i for i in votes if i <= k]
        expected_vote = votes[max(before)] if before else None  # 102 has not voted
        assert accepted["vote"] == expected_vote
        assert accepted["vote_log_ok"] and accepted["dirty"]
    # declining: the copy is deleted, the window shows the file, the file is untouched
    if kept.exists():
        shutil.copy2(kept, auto)
        os.utime(auto, None)
    declined = _check(project, home, "no", tmp)
    assert project.read_bytes() == original
    assert not auto.exists()
    back = store.open_project(project)
    assert declined["fire_lane"] == str(back.find_unit("XFL-3-2").site.fire_lane_width_after_m)
    assert verify_log(back.vote_log) == (True, None)
    return {
        "seed": seed,
        "edits": max(edits, default=0),
        "last_autosave": last_auto,
        "recovered": accepted.get("recovered"),
        "declined_ok": True,
    }


@pytest.mark.slow
def test_window_killed_once_offers_every_autosaved_edit(tmp_path):
    r = kill_and_recover(tmp_path, seed=0)
    print(f"\nwindow kill seed 0: {r}")


@pytest.mark.long
def test_window_killed_at_random_moments(tmp_path):
    rows = []
    for seed in range(1, SLOW_KILLS + 1):
        d = tmp_path / f"k{seed}"
        d.mkdir()
        rows.append(kill_and_recover(d, seed))
    recovered = sum(1 for r in rows if r["recovered"])
    print(
        f"\nwindow kills: {len(rows)}, recovered {recovered}, "
        f"edits before the kill {[r['edits'] for r in rows]}, seeds 1–{SLOW_KILLS}"
    )


def _pdf_complete(path: Path) -> bool:
    data = path.read_bytes()
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]


@pytest.mark.slow
def test_batch_export_killed_leaves_no_half_written_pdf(tmp_path):
    from tests.ui.conftest import unit_project

    home = tmp_path / "home"
    home.mkdir()
    project = tmp_path / "street.eeproj"
    big = unit_project(n_buildings=12)
    store.save_project(big, project)
    out = tmp_path / "pdfs"
    journal = tmp_path / "batch.log"
    p = _driver(["batch", project, journal, out], home)
    _wait_for(journal, "started", p)
    t0 = time.monotonic()
    while time.monotonic() - t0 < START_TIMEOUT_S:  # kill once the first PDF is there
        if out.is_dir() and any(out.glob("*.pdf")):
            break
        time.sleep(0.01)
    time.sleep(random.Random(7).uniform(0.05, 0.4))
    _kill(p)
    finals = list(out.glob("*.pdf"))
    assert finals, "the batch wrote nothing before the kill"
    assert all(_pdf_complete(f) for f in finals), [f.name for f in finals]
    assert len(finals) < len(big.units())  # killed midway, not after the end
    leftovers = [f.name for f in out.iterdir() if f.suffix != ".pdf"]
    assert all(n.startswith(".") and n.endswith(".part") for n in leftovers), leftovers
