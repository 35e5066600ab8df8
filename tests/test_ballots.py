"""Paper ballots: signed form identity, judging (forgery, scheme, duplicates, other source),
recording with evidence, and the `ballots` command on good, doubtful and hostile scans."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import runpy
from decimal import Decimal
from pathlib import Path

import cv2
import numpy as np
import pytest

from elevator_eval import ballots as B
from elevator_eval.audit import verify_log
from elevator_eval.cli import run_command
from elevator_eval.io.ballots.batch import evidence_dir, read_scans, record_results
from elevator_eval.report.ballot_reading import scheme_of
from elevator_eval.store import open_project, save_project

ROOT = Path(__file__).resolve().parent.parent
GEN = runpy.run_path(str(ROOT / "tools" / "ballot_scans.py"))
UNIT = "DH-1-1"


@pytest.fixture(scope="module")
def printed():
    """A fresh project whose DH-1-1 forms were printed, rendered at 200 dpi."""
    project = GEN["make_project"]()
    forms = GEN["render_forms"](project, [UNIT], (200,))[200]
    return project, forms


def _scan(tmp_path, forms, index, box, name, *, pen="tick", seed=0):
    """A scan of form ``index`` with a tick in ``box`` (None: no mark), rotated, JPEG 70."""
    rng = np.random.default_rng(seed)
    serial, clean, h = forms[index]
    page = clean.copy()
    if box is not None:
        GEN["draw_mark"](page, h, box, pen, GEN["INKS"]["blue"], 200 / 25.4, rng)
    scan = GEN["distort"](page, rng, 4.0)
    path = tmp_path / name
    cv2.imwrite(str(path), scan, [cv2.IMWRITE_JPEG_QUALITY, 70])
    return path


def _copy(project):
    """Each test changes its own copy of the printed project."""
    return copy.deepcopy(project)


# ----------------------------------------------------------------------- identity, signature


def test_payload_round_trip_and_signature_depends_on_every_field():
    secret = bytes(range(32))
    ident = B.FormIdentity(B.key_id(secret), "U|1", "业主,甲", ("101", "1%02"), "v2-abc", "U-v2-01")
    text = B.encode_payload(ident, secret)
    back, sig = B.parse_payload(text)
    assert back == ident and sig == B.sign(ident, secret)
    for field, value in (
        ("unit_id", "U2"),
        ("owner_id", "乙"),
        ("homes", ("101",)),
        ("scheme", "v3-abc"),
        ("serial", "U-v2-02"),
    ):
        changed = B.FormIdentity(**{**ident.__dict__, field: value})
        assert B.sign(changed, secret) != sig, field
    assert B.sign(ident, bytes(32)) != sig  # another secret, another signature
    with pytest.raises(B.NotABallot):
        B.parse_payload("https://example.com/")


def test_reading_rules_file_is_labelled_as_app_default():
    rules = B.reading_rules()
    assert "经验值" in rules.source and rules.blank_coverage < rules.marked_coverage


# ------------------------------------------------------------------------------- judging


def test_forged_signature_is_flagged(printed, tmp_path):
    project, forms = printed
    project = _copy(project)
    secret = B.form_secret(project)
    unit = project.find_unit(UNIT)
    ident = B.form_identity(
        project, unit, unit.households[0].owner_id, scheme_of(project)(unit), secret
    )
    forged = B.FormIdentity(
        **{
            **ident.__dict__,
            "owner_id": unit.households[1].owner_id,
            "homes": (unit.households[1].id,),
        }
    )
    text = B.encode_payload(ident, secret).split("|")
    text[3], text[4] = forged.owner_id, forged.homes[0]  # someone edits the code
    code, _ = B.judge(project, *B.parse_payload("|".join(text)), scheme_of(project))
    assert code == "bad_signature"
    # a form signed with another project's secret
    other = B.encode_payload(
        B.FormIdentity(B.key_id(bytes(32)), *list(ident.__dict__.values())[1:]), bytes(32)
    )
    assert B.judge(project, *B.parse_payload(other), scheme_of(project))[0] == "other_project"


def test_forged_form_on_paper_is_flagged_and_not_recorded(printed, tmp_path):
    """A whole forged block (made with a made-up secret but this project's key id)."""
    project, forms = printed
    project = _copy(project)
    unit = project.find_unit(UNIT)
    secret = B.form_secret(project)
    ident = B.form_identity(
        project, unit, unit.households[2].owner_id, scheme_of(project)(unit), secret
    )
    payload = B.encode_payload(ident, secret)
    forged = payload.rsplit("|", 1)[0] + "|" + B.sign(ident, b"guess" * 7)
    from reportlab.platypus import SimpleDocTemplate

    from elevator_eval.report.ballot_block import ballot_block

    buf = io.BytesIO()
    SimpleDocTemplate(buf).build([ballot_block(forged, ("同意", "不同意", "弃权"), "x", "y")])
    import pypdfium2 as pdfium

    page = np.ascontiguousarray(
        pdfium.PdfDocument(buf.getvalue())[0].render(scale=200 / 72).to_numpy()[..., 2::-1]
    )
    h = GEN["_fiducial_homography"](cv2.cvtColor(page, cv2.COLOR_BGR2GRAY), 200)
    GEN["draw_mark"](page, h, 0, "tick", GEN["INKS"]["black"], 200 / 25.4, np.random.default_rng(3))
    cv2.imwrite(str(tmp_path / "forged.png"), page)
    [r] = read_scans(project, [tmp_path / "forged.png"], scheme_of=scheme_of(project))
    assert r.reading.vote == "yes"  # the tick itself reads fine …
    assert (r.status, r.reason_code) == ("flagged", "bad_signature")  # … but never counts
    assert record_results(project, [r], tmp_path / "p.eeproj") == []
    assert project.vote_log == []


def test_wrong_scheme_version_is_flagged(printed, tmp_path):
    project, forms = printed
    project = _copy(project)
    path = _scan(tmp_path, forms, 0, 0, "a.jpg")
    unit = project.find_unit(UNIT)
    unit.costs.items_yuan["equipment"] = unit.costs.items_yuan.get("equipment", Decimal(0)) + 1000
    [r] = read_scans(project, [path], scheme_of=scheme_of(project))
    assert (r.status, r.reason_code) == ("flagged", "wrong_scheme")
    assert "方案版本不符" in r.reason


def test_duplicate_serial_in_a_batch_and_after_recording(printed, tmp_path):
    project, forms = printed
    project = _copy(project)
    a = _scan(tmp_path, forms, 3, 1, "a.jpg", seed=1)
    b = _scan(tmp_path, forms, 3, 0, "b.jpg", seed=2)  # a photocopy, ticked again
    ra, rb = read_scans(project, [a, b], scheme_of=scheme_of(project))
    assert ra.status == "counted" and ra.vote == "no"
    assert (rb.status, rb.reason_code) == ("flagged", "duplicate_serial")
    assert len(record_results(project, [ra, rb], tmp_path / "p.eeproj")) == 1
    [again] = read_scans(project, [b], scheme_of=scheme_of(project))
    assert again.reason_code == "duplicate_serial"


def test_owner_already_recorded_from_another_source_is_flagged(printed, tmp_path):
    from elevator_eval.audit import record_vote

    project, forms = printed
    project = _copy(project)
    unit = project.find_unit(UNIT)
    record_vote(project, UNIT, unit.households[4].id, "yes", "meeting")
    path = _scan(tmp_path, forms, 4, 1, "a.jpg")
    [r] = read_scans(project, [path], scheme_of=scheme_of(project))
    assert (r.status, r.reason_code) == ("flagged", "other_source")
    assert unit.households[4].vote == "yes" and len(project.vote_log) == 1


def test_doubtful_forms_go_to_review_with_the_reason(printed, tmp_path):
    project, forms = printed
    project = _copy(project)
    none = _scan(tmp_path, forms, 5, None, "none.jpg")
    two = tmp_path / "two.jpg"
    serial, clean, h = forms[6]
    page = clean.copy()
    rng = np.random.default_rng(5)
    for box in (0, 2):
        GEN["draw_mark"](page, h, box, "cross", GEN["INKS"]["black"], 200 / 25.4, rng)
    cv2.imwrite(str(two), GEN["distort"](page, rng, -6.0))
    r1, r2 = read_scans(project, [none, two], scheme_of=scheme_of(project))
    assert (r1.status, r1.reason_code) == ("review", "no_mark")
    assert (r2.status, r2.reason_code) == ("review", "two_marks")
    assert r1.reading.box_crop() is not None
    # a person confirms the second one as "yes": recorded, marked as reviewed
    done = record_results(project, [r1, r2], tmp_path / "p.eeproj", decisions={1: "yes"})
    assert [d.serial for d in done] == [r2.serial]
    assert B.recorded_forms(project)[r2.serial]["reviewed"] is True


# ------------------------------------------------------------------------------ recording


def test_recorded_vote_keeps_scan_hash_file_and_enters_the_audit_log(printed, tmp_path):
    project, forms = printed
    project = _copy(project)
    path = _scan(tmp_path, forms, 7, 2, "form.jpg")
    [r] = read_scans(project, [path], scheme_of=scheme_of(project))
    record_results(project, [r], tmp_path / "street.eeproj", when="2026-12-01T10:00:00+08:00")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    ev = project.vote_log[-1]
    assert (ev.source, ev.new, ev.household_id) == ("paper", "abstain", r.homes[0])
    assert sha in ev.note and r.serial in ev.note
    assert verify_log(project.vote_log) == (True, None)
    kept = tmp_path / "street.eeproj.ballots" / f"{sha}.jpg"
    assert kept.read_bytes() == path.read_bytes()
    rec = B.recorded_forms(project)[r.serial]
    assert rec["scan_sha256"] == sha and rec["file"] == f"street.eeproj.ballots/{sha}.jpg"
    assert list((tmp_path / "street.eeproj.ballots").glob(f"{sha}-p1-*.png"))


# ------------------------------------------------------------------------------ command line


@pytest.fixture
def saved(printed, tmp_path):
    project, forms = printed
    path = tmp_path / "street.eeproj"
    save_project(_copy(project), path)
    return path, forms


def _cli(argv, capsys):
    out = io.StringIO()
    code = run_command("ballots", [str(a) for a in argv], stdout=out)
    return code, out.getvalue(), capsys.readouterr().err


def test_cli_reads_and_records(saved, tmp_path, capsys):
    path, forms = saved
    a = _scan(tmp_path, forms, 0, 0, "a.jpg")
    b = _scan(tmp_path, forms, 1, 1, "b.jpg")
    code, out, err = _cli([path, a, b, "--json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert [f["vote"] for f in data["forms"]] == ["yes", "no"]
    assert data["recorded"] == 0 and open_project(path).vote_log == []
    code, out, err = _cli([path, tmp_path / "a.jpg", tmp_path / "b.jpg", "--record"], capsys)
    assert code == 0 and "已录入 / recorded" in out
    project = open_project(path)
    assert [e.new for e in project.vote_log] == ["yes", "no"]
    assert evidence_dir(path).is_dir()
    assert "secret" not in out and B.form_secret(project).hex() not in out


def _hostile(tmp_path, kind) -> Path:
    from PIL import Image

    p = tmp_path / f"{kind}.bin"
    if kind == "truncated":
        p = tmp_path / "truncated.jpg"
        buf = io.BytesIO()
        Image.new("L", (1200, 1600), 200).save(buf, "JPEG")
        p.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    elif kind == "bomb":
        p = tmp_path / "bomb.png"
        Image.new("1", (20000, 20000)).save(p)  # 400 million pixels in a small file
    elif kind == "pages":
        from pypdf import PdfWriter

        w = PdfWriter()
        for _ in range(3000):
            w.add_blank_page(595, 842)
        p = tmp_path / "pages.pdf"
        with open(p, "wb") as f:
            w.write(f)
    elif kind == "garbage":
        p = tmp_path / "garbage.jpg"
        p.write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 10)
    return p


@pytest.mark.parametrize(
    "kind,words",
    [("truncated", "truncated"), ("bomb", "pixels"), ("pages", "3,000 pages"), ("garbage", "")],
)
def test_cli_hostile_input_exits_2_with_one_line_and_records_nothing(
    saved, tmp_path, capsys, kind, words
):
    path, forms = saved
    good = _scan(tmp_path, forms, 2, 0, "good.jpg")
    bad = _hostile(tmp_path, kind)
    before = path.read_bytes()
    code, out, err = _cli([path, good, bad, "--record"], capsys)
    assert code == 2
    lines = [x for x in err.splitlines() if x]
    assert len(lines) == 1 and lines[0].startswith(f"error: {bad.name}: ") and words in lines[0]
    assert "Traceback" not in err + out
    assert "nothing recorded" in out
    assert open_project(path).vote_log == [] and path.read_bytes() == before
    assert not evidence_dir(path).exists()


def test_cli_qr_from_another_project_is_flagged_and_not_recorded(saved, tmp_path, capsys):
    path, _forms = saved
    other = GEN["make_project"]()
    other_forms = GEN["render_forms"](other, [UNIT], (200,))[200]  # its own secret
    scan = _scan(tmp_path, other_forms, 0, 0, "other.jpg")
    code, out, err = _cli([path, scan, "--record"], capsys)
    assert code == 0
    assert "二维码属于另一个项目" in out and "another project" in out
    assert open_project(path).vote_log == []


def test_cli_missing_project_and_no_scans(tmp_path, capsys):
    code, _out, err = _cli([tmp_path / "none.eeproj", tmp_path], capsys)
    assert code == 2 and err.startswith("error: PROJECT:")


def test_report_command_keeps_the_new_secret_in_the_project(tmp_path):
    """Forms printed from the command line must verify later: the secret is saved."""
    path = tmp_path / "street.eeproj"
    save_project(GEN["make_project"](), path)
    assert B.form_secret(open_project(path)) is None
    out = io.StringIO()
    code = run_command(
        "report",
        [
            str(path),
            "--unit",
            UNIT,
            "--kind",
            "consent-forms",
            "--output",
            str(tmp_path / "forms.pdf"),
        ],
        stdout=out,
        stderr=io.StringIO(),
    )
    assert code == 0
    secret = B.form_secret(open_project(path))
    assert secret is not None
    run_command(
        "report",
        [
            str(path),
            "--unit",
            UNIT,
            "--kind",
            "consent-forms",
            "--output",
            str(tmp_path / "again.pdf"),
        ],
        stdout=out,
        stderr=io.StringIO(),
    )
    assert B.form_secret(open_project(path)) == secret  # created once


def test_anonymised_copy_leaves_out_the_signing_secret_and_evidence(printed):
    from elevator_eval.store import anonymise_project

    project, _forms = printed
    assert B.form_secret(project) is not None
    anon = anonymise_project(project)
    assert B.form_secret(anon) is None and "ballots" not in anon.settings
    assert B.form_secret(project) is not None  # the original keeps it
