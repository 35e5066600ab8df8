"""Errors in the reader's language: the Chinese text of every input error's message.

The engines, readers and the command line word their errors in English, naming the field
(:class:`~elevator_eval.errors.InputError`); the command line prints them so. The window
shows them in its language: the Chinese text of each message is written once, by template,
in ``elevator_eval/rules/vocabulary/input_errors.json`` (``"must be a number, got {}"`` →
``"须为数字，填的是 {0}"``). ``tools/error_templates.py`` lists the templates of the code,
and a test fails when one lacks its Chinese text.

Messages already written in both languages (``"中文 / English"``, as a project file's errors
are) are shown by their half in the reader's language.
"""

from __future__ import annotations

import errno
import re
from functools import lru_cache

from . import ruledata
from .errors import InputError
from .field_names import field_zh
from .vocabulary import has_cjk, split_bilingual

PLACEHOLDER = "{}"
"""How a template marks a value the message inserts."""

KINDS_ZH = {
    "an object": "对象",
    "a list": "列表",
    "a string": "文字",
    "a number": "数字",
    "true/false": "true/false",
    "null": "null",
}
"""What a JSON value is (``unitfile_fields.kind_of``), in Chinese."""

FIELDS_ZH = {
    "file": "文件",
    "import": "导入",
    "arguments": "参数",
    "cell": "单元格",
    "stage": "办理进度",
    "date": "日期",
}
"""Fields named by a plain word rather than a key of the file, in Chinese."""

OS_ERRORS_ZH = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "磁盘或文件夹只读",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.EEXIST: "已经存在",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EBUSY: "正被其他程序占用",
}
"""The system's file errors a user meets (saving, exporting, reading), in Chinese."""

MAX_DEPTH = 2
"""How deep a message inside a message is translated (``"unit 3: must be text"``)."""
MAX_INNER_CHARS = 500
"""A longer value is a value, not a message inside the message."""

_NUMBERED = re.compile(r"\{(\d+)\}")


@lru_cache(maxsize=1)
def catalogue() -> tuple[tuple[tuple[str, ...], str, bool], ...]:
    """The templates cut at their values (``("must be a number, got ", "")``) with their
    Chinese texts and whether the template is itself written in both languages, the most
    specific first (the one with the most text of its own); read on first use."""
    data = ruledata.load("vocabulary", "input_errors", field="vocabulary")
    entries = []
    for english, chinese in data["messages"].items():
        parts = tuple(english.split(PLACEHOLDER))
        own = sum(len(p) for p in parts)
        if own == 0:
            continue  # a bare value: nothing to translate
        entries.append((own, parts, chinese, has_cjk(english)))
    entries.sort(key=lambda e: -e[0])
    return tuple(e[1:] for e in entries)


def values_in(message: str, parts: tuple[str, ...]) -> list[str] | None:
    """The values a message inserts between the template's ``parts``, or ``None`` when it
    is not that template's message. Each part after the first is found at its first place
    (as a regular expression with lazy groups would), the last one at the end: linear in
    the message's length, whatever the values hold."""
    first, last = parts[0], parts[-1]
    if len(parts) == 1:
        return [] if message == first else None
    if not message.startswith(first) or not message.endswith(last):
        return None
    end = len(message) - len(last)
    if end < len(first):
        return None
    values, pos = [], len(first)
    for part in parts[1:-1]:
        i = message.find(part, pos, end)
        if i < 0:
            return None
        values.append(message[pos:i])
        pos = i + len(part)
    values.append(message[pos:end])
    return values


def message_zh(message: str, depth: int = 0) -> str | None:
    """The Chinese text of an English error message, or ``None`` when it has none.

    Parameters
    ----------
    message : str
        The message as an error carries it (without its field).
    depth : int
        How many messages this one is inside (values that are messages themselves are
        translated up to :data:`MAX_DEPTH`).

    Examples
    --------
    >>> message_zh("must be a number, got 'abc'")
    "须为数字，填的是 'abc'"
    """
    if not message:
        return None
    zh, en = halves(message)
    both = zh != en  # written in both languages: only such a template may match it
    for parts, chinese, bilingual in catalogue():
        if both and not bilingual:
            continue
        values = values_in(message, parts)
        if values is None:
            continue
        return _filled(chinese, [_value_zh(v, depth) for v in values])
    return zh if both else None


def _filled(chinese: str, values: list[str]) -> str:
    """The Chinese template with its ``{0}``, ``{1}`` … replaced by ``values``."""
    return _NUMBERED.sub(lambda n: values[int(n.group(1))], chinese)


def _value_zh(value: str, depth: int) -> str:
    if value in KINDS_ZH:
        return KINDS_ZH[value]
    if depth < MAX_DEPTH and len(value) <= MAX_INNER_CHARS and " " in value and not has_cjk(value):
        inner = message_zh(value, depth + 1)
        if inner is not None:
            return inner
    return value


def halves(text: str) -> tuple[str, str]:
    """``(zh, en)`` of a message written in both languages, in either order (``"中文 /
    English"`` or ``"English / 中文"``); a message in one language is both."""
    zh, en = split_bilingual(text)
    if zh != en:
        return zh, en
    i = text.rfind(" / ")
    if i > 0 and has_cjk(text[i + 3 : i + 4]) and not has_cjk(text[:i]):
        return text[i + 3 :].strip(), text[:i].rstrip()
    return text, text


def error_text(error: BaseException, lang: str, field: str | None = None) -> str:
    """The text of an error for a reader of ``lang`` (``"zh"`` or ``"en"``).

    An input error reads ``field：消息`` / ``field: message`` (``field``, when given, names
    the field instead of the error's own path: the label a form shows; in Chinese the path
    is named first, :func:`path_zh`); other errors by their half in that language. English
    messages without a Chinese text stay English."""
    if isinstance(error, InputError):
        message = str(error.message)
        if lang == "zh":
            own = error.message_zh
            text = own if own and own != message else message_zh(message) or message
            name = field
            if name is None:
                name = error.field_zh or FIELDS_ZH.get(error.field) or path_zh(error.field)
            return f"{name}：{text}" if name else text
        name = error.field if field is None else field
        text = error.message_en or halves(message)[1]
        return f"{name}: {text}" if name else text
    if isinstance(error, OSError) and error.strerror:
        return _os_error_text(error, lang)
    text = str(error)
    if lang == "zh":
        return message_zh(text) or text
    return halves(text)[1]


def path_zh(path: str) -> str:
    """A field's path with its Chinese name before it, ``第 2 户·表决意见（households[1].vote）``
    (:func:`~elevator_eval.field_names.field_zh`); the path alone when it has none."""
    name = field_zh(path)
    return f"{name}（{path}）" if name else path


def _os_error_text(error: OSError, lang: str) -> str:
    """A file error as ``没有权限：/path`` / ``Permission denied: /path`` (no errno)."""
    what = OS_ERRORS_ZH.get(error.errno or 0) if lang == "zh" else None
    what = what or str(error.strerror)
    where = error.filename
    return f"{what}{'：' if lang == 'zh' else ': '}{where}" if where else what
