"""Paragraphs that share parsing and line breaks print as reportlab's own paragraphs."""

from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate

from elevator_eval.report.common import esc, styles
from elevator_eval.report.shared_para import SharedParagraph, paragraph

LONG = "既有住宅加装电梯，应当经本单元全体业主同意；分摊比例按楼层系数计算。" * 120
MARKUP = [
    (esc("第一章 总则"), "h2"),
    (esc(LONG), "body"),  # longer than a page: it splits
    ("征询事项：<b>" + esc("是否同意加装电梯 <A&B>") + "</b><br/>" + esc("第二行"), "box"),
    (esc("The elevator serves floors 1 to 6; cost ¥273,000 shared by 12 households."), "small"),
    (esc("短句"), "cell"),
    # markup over several fragments, longer than a page, centred: reportlab's split of such
    # a paragraph changes the fragments of its lines (a space at each line end)
    (("<b>" + esc("加装电梯") + "</b>" + esc("方案征询意见，请于公示期内反馈。")) * 160, "center"),
]


def _pdf(make) -> bytes:
    st = styles()
    story = [make(m, st[name]) for m, name in MARKUP * 2]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(story)
    return buf.getvalue()


def _pages(data: bytes) -> list[np.ndarray]:
    return [page.render(scale=100 / 72).to_numpy() for page in pdfium.PdfDocument(data)]


def test_shared_paragraphs_print_as_reportlab_paragraphs():
    plain = _pages(_pdf(Paragraph))
    first = _pages(_pdf(paragraph))  # parses and breaks
    again = _pages(_pdf(paragraph))  # takes both from the first
    assert len(plain) == len(first) == len(again) >= 3
    for a, b, c in zip(plain, first, again):
        assert np.array_equal(a, b) and np.array_equal(a, c)


def test_same_markup_and_style_share_fragments_and_lines():
    st = styles()["body"]
    a, b = paragraph(esc("同一段文字"), st), paragraph(esc("同一段文字"), st)
    assert isinstance(a, SharedParagraph) and a.frags is b.frags
    a.wrap(200, 800)
    b.wrap(200, 800)
    assert a.blPara is b.blPara
    b.wrap(100, 800)  # another width: broken anew
    assert b.blPara is not a.blPara
    other = paragraph(esc("同一段文字"), styles()["small"])
    assert other.frags is not a.frags


def test_markup_reportlab_changes_while_drawing_is_not_shared():
    st = styles()["body"]
    for markup in ("<u>下划线</u>", '<a href="https://example.org">链接</a>', "<i>斜体</i>"):
        p = paragraph(markup, st)
        assert type(p) is Paragraph
        assert paragraph(markup, st).frags is not p.frags


def test_a_split_leaves_the_shared_lines_as_they_were():
    # reportlab splits a paragraph of several fragments by editing its lines' fragments;
    # a later document that draws the same paragraph whole must not see the edit
    markup = ("<b>" + esc("加装电梯") + "</b>" + esc("方案征询意见，请于公示期内反馈。")) * 160
    st = styles()["center"]

    def build(make, height_pt):
        buf = io.BytesIO()
        SimpleDocTemplate(buf, pagesize=(A4[0], height_pt), invariant=1).build([make(markup, st)])
        return buf.getvalue()

    build(paragraph, A4[1])  # split over pages
    whole = build(paragraph, 3 * A4[1])  # on one tall page
    assert len(pdfium.PdfDocument(whole)) == 1
    assert whole == build(Paragraph, 3 * A4[1])
