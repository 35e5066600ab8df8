"""Errors the user may see.

Every error that can reach a user names the field (or row and column) it is about, in one
line, so that the command line can print it after ``error:`` and exit 2, and the desktop
app can show it in a message box.
"""

from __future__ import annotations


class InputError(ValueError):
    """Bad input: a value that is missing, of the wrong type, out of range or inconsistent.

    Parameters
    ----------
    field : str
        Dotted path of the offending field, e.g. ``"households[3].area_m2"`` or
        ``"sheet 住户, row 7, column 面积"``.
    message : str
        What is wrong, in plain words (English; the UI translates the common ones).
    """

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)


class ProjectFileError(Exception):
    """A project file that cannot be opened: corrupt, truncated, newer or not a project.

    The file is never modified when this is raised.
    """


class NotBuiltError(Exception):
    """A capability whose engine is not built yet."""
