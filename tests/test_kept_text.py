"""Text operators kept per process (report/kept_text.py): the same bytes as reportlab's."""

from __future__ import annotations

import io

import pytest
from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph

from elevator_eval import fonts
from elevator_eval.errors import InputError
from elevator_eval.report import kept_text, shared_para
from elevator_eval.report.consent_form import build_consent_forms
from elevator_eval.report.notice import build_notice
from elevator_eval.report.page_template import build_pdf
from elevator_eval.report.proposal import build_proposal
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project


@pytest.fixture(scope="module")
def sample():
    return open_project(sample_project_path())


def _one_page(text: str, first_chars: str) -> bytes:
    style = ParagraphStyle("p", fontName=fonts.register_reportlab(), fontSize=10)
    buf = io.BytesIO()
    build_pdf(
        buf,
        # the same characters in the regular and the bold font (each with its own codes,
        # the first ones in a document without first codes), twice each
        [Paragraph(m, style) for m in (text, f"<b>{text}</b>") * 2],
        title="测试",
        header_left="方案书",
        header_right="第一版",
        first_chars=first_chars,
    )
    return buf.getvalue()


def _documents(sample) -> list[bytes]:
    out = []
    units = sample.units()[:3]
    for u in units + units:  # the second time round the operators are kept
        for lang in ("zh", "en"):
            for build in (build_proposal, build_notice, build_consent_forms):
                buf = io.BytesIO()
                try:
                    build(u, project=sample, lang=lang, out=buf)
                except InputError:  # a notice of a unit whose vote has not passed
                    build_notice(u, project=sample, lang=lang, out=buf, progress=True)
                out.append(buf.getvalue())
    # the same words with other first codes, and none: the same characters get other codes
    out.append(_one_page("加装电梯方案书：每户出资 ¥12,345.00，表决通过。", "表决电梯户"))
    out.append(_one_page("加装电梯方案书：每户出资 ¥12,345.00，表决通过。", "户梯电决表"))
    out.append(_one_page("加装电梯方案书：每户出资 ¥12,345.00，表决通过。", ""))
    return out


def test_kept_operators_give_the_bytes_reportlab_writes(sample, monkeypatch):
    """Strings' operators (kept_text.py) and whole paragraphs' drawings (shared_para.py)."""
    monkeypatch.setattr(rl_config, "invariant", 1)  # no dates or random ids in the files
    kept_text._memo.clear()
    shared_para._drawn.clear()
    kept = _documents(sample)
    assert len(kept_text._memo) > 1000  # operators were kept and used …
    assert len(shared_para._drawn) > 100
    with monkeypatch.context() as m:
        m.setattr(kept_text, "kept_text_class", lambda: PDFTextObject)  # every canvas
        m.setattr(shared_para.SharedParagraph, "_drawn_key", lambda self: None)
        plain = _documents(sample)
    assert kept == plain  # … and the documents are reportlab's, byte for byte


def test_a_paragraph_drawn_again_gives_its_new_characters_their_codes(monkeypatch):
    """A kept paragraph whose characters a document has not drawn yet: reused in a new
    document, its characters get the codes the drawing would give them, so the text after
    it is written the same way."""
    monkeypatch.setattr(rl_config, "invariant", 1)
    texts = ("甲乙丙丁戊己庚辛壬癸。", "子丑寅卯辰巳午未申酉戌亥，甲乙。")

    style = ParagraphStyle("p", fontName=fonts.register_reportlab(), fontSize=10)

    def page(*markups: str) -> bytes:
        buf = io.BytesIO()
        story = [shared_para.paragraph(m, style) for m in markups]
        build_pdf(buf, story, title="t", header_left="", header_right="")
        return buf.getvalue()

    def documents() -> list[bytes]:
        return [page(*texts), page(*texts), page(texts[1], texts[0]), page(texts[1])]

    shared_para._drawn.clear()
    kept = documents()
    assert any(key[5] is not None for key in shared_para._drawn)  # kept with new characters
    with monkeypatch.context() as m:
        m.setattr(kept_text, "kept_text_class", lambda: PDFTextObject)
        m.setattr(shared_para.SharedParagraph, "_drawn_key", lambda self: None)
        plain = documents()
    assert kept == plain


def test_the_memo_is_keyed_by_codes_and_starts_again_when_full(monkeypatch):
    monkeypatch.setattr(kept_text, "MEMO_LIMIT", 5)
    kept_text._memo.clear()
    _one_page("一二三四五六七八九十 1 2 3", "")
    assert 0 < len(kept_text._memo) <= 5
    for key in kept_text._memo:
        codes = key[0]
        assert isinstance(codes, tuple) and all(isinstance(c, int) for c in codes)


def _paragraphs(*markups: str) -> bytes:
    style = ParagraphStyle("p", fontName=fonts.register_reportlab(), fontSize=10)
    buf = io.BytesIO()
    build_pdf(
        buf, [Paragraph(m, style) for m in markups], title="t", header_left="", header_right=""
    )
    return buf.getvalue()


def test_the_fonts_name_in_each_document_is_part_of_what_is_kept(monkeypatch):
    """The same characters with the same codes, in a document where the main font is the
    second font used (F2) and in one where the supplement font came first (main font F3),
    and at other sizes and leadings."""
    monkeypatch.setattr(rl_config, "invariant", 1)
    supplement = f'<font name="{fonts.REPORTLAB_SUPPLEMENT_NAME}">\u9ff0</font>'

    def documents() -> list[bytes]:
        return [
            _paragraphs("表决通过", "表决通过"),
            _paragraphs(supplement, "表决通过", "表决通过"),
            # and at another size and leading
            _paragraphs(
                "表决通过", '<font size="12">表决通过</font>', "<para leading='20'>表决通过</para>"
            ),
        ]

    kept_text._memo.clear()
    kept = documents()
    assert b"/F3+0" in kept[1] and b"/F3+0" not in kept[0]
    with monkeypatch.context() as m:
        m.setattr(kept_text, "kept_text_class", lambda: PDFTextObject)
        plain = documents()
    assert kept == plain


def test_page_streams_at_another_zlib_level_hold_the_same_pages(sample, monkeypatch):
    from pypdf import PdfReader

    from elevator_eval.report import page_template

    monkeypatch.setattr(rl_config, "invariant", 1)
    made = {}
    for level in (page_template.PAGE_FLATE_LEVEL, 6, 9):
        monkeypatch.setattr(page_template, "PAGE_FLATE_LEVEL", level)
        buf = io.BytesIO()
        build_proposal(sample.units()[0], project=sample, out=buf)
        made[level] = buf.getvalue()
    assert len(set(made.values())) == 3  # the level is used …
    contents = {
        level: [p.get_contents().get_data() for p in PdfReader(io.BytesIO(pdf)).pages]
        for level, pdf in made.items()
    }
    assert len(contents[6]) >= 5
    assert contents[page_template.PAGE_FLATE_LEVEL] == contents[6] == contents[9]  # … alone
    for pdf in made.values():
        page = PdfReader(io.BytesIO(pdf)).pages[0]
        assert page["/Contents"].get_object()["/Filter"] == ["/FlateDecode"]
