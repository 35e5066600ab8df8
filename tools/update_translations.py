"""Extract the interface strings and compile the English translation.

    python tools/update_translations.py          # lupdate + lrelease
    python tools/update_translations.py --check  # fail when a string has no English

Source strings are Simplified Chinese (the primary language) in ``self.tr(...)`` and
``QCoreApplication.translate(context, ...)`` calls under ``elevator_eval/ui/``;
``resources/translations/elevator_eval_en.ts`` holds the English (edit it with Qt
Linguist or by hand) and ``elevator_eval_en.qm`` is its compiled form, loaded at run time.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "elevator_eval" / "ui"
TS = ROOT / "resources" / "translations" / "elevator_eval_en.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    path = Path(PySide6.__file__).parent / name
    if path.exists():
        return str(path)
    sys.exit(f"{name} not found: install PySide6-Essentials")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in UI.glob("*.py"))


def lupdate() -> None:
    subprocess.run(
        [
            _tool("lupdate"),
            *sources(),
            "-source-language",
            "zh_CN",
            "-target-language",
            "en_US",
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(TS.relative_to(ROOT)),
        ],
        cwd=ROOT,
        check=True,
    )


QT_SUPPLEMENT = TS.with_name("qt_supplement_zh_CN.ts")
"""Chinese for the texts of Qt's own dialogs that qtbase_zh_CN leaves in English."""


def lrelease() -> None:
    for ts in (TS, QT_SUPPLEMENT):
        subprocess.run(
            [_tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def unfinished(ts: Path = TS) -> list[tuple[str, str]]:
    """(context, source) of every message without an English translation."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            forms = [] if tr is None else tr.findall("numerusform")
            # a count's message (numerus="yes") holds one form per English number
            texts = (
                [f.text for f in forms]
                if msg.get("numerus") == "yes"
                else [None if tr is None else tr.text]
            )
            if (
                tr is None
                or tr.get("type") in ("unfinished", "vanished", "obsolete")
                or not all((t or "").strip() for t in texts)
            ):
                if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                    continue
                out.append((name, msg.findtext("source")))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--check", action="store_true", help="only report strings without English; exit 1 if any"
    )
    args = ap.parse_args(argv)
    if not args.check:
        lupdate()
    missing = unfinished()
    for ctx, src in missing:
        print(f"untranslated [{ctx}] {src}")
    if not args.check:
        lrelease()
    print(f"{len(missing)} untranslated strings")
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    sys.exit(main())
