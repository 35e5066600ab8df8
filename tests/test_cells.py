"""Cell parsing: every documented rule of docs/import-rules.md §3, value by value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from elevator_eval.errors import InputError
from elevator_eval.io import cells
from elevator_eval.io.cellguard import needs_quote
from elevator_eval.io.cells import CellError

D = Decimal


@pytest.mark.parametrize(
    "text, expected",
    [
        ("56.3", D("56.3")),
        ("５６．３", D("56.3")),
        ("56.3㎡", D("56.3")),
        ("56.3平方米", D("56.3")),
        ("56.3m2", D("56.3")),
        ("56.3 m²", D("56.3")),
        ("56.3平米", D("56.3")),
        ("\u300056.3\u00a0", D("56.3")),
        (" 56.30 ", D("56.30")),
        ("1,056.3", D("1056.3")),
        ("1，056．3", D("1056.3")),
        (56.3, D("56.3")),
        (72, D(72)),
        ("'56.3", None),
    ],
)
def test_area_examples(text, expected):
    if expected is None:
        with pytest.raises(CellError):
            cells.parse_area_m2(text, 4, "面积")
    else:
        got = cells.parse_area_m2(text, 4, "面积")
        assert got == expected and isinstance(got, Decimal)


@pytest.mark.parametrize(
    "bad",
    [
        "-56.3",
        0,
        "0",
        -1,
        10000.01,
        "20000㎡",
        float("nan"),
        float("inf"),
        "nan",
        "Infinity",
        "1e3",
        "56,3",
        "五十六",
        True,
        dt.date(2024, 1, 1),
        "=A1*2",
        "＝A1",
        "#DIV/0!",
        "#N/A",
        "1" * 60,
        [1],
        D("NaN"),
    ],
)
def test_area_rejects(bad):
    with pytest.raises(CellError) as info:
        cells.parse_area_m2(bad, 7, "面积(㎡)", "户")
    e = info.value
    assert isinstance(e, InputError)
    assert (e.sheet, e.row, e.column) == ("户", 7, "面积(㎡)")
    assert e.field == "sheet 户, row 7, column 面积(㎡)"
    assert e.message_zh and e.message_en


def test_area_boundary_10000_is_accepted():
    assert cells.parse_area_m2("10000", 1, "a") == D(10000)


def test_formula_message_says_type_the_value():
    with pytest.raises(CellError) as info:
        cells.parse_money_yuan("=SUM(A1:A3)", 3, "造价")
    assert "formula" in info.value.message_en and "type the value" in info.value.message_en
    assert "公式" in info.value.message_zh


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12000", 12000),
        ("12,000", 12000),
        ("12，000", 12000),
        ("12,000元", 12000),
        ("45万", 450000),
        ("4.5万元", 45000),
        ("￥12000", 12000),
        ("１２０００", 12000),
        (0, 0),
        ("1,234,567.5", D("1234567.5")),
        (10**9, 10**9),
    ],
)
def test_money_examples(text, expected):
    assert cells.parse_money_yuan(text, 2, "造价") == D(expected)


@pytest.mark.parametrize("bad", ["-1", -0.01, 10**9 + 1, "100001万", "12,00", "万", "abc"])
def test_money_rejects(bad):
    with pytest.raises(CellError):
        cells.parse_money_yuan(bad, 2, "造价")


@pytest.mark.parametrize(
    "value, expected",
    [
        (45356, "2024-03-05"),
        (45356.75, "2024-03-05"),
        ("45356", "2024-03-05"),
        (1, "1900-01-01"),
        (59, "1900-02-28"),
        (61, "1900-03-01"),
        ("2024-03-05", "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
        ("2024.3.5", "2024-03-05"),
        ("2024年3月5日", "2024-03-05"),
        ("２０２４年３月５日", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("2024-03-05 10:30", "2024-03-05"),
        (dt.datetime(2024, 3, 5, 9, 0), "2024-03-05"),
        (dt.date(2024, 3, 5), "2024-03-05"),
    ],
)
def test_dates(value, expected):
    assert cells.parse_date(value, 9, "表决日期") == expected


@pytest.mark.parametrize(
    "bad",
    [
        60,
        0,
        -3,
        "2024-02-30",
        "2023-02-29",
        "2024-13-01",
        "March 5",
        True,
        3e9,
        "2101-01-01",
        "1899-12-31",
        "2024-03-05abc",
        float("nan"),
    ],
)
def test_dates_reject(bad):
    with pytest.raises(CellError):
        cells.parse_date(bad, 9, "表决日期")


def test_excel_serial_matches_excel_epoch():
    # 1900 system: serial 61 is 1900-03-01, and 45292 is 2024-01-01 (a well-known pair)
    assert cells.excel_serial_to_date(45292) == dt.date(2024, 1, 1)
    assert cells.excel_serial_to_date(61) == dt.date(1900, 3, 1)


@pytest.mark.parametrize(
    "word", ["是", "Y", "y", "Ｙ", "yes", "TRUE", "true", "1", 1, 1.0, True, "√", "✓", "对", "有"]
)
def test_bool_true(word):
    assert cells.parse_bool(word, 1, "红线内") is True


@pytest.mark.parametrize(
    "word", ["否", "N", "no", "FALSE", "0", 0, False, "×", "✗", "x", "错", "无"]
)
def test_bool_false(word):
    assert cells.parse_bool(word, 1, "红线内") is False


@pytest.mark.parametrize("bad", ["maybe", 2, 0.5, "是的吧"])
def test_bool_rejects(bad):
    with pytest.raises(CellError):
        cells.parse_bool(bad, 1, "红线内")


@pytest.mark.parametrize(
    "word, vote",
    [
        ("同意", "yes"),
        ("赞成", "yes"),
        ("yes", "yes"),
        ("YES", "yes"),
        ("反对", "no"),
        ("no", "no"),
        ("不同意", "no"),
        ("弃权", "abstain"),
        ("abstain", "abstain"),
        ("", None),
        (None, None),
        ("未投票", None),
        ("未参与", None),
        ("\u3000", None),
    ],
)
def test_votes(word, vote):
    assert cells.parse_vote(word, 1, "表决") == vote


def test_vote_rejects_numbers_and_unknown_words():
    for bad in (1, "可以", 0.0):
        with pytest.raises(CellError):
            cells.parse_vote(bad, 1, "表决")


@pytest.mark.parametrize(
    "word, value",
    [
        ("砖混", "masonry"),
        ("砖混结构", "masonry"),
        ("框架", "frame"),
        ("剪力墙", "shear_wall"),
        ("其他", "other"),
        ("Masonry", "masonry"),
        ("", None),
    ],
)
def test_structure(word, value):
    assert cells.parse_structure(word, 1, "结构") == value


@pytest.mark.parametrize(
    "word, value",
    [
        ("半层", "half_landing"),
        ("半层入户", "half_landing"),
        ("平层", "flat"),
        ("平层入户", "flat"),
        ("flat", "flat"),
    ],
)
def test_entry_mode(word, value):
    assert cells.parse_entry_mode(word, 1, "入户方式") == value


@pytest.mark.parametrize(
    "word, value",
    [("A", "A"), ("Ａ", "A"), ("b", "B"), ("C级", "C"), ("Ｄ", "D"), ("", None), ("未鉴定", None)],
)
def test_danger_grade(word, value):
    assert cells.parse_danger_grade(word, 1, "危房等级") == value


def test_danger_grade_rejects_e():
    with pytest.raises(CellError):
        cells.parse_danger_grade("E", 1, "危房等级")


@pytest.mark.parametrize(
    "text, pipes",
    [
        ("燃气、给水", ["gas", "water"]),
        ("燃气，给水", ["gas", "water"]),
        ("给水 通信", ["water", "telecom"]),
        ("天然气/自来水/燃气", ["gas", "water"]),
        ("无", []),
        ("", []),
        ("暖气;排水", ["heating", "drainage"]),
    ],
)
def test_pipes(text, pipes):
    assert cells.parse_pipes(text, 1, "管线") == pipes


def test_pipes_unknown_word_names_it():
    with pytest.raises(CellError) as info:
        cells.parse_pipes("燃气、地铁", 5, "管线")
    assert "地铁" in info.value.message_en


@pytest.mark.parametrize(
    "value, text",
    [(301, "301"), (301.0, "301"), ("３０１", "301"), (" 3 01 ", "301"), ("A-301", "A-301")],
)
def test_door(value, text):
    assert cells.parse_door(value, 1, "门牌号") == text


def test_text_keeps_names_and_reads_phone_numbers():
    assert cells.parse_text(" 张三 ", 1, "业主") == "张三"
    assert cells.parse_text(13800138000, 1, "电话") == "13800138000"
    assert cells.parse_text("'=1+2", 1, "业主") == "=1+2"  # the exporter's protection
    for bad in (56.3, True, "a\x00b", "x" * 201):
        with pytest.raises(CellError):
            cells.parse_text(bad, 1, "业主")


@pytest.mark.parametrize(
    "value, n", [(6, 6), (6.0, 6), ("6层", 6), ("６", 6), ("6F", 6), ("6楼", 6)]
)
def test_storeys_and_floor(value, n):
    assert cells.parse_storeys(value, 1, "层数") == n
    assert cells.parse_floor(value, 1, "楼层") == n


@pytest.mark.parametrize("bad", [6.5, 0, -1, 101, "六"])
def test_floor_rejects(bad):
    with pytest.raises(CellError):
        cells.parse_floor(bad, 1, "楼层")


def test_year():
    assert cells.parse_year("1992年", 1, "建成年份") == 1992
    with pytest.raises(CellError) as info:
        cells.parse_year("八十年代", 38, "建成年份")
    assert "year" in info.value.message_en


def test_length_and_mm():
    assert cells.parse_length_m("2.6米", 1, "宽") == D("2.6")
    assert cells.parse_length_m("2.6 m", 1, "宽") == D("2.6")
    assert cells.parse_mm("1,400毫米", 1, "底坑") == 1400
    with pytest.raises(CellError):
        cells.parse_mm("1400.5", 1, "底坑")
    with pytest.raises(CellError):
        cells.parse_length_m("-1", 1, "宽")


def test_required_empty_cells():
    for parse in (cells.parse_area_m2, cells.parse_text, cells.parse_floor):
        assert parse("  ", 1, "x") is None
        with pytest.raises(CellError) as info:
            parse("\u3000", 3, "x", required=True)
        assert info.value.row == 3


def test_formula_objects_rejected():
    from openpyxl.worksheet.formula import ArrayFormula

    with pytest.raises(CellError):
        cells.parse_area_m2(ArrayFormula("A1:A2", "=A1"), 1, "面积")


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("=1+2", True),
        ("+86", True),
        ("-3", True),
        ("@SUM(A1)", True),
        ("\tx", True),
        ("\rx", True),
        ("＝1", True),
        ("＋1", True),
        ("－1", True),
        ("＠x", True),
        (" =1", True),
        ("\u3000=1", True),
        ("张三", False),
        ("", False),
        ("a=b", False),
    ],
)
def test_needs_quote(text, quoted):
    assert needs_quote(text) is quoted
