"""What a reader sees: one language per document, units, door numbers, aligned terminal tables.

An English document may hold Chinese only in data (names, addresses, product names) and in
citations (law titles, document numbers); a Chinese document does not print an English
source sentence in its body. Terminal tables line up by display width (a CJK character
takes two columns).
"""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from elevator_eval.cli import run_command
from elevator_eval.report.common import Tr, table
from elevator_eval.vocabulary import split_bilingual

CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def _text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def _build(build, *args, **kw) -> str:
    buf = io.BytesIO()
    build(*args, out=buf, **kw)
    return _text(buf.getvalue())


@pytest.fixture(scope="module")
def sample():
    from elevator_eval.resources import sample_project_path
    from elevator_eval.store import open_project

    return open_project(sample_project_path())


def _data_strings(project, unit) -> list[str]:
    """Data a document may print in any language: names, addresses, ids."""
    c, b, _u = project.locate(unit.id)
    out = [project.name, c.name, b.name, unit.name or "", unit.id]
    for h in unit.households:
        out += [h.owner_name or "", h.id]
    for rule in unit.subsidies:  # user-named subsidies
        out += [str(v) for v in rule.values() if isinstance(v, str)]
    out += list((project.settings.get("organisation") or {}).values())  # organiser's names
    return [s for s in out if s]


def _citations(d) -> list[str]:
    """Document numbers printed as issued (沪规划资源建〔2020〕377号) and a quoted legal term
    ("以上"): what an English document may hold in Chinese beside the data."""
    from elevator_eval.report.docdata import doc_rules

    return ["沪规划资源建〔2020〕377号", '"以上"', doc_rules()["notice"]["basis_en"]]


def _leftover_cjk(text: str, allowed: list[str]) -> list[str]:
    rest = _squash(text)
    for s in sorted((_squash(a) for a in allowed), key=len, reverse=True):
        if s:
            rest = rest.replace(s, "")
    return sorted(set(CJK.findall(rest)))


# ------------------------------------------------------------------ English documents


@pytest.mark.parametrize("unit_id", ["DH-1-3", "DH-5-1"])
def test_english_proposal_has_no_chinese_outside_data_and_citations(sample, unit_id):
    from elevator_eval.report.proposal import build_proposal, gather

    unit = sample.locate(unit_id)[2]
    text = _build(build_proposal, unit, project=sample, lang="en")
    d = gather(unit, sample)
    assert _leftover_cjk(text, _data_strings(sample, unit) + _citations(d)) == []
    assert "㎡" not in text and "m²" in text
    if unit_id == "DH-5-1":  # the provident-fund note is printed in English only
        assert "provident-fund withdrawal of 1 household was adjusted" in " ".join(text.split())


def test_an_english_proposal_names_a_subsidy_alike_in_every_section(sample):
    """DH-1-1's subsidy has a Chinese title only: the budget named it by its kind
    ("Percent of cost, capped") and the sources by its Chinese title."""
    from elevator_eval.report.proposal import build_proposal

    text = _squash(_build(build_proposal, sample.locate("DH-1-1")[2], project=sample, lang="en"))
    assert "市级财政补贴" not in text
    assert _squash("Subsidy (Percent of cost, capped):") in text


def test_english_notice_and_consent_form_have_no_chinese_outside_data(sample):
    from elevator_eval.report.consent_form import build_consent_forms
    from elevator_eval.report.masking import mask_name
    from elevator_eval.report.notice import build_notice
    from elevator_eval.report.proposal import gather

    unit = sample.locate("GY-1-1")[2]
    allowed = _data_strings(sample, unit) + _citations(gather(unit, sample))
    allowed += [mask_name(h.owner_name) for h in unit.households]
    notice = _build(build_notice, unit, project=sample, lang="en")
    forms = _build(build_consent_forms, unit, project=sample, lang="en")
    assert _leftover_cjk(notice, allowed) == []
    assert _leftover_cjk(forms, allowed) == []
    assert "㎡" not in notice + forms
    assert f"({unit.id})" in _squash(forms) and f"（{unit.id}）" not in forms


# ------------------------------------------------------------------ Chinese documents


def test_chinese_method_source_shows_the_chinese_title_as_a_practice_value(sample):
    from elevator_eval.report.proposal import build_proposal

    unit = sample.locate("DH-1-3")[2]
    text = _squash(_build(build_proposal, unit, project=sample, lang="zh"))
    assert "Guangzhou" not in text  # the reported mix of languages
    assert "参考：经验值，广州东圃丽江新村业主分摊方案" in text
    assert "zjtcn.com" not in text  # an aggregator site is not printed as authority
    assert re.search(r"见资料来源\[\d+\]", text)


def test_chinese_proposal_names_nobody_who_must_change_a_vote(sample):
    from elevator_eval.report.notice import build_notice
    from elevator_eval.report.proposal import build_proposal

    blocked = _squash(_build(build_proposal, sample.locate("DH-1-3")[2], project=sample))
    # neither the door nor a count of one among the few affected owners
    assert "目前无法通过：专有部分受影响（或依规则可否决）的业主尚未全部同意" in blocked
    assert "有1位专有部分受影响" not in blocked
    assert "101改投" not in blocked and "DH-1-3-O101" not in blocked
    internal = _squash(
        _build(
            build_notice, sample.locate("DH-1-3")[2], project=sample, masked=False, progress=True
        )
    )
    assert "尚未同意（101）" in internal  # the internal paper names the door, not the id
    stairs = _squash(_build(build_proposal, sample.locate("DH-5-1")[2], project=sample))
    # a door's provident fund is its owner's business: counted, not named, in the proposal
    assert "注意：1户的公积金提取按条件或应付份额作了调整" in stairs
    assert "401：公积金" not in stairs and "（19,500元）" not in stairs
    assert "资金来源（合计）" in stairs and "provident-fund" not in stairs


# ------------------------------------------------------------------ text helpers


def test_split_bilingual():
    assert split_bilingual("401: 公积金提取以应付份额为限（19,500 元） / capped (19,500 yuan)") == (
        "401：公积金提取以应付份额为限（19,500 元）",  # the Chinese half's colon full-width
        "401: capped (19,500 yuan)",
    )
    # a slash inside the Chinese half (元/kWh, 2/3) does not split it
    assert split_bilingual("电价（元/kWh） 0.6 / electricity price 0.6") == (
        "电价（元/kWh） 0.6",
        "electricity price 0.6",
    )
    assert split_bilingual("plain text / no Chinese") == ("plain text / no Chinese",) * 2
    assert Tr("en").bilingual("补偿楼层没有住户 / no household") == "no household"


def _split_as_specified(text: str) -> tuple[str, str]:
    """split_bilingual's rule read literally: the first " / " that has a Chinese character
    somewhere before it and none right after it (after an identifier prefix)."""
    prefix = ""
    m = re.match(r"^([A-Za-z0-9][A-Za-z0-9_.\-]*: )", text)
    if m:
        prefix, text = m.group(1), text[m.end() :]
    pos = 0
    while (i := text.find(" / ", pos)) >= 0:
        if CJK.search(text[:i]) and not CJK.search(text[i + 3 : i + 4]):
            return prefix + text[:i].rstrip(), prefix + text[i + 3 :].lstrip()
        pos = i + 3
    return prefix + text, prefix + text


@given(st.text(alphabet="a中 /:1", max_size=30))
def test_split_bilingual_follows_its_rule(text):
    """The split finds its separator in one pass (it sliced the text before each " / ",
    seconds on a long message); the result is the rule's."""
    assert split_bilingual(text) == _split_as_specified(text)


def test_quote_assumptions_in_one_language():
    from elevator_eval.report.quotes_report import assumption_text

    a = (
        "电价（元/kWh） 0.6 / electricity price (yuan/kWh) 0.6 (assumption (app default): "
        "about 0.6 yuan/kWh)"
    )
    # the Chinese document holds no English source note: the default is labelled 经验值
    assert assumption_text(a, Tr("zh")) == "电价（元/kWh）：0.6（经验值，可按项目修改）"
    assert (
        assumption_text(a, Tr("en"))
        == "electricity price (yuan/kWh): 0.6 (assumption (app default): about 0.6 yuan/kWh)"
    )


def test_english_cells_wrap_between_words_chinese_cells_anywhere():
    # both header texts are wider than a 40 pt column less padding (34 pt), so they wrap
    t = table([["Yearly running", "年度运行费用"], ["1,000", "2,000"]], [40, 40])
    head_en, head_zh = t._cellvalues[0]
    assert head_en.style.wordWrap is None and head_zh.style.wordWrap == "CJK"
    head_en.wrap(34, 100)
    lines = [
        " ".join(w for w in line[1])
        if isinstance(line, tuple)
        else " ".join(getattr(line, "words", []))
        for line in head_en.blPara.lines
    ]
    assert [ln.strip() for ln in lines] == ["Yearly", "running"]
    # a word wider than the column falls back to the CJK rule (no overflow)
    wide = table([["Supercalifragilistic"]], [30])._cellvalues[0][0]
    assert wide.style.wordWrap == "CJK"


def test_census_unit_cell_drops_the_repeated_community_and_building():
    from elevator_eval.report.census_report import _Row, unit_label

    r = _Row("东湖新村", "1号楼", "DH-1-1", "东湖新村 1号楼 1单元", 1984, "suitable", "", "", None)
    assert unit_label(r) == "1单元\nDH-1-1"
    r.unit_name = "东湖新村"  # nothing would be left: keep the name
    assert unit_label(r) == "东湖新村\nDH-1-1"


# ------------------------------------------------------------------ terminal


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)


def _cli(name, argv) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = run_command(name, [str(a) for a in argv], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    return out.getvalue()


def test_share_table_lines_up_by_display_width_and_totals_every_column(example_unit_path):
    text = _cli("share", [example_unit_path])
    lines = text.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("户号 Door"))
    block = lines[start : start + 14]  # header, 12 households, total
    assert block[-1].startswith("合计 Total")
    assert len({_width(ln) for ln in block}) == 1, block
    total = block[-1].split()
    assert total[-1] == "300,000"  # net cash column totalled (no fund used in the example)
    assert "704.10" in total
    assert "56.30" in text  # areas with two decimals as registered


def test_preinstall_ranking_header_lines_up_with_rows():
    from elevator_eval.resources import sample_project_path

    lines = _cli("preinstall", [sample_project_path()]).splitlines()
    i = next(i for i, ln in enumerate(lines) if "单元 unit" in ln)
    table_lines = lines[i : i + 4]
    assert len({_width(ln) for ln in table_lines}) == 1, table_lines


def test_assess_names_the_factors_to_remove(sample):
    from elevator_eval.resources import sample_project_path

    text = _cli("assess", [sample_project_path(), "--unit", "DH-1-3"])
    assert (
        "井道占用底层私家庭院（平面图实测） / The shaft occupies a ground-floor private "
        "courtyard (measured from the site plan)"
    ) in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_notice_of_a_fourteen_household_unit_fits_two_sheets(sample, lang):
    from elevator_eval.report.notice import build_notice

    unit = sample.locate("DH-5-1")[2]
    assert len(unit.households) == 14
    buf = io.BytesIO()
    build_notice(unit, project=sample, lang=lang, out=buf)
    pages = PdfReader(io.BytesIO(buf.getvalue())).pages
    assert len(pages) <= 2  # 10.5 pt text, the plan and the seal block: two posted sheets
    text = _squash("".join(p.extract_text() for p in pages))
    # the feedback deadline and the objections section are on the posted sheet
    if lang == "zh":
        assert "书面反馈截止" in text and "异议与反馈" in text
    else:
        assert "Writtenfeedbackuntil" in text and "Objectionsandfeedback" in text


def test_consent_text_labels_every_count_in_both_languages():
    from elevator_eval.resources import sample_project_path

    text = _cli("consent", [sample_project_path(), "--unit", "GY-1-3"])
    assert "共 total 12 人" in text and "弃权 abstain 0" in text
    assert "共 total 1,096.20" in text  # areas with thousands separators, as in the documents


def test_percentages_round_half_up_exactly():
    from fractions import Fraction

    from elevator_eval.report.common import fmt_pct

    assert fmt_pct(Fraction(5, 16)) == "31.3%"  # 31.25 %: 四舍五入, not half-even 31.2
    assert fmt_pct(Fraction(1, 3), 2) == "33.33%"
    assert fmt_pct(Fraction(2, 3)) == "66.7%"
    assert fmt_pct(None) == "—"


def test_approval_with_nobody_voting_is_not_printed_as_met(sample):
    from elevator_eval.report.proposal import build_proposal

    unit = sample.locate("DH-2-1")[2]  # nobody has voted yet
    assert all(h.vote is None for h in unit.households)
    text = _squash(_build(build_proposal, unit, project=sample, lang="en"))
    i = text.index("Areavotingyes")
    assert text[i : i + 80].count("nobodyvoted") == 1
    assert "Ownersvotingyes" in text and text.count("nobodyvoted") == 2


def test_consent_text_with_nobody_voting():
    from elevator_eval.resources import sample_project_path

    text = _cli("consent", [sample_project_path(), "--unit", "DH-2-1"])
    assert text.count("nobody voted") == 2 and "✓" not in text
