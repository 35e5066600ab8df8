"""Site-plan tab: type or edit the buildings, neighbours and shaft, generate windows per
façade, drag and turn the shaft with live measured checks, see every window's sun before
and after and the shadows on the standard day. The sunlight runs off the UI thread through
the one background helper; every edit is one undoable command on the plan."""

from __future__ import annotations

import copy
import json
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import InputError
from . import i18n
from .commands import SetValueCommand
from .plan_canvas import PlanCanvas
from .tab_base import UnitTab


def _plain(value):
    """A plan dict with Decimals as floats (the editor's working copy)."""
    return json.loads(json.dumps(value, default=float))


def _fmt_pts(pts) -> str:
    return "; ".join(f"{float(x):g},{float(y):g}" for x, y in pts)


def _parse_pts(text: str) -> list[list[float]]:
    out = []
    for part in text.replace("；", ";").replace("，", ",").split(";"):
        if part.strip():
            x, y = part.split(",")
            out.append([float(x), float(y)])
    return out


class SitePlanTab(UnitTab):
    name = "site_plan"

    def __init__(self, doc, parent=None):
        super().__init__(doc, parent)
        self.plan = None
        self._gen = 0
        self._filling = False
        self.sun = None
        left = self._build_left()
        right = self._build_right()
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([520, 640])
        QHBoxLayout(self).addWidget(split)

    def _build_left(self) -> QWidget:
        """Plan buttons, the buildings table, the window generator and the candidates."""
        self.status = QLabel()
        self.status.setObjectName("PlanStatus")
        self.status.setWordWrap(True)
        self.new_button = QPushButton(self.tr("新建平面图"))
        self.new_button.clicked.connect(self.create_plan)
        self.dxf_button = QPushButton(self.tr("导入 DXF…"))
        self.dxf_button.clicked.connect(self.import_dxf)
        self.suggest_button = QPushButton(self.tr("推荐井道位置"))
        self.suggest_button.clicked.connect(self.suggest)
        self.buildings = QTableWidget(0, 4)
        self.buildings.setObjectName("PlanBuildings")
        self.buildings.setHorizontalHeaderLabels(
            [self.tr("编号"), self.tr("本楼"), self.tr("高度（m）"), self.tr("轮廓 x,y; …（m）")]
        )
        self.buildings.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.buildings.itemChanged.connect(self._building_edited)
        self.add_button = QPushButton(self.tr("添加相邻楼"))
        self.add_button.clicked.connect(self.add_neighbour)
        gen = self._build_window_generator()
        self.measured = QLabel()
        self.measured.setObjectName("PlanMeasured")
        self.measured.setWordWrap(True)
        self.candidates = QTableWidget(0, 3)
        self.candidates.setObjectName("PlanCandidates")
        self.candidates.setHorizontalHeaderLabels(
            [self.tr("位置"), self.tr("问题"), self.tr("日照减少合计（小时）")]
        )
        header = self.candidates.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.Stretch)  # the problems take the rest
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)  # its title whole
        self.candidates.setEditTriggers(QTableWidget.NoEditTriggers)
        self.candidates.cellDoubleClicked.connect(self._apply_candidate)
        self._candidates = []
        left = QWidget()
        ll = QVBoxLayout(left)
        row = QHBoxLayout()
        for b in (self.new_button, self.dxf_button, self.add_button, self.suggest_button):
            row.addWidget(b)
        ll.addLayout(row)
        ll.addWidget(self.status)
        ll.addWidget(self.buildings, 2)
        ll.addWidget(gen)
        ll.addWidget(self.measured)
        self.candidates_label = QLabel(self.tr("候选井道位置（双击采用）"))
        ll.addWidget(self.candidates_label)
        ll.addWidget(self.candidates, 1)
        return left

    def _build_window_generator(self) -> QGroupBox:
        """Windows of one facade from floors × windows per floor."""
        self.gen_building = QComboBox()
        self.gen_facade = QComboBox()
        self.gen_building.currentIndexChanged.connect(self._fill_facades)
        self.gen_floors = QSpinBox()
        self.gen_floors.setRange(1, 40)
        self.gen_floors.setValue(6)
        self.gen_per_floor = QSpinBox()
        self.gen_per_floor.setRange(1, 30)
        self.gen_per_floor.setValue(4)
        self.gen_floor_h = QDoubleSpinBox()
        self.gen_floor_h.setRange(2.0, 5.5)  # storey height [m] of a walk-up
        self.gen_floor_h.setValue(2.9)
        self.gen_button = QPushButton(self.tr("生成窗"))
        self.gen_button.clicked.connect(self.generate_windows)
        gen = QGroupBox(self.tr("窗生成器（楼层 × 每层窗数，按立面）"))
        gl = QHBoxLayout(gen)
        for w in (
            self.gen_building,
            self.gen_facade,
            QLabel(self.tr("层数")),
            self.gen_floors,
            QLabel(self.tr("每层")),
            self.gen_per_floor,
            QLabel(self.tr("层高")),
            self.gen_floor_h,
            self.gen_button,
        ):
            gl.addWidget(w)
        return gen

    def _build_right(self) -> QWidget:
        """The canvas, the shadow-time slider and the sunlight table."""
        self.canvas = PlanCanvas()
        self.canvas.setObjectName("PlanCanvas")
        self.canvas.shaftMoved.connect(self._shaft_moving)
        self.canvas.shaftDropped.connect(self._shaft_dropped)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setObjectName("ShadowTime")
        self.slider.setRange(0, 480)
        self.slider.setValue(240)
        self.slider.valueChanged.connect(self._update_shadows)
        self.time_label = QLabel()
        self.sun_table = QTableWidget(0, 6)
        self.sun_table.setObjectName("SunlightTable")
        self.sun_table.setHorizontalHeaderLabels(
            [
                self.tr("窗"),
                self.tr("加装前（小时）"),
                self.tr("加装后（小时）"),
                self.tr("减少（小时）"),
                self.tr("加装前达标"),
                self.tr("加装后达标"),
            ]
        )
        self.sun_table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.sun_table.verticalHeader().hide()
        self.sun_label = QLabel()
        self.sun_label.setWordWrap(True)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.canvas, 3)
        tl = QHBoxLayout()
        tl.addWidget(self.time_label)
        tl.addWidget(self.slider, 1)
        rl.addLayout(tl)
        rl.addWidget(self.sun_label)
        rl.addWidget(self.sun_table, 2)
        return right

    # ------------------------------------------------------------------ model access
    def raw_plan(self):
        unit = self.doc.unit(self.unit_id)
        return unit.site.extra.get("plan") if unit.site.extra else None

    def push_plan(self, new: dict, text: str) -> bool:
        """Validate and apply a new plan as one undoable edit; False (and the reason in the
        status line) when the plan is not valid."""
        from ..site.plan import parse_plan

        data = json.loads(json.dumps(new), parse_float=Decimal)
        try:
            parse_plan(data)
        except InputError as e:
            self.status.setText(self.tr("平面图有误：{0}").format(i18n.error_text(e)))
            self.status.setStyleSheet("color:#C62828")
            return False
        self.doc.undo_stack.push(
            SetValueCommand(self.doc, self.unit_id, lambda u: u.site.extra, "plan", data, text)
        )
        return True

    # ------------------------------------------------------------------ refresh
    def refresh(self) -> None:
        from ..site.plan import parse_plan

        raw = self.raw_plan()
        self.status.setStyleSheet("")
        self.plan = None
        if raw is not None:
            try:
                self.plan = parse_plan(raw)
                self.status.setText("")
            except InputError as e:
                self.status.setText(self.tr("平面图有误：{0}").format(i18n.error_text(e)))
                self.status.setStyleSheet("color:#C62828")
        else:
            self.status.setText(self.tr("本单元尚无平面图：点“新建平面图”，或导入 DXF。"))
        self.new_button.setEnabled(raw is None)
        for w in (self.add_button, self.suggest_button, self.gen_button):
            w.setEnabled(self.plan is not None)
        self._fill_buildings()
        self.canvas.set_plan(self.plan)
        self._show_measured(None)
        self._start_sunlight()
        self._update_shadows()

    def _fill_buildings(self) -> None:
        self._filling = True
        rows = list(self.plan.buildings) if self.plan is not None else []
        self.buildings.setRowCount(len(rows))
        self.gen_building.blockSignals(True)
        self.gen_building.clear()
        for r, b in enumerate(rows):
            cells = [b.id, self.tr("是") if b.own else "", f"{b.height_m:g}", _fmt_pts(b.footprint)]
            for c, text in enumerate(cells):
                it = QTableWidgetItem(text)
                if c in (0, 1):
                    it.setFlags(it.flags() & ~Qt.ItemIsEditable)
                self.buildings.setItem(r, c, it)
            self.gen_building.addItem(b.id)
        self.gen_building.blockSignals(False)
        self._fill_facades()
        self._filling = False

    def _fill_facades(self) -> None:
        from ..site.placement import edge_facing_deg

        self.gen_facade.clear()
        if self.plan is None or self.gen_building.currentIndex() < 0:
            return
        b = self.plan.buildings[self.gen_building.currentIndex()]
        names = [
            self.tr("北"),
            self.tr("东北"),
            self.tr("东"),
            self.tr("东南"),
            self.tr("南"),
            self.tr("西南"),
            self.tr("西"),
            self.tr("西北"),
        ]
        for e in range(len(b.footprint)):
            f = edge_facing_deg(b, e)
            self.gen_facade.addItem(
                self.tr("立面 {0}（朝{1}）").format(e + 1, names[round(f / 45) % 8]), e
            )

    # ------------------------------------------------------------------ edits
    def create_plan(self) -> None:
        from ..site.placement import default_plan

        unit = self.doc.unit(self.unit_id)
        fh = float(unit.building.floor_height_m or Decimal("2.9"))
        self.push_plan(default_plan(unit.site, unit.building.storeys, fh), self.tr("新建平面图"))

    def import_dxf(self) -> None:
        """Replace the plan's geometry with a DXF survey (location, rules and windows of
        the current plan are kept)."""
        from PySide6.QtWidgets import QFileDialog

        from ..io.dxf_plan import plan_from_dxf

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入 DXF 总平面"), "", self.tr("DXF 图纸 (*.dxf)")
        )
        if not path:
            return
        unit = self.doc.unit(self.unit_id)
        try:
            new = plan_from_dxf(path, floor_h_m=float(unit.building.floor_height_m or 2.9))
        except InputError as e:
            self.status.setText(self.tr("DXF 有误：{0}").format(i18n.error_text(e)))
            self.status.setStyleSheet("color:#C62828")
            return
        old = _plain(self.raw_plan()) if self.raw_plan() is not None else {}
        for key in ("location", "sunlight_rules", "windows"):
            if key in old:
                new[key] = old[key]
        new.setdefault("location", {"city": "北京"})
        self.push_plan(_plain(new), self.tr("导入 DXF 总平面"))

    def add_neighbour(self) -> None:
        new = _plain(self.raw_plan())
        own = self.plan.own
        xs = [p[0] for p in own.footprint]
        ys = [p[1] for p in own.footprint]
        y0 = max(ys) + 1.7 * own.height_m
        n = len(new["buildings"]) + 1
        new["buildings"].append(
            {
                "id": f"N{n}",
                "height_m": own.height_m,
                "footprint": [[min(xs), y0], [max(xs), y0], [max(xs), y0 + 11], [min(xs), y0 + 11]],
            }
        )
        self.push_plan(new, self.tr("添加相邻楼"))

    def _building_edited(self, item) -> None:
        if self._filling or self.plan is None:
            return
        new = _plain(self.raw_plan())
        b = new["buildings"][item.row()]
        try:
            if item.column() == 2:
                b["height_m"] = float(item.text())
            elif item.column() == 3:
                b["footprint"] = _parse_pts(item.text())
        except ValueError:
            self.status.setText(self.tr("无法识别：{0}").format(item.text()))
            self.status.setStyleSheet("color:#C62828")
            self.refresh()
            return
        if not self.push_plan(new, self.tr("修改楼栋 {0}").format(b.get("id", ""))):
            self._fill_buildings()

    def generate_windows(self) -> None:
        from ..site.placement import facade_windows

        b = self.plan.buildings[self.gen_building.currentIndex()]
        edge = self.gen_facade.currentData()
        wins = facade_windows(
            b, edge, self.gen_floors.value(), self.gen_per_floor.value(), self.gen_floor_h.value()
        )
        new = _plain(self.raw_plan())
        suffix = f"-e{edge}"
        keep = [
            w
            for w in new.get("windows", []) or []
            if not (w.get("building") == b.id and str(w.get("id", "")).endswith(suffix))
        ]
        new["windows"] = keep + wins
        self.push_plan(new, self.tr("生成窗 {0}").format(len(wins)))

    def _shaft_moving(self, footprint) -> None:
        from dataclasses import replace

        from ..site.measure import measure

        shaft = replace(self.plan.shaft, footprint=tuple(footprint))
        self._show_measured(measure(self.plan, shaft=shaft, with_sunlight=False))

    def _shaft_dropped(self, footprint) -> None:
        new = _plain(self.raw_plan())
        new["shaft"]["footprint"] = [list(p) for p in footprint]
        self.push_plan(new, self.tr("移动井道"))

    # ------------------------------------------------------------------ results
    def _show_measured(self, m) -> None:
        if m is None and self.plan is not None:
            from ..site.measure import measure

            m = measure(self.plan, with_sunlight=False)
        if m is None or not m.values:
            self.measured.setText("")
            return
        v = m.values
        parts = []
        if "inside_red_line" in v:
            parts.append(self.tr("红线内") if v["inside_red_line"] else self.tr("超出红线"))
        if "distance_to_neighbour_m" in v:
            parts.append(self.tr("距相邻建筑 {0} m").format(f"{v['distance_to_neighbour_m']:.2f}"))
        if "fire_lane_width_after_m" in v:
            parts.append(
                self.tr("消防车道净宽 {0} m").format(f"{v['fire_lane_width_after_m']:.2f}")
            )
        if "pipes_in_footprint" in v:
            from . import labels

            names = [labels.pipe_label(k) for k in v["pipes_in_footprint"]]
            parts.append(self.tr("井道内管线：{0}").format(i18n.listing(names) or "—"))
        if v.get("occupies_private_courtyard"):
            parts.append(self.tr("占用私家庭院"))
        self.measured.setText(self.tr("实测：") + i18n.clauses(parts))

    def _start_sunlight(self) -> None:
        self._gen += 1
        self.sun = None
        self.sun_table.setRowCount(0)
        self.canvas.set_window_state({})
        if self.plan is None or not self.plan.windows or not self.plan.location:
            self.sun_label.setText(self.tr("日照：需要位置和窗"))
            return
        from .worker import run_task

        plan, gen = self.plan, self._gen
        standard = self._sunlight_standard()
        self.sun_label.setText(self.tr("日照计算中…"))

        def work(progress):
            from ..site.sunlight import analyse

            return analyse(plan, standard=standard)

        self.task = run_task(self, work, show_dialog=False)
        self.task.finished.connect(lambda res, g=gen: self._on_sunlight(res, g))
        self.task.failed.connect(lambda msg: self.sun_label.setText(msg))

    def _on_sunlight(self, res, gen) -> None:
        if gen != self._gen:
            return  # a newer edit started another computation
        self.sun = res
        r = res.rules
        self.sun_label.setText(
            self.tr(
                "{day} ≥ {h} 小时（真太阳时 {a:g}–{b:g} 时），%n 个窗降至标准以下",
                None,
                len(res.below_standard),
            ).format(
                day=i18n.pick(r.day_label_zh, r.day_label_en),
                h=f"{r.min_hours.normalize():f}",
                a=r.band_h[0],
                b=r.band_h[1],
            )
        )
        self.sun_label.setToolTip(self.tr("依据：{0}").format(i18n.pick(r.cite_zh, r.cite_en)))
        below = set(res.below_standard)
        rows = sorted(
            res.windows, key=lambda w: (w not in below, -(w.before_min - w.after_min), w.id)
        )
        self.sun_table.setRowCount(len(rows))
        yes, no = self.tr("是"), self.tr("否")
        state = {}
        for i, w in enumerate(rows):
            cells = [
                w.id,
                *w.shown_h(),
                yes if w.meets_before else no,
                yes if w.meets_after else no,
            ]
            for c, text in enumerate(cells):
                self.sun_table.setItem(i, c, QTableWidgetItem(text))
            state[w.id] = (
                "below"
                if (w.meets_before and not w.meets_after)
                else ("lost" if w.after_min < w.before_min else "")
            )
        self.canvas.set_window_state(state)
        self.slider.setRange(0, int(round((r.band_h[1] - r.band_h[0]) * 60)))
        self._update_shadows()

    def _update_shadows(self) -> None:
        if self.plan is None or not self.plan.location:
            self.canvas.set_shadows({})
            self.time_label.setText("")
            return
        from ..site.shadows import shadows
        from ..site.sunlight_rules import resolve

        r = resolve(self.plan)
        t = r.band_h[0] + self.slider.value() / 60.0
        hh, mm = int(t), int(round((t - int(t)) * 60))
        if mm == 60:
            hh, mm = hh + 1, 0
        self.time_label.setText(
            self.tr("{day} 真太阳时 {t}").format(
                day=i18n.pick(r.day_label_zh, r.day_label_en), t=f"{hh:02d}:{mm:02d}"
            )
        )
        self.canvas.set_shadows(shadows(self.plan, t, r))

    def _sunlight_standard(self) -> str:
        """The sunlight standard in force (the project's ``sunlight_standard``)."""
        return str(self.doc.rules(self.unit_id).sunlight_standard.name)

    def suggest(self) -> None:
        from .worker import run_task

        plan = self.plan
        mode = self.doc.unit(self.unit_id).site.entry_mode
        rules = self.doc.rules(self.unit_id)
        checks = rules.suitability.checks  # the unit's limits
        standard = rules.sunlight_standard.name

        def work(progress):
            from ..site.placement import candidates

            return candidates(plan, entry_mode=mode, checks=checks, standard=standard)

        self.suggest_task = run_task(
            self, work, self.tr("推荐井道位置"), self.tr("正在比较候选位置…")
        )
        self.suggest_task.finished.connect(self._show_candidates)

    def _show_candidates(self, cands) -> None:
        from . import labels

        self._candidates = cands
        self.candidates_label.setText(
            self.tr("候选井道位置（双击采用）")
            if cands
            else self.tr("候选井道位置：没有放得下井道的位置（本楼的长边短于井道宽度）")
        )
        self.candidates.setRowCount(len(cands))
        for i, c in enumerate(cands):
            for col, text in enumerate(
                (
                    c.label,
                    i18n.listing(labels.finding_label(p) for p in c.problems) or self.tr("无"),
                    f"{c.lost_h:.2f}",
                )
            ):
                self.candidates.setItem(i, col, QTableWidgetItem(text))

    def _apply_candidate(self, row: int, _col: int = 0) -> None:
        c = self._candidates[row]
        new = _plain(self.raw_plan())
        new["shaft"] = copy.deepcopy(new.get("shaft") or {})
        new["shaft"]["footprint"] = [list(p) for p in c.shaft.footprint]
        new["shaft"]["height_m"] = c.shaft.height_m
        self.push_plan(new, self.tr("采用井道位置 {0}").format(c.label))
