"""Write ``resources/fonts/proposal-common-zh.txt``: the characters every Chinese proposal
prints, which take the first two 256-code subsets of the embedded font.

reportlab embeds the bundled font as subsets of 256 codes, given to the characters in the
order a document first draws them; each subset is cut out of the font and compressed for
every document. When a fixed list of characters takes the first codes, the first subsets
are the same in every proposal and :mod:`elevator_eval.fonts` builds and compresses them
once per process. The list holds exactly as many characters as two subsets take (159 in the
first, where ASCII keeps its own codes, and 254 in the second): the characters printed by
every Chinese proposal of the sample street (its names put in ASCII), those printed most
often, in the order the first proposal draws them. A character a
proposal does not print costs its glyph in that file (about 130 bytes); the pages and the
text are the same either way.

Usage (after changing the proposal's fixed text)::

    python3 tools/proposal_characters.py
"""

from __future__ import annotations

import collections
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from elevator_eval import fonts  # noqa: E402
from elevator_eval.report.proposal import build_proposal  # noqa: E402
from elevator_eval.resources import sample_project_path  # noqa: E402
from elevator_eval.store import open_project  # noqa: E402

OUT = ROOT / "resources" / "fonts" / fonts.PROPOSAL_CHARACTERS_FILE
SLOTS = 159 + 254  # non-ASCII codes of the first two subsets


def _printed(unit, project) -> collections.Counter:
    """Non-ASCII characters of the main font the proposal of ``unit`` draws, with counts."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(fonts.register_reportlab())
    try:
        fixed = fonts.proposal_characters()
    except FileNotFoundError:
        fixed = ""
    seen: collections.Counter = collections.Counter()
    split = font.splitString

    def counting(text, doc, encoding="utf-8"):
        if text != fixed:  # not the list this tool writes, given its codes first
            seen.update(c for c in text if ord(c) > 127)
        return split(text, doc, encoding)

    font.splitString = counting  # this tool's process only
    try:
        build_proposal(unit, project=project, lang="zh", out=io.BytesIO())
    finally:
        del font.splitString
    return seen


def _without_names(project):
    """The sample project with its names and organisation in ASCII: the list is made of
    what a proposal prints whatever its project, community, building and unit are called."""
    project.name = "P"
    project.settings = {k: v for k, v in project.settings.items() if k != "organisation"}
    for c in project.communities:
        c.name = "C"
        for b in c.buildings:
            b.name = "B"
            for u in b.units:
                u.name = u.id
    return project


def main() -> int:
    project = _without_names(open_project(sample_project_path()))
    per_doc = [_printed(u, project) for u in project.units()]
    everywhere = set.intersection(*(set(c) for c in per_doc))
    total: collections.Counter = collections.Counter()
    for c in per_doc:
        total.update(c)
    if len(everywhere) < SLOTS:
        print(f"only {len(everywhere)} characters are in every proposal; need {SLOTS}")
        return 1
    chosen = sorted(everywhere, key=lambda ch: (-total[ch], ch))[:SLOTS]
    # in the order the first proposal draws them, as reportlab would give them codes: the
    # characters of one text then mostly share a subset (each change of subset inside a
    # text is one more font switch in the page content)
    first = {ch: i for i, ch in enumerate(per_doc[0])}
    chosen.sort(key=first.__getitem__)
    header = (
        "# The characters every Chinese proposal prints (tools/proposal_characters.py):\n"
        "# they take the first codes of the embedded font, so its first subsets are the same\n"
        "# in every proposal. One line of characters follows.\n"
    )
    OUT.write_text(header + "".join(chosen) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(chosen)} of the {len(everywhere)} characters in every proposal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
