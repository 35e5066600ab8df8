"""Households and votes: a floor × door grid (top floor first, :mod:`.vote_grid`). A click on a cell opens the
vote editor (vote, source, date, clerk, note — :mod:`.vote_editor`); the context menu and the
keys Y / N / A / Del open it with that vote chosen. Owner and area are edited in the household table. The tally against the
thresholds and "what is needed" come from :mod:`elevator_eval.consent` and update live.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..project_settings import defaults as settings_defaults
from . import i18n, labels
from .style import STATE_COLOURS, VOTE_COLOURS
from .tab_base import UnitTab
from .vote_editor import last_event
from .vote_grid import HH_ROLE, VoteGrid, grid_layout

translate = QCoreApplication.translate


def owner_doors(unit) -> dict[str, list[str]]:
    """{owner id: its door numbers}, in the order of the unit's households."""
    out: dict[str, list[str]] = {}
    for h in unit.households:
        out.setdefault(h.owner_id, []).append(h.id)
    return out


def owner_text(unit, owner_id: str) -> str:
    """An owner as a clerk knows them: door number(s) and name, e.g. ``102 王喆`` or
    ``101/102 王喆`` for an owner of two households; the owner id when it is not in the
    unit."""
    doors = owner_doors(unit).get(owner_id)
    if not doors:
        return owner_id
    name = next(
        (
            h.owner_name.strip()
            for h in unit.households
            if h.owner_id == owner_id and (h.owner_name or "").strip()
        ),
        "",
    )
    return f"{'/'.join(doors)} {name}".strip()


def owners_text(unit, owner_ids) -> str:
    return i18n.listing(owner_text(unit, o) for o in owner_ids)


def needed_text(unit, result, needed) -> str:
    """ "What is needed" with door numbers and names instead of owner ids.

    The owners and their number come from :func:`elevator_eval.consent.what_is_needed`
    (one smallest set, largest areas first); this only words them.
    """
    if needed is None or (needed.possible and needed.additional_yes == 0):
        return translate("VotesTab", "已满足全部表决条件。")
    ids = list(needed.owners)
    n = needed.additional_yes
    if not needed.possible:
        forced = set(getattr(result, "blocking", []) or []) | set(
            getattr(result, "objecting", []) or []
        )
        votes = {h.owner_id: h.vote for h in unit.households}
        vetoed = [o for o in ids if o in forced and votes.get(o) == "no"] or ids
        text = translate(
            "VotesTab", "无法通过：除非业主 {who} 改投同意票", None, len(vetoed)
        ).format(who=owners_text(unit, vetoed))
        if n > len(vetoed):
            text += translate("VotesTab", "（共需 {n} 位业主改投同意）").format(n=n)
        return text
    text = translate("VotesTab", "还需要 %n 位业主同意，例如：{who}", None, n).format(
        who=owners_text(unit, ids)
    )
    affected = {h.owner_id for h in unit.households if h.exclusive_part_affected}
    if affected & set(ids):
        text += translate("VotesTab", "（其中专有部分受影响的业主必须同意）")
    return text


class VotesTab(UnitTab):
    name = "votes"
    HH_COLUMNS = ("id", "floor", "owner_name", "owner", "area_m2", "exclusive", "vote")

    def __init__(self, doc, parent=None):
        super().__init__(doc, parent)
        self.grid = VoteGrid(self)
        self._build_labels()
        self._build_households()
        self._loading = False
        tally_box = self._build_tally_box()
        self._build_layout(self._build_grid_panel(), tally_box)

    def _build_labels(self) -> None:
        """The tally, consent state, votes-needed and legend labels."""
        self.tally_label = QLabel()
        self.tally_label.setObjectName("TallyLabel")
        self.tally_label.setTextFormat(Qt.RichText)
        self.tally_label.setWordWrap(True)
        self.tally_label.setToolTip(labels.consent_source())
        self.state_label = QLabel()
        self.state_label.setObjectName("ConsentState")
        f = self.state_label.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.2)
        self.state_label.setFont(f)
        self.needed_label = QLabel()
        self.needed_label.setObjectName("NeededLabel")
        self.needed_label.setWordWrap(True)
        self.legend = QLabel(
            " ".join(
                f"<span style='background:{VOTE_COLOURS[v]}'>&nbsp;{labels.vote_label(v)}&nbsp;</span>"
                for v in ("yes", "no", "abstain", None)
            )
        )

    def _build_households(self) -> None:
        """The household table below the grid (owner, area, affected, vote)."""
        self.households = QTableWidget(0, len(self.HH_COLUMNS))
        self.households.setObjectName("HouseholdTable")
        self.households.setHorizontalHeaderLabels(
            [
                self.tr("门牌"),
                self.tr("楼层"),
                self.tr("业主"),
                self.tr("业主编号"),
                self.tr("专有面积（m²）"),
                self.tr("专有部分受影响"),
                self.tr("表决"),
            ]
        )
        self.households.horizontalHeaderItem(2).setToolTip(self.tr("业主姓名"))
        self.households.horizontalHeaderItem(3).setToolTip(
            self.tr(
                "同一业主编号的多套房屋按一人计，面积相加（民法典第二百七十八条）；"
                "空白时以门牌为业主编号"
            )
        )
        self.households.horizontalHeaderItem(5).setToolTip(
            self.tr("井道或连廊占用该业主专有部分时，须经该业主同意")
        )
        self.households.verticalHeader().hide()
        hh = self.households.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.Stretch)
        for col in ("id", "floor", "owner"):
            hh.setSectionResizeMode(self.HH_COLUMNS.index(col), QHeaderView.ResizeToContents)
        self.households.itemChanged.connect(self._household_edited)

    def _build_tally_box(self) -> QGroupBox:
        """The group on the right: rules chooser, consent state, tally, votes needed."""
        tally_box = QGroupBox(self.tr("表决统计"))
        tally_box.setMinimumWidth(380)
        tl = QVBoxLayout(tally_box)
        self.rules_box = QComboBox()
        self.rules_box.setObjectName("UnitConsentRules")
        self.rules_box.setToolTip(self.tr("本单元适用的表决规则；默认随项目设置"))
        self.rules_box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.rules_box.setMinimumContentsLength(24)
        self.rules_box.activated.connect(self._rules_chosen)
        tl.addWidget(self.rules_box)
        tl.addWidget(self.state_label)
        tl.addWidget(self.tally_label)
        tl.addWidget(self.needed_label)
        tl.addStretch(1)
        return tally_box

    def _build_grid_panel(self) -> QWidget:
        """The floor × door grid with its legend and the vote-log button."""
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("楼层 × 门牌（顶层在上）")))
        ll.addWidget(self.grid, 1)
        legend_row = QHBoxLayout()
        legend_row.addWidget(self.legend, 1)
        self.log_button = QPushButton(self.tr("表决记录…"))
        self.log_button.setObjectName("VoteLogButton")
        self.log_button.setToolTip(self.tr("本单元每次表决变更的记录（只增不改，哈希链校验）"))
        self.log_button.clicked.connect(self.show_vote_log)
        legend_row.addWidget(self.log_button)
        ll.addLayout(legend_row)
        self.log_dialog = None
        return left

    def _build_layout(self, left: QWidget, tally_box: QGroupBox) -> None:
        """Grid and tally side by side above the household table."""
        top = QSplitter()
        top.addWidget(left)
        top.addWidget(tally_box)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        top.setSizes([500, 460])
        split = QSplitter(Qt.Vertical)
        split.addWidget(top)
        split.addWidget(self.households)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QHBoxLayout(self)
        lay.addWidget(split)

    def show_vote_log(self):
        """Open (or raise) the vote log of this unit; returns the dialog."""
        from .vote_log import VoteLogDialog

        dlg = self.log_dialog
        if dlg is None or dlg.view.unit_id != self.unit_id:
            if dlg is not None:
                dlg.close()
            dlg = VoteLogDialog(self.doc, self.unit_id, self.window())
            dlg.setAttribute(Qt.WA_DeleteOnClose)
            dlg.destroyed.connect(lambda _=None: setattr(self, "log_dialog", None))
            self.log_dialog = dlg
        dlg.show()
        dlg.raise_()
        return dlg

    # ------------------------------------------------------------------ refresh
    def refresh(self) -> None:
        unit = self.doc.unit(self.unit_id)
        self._fill_grid(unit)
        self._fill_households(unit)
        self._fill_tally()

    def _fill_grid(self, unit) -> None:
        floors, cols, cells = grid_layout(unit.households)
        g = self.grid
        g.setRowCount(len(floors))
        g.setColumnCount(cols)
        g.setVerticalHeaderLabels([self.tr("{0} 层").format(f) for f in floors])
        g.setHorizontalHeaderLabels([self.tr("{0} 号门").format(c + 1) for c in range(cols)])
        for r in range(len(floors)):
            for c in range(cols):
                h = cells.get((r, c))
                if h is None:
                    item = QTableWidgetItem("")
                    item.setFlags(Qt.NoItemFlags)
                else:
                    name = (h.owner_name or "").strip()
                    vote_text = labels.vote_label(h.vote)
                    if h.vote is not None and h.vote_source:
                        vote_text += f" · {labels.source_label(h.vote_source)}"
                    item = QTableWidgetItem(f"{h.id} {name}".strip() + f"\n{vote_text}")
                    item.setData(HH_ROLE, h.id)
                    item.setData(Qt.UserRole, h.vote)
                    item.setBackground(QBrush(QColor(VOTE_COLOURS.get(h.vote, "#ffffff"))))
                    owner = name + i18n.aside(h.owner_id) if name else h.owner_id
                    tip = self.tr("{door}：业主 {owner}，{area} m²，{vote}").format(
                        door=h.id, owner=owner, area=h.area_m2, vote=labels.vote_label(h.vote)
                    )
                    ev = last_event(self.doc.project, unit.id, h.id)
                    if ev is not None:
                        tip += "\n" + self.tr(
                            "最近变更：第 {seq} 条，{time}，{source}{note}"
                        ).format(
                            seq=ev.seq,
                            time=ev.time,
                            source=labels.source_label(ev.source),
                            note=i18n.pick("，", ", ") + ev.note if ev.note else "",
                        )
                    if h.exclusive_part_affected:
                        tip += "\n" + self.tr("专有部分受影响：须本人同意")
                        f = item.font()
                        f.setBold(True)
                        item.setFont(f)
                    item.setToolTip(tip)
                item.setTextAlignment(Qt.AlignCenter)
                g.setItem(r, c, item)

    def _fill_households(self, unit) -> None:
        self._loading = True
        try:
            tbl = self.households
            hs = sorted(unit.households, key=lambda h: (h.floor, len(h.id), h.id))
            tbl.setRowCount(len(hs))
            for r, h in enumerate(hs):
                values = [
                    h.id,
                    str(h.floor),
                    h.owner_name or "",
                    h.owner or "",
                    str(h.area_m2),
                    "",
                    labels.vote_label(h.vote),
                ]
                for c, v in enumerate(values):
                    it = QTableWidgetItem(v)
                    it.setData(HH_ROLE, h.id)
                    col = self.HH_COLUMNS[c]
                    flags = Qt.ItemIsSelectable | Qt.ItemIsEnabled
                    if col in ("owner_name", "owner", "area_m2"):
                        flags |= Qt.ItemIsEditable
                    elif col == "exclusive":
                        flags |= Qt.ItemIsUserCheckable
                        it.setCheckState(Qt.Checked if h.exclusive_part_affected else Qt.Unchecked)
                    it.setFlags(flags)
                    if col == "owner_name":
                        it.setToolTip(self.tr("业主编号：{0}").format(h.owner_id))
                    elif col == "owner":
                        it.setToolTip(self.tr("业主编号；空白时为门牌 {0}").format(h.id))
                    if col == "vote":
                        it.setBackground(QBrush(QColor(VOTE_COLOURS.get(h.vote, "#fff"))))
                    tbl.setItem(r, c, it)
        finally:
            self._loading = False

    def _household_edited(self, item: QTableWidgetItem) -> None:
        if self._loading or self.unit_id is None:
            return
        hid = item.data(HH_ROLE)
        col = self.HH_COLUMNS[item.column()]
        if col == "owner_name":
            value = item.text().strip()
            self.doc.set_value(
                self.unit_id,
                lambda u: u.household(hid),
                "owner_name",
                value,
                self.tr("修改 {0} 的业主姓名").format(hid),
            )
        elif col == "owner":
            value = item.text().strip() or None
            self.doc.set_value(
                self.unit_id,
                lambda u: u.household(hid),
                "owner",
                value,
                self.tr("修改 {0} 的业主").format(hid),
            )
        elif col == "area_m2":
            from ..io.cells import CellError, parse_area_m2

            text = item.text()
            try:  # as the import reads an area: 56.3, 56.3㎡, 56.3平方米; > 0, ≤ 10,000 m²
                value = parse_area_m2(text, required=True)
            except CellError as e:
                self._fill_households(self.doc.unit(self.unit_id))  # (item is gone now)
                self.needed_label.setText(
                    self.tr("{0} 的面积未采用：{1}").format(hid, i18n.error_text(e))
                )
                return
            self.doc.set_value(
                self.unit_id,
                lambda u: u.household(hid),
                "area_m2",
                value,
                self.tr("修改 {0} 的面积").format(hid),
            )
        elif col == "exclusive":
            value = item.checkState() == Qt.Checked
            self.doc.set_value(
                self.unit_id,
                lambda u: u.household(hid),
                "exclusive_part_affected",
                value,
                self.tr("修改 {0} 的专有部分受影响").format(hid),
            )

    def _fill_rules_box(self) -> None:
        """The unit's own consent ruleset choice: the project's default first, then every
        ruleset by its title (the project's own rulesets included)."""
        from ..rulebook import choices

        unit = self.doc.unit(self.unit_id)
        box = self.rules_box
        box.blockSignals(True)
        box.clear()
        try:
            default = self.doc.default_rules().consent
            box.addItem(
                self.tr("随项目设置（{0}）").format(i18n.pick(default.title_zh, default.title_en)),
                "",
            )
        except Exception:  # invalid project settings: still offer the rulesets
            box.addItem(self.tr("随项目设置"), "")
        for rf in choices("consent", self.doc.project.settings):
            box.addItem(i18n.pick(rf.title_zh, rf.title_en), rf.name)
            box.setItemData(box.count() - 1, labels.rule_source(rf), Qt.ToolTipRole)
        box.setCurrentIndex(max(0, box.findData(unit.consent_rules or "")))
        box.blockSignals(False)
        # the closed box may cut a long title: its list is as wide as the longest, and the
        # box's tooltip says the choice whole
        fm = box.fontMetrics()
        box.view().setMinimumWidth(
            max(fm.horizontalAdvance(box.itemText(i)) for i in range(box.count())) + 40
        )
        box.setToolTip(self.tr("本单元适用的表决规则；默认随项目设置") + "\n" + box.currentText())

    def _rules_chosen(self, index: int) -> None:
        name = self.rules_box.itemData(index) or None
        unit = self.doc.unit(self.unit_id)
        if name == unit.consent_rules:
            return
        stack = self.doc.undo_stack
        stack.beginMacro(self.tr("修改 {0} 的表决规则").format(self.unit_id))
        self.doc.set_value(
            self.unit_id,
            lambda u: u,
            "rules",
            name or settings_defaults()["consent_rules"],
            self.tr("表决规则"),
        )
        self.doc.set_value(
            self.unit_id, lambda u: u, "rules_given", name is not None, self.tr("表决规则")
        )
        stack.endMacro()

    def _fill_tally(self) -> None:
        self._fill_rules_box()
        try:
            c = self.doc.consent(self.unit_id)
        except Exception as e:  # e.g. one owner with two different votes
            self.state_label.setText(labels.state_label("invalid"))
            self.state_label.setProperty("state", "invalid")
            self.state_label.setStyleSheet(f"color:{STATE_COLOURS['invalid']}")
            self.tally_label.setText(i18n.error_text(e))
            self.needed_label.setText("")
            return
        if c is None:
            self.state_label.setText(labels.state_label(None))
            self.tally_label.setText(self.tr("表决统计模块不可用"))
            self.needed_label.setText("")
            return
        self.state_label.setText(labels.state_label(c.state))
        self.state_label.setProperty("state", c.state)
        self.state_label.setStyleSheet(f"color:{STATE_COLOURS.get(c.state, '#000')}")
        ok = lambda b: "<b style='color:#2e7d32'>✓</b>" if b else "<b style='color:#c62828'>✗</b>"  # noqa: E731
        rs = self.doc.rules(self.unit_id).consent
        self.tally_label.setToolTip(labels.consent_source(rs))
        th = thresholds(rs)
        all_owners = rs.approval_base == "all"  # the ruleset counts yes of all owners
        area_base = c.area_total_m2 if all_owners else c.area_taking_part_m2
        head_base = c.heads_total if all_owners else c.heads_taking_part
        rows = [
            (
                self.tr("参与表决的专有面积"),
                f"{c.area_taking_part_m2} / {c.area_total_m2} m²",
                th.get("participation"),
                c.participation_area_ok,
            ),
            (
                self.tr("参与表决的人数"),
                f"{c.heads_taking_part} / {c.heads_total}",
                th.get("participation"),
                c.participation_headcount_ok,
            ),
            (
                self.tr("同意的专有面积"),
                f"{c.area_yes_m2} / {area_base} m²",
                th.get("approval"),
                c.approval_area_ok,
            ),
            (
                self.tr("同意的人数"),
                f"{c.heads_yes} / {head_base}",
                th.get("approval"),
                c.approval_headcount_ok,
            ),
        ]
        html = ["<table cellspacing='4' style='white-space:nowrap'>"]
        html.append(
            "<tr><th align='left'>{0}</th><th>{1}</th><th>{2}</th></tr>".format(
                self.tr("指标"), self.tr("实际"), self.tr("要求")
            )
        )
        for name, actual, need, passed in rows:
            html.append(
                f"<tr><td>{name}</td><td align='right'>{actual}</td>"
                f"<td>{ok(passed)} {need or ''}</td></tr>"
            )
        html.append(
            "<tr><td>{0}</td><td align='right'>{1}</td><td>{2}</td></tr>".format(
                self.tr("反对人数"), c.heads_no, ok(c.objection_ok)
            )
        )
        html.append("</table>")
        if c.blocking:
            html.append(
                "<p style='color:#c62828'>"
                + self.tr("专有部分受影响、尚未同意的业主：{0}").format(
                    owners_text(self.doc.unit(self.unit_id), c.blocking)
                )
                + "</p>"
            )
        html.append(
            "<p><small>"
            + self.tr("规则集：{0}").format(
                escape(i18n.pick(rs.title_zh, rs.title_en)) + f" ({escape(c.ruleset)})"
            )
            + "</small></p>"
        )
        self.tally_label.setText("".join(html))
        unit = self.doc.unit(self.unit_id)
        needed = c.needed
        self.needed_label.setText(needed_text(unit, c, needed))
        self.needed_label.setToolTip(
            "" if needed is None else self.tr("业主编号：{0}").format(i18n.listing(needed.owners))
        )


def thresholds(rs) -> dict[str, str]:
    """Threshold texts (``≥ 2/3`` …) of the consent ruleset in force (a ConsentRuleset)."""
    out = {}
    for key, ratio, inclusive in (
        ("participation", rs.participation_ratio, rs.participation_inclusive),
        ("approval", rs.approval_ratio, rs.approval_inclusive),
    ):
        if ratio is not None:
            out[key] = f"{'≥' if inclusive else '>'} {ratio}"
    return out
