"""The bundled Chinese font, for PDF documents (reportlab) and charts (matplotlib).

One font prints every Chinese character a household name may contain in all three places
the app draws text: "EE Sans SC", a subset of Noto Sans CJK SC (the whole CJK Unified
Ideographs block, Extension A, Latin, punctuation and symbols such as ¥ ℃ ≥ ㎡) with
TrueType outlines so that reportlab can embed it. It is built by ``tools/build_font.py``
and licensed under the SIL Open Font License 1.1 (``resources/fonts/LICENSE-OFL.txt``).

The family name is unique on purpose: a bundled font named like a system font would be
shadowed by the system copy.

Noto Sans CJK SC 2.004 lacks 26 recent code points (U+9FF0–U+9FFF, added to the CJK
Unified Ideographs block in Unicode 11–14, and U+4DB6–U+4DBF at the end of Extension A).
They come from a second, tiny font, "EE Sans SC Supplement" (a subset of BabelStone Han,
Arphic Public License, ``resources/fonts/LICENSE-ARPHIC.txt``), which every renderer uses
as a per-glyph fallback: matplotlib through its family list (set up by
:func:`elevator_eval.report.chart_fonts.setup_matplotlib`), Qt through a font
substitution, and reportlab — which never falls back by itself — through
:func:`mark_supplement`, applied to every escaped data text.

Qt (in ``elevator_eval.ui`` only)::

    QFontDatabase.addApplicationFont(str(font_path()))
    QFontDatabase.addApplicationFont(str(supplement_path()))
    QFont.insertSubstitution(FONT_FAMILY, SUPPLEMENT_FAMILY)
    app.setFont(QFont(FONT_FAMILY))

This module never imports matplotlib (figures are drawn in ``report/`` and ``ui/`` only)
and imports reportlab only when :func:`register_reportlab` is first called.
"""

from __future__ import annotations

import copy
import functools
import re
import threading
import zlib
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from .font_files import font_path, supplement_path
from .resources import resource_path

#: Family name of the bundled font (name IDs 1 and 16).
FONT_FAMILY = "EE Sans SC"
#: Name under which the font is registered with reportlab.
REPORTLAB_FONT_NAME = "EESansSC"
#: reportlab alias used for ``<b>``; it maps to the same file (the font has one weight).
REPORTLAB_BOLD_NAME = "EESansSC-Bold"
#: Family of the fallback font for the code points the main font lacks.
SUPPLEMENT_FAMILY = "EE Sans SC Supplement"
#: reportlab name of the fallback font.
REPORTLAB_SUPPLEMENT_NAME = "EESansSCSupplement"
#: The characters every Chinese proposal prints, in ``resources/fonts`` (written by
#: ``tools/proposal_characters.py``): see :func:`give_first_codes`.
PROPOSAL_CHARACTERS_FILE = "proposal-common-zh.txt"
#: Code points drawn with the supplement font.
SUPPLEMENT_CODEPOINTS = frozenset(list(range(0x9FF0, 0xA000)) + list(range(0x4DB6, 0x4DC0)))

_SUPPLEMENT_CHAR = re.compile("[\u9ff0-\u9fff\u4db6-\u4dbf]")
"""A character of :data:`SUPPLEMENT_CODEPOINTS`."""

K = TypeVar("K")
V = TypeVar("V")

_lock = threading.Lock()
_registered: set[str] = set()
"""Libraries the fonts are registered with (``reportlab``)."""


def mark_supplement(markup: str) -> str:
    """Wrap characters the main font lacks in a reportlab ``<font>`` tag for the supplement.

    Apply to text that is already escaped for a reportlab Paragraph (the tag is the
    program's own constant; the characters are ideographs, never markup). Text without such
    characters is returned unchanged.
    """
    if _SUPPLEMENT_CHAR.search(markup) is None:  # the common case, without a Python loop
        return markup
    out = []
    inside = False
    for ch in markup:
        special = ord(ch) in SUPPLEMENT_CODEPOINTS
        if special and not inside:
            out.append(f'<font name="{REPORTLAB_SUPPLEMENT_NAME}">')
            inside = True
        elif not special and inside:
            out.append("</font>")
            inside = False
        out.append(ch)
    if inside:
        out.append("</font>")
    return "".join(out)


def register_reportlab() -> str:
    """Register the bundled font with reportlab, once; return its reportlab font name.

    Also registers a bold alias (same file) and a font family so that ``<b>``, ``<i>`` in a
    Paragraph map to this font instead of failing or falling back to Helvetica, which has
    no Chinese glyphs. Safe to call from several threads and many times.

    Returns
    -------
    str
        The reportlab font name to put in every style, ``"EESansSC"``.
    """
    if "reportlab" in _registered:
        return REPORTLAB_FONT_NAME
    with _lock:
        if "reportlab" in _registered:
            return REPORTLAB_FONT_NAME
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        path = str(font_path())
        registered = set(pdfmetrics.getRegisteredFontNames())
        if REPORTLAB_FONT_NAME not in registered:
            pdfmetrics.registerFont(_tables_once(TTFont(REPORTLAB_FONT_NAME, path)))
        if REPORTLAB_BOLD_NAME not in registered:
            # reportlab registers a second name of a face it knows as that face's font
            # (``registerFont``): the alias needs no parse of the 9.8 MB file (≈ 80 ms)
            alias = copy.copy(pdfmetrics.getFont(REPORTLAB_FONT_NAME))
            alias.fontName = REPORTLAB_BOLD_NAME
            pdfmetrics.registerFont(alias)
        if REPORTLAB_SUPPLEMENT_NAME not in registered:
            pdfmetrics.registerFont(TTFont(REPORTLAB_SUPPLEMENT_NAME, str(supplement_path())))
        pdfmetrics.registerFontFamily(
            REPORTLAB_FONT_NAME,
            normal=REPORTLAB_FONT_NAME,
            bold=REPORTLAB_BOLD_NAME,
            italic=REPORTLAB_FONT_NAME,
            boldItalic=REPORTLAB_BOLD_NAME,
        )
        # The bold alias is a family of its own too, so <b> inside bold text stays put.
        addMapping(REPORTLAB_BOLD_NAME, 0, 0, REPORTLAB_BOLD_NAME)
        addMapping(REPORTLAB_BOLD_NAME, 1, 0, REPORTLAB_BOLD_NAME)
        addMapping(REPORTLAB_BOLD_NAME, 0, 1, REPORTLAB_BOLD_NAME)
        addMapping(REPORTLAB_BOLD_NAME, 1, 1, REPORTLAB_BOLD_NAME)
        _registered.add("reportlab")
    return REPORTLAB_FONT_NAME


@functools.lru_cache(maxsize=1)
def proposal_characters() -> str:
    """The characters every Chinese proposal prints (:data:`PROPOSAL_CHARACTERS_FILE`), in
    a fixed order; lines starting with ``#`` are comments."""
    path = resource_path("fonts", PROPOSAL_CHARACTERS_FILE)
    lines = path.read_text(encoding="utf-8").splitlines()
    return "".join(line for line in lines if not line.startswith("#"))


def give_first_codes(doc: Any, chars: str) -> None:
    """Give ``chars`` the first codes of the bundled font in the PDF document ``doc`` (a
    reportlab ``PDFDocument``), before any text is drawn.

    reportlab embeds the font as subsets of 256 codes, given to characters in the order the
    document first draws them, and cuts and compresses every subset for every document.
    With a fixed list first, the subsets the list fills are the same in every document
    that uses the list, and are made once per process (:func:`_tables_once`). The pages and
    the text (each code maps back to its character) are the same; a listed character the
    document does not print costs its glyph in the file.
    """
    if chars:
        from reportlab.pdfbase import pdfmetrics

        pdfmetrics.getFont(register_reportlab()).splitString(chars, doc)


def _tables_once(font: Any) -> Any:
    """``font`` (a reportlab ``TTFont``) with its face reading each font table from the
    file once per process, and keeping its last few subsets, built and compressed.

    reportlab builds every 256-character subset of a document from the face's tables and
    slices each table out of the file again for every subset; for the glyph table that is
    most of the 9.8 MB file, three times per proposal. The face's class becomes a subclass
    that keeps the slices (the file does not change while the program runs), and the last
    few subsets it made, as font program and as compressed stream, with their compressed
    character maps; the font's class keeps its subsets' formatted width arrays. The subsets
    that :func:`give_first_codes` makes the same in every proposal are made once. The
    subsets, and so the documents, are byte for byte the same.
    """
    face = font.face
    face.__class__ = _table_caching_class(type(face))
    font.__class__ = _width_keeping_class(type(font))
    return font


class _Recent(Generic[K, V]):
    """The last few values made by key, for any thread: values used by every document
    stay, the others pass through."""

    def __init__(self, size: int):
        self._size = size
        self._items: dict[K, V] = {}
        self._lock = threading.Lock()

    def get(self, key: K, make: Callable[[], V]) -> V:
        """The value kept for ``key``, or ``make()`` kept as the newest."""
        with self._lock:
            if key in self._items:
                value = self._items[key] = self._items.pop(key)  # now the newest
                return value
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                del self._items[next(iter(self._items))]  # the oldest
        return value


class _RecentFlate:
    """A reportlab stream filter: Flate with zlib's default level, as reportlab's own
    ``PDFZCompress``, which keeps the compressed bytes of the last few streams."""

    pdfname = "FlateDecode"

    def __init__(self) -> None:
        self._recent: _Recent[bytes, bytes] = _Recent(16)

    def encode(self, data: bytes | str) -> bytes:
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        return self._recent.get(raw, lambda: zlib.compress(raw))

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


_SUBSET_FLATE = _RecentFlate()
_caching_classes: dict[type, type] = {}


def _table_caching_class(base: type) -> type:
    """A subclass of reportlab's font face class ``base`` whose ``get_table`` keeps the
    tables it has read and whose subsets are kept (see :func:`_tables_once`)."""
    if base in _caching_classes or base in _caching_classes.values():
        return _caching_classes.get(base, base)

    class TableCachingFace(base):  # type: ignore[misc]  # reportlab ships no types
        def get_table(self, tag: str) -> bytes:
            tables: dict[str, bytes] = self.__dict__.setdefault("_ee_tables", {})
            data = tables.get(tag)
            if data is None:
                data = tables[tag] = bytes(super().get_table(tag))
            return data

        def makeSubset(self, subset: list[int]) -> bytes:  # reportlab's name
            recent: _Recent[tuple[int, ...], bytes] | None = self.__dict__.get("_ee_subsets")
            if recent is None:
                recent = self.__dict__.setdefault("_ee_subsets", _Recent(8))
            return recent.get(
                tuple(subset), lambda: super(TableCachingFace, self).makeSubset(subset)
            )

        def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:
            ref = super().addSubsetObjects(doc, fontname, subset)
            # the font program's stream and the subset's character map (made just before),
            # named by reportlab as below: compressed once
            for name in (f"fontFile:{self.filename}({fontname})", f"toUnicodeCMap:{fontname}"):
                stream = doc.idToObject.get(name)
                filters = getattr(stream, "filters", None) or []
                if [getattr(f, "pdfname", None) for f in filters] == ["FlateDecode"]:
                    stream.filters = [_SUBSET_FLATE]
            return ref

    _caching_classes[base] = TableCachingFace
    return TableCachingFace


_width_classes: dict[type, type] = {}
_KEPT_WIDTHS: _Recent[tuple[object, ...], bytes] = _Recent(16)


def _width_keeping_class(base: type) -> type:
    """A subclass of reportlab's ``TTFont`` class ``base`` whose subsets' width arrays
    keep their PDF text: the arrays of the subsets :func:`give_first_codes` fixes are the
    same in every document and are formatted once (256 numbers each)."""
    if base in _width_classes or base in _width_classes.values():
        return _width_classes.get(base, base)
    from reportlab.pdfbase import pdfdoc

    class KeptArray(pdfdoc.PDFArray):  # type: ignore[misc]  # reportlab ships no types
        def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
            key = (IND, *self.sequence)
            return _KEPT_WIDTHS.get(key, lambda: super(KeptArray, self).format(document, IND))

    class WidthKeepingFont(base):  # type: ignore[misc]
        def addObjects(self, doc: Any) -> None:  # reportlab's name
            super().addObjects(doc)
            for font in doc.idToObject["BasicFonts"].dict.values():
                widths = getattr(font, "Widths", None)
                if (
                    isinstance(widths, pdfdoc.PDFArray)
                    and not isinstance(widths, KeptArray)
                    and font.BaseFont.endswith(self.face.name.decode("latin-1"))
                ):
                    font.Widths = KeptArray(widths.sequence)

    _width_classes[base] = WidthKeepingFont
    return WidthKeepingFont
