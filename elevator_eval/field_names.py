"""A unit file's fields named in Chinese: ``households[1].vote`` → ``第 2 户·表决意见``.

The readers and engines name a bad field by its path in the file
(:attr:`~elevator_eval.errors.InputError.field`), and the command line prints that path.
The window puts the field's Chinese name before it (:mod:`elevator_eval.error_text`), so
that a clerk reads which household and which value, and a consultant still finds the path
in the file.

The words are data, ``elevator_eval/rules/vocabulary/field_names.json``: a name for each
top-level key (``top``), each other key (``keys``), a key under a given parent
(``keys_in``: ``households.id`` is 户号), an item of a list (``items``: ``第 {0} 户``;
any other list's item by ``item``), a corner's two coordinates (``points``,
``coordinates``) and a floor's key in a table by floor (``floor_keys``, ``floor``). Cost
lines, running-cost lines and the site survey's fields are named as the vocabulary names
them everywhere (:mod:`elevator_eval.vocabulary`); a cost line the file names itself
keeps its own name.

A path with a part these words do not name (a key the file made up, a rule file's inner
path) has no Chinese name: :func:`field_zh` returns ``None`` and the path is shown as it
is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import ruledata
from .vocabulary import pairs

MAX_PATH_CHARS = 400
"""A longer field is not a path of a unit file: it is shown as it is."""

_PIECE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*|[0-9]{1,3})((?:\[[0-9]{1,6}\])*)")
"""One dotted part of a path: a key (or a floor's number), then its list indices."""
_INDEX = re.compile(r"\[([0-9]+)\]")
_IN_UNIT = re.compile(r"unit ([^\s:]{0,80})(?: household ([^\s:]{1,40}))?: (.+)", re.DOTALL)
"""A project's field inside one of its units (and one of its households), as the project's
readers name it: ``unit GY-6-2: process.upkeep.payments[0].household``."""

_VOCABULARY_OF = {"items_yuan": "cost_items", "annual_om_yuan": "annual_items"}
"""Keys whose children are named by a table of the vocabulary."""


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """The names (``field_names.json``), read on first use."""
    return ruledata.load("vocabulary", "field_names", field="vocabulary")


def field_zh(path: str) -> str | None:
    """The Chinese name of a unit file's field, or ``None`` when a part has no name.

    Parameters
    ----------
    path : str
        The field's path as an input error names it: keys joined by ``.``, list items by
        ``[i]`` counted from 0 (``site.plan.windows[0].sill_height_m``), optionally inside
        a project's unit (``unit XFL-3-2: households[1].vote``) or household
        (``unit XFL-3-2 household 101: intent.date``).

    Returns
    -------
    str or None
        The parts' names joined by ``·``, items counted from 1 (``第 1 扇窗·窗台高度``).

    Examples
    --------
    >>> field_zh("households[3].area_m2")
    '第 4 户·专有部分面积'
    >>> field_zh("share.coefficients.6")
    '费用分摊·楼层系数·6 层'
    >>> field_zh("unit GY-6-2: process.upkeep.payments[0].household")
    '单元 GY-6-2·办理记录·运维·第 1 笔缴费·门牌'
    >>> field_zh("households[0].favourite_colour") is None
    True
    """
    if not isinstance(path, str) or not path or len(path) > MAX_PATH_CHARS:
        return None
    inside = _IN_UNIT.fullmatch(path)
    if inside is not None:
        unit, household, rest = inside.groups()
        name = field_zh(rest)
        if name is None:
            return None
        if household:
            name = words()["in_household"].format(household, name)
        return words()["in_unit"].format(unit, name) if unit else name
    names: list[str] = []
    parent: str | None = None
    for piece in path.split("."):
        match = _PIECE.fullmatch(piece)
        if match is None:
            return None
        key = match.group(1)
        name = _key_name(parent, key)
        if name is None:
            return None
        indices = [int(i) for i in _INDEX.findall(match.group(2))]
        named = _with_items(key, name, indices)
        if named is None:
            return None
        names.extend(named)
        parent = key
    return "·".join(names)


def _key_name(parent: str | None, key: str) -> str | None:
    """The name of ``key`` under ``parent`` (``None``: at the top of the file)."""
    w = words()
    if key.isdigit():
        return w["floor"].format(int(key)) if parent in w["floor_keys"] else None
    if parent is None:
        return _text(w["top"].get(key))
    if parent in _VOCABULARY_OF:  # a line the file names itself keeps its own name
        pair = pairs(_VOCABULARY_OF[parent]).get(key)
        return key if pair is None else pair[0]
    if parent == "site":  # a survey field as the documents name it
        pair = pairs("site_fields").get(key)
        if pair is not None:
            return pair[0]
    return _text(w["keys_in"].get(f"{parent}.{key}") or w["keys"].get(key))


def _text(name: object) -> str | None:
    return None if name is None else str(name)


def _with_items(key: str, name: str, indices: list[int]) -> list[str] | None:
    """``name`` with the list items ``indices`` of ``key`` (a corner's coordinate as the
    second index of a list of points)."""
    w = words()
    if not indices:
        return [name]
    template = w["items"].get(key, w["item"])
    out = [template.format(indices[0] + 1, name)]
    if len(indices) == 1:
        return out
    if len(indices) == 2 and key in w["points"] and indices[1] < len(w["coordinates"]):
        return [*out, w["coordinates"][indices[1]]]
    return None
