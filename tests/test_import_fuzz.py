"""Fuzzing the street importer (hypothesis).

1. Every cell parser, fed any value a spreadsheet or a CSV can hold, either returns a value
   that obeys its documented rule or raises ``CellError`` naming the sheet, row and column —
   never another exception.
2. Numbers written the documented ways (full-width, units, separators, stray spaces) read
   back exactly.
3. Whole CSV and xlsx files built by hypothesis: benign variations import exactly like the
   plain file; one bad cell (formula, negative/huge/zero area, wrong type, NaN, floor above
   the storeys, merged cells, text in a number column …) makes the file import nothing and
   is reported at its row and column; no file makes ``preview_import`` raise.

The number of cases per importer is printed at the end of the module (set
``EE_FUZZ_SUMMARY=path`` to also append it to a JSON-lines file). Examples are derandomised
so that the suite is reproducible; ``EE_FUZZ_RANDOM=1`` explores new ones.
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import io
import os
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from fuzzsummary import report_cases
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elevator_eval.errors import InputError
from elevator_eval.io import cells
from elevator_eval.io.cells import CellError
from elevator_eval.io.street_import import apply_import, preview_import
from elevator_eval.model import (
    DANGER_GRADES,
    ENTRY_MODES,
    PIPE_TYPES,
    STRUCTURES,
    VOTE_SOURCES,
    VOTES,
    Project,
)

CASES: collections.Counter = collections.Counter()
FUZZ = dict(
    deadline=None,
    derandomize=not os.environ.get("EE_FUZZ_RANDOM"),
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)


@pytest.fixture(scope="module", autouse=True)
def _summary(request):
    yield
    report_cases(request, "import", CASES)


# --------------------------------------------------------------------------- cell values

FULL = str.maketrans("0123456789.,-+", "０１２３４５６７８９．，－＋")
SPACES = ["", " ", "\u3000", "\u00a0", "\t"]
WORDS = [
    "是",
    "否",
    "Y",
    "N",
    "√",
    "×",
    "同意",
    "赞成",
    "反对",
    "弃权",
    "未投票",
    "未参与",
    "砖混",
    "框架",
    "剪力墙",
    "半层",
    "平层",
    "Ａ",
    "B级",
    "燃气、给水",
    "无",
    "会议",
    "书面",
    "2024-03-05",
    "2024/3/5",
    "2024年3月5日",
    "45356",
    "20240305",
    "6层",
    "3F",
    "1992年",
    "56.3㎡",
    "56.3平方米",
    "56.3 m²",
    "45万",
    "12,000元",
    "12，000",
    "=A1",
    "＝1+1",
    "#DIV/0!",
    "#N/A",
    "'=x",
    "'+1",
    "nan",
    "inf",
    "-0",
    "1e5",
    "0x10",
    "1_000",
    "١٢٣",
    "Ⅻ",
    "½",
    "²",
    "\u200b",
    "\ufeff1",
    "1,2,3",
    ",",
    ".",
]


@st.composite
def number_texts(draw):
    """Numbers written the ways people type them, including ill-formed ones."""
    d = draw(
        st.decimals(
            min_value=-(10**12),
            max_value=10**12,
            allow_nan=False,
            allow_infinity=False,
            places=draw(st.integers(0, 4)),
        )
    )
    text = format(d, ",f" if draw(st.booleans()) else "f")
    if draw(st.booleans()):
        text = text.translate(FULL)
    unit = draw(
        st.sampled_from(
            [
                "",
                "㎡",
                "m2",
                " m²",
                "平方米",
                "元",
                "万",
                "万元",
                "米",
                "mm",
                "层",
                "年",
                "度",
                "F",
                "kg",
                "%",
            ]
        )
    )
    pad = draw(st.sampled_from(SPACES))
    return pad + text + unit + draw(st.sampled_from(SPACES))


CELL = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-(10**60), 10**60),
    st.floats(),
    st.floats(-1e12, 1e12),
    st.decimals(),
    st.text(max_size=30),
    st.datetimes(),
    st.dates(),
    st.times(),
    number_texts(),
    st.sampled_from(WORDS),
    st.lists(st.integers(), max_size=2),
    st.builds(lambda a, b: a + b, st.sampled_from(WORDS), st.text(max_size=5)),
)

PLACE = st.tuples(st.integers(1, 10**6), st.text(max_size=10), st.text(max_size=10))


def _date_ok(v):
    d = dt.date.fromisoformat(v)
    return dt.date(1900, 1, 1) <= d <= dt.date(2100, 12, 31)


CHECKS = {
    "area_m2": (cells.parse_area_m2, lambda v: isinstance(v, Decimal) and 0 < v <= 10000),
    "money_yuan": (cells.parse_money_yuan, lambda v: isinstance(v, Decimal) and 0 <= v <= 10**9),
    "length_m": (cells.parse_length_m, lambda v: isinstance(v, Decimal) and 0 <= v <= 1000),
    "mm": (cells.parse_mm, lambda v: type(v) is int and 0 <= v <= 100000),
    "year": (cells.parse_year, lambda v: type(v) is int and 1800 <= v <= 2100),
    "storeys": (cells.parse_storeys, lambda v: type(v) is int and 1 <= v <= 100),
    "floor": (cells.parse_floor, lambda v: type(v) is int and 1 <= v <= 100),
    "date": (cells.parse_date, lambda v: isinstance(v, str) and _date_ok(v)),
    "bool": (cells.parse_bool, lambda v: type(v) is bool),
    "vote": (cells.parse_vote, lambda v: v in VOTES),
    "vote_source": (cells.parse_vote_source, lambda v: v in VOTE_SOURCES),
    "structure": (cells.parse_structure, lambda v: v in STRUCTURES),
    "entry_mode": (cells.parse_entry_mode, lambda v: v in ENTRY_MODES),
    "danger_grade": (cells.parse_danger_grade, lambda v: v in DANGER_GRADES),
    "pipes": (
        cells.parse_pipes,
        lambda v: isinstance(v, list) and len(set(v)) == len(v) and set(v) <= set(PIPE_TYPES),
    ),
    "text": (cells.parse_text, lambda v: isinstance(v, str) and 0 < len(v) <= 200),
    "door": (cells.parse_door, lambda v: isinstance(v, str) and 0 < len(v) <= 40),
}


def _is_empty(value) -> bool:
    return value is None or (
        isinstance(value, str)
        and not value.strip(" \t\r\n\v\f\u3000\u00a0\u2002\u2003\u2009\u200b\u202f\ufeff")
    )


@settings(max_examples=200, **FUZZ)
@given(value=CELL, place=PLACE, required=st.booleans())
def test_parsers_return_a_documented_value_or_a_cell_error(value, place, required):
    """Each value goes through every parser (one case per parser)."""
    row, column, sheet = place
    for kind, (parse, ok) in CHECKS.items():
        CASES[f"cell parser {kind}"] += 1
        try:
            got = parse(value, row, column, sheet, required=required)
        except CellError as e:
            assert (e.row, e.column, e.sheet) == (row, column, sheet)
            assert isinstance(e, InputError) and e.message_en and e.message_zh
            assert e.field == cells.cell_field(sheet, row, column)
            assert "\n" not in e.message_en
            continue
        if got is None or got == []:
            # empty only for an empty cell or a word that documents "none"
            assert not required or not _is_empty(value), (kind, value)
            continue
        assert ok(got), (kind, value, got)


@settings(max_examples=80, **FUZZ)
@given(
    d=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2),
    unit=st.sampled_from(["", "㎡", "m2", "m²", " m²", "平方米", "平米"]),
    full=st.booleans(),
    sep=st.booleans(),
    pad=st.sampled_from(SPACES),
)
def test_area_written_the_documented_ways_reads_exactly(d, unit, full, sep, pad):
    CASES["cell parser area_m2 (documented forms)"] += 1
    text = format(d, ",f" if sep else "f")
    if full:
        text = text.translate(FULL)
    assert cells.parse_area_m2(pad + text + unit + pad, 2, "面积") == d


@settings(max_examples=80, **FUZZ)
@given(
    yuan=st.integers(0, 10**9),
    wan=st.booleans(),
    sep=st.booleans(),
    full=st.booleans(),
    suffix=st.sampled_from(["", "元", "块"]),
)
def test_money_written_the_documented_ways_reads_exactly(yuan, wan, sep, full, suffix):
    CASES["cell parser money_yuan (documented forms)"] += 1
    d = Decimal(yuan)
    if wan:
        text = format(d / 10000, ",f" if sep else "f") + "万" + ("元" if suffix == "元" else "")
    else:
        text = format(yuan, ",d" if sep else "d") + suffix
    if full:
        text = text.translate(FULL)
    assert cells.parse_money_yuan(text, 2, "造价") == d


@settings(max_examples=60, **FUZZ)
@given(
    day=st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 12, 31)),
    form=st.sampled_from(
        ["iso", "slash", "dot", "cn", "compact", "serial", "serial_text", "date", "datetime"]
    ),
)
def test_dates_written_the_documented_ways_read_exactly(day, form):
    CASES["cell parser date (documented forms)"] += 1
    serial = (day - dt.date(1899, 12, 30)).days
    value = {
        "iso": day.isoformat(),
        "slash": f"{day.year}/{day.month}/{day.day}",
        "dot": f"{day.year}.{day.month}.{day.day}",
        "cn": f"{day.year}年{day.month}月{day.day}日",
        "compact": day.strftime("%Y%m%d"),
        "serial": serial,
        "serial_text": str(serial),
        "date": day,
        "datetime": dt.datetime(day.year, day.month, day.day, 13, 5),
    }[form]
    assert cells.parse_date(value, 3, "表决日期") == day.isoformat()


# --------------------------------------------------------------------------- whole files

HEADERS = [
    "小区",
    "楼栋",
    "单元",
    "建成年份",
    "层数",
    "结构",
    "门牌号",
    "楼层",
    "面积(㎡)",
    "业主",
    "表决",
    "表决日期",
]
VOTE_WORDS = {
    "yes": ["同意", "赞成", "yes", "√"],
    "no": ["反对", "no", "不同意"],
    "abstain": ["弃权", "abstain"],
    None: ["", "未投票", "未参与", None],
}


@st.composite
def streets(draw):
    """A small valid street: a list of household dicts (the truth) per unit."""
    rows = []
    for b in range(draw(st.integers(1, 2))):
        storeys = draw(st.integers(2, 7))
        year = draw(st.integers(1950, 2020))
        structure = draw(st.sampled_from(["砖混", "框架", "剪力墙", None]))
        for u in range(draw(st.integers(1, 2))):
            floors = draw(st.lists(st.integers(1, storeys), min_size=1, max_size=5))
            for i, floor in enumerate(floors):
                rows.append(
                    {
                        "community": "幸福里",
                        "building": f"{b + 3}号楼",
                        "unit": f"{u + 1}单元",
                        "year": year,
                        "storeys": storeys,
                        "structure": structure,
                        "door": f"{floor}{i:02d}",
                        "floor": floor,
                        "area": draw(
                            st.decimals(min_value=Decimal("20"), max_value=Decimal("300"), places=2)
                        ),
                        "owner_name": draw(
                            st.sampled_from(["张三", "李四", "O'Brien", "王 五", ""])
                        ),
                        "vote": draw(st.sampled_from(["yes", "no", "abstain", None])),
                        "date": draw(
                            st.one_of(
                                st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))
                            )
                        ),
                    }
                )
    return rows


def _render(draw, r, xlsx: bool):
    """One row of cells, each written in a randomly chosen documented (benign) way."""

    def num(v, units):
        form = draw(st.sampled_from(["plain", "text", "full", "unit", "space"]))
        if form == "plain":
            return v if xlsx else str(v)
        text = str(v)
        if form == "full":
            return text.translate(FULL)
        if form == "unit":
            return text + draw(st.sampled_from(units))
        if form == "space":
            return draw(st.sampled_from(SPACES[1:])) + text + "\u3000"
        return text

    area = r["area"]
    area_cell = num(
        float(area) if xlsx and area == Decimal(repr(float(area))) else area,
        ["㎡", "m2", " m²", "平方米"],
    )
    date = r["date"]
    if date is not None:
        form = draw(st.sampled_from(["iso", "cn", "serial", "date"]))
        serial = (date - dt.date(1899, 12, 30)).days
        date = {
            "iso": date.isoformat(),
            "cn": f"{date.year}年{date.month}月{date.day}日",
            "serial": serial if xlsx else str(serial),
            "date": date if xlsx else date.isoformat(),
        }[form]
    return [
        r["community"],
        r["building"],
        r["unit"],
        num(r["year"], ["年"]),
        num(r["storeys"], ["层"]),
        r["structure"],
        r["door"],
        num(r["floor"], ["层", "楼"]),
        area_cell,
        r["owner_name"],
        draw(st.sampled_from(VOTE_WORDS[r["vote"]])),
        date,
    ]


# hypothesis examples per file test (xlsx files cost ~50 ms each to write and read)
EXAMPLES_PER_FORMAT = {"benign": 20, "bad": 5, "arbitrary": 30}  # "bad": per kind

BAD = [
    "formula",
    "negative_area",
    "zero_area",
    "huge_area",
    "nan_area",
    "text_area",
    "bool_area",
    "floor_above",
    "text_year",
    "huge_money_as_area",
    "dup_door",
    "missing_door",
    "conflict_year",
    "merged",
    "error_value",
    "date_garbage",
]


def _write(path: Path, table: list[list], xlsx: bool, merges=(), encoding="utf-8-sig"):
    if xlsx:
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "户"
        for row in table:
            ws.append(row)
        for m in merges:
            ws.merge_cells(m)
        wb.save(path)
    else:
        buf = io.StringIO()
        w = csv.writer(buf)
        for row in table:
            w.writerow(["" if v is None else v for v in row])
        path.write_bytes(buf.getvalue().encode(encoding))


def _truth(preview):
    out = []
    for c in preview.project_delta.communities:
        for b in c.buildings:
            for u in b.units:
                for h in u.households:
                    out.append(
                        (
                            b.name,
                            u.name.split()[-1],
                            h.id,
                            h.floor,
                            h.area_m2,
                            h.vote,
                            h.vote_date,
                            b.info.storeys,
                            b.info.year_built,
                        )
                    )
    return sorted(out)


def _expected(rows):
    return sorted(
        (
            r["building"],
            r["unit"],
            r["door"],
            r["floor"],
            r["area"],
            r["vote"],
            r["date"].isoformat() if r["date"] else None,
            r["storeys"],
            r["year"],
        )
        for r in rows
    )


def _benign_variations_import_exactly(fmt, data, rows):
    xlsx = fmt == "xlsx"
    CASES[f"{fmt} importer (valid files, varied writing)"] += 1
    order = data.draw(st.permutations(range(len(HEADERS))))
    extra = data.draw(st.booleans())
    header = [HEADERS[i] for i in order] + (["备注x"] if extra else [])
    table = [header]
    for r in rows:
        cells_ = _render(data.draw, r, xlsx)
        table.append([cells_[i] for i in order] + (["随便"] if extra else []))
        if data.draw(st.integers(0, 9)) == 0:
            table.append([None] * len(header))  # blank rows are skipped
    enc = "utf-8-sig" if xlsx else data.draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"street.{fmt}"
        _write(p, table, xlsx, encoding=enc)
        pv = preview_import(p)
    assert pv.ok, [str(e) for e in pv.errors]
    assert pv.rows_ok == len(rows)
    assert len(pv.warnings) == (1 if extra else 0)
    assert _truth(pv) == _expected(rows)
    project = apply_import(Project("p"), pv)
    assert sum(len(u.households) for u in project.units()) == len(rows)


@settings(max_examples=EXAMPLES_PER_FORMAT["benign"], **FUZZ)
@given(data=st.data(), rows=streets())
def test_benign_variations_import_exactly_csv(data, rows):
    _benign_variations_import_exactly("csv", data, rows)


@settings(max_examples=EXAMPLES_PER_FORMAT["benign"] // 2, **FUZZ)
@given(data=st.data(), rows=streets())
def test_benign_variations_import_exactly_xlsx(data, rows):
    _benign_variations_import_exactly("xlsx", data, rows)


def _break(kind, table, rows, col, xlsx):
    """Put one bad cell into a rendered table; returns (row, column) expected or None."""
    i = 1  # first data row
    r = rows[0]
    if kind == "formula":
        table[i][col["面积(㎡)"]] = "=1+1"
    elif kind == "negative_area":
        table[i][col["面积(㎡)"]] = -r["area"] if xlsx else f"-{r['area']}"
    elif kind == "zero_area":
        table[i][col["面积(㎡)"]] = 0 if xlsx else "0"
    elif kind == "huge_area":
        table[i][col["面积(㎡)"]] = 10001 if xlsx else "10,001㎡"
    elif kind == "nan_area":
        table[i][col["面积(㎡)"]] = "nan"
    elif kind == "text_area":
        table[i][col["面积(㎡)"]] = "约六十平"
    elif kind == "bool_area":
        table[i][col["面积(㎡)"]] = True if xlsx else "是"
    elif kind == "floor_above":
        table[i][col["楼层"]] = r["storeys"] + 1
        table[i][col["门牌号"]] = "9999"
    elif kind == "text_year":
        table[i][col["建成年份"]] = "九十年代"
    elif kind == "huge_money_as_area":
        table[i][col["面积(㎡)"]] = "45万"
    elif kind == "missing_door":
        table[i][col["门牌号"]] = "\u3000"
    elif kind == "error_value":
        table[i][col["层数"]] = "#REF!"
    elif kind == "date_garbage":
        table[i][col["表决日期"]] = "2024-02-30"
    elif kind == "dup_door":
        table.append(list(table[i]))
        return len(table), "门牌号"
    elif kind == "conflict_year":
        extra = list(table[i])
        extra[col["门牌号"]] = "dup-year"
        extra[col["建成年份"]] = r["year"] + 1
        table.append(extra)
        return len(table), "建成年份"
    elif kind == "merged":
        return None
    column = {
        "formula": "面积(㎡)",
        "floor_above": "楼层",
        "text_year": "建成年份",
        "missing_door": "门牌号",
        "error_value": "层数",
        "date_garbage": "表决日期",
    }.get(kind, "面积(㎡)")
    return i + 1, column


def _one_bad_cell_imports_nothing(fmt, data, rows, kind):
    xlsx = fmt == "xlsx"
    if kind == "merged" and not xlsx:
        kind = "formula"
    CASES[f"{fmt} importer (one bad cell: {kind})"] += 1
    table = [list(HEADERS)] + [_render(data.draw, r, xlsx) for r in rows]
    col = {h: i for i, h in enumerate(HEADERS)}
    where = _break(kind, table, rows, col, xlsx)
    merges = []
    if kind == "merged":
        table.append(list(table[1]))
        table[-1][col["门牌号"]] = "merged-below"
        merges = [f"A2:A{len(table)}"]
        where = (2, "小区")
    if xlsx and kind in ("formula",) and data.draw(st.booleans()):
        table[1][col["面积(㎡)"]] = "=SUM(B2:B3)"
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"street.{fmt}"
        _write(p, table, xlsx, merges)
        pv = preview_import(p)
    assert pv.errors and pv.project_delta is None, kind
    found = {(e.row, e.column) for e in pv.errors}
    assert where in found, (kind, where, [str(e) for e in pv.errors])
    for e in pv.errors:
        assert e.message_zh and e.message_en
    project = Project("p")
    with pytest.raises(InputError):
        apply_import(project, pv)
    assert project.communities == []


@pytest.mark.parametrize("kind", BAD)
@settings(max_examples=EXAMPLES_PER_FORMAT["bad"], **FUZZ)
@given(data=st.data(), rows=streets())
def test_one_bad_cell_imports_nothing_csv(data, rows, kind):
    _one_bad_cell_imports_nothing("csv", data, rows, kind)


@pytest.mark.parametrize("kind", BAD)
@settings(max_examples=EXAMPLES_PER_FORMAT["bad"] - 2, **FUZZ)
@given(data=st.data(), rows=streets())
def test_one_bad_cell_imports_nothing_xlsx(data, rows, kind):
    _one_bad_cell_imports_nothing("xlsx", data, rows, kind)


HOSTILE_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
HOSTILE_CELL = st.one_of(
    st.none(),
    HOSTILE_TEXT,
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True),
    st.booleans(),
    st.sampled_from(WORDS),
    number_texts(),
    st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2200, 1, 1)),
)


def _arbitrary_tables_never_raise(fmt, header, body, merges):
    xlsx = fmt == "xlsx"
    CASES[f"{fmt} importer (arbitrary tables)"] += 1
    table = [header] + body
    ranges = []
    if xlsx:
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.utils import get_column_letter

        table = [
            [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row]
            for row in table
        ]
        table = [[v if not isinstance(v, float) or v == v else "nan" for v in row] for row in table]
        for r0, c0, dr, dc in merges:
            ranges.append(f"{get_column_letter(c0)}{r0}:{get_column_letter(c0 + dc)}{r0 + dr}")
        ranges = list(dict.fromkeys(ranges))
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"t.{fmt}"
        try:
            _write(p, table, xlsx, ranges if len(ranges) <= 1 else ranges[:1])
        except (ValueError, TypeError):
            return  # openpyxl refused to write it (not the importer's business)
        pv = preview_import(p)
        if pv.ok:
            project = apply_import(Project("p"), pv)
            for u in project.units():
                for h in u.households:
                    assert 1 <= h.floor <= u.building.storeys
                    assert 0 < h.area_m2 <= 10000
        else:
            assert pv.project_delta is None
            with pytest.raises(InputError):
                apply_import(Project("p"), pv)


@settings(max_examples=EXAMPLES_PER_FORMAT["arbitrary"], **FUZZ)
@given(
    header=st.lists(
        st.one_of(st.sampled_from(HEADERS + ["单元", "unit", "area", "x"]), HOSTILE_TEXT),
        max_size=14,
    ),
    body=st.lists(st.lists(HOSTILE_CELL, max_size=14), max_size=8),
    merges=st.lists(
        st.tuples(st.integers(1, 10), st.integers(1, 12), st.integers(0, 2), st.integers(0, 2)),
        max_size=2,
    ),
)
def test_arbitrary_tables_never_raise_csv(header, body, merges):
    _arbitrary_tables_never_raise("csv", header, body, merges)


@settings(max_examples=EXAMPLES_PER_FORMAT["arbitrary"] // 2, **FUZZ)
@given(
    header=st.lists(
        st.one_of(st.sampled_from(HEADERS + ["单元", "unit", "area", "x"]), HOSTILE_TEXT),
        max_size=14,
    ),
    body=st.lists(st.lists(HOSTILE_CELL, max_size=14), max_size=8),
    merges=st.lists(
        st.tuples(st.integers(1, 10), st.integers(1, 12), st.integers(0, 2), st.integers(0, 2)),
        max_size=2,
    ),
)
def test_arbitrary_tables_never_raise_xlsx(header, body, merges):
    _arbitrary_tables_never_raise("xlsx", header, body, merges)


def _assert_one_outcome(pv):
    """A preview is either importable (no error, something to apply) or refused (errors,
    each a one-line message in both languages, and nothing to apply)."""
    if pv.errors:
        assert pv.project_delta is None
        for e in pv.errors:
            for text in (e.message_zh, e.message_en):
                assert text.strip() and "\n" not in text and "Traceback" not in text, e
    else:
        assert pv.project_delta is not None


@settings(max_examples=60, **FUZZ)
@given(
    raw=st.binary(max_size=300),
    suffix=st.sampled_from([".csv", ".xlsx", ".txt"]),
    prefix=st.sampled_from([b"", b"PK\x03\x04", b"\xef\xbb\xbf", "小区,楼栋".encode()]),
)
def test_random_bytes_never_raise(raw, suffix, prefix):
    CASES["file importer (random bytes)"] += 1
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"f{suffix}"
        p.write_bytes(prefix + raw)
        pv = preview_import(p)
    _assert_one_outcome(pv)


@settings(max_examples=20, **FUZZ)
@given(
    cut=st.integers(0, 10**6),
    flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=4),
)
def test_damaged_sample_workbook_never_raises(cut, flips):
    CASES["xlsx importer (damaged workbook)"] += 1
    src = Path(__file__).resolve().parent.parent / "resources" / "sample" / "import-example.xlsx"
    data = bytearray(src.read_bytes())
    for pos, byte in flips:
        data[pos % len(data)] = byte
    data = data[: max(1, cut % (len(data) + 1))] if cut % 3 == 0 else data
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "x.xlsx"
        p.write_bytes(bytes(data))
        pv = preview_import(p)
    _assert_one_outcome(pv)
