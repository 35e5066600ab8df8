"""The model's ``==`` and ``repr`` (``model.Record``) answer as the methods ``dataclasses``
generates: each class is compared with a twin made by ``dataclasses`` itself, on every
object of the sample street and on objects that differ in one field."""

from __future__ import annotations

import copy
from dataclasses import dataclass, fields, replace
from decimal import Decimal

import pytest

from elevator_eval.audit import VoteEvent
from elevator_eval.concurrency import FileBase, MergeResult
from elevator_eval.model import (
    Building,
    BuildingInfo,
    Community,
    Costs,
    Household,
    Project,
    Record,
    ShareSettings,
    Site,
    Unit,
)
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project

CLASSES = (
    BuildingInfo,
    Site,
    Household,
    Costs,
    ShareSettings,
    Unit,
    Building,
    Community,
    Project,
    VoteEvent,
    FileBase,
    MergeResult,
)


def _twin_class(cls):
    """``cls`` with the ``__eq__`` and ``__repr__`` that ``dataclasses`` generates (the same
    fields, flags and qualified name)."""
    twin = dataclass(type(cls.__name__, (cls,), {"__module__": cls.__module__}))
    twin.__qualname__ = cls.__qualname__
    return twin


TWINS: dict[type, type] = {}


def _twin(obj):
    """A copy of ``obj`` whose class (and whose model parts' classes) are the twins."""
    if isinstance(obj, list):
        return [_twin(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _twin(v) for k, v in obj.items()}
    cls = type(obj)
    base = next((c for c in CLASSES if c in cls.__mro__), None)
    if base is None:
        return obj
    if cls not in TWINS:  # (a unit read from a file is a LazyUnit: its own twin)
        TWINS[cls] = _twin_class(cls)
    made = object.__new__(TWINS[cls])
    for f in fields(base):
        object.__setattr__(made, f.name, _twin(getattr(obj, f.name)))
    return made


def _objects():
    project = open_project(sample_project_path())
    merged = MergeResult(project=copy.deepcopy(project), conflicts=["DH-1-1"], taken=[])
    out = [project, project.file_base, *project.vote_log, merged]
    for c in project.communities:
        out.append(c)
        for b in c.buildings:
            out.append(b)
            for u in b.units:
                out += [u, u.building, u.site, u.costs, u.share, *u.households]
    return out


def test_every_model_class_takes_record_and_no_generated_methods():
    for cls in CLASSES:
        assert issubclass(cls, Record)
        assert "__eq__" not in cls.__dict__ and "__repr__" not in cls.__dict__
        with pytest.raises(TypeError):
            hash(cls.__new__(cls))


def test_repr_as_dataclasses_writes_it():
    objects = _objects()
    kinds = {type(o).__name__ for o in objects}
    assert len(objects) > 60 and kinds >= {"Household", "VoteEvent", "FileBase", "MergeResult"}
    for obj in objects:
        assert repr(obj) == repr(_twin(obj)), type(obj).__name__
    # a field kept out of the repr (the file's state) stays out
    project = objects[0]
    assert "file_base" not in repr(project) and project.file_base is not None


def test_equality_as_dataclasses_decides_it():
    objects = _objects()
    for a in objects[:60]:
        for b in objects[:60]:
            assert (a == b) == (_twin(a) == _twin(b)), (type(a).__name__, type(b).__name__)
    # one field changed, on each class with a field of a simple kind
    for obj in objects:
        twin = _twin(obj)
        assert obj == copy.deepcopy(obj) and twin == copy.deepcopy(twin)
        for f in fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, (str, int, Decimal)) and not isinstance(value, bool):
                other = value + "x" if isinstance(value, str) else value + 1
                changed = replace(obj, **{f.name: other}) if f.init else None
                if changed is not None:
                    assert (obj == changed) == (twin == _twin(changed)) == (not f.compare)


def test_a_field_kept_out_of_the_comparison_stays_out():
    project = open_project(sample_project_path())
    other = copy.copy(project)
    other.file_base = None  # the file's state: not part of the project's value
    assert project.file_base is not None
    assert project == other and _twin(project) == _twin(other)


def test_the_edge_cases_of_a_tuple_comparison():
    # the same NaN object is equal to itself inside a tuple, as in the generated method
    nan = float("nan")
    a, b = Costs(), Costs()
    a.items_yuan = b.items_yuan = {"x": nan}
    assert a == b and _twin(a) == _twin(b)
    # another class (even a subclass) is not equal: NotImplemented, then identity
    assert Costs() != _twin(Costs())
    assert Costs().__eq__(object()) is NotImplemented
    # a recursive reference is shown as "..." (here a unit's extra pointing to itself)
    u = Unit(id="u1", name="1单元", building=BuildingInfo(year_built=1990, storeys=6))
    u.extra["me"] = u
    assert repr(u) == repr(_twin_recursive(u))


def _twin_recursive(u):
    t = _twin(replace(u, extra={}))
    t.extra["me"] = t
    return t
