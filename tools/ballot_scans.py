"""Generate test scans of returned consent forms: the app's own forms, ticked and distorted.

Forms are rendered from the app (``build_consent_forms``) with pypdfium2 at 150–300 dpi; a
mark is drawn in one box in one of several pen styles (tick, cross, filled blot, circle,
sloppy tick running over the border; black, blue or pencil); the page is rotated ±10°,
warped in perspective, lit unevenly, given noise and saved as JPEG (quality 50–90), PNG, or a
multi-page PDF. Where the boxes are is found from the rendered page itself (the four solid
fiducial squares, by connected components), independently of the reader under test.

Kinds: ``single`` (one clear mark: must be read), ``none``, ``two``, ``faint`` (must go to
review).

    python3 tools/ballot_scans.py OUT_DIR [N]     # writes N scans and expected.json
"""

from __future__ import annotations

import io
import json
import math
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from elevator_eval import ballots as B  # noqa: E402

PENS = ("tick", "cross", "blot", "circle", "sloppy")
INKS = {"black": (25, 25, 25), "blue": (150, 45, 30), "pencil": (80, 80, 80)}  # BGR


@dataclass
class Expected:
    file: str
    serial: str
    kind: str
    vote: str | None
    pen: str
    dpi: int
    quality: int
    angle: float


def make_project():
    """The bundled sample street with every vote cleared (a fresh consultation)."""
    from elevator_eval.resources import sample_project_path
    from elevator_eval.store import open_project

    project = open_project(sample_project_path())
    for u in project.units():
        for h in u.households:
            h.vote, h.vote_source, h.vote_date = None, None, None
    project.vote_log = []
    project.settings.pop(B.SETTINGS_KEY, None)
    return project


def render_forms(project, unit_ids, dpis):
    """``{dpi: [(serial, page BGR array, block→pixel homography)]}`` for every owner's form
    (each unit's forms are built once and rendered at every resolution)."""
    import cv2
    import pypdfium2 as pdfium

    from elevator_eval.report.consent_form import build_consent_forms

    out: dict[int, list] = {dpi: [] for dpi in dpis}
    for uid in unit_ids:
        unit = project.find_unit(uid)
        buf = io.BytesIO()
        build_consent_forms(unit, project=project, out=buf)
        pdf = pdfium.PdfDocument(buf.getvalue())
        owners = B.owners(unit)
        assert len(pdf) == len(owners), "one page per owner expected"
        for i in range(len(pdf)):
            serial = f"{unit.id}-v{unit.scheme_version}-{i + 1:02d}"
            for dpi in dpis:
                rgb = pdf[i].render(scale=dpi / 72).to_numpy()[..., :3]
                page = np.ascontiguousarray(rgb[..., ::-1])
                h = _fiducial_homography(cv2.cvtColor(page, cv2.COLOR_BGR2GRAY), dpi)
                out[dpi].append((serial, page, h))
        pdf.close()
    return out


def _fiducial_homography(gray, dpi):
    import cv2

    side = B.FIDUCIAL_MM * dpi / 25.4
    n, _l, stats, cents = cv2.connectedComponentsWithStats((gray < 128).astype(np.uint8))
    pts = [
        cents[i]
        for i in range(1, n)
        if abs(stats[i][2] - side) < 0.15 * side
        and abs(stats[i][3] - side) < 0.15 * side
        and stats[i][4] > 0.9 * stats[i][2] * stats[i][3]
    ]
    assert len(pts) == 4, f"found {len(pts)} fiducials"
    pts = np.array(pts)
    s, d = pts.sum(1), pts[:, 0] - pts[:, 1]
    ordered = np.array(
        [pts[np.argmin(s)], pts[np.argmax(d)], pts[np.argmax(s)], pts[np.argmin(d)]],
        dtype=np.float32,
    )
    return cv2.getPerspectiveTransform(np.array(B.FIDUCIAL_CENTRES_MM, dtype=np.float32), ordered)


def _mm(h, pts):
    p = np.hstack([np.asarray(pts, float), np.ones((len(pts), 1))]) @ h.T
    return (p[:, :2] / p[:, 2:3]).astype(np.int32)


def draw_mark(page, h, box: int, pen: str, ink, px_per_mm: float, rng, faint=False):
    """Draw one mark in tick box ``box`` (0 = 同意)."""
    import cv2

    x, y, w, _ = B.box_rect_mm(box)
    jx, jy = rng.uniform(-0.8, 0.8, 2)
    size = rng.uniform(0.6, 0.95)
    c = np.array([x + w / 2 + jx, y + w / 2 + jy])

    def rel(points):
        return _mm(h, [c + size * (w / 2) * np.array(p) for p in points])

    thick = max(1, int(round(rng.uniform(0.35, 0.8) * px_per_mm)))
    color = (205, 205, 205) if faint else ink
    if pen == "tick":
        cv2.polylines(
            page, [rel([(-0.8, 0.0), (-0.2, 0.7), (0.9, -0.8)])], False, color, thick, cv2.LINE_AA
        )
    elif pen == "sloppy":
        cv2.polylines(
            page, [rel([(-0.9, -0.1), (-0.3, 0.8), (1.4, -1.5)])], False, color, thick, cv2.LINE_AA
        )
    elif pen == "cross":
        cv2.line(page, *rel([(-0.7, -0.7), (0.7, 0.7)]), color, thick, cv2.LINE_AA)
        cv2.line(page, *rel([(0.7, -0.7), (-0.7, 0.7)]), color, thick, cv2.LINE_AA)
    elif pen == "blot":
        cv2.fillPoly(
            page,
            [
                rel(
                    [
                        (math.cos(a) * 0.55, math.sin(a) * 0.45)
                        for a in np.linspace(0, 2 * math.pi, 16)
                    ]
                )
            ],
            color,
            cv2.LINE_AA,
        )
    elif pen == "circle":
        cv2.polylines(
            page,
            [
                rel(
                    [
                        (math.cos(a) * 0.75, math.sin(a) * 0.7)
                        for a in np.linspace(0, 2 * math.pi, 24)
                    ]
                )
            ],
            True,
            color,
            thick,
            cv2.LINE_AA,
        )
    else:
        raise ValueError(pen)


def distort(page, rng, angle: float):
    """Rotate, warp in perspective, light unevenly and add noise (returns grey-ish BGR)."""
    import cv2

    hgt, wid = page.shape[:2]
    pad = int(0.08 * max(hgt, wid))
    W, H = wid + 2 * pad, hgt + 2 * pad
    src = np.float32([[0, 0], [wid, 0], [wid, hgt], [0, hgt]])
    rot = cv2.getRotationMatrix2D((wid / 2, hgt / 2), angle, rng.uniform(0.92, 1.0))
    dst = cv2.transform(src[None], rot)[0] + pad
    dst += rng.uniform(-0.03, 0.03, (4, 2)).astype(np.float32) * [wid, hgt]
    m = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    bg = int(rng.uniform(170, 250))
    out = cv2.warpPerspective(
        page,
        m,
        (W, H),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=(bg, bg, bg),
    )
    # uneven light: a smooth gain computed small and enlarged, then noise and blur
    small = np.outer(
        np.linspace(rng.uniform(0.88, 1.0), 1.0, 16),
        np.linspace(rng.uniform(0.82, 1.0), rng.uniform(0.9, 1.0), 16),
    )
    small3 = np.repeat(np.round(small * 255).astype(np.uint8)[..., None], 3, axis=2)
    light = cv2.resize(small3, (W, H), interpolation=cv2.INTER_LINEAR)
    out = cv2.multiply(out, light, scale=1 / 255)
    noise = np.empty((H, W), np.int16)
    cv2.randn(noise, 0, float(rng.uniform(2, 8)))
    out = cv2.add(out, cv2.merge([noise] * 3), dtype=cv2.CV_8U)
    if rng.random() < 0.3:
        out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.5, 1.0))
    return out


def make_scans(
    out_dir,
    n: int,
    *,
    seed: int = 1,
    unit_ids=("DH-1-1", "DH-1-2"),
    kinds=None,
    project=None,
    dpis=(150, 200, 250, 300),
    pdf_every: int = 12,
    unique: bool = False,
):
    """Write ``n`` scans to ``out_dir``; return ``(project, [Expected])``.

    ``kinds`` is a list of kinds cycled over (default all ``single``). With ``unique`` every
    scan is of a different form (at most as many scans as owners in ``unit_ids``).
    """
    import cv2
    from PIL import Image

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    project = make_project() if project is None else project
    rng = np.random.default_rng(seed)
    forms = render_forms(project, unit_ids, dpis)
    order = rng.permutation(len(forms[dpis[0]]))
    kinds = kinds or ["single"]
    expected: list[Expected] = []
    pending_pdf: list[tuple[Image.Image, Expected]] = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        dpi = int(rng.choice(dpis))
        pick = int(order[i]) if unique else int(rng.integers(len(forms[dpi])))
        serial, clean, h = forms[dpi][pick]
        page = clean.copy()
        pen = str(rng.choice(PENS))
        ink = INKS[str(rng.choice(list(INKS)))]
        box = int(rng.integers(3))
        ppm = dpi / 25.4
        vote = None
        if kind == "single":
            draw_mark(page, h, box, pen, ink, ppm, rng)
            vote = B.OPTIONS[box]
        elif kind == "two":
            draw_mark(page, h, box, pen, ink, ppm, rng)
            draw_mark(page, h, (box + 1 + int(rng.integers(2))) % 3, pen, ink, ppm, rng)
        elif kind == "faint":
            draw_mark(page, h, box, "blot" if pen == "blot" else "tick", ink, ppm, rng, faint=True)
        angle = float(rng.uniform(-10, 10))
        scan = distort(page, rng, angle)
        quality = int(rng.integers(50, 91))
        exp = Expected("", serial, kind, vote, pen, dpi, quality, round(angle, 2))
        if pdf_every and i % pdf_every == pdf_every - 1:
            ok, jpg = cv2.imencode(".jpg", scan, [cv2.IMWRITE_JPEG_QUALITY, quality])
            img = Image.open(io.BytesIO(jpg.tobytes()))
            pending_pdf.append((img, exp))
            if len(pending_pdf) == 3 or i == n - 1:
                name = f"scan-{i:04d}.pdf"
                imgs = [p[0] for p in pending_pdf]
                imgs[0].save(
                    out_dir / name, save_all=True, append_images=imgs[1:], resolution=float(dpi)
                )
                for page_no, (_img, e) in enumerate(pending_pdf, start=1):
                    e.file = f"{name}#{page_no}"
                    expected.append(e)
                pending_pdf = []
            continue
        if i % 10 == 3:
            name = f"scan-{i:04d}.png"
            cv2.imwrite(str(out_dir / name), cv2.cvtColor(scan, cv2.COLOR_BGR2GRAY))
        else:
            name = f"scan-{i:04d}.jpg"
            cv2.imwrite(str(out_dir / name), scan, [cv2.IMWRITE_JPEG_QUALITY, quality])
        exp.file = name
        expected.append(exp)
    if pending_pdf:  # the last PDF of a run that ends mid-bundle
        name = f"scan-{n:04d}.pdf"
        imgs = [p[0] for p in pending_pdf]
        imgs[0].save(out_dir / name, save_all=True, append_images=imgs[1:])
        for page_no, (_img, e) in enumerate(pending_pdf, start=1):
            e.file = f"{name}#{page_no}"
            expected.append(e)
    return project, expected


def evaluate(out_dir, expected: list[Expected], rules=None) -> dict:
    """Read every scan with the app's reader (no judging) and compare with ``expected``.

    Returns counts: ``right`` (vote read as drawn), ``wrong`` (a vote other than drawn, or a
    vote read where none should be), ``review`` (sent to review) and per-scan ``outcomes``
    ``(expected, vote read, reason)``; ``seconds`` is the reading time.
    """
    import time

    from elevator_eval.io.ballots.reader import read_page
    from elevator_eval.io.ballots.scans import load_scan

    rules = rules or B.reading_rules()
    by_file: dict[str, list[Expected]] = {}
    for e in expected:
        by_file.setdefault(e.file.split("#")[0], []).append(e)
    right = wrong = review = 0
    outcomes = []
    t0 = time.perf_counter()
    for name, exps in by_file.items():
        scan = load_scan(Path(out_dir) / name, rules)
        assert len(scan.pages) == len(exps), name
        for e, page in zip(exps, scan.pages):
            readings = read_page(page, rules)
            r = readings[0]
            serial = B.parse_payload(r.payload)[0].serial if r.payload else None
            if r.vote is not None and (r.vote != e.vote or serial != e.serial):
                wrong += 1
            elif r.vote is not None:
                right += 1
            else:
                review += 1
            outcomes.append((e, r.vote, r.reason))
    return {
        "right": right,
        "wrong": wrong,
        "review": review,
        "outcomes": outcomes,
        "seconds": time.perf_counter() - t0,
    }


if __name__ == "__main__":
    target = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    proj, exp = make_scans(target, count)
    from elevator_eval.store import save_project

    save_project(proj, target / "project.eeproj")
    (target / "expected.json").write_text(
        json.dumps([asdict(e) for e in exp], indent=1, ensure_ascii=False), encoding="utf-8"
    )
    print(f"{len(exp)} scans in {target}")
