"""Window "录入回收的征询表": read returned consent forms from scans, review, record.

Pick files or a folder; the scans are read in the background (``ui/worker.py``: progress and
Cancel). The table lists every form found with the app's reading; forms in the review queue
(no mark, two marks, faint) show the crop of their boxes. One key decides the selected form
and moves to the next doubtful one: 1 同意, 2 反对, 3 弃权, 0 不计入. "录入" records the
counted and decided forms through the undo stack (source ``paper``, audit log, scans kept in
``<project>.ballots`` beside the project file); flagged forms (another project, forged,
wrong scheme version, duplicate, already recorded) are never recorded.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap, QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from .. import ballots as B
from . import i18n, labels

translate = QCoreApplication.translate
KEYS = {Qt.Key_1: "yes", Qt.Key_2: "no", Qt.Key_3: "abstain", Qt.Key_0: "skip"}


def vote_text(vote: str | None) -> str:
    """A ballot's vote in the words the whole window uses (the vocabulary's), or "do not
    count" for a ballot the clerk leaves out."""
    if vote in ("yes", "no", "abstain"):
        return labels.vote_label(vote)
    return translate("Ballots", "不计入") if vote == "skip" else "—"


def status_text(status: str) -> str:
    return {
        "counted": translate("Ballots", "计入"),
        "review": translate("Ballots", "待复核"),
        "flagged": translate("Ballots", "未计入"),
        "unreadable": translate("Ballots", "无法读取"),
        "recorded": translate("Ballots", "已录入"),
    }.get(status, status)


def reason_of(result) -> str:
    """The reason in the interface language (reasons are ``"中文 / English"``)."""
    if not result.reason:
        return ""
    from ..vocabulary import split_bilingual

    zh, en = split_bilingual(result.reason)
    return i18n.pick(zh, en)


def gray_pixmap(arr, height: int = 90) -> QPixmap:
    """A grey numpy image as a pixmap (through PNG bytes: no buffer shared with Qt)."""
    import cv2

    ok, png = cv2.imencode(".png", arr)
    pix = QPixmap()
    if ok:
        pix.loadFromData(png.tobytes(), "PNG")
    return pix.scaledToHeight(height, Qt.SmoothTransformation) if not pix.isNull() else pix


class RecordBallotsCommand(QUndoCommand):
    """Record read forms (undo appends the reverse change to the audit log)."""

    def __init__(self, doc, results, decisions: dict[int, str], project_path):
        super().__init__(
            translate("Ballots", "录入纸质征询表 {n} 份").format(
                n=sum(1 for i, r in enumerate(results) if _vote_for(r, decisions.get(i)))
            )
        )
        self.doc, self.results, self.decisions = doc, results, decisions
        self.path = project_path
        self.done: list[tuple] = []  # (identity, vote, kwargs, previous votes by home)

    def redo(self) -> None:
        project = self.doc.project
        if not self.done:
            from ..io.ballots.batch import record_results

            before = {
                (r.unit, h): project.find_unit(r.unit).household(h).vote
                for r in self.results
                if r.identity is not None
                for h in r.homes
            }
            recorded = record_results(
                project,
                self.results,
                self.path,
                decisions={i: (None if v == "skip" else v) for i, v in self.decisions.items()},
            )
            for r in recorded:
                rec = B.recorded_forms(project)[r.serial]
                self.done.append(
                    (
                        r.identity,
                        r.vote,
                        {
                            "scan_sha256": rec["scan_sha256"],
                            "evidence_file": rec["file"],
                            "page": rec["page"],
                            "confidence": rec["confidence"],
                            "reviewed": rec["reviewed"],
                        },
                        {h: before[(r.unit, h)] for h in r.homes},
                    )
                )
        else:
            for ident, vote, kw, _prev in self.done:
                B.record_paper_vote(project, ident, vote, **kw)
        for unit_id in {d[0].unit_id for d in self.done}:
            self.doc.notify_unit(unit_id)

    def undo(self) -> None:
        from ..audit import record_vote

        project = self.doc.project
        for ident, _vote, _kw, previous in reversed(self.done):
            for home, old in previous.items():
                record_vote(
                    project,
                    ident.unit_id,
                    home,
                    old,
                    "paper",
                    note=f"撤销录入 征询表 {ident.serial}",
                )
            B.recorded_forms(project).pop(ident.serial, None)
        for unit_id in {d[0].unit_id for d in self.done}:
            self.doc.notify_unit(unit_id)


def _vote_for(result, decision: str | None) -> str | None:
    if result.identity is None or result.status not in ("counted", "review"):
        return None
    if decision == "skip":
        return None
    return decision or (result.vote if result.status == "counted" else None)


class BallotReviewDialog(QDialog):
    """Read, review and record returned consent forms."""

    COLUMNS = 6

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.setObjectName("BallotReviewDialog")
        self.doc = doc
        self.results: list = []
        self.decisions: dict[int, str] = {}
        self.task = None
        self.setWindowTitle(self.tr("录入回收的征询表"))
        self.resize(980, 640)
        top = self._build_top_row()
        self._build_table()
        self._build_preview()
        keys = self._build_decision_keys()
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.crop, 3)
        row.addWidget(self.reading, 2)
        lay.addLayout(row)
        lay.addLayout(keys)
        self._update()

    def _build_top_row(self) -> QHBoxLayout:
        """Buttons to pick scans (files or a folder) and the summary line."""
        self.pick_files_btn = QPushButton(self.tr("选择扫描件…"))
        self.pick_files_btn.setObjectName("BallotPickFiles")
        self.pick_folder_btn = QPushButton(self.tr("选择文件夹…"))
        self.pick_folder_btn.setObjectName("BallotPickFolder")
        self.pick_files_btn.clicked.connect(lambda: self.pick_files())
        self.pick_folder_btn.clicked.connect(lambda: self.pick_folder())
        top = QHBoxLayout()
        top.addWidget(self.pick_files_btn)
        top.addWidget(self.pick_folder_btn)
        self.summary = QLabel(self.tr("扫描件可为 PNG、JPEG 或多页 PDF（150–300 dpi）。"))
        self.summary.setObjectName("BallotSummary")
        top.addWidget(self.summary, 1)
        return top

    def _build_table(self) -> None:
        """One row per read form: file, unit, owner, reading, confidence, status."""
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("BallotTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("文件"),
                self.tr("单元"),
                self.tr("业主（门牌）"),
                self.tr("程序读取"),
                self.tr("置信度"),
                self.tr("状态与原因"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.currentCellChanged.connect(lambda r, _c, _pr, _pc: self._show(r))

    def _build_preview(self) -> None:
        """The crop of the form's tick boxes and what was read from it."""
        self.crop = QLabel()
        self.crop.setObjectName("BallotCrop")
        self.crop.setMinimumHeight(100)
        self.crop.setAlignment(Qt.AlignCenter)
        self.crop.setStyleSheet("background: #f4f4f4; border: 1px solid #ccc;")
        self.reading = QLabel()
        self.reading.setObjectName("BallotReading")
        self.reading.setWordWrap(True)

    def _build_decision_keys(self) -> QHBoxLayout:
        """One button per decision (keys 1 / 2 / 3 / 0) and the record button."""
        keys = QHBoxLayout()
        self.decide_btns = {}
        for vote, key in (("yes", "1"), ("no", "2"), ("abstain", "3"), ("skip", "0")):
            btn = QPushButton(f"{vote_text(vote)} ({key})")
            btn.setObjectName(f"BallotDecide_{vote}")
            btn.clicked.connect(lambda _=False, v=vote: self.decide(v))
            self.decide_btns[vote] = btn
            keys.addWidget(btn)
        keys.addStretch(1)
        self.record_btn = QPushButton(self.tr("录入"))
        self.record_btn.setObjectName("BallotRecord")
        self.record_btn.clicked.connect(lambda: self.record())
        keys.addWidget(self.record_btn)
        return keys

    # ---------------------------------------------------------------- reading
    def pick_files(self) -> None:
        paths, _f = QFileDialog.getOpenFileNames(
            self, self.tr("选择扫描件"), "", self.tr("扫描件 (*.png *.jpg *.jpeg *.pdf)")
        )
        if paths:
            self.read(paths)

    def pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择扫描件所在文件夹"))
        if folder:
            self.read([folder])

    def read(self, paths) -> None:
        """Read ``paths`` in a background process (progress and Cancel); a process, not a
        thread, so the decoders never run beside the window's own Python code."""
        from ..report.ballot_reading import read_paths
        from .worker import run_task

        task = run_task(
            self,
            None,
            title=self.tr("读取征询表"),
            label=self.tr("正在读取扫描件…"),
            in_process=(read_paths, (self.doc.project, list(paths)), {}),
        )
        self.task = task
        task.finished.connect(self._loaded)
        task.cancelled.connect(lambda: self._loaded(task.result or [], cancelled=True))
        task.failed.connect(
            lambda msg: QMessageBox.warning(self, self.tr("读取失败"), msg.splitlines()[0])
        )

    def _loaded(self, results, cancelled: bool = False) -> None:
        self.results = list(results or [])
        self.decisions = {}
        self.table.setRowCount(len(self.results))
        for i in range(len(self.results)):
            self._fill_row(i)
        self.table.resizeColumnsToContents()
        first = next((i for i, r in enumerate(self.results) if r.status == "review"), 0)
        if self.results:
            self.table.setCurrentCell(first, 0)
        self._update(cancelled)

    def _fill_row(self, i: int) -> None:
        r = self.results[i]
        decision = self.decisions.get(i)
        reading = vote_text(r.reading.vote) if r.reading is not None and r.reading.vote else "—"
        if decision:
            reading += " → " + vote_text(decision)
        state = status_text(r.status)
        if r.reason:
            state += "：" + reason_of(r) if i18n.lang() == "zh" else ": " + reason_of(r)
        cells = [
            r.file + (f" #{r.page}" if r.file.lower().endswith(".pdf") else ""),
            r.unit,
            r.owner + i18n.aside("/".join(r.homes)) if r.owner else "",
            reading,
            f"{r.confidence:.2f}" if r.status == "counted" else "",
            state,
        ]
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if r.status in ("flagged", "unreadable"):
                item.setForeground(Qt.darkRed)
            elif r.status == "review" and not decision:
                item.setForeground(Qt.darkYellow)
            self.table.setItem(i, c, item)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.results):
            self.crop.clear()
            self.reading.setText("")
            return
        r = self.results[row]
        crop = r.reading.box_crop() if r.reading is not None else None
        if crop is not None:
            self.crop.setPixmap(gray_pixmap(crop))
        else:
            self.crop.setText(self.tr("（无图像）"))
        text = self.tr("程序读取：{vote}").format(
            vote=vote_text(r.reading.vote) if r.reading is not None else "—"
        )
        if r.reason:
            text += "\n" + reason_of(r)
        if r.status in ("counted", "review"):
            text += "\n" + self.tr("按 1 同意、2 反对、3 弃权、0 不计入")
        self.reading.setText(text)

    # ---------------------------------------------------------------- deciding
    def keyPressEvent(self, event) -> None:
        vote = KEYS.get(event.key())
        if vote is not None:
            self.decide(vote)
            return
        super().keyPressEvent(event)

    def decide(self, vote: str) -> None:
        """Confirm or correct the selected form, then go to the next doubtful one."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.results):
            return
        r = self.results[row]
        if r.status not in ("counted", "review"):
            return
        self.decisions[row] = vote
        self._fill_row(row)
        self.table.resizeColumnToContents(3)
        nxt = next(
            (
                i
                for i in range(row + 1, len(self.results))
                if self.results[i].status == "review" and i not in self.decisions
            ),
            None,
        )
        if nxt is not None:
            self.table.setCurrentCell(nxt, 0)
        self._update()

    def pending(self) -> int:
        """Forms in the review queue not decided yet."""
        return sum(
            1
            for i, r in enumerate(self.results)
            if r.status == "review" and i not in self.decisions
        )

    def to_record(self) -> int:
        return sum(1 for i, r in enumerate(self.results) if _vote_for(r, self.decisions.get(i)))

    def _update(self, cancelled: bool = False) -> None:
        n = len(self.results)
        if n:
            counts = {
                s: sum(r.status == s for r in self.results)
                for s in ("counted", "review", "flagged", "unreadable", "recorded")
            }
            text = self.tr(
                "共 {n} 份：计入 {a}，待复核 {b}（未处理 {p}），未计入 {c}，无法读取 {d}"
            ).format(
                n=n,
                a=counts["counted"],
                b=counts["review"],
                p=self.pending(),
                c=counts["flagged"],
                d=counts["unreadable"],
            )
            if cancelled:
                text += self.tr("（已取消，只读了一部分）")
            self.summary.setText(text)
        k = self.to_record()
        self.record_btn.setText(self.tr("录入 {k} 份").format(k=k))
        self.record_btn.setEnabled(k > 0)

    def record(self) -> bool:
        """Record the counted and decided forms (one undoable step)."""
        if self.doc.path is None or getattr(self.doc, "is_sample", False):
            QMessageBox.information(
                self,
                self.tr("请先保存项目"),
                self.tr("扫描件保存在项目文件旁的文件夹中，请先把项目另存为文件。"),
            )
            return False
        if self.to_record() == 0:
            return False
        cmd = RecordBallotsCommand(self.doc, self.results, dict(self.decisions), self.doc.path)
        self.doc.undo_stack.push(cmd)
        for i in range(len(self.results)):
            self._fill_row(i)
        self.decisions = {}
        self._update()
        return True


def ensure_form_secret(doc) -> None:
    """Create the project's form-signing secret (an undoable settings edit) before consent
    forms are printed from a copy of the project, so that the copy signs with the secret
    that is saved."""
    if B.form_secret(doc.project) is not None:
        return
    current = doc.project.settings.get(B.SETTINGS_KEY)
    value = dict(current) if isinstance(current, dict) else {}
    value["secret"] = B.new_secret_text()
    doc.set_setting(B.SETTINGS_KEY, value, translate("Ballots", "生成征询表签名密钥"))
