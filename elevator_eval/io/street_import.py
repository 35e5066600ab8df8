"""Import a street's buildings and households from a spreadsheet (.xlsx) or a CSV file.

Layout (documented for users in ``docs/import-rules.md``):

* sheet **户** (or ``住户``/``households``; a CSV file is this sheet): one row per household
  with the columns 小区, 楼栋, 单元, 建成年份, 层数, 结构, 危房等级, 门牌号, 楼层, 面积(㎡),
  业主, 联系电话, 表决 … (see :data:`.street.columns.HOUSEHOLD_COLUMNS`; Chinese or English
  headers, any order, unknown columns ignored with a warning). Building data (建成年份, 层数 …) may be
  repeated on every row of the building or given once; rows that disagree are errors.
* optional sheet **单元** (or ``units``): one row per unit with the site survey
  (:data:`.street.columns.UNIT_COLUMNS`), matched to the households by 小区 + 楼栋 + 单元.

Importing is two steps and **all or nothing**: :func:`preview_import` reads and checks the
whole file and lists every problem with sheet, row and column; :func:`apply_import` adds
the file's communities, buildings and units to a copy of the project only when there is
not a single error. The jobs behind the two steps live in :mod:`elevator_eval.io.street`;
the template workbook is :func:`elevator_eval.io.street.template.write_import_template`.
"""

from __future__ import annotations

import copy
from pathlib import Path

from ..errors import InputError
from ..model import Project
from .street.checks import check
from .street.columns import HOUSEHOLD_COLUMNS, HOUSEHOLD_SHEETS, UNIT_COLUMNS, UNIT_SHEETS
from .street.headers import build_table, pick_sheet
from .street.issues import Collector, ImportPreview
from .street.read import read_sheets


def _tables(sheets, col: Collector, order: list[str]) -> dict | None:
    """The mapped 户 table and, when present, the 单元 table; None without a 户 sheet."""
    hname = "" if "" in sheets else pick_sheet(sheets, HOUSEHOLD_SHEETS, fallback_first=True)
    if hname is None:
        col.error(
            "",
            None,
            "",
            "",
            "找不到“户”工作表（住户清单）",
            "no sheet named 户 (the list of households)",
        )
        return None
    order.append(hname)
    tables = {"households": build_table(hname, *sheets[hname], HOUSEHOLD_COLUMNS, col)}
    uname = pick_sheet(sheets, UNIT_SHEETS, fallback_first=False)
    if uname is not None and uname != hname:
        order.append(uname)
        tables["units"] = build_table(uname, *sheets[uname], UNIT_COLUMNS, col)
    return tables


def preview_import(path: str | Path) -> ImportPreview:
    """Read and check a street spreadsheet (.xlsx) or CSV file; nothing is imported.

    Parameters
    ----------
    path : str or Path
        An ``.xlsx`` workbook (sheets 户 and optionally 单元) or a ``.csv`` file (the 户
        sheet only; UTF-8 with or without BOM, or GB18030).

    Returns
    -------
    ImportPreview
        Every error and warning with sheet, row and column, the number of household rows
        read without error, and what :func:`apply_import` would add.

    Notes
    -----
    Never raises for a bad file: an unreadable file is reported as an error of the preview.
    """
    p = Path(path)
    col = Collector()
    order: list[str] = []
    rows_ok, delta = 0, None
    sheets = read_sheets(p, col)
    tables = None if col.errors else _tables(sheets, col, order)
    if tables is not None and tables["households"].header_row is not None:
        rows_ok, delta = check(tables, col)
    col.finish(order)
    return ImportPreview(
        rows_ok, col.errors, col.warnings, delta if not col.errors else None, p.name
    )


def apply_import(project: Project, preview: ImportPreview) -> Project:
    """Add what the preview read to a copy of ``project`` — all or nothing.

    Communities and buildings already in the project (same names) receive the new units;
    everything else is added. The given project is never modified.

    Raises
    ------
    InputError
        when the preview has errors (nothing is imported), when a unit id already exists in
        the project, or when a building's data differ from the same building in the project.
    """
    if preview.errors:
        raise InputError(
            "import",
            f"the file has {len(preview.errors)} errors; nothing was "
            "imported / 文件有错误，未导入任何数据",
        )
    if preview.project_delta is None:
        raise InputError("import", "nothing to import / 没有可导入的数据")
    out = copy.deepcopy(project)
    existing_ids = {u.id for u in out.units()}
    delta = copy.deepcopy(preview.project_delta)
    for comm in delta.communities:
        target_c = next((c for c in out.communities if c.name == comm.name), None)
        if target_c is None:
            out.communities.append(comm)
            for u in (u for b in comm.buildings for u in b.units):
                if u.id in existing_ids:
                    raise InputError(
                        "import",
                        f"unit {u.id} already exists in the project; "
                        "nothing was imported / 项目中已有该单元，未导入",
                    )
                existing_ids.add(u.id)
            continue
        for b in comm.buildings:
            target_b = next((x for x in target_c.buildings if x.name == b.name), None)
            if target_b is not None:
                ti, ni = target_b.info, b.info
                for key in ("year_built", "storeys", "structure", "danger_grade"):
                    if getattr(ti, key) != getattr(ni, key):
                        raise InputError(
                            "import",
                            f"building {comm.name} {b.name}: {key} is "
                            f"{getattr(ti, key)} in the project but {getattr(ni, key)} in "
                            "the file; nothing was imported / 楼栋数据与项目不一致，未导入",
                        )
            for u in b.units:
                if u.id in existing_ids:
                    raise InputError(
                        "import",
                        f"unit {u.id} already exists in the project; "
                        "nothing was imported / 项目中已有该单元，未导入",
                    )
                existing_ids.add(u.id)
                if target_b is not None:
                    u.building = target_b.info
            if target_b is None:
                target_c.buildings.append(b)
            else:
                target_b.units.extend(b.units)
    return out
