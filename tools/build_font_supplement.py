"""Build ``resources/fonts/EESansSCSupplement.ttf``: the CJK code points the main font lacks.

The main bundled font (Noto Sans CJK SC 2.004, ``tools/build_font.py``) has no glyphs for
U+9FF0–U+9FFF (added to the CJK Unified Ideographs block in Unicode 11–14) nor for
U+4DB6–U+4DBF (the end of Extension A, Unicode 13). BabelStone Han (Debian package
``fonts-babelstone-han``, TrueType outlines) has them. Its licence (Arphic Public License)
does not allow merging its glyphs into an OFL font, so they ship as a separate small font
with its own licence, registered as a per-glyph fallback by :mod:`elevator_eval.fonts`.

Usage::

    apt-get install fonts-babelstone-han
    python3 tools/build_font_supplement.py [SOURCE.ttf]
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf")
OUT = ROOT / "resources" / "fonts" / "EESansSCSupplement.ttf"
FAMILY = "EE Sans SC Supplement"
PS_NAME = "EESansSCSupplement"
CODEPOINTS = list(range(0x9FF0, 0xA000)) + list(range(0x4DB6, 0x4DC0))


def build(source: Path = SOURCE, out: Path = OUT) -> Path:
    font = TTFont(str(source))
    if "glyf" not in font:
        raise SystemExit(f"{source} has no TrueType outlines")
    cmap = font.getBestCmap()
    missing = [f"U+{c:04X}" for c in CODEPOINTS if c not in cmap]
    if missing:
        raise SystemExit(f"{source} lacks {', '.join(missing)}")
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.drop_tables += ["DSIG", "GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=CODEPOINTS)
    sub.subset(font)
    name = font["name"]
    keep = {0, 7, 8, 9, 10, 11, 12, 13, 14}
    name.names = [r for r in name.names if r.nameID in keep]
    for pid, eid, lid in ((3, 1, 0x409), (1, 0, 0)):
        name.setName(FAMILY, 1, pid, eid, lid)
        name.setName("Regular", 2, pid, eid, lid)
        name.setName(f"{PS_NAME};subset of BabelStone Han", 3, pid, eid, lid)
        name.setName(FAMILY, 4, pid, eid, lid)
        name.setName("Version 1.0 (subset of BabelStone Han)", 5, pid, eid, lid)
        name.setName(PS_NAME, 6, pid, eid, lid)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    return out


if __name__ == "__main__":
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    path = build(src)
    print(f"wrote {path} ({path.stat().st_size:,} bytes, {len(CODEPOINTS)} code points)")
