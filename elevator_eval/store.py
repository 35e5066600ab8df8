"""The project file (``.eeproj``, SQLite). Not built yet."""

from __future__ import annotations

from .errors import NotBuiltError


def open_project(path):
    raise NotBuiltError("project files are not supported yet / 尚不支持项目文件")
