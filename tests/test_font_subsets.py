"""The font subsets every Chinese proposal shares: the same bytes, made once, same text."""

from __future__ import annotations

import io
import re
import zlib

import pytest
from pypdf import PdfReader
from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics

from elevator_eval import fonts
from elevator_eval.report.page_template import build_pdf
from elevator_eval.report.proposal import build_proposal
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project


@pytest.fixture(scope="module")
def sample():
    return open_project(sample_project_path())


def _font_programs(pdf: bytes) -> dict[str, bytes]:
    """Embedded font program (decompressed) by subset name, e.g. ``/AAAAAA+EESansSC-…``."""
    out = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            if desc is not None:
                out[str(font["/BaseFont"])] = (
                    desc.get_object()["/FontFile2"].get_object().get_data()
                )
    return out


def test_the_list_fills_exactly_the_first_two_subsets_with_characters_of_the_font():
    chars = fonts.proposal_characters()
    face = pdfmetrics.getFont(fonts.register_reportlab()).face
    # subset 0 keeps ASCII at its own codes and code 0: 256 - 96 - 1 = 159 codes are left;
    # later subsets keep code 0 (missing glyph) and 32 (space): 254
    assert len(chars) == len(set(chars)) == 159 + 254
    assert all(ord(c) > 127 and ord(c) in face.charToGlyph for c in chars)


def test_two_units_proposals_share_their_first_two_subsets_byte_for_byte(sample):
    a, b = io.BytesIO(), io.BytesIO()
    build_proposal(sample.units()[0], project=sample, out=a)
    build_proposal(sample.units()[9], project=sample, out=b)
    fa, fb = _font_programs(a.getvalue()), _font_programs(b.getvalue())
    names = sorted(fa)
    assert [n[:8] for n in names] == ["/AAAAAA+", "/AAAAAB+", "/AAAAAC+"]
    assert names == sorted(fb)
    assert fa[names[0]] == fb[names[0]] and fa[names[1]] == fb[names[1]]
    assert fa[names[2]] != fb[names[2]]  # the units' own characters (names, figures)


def _one_page(first_chars: str) -> bytes:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    style = ParagraphStyle("p", fontName=fonts.register_reportlab(), fontSize=10)
    buf = io.BytesIO()
    build_pdf(
        buf,
        [Paragraph("加装电梯方案书：每户出资 ¥12,345.00，表决通过。", style)],
        title="测试",
        header_left="方案书",
        header_right="第一版",
        first_chars=first_chars,
    )
    return buf.getvalue()


def test_characters_given_first_codes_extract_as_the_same_text():
    plain = PdfReader(io.BytesIO(_one_page(""))).pages[0].extract_text()
    fixed = PdfReader(io.BytesIO(_one_page("表决电梯户"))).pages[0].extract_text()
    assert "每户出资 ¥12,345.00，表决通过" in plain
    assert fixed == plain


def test_a_kept_subset_is_the_subset_reportlab_makes():
    face = pdfmetrics.getFont(fonts.register_reportlab()).face
    codes = [0] + [ord(c) for c in "既有住宅加装电梯"]
    made_by_reportlab = type(face).__mro__[1].makeSubset(face, codes)
    assert face.makeSubset(codes) == made_by_reportlab
    assert face.makeSubset(list(codes)) == made_by_reportlab  # kept, same bytes


def test_kept_font_streams_are_compressed_as_reportlab_compresses(sample, monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)  # a fixed document id and date
    out = []
    for _ in range(2):  # the second proposal takes its first two subsets from the kept ones
        buf = io.BytesIO()
        build_proposal(sample.units()[0], project=sample, out=buf)
        out.append(buf.getvalue())
    assert out[0] == out[1]
    streams = [
        out[1][m.end() : m.end() + int(m[1])]
        for m in re.finditer(rb"/Length (\d+) /Length1 \d+\s*>>\s*stream\n", out[1])
    ]
    assert len(streams) == 3  # the three font programs
    for compressed in streams:
        raw = zlib.decompress(compressed)
        assert pdfdoc.PDFZCompress.encode(raw) == compressed


def test_a_second_proposal_cuts_only_its_own_subset_out_of_the_font(sample, monkeypatch):
    face = pdfmetrics.getFont(fonts.register_reportlab()).face
    reportlab_face = type(face).__mro__[1]
    build_proposal(sample.units()[1], project=sample, out=io.BytesIO())
    cut = []
    make = reportlab_face.makeSubset
    monkeypatch.setattr(
        reportlab_face, "makeSubset", lambda self, subset: cut.append(1) or make(self, subset)
    )
    build_proposal(sample.units()[5], project=sample, out=io.BytesIO())
    assert len(cut) == 1  # the third subset; the first two are kept from the first proposal


def test_documents_are_the_bytes_plain_reportlab_writes(sample, monkeypatch):
    """Kept subsets, character maps, width arrays and text operators, and the frame that
    copies itself shallowly, change nothing: the same proposals built with reportlab's own
    font, text and frame classes give the same bytes."""
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.textobject import PDFTextObject
    from reportlab.platypus import Frame

    from elevator_eval.report import kept_text, page_template

    monkeypatch.setattr(rl_config, "invariant", 1)
    units = sample.units()[:3]

    def documents() -> list[bytes]:
        out = []
        for u in units + units:  # the second round uses what the first one kept
            buf = io.BytesIO()
            build_proposal(u, project=sample, out=buf)
            out.append(buf.getvalue())
        return out

    kept = documents()
    with monkeypatch.context() as m:
        m.setattr(kept_text, "kept_text_class", lambda: PDFTextObject)
        m.setattr(page_template, "_frame_class", lambda: Frame)
        faces = {}
        for name in (fonts.REPORTLAB_FONT_NAME, fonts.REPORTLAB_BOLD_NAME):
            font = pdfmetrics.getFont(name)
            m.setattr(font, "__class__", TTFont)
            faces[id(font.face)] = font.face
        for face in faces.values():
            m.setattr(face, "__class__", type(face).__mro__[1])
        plain = documents()
    assert type(pdfmetrics.getFont(fonts.REPORTLAB_FONT_NAME)) is not TTFont  # restored
    assert kept == plain
