"""Entering a vote as a clerk does: click the grid cell, choose in the vote editor, OK."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

NEXT = {None: "yes", "yes": "no", "no": "abstain", "abstain": None}
"""A vote different from the current one (for tests that only need a change)."""


def click_cell(qtbot, grid, door):
    r, c = grid.cell_of(door)
    rect = grid.visualItemRect(grid.item(r, c))
    qtbot.mouseClick(grid.viewport(), Qt.LeftButton, pos=rect.center())
    editor = grid.editor
    assert editor is not None and editor.isVisible()
    return editor


def enter_vote(
    qtbot,
    grid,
    door,
    vote="next",
    source=None,
    date=None,
    who=None,
    note=None,
    reason="业主书面申请更正",
):
    """Click ``door``'s cell and record ``vote`` (``"next"``: a different one) in the
    editor; a change of a recorded vote gets ``reason``. Returns the editor's message
    (empty when the vote was recorded)."""
    editor = click_cell(qtbot, grid, door)
    if vote == "next":
        vote = NEXT[editor.current]
    qtbot.mouseClick(editor.vote_buttons[vote], Qt.LeftButton)
    if source is not None:
        editor.source.setCurrentIndex(editor.source.findData(source))
    if date is not None:
        editor.date.setDate(QDate.fromString(date, "yyyy-MM-dd"))
    if who is not None:
        editor.who.clear()
        editor.who.insert(who)
    text = note if note is not None else (reason if editor.changing else "")
    if text:
        editor.note.insert(text)
    qtbot.mouseClick(editor.ok_button(), Qt.LeftButton)
    message = editor.message.text() if editor.isVisible() else ""
    if editor.isVisible():
        editor.reject()
    return message
