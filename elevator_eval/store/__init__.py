"""The project file (``.eeproj``): one SQLite database per project.

Layout (schema version :data:`SCHEMA_VERSION`)
----------------------------------------------
- ``meta(key, value)``: format name, schema version, the app version that wrote the file,
  project name, uid, settings (JSON) and ``content_sha256``, a digest of every stored row.
- ``communities``, ``buildings``, ``units``, ``households``: normalised tables, so that a
  census can be queried with SQL. Decimals are stored as their decimal text (``"56.30"``);
  nested parts (site, costs, subsidies, share, ``extra`` dicts) are tagged JSON that keeps
  ``Decimal``, tuples and integer keys exactly (see :mod:`~elevator_eval.store.codec`).
  Beside each plain site, ``units.site_code`` keeps the census's values of it, packed
  (derived data, see :mod:`elevator_eval.site_columns`).
- ``vote_log``: the vote audit trail (:mod:`elevator_eval.audit`), append-only (SQL
  triggers refuse UPDATE and DELETE; :func:`save_project` refuses a log whose stored rows
  changed).

``PRAGMA application_id`` marks the file as ours; ``PRAGMA user_version`` is the schema
version. Older files are migrated step by step by :data:`MIGRATIONS` (one function per
step v → v+1) after a backup copy ``<name>.bak-v<old>`` is written.

Crash safety
------------
Every save writes a complete new database into a temporary file beside the target in one
transaction, fsyncs it and then atomically replaces the target (``os.replace``), then
fsyncs the folder. The target is never opened for writing, so at any moment (a crash, a
SIGKILL, a full disk) it is either the previous committed state or the new one. We chose
this over an in-place SQLite transaction because an in-place save leaves a ``-journal``
beside the file during the write; if the user copies or e-mails the ``.eeproj`` alone at
that moment, or the journal is lost, the copy is corrupt. A single self-contained file is
what people move around.

Opening is strictly read-only (``mode=ro``) and checks the SQLite header magic, the
application id, the size the header announces, ``PRAGMA quick_check`` and the content
digest first, so a corrupt, truncated, empty, newer or foreign file raises
:class:`~elevator_eval.errors.ProjectFileError` with a one-line message and is never
modified.

Modules: :mod:`.codec` (tagged JSON), :mod:`.schema` (tables and migrations),
:mod:`.header` (file checks before SQLite reads), :mod:`.rows` (rows ↔ project, content
digest), :mod:`.reading` / :mod:`.writing` (open and save), :mod:`.fileops`,
:mod:`.autosave`, :mod:`.units` (unit import/export), :mod:`.anonymise`, :mod:`.lazy`
(units decoded on first use), :mod:`.sitecols` (the census's site values by column). This package
re-exports the public API.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .codec import dumps_tagged, loads_tagged
from .reading import open_project
from .schema import APPLICATION_ID, FORMAT, MIGRATIONS, SCHEMA_VERSION, SUFFIX

if TYPE_CHECKING:
    from .anonymise import anonymise_project
    from .autosave import (
        autosave_is_older,
        autosave_path,
        discard_autosave,
        find_recovery,
        save_autosave,
    )
    from .units import export_unit, import_unit
    from .writing import STALE_TEMP_S, load_base, new_project, save_project

# Saving, unit files, anonymising and recovery copies are not needed to open a project: they
# load on first use, which keeps them (and the process records they read) out of the
# desktop app's start-up.
_LATER = {
    "anonymise_project": "anonymise",
    "autosave_path": "autosave",
    "autosave_is_older": "autosave",
    "discard_autosave": "autosave",
    "find_recovery": "autosave",
    "save_autosave": "autosave",
    "export_unit": "units",
    "import_unit": "units",
    "STALE_TEMP_S": "writing",
    "load_base": "writing",
    "new_project": "writing",
    "save_project": "writing",
}


def __getattr__(name: str) -> Any:
    if name in _LATER:
        value = getattr(importlib.import_module(f".{_LATER[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "APPLICATION_ID",
    "FORMAT",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "STALE_TEMP_S",
    "SUFFIX",
    "anonymise_project",
    "autosave_is_older",
    "autosave_path",
    "discard_autosave",
    "dumps_tagged",
    "export_unit",
    "find_recovery",
    "import_unit",
    "load_base",
    "loads_tagged",
    "new_project",
    "open_project",
    "save_autosave",
    "save_project",
]
