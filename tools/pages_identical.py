"""Check that a change to the document code leaves the printed pages as they were.

``build`` writes a fixed set of documents of the bundled sample street with the code of the
checkout on ``PYTHONPATH`` (without it, the checkout this script sits in): the proposal 方案书 of every unit in Chinese and of five units in
English, the notice 公示 and the consent forms 意见征询表 of two units in both languages, and
the census report 普查报告 in both languages (fixed form secret and notice date, so two
builds differ only where the code differs). ``compare`` renders every page of two such sets
at 80 dpi with ``pdftoppm`` (poppler) and compares them pixel by pixel, and compares the text
``pdftotext`` extracts; it prints each difference and exits 1 when there is one.

    PYTHONPATH=OLD_CHECKOUT python3 tools/pages_identical.py build OLD_DIR
    PYTHONPATH=NEW_CHECKOUT python3 tools/pages_identical.py build NEW_DIR
    python3 tools/pages_identical.py compare OLD_DIR NEW_DIR
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if not os.environ.get("PYTHONPATH") and str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DPI = 80
FORM_SECRET = "ab" * 32
NOTICE_START = dt.date(2026, 11, 2)


def build(out: Path) -> int:
    """Write the documents into ``out``; returns how many."""
    from elevator_eval import ballots
    from elevator_eval.report.census_report import build_census_report
    from elevator_eval.report.consent_form import build_consent_forms
    from elevator_eval.report.notice import build_notice
    from elevator_eval.report.proposal import build_proposal
    from elevator_eval.resources import sample_project_path
    from elevator_eval.store import open_project

    out.mkdir(parents=True, exist_ok=True)
    p = open_project(sample_project_path())
    p.settings.setdefault(ballots.SETTINGS_KEY, {})["secret"] = FORM_SECRET
    units = p.units()
    for lang in ("zh", "en"):
        picked = range(len(units)) if lang == "zh" else range(0, len(units), 3)
        for i in picked:
            build_proposal(
                units[i], project=p, lang=lang, out=str(out / f"proposal_{lang}_{i:02d}.pdf")
            )
        for i in (0, len(units) // 3):
            build_notice(
                units[i],
                project=p,
                lang=lang,
                out=str(out / f"notice_{lang}_{i}.pdf"),
                start=NOTICE_START,
            )
            build_consent_forms(
                units[i], project=p, lang=lang, out=str(out / f"consent_{lang}_{i}.pdf")
            )
        build_census_report(p, lang=lang, out=str(out / f"census_{lang}.pdf"))
    return len(list(out.glob("*.pdf")))


def _pages(pdf: Path, into: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(into / pdf.stem)], check=True)
    return sorted(into.glob(f"{pdf.stem}-*.png"))


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def compare(old: Path, new: Path) -> list[str]:
    """Differences between the documents of ``old`` and ``new`` (empty when none)."""
    from PIL import Image, ImageChops

    problems = []
    names = sorted(f.name for f in old.glob("*.pdf"))
    if names != sorted(f.name for f in new.glob("*.pdf")):
        problems.append("the two sets hold different documents")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            a, b = old / name, new / name
            if not b.exists():
                continue
            if _text(a) != _text(b):
                problems.append(f"{name}: the extracted text differs")
            da, db = Path(tmp, "old"), Path(tmp, "new")
            for d in (da, db):
                d.mkdir(exist_ok=True)
            pa, pb = _pages(a, da), _pages(b, db)
            if len(pa) != len(pb):
                problems.append(f"{name}: {len(pa)} pages against {len(pb)}")
            for x, y in zip(pa, pb):
                with Image.open(x) as ia, Image.open(y) as ib:
                    if ia.size != ib.size:
                        problems.append(f"{x.name}: page size differs")
                        continue
                    box = ImageChops.difference(ia.convert("RGB"), ib.convert("RGB")).getbbox()
                if box is not None:
                    problems.append(f"{x.name}: pixels differ in {box}")
            for f in (*pa, *pb):
                f.unlink()
    return problems


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "build":
        print(f"{build(Path(argv[1]))} documents in {argv[1]}")
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        problems = compare(Path(argv[1]), Path(argv[2]))
        for p in problems:
            print(p)
        print("pixel-identical, the same text" if not problems else f"{len(problems)} differences")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
