"""`elevator-eval import-unit` (not built yet)."""

from __future__ import annotations

from ..errors import NotBuiltError
from . import CommandResult, add_target_arguments


def add_arguments(parser) -> None:
    add_target_arguments(parser)


def run(args) -> CommandResult:
    raise NotBuiltError("the import-unit engine is not built yet / 该功能尚未完成")
