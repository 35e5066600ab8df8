"""Start the desktop app: ``elevator-eval [PROJECT] [--lang zh|en]``.

Start-up is kept short: only Qt, the model and the store are imported before the window
paints; charts (matplotlib), PDF writing (reportlab) and the optimiser (scipy) load the
first time a tab needs them.

The window paints first with the project open (tree and unit table) and computes the
census right after that first paint, so the classes fill in a moment later.

Set ``ELEVATOR_EVAL_EXIT_AFTER_PAINT=1`` to close the window right after start-up (as a
user closes it: its layout is saved for the next start), printing ``first-paint-s`` and
``census-ready-s`` (seconds since ``run()`` started; used by
``benchmarks/bench_startup.py``).
"""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..font_files import FONT_FILE, supplement_path
from ..resources import resource_path
from . import i18n, lazy_qt
from .refcount_guard import protect_singletons
from .settings import APPLICATION, ORGANIZATION, Settings

_FALLBACK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei")
_loaded_family: list[str] = []


def bundled_font_path() -> Path:
    """The bundled font's file (where it would be when the installation lacks it)."""
    return resource_path("fonts", FONT_FILE)


def _add_supplement(family: str) -> None:
    """Register the supplement font (U+9FF0–U+9FFF, U+4DB6–U+4DBF) as ``family``'s fallback."""
    try:
        fid = QFontDatabase.addApplicationFont(str(supplement_path()))
    except Exception:  # the main font still works without it
        return
    fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
    if fams:
        QFont.insertSubstitution(family, fams[0])


def load_app_font(app: QApplication) -> str | None:
    """Register the bundled CJK font and make it the application font; returns the family.

    Qt's own fallback picks an unpredictable face for Chinese (see the platform notes), so
    the family is set explicitly. Without the bundled file the first installed CJK family
    is used.
    """
    family = _loaded_family[0] if _loaded_family else None
    if family is None:
        path = bundled_font_path()
        if path.is_file():
            fid = QFontDatabase.addApplicationFont(str(path))
            fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
            family = fams[0] if fams else None
            if family:
                _add_supplement(family)
        if family is None:
            have = set(QFontDatabase.families())
            family = next((f for f in _FALLBACK_FAMILIES if f in have), None)
        if family:
            _loaded_family.append(family)
    if family:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 9.5))
        app.setFont(font)
    return family


def ensure_app(argv: list[str] | None = None, guard: bool = True) -> QApplication:
    """The application object (made on the first call).

    ``guard``: protect ``None``, ``True`` and ``False`` from PySide's lost references now
    (``refcount_guard.py``); :func:`run` does it right after the window's first paint.
    """
    if guard:
        protect_singletons()
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("加梯评估 Elevator Eval")
    return app


class _FirstPaint(QObject):
    """After the main window's first paint: compute what the paint went without (the
    census), offer recovery; in benchmark mode print both times and quit."""

    def __init__(self, t0: float, window, exit_after: bool, resume_collector: bool):
        super().__init__()
        self.t0 = t0
        self.window = window
        self.exit_after = exit_after
        self.resume_collector = resume_collector

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            obj.removeEventFilter(self)
            if self.exit_after:
                wall, cpu = time.perf_counter() - self.t0, time.process_time()
                print(f"first-paint-s {wall:.4f} cpu {cpu:.4f}", flush=True)
            if self.resume_collector:
                gc.enable()  # paused for the start (cli.py)
            # before the long run of Qt calls to come: see refcount_guard.py
            protect_singletons()
            QTimer.singleShot(1, self._build_qt_names)
        return False

    def _build_qt_names(self) -> None:
        """Qt's namespace (≈ 25 ms) in a turn of its own, then the census's start in the
        next: two pauses of the window instead of one twice as long (1 ms timers, not
        zero-time calls, which Qt runs back to back: see ``MainWindow.finish_startup``)."""
        lazy_qt.load()
        QTimer.singleShot(1, self._after_paint)

    def _after_paint(self) -> None:
        from . import fault_report  # after the paint: nothing fails before it unreported

        fault_report.install(self.window)
        task = self.window.finish_startup()  # the census, in the background
        if not self.exit_after:
            self.window.offer_recovery()
        elif task is None:
            self._census_ready()
        else:
            task.done.connect(self._census_ready)

    def _census_ready(self) -> None:
        QCoreApplication.processEvents()
        print(f"census-ready-s {time.perf_counter() - self.t0:.4f}", flush=True)
        # closed as a user closes it: the window's layout is saved for the next start
        # (a project with unsaved changes, say migrated in memory, would ask first: quit)
        unsaved = self.window.doc.is_dirty()
        QTimer.singleShot(0, QCoreApplication.instance().quit if unsaved else self.window.close)


def run(
    project_path: str | None = None, lang: str | None = None, resume_collector: bool = False
) -> int:
    """Open the main window on ``project_path`` (the bundled sample when None).

    ``resume_collector``: turn Python's cyclic garbage collector on after the window's
    first paint (the caller turned it off for the start).
    """
    t0 = time.perf_counter()
    app = ensure_app(guard=False)  # guarded after the first paint (_FirstPaint)
    load_app_font(app)
    settings = Settings()
    code = i18n.set_language(lang or settings.language() or "zh")
    if lang:
        settings.set_language(code)
    from .main_window import MainWindow

    window = MainWindow(settings)
    window.doc.defer_engines = True  # first paint without the census, then fill in
    window.open_initial(project_path)
    exit_after = bool(os.environ.get("ELEVATOR_EVAL_EXIT_AFTER_PAINT"))
    hook = _FirstPaint(t0, window, exit_after, resume_collector)
    window.installEventFilter(hook)
    window.show()
    rc = app.exec()
    window.deleteLater()
    return rc
