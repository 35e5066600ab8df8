"""File exports started from the menu: the project as Excel, proposals for every unit, the
census report and the quote comparison as PDF.

Every export asks for its file or folder with a dialog that starts in the folder used last.
A menu action passes its ``checked`` flag to the slot; :func:`as_path` makes sure such a
flag (``False``/``True``) is never taken as a file or folder name.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from . import i18n

translate = QCoreApplication.translate


def as_path(value) -> str | None:
    """``value`` as a path text, or None when it is not a path (None, a bool, empty)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, os.PathLike)):
        text = os.fspath(value)
        return text or None
    return None


def _settings(widget):
    """The remembered settings of the main window ``widget`` belongs to (None when it
    belongs to none: a dialog shown on its own)."""
    w = widget
    while w is not None:
        settings = getattr(w, "settings", None)
        if settings is not None and hasattr(settings, "last_dir"):
            return settings
        w = w.parentWidget()
    return None


def start_dir(window) -> str:
    """The folder a file dialog opens in: the one used last, else the home folder."""
    settings = _settings(window)
    last = settings.last_dir() if settings is not None else None
    return last if last and Path(last).is_dir() else str(Path.home())


def remember_dir(window, path) -> None:
    settings = _settings(window)
    if settings is not None:
        p = Path(path)
        settings.set_last_dir(str(p if p.is_dir() else p.parent))


def ask_open_path(window, title: str, file_filter: str) -> str | None:
    """Ask for a file to read (starting in the last folder); None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(window, title, start_dir(window), file_filter)
    if not path:
        return None
    remember_dir(window, path)
    return path


def ask_save_path(window, title: str, name: str, file_filter: str, suffix: str) -> str | None:
    """Ask for a file to write (starting in the last folder); None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(
        window, title, str(Path(start_dir(window)) / name), file_filter
    )
    if not path:
        return None
    if not path.lower().endswith(suffix):
        path += suffix
    remember_dir(window, path)
    return path


def ask_workbook_path(window, title: str, name_zh: str, name_en: str) -> str | None:
    """Ask for an Excel workbook to write, named ``name_zh`` or ``name_en`` in the window's
    language to start with (:func:`ask_save_path`); None when cancelled."""
    from . import i18n

    return ask_save_path(window, title, i18n.pick(name_zh, name_en), "Excel (*.xlsx)", ".xlsx")


def ask_folder(window, title: str) -> str | None:
    """Ask for an output folder (starting in the last folder); None when cancelled."""
    folder = QFileDialog.getExistingDirectory(window, title, start_dir(window))
    if not folder:
        return None
    window.settings.set_last_dir(folder)
    return folder


def export_excel(window, path=None):
    """Write units and households to a workbook (``io.export.export_project_xlsx``) in the
    background behind the progress dialog, which keeps the project from changing meanwhile
    (a street of thousands of units takes seconds). Returns the task, or None."""
    from ..io.export import export_project_xlsx
    from .worker import run_task

    path = as_path(path) or ask_save_path(
        window,
        translate("Export", "导出 Excel"),
        f"{window.doc.project.name or 'project'}.xlsx",
        "Excel (*.xlsx)",
        ".xlsx",
    )
    if path is None:
        return None
    project = window.doc.project

    def work(progress):
        progress(0, 1)
        return export_project_xlsx(project, path)

    task = run_task(
        window,
        work,
        translate("Export", "导出 Excel"),
        translate("Export", "正在写入 {0}…").format(path),
    )
    task.finished.connect(
        lambda out: window.statusBar().showMessage(
            translate("Export", "已导出 {0}").format(out), 5000
        )
    )
    task.failed.connect(lambda m: window.report_error(translate("Export", "导出失败"), m))
    return task


MAX_FAILURES_SHOWN = 10
"""Units named one by one when a batch could not write some (the rest are counted)."""


def batch_proposals(window, out_dir=None, kind: str = "proposal"):
    """Write the proposal of every unit into a folder, in the background, cancellable.

    Returns the :class:`~elevator_eval.ui.worker.Task` (``None`` when no folder chosen).
    """
    from .worker import run_task

    out_dir = as_path(out_dir) or ask_folder(window, translate("Export", "选择输出文件夹"))
    if out_dir is None:
        return None
    if not window.doc.project.units():
        window.report_error(
            translate("Export", "批量生成方案书"), translate("Export", "项目中还没有单元")
        )
        return None
    if kind == "consent-forms":  # one signing key for every form, kept in the project
        from .ballot_review import ensure_form_secret

        ensure_form_secret(window.doc)
    project = copy.deepcopy(window.doc.project)
    lang = i18n.lang()

    from ..report import batch  # light: reportlab loads in the worker process

    task = run_task(
        window,
        None,
        translate("Export", "批量生成方案书"),
        translate("Export", "正在为 {0} 个单元生成方案书…").format(len(project.units())),
        in_process=(
            batch.write_all_proposals,
            (project, str(out_dir)),
            {"lang": lang, "kind": kind},
        ),
    )

    def done(result):
        n = len(result) if result is not None else 0
        if getattr(result, "cancelled", False):
            msg = translate("Export", "已取消；已写入 {0} 个文件").format(n)
        else:
            msg = translate("Export", "已写入 {0} 个文件到 {1}").format(n, out_dir)
        window.statusBar().showMessage(msg, 8000)
        failed = i18n.pick(result.failures_zh, result.failures) if result is not None else []
        if failed:  # bad data in some units: each named, the others written
            shown = failed[:MAX_FAILURES_SHOWN]
            lines = "\n".join(f"{unit}{i18n.pick('：', ': ')}{why}" for unit, why in shown)
            if len(failed) > len(shown):
                lines += "\n" + translate(
                    "Export", "……另有 %n 个单元", None, len(failed) - len(shown)
                )
            window.report_error(
                translate("Export", "部分单元未生成"),
                translate("Export", "%n 个单元的数据有误，未生成文件：", None, len(failed))
                + "\n"
                + lines,
            )

    task.finished.connect(done)
    task.cancelled.connect(
        lambda: window.statusBar().showMessage(translate("Export", "已取消"), 5000)
    )
    task.failed.connect(lambda m: window.report_error(translate("Export", "生成失败"), m))
    return task


def _write_in_background(window, what: str, path: str, write):
    """Run ``write(path)`` off the UI thread with progress; report the result."""
    from .worker import run_task

    def work(progress):
        progress(0, 1)
        write(path)
        progress(1, 1)
        return path

    task = run_task(window, work, what, translate("Export", "正在写入 {0}…").format(path))
    task.finished.connect(
        lambda p: window.statusBar().showMessage(translate("Export", "已导出 {0}").format(p), 8000)
    )
    task.failed.connect(
        lambda m: window.report_error(
            translate("Export", "导出失败"), m.splitlines()[0] if m else m
        )
    )
    return task


def _export_pdf(window, what: str, stem_zh: str, stem_en: str, path, make_writer):
    """Ask for the file (unless ``path`` is given), then write the PDF in the background;
    ``make_writer(lang)`` snapshots what to print and returns ``write(out)``."""
    lang = i18n.lang()
    path = as_path(path) or ask_save_path(
        window,
        what,
        f"{window.doc.project.name or 'project'}-{stem_en if lang == 'en' else stem_zh}.pdf",
        "PDF (*.pdf)",
        ".pdf",
    )
    if path is None:
        return None
    return _write_in_background(window, what, path, make_writer(lang))


def export_census_pdf(window, path=None):
    """Print the street's census report (``report.census_report``) to a PDF file."""
    what = translate("Export", "导出普查报告")
    if not window.doc.project.units():
        window.report_error(what, translate("Export", "项目中还没有单元"))
        return None

    def make_writer(lang):
        project = copy.deepcopy(window.doc.project)

        def write(out):
            from ..report.census_report import build_census_report

            build_census_report(project, lang=lang, out=out)

        return write

    return _export_pdf(window, what, "普查报告", "census", path, make_writer)


def export_quotes_pdf(window, comparison, path=None):
    """Print the quote comparison shown in the procurement workspace to a PDF file."""
    what = translate("Export", "导出报价比选")
    if comparison is None:
        window.report_error(
            what, translate("Export", "还没有可打印的比选：请先加载报价表并选择单元")
        )
        return None

    def make_writer(lang):
        project = copy.deepcopy(window.doc.project)
        shown = copy.deepcopy(comparison)

        def write(out):
            from ..report.quotes_report import build_quotes_report

            build_quotes_report(shown, project=project, lang=lang, out=out)

        return write

    return _export_pdf(window, what, "报价比选", "quotes", path, make_writer)
