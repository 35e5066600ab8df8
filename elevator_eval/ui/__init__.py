"""PySide6 views over the pure model. Only this package imports Qt."""
