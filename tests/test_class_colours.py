"""The three classes look the same on paper as on screen: green / blue / red, as the
window's tree and table colour them (the printed census drew 较难 in orange)."""

from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium

from elevator_eval.palette import CLASS_COLOURS
from elevator_eval.report.census_report import build_census_report
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)])


def _pixels_near(image: np.ndarray, colour: str, tolerance: int = 12) -> int:
    return int((np.abs(image[:, :, :3].astype(int) - _rgb(colour)).max(axis=2) <= tolerance).sum())


def test_the_printed_census_colours_the_classes_as_the_window_does():
    buf = io.BytesIO()
    build_census_report(open_project(sample_project_path()), out=buf)
    page = pdfium.PdfDocument(buf.getvalue())[0]
    image = np.asarray(page.render(scale=1.5).to_pil().convert("RGB"))
    for klass, colour in CLASS_COLOURS.items():
        assert _pixels_near(image, colour) > 300, klass  # each class's bars
    assert _pixels_near(image, "#E0A030") == 0  # the former orange


def test_the_window_takes_its_colours_from_the_same_table():
    from elevator_eval.ui import style

    assert style.CLASS_COLOURS == CLASS_COLOURS
