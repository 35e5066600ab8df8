"""Shared by the fuzz tests: print how many cases ran, and optionally append them as JSON
lines to the file named by ``EE_FUZZ_SUMMARY`` (the figures quoted in the README)."""

from __future__ import annotations

import json
import os


def report_cases(request, module: str, cases, lines=None, **extra) -> None:
    """Write ``lines`` (default: one per counter key) past pytest's output capture, and the
    counts as one JSON line when ``EE_FUZZ_SUMMARY`` is set."""
    if lines is None:
        lines = [f"fuzz cases {k}: {v}" for k, v in sorted(cases.items())]
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and lines:
        if capture is not None:
            with capture.global_and_fixture_disabled():
                reporter.write_line("")
                for line in lines:
                    reporter.write_line(line)
        else:
            for line in lines:
                reporter.write_line(line)
    target = os.environ.get("EE_FUZZ_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as f:
            f.write(json.dumps({"module": module, "cases": dict(cases), **extra}) + "\n")
