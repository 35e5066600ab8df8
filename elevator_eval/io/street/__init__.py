"""Import a street from a spreadsheet, one job per module.

- :mod:`.columns` — the known columns, their headers and parsers;
- :mod:`.issues` — errors, warnings and the preview's result types;
- :mod:`.read` — reading the CSV or .xlsx file into rows;
- :mod:`.headers` — finding and mapping the header row, merged cells;
- :mod:`.checks` — each row's cells, then the checks across rows;
- :mod:`.build` — the communities, buildings and units the import adds;
- :mod:`.template` — the empty import workbook.

The two-step public API (``preview_import``, ``apply_import``) is
:mod:`elevator_eval.io.street_import`.
"""
