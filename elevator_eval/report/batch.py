"""Batch output: every unit's document of a project, on all cores, with progress and cancel.

The desktop app and ``report --all`` call :func:`write_all_proposals`; the ``progress``
callable is called after each unit with ``(done, total)`` and returns ``False`` to cancel.
No Qt here.

Work is spread over a pool of worker processes (``spawn``: safe from a Qt program and from
threads). Each worker receives the project once, builds the units it is handed and writes
each PDF under a temporary name in the output folder, renamed to its final name only when
complete, so a killed batch never leaves a half-written PDF under a final name. The files
are not flushed to the disk one by one (an fsync per file cost more wall time than
building the file's pages did on the disks measured): the documents can be made again from
the project, so the whole folder is made durable once, at the end of the batch, before the
caller hears it is done. The bytes
of each PDF do not depend on the number of workers: documents are built with reportlab's
invariant mode (fixed document id and metadata date; the printed date stays in the footer).
"""

from __future__ import annotations

import gc
import io
import multiprocessing
import os
import pickle
import re
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

from ..atomic import replace_unsynced, sync_to_disk
from ..error_text import error_text
from ..errors import InputError

_UNSAFE = re.compile(r"[^0-9A-Za-z._\-\u3400-\u4dbf\u4e00-\u9fff]+")

MIN_UNITS_PER_WORKER = 4
"""Below this many units per extra worker, a worker's start-up (about 1 s: importing
reportlab and registering the font) costs more than it saves."""

KINDS = ("proposal", "consent-forms", "notice")

GC_YOUNG_OBJECTS = 10_000
"""Allocations between two collections of young objects while a batch builds documents
(Python's default is 700; measured on the sample's proposals, see ``_prepare``)."""


def safe_filename(text: str, fallback: str = "unit") -> str:
    """A file name part made from a unit id: no path separators, no leading dots, ≤ 80
    characters. Chinese characters, ASCII letters, digits, ``.``, ``_`` and ``-`` are kept.
    """
    name = _UNSAFE.sub("_", text or "").strip("._")[:80]
    return name or fallback


class BatchResult(list):
    """The written paths (a list, in the project's unit order), plus the units that failed
    and whether it was cancelled.

    Attributes
    ----------
    failures : list of (str, str)
        ``(unit id, message naming the field)`` for units whose data is bad input.
    failures_zh : list of (str, str)
        The same messages in Chinese (:mod:`elevator_eval.error_text`), for the window.
    cancelled : bool
        ``progress`` returned ``False`` before the last unit.
    """

    def __init__(self, paths=()):
        super().__init__(paths)
        self.failures: list[tuple[str, str]] = []
        self.failures_zh: list[tuple[str, str]] = []
        self.cancelled = False


def default_workers(n_units: int) -> int:
    """Worker processes for ``n_units``: every core, but not more than the work pays for."""
    cores = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    )
    return max(1, min(cores, n_units // MIN_UNITS_PER_WORKER))


def write_all_proposals(
    project,
    out_dir,
    progress: Callable[[int, int], bool] | None = None,
    *,
    lang: str = "zh",
    kind: str = "proposal",
    options: dict | None = None,
    workers: int | None = None,
) -> BatchResult:
    """Write one PDF per unit of ``project`` into ``out_dir``.

    Parameters
    ----------
    project : Project
    out_dir : path
        Created when missing. Files are named ``<unit id>-<kind>.pdf``.
    progress : callable, optional
        ``progress(done, total) -> bool``; returning ``False`` stops the batch (files
        already written stay; units under way are finished or discarded, never half-written).
    lang : "zh" or "en"
    kind : "proposal", "consent-forms" or "notice"
    options : dict, optional
        Keyword arguments passed on to the builder (e.g. the notice's ``masked``,
        ``progress``, ``start``); they must pickle.
    workers : int, optional
        Worker processes; default :func:`default_workers`. ``1`` builds in this process.

    Returns
    -------
    BatchResult
        The written paths in unit order; ``failures`` names units whose data is bad input
        (with the field), ``cancelled`` tells whether ``progress`` stopped the batch.
    """
    if kind not in KINDS:
        raise InputError("--kind", f"must be one of {', '.join(KINDS)} for a batch")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError("-o", f"{out} is a file; a batch needs a folder")
    out.mkdir(parents=True, exist_ok=True)
    units = project.units()
    paths = _target_paths(units, out, kind)
    n_workers = default_workers(len(units)) if workers is None else max(1, int(workers))
    if n_workers > 1 and multiprocessing.current_process().daemon:
        n_workers = 1  # a daemonic process may not start children
    if n_workers == 1:
        outcomes = _serial(project, paths, lang, kind, options, progress)
    else:
        outcomes = _parallel(project, paths, lang, kind, options, progress, n_workers)
    sync_to_disk(out)  # once for the batch, not per file (see the module's notes)
    result = BatchResult()
    for i in sorted(outcomes):
        error = outcomes[i]
        if error is None:
            result.append(paths[i])
        else:
            result.failures.append((units[i].id, error[0]))
            result.failures_zh.append((units[i].id, error[1]))
    result.cancelled = len(outcomes) < len(units)
    return result


def _target_paths(units, out: Path, kind: str) -> list[Path]:
    used: set[str] = set()
    paths = []
    for unit in units:
        base = safe_filename(unit.id)
        name, n = base, 2
        while name.lower() in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name.lower())
        paths.append(out / f"{name}-{kind}.pdf")
    return paths


def _serial(project, paths, lang, kind, options, progress) -> dict[int, tuple[str, str] | None]:
    from reportlab import rl_config

    was, gc_was = rl_config.invariant, gc.get_threshold()
    _prepare(project, lang, kind, options)
    outcomes: dict[int, tuple[str, str] | None] = {}
    try:
        for i, path in enumerate(paths):
            outcomes[i] = _build_one(i, str(path))
            if progress is not None and progress(i + 1, len(paths)) is False:
                break
    finally:
        rl_config.invariant = was
        gc.set_threshold(*gc_was)
        _STATE.clear()
    return outcomes


def _parallel(
    project, paths, lang, kind, options, progress, n_workers
) -> dict[int, tuple[str, str] | None]:
    ctx = multiprocessing.get_context("spawn")
    blob = pickle.dumps(project, protocol=pickle.HIGHEST_PROTOCOL)
    outcomes: dict[int, tuple[str, str] | None] = {}
    with ProcessPoolExecutor(
        n_workers, mp_context=ctx, initializer=_init_worker, initargs=(blob, lang, kind, options)
    ) as pool:
        # a few units in flight per worker: progress stays fine-grained, cancel is quick
        todo = list(enumerate(paths))[::-1]
        running: dict[Any, int] = {}

        def feed() -> None:
            while todo and len(running) < 2 * n_workers:
                i, path = todo.pop()
                running[pool.submit(_build_one, i, str(path))] = i

        feed()
        stop = False
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in finished:
                i = running.pop(fut)
                outcomes[i] = fut.result()
                if (
                    not stop
                    and progress is not None
                    and progress(len(outcomes), len(paths)) is False
                ):
                    stop = True
            if stop:
                todo.clear()
                for fut in running:
                    fut.cancel()
            feed()
    return outcomes


# ------------------------------------------------------------------ in each worker process

_STATE: dict[str, Any] = {}


def _builder(kind: str):
    """The builder of ``kind``, imported here: a worker process imports only the document
    module it builds (this module stays light for the window, which imports it)."""
    if kind == "consent-forms":
        from .consent_form import build_consent_forms

        return build_consent_forms
    if kind == "notice":
        from .notice import build_notice

        return build_notice
    from .proposal import build_proposal

    return build_proposal


def _prepare(project, lang: str, kind: str, options: dict | None) -> None:
    from reportlab import rl_config

    rl_config.invariant = 1  # the same bytes whichever process builds a document
    # A document makes hundreds of thousands of short-lived objects; collecting the young
    # ones every 700 allocations (Python's default) cost 1.8 ms of a proposal's ≈ 55 ms,
    # every 10,000 about 0.5 ms. Cycles still go within a document.
    gc.set_threshold(GC_YOUNG_OBJECTS, *gc.get_threshold()[1:])
    _STATE.update(
        project=project,
        units=project.units(),
        lang=lang,
        build=_builder(kind),
        options=dict(options or {}),
    )


def _init_worker(blob: bytes, lang: str, kind: str, options: dict | None) -> None:
    try:
        os.nice(5)  # the window and the user's other work come first
    except OSError:
        pass
    _prepare(pickle.loads(blob), lang, kind, options)


def _build_one(i: int, path: str) -> tuple[str, str] | None:
    """Build unit ``i`` in memory, then write it to ``path`` under a temporary name and
    rename it; the error's text in English and in Chinese, or None."""
    buf = io.BytesIO()
    try:
        _STATE["build"](
            _STATE["units"][i],
            project=_STATE["project"],
            lang=_STATE["lang"],
            out=buf,
            **_STATE["options"],
        )
    except InputError as e:
        return str(e), error_text(e, "zh")
    replace_unsynced(Path(path), buf.getvalue())
    return None
