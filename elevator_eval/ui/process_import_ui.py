"""Importing intent registrations and e-voting results from the window: pick a file, see
every bad row (nothing is imported then) or a preview to confirm, apply as one undoable
step. Votes go through the audit log (source ``online``); undo records the previous votes
again, so the log shows the correction instead of losing it."""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox

from . import i18n

translate = QCoreApplication.translate


def row_error_text(e) -> str:
    """A bad row as the window's language says it: ``第 3 行，门牌：…`` or ``row 3, column
    门牌: …`` (the command line prints both languages)."""
    return e.text_in(i18n.lang())


class ImportRecordsCommand(QUndoCommand):
    """Apply a clean :class:`~elevator_eval.io.process_import.Preview` (intent or votes)."""

    def __init__(self, doc, preview, text: str):
        super().__init__(text)
        self.doc = doc
        self.preview = preview
        self.old: dict[tuple[str, str], object] = {}
        for r in preview.rows:
            unit = doc.project.find_unit(r["unit"])
            for d in r["doors"]:
                h = unit.household(d)
                self.old[(unit.id, d)] = (
                    copy.deepcopy(h.extra.get("intent")) if preview.kind == "intent" else h.vote
                )

    def redo(self) -> None:
        from ..io.process_import import apply_preview

        apply_preview(self.doc.project, self.preview)
        self._notify()

    def undo(self) -> None:
        from ..audit import record_vote

        for (uid, door), old in self.old.items():
            h = self.doc.project.find_unit(uid).household(door)
            if self.preview.kind == "intent":
                if old is None:
                    h.extra.pop("intent", None)
                else:
                    h.extra["intent"] = copy.deepcopy(old)
            else:
                record_vote(
                    self.doc.project,
                    uid,
                    door,
                    old,
                    "other",
                    note=f"undo import {self.preview.source}",
                )
                h.extra.pop("vote_proxy", None)
        self._notify()

    def _notify(self) -> None:
        for uid in sorted({r["unit"] for r in self.preview.rows}):
            self.doc.notify_unit(uid)


def import_records(widget, doc, kind: str, path: str | None = None) -> int:
    """Ask for a file, preview it, and import it after confirmation; returns the rows
    imported (0 when cancelled or refused)."""
    from ..errors import InputError
    from ..io.process_import import preview_intent, preview_votes

    title = (
        translate("ProcessImport", "导入意向登记")
        if kind == "intent"
        else translate("ProcessImport", "导入线上表决结果")
    )
    if path is None:
        from .exporting import ask_open_path

        path = ask_open_path(widget, title, "Excel / CSV (*.xlsx *.csv)")
        if not path:
            return 0
    report = getattr(widget.window(), "report_error", None)
    try:
        pv = (preview_intent if kind == "intent" else preview_votes)(doc.project, path)
    except InputError as e:
        if report is not None:
            report(title, i18n.error_text(e))
        return 0
    if pv.errors:
        if report is not None:
            report(
                title,
                translate("ProcessImport", "%n 行有误，未导入任何数据：", None, len(pv.errors))
                + "\n"
                + "\n".join(row_error_text(e) for e in pv.errors),
            )
        return 0
    lines = [
        f"{r['unit']} {'/'.join(r['doors'])}: "
        f"{r.get('vote') or ('✓' if r.get('interested') else '✗')}"
        for r in pv.rows[:12]
    ]
    if len(pv.rows) > 12:
        lines.append("…")
    answer = QMessageBox.question(
        widget,
        title,
        translate("ProcessImport", "将导入 %n 行：", None, len(pv.rows)) + "\n" + "\n".join(lines),
    )
    if answer != QMessageBox.Yes:
        return 0
    doc.undo_stack.push(ImportRecordsCommand(doc, pv, title))
    return len(pv.rows)
