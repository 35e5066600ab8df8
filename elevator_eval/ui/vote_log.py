"""The vote audit trail on screen: every recorded vote change, newest first, with the
result of the hash-chain check (:func:`elevator_eval.audit.verify_log`) and a CSV export.

The view only reads ``project.vote_log`` (the log is append-only; votes are changed in the
votes tab, which records them through :func:`elevator_eval.audit.record_vote`). It refreshes
whenever the document reports a changed unit or a replaced project, so a vote set in the
grid shows up at once.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..atomic import atomic_write_bytes
from . import i18n, labels

translate = QCoreApplication.translate

HASH_CHARS = 10
"""How many hex characters of an entry's hash the table shows."""

COLUMNS = ("seq", "time", "unit", "door", "owner", "change", "source", "scheme", "note", "hash")
ALTERED_COLOUR = "#c62828"
INTACT_COLOUR = "#2e7d32"


def column_titles() -> list[str]:
    return [
        translate("VoteLog", "序号"),
        translate("VoteLog", "时间"),
        translate("VoteLog", "单元"),
        translate("VoteLog", "门牌"),
        translate("VoteLog", "业主"),
        translate("VoteLog", "原表决 → 新表决"),
        translate("VoteLog", "来源"),
        translate("VoteLog", "方案版本"),
        translate("VoteLog", "备注"),
        translate("VoteLog", "哈希（前 10 位）"),
    ]


def time_text(iso: str) -> str:
    """``2026-03-05T19:30:00+08:00`` → ``2026-03-05 19:30`` (a date stays a date)."""
    return iso[:16].replace("T", " ") if "T" in iso else iso


def owner_name(project, unit_id: str, household_id: str) -> str:
    """The household's owner name now ('' when the unit or door is no longer there)."""
    try:
        return (project.find_unit(unit_id).household(household_id).owner_name or "").strip()
    except (KeyError, AttributeError):
        return ""


def entries(project, unit_id: str | None = None) -> list[tuple[int, object]]:
    """(0-based position in the whole log, event) for the unit (all units when None),
    newest first."""
    log = list(getattr(project, "vote_log", []) or [])
    return [
        (i, ev)
        for i, ev in reversed(list(enumerate(log)))
        if unit_id is None or ev.unit_id == unit_id
    ]


def check(project) -> tuple[bool, int | None, int]:
    """``verify_log`` of the whole project log: (ok, first bad 0-based index, entries)."""
    from ..audit import verify_log

    log = list(getattr(project, "vote_log", []) or [])
    ok, bad = verify_log(log)
    return ok, bad, len(log)


def status_text(ok: bool, bad: int | None, n: int) -> str:
    if ok:
        return translate("VoteLog", "记录完整：{n} 条，哈希链校验通过").format(n=n)
    return translate("VoteLog", "记录被改动：第 {k} 条起校验失败").format(k=bad + 1)


def write_csv(project, path: str | Path, unit_id: str | None = None) -> Path:
    """Write the log (of one unit, or all) to a UTF-8 CSV with a header row, newest first.

    Every text cell goes through :func:`elevator_eval.io.cellguard.neutralise`, so a note such
    as ``=HYPERLINK(…)`` opens as text in a spreadsheet. Votes and sources are written as
    words of the current language next to their codes; the full hashes are kept.
    """
    from ..io.cellguard import neutralise

    path = Path(path)
    head = [
        translate("VoteLog", "序号"),
        translate("VoteLog", "时间"),
        translate("VoteLog", "单元"),
        translate("VoteLog", "门牌"),
        translate("VoteLog", "业主"),
        translate("VoteLog", "原表决"),
        translate("VoteLog", "新表决"),
        translate("VoteLog", "来源"),
        translate("VoteLog", "方案版本"),
        translate("VoteLog", "备注"),
        "previous",
        "new",
        "source",
        "prev_hash",
        "hash",
    ]
    with io.StringIO(newline="") as f:  # built in memory, then written whole
        out = csv.writer(f)
        out.writerow([neutralise(h) for h in head])
        for _i, ev in entries(project, unit_id):
            row = [
                str(ev.seq),
                ev.time,
                ev.unit_id,
                ev.household_id,
                owner_name(project, ev.unit_id, ev.household_id),
                labels.vote_label(ev.previous),
                labels.vote_label(ev.new),
                labels.source_label(ev.source),
                str(ev.scheme_version),
                ev.note or "",
                ev.previous or "",
                ev.new or "",
                ev.source,
                ev.prev_hash,
                ev.hash,
            ]
            out.writerow([neutralise(str(v)) for v in row])
        text = f.getvalue()
    atomic_write_bytes(path, text.encode("utf-8-sig"))
    return path


class VoteLogView(QWidget):
    """The log as a read-only table (newest first), its check status and an export button.

    Parameters
    ----------
    doc : ProjectDocument
    unit_id : str or None
        Show only this unit's entries; the whole project when None. The chain is always
        checked over the whole log, since each entry is chained to the one before it in
        the project, whatever its unit.
    """

    def __init__(self, doc, unit_id: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("VoteLogView")
        self.doc = doc
        self.unit_id = unit_id
        self.caption = QLabel()
        self.caption.setObjectName("VoteLogCaption")
        self.caption.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("VoteLogStatus")
        f = self.status.font()
        f.setBold(True)
        self.status.setFont(f)
        self.status.setToolTip(
            self.tr(
                "每条记录含上一条的 SHA-256 哈希；改动、删除或调换任何一条，从该条起校验失败。"
                "哈希链能让改动被发现，但不能阻止重写整条链，请另行公布最后一条的哈希。"
            )
        )
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("VoteLogTable")
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setHorizontalHeaderLabels(column_titles())
        self.table.verticalHeader().hide()
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeToContents)
        hh.setSectionResizeMode(COLUMNS.index("note"), QHeaderView.Stretch)
        self.export_button = QPushButton(self.tr("导出 CSV…"))
        self.export_button.setObjectName("VoteLogExport")
        self.export_button.clicked.connect(lambda: self.export_csv())
        # a paper vote read from a scan: the crop of its tick boxes, as evidence
        self.evidence = QLabel()
        self.evidence.setObjectName("VoteLogEvidence")
        self.evidence.setAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.evidence.hide()
        self.table.itemSelectionChanged.connect(self._show_evidence)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.caption)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.evidence)
        lay.addLayout(bottom)
        doc.unitChanged.connect(self._on_unit_changed)
        doc.projectReplaced.connect(self.refresh)
        doc.structureChanged.connect(self.refresh)
        self.refresh()

    def _on_unit_changed(self, unit_id: str) -> None:
        # a vote set anywhere appends to the one chain: the status changes for every view
        self.refresh()

    def _unlogged(self) -> list[str]:
        """Doors of the unit whose present vote has no entry in the log."""
        if not self.unit_id:
            return []
        from ..audit import unlogged_votes

        try:
            unit = self.doc.unit(self.unit_id)
        except KeyError:
            return []
        return unlogged_votes(unit, getattr(self.doc.project, "vote_log", []) or [])

    def refresh(self) -> None:
        project = self.doc.project
        rows = entries(project, self.unit_id)
        ok, bad, n = check(project)
        where = self.tr("单元 {0}").format(self.unit_id) if self.unit_id else self.tr("全部单元")
        caption = self.tr("{where}：{m} 条表决变更，最新的在上；记录只增不改。").format(
            where=where, m=len(rows)
        )
        unlogged = self._unlogged()
        if unlogged:
            shown = i18n.listing(unlogged[:12]) + ("…" if len(unlogged) > 12 else "")
            caption += "\n" + self.tr(
                "另有 %n 户的现有表决不在记录中（随表格或单元文件导入，或早于记录录入），"
                "须另有依据：{0}",
                "",
                len(unlogged),
            ).format(shown)
        self.caption.setText(caption)
        self.status.setText(status_text(ok, bad, n))
        self.status.setProperty("intact", ok)
        self.status.setStyleSheet(f"color:{INTACT_COLOUR if ok else ALTERED_COLOUR}")
        tbl = self.table
        tbl.setRowCount(len(rows))
        for r, (i, ev) in enumerate(rows):
            values = [
                str(ev.seq),
                time_text(ev.time),
                ev.unit_id,
                ev.household_id,
                owner_name(project, ev.unit_id, ev.household_id),
                f"{labels.vote_label(ev.previous)} → {labels.vote_label(ev.new)}",
                labels.source_label(ev.source),
                str(ev.scheme_version),
                ev.note or "",
                (ev.hash or "")[:HASH_CHARS],
            ]
            for c, v in enumerate(values):
                it = QTableWidgetItem(v)
                it.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
                it.setData(Qt.UserRole, i)
                if COLUMNS[c] == "time":
                    it.setToolTip(ev.time)
                elif COLUMNS[c] == "hash":
                    it.setToolTip(self.tr("本条：{0}\n上一条：{1}").format(ev.hash, ev.prev_hash))
                    it.setFont(_mono(it.font()))
                if not ok and bad is not None and i >= bad:
                    it.setBackground(QBrush(QColor("#fde0dc")))
                tbl.setItem(r, c, it)

    def _show_evidence(self) -> None:
        """Show the scanned tick boxes behind the selected entry (paper votes read back
        from returned forms; the crop is kept beside the project)."""
        from ..io.ballots.batch import crop_for_entry

        items = self.table.selectedItems()
        crop = None
        if items:
            seq_item = self.table.item(items[0].row(), COLUMNS.index("seq"))
            try:
                crop = crop_for_entry(self.doc.project, self.doc.path, int(seq_item.text()))
            except (ValueError, AttributeError):
                crop = None
        if crop is None:
            self.evidence.clear()
            self.evidence.hide()
            return
        pix = QPixmap(str(crop))
        self.evidence.setPixmap(pix.scaledToHeight(min(pix.height(), 120), Qt.SmoothTransformation))
        self.evidence.setToolTip(self.tr("回收征询表扫描件中的勾选框：{0}").format(crop.name))
        self.evidence.show()

    def export_csv(self, path: str | None = None) -> Path | None:
        """Write the shown entries to CSV (asks for a file name when ``path`` is None)."""
        if path is None:
            from .exporting import ask_save_path

            stem = self.unit_id or (self.doc.project.name or "project")
            path = ask_save_path(
                self, self.tr("导出表决记录"), f"{stem}-votelog.csv", "CSV (*.csv)", ".csv"
            )
            if not path:
                return None
        try:
            return write_csv(self.doc.project, path, self.unit_id)
        except OSError as e:
            self.status.setText(self.tr("导出失败：{0}").format(i18n.error_text(e)))
            self.status.setStyleSheet(f"color:{ALTERED_COLOUR}")
            return None


def _mono(font):
    font.setFamilies(["monospace"] + list(font.families()))
    return font


class VoteLogDialog(QDialog):
    """A window around :class:`VoteLogView` (one unit, or the whole project)."""

    def __init__(self, doc, unit_id: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("VoteLogDialog")
        self.setWindowTitle(self.tr("表决记录") + (f" — {unit_id}" if unit_id else ""))
        self.view = VoteLogView(doc, unit_id, self)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addWidget(buttons)
        self.resize(1100, 560)
