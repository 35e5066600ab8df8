"""English documents use straight quotes: the bundled Chinese font draws curly quotes as
wide as a Chinese character, so “or more” printed with gaps around the words."""

from __future__ import annotations

import io

from pypdf import PdfReader

from elevator_eval.fonts import register_reportlab
from elevator_eval.report.proposal import build_proposal
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project


def test_the_font_draws_curly_quotes_full_width():
    """Why: the premise of the rule, checked on the bundled font."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = register_reportlab()
    assert stringWidth("“", font, 10) == stringWidth("中", font, 10) == 10.0  # a full em
    assert stringWidth('"', font, 10) < 5.0


def test_english_proposals_print_no_curly_quotes():
    p = open_project(sample_project_path())
    for unit in p.units()[:4]:
        buf = io.BytesIO()
        build_proposal(unit, project=p, out=buf, lang="en")
        text = " ".join(pg.extract_text() for pg in PdfReader(io.BytesIO(buf.getvalue())).pages)
        assert "Practice value" in text
        assert not any(c in text for c in "“”‘’"), unit.id


def test_the_english_code_writes_no_curly_quote_outside_chinese_text():
    """Every line of the package's code and rule files that holds a curly quote also holds
    Chinese: an English text (a resident's report said “东湖街道…” around the project's
    name, in the English report) uses straight quotes."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "elevator_eval"
    chinese = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
    files = [*root.rglob("*.py"), *(root / "rules").rglob("*.json")]
    found = [
        (f.name, n, line.strip())
        for f in files
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
        if any(c in line for c in "“”‘’")
        and not chinese.search(line)
        and not line.strip().startswith("#")
    ]
    assert found == []
