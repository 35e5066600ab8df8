"""User settings in ``QSettings`` with a schema version and migrations.

Keys: ``schema_version``, ``window/geometry``, ``window/state``, ``recent_files``,
``language``, ``last_dir``, ``autosave_minutes``.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "ElevatorEval"
APPLICATION = "elevator-eval"
SCHEMA_VERSION = 1
MAX_RECENT = 8


def _migrate_0_to_1(s: QSettings) -> None:
    # version 0 stored recent files as one ";"-separated string
    old = s.value("recent")
    if isinstance(old, str) and old:
        s.setValue("recent_files", [p for p in old.split(";") if p])
    s.remove("recent")


_MIGRATIONS = {0: _migrate_0_to_1}


class Settings:
    """Typed access to the application's ``QSettings``.

    Parameters
    ----------
    qsettings : QSettings, optional
        The store; the default is the per-user native store of the application.
    """

    def __init__(self, qsettings: QSettings | None = None):
        self.qs = qsettings if qsettings is not None else QSettings(ORGANIZATION, APPLICATION)
        self._migrate()

    def _migrate(self) -> None:
        """Bring an older store up to :data:`SCHEMA_VERSION`. A store already there (or
        written by a newer version) is not written: every write makes Qt save the whole
        file (a lock file, two disk syncs) in the event loop's next turn, which at
        start-up comes before the window's first paint."""
        stored = self.qs.value("schema_version")
        self._new_store = stored is None and not self.qs.allKeys()
        if self._new_store:
            return  # current; the version is written with the first values (sync)
        try:
            version = int(stored)
        except (TypeError, ValueError):  # unreadable: from the start
            version = 0
        if version >= SCHEMA_VERSION:
            return
        while version < SCHEMA_VERSION:
            _MIGRATIONS[version](self.qs)
            version += 1
        self.qs.setValue("schema_version", SCHEMA_VERSION)

    # window ---------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        v = self.qs.value("window/geometry")
        return v if isinstance(v, QByteArray) and not v.isEmpty() else None

    def set_geometry(self, data: QByteArray) -> None:
        self.qs.setValue("window/geometry", data)

    def window_state(self) -> QByteArray | None:
        v = self.qs.value("window/state")
        return v if isinstance(v, QByteArray) and not v.isEmpty() else None

    def set_window_state(self, data: QByteArray) -> None:
        self.qs.setValue("window/state", data)

    # recent files -----------------------------------------------------------------
    def recent_files(self) -> list[str]:
        v = self.qs.value("recent_files", [])
        if isinstance(v, str):
            v = [v]
        return [str(p) for p in (v or []) if p]

    def add_recent_file(self, path: str) -> list[str]:
        files = [p for p in self.recent_files() if p != path]
        files.insert(0, path)
        files = files[:MAX_RECENT]
        self.qs.setValue("recent_files", files)
        return files

    def remove_recent_file(self, path: str) -> None:
        self.qs.setValue("recent_files", [p for p in self.recent_files() if p != path])

    # misc ---------------------------------------------------------------------------
    def language(self) -> str | None:
        v = self.qs.value("language")
        return v if v in ("zh", "en") else None

    def set_language(self, code: str) -> None:
        self.qs.setValue("language", code)

    def last_dir(self) -> str:
        return str(self.qs.value("last_dir", "") or "")

    def set_last_dir(self, path: str) -> None:
        self.qs.setValue("last_dir", path)

    def autosave_minutes(self) -> int:
        try:
            return max(1, int(self.qs.value("autosave_minutes", 5)))
        except (TypeError, ValueError):
            return 5

    def sync(self) -> None:
        """Write the settings now (with the schema version, for a store made this session)."""
        if self._new_store and self.qs.allKeys():
            self.qs.setValue("schema_version", SCHEMA_VERSION)
            self._new_store = False
        self.qs.sync()
