"""`elevator-eval quotes`: both argument forms, JSON output, exit 2 on bad input."""

from __future__ import annotations

import io
import json

from openpyxl import load_workbook

from elevator_eval.cli import run_command
from elevator_eval.io.quotes_xlsx import KEYS
from elevator_eval.resources import resource_path

SAMPLE_QUOTES = resource_path("sample", "quotes.xlsx")


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = run_command("quotes", [str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_template_form(tmp_path):
    code, out, err = run("--template", tmp_path / "t.xlsx")
    assert code == 0 and err == ""
    assert (tmp_path / "t.xlsx").exists() and "t.xlsx" in out


def test_compare_json_on_a_unit_file(example_unit_path):
    code, out, err = run(
        SAMPLE_QUOTES, example_unit_path, "--json", "--years", "20", "--discount-rate", "0.04"
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["units"] == ["XFL-3-2"] and data["years"] == 20
    assert len(data["fit_matrix"][0]) == len(data["products"]) >= 6
    states = set(data["fit_matrix"][0])
    assert "fits" in states and "misfit" in states
    assert all(c["years"] == 20 for c in data["lcc"])
    assert data["tender"] is None


def test_scores_weights_and_export(tmp_path, example_unit_path):
    scores = tmp_path / "scores.json"
    scores.write_text(
        json.dumps(
            {
                "HT-450": {"technical": 30, "service": 15},
                "AJ-630R": {"technical": 38, "service": 18},
            }
        ),
        encoding="utf-8",
    )
    out_xlsx = tmp_path / "cmp.xlsx"
    code, out, err = run(
        SAMPLE_QUOTES,
        example_unit_path,
        "--weights",
        "price=40,technical=40,service=20",
        "--scores",
        scores,
        "-o",
        out_xlsx,
        "--json",
    )
    assert code == 0, err
    t = json.loads(out)["tender"]
    # HT-450's car is below the accessible minimum, a stated requirement by default
    assert t["ranking"] == ["AJ-630R"]
    assert [e["bidder"] for e in t["excluded"]] == ["HT-450"]
    assert "无障碍" in t["excluded"][0]["reason"]
    assert t["too_few_valid_bids"] and t["valid_bids"] == 1
    assert t["winner_stable_range"] == [30, 60]  # competitive consultation, goods
    wb = load_workbook(out_xlsx)
    assert "评分 Tender" in wb.sheetnames and "适配 Fit" in wb.sheetnames
    # text form
    code, out, _ = run(
        SAMPLE_QUOTES,
        example_unit_path,
        "--weights",
        "price=40,technical=40,service=20",
        "--scores",
        scores,
    )
    assert code == 0 and "适配矩阵" in out and "fit matrix" in out


def test_bad_cells_exit_2_with_one_line(tmp_path, example_unit_path, capsys):
    bad = tmp_path / "bad.xlsx"
    wb = load_workbook(SAMPLE_QUOTES)
    ws = wb.worksheets[0]
    ws.cell(row=3, column=KEYS.index("pit_mm") + 1, value="deep")
    ws.cell(row=4, column=KEYS.index("equipment_yuan") + 1, value=-1)
    wb.save(bad)
    code, out, err = run(bad, example_unit_path)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "row 3" in err and "row 4" in err
    assert "Traceback" not in err
    code, out, err = run(bad, example_unit_path, "--json")
    assert code == 2
    line = capsys.readouterr().err
    assert line.count("\n") == 1 and "row 3" in line
    errs = json.loads(out)["errors"]
    assert [(e["row"], e["field"]) for e in errs] == [(3, "pit_mm"), (4, "equipment_yuan")]


def test_bad_arguments_exit_2(tmp_path, example_unit_path):
    cases = [
        ((SAMPLE_QUOTES,), "expected"),
        (
            (SAMPLE_QUOTES, example_unit_path, "--weights", "price=20,technical=60,service=20"),
            "weights.price",
        ),
        (
            (SAMPLE_QUOTES, example_unit_path, "--weights", "price=40,technical=40,service=20"),
            "--scores",
        ),
        (
            (
                SAMPLE_QUOTES,
                example_unit_path,
                "--mode",
                "services",
                "--weights",
                "price=35,technical=45,service=20",
            ),
            "weights.price",
        ),
        ((SAMPLE_QUOTES, example_unit_path, "--price-basis", "npv"), "--price-basis"),
        ((SAMPLE_QUOTES, example_unit_path, "--max-price", "-5"), "--max-price"),
        ((SAMPLE_QUOTES, example_unit_path, "--method", "auction"), "--method"),
        ((SAMPLE_QUOTES, example_unit_path, "--units", "NOPE"), "--units"),
        ((SAMPLE_QUOTES, example_unit_path, "--years", "x"), "--years"),
        ((SAMPLE_QUOTES, example_unit_path, "--years", "0"), "years"),
        ((SAMPLE_QUOTES, example_unit_path, "--discount-rate", "abc"), "discount_rate"),
        (
            (
                SAMPLE_QUOTES,
                example_unit_path,
                "--scores",
                tmp_path / "none.json",
                "--weights",
                "price=40,technical=40,service=20",
            ),
            "--scores",
        ),
        ((SAMPLE_QUOTES, tmp_path / "missing.eeproj"), "PROJECT"),
        ((tmp_path / "missing.xlsx", example_unit_path), "file"),
        (("--template", tmp_path / "t.xlsx", SAMPLE_QUOTES), "--template"),
    ]
    for argv, needle in cases:
        code, out, err = run(*argv)
        assert code == 2, (argv, err)
        assert needle in err and err.count("\n") == 1, (argv, err)


def test_unit_selection(example_unit_path):
    code, out, err = run(SAMPLE_QUOTES, example_unit_path, "--units", "XFL-3-2", "--json")
    assert code == 0, err
    assert json.loads(out)["units"] == ["XFL-3-2"]


def test_sample_street_fit_matrix_is_mixed():
    project = resource_path("sample", "sample-street.eeproj")
    code, out, err = run(SAMPLE_QUOTES, project, "--json")
    assert code == 0, err
    data = json.loads(out)
    matrix = data["fit_matrix"]
    assert len(matrix) == len(data["units"]) >= 10
    states = {s for row in matrix for s in row}
    assert states == {"fits", "misfit", "unknown"}
    columns = list(zip(*matrix))
    # every product fits somewhere, and the products fit the units differently
    assert all("fits" in col for col in columns)
    assert len(set(columns)) == len(columns)
    assert sum("misfit" in col for col in columns) >= len(columns) - 1
    # the misfits carry their reasons
    assert all(f["reasons"] for f in data["fit"] if f["state"] != "fits")


def test_discount_rate_as_percent_and_price_basis(example_unit_path):
    code, out, err = run(SAMPLE_QUOTES, example_unit_path, "--discount-rate", "4%", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["discount_rate"] == 0.04 and data["price_basis"] == "unit_price"
    for basis in ("npv", "capital"):
        code, out, err = run(SAMPLE_QUOTES, example_unit_path, "--price-basis", basis)
        assert code == 2 and "--price-basis" in err and out == ""
