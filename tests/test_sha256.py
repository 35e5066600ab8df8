"""The SHA-256 hashers: the same digests whichever hasher serves, and no OpenSSL loaded
before the window's first paint."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

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


def test_window_start_loads_no_openssl(tmp_path):
    """Opening the sample in the window's modules (its content digest checked) leaves
    hashlib and OpenSSL unloaded: about 5 ms less before the first paint."""
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from elevator_eval.ui import app as A\n"
        "from elevator_eval.ui.main_window import MainWindow\n"
        "a = A.ensure_app(guard=False)\n"
        "w = MainWindow(A.Settings())\n"
        "w.doc.defer_engines = True\n"
        "w.open_initial(None)\n"
        "assert w.doc.project is not None and w.doc.project.units()\n"
        "print(sorted(m for m in ('hashlib', '_hashlib') if m in sys.modules))\n"
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"
