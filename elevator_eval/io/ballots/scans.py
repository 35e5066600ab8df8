"""Load scans (PNG, JPEG, multi-page PDF) as grey pages, refusing hostile files early.

PDF pages are rendered with pypdfium2 (PDFium, the PDF engine of Chromium, maintained and
shipped as wheels for every platform); when it is not installed, poppler's ``pdftoppm`` is
used if it is on the path. Caps from the reading rules (``rules/ballots/default.json``):
``max_file_bytes`` per file, ``max_pixels`` per page (an image's size is read from its header
before any pixel is decoded, so a decompression bomb is refused without inflating it) and
``max_pages`` per PDF.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ...ballots import ReadingRules
from ...errors import InputError

SUFFIXES = (".png", ".jpg", ".jpeg", ".pdf")


@dataclass
class ScanFile:
    """One loaded file: its bytes' SHA-256 and its pages as 8-bit grey arrays."""

    path: Path
    sha256: str
    kind: str
    pages: list[np.ndarray]


def _kind(head: bytes) -> str | None:
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    return None


def load_scan(path, rules: ReadingRules) -> ScanFile:
    """Read one scan file.

    Raises
    ------
    InputError
        naming the file: missing, too big, not a PNG/JPEG/PDF, truncated or corrupt, too
        many pixels, too many pages.
    """
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except OSError:
        raise InputError(name, "cannot be read (no such file)") from None
    if path.is_dir():
        raise InputError(name, "is a folder, not a scan")
    if size > rules.max_file_bytes:
        raise InputError(name, f"is {size:,} bytes; at most {rules.max_file_bytes:,} are read")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(name, f"cannot be read ({e.strerror or e})") from None
    kind = _kind(data[:1024])
    if kind is None:
        raise InputError(name, "is not a PNG, JPEG or PDF file")
    sha = hashlib.sha256(data).hexdigest()
    pages = _pdf_pages(data, name, rules) if kind == "pdf" else [_image(data, name, rules)]
    return ScanFile(path, sha, kind, pages)


def _image(data: bytes, name: str, rules: ReadingRules) -> np.ndarray:
    from PIL import Image, ImageOps

    try:
        img = Image.open(io.BytesIO(data))
        w, h = img.size  # from the header; no pixel decoded yet
    except Image.DecompressionBombError:
        raise InputError(name, "has too many pixels (decompression bomb?)") from None
    except (OSError, ValueError, SyntaxError):
        raise InputError(name, "is not a readable image (corrupt header)") from None
    if w * h > rules.max_pixels:
        raise InputError(
            name, f"has {w}×{h} = {w * h:,} pixels; at most {rules.max_pixels:,} are read"
        )
    try:
        if img.format == "JPEG":
            img.draft("L", img.size)  # decode straight to grey: twice as fast
        img.load()
        upright = ImageOps.exif_transpose(img)
        grey = upright.convert("L")
    except Image.DecompressionBombError:
        raise InputError(name, "has too many pixels (decompression bomb?)") from None
    except (OSError, ValueError, SyntaxError, EOFError) as e:
        text = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise InputError(name, f"is truncated or corrupt ({text})") from None
    return np.asarray(grey, dtype=np.uint8)


def _pdf_pages(data: bytes, name: str, rules: ReadingRules) -> list[np.ndarray]:
    try:
        import pypdfium2 as pdfium
    except ImportError:
        return _pdftoppm_pages(data, name, rules)
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception:  # pdfium raises its own error type for every broken file
        raise InputError(name, "is not a readable PDF (damaged or encrypted)") from None
    try:
        n = len(pdf)
        if n == 0:
            raise InputError(name, "is a PDF without pages")
        if n > rules.max_pages:
            raise InputError(name, f"has {n:,} pages; at most {rules.max_pages} are read")
        pages = []
        for i in range(n):
            page = pdf[i]
            w_pt, h_pt = page.get_size()
            scale = _scale(w_pt, h_pt, rules)
            try:
                bitmap = page.render(scale=scale, grayscale=True)
                arr = bitmap.to_numpy()
            except Exception:
                raise InputError(name, f"page {i + 1} cannot be rendered") from None
            pages.append(
                np.ascontiguousarray(arr[..., 0] if arr.ndim == 3 else arr, dtype=np.uint8)
            )
        return pages
    finally:
        pdf.close()


def _scale(w_pt: float, h_pt: float, rules: ReadingRules) -> float:
    """Render scale (pixels per point) at ``pdf_dpi``, lowered to keep ``max_pixels``."""
    scale = rules.pdf_dpi / 72.0
    area = max(w_pt, 1.0) * max(h_pt, 1.0)
    if area * scale * scale > rules.max_pixels:
        scale = (rules.max_pixels / area) ** 0.5
    return scale


def _pdftoppm_pages(data: bytes, name: str, rules: ReadingRules) -> list[np.ndarray]:
    """Fallback renderer: poppler's ``pdftoppm`` (when pypdfium2 is not installed)."""
    exe, info = shutil.which("pdftoppm"), shutil.which("pdfinfo")
    if exe is None or info is None:
        raise InputError(name, "PDF scans need pypdfium2 or poppler (pdftoppm) installed")
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(data)
        try:
            out = subprocess.run([info, str(src)], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            raise InputError(name, "is not a readable PDF") from None
        pages = next(
            (
                int(line.split()[-1])
                for line in out.stdout.splitlines()
                if line.startswith("Pages:")
            ),
            0,
        )
        if out.returncode != 0 or pages == 0:
            raise InputError(name, "is not a readable PDF (damaged or encrypted)")
        if pages > rules.max_pages:
            raise InputError(name, f"has {pages:,} pages; at most {rules.max_pages} are read")
        try:
            subprocess.run(
                [exe, "-r", str(rules.pdf_dpi), "-gray", "-png", str(src), str(Path(tmp) / "p")],
                capture_output=True,
                timeout=600,
                check=True,
            )
        except (OSError, subprocess.SubprocessError):
            raise InputError(name, "cannot be rendered") from None
        result = []
        for png in sorted(Path(tmp).glob("p-*.png")):
            with Image.open(png) as img:
                if img.size[0] * img.size[1] > rules.max_pixels:
                    raise InputError(name, "has a page with too many pixels")
                result.append(np.asarray(img.convert("L"), dtype=np.uint8))
        return result
