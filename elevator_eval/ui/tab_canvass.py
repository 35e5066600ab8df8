"""Canvassing tab (走访): the owners to visit, ordered by what the vote still needs, with
their last contact and concerns, and a form to log a contact (undoable)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from . import i18n, labels
from .tab_base import UnitTab
from .tab_process import make_table
from .tab_votes import needed_text


class CanvassTab(UnitTab):
    name = "canvass"

    def __init__(self, doc, parent=None):
        super().__init__(doc, parent)
        self.needed = QLabel()
        self.needed.setObjectName("NeededText")
        self.needed.setWordWrap(True)
        self.table = make_table(
            [
                self.tr("优先"),
                self.tr("业主"),
                self.tr("门牌"),
                self.tr("面积 ㎡"),
                self.tr("表决"),
                self.tr("意向"),
                self.tr("走访次数"),
                self.tr("最近走访"),
                self.tr("结果"),
                self.tr("顾虑"),
            ],
            "VisitList",
        )
        self._name_choices()
        row = self._build_contact_row()
        row2 = self._build_intent_row()
        form = QGroupBox(self.tr("为所选业主记录一次走访"))
        col = QVBoxLayout(form)
        col.addLayout(row)
        col.addLayout(row2)
        lay = QVBoxLayout(self)
        lay.addWidget(self.needed)
        lay.addWidget(self.table, 1)
        lay.addWidget(form)
        self.rows = []

    def _name_choices(self) -> None:
        """Display names of the channels, outcomes, concerns and votes."""
        # one word per code, as the documents name them (the vocabulary)
        self.channel_names = labels.code_names("contact_channels")
        self.outcome_names = labels.code_names("contact_outcomes")
        self.concern_names = labels.code_names("concerns")
        self.vote_names = {
            "yes": self.tr("同意"),
            "no": self.tr("反对"),
            "abstain": self.tr("弃权"),
            None: self.tr("未投票"),
        }

    def _build_contact_row(self) -> QHBoxLayout:
        """Date, channel, outcome, concerns, note and the record button of one visit."""
        from ..process.records import CHANNELS, CONCERNS, OUTCOMES

        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("ContactDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.channel = QComboBox()
        self.channel.setObjectName("ContactChannel")
        for c in CHANNELS:
            self.channel.addItem(self.channel_names[c], c)
        self.outcome = QComboBox()
        self.outcome.setObjectName("ContactOutcome")
        for o in OUTCOMES:
            self.outcome.addItem(self.outcome_names[o], o)
        self.concerns = {}
        row = QHBoxLayout()
        for w in (self.date, self.channel, self.outcome):
            row.addWidget(w)
        for c in CONCERNS:
            box = QCheckBox(self.concern_names[c])
            box.setObjectName(f"Concern_{c}")
            self.concerns[c] = box
            row.addWidget(box)
        self.note = QLineEdit()
        self.note.setObjectName("ContactNote")
        self.note.setPlaceholderText(self.tr("备注"))
        row.addWidget(self.note, 1)
        self.add_btn = QPushButton(self.tr("记录走访"))
        self.add_btn.setObjectName("AddContact")
        self.add_btn.clicked.connect(self.add_contact)
        row.addWidget(self.add_btn)
        return row

    def _build_intent_row(self) -> QHBoxLayout:
        """The two buttons registering an owner's intent."""
        self.intent_yes = QPushButton(self.tr("登记：愿意加装"))
        self.intent_yes.setObjectName("IntentYes")
        self.intent_no = QPushButton(self.tr("登记：不愿意"))
        self.intent_no.setObjectName("IntentNo")
        self.intent_yes.clicked.connect(lambda: self.register_intent(True))
        self.intent_no.clicked.connect(lambda: self.register_intent(False))
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(self.tr("意向登记（所选业主的全部户，日期同上）：")))
        row2.addWidget(self.intent_yes)
        row2.addWidget(self.intent_no)
        row2.addStretch(1)
        return row2

    def refresh(self) -> None:
        from ..errors import InputError
        from ..process.engagement import visit_list

        unit = self.doc.unit(self.unit_id)
        try:
            self.rows = visit_list(unit, self.doc.project)
            need = self.doc.needed(self.unit_id)
        except InputError as e:
            self.needed.setText(i18n.error_text(e))
            self.rows = []
            need = None
        if need is not None:  # worded as the votes tab words it: doors and names
            self.needed.setText(needed_text(unit, self.doc.consent(self.unit_id), need))
        self.table.setRowCount(len(self.rows))
        bold = QBrush(QColor("#1F4E79"))
        names = {h.owner: h.owner_name for h in unit.households if h.owner_name}
        for i, r in enumerate(self.rows):
            texts = [
                self.tr("需争取") if r.needed else "",
                names.get(r.owner, r.owner),  # by name, as the votes tab shows an owner
                i18n.listing(r.doors),
                f"{r.area_m2:.2f}",
                self.vote_names[r.vote],
                ""
                if r.interested is None
                else (self.tr("愿意") if r.interested else self.tr("不愿意")),
                str(r.contacts),
                r.last_date or "",
                self.outcome_names.get(r.last_outcome, ""),
                i18n.listing(self.concern_names[c] for c in r.concerns),
            ]
            for c, t in enumerate(texts):
                item = QTableWidgetItem(t)
                if r.needed:
                    item.setForeground(bold)
                item.setData(Qt.UserRole, r.owner)
                if c == 1 and r.owner in names:
                    item.setToolTip(self.tr("业主编号：{0}").format(r.owner))
                self.table.setItem(i, c, item)

    def add_contact(self) -> bool:
        """Log a contact for the first door of the selected owner (undoable)."""
        from ..process.records import CANVASS_KEY, Contact, read_canvass

        sel = self.table.selectionModel().selectedRows()
        if not sel:
            return False
        row = self.rows[sel[0].row()]
        door = row.doors[0]
        unit = self.doc.unit(self.unit_id)
        contacts = read_canvass(unit.household(door), unit.id)
        contacts.append(
            Contact(
                self.date.date().toString("yyyy-MM-dd"),
                self.channel.currentData(),
                self.outcome.currentData(),
                [c for c, b in self.concerns.items() if b.isChecked()],
                self.note.text().strip(),
            )
        )
        self.doc.set_value(
            self.unit_id,
            lambda u: u.household(door).extra,
            CANVASS_KEY,
            [c.to_json() for c in contacts],
            self.tr("记录 {0} 的走访").format(door),
        )
        self.note.clear()
        for b in self.concerns.values():
            b.setChecked(False)
        return True

    def register_intent(self, interested: bool) -> bool:
        """Register the selected owner's intent (every door of the owner, undoable)."""
        from ..process.records import INTENT_KEY, Intent

        sel = self.table.selectionModel().selectedRows()
        if not sel:
            return False
        row = self.rows[sel[0].row()]
        value = Intent(
            interested, self.date.date().toString("yyyy-MM-dd"), self.tr("窗口登记")
        ).to_json()
        stack = self.doc.undo_stack
        stack.beginMacro(self.tr("登记 {0} 的意向").format(i18n.listing(row.doors)))
        for door in row.doors:
            self.doc.set_value(
                self.unit_id,
                lambda u, d=door: u.household(d).extra,
                INTENT_KEY,
                value,
                self.tr("登记意向"),
            )
        stack.endMacro()
        return True
