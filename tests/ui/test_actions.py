"""Every menu and toolbar action, triggered as a user does (``QAction.trigger()``), with
the file dialogs answered by patched static methods that pick paths under tmp_path.

A triggered QAction passes its ``checked`` flag (False) to the slot; these tests make sure
no output is ever written to a folder or file named ``False`` or ``True``.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox


def wait_tasks(qtbot, timeout=120_000):
    from elevator_eval.ui.worker import running_tasks

    qtbot.waitUntil(lambda: not running_tasks(), timeout=timeout)


def action(w, name) -> QAction:
    act = w.findChild(QAction, name)
    assert act is not None, name
    return act


@pytest.fixture
def no_flag_paths(monkeypatch, tmp_path):
    """Run in tmp_path and check afterwards that no ``False``/``True`` entry appeared."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    for name in ("False", "True", "False.pdf", "True.pdf", "False.xlsx"):
        assert not (tmp_path / name).exists(), name


class Dialogs:
    """Answers for QFileDialog's static methods, recording what was asked."""

    def __init__(self, monkeypatch, save=None, folder=None, open_=None):
        self.asked = []
        self.save, self.folder, self.open_ = save, folder, open_
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self._folder)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._open)

    def _save(self, parent, title, start="", flt="", *a, **k):
        self.asked.append(("save", title, start))
        return (str(self.save) if self.save else "", flt)

    def _folder(self, parent, title, start="", *a, **k):
        self.asked.append(("folder", title, start))
        return str(self.folder) if self.folder else ""

    def _open(self, parent, title, start="", flt="", *a, **k):
        self.asked.append(("open", title, start))
        return (str(self.open_) if self.open_ else "", flt)


def test_batch_action_asks_for_a_folder_and_writes_there(
    make_main_window, qtbot, monkeypatch, no_flag_paths
):
    out = no_flag_paths / "chosen"
    out.mkdir()
    d = Dialogs(monkeypatch, folder=out)
    w = make_main_window()
    action(w, "actBatch").trigger()
    wait_tasks(qtbot)
    assert [a[0] for a in d.asked] == ["folder"]
    pdfs = sorted(p.name for p in out.glob("*.pdf"))
    assert len(pdfs) == 2  # the two units of the test project
    assert str(out) in w.statusBar().currentMessage()
    # the folder is remembered for the next dialog
    action(w, "actBatch").trigger()
    wait_tasks(qtbot)
    assert d.asked[-1][2] == str(out)


def test_batch_action_cancelled_dialog_writes_nothing(
    make_main_window, qtbot, monkeypatch, no_flag_paths
):
    d = Dialogs(monkeypatch)  # the user presses Cancel
    w = make_main_window()
    action(w, "actBatch").trigger()
    wait_tasks(qtbot)
    assert [a[0] for a in d.asked] == ["folder"]
    assert not list(no_flag_paths.rglob("*.pdf"))


@pytest.mark.parametrize("flag", [False, True])
def test_checked_flag_is_never_a_path(make_main_window, qtbot, monkeypatch, no_flag_paths, flag):
    from elevator_eval.ui import exporting

    assert exporting.as_path(flag) is None
    assert exporting.as_path("") is None
    assert exporting.as_path(no_flag_paths / "x.pdf") == str(no_flag_paths / "x.pdf")
    d = Dialogs(monkeypatch)
    w = make_main_window()
    # the signal with the flag, as a checkable action would send it
    for name in (
        "actBatch",
        "actExportPdf",
        "actExportXlsx",
        "actExportCensus",
        "actExportQuotes",
        "actSaveAs",
    ):
        act = action(w, name)
        act.setCheckable(True)
        act.setChecked(not flag)
        act.trigger()  # toggles, then sends triggered(flag)
        assert act.isChecked() is flag
        wait_tasks(qtbot)
    assert len(d.asked) == 6  # each asked; each was cancelled
    assert w.batch_proposals(flag) is None  # a flag passed directly asks too
    assert len(d.asked) == 7


def test_export_pdf_action_prints_the_current_units_proposal(
    make_main_window, qtbot, monkeypatch, no_flag_paths
):
    out = no_flag_paths / "p.pdf"
    Dialogs(monkeypatch, save=out)
    w = make_main_window()
    w.show_unit("XFL-4-2")
    action(w, "actExportPdf").trigger()
    wait_tasks(qtbot)
    assert out.read_bytes().startswith(b"%PDF")
    assert w.view("unit").tab("documents").kind.currentData() == "proposal"


def test_export_pdf_in_procurement_prints_the_quote_comparison(
    make_main_window, qtbot, monkeypatch, no_flag_paths
):
    out = no_flag_paths / "quotes"  # the suffix is added
    Dialogs(monkeypatch, save=out)
    w = make_main_window()
    action(w, "actProcurement").trigger()
    assert w.current_view_name() == "procurement"
    action(w, "actExportPdf").trigger()
    wait_tasks(qtbot)
    assert w.current_view_name() == "procurement"  # no jump to a unit
    pdf = no_flag_paths / "quotes.pdf"
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "报价" in text
    products = w.view("procurement").products
    assert products and all(p.id in text for p in products)


def test_census_action_prints_the_census_report(
    make_main_window, qtbot, monkeypatch, no_flag_paths
):
    out = no_flag_paths / "census.pdf"
    Dialogs(monkeypatch, save=out)
    w = make_main_window()
    action(w, "actExportCensus").trigger()
    wait_tasks(qtbot)
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "普查" in text and "XFL-4-2" in text


def test_quotes_action_from_the_overview(make_main_window, qtbot, monkeypatch, no_flag_paths):
    out = no_flag_paths / "q.pdf"
    Dialogs(monkeypatch, save=out)
    w = make_main_window()
    action(w, "actExportQuotes").trigger()
    wait_tasks(qtbot)
    assert out.read_bytes().startswith(b"%PDF")


def test_export_excel_action(make_main_window, qtbot, monkeypatch, no_flag_paths):
    out = no_flag_paths / "street"
    Dialogs(monkeypatch, save=out)
    w = make_main_window()
    action(w, "actExportXlsx").trigger()
    wait_tasks(qtbot)  # written in the background, behind the progress dialog
    import openpyxl

    wb = openpyxl.load_workbook(no_flag_paths / "street.xlsx")
    text = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row)
    assert "XFL-3-2" in text and "XFL-4-2" in text


def test_save_as_and_open_actions(make_main_window, qtbot, monkeypatch, no_flag_paths):
    out = no_flag_paths / "street.eeproj"
    d = Dialogs(monkeypatch, save=out, open_=out)
    w = make_main_window()
    action(w, "actSaveAs").trigger()
    assert out.is_file() and w.doc.path == out
    action(w, "actSave").trigger()  # saves in place, no dialog
    assert [a[0] for a in d.asked] == ["save"]
    action(w, "actOpen").trigger()
    assert w.doc.path == out and len(w.doc.project.units()) == 2
    assert d.asked[-1][0] == "open"


def test_new_action_asks_for_a_name(make_main_window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("和平街道", True))
    w = make_main_window()
    action(w, "actNew").trigger()
    assert w.doc.project.name == "和平街道" and w.doc.project.units() == []
    assert w.tree.model().rowCount() == 0


def test_import_action_opens_the_import_dialog(make_main_window, qtbot):
    from elevator_eval.ui.import_dialog import ImportDialog

    w = make_main_window()
    action(w, "actImport").trigger()
    dlg = w.findChild(ImportDialog)
    assert dlg is not None and dlg.isVisible()
    dlg.close()


def test_view_actions_switch_views(make_main_window):
    w = make_main_window()
    action(w, "actUnit").trigger()
    assert w.current_view_name() == "unit" and w.current_unit == "XFL-3-2"
    action(w, "actProcurement").trigger()
    assert w.current_view_name() == "procurement"
    action(w, "actOverview").trigger()
    assert w.current_view_name() == "overview"
    action(w, "actUnit").trigger()
    action(w, "actFind").trigger()  # back to the overview's search box
    assert w.current_view_name() == "overview"


def test_undo_redo_actions(make_main_window):
    w = make_main_window()
    w.doc.set_vote("XFL-3-2", "101", "yes")
    assert action(w, "actUndo").isEnabled()
    action(w, "actUndo").trigger()
    assert w.doc.unit("XFL-3-2").household("101").vote == "no"
    action(w, "actRedo").trigger()
    assert w.doc.unit("XFL-3-2").household("101").vote == "yes"


def test_recompute_action(make_main_window, qtbot):
    w = make_main_window()
    action(w, "actRecompute").trigger()
    wait_tasks(qtbot)
    assert ("census",) in w.doc._cache


def test_vote_log_action(make_main_window):
    from PySide6.QtWidgets import QDialog

    w = make_main_window()
    action(w, "actVoteLog").trigger()
    dlg = w.findChild(QDialog, "VoteLogDialog")
    assert dlg is not None and dlg.isVisible()
    dlg.close()


def test_about_action(make_main_window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    w = make_main_window()
    action(w, "actAbout").trigger()
    assert shown and "民法典" in shown[0]


def test_language_actions(make_main_window):
    w = make_main_window()
    action(w, "actLangEn").trigger()
    assert w.menu_file.title() == "&File"
    action(w, "actLangZh").trigger()
    assert w.menu_file.title() == "文件(&F)"


def test_quit_action_closes_the_window(make_main_window, qtbot):
    w = make_main_window()
    action(w, "actQuit").trigger()
    qtbot.waitUntil(lambda: not w.isVisible())


def test_quit_has_a_shortcut_on_every_platform(make_main_window, qtbot):
    """Qt's standard Quit keys are empty on Windows (and offscreen): Ctrl+Q stands in, and
    pressing it closes the window."""
    from PySide6.QtCore import Qt

    w = make_main_window()
    keys = action(w, "actQuit").shortcuts()
    assert keys and not keys[0].isEmpty()
    w.activateWindow()
    qtbot.waitActive(w)
    qtbot.keyClick(w.windowHandle(), Qt.Key_Q, Qt.ControlModifier)
    qtbot.waitUntil(lambda: not w.isVisible())
