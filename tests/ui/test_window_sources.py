"""Where a figure comes from, as the window says it: in the Chinese window by official title
and number in Chinese, an assumption called one, no English citation and no reference to
the project's own papers (the rule files keep their sources as found, in English); in the
English window in English. The same citations as the printed proposal
(``rules/documents/finding-sources.json``)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QLineEdit

from elevator_eval.costshare import coefficients_for
from elevator_eval.language import is_chinese_only

URL = re.compile(r"(?:https?://|www\.)\S+")


def _tips(w, unit_id: str) -> dict[str, list[str]]:
    """The tooltips that cite sources, on the unit's site and pre-install tabs."""
    out: dict[str, list[str]] = {}
    w.show_unit(unit_id, tab="site")
    site = w.view("unit").tab("site")
    site.ensure_fresh()
    t = site.findings
    out["findings"] = [t.item(r, 1).toolTip() for r in range(t.rowCount())]
    out["fields"] = [
        site.findChild(QLineEdit, f"edit_{key}").toolTip()
        for key in ("fire_lane_width_after_m", "distance_to_neighbour_m")
    ]
    w.show_unit(unit_id, tab="preinstall")
    pre = w.view("unit").tab("preinstall")
    pre.ensure_fresh()
    t = pre.items
    out["preinstall"] = [t.item(r, 0).toolTip() for r in range(t.rowCount())]
    out["consent"] = [w.view("unit").consent_badge.toolTip()]
    return out


def test_the_chinese_window_cites_in_chinese_only(make_main_window):
    w = make_main_window("sample", lang="zh")
    seen: dict[str, list[str]] = {}
    for unit in w.doc.project.units():
        for kind, tips in _tips(w, unit.id).items():
            seen.setdefault(kind, []).extend(tips)
    assert all(seen.values()), seen  # every kind was seen on the sample street
    for kind, tips in seen.items():
        for tip in tips:
            assert is_chinese_only(tip), (kind, tip)
            assert "§" not in tip and "reference" not in tip, (kind, tip)
    # the printed proposal's citations, word for word
    assert any(
        "《危险房屋鉴定标准》JGJ 125-2016 第6.1.4条（C级局部危房、D级整幢危房）" in t
        for t in seen["findings"]
    )
    assert "《建筑设计防火规范》GB 50016-2014（2018年版）第7.1.8条" in seen["fields"][0]
    assert any(t == "依据：经验假设（本程序默认值）" for t in seen["preinstall"])
    assert seen["consent"][0].endswith(
        "依据：《中华人民共和国民法典》第二百七十八条第一款第七项、第八项及第二款，"
        "第一千二百五十九条（“以上”包括本数），2021年1月1日起施行"
    )


@pytest.mark.parametrize(
    ("lang", "basis"),
    [
        ("zh", "依据：本单元造价分项“底坑”为最可能值，低值、高值取其 0.8 倍、1.3 倍（经验假设）"),
        (
            "en",
            'Source: the unit\'s cost line "Pit" as the most likely value, low and high 0.8 and'
            " 1.3 times it (assumption)",
        ),
    ],
)
def test_a_units_own_cost_line_is_named_as_the_basis(make_main_window, qtbot, lang, basis):
    """By the name the cost tab and the proposal give the line (底坑 / Pit), not by its path
    in the file."""
    w = make_main_window("sample", lang=lang)
    unit = next(u for u in w.doc.project.units() if "pit" in (u.costs.items_yuan or {}))
    assert basis in _tips(w, unit.id)["preinstall"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sharing_methods_web_address_stays_in_its_tooltip(make_main_window, lang):
    w = make_main_window("sample", lang=lang)
    unit = next(u for u in w.doc.project.units() if coefficients_for(u)[1] == "app-default")
    w.show_unit(unit.id, tab="costs")
    tab = w.view("unit").tab("costs")
    tab.ensure_fresh()
    tip = tab.summary.toolTip()
    assert URL.search(tip), tip
    if lang == "zh":
        assert tip.startswith("原始资料：") and is_chinese_only(URL.sub("", tip)), tip
    else:
        assert "domain reference" not in tip and not re.search(r"[\u4e00-\u9fff]", tip), tip
    assert tab.coeff_source.text() == (
        "系数来自系数表“默认系数表（广州东圃丽江新村表外推）”（app-default）；"
        "修改任一系数即改为本单元自定系数"
        if lang == "zh"
        else 'Coefficients from the table "Default table (Guangzhou Dongpu table, extended)"'
        " (app-default); editing one makes them this unit's own"
    )


def test_the_english_window_cites_in_english(make_main_window):
    w = make_main_window("sample", lang="en")
    seen: list[str] = []
    for unit in w.doc.project.units():
        seen.extend(_tips(w, unit.id)["findings"])
    assert any("Standard for appraisal of dangerous buildings, JGJ 125-2016" in t for t in seen)
    assert not [t for t in seen if re.search(r"[\u4e00-\u9fff]{4,}", t) and "以上" not in t]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_ruleset_in_the_settings_dialog_cites_in_the_windows_language(make_main_window, lang):
    """Each rule file offered (consent, suitability, coefficients, subsidies, sunlight) with
    its source in the window's language: in Chinese by title and number, or 经验值 with the
    web addresses where the file has only a source found in English; never the project's
    own papers ("geometry reference §8.2", "unit-format contract §3")."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    w = make_main_window("sample", lang=lang)
    w.act_project_settings.trigger()
    (dlg,) = [d for d in w.findChildren(QDialog, "ProjectSettingsDialog") if d.isVisible()]
    tips = {}
    for key, box in dlg.combos.items():
        for i in range(box.count()):
            tip = box.itemData(i, Qt.ToolTipRole)
            if tip:
                tips[(key, box.itemData(i))] = tip
    dlg.reject()
    assert {k for k, _ in tips} == {
        "default_rules",
        "suitability_rules",
        "coefficient_table",
        "subsidy_rule_set",
        "sunlight_standard",
    }
    for where, tip in tips.items():
        assert "reference §" not in tip and "contract §" not in tip, (where, tip)
        if lang == "zh":
            assert is_chinese_only(URL.sub("", tip)), (where, tip)
    if lang == "zh":
        assert tips[("coefficient_table", "guangzhou-2025")].endswith(
            "穗府办规〔2025〕6号（据公开研究资料转录，使用前宜与原文核对）"
        )
        assert tips[("coefficient_table", "stair-count")].endswith(
            "经验值（非官方来源）\n原始资料：http://xinsanxiang.cn/article/show_321.html\n"
            "http://www.youhuohao.com/know/410048.html"
        )
        assert tips[("suitability_rules", "shanghai-2020")].endswith(
            "《上海市既有多层住宅加装电梯前期调查与可行性评估技术导则（试行）》（2020年）："
            "干扰因素分弱、强、重大三级，计数分类"
        )
