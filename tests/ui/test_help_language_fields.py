"""Help for a newcomer, Qt's own dialogs in Chinese, a language switch that keeps the view
and its results, autosave copies removed, fields that update as typed and undo with Ctrl+Z."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel

from tests.ui.test_street_building import type_into


def act(w, name) -> QAction:
    a = w.findChild(QAction, name)
    assert a is not None, name
    return a


def test_qt_dialogs_speak_chinese(make_main_window):
    make_main_window()
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    assert [b.text() for b in box.buttons()] == ["确定", "取消"]
    dlg = QFileDialog()
    dlg.setOption(QFileDialog.DontUseNativeDialog)
    texts = {label.text() for label in dlg.findChildren(QLabel)}
    assert {"查找范围(&L)：", "文件类型(&T)："} <= texts
    dlg.deleteLater()
    box.deleteLater()


def test_quick_start_takes_a_newcomer_through_the_sample(make_main_window, qtbot):
    w = make_main_window("sample")
    act(w, "actQuickStart").trigger()
    dlg = w.findChild(QDialog, "QuickStartDialog")
    assert dlg is not None and dlg.isVisible() and dlg.windowTitle() == "快速上手"
    qtbot.mouseClick(dlg.buttons[1], Qt.LeftButton)  # 2. the census table
    ov = w.view("overview")
    assert w.current_view_name() == "overview" and ov.class_filter.currentData() == "difficult"
    qtbot.mouseClick(dlg.buttons[2], Qt.LeftButton)  # 3. record a vote
    assert w.current_view_name() == "unit"
    assert w.view("unit").current_tab_name() == "votes"
    klass = {r.unit_id: r.klass for r in w.doc.census().rows}
    assert klass[w.current_unit] == "difficult"  # the first difficult unit
    qtbot.mouseClick(dlg.buttons[4], Qt.LeftButton)  # 5. the proposal
    assert w.view("unit").current_tab_name() == "documents"
    dlg.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_quick_start_names_each_tab_as_the_tab_reads(make_main_window, qtbot, lang):
    """Steps 3–5 open a tab of the unit editor: each step's text quotes that tab's title
    (step 5 said “文档” for the tab titled 文件与打印)."""
    w = make_main_window("sample", lang=lang)
    act(w, "actQuickStart").trigger()
    dlg = w.findChild(QDialog, "QuickStartDialog")
    for i in (2, 3, 4):
        qtbot.mouseClick(dlg.buttons[i], Qt.LeftButton)
        tabs = w.view("unit").tabs
        title = tabs.tabText(tabs.currentIndex()).replace("&", "")
        quoted = f"“{title}”" if lang == "zh" else f'"{title}"'
        assert quoted in dlg.steps[i][1], (i, title, dlg.steps[i][1])
    dlg.close()


def test_shortcuts_list(make_main_window):
    w = make_main_window()
    act(w, "actShortcuts").trigger()
    dlg = w.findChild(QDialog, "ShortcutsDialog")
    t = dlg.table
    rows = {t.item(r, 0).text(): t.item(r, 1).text() for r in range(t.rowCount())}
    assert rows["批量生成方案书"] == "Ctrl+B"
    assert rows["快速上手"] == "F1"
    assert rows["表决格：预选同意 / 反对 / 弃权 / 未参与"] == "Y / N / A / Del"
    dlg.close()


def test_language_switch_keeps_the_view_and_results(make_main_window, qtbot):
    w = make_main_window()
    w.show_unit("XFL-3-2", tab="preinstall")
    pre = w.view("unit").tab("preinstall")
    task = pre.run()
    with qtbot.waitSignal(task.done, timeout=120_000):
        pass
    result = pre.result
    assert result is not None
    act(w, "actLangEn").trigger()
    pre = w.view("unit").tab("preinstall")
    assert w.view("unit").current_tab_name() == "preinstall"
    assert pre.result is result and "pre-install" in pre.summary.text().lower()
    # the procurement workspace keeps its unit choice and a refused score
    act(w, "actProcurement").trigger()
    v = w.view("procurement")
    v.unit_list.item(0).setCheckState(Qt.Unchecked)
    chosen = v.chosen_unit_ids()
    v.tabs.setCurrentIndex(1)
    act(w, "actLangZh").trigger()
    v = w.view("procurement")
    assert w.current_view_name() == "procurement"
    assert v.chosen_unit_ids() == chosen and v.tabs.currentIndex() == 1
    assert v.title.text().startswith("采购比选")


def test_save_as_removes_the_samples_autosave(make_main_window, tmp_path, monkeypatch):
    from elevator_eval import store

    w = make_main_window("sample")
    w.doc.set_vote(
        w.doc.project.units()[0].id, w.doc.project.units()[0].households[0].id, "abstain"
    )
    assert w.autosave()
    base = w.autosave_base()
    assert store.autosave_path(base).exists()
    out = tmp_path / "我的街道.eeproj"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    act(w, "actSaveAs").trigger()
    assert out.is_file()
    assert not store.autosave_path(base).exists()  # no stale recovery next time


def test_close_removes_the_autosave(make_main_window, tmp_path, monkeypatch):
    from elevator_eval import store

    w = make_main_window()
    path = tmp_path / "a.eeproj"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    act(w, "actSaveAs").trigger()
    w.doc.set_vote("XFL-3-2", "502", "yes")
    assert w.autosave() and store.autosave_path(path).exists()
    w.close()  # answered "discard"
    assert not store.autosave_path(path).exists()


def test_site_field_updates_as_typed_and_an_invalid_value_says_so(make_main_window, qtbot):
    w = make_main_window()
    w.show_unit("XFL-3-2", tab="site")
    tab = w.view("unit").tab("site")
    ed = tab.form.editors["fire_lane_width_after_m"]
    type_into(qtbot, ed, "3.5")  # no Enter, no Tab
    qtbot.waitUntil(lambda: w.doc.assessment("XFL-3-2").klass == "unsuitable", timeout=3000)
    assert "不适合" in tab.class_label.text()
    type_into(qtbot, ed, "abc")
    qtbot.waitUntil(lambda: tab.stale_label.isVisible(), timeout=3000)
    assert tab.form.messages["fire_lane_width_after_m"].text() == "须为数字；仍按原值计算"
    assert "仍按原值计算" in tab.stale_label.text()
    assert w.doc.unit("XFL-3-2").site.fire_lane_width_after_m == Decimal("3.5")
    type_into(qtbot, ed, "5")
    qtbot.keyClick(ed, Qt.Key_Return)
    assert not tab.stale_label.isVisible()


def test_ctrl_z_in_a_field_undoes_the_taken_value(make_main_window, qtbot):
    w = make_main_window()
    w.show_unit("XFL-3-2", tab="site")
    tab = w.view("unit").tab("site")
    ed = tab.form.editors["fire_lane_width_after_m"]
    before = w.doc.unit("XFL-3-2").site.fire_lane_width_after_m
    w.activateWindow()
    qtbot.waitActive(w)
    type_into(qtbot, ed, "3.5")
    qtbot.keyClick(ed, Qt.Key_Return)
    assert w.doc.unit("XFL-3-2").site.fire_lane_width_after_m == Decimal("3.5")
    w.activateWindow()
    qtbot.waitActive(w)
    ed.setFocus()
    qtbot.waitUntil(ed.hasFocus)
    assert not ed.isUndoAvailable()  # the typed value is the project's now
    qtbot.keyClick(w.windowHandle(), Qt.Key_Z, Qt.ControlModifier)  # to the focused field
    assert w.doc.unit("XFL-3-2").site.fire_lane_width_after_m == before
    assert ed.text() == ("" if before is None else str(before))


def test_sources_in_the_window_leave_internal_references_out(make_main_window):
    from elevator_eval.ui import labels

    make_main_window()
    assert (
        labels.public_source("a scheme (https://x.cn/a [C]; domain reference §2.2(a))")
        == "a scheme (https://x.cn/a（未经核实的网页）)"  # the grade in words
    )
    assert labels.public_source("splits (domain reference §2.2(c), W1–W2)") == "splits"
    assert labels.public_source("owners (domain reference §2.1–§2.2)") == "owners"
    assert labels.public_source("a shaft (geometry reference §0/§3, as quoted)") == (
        "a shaft (as quoted)"
    )
    assert (
        labels.public_source("app default: every household pays the same")
        == "本程序默认值（经验值）"
    )
    assert labels.public_source("《民法典》第二百七十八条") == "《民法典》第二百七十八条"


def test_no_source_of_the_shipped_rules_shows_the_projects_own_papers(make_main_window):
    """Every ``source`` of every shipped rule file, as the window shows it (English window):
    no cross-reference to the project's research notes or its contract survives, whatever
    the file's nesting (the pre-installation sources said "per domain research §5"), and a
    web page's grade reads in words ("[C]" meant nothing to a reader)."""
    import json
    import re

    from elevator_eval.ruledata import rules_dir
    from elevator_eval.ui import labels

    make_main_window(lang="en")
    internal = re.compile(
        r"(?:domain|geometry) (?:reference|research)|research notes|unit-format|contract §"
        r"|worked example W|[(/]/?§|\bW[0-9]+\b|\(\s*[,;]|\[[ABC](?:/[ABC])*\]"
    )

    def sources(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key.startswith("source") and isinstance(value, str):
                    yield value
                else:
                    yield from sources(value)
        elif isinstance(node, list):
            for value in node:
                yield from sources(value)

    files = sorted(rules_dir().rglob("*.json"))
    found = [(f.name, s) for f in files for s in sources(json.loads(f.read_text("utf-8")))]
    assert len(found) > 100
    shown = [(name, labels.public_source(s)) for name, s in found]
    assert [(name, s) for name, s in shown if internal.search(s)] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_tab_of_the_unit_editor_shows_at_the_windows_first_size(make_main_window, lang):
    """At the first start's 1280 × 820 the unit editor's ten tabs fit their bar, in both
    languages: no tab behind the scroll arrows (the English titles overflowed by 63 px)."""
    w = make_main_window("sample", lang=lang)
    w.resize(1280, 820)
    w.show_unit("GY-3-1", tab="building")
    bar = w.view("unit").tabs.tabBar()
    need = sum(bar.tabRect(i).width() for i in range(bar.count()))
    assert need <= bar.width(), (need, bar.width())


@pytest.mark.parametrize(
    ("tab_name", "key", "text", "message"),
    [
        ("building", "storeys", "0", "地上住宅层数"),
        ("building", "year_built", "-3", "建成年份"),
        ("building", "seismic_intensity", "1000000000", "抗震设防烈度"),
        ("building", "floor_height_m", "Infinity", "须为数字"),
        ("site", "fire_lane_width_after_m", "-2", "加装后消防车道净宽"),
        ("site", "corridor_depth_m", "NaN", "须为数字"),
        ("site", "pit_depth_available_mm", "-5", "可挖底坑深度"),
    ],
)
def test_a_value_the_unit_file_would_refuse_is_refused_in_the_form(
    make_main_window, qtbot, tab_name, key, text, message
):
    """The forms accept what a unit file accepts: 0 storeys, a year of -3, a negative
    width, NaN and infinities are refused under the field, by its label, and the value
    in use stays."""
    w = make_main_window()
    w.show_unit("XFL-3-2", tab=tab_name)
    tab = w.view("unit").tab(tab_name)
    unit = w.doc.unit("XFL-3-2")
    holder = unit.building if tab_name == "building" else unit.site
    before = getattr(holder, key)
    ed = tab.form.editors[key]
    type_into(qtbot, ed, text)
    qtbot.keyClick(ed, Qt.Key_Return)
    shown = tab.form.messages[key]
    assert shown.isVisibleTo(tab) and message in shown.text(), shown.text()
    assert shown.text().endswith("仍按原值计算")
    assert getattr(holder, key) == before
    assert key in tab.form.invalid


def test_the_shaft_footprint_takes_two_numbers_or_none(make_main_window, qtbot):
    """Width × depth: both typed → taken; one blank, a word or a negative number → refused
    with a message (the value in use stays); both blank → not surveyed."""
    w = make_main_window()
    w.show_unit("XFL-3-2", tab="site")
    tab = w.view("unit").tab("site")
    site = w.doc.unit("XFL-3-2").site
    box = tab.form.editors["footprint_available_m"]
    type_into(qtbot, box.a, "2.6")
    type_into(qtbot, box.b, "2.8")
    qtbot.keyClick(box.b, Qt.Key_Return)
    assert site.footprint_available_m == (Decimal("2.6"), Decimal("2.8"))
    message = tab.form.messages["footprint_available_m"]
    for a, b, says in (("", "2.8", "两个数"), ("abc", "2.8", "须为数字"), ("-2", "2.8", "负")):
        type_into(qtbot, box.a, a)
        type_into(qtbot, box.b, b)
        qtbot.keyClick(box.b, Qt.Key_Return)
        assert says in message.text(), (a, message.text())
        assert site.footprint_available_m == (Decimal("2.6"), Decimal("2.8"))
    type_into(qtbot, box.a, "")
    type_into(qtbot, box.b, "")
    qtbot.keyClick(box.b, Qt.Key_Return)
    assert site.footprint_available_m is None and not message.isVisibleTo(tab)


def test_a_value_typed_just_before_save_or_close_is_kept(make_main_window, qtbot, tmp_path):
    """Ctrl+S right after typing (no Enter, no pause) saves the typed value; closing right
    after typing asks about it instead of closing without it."""
    from elevator_eval import store

    path = tmp_path / "street.eeproj"
    w = make_main_window()
    assert w.save_to(path)
    w.show_unit("XFL-3-2", tab="site")
    ed = w.view("unit").tab("site").form.editors["fire_lane_width_after_m"]
    w.activateWindow()
    qtbot.waitActive(w)
    type_into(qtbot, ed, "9.99")
    qtbot.keyClick(w.windowHandle(), Qt.Key_S, Qt.ControlModifier)
    assert store.open_project(path).find_unit("XFL-3-2").site.fire_lane_width_after_m == Decimal(
        "9.99"
    )
    assert not w.isWindowModified()
    type_into(qtbot, ed, "8.88")
    asked = []
    w.ask_save_changes = lambda: asked.append(True) or "cancel"
    assert not w.close()
    assert asked and w.doc.unit("XFL-3-2").site.fire_lane_width_after_m == Decimal("8.88")


def test_the_class_tooltip_states_the_count_rule_of_the_rules_in_force(make_main_window):
    """The survey tab's class and the unit's badge explain the count rule of the unit's
    suitability ruleset, with its title (in English too)."""
    w = make_main_window("sample")
    w.show_unit("DH-1-1", tab="site")
    tip = w.view("unit").tab("site").class_label.toolTip()
    assert "恰 1 项强干扰为“较难加装”" in tip and "上海 2020 可行性评估计数规则" in tip
    assert tip == w.view("unit").class_badge.toolTip()
    w2 = make_main_window("sample", lang="en")
    w2.show_unit("DH-1-1", tab="site")
    tip = w2.view("unit").tab("site").class_label.toolTip()
    assert tip.startswith("Class rule: any major factor") and "Shanghai 2020" in tip
    assert "exactly 1 strong → difficult" in tip
