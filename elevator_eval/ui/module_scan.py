"""Make PySide6's look at every imported module cheap.

PySide6 6.12 replaces Python's ``__import__`` with its own. After each import it asks
whether the imported module uses PySide (for its optional ``__feature__`` switches such
as ``snake_case``, which this app does not use): ``_mod_uses_pyside`` in PySide's
``shibokensupport/feature.py`` reads the module's whole source with
``inspect.getsource`` and looks for the word ``PySide6`` in it. ``inspect`` finds the
file, ``linecache`` detects its encoding, decodes it, splits it into lines and keeps
every line in memory for the rest of the session. That is ≈ 0.2 ms a module: ≈ 12 ms
of the app's start (some 60 modules load before the window's first paint, ≈ 5 % of
it) and ≈ 40–80 ms more when numpy, matplotlib and reportlab load for the first census
and the first document.

:func:`install` gives PySide the same answer from the file's bytes: a module whose
``__file__`` is a ``.py`` file uses PySide when the bytes ``PySide6`` occur in it (the
word is ASCII, so it reads the same in every encoding Python accepts for source); any
other module (built in, compiled, in a zip archive, without a file) is left to PySide's
own function. Nothing else changes: PySide keeps its table of modules and switches
features exactly as before.

It relies on a private name of PySide (the version is pinned in ``pyproject.toml``);
when a PySide release renames it, :func:`install` does nothing and returns ``False``
(``tests/ui/test_module_scan.py`` fails then, so that the upgrade looks at it again).
The package ``elevator_eval.ui`` installs it as it is imported, before the app's other
modules load.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

MARK = b"PySide6"
"""What PySide looks for in a module's source."""

FEATURE_MODULE = "shibokensupport.feature"
"""PySide's module with the check (loaded with ``PySide6.QtCore``)."""

CHECK_NAME = "_mod_uses_pyside"
"""The check's name in :data:`FEATURE_MODULE`."""


def make_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """PySide's check answered from the module file's bytes; ``original`` for the rest.

    Parameters
    ----------
    original : callable
        PySide's own check (module → bool).

    Returns
    -------
    callable
        module → bool: whether the module's source contains ``PySide6``.
    """

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return MARK in source.read()
            except OSError:
                pass  # not a plain file (a zip archive's member …): PySide's way
        return original(module)

    uses_pyside.original = original  # type: ignore[attr-defined]
    return uses_pyside


def install() -> bool:
    """Load PySide6's QtCore and replace its per-module check with :func:`make_check`'s.

    Returns
    -------
    bool
        Whether the fast check is in place (``False`` when this PySide has no such check).
    """
    import PySide6.QtCore  # noqa: F401  (installs PySide's import function and its check)

    feature = sys.modules.get(FEATURE_MODULE)
    current = getattr(feature, CHECK_NAME, None)
    if current is None or not callable(current):
        return False
    if getattr(current, "original", None) is None:
        setattr(feature, CHECK_NAME, make_check(current))
    return True
