"""Print the fuzzing figures the README quotes, from a run of the fuzz tests.

    python3 tests/reliability_figures.py            # the default tier (about a minute)
    python3 tests/reliability_figures.py --tier long   # 10,000 per command and importer

Every figure is a count of examples drawn by hypothesis from a fixed derivation
(derandomised in the default tier, the printed seeds in the long tier), so two runs print
the same lines. Exit status is pytest's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = ["test_import_fuzz.py", "test_fuzz_long.py", "test_unitfile_fuzz.py", "test_cli_fuzz.py"]
TIERS = {"default": "not slow and not long", "long": "long"}


def _run(tier: str, summary: Path) -> int:
    env = dict(os.environ, EE_FUZZ_SUMMARY=str(summary))
    env.pop("EE_FUZZ_RANDOM", None)
    cmd = [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:randomly", "-m", TIERS[tier]]
    cmd += [str(HERE / f) for f in FILES]
    return subprocess.run(cmd, cwd=HERE.parent, env=env, stdout=subprocess.DEVNULL).returncode


def _read(summary: Path) -> dict[str, dict[str, int]]:
    cases: dict[str, dict[str, int]] = defaultdict(dict)
    for line in summary.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        cases[d["module"]].update(d["cases"])
    return cases


def figures(cases: dict[str, dict[str, int]]) -> list[str]:
    """The lines quoted in the README."""
    parsers = sum(cases.get("import", {}).values())
    damaged = cases.get("importers", {})
    unit = sum(cases.get("unitfile", {}).values())
    commands = cases.get("cli", {})
    per = sorted(commands.values()) or [0]
    lines = [
        f"importers: {parsers + sum(damaged.values()):,} cases ({parsers:,} parser and file "
        f"cases, {sum(damaged.values()):,} damaged files over {len(damaged)} importers)",
        f"unit JSON: {unit:,} cases",
        f"command line: {sum(commands.values()):,} cases over {len(commands)} commands "
        f"({per[0]:,}-{per[-1]:,} per command)",
    ]
    lines += [f"  importer {k}: {v:,}" for k, v in sorted(damaged.items())]
    lines += [f"  {k}: {v:,}" for k, v in sorted(commands.items())]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tier", choices=sorted(TIERS), default="default")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as d:
        summary = Path(d) / "fuzz.jsonl"
        summary.touch()
        code = _run(args.tier, summary)
        for line in figures(_read(summary)):
            print(line)
    return code


if __name__ == "__main__":
    sys.exit(main())
