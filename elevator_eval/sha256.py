"""SHA-256 hashers without loading OpenSSL for small inputs at start-up.

``hashlib`` loads OpenSSL's library when imported (about 4–6 ms, before the window's first
paint: the project file's content digest and the merge base's digests are checked when it
opens). CPython's own SHA-256 gives the same digests and loads nothing, but is about 6×
slower per byte (0.28 s against 0.04 s for 50 MB here). :func:`sha256` gives OpenSSL's
hasher for large inputs, and for every input once ``hashlib`` is loaded anyway (reportlab,
the ballots and the batch load it), CPython's own otherwise.
"""

from __future__ import annotations

import functools
import sys
from typing import Any, Protocol

LARGE_BYTES = 1 << 20
"""From this many bytes on (1 MiB) a hash is worth loading OpenSSL's."""


class Hasher(Protocol):
    """What :func:`sha256` gives (hashlib's hasher interface, as far as used here)."""

    def update(self, data: bytes, /) -> None: ...

    def hexdigest(self) -> str: ...

    def digest(self) -> bytes: ...


@functools.cache
def builtin_sha256() -> Any:
    """CPython's own SHA-256 constructor (``_sha2`` from 3.12 on, ``_sha256`` before),
    or None where the build has neither; looked up once (a failed import searches the
    whole path: ≈ 0.1 ms)."""
    for name in ("_sha2", "_sha256"):
        try:
            module = __import__(name)
        except ImportError:
            continue
        make = getattr(module, "sha256", None)
        if make is not None:
            return make
    return None


def sha256(data: bytes = b"", *, size_hint: int = 0) -> Hasher:
    """A SHA-256 hasher (``update``, ``hexdigest``, ``digest``) fed ``data``.

    Parameters
    ----------
    data : bytes
        The first bytes to hash.
    size_hint : int
        Bytes the caller expects to feed in all [B]; from :data:`LARGE_BYTES` on (or
        ``data`` that long) the hasher is OpenSSL's.
    """
    if "hashlib" not in sys.modules and max(size_hint, len(data)) < LARGE_BYTES:
        make = builtin_sha256()
        if make is not None:
            own: Hasher = make(data)
            return own
    import hashlib

    return hashlib.sha256(data)


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 hexadecimal digits."""
    return sha256(data).hexdigest()
