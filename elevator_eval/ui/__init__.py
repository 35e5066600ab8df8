"""PySide6 views over the pure model. Only this package imports Qt."""

from .refcount_guard import protect_singletons

protect_singletons()  # before any Qt call: see refcount_guard.py
