"""`elevator-eval import-votes PROJECT FILE [--apply] [--json]` — preview an e-voting
export (owner or door, vote, time, channel, proxy) with every bad row listed; `--apply`
records the votes through the audit log (source online) when no row is bad."""

from __future__ import annotations

from .import_intent import add_arguments, run_import

__all__ = ["add_arguments", "run"]


def run(args):
    return run_import(args, "votes")
