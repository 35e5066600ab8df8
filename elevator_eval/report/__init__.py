"""Printed documents (reportlab, A4, Simplified Chinese first, the bundled font embedded).

- :func:`build_proposal` — unit proposal (方案书)
- :func:`build_consent_forms` — consent forms (意见征询表), one page per household
- :func:`build_notice` — scheme notice (方案公示) for a passed vote, else refused or a vote
  progress notice (表决进展通报); personal data masked by default
- :func:`build_census_report` — street census report
- :func:`build_quotes_report` — quote comparison for the procurement committee
- :func:`write_all_proposals` — every unit's proposal, with progress and cancel

Importing this package is cheap; reportlab and matplotlib load on first use.
"""

from __future__ import annotations

__all__ = [
    "build_census_report",
    "build_consent_forms",
    "build_notice",
    "build_proposal",
    "build_quotes_report",
    "write_all_proposals",
]


def __getattr__(name):
    if name == "build_proposal":
        from .proposal import build_proposal

        return build_proposal
    if name == "build_consent_forms":
        from .consent_form import build_consent_forms

        return build_consent_forms
    if name == "build_notice":
        from .notice import build_notice

        return build_notice
    if name == "build_census_report":
        from .census_report import build_census_report

        return build_census_report
    if name == "build_quotes_report":
        from .quotes_report import build_quotes_report

        return build_quotes_report
    if name == "write_all_proposals":
        from .batch import write_all_proposals

        return write_all_proposals
    raise AttributeError(name)
