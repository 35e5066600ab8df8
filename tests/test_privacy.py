"""Personal information of one resident: the report, erasure with tombstones, retention,
and no phone numbers in error lines."""

from __future__ import annotations

import io
import json
import shutil

import pytest

from elevator_eval import privacy, store
from elevator_eval.audit import is_tombstone, log_head, verify_log
from elevator_eval.cli import run_command
from elevator_eval.consent import tally
from elevator_eval.errors import InputError
from elevator_eval.resources import sample_project_path
from elevator_eval.rulebook import resolve


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "街道.eeproj"
    shutil.copy(sample_project_path(), p)
    return p


def _cli(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = run_command("privacy", [str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_resident_report_holds_every_stored_field_and_the_log(path):
    p = store.open_project(path)
    h = p.find_unit("DH-1-2").household("601")
    h.extra = {"canvassing_note": "周末在家", "signature_scan": "scans/601.png"}
    rec = privacy.resident_record(p, "DH-1-2:601")
    (hh,) = rec["households"]
    assert hh["owner_name"] == h.owner_name and hh["contact"] == h.contact
    assert hh["extra"] == {"canvassing_note": "周末在家", "signature_scan": "scans/601.png"}
    notes = [e["note"] for e in rec["vote_log"]]
    assert notes == ["首次征询未表态", "居民会议上反对", "撤回反对意见"]  # 601's three entries
    assert all(e["household_id"] == "601" for e in rec["vote_log"])


def test_selector_by_owner_id_door_and_ambiguity(path):
    p = store.open_project(path)
    owner = p.find_unit("DH-1-1").household("101").owner
    assert privacy.find_resident(p, owner).unit.id == "DH-1-1"
    assert privacy.find_resident(p, "DH-1-1:101").owner_id == owner
    for bad in ("", "DH-1-1:999", "NOPE:1", "nobody"):
        with pytest.raises(InputError) as e:
            privacy.find_resident(p, bad)
        assert e.value.field == "--resident"
    p.find_unit("DH-1-2").household("101").owner = owner  # the same id in another unit
    with pytest.raises(InputError, match="2 units"):
        privacy.find_resident(p, owner)


def test_erasure_keeps_the_vote_and_the_chain(path):
    p = store.open_project(path)
    head = log_head(p.vote_log)
    u = p.find_unit("DH-1-2")
    before = tally(u, resolve(p, u).consent).to_json()
    rec = privacy.erase_resident(p, "DH-1-2:601", today="2026-11-29")
    assert rec["vote_log_notes_erased"] == 3 and "许" not in json.dumps(rec, ensure_ascii=False)
    h = p.find_unit("DH-1-2").household("601")
    assert (h.owner_name, h.contact, h.extra, h.provident_fund_yuan) == ("", "", {}, None)
    assert h.owner.startswith("ERASED-")
    assert verify_log(p.vote_log) == (True, None) and log_head(p.vote_log) == head
    # the tally counts the same heads, areas and votes (only the id of the head changed)
    u = p.find_unit("DH-1-2")
    after = tally(u, resolve(p, u).consent).to_json()
    assert {k: v for k, v in after.items() if k != "needed"} == {
        k: v for k, v in before.items() if k != "needed"
    }
    store.save_project(p, path)  # the append-only check accepts tombstones
    back = store.open_project(path)
    assert verify_log(back.vote_log) == (True, None)
    assert sum(is_tombstone(e) for e in back.vote_log) == 3
    assert "许国庆" not in json.dumps(
        privacy.resident_record(back, "DH-1-2:601"), ensure_ascii=False
    )


def test_a_tampered_tombstone_or_a_changed_note_is_still_caught(path):
    p = store.open_project(path)
    privacy.erase_resident(p, "DH-1-2:601", today="2026-11-29")
    ev = next(e for e in p.vote_log if is_tombstone(e))
    ev.new = "yes"  # change the vote of an erased entry
    assert verify_log(p.vote_log)[0] is False
    q = store.open_project(path)
    q.vote_log[0].note = "改写"  # an ordinary edit of a stored note
    with pytest.raises(Exception, match="append-only"):
        store.save_project(q, path)


def test_retention_purges_contacts_after_the_period(path):
    p = store.open_project(path)
    with pytest.raises(InputError):
        privacy.set_retention_days(p, 0)
    privacy.set_retention_days(p, 30)
    h = p.find_unit("DH-1-2").household("601")  # voted 2026-03-20
    assert (p.find_unit("DH-1-2"), h) in privacy.expired(p, "2026-04-20")
    assert (p.find_unit("DH-1-2"), h) not in privacy.expired(p, "2026-04-19")  # 30 days
    n = privacy.purge_expired(p, "2026-04-20")
    assert n >= 1 and h.contact == "" and h.owner_name  # the name stays (decision record)
    store.save_project(p, path)
    assert privacy.retention_days(store.open_project(path)) == 30


def test_command_line_report_pdf_erase_and_retention(path, tmp_path):
    code, out, err = _cli(path, "--resident", "DH-1-2:601", "--json")
    assert code == 0 and json.loads(out)["households"][0]["door"] == "601"
    pdf = tmp_path / "601.pdf"
    code, _, err = _cli(path, "--resident", "DH-1-2:601", "-o", pdf)
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF-")
    code, _, err = _cli(path, "--erase", "DH-1-2:601")
    assert code == 2 and "--yes" in err and err.count("\n") == 1
    code, out, err = _cli(path, "--erase", "DH-1-2:601", "--yes", "--json")
    assert code == 0 and json.loads(out)["households"] == 1
    code, out, _ = _cli(path, "--retention-days", "365", "--json")
    assert code == 0 and json.loads(out) == {"retention_days": 365}
    code, _, err = _cli(path, "--retention-days", "forever")
    assert code == 2 and "--retention-days" in err


def test_error_lines_carry_no_phone_or_id_numbers():
    text = "row 3: 13912345678 / 021-63211234 / 110101199003074512 / a.b@example.cn"
    scrubbed = privacy.scrub(text)
    for secret in ("13912345678", "63211234", "110101199003074512", "a.b@example.cn"):
        assert secret not in scrubbed
    assert (
        privacy.scrub("area 56.30, unit DH-1-2, year 1992") == "area 56.30, unit DH-1-2, year 1992"
    )


def test_command_line_error_masks_a_phone_number(tmp_path):
    bad = tmp_path / "13912345678.json"
    bad.write_text("{", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = run_command("consent", [str(bad)], stdout=out, stderr=err)
    assert code == 2 and "13912345678" not in err.getvalue() and "error:" in err.getvalue()


@pytest.mark.parametrize(
    ("lang", "intent", "contact", "when"),
    [
        (
            "zh",
            "不愿意加装（2026-01-12，二维码）",
            "2026-03-07 上门：同意；顾虑：费用",
            "2026-03-05 19:30",
        ),
        (
            "en",
            "not interested (2026-01-12, 二维码)",
            "2026-03-07 Visit: Agreed; concerns: Cost",
            "2026-03-05 19:30",
        ),
    ],
)
def test_the_residents_copy_writes_the_procedures_records_out_in_words(
    path, tmp_path, lang, intent, contact, when
):
    """DH-1-2 601's intent and canvassing contact (the sample's), as a resident reads them:
    the copy printed them as program data ("{'interested': False, …}")."""
    from pypdf import PdfReader

    out = tmp_path / f"copy-{lang}.pdf"
    code, _out, err = _cli(path, "--resident", "DH-1-2:601", "-o", out, "--lang", lang)
    assert code == 0, err
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    flat = " ".join(text.split())
    assert intent in flat and contact in flat and when in flat
    assert "{'" not in text and "[{" not in text and "'interested'" not in text


def test_the_residents_copy_writes_any_other_record_out_whatever_its_depth(path, tmp_path):
    """A record the app does not know, nested 300 levels deep, is written out to a depth
    and cut there, never as program data."""
    from pypdf import PdfReader

    p = store.open_project(path)
    deep: object = "底"
    for _ in range(300):
        deep = [deep]
    p.find_unit("DH-1-2").household("601").extra["survey"] = {"a": True, "deep": deep}
    out = tmp_path / "copy.pdf"
    from elevator_eval.report.resident_report import build_resident_report

    build_resident_report(privacy.resident_record(p, "DH-1-2:601"), out=str(out), lang="en")
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Other record: survey" in text and "a: yes; deep: …" in text


@pytest.mark.parametrize(
    ("lang", "before_log", "how", "fund"),
    [
        ("zh", "601、602 现在的表决意见（见上）在表决记录启用前录入", "线上", "30,000"),
        (
            "en",
            "The present vote of 601, 602 (above) was entered before the vote log",
            "Online",
            "30,000",
        ),
    ],
)
def test_the_residents_copy_says_why_the_log_holds_none_of_the_votes_above(
    path, tmp_path, lang, before_log, how, fund
):
    """GY-1-1's 601 and 602 (one owner) voted before the log was kept: the copy read
    "无表决记录。" under the two votes; it names the doors whose vote the log lacks. The
    way a vote was cast reads as in the window (it read 网上 where the window says 线上)
    and an amount with its thousands separator (it read 30000)."""
    from pypdf import PdfReader

    rec = privacy.resident_record(store.open_project(path), "GY-1-1:601")
    assert rec["vote_log"] == [] and rec["unlogged_votes"] == ["601", "602"]
    out = tmp_path / f"copy-{lang}.pdf"
    code, _out, err = _cli(path, "--resident", "GY-1-1:601", "-o", out, "--lang", lang)
    assert code == 0, err
    flat = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert before_log in flat and how in flat and fund in flat
    assert "无表决记录" not in flat and "No vote-log entries" not in flat


def test_a_logged_vote_is_not_listed_as_unlogged(path):
    rec = privacy.resident_record(store.open_project(path), "DH-1-2:601")
    assert rec["vote_log"] and rec["unlogged_votes"] == []
