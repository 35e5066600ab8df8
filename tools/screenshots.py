"""Screenshots of the real app for the README: every main view in Chinese and English.

    python tools/screenshots.py [OUT_DIR]     # default docs/images

Opens the main window offscreen on the bundled sample street, visits each view, and saves
``ui-<view>-<lang>.png`` with ``QWidget.grab()``. Long work (the pre-installation Monte
Carlo, the PDF preview) runs through the app's own background helper and is awaited.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNIT = "DH-1-2"
PROCUREMENT_UNITS = {"DH-1-1", "DH-1-2", "DH-2-2", "DH-5-1", "DH-5-2", "GY-8-1", "GY-8-2"}
# illustrative evaluators' points (technical, service) for the tender screenshot
SCORES = {
    "HT-630": (77.5, 70),
    "HT-450": (70, 60),
    "AJ-630R": (90, 85),
    "DF-800": (82.5, 75),
    "DF-1000": (95, 90),
    "HL-630E": (75, 65),
}
"""Evaluators' technical and service scores on the 0–100 scale."""


def _pump(app, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _wait(app, task, timeout: float = 120.0) -> None:
    end = time.monotonic() + timeout
    while task is not None and task.state in ("pending", "running"):
        if time.monotonic() > end:
            raise TimeoutError("background task did not finish")
        app.processEvents()
        time.sleep(0.02)
    _pump(app, 0.5)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else ROOT / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt

    from elevator_eval.resources import resource_path
    from elevator_eval.ui import i18n
    from elevator_eval.ui.app import ensure_app, load_app_font
    from elevator_eval.ui.main_window import MainWindow
    from elevator_eval.ui.settings import Settings

    app = ensure_app()
    print("font:", load_app_font(app))
    written = []
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

            def shot(name, widget=None, lang=lang, w=w):
                _pump(app, 0.2)
                path = out / f"ui-{name}-{lang}.png"
                (widget or w).grab().save(str(path))
                written.append(path)
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)

            shot("overview")
            w.show_unit(UNIT, tab="site")
            shot("site")
            w.show_unit(UNIT, tab="votes")
            shot("votes")
            log = w.show_vote_log()
            log.resize(1240, 520)
            shot("votelog", log)
            log.close()
            w.show_unit(UNIT, tab="costs")
            costs = w.view("unit").tab("costs")
            shot("costs")
            costs.result_tabs.setCurrentWidget(costs.compare)
            shot("costs-compare")
            w.show_unit(UNIT, tab="preinstall")
            pre = w.view("unit").tab("preinstall")
            _wait(app, pre.run())
            pre.charts.setCurrentWidget(pre.chart_tornado)
            shot("preinstall")
            w.show_unit(UNIT, tab="documents")
            docs = w.view("unit").tab("documents")
            docs._timer.stop()
            _wait(app, docs.preview())
            _pump(app, 1.5)
            shot("documents")
            w.show_procurement()
            proc = w.view("procurement")
            proc._loading = True
            for i in range(proc.unit_list.count()):
                item = proc.unit_list.item(i)
                item.setCheckState(
                    Qt.Checked if item.data(Qt.UserRole) in PROCUREMENT_UNITS else Qt.Unchecked
                )
            proc._loading = False
            proc.set_scores({p.id: SCORES.get(p.id, (75, 60)) for p in proc.products})
            proc.tabs.setCurrentWidget(proc.fit)
            shot("procurement")
            proc.tabs.setCurrentIndex(2)
            shot("procurement-scores")
            proc.tabs.setCurrentWidget(proc.chart)
            shot("procurement-sensitivity")
            w.import_street()
            dlg = w._import_dialog
            dlg.load(resource_path("sample", "import-with-errors.xlsx"))
            _pump(app, 0.3)
            shot("import", dlg)
            dlg.reject()
            w.doc.undo_stack.setClean()
            w.close()
            w.deleteLater()
            _pump(app, 0.2)
    i18n.set_language("zh")
    print(f"{len(written)} screenshots")
    return 0


if __name__ == "__main__":
    sys.exit(main())
