"""Errors in the reader's language (``elevator_eval.error_text``): every input error the code
can raise has its Chinese text, values are carried over, a message inside a message is told
in Chinese too, and messages written in both languages are shown by one half."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elevator_eval import error_text, project_settings, ruledata, unitfile_fields
from elevator_eval.error_text import PLACEHOLDER
from elevator_eval.errors import InputError, ProjectFileError
from elevator_eval.io.cell_core import CellError
from elevator_eval.vocabulary import has_cjk
from tools.error_templates import catalogue_path, templates

CATALOGUE = json.loads(catalogue_path().read_text(encoding="utf-8"))["messages"]


def test_every_input_error_of_the_code_has_its_chinese_text():
    missing = {t: w[0] for t, w in templates().items() if t not in CATALOGUE}
    assert missing == {}, "run tools/error_templates.py --skeleton and fill these in"


def test_no_chinese_text_is_left_without_its_message():
    assert sorted(set(CATALOGUE) - set(templates())) == []


def test_the_extraction_reads_strings_f_strings_and_joined_strings(tmp_path):
    (tmp_path / "m.py").write_text(
        "raise InputError('a', 'is required')\n"
        "raise InputError('b', f'must be at most {hi}, got {value!r}')\n"
        "raise InputError('c', f'unit {u}: ' + 'more')\n"
        "raise errors.InputError('d', message)\n"
        "raise ValueError('x', 'not an input error')\n",
        encoding="utf-8",
    )
    assert sorted(templates(tmp_path)) == [
        "is required",
        "must be at most {}, got {}",
        "unit {}: more",
    ]


@pytest.mark.parametrize("english", sorted(CATALOGUE))
def test_each_chinese_text_has_the_values_of_its_message_once(english):
    chinese = CATALOGUE[english]
    n = english.count(PLACEHOLDER)
    numbered = re.findall(r"\{(\d+)\}", chinese)
    assert sorted(numbered) == [str(i) for i in range(n)], (english, chinese)
    assert has_cjk(chinese) or not re.search(r"[A-Za-z]{3,}", english.replace("{}", ""))
    assert not chinese.endswith("。")


def test_the_catalogue_is_a_rule_file_with_its_source():
    data = ruledata.load("vocabulary", "input_errors", field="vocabulary")
    assert data["source"] and data["messages"]


# Worked examples: what a clerk reads in the Chinese window (written by hand).
@pytest.mark.parametrize(
    ("error", "zh", "en"),
    [
        (
            InputError("households[3].area_m2", "must be a number, got 'abc'"),
            "第 4 户·专有部分面积（households[3].area_m2）：须为数字，填的是 'abc'",
            "households[3].area_m2: must be a number, got 'abc'",
        ),
        (
            InputError("settings.organisation", "must be an object, got a list"),
            "settings.organisation：须为对象，填的是 列表",
            "settings.organisation: must be an object, got a list",
        ),
        (  # a message inside a message
            InputError("rules", "GY-3-1: must be text"),
            "规则集（rules）：GY-3-1：须为文字",
            "rules: GY-3-1: must be text",
        ),
        (  # two values, in the order Chinese puts them
            InputError("--resident", "no owner 'O9' in unit GY-3-1"),
            "--resident：单元 GY-3-1 中没有业主 'O9'",
            "--resident: no owner 'O9' in unit GY-3-1",
        ),
        (  # written in both languages, English first
            InputError(
                "import",
                "unit GY-3-1 already exists in the project; nothing was imported / "
                "项目中已有该单元，未导入",
            ),
            "导入：项目中已有单元 GY-3-1，未导入",
            "import: unit GY-3-1 already exists in the project; nothing was imported",
        ),
        (  # a message the catalogue does not know stays as it is
            InputError("x", "a message nobody wrote"),
            "x：a message nobody wrote",
            "x: a message nobody wrote",
        ),
        (  # no field
            InputError("", "must not be empty"),
            "不能为空",
            "must not be empty",
        ),
    ],
)
def test_worked_examples(error, zh, en):
    assert error_text.error_text(error, "zh") == zh
    assert error_text.error_text(error, "en") == en


def test_a_cell_error_keeps_its_own_chinese():
    e = CellError(7, "面积", "must be a number", "须为数字（平方米）", sheet="住户")
    assert error_text.error_text(e, "zh") == "工作表 住户，第 7 行，面积：须为数字（平方米）"
    assert error_text.error_text(e, "en") == "sheet 住户, row 7, column 面积: must be a number"


def test_a_project_file_error_is_told_by_its_half():
    e = ProjectFileError(
        "无法打开项目文件“a.eeproj”：已损坏 / cannot open project file a.eeproj: corrupt"
    )
    assert error_text.error_text(e, "zh") == "无法打开项目文件“a.eeproj”：已损坏"
    assert error_text.error_text(e, "en") == "cannot open project file a.eeproj: corrupt"


def test_a_form_names_the_field_by_its_label():
    e = InputError("organisation.contact_phone", "must be a phone number (digits, spaces, + - ( ))")
    assert (
        error_text.error_text(e, "zh", "联系电话")
        == "联系电话：须为电话号码（数字、空格、+ - ( )）"
    )
    assert error_text.error_text(e, "en", "Contact phone") == (
        "Contact phone: must be a phone number (digits, spaces, + - ( ))"
    )


def _raised(call) -> InputError:
    with pytest.raises(InputError) as info:
        call()
    return info.value


@pytest.mark.parametrize(
    "call",
    [
        lambda: project_settings.set_value({}, "organisation.contact_phone", "call me"),
        lambda: project_settings.set_value({}, "default_rules", "no-such-rules"),
        lambda: project_settings.set_value({}, "colour", "red"),
        lambda: unitfile_fields.as_int("x", "storeys"),
        lambda: unitfile_fields.as_int(7, "storeys", hi=6),
        lambda: ruledata.load("consent", "no-such-file", field="share.table"),
    ],
)
def test_errors_the_code_raises_read_in_chinese(call):
    """Errors raised by the engines themselves: the message part is Chinese, with no
    English words of the message left (values and names of fields may stay)."""
    e = _raised(call)
    text = error_text.error_text(e, "zh")
    message = text.split("：", 1)[1]
    assert has_cjk(message), text
    words = set(re.findall(r"[a-z]{4,}", message)) - set(re.findall(r"[a-z]{4,}", str(e.field)))
    english = {"must", "required", "unknown", "known", "settable", "number", "whole", "got"}
    assert not (words & english), text


def _workbook(tmp_path, header, rows):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    path = tmp_path / "votes.xlsx"
    wb.save(path)
    return path


def test_a_missing_column_is_told_in_chinese_with_the_columns_name(tmp_path):
    from elevator_eval.io.process_import import preview_votes
    from elevator_eval.resources import sample_project_path
    from elevator_eval.store import open_project

    path = _workbook(tmp_path, ["单元", "门牌"], [["GY-3-1", "101"]])
    e = _raised(lambda: preview_votes(open_project(sample_project_path()), path))
    zh = error_text.error_text(e, "zh")
    assert zh.startswith("文件：第 1 行：缺少列 ") and has_cjk(zh), zh
    assert not re.search(r"[a-z]{4,}", zh), zh
    assert error_text.error_text(e, "en").startswith("file: row 1: missing column")


def test_a_file_error_names_the_file_without_the_systems_number(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    with pytest.raises(OSError) as info:
        (tmp_path / "missing" / "out.pdf").write_bytes(b"")
    e = info.value
    assert error_text.error_text(e, "zh") == f"文件或文件夹不存在：{e.filename}"
    assert error_text.error_text(e, "en") == f"No such file or directory: {e.filename}"
    denied = PermissionError(13, "Permission denied", str(folder))
    assert error_text.error_text(denied, "zh") == f"没有权限：{folder}"
    assert error_text.error_text(OSError(28, "No space left on device"), "zh") == "磁盘空间不足"


@given(
    parts=st.lists(st.text(alphabet="ab: ()", max_size=4), min_size=1, max_size=4),
    message=st.text(alphabet="ab: ()x", max_size=24),
)
def test_values_are_cut_as_a_lazy_regular_expression_cuts_them(parts, message):
    """The cut (linear in the message) finds the same values as ``(.*?)`` groups between the
    template's parts would, or none when they find none (without their backtracking, which
    took minutes on a long value)."""
    pattern = re.compile("(.*?)".join(re.escape(p) for p in parts), re.S)
    m = pattern.fullmatch(message)
    got = error_text.values_in(message, tuple(parts))
    assert (got is None) == (m is None)
    if m is not None:
        assert got == list(m.groups())


def test_a_long_value_is_carried_over_whole():
    value = repr("x, " * 20_000)
    zh = error_text.message_zh(f"unknown pipe type {value} (known: gas, water)")
    assert zh == f"未知的管线类型 {value}（可选：gas, water）"


@given(
    field=st.text(max_size=20),
    message=st.one_of(
        st.text(max_size=60),
        st.sampled_from(sorted(CATALOGUE)).map(lambda t: t.replace("{}", "{0} / 中文 {}")),
    ),
)
def test_any_message_is_told_without_an_error_of_its_own(field, message):
    """Hostile text (braces, "{0}", both languages, any characters) in a field or a message
    never makes the telling fail: the window has something to show."""
    e = InputError(field, message)
    for lang in ("zh", "en"):
        text = error_text.error_text(e, lang)
        assert isinstance(text, str) and (text or not (field or message))


def test_an_error_crosses_to_another_process_whole():
    """Pickled (as to and from a worker process), an input error and a cell's error keep
    their class, text and every attribute: the window tells them the same."""
    import pickle

    errors = [
        InputError("households[3].area_m2", "must be a number, got 'abc'"),
        InputError("stage", "a / 中", message_zh="中文", message_en="English"),
        CellError(7, "面积", "must be a number", "须为数字（平方米）", sheet="住户", value="x"),
    ]
    for e in errors:
        back = pickle.loads(pickle.dumps(e))
        assert type(back) is type(e) and str(back) == str(e) and vars(back) == vars(e)
        for lang in ("zh", "en"):
            assert error_text.error_text(back, lang) == error_text.error_text(e, lang)


def test_one_owners_two_votes_are_named_by_their_words_in_chinese():
    """The clerk reads 同意 and 反对, not the file's codes; the command line keeps them."""
    from elevator_eval.consent import owners_of
    from elevator_eval.unitfile import unit_from_dict

    data = json.loads((Path(__file__).parent / "data" / "xingfuli-3-2.unit.json").read_text())
    first, second = data["households"][:2]
    second["owner"] = first["owner"]
    first["vote"], second["vote"] = "yes", None
    with pytest.raises(InputError) as e:
        owners_of(unit_from_dict(data))
    owner = first["owner"]
    assert error_text.error_text(e.value, "zh").endswith(
        f"业主 {owner} 名下各户的表决票不一致（{first['id']} 为“同意”，{second['id']} 为“未参与”）"
        "；一名业主只能投一票"
    )
    assert f"('yes' for {first['id']}, None for {second['id']})" in str(e.value)
