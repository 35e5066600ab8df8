"""Keep PySide6 from deallocating ``None``, ``True`` and ``False`` on Python 3.11.

PySide6 6.12 ships one set of ``abi3`` wheels for every Python version, built for
Python ≥ 3.12, where ``None``, ``True`` and ``False`` are immortal and their reference
counts are never touched. On Python 3.11 those wheels give up a reference to ``None``
every time a ``void`` method is called (``QLineEdit.setText``, ``QCheckBox.setChecked``,
an unset item role …) without having taken one. After as many calls as ``None`` had
references (a few tens of thousands: one edit in the unit editor makes dozens) the
interpreter aborts with ``Fatal Python error: none_dealloc`` — the soak test hit it after
a few hundred edit cycles, a long afternoon of vote entry would too.

:func:`protect_singletons` gives these objects what Python 3.12 gives them: a reference
count so large (2⁵⁰) that no session can count it down. It only runs on CPython before
3.12 and only once; nothing else changes. The app runs it right after its window's
first paint (``ui/app.py``; loading ``ctypes`` takes ≈ 4 ms): counted on the sample,
the start makes at most ≈ 3,400 calls into Qt before that paint, void or not, while
``None`` still has ≈ 7,700 references then. :func:`elevator_eval.ui.app.ensure_app` runs
it whenever it is called otherwise (tools, benchmarks), the test suite as it starts.
"""

from __future__ import annotations

import sys

HEADROOM = 1 << 50
"""References added to each singleton (about 36 years of 1,000,000 lost references a
second)."""

_done = False


def protect_singletons() -> bool:
    """Raise the reference counts of None, True, False, Ellipsis and NotImplemented once
    (CPython < 3.12 only); returns whether it did."""
    global _done
    if _done or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    import ctypes  # (≈ 4 ms to load: not before the app's first paint)

    for obj in (None, True, False, Ellipsis, NotImplemented):
        ctypes.c_ssize_t.from_address(id(obj)).value += HEADROOM  # ob_refcnt
    _done = True
    return True
