"""The pre-installation assumptions say where they come from in both languages."""

from __future__ import annotations

import re

from elevator_eval.preinstall import evaluate
from elevator_eval.unitfile import load_unit

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_assumption_source_in_chinese_and_english(example_unit_path):
    res = evaluate(load_unit(example_unit_path), with_monte_carlo=False, with_tornado=False)
    assert CJK.search(res.assumptions_source_zh)
    # the user reads that the values are rules of thumb, with no internal references
    assert "经验值" in res.assumptions_source_zh and "尚无公开资料" in res.assumptions_source_zh
    assert not re.search(r"[A-Za-z]{4,}|§", res.assumptions_source_zh)
    assert "rule of thumb" in res.assumptions_source and not CJK.search(res.assumptions_source)
    data = res.to_json()
    assert data["assumptions_source_zh"] == res.assumptions_source_zh
