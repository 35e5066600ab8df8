"""Write the window's layout for its very first start (``elevator_eval/ui/default_layout.py``).

    QT_QPA_PLATFORM=offscreen python tools/make_default_layout.py

The project tree docked on the left at :data:`TREE_WIDTH_PX`, the toolbar on top, as
Qt's own ``QMainWindow.saveState`` writes it. Run it again when the window's docks or
toolbars change (``tests/ui/test_default_layout.py`` restores the stored layout and the
one this makes and compares what they show).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "elevator_eval" / "ui" / "default_layout.py"

TREE_WIDTH_PX = 230
"""The tree dock's width on the first start (a window choice: the sample's names fit)."""

HEADER = '''"""The window's layout on its very first start, before any layout was saved: the project
tree docked on the left, the toolbar on top (made by ``tools/make_default_layout.py``
with Qt's ``QMainWindow.saveState``). Restoring it places the dock without Qt's enum
namespace, which would be built before the first paint otherwise (``lazy_qt.py``); a Qt
that cannot read it places the dock with the enum instead (``MainWindow``)."""

'''


def default_state() -> bytes:
    """The layout of a fresh window with the tree docked on the left and the toolbar on
    top, as ``QMainWindow.saveState`` writes it."""
    from PySide6.QtCore import QSettings, Qt

    from elevator_eval.ui.app import ensure_app, load_app_font
    from elevator_eval.ui.main_window import MainWindow
    from elevator_eval.ui.settings import Settings

    load_app_font(ensure_app())
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(os.path.join(tmp, "s.ini"), QSettings.IniFormat))
        window = MainWindow(settings)
        window.removeDockWidget(window.tree_dock)
        window.addDockWidget(Qt.LeftDockWidgetArea, window.tree_dock)
        window.tree_dock.show()
        window.resizeDocks([window.tree_dock], [TREE_WIDTH_PX], Qt.Horizontal)
        window.show()
        state = bytes(window.saveState())
        window.doc.undo_stack.setClean()
        window.hide()
        window.deleteLater()
    return state


def source(state: bytes) -> str:
    """The module's text for ``state``."""
    hexed = state.hex()
    lines = [hexed[i : i + 80] for i in range(0, len(hexed), 80)]
    body = "\n".join(f'    "{line}"' for line in lines)
    return f"{HEADER}DEFAULT_WINDOW_STATE = bytes.fromhex(\n{body}\n)\n"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    TARGET.write_text(source(default_state()), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
