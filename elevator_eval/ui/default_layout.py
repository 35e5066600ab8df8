"""The window's layout on its very first start, before any layout was saved: the project
tree docked on the left, the toolbar on top (made by ``tools/make_default_layout.py``
with Qt's ``QMainWindow.saveState``). Restoring it places the dock without Qt's enum
namespace, which would be built before the first paint otherwise (``lazy_qt.py``); a Qt
that cannot read it places the dock with the enum instead (``MainWindow``)."""

DEFAULT_WINDOW_STATE = bytes.fromhex(
    "000000ff00000000fd0000000100000000000000e6000002e1fc0200000001fb0000001000540072"
    "006500650044006f0063006b010000003b000002e10000005b00ffffff00000414000002e1000000"
    "04000000040000000800000008fc00000001000000020000000100000016004d00610069006e0054"
    "006f006f006c0042006100720100000000ffffffff0000000000000000"
)
