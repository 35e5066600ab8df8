"""`elevator-eval quotes`: compare bulk elevator quotes over a project's units.

Forms::

    elevator-eval quotes QUOTES.xlsx PROJECT|UNIT.json [--units ID,ID…] [--years N]
                         [--discount-rate R] [--weights price=40,technical=40,service=20
                         --scores FILE.json] [--mode goods|services]
                         [--method competitive_consultation|open_tender] [--max-price YUAN]
                         [--budget YUAN] [--allow-inaccessible] [--json] [-o OUT.xlsx]
    elevator-eval quotes --template OUT.xlsx

A bad quotes file exits 2 with the first bad cells on one stderr line; with ``--json`` the
full list of bad cells is printed as JSON on stdout as well.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

from ..errors import InputError
from ..io.quotes_export import export_comparison_xlsx
from ..io.quotes_xlsx import read_quotes, write_quote_template
from ..money import fmt_yuan, to_decimal
from ..procurement import (
    check_price_basis,
    compare,
    method_name,
    parse_weights,
    tender_rules,
    weight_range,
)
from ..store import open_project
from ..unitfile import load_unit
from ..vocabulary import counted
from . import CommandResult, is_unit_file


def add_arguments(parser) -> None:
    parser.add_argument(
        "files",
        nargs="*",
        metavar="QUOTES.xlsx PROJECT",
        help="报价表与项目文件（或单元 JSON）/ quotes workbook and a project file (or a unit file)",
    )
    parser.add_argument(
        "--template", metavar="OUT.xlsx", help="写出空白报价模板 / write the blank quotes template"
    )
    parser.add_argument(
        "--units", metavar="ID,ID…", help="参与比选的单元 / units to include (default: all)"
    )
    parser.add_argument(
        "--years",
        type=str,
        default=None,
        help="全寿命年限（默认 15）/ life-cycle years (default 15)",
    )
    parser.add_argument(
        "--discount-rate",
        default=None,
        metavar="R",
        help="折现率，如 0.03 / discount rate, e.g. 0.03",
    )
    parser.add_argument(
        "--weights", default=None, help="评分权重 / weights, e.g. price=40,technical=40,service=20"
    )
    parser.add_argument(
        "--mode",
        "--kind",
        dest="kind",
        choices=["goods", "services"],
        default="goods",
        help="采购品目：货物或服务 / procurement of goods or services",
    )
    parser.add_argument(
        "--method",
        default=None,
        help="采购方式：competitive_consultation（竞争性磋商，默认：货物价格分 "
        "30–60，服务 10–30）或 open_tender（公开招标：货物 ≥30，服务 ≥10）/ "
        "procurement method (default competitive consultation)",
    )
    parser.add_argument(
        "--max-price",
        metavar="YUAN",
        default=None,
        help="最高限价（元/台）；超过者投标无效 / maximum price per elevator; "
        "bids above are invalid",
    )
    parser.add_argument(
        "--budget",
        metavar="YUAN",
        default=None,
        help="采购预算（元，全部单元）；投标总价超过者无效 / budget of the lot; "
        "bids whose total is above are invalid",
    )
    parser.add_argument(
        "--allow-inaccessible",
        action="store_true",
        help="不把无障碍轿厢列为要求 / do not require an accessible car",
    )
    parser.add_argument(
        "--scores",
        metavar="FILE.json",
        help='评委技术/服务分 / evaluator points: {"PRODUCT": {"technical": 40, "service": 18}}',
    )
    parser.add_argument(
        "--electricity-price",
        metavar="YUAN_PER_KWH",
        default=None,
        help="电价（默认 0.6 元/kWh）/ electricity price (default 0.6 yuan/kWh)",
    )
    parser.add_argument(
        "--trips-per-household",
        metavar="N",
        default=None,
        help="每户每日乘梯次数（默认 7.5）/ trips per household a day (default 7.5)",
    )
    parser.add_argument(
        "--price-basis",
        default="unit_price",
        help="价格分只按投标报价计算（unit_price）；全寿命费用仅作分析 / the "
        "legal price score uses the bid price only (unit_price); "
        "life-cycle cost is analysis",
    )
    parser.add_argument(
        "--require-accessible",
        action="store_true",
        help="要求无障碍轿厢（默认即要求）/ require an accessible car (the default)",
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON / print one JSON object")
    parser.add_argument(
        "-o", "--output", metavar="OUT.xlsx", help="导出比选表 / write the comparison workbook"
    )


def load_units(target: str, unit_ids: str | None):
    path = Path(target)
    if not path.exists():
        raise InputError("PROJECT", f"{target} does not exist")
    if path.is_dir():
        raise InputError("PROJECT", f"{target} is a folder, not a file")
    if is_unit_file(path):
        units = [load_unit(path)]
    else:
        units = open_project(path).units()
    if unit_ids:
        wanted = [u.strip() for u in unit_ids.replace("，", ",").split(",") if u.strip()]
        by_id = {u.id: u for u in units}
        missing = [u for u in wanted if u not in by_id]
        if missing:
            raise InputError("--units", f"no unit {', '.join(missing)} in {path.name}")
        units = [by_id[u] for u in wanted]
    if not units:
        raise InputError("PROJECT", f"{path.name} has no units")
    return units


def load_scores(path: str) -> dict:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8-sig"), parse_float=Decimal)
    except OSError as e:
        raise InputError("--scores", f"cannot read {path} ({e.strerror or e})") from None
    except (ValueError, UnicodeDecodeError) as e:
        raise InputError("--scores", f"{p.name} is not valid JSON ({e})") from None
    if not isinstance(data, dict):
        raise InputError("--scores", "must be a JSON object {product id: {technical, service}}")
    return data


def _tender_args(args):
    """The tender options checked: ``(weights, scores, caps)``."""
    check_price_basis(args.price_basis)
    if args.require_accessible and args.allow_inaccessible:
        raise InputError("--allow-inaccessible", "contradicts --require-accessible")
    method = method_name(args.method)
    weights = parse_weights(args.weights, args.kind, method) if args.weights else None
    if weights is not None and not args.scores:
        raise InputError(
            "--scores", "is required with --weights (the evaluators' technical and service points)"
        )
    scores = load_scores(args.scores) if args.scores else None
    if scores is not None and weights is None:
        raise InputError("--weights", "is required with --scores")
    caps = {
        "max_price_yuan": None
        if args.max_price is None
        else to_decimal(args.max_price, "--max-price", allow_zero=False),
        "budget_yuan": None
        if args.budget is None
        else to_decimal(args.budget, "--budget", allow_zero=False),
    }
    return weights, scores, caps


def run(args) -> CommandResult:

    if args.template:
        if args.files:
            raise InputError("arguments", "--template takes no other files")
        out = write_quote_template(args.template)
        return CommandResult(
            data={"template": str(out)},
            json_mode=args.json,
            text=f"报价模板已写出 / template written: {out}",
        )
    if len(args.files) != 2:
        raise InputError("arguments", "expected QUOTES.xlsx PROJECT (or --template OUT.xlsx)")
    quotes_path, target = args.files
    years = None
    if args.years is not None:
        try:
            years = int(args.years)
        except ValueError:
            raise InputError("--years", f"must be a whole number, got {args.years!r}") from None
    weights, scores, caps = _tender_args(args)

    products, errors = read_quotes(quotes_path)
    if errors:
        first = "; ".join(str(e) for e in errors[:3])
        more = f" (+{len(errors) - 3} more)" if len(errors) > 3 else ""
        line = f"{counted(len(errors), 'bad cell')}: {first}{more}"
        if args.json:
            # all bad cells as JSON on stdout, the one-line reason on stderr, exit 2
            sys.stderr.write(f"error: {Path(quotes_path).name}: {line}\n")
            return CommandResult(
                data={"quotes": str(quotes_path), "errors": [e.to_json() for e in errors]},
                json_mode=True,
                exit_code=2,
            )
        raise InputError(f"{Path(quotes_path).name}", line)
    units = load_units(target, args.units)
    rate = args.discount_rate
    if rate is not None and rate.strip().endswith("%"):
        rate = to_decimal(rate.strip()[:-1], "--discount-rate") / 100
    result = compare(
        units,
        products,
        years=years,
        discount_rate=rate,
        weights=weights,
        scores=scores,
        require_accessible=not args.allow_inaccessible,
        **caps,
        electricity_yuan_per_kwh=args.electricity_price,
        trips_per_household_per_day=args.trips_per_household,
    )
    data = result.to_json()
    if args.output:
        out = export_comparison_xlsx(result, args.output)
        data["output"] = str(out)
    return CommandResult(data=data, text=_text(result, args.output), json_mode=args.json)


def _text(result, output) -> str:
    lines = [
        f"报价比选 / quote comparison — {len(result.unit_ids)} 个单元 units, "
        f"{len(result.products)} 个产品 products, {result.years} 年 years, "
        f"折现率 discount {result.discount_rate}"
    ]
    lines.append("")
    lines.append("适配矩阵 / fit matrix（✓ 适配 fits，✗ 不适配 misfit，? 缺现场数据 not surveyed）")
    ids = [p.id for p in result.products]
    width = max(len(u) for u in result.unit_ids)
    lines.append(" " * (width + 2) + "  ".join(ids))
    sym = {"fits": "✓", "misfit": "✗", "unknown": "?"}
    for uid, row in zip(result.unit_ids, result.fit):
        cells = "  ".join(sym[f.state].center(len(pid)) for f, pid in zip(row, ids))
        lines.append(f"{uid:<{width}}  {cells}")
    lines.append("")
    for s in result.summaries:
        b = s.bulk
        npv = fmt_yuan(s.mean_npv_yuan) if s.mean_npv_yuan is not None else "—"
        lines.append(
            f"{s.product_id} {s.vendor} {s.model}: 适配 fits {s.fits}, 不适配 misfits "
            f"{s.misfits}, 未知 unknown {s.unknown}; 数量 qty {b.quantity}, 单价 "
            f"{fmt_yuan(b.unit_price_yuan)} (单台 single {fmt_yuan(b.single_price_yuan)}), "
            f"节约 saving {fmt_yuan(b.saving_yuan)}; 平均现值 mean NPV {npv}"
        )
        if b.next_tier_min_qty is not None:
            lines.append(
                f"    下一阶梯 next tier: ≥{b.next_tier_min_qty} 台 units → "
                f"{fmt_yuan(b.next_tier_unit_price_yuan)}"
            )
    misfits = [(f, r) for row in result.fit for f in row for r in f.reasons if r.kind == "misfit"]
    if misfits:
        lines.append("")
        lines.append("不适配原因 / misfit reasons:")
        for f, r in misfits:
            lines.append(f"  {f.unit_id} × {f.product_id}: {r.message_zh} / {r.message_en}")
    lines += _tender_text(result.tender)
    if output:
        lines.append("")
        lines.append(f"已导出 / written: {output}")
    return "\n".join(lines)


def _tender_text(t) -> list[str]:
    if t is None:
        return []
    w = t.weights
    lo, hi = weight_range(w.kind, w.method)
    m = tender_rules()["methods"][w.method_name]
    lines = [
        "",
        f"综合评分 / tender: {m['title_zh']} {m['title_en']}, {w.kind}; price {w.price} "
        f"(法定范围 legal range {lo}–{hi}, {m['source_zh']}), technical {w.technical}, "
        f"service {w.service}; 价格分按投标报价 / price score on the bid price",
    ]
    if t.max_price_yuan is not None:
        lines.append(f"  最高限价 / maximum price: {t.max_price_yuan:,} 元/台 per elevator")
    if t.budget_yuan is not None:
        lines.append(f"  采购预算 / budget: {t.budget_yuan:,} 元")
    for s in t.scores:
        tie = " 并列 tied" if s.tied else ""
        lines.append(
            f"  {s.rank}.{tie} {s.bidder}: {float(s.total):.2f} "
            f"(价格 price {float(s.price_score):.2f}; 报价 bid {s.price_yuan:,})"
        )
    for b in t.excluded:
        lines.append(f"  无效 invalid — {b.bidder}: {b.invalid_reason}")
    if t.winner is not None and t.winner_stable_range:
        a, z = t.winner_stable_range
        lines.append(
            f"  中标候选 {t.winner} 在价格权重 {float(a):.2f}–{float(z):.2f} 内保持第一 / "
            f"first-ranked {t.winner} stays first for price weight "
            f"{float(a):.2f}–{float(z):.2f}"
        )
    for zh, en in t.warnings:
        lines.append(f"  注意 / warning: {zh} / {en}")
    return lines
