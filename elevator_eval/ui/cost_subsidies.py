"""The cost tab's subsidies: typing a subsidy rule's parameters (tiers, amounts), the
dialog that adds or edits one rule, and the tab's subsidy edits (add, edit, remove, a
city's rules), each one undoable. Rules are validated by
:func:`elevator_eval.unitfile.parse_subsidy`."""

from __future__ import annotations

import copy
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ..costshare_subsidy import SUBSIDY_TITLES
from ..costshare_tables import list_subsidy_rules, load_subsidy_rules, rule_set_subsidies
from ..errors import InputError
from ..unitfile import SUBSIDY_TYPES, parse_subsidy
from . import i18n, labels

translate = QCoreApplication.translate


def _param_names(kind: str) -> list[str]:
    return list(SUBSIDY_TYPES.get(kind, {}))


def tiers_text(tiers) -> str:
    """``[{min_storeys: 6, yuan: 100000}, …]`` as ``6:100000 4:80000``."""
    return " ".join(f"{t.get('min_storeys')}:{t.get('yuan')}" for t in tiers or [])


def parse_tiers(text: str, field: str) -> list[dict]:
    """``6:100000 4:80000`` (spaces, commas or semicolons between pairs) as tier dicts;
    the numbers are checked by :func:`elevator_eval.unitfile.parse_subsidy`."""
    out = []
    for part in text.replace("，", " ").replace(",", " ").replace(";", " ").split():
        if ":" not in part.replace("：", ":"):
            raise InputError(
                field, f"write min_storeys:yuan pairs such as 6:100000 4:80000, got {part!r}"
            )
        lo, yuan = part.replace("：", ":").split(":", 1)
        out.append({"min_storeys": _number(lo), "yuan": yuan.strip()})
    return out


def _number(text: str):
    """A Decimal when the text is a number, else the text (the validator names it)."""
    try:
        return Decimal(text.strip())
    except (InvalidOperation, ValueError):
        return text.strip()


def subsidy_params_text(rule: dict, sep: str = "\n") -> str:
    """The parameters as a clerk reads them: ``补贴比例（%）：40`` one per line."""
    parts = []
    for k in _param_names(rule.get("type", "")):
        if k not in rule:
            continue
        v = tiers_text(rule[k]) if k == "tiers" else rule[k]
        parts.append(
            translate("CostsTab", "{label}：{value}").format(label=param_label(k), value=v)
        )
    return sep.join(parts)


def subsidy_type_label(kind: str) -> str:
    zh, en = SUBSIDY_TITLES.get(kind, (kind, kind))
    return i18n.pick(zh, en)


def param_label(name: str) -> str:
    return {
        "yuan": translate("CostsTab", "补贴金额（元）"),
        "percent": translate("CostsTab", "补贴比例（%）"),
        "cap_yuan": translate("CostsTab", "封顶金额（元）"),
        "base_yuan": translate("CostsTab", "基础金额（元）"),
        "base_stops": translate("CostsTab", "基础站数"),
        "step_yuan": translate("CostsTab", "每站增减（元）"),
        "max_yuan": translate("CostsTab", "最高金额（元）"),
        "reserved_shaft_yuan": translate("CostsTab", "预留井道时金额（元）"),
        "tiers": translate("CostsTab", "按层数分档（层数:元）"),
    }.get(name, name)


def explain_input_error(e) -> str:
    """One line naming the parameter in the window's language: ``封顶金额（元）（cap_yuan）：
    必须填写`` (the message's Chinese text from :mod:`elevator_eval.error_text`)."""
    field = getattr(e, "field", "") or ""
    base = field.rsplit(".", 1)[-1].split("[", 1)[0] if field else ""
    label = param_label(base) if base else ""
    if label and label != base:
        return i18n.error_text(e, {field: label + i18n.aside(field)})
    return i18n.error_text(e)


def _rules_source(data: dict) -> str:
    """A city's subsidy rules' source for a tooltip, in the window's language."""
    return translate("CostsTab", "来源：") + labels.sourced(
        str(data.get("source", "")),
        str(data.get("source_zh") or ""),
        str(data.get("source_en") or ""),
    )


def _parsed_subsidy(raw: dict, field: str) -> dict:
    """A subsidy rule from the parameters as typed in its form (numbers and tiers as text),
    validated by :func:`elevator_eval.unitfile.parse_subsidy`; ``InputError`` names the field."""
    raw = dict(raw)
    for k, v in list(raw.items()):
        if k == "tiers" and isinstance(v, str):
            raw[k] = parse_tiers(v, f"{field}.tiers")
        elif k in _param_names(raw.get("type", "")) and isinstance(v, str):
            raw[k] = _number(v)
    return parse_subsidy(raw, field)


class SubsidyDialog(QDialog):
    """Parameters of a new subsidy rule of one type; OK validates through
    :func:`elevator_eval.unitfile.parse_subsidy` and keeps the dialog open on an error."""

    def __init__(
        self, tab, kind: str, parent=None, index: int | None = None, rule: dict | None = None
    ):
        super().__init__(parent or tab)
        self.tab = tab
        self.kind = kind
        self.index = index  # editing the index-th rule (None: a new rule)
        self.setObjectName("SubsidyDialog")
        self.setWindowTitle(
            (self.tr("添加补贴：{0}") if index is None else self.tr("修改补贴：{0}")).format(
                subsidy_type_label(kind)
            )
        )
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name, (_kind, required) in SUBSIDY_TYPES[kind].items():
            edit = QLineEdit()
            edit.setObjectName(f"param_{name}")
            if name == "tiers":
                edit.setPlaceholderText("6:100000 4:80000")
                edit.setToolTip(self.tr("每档“最低层数:金额”，空格分隔；取满足条件的最高一档"))
            label = param_label(name)
            if not required:
                label += self.tr("（可选）")
            form.addRow(label, edit)
            self.fields[name] = edit
            if rule is not None and name in rule:
                edit.setText(tiers_text(rule[name]) if name == "tiers" else str(rule[name]))
        self.error = QLabel()
        self.error.setObjectName("SubsidyError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#c62828")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        self.setMinimumWidth(420)
        lay.addWidget(buttons)

    def raw(self) -> dict:
        out = {"type": self.kind}
        for name, edit in self.fields.items():
            text = edit.text().strip()
            if text:
                out[name] = text
        return out

    def try_accept(self) -> None:
        message = (
            self.tab.add_subsidy(self.raw())
            if self.index is None
            else self.tab.replace_subsidy(self.index, self.raw())
        )
        if message:
            self.error.setText(message)
            self.adjustSize()
            return
        self.accept()


class SubsidyEdits:
    """The subsidy edits of :class:`~elevator_eval.ui.tab_costs.CostsTab` (mixed in; its
    texts are in the ``CostsTab`` translation context)."""

    def _subsidy_selection(self) -> None:
        rows = {i.row() for i in self.subsidies.selectedItems()}
        self.remove_subsidy_btn.setEnabled(bool(rows))

    def _fill_city_menu(self) -> None:
        self.city_menu.clear()
        settings = self.doc.project.settings
        try:
            names = list_subsidy_rules(settings)
        except Exception:
            names = []
        for name in names:
            try:
                data = load_subsidy_rules(name, settings=settings)
            except Exception:
                continue
            act = self.city_menu.addAction(f"{name} — {i18n.pick_attr(data, 'title')}")
            act.setData(name)
            act.setToolTip(_rules_source(data))
            act.triggered.connect(lambda _=False, n=name: self.apply_city_rules(n))

    def open_subsidy_dialog(self, kind: str) -> SubsidyDialog:
        """Ask for the parameters of a new ``kind`` rule (window-modal, not blocking)."""
        dlg = SubsidyDialog(self, kind, self.window())
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.setWindowModality(Qt.WindowModal)
        dlg.open()
        self.subsidy_dialog = dlg
        return dlg

    def add_subsidy(self, raw: dict) -> str | None:
        """Append a subsidy rule (one undoable edit). Returns None, or a message naming
        the bad parameter when :func:`parse_subsidy` refuses it (nothing is changed)."""
        unit = self.doc.unit(self.unit_id)
        field = f"subsidies[{len(unit.subsidies)}]"
        raw = dict(raw)
        try:
            rule = _parsed_subsidy(raw, field)
        except InputError as e:
            return explain_input_error(e)
        rules = copy.deepcopy(unit.subsidies) + [rule]
        self.doc.set_value(
            self.unit_id,
            lambda u: u,
            "subsidies",
            rules,
            translate("CostsTab", "添加补贴：{0}").format(subsidy_type_label(rule["type"])),
        )
        return None

    def open_subsidy_editor(self, row: int):
        """The form of the ``row``-th rule, filled in; OK replaces the rule (undoable)."""
        unit = self.doc.unit(self.unit_id)
        if not 0 <= row < len(unit.subsidies):
            return None
        rule = unit.subsidies[row]
        try:
            if self.subsidy_dialog is not None:
                self.subsidy_dialog.close()
        except RuntimeError:  # already deleted
            pass
        dlg = SubsidyDialog(self, rule["type"], self.window(), index=row, rule=rule)
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.destroyed.connect(lambda _=None: setattr(self, "subsidy_dialog", None))
        self.subsidy_dialog = dlg
        dlg.open()
        return dlg

    def replace_subsidy(self, row: int, raw: dict) -> str | None:
        """Replace the ``row``-th rule by ``raw`` (parameters as typed); None or a message."""
        unit = self.doc.unit(self.unit_id)
        field = f"subsidies[{row}]"
        old = unit.subsidies[row]
        keep = {k: v for k, v in old.items() if k not in _param_names(old["type"])}
        raw = {**keep, **raw}
        try:
            rule = _parsed_subsidy(raw, field)
        except InputError as e:
            return explain_input_error(e)
        rules = copy.deepcopy(unit.subsidies)
        rules[row] = rule
        self.doc.set_value(
            self.unit_id, lambda u: u, "subsidies", rules, translate("CostsTab", "修改补贴")
        )
        return None

    def remove_subsidy(self, row: int) -> None:
        """Remove the ``row``-th subsidy rule (one undoable edit)."""
        unit = self.doc.unit(self.unit_id)
        if not 0 <= row < len(unit.subsidies):
            return
        rules = copy.deepcopy(unit.subsidies)
        gone = rules.pop(row)
        self.doc.set_value(
            self.unit_id,
            lambda u: u,
            "subsidies",
            rules,
            translate("CostsTab", "删除补贴：{0}").format(subsidy_type_label(gone["type"])),
        )

    def apply_city_rules(self, name: str) -> str | None:
        """Replace the unit's subsidies by a city's rule set (one undoable edit)."""
        try:
            data = load_subsidy_rules(name, settings=self.doc.project.settings)
            rules = rule_set_subsidies(name, settings=self.doc.project.settings)
        except InputError as e:
            self.summary.setText(explain_input_error(e))
            return i18n.error_text(e)
        self.doc.set_value(
            self.unit_id,
            lambda u: u,
            "subsidies",
            rules,
            translate("CostsTab", "采用补贴规则：{0}").format(i18n.pick_attr(data, "title")),
        )
        return None
