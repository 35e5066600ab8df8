"""The bundled font prints every character documents and names need, in all libraries."""

from __future__ import annotations

import io
import warnings

import pytest
from fontTools.ttLib import TTFont

from elevator_eval import fonts
from elevator_eval.report.chart_fonts import setup_matplotlib

# Characters people's names and the documents use, beyond the CJK Unified block.
REQUIRED_SYMBOLS = "㛃喆堃℃¥￥㎡≥≤±×÷·—–…‰①②□■✓→、。《》【】，：；（）％"


@pytest.fixture(scope="module")
def ttfont():
    return TTFont(str(fonts.font_path()), lazy=True)


@pytest.fixture(scope="module")
def cmap(ttfont):
    return ttfont.getBestCmap()


def test_font_file_is_bundled():
    path = fonts.font_path()
    assert path.name == "EESansSC.ttf"
    assert path.stat().st_size < 20 * 1024 * 1024
    assert (path.parent / "LICENSE-OFL.txt").is_file()
    assert "SIL OPEN FONT LICENSE Version 1.1" in (path.parent / "LICENSE-OFL.txt").read_text(
        encoding="utf-8"
    )


def test_whole_cjk_unified_block_is_mapped(cmap):
    # U+9FF0–U+9FFF were added in Unicode 11–14; Noto Sans CJK 2.004 (the source) stops at
    # U+9FEF. Everything else in the block must be there.
    missing = [hex(cp) for cp in range(0x4E00, 0x9FEF + 1) if cp not in cmap]
    assert missing == []


def test_extension_a_is_mapped(cmap):
    missing = [hex(cp) for cp in range(0x3400, 0x4DB5 + 1) if cp not in cmap]
    assert missing == []


@pytest.mark.parametrize("char", list(REQUIRED_SYMBOLS))
def test_required_symbol_is_mapped(cmap, char):
    assert ord(char) in cmap, f"{char} U+{ord(char):04X}"


def test_ascii_and_fullwidth_forms_are_mapped(cmap):
    assert all(cp in cmap for cp in range(0x20, 0x7F))
    assert all(cp in cmap for cp in range(0xFF01, 0xFF5E + 1))


def test_truetype_outlines_not_cff(ttfont):
    assert "glyf" in ttfont and "loca" in ttfont
    assert "CFF " not in ttfont and "VORG" not in ttfont
    assert ttfont.sfntVersion == "\x00\x01\x00\x00"
    assert ttfont["maxp"].tableVersion == 0x00010000


def test_family_name_is_unique(ttfont):
    name = ttfont["name"]
    for name_id in (1, 16):
        assert name.getDebugName(name_id) == fonts.FONT_FAMILY
    assert "Noto" not in name.getDebugName(4)
    assert "Source" not in name.getDebugName(4)
    assert name.getDebugName(6) == "EESansSC-Regular"


def test_a_chinese_glyph_has_an_outline(ttfont, cmap):
    glyph = ttfont["glyf"][cmap[ord("梯")]]
    assert glyph.numberOfContours > 0


def test_reportlab_registration_is_idempotent_and_embeds_subset():
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    name = fonts.register_reportlab()
    assert fonts.register_reportlab() == name
    assert name in pdfmetrics.getRegisteredFontNames()
    style = ParagraphStyle("t", fontName=name, fontSize=12, wordWrap="CJK")
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf)
    # <b> must map to the bold alias of the same font, not to Helvetica-Bold.
    para = Paragraph("加装电梯 <b>张喆 王堃 李㛃</b> 25℃ ¥1,234 ㎡ ≥ 2/3", style)
    assert {frag.fontName for frag in para.frags} == {name, fonts.REPORTLAB_BOLD_NAME}
    doc.build([para])
    data = buf.getvalue()
    # reportlab always declares Helvetica as the canvas' initial font; the bold run must
    # not have fallen back to Helvetica-Bold (which has no Chinese glyphs).
    assert b"Helvetica-Bold" not in data
    assert b"+EESansSC-Regular" in data  # the embedded subset of the bundled file
    # Only the used glyphs are embedded: far below the 10 MB font file.
    assert len(data) < 100_000

    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    for word in ("加装电梯", "张喆", "王堃", "李㛃", "℃", "¥1,234", "㎡"):
        assert word in text


def test_the_bold_alias_is_the_regular_font_and_the_file_is_parsed_once():
    """reportlab gives a second name of a face it knows that face's font object; the alias
    is registered without parsing the 9.8 MB file again (≈ 80 ms of every process)."""
    import subprocess
    import sys

    script = """
from reportlab.pdfbase import pdfmetrics, ttfonts
parsed = []
made = ttfonts.TTFontFace.__init__
def counting(self, filename, *args, **kwargs):
    parsed.append(str(filename))
    made(self, filename, *args, **kwargs)
ttfonts.TTFontFace.__init__ = counting
from elevator_eval import fonts
fonts.register_reportlab()
regular = pdfmetrics.getFont(fonts.REPORTLAB_FONT_NAME)
print(parsed.count(str(fonts.font_path())), pdfmetrics.getFont(fonts.REPORTLAB_BOLD_NAME) is regular)
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    ).stdout.split()
    assert out == ["1", "True"]


def test_matplotlib_draws_chinese_with_the_bundled_font():
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    family = setup_matplotlib()
    assert setup_matplotlib() == family == fonts.FONT_FAMILY
    found = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))
    assert found.endswith("EESansSC.ttf")
    fig = Figure(figsize=(2, 1), dpi=50)
    ax = fig.add_subplot()
    ax.set_title("按楼层分摊 张喆 堃 㛃 ℃ ㎡ −5")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font" would raise
        fig.savefig(io.BytesIO(), format="png")


# ---------------------------------------------------------------- the supplement font


def test_main_and_supplement_fonts_cover_the_whole_cjk_unified_block_and_extension_a():
    from fontTools.ttLib import TTFont

    main = TTFont(str(fonts.font_path()), lazy=True).getBestCmap()
    supp_font = TTFont(str(fonts.supplement_path()))
    assert "glyf" in supp_font and "CFF " not in supp_font
    supp = supp_font.getBestCmap()
    both = set(main) | set(supp)
    missing = [
        f"U+{c:04X}"
        for c in list(range(0x4E00, 0xA000)) + list(range(0x3400, 0x4DC0))
        if c not in both
    ]
    assert missing == []
    assert set(supp) == set(fonts.SUPPLEMENT_CODEPOINTS)
    # the supplement only fills gaps: the main font is used for everything it has
    assert not (set(supp) & set(main))


def test_mark_supplement_wraps_only_the_missing_code_points():
    assert fonts.mark_supplement("张三 &amp; 李㛃") == "张三 &amp; 李㛃"
    marked = fonts.mark_supplement("王\u9ff0\u9ff1明")
    assert marked == f'王<font name="{fonts.REPORTLAB_SUPPLEMENT_NAME}">\u9ff0\u9ff1</font>明'


def test_reportlab_prints_a_name_with_a_unicode_14_ideograph(tmp_path):
    from pypdf import PdfReader
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    name = fonts.register_reportlab()
    out = tmp_path / "supp.pdf"
    style = ParagraphStyle("s", fontName=name, wordWrap="CJK")
    SimpleDocTemplate(str(out)).build([Paragraph(fonts.mark_supplement("王\u9fff 李㛃"), style)])
    assert "王\u9fff 李㛃" in PdfReader(str(out)).pages[0].extract_text()
    assert fonts.REPORTLAB_SUPPLEMENT_NAME.encode() in out.read_bytes()


def test_matplotlib_draws_the_supplement_glyphs_without_a_missing_glyph_warning():
    import warnings

    from matplotlib.figure import Figure

    setup_matplotlib()
    fig = Figure(figsize=(2, 1))
    fig.add_subplot().set_title("王\u9ff0 李㛃")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(io.BytesIO(), format="png")
