"""PySide6's ``Qt`` namespace, loaded on first use, and the few Qt numbers the first
paint needs.

Importing ``Qt`` from ``PySide6.QtCore`` builds all 94 of the namespace's enum classes at
once (≈ 25 ms, a tenth of the app's start). So does any call in which Qt passes a ``Qt``
enum to Python (a model's ``headerData`` receives the orientation, ``sort`` the order) or
Python passes one to Qt (``addDockWidget``'s area, ``QBrush(color)`` choosing between
overloads). The modules the window imports before its first paint therefore take ``Qt``
from here, and what runs before that paint uses none of these enums: item roles and
text flags are the plain numbers below (each tested equal to Qt's own), settings that
are Qt properties are set by name, and what needs an enum waits for the paint
(``overview.OverviewView`` turns sorting on when the census arrives; ``main_window``
places the tree dock from the saved window layout). ``tests/ui/test_lazy_qt.py``
starts the app in a fresh process and fails if the namespace is built before the first
paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from PySide6.QtCore import Qt as _Qt

DISPLAY_ROLE = 0
"""``Qt.ItemDataRole.DisplayRole``."""
TOOLTIP_ROLE = 3
"""``Qt.ItemDataRole.ToolTipRole``."""
BACKGROUND_ROLE = 8
"""``Qt.ItemDataRole.BackgroundRole``."""
FOREGROUND_ROLE = 9
"""``Qt.ItemDataRole.ForegroundRole``."""
USER_ROLE = 0x0100
"""``Qt.ItemDataRole.UserRole``: the first role free for the application."""

ALIGN_H_CENTER = 0x0004
"""``Qt.AlignmentFlag.AlignHCenter`` (``QPainter.drawText`` takes the flags as a number)."""
TEXT_WORD_WRAP = 0x1000
"""``Qt.TextFlag.TextWordWrap``."""

WIDGET_SHORTCUT = 0
"""``Qt.ShortcutContext.WidgetShortcut`` (for ``setProperty("shortcutContext", …)``)."""
CUSTOM_CONTEXT_MENU = 3
"""``Qt.ContextMenuPolicy.CustomContextMenu`` (``setProperty("contextMenuPolicy", …)``)."""
TOOL_BUTTON_TEXT_BESIDE_ICON = 2
"""``Qt.ToolButtonStyle.ToolButtonTextBesideIcon`` (``setProperty("toolButtonStyle", …)``)."""


class _Namespace:
    """Stands for ``PySide6.QtCore.Qt``: the first attribute read imports it."""

    def __getattr__(self, name: str):
        from PySide6.QtCore import Qt as namespace

        value = getattr(namespace, name)
        setattr(self, name, value)  # the next read is a plain attribute
        return value


Qt = cast("type[_Qt]", _Namespace())
"""``PySide6.QtCore.Qt``, imported on first use (type checkers see the real one)."""


def load() -> None:
    """Build Qt's namespace now (≈ 25 ms): the app does it right after the window's first
    paint, in a turn of the event loop of its own, before the census starts."""
    Qt.AlignLeft  # noqa: B018  # the first attribute read imports the namespace
