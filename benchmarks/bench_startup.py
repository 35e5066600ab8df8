"""Benchmark: cold start of the desktop app to its first painted window, on the sample.

Each repetition starts a fresh Python process and measures, from the parent, the time
from launching the process to the moment it reports its first paint:

- **bare**: a bare PySide6 ``QMainWindow`` (create the application, show the window, first
  paint event);
- **plain widgets** (a reference, not a target): the same kinds of widgets as the app's
  first window (tree dock, search line, filter box, table, menus, toolbar, status bar) with
  16 rows of made-up text and no application code, to show what a window of that shape
  costs over a bare one;
- **app**: ``python -m elevator_eval`` with ``ELEVATOR_EVAL_EXIT_AFTER_PAINT=1`` — the
  bundled font loaded, the sample street opened from its project file, the project tree
  and the street overview's unit table painted. The app computes the census (suitability
  class and consent state of every unit) right after that first paint; the time until
  the classes are filled in is reported too ("census ready"). The app then closes its
  window as a user does, which saves the window's layout for the next start; the
  untimed first run saves it, so the timed runs start as any start after the first
  one does;
- **first start** (info): the app with a settings store of its own each time, as on the
  very first start (no saved layout or window size: the layout made for the first start,
  ``elevator_eval/ui/default_layout.py``, and the full 1280 × 820 window, where a saved
  size is the offscreen screen's 800 × 600 at most).

All include starting the interpreter; compiled bytecode is cached between runs as on a
normal installation (the first, untimed run of each fills the cache). The kinds alternate
so that load on a shared machine affects them alike; the median of each is reported with
the ratio.

Targets: app ≤ 1.5 × bare, and app < 1.5 s.

    python3 benchmarks/bench_startup.py [repetitions]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5
TARGET_S = 1.5

WINDOW = r"""
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            obj.removeEventFilter(self)
            print("first-paint cpu", time.process_time(), flush=True)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv)
w = QMainWindow()
w.resize(1280, 820)
"""
"""The child scripts' application, main window and first-paint report."""

SHOW = r"""
hook = FirstPaint()
w.installEventFilter(hook)
w.show()
app.exec()
"""
"""Show the window ``w`` and report its first paint."""

BARE = (
    r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
"""
    + WINDOW
    + SHOW
)

WIDGETS = (
    r"""
# The same kinds of widgets as the app's first window, filled with 16 rows of made-up
# text, with no application code: no project file, no model, no translations, no font
# file. What any window of this shape costs over a bare one (a reference, not a target).
import sys, time
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDockWidget, QHBoxLayout, QLabel, QLineEdit, QMainWindow,
    QStackedWidget, QTableView, QTreeView, QVBoxLayout, QWidget,
)

class Rows(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 16
    def columnCount(self, parent=QModelIndex()):
        return 7
    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.DisplayRole:
            return f"单元 {index.row()}-{index.column()}"
        return None
    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return f"列{section}"
        return None

"""
    + WINDOW
    + r"""
tree_model = QStandardItemModel()
for c in range(3):
    community = QStandardItem(f"小区{c}")
    tree_model.appendRow(community)
    for b in range(3):
        building = QStandardItem(f"{b}号楼")
        community.appendRow(building)
        for u in range(2):
            building.appendRow(QStandardItem(f"{u + 1}单元"))
tree = QTreeView()
tree.setModel(tree_model)
tree.expandAll()
dock = QDockWidget()
dock.setWidget(tree)
w.addDockWidget(Qt.LeftDockWidgetArea, dock)
central = QWidget()
column = QVBoxLayout(central)
filters = QHBoxLayout()
filters.addWidget(QLabel("搜索"))
filters.addWidget(QLineEdit())
classes = QComboBox()
classes.addItems(["全部", "适合"])
filters.addWidget(classes)
column.addLayout(filters)
table = QTableView()
table.setModel(Rows())
table.resizeColumnsToContents()
column.addWidget(table)
stack = QStackedWidget()
stack.addWidget(central)
w.setCentralWidget(stack)
for name in ["文件", "编辑", "小区与楼栋", "视图", "帮助"]:
    menu = w.menuBar().addMenu(name)
    for k in range(8):
        act = QAction(f"{name}{k}", w)
        if k == 0:
            act.setShortcut(QKeySequence(QKeySequence.Open))
        menu.addAction(act)
toolbar = w.addToolBar("tools")
for k in range(10):
    toolbar.addAction(QAction(f"a{k}", w))
w.statusBar().addPermanentWidget(QLabel("16 单元"))
"""
    + SHOW
)


def _env(tmp: str) -> dict:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["ELEVATOR_EVAL_EXIT_AFTER_PAINT"] = "1"
    env["XDG_CONFIG_HOME"] = tmp  # a settings store of its own
    env["XDG_DATA_HOME"] = tmp
    # as on a normal installation, Python keeps compiled bytecode between runs (here in a
    # temporary cache, so that a PYTHONDONTWRITEBYTECODE setting of the calling shell does
    # not make every run recompile the package from source)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(tmp, "pycache")
    return env


def time_to_paint(
    cmd: list[str], env: dict, ready: list | None = None, cpu: list | None = None
) -> float:
    """Seconds from launching ``cmd`` to its line announcing the first paint (and, into
    ``ready``, to its line announcing the census; into ``cpu``, the CPU seconds the process
    had used at its first paint, which it prints after the word ``cpu``)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT, text=True
    )
    elapsed = None
    for line in proc.stdout:
        if line.startswith("first-paint"):
            elapsed = time.perf_counter() - t0
            words = line.split()
            if cpu is not None and "cpu" in words:
                cpu.append(float(words[words.index("cpu") + 1]))
        elif line.startswith("census-ready") and ready is not None:
            ready.append(time.perf_counter() - t0)
    proc.wait(timeout=60)
    if elapsed is None:
        raise RuntimeError(f"{cmd} did not report a first paint (exit {proc.returncode})")
    return elapsed


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    reps = int(argv[0]) if argv else 7
    bare, app, ready, bare_cpu, app_cpu, widgets, first = [], [], [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(tmp)
        # one untimed run of each fills the OS file cache and Python's bytecode cache
        time_to_paint([sys.executable, "-c", BARE], env)
        time_to_paint([sys.executable, "-c", WIDGETS], env)
        time_to_paint([sys.executable, "-m", "elevator_eval"], env)
        for _ in range(reps):
            bare.append(time_to_paint([sys.executable, "-c", BARE], env, cpu=bare_cpu))
            app.append(time_to_paint([sys.executable, "-m", "elevator_eval"], env, ready, app_cpu))
            widgets.append(time_to_paint([sys.executable, "-c", WIDGETS], env))
            fresh = tempfile.mkdtemp(dir=tmp)  # a settings store never used
            first.append(
                time_to_paint(
                    [sys.executable, "-m", "elevator_eval"],
                    dict(env, XDG_CONFIG_HOME=fresh, XDG_DATA_HOME=fresh),
                )
            )
    b, a = statistics.median(bare), statistics.median(app)
    ratio = a / b
    print(f"{'start-up to first paint':<34}{'median s':>10}{'min s':>10}{'max s':>10}")
    print(f"{'bare PySide6 window':<34}{b:>10.3f}{min(bare):>10.3f}{max(bare):>10.3f}")
    print(f"{'elevator-eval on the sample':<34}{a:>10.3f}{min(app):>10.3f}{max(app):>10.3f}")
    w = statistics.median(widgets)
    print(
        f"{'  plain widgets, no app code (ref)':<34}{w:>10.3f}{min(widgets):>10.3f}"
        f"{max(widgets):>10.3f}   ratio {w / b:.2f} (info)"
    )
    f = statistics.median(first)
    print(
        f"{'  first start (no saved layout)':<34}{f:>10.3f}{min(first):>10.3f}"
        f"{max(first):>10.3f}   ratio {f / b:.2f} (info)"
    )
    if ready:
        r = statistics.median(ready)
        print(
            f"{'  … census ready (classes shown)':<34}{r:>10.3f}{min(ready):>10.3f}"
            f"{max(ready):>10.3f}"
        )
    if bare_cpu and app_cpu:
        bc, ac = statistics.median(bare_cpu), statistics.median(app_cpu)
        print(
            f"{'CPU time at first paint':<34}{'bare':>10}{'app':>10}{'ratio':>10}\n"
            f"{'  (median s; info)':<34}{bc:>10.3f}{ac:>10.3f}{ac / bc:>10.2f}"
        )
    print(
        f"ratio app / bare: {ratio:.2f} (target ≤ {TARGET_RATIO}); "
        f"app {a:.3f} s (target < {TARGET_S} s); {reps} repetitions, offscreen"
    )
    ok = ratio <= TARGET_RATIO and a < TARGET_S
    print("PASS" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
