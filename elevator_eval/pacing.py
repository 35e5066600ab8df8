"""Pauses a long computation offers to whoever runs it.

A long pure computation (the census of a street) calls :func:`pace` between steps of a
few milliseconds at most. Nothing happens unless the thread running it has set a hook
with :func:`paced`. The desktop app computes a large census in a worker thread that
shares Python's interpreter lock with the window; its hook waits while the window
repaints, so that the repaint's hundreds of short calls into Python do not each wait for
the worker to hand the lock over (``ui/window_turns.py``). The results are the same with
or without a hook.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

PACE_ITEMS = 256
"""Items a loop handles between two calls of :func:`pace` (a choice of this code: a
census handles 256 units in well under a millisecond in most of its loops)."""

_local = threading.local()


def pace() -> None:
    """Call the current thread's hook (see :func:`paced`); nothing without one."""
    hook = getattr(_local, "hook", None)
    if hook is not None:
        hook()


@contextmanager
def paced(hook: Callable[[], None] | None) -> Iterator[None]:
    """Run the block with ``hook`` called at each :func:`pace` of this thread.

    Parameters
    ----------
    hook : callable or None
        Called with no arguments; it may wait, and must return in bounded time (the
        computation waits for it). None: no hook in the block.
    """
    before = getattr(_local, "hook", None)
    _local.hook = hook
    try:
        yield
    finally:
        _local.hook = before
