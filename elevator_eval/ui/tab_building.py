"""Building and structure tab: the facts of the building (shared by its units)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from ..model import DANGER_GRADES, STRUCTURES
from . import labels
from .forms import Field, ModelForm
from .tab_base import UnitTab


class BuildingTab(UnitTab):
    name = "building"

    def __init__(self, doc, parent=None):
        super().__init__(doc, parent)
        b = lambda u: u.building  # noqa: E731
        fields = [
            Field(
                "year_built",
                self.tr("建成年份"),
                "int",
                b,
                scope="building",
                section="building",
                allow_none=False,
            ),
            Field(
                "storeys",
                self.tr("地上住宅层数"),
                "int",
                b,
                scope="building",
                section="building",
                allow_none=False,
                tooltip=self.tr("少于 4 层为重大干扰（应用默认规则，见规则集）"),
            ),
            Field(
                "structure",
                self.tr("结构形式"),
                "choice",
                b,
                scope="building",
                section="building",
                choices=[(s, labels.structure_label(s)) for s in STRUCTURES],
            ),
            Field(
                "danger_grade",
                self.tr("危险性等级"),
                "choice",
                b,
                scope="building",
                section="building",
                choices=[(g, g) for g in DANGER_GRADES],
                tooltip=self.tr(
                    "《危险房屋鉴定标准》JGJ 125-2016 第6.1.4条：C、D 级为重大干扰；"
                    "2001 年前建成且未鉴定的，需先鉴定（强干扰）"
                ),
            ),
            Field(
                "floor_height_m",
                self.tr("层高（m）"),
                "decimal",
                b,
                scope="building",
                section="building",
            ),
            Field(
                "seismic_intensity",
                self.tr("抗震设防烈度"),
                "int",
                b,
                scope="building",
                section="building",
                tooltip=self.tr("砖混结构且设防烈度 ≥ 8 度为强干扰"),
            ),
            Field(
                "design_life_years",
                self.tr("设计使用年限（年）"),
                "int",
                b,
                scope="building",
                section="building",
                allow_none=False,
            ),
        ]
        self.form = ModelForm(doc, fields, lambda label: self.tr("修改{0}").format(label))
        box = QGroupBox(self.tr("楼栋信息（同一楼栋各单元共用）"))
        QVBoxLayout(box).addWidget(self.form)
        self.note = QLabel(self.tr("修改楼栋信息会影响该楼栋的全部单元。"))
        self.note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(box)
        lay.addWidget(self.note)
        lay.addStretch(1)

    def refresh(self) -> None:
        self.form.set_unit(self.unit_id)
