"""The scheme version printed on every document: the unit's version number and a short
hash of everything the household agrees to (cost lines, subsidy rules, share settings and
the computed shares), so that a signature is bound to the scheme the household saw."""

from __future__ import annotations

import hashlib
import json


def scheme_fingerprint(unit, share=None) -> str:
    """Short hash (8 hex digits) binding a signature to the scheme the household saw.

    Covers the capital and running cost lines, the subsidy rules, the share settings and,
    when ``share`` (a :class:`~elevator_eval.costshare_result.ShareResult`) is given, every computed
    capital share and yearly running share. Any change to these changes the hash.
    """

    def s(v):
        return None if v is None else str(v)

    data = {
        "unit": unit.id,
        "version": unit.scheme_version,
        "items": {k: s(v) for k, v in sorted(unit.costs.items_yuan.items())},
        "total_given": s(unit.costs.total_yuan_given),
        "annual": {k: s(v) for k, v in sorted(unit.costs.annual_om_yuan.items())},
        "subsidies": [{k: s(v) for k, v in sorted(rule.items())} for rule in unit.subsidies],
        "share": {
            "method": unit.share.method,
            "exempt": sorted(unit.share.exempt_floors),
            "coefficients": None
            if unit.share.coefficients is None
            else {str(k): s(v) for k, v in sorted(unit.share.coefficients.items())},
            "percent": None
            if unit.share.percent_by_floor is None
            else {str(k): s(v) for k, v in sorted(unit.share.percent_by_floor.items())},
            "rounding": s(unit.share.rounding_yuan),
            "table": unit.share.table,
            "extra": json.loads(json.dumps(unit.share.extra, default=str, sort_keys=True)),
        },
    }
    if share is not None:
        data["shares"] = [
            [h.id, s(h.share_yuan), s(h.annual_running_yuan)] for h in share.households
        ]
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:8]


def scheme_label(unit, share=None) -> str:
    """``"v3-1a2b3c4d"``: the unit's scheme version and the fingerprint."""
    return f"v{unit.scheme_version}-{scheme_fingerprint(unit, share)}"
