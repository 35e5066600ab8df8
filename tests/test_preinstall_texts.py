"""The pre-installation assumptions say where they come from in both languages."""

from __future__ import annotations

import re

from elevator_eval.preinstall import evaluate
from elevator_eval.unitfile import load_unit

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_assumption_source_in_chinese_and_english(example_unit_path):
    res = evaluate(load_unit(example_unit_path), with_monte_carlo=False, with_tornado=False)
    assert CJK.search(res.assumptions_source_zh)
    assert "无出处" in res.assumptions_source_zh
    assert "UNSOURCED" in res.assumptions_source and not CJK.search(res.assumptions_source)
    data = res.to_json()
    assert data["assumptions_source_zh"] == res.assumptions_source_zh
