"""Procedure tab of a unit: stages entered (date, responsible party, documents), the next
move with the reasons it is refused, blockers, objections to the notice (record, reply,
resolve) and the intent registered so far. Every change goes through the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from . import i18n
from .process_view import advance_unit, stage_name
from .tab_base import UnitTab


def make_table(headers: list[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectRows)
    t.setSelectionMode(QAbstractItemView.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def fill(table: QTableWidget, rows: list[list[str]], right: tuple[int, ...] = ()) -> None:
    """Put ``rows`` of texts in ``table``; the columns ``right`` (amounts) aligned right."""
    table.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            table.setItem(i, c, item)


class ProcessTab(UnitTab):
    name = "process"

    def __init__(self, doc, parent=None):
        super().__init__(doc, parent)
        from ..process.stages import load_rules

        self.rules = load_rules()
        box = self._build_stage_box()
        obox = self._build_objection_box()
        main = QVBoxLayout(self)
        main.addWidget(box, 1)
        main.addWidget(obox, 1)

    def _build_stage_box(self) -> QGroupBox:
        """Stage history, the advance row, the blockers and the intent summary."""
        self.stages = make_table(
            [self.tr("阶段"), self.tr("进入日期"), self.tr("责任方"), self.tr("文件")],
            "StageHistory",
        )
        self.next_label = QLabel()
        self.next_label.setObjectName("NextStage")
        self.next_label.setWordWrap(True)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("AdvanceDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.dateChanged.connect(lambda _d: self._refresh())
        self.responsible = QLineEdit()
        self.responsible.setObjectName("Responsible")
        self.responsible.setPlaceholderText(self.tr("责任方"))
        self.document = QLineEdit()
        self.document.setObjectName("Document")
        self.document.setPlaceholderText(self.tr("关联文件（可选）"))
        self.advance_btn = QPushButton(self.tr("推进到下一阶段"))
        self.advance_btn.setObjectName("AdvanceButton")
        self.advance_btn.clicked.connect(self.advance)
        row = QHBoxLayout()
        for w in (self.date, self.responsible, self.document, self.advance_btn):
            row.addWidget(w)
        box = QGroupBox(self.tr("办理阶段"))
        lay = QVBoxLayout(box)
        lay.addWidget(self.stages)
        lay.addWidget(self.next_label)
        lay.addLayout(row)
        self.blockers = QLabel()
        self.blockers.setObjectName("Blockers")
        self.blockers.setWordWrap(True)
        lay.addWidget(self.blockers)
        lay.addLayout(self._build_blocker_row())
        self.intent = QLabel()
        self.intent.setObjectName("IntentSummary")
        self.intent.setWordWrap(True)
        lay.addWidget(self.intent)
        return box

    def _build_blocker_row(self) -> QHBoxLayout:
        """Text field and buttons to register or clear a blocker."""
        self.blocker_text = QLineEdit()
        self.blocker_text.setObjectName("BlockerText")
        self.blocker_text.setPlaceholderText(self.tr("阻碍（如：燃气公司未答复管线迁改）"))
        self.add_blocker_btn = QPushButton(self.tr("登记阻碍"))
        self.add_blocker_btn.setObjectName("AddBlocker")
        self.add_blocker_btn.clicked.connect(self.add_blocker)
        self.clear_blocker_btn = QPushButton(self.tr("解除最早的阻碍"))
        self.clear_blocker_btn.setObjectName("ClearBlocker")
        self.clear_blocker_btn.clicked.connect(self.clear_blocker)
        brow = QHBoxLayout()
        brow.addWidget(self.blocker_text, 1)
        brow.addWidget(self.add_blocker_btn)
        brow.addWidget(self.clear_blocker_btn)
        return brow

    def _build_objection_box(self) -> QGroupBox:
        """The objections table with its entry row."""
        self.objections = make_table(
            [
                self.tr("编号"),
                self.tr("状态"),
                self.tr("收到日期"),
                self.tr("异议人"),
                self.tr("门牌"),
                self.tr("异议内容"),
                self.tr("答复"),
                self.tr("处理结果"),
            ],
            "ObjectionTable",
        )
        self.ob_text = QLineEdit()
        self.ob_text.setObjectName("ObjectionText")
        self.ob_text.setPlaceholderText(self.tr("异议内容 / 答复 / 处理结果"))
        self.ob_name = QLineEdit()
        self.ob_name.setObjectName("ObjectionName")
        self.ob_name.setPlaceholderText(self.tr("异议人"))
        self.ob_door = QLineEdit()
        self.ob_door.setObjectName("ObjectionDoor")
        self.ob_door.setPlaceholderText(self.tr("门牌"))
        self.add_ob = QPushButton(self.tr("登记异议"))
        self.add_ob.setObjectName("AddObjection")
        self.add_ob.clicked.connect(self.add_objection)
        self.reply_ob = QPushButton(self.tr("答复所选"))
        self.reply_ob.setObjectName("ReplyObjection")
        self.reply_ob.clicked.connect(lambda: self.settle("reply"))
        self.resolve_ob = QPushButton(self.tr("办结所选"))
        self.resolve_ob.setObjectName("ResolveObjection")
        self.resolve_ob.clicked.connect(lambda: self.settle("resolve"))
        orow = QHBoxLayout()
        for w in (
            self.ob_text,
            self.ob_name,
            self.ob_door,
            self.add_ob,
            self.reply_ob,
            self.resolve_ob,
        ):
            orow.addWidget(w)
        obox = QGroupBox(self.tr("公示异议（对外打印时姓名脱敏）"))
        olay = QVBoxLayout(obox)
        olay.addWidget(self.objections)
        olay.addLayout(orow)
        return obox

    # ------------------------------------------------------------------ refresh
    def _data(self):
        from ..process.records import read_process

        return read_process(self.doc.unit(self.unit_id))

    def refresh(self) -> None:
        from ..errors import InputError
        from ..process.engagement import intent_summary
        from ..process.stages import refusals

        try:
            pd = self._data()
        except InputError as e:
            self.next_label.setText(self.tr("办理进度数据有误：{0}").format(i18n.error_text(e)))
            return
        fill(
            self.stages,
            [
                [
                    stage_name(self.rules, s.stage),
                    s.entered,
                    s.responsible,
                    i18n.listing(s.documents),
                ]
                for s in pd.stages
            ],
        )
        nxt = self.next_stage(pd)
        if nxt is None:
            self.next_label.setText(self.tr("已在最后阶段"))
            self.advance_btn.setEnabled(False)
        else:
            unit = self.doc.unit(self.unit_id)
            date = self.date.date().toString("yyyy-MM-dd")
            reasons = refusals(unit, nxt, date, project=self.doc.project, rules=self.rules)
            text = self.tr("下一阶段：{0}").format(stage_name(self.rules, nxt))
            if reasons:
                text += (
                    "  —  "
                    + self.tr("尚不能推进：")
                    + i18n.clauses(i18n.pick(r.zh, r.en) for r in reasons)
                )
            self.next_label.setText(text)
            self.advance_btn.setEnabled(True)
        open_b = pd.open_blockers()
        self.blockers.setText(
            self.tr("阻碍：") + i18n.clauses(b.text + i18n.aside(b.since) for b in open_b)
            if open_b
            else ""
        )
        s = intent_summary(self.doc.unit(self.unit_id), self.doc.project)
        flag = self.tr("（仅凭登记意向即可达到表决门槛，可优先启动）") if s.meets_threshold else ""
        self.intent.setText(
            self.tr("意向登记：{0} 户中 {1} 户已登记，{2} 户愿意加装").format(
                s.households, s.registered, s.interested
            )
            + flag
        )
        status = {
            "open": self.tr("待答复"),
            "answered": self.tr("已答复"),
            "resolved": self.tr("已办结"),
        }
        fill(
            self.objections,
            [
                [
                    o.id,
                    status[o.status],
                    o.received,
                    o.name,
                    o.household,
                    o.text,
                    _dated(o.reply, o.reply_date),
                    _dated(o.resolution, o.resolved_date),
                ]
                for o in pd.objections
            ],
        )

    def next_stage(self, pd) -> str | None:
        keys = [s.key for s in self.rules.stages]
        i = -1 if pd.current is None else keys.index(pd.current.stage)
        return keys[i + 1] if i + 1 < len(keys) else None

    # ------------------------------------------------------------------ edits
    def advance(self) -> bool:
        nxt = self.next_stage(self._data())
        if nxt is None:
            return False
        docs = [self.document.text().strip()] if self.document.text().strip() else []
        ok = advance_unit(
            self,
            self.doc,
            self.unit_id,
            nxt,
            self.date.date().toString("yyyy-MM-dd"),
            self.responsible.text().strip(),
            docs,
        )
        if ok:
            self.document.clear()
        return ok

    def _store(self, pd, text: str) -> bool:
        """Record ``pd`` (one undoable edit) when it is valid; else say why, change nothing."""
        from ..errors import InputError
        from ..process.records import parse_process

        raw = pd.to_json()
        try:
            parse_process(raw, f"unit {self.unit_id}: process")
        except InputError as e:
            self._tell(text, i18n.error_text(e))
            return False
        self.doc.set_value(self.unit_id, lambda u: u.extra, "process", raw, text)
        return True

    def _tell(self, title: str, message: str) -> None:
        report = getattr(self.window(), "report_error", None)
        if report is not None:
            report(title, message)

    def add_objection(self) -> None:
        from ..process.records import Objection

        text = self.ob_text.text().strip()
        if not text:
            self._tell(self.tr("登记异议"), self.tr("请先填写异议内容。"))
            return
        pd = self._data()
        n = len(pd.objections) + 1
        taken = {o.id for o in pd.objections}
        while f"{self.unit_id}-YY{n}" in taken:
            n += 1
        pd.objections.append(
            Objection(
                f"{self.unit_id}-YY{n}",
                self.date.date().toString("yyyy-MM-dd"),
                text,
                self.ob_door.text().strip(),
                self.ob_name.text().strip(),
            )
        )
        if self._store(pd, self.tr("登记异议")):
            for w in (self.ob_text, self.ob_name, self.ob_door):
                w.clear()

    def settle(self, what: str) -> None:
        """Record the reply to (or the resolution of) the selected objection."""
        rows = self.objections.selectionModel().selectedRows()
        text = self.ob_text.text().strip()
        if not rows or not text:
            self._tell(
                self.tr("答复异议") if what == "reply" else self.tr("办结异议"),
                self.tr("请先在列表中选择异议，并在文字框中填写答复或办结情况。"),
            )
            return
        pd = self._data()
        o = pd.objections[rows[0].row()]
        day = self.date.date().toString("yyyy-MM-dd")
        if what == "reply":
            o.reply, o.reply_date = text, day
        else:
            if not o.reply_date:
                self._tell(self.tr("不能办结"), self.tr("异议须先书面答复，才能办结。"))
                return
            o.resolution, o.resolved_date = text, day
        if self._store(pd, self.tr("答复异议") if what == "reply" else self.tr("办结异议")):
            self.ob_text.clear()

    def add_blocker(self) -> None:
        """Record a blocker from the date field on (undoable); it stops every move."""
        from ..process.records import Blocker

        text = self.blocker_text.text().strip()
        if not text:
            self._tell(self.tr("登记阻碍"), self.tr("请先填写阻碍事项。"))
            return
        pd = self._data()
        pd.blockers.append(Blocker(text, self.date.date().toString("yyyy-MM-dd")))
        if self._store(pd, self.tr("登记阻碍")):
            self.blocker_text.clear()

    def clear_blocker(self) -> None:
        """Mark the oldest open blocker resolved on the date in the date field."""
        pd = self._data()
        open_b = pd.open_blockers()
        if not open_b:
            return
        open_b[0].resolved = self.date.date().toString("yyyy-MM-dd")
        self._store(pd, self.tr("解除阻碍"))  # (a date before the blocker's is refused)


def _dated(text: str, day: str | None) -> str:
    """A reply or a result with its date in brackets after it: ``同意调整（2026-04-17）``."""
    text = (text or "").strip()
    return f"{text}{i18n.aside(day)}" if text and day else text or (day or "")
