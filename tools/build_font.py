#!/usr/bin/env python3
"""Build the bundled Chinese font ``resources/fonts/EESansSC.ttf``.

The app needs one font that prints every Chinese character a household name may contain,
in the window (Qt), in charts (matplotlib) and in PDF documents (reportlab). reportlab
embeds only fonts with TrueType (``glyf``) outlines, while Noto Sans CJK ships PostScript
(CFF) outlines. This script

1. opens the Simplified Chinese face of Noto Sans CJK (face 2 of the OpenType collection
   ``NotoSansCJK-Regular.ttc``; the face is checked by its name table, not trusted by index),
2. subsets it to the character ranges listed in :data:`RANGES` (the whole CJK Unified
   Ideographs block U+4E00–U+9FFF, Extension A U+3400–U+4DBF, Latin, punctuation, CJK
   symbols, full-width forms and the symbols documents use: ¥ ℃ ± ≥ ≤ ㎡ ① □ ✓ …),
3. converts the cubic CFF outlines to quadratic TrueType outlines (``Cu2QuPen`` +
   ``TTGlyphPen``), drops ``CFF `` and ``VORG``, builds ``glyf``/``loca`` and rebuilds
   ``maxp`` (version 1.0) and ``post`` (format 2),
4. renames the family to "EE Sans SC" so that a system copy of Noto never shadows it.

The font is licensed under the SIL Open Font License 1.1 (see ``LICENSE-OFL.txt`` next to
the output). It runs once (about a minute); the output is committed.

Usage::

    python tools/build_font.py [--source NotoSansCJK-Regular.ttc] [--face 2]
                               [-o resources/fonts/EESansSC.ttf]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

FAMILY = "EE Sans SC"
STYLE = "Regular"
POSTSCRIPT_NAME = "EESansSC-Regular"
DEFAULT_SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
EXPECTED_SOURCE_FAMILY = "Noto Sans CJK SC"
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "EESansSC.ttf"

#: Character ranges kept (inclusive). Characters the source font lacks are skipped.
RANGES: list[tuple[int, int, str]] = [
    (0x0020, 0x007E, "Basic Latin"),
    (0x00A0, 0x00FF, "Latin-1 Supplement (¥ ± × ÷ · ² ³ °)"),
    (0x0100, 0x017F, "Latin Extended-A (pinyin tones ā é ǐ)"),
    (0x01CD, 0x01DC, "Latin Extended-B pinyin (ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ)"),
    (0x02C6, 0x02DD, "spacing modifiers (ˇ ˉ ˊ ˋ ˙)"),
    (0x0391, 0x03C9, "Greek (α β Δ μ Ω)"),
    (0x2000, 0x206F, "General Punctuation (— – … ‰ ‘ ’ “ ” ※)"),
    (0x20A0, 0x20CF, "Currency symbols (€)"),
    (0x2100, 0x214F, "Letterlike symbols (℃ № ℉)"),
    (0x2150, 0x218F, "Number forms (Ⅰ Ⅱ Ⅲ)"),
    (0x2190, 0x21FF, "Arrows (→ ← ↑ ↓)"),
    (0x2200, 0x22FF, "Mathematical operators (≥ ≤ ≈ ≠ √ ∑)"),
    (0x2460, 0x24FF, "Enclosed alphanumerics (① ②)"),
    (0x2500, 0x257F, "Box drawing"),
    (0x2580, 0x259F, "Block elements"),
    (0x25A0, 0x25FF, "Geometric shapes (■ □ ▲ ● ○ ◆)"),
    (0x2600, 0x26FF, "Miscellaneous symbols (★ ☆; the source has no ☐ ☑)"),
    (0x2700, 0x27BF, "Dingbats (✓ ✔ ✕)"),
    (0x2E80, 0x2EFF, "CJK Radicals Supplement"),
    (0x3000, 0x303F, "CJK Symbols and Punctuation (、。《》【】〇)"),
    (0x3200, 0x32FF, "Enclosed CJK letters and months (㈠ ㊣)"),
    (0x3300, 0x33FF, "CJK Compatibility (㎡ ㎏ ㎜)"),
    (0x3400, 0x4DBF, "CJK Unified Ideographs Extension A (㛃)"),
    (0x4E00, 0x9FFF, "CJK Unified Ideographs"),
    (0xF900, 0xFAFF, "CJK Compatibility Ideographs"),
    (0xFE10, 0xFE1F, "Vertical forms"),
    (0xFE30, 0xFE4F, "CJK Compatibility Forms"),
    (0xFF00, 0xFFEF, "Halfwidth and Fullwidth Forms (￥ ，：)"),
]

#: Characters that must be present in the output (the build fails otherwise).
REQUIRED = "㛃喆堃℃¥￥㎡≥≤±×÷·—–…‰①□■✓→²³、。《》【】，：；（）"


def wanted_codepoints() -> set[int]:
    """Every code point named by :data:`RANGES`."""
    cps: set[int] = set()
    for lo, hi, _title in RANGES:
        cps.update(range(lo, hi + 1))
    return cps


def open_source_face(source: str, face: int):
    """Open face ``face`` of the collection and check it is the Simplified Chinese face."""
    from fontTools.ttLib import TTFont

    font = TTFont(source, fontNumber=face, lazy=False)
    family = font["name"].getDebugName(1)
    if family != EXPECTED_SOURCE_FAMILY:
        raise SystemExit(
            f"face {face} of {source} is {family!r}, expected {EXPECTED_SOURCE_FAMILY!r}"
        )
    return font


def subset(font, codepoints: set[int]) -> None:
    """Subset ``font`` in place to ``codepoints`` (keeps all names, drops hinting)."""
    from fontTools import subset as ftsubset

    options = ftsubset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.hinting = False  # CFF hints mean nothing once converted to quadratics
    options.desubroutinize = True
    # Keep Latin kerning only: "locl"/"vert" would pull in the Japanese, Korean and
    # Traditional glyph variants (about 18 000 extra glyphs) that Simplified text never uses.
    options.layout_features = ["kern"]
    options.drop_tables += ["VORG"]
    subsetter = ftsubset.Subsetter(options=options)
    available = set(font.getBestCmap())
    subsetter.populate(unicodes=sorted(codepoints & available))
    subsetter.subset(font)


def cff_to_glyf(font, max_err_em: float = 1.0) -> None:
    """Replace the CFF outlines of ``font`` by TrueType quadratic outlines, in place.

    Parameters
    ----------
    font : fontTools.ttLib.TTFont
        An OpenType/CFF font (``sfntVersion == "OTTO"``).
    max_err_em : float
        Largest allowed distance between a cubic and its quadratic approximation
        [font units; the em is 1000 units]. 1.0 unit is invisible at print sizes.

    References
    ----------
    fontTools ``Snippets/otf2ttf.py`` (same steps).
    """
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    if "CFF " not in font:
        raise SystemExit("source font has no CFF table; nothing to convert")
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    quad_glyphs = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(glyph_set)
        # CFF contours run counter-clockwise, TrueType clockwise: reverse.
        glyph_set[name].draw(Cu2QuPen(tt_pen, max_err_em, reverse_direction=True))
        quad_glyphs[name] = tt_pen.glyph()

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = quad_glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)

    # Left side bearing must equal xMin for TrueType outlines.
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        advance, _lsb = hmtx[name]
        glyph.recalcBounds(glyf)
        hmtx[name] = (advance, getattr(glyph, "xMin", 0))

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    maxp.compile(font)  # computes numGlyphs, maxPoints, maxContours …

    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order

    head = font["head"]
    head.glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font) -> None:
    """Give the font its own family name (name IDs 1, 2, 3, 4, 6, 16, 17)."""
    version = font["name"].getDebugName(5) or "Version 2.004"
    names = {
        1: FAMILY,
        2: STYLE,
        3: f"{POSTSCRIPT_NAME};{version.split(';')[0]}",
        4: f"{FAMILY} {STYLE}" if STYLE != "Regular" else FAMILY,
        6: POSTSCRIPT_NAME,
        16: FAMILY,
        17: STYLE,
    }
    name_table = font["name"]
    # Drop localised family names of the source (e.g. 思源黑体 / Noto Sans CJK SC in zh).
    name_table.names = [n for n in name_table.names if n.nameID not in names]
    for name_id, text in names.items():
        name_table.setName(text, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, en-US
        name_table.setName(text, name_id, 1, 0, 0)  # Macintosh, Roman, English
    description = (
        "EE Sans SC: Noto Sans CJK SC subset to the CJK Unified Ideographs, Extension A, "
        "Latin and symbols, converted to TrueType outlines for PDF embedding."
    )
    name_table.setName(description, 10, 3, 1, 0x409)
    if "CFF " in font:  # only before conversion
        font["CFF "].cff.fontNames = [POSTSCRIPT_NAME]


def check(path: Path) -> dict:
    """Re-open the output and check required characters and outline format."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path))
    cmap = font.getBestCmap()
    missing = [ch for ch in REQUIRED if ord(ch) not in cmap]
    missing_block = [cp for cp in range(0x4E00, 0x9FFF + 1) if cp not in cmap]
    if missing:
        raise SystemExit(f"required characters missing from the output: {''.join(missing)}")
    if "CFF " in font or "glyf" not in font:
        raise SystemExit("output does not have TrueType outlines")
    return {
        "glyphs": len(font.getGlyphOrder()),
        "mapped_codepoints": len(cmap),
        "cjk_block_missing": len(missing_block),
        "family": font["name"].getDebugName(1),
        "size_bytes": path.stat().st_size,
    }


def build(source: str, face: int, output: Path) -> dict:
    t0 = time.perf_counter()
    font = open_source_face(source, face)
    subset(font, wanted_codepoints())
    t1 = time.perf_counter()
    rename(font)
    cff_to_glyf(font)
    t2 = time.perf_counter()
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_suffix(".ttf.part")
    font.save(str(tmp))
    tmp.replace(output)
    t3 = time.perf_counter()
    info = check(output)
    info.update(subset_s=round(t1 - t0, 1), convert_s=round(t2 - t1, 1), save_s=round(t3 - t2, 1))
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=DEFAULT_SOURCE, help="NotoSansCJK-Regular.ttc")
    parser.add_argument("--face", type=int, default=2, help="face index of Noto Sans CJK SC")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    info = build(args.source, args.face, args.output)
    for key, value in info.items():
        print(f"{key:>18}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
