"""One vocabulary: every code has one Chinese and one English name, and the window, the
documents and the command line use the same word (heating is 暖气管, a "no" vote 反对)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

import elevator_eval
from elevator_eval import vocabulary as V
from elevator_eval.cli import run_command

PACKAGE = Path(elevator_eval.__file__).resolve().parent
DATA = Path(__file__).resolve().parent / "data"


def test_every_code_has_both_names():
    from elevator_eval.census import CONSENT_STATES
    from elevator_eval.costshare import METHODS
    from elevator_eval.findings import SEVERITIES
    from elevator_eval.model import ENTRY_MODES, PIPE_TYPES, STRUCTURES, VOTES
    from elevator_eval.suitability import CLASSES, FINDING_CODES

    wanted = {
        "pipes": PIPE_TYPES,
        "votes": (*VOTES, None),
        "structures": STRUCTURES,
        "entry_modes": ENTRY_MODES,
        "consent_states": CONSENT_STATES,
        "classes": CLASSES,
        "severities": SEVERITIES,
        "methods": METHODS,
        "findings": FINDING_CODES,
    }
    for kind, codes in wanted.items():
        table = V.pairs(kind)
        for code in codes:
            zh, en = table[code]
            assert zh and en and re.search(r"[\u4e00-\u9fff]", zh), (kind, code)
            assert not re.search(r"[\u4e00-\u9fff]", en), (kind, code)


def test_one_word_per_code_within_a_language():
    for kind in V.KINDS:
        for lang in (0, 1):
            words = [p[lang] for p in V.pairs(kind).values()]
            assert len(words) == len(set(words)), kind


def test_window_documents_and_engines_share_the_words():
    pytest.importorskip("PySide6.QtCore")
    from elevator_eval.consent import STATE_LABELS
    from elevator_eval.report import labels as L
    from elevator_eval.spatial import PIPE_LABELS
    from elevator_eval.suitability import CLASS_LABELS
    from elevator_eval.ui import i18n
    from elevator_eval.ui import labels as UI

    i18n.set_language("zh")
    assert (
        UI.pipe_label("heating") == L.PIPES["heating"][0] == PIPE_LABELS["heating"][0] == "暖气管"
    )
    assert UI.vote_label("no") == L.VOTES["no"][0] == "反对"
    for s, pair in STATE_LABELS.items():
        assert UI.state_label(s) == L.CONSENT_STATES[s][0] == pair[0]
    for k, pair in CLASS_LABELS.items():
        assert UI.class_label(k) == pair[0]


def test_command_line_uses_the_words(tmp_path):
    d = json.loads((DATA / "xingfuli-3-2.unit.json").read_text("utf-8"))
    d.setdefault("site", {})["pipes_in_footprint"] = ["heating"]
    path = tmp_path / "u.unit.json"
    path.write_text(json.dumps(d, ensure_ascii=False), "utf-8")
    out = io.StringIO()
    assert run_command("assess", [str(path)], stdout=out, stderr=io.StringIO()) == 0
    assert "暖气管" in out.getvalue() and "供热" not in out.getvalue()
    out = io.StringIO()
    assert run_command("consent", [str(path)], stdout=out, stderr=io.StringIO()) == 0
    text = out.getvalue()
    assert "反对" in text and "不同意" not in text


def test_no_second_word_for_heating_or_a_no_vote_in_the_code():
    """Outside the import parsers (which accept every synonym people type), the package
    never prints 供热 or 不同意."""
    hits = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("io/"):
            continue
        for i, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if re.search(r"供热|不同意", line):
                hits.append(f"{rel}:{i}")
    assert hits == [], hits
