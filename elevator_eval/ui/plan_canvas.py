"""Plan view widget of the site-plan tab: buildings, shaft, windows, red line, fire lane,
pipes, courtyards and the ground shadows at one moment, north up, to scale.

The shaft can be dragged (left button) and turned (mouse wheel over it, 5° a notch);
``shaftMoved`` reports the footprint while dragging (live checks) and ``shaftDropped`` once
on release (one undoable edit). The widget computes nothing but the drawing transform.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

ROTATE_STEP_DEG = 5.0


def _rotate(pts, deg: float):
    cx = sum(p[0] for p in pts) / len(pts)
    cy = sum(p[1] for p in pts) / len(pts)
    a = math.radians(-deg)  # clockwise on the plan, as compass bearings
    c, s = math.cos(a), math.sin(a)
    return tuple(
        (round(cx + (x - cx) * c - (y - cy) * s, 3), round(cy + (x - cx) * s + (y - cy) * c, 3))
        for x, y in pts
    )


class PlanCanvas(QWidget):
    shaftMoved = Signal(object)
    shaftDropped = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(360, 300)
        self.setMouseTracking(True)
        self.plan = None
        self.shaft = None  # footprint being shown (may differ while dragging)
        self.shadows: dict = {}
        self.window_state: dict[str, str] = {}  # id -> "below" / "lost" / ""
        self._drag = None
        self._bounds = (0.0, 0.0, 1.0, 1.0)

    # ------------------------------------------------------------------ data
    def set_plan(self, plan) -> None:
        self.plan = plan
        self.shaft = None if plan is None or plan.shaft is None else plan.shaft.footprint
        if plan is not None:
            from ..report.site_drawing import view_bounds

            self._bounds = view_bounds(plan)
        self.update()

    def set_shadows(self, shadows: dict) -> None:
        self.shadows = shadows
        self.update()

    def set_window_state(self, state: dict[str, str]) -> None:
        self.window_state = state
        self.update()

    # ------------------------------------------------------------------ transform
    def _scale(self) -> tuple[float, float, float]:
        x0, y0, x1, y1 = self._bounds
        m = 12.0
        s = min((self.width() - 2 * m) / (x1 - x0), (self.height() - 2 * m) / (y1 - y0))
        ox = (self.width() - (x1 - x0) * s) / 2 - x0 * s
        oy = (self.height() + (y1 - y0) * s) / 2 + y0 * s
        return s, ox, oy

    def to_screen(self, x: float, y: float) -> QPointF:
        s, ox, oy = self._scale()
        return QPointF(ox + x * s, oy - y * s)

    def to_plan(self, p: QPointF) -> tuple[float, float]:
        s, ox, oy = self._scale()
        return (p.x() - ox) / s, (oy - p.y()) / s

    def _poly(self, pts) -> QPolygonF:
        return QPolygonF([self.to_screen(x, y) for x, y in pts])

    def _in_shaft(self, pos) -> bool:
        if not self.shaft:
            return False
        return self._poly(self.shaft).containsPoint(pos, Qt.OddEvenFill)

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor("#FBFBF8"))
        if self.plan is None:
            p.drawText(self.rect(), Qt.AlignCenter, self.tr("尚无平面图"))
            return
        plan = self.plan
        self._paint_areas(p, plan)
        self._paint_structures(p, plan)
        self._paint_windows(p, plan)
        self._paint_north_and_scale(p)

    def _paint_areas(self, p: QPainter, plan) -> None:
        """Fire lane band, shadows and private courtyards (drawn first, underneath)."""
        if plan.fire_lane is not None:
            from shapely.geometry import LineString

            line, w = plan.fire_lane
            band = LineString(line).buffer(w / 2, cap_style="flat")
            p.setPen(Qt.NoPen)
            p.setBrush(QColor("#FFE3DC"))
            p.drawPolygon(self._poly(list(band.exterior.coords)))
        for kind, pts in ((k, pts) for k, pts in self.shadows.items()):
            p.setPen(Qt.NoPen)
            p.setBrush(QColor(40, 40, 80, 70 if kind != "shaft" else 110))
            p.drawPolygon(self._poly(pts))
        for _hh, pts in plan.courtyards or ():
            p.setPen(QPen(QColor("#43A047"), 1, Qt.DashLine))
            p.setBrush(QColor(200, 230, 201, 120))
            p.drawPolygon(self._poly(pts))

    def _paint_structures(self, p: QPainter, plan) -> None:
        """Buildings, red line, pipes and the shaft."""
        for b in plan.buildings:
            p.setPen(QPen(Qt.black, 2 if b.own else 1))
            p.setBrush(QColor("#DCE3EC") if b.own else QColor("#E4E4E4"))
            poly = self._poly(b.footprint)
            p.drawPolygon(poly)
            self._name_building(p, poly.boundingRect(), b)
        if plan.red_line is not None:
            p.setPen(QPen(QColor("#C62828"), 1.5, Qt.DashDotLine))
            p.setBrush(Qt.NoBrush)
            p.drawPolygon(self._poly(plan.red_line))
        for kind, pts in plan.pipes or ():
            p.setPen(QPen(QColor("#C62828" if kind == "gas" else "#1565C0"), 1.5, Qt.DashLine))
            path = QPainterPath(self.to_screen(*pts[0]))
            for x, y in pts[1:]:
                path.lineTo(self.to_screen(x, y))
            p.drawPath(path)
        if self.shaft:
            p.setPen(QPen(Qt.black, 1.5))
            p.setBrush(QColor("#FCC98A"))
            p.drawPolygon(self._poly(self.shaft))

    def _name_building(self, p: QPainter, box: QRectF, b) -> None:
        """The building's name and height, centred in it; beside it (right, or left at the
        canvas's edge) when it is too small to hold them, as on the printed site plan."""
        name = self.tr("本楼") if b.own else b.id
        text = f"{name} {b.height_m:g} m"
        from ..report.map_labels import building_name_place  # (no reportlab: plain rules)

        fm = p.fontMetrics()
        w, h = fm.horizontalAdvance(text), fm.height()
        where = building_name_place(
            box.left(), box.right(), box.width(), box.height(), w, h, self.width()
        )
        if where == "inside":
            x = box.center().x() - w / 2
        elif where == "right":
            x = box.right() + 3
        else:
            x = box.left() - 3 - w
        p.drawText(QPointF(x, box.center().y() + fm.ascent() / 2 - fm.descent() / 2), text)

    def _paint_windows(self, p: QPainter, plan) -> None:
        """A short stroke per window place in its facing, coloured by the worst sunlight
        state of the windows there (the floors above one another share the place)."""
        from ..site.plan import worst_at_each_place

        colours = {"below": "#C62828", "lost": "#EF6C00"}
        rank = {k: {"below": 2, "lost": 1}.get(v, 0) for k, v in self.window_state.items()}
        for w in worst_at_each_place(plan.windows, rank):
            f = math.radians(w.facing_deg)
            a = self.to_screen(w.x, w.y)
            b = QPointF(a.x() + 7 * math.sin(f), a.y() - 7 * math.cos(f))
            p.setPen(QPen(QColor(colours.get(self.window_state.get(w.id, ""), "#1565C0")), 2))
            p.drawLine(a, b)

    def _paint_north_and_scale(self, p: QPainter) -> None:
        """North arrow top right, scale bar bottom left."""
        # north arrow
        x, y = self.width() - 22, 14
        p.setPen(QPen(Qt.black, 1))
        p.setBrush(QBrush(Qt.black))
        p.drawPolygon(
            QPolygonF(
                [QPointF(x, y), QPointF(x - 5, y + 18), QPointF(x, y + 13), QPointF(x + 5, y + 18)]
            )
        )
        p.drawText(QPointF(x - 4, y + 32), self.tr("北"))
        # scale bar
        s, _, _ = self._scale()
        bar = next((v for v in (1, 2, 5, 10, 20, 50, 100) if v * s >= 60), 200)
        p.drawLine(QPointF(12, self.height() - 12), QPointF(12 + bar * s, self.height() - 12))
        p.drawText(QPointF(14 + bar * s, self.height() - 9), f"{bar} m")

    # ------------------------------------------------------------------ mouse
    def mousePressEvent(self, e):
        if e.button() == Qt.LeftButton and self._in_shaft(e.position()):
            self._drag = (self.to_plan(e.position()), self.shaft)
        super().mousePressEvent(e)

    def mouseMoveEvent(self, e):
        if self._drag is not None:
            (sx, sy), base = self._drag
            x, y = self.to_plan(e.position())
            dx, dy = x - sx, y - sy
            self.shaft = tuple((round(px + dx, 2), round(py + dy, 2)) for px, py in base)
            self.update()
            self.shaftMoved.emit(self.shaft)
        self.setCursor(Qt.SizeAllCursor if self._in_shaft(e.position()) else Qt.ArrowCursor)

    def mouseReleaseEvent(self, e):
        if self._drag is not None and e.button() == Qt.LeftButton:
            moved = self.shaft != self._drag[1]
            self._drag = None
            if moved:
                self.shaftDropped.emit(self.shaft)

    def wheelEvent(self, e):
        if self._in_shaft(e.position()) and self.shaft:
            step = ROTATE_STEP_DEG if e.angleDelta().y() > 0 else -ROTATE_STEP_DEG
            self.shaft = _rotate(self.shaft, step)
            self.update()
            self.shaftDropped.emit(self.shaft)
            e.accept()
            return
        super().wheelEvent(e)
