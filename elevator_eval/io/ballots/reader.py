"""Read one page: QR code → form identity; QR + fiducials → homography; boxes → ink.

1. zxing-cpp finds the ballot QR codes on the page (``EEB1|…`` text) and their four corners.
2. The QR corners give a first mapping from block millimetres to image pixels; around each
   predicted fiducial a dark, square, solid blob of the right size is searched, and the
   fiducial centres (or, with one missing, three fiducials plus the QR corners) give the
   final homography (OpenCV).
3. The block is resampled to a straight image at ``PX_PER_MM``; paper white and printed black
   are measured on it (a high percentile of the block, the fiducials' insides); each box's
   inside, less ``box_inset_mm`` of margin, is read as the share of ink pixels.
4. Exactly one marked box and two clean ones give a vote; anything else goes to review with
   the reason (no mark, two marks, faint or corrected mark).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ... import ballots as B
from ...ballots import ReadingRules

PX_PER_MM = 8
"""Resolution of the straightened block [pixels per millimetre]."""


@dataclass
class BoxReading:
    """Ink in one box: ``coverage`` (ink pixels), ``faint`` (faint pixels), ``state``
    (``marked``, ``empty`` or ``doubtful``)."""

    coverage: float
    faint: float
    state: str


@dataclass
class PageReading:
    """What was read from one form on one page.

    ``payload`` is the QR text (``None`` when no ballot QR was found); ``vote`` is set only when
    exactly one box is marked and the others are clean; otherwise ``reason`` is a reason code
    of :data:`elevator_eval.ballots.REASONS`. ``straight`` is the straightened block (grey,
    ``PX_PER_MM``), kept for review crops.
    """

    payload: str | None
    vote: str | None = None
    confidence: float = 0.0
    reason: str | None = None
    boxes: list[BoxReading] = field(default_factory=list)
    straight: np.ndarray | None = None

    def box_crop(self, i: int | None = None) -> np.ndarray | None:
        """The straightened row of boxes (``i=None``) or one box, with a little margin."""
        if self.straight is None:
            return None
        k = PX_PER_MM
        y0, y1 = int((B.BOX_Y_MM - 3) * k), int((B.BOX_Y_MM + B.BOX_SIZE_MM + 3) * k)
        if i is None:
            x0, x1 = int((B.BOX_X_MM[0] - 3) * k), int((B.BLOCK_W_MM - B.FIDUCIAL_MM - 1) * k)
        else:
            x0 = int((B.BOX_X_MM[i] - 3) * k)
            x1 = int((B.BOX_X_MM[i] + B.BOX_SIZE_MM + 3) * k)
        return self.straight[y0:y1, x0:x1]


def find_codes(gray: np.ndarray) -> tuple[list, int]:
    """Ballot QR codes on a page: ``([(text, corners 4×2), …], other codes found)``."""
    import zxingcpp

    found = zxingcpp.read_barcodes(
        gray,
        formats=zxingcpp.BarcodeFormat.QRCode,  # type: ignore[arg-type]
        try_invert=False,
    )
    codes, others = [], 0
    for r in found:
        if not r.valid:
            continue
        if not r.text.startswith(B.PAYLOAD_PREFIX + "|"):
            others += 1
            continue
        p = r.position
        corners = np.array(
            [
                [p.top_left.x, p.top_left.y],
                [p.top_right.x, p.top_right.y],
                [p.bottom_right.x, p.bottom_right.y],
                [p.bottom_left.x, p.bottom_left.y],
            ],
            dtype=np.float64,
        )
        codes.append((r.text, corners))
    return codes, others


def _qr_mm() -> np.ndarray:
    x, y, s = B.QR_X_MM, B.QR_Y_MM, B.QR_SIZE_MM
    return np.array([[x, y], [x + s, y], [x + s, y + s], [x, y + s]], dtype=np.float64)


def _apply(h: np.ndarray, pts: np.ndarray) -> np.ndarray:
    p = np.hstack([pts, np.ones((len(pts), 1))]) @ h.T
    return p[:, :2] / p[:, 2:3]


def _find_fiducial(gray: np.ndarray, centre: np.ndarray, px_per_mm: float, reach_mm: float = 9.0):
    """Centre of the solid fiducial square nearest ``centre`` (image pixels) within
    ``reach_mm``, or ``None``."""
    import cv2

    half = int(round(reach_mm * px_per_mm))
    cx, cy = int(round(centre[0])), int(round(centre[1]))
    x0, y0 = max(cx - half, 0), max(cy - half, 0)
    x1, y1 = min(cx + half, gray.shape[1]), min(cy + half, gray.shape[0])
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    win = gray[y0:y1, x0:x1]
    _t, mask = cv2.threshold(win, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, _lab, stats, cents = cv2.connectedComponentsWithStats(mask, connectivity=8)
    side = B.FIDUCIAL_MM * px_per_mm
    best, best_d = None, None
    for i in range(1, n):
        x, y, w, h, area = stats[i]
        if not 0.45 * side * side <= area <= 1.8 * side * side:
            continue
        if not 0.6 <= w / max(h, 1) <= 1.6 or area < 0.6 * w * h:
            continue
        if x == 0 or y == 0 or x + w >= win.shape[1] or y + h >= win.shape[0]:
            continue
        c = cents[i] + (x0, y0)
        d = float(np.hypot(*(c - centre)))
        if best_d is None or d < best_d:
            best, best_d = c, d
    return best


def locate(gray: np.ndarray, corners: np.ndarray) -> np.ndarray | None:
    """Homography from block millimetres to image pixels, or ``None`` when the form cannot
    be located (fewer than three fiducials found).

    The two fiducials beside the QR code are searched first (predicted from the QR corners);
    with them, the far two are predicted from six points, which extrapolates much better.
    """
    import cv2

    qr_mm = _qr_mm()
    h0 = cv2.getPerspectiveTransform(qr_mm.astype(np.float32), corners.astype(np.float32))
    side_px = float(np.mean([np.hypot(*(corners[i] - corners[(i + 1) % 4])) for i in range(4)]))
    px_per_mm = side_px / B.QR_SIZE_MM
    fid_mm = np.array(B.FIDUCIAL_CENTRES_MM, dtype=np.float64)
    found: list = [None] * 4
    for i in (0, 3):  # beside the QR code
        found[i] = _find_fiducial(gray, _apply(h0, fid_mm[i : i + 1])[0], px_per_mm)
    near = [i for i in (0, 3) if found[i] is not None]
    h1, reach = h0, 16.0
    if len(near) == 2:
        src = np.vstack([fid_mm[near], qr_mm]).astype(np.float32)
        dst = np.vstack([np.array([found[i] for i in near]), corners]).astype(np.float32)
        h1, _m = cv2.findHomography(src, dst, 0)
        reach = 12.0
    for i in (1, 2):  # far side
        found[i] = _find_fiducial(gray, _apply(h1, fid_mm[i : i + 1])[0], px_per_mm, reach)
    ok = [i for i, f in enumerate(found) if f is not None]
    if len(ok) == 4:
        return cv2.getPerspectiveTransform(
            fid_mm.astype(np.float32), np.array(found, dtype=np.float32)
        )
    if len(ok) == 3:
        src = np.vstack([fid_mm[ok], qr_mm]).astype(np.float32)
        dst = np.vstack([np.array([found[i] for i in ok]), corners]).astype(np.float32)
        h, _m = cv2.findHomography(src, dst, 0)
        return h
    return None


def straighten(gray: np.ndarray, h: np.ndarray) -> np.ndarray:
    """The block resampled at :data:`PX_PER_MM` (grey)."""
    import cv2

    k = PX_PER_MM
    scale = np.diag([1.0 / k, 1.0 / k, 1.0])
    size = (int(B.BLOCK_W_MM * k), int(B.BLOCK_H_MM * k))
    return cv2.warpPerspective(
        gray,
        h @ scale,
        size,
        flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
        borderMode=cv2.BORDER_REPLICATE,
    )


def read_boxes(straight: np.ndarray, rules: ReadingRules) -> list[BoxReading]:
    """Ink coverage of each box on a straightened block."""
    k = PX_PER_MM
    inset = float(rules.box_inset_mm)
    blacks = []
    for cx, cy in B.FIDUCIAL_CENTRES_MM:
        r = (B.FIDUCIAL_MM / 2 - 1.2) * k
        blacks.append(
            np.median(
                straight[int(cy * k - r) : int(cy * k + r), int(cx * k - r) : int(cx * k + r)]
            )
        )
    black = float(np.median(blacks))
    row = straight[
        int((B.BOX_Y_MM - 2) * k) : int((B.BOX_Y_MM + B.BOX_SIZE_MM + 2) * k),
        int((B.BOX_X_MM[0] - 2) * k) : int((B.BLOCK_W_MM - B.FIDUCIAL_MM - 1) * k),
    ]
    white = float(np.percentile(row, 90))
    span = max(white - black, 30.0)
    ink_t, faint_t = float(rules.ink_darkness), float(rules.faint_darkness)
    out = []
    for i in range(len(B.OPTIONS)):
        x, y, w, h = B.box_rect_mm(i)
        inner = straight[
            int((y + inset) * k) : int((y + h - inset) * k),
            int((x + inset) * k) : int((x + w - inset) * k),
        ].astype(np.float32)
        dark = (white - inner) / span
        cov = float(np.mean(dark > ink_t))
        faint = float(np.mean((dark > faint_t) & (dark <= ink_t)))
        if cov >= float(rules.marked_coverage):
            state = "marked"
        elif cov <= float(rules.blank_coverage) and faint < float(rules.faint_coverage):
            state = "empty"
        else:
            state = "doubtful"
        out.append(BoxReading(cov, faint, state))
    return out


def decide(boxes: list[BoxReading], rules: ReadingRules) -> tuple[str | None, float, str | None]:
    """``(vote, confidence, reason)`` from the three boxes."""
    marked = [i for i, b in enumerate(boxes) if b.state == "marked"]
    doubtful = [i for i, b in enumerate(boxes) if b.state == "doubtful"]
    if len(marked) >= 2:
        return None, 0.0, "two_marks"
    if len(marked) == 1 and not doubtful:
        m = float(rules.marked_coverage)
        strength = min(1.0, boxes[marked[0]].coverage / (2 * m))
        clean = min(1.0 - b.coverage / m for i, b in enumerate(boxes) if i != marked[0])
        return B.OPTIONS[marked[0]], round(max(0.0, min(strength, clean)), 3), None
    if not marked and not doubtful:
        return None, 0.0, "no_mark"
    return None, 0.0, "faint_mark"


def read_page(gray: np.ndarray, rules: ReadingRules) -> list[PageReading]:
    """Every ballot form on one grey page (an empty list item with reason ``no_qr`` or
    ``not_a_ballot`` when none is found)."""
    codes, others = find_codes(gray)
    if not codes:
        return [PageReading(None, reason="not_a_ballot" if others else "no_qr")]
    out = []
    for text, corners in codes:
        h = locate(gray, corners)
        if h is None:
            out.append(PageReading(text, reason="not_located"))
            continue
        straight = straighten(gray, h)
        boxes = read_boxes(straight, rules)
        vote, conf, reason = decide(boxes, rules)
        out.append(PageReading(text, vote, conf, reason, boxes, straight))
    return out
