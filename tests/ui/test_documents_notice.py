"""The documents view refuses the scheme notice of a vote that has not passed, says why, and
writes the vote progress notice instead when the user picks it."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _pick(tab, kind: str) -> None:
    tab.kind.setCurrentIndex(tab.kind.findData(kind))  # as choosing it from the list


def test_refused_notice_and_progress_notice(make_main_window, qtbot):
    from PySide6.QtPdf import QPdfDocument

    w = make_main_window("sample")
    w.show_unit("DH-1-2", tab="documents")
    tab = w.view("unit").tab("documents")
    _pick(tab, "notice")
    qtbot.mouseClick(tab.preview_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "无法生成" in tab.status.text(), timeout=60_000)
    assert "表决尚未通过" in tab.status.text() and "表决进展通报" in tab.status.text()
    _pick(tab, "progress_notice")
    qtbot.mouseClick(tab.preview_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: tab.pdf.status() == QPdfDocument.Status.Ready and "共" in tab.status.text(),
        timeout=60_000,
    )
    assert tab.pdf.pageCount() >= 1


def test_the_preview_says_it_is_coming_as_soon_as_the_tab_opens(make_main_window, qtbot):
    """The preview waits for a pause in the choices (400 ms) before it is written: the
    status says so at once instead of leaving an empty grey page without a word."""
    from PySide6.QtPdf import QPdfDocument

    w = make_main_window("sample")
    w.show_unit("GY-3-1", tab="documents")
    tab = w.view("unit").tab("documents")
    assert tab.isVisible() and tab.status.text() == "正在生成预览…"
    qtbot.waitUntil(
        lambda: tab.pdf.status() == QPdfDocument.Status.Ready and "共" in tab.status.text(),
        timeout=60_000,
    )
    _pick(tab, "notice")  # another choice: said at once again
    assert tab.status.text() == "正在生成预览…"


def test_the_proposal_preview_lists_what_to_complete_before_handing_it_out(make_main_window, qtbot):
    """GY-1-1's budget has a pipe relocation the survey does not support and subsidies with
    no notice named: the paper prints prompts for them, and the documents tab lists them
    under the preview so that the clerk sees them before handing the paper out."""
    from PySide6.QtPdf import QPdfDocument

    w = make_main_window("sample")
    w.show_unit("GY-1-1", tab="documents")
    tab = w.view("unit").tab("documents")
    _pick(tab, "proposal")
    qtbot.mouseClick(tab.preview_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: tab.pdf.status() == QPdfDocument.Status.Ready and "共" in tab.status.text(),
        timeout=60_000,
    )
    text = tab.status.text()
    assert "待补充后再分发：" in text and "未注明依据文件" in text and "管线迁改" in text


def test_the_report_command_lists_the_gaps_too(tmp_path):
    import io
    import json

    from elevator_eval.cli import run_command
    from elevator_eval.resources import sample_project_path

    out, err = io.StringIO(), io.StringIO()
    code = run_command(
        "report",
        [str(sample_project_path()), "--unit", "GY-1-1", "-o", str(tmp_path / "p.pdf"), "--json"],
        stdout=out,
        stderr=err,
    )
    assert code == 0, err.getvalue()
    gaps = json.loads(out.getvalue())["to_complete"]
    assert any("管线迁改" in g["zh"] for g in gaps) and all(g["en"] for g in gaps)
