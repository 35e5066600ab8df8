"""The command line when its result cannot be written: one line on stderr, exit 1, never a
traceback (a full disk, a closed standard output)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


def _run(args, *, stdout_closed=False):
    cmd = [sys.executable, "-m", "elevator_eval", *map(str, args)]
    if stdout_closed:  # the shell's `>&-`
        return subprocess.run(
            ["bash", "-c", '"$@" >&-', "run", *cmd], capture_output=False, stderr=subprocess.PIPE
        )
    with open("/dev/full", "w") as full:
        return subprocess.run(cmd, stdout=full, stderr=subprocess.PIPE)


@pytest.mark.parametrize("args", [["share", "--json"], ["assess"], ["consent", "--json"]])
def test_a_full_disk_is_one_line_and_exit_1(example_unit_path, args):
    done = _run([args[0], example_unit_path, *args[1:]])
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert err == "error: cannot write the output (No space left on device)\n"


def test_a_closed_standard_output_is_one_line_and_exit_1(example_unit_path):
    done = _run(["share", example_unit_path, "--json"], stdout_closed=True)
    err = done.stderr.decode()
    assert done.returncode == 1 and "Traceback" not in err
    assert err == "error: cannot write the output (no output stream)\n"


def test_the_help_to_a_full_disk():
    done = _run(["--help"])
    assert done.returncode == 1 and "Traceback" not in done.stderr.decode()
