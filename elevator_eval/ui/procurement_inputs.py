"""The parameter bar of the procurement workspace: life-cycle years, the discount rate in
percent, and the three weights of the comprehensive scoring method (综合评分法) as points
out of 100, each checked as typed with a message in the window's language next to it.

Evaluators score technical and service quality on 0–100 per criterion; the app converts a
score to the engine's points with :func:`points_from_score` (score × weight ÷ 100, exact).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from . import i18n

CRITERIA = ("price", "technical", "service")
SCORE_MAX = Decimal(100)
"""Evaluators' scores are on a 0–100 scale per criterion (the committee's score sheet)."""


def points_from_score(score: Decimal, weight: Decimal) -> Decimal:
    """An evaluator's 0–100 score as points of a criterion weighted ``weight`` (exact).

    Examples
    --------
    >>> points_from_score(Decimal(85), Decimal(40))
    Decimal('34')
    """
    return (score * weight / SCORE_MAX).normalize() if score else Decimal(0)


def score_from_points(points: Decimal, weight: Decimal) -> Decimal:
    """The inverse, for projects saved with points (rounded to 0.01)."""
    if not weight:
        return Decimal(0)
    return (points * SCORE_MAX / weight).quantize(Decimal("0.01")).normalize()


def parse_score(text: str) -> Decimal | None:
    """A 0–100 score typed in a cell (None for an empty cell); ValueError when invalid."""
    text = text.strip().replace("，", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError("number") from None
    if not value.is_finite() or value < 0 or value > SCORE_MAX:
        raise ValueError("range")
    return value


def procurement_defaults() -> dict:
    from ..procurement import defaults

    return defaults()


def weights_text(values: dict[str, int]) -> str:
    return ",".join(f"{k}={values[k]}" for k in CRITERIA)


class ProcurementInputs(QWidget):
    """Years, discount rate (%) and weights; ``changed`` fires on every valid edit."""

    changed = Signal()
    invalid = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        d = procurement_defaults()
        self.default_years = int(d["years"]["value"])
        self.default_rate = str(d["discount_rate"]["value"])
        from ..procurement import method_name, tender_rules, weight_range

        lo, hi = weight_range("goods")  # the legal range of the default scoring method
        method = tender_rules()["methods"][method_name(None)]
        self._loading = False
        self.years = QSpinBox()
        self.years.setObjectName("YearsSpin")
        self.years.setRange(1, 40)
        self.years.setValue(self.default_years)
        self.years.setSuffix(self.tr(" 年"))
        self.years.setToolTip(self.tr("全寿命成本的年数（电梯使用寿命，本程序默认 15 年，经验值）"))
        self.rate = QLineEdit(self.percent_text(self.default_rate))
        self.rate.setObjectName("RateEdit")
        self.rate.setMaximumWidth(60)
        self.rate.setToolTip(
            self.tr("年折现率，以百分数输入，如 3 表示 3%（本程序默认值，经验值）")
        )
        self.spins: dict[str, QSpinBox] = {}
        for k in CRITERIA:
            s = QSpinBox()
            s.setObjectName(f"Weight_{k}")
            s.setRange(0, 100)
            s.setSuffix(self.tr(" 分"))
            self.spins[k] = s
        self.spins["price"].setToolTip(
            self.tr("货物类价格分权重 {0}–{1} 分（{2}）").format(
                int(lo), int(hi), method["source_zh"]
            )
        )
        self.set_weights_text("price=40,technical=40,service=20")
        self.message = QLabel()
        self.message.setObjectName("InputsMessage")
        self.message.setStyleSheet("color:#c62828")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("年限")))
        lay.addWidget(self.years)
        lay.addWidget(QLabel(self.tr("折现率")))
        lay.addWidget(self.rate)
        lay.addWidget(QLabel("%"))
        lay.addSpacing(12)
        lay.addWidget(QLabel(self.tr("权重：价格")))
        lay.addWidget(self.spins["price"])
        lay.addWidget(QLabel(self.tr("技术")))
        lay.addWidget(self.spins["technical"])
        lay.addWidget(QLabel(self.tr("服务")))
        lay.addWidget(self.spins["service"])
        lay.addWidget(self.message, 1)
        self.years.valueChanged.connect(lambda _v: self._edited())
        for s in self.spins.values():
            s.valueChanged.connect(lambda _v: self._edited())
        self.rate.textChanged.connect(lambda _t: self._edited())

    # ------------------------------------------------------------------ values
    @staticmethod
    def percent_text(fraction_text: str) -> str:
        try:
            return str((Decimal(fraction_text) * 100).normalize())
        except (InvalidOperation, ValueError):
            return ""

    def set_values(self, years, rate_fraction: str, weights: str) -> None:
        """Show saved values (no ``changed``)."""
        self._loading = True
        try:
            self.years.setValue(
                years if isinstance(years, int) and 1 <= years <= 40 else self.default_years
            )
            text = self.percent_text(str(rate_fraction or self.default_rate))
            if self.rate.text() != text:
                self.rate.setText(text)
            self.set_weights_text(weights)
        finally:
            self._loading = False
        self._check()

    def set_weights_text(self, text: str) -> None:
        values = {}
        for part in (text or "").replace("，", ",").split(","):
            k, _, v = part.partition("=")
            try:
                values[k.strip()] = int(Decimal(v.strip()))
            except (InvalidOperation, ValueError):
                continue
        for k, s in self.spins.items():
            s.blockSignals(True)
            s.setValue(values.get(k, 0))
            s.blockSignals(False)

    def weights(self) -> dict[str, int]:
        return {k: s.value() for k, s in self.spins.items()}

    def rate_fraction(self) -> Decimal:
        """The discount rate as a fraction (3 % → 0.03); ValueError with the message."""
        text = self.rate.text().strip().replace("%", "").replace("，", ".")
        try:
            pct = Decimal(text)
        except InvalidOperation:
            raise ValueError(self.tr("折现率须为数字，如 3")) from None
        if not pct.is_finite() or pct < 0 or pct > 20:
            raise ValueError(self.tr("折现率须在 0% 到 20% 之间"))
        return (pct / 100).normalize()

    def error(self) -> str:
        """The first problem of the inputs, in the window's language ("" when valid)."""
        try:
            self.rate_fraction()
        except ValueError as e:
            return i18n.error_text(e)
        w = self.weights()
        if sum(w.values()) != 100:
            return self.tr("三项权重之和须为 100 分，现为 {0} 分").format(sum(w.values()))
        from ..errors import InputError
        from ..procurement import method_name, parse_weights, tender_rules, weight_range

        try:  # the legal range of the scoring method, as the engine checks it
            parse_weights(weights_text(w))
        except InputError as e:
            if e.field != "weights.price":
                return i18n.error_text(e)
            lo, hi = weight_range("goods")
            method = tender_rules()["methods"][method_name(None)]
            return self.tr("价格分权重须在 {0}–{1} 分之间（{2}，{3}），现为 {4} 分").format(
                int(lo),
                int(hi),
                i18n.pick(method["title_zh"], method["title_en"]),
                method["source_zh"],
                w["price"],
            )
        return ""

    def _check(self) -> bool:
        err = self.error()
        self.message.setText(err)
        try:
            self.rate_fraction()
            rate_bad = False
        except ValueError:
            rate_bad = True
        self.rate.setStyleSheet("background:#ffcdd2" if rate_bad else "")
        return not err

    def _edited(self) -> None:
        ok = self._check()
        if not self._loading:
            if ok:
                self.changed.emit()
            else:
                self.invalid.emit(self.error())
