"""File exports started from the menu: the project as Excel, proposals for every unit."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from . import i18n

translate = QCoreApplication.translate


def export_excel(window, path: str | None = None):
    """Write units and households to a workbook (``io.export.export_project_xlsx``)."""
    from ..io.export import export_project_xlsx
    if path is None:
        start = Path(window.settings.last_dir() or Path.home()) / \
            f"{window.doc.project.name or 'project'}.xlsx"
        path, _ = QFileDialog.getSaveFileName(window, translate("Export", "导出 Excel"),
                                              str(start), "Excel (*.xlsx)")
        if not path:
            return None
    try:
        out = export_project_xlsx(window.doc.project, path)
    except Exception as e:
        window.report_error(translate("Export", "导出失败"), str(e))
        return None
    window.statusBar().showMessage(translate("Export", "已导出 {0}").format(out), 5000)
    return out


def batch_proposals(window, out_dir: str | None = None, kind: str = "proposal"):
    """Write the proposal of every unit into a folder, in the background, cancellable.

    Returns the :class:`~elevator_eval.ui.worker.Task` (``None`` when no folder chosen).
    """
    from .worker import run_task
    if out_dir is None:
        out_dir = QFileDialog.getExistingDirectory(window, translate("Export", "选择输出文件夹"),
                                                   window.settings.last_dir())
        if not out_dir:
            return None
    project = copy.deepcopy(window.doc.project)
    lang = i18n.lang()

    from ..report import batch    # light: reportlab loads in the worker process

    task = run_task(window, None, translate("Export", "批量生成方案书"),
                    translate("Export", "正在为 {0} 个单元生成方案书…").format(len(project.units())),
                    in_process=(batch.write_all_proposals, (project, str(out_dir)),
                                {"lang": lang, "kind": kind}))

    def done(result):
        n = len(result) if result is not None else 0
        if getattr(result, "cancelled", False):
            msg = translate("Export", "已取消；已写入 {0} 个文件").format(n)
        else:
            msg = translate("Export", "已写入 {0} 个文件到 {1}").format(n, out_dir)
        window.statusBar().showMessage(msg, 8000)

    task.finished.connect(done)
    task.cancelled.connect(lambda: window.statusBar().showMessage(
        translate("Export", "已取消"), 5000))
    task.failed.connect(lambda m: window.report_error(translate("Export", "生成失败"), m))
    return task
