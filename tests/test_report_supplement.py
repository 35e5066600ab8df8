"""Documents print names that use the newest CJK ideographs (through the supplement font)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from elevator_eval.report.common import esc
from elevator_eval.report.consent_form import build_consent_forms
from elevator_eval.unitfile import load_unit


def test_esc_escapes_first_then_marks_the_supplement_characters():
    assert esc("<b>王\u9ff0</b>") == (
        '&lt;b&gt;王<font name="EESansSCSupplement">\u9ff0</font>&lt;/b&gt;'
    )


def test_consent_form_prints_an_owner_named_with_a_unicode_14_ideograph(example_unit_path):
    unit = load_unit(example_unit_path)
    unit.household("601").owner_name = "王\u9fff明"
    out = io.BytesIO()
    build_consent_forms(unit, out=out)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(out.getvalue())).pages)
    assert "王\u9fff明" in text


def test_mark_supplement_marks_every_supplement_code_point_and_nothing_else():
    from elevator_eval import fonts

    # the 26 code points of the supplement (U+9FF0–U+9FFF, U+4DB6–U+4DBF), and their
    # neighbours on both sides, which the main font has
    for cp in list(range(0x9FEE, 0xA001)) + list(range(0x4DB4, 0x4DC1)):
        ch = chr(cp)
        marked = fonts.mark_supplement(f"王{ch}")
        wanted = 0x9FF0 <= cp <= 0x9FFF or 0x4DB6 <= cp <= 0x4DBF
        assert (marked != f"王{ch}") == wanted, hex(cp)
