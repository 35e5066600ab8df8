"""Findings: what a suitability check reports about one unit.

A check (see :mod:`elevator_eval.structural` and :mod:`elevator_eval.spatial`) returns a list
of :class:`Finding`. Each finding carries a stable ``code``, a severity (``weak`` 弱干扰,
``strong`` 强干扰, ``major`` 重大干扰), a message and a remedy in Chinese and English, and the
source of the rule (a standard, a notice, or ``"app default"``). Reporting is separate: the
desktop list, the PDF section and the JSON output all render the same findings.

References
----------
Shanghai 《既有多层住宅加装电梯前期调查与可行性评估技术导则(试行)》 (2020): interference
factors graded weak / strong / major, counted into three feasibility classes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("weak", "strong", "major")
"""Severities from mildest to worst."""

SEVERITY_LABELS = {
    "weak": ("弱干扰", "weak"),
    "strong": ("强干扰", "strong"),
    "major": ("重大干扰", "major"),
}
"""Severity → (Chinese label, English label)."""


@dataclass(frozen=True)
class Finding:
    """One interference factor found by a check.

    Attributes
    ----------
    code : str
        Stable identifier, e.g. ``"danger_grade"``, ``"pipe_gas"``, ``"footprint_small"``.
    severity : str
        ``"weak"``, ``"strong"`` or ``"major"``.
    message_zh, message_en : str
        What was found, with the numbers compared.
    remedy_zh, remedy_en : str
        What could remove or reduce the factor.
    source : str
        The standard, notice or rule the check comes from, or ``"app default"``.
    ruleset : str
        Name of the suitability ruleset whose check made the finding.
    threshold : dict
        The check's limits that were applied, from that ruleset (e.g.
        ``{"min_width_m": Decimal("4.0")}``), so that a drawing or document can show the
        limit without checking again.
    """

    code: str
    severity: str
    message_zh: str
    message_en: str
    remedy_zh: str = ""
    remedy_en: str = ""
    source: str = ""
    ruleset: str = ""
    threshold: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}, got {self.severity!r}")

    def message(self, lang: str = "zh") -> str:
        """The message in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.message_en if lang == "en" else self.message_zh

    def remedy(self, lang: str = "zh") -> str:
        """The remedy in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.remedy_en if lang == "en" else self.remedy_zh

    def severity_label(self, lang: str = "zh") -> str:
        """The severity's label in ``lang`` (``"zh"`` or ``"en"``)."""
        zh, en = SEVERITY_LABELS[self.severity]
        return en if lang == "en" else zh

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        """The spec §2 keys (``code``, ``severity``, ``message``) plus both languages."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message(lang),
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "remedy_zh": self.remedy_zh,
            "remedy_en": self.remedy_en,
            "source": self.source,
            "ruleset": self.ruleset,
            "threshold": dict(self.threshold),
        }


def count_severities(findings: Iterable[Finding]) -> dict[str, int]:
    """``{"weak": n, "strong": n, "major": n}`` for a list of findings."""
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        counts[f.severity] += 1
    return counts
