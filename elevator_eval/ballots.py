"""Paper ballots that identify themselves: form identity, keyed signature, layout, evidence.

Every consent form (意见征询表) printed from a project carries a *ballot block*: four solid
fiducial squares at its corners, a QR code and three tick boxes (同意 / 反对 / 弃权) at
positions fixed relative to the fiducials (the ``*_MM`` constants below, millimetres from the
block's top-left corner, y downwards). The QR code holds the form's identity
(:class:`FormIdentity`): the project key id, the unit, the owner and the owner's homes, the
scheme version label, a form serial, and an HMAC-SHA256 signature (truncated to 128 bits, as
RFC 2104 §5 allows) made with a per-project secret. The secret is created on first use and
kept in ``Project.settings["ballots"]["secret"]``; it is never printed.

A returned form is judged by :func:`judge`: a QR from another project, a bad signature, a
wrong scheme version, a serial already recorded, or an owner whose vote came from another
source is flagged with the reason and never counted.

Recorded paper votes keep their evidence under ``Project.settings["ballots"]["forms"]``
(serial → scan SHA-256, the file name of the copy kept beside the project, the vote) and enter
the hash-chained audit log (:mod:`elevator_eval.audit`) with source ``paper``.

The reading thresholds are data: ``rules/ballots/default.json`` (经验值, see its ``source``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from . import ruledata, vocabulary
from .audit import VoteEvent, record_vote
from .errors import InputError
from .model import Household, Project, Unit

SETTINGS_KEY = "ballots"
PAYLOAD_PREFIX = "EEB1"
"""First field of every ballot QR payload (format version 1)."""
OPTIONS = ("yes", "no", "abstain")
"""The tick boxes, left to right."""
OPTION_LABELS = {
    o: (vocabulary.label("votes", o, "zh"), vocabulary.label("votes", o, "en")) for o in OPTIONS
}
"""Texts beside the boxes, from the one vocabulary (同意 / 反对 / 弃权)."""

# ------------------------------------------------------------------ layout of the block [mm]
BLOCK_W_MM = 174.0
BLOCK_H_MM = 44.0
FIDUCIAL_MM = 6  # side of a printed fiducial square [mm] (a layout size, not a limit)
FIDUCIAL_CENTRES_MM = (
    (3.0, 3.0),
    (BLOCK_W_MM - 3.0, 3.0),
    (BLOCK_W_MM - 3.0, BLOCK_H_MM - 3.0),
    (3.0, BLOCK_H_MM - 3.0),
)
"""Centres of the fiducials: top-left, top-right, bottom-right, bottom-left."""
QR_X_MM, QR_Y_MM, QR_SIZE_MM = 12.0, 6, 32.0  # QR position and size in the block [mm]
"""The QR symbol (without its quiet zone)."""
BOX_SIZE_MM = 12.0
BOX_Y_MM = 9.0
BOX_X_MM = (62.0, 100.0, 140.0)
"""Left edges of the three tick boxes (同意, 反对, 弃权)."""

KIND = "ballots"


def box_rect_mm(i: int) -> tuple[float, float, float, float]:
    """``(x, y, w, h)`` of tick box ``i`` (0 = 同意) in block millimetres."""
    return BOX_X_MM[i], BOX_Y_MM, BOX_SIZE_MM, BOX_SIZE_MM


# ------------------------------------------------------------------ reading thresholds


@dataclass(frozen=True)
class ReadingRules:
    """Thresholds for reading tick boxes (see ``rules/ballots/default.json``).

    Attributes
    ----------
    ink_darkness, faint_darkness : Decimal
        A pixel is ink when its darkness (0 = paper, 1 = the printed fiducials' black) is above
        ``ink_darkness``; faint when between the two.
    marked_coverage, blank_coverage, faint_coverage : Decimal
        Share of a box's inner area: at least ``marked_coverage`` ink is a mark; at most
        ``blank_coverage`` ink and below ``faint_coverage`` faint pixels is empty; anything
        between is doubtful (review).
    box_inset_mm : Decimal
        Margin inside the printed box border that is not read [mm].
    max_pixels, max_pages, max_file_bytes : int
        Caps against decompression bombs, endless PDFs and huge files.
    pdf_dpi : int
        Resolution PDF pages are rendered at [dots per inch].
    source : str
    """

    ink_darkness: Decimal
    faint_darkness: Decimal
    marked_coverage: Decimal
    blank_coverage: Decimal
    faint_coverage: Decimal
    box_inset_mm: Decimal
    max_pixels: int
    max_pages: int
    max_file_bytes: int
    pdf_dpi: int
    source: str


def _validate_reading(data: dict[str, Any]) -> ReadingRules:
    where = f"ballots {data.get('name', '?')}"
    vals: dict[str, Any] = {}
    for key in (
        "ink_darkness",
        "faint_darkness",
        "marked_coverage",
        "blank_coverage",
        "faint_coverage",
        "box_inset_mm",
    ):
        try:
            v = Decimal(str(data[key]))
        except (KeyError, ArithmeticError):
            raise InputError(f"{where}.{key}", "must be a number") from None
        if not 0 < v < 10:
            raise InputError(f"{where}.{key}", "is out of range")
        vals[key] = v
    for key in ("max_pixels", "max_pages", "max_file_bytes", "pdf_dpi"):
        n = data.get(key)
        if not isinstance(n, int) or isinstance(n, bool) or n <= 0:
            raise InputError(f"{where}.{key}", "must be a positive integer")
        vals[key] = n
    if not vals["faint_darkness"] < vals["ink_darkness"] < 1:
        raise InputError(f"{where}.ink_darkness", "must be above faint_darkness and below 1")
    if not vals["blank_coverage"] < vals["marked_coverage"] < 1:
        raise InputError(f"{where}.marked_coverage", "must be above blank_coverage")
    return ReadingRules(source=data["source"], **vals)


def reading_rules(name: str = "default") -> ReadingRules:
    """The validated reading thresholds ``rules/ballots/<name>.json``."""
    rules: ReadingRules = ruledata.load_ruleset(KIND, name, _validate_reading)
    return rules


# ------------------------------------------------------------------ per-project secret


def _section(project: Project) -> dict[str, Any]:
    sec = project.settings.get(SETTINGS_KEY)
    if not isinstance(sec, dict):
        sec = {}
        project.settings[SETTINGS_KEY] = sec
    return sec


def form_secret(project: Project, *, create: bool = False) -> bytes | None:
    """The project's form-signing secret (32 bytes), created when ``create`` and absent.

    Raises
    ------
    InputError
        ``settings.ballots.secret`` when a stored secret is not 64 hex digits.
    """
    sec = project.settings.get(SETTINGS_KEY)
    text = sec.get("secret") if isinstance(sec, dict) else None
    if text is None:
        if not create:
            return None
        text = new_secret_text()
        _section(project)["secret"] = text
    if not isinstance(text, str) or not re.fullmatch(r"[0-9a-f]{64}", text):
        raise InputError("settings.ballots.secret", "must be 64 hexadecimal digits")
    return bytes.fromhex(text)


def new_secret_text() -> str:
    """A fresh secret as 64 hex digits (for ``settings["ballots"]["secret"]``)."""
    return secrets.token_hex(32)


def key_id(secret: bytes) -> str:
    """A public 10-hex-digit name of the secret: tells forms of another project apart."""
    return hashlib.sha256(b"elevator-eval ballot key id\0" + secret).hexdigest()[:10]


# ------------------------------------------------------------------ form identity


@dataclass(frozen=True)
class FormIdentity:
    """What a form's QR code says about itself.

    Attributes
    ----------
    key_id : str
        :func:`key_id` of the project secret.
    unit_id, owner_id : str
    homes : tuple of str
        The owner's door numbers in the unit.
    scheme : str
        The scheme version label the form was printed for (``v3-1a2b3c4d``).
    serial : str
        Form serial, unique per unit, owner and scheme version.
    """

    key_id: str
    unit_id: str
    owner_id: str
    homes: tuple[str, ...]
    scheme: str
    serial: str

    def message(self) -> bytes:
        """The bytes that are signed."""
        return "\x1f".join(
            (
                PAYLOAD_PREFIX,
                self.key_id,
                self.unit_id,
                self.owner_id,
                "\x1e".join(self.homes),
                self.scheme,
                self.serial,
            )
        ).encode("utf-8")


def sign(identity: FormIdentity, secret: bytes) -> str:
    """HMAC-SHA256 of the identity, first 128 bits, base64url without padding."""
    mac = hmac.new(secret, identity.message(), hashlib.sha256).digest()[:16]
    return base64.urlsafe_b64encode(mac).decode("ascii").rstrip("=")


def _field(text: str) -> str:
    return text.replace("%", "%25").replace("|", "%7C").replace(",", "%2C")


def _unfield(text: str) -> str:
    return text.replace("%2C", ",").replace("%7C", "|").replace("%25", "%")


def encode_payload(identity: FormIdentity, secret: bytes) -> str:
    """The QR text: ``EEB1|key|unit|owner|home,home|scheme|serial|signature``."""
    return "|".join(
        [
            PAYLOAD_PREFIX,
            identity.key_id,
            _field(identity.unit_id),
            _field(identity.owner_id),
            ",".join(_field(h) for h in identity.homes),
            _field(identity.scheme),
            _field(identity.serial),
            sign(identity, secret),
        ]
    )


class NotABallot(ValueError):
    """A QR code that is not one of this app's ballot codes."""


def parse_payload(text: str) -> tuple[FormIdentity, str]:
    """Split a QR text into ``(identity, signature)``.

    Raises
    ------
    NotABallot
        when the text is not a ballot payload of format version 1.
    """
    parts = text.split("|") if isinstance(text, str) else []
    if len(parts) != 8 or parts[0] != PAYLOAD_PREFIX or not parts[2] or not parts[3]:
        raise NotABallot("not an Elevator Eval consent-form code")
    homes = tuple(_unfield(h) for h in parts[4].split(",") if h)
    if not homes:
        raise NotABallot("the code lists no homes")
    ident = FormIdentity(
        key_id=parts[1],
        unit_id=_unfield(parts[2]),
        owner_id=_unfield(parts[3]),
        homes=homes,
        scheme=_unfield(parts[5]),
        serial=_unfield(parts[6]),
    )
    return ident, parts[7]


# ------------------------------------------------------------------ owners and serials


def owners(unit: Unit) -> list[tuple[str, list[Household]]]:
    """The unit's owners in order of their first home, each with all their homes."""
    out: dict[str, list[Household]] = {}
    for h in unit.households:
        out.setdefault(h.owner_id, []).append(h)
    return list(out.items())


def form_identity(
    project: Project, unit: Unit, owner_id: str, scheme: str, secret: bytes
) -> FormIdentity:
    """The identity of the form of ``owner_id`` in ``unit`` for the scheme label ``scheme``.

    The serial is ``<unit>-v<scheme version>-<owner number>`` (owner number: 1-based, in the
    order of :func:`owners`), so a reprint of the same form has the same serial.
    """
    listing = owners(unit)
    for i, (oid, homes) in enumerate(listing, start=1):
        if oid == owner_id:
            serial = f"{unit.id}-v{unit.scheme_version}-{i:02d}"
            return FormIdentity(
                key_id(secret), unit.id, oid, tuple(h.id for h in homes), scheme, serial
            )
    raise InputError("owner", f"no owner {owner_id!r} in unit {unit.id}")


# ------------------------------------------------------------------ judging a returned form

REASONS = {
    "other_project": ("二维码属于另一个项目", "the code belongs to another project"),
    "no_secret": ("本项目尚未打印过带二维码的征询表", "this project has never printed coded forms"),
    "bad_signature": (
        "签名校验失败（表格被改动或伪造）",
        "the signature does not verify (altered or forged form)",
    ),
    "unknown_unit": ("项目中没有该单元", "no such unit in the project"),
    "unknown_owner": (
        "单元中没有该业主或其房屋已变更",
        "the owner or the owner's homes are no longer in the unit",
    ),
    "wrong_scheme": (
        "方案版本不符（须按现行方案重新征询）",
        "wrong scheme version (ask again with the current scheme)",
    ),
    "duplicate_serial": (
        "表单编号重复（同一张表已录入）",
        "duplicate form serial (this form was already read)",
    ),
    "other_source": (
        "该业主已有其他方式的表决记录",
        "the owner's vote is already recorded from another source",
    ),
    "no_qr": ("找不到二维码", "no form code found"),
    "not_a_ballot": ("二维码不是本程序的征询表", "the code is not one of this app's forms"),
    "not_located": (
        "无法定位方框（定位标记缺损）",
        "the boxes could not be located (fiducial marks missing)",
    ),
    "no_mark": ("没有勾选", "no box is ticked"),
    "two_marks": ("勾选了不止一项", "more than one box is ticked"),
    "faint_mark": ("笔迹过淡或有涂改，需人工确认", "faint or corrected mark: check by eye"),
}


def reason_text(code: str, detail: str = "") -> str:
    """``"中文 / English"`` text of a reason code, with an optional detail appended."""
    zh, en = REASONS.get(code, (code, code))
    return f"{zh}{'：' + detail if detail else ''} / {en}{': ' + detail if detail else ''}"


def recorded_forms(project: Project) -> dict[str, dict[str, Any]]:
    """Evidence of recorded paper forms by serial (an empty dict when none)."""
    sec = project.settings.get(SETTINGS_KEY)
    forms = sec.get("forms") if isinstance(sec, dict) else None
    return forms if isinstance(forms, dict) else {}


def judge(
    project: Project,
    identity: FormIdentity,
    signature: str,
    scheme_of: Callable[[Unit], str],
    seen_serials: set[str] | frozenset[str] = frozenset(),
) -> tuple[str | None, str]:
    """Whether a returned form may be counted.

    Parameters
    ----------
    project : Project
    identity, signature : from :func:`parse_payload`
    scheme_of : callable
        The current scheme label of a unit (``scheme_label(unit, share)`` of the reports).
    seen_serials : set of str
        Serials already accepted in the same batch.

    Returns
    -------
    (reason_code, detail)
        ``(None, "")`` when the form may be counted.
    """
    secret = form_secret(project)
    if secret is None:
        return "no_secret", ""
    if identity.key_id != key_id(secret):
        return "other_project", ""
    if not hmac.compare_digest(signature, sign(identity, secret)):
        return "bad_signature", ""
    try:
        unit = project.find_unit(identity.unit_id)
    except KeyError:
        return "unknown_unit", identity.unit_id
    homes = tuple(h.id for h in unit.households if h.owner_id == identity.owner_id)
    if homes != identity.homes:
        return "unknown_owner", "/".join(identity.homes)
    current = scheme_of(unit)
    if identity.scheme != current:
        return "wrong_scheme", f"{identity.scheme} ≠ {current}"
    if identity.serial in seen_serials or identity.serial in recorded_forms(project):
        return "duplicate_serial", identity.serial
    for h in unit.households:
        if (
            h.owner_id == identity.owner_id
            and h.vote is not None
            and h.vote_source not in (None, "paper")
        ):
            return "other_source", f"{h.id}: {h.vote_source}"
        if h.owner_id == identity.owner_id and h.vote is not None and h.vote_source == "paper":
            return "other_source", f"{h.id}: paper"
    return None, ""


def record_paper_vote(
    project: Project,
    identity: FormIdentity,
    vote: str,
    *,
    scan_sha256: str,
    evidence_file: str,
    page: int,
    confidence: float,
    when: date | str | None = None,
    reviewed: bool = False,
) -> list[VoteEvent]:
    """Record a judged form's vote for every home of its owner (source ``paper``).

    Appends one audit-log entry per home (note: serial and scan SHA-256) and keeps the
    evidence under ``settings["ballots"]["forms"][serial]``. Returns the log entries.

    Raises
    ------
    InputError
        ``vote`` not one of :data:`OPTIONS`; ``scan_sha256`` not 64 hex digits.
    """
    if vote not in OPTIONS:
        raise InputError("vote", f"must be one of {', '.join(OPTIONS)}, got {vote!r}")
    if not re.fullmatch(r"[0-9a-f]{64}", scan_sha256 or ""):
        raise InputError("scan_sha256", "must be 64 hexadecimal digits")
    note = f"征询表 {identity.serial}；扫描件 SHA-256 {scan_sha256}"
    if reviewed:
        note += "；人工复核"
    events = [
        record_vote(project, identity.unit_id, home, vote, "paper", when=when, note=note)
        for home in identity.homes
    ]
    _section(project).setdefault("forms", {})[identity.serial] = {
        "unit": identity.unit_id,
        "owner": identity.owner_id,
        "homes": list(identity.homes),
        "scheme": identity.scheme,
        "vote": vote,
        "scan_sha256": scan_sha256,
        "file": evidence_file,
        "page": page,
        "confidence": round(float(confidence), 3),
        "reviewed": reviewed,
        "log_seq": [ev.seq for ev in events],
    }
    return events
