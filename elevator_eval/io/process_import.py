"""Imports of intent registrations and of e-voting results (CSV or xlsx), previewed first.

Both are all-or-nothing: :func:`preview_intent` / :func:`preview_votes` read the whole
file and list **every** bad row (unknown unit or door, unreadable value, missing cell,
repeated household, a proxy vote without its authorisation reference …) with its row
and column; :func:`apply_preview` changes the project only when there is none.

Intent file (a mini-program export): columns 单元编号, 门牌, 意向 (是/否, 愿意/不愿意,
有意向/无意向), 登记日期, optional 渠道.

E-voting file (a city platform's export): columns 单元编号, 门牌 *or* 业主 (the owner id:
all of that owner's households get the vote), 表决意见 (同意/反对/弃权), 投票时间 (a date or
a date and time), 渠道 (the platform or app), optional 委托人 (a proxy's name, 委托) and
授权书编号 (the reference of the signed authorisation, required with a proxy). Votes are
recorded through :func:`elevator_eval.audit.record_vote` with source ``online``; channel
and proxy go into the audit entry's note (hashed with it).

Cell values follow the documented rules of :mod:`elevator_eval.io.cells`.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..audit import record_vote
from ..errors import InputError
from ..model import Project
from ..process.records import Intent, write_intent
from ..vocabulary import agreeing, counted
from . import cells

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20000

COLUMNS = {
    "unit": ("单元编号", "单元", "unit", "unit_id"),
    "door": ("门牌", "门牌号", "房号", "户号", "室号", "door"),
    "owner": ("业主", "业主编号", "owner", "owner_id"),
    "interested": ("意向", "加装意向", "是否愿意加装", "interested", "intent"),
    "date": ("登记日期", "日期", "date"),
    "channel": ("渠道", "来源", "平台", "channel"),
    "vote": ("表决意见", "投票意见", "意见", "vote"),
    "time": ("投票时间", "表决时间", "时间", "time"),
    "proxy": ("委托人", "受托人", "代理人", "proxy"),
    "authorisation": ("授权书编号", "委托书编号", "授权编号", "authorisation", "authorization"),
}
REQUIRED = {"intent": ("unit", "door", "interested", "date"), "votes": ("unit", "vote", "time")}

_YES = {"是", "愿意", "有意向", "同意", "支持", "yes", "y", "true", "1"}
_NO = {"否", "不愿意", "无意向", "不同意", "反对", "no", "n", "false", "0"}


@dataclass
class RowError:
    """One bad cell or row: 1-based row (the header is row 1), column header, message."""

    row: int | None
    column: str
    zh: str
    en: str

    def text(self) -> str:
        where = cells.cell_field("", self.row, self.column)
        return f"{where}: {self.zh} / {self.en}"

    def text_in(self, lang: str) -> str:
        """The same in one language: ``第 3 行，门牌：…`` or ``row 3, column 门牌: …`` (the
        message alone when it names no cell)."""
        message = self.en if lang == "en" else self.zh
        if self.row is None and not self.column:
            return message
        where = cells.cell_field("", self.row, self.column, lang)
        return f"{where}: {message}" if lang == "en" else f"{where}：{message}"

    def text_zh(self) -> str:
        """:meth:`text_in` Chinese."""
        return self.text_in("zh")


@dataclass
class Preview:
    """What an import would do: ``rows`` to apply, ``errors`` (every bad row)."""

    kind: str
    source: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "file": self.source,
            "ok": self.ok,
            "rows": len(self.rows),
            "errors": [
                {"row": e.row, "column": e.column, "zh": e.zh, "en": e.en} for e in self.errors
            ],
            "preview": self.rows[:50],
        }


# ------------------------------------------------------------------------------ reading


def _norm_header(text) -> str:
    return "".join(unicodedata.normalize("NFKC", str(text or "")).split()).lower()


def _read_table(path: Path) -> list[tuple[int, list]]:
    if not path.exists():
        raise InputError("file", f"{path} does not exist")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputError("file", f"{path.name} is larger than 20 MB")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        import warnings

        import openpyxl

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
        except Exception as e:  # a damaged zip or XML fails in many ways (zlib.error, …)
            raise InputError(
                "file", f"{path.name} is not a readable xlsx file ({type(e).__name__})"
            ) from None
        try:
            ws = wb.worksheets[0]
            rows = []
            for i, r in enumerate(ws.iter_rows(values_only=True), start=1):
                if i > MAX_ROWS + 1:
                    raise InputError("file", f"more than {MAX_ROWS} rows; import in parts")
                rows.append((i, list(r)[:100]))
            return rows
        except InputError:
            raise
        except Exception as e:  # a damaged or hostile workbook fails inside the zip/XML readers
            raise InputError(
                "file", f"{path.name} is not a readable xlsx file ({type(e).__name__})"
            ) from None
        finally:
            wb.close()
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError("file", f"{path.name} is neither UTF-8 nor GB18030 text")
    if "\x00" in text:
        raise InputError("file", f"{path.name} contains NUL characters; not a CSV text file")
    reader = csv.reader(io.StringIO(text, newline=""))
    out = []
    try:
        for rec in reader:
            out.append((reader.line_num, rec[:100]))
            if len(out) > MAX_ROWS + 1:
                raise InputError("file", f"more than {MAX_ROWS} rows; import in parts")
    except csv.Error as e:
        raise InputError("file", f"{path.name}: malformed CSV ({e})") from None
    return out


def _map_columns(header: list, kind: str) -> dict[str, int]:
    aliases = {_norm_header(a): key for key, names in COLUMNS.items() for a in names}
    found: dict[str, int] = {}
    for i, h in enumerate(header):
        key = aliases.get(_norm_header(h))
        if key is not None and key not in found:
            found[key] = i
    missing = [k for k in REQUIRED[kind] if k not in found]
    if kind == "votes" and "door" not in found and "owner" not in found:
        missing.append("door")
    if missing:
        names = "、".join(COLUMNS[k][0] for k in missing)
        raise InputError(
            "file",
            f"row 1: {agreeing(len(missing), 'missing column', 'missing columns')} {names}",
            message_zh=f"第 1 行：缺少列 {names}",
        )
    return found


def _blank(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip(" \t\u3000\u00a0"))


# ------------------------------------------------------------------------------ parsing


def _interested(value, row, column) -> bool:
    if isinstance(value, str) and "".join(value.split()).lower() in _YES | _NO:
        return "".join(value.split()).lower() in _YES
    r = cells.parse_bool(value, row, column, required=True)
    return bool(r)


_TIME = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?")


def _time(value, row, column) -> str:
    """A vote time: a date-time cell or text ``2026-03-14 10:05[:30]`` → ISO date-time;
    anything :func:`cells.parse_date` reads → ISO date."""
    if isinstance(value, _dt.datetime):  # a date cell reads as midnight: keep it a date
        if value.time() == _dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(timespec="seconds")
    if isinstance(value, str):
        m = _TIME.fullmatch(unicodedata.normalize("NFKC", value).strip())
        if m:
            try:
                t = _dt.datetime(*(int(g) for g in m.groups(default="0")))
            except ValueError:
                raise cells.CellError(
                    row, column, f"is not a real time: {value!r}", f"不是有效时间：{value!r}"
                ) from None
            return t.isoformat(timespec="seconds")
    return cells.parse_date(value, row, column, required=True)


def _preview(path, kind: str) -> Preview:
    path = Path(path)
    pv = Preview(kind, path.name)
    table = _read_table(path)
    table = [(n, r) for n, r in table if not all(_blank(v) for v in r)]
    if not table:
        raise InputError("file", f"{path.name} is empty")
    cols = _map_columns(table[0][1], kind)
    headers = {k: str(table[0][1][i]) for k, i in cols.items()}
    for n, r in table[1:]:
        try:
            row = _parse_row(kind, _getter(r, cols), n, headers)
        except cells.CellError as e:
            pv.errors.append(RowError(n, e.column, e.message_zh, e.message_en))
            continue
        pv.rows.append(dict(row, row=n))
    if not pv.rows and not pv.errors:
        raise InputError("file", f"{path.name} has a header but no rows")
    return pv


def _getter(values: list, cols: dict[str, int]):
    def get(key):
        i = cols.get(key)
        return values[i] if i is not None and i < len(values) else None

    return get


def _parse_row(kind: str, get, n: int, headers: dict[str, str]) -> dict[str, Any]:
    h = headers.get
    unit = cells.parse_text(get("unit"), n, h("unit"), required=True, max_chars=60)
    door = (
        cells.parse_door(get("door"), n, h("door") or "门牌", required=kind == "intent")
        if "door" in headers
        else None
    )
    if kind == "intent":
        return {
            "unit": unit,
            "door": door,
            "interested": _interested(get("interested"), n, h("interested")),
            "date": cells.parse_date(get("date"), n, h("date"), required=True),
            "channel": cells.parse_text(get("channel"), n, h("channel") or "", max_chars=40) or "",
        }
    owner = (
        cells.parse_text(get("owner"), n, h("owner") or "", max_chars=60)
        if "owner" in headers
        else None
    )
    if not door and not owner:
        raise cells.CellError(
            n, h("door") or h("owner"), "a door or an owner is required", "门牌或业主须填写其一"
        )
    vote = cells.parse_vote(get("vote"), n, h("vote"), required=True)
    if vote is None:
        raise cells.CellError(
            n,
            h("vote"),
            "an imported vote must be 同意, 反对 or 弃权",
            "导入的表决意见须为 同意、反对 或 弃权",
        )
    proxy = cells.parse_text(get("proxy"), n, h("proxy") or "", max_chars=60) or ""
    ref = cells.parse_text(get("authorisation"), n, h("authorisation") or "", max_chars=60) or ""
    if proxy and not ref:
        raise cells.CellError(
            n,
            h("authorisation") or "授权书编号",
            "a proxy vote (委托) needs the reference of the signed authorisation",
            "委托投票须填写授权书编号",
        )
    return {
        "unit": unit,
        "door": door,
        "owner": owner,
        "vote": vote,
        "time": _time(get("time"), n, h("time")),
        "channel": cells.parse_text(get("channel"), n, h("channel") or "", max_chars=40) or "",
        "proxy": proxy,
        "authorisation": ref,
    }


def _resolve(project: Project, pv: Preview) -> None:
    """Check every row against the project: unknown units, doors, owners; repeats."""
    seen: dict[tuple[str, str], int] = {}
    good = []
    for r in pv.rows:
        n = r["row"]
        try:
            unit = project.find_unit(r["unit"])
        except KeyError:
            pv.errors.append(
                RowError(
                    n,
                    "单元编号",
                    f"项目中没有单元 {r['unit']}",
                    f"no unit {r['unit']!r} in the project",
                )
            )
            continue
        if r.get("door"):
            doors = [h for h in unit.households if h.id == r["door"]]
            if not doors:
                pv.errors.append(
                    RowError(
                        n,
                        "门牌",
                        f"单元 {unit.id} 没有门牌 {r['door']}",
                        f"no door {r['door']!r} in unit {unit.id}",
                    )
                )
                continue
            if r.get("owner") and doors[0].owner_id != r["owner"]:
                pv.errors.append(
                    RowError(
                        n,
                        "业主",
                        f"门牌 {r['door']} 的业主不是 {r['owner']}",
                        f"door {r['door']} is not owned by {r['owner']!r}",
                    )
                )
                continue
        else:
            doors = [h for h in unit.households if h.owner_id == r["owner"]]
            if not doors:
                pv.errors.append(
                    RowError(
                        n,
                        "业主",
                        f"单元 {unit.id} 没有业主 {r['owner']}",
                        f"no owner {r['owner']!r} in unit {unit.id}",
                    )
                )
                continue
        r["doors"] = [h.id for h in doors]
        dup = [seen.get((unit.id, d)) for d in r["doors"] if (unit.id, d) in seen]
        if dup:
            pv.errors.append(
                RowError(
                    n,
                    "",
                    f"与第 {dup[0]} 行重复（同一户只能有一条记录）",
                    f"repeats row {dup[0]} (one record per household)",
                )
            )
            continue
        for d in r["doors"]:
            seen[(unit.id, d)] = n
        good.append(r)
    pv.rows = good
    pv.errors.sort(key=lambda e: e.row or 0)


def preview_intent(project: Project, path) -> Preview:
    """Read an intent file and check it against ``project`` (nothing is changed)."""
    pv = _preview(path, "intent")
    _resolve(project, pv)
    return pv


def preview_votes(project: Project, path) -> Preview:
    """Read an e-voting export and check it against ``project`` (nothing is changed)."""
    pv = _preview(path, "votes")
    _resolve(project, pv)
    return pv


def apply_preview(project: Project, pv: Preview) -> int:
    """Apply a clean preview; returns the number of households changed.

    Raises
    ------
    InputError
        ``file`` when the preview lists any error (nothing is changed).
    """
    if pv.errors:
        first = pv.errors[0]
        raise InputError(
            "file",
            f"{pv.source}: {counted(len(pv.errors), 'bad row')}, nothing imported; "
            f"first: {first.text()}",
            message_zh=f"{pv.source}：{len(pv.errors)} 行有误，未导入任何数据；第一处："
            f"{first.text_zh()}",
        )
    n = 0
    if pv.kind == "intent":
        for r in pv.rows:
            unit = project.find_unit(r["unit"])
            for d in r["doors"]:
                write_intent(unit.household(d), Intent(r["interested"], r["date"], r["channel"]))
                n += 1
        return n
    for r in pv.rows:
        note = f"线上平台 online: {r['channel'] or '—'}"
        if r["proxy"]:
            note += f"; 委托 proxy: {r['proxy']}, 授权书 authorisation: {r['authorisation']}"
        for d in r["doors"]:
            record_vote(project, r["unit"], d, r["vote"], "online", when=r["time"], note=note)
            if r["proxy"]:
                project.find_unit(r["unit"]).household(d).extra["vote_proxy"] = {
                    "name": r["proxy"],
                    "authorisation": r["authorisation"],
                }
            n += 1
    return n
