"""The project settings dialog, driven as a user: open it from the Edit menu, choose a
ruleset from the list, type the organisation, press OK; the window's tally follows the
chosen rules for every unit; undo restores; a bad value keeps the dialog open with the same
message as ``elevator-eval settings --set``."""

from __future__ import annotations

import io
import json
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from elevator_eval.cli import run_command
from elevator_eval.resources import rules_dir, sample_project_path
from elevator_eval.store import open_project, save_project
from tests.test_one_source_of_rules import (
    PROJECT_RULESET,
    PROJECT_TITLE_ZH,
    TITLES,
    UNIT_WITH_OWN_CHOICE,
    expected_state,
    project_ruleset,
)


def _dialog(w):
    w.act_project_settings.trigger()
    dlgs = [d for d in w.findChildren(QDialog, "ProjectSettingsDialog") if d.isVisible()]
    assert len(dlgs) == 1
    return dlgs[0]


def _choose(qtbot, box, name):
    """Open the combo box's list and click the entry of ``name``."""
    i = box.findData(name)
    assert i >= 0, name
    box.showPopup()
    view = box.view()
    rect = view.visualRect(box.model().index(i, 0))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    assert box.currentData() == name


def _ok(qtbot, dlg):
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)


def _tally_states(w) -> dict[str, tuple[str, str]]:
    out = {}
    for u in w.doc.project.units():
        w.show_unit(u.id, tab="votes")
        tab = w.view("unit").tab("votes")
        tab.ensure_fresh()
        out[u.id] = (tab.state_label.property("state"), tab.tally_label.text())
    return out


def test_choose_unanimity_tally_follows_and_undo_restores(make_main_window, qtbot, tmp_path):
    path = tmp_path / "s.eeproj"
    shutil.copyfile(sample_project_path(), path)
    w = make_main_window(path=path)
    dlg = _dialog(w)
    box = dlg.combos["default_rules"]
    assert box.currentData() == "civil-code-2021"
    assert "民法典" in box.currentText()  # listed by its Chinese title
    assert "2021-01-01" in dlg.infos["default_rules"].text()  # validity and source shown
    _choose(qtbot, box, "unanimity")
    assert "2020-12-31" in dlg.infos["default_rules"].text()
    before = dict(w.doc.project.settings["organisation"])
    edit = dlg.org["street_office"]
    assert edit.text() == before["street_office"]
    qtbot.keyClick(edit, Qt.Key_A, Qt.ControlModifier)  # select all, retype
    qtbot.keyClicks(edit, "Donghu Street Office")  # ASCII: QTest types keys
    _ok(qtbot, dlg)
    assert not dlg.isVisible()
    s = w.doc.project.settings
    assert s["default_rules"] == "unanimity"
    assert s["organisation"]["street_office"] == "Donghu Street Office"
    states = _tally_states(w)
    for u in w.doc.project.units():
        state, text = states[u.id]
        assert state == expected_state(u, "unanimity"), u.id
        assert TITLES["unanimity"] in text
    # one undo takes back the whole dialog
    w.act_undo.trigger()
    assert w.doc.project.settings.get("default_rules") == "civil-code-2021"
    assert w.doc.project.settings["organisation"] == before
    after = _tally_states(w)
    assert any(after[k][0] != states[k][0] for k in states)
    assert all("民法典" in text for _, text in after.values())


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("zh", "设置有误：联系电话：须为电话号码（数字、空格、+ - ( )）"),
        ("en", "Invalid setting: Contact phone: must be a phone number (digits, spaces, + - ( ))"),
    ],
)
def test_bad_value_keeps_the_dialog_open_with_the_commands_message(
    make_main_window, qtbot, tmp_path, lang, shown
):
    """The command line's check, told in the window's language by the field's label."""
    path = tmp_path / "s.eeproj"
    shutil.copyfile(sample_project_path(), path)
    w = make_main_window(path=path, lang=lang)
    dlg = _dialog(w)
    qtbot.keyClick(dlg.org["contact_phone"], Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(dlg.org["contact_phone"], "call me")
    _ok(qtbot, dlg)
    assert dlg.isVisible()
    assert dlg.error.text() == shown
    err = io.StringIO()
    code = run_command(
        "settings",
        [str(path), "--set", "organisation.contact_phone=call me"],
        stdout=io.StringIO(),
        stderr=err,
    )
    assert code == 2
    field, message = err.getvalue().removeprefix("error: ").strip().split(": ", 1)
    assert field == "organisation.contact_phone"
    assert (message in shown) == (lang == "en")
    assert w.doc.project.settings["organisation"]["contact_phone"] == "027-0000-0000"
    assert not w.doc.is_dirty()
    dlg.reject()


def test_project_defined_ruleset_in_the_window(make_main_window, qtbot, tmp_path):
    path = tmp_path / "b.eeproj"
    shutil.copyfile(sample_project_path(), path)
    p = open_project(path)
    p.settings["consent_rulesets"] = {PROJECT_RULESET: project_ruleset()}
    p.settings["default_rules"] = PROJECT_RULESET
    u = p.find_unit(UNIT_WITH_OWN_CHOICE)
    u.rules, u.rules_given = "unanimity", True
    save_project(p, path)
    w = make_main_window(path=path)
    dlg = _dialog(w)
    assert dlg.combos["default_rules"].currentData() == PROJECT_RULESET
    assert PROJECT_TITLE_ZH in dlg.combos["default_rules"].currentText()
    dlg.reject()
    states = _tally_states(w)
    for u in w.doc.project.units():
        name = "unanimity" if u.id == UNIT_WITH_OWN_CHOICE else PROJECT_RULESET
        assert states[u.id][0] == expected_state(u, name), u.id
        assert TITLES[name] in states[u.id][1]


def test_a_units_own_consent_ruleset_chosen_in_the_votes_tab(make_main_window, qtbot):
    """The example unit (its file names civil-code-2021) passes under the Civil Code (8 of
    10 taking part say yes) but not under unanimity (2 owners did not vote yes)."""
    w = make_main_window()
    w.show_unit("XFL-3-2", tab="votes")
    tab = w.view("unit").tab("votes")
    assert tab.state_label.property("state") == "ready"
    box = tab.rules_box
    assert box.currentData() == "civil-code-2021" and "民法典" in box.currentText()
    _choose(qtbot, box, "unanimity")
    unit = w.doc.unit("XFL-3-2")
    assert (unit.consent_rules, unit.rules_given) == ("unanimity", True)
    assert tab.state_label.property("state") == "needs_votes"
    assert TITLES["unanimity"] in tab.tally_label.text()
    w.act_undo.trigger()  # one step back
    assert unit.consent_rules == "civil-code-2021"
    assert tab.state_label.property("state") == "ready"
    # "as the project says": the unit drops its own choice; the project says unanimity
    w.doc.project.settings["default_rules"] = "unanimity"
    w.doc.notify_setting("default_rules")
    w.show_unit("XFL-3-2", tab="votes")
    tab = w.view("unit").tab("votes")
    _choose(qtbot, tab.rules_box, "")
    assert unit.consent_rules is None and not unit.rules_given
    assert tab.state_label.property("state") == "needs_votes"
    assert "全体业主一致同意" in tab.rules_box.currentText()


def test_the_rulesets_source_and_validity_read_in_the_windows_language(make_main_window):
    """Under the consent rules: "Valid from 2021-01-01" (not "to …") and the Civil Code
    cited in English in the English window, in Chinese in the Chinese one."""
    w = make_main_window("sample", lang="en")
    dlg = _dialog(w)
    info = dlg.infos["default_rules"].text()
    assert info.startswith("Valid from 2021-01-01\n")
    assert "Civil Code of the People's Republic of China, Art. 278" in info
    assert "第二百七十八条" not in info and "…" not in info
    dlg.reject()
    w = make_main_window("sample", lang="zh")
    dlg = _dialog(w)
    info = dlg.infos["default_rules"].text()
    assert info == (  # by title and number, in Chinese only (the file's source_zh)
        "自 2021-01-01 起有效\n《中华人民共和国民法典》第二百七十八条第一款第七项、第八项及"
        "第二款，第一千二百五十九条（“以上”包括本数），2021年1月1日起施行"
    )
    dlg.reject()


def test_a_longer_source_chosen_is_shown_whole(make_main_window, qtbot):
    """Choosing a table whose source runs to four lines grows the dialog: no line of the
    sources under the lists is cut (the form squeezed them into the old height)."""
    w = make_main_window("sample")
    dlg = _dialog(w)
    _choose(qtbot, dlg.combos["coefficient_table"], "stair-count")
    _choose(qtbot, dlg.combos["subsidy_rule_set"], "beijing")
    _choose(qtbot, dlg.combos["sunlight_standard"], "gb50180-93")
    qtbot.wait(10)
    for key, info in dlg.infos.items():
        if info.isVisible():
            assert info.height() >= info.heightForWidth(info.width()), key
    assert dlg.infos["subsidy_rule_set"].text().count("\n") == 3
    dlg.reject()


def test_the_sunlight_standard_chosen_reaches_the_site_plan_tab(make_main_window, qtbot):
    """Choosing GB 50180-93 in the dialog: the site-plan tab's sunlight line cites that
    code, and the survey tab's sunlight finding cites its clause 5.0.2."""
    w = make_main_window("sample")
    dlg = _dialog(w)
    _choose(qtbot, dlg.combos["sunlight_standard"], "gb50180-93")
    _ok(qtbot, dlg)
    w.show_unit("DH-1-3", tab="site_plan")
    tab = w.view("unit").tab("site_plan")
    qtbot.waitUntil(lambda: tab.sun is not None, timeout=20000)
    assert tab.sun.rules.standard == "gb50180-93"
    assert "GB 50180-93" in tab.sun_label.toolTip()
    w.show_unit("DH-1-3", tab="site")
    site = w.view("unit").tab("site")
    tips = [
        site.findings.item(r, 1).toolTip()
        for r in range(site.findings.rowCount())
        if site.findings.item(r, 0).data(Qt.UserRole) == "sunlight_below_standard"
    ]
    assert tips and all("GB 50180-93" in tip and "5.0.2" in tip for tip in tips)


def test_the_survey_fields_quote_each_units_rules(make_main_window, qtbot, tmp_path):
    """The survey tab's tooltips state the limit, the severity and the source of the rules
    in force for the unit shown: a unit that chose the project's own suitability ruleset
    (a 5 m fire lane, the red line a strong factor) beside one under the shipped rules; the
    sunlight field cites the project's standard (GB 50180-93 here)."""
    mine = json.loads((rules_dir() / "suitability" / "shanghai-2020.json").read_text("utf-8"))
    mine.update(name="wide-lanes")
    mine["checks"]["fire_lane_narrow"]["min_width_m"] = 5
    mine["checks"]["red_line"]["severity"] = "strong"
    path = tmp_path / "tips.eeproj"
    shutil.copyfile(sample_project_path(), path)
    p = open_project(path)
    p.settings["suitability_rulesets"] = {"wide-lanes": mine}
    p.settings["sunlight_standard"] = "gb50180-93"
    p.find_unit("DH-1-2").suitability_rules = "wide-lanes"
    save_project(p, path)
    w = make_main_window(path=path)

    def tips(unit_id: str) -> dict[str, str]:
        w.show_unit(unit_id, tab="site")
        site = w.view("unit").tab("site")
        site.ensure_fresh()
        return {k: ed.toolTip() for k, ed in site.form.editors.items()}

    own, shipped = tips("DH-1-2"), tips("DH-1-1")
    assert own["fire_lane_width_after_m"].startswith("小于 5 m 为重大干扰（")
    assert shipped["fire_lane_width_after_m"].startswith("小于 4.0 m 为重大干扰（")
    assert own["inside_red_line"].startswith("超出用地红线为强干扰（")
    assert shipped["inside_red_line"].startswith("超出用地红线为重大干扰（")
    for t in (own, shipped):
        assert "GB 50180-93" in t["sunlight_below_standard"]
        assert t["pipes_in_footprint"] == "燃气管为强干扰，其他管线每种为弱干扰"


def test_the_return_of_the_forms_is_kept_and_edited_in_the_dialog(
    make_main_window, qtbot, tmp_path
):
    """A project whose file already says where the consent forms come back: the dialog shows
    it, editing the city keeps it, and the deadline is edited like any other field (the
    dialog had no fields for the two: only the file's JSON could set them)."""
    path = tmp_path / "back.eeproj"
    shutil.copyfile(sample_project_path(), path)
    p = open_project(path)
    p.settings["organisation"] = {"address": "东湖路 1 号", "return_place": "社区服务中心"}
    save_project(p, path)
    w = make_main_window(path=path)
    dlg = _dialog(w)
    assert dlg.org["return_place"].text() == "社区服务中心"
    dlg.city.clear()
    dlg.city.insert("武汉")  # as an input method commits Chinese text (keys type Latin only)
    dlg.org["return_deadline"].clear()
    qtbot.keyClicks(dlg.org["return_deadline"], "2026-12-20")
    _ok(qtbot, dlg)
    org = w.doc.project.settings["organisation"]
    assert org["return_place"] == "社区服务中心" and org["address"] == "东湖路 1 号"
    assert org["return_deadline"] == "2026-12-20"
    assert w.doc.project.settings["city"] == "武汉"
