"""Tender scoring by the comprehensive scoring method (综合评分法) as the procurement rules
say (``rules/procurement/tender.json``, each rule with its source):

- the price weight must lie in the legal range of the procurement method and kind
  (competitive consultation: goods 30–60, services 10–30; open tender: goods ≥ 30,
  services ≥ 10);
- a bid above the maximum price (最高限价) or the budget is invalid, with the reason;
- the price score uses the bid price only (低价优先法); life-cycle cost is analysis;
- equal score and equal price are tied (并列) and the rule that breaks a tie is stated;
- fewer than three valid bids is flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from ..errors import InputError
from ..money import to_decimal
from ..vocabulary import counted
from .catalogue import Amount, rule

TENDER_KINDS = ("goods", "services")
METHODS = ("competitive_consultation", "open_tender")
METHOD_ALIASES = {
    "consultation": "competitive_consultation",
    "competitive-consultation": "competitive_consultation",
    "竞争性磋商": "competitive_consultation",
    "open-tender": "open_tender",
    "tender": "open_tender",
    "公开招标": "open_tender",
}


def tender_rules() -> dict[str, Any]:
    """``rules/procurement/tender.json``."""
    return rule("tender")


def default_method() -> str:
    return str(tender_rules()["default_method"]["value"])


def method_name(text: str | None) -> str:
    """The canonical method name of ``text`` (aliases allowed); the default for ``None``."""
    if text is None:
        return default_method()
    name = METHOD_ALIASES.get(text, text)
    if name not in METHODS:
        raise InputError(
            "--method",
            f"unknown procurement method {text!r} (competitive_consultation or open_tender)",
        )
    return name


def weight_range(kind: str, method: str | None = None) -> tuple[Decimal, Decimal]:
    """The legal price-weight range ``(min, max)`` in points of 100 for the kind and method."""
    m = tender_rules()["methods"][method_name(method)]["price_weight_percent"][kind]
    return Decimal(m["min"]), Decimal(m["max"])


@dataclass(frozen=True)
class TenderWeights:
    """Weights of the comprehensive scoring method in points out of 100.

    ``kind`` is ``goods`` or ``services``; ``method`` ``competitive_consultation`` or
    ``open_tender`` (default from the rule data).
    """

    price: Decimal
    technical: Decimal
    service: Decimal
    kind: str = "goods"
    method: str = ""

    @property
    def method_name(self) -> str:
        return method_name(self.method or None)


def validate_weights(w: TenderWeights) -> TenderWeights:
    """Weights ≥ 0, summing to 100, the price weight within the legal range.

    Raises
    ------
    InputError
        naming ``weights.price`` / ``weights.technical`` / ``weights.service`` / ``weights``.
    """
    if w.kind not in TENDER_KINDS:
        raise InputError("weights.kind", f"must be goods or services, got {w.kind!r}")
    method = method_name(w.method or None)
    vals = {k: to_decimal(getattr(w, k), f"weights.{k}") for k in ("price", "technical", "service")}
    lo, hi = weight_range(w.kind, method)
    if not lo <= vals["price"] <= hi:
        src = tender_rules()["methods"][method]
        raise InputError(
            "weights.price",
            f"price weight {vals['price']} is outside the legal range {lo}–{hi} "
            f"for {w.kind} in {src['title_en']} ({src['source_zh']})",
        )
    total = sum(vals.values(), Decimal(0))
    if total != 100:
        raise InputError("weights", f"weights must add up to 100, got {total}")
    return TenderWeights(vals["price"], vals["technical"], vals["service"], w.kind, method)


@dataclass
class Bid:
    """One bid: the bid price and the evaluators' points.

    Attributes
    ----------
    bidder : str
        Bid id (product id in a quote comparison).
    price_yuan : Decimal
        Bid price per elevator [yuan], > 0.
    technical_points, service_points : Decimal
        Evaluators' points, within the technical and service weights.
    valid : bool
        ``False`` for a non-responsive bid (it is neither the benchmark nor ranked).
    invalid_reason : str
    lot_total_yuan : Decimal or None
        The bid for the whole lot (price × quantity), checked against the budget [yuan].
    """

    bidder: str
    price_yuan: Decimal
    technical_points: Decimal
    service_points: Decimal
    valid: bool = True
    invalid_reason: str = ""
    lot_total_yuan: Decimal | None = None


@dataclass
class BidScore:
    bidder: str
    price_yuan: Decimal
    price_score: Fraction
    technical_points: Decimal
    service_points: Decimal
    total: Fraction
    rank: int | None
    tied: bool = False


@dataclass
class Crossing:
    """At ``price_weight`` the total of ``bidder_a`` equals that of ``bidder_b``."""

    price_weight: Fraction
    bidder_a: str
    bidder_b: str


@dataclass
class TenderResult:
    """Scores, ranking, warnings and rank-reversal sensitivity of a tender.

    Attributes
    ----------
    scores : list of BidScore
        Valid bids in rank order; tied bids share a rank (``tied`` set).
    excluded : list of Bid
        Invalid bids with their reasons.
    benchmark_yuan : Decimal
        Lowest valid bid price (评标基准价) [yuan].
    winner : str or None
        The first-ranked bid; ``None`` when the first place is tied (see ``tied_first``).
    tied_first : list of str
        Bids tied for the first place (empty when there is one).
    warnings : list of (str, str)
        ``(zh, en)``: fewer than three valid bids, a tied first place.
    winner_stable_range : tuple of Fraction or None
        Price weights within the legal range over which the winner stays first.
    """

    weights: TenderWeights
    scores: list[BidScore]
    excluded: list[Bid]
    benchmark_yuan: Decimal | None
    winner: str | None
    winner_stable_range: tuple[Fraction, Fraction] | None
    crossings: list[Crossing]
    reversal: bool
    tied_first: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    max_price_yuan: Decimal | None = None
    budget_yuan: Decimal | None = None

    @property
    def ranking(self) -> list[str]:
        return [s.bidder for s in self.scores]

    @property
    def too_few_valid_bids(self) -> bool:
        return len(self.scores) < int(tender_rules()["min_valid_bids"]["value"])

    def to_json(self) -> dict[str, Any]:
        w = self.weights
        ties = tender_rules()["ties"]
        lo, hi = weight_range(w.kind, w.method)
        return {
            "weights": {
                "price": w.price,
                "technical": w.technical,
                "service": w.service,
                "kind": w.kind,
                "method": w.method_name,
            },
            "legal_price_weight_range": [lo, hi],
            "max_price_yuan": self.max_price_yuan,
            "budget_yuan": self.budget_yuan,
            "price_basis": "bid_price",
            "benchmark_yuan": self.benchmark_yuan,
            "winner": self.winner,
            "tied_first": list(self.tied_first),
            "tie_rule_zh": ties["rule_zh"],
            "tie_rule_en": ties["rule_en"],
            "ranking": self.ranking,
            "scores": [
                {
                    "bidder": s.bidder,
                    "rank": s.rank,
                    "tied": s.tied,
                    "price_yuan": s.price_yuan,
                    "price_score": round2(s.price_score),
                    "technical_points": s.technical_points,
                    "service_points": s.service_points,
                    "total": round2(s.total),
                }
                for s in self.scores
            ],
            "excluded": [{"bidder": b.bidder, "reason": b.invalid_reason} for b in self.excluded],
            "valid_bids": len(self.scores),
            "too_few_valid_bids": self.too_few_valid_bids,
            "warnings": [{"zh": zh, "en": en} for zh, en in self.warnings],
            "winner_stable_range": None
            if self.winner_stable_range is None
            else [round2(x) for x in self.winner_stable_range],
            "crossings": [
                {"price_weight": round2(c.price_weight), "a": c.bidder_a, "b": c.bidder_b}
                for c in self.crossings
            ],
            "rank_reversal": self.reversal,
        }


def round2(f: Fraction) -> Decimal:
    """A fraction rounded half up to two decimals."""
    return (Decimal(f.numerator) / Decimal(f.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def price_score(benchmark_yuan: Decimal, bid_yuan: Decimal, price_weight: Decimal) -> Fraction:
    """Low-price benchmark method (低价优先法): ``benchmark ÷ bid × price weight`` points.

    References
    ----------
    财政部令第87号 Art. 55.
    """
    return Fraction(benchmark_yuan) / Fraction(bid_yuan) * Fraction(price_weight)


def _validate_bids(bids: Sequence[Bid], w: TenderWeights) -> None:
    seen = set()
    for i, b in enumerate(bids):
        f = f"bids[{i}]"
        if not b.bidder or b.bidder in seen:
            raise InputError(f"{f}.bidder", f"must be a unique non-empty id, got {b.bidder!r}")
        seen.add(b.bidder)
        to_decimal(b.price_yuan, f"{f}.price_yuan", allow_zero=False)
        for k, cap in (("technical_points", w.technical), ("service_points", w.service)):
            v = to_decimal(getattr(b, k), f"{f}.{k}")
            if v > cap:
                raise InputError(f"{f}.{k}", f"{v} is more than its weight {cap}")


def join_reasons(reasons: Sequence[tuple[str, str]]) -> str:
    """``[(zh, en), …]`` as one ``"中文；中文 / English; English"`` message."""
    return "；".join(zh for zh, _ in reasons) + " / " + "; ".join(en for _, en in reasons)


def split_reasons(text: str) -> list[tuple[str, str]]:
    """The inverse of :func:`join_reasons` for a message made by it (else one pair)."""
    if " / " not in text:
        return [(text, text)] if text else []
    zh, en = text.split(" / ", 1)
    zhs, ens = zh.split("；"), en.split("; ")
    return list(zip(zhs, ens)) if len(zhs) == len(ens) else [(zh, en)]


def apply_caps(
    bids: Sequence[Bid], max_price_yuan: Amount | None = None, budget_yuan: Amount | None = None
) -> list[Bid]:
    """Bids with those above the maximum price (per elevator) or the budget (the lot) made
    invalid, with the reason (财政部令第87号 Art. 63)."""
    cap = (
        None
        if max_price_yuan is None
        else to_decimal(max_price_yuan, "--max-price", allow_zero=False)
    )
    budget = None if budget_yuan is None else to_decimal(budget_yuan, "--budget", allow_zero=False)
    src = tender_rules()["over_cap_invalid"]["source_zh"]
    out = []
    for b in bids:
        reasons = split_reasons(b.invalid_reason)
        before = len(reasons)
        if cap is not None and b.price_yuan > cap:
            reasons.append(
                (
                    f"投标报价 {b.price_yuan:,.0f} 元/台超过最高限价 {cap:,.0f} 元/台（{src}）",
                    f"bid price {b.price_yuan:,.0f} yuan per elevator is above the "
                    f"maximum price {cap:,.0f}",
                )
            )
        total = b.lot_total_yuan
        if budget is not None and total is not None and total > budget:
            reasons.append(
                (
                    f"投标总价 {total:,.0f} 元超过采购预算 {budget:,.0f} 元（{src}）",
                    f"lot total {total:,.0f} yuan is above the budget {budget:,.0f}",
                )
            )
        if len(reasons) > before:
            out.append(
                Bid(
                    b.bidder,
                    b.price_yuan,
                    b.technical_points,
                    b.service_points,
                    False,
                    join_reasons(reasons),
                    b.lot_total_yuan,
                )
            )
        else:
            out.append(b)
    return out


def _rank(scored: list[BidScore]) -> None:
    """Order by total (high first), then price (low first); equal total and price tied."""
    scored.sort(key=lambda s: (-s.total, s.price_yuan, s.bidder))
    for i, s in enumerate(scored):
        prev = scored[i - 1] if i else None
        if prev is not None and prev.total == s.total and prev.price_yuan == s.price_yuan:
            s.rank, s.tied, prev.tied = prev.rank, True, True
        else:
            s.rank = i + 1


def _warnings(scored: list[BidScore], tied_first: list[str]) -> list[tuple[str, str]]:
    rules = tender_rules()
    need = int(rules["min_valid_bids"]["value"])
    out = []
    if len(scored) < need:
        src = rules["min_valid_bids"]["source_zh"]
        out.append(
            (
                f"有效投标仅 {len(scored)} 家，不足 {need} 家（{src}）：本次采购不能按原方式"
                f"确定中标人",
                f"only {counted(len(scored), 'valid bid')}, fewer than {need}: the "
                f"procurement cannot award as planned (MOF Order 87)",
            )
        )
    if tied_first:
        out.append(
            (
                f"{'、'.join(tied_first)} 得分与报价均相同，并列第一：" + rules["ties"]["rule_zh"],
                f"{', '.join(tied_first)} tie for first place on score and price: "
                + rules["ties"]["rule_en"],
            )
        )
    return out


def score_tender(
    bids: Sequence[Bid],
    weights: TenderWeights,
    *,
    max_price_yuan: Amount | None = None,
    budget_yuan: Amount | None = None,
) -> TenderResult:
    """Score, rank and test the ranking's sensitivity to the price weight.

    Price score by the low-price benchmark method on the bid price; total = price score +
    technical points + service points. Bids above ``max_price_yuan`` (per elevator) or
    ``budget_yuan`` (``lot_total_yuan``) are invalid. The sensitivity varies the price weight
    over the legal range with the technical and service points rescaled by
    ``(100 − x) / (100 − w₀)``.
    """
    w = validate_weights(weights)
    _validate_bids(bids, w)
    bids = apply_caps(bids, max_price_yuan, budget_yuan)
    valid = [b for b in bids if b.valid]
    excluded = [b for b in bids if not b.valid]
    caps = dict(
        max_price_yuan=None if max_price_yuan is None else Decimal(max_price_yuan),
        budget_yuan=None if budget_yuan is None else Decimal(budget_yuan),
    )
    if not valid:
        return TenderResult(
            w, [], excluded, None, None, None, [], False, [], _warnings([], []), **caps
        )
    bench = min(b.price_yuan for b in valid)
    scored = [
        BidScore(
            b.bidder,
            b.price_yuan,
            price_score(bench, b.price_yuan, w.price),
            b.technical_points,
            b.service_points,
            price_score(bench, b.price_yuan, w.price)
            + Fraction(b.technical_points)
            + Fraction(b.service_points),
            None,
        )
        for b in valid
    ]
    _rank(scored)
    tied_first = [s.bidder for s in scored if s.rank == 1] if scored[0].tied else []
    winner = None if tied_first else scored[0].bidder
    found, crossings, reversal = _sensitivity(valid, w, scored[0].bidder)
    stable: tuple[Fraction, Fraction] | None = found
    if tied_first:
        stable, reversal = None, False
    return TenderResult(
        w,
        scored,
        excluded,
        bench,
        winner,
        stable,
        crossings,
        reversal,
        tied_first,
        _warnings(scored, tied_first),
        **caps,
    )


def _lines(bids: Sequence[Bid], w: TenderWeights) -> dict[str, tuple[Fraction, Fraction]]:
    """Total of each bid as ``a·x + c`` in the price weight ``x`` (other weights rescaled)."""
    bench = min(Fraction(b.price_yuan) for b in bids)
    rest = Fraction(100) - Fraction(w.price)
    out = {}
    for b in bids:
        a_price = bench / Fraction(b.price_yuan)
        other = Fraction(b.technical_points) + Fraction(b.service_points)
        out[b.bidder] = (
            (a_price, Fraction(0)) if rest == 0 else (a_price - other / rest, other * 100 / rest)
        )
    return out


def _sensitivity(
    valid: Sequence[Bid], w: TenderWeights, first: str
) -> tuple[tuple[Fraction, Fraction], list[Crossing], bool]:
    """The winner's stable price-weight range, the crossings and whether the winner changes,
    all within the legal range of the method and kind."""
    lines = _lines(valid, w)
    lo_dom, hi_dom = (Fraction(v) for v in weight_range(w.kind, w.method))
    x0 = Fraction(w.price)
    low, high = lo_dom, hi_dom
    aw, cw = lines[first]
    for other, (a, c) in lines.items():
        slope, icpt = aw - a, cw - c
        if other == first or slope == 0:
            continue
        root = -icpt / slope
        if slope > 0:
            low = max(low, root)
        else:
            high = min(high, root)
    stable = (low, high) if low <= x0 <= high else (x0, x0)
    crossings = []
    names = list(lines)
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            (a1, c1), (a2, c2) = lines[names[i]], lines[names[j]]
            if a1 != a2 and lo_dom <= (c2 - c1) / (a1 - a2) <= hi_dom:
                crossings.append(Crossing((c2 - c1) / (a1 - a2), names[i], names[j]))
    crossings.sort(key=lambda c: (c.price_weight, c.bidder_a, c.bidder_b))
    return stable, crossings, stable[0] > lo_dom or stable[1] < hi_dom


def ranking_at(
    bids: Sequence[Bid], weights: TenderWeights, price_weight: Decimal | Fraction | int | str
) -> list[str]:
    """Ranking with the price weight set to ``price_weight`` and the other weights (and the
    evaluators' points) rescaled proportionally — a direct recomputation used to check the
    sensitivity analysis."""
    w = validate_weights(weights)
    x = Fraction(price_weight)
    rest0 = Fraction(100) - Fraction(w.price)
    factor = (Fraction(100) - x) / rest0 if rest0 else Fraction(0)
    valid = [b for b in bids if b.valid]
    bench = min(Fraction(b.price_yuan) for b in valid)
    totals = []
    for b in valid:
        t = bench / Fraction(b.price_yuan) * x + factor * (
            Fraction(b.technical_points) + Fraction(b.service_points)
        )
        totals.append((-t, b.price_yuan, b.bidder))
    return [name for _, _, name in sorted(totals)]


def parse_weights(text: str, kind: str = "goods", method: str | None = None) -> TenderWeights:
    """Parse ``"price=40,technical=40,service=20"`` (also ``价格``/``技术``/``服务``) and check
    it against the legal range of ``kind`` and ``method``.

    Raises
    ------
    InputError
        naming ``--weights`` (syntax) or ``weights.price`` (range).
    """
    names = {
        "price": "price",
        "价格": "price",
        "technical": "technical",
        "技术": "technical",
        "tech": "technical",
        "service": "service",
        "服务": "service",
    }
    vals: dict[str, Decimal] = {}
    for part in text.replace("，", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            raise InputError("--weights", f"expected name=points, got {part!r}")
        k, v = (s.strip() for s in part.split("=", 1))
        if k.lower() not in names:
            raise InputError("--weights", f"unknown weight {k!r} (price, technical, service)")
        vals[names[k.lower()]] = to_decimal(v, f"--weights {k}")
    for k in ("price", "technical", "service"):
        vals.setdefault(k, Decimal(0))
    return validate_weights(
        TenderWeights(vals["price"], vals["technical"], vals["service"], kind, method_name(method))
    )
