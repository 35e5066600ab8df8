"""The File menu's entry "录入回收的征询表…", opening the window of
:mod:`elevator_eval.ui.ballot_review`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from .lazy_qt import Qt

translate = QCoreApplication.translate


def install_action(window) -> QAction:
    """Add "录入回收的征询表…" to the window's File menu (one line in the main window)."""
    act = QAction(window)
    act.setObjectName("actBallotReview")

    def texts():
        act.setText(translate("Ballots", "录入回收的征询表…"))
        act.setStatusTip(translate("Ballots", "读取扫描件中的征询表，复核后录入表决"))

    def open_dialog():
        # the dialog's module (and the ballot reader) loads when the entry is first used,
        # not at start-up
        from .ballot_review import BallotReviewDialog

        dlg = BallotReviewDialog(window.doc, window)
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.show()
        window.ballot_dialog = dlg

    texts()
    window.menu_file.aboutToShow.connect(texts)
    act.triggered.connect(open_dialog)
    acts = window.menu_file.actions()
    i = acts.index(window.act_quit) if window.act_quit in acts else len(acts)
    before = acts[i - 1] if 0 < i <= len(acts) and acts[i - 1].isSeparator() else window.act_quit
    window.menu_file.insertAction(before, act)
    return act
