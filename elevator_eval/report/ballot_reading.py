"""Reading returned consent forms against the schemes they were printed for.

The scheme label of a unit is the one printed on its forms (:func:`.scheme_version.scheme_label`), so
a form read back is compared with what the office printed; used by the ``ballots`` command
and the window's background reader.
"""

from __future__ import annotations


def scheme_of(project):
    """The current scheme label of a unit, as printed on its forms."""
    from ..costshare import compute_share
    from .scheme_version import scheme_label

    def label(unit) -> str:
        return scheme_label(unit, compute_share(unit, settings=project.settings))

    return label


def read_paths(project, paths, progress=None):
    """Read and judge scans (for the window's background process): a module-level function
    whose arguments and result pickle."""
    from ..io.ballots.batch import read_scans

    return read_scans(
        project, [str(p) for p in paths], scheme_of=scheme_of(project), progress=progress
    )
