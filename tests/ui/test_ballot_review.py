"""The window "录入回收的征询表" as a clerk uses it: pick a folder of scans, watch them read,
decide the doubtful one with one key, record, undo."""

from __future__ import annotations

import runpy
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from elevator_eval import ballots as B

ROOT = Path(__file__).resolve().parent.parent.parent
GEN = runpy.run_path(str(ROOT / "tools" / "ballot_scans.py"))
UNIT = "DH-1-1"


def _scans(tmp_path):
    from elevator_eval.store import save_project

    project = GEN["make_project"]()
    forms = GEN["render_forms"](project, [UNIT], (200,))[200]
    path = tmp_path / "street.eeproj"
    save_project(project, path)
    folder = tmp_path / "scans"
    folder.mkdir()
    rng = np.random.default_rng(4)
    plan = [(0, 0), (1, 2), (2, None), (0, 1)]  # form, box: yes, abstain, blank, copy
    for n, (form, box) in enumerate(plan):
        _serial, clean, h = forms[form]
        page = clean.copy()
        if box is not None:
            GEN["draw_mark"](page, h, box, "tick", GEN["INKS"]["black"], 200 / 25.4, rng)
        cv2.imwrite(
            str(folder / f"scan-{n}.jpg"),
            GEN["distort"](page, rng, 3.0 - 2 * n),
            [cv2.IMWRITE_JPEG_QUALITY, 75],
        )
    return path, folder


def test_pick_folder_review_with_one_key_record_and_undo(
    make_main_window, qtbot, tmp_path, monkeypatch
):
    path, folder = _scans(tmp_path)
    w = make_main_window(path=path)
    act = next(a for a in w.menu_file.actions() if a.objectName() == "actBallotReview")
    assert act.text() == "录入回收的征询表…"
    act.trigger()
    dlg = w.ballot_dialog
    assert dlg.isVisible() and dlg.windowTitle() == "录入回收的征询表"
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder))
    )
    qtbot.mouseClick(dlg.pick_folder_btn, Qt.LeftButton)
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 4, timeout=60_000)
    states = [dlg.table.item(r, 5).text() for r in range(4)]
    assert states[0] == "计入" and states[1] == "计入"
    assert states[2] == "待复核：没有勾选"
    assert states[3].startswith("未计入：表单编号重复")
    assert dlg.table.currentRow() == 2  # the review queue comes up first
    assert dlg.crop.pixmap() is not None and not dlg.crop.pixmap().isNull()
    assert dlg.record_btn.text() == "录入 2 份"
    qtbot.keyClick(dlg, Qt.Key_2)  # the owner wrote "不同意" in words
    assert dlg.table.item(2, 3).text() == "— → 反对"
    assert dlg.record_btn.text() == "录入 3 份"
    dlg.grab().save(str(tmp_path / "ballot-review.png"))
    n0 = len(w.doc.project.vote_log)
    qtbot.mouseClick(dlg.record_btn, Qt.LeftButton)
    unit = w.doc.unit(UNIT)
    owners = [homes for _o, homes in B.owners(unit)]
    assert [owners[i][0].vote for i in range(3)] == ["yes", "abstain", "no"]
    assert all(owners[i][0].vote_source == "paper" for i in range(3))
    assert len(w.doc.project.vote_log) == n0 + 3
    assert (tmp_path / "street.eeproj.ballots").is_dir()
    assert dlg.table.item(0, 5).text() == "已录入"
    w.act_undo.trigger()  # one undo takes the three back …
    assert [owners[i][0].vote for i in range(3)] == [None, None, None]
    assert len(w.doc.project.vote_log) == n0 + 6  # … and the log keeps both steps
    w.act_redo.trigger()
    assert [owners[i][0].vote for i in range(3)] == ["yes", "abstain", "no"]
    dlg.close()


def test_consent_forms_exported_from_the_window_sign_with_the_saved_secret(
    make_main_window, qtbot, tmp_path
):
    """The documents tab prints from a copy of the project: the secret must be created on
    the project itself (an undoable edit), or no printed form could ever be verified."""
    import pypdfium2 as pdfium
    import zxingcpp

    from elevator_eval.report.ballot_reading import scheme_of

    w = make_main_window()
    assert B.form_secret(w.doc.project) is None
    w.show_unit("XFL-3-2", tab="documents")
    tab = w.view("unit").tab("documents")
    tab.kind.setCurrentIndex(tab.kind.findData("consent_forms"))
    out = tmp_path / "forms.pdf"
    task = tab.export_current(str(out))
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    assert task.state == "finished", task.error
    assert B.form_secret(w.doc.project) is not None and w.doc.is_dirty()
    page = pdfium.PdfDocument(str(out))[0].render(scale=150 / 72, grayscale=True).to_numpy()
    [code] = zxingcpp.read_barcodes(
        page[..., 0] if page.ndim == 3 else page, formats=zxingcpp.BarcodeFormat.QRCode
    )
    ident, sig = B.parse_payload(code.text)
    assert B.judge(w.doc.project, ident, sig, scheme_of(w.doc.project)) == (None, "")


def test_the_decision_keys_use_the_windows_words_for_votes(make_main_window, tmp_path):
    """The keys under the scans say "Yes (1)" as the votes grid says "Yes", not "Agree"."""
    from PySide6.QtWidgets import QPushButton

    path, _folder = _scans(tmp_path)
    w = make_main_window(path=path, lang="en")
    act = next(a for a in w.menu_file.actions() if a.objectName() == "actBallotReview")
    act.trigger()
    texts = {b.text() for b in w.ballot_dialog.findChildren(QPushButton)}
    assert {"Yes (1)", "No (2)", "Abstain (3)", "Do not count (0)"} <= texts
    w.ballot_dialog.reject()
