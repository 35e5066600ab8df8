"""Crash safety: a process saving in a loop is killed with SIGKILL at random moments; the
file must always open and hold the last acknowledged save or the one being written.

Each child (a forked Python process, so that thirty runs stay fast) builds the same project
(90 units, 1,080 households), saves it, then repeatedly appends a vote event (which also
changes the project name to ``state N``) and saves again, printing ``N`` after each save
returns. The parent kills it at a random moment, then checks that the file opens
and equals ``state(N)`` for N = the last acknowledged save or the next one: no committed
data is lost and nothing half-written is ever visible.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from elevator_eval.store import open_project

ROOT = Path(__file__).resolve().parent.parent
KILL_RUNS = 30

STATE_CODE = r"""
import copy
from decimal import Decimal
from elevator_eval.audit import record_vote
from elevator_eval.model import (Building, BuildingInfo, Community, Costs, Household,
                                 Project, Site, Unit)

N_UNITS = 90

def base():
    p = Project(name="state 0", uid="crash-test")
    for c in range(3):
        comm = Community(id=f"C{c}", name=f"小区{c}")
        p.communities.append(comm)
        for b in range(N_UNITS // 3 // 2):
            info = BuildingInfo(year_built=1980 + b % 25, storeys=6, structure="masonry",
                                danger_grade="B", floor_height_m=Decimal("2.90"))
            bld = Building(id=f"C{c}-B{b}", name=f"{b}号楼", info=info)
            comm.buildings.append(bld)
            for u in range(2):
                hh = [Household(id=f"{f}0{d}", floor=f, area_m2=Decimal("56.30") + d,
                                owner_name=f"业主{c}{b}{u}{f}{d}", contact="13900000000")
                      for f in range(1, 7) for d in (1, 2)]
                bld.units.append(Unit(
                    id=f"C{c}-B{b}-U{u}", building=info, households=hh,
                    site=Site(entry_mode="half_landing",
                              footprint_available_m=(Decimal("2.60"), Decimal("2.40"))),
                    costs=Costs(items_yuan={"equipment": Decimal(180000),
                                            "civil": Decimal("60000.50")})))
    return p

def advance(p, k):
    units = p.units()
    u = units[(k * 7) % len(units)]
    h = u.households[k % len(u.households)]
    record_vote(p, u.id, h.id, ("yes", "no", "abstain", None)[k % 4], "paper",
                when=f"2026-03-01T10:{k // 60 % 60:02d}:{k % 60:02d}")
    p.name = f"state {k}"
    u.extra["k"] = Decimal(k) / 8

def state(k):
    p = base()
    for i in range(1, k + 1):
        advance(p, i)
    return p
"""


def _child(path: Path, wfd: int) -> None:
    """The saving child (runs in a forked process until it is killed)."""
    ns: dict = {}
    exec(STATE_CODE, ns)
    from elevator_eval.store import save_project

    p = ns["base"]()
    save_project(p, path)
    os.write(wfd, b"0\n")
    k = 0
    while True:
        k += 1
        ns["advance"](p, k)
        save_project(p, path)
        os.write(wfd, f"{k}\n".encode())


def _start_child(path: Path) -> tuple[int, int]:
    """Fork a child Python process that saves in a loop; returns (pid, read fd)."""
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        try:
            os.close(rfd)
            _child(path, wfd)
        finally:
            os._exit(1)
    os.close(wfd)
    return pid, rfd


def _state(k, cache={}):  # noqa: B006 - a deliberate per-process memo of the parsed code
    if "ns" not in cache:
        ns: dict = {}
        exec(STATE_CODE, ns)
        cache["ns"] = ns
    return cache["ns"]["state"](k)


@pytest.mark.slow
@pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"),
    reason="needs fork and SIGKILL (POSIX)",
)
def test_sigkill_during_saves_never_loses_committed_data(tmp_path):
    rnd = random.Random(20261126)
    path = tmp_path / "crash.eeproj"
    stats = {"runs": 0, "ahead_of_ack": 0, "saves_acknowledged": 0, "killed_mid_write": 0}
    started = time.monotonic()
    for run in range(KILL_RUNS):
        if path.exists():
            path.unlink()
        pid, rfd = _start_child(path)
        with os.fdopen(rfd, "rb") as f:
            first = f.readline()
            assert first == b"0\n", "the child did not save its first state"
            time.sleep(rnd.uniform(0.0, 0.25))
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            rest = f.read()
        acked = [int(x) for x in (first + rest).decode().split("\n") if x.strip()]
        last = acked[-1]
        project = open_project(path)  # always opens
        n = int(project.name.split()[1])
        assert n in (last, last + 1), (run, n, last)
        assert project == _state(n), run  # exactly a committed state, nothing lost
        stats["runs"] += 1
        stats["ahead_of_ack"] += n == last + 1
        stats["saves_acknowledged"] += last
        temps = [f for f in tmp_path.iterdir() if f.name.endswith(".tmp")]
        stats["killed_mid_write"] += bool(temps)
        for t in temps:
            t.unlink()
    stats["seconds"] = round(time.monotonic() - started, 1)
    print(f"\ncrash test: {stats}")
    assert stats["runs"] == KILL_RUNS
    assert stats["saves_acknowledged"] > 0  # the kills did land among the loop saves
    assert stats["killed_mid_write"] > 0  # and some of them in the middle of a save
