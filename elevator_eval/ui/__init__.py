"""PySide6 views over the pure model. Only this package imports Qt.

Before the long runs of Qt calls a session makes, ``refcount_guard.protect_singletons``
must have run (``app.ensure_app`` and ``app.run`` see to it)."""
