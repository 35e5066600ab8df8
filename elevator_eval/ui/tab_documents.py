"""Documents: preview in the window (QPdfView) and export of the unit's proposal (方案书),
consent forms (征询表) and public notice (公示), written by :mod:`elevator_eval.report`.

PDFs are written off the UI thread; the preview shows the file once it is ready.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from . import i18n
from .tab_base import UnitTab

KINDS = ("proposal", "consent_forms", "notice", "progress_notice")


def write_document(kind: str, unit, project, lang: str, out) -> None:
    """Write one document of ``unit`` to ``out`` (a path) with the reports package."""
    if kind == "proposal":
        from ..report.proposal import build_proposal

        build_proposal(unit, project=project, lang=lang, out=out)
    elif kind == "consent_forms":
        from ..report.consent_form import build_consent_forms

        build_consent_forms(unit, project=project, lang=lang, out=out)
    elif kind in ("notice", "progress_notice"):
        from ..report.notice import build_notice

        build_notice(unit, project=project, lang=lang, out=out, progress=kind == "progress_notice")
    else:
        raise ValueError(kind)


class DocumentsTab(UnitTab):
    name = "documents"

    def __init__(self, doc, parent=None):
        super().__init__(doc, parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self._tmp = tempfile.TemporaryDirectory(prefix="ee-preview-")
        self._serial = 0
        self.kind = QComboBox()
        self.kind.setObjectName("DocumentKind")
        for k, text, tip in (
            (
                "proposal",
                self.tr("加装方案书"),
                self.tr("供业主大会讨论的方案：现状、适宜性、表决、分摊"),
            ),
            ("consent_forms", self.tr("业主征询表"), self.tr("每户一页，供签字")),
            ("notice", self.tr("公示"), self.tr("公示稿；姓名脱敏、不含电话")),
            (
                "progress_notice",
                self.tr("表决进展通报"),
                self.tr("表决未通过时的进展通报；不作任何承诺"),
            ),
        ):
            self.kind.addItem(text, k)
            self.kind.setItemData(self.kind.count() - 1, tip, 3)  # Qt.ToolTipRole
        self.lang = QComboBox()
        self.lang.setObjectName("DocumentLang")
        self.lang.addItem("中文", "zh")
        self.lang.addItem("English", "en")
        self.lang.setCurrentIndex(1 if i18n.lang() == "en" else 0)
        self.preview_btn = QPushButton(self.tr("刷新预览"))
        self.preview_btn.setObjectName("PreviewButton")
        self.export_btn = QPushButton(self.tr("导出 PDF…"))
        self.export_btn.setObjectName("ExportButton")
        self.export_btn.setToolTip(self.tr("导出当前文件（Ctrl+P）"))
        self.status = QLabel()
        self.status.setObjectName("DocumentStatus")
        self.status.setWordWrap(True)
        self.pdf = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("PdfView")
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        side = QWidget()
        form = QFormLayout(side)
        form.addRow(self.tr("文件类型"), self.kind)
        form.addRow(self.tr("语言"), self.lang)
        form.addRow(self.preview_btn)
        form.addRow(self.export_btn)
        form.addRow(self.status)
        side.setMaximumWidth(300)
        lay = QHBoxLayout(self)
        lay.addWidget(side)
        lay.addWidget(self.view, 1)
        self.preview_btn.clicked.connect(self.preview)
        self.export_btn.clicked.connect(lambda: self.export_current())
        self.kind.currentIndexChanged.connect(lambda _i: self.schedule_preview())
        self.lang.currentIndexChanged.connect(lambda _i: self.schedule_preview())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.preview)
        self.preview_task = None
        self.export_task = None

    def refresh(self) -> None:
        self.schedule_preview()

    def schedule_preview(self) -> None:
        if self.isVisible():
            self.status.setText(self.tr("正在生成预览…"))  # at once, not after the pause
            self._timer.start()

    def _snapshot(self):
        """A copy of the unit and project for the worker thread (no shared mutation)."""
        if self.kind.currentData() == "consent_forms":  # forms sign with the saved secret
            from .ballot_review import ensure_form_secret

            ensure_form_secret(self.doc)
        project = copy.deepcopy(self.doc.project)
        return project.find_unit(self.unit_id), project

    def preview(self):
        """Write the chosen document to a temporary file off the UI thread, then show it."""
        from .worker import run_task

        if self.unit_id is None:
            return None
        unit, project = self._snapshot()
        kind, lang = self.kind.currentData(), self.lang.currentData()
        self._serial += 1
        out = Path(self._tmp.name) / f"preview-{self._serial}.pdf"
        self.status.setText(self.tr("正在生成预览…"))

        def work(progress):
            progress(0, 1)
            write_document(kind, unit, project, lang, str(out))
            return out

        task = run_task(self, work, self.tr("预览"), "", show_dialog=False)
        task.finished.connect(self._show)
        task.failed.connect(
            lambda m: self.status.setText(self.tr("无法生成：{0}").format(m.splitlines()[0]))
        )
        self.preview_task = task
        return task

    def _show(self, path) -> None:
        self.pdf.close()
        self.pdf.load(str(path))
        text = self.tr("共 {0} 页").format(self.pdf.pageCount())
        if self.kind.currentData() == "proposal" and self.unit_id is not None:
            from ..report.open_items import open_items

            gaps = open_items(self.doc.unit(self.unit_id))
            if gaps:  # the paper prints them as prompts: say so before it is handed out
                text += (
                    "\n"
                    + self.tr("待补充后再分发：")
                    + i18n.pick("；", "; ").join(i18n.pick(zh, en) for zh, en in gaps)
                )
        self.status.setText(text)

    def export_current(self, path: str | None = None):
        """Export the chosen document (asks for a file name when ``path`` is None)."""
        from .worker import run_task

        if self.unit_id is None:
            return None
        unit, project = self._snapshot()
        kind, lang = self.kind.currentData(), self.lang.currentData()
        from .exporting import as_path, ask_save_path

        path = as_path(path)
        if path is None:
            suggested = f"{unit.id}-{kind}-{lang}.pdf"
            window = self.window()
            if hasattr(window, "settings"):
                path = ask_save_path(window, self.tr("导出 PDF"), suggested, "PDF (*.pdf)", ".pdf")
            else:
                path, _ = QFileDialog.getSaveFileName(
                    self, self.tr("导出 PDF"), suggested, "PDF (*.pdf)"
                )
            if not path:
                return None

        def work(progress):
            progress(0, 1)
            write_document(kind, unit, project, lang, str(path))
            progress(1, 1)
            return path

        task = run_task(self, work, self.tr("导出 PDF"), self.tr("正在写入 {0}…").format(path))
        task.finished.connect(lambda p: self.status.setText(self.tr("已导出 {0}").format(p)))
        task.failed.connect(
            lambda m: self.status.setText(self.tr("导出失败：{0}").format(m.splitlines()[0]))
        )
        self.export_task = task
        return task

    def closeEvent(self, event):
        self._tmp.cleanup()
        super().closeEvent(event)
