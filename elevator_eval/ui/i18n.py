"""Language of the user interface: Simplified Chinese source strings, English by Qt's
translation system (``resources/translations/elevator_eval_en.qm``).

Engine results carry both languages (``message_zh``/``message_en``); :func:`pick` chooses
the one that matches the current language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..resources import resource_path

LANGS = ("zh", "en")
_state = {"lang": "zh", "translators": []}


def lang() -> str:
    """The current language, ``"zh"`` or ``"en"``."""
    return _state["lang"]


def pick(zh: str, en: str) -> str:
    """The text for the current language."""
    return en if _state["lang"] == "en" else zh


def listing(items) -> str:
    """Items in a list of the current language: ``101、102`` or ``101, 102``."""
    return pick("、", ", ").join(items)


def aside(text: str) -> str:
    """A remark in brackets after what it qualifies: ``（3 层）`` or `` (floor 3)``."""
    return pick(f"（{text}）", f" ({text})")


def clauses(items) -> str:
    """Clauses in one line of the current language: ``红线内；距相邻建筑 12 m`` or ``inside
    the red line; 12 m to the nearest building``."""
    return pick("；", "; ").join(items)


def error_text(error: BaseException, fields: dict[str, str] | None = None) -> str:
    """An error's text in the current language (:func:`elevator_eval.error_text.error_text`:
    the engines' English messages by their Chinese text in the Chinese window).

    ``fields`` names the fields as the window labels them (``{"organisation.contact_phone":
    "联系电话"}``): an input error about one of them is told by that label."""
    from .. import error_text as texts
    from ..errors import InputError

    field = None
    if fields and isinstance(error, InputError):
        field = fields.get(error.field)
    return texts.error_text(error, lang(), field)


def pick_attr(obj, stem: str) -> str:
    """``obj.<stem>_zh`` or ``obj.<stem>_en`` (or dict keys) for the current language."""
    suffix = "_en" if _state["lang"] == "en" else "_zh"
    if isinstance(obj, dict):
        return str(obj.get(stem + suffix) or obj.get(stem + "_zh") or "")
    return str(getattr(obj, stem + suffix, "") or getattr(obj, stem + "_zh", "") or "")


def qm_path():
    return resource_path("translations", "elevator_eval_en.qm")


def set_language(code: str | None) -> str:
    """Install the translators for ``code`` (``zh`` or ``en``) and return the language used.

    Chinese is the source language, so it needs only Qt's own ``qtbase_zh_CN`` for the
    standard dialog buttons. Installing a translator makes Qt send ``LanguageChange`` to
    every widget; the main window rebuilds its texts then.
    """
    code = code if code in LANGS else "zh"
    app = QCoreApplication.instance()
    if app is not None:
        for t in _state["translators"]:
            app.removeTranslator(t)
    _state["translators"] = []
    _state["lang"] = code
    if code == "en":
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        files = [(str(qm_path().parent), qm_path().stem)]
    else:
        QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
        qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
        # Qt's own Chinese (standard buttons, file dialogs), then the few texts of the
        # file dialog it leaves in English
        files = [(qt_dir, "qtbase_zh_CN"), (str(qm_path().parent), "qt_supplement_zh_CN")]
    if app is not None:
        for folder, stem in files:
            t = QTranslator(app)
            if t.load(stem, folder):
                app.installTranslator(t)
                _state["translators"].append(t)
    return code
