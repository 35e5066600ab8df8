"""The built wheel carries its data: the font, the rule files and the sample project."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow  # builds the wheel with pip: the full tier


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "-q",
            "-w",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    wheels = list(out.glob("elevator_eval-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as z:
        return set(z.namelist())


def test_wheel_has_the_code_and_entry_point(wheel):
    names = _names(wheel)
    assert "elevator_eval/cli.py" in names
    assert "elevator_eval/ui/__init__.py" in names
    with zipfile.ZipFile(wheel) as z:
        ep = next(n for n in names if n.endswith("entry_points.txt"))
        assert "elevator-eval = elevator_eval.cli:main" in z.read(ep).decode()


def test_wheel_has_every_data_file_of_the_checkout(wheel):
    names = _names(wheel)
    rules = [
        p.relative_to(ROOT).as_posix() for p in (ROOT / "elevator_eval" / "rules").rglob("*.json")
    ]
    for r in rules:
        assert r in names, f"{r} missing from the wheel"
    resources = [
        p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file()
    ]
    for r in resources:
        assert f"elevator_eval/resources/{r}" in names, f"resources/{r} missing from the wheel"


def test_wheel_has_font_and_sample(wheel):
    names = _names(wheel)
    fonts = [
        n for n in names if n.startswith("elevator_eval/resources/fonts/") and n.endswith(".ttf")
    ]
    samples = [
        n
        for n in names
        if n.startswith("elevator_eval/resources/sample/") and n.endswith(".eeproj")
    ]
    assert fonts, "no bundled font in the wheel"
    assert "elevator_eval/resources/sample/sample-street.eeproj" in samples


def test_sample_folder_holds_no_migration_backups():
    """Opening an older project file leaves ``<name>.bak-v<N>`` beside it; such a copy of the
    sample is not part of what ships (checked on the source folder the wheel packs)."""
    sample = ROOT / "resources" / "sample"
    backups = [p.name for p in sample.iterdir() if ".bak-v" in p.name]
    assert backups == []
