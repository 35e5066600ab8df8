"""Opening a project lets the rows it read go before the garbage collector resumes, so
that the collector's first pass walks the project's objects and not every row as well."""

from __future__ import annotations

import gc

from elevator_eval.resources import sample_project_path
from elevator_eval.store import lazy, open_project, save_project


def test_rows_are_let_go_before_the_collector_resumes(tmp_path, monkeypatch):
    sample = open_project(sample_project_path())
    path = tmp_path / "street.eeproj"
    save_project(sample, path)
    ids = {u.id for u in sample.units()}
    alive_rows = []
    real = gc

    class Watch:
        """The ``gc`` module, noting the unit rows still alive when it is re-enabled."""

        def __getattr__(self, name):
            return getattr(real, name)

        def enable(self):
            young = real.get_objects(generation=0)
            alive_rows.append(
                sum(1 for o in young if type(o) is tuple and len(o) > 8 and ids & set(o[:4]))
            )
            real.enable()

    monkeypatch.setattr(lazy, "gc", Watch())
    was = gc.isenabled()
    gc.enable()
    gc.collect()  # rows other tests of this process still hold are not the open's young ones
    try:
        project = open_project(path)
    finally:
        if not was:
            gc.disable()
    assert project == sample
    assert alive_rows and alive_rows[0] == 0
