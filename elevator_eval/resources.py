"""Where bundled files live.

In a built wheel the top-level ``resources/`` folder is shipped as
``elevator_eval/resources/``; in a source checkout (editable install) it sits beside the
package. :func:`resource_path` finds a file in either place.
"""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder with the sample project, fonts, translations and icons."""
    inside = _PKG / "resources"
    if inside.is_dir():
        return inside
    return _PKG.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("fonts", "EESansSC.ttf")``."""
    return resources_dir().joinpath(*parts)


def rules_dir() -> Path:
    """The folder with the rule data files (rulesets, tables, catalogues)."""
    return _PKG / "rules"


def sample_project_path() -> Path:
    """The bundled sample project (a fictional street)."""
    return resource_path("sample", "sample-street.eeproj")
