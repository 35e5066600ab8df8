"""The project settings dialog: rulesets, city tables and the organisation profile.

Rulesets are listed by their Chinese (or English) titles with validity dates and sources
(:func:`elevator_eval.rulebook.choices`). On OK every edit goes through
:func:`elevator_eval.project_settings.set_value` — the same check as
``elevator-eval settings --set`` — and the changes are pushed as one undoable step on the
document's undo stack; a bad value keeps the dialog open and names the setting.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .. import project_settings as PS
from ..errors import InputError
from . import commands, i18n, labels

translate = QCoreApplication.translate


def org_labels() -> dict[str, str]:
    """Labels of the organisation fields in the current language."""
    return {
        "street_office": translate("ProjectSettings", "街道办事处"),
        "consultant": translate("ProjectSettings", "咨询单位"),
        "contact_person": translate("ProjectSettings", "联系人"),
        "contact_phone": translate("ProjectSettings", "联系电话"),
        "address": translate("ProjectSettings", "地址"),
        "seal_text": translate("ProjectSettings", "盖章单位（印章文字）"),
        "return_deadline": translate("ProjectSettings", "征询表交回期限"),
        "return_place": translate("ProjectSettings", "征询表交回地点（空白 = 地址）"),
    }


def _span(rf) -> str:
    if rf.valid_from is None and rf.valid_to is None:
        return translate("ProjectSettings", "长期有效")
    if rf.valid_to is None:
        return translate("ProjectSettings", "自 {0} 起有效").format(rf.valid_from)
    if rf.valid_from is None:
        return translate("ProjectSettings", "有效至 {0}").format(rf.valid_to)
    return translate("ProjectSettings", "有效期 {0} 至 {1}").format(rf.valid_from, rf.valid_to)


class ProjectSettingsDialog(QDialog):
    """Edit ``project.settings`` (see the module docstring)."""

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.setObjectName("ProjectSettingsDialog")
        self.doc = doc
        self.setWindowTitle(self.tr("项目设置"))
        self.setMinimumWidth(720)
        settings = doc.project.settings
        self.combos: dict[str, QComboBox] = {}
        self.infos: dict[str, QLabel] = {}
        self.labels: dict[str, str] = {"city": self.tr("城市")}
        lay = QVBoxLayout(self)

        rules = QGroupBox(self.tr("表决与适宜性规则"))
        form = QFormLayout(rules)
        self._combo(form, "default_rules", self.tr("表决规则"), "consent", settings, None)
        self._combo(
            form,
            "suitability_rules",
            self.tr("适宜性规则"),
            "suitability",
            settings,
            self.tr("随表决规则"),
        )
        lay.addWidget(rules)

        city = QGroupBox(self.tr("城市表格与标准"))
        form = QFormLayout(city)
        self.city = QLineEdit(str(settings.get("city") or ""))
        self.city.setObjectName("city")
        form.addRow(self.labels["city"], self.city)
        self._combo(
            form,
            "coefficient_table",
            self.tr("楼层系数表"),
            "coefficients",
            settings,
            self.tr("应用默认"),
        )
        self._combo(
            form, "subsidy_rule_set", self.tr("补贴规则"), "subsidies", settings, self.tr("不指定")
        )
        self._combo(
            form, "sunlight_standard", self.tr("日照标准"), "sunlight", settings, self.tr("默认")
        )
        lay.addWidget(city)

        org = QGroupBox(self.tr("组织信息（用于文件落款）"))
        form = QFormLayout(org)
        current = settings.get(PS.ORGANISATION_KEY) or {}
        self.org: dict[str, QLineEdit] = {}
        names = org_labels()
        for key in PS.ORGANISATION_FIELDS:
            edit = QLineEdit(str(current.get(key) or ""))
            edit.setObjectName(f"organisation.{key}")
            self.org[key] = edit
            self.labels[f"{PS.ORGANISATION_KEY}.{key}"] = names[key]
            form.addRow(names[key], edit)
        lay.addWidget(org)

        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setStyleSheet("color:#c62828")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def _combo(self, form, key: str, label: str, kind: str, settings, empty: str | None):
        self.labels[key] = label
        box = QComboBox()
        box.setObjectName(key)
        # long titles must not squeeze the labels: the list shows them in full
        box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(32)
        info = QLabel()
        info.setWordWrap(True)
        info.setObjectName(f"{key}Info")
        info.setStyleSheet("color:#555")
        if empty is not None:
            box.addItem(empty, "")
        # lazy: the rule engines load with the dialog, after the first paint (start-up)
        from ..rulebook import choices

        for rf in choices(kind, settings):
            title = i18n.pick(rf.title_zh, rf.title_en)
            mark = self.tr("（本项目定义）") if rf.project_defined else ""
            name = i18n.aside(rf.name)
            box.addItem(f"{title}{name}{mark}", rf.name)
            source = labels.rule_source(rf)
            box.setItemData(box.count() - 1, f"{_span(rf)}\n{source}", Qt.ToolTipRole)
        current = settings.get(key)
        if key == "default_rules" and not current:
            current = PS.defaults()["consent_rules"]
        i = box.findData(current or "")
        box.setCurrentIndex(max(i, 0))
        box.currentIndexChanged.connect(lambda _i: self._show_info(key))
        self.combos[key] = box
        self.infos[key] = info
        field = QWidget()
        col = QVBoxLayout(field)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(box)
        col.addWidget(info)
        form.addRow(label, field)
        self._show_info(key)

    def _show_info(self, key: str) -> None:
        box = self.combos[key]
        tip = box.itemData(box.currentIndex(), Qt.ToolTipRole) or ""
        self.infos[key].setText(str(tip))
        self.infos[key].setVisible(bool(tip))
        if self.isVisible():  # a longer source: the dialog grows to show it whole
            self.layout().activate()
            need = self.layout().totalHeightForWidth(self.width())
            if need > self.height():
                self.resize(self.width(), need)

    # ------------------------------------------------------------------ editing
    def edits(self) -> list[tuple[str, str]]:
        """``(KEY, VALUE)`` for every field that differs from the project's settings."""
        s = self.doc.project.settings
        org = s.get(PS.ORGANISATION_KEY) or {}
        out = []
        for key, box in self.combos.items():
            value = box.currentData() or ""
            old = s.get(key) or ""
            if key == "default_rules" and not old:
                old = PS.defaults()["consent_rules"]
            if value != old:
                out.append((key, value))
        if self.city.text().strip() != str(s.get("city") or ""):
            out.append(("city", self.city.text()))
        for key, edit in self.org.items():
            if edit.text().strip() != str(org.get(key) or ""):
                out.append((f"{PS.ORGANISATION_KEY}.{key}", edit.text()))
        return out

    def accept(self) -> None:
        old = self.doc.project.settings
        new = old
        try:
            for key, value in self.edits():
                new = PS.set_value(new, key, value)
        except InputError as e:
            self.error.setText(self.tr("设置有误：{0}").format(i18n.error_text(e, self.labels)))
            return
        changed = [
            k
            for k in sorted(set(old) | set(new))
            if old.get(k, commands.REMOVE) != new.get(k, commands.REMOVE)
        ]
        if changed:
            stack = self.doc.undo_stack
            stack.beginMacro(self.tr("修改项目设置"))
            for k in changed:
                stack.push(
                    commands.SetProjectSettingCommand(
                        self.doc,
                        k,
                        new.get(k, commands.REMOVE),
                        self.tr("修改项目设置 {0}").format(k),
                    )
                )
            stack.endMacro()
        super().accept()


def open_dialog(window) -> ProjectSettingsDialog:
    """Show the dialog for the window's document (window-modal, not blocking)."""
    for old in window.findChildren(QDialog, "ProjectSettingsDialog"):
        old.close()
        old.deleteLater()
    dlg = ProjectSettingsDialog(window.doc, window)
    dlg.open()
    return dlg
