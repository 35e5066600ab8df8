"""The pre-installation tab shows the expected figures (which decide) beside the most likely
case, each labelled, with the engine's numbers."""

from __future__ import annotations

import re

from elevator_eval.ui import labels


def _plain(html_text: str) -> str:
    return re.sub(r"<[^>]+>", " ", html_text)


def test_expected_and_most_likely_side_by_side(make_main_window, qtbot):
    w = make_main_window("sample")
    w.show_unit("GY-8-2", tab="preinstall")
    tab = w.view("unit").tab("preinstall")
    task = tab.run()
    with qtbot.waitSignal(task.done, timeout=120_000):
        pass
    assert task.state == "finished", task.error
    res = tab.result
    text = _plain(tab.summary.text())
    assert "期望值（据此判断）" in text and "最可能情形" in text
    row = re.search(r"净节省（现值）\s+(\S+)\s+(\S+)", text)
    assert row is not None, text
    assert row.group(1) == labels.yuan(res.expected.net_saving_yuan)
    assert row.group(2) == labels.yuan(res.most_likely.net_saving_yuan)
    # the two cases differ on this unit: the expectation is the lower, deciding figure
    assert res.expected.net_saving_yuan < res.most_likely.net_saving_yuan
