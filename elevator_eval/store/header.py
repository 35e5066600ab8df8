"""Checks of a project file before SQLite reads it (magic, application id, size, schema
version), and the one-line error every failed open raises."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .. import __version__
from ..errors import ProjectFileError
from .schema import APPLICATION_ID, SCHEMA_VERSION, SQLITE_MAGIC


def file_error(path: Path, zh: str, en: str) -> ProjectFileError:
    en = " ".join(en.split())
    if len(en) > 300:
        en = en[:297] + "..."
    return ProjectFileError(
        f"无法打开项目文件“{path.name}”：{zh} / cannot open project file {path.name}: {en}"
    )


def check_header(path: Path) -> int:
    """Check the file before SQLite sees it; returns its schema version."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise file_error(path, "文件不存在", "the file does not exist") from None
    except OSError as e:
        raise file_error(path, "无法读取", f"cannot read it ({e.strerror or e})") from None
    if not path.is_file():
        raise file_error(path, "不是文件", "it is not a file")
    if st.st_size == 0:
        raise file_error(path, "文件是空的", "the file is empty")
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError as e:
        raise file_error(path, "无法读取", f"cannot read it ({e.strerror or e})") from None
    if not head.startswith(SQLITE_MAGIC):
        raise file_error(
            path,
            "不是加梯评估项目文件（文件类型不对）",
            "it is not an Elevator Eval project (wrong file type)",
        )
    if len(head) < 100:
        raise file_error(path, "文件不完整（被截断）", "the file is truncated")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise file_error(path, "文件已损坏", "the file is corrupt (bad page size)")
    change_counter = head[24:28]
    page_count = int.from_bytes(head[28:32], "big")
    if head[92:96] == change_counter and page_count:
        if st.st_size < page_count * page_size:
            raise file_error(path, "文件不完整（被截断）", "the file is truncated")
    if st.st_size % page_size:
        raise file_error(path, "文件不完整（被截断）", "the file is truncated")
    app_id = int.from_bytes(head[68:72], "big")
    if app_id != APPLICATION_ID:
        raise file_error(
            path,
            "不是加梯评估项目文件（其他 SQLite 数据库）",
            "it is not an Elevator Eval project (another SQLite database)",
        )
    version = int.from_bytes(head[60:64], "big", signed=True)
    if version > SCHEMA_VERSION:
        app = _writer_version(path)
        by_zh = f"（{app} 版）" if app else ""
        by_en = f" {app}" if app else ""
        raise file_error(
            path,
            f"文件由更新版本的程序{by_zh}保存（格式版本 {version}，本程序 "
            f"{__version__} 支持到 {SCHEMA_VERSION}），请升级程序",
            f"it was saved by a newer version of the app{by_en} (schema {version}; "
            f"this app {__version__} reads up to {SCHEMA_VERSION}); please upgrade",
        )
    if version < 1:
        raise file_error(
            path, "文件已损坏（没有格式版本）", "the file is corrupt (no schema version)"
        )
    return version


def _writer_version(path: Path) -> str:
    """The app version recorded in a file's meta table, or "" (read-only, best effort)."""
    try:
        conn = connect_ro(path)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'app_version'").fetchone()
            return str(row[0])[:40] if row else ""
        finally:
            conn.close()
    except Exception:
        return ""


_MMAP_BYTES = 1 << 30
"""Memory-mapped reads up to this size [bytes] (fewer copies than read() into the cache)."""


def connect_ro(path: Path) -> sqlite3.Connection:
    """A read-only connection (``mode=ro`` and ``query_only``), reading by memory map."""
    uri = path.resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    conn.execute("PRAGMA query_only = 1")
    conn.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
    return conn
