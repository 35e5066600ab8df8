"""Batch output: every unit's proposal of a project, with progress and cancel.

The desktop app calls :func:`write_all_proposals` from a worker thread; the ``progress``
callable is called after each unit with ``(done, total)`` and returns ``False`` to cancel.
No Qt here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from ..errors import InputError

_UNSAFE = re.compile(r"[^0-9A-Za-z._\-\u3400-\u4dbf\u4e00-\u9fff]+")


def safe_filename(text: str, fallback: str = "unit") -> str:
    """A file name part made from a unit id: no path separators, no leading dots, ≤ 80
    characters. Chinese characters, ASCII letters, digits, ``.``, ``_`` and ``-`` are kept.
    """
    name = _UNSAFE.sub("_", text or "").strip("._")[:80]
    return name or fallback


class BatchResult(list):
    """The written paths (a list), plus the units that failed and whether it was cancelled.

    Attributes
    ----------
    failures : list of (str, str)
        ``(unit id, message naming the field)`` for units whose data is bad input.
    cancelled : bool
        ``progress`` returned ``False`` before the last unit.
    """

    def __init__(self, paths=()):
        super().__init__(paths)
        self.failures: list[tuple[str, str]] = []
        self.cancelled = False


def write_all_proposals(project, out_dir, progress: Callable[[int, int], bool] | None = None,
                        *, lang: str = "zh", kind: str = "proposal",
                        options: dict | None = None) -> BatchResult:
    """Write one PDF per unit of ``project`` into ``out_dir``.

    Parameters
    ----------
    project : Project
    out_dir : path
        Created when missing. Files are named ``<unit id>-<kind>.pdf``.
    progress : callable, optional
        ``progress(done, total) -> bool``; returning ``False`` stops before the next unit
        (files already written stay).
    lang : "zh" or "en"
    kind : "proposal", "consent-forms" or "notice"
    options : dict, optional
        Keyword arguments passed on to the builder (e.g. the notice's ``masked``,
        ``progress``, ``start``).

    Returns
    -------
    BatchResult
        A list of the written paths; ``failures`` names units whose data is bad input
        (with the field), ``cancelled`` tells whether ``progress`` stopped the batch.
    """
    builders = _builders()
    if kind not in builders:
        raise InputError("--kind", f"must be one of {', '.join(builders)} for a batch")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError("-o", f"{out} is a file; a batch needs a folder")
    out.mkdir(parents=True, exist_ok=True)
    units = project.units()
    total = len(units)
    result = BatchResult()
    used: set[str] = set()
    build = builders[kind]
    for i, unit in enumerate(units):
        base = safe_filename(unit.id)
        name, n = base, 2
        while name.lower() in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name.lower())
        path = out / f"{name}-{kind}.pdf"
        try:
            build(unit, project=project, lang=lang, out=path, **(options or {}))
        except InputError as e:
            result.failures.append((unit.id, str(e)))
        else:
            result.append(path)
        if progress is not None and progress(i + 1, total) is False:
            result.cancelled = i + 1 < total
            break
    return result


def _builders():
    from .consent_form import build_consent_forms
    from .notice import build_notice
    from .proposal import build_proposal
    return {"proposal": build_proposal, "consent-forms": build_consent_forms,
            "notice": build_notice}
