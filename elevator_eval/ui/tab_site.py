"""Site survey tab: the survey form, and the findings with their remedies, updating live."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import citations
from ..model import ENTRY_MODES, PIPE_TYPES
from . import i18n, labels
from .forms import Field, ModelForm
from .style import CLASS_COLOURS, SEVERITY_COLOURS
from .tab_base import UnitTab


class SiteTab(UnitTab):
    name = "site"

    def __init__(self, doc, parent=None):
        super().__init__(doc, parent)
        self.form = ModelForm(
            doc, self._fields(doc), lambda label: self.tr("修改{0}").format(label)
        )
        scroll = self._build_form_scroll()
        right = self._build_findings_panel()
        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([540, 520])
        lay = QHBoxLayout(self)
        lay.addWidget(split)

    def _fields(self, doc) -> list[Field]:
        """The survey fields (the tooltips that quote the rules in force are set for each
        unit: :meth:`_rule_tips`)."""
        s = lambda u: u.site  # noqa: E731
        fields = [
            Field(
                "entry_mode",
                self.tr("入户方式"),
                "choice",
                s,
                choices=[(m, labels.entry_label(m)) for m in ENTRY_MODES],
            ),
            Field(
                "footprint_available_m",
                self.tr("可用井道场地 宽×深（m）"),
                "pair",
                s,
            ),
            Field(
                "inside_red_line",
                self.tr("在用地红线内"),
                "bool3",
                s,
            ),
            Field(
                "fire_lane_width_after_m",
                self.tr("加装后消防车道净宽（m）"),
                "decimal",
                s,
            ),
            Field(
                "distance_to_neighbour_m",
                self.tr("与相邻建筑距离（m）"),
                "decimal",
                s,
            ),
            Field("occupies_private_courtyard", self.tr("占用私家庭院"), "bool3", s),
            Field(
                "sunlight_below_standard",
                self.tr("日照低于标准"),
                "bool3",
                s,
            ),
            Field(
                "pipes_in_footprint",
                self.tr("场地内管线"),
                "pipes",
                s,
                choices=[(p, labels.pipe_label(p)) for p in PIPE_TYPES],
            ),
            Field(
                "pit_depth_available_mm",
                self.tr("可挖底坑深度（mm）"),
                "int",
                s,
                tooltip=self.tr("低于标准产品时需选用浅底坑产品（GB/T 28621-2023）"),
            ),
            Field("headroom_available_mm", self.tr("顶层净空（mm）"), "int", s),
            Field("corridor_depth_m", self.tr("连廊可用进深（m）"), "decimal", s),
        ]
        for f in fields:
            f.section = "site"  # checked as the unit file reads the site
        return fields

    def _build_form_scroll(self) -> QScrollArea:
        """The survey form in a scroll area."""
        form_box = QGroupBox(self.tr("现场踏勘（空白 = 未调查）"))
        QVBoxLayout(form_box).addWidget(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_box)
        scroll.setMinimumWidth(form_box.sizeHint().width() + 24)
        return scroll

    def _build_findings_panel(self) -> QWidget:
        """Site class, stale-input warning, findings table and what to improve."""
        self.class_label = QLabel()
        self.class_label.setObjectName("SiteClass")
        self.class_label.setToolTip(labels.class_rule_source())
        self.findings = QTableWidget(0, 3)
        self.findings.setObjectName("FindingsTable")
        self.findings.setHorizontalHeaderLabels(
            [self.tr("程度"), self.tr("问题"), self.tr("处理建议")]
        )
        self.findings.verticalHeader().hide()
        self.findings.setEditTriggers(QTableWidget.NoEditTriggers)
        self.findings.setWordWrap(True)
        hh = self.findings.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.Stretch)
        self.improve = QLabel()
        self.improve.setWordWrap(True)
        self.improve.setObjectName("ToImprove")
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.class_label)
        rl.addWidget(QLabel(self.tr("发现的问题与处理建议（随输入即时更新）")))
        self.stale_label = QLabel()
        self.stale_label.setObjectName("StaleInputs")
        self.stale_label.setStyleSheet("color:#c62828;font-weight:bold")
        self.stale_label.setWordWrap(True)
        self.stale_label.hide()
        self.form.invalidChanged.connect(self._show_invalid)
        rl.addWidget(self.stale_label)
        rl.addWidget(self.findings, 1)
        rl.addWidget(self.improve)
        return right

    def _rule_tips(self, rules) -> dict[str, str]:
        """Tooltips of the survey fields whose findings depend on the rules in force for the
        unit (its suitability ruleset and the project's sunlight standard): the limit, the
        severity and the source, as the findings cite them."""
        checks = rules.suitability.checks
        standard = rules.sunlight_standard.name

        def sev(code: str) -> str:
            return labels.severity_label(checks[code]["severity"])

        def cite(code: str) -> str:
            source = checks[code].get("source", "")
            return citations.check_citation(code, source, i18n.lang(), standard)

        fire, near = checks["fire_lane_narrow"], checks["neighbour_close"]
        return {
            "footprint_available_m": self.tr(
                "小于所选入户方式的最小井道为{0}（几何默认值见规则集）"
            ).format(sev("footprint_small")),
            "inside_red_line": self.tr("超出用地红线为{0}（{1}）").format(
                sev("red_line"), cite("red_line")
            ),
            "fire_lane_width_after_m": self.tr("小于 {0} m 为{1}（{2}）").format(
                fire["min_width_m"], sev("fire_lane_narrow"), cite("fire_lane_narrow")
            ),
            "distance_to_neighbour_m": self.tr("小于 {0} m 为{1}（{2}）").format(
                near["min_distance_m"], sev("neighbour_close"), cite("neighbour_close")
            ),
            "occupies_private_courtyard": self.tr("占用私家庭院为{0}（{1}）").format(
                sev("private_courtyard"), cite("private_courtyard")
            ),
            "sunlight_below_standard": self.tr("加装后由达标降至不达标为{0}（{1}）").format(
                sev("sunlight_below_standard"), cite("sunlight_below_standard")
            ),
            "pipes_in_footprint": self.tr("燃气管为{0}，其他管线每种为{1}").format(
                sev("pipe_gas"), sev("pipe_other")
            ),
        }

    def refresh(self) -> None:
        self.form.set_unit(self.unit_id)
        try:
            rules = self.doc.rules(self.unit_id)
            tips = self._rule_tips(rules)
            self.class_label.setToolTip(labels.class_rule_source(rules.suitability))
        except Exception:  # bad project settings: the assessment below says why
            tips = {}
        for key, tip in tips.items():
            self.form.editors[key].setToolTip(tip)
        try:
            a = self.doc.assessment(self.unit_id)
        except Exception as e:
            self.class_label.setText(self.tr("无法评估：{0}").format(i18n.error_text(e)))
            self.findings.setRowCount(0)
            return
        if a is None:
            self.class_label.setText(labels.class_label(None))
            self.findings.setRowCount(0)
            return
        counts = a.counts
        self.class_label.setText(
            self.tr("分类：{cls}（重大 {major}，强 {strong}，弱 {weak}）— {why}").format(
                cls=labels.class_label(a.klass),
                major=counts.get("major", 0),
                strong=counts.get("strong", 0),
                weak=counts.get("weak", 0),
                why=i18n.pick(a.main_reason_zh, a.main_reason_en),
            )
        )
        self.class_label.setStyleSheet(f"color:{CLASS_COLOURS[a.klass]};font-weight:bold")
        self.class_label.setWordWrap(True)
        self.findings.setRowCount(len(a.findings))
        standard = self.doc.rules(self.unit_id).sunlight_standard.name
        for r, f in enumerate(a.findings):
            sev = QTableWidgetItem(labels.severity_label(f.severity))
            sev.setForeground(QBrush(QColor(SEVERITY_COLOURS.get(f.severity, "#000"))))
            sev.setData(Qt.UserRole, f.code)
            source = self.tr("依据：{0}").format(
                citations.check_citation(f.code, f.source, i18n.lang(), standard)
            )
            msg = QTableWidgetItem(f.message(i18n.lang()))
            rem = QTableWidgetItem(f.remedy(i18n.lang()))
            for c, it in enumerate((sev, msg, rem)):
                it.setToolTip(source)
                self.findings.setItem(r, c, it)
        self.findings.resizeRowsToContents()
        codes = {f.code: f for f in a.findings}
        if a.to_improve:
            names = [codes[c].message(i18n.lang()) if c in codes else c for c in a.to_improve]
            self.improve.setText(self.tr("消除以下问题可改善分类：") + "\n• " + "\n• ".join(names))
        else:
            self.improve.setText("")

    def _show_invalid(self) -> None:
        """Say which refused inputs the findings do not reflect (no silent old value)."""
        names = list(self.form.invalid.values())
        self.stale_label.setText(
            self.tr("以下输入无效，下列结论仍按原值计算：{0}").format(i18n.listing(names))
            if names
            else ""
        )
        self.stale_label.setVisible(bool(names))

    def finding_codes(self) -> list[str]:
        return [self.findings.item(r, 0).data(Qt.UserRole) for r in range(self.findings.rowCount())]
