"""Screenshots of the procedure views for the README (Chinese and English).

    python tools/screenshots_process.py [OUT_DIR]     # default docs/images

Opens the main window offscreen on the bundled sample street and saves
``ui-process-<view>-<lang>.png``: the stage overview, a unit's procedure tab, the
canvassing list and the upkeep ledger.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _pump(app, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else ROOT / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from elevator_eval.ui import i18n
    from elevator_eval.ui.app import ensure_app, load_app_font
    from elevator_eval.ui.main_window import MainWindow
    from elevator_eval.ui.settings import Settings

    app = ensure_app()
    load_app_font(app)
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("zh", "en"):
            i18n.set_language(lang)
            w = MainWindow(
                Settings(QSettings(os.path.join(tmp, f"{lang}.ini"), QSettings.IniFormat))
            )
            w.open_initial(None)
            w.resize(1360, 860)
            w.show()
            _pump(app)

            def shot(name, w=w, lang=lang):
                _pump(app, 0.3)
                path = out / f"ui-process-{name}-{lang}.png"
                w.grab().save(str(path))
                print(path)

            w.act_process.trigger()
            shot("overview")
            w.show_unit("GY-3-1", tab="process")
            shot("unit")
            w.show_unit("DH-1-2", tab="canvass")
            shot("canvass")
            w.show_unit("GY-6-2", tab="upkeep")
            w.view("unit").tab("upkeep").year.setValue(2025)
            shot("upkeep")
            w.doc.undo_stack.clear()
            w.close()
            w.deleteLater()
            _pump(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
