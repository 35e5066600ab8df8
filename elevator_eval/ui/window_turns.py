"""A worker's computation waits while the window is busy with its large views.

The window's thread and a worker thread share Python's interpreter lock. A repaint of
the overview's table or the project tree calls into Python hundreds of times (a model's
``data`` for each role of each cell shown), and while a worker runs Python each of those
calls waits for the lock to be handed over: on a street of 20,000 units the window
paused 70–190 ms at each scroll while the census ran.

:class:`BusyGate` watches the views' viewports and the search box: a paint, a key, a
click or a turn of the wheel on one of them closes the gate, and it opens again
:data:`REOPEN_MS` after the last one (a key typed in the search filters the table in
Python at once). Its :meth:`hook`, set for the computation with
:func:`elevator_eval.pacing.paced`, makes the worker wait at its next
:func:`~elevator_eval.pacing.pace` while the gate is closed, at most :data:`MAX_WAIT_S`
each time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

BUSY_EVENTS = frozenset(
    {QEvent.Type.Paint, QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}
)
"""The events that close the gate (this module loads after the first paint)."""

REOPEN_MS = 10
"""The gate opens again this long after the last event that closed it (the rows a
repaint showed are read in the turns right after it: ``census_model.py``). App default,
from the window benchmark."""

MAX_WAIT_S = 0.05
"""The longest a worker waits at one pause: a window repainting without end (or waiting
for the worker itself) lets it go on at this pace. App default, from the window
benchmark."""


class BusyGate(QObject):
    """Closed while the window paints the watched widgets or handles input on them (made
    in the window's thread)."""

    def __init__(self, widgets: Iterable[QWidget], parent: QObject | None = None):
        super().__init__(parent)
        self.open = threading.Event()
        self.open.set()
        self._reopen = QTimer(self)
        self._reopen.setSingleShot(True)
        self._reopen.setInterval(REOPEN_MS)
        self._reopen.timeout.connect(self.open.set)
        self._widgets = [w for w in widgets if w is not None]
        for w in self._widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() in BUSY_EVENTS:
            self.open.clear()
            self._reopen.start()  # (again: a scroll repaints every few milliseconds)
        return False

    def stop(self) -> None:
        """Stop watching (in the window's thread); a waiting worker goes on."""
        for w in self._widgets:
            w.removeEventFilter(self)
        self._widgets = []
        self._reopen.stop()
        self.open.set()

    def hook(self) -> None:
        """For :func:`~elevator_eval.pacing.paced` in a worker thread: wait while the
        window is busy, at most :data:`MAX_WAIT_S`."""
        if not self.open.is_set():
            self.open.wait(MAX_WAIT_S)
