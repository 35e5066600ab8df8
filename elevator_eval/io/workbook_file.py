"""Writing a workbook to the file the user chose: whole or not at all."""

from __future__ import annotations

import io
import os
from pathlib import Path

from ..atomic import atomic_write_bytes


def save_workbook(wb, path: str | os.PathLike[str]) -> Path:
    """Save an openpyxl workbook to ``path`` atomically (built in memory, written beside
    the target and renamed): a crash or a full disk leaves the old file, never half a
    workbook under the chosen name."""
    buf = io.BytesIO()
    wb.save(buf)
    out = Path(path)
    atomic_write_bytes(out, buf.getvalue())
    return out
