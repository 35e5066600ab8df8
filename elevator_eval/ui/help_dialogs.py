"""Help for a newcomer: 快速上手 (a short guided first task on the sample street, each step
with a button that takes you there) and the list of keyboard shortcuts."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

translate = QCoreApplication.translate


class QuickStartDialog(QDialog):
    """Five steps on the sample street; "带我去" does the navigation of each step."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("QuickStartDialog")
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.w = window
        self.setWindowTitle(self.tr("快速上手"))
        intro = QLabel(
            self.tr(
                "第一次使用？在示例街道上走一遍：每一步点“带我去”，程序会打开对应的位置。"
                "示例不会被改动，除非您另存为自己的项目。"
            )
        )
        intro.setWordWrap(True)
        self.steps = [
            (
                self.tr("1. 打开示例街道"),
                self.tr("示例街道有多个小区与单元，可随意试用。"),
                self.go_sample,
            ),
            (
                self.tr("2. 看普查表"),
                self.tr("街道概览按适宜性把单元分为适合、较难、不适合三类；先看“较难加装”的单元。"),
                self.go_overview,
            ),
            (
                self.tr("3. 录入一票"),
                self.tr(
                    "在“住户与表决”中单击一户的格子，选表决、来源（会议/纸质/线上/委托）和日期，确定。"
                ),
                self.go_votes,
            ),
            (
                self.tr("4. 看费用分摊"),
                self.tr("“费用分摊”列出每户出资；补贴、分摊方法都可修改，结果立即更新。"),
                self.go_costs,
            ),
            (
                self.tr("5. 导出方案书"),
                self.tr("“文件与打印”预览方案书；菜单 文件 → 导出 PDF 选择保存位置。"),
                self.go_documents,
            ),
        ]
        grid = QGridLayout()
        self.buttons: list[QPushButton] = []
        for r, (title, text, go) in enumerate(self.steps):
            t = QLabel(f"<b>{title}</b>")
            d = QLabel(text)
            d.setWordWrap(True)
            b = QPushButton(self.tr("带我去"))
            b.setObjectName(f"QuickStartStep{r + 1}")
            b.clicked.connect(go)
            self.buttons.append(b)
            grid.addWidget(t, r, 0, Qt.AlignTop)
            grid.addWidget(d, r, 1)
            grid.addWidget(b, r, 2, Qt.AlignTop)
        grid.setColumnStretch(1, 1)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(grid)
        lay.addWidget(close)
        self.resize(620, 360)

    def _first_unit(self, klass: str | None = "difficult") -> str | None:
        census = self.w.doc.census()
        rows = census.rows if census is not None else []
        for r in rows:
            if klass is None or r.klass == klass:
                return r.unit_id
        units = self.w.doc.project.units()
        return units[0].id if units else None

    def go_sample(self) -> None:
        if not self.w.doc.is_sample and self.w.maybe_save():
            self.w.open_sample()
        self.w.show_overview()

    def go_overview(self) -> None:
        self.w.show_overview()
        ov = self.w.view("overview")
        i = ov.class_filter.findData("difficult")
        if i >= 0:
            ov.class_filter.setCurrentIndex(i)

    def _unit(self, tab: str) -> None:
        uid = self.w.current_unit or self._first_unit()
        if uid:
            self.w.show_unit(uid, tab=tab)

    def go_votes(self) -> None:
        self._unit("votes")

    def go_costs(self) -> None:
        self._unit("costs")

    def go_documents(self) -> None:
        self._unit("documents")


def extra_keys() -> list[tuple[str, str]]:
    """Keys that work inside one widget (not window actions)."""
    return [
        (translate("Shortcuts", "表决格：预选同意 / 反对 / 弃权 / 未参与"), "Y / N / A / Del"),
        (translate("Shortcuts", "项目树：重命名 / 删除选中项"), "F2 / Del"),
        (
            translate("Shortcuts", "输入框：撤销 / 重做（本框的输入已采用后撤销项目中的修改）"),
            "Ctrl+Z / Ctrl+Shift+Z",
        ),
    ]


class ShortcutsDialog(QDialog):
    """Every window action with a shortcut, plus the keys of the vote grid and the tree."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("ShortcutsDialog")
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("键盘快捷键"))
        rows = []
        seen = set()
        for act in window.findChildren(QAction):
            keys = [k for k in act.shortcuts() if not k.isEmpty()]
            # Undo/Redo carry the command's text; the short toolbar word names them
            label = act.iconText() if act.objectName() in ("actUndo", "actRedo") else act.text()
            text = re.sub(r"\(&\w\)", "", label).replace("&", "").rstrip("…").strip()
            if not keys or not text or act.objectName() in seen:
                continue
            seen.add(act.objectName())
            rows.append((text, " , ".join(k.toString(QKeySequence.NativeText) for k in keys)))
        rows.sort(key=lambda r: r[1])
        rows += extra_keys()
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("ShortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("操作"), self.tr("快捷键")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        for r, (text, keys) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(text))
            self.table.setItem(r, 1, QTableWidgetItem(keys))
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(close)
        self.resize(520, 560)
