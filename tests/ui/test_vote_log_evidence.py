"""A paper vote read back from a returned form shows the scanned tick boxes in the vote
log: the clerk selects the entry and sees the crop kept beside the project."""

from __future__ import annotations

import runpy
from pathlib import Path

import cv2
import numpy as np

from elevator_eval.io.ballots.batch import read_scans, record_results
from elevator_eval.report.ballot_reading import scheme_of
from elevator_eval.store import save_project

ROOT = Path(__file__).resolve().parent.parent.parent
GEN = runpy.run_path(str(ROOT / "tools" / "ballot_scans.py"))
UNIT = "DH-1-1"


def test_selecting_a_paper_vote_shows_the_crop_of_its_boxes(make_main_window, qtbot, tmp_path):
    project = GEN["make_project"]()
    forms = GEN["render_forms"](project, [UNIT], (200,))[200]
    serial, clean, h = forms[0]
    page = clean.copy()
    GEN["draw_mark"](page, h, 0, "tick", GEN["INKS"]["blue"], 200 / 25.4, np.random.default_rng(0))
    scan = tmp_path / "scan.png"
    cv2.imwrite(str(scan), page)
    path = tmp_path / "street.eeproj"
    [r] = read_scans(project, [scan], scheme_of=scheme_of(project))
    assert r.status == "counted" and r.vote == "yes"
    recorded = record_results(project, [r], path)
    assert len(recorded) == 1
    save_project(project, path)

    w = make_main_window(path=path)
    w.act_vote_log.trigger()
    view = w._vote_log_dialog.view
    table = view.table
    paper_rows = [
        row
        for row in range(table.rowCount())
        if serial in table.item(row, table.columnCount() - 2).text()
    ]
    other_rows = [row for row in range(table.rowCount()) if row not in paper_rows]
    assert paper_rows, "the recorded paper vote is in the log"
    if other_rows:  # a vote typed in: no crop
        table.selectRow(other_rows[0])
        assert view.evidence.isHidden()
    table.selectRow(paper_rows[0])
    assert not view.evidence.isHidden()
    pix = view.evidence.pixmap()
    assert pix is not None and not pix.isNull() and pix.width() > pix.height()
    assert r.sha256 in view.evidence.toolTip()
    w._vote_log_dialog.close()
