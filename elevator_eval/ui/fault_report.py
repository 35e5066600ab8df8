"""Faults the window did not expect: told to the user in one line in the window's language,
never as a traceback; the traceback goes to standard error and to a log file kept for a
report of the fault (``faults.log`` in the app's data folder, the newest part kept).

A long task's failure (:mod:`elevator_eval.ui.worker`) and an error raised in any of the
window's handlers (:func:`install`, Python's ``sys.excepthook``, which PySide calls for an
exception a slot or an event handler let through) read the same way: the user's own errors
(a bad value, a file that cannot be read or written) as the rest of the window tells them,
anything else as 程序内部错误 / Internal error naming its kind.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer

from ..error_text import error_text
from ..errors import InputError, NotBuiltError, ProjectFileError
from . import i18n

INTERNAL_ZH = "程序内部错误"
USER_ERRORS = (InputError, ProjectFileError, NotBuiltError, OSError, RecursionError)
"""Errors that are about the user's input or files, not faults of the program (a value
nested hundreds of levels deep in a file exhausts Python's stack: :data:`TOO_DEEP`)."""
TOO_DEEP = (
    "数据嵌套过深，无法处理：项目或所读文件中有一项数据套了数百层",
    "The data is nested too deeply to be processed: a value in the project or in the file "
    "read is nested hundreds of levels deep",
)
"""What a user reads for a ``RecursionError`` (the command line says the same)."""
LOG_NAME = "faults.log"
LOG_MAX_BYTES = 256_000
"""Past this size the log keeps its newer half."""

translate = QCoreApplication.translate


def failure_texts(error: BaseException) -> tuple[str, str]:
    """``(zh, en)``: what a user reads when an action fails (no traceback)."""
    if isinstance(error, RecursionError):
        return TOO_DEEP
    if isinstance(error, USER_ERRORS):
        return error_text(error, "zh"), error_text(error, "en")
    kind = type(error).__name__
    return f"{INTERNAL_ZH}（{kind}）：{error}", f"Internal error ({kind}): {error}"


def log_path() -> Path | None:
    """Where the faults are recorded (``None`` when the system gives no data folder)."""
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    return Path(base) / LOG_NAME if base else None


def record(details: str) -> Path | None:
    """Write a fault's traceback to standard error and to the log; the log's path, or
    ``None`` when it cannot be written (the fault is then on standard error only)."""
    sys.stderr.write(details)
    path = log_path()
    if path is None:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > LOG_MAX_BYTES:
            kept = path.read_bytes()[-LOG_MAX_BYTES // 2 :]
            path.write_bytes(kept[kept.find(b"\n") + 1 :])
        with path.open("a", encoding="utf-8") as f:
            f.write(details if details.endswith("\n") else details + "\n")
    except OSError:
        return None
    return path


def install(window) -> None:
    """Report the exceptions the window's handlers let through with ``window.report_error``
    (in the next turn of the event loop, outside the handler that failed). A fault while
    one is being told, or once the window is gone, is only recorded."""
    previous = sys.excepthook
    telling = [False]

    def tell(text: str) -> None:
        telling[0] = True
        try:
            window.report_error(translate("Fault", "操作未完成"), text)
        except RuntimeError:  # the window was closed meanwhile
            pass
        except Exception:  # telling it failed too: recorded, never told in a loop
            record(traceback.format_exc())
        finally:
            telling[0] = False

    def hook(kind, value, tb) -> None:
        if not isinstance(value, Exception):  # KeyboardInterrupt, SystemExit
            previous(kind, value, tb)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        path = record(details)
        if telling[0]:
            return
        zh, en = failure_texts(value)
        text = i18n.pick(zh, en)
        if path is not None and not isinstance(value, USER_ERRORS):
            text += "\n" + translate("Fault", "详细信息已记录在 {0}").format(path)
        QTimer.singleShot(0, lambda: tell(text))

    sys.excepthook = hook
