"""The small editor a click on the vote grid opens: the vote, how it was cast (会议 / 纸质 /
线上 / 委托 / 其他), the date, who entered it and a note. Changing a vote that is already
recorded needs a reason. Source, date and clerk are remembered for the rest of the session
of entry (``ProjectDocument.vote_entry_defaults``).

The vote goes through :meth:`ProjectDocument.set_vote` (one undoable command that writes
the audit log entry); the log note reads ``录入人 <who>；<note>``.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from ..model import VOTE_SOURCES
from . import i18n, labels

VOTE_CHOICES = ("yes", "no", "abstain", None)


def compose_note(who: str, note: str, who_label: str) -> str:
    """The log note: ``录入人 张三；原表决票填错`` (parts left out when empty)."""
    parts = []
    if who.strip():
        parts.append(f"{who_label} {who.strip()}")
    if note.strip():
        parts.append(note.strip())
    return "；".join(parts)


def last_event(project, unit_id: str, household_id: str):
    """The newest log entry of a household, or None."""
    for ev in reversed(getattr(project, "vote_log", []) or []):
        if ev.unit_id == unit_id and ev.household_id == household_id:
            return ev
    return None


class VoteEditor(QDialog):
    """Edit one household's vote; ``preset`` preselects a vote (keys Y / N / A / Del)."""

    def __init__(
        self, doc, unit_id: str, household_id: str, parent=None, preset: str | bool | None = False
    ):
        super().__init__(parent)
        self.setObjectName("VoteEditor")
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.doc, self.unit_id, self.household_id = doc, unit_id, household_id
        hh = doc.unit(unit_id).household(household_id)
        self.current = hh.vote
        self.setWindowTitle(self.tr("表决录入 — {0}").format(household_id))
        head = self._build_header(hh)
        row = self._build_vote_buttons()
        chosen = hh.vote if preset is False else preset
        self.vote_buttons[chosen].setChecked(True)
        self.changing = hh.vote is not None
        self._build_fields(doc.vote_entry_defaults)
        self._build_layout(head, row)
        self.vote_buttons[chosen].setFocus()

    def _build_header(self, hh) -> QLabel:
        """The door (and owner) heading; sets the label of the vote recorded now."""
        name = (hh.owner_name or "").strip()
        head = QLabel(
            self.tr("门牌 {door}{name}").format(
                door=self.household_id, name=i18n.aside(name) if name else ""
            )
        )
        f = head.font()
        f.setBold(True)
        head.setFont(f)
        now = labels.vote_label(hh.vote)
        if hh.vote is not None and hh.vote_source:
            now += self.tr("（{source}，{date}）").format(
                source=labels.source_label(hh.vote_source), date=hh.vote_date or "—"
            )
        self.current_label = QLabel(self.tr("当前：{0}").format(now))
        ev = last_event(self.doc.project, self.unit_id, self.household_id)
        if ev is not None:
            self.current_label.setToolTip(
                self.tr("最近一条记录：第 {seq} 条，{time}，{note}").format(
                    seq=ev.seq, time=ev.time, note=ev.note or "—"
                )
            )
        return head

    def _build_vote_buttons(self) -> QHBoxLayout:
        """One radio button per vote choice, in a row."""
        self.votes = QButtonGroup(self)
        row = QHBoxLayout()
        self.vote_buttons: dict[str | None, QRadioButton] = {}
        for i, v in enumerate(VOTE_CHOICES):
            b = QRadioButton(labels.vote_label(v))
            b.setObjectName(f"vote_{v or 'absent'}")
            self.votes.addButton(b, i)
            self.vote_buttons[v] = b
            row.addWidget(b)
        return row

    def _build_fields(self, defaults: dict) -> None:
        """Source, date, who, note and the message line; defaults from the last entry."""
        self.source = QComboBox()
        self.source.setObjectName("VoteSource")
        for s in VOTE_SOURCES:
            self.source.addItem(labels.source_label(s), s)
        self.source.setCurrentIndex(max(0, self.source.findData(defaults.get("source", "paper"))))
        self.date = QDateEdit()
        self.date.setObjectName("VoteDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate.currentDate())
        self.date.setDate(defaults.get("date") or QDate.currentDate())
        self.who = QLineEdit(defaults.get("who", ""))
        self.who.setObjectName("VoteWho")
        self.who.setPlaceholderText(self.tr("录入表决的工作人员"))
        self.note = QLineEdit()
        self.note.setObjectName("VoteNote")
        self.note_label = QLabel(
            self.tr("变更原因（必填）") if self.changing else self.tr("备注（可选）")
        )
        self.note.setPlaceholderText(
            self.tr("如：业主书面申请更正")
            if self.changing
            else self.tr("如：委托人姓名、表决票编号")
        )
        self.message = QLabel()
        self.message.setObjectName("VoteMessage")
        self.message.setStyleSheet("color:#c62828")
        self.message.setWordWrap(True)

    def _build_layout(self, head: QLabel, row: QHBoxLayout) -> None:
        """The form and the OK / Cancel buttons."""
        form = QFormLayout()
        form.addRow(self.tr("表决"), row)
        form.addRow(self.tr("来源"), self.source)
        form.addRow(self.tr("日期"), self.date)
        form.addRow(self.tr("录入人"), self.who)
        form.addRow(self.note_label, self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.current_label)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)

    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.Ok)

    def chosen_vote(self) -> str | None:
        return VOTE_CHOICES[self.votes.checkedId()]

    def _ok(self) -> None:
        vote = self.chosen_vote()
        if vote == self.current:
            self.message.setText(self.tr("表决没有改变"))
            return
        if self.changing and not self.note.text().strip():
            self.message.setText(self.tr("改变已记录的表决须填写原因"))
            self.note.setFocus()
            return
        source = self.source.currentData()
        date = self.date.date()
        who = self.who.text().strip()
        self.doc.vote_entry_defaults.update({"source": source, "date": date, "who": who})
        note = compose_note(who, self.note.text(), self.tr("录入人"))
        self.doc.set_vote(
            self.unit_id,
            self.household_id,
            vote,
            source=source,
            when=date.toString("yyyy-MM-dd"),
            note=note,
        )
        self.accept()
