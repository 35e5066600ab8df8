"""A clerk's first day, from an empty window to printed proposals: a new project, one
community, building and unit, 12 households (6 floors × 2 doors), 8 votes with their
sources, then the proposal and the batch through the File menu into a folder chosen in the
(patched) folder dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog

from tests.ui.test_street_building import act, build_unit, fill
from tests.ui.vote_entry import enter_vote

VOTES = [
    ("101", "no", "meeting"),
    ("102", "yes", "meeting"),
    ("201", "yes", "paper"),
    ("202", "yes", "paper"),
    ("301", "abstain", "online"),
    ("402", "yes", "online"),
    ("501", "yes", "proxy"),
    ("602", "yes", "paper"),
]


def test_from_an_empty_window_to_printed_proposals(make_main_window, qtbot, monkeypatch, tmp_path):
    out = tmp_path / "出件"
    out.mkdir()
    monkeypatch.chdir(tmp_path)
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("和平街道", True))
    monkeypatch.setattr(
        QFileDialog,
        "getExistingDirectory",
        lambda parent, title, start="", *a, **k: asked.append(("folder", start)) or str(out),
    )
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda parent, title, start="", flt="", *a, **k: (
            asked.append(("save", start)) or (str(out / Path(start).name), flt)
        ),
    )

    w = make_main_window()
    act(w, "actNew").trigger()
    assert w.doc.project.units() == [] and w.tree.model().rowCount() == 0
    uid = build_unit(w, qtbot)
    act(w, "actGenerateHouseholds").trigger()
    fill(qtbot, w.street.dialog, area="60.5")
    unit = w.doc.unit(uid)
    assert len(unit.households) == 12

    grid = w.view("unit").tab("votes").grid
    for i, (door, vote, source) in enumerate(VOTES):
        msg = enter_vote(
            qtbot,
            grid,
            door,
            vote,
            source=source,
            date="2026-11-2" + str(i // 4),
            who="张三" if i == 0 else None,
        )
        assert msg == ""
    log = w.doc.project.vote_log
    assert [(e.household_id, e.new, e.source) for e in log] == VOTES
    assert all(e.note.startswith("录入人 张三") for e in log)  # remembered for the session
    assert {e.time for e in log} == {"2026-11-20", "2026-11-21"}
    # 6 yes of 8 taking part, 8 of 12 owners took part: a tally from the engine
    tally = w.doc.consent(uid)
    assert (tally.heads_taking_part, tally.heads_yes, tally.heads_no) == (8, 6, 1)

    # the proposal of the unit through File → Export PDF
    act(w, "actExportPdf").trigger()
    from tests.ui.test_actions import wait_tasks

    wait_tasks(qtbot)
    proposal = out / f"{uid}-proposal-zh.pdf"
    assert proposal.read_bytes().startswith(b"%PDF")
    # the batch through File → Batch into the folder chosen in the dialog
    act(w, "actBatch").trigger()
    wait_tasks(qtbot)
    assert [k for k, _ in asked] == ["save", "folder"]
    pdfs = sorted(p.name for p in out.glob("*.pdf"))
    assert len(pdfs) == 2 and proposal.name in pdfs
    from pypdf import PdfReader

    batch_pdf = next(out / p for p in pdfs if p != proposal.name)
    text = "".join(p.extract_text() for p in PdfReader(str(batch_pdf)).pages)
    assert "和平里小区" in text and "3号楼" in text
    assert not (tmp_path / "False").exists()
    assert str(out) in w.statusBar().currentMessage()
