"""The SHA-256 hashers: the same digests whichever hasher serves (that the window's start
loads no OpenSSL is checked in ``tests/ui/test_start_modules.py``)."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from elevator_eval.sha256 import LARGE_BYTES, builtin_sha256, sha256, sha256_hex


def test_known_digest():
    # FIPS 180-2, appendix B.1: SHA-256("abc")
    assert sha256_hex(b"abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


@given(st.lists(st.binary(max_size=300), max_size=6))
def test_builtin_and_openssl_agree(parts):
    make = builtin_sha256()
    assert make is not None  # CPython ships its own SHA-256
    a, b = make(), hashlib.sha256()
    for p in parts:
        a.update(p)
        b.update(p)
    assert a.hexdigest() == b.hexdigest()
    assert sha256(b"".join(parts)).hexdigest() == b.hexdigest()


def test_large_inputs_use_openssl():
    # a large expected size gives hashlib's hasher, with the same digest
    h = sha256(b"x", size_hint=LARGE_BYTES)
    assert type(h) is type(hashlib.sha256())
    assert h.hexdigest() == hashlib.sha256(b"x").hexdigest()
