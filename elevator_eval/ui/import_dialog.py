"""Import a street's buildings and households from Excel/CSV.

Two steps, as :mod:`elevator_eval.io.street_import` defines them: the preview reads and
checks the whole file and lists every bad row and cell with its reason (sheet, row, column,
value); the Import button stays disabled while a single error remains. Importing is one
undoable command."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
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
from .commands import ReplaceProjectPartCommand


class ImportDialog(QDialog):
    """Choose a street workbook, read every problem of it, import it only when it has none.

    ``template``: the window's action saving the empty import workbook, offered here as a
    button for a clerk who has no sheet yet."""

    def __init__(self, doc, parent=None, template=None):
        super().__init__(parent)
        self.doc = doc
        self.preview = None
        self.path: Path | None = None
        self.setObjectName("ImportDialog")
        self.setWindowTitle(self.tr("导入街道数据"))
        self.resize(900, 560)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("ImportPath")
        self.path_edit.setReadOnly(True)
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self.choose_file)
        self.summary = QLabel(
            self.tr(
                "选择一个 Excel（.xlsx）或 CSV 文件。导入前会逐行检查，有错误时不会导入任何数据。"
            )
        )
        self.summary.setObjectName("ImportSummary")
        self.summary.setWordWrap(True)
        self.issues = QTableWidget(0, 6)
        self.issues.setObjectName("ImportIssues")
        self.issues.setHorizontalHeaderLabels(
            [
                self.tr("类型"),
                self.tr("工作表"),
                self.tr("行"),
                self.tr("列"),
                self.tr("单元格内容"),
                self.tr("原因"),
            ]
        )
        self.issues.verticalHeader().hide()
        self.issues.setEditTriggers(QTableWidget.NoEditTriggers)
        hh = self.issues.horizontalHeader()
        for c in range(5):
            hh.setSectionResizeMode(c, QHeaderView.ResizeToContents)
        hh.setSectionResizeMode(5, QHeaderView.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.import_btn = self.buttons.button(QDialogButtonBox.Ok)
        self.import_btn.setText(self.tr("导入"))
        self.import_btn.setObjectName("ImportButton")
        self.import_btn.setEnabled(False)
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        self.template_btn = None
        bottom = QHBoxLayout()
        if template is not None:  # on the left, apart from the dialog's own buttons
            self.template_btn = QPushButton(self.tr("下载导入模板…"))
            bottom.addWidget(self.template_btn)
            self.template_btn.setObjectName("ImportTemplateButton")
            self.template_btn.setToolTip(template.toolTip())
            self.template_btn.clicked.connect(template.trigger)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("导入文件")))
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.summary)
        lay.addWidget(self.issues, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        lay.addLayout(bottom)

    def choose_file(self) -> None:
        from .exporting import ask_open_path

        path = ask_open_path(self, self.tr("选择导入文件"), self.tr("表格文件 (*.xlsx *.csv)"))
        if path:
            self.load(path)

    def load(self, path):
        """Read and check the file in the background (a workbook of thousands of rows
        takes seconds; progress and cancel as for other long work), then list every issue.
        Returns the task."""
        from ..io.street_import import preview_import
        from .worker import run_task

        self.path = Path(path)
        self.path_edit.setText(self.path.name)
        self.path_edit.setToolTip(str(self.path))
        self.preview = None
        self.issues.setRowCount(0)
        self.import_btn.setEnabled(False)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("正在读取并检查 {0}…").format(self.path.name))

        def work(progress):
            progress(0, 1)
            return preview_import(path)

        task = run_task(self, work, self.tr("选择导入文件"), self.summary.text())
        task.finished.connect(self._show_preview)
        task.failed.connect(self._unreadable)
        self.task = task
        return task

    def _unreadable(self, message: str) -> None:
        """An unreadable file: one line, nothing imported."""
        self.summary.setText(self.tr("无法读取文件：{0}").format(message))
        self.summary.setStyleSheet("color:#c62828")

    def _show_preview(self, preview) -> None:
        self.preview = p = preview
        issues = [("error", i) for i in p.errors] + [("warning", i) for i in p.warnings]
        self.issues.setRowCount(len(issues))
        for r, (kind, i) in enumerate(issues):
            cells = [
                self.tr("错误") if kind == "error" else self.tr("提示"),
                i.sheet,
                "" if i.row is None else str(i.row),
                i.column,
                i.value,
                i.message(i18n.lang()),
            ]
            for c, v in enumerate(cells):
                it = QTableWidgetItem(v)
                if kind == "error":
                    it.setForeground(QBrush(QColor("#c62828")))
                it.setToolTip(i.message(i18n.lang()))  # the whole message of a cut cell
                self.issues.setItem(r, c, it)
        if p.errors:
            self.summary.setText(
                self.tr(
                    "发现 {0} 处错误、{1} 条提示：请改正文件后重新选择；有错误时不导入任何数据。"
                ).format(len(p.errors), len(p.warnings))
            )
            self.summary.setStyleSheet("color:#c62828")
        else:
            d = p.project_delta
            self.summary.setText(
                self.tr("可以导入：{0} 个小区、{1} 栋楼、{2} 个单元、{3} 户。").format(
                    d.n_communities, d.n_buildings, d.n_units, d.n_households
                )
            )
            self.summary.setStyleSheet("color:#2e7d32")
        self.import_btn.setEnabled(p.ok and p.project_delta is not None)

    def do_import(self) -> None:
        from ..io.street_import import apply_import

        if self.preview is None or not self.preview.ok:
            return
        try:
            new_project = apply_import(self.doc.project, self.preview)
        except Exception as e:
            self.summary.setText(i18n.error_text(e))
            self.summary.setStyleSheet("color:#c62828")
            return
        name = self.path.name
        self.doc.undo_stack.push(
            ReplaceProjectPartCommand(
                self.doc, new_project.communities, self.tr("导入 {0}").format(name)
            )
        )
        self.accept()

    def issue_rows(self) -> list[tuple[str, ...]]:
        return [
            tuple(self.issues.item(r, c).text() for c in range(6))
            for r in range(self.issues.rowCount())
        ]
