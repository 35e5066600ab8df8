"""PySide6 views over the pure model. Only this package imports Qt.

Importing the package loads PySide6's QtCore and makes PySide's look at every module
imported after it cheap (``module_scan.py``).

Before the long runs of Qt calls a session makes, ``refcount_guard.protect_singletons``
must have run (``app.ensure_app`` and ``app.run`` see to it)."""

from .module_scan import install

install()
