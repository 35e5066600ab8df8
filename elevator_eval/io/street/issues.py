"""The results of a street import: problems with their place, what would be added.

:class:`Collector` gathers the problems while a file is read and checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Community
from ..cell_core import CellError, cell_field

MAX_ERRORS = 500
"""At most this many errors are listed; one more line says how many were left out."""


@dataclass
class ImportIssue:
    """One problem (error or warning) of an import, with its place in the file.

    Attributes
    ----------
    sheet : str
        Sheet name (``""`` for a CSV file or the file as a whole).
    row : int or None
        1-based row number as shown by the spreadsheet program (CSV: line number).
    column : str
        Column header as written in the file (or the expected header).
    value : str
        The cell's value as text (``""`` when empty or not about one cell).
    message_zh, message_en : str
    """

    sheet: str
    row: int | None
    column: str
    value: str
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang == "zh" else self.message_en

    def where(self, lang: str = "zh") -> str:
        """``"工作表 户，第 7 行，面积(㎡) 列"`` or ``"sheet 户, row 7, column 面积(㎡)"``."""
        if lang != "zh":
            return cell_field(self.sheet, self.row, self.column)
        parts = []
        if self.sheet:
            parts.append(f"工作表 {self.sheet}")
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.column:
            parts.append(f"{self.column} 列")
        return "，".join(parts) or "文件"

    def __str__(self) -> str:
        return f"{self.where('en')}: {self.message_en}"


@dataclass
class ImportDelta:
    """What an import adds: the communities built from the file, with counts."""

    communities: list[Community] = field(default_factory=list)

    @property
    def n_communities(self) -> int:
        return len(self.communities)

    @property
    def n_buildings(self) -> int:
        return sum(len(c.buildings) for c in self.communities)

    @property
    def n_units(self) -> int:
        return sum(len(b.units) for c in self.communities for b in c.buildings)

    @property
    def n_households(self) -> int:
        return sum(
            len(u.households) for c in self.communities for b in c.buildings for u in b.units
        )

    def summary(self, lang: str = "zh") -> str:
        if lang == "zh":
            return (
                f"{self.n_communities} 个小区，{self.n_buildings} 栋楼，{self.n_units} 个单元，"
                f"{self.n_households} 户"
            )
        return (
            f"{self.n_communities} communities, {self.n_buildings} buildings, "
            f"{self.n_units} units, {self.n_households} households"
        )


@dataclass
class ImportPreview:
    """The result of reading a file, before anything is imported.

    Attributes
    ----------
    rows_ok : int
        Household rows read without an error.
    errors : list of ImportIssue
        Every problem that stops the import (empty = the file can be imported).
    warnings : list of ImportIssue
        Things worth knowing that do not stop the import (ignored columns …).
    project_delta : ImportDelta or None
        What :func:`apply_import` will add; ``None`` when there are errors.
    source : str
        The file name.
    """

    rows_ok: int
    errors: list[ImportIssue]
    warnings: list[ImportIssue]
    project_delta: ImportDelta | None
    source: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors


class Collector:
    """Collects the errors (at most :data:`MAX_ERRORS`) and warnings of one import."""

    def __init__(self):
        self.errors: list[ImportIssue] = []
        self.warnings: list[ImportIssue] = []
        self.dropped = 0

    def error(self, sheet, row, column, value, zh, en):
        if len(self.errors) >= MAX_ERRORS:
            self.dropped += 1
            return
        self.errors.append(ImportIssue(sheet, row, column, cell_text(value), zh, en))

    def cell(self, e: CellError):
        self.error(e.sheet, e.row, e.column, e.value, e.message_zh, e.message_en)

    def warn(self, sheet, row, column, value, zh, en):
        self.warnings.append(ImportIssue(sheet, row, column, cell_text(value), zh, en))

    def finish(self, sheet_order=()):
        order = {s: i for i, s in enumerate(sheet_order)}
        self.errors.sort(key=lambda e: (order.get(e.sheet, -1), e.row or 0))
        if self.dropped:
            self.errors.append(
                ImportIssue(
                    "",
                    None,
                    "",
                    "",
                    f"另有 {self.dropped} 个错误未列出",
                    f"{self.dropped} more errors are not listed",
                )
            )


def cell_text(value) -> str:
    """A cell value as text for a message (at most 100 characters)."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= 100 else text[:99] + "…"
