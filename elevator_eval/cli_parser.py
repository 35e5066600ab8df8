"""The command line's argument parser: argparse with one-line errors naming the argument
and exit code 2, never a usage dump (used by :mod:`elevator_eval.cli`; imported only when
there are arguments to parse, so that the desktop app starts without argparse)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from .errors import InputError


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit code 2 (never a usage dump on error)."""

    def error(self, message: str) -> NoReturn:
        raise InputError("arguments", message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise SystemExit(status)

    def parse_args(  # type: ignore[override]  # the same call, one check more
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> argparse.Namespace:
        ns: argparse.Namespace = super().parse_args(args, namespace)
        for a in self._actions:  # "--opt=--" gives [] in Python 3.11's argparse
            # (an "append" option such as --set legitimately holds a non-empty list)
            if (
                a.option_strings
                and a.nargs is None
                and getattr(ns, a.dest, None) == []
                and a.default != []
            ):
                self.error(f"{a.option_strings[-1]} needs a value")
        return ns
