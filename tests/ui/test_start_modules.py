"""What the app loads before its window's first paint (``docs/start-up.md``): the window,
the model and the project file's reader; not the engines, the plotting, PDF and
spreadsheet libraries, the dialogs, the structure editor or the writers' helpers."""

from __future__ import annotations

from tests.ui.app_process import run_app

# Starts the app as ``python -m elevator_eval`` does; when the app reports its first
# paint, the names of the modules loaded at that moment are printed on a line first.
START = """
import runpy, sys

class Watch:
    def __init__(self, out):
        self.out = out
    def write(self, text):
        if text.startswith("first-paint-s"):
            self.out.write("loaded " + " ".join(sorted(sys.modules)) + "\\n")
            vocabulary = sys.modules.get("elevator_eval.vocabulary")
            if vocabulary is not None:
                made = vocabulary.cjk_pattern.cache_info().currsize
                self.out.write(f"cjk-pattern-made {made}\\n")
        return self.out.write(text)
    def flush(self):
        self.out.flush()

sys.stdout = Watch(sys.stdout)
sys.argv = ["elevator_eval"]
runpy.run_module("elevator_eval", run_name="__main__")
"""

NOT_BEFORE_THE_FIRST_PAINT = [
    "elevator_eval.census",  # the engines: after the paint, in the background
    "elevator_eval.suitability",
    "elevator_eval.fonts",  # the documents' font code
    "elevator_eval.ui.structure",  # editing the street's structure
    "elevator_eval.ui.worker",  # the task runner
    "elevator_eval.ui.fault_report",  # reporting faults: installed after the paint
    "elevator_eval.error_text",  # errors in the reader's language
    "elevator_eval.ui.window_turns",  # the census steps aside while the window repaints
    "elevator_eval.ui.form_dialog",
    "elevator_eval.store.writing",  # saving: with the first save
    "elevator_eval.store.units",  # unit files: import and export
    "numpy",
    "matplotlib",
    "reportlab",
    "scipy",
    "openpyxl",
    "shapely",
    "glob",
    "ctypes",
    "PySide6.QtSvg",
    "hashlib",  # OpenSSL: the sample's digests come from CPython's own SHA-256 (sha256.py)
    "_hashlib",
]


def test_the_first_paint_loads_the_window_model_and_reader_only(tmp_path):
    out = run_app(START, tmp_path)
    lines = [line for line in out.splitlines() if line.startswith("loaded ")]
    assert len(lines) == 1, out[-2000:]
    loaded = set(lines[0].split()[1:])
    # what the first paint needs is there (the watch saw the real moment)
    for needed in ("elevator_eval.model", "elevator_eval.store", "elevator_eval.ui.overview"):
        assert needed in loaded
    assert [name for name in NOT_BEFORE_THE_FIRST_PAINT if name in loaded] == []
    # the Chinese characters' pattern (≈ 3 ms to compile) is made when first used
    assert "cjk-pattern-made 0" in out
    # …and the census still comes after the paint
    assert "census-ready-s" in out
