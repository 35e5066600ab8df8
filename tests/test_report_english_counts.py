"""English counts agree with their number ("1 falls", "12 lose")."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from elevator_eval.report.proposal import build_proposal
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project


def test_the_sunlight_sentence_agrees_with_its_counts():
    p = open_project(sample_project_path())
    seen = set()
    for unit in p.units():
        buf = io.BytesIO()
        build_proposal(unit, project=p, out=buf, lang="en")
        text = " ".join(pg.extract_text() for pg in PdfReader(io.BytesIO(buf.getvalue())).pages)
        m = re.search(r"(\d+) windows? computed; (\d+) (loses?) sun, (\d+) (falls?) from", text)
        if m is None:
            continue
        lose, lose_verb, fall, fall_verb = int(m[2]), m[3], int(m[4]), m[5]
        assert lose_verb == ("loses" if lose == 1 else "lose")
        assert fall_verb == ("falls" if fall == 1 else "fall")
        seen.add((lose == 1, fall == 1))
    assert (False, True) in seen  # the street has a unit where exactly one window falls


def test_counted_and_agreeing():
    from elevator_eval.vocabulary import agreeing, counted

    assert counted(1, "owner") == "1 owner" and counted(0, "owner") == "0 owners"
    assert counted(3, "household") == "3 households"
    assert counted(2, "person", "people") == "2 people"
    assert agreeing(1, "has", "have") == "has" and agreeing(2, "has", "have") == "have"


def test_no_english_document_writes_a_plural_in_brackets():
    from elevator_eval.report.consent_form import build_consent_forms
    from elevator_eval.report.notice import build_notice

    p = open_project(sample_project_path())
    found = []
    for unit in p.units()[:8]:
        for build in (build_proposal, build_notice, build_consent_forms):
            buf = io.BytesIO()
            try:
                build(unit, project=p, out=buf, lang="en")
            except Exception:  # a notice of a unit whose vote has not passed: not made
                continue
            pages = PdfReader(io.BytesIO(buf.getvalue())).pages
            text = " ".join(pg.extract_text() for pg in pages)
            found += [(unit.id, build.__name__, m) for m in re.findall(r"\w+\(s\)", text)]
    assert found == []


def test_the_consent_engine_counts_owners_in_english():
    from elevator_eval import consent, consent_rules
    from tests.process_helpers import make_unit

    rules = consent_rules.load_ruleset("civil-code-2021")
    # 12 owners of equal area; the Civil Code wants 2/3 of them (8) to take part and 3/4 of
    # those taking part to agree: 7 yes is one owner short, 4 yes is four short
    one_short = make_unit(["yes"] * 7 + [None] * 5)  # 7 take part: one more must take part
    many_short = make_unit(["yes"] * 4 + [None] * 8)  # 4 more must take part and vote yes
    texts = []
    for unit in (one_short, many_short):
        needed = consent.what_is_needed(unit, rules)
        assert needed is not None and needed.additional_yes >= 1
        texts.append((needed.additional_yes, needed.reason_en))
    (n1, t1), (n2, t2) = texts
    assert n1 == 1 and t1.startswith("1 more owner must vote yes (1 owner who has not voted")
    assert n2 > 1 and t2.startswith(f"{n2} more owners must vote yes ({n2} owners who have not")
    assert "(s)" not in t1 + t2


def test_no_english_text_of_the_program_puts_a_plural_in_brackets():
    """Every message, document and window text the program writes counts in words that
    agree ("1 bad row", "2 bad rows"; the engines use ``vocabulary.counted``/``agreeing``,
    the window Qt's plural forms): no string in the source writes "row(s)"."""
    import tokenize
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "elevator_eval"
    found = []
    for py in sorted(root.rglob("*.py")):
        with py.open("rb") as f:
            for tok in tokenize.tokenize(f.readline):
                if tok.type in (tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", -1)):
                    text = tok.string
                    if text.lstrip("rbfuRBFU").startswith(('"""', "'''")):
                        continue  # docstrings: prose about the code
                    if re.search(r"[A-Za-z]\(s\)", text):
                        found.append(f"{py.relative_to(root)}:{tok.start[0]} {text[:60]}")
    assert not found, found
