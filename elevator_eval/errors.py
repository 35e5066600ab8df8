"""Errors the user may see.

Every error that can reach a user names the field (or row and column) it is about, in one
line, so that the command line can print it after ``error:`` and exit 2, and the desktop
app can show it in a message box.
"""

from __future__ import annotations

from typing import Any


class InputError(ValueError):
    """Bad input: a value that is missing, of the wrong type, out of range or inconsistent.

    Parameters
    ----------
    field : str
        Dotted path of the offending field, e.g. ``"households[3].area_m2"`` or
        ``"sheet 住户, row 7, column 面积"``.
    message : str
        What is wrong, in plain words (English; the window shows its Chinese text from
        :mod:`elevator_eval.error_text`).
    message_zh, field_zh : str, optional
        The message and the field in Chinese, where the raiser words them itself (a
        spreadsheet cell's reader does); the command line prints the English.
    message_en : str, optional
        The message in English alone, where ``message`` (what the command line prints)
        holds both languages.
    """

    def __init__(
        self,
        field: str,
        message: str,
        *,
        message_zh: str | None = None,
        field_zh: str | None = None,
        message_en: str | None = None,
    ):
        self.field = field
        self.message = message
        self.message_zh = message_zh
        self.field_zh = field_zh
        self.message_en = message_en
        super().__init__(f"{field}: {message}" if field else message)

    def __reduce__(self) -> tuple[Any, tuple[type[InputError], tuple[Any, ...], dict[str, Any]]]:
        """Pickled whole (to and from a worker process), its subclasses too: made again
        from its text and given back every attribute."""
        return _remade, (type(self), self.args, self.__dict__)


def _remade(kind: type[InputError], args: tuple[Any, ...], state: dict[str, Any]) -> InputError:
    error: InputError = Exception.__new__(kind)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class ProjectFileError(Exception):
    """A project file that cannot be opened: corrupt, truncated, newer or not a project.

    The file is never modified when this is raised.
    """


class NotBuiltError(Exception):
    """A capability whose engine is not built yet."""
