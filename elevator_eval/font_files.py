"""Where the bundled fonts are: the two file names and their paths.

Kept apart from :mod:`elevator_eval.fonts` (the fonts for PDF documents and charts) so
that the desktop app registers the files with Qt before its first paint without loading
the documents' font code.
"""

from __future__ import annotations

from pathlib import Path

from .resources import resource_path

FONT_FILE = "EESansSC.ttf"
"""The bundled font, "EE Sans SC" (see :mod:`elevator_eval.fonts`)."""
SUPPLEMENT_FILE = "EESansSCSupplement.ttf"
"""Its fallback for the code points it lacks, "EE Sans SC Supplement"."""


def _bundled(name: str) -> Path:
    path = resource_path("fonts", name)
    if not path.is_file():
        raise FileNotFoundError(f"bundled font missing / 缺少内置字体: {path}")
    return path


def font_path() -> Path:
    """Path of the bundled font file ``resources/fonts/EESansSC.ttf``.

    Raises
    ------
    FileNotFoundError
        When the font file is missing from the installation.
    """
    return _bundled(FONT_FILE)


def supplement_path() -> Path:
    """Path of the fallback font ``resources/fonts/EESansSCSupplement.ttf`` (raises
    ``FileNotFoundError`` as :func:`font_path` does)."""
    return _bundled(SUPPLEMENT_FILE)
