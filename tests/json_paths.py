"""Every place in a JSON value, and a value put at one: for tests that change a unit file
one value at a time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

REMOVE = ...
"""Put at a place of an object: the key is removed (at a place of a list: nothing happens)."""


def paths(obj: Any, prefix: tuple = ()) -> Iterator[tuple]:
    """The path of ``obj`` itself (``prefix``), then of every value inside it, depth first:
    keys of objects and indices of lists."""
    yield prefix
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from paths(value, (*prefix, i))


def put(obj: Any, path: tuple, value: Any) -> None:
    """Put ``value`` at ``path`` inside ``obj`` (:data:`REMOVE` removes an object's key)."""
    for key in path[:-1]:
        obj = obj[key]
    if value is REMOVE:
        if isinstance(obj, dict):
            obj.pop(path[-1], None)
    else:
        obj[path[-1]] = value
