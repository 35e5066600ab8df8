"""Files in and out of a project: spreadsheets, CSV and JSON.

- :mod:`.cells` — the documented rules for reading one spreadsheet cell (``CellError``).
- :mod:`.cell_core`, :mod:`.cellguard` — what every cell parser shares; the one guard every
  spreadsheet writer passes its cells through (``safe_cell``, ``neutralise``).
- :mod:`.street_import` — import a street from .xlsx/.csv, all or nothing
  (``preview_import``, ``apply_import``); its jobs in :mod:`.street` (columns, reading,
  headers, checks, building, the template ``write_import_template``).
- :mod:`.export` — a project to .xlsx with formula-injection neutralising
  (``export_project_xlsx``).
- :mod:`.quotes_xlsx` — the elevator quotes workbook (procurement): template and reader, its
  cells read by :mod:`.quotes_cells`; :mod:`.quotes_export` — the comparison workbook.

Nothing is imported here, so that ``import elevator_eval.io`` stays cheap; openpyxl is
loaded only when a workbook is read or written.
"""
