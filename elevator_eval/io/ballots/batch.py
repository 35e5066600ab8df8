"""Read a batch of scans, judge every form, and record the counted ones with evidence.

Every form found becomes one :class:`ScanResult` with a ``status``:

``counted``
    read without doubt and judged valid (recorded by :func:`record_results`);
``review``
    valid, but the boxes are doubtful (no mark, two marks, faint) — a person decides;
``flagged``
    not to be counted: another project, bad signature, wrong scheme version, duplicate
    serial, an owner already recorded, no code found — with the reason;
``unreadable``
    the file itself could not be read (truncated, too large, not an image …).

Evidence: a recorded scan is copied, unchanged, into the folder ``<project>.ballots`` beside
the project file as ``<sha256>.<ext>`` (content-addressed, so a file scanned twice is kept
once), with a PNG crop of the boxes as ``<sha256>-p<page>-<serial>.png``; its SHA-256 and the
file name are kept in the project (``settings["ballots"]["forms"]``) and the audit-log note.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ... import ballots as B
from ...atomic import atomic_write_bytes
from ...errors import InputError
from ...model import Project, Unit
from .reader import PageReading, read_page
from .scans import SUFFIXES, load_scan


@dataclass
class ScanResult:
    """What happened to one form (or one unreadable file)."""

    file: str
    page: int
    sha256: str = ""
    status: str = "unreadable"
    unit: str = ""
    owner: str = ""
    homes: tuple[str, ...] = ()
    serial: str = ""
    vote: str | None = None
    confidence: float = 0.0
    reason_code: str | None = None
    reason: str = ""
    coverage: list[float] = field(default_factory=list)
    identity: B.FormIdentity | None = None
    reading: PageReading | None = None  # crops for review
    path: Path | None = None

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "page": self.page,
            "sha256": self.sha256,
            "status": self.status,
            "unit": self.unit,
            "owner": self.owner,
            "homes": list(self.homes),
            "serial": self.serial,
            "vote": self.vote,
            "confidence": self.confidence,
            "reason_code": self.reason_code,
            "reason": self.reason,
            "coverage": [round(c, 4) for c in self.coverage],
        }


def expand_paths(paths) -> list[Path]:
    """Files given, and the scans (PNG, JPEG, PDF) of folders given, sorted by name."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(q for q in p.iterdir() if q.suffix.lower() in SUFFIXES and q.is_file())
        else:
            out.append(p)
    return out


def read_scans(
    project: Project,
    paths,
    *,
    scheme_of: Callable[[Unit], str],
    rules: B.ReadingRules | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ScanResult]:
    """Read and judge every form in ``paths`` (files or folders). Nothing is recorded.

    Parameters
    ----------
    project : Project
    paths : iterable of path
    scheme_of : callable
        Current scheme label of a unit (see :func:`elevator_eval.ballots.judge`).
    rules : ReadingRules, optional
    progress : callable(done, total), optional
        Called after each file; returning ``False`` stops (the results so far are returned).
    cancelled : callable() -> bool, optional
        Checked between files; when true the results so far are returned.
    """
    rules = rules or B.reading_rules()
    files = expand_paths(paths)
    results: list[ScanResult] = []
    seen: set[str] = set()
    for n, path in enumerate(files):
        if cancelled is not None and cancelled():
            break
        try:
            scan = load_scan(path, rules)
        except InputError as e:
            results.append(
                ScanResult(path.name, 0, reason_code="unreadable", reason=e.message, path=path)
            )
            if progress and progress(n + 1, len(files)) is False:
                break
            continue
        for page_no, gray in enumerate(scan.pages, start=1):
            for reading in read_page(gray, rules):
                results.append(
                    _judge(project, scan.sha256, path, page_no, reading, scheme_of, seen)
                )
        if progress and progress(n + 1, len(files)) is False:
            break
    return results


def _judge(project, sha, path, page_no, reading, scheme_of, seen) -> ScanResult:
    res = ScanResult(
        path.name,
        page_no,
        sha,
        "flagged",
        reading=reading,
        path=path,
        coverage=[b.coverage for b in reading.boxes],
    )
    if reading.payload is None:
        res.reason_code = reading.reason
        res.reason = B.reason_text(reading.reason or "no_qr")
        return res
    try:
        ident, sig = B.parse_payload(reading.payload)
    except B.NotABallot:
        res.reason_code = "not_a_ballot"
        res.reason = B.reason_text("not_a_ballot")
        return res
    res.identity = ident
    res.unit, res.owner, res.homes, res.serial = (
        ident.unit_id,
        ident.owner_id,
        ident.homes,
        ident.serial,
    )
    code, detail = B.judge(project, ident, sig, scheme_of, seen)
    if code is not None:
        res.reason_code, res.reason = code, B.reason_text(code, detail)
        return res
    if reading.reason is not None:  # valid form, doubtful boxes: a person decides
        res.status = "review"
        res.reason_code, res.reason = reading.reason, B.reason_text(reading.reason)
        seen.add(ident.serial)
        return res
    res.status, res.vote, res.confidence = "counted", reading.vote, reading.confidence
    seen.add(ident.serial)
    return res


def evidence_dir(project_path) -> Path:
    """``<folder>/<project file name>.ballots``: where recorded scans are kept."""
    p = Path(project_path)
    return p.with_name(p.name + ".ballots")


def crop_name(sha256: str, page: int, serial: str) -> str:
    """File name of the crop of a recorded form's tick boxes in :func:`evidence_dir`."""
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", serial)
    return f"{sha256}-p{page}-{safe}.png"


def crop_for_entry(project: Project, project_path, seq: int) -> Path | None:
    """The crop of the ticked boxes behind vote-log entry ``seq`` (a paper vote recorded
    from a scan), or None when the entry has none or the file is not beside the project."""
    if project_path is None:
        return None
    sec = project.settings.get(B.SETTINGS_KEY)
    forms = sec.get("forms") if isinstance(sec, dict) else None
    for serial, rec in (forms or {}).items():
        if isinstance(rec, dict) and seq in (rec.get("log_seq") or []):
            path = evidence_dir(project_path) / crop_name(
                str(rec.get("scan_sha256", "")), int(rec.get("page") or 1), str(serial)
            )
            return path if path.is_file() else None
    return None


def record_results(
    project: Project,
    results: list[ScanResult],
    project_path,
    *,
    when=None,
    decisions: dict[int, str | None] | None = None,
) -> list[ScanResult]:
    """Record the ``counted`` results, and the ones a person decided, in the project; copy
    each recorded scan beside the project (:func:`evidence_dir`).

    ``decisions`` maps an index in ``results`` to the vote a person confirmed or corrected
    (``None``: not to be counted); it applies to ``counted`` and ``review`` results only,
    never to flagged ones. Returns the results recorded. The caller saves the project.
    """
    decisions = decisions or {}
    folder = evidence_dir(project_path)
    done = []
    for i, r in enumerate(results):
        if r.identity is None or r.status not in ("counted", "review"):
            continue
        if i in decisions:
            vote = decisions[i]
        else:
            vote = r.vote if r.status == "counted" else None
        if vote is None:
            continue
        folder.mkdir(exist_ok=True)
        name = f"{r.sha256}{r.path.suffix.lower()}" if r.path else r.sha256
        target = folder / name
        if r.path is not None and not target.exists():  # whole or not at all: the name is
            atomic_write_bytes(target, r.path.read_bytes())  # the content's hash
        crop = r.reading.box_crop() if r.reading is not None else None
        if crop is not None:
            import cv2

            cv2.imwrite(str(folder / crop_name(r.sha256, r.page, r.serial)), crop)
        B.record_paper_vote(
            project,
            r.identity,
            vote,
            scan_sha256=r.sha256,
            evidence_file=f"{folder.name}/{name}",
            page=r.page,
            confidence=r.confidence,
            when=when,
            reviewed=i in decisions or r.status == "review",
        )
        r.vote = vote
        r.status = "recorded"
        done.append(r)
    return done
