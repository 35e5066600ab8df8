"""The one helper for long work: run a function off the UI thread with progress and cancel.

The function receives ``progress(done, total) -> bool`` and must touch no widget; it
returns ``False`` from ``progress`` once the user pressed Cancel, and the function stops
(the convention of :func:`elevator_eval.report.batch.write_all_proposals`). A function
may also raise :class:`Cancelled`.

Usage::

    task = run_task(parent, fn, title=..., label=...)
    task.finished.connect(on_result)      # result object
    task.failed.connect(on_error)         # message text in the window's language
    task.cancelled.connect(on_cancel)
"""

from __future__ import annotations

import os
import queue as _queue
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from . import i18n
from .fault_report import USER_ERRORS, failure_texts, record


class Cancelled(Exception):
    """Raised by a task function (or by ``progress``) to stop early."""


class _Thread(QThread):
    def __init__(self, body):
        super().__init__()
        self._body = body

    def run(self):
        self._body()


class Task(QObject):
    """Handle of one background run. Signals arrive on the UI thread."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()  # after any of finished / failed / cancelled

    def __init__(self, fn: Callable[[Callable[[int, int], bool]], Any], parent=None):
        super().__init__(parent)
        self._fn = fn
        self._cancel = threading.Event()
        self._thread: QThread | None = None
        self.result: Any = None
        self.error: str | None = None
        self.state = "pending"  # running / finished / failed / cancelled
        self.details = ""  # the traceback of a failure, for a report of the fault

    def cancel(self) -> None:
        """Ask the function to stop; it stops at its next ``progress`` call (a task not
        started yet ends at once, cancelled)."""
        self._cancel.set()
        if self.state == "pending":
            self._on_outcome("cancelled", None)

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self.progress.emit(int(done), int(total))
        return not self._cancel.is_set()

    def _run(self) -> None:  # in the worker thread
        try:
            result = self._fn(self._progress)
        except Cancelled:
            self._outcome.emit("cancelled", None)
            return
        except Exception as e:  # reported in the window, never a crash nor a traceback
            self.details = traceback.format_exc()
            if isinstance(e, TaskFailed):  # in the task's own process
                zh, en, self.details = e.zh, e.en, e.details
                internal = bool(e.details)
            else:
                zh, en = failure_texts(e)
                internal = not isinstance(e, USER_ERRORS)
            if internal:
                record(self.details)  # for a report of the fault
            self._outcome.emit("failed", i18n.pick(zh, en))
            return
        self._outcome.emit("cancelled" if self._cancel.is_set() else "finished", result)

    _outcome = Signal(str, object)

    def _on_outcome(self, state: str, payload: Any) -> None:
        self.state = state
        if state == "finished":
            self.result = payload
            self.finished.emit(payload)
        elif state == "failed":
            self.error = str(payload)
            self.failed.emit(self.error)
        else:
            self.result = payload  # what was done before the stop, if anything
            self.cancelled.emit()
        self.done.emit()

    def start(self) -> Task:
        """Run the function in a thread (a task cancelled before it started stays so)."""
        if self.state != "pending":
            return self
        self._outcome.connect(self._on_outcome, Qt.QueuedConnection)
        thread = _Thread(self._run)
        thread.finished.connect(thread.deleteLater)
        self._thread = thread
        self.state = "running"
        thread.start()
        return self

    def wait(self, ms: int = 60000) -> bool:
        """Block until the thread ends (for tests and shutdown)."""
        thread = self._thread
        if thread is None:
            return True
        try:
            return thread.wait(ms)
        except RuntimeError:  # already deleted
            return True


def _child_main(target, args, kwargs, messages, cancel) -> None:  # in the child process
    try:
        os.nice(10)  # background work yields the CPU to the window
    except (AttributeError, OSError):
        pass

    def progress(done, total):
        messages.put(("progress", int(done), int(total)))
        return not cancel.is_set()

    try:
        result = target(*args, progress=progress, **kwargs)
    except Cancelled:
        messages.put(("cancelled", None))
    except BaseException as e:  # reported to the window, in either language
        details = "" if isinstance(e, USER_ERRORS) else traceback.format_exc()
        messages.put(("failed", *failure_texts(e), details))
    else:
        messages.put(("finished", result))


class ProcessTask(Task):
    """A task whose function runs in a separate Python process.

    Used for long CPU-bound work (batches of PDFs): a thread shares the interpreter lock
    with the window, and libraries that hold it inside C code (font parsing, chart
    rendering) would freeze the window for a few hundred milliseconds at a time; a process
    never does. ``target(*args, progress=..., **kwargs)`` must be a module-level function
    of the pure core, and its arguments and result must pickle.
    """

    CANCEL_GRACE_S = 20.0

    def __init__(self, target, args=(), kwargs=None, parent=None):
        super().__init__(self._pump, parent)
        import multiprocessing  # lazy: only batch work uses a process (start-up)

        ctx = multiprocessing.get_context("spawn")
        self._messages = ctx.Queue()
        self._mp_cancel = ctx.Event()
        self._proc = ctx.Process(
            target=_child_main,
            daemon=False,
            args=(target, tuple(args), dict(kwargs or {}), self._messages, self._mp_cancel),
        )
        self._cancel_time: float | None = None

    def cancel(self) -> None:
        super().cancel()
        self._mp_cancel.set()
        if self._cancel_time is None:
            self._cancel_time = time.monotonic()

    def _pump(self, progress):  # in the task's thread: relay the child's messages
        self._proc.start()
        try:
            while True:
                try:
                    msg = self._messages.get(timeout=0.1)
                except _queue.Empty:
                    if (
                        self._cancel_time is not None
                        and time.monotonic() - self._cancel_time > self.CANCEL_GRACE_S
                    ):
                        self._proc.terminate()
                        raise Cancelled() from None
                    if not self._proc.is_alive() and self._messages.empty():
                        raise RuntimeError(
                            f"worker process ended (exit code {self._proc.exitcode})"
                        ) from None
                    continue
                kind = msg[0]
                if kind == "progress":
                    progress(msg[1], msg[2])
                elif kind == "finished":
                    return msg[1]
                elif kind == "cancelled":
                    raise Cancelled()
                else:
                    raise TaskFailed(msg[1], msg[2], msg[3])
        finally:
            self._proc.join(5)
            if self._proc.is_alive():
                self._proc.terminate()


class TaskFailed(RuntimeError):
    """A task's function failed in another process, told in both languages, with the
    traceback of an internal fault (empty for the user's own error)."""

    def __init__(self, zh: str, en: str, details: str = ""):
        super().__init__(en)
        self.zh, self.en, self.details = zh, en, details


_running: set[Task] = set()


def running_tasks() -> list[Task]:
    return list(_running)


def run_task(
    parent: QWidget | None,
    fn,
    title: str = "",
    label: str = "",
    show_dialog: bool = True,
    *,
    in_process: tuple | None = None,
    start: bool = True,
) -> Task:
    """Start ``fn(progress)`` in a thread; show a progress dialog with Cancel.

    Parameters
    ----------
    parent : QWidget or None
        Owner of the progress dialog.
    fn : callable
        ``fn(progress) -> result``; ``progress(done, total)`` returns False to stop.
    title, label : str
        Dialog title and text (already translated).
    show_dialog : bool
        Show a window-modal ``QProgressDialog`` wired to :meth:`Task.cancel`.
    in_process : (target, args, kwargs), optional
        Run ``target(*args, progress=..., **kwargs)`` in a separate process instead of
        ``fn`` in a thread (see :class:`ProcessTask`).
    start : bool
        Start it now; else the caller calls :meth:`Task.start` (a turn of the event loop
        later, say).
    """
    task = ProcessTask(*in_process) if in_process is not None else Task(fn)
    _running.add(task)
    task.done.connect(lambda: _running.discard(task))
    if show_dialog:
        dlg = QProgressDialog(label, QCoreApplication.translate("Worker", "取消"), 0, 0, parent)
        dlg.setWindowTitle(title)
        dlg.setWindowModality(Qt.WindowModal)
        dlg.setMinimumDuration(300)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        task.dialog = dlg

        def on_progress(done, total):
            if total > 0 and dlg.maximum() != total:
                dlg.setMaximum(total)
            dlg.setValue(done)

        task.progress.connect(on_progress)
        dlg.canceled.connect(task.cancel)
        task.done.connect(dlg.close)
        task.done.connect(dlg.deleteLater)
    else:
        task.dialog = None
    return task.start() if start else task
