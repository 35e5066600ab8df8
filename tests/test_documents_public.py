"""Documents a street office can hand out and post as they are: checks on the extracted text
of every sample unit's proposal and notice, and of the census report.

- a notice of a vote that has not passed is refused, or titled 表决进展通报 without the
  "进入施工图设计" promise; a passed vote's notice is a 方案公示 that keeps it;
- no public document pairs a door with 不同意 / 反对 / 未同意 (the sample's ruleset does not
  require named disclosure); the internal paper is marked 内部资料，不得张贴;
- no Latin word of four or more letters and no web address in a Chinese document;
- the proposal has every section the street office needs;
- no line starts with closing punctuation.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping

import pytest
from pypdf import PdfReader
from tiers import representative

from elevator_eval.errors import InputError
from elevator_eval.language import latin_words
from elevator_eval.report.notice import build_notice
from elevator_eval.report.plan import drawn_to_scale
from elevator_eval.report.proposal import build_proposal
from elevator_eval.report.scheme_version import scheme_label
from elevator_eval.resources import sample_project_path
from elevator_eval.store import open_project

CLOSING = "，。、；：？！）》」』】〕〉…"
VOTE_WORDS = ("不同意", "反对", "未同意", "改投")


@pytest.fixture(scope="module")
def sample():
    return open_project(sample_project_path())


def _pages(build, *args, **kw) -> list[str]:
    buf = io.BytesIO()
    build(*args, out=buf, **kw)
    return [p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class _UnitDocuments(Mapping):
    """One unit's documents as text (proposal, notice or the refusal, progress notice,
    internal paper), each built on first use: all 64 PDFs of the sample take seconds."""

    KINDS = ("proposal", "notice", "progress", "internal")

    def __init__(self, project, unit):
        self._project, self._unit, self._text = project, unit, {}

    def _build(self, kind: str) -> str | None:
        p, u, start = self._project, self._unit, dt.date(2026, 6, 1)  # after the votes
        if kind == "proposal":
            return "\n".join(_pages(build_proposal, u, project=p))
        if kind == "notice":
            try:
                return "\n".join(_pages(build_notice, u, project=p, start=start))
            except InputError as e:
                self._text["refusal"] = str(e)
                return None
        if kind == "progress":
            return "\n".join(_pages(build_notice, u, project=p, progress=True, start=start))
        return "\n".join(_pages(build_notice, u, project=p, progress=True, masked=False))

    def __getitem__(self, kind: str) -> str | None:
        if kind == "refusal":
            self["notice"]
            return self._text[kind]
        if kind not in self.KINDS:
            raise KeyError(kind)
        if kind not in self._text:
            self._text[kind] = self._build(kind)
        return self._text[kind]

    def __iter__(self):
        yield from self.KINDS
        if self["notice"] is None:
            yield "refusal"

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Documents(dict):
    def __init__(self, project):
        super().__init__()
        self._project = project

    def __missing__(self, unit_id: str) -> _UnitDocuments:
        self[unit_id] = _UnitDocuments(self._project, self._project.locate(unit_id)[2])
        return self[unit_id]


@pytest.fixture(scope="module")
def documents(sample):
    """unit id → {"proposal": text, "notice": text or None, "progress": text, "internal":
    text} (and "refusal" when there is no notice); each built once for the module, when a
    test first reads it."""
    return _Documents(sample)


UNIT_IDS = [
    u
    for u in (
        "DH-1-1",
        "DH-1-2",
        "DH-1-3",
        "DH-2-1",
        "DH-2-2",
        "DH-5-1",
        "DH-5-2",
        "GY-1-1",
        "GY-1-2",
        "GY-1-3",
        "GY-3-1",
        "GY-3-2",
        "GY-6-1",
        "GY-6-2",
        "GY-8-1",
        "GY-8-2",
    )
]
TIERED_UNIT_IDS = representative(UNIT_IDS, {"DH-1-1", "DH-1-3"})
"""Per-unit checks: a passed vote and a blocked one by default, every unit in the slow tier."""


def test_the_sample_has_the_units_listed(sample):
    assert sorted(u.id for u in sample.units()) == sorted(UNIT_IDS)


@pytest.mark.parametrize("unit_id", TIERED_UNIT_IDS)
def test_notice_only_for_a_passed_vote(sample, documents, unit_id):
    from elevator_eval.consent import tally
    from elevator_eval.rulebook import resolve

    unit = sample.locate(unit_id)[2]
    docs = documents[unit_id]
    passed = tally(unit, resolve(sample, unit).consent).passed
    progress = _squash(docs["progress"])
    if passed:
        notice = _squash(docs["notice"])
        assert notice.startswith("既有住宅加装电梯方案公示") or "既有住宅加装电梯方案公示" in notice
        assert "进入施工图设计" in notice and "表决进展通报" not in notice
        assert "2026年6月1日至2026年6月10日（10个自然日）" in notice
        assert "2026年6月17日" in notice  # 7 days of written feedback
    else:
        assert docs["notice"] is None
        assert "表决尚未通过" in docs["refusal"] and unit_id in docs["refusal"]
    if passed:  # asking for a progress notice of a passed vote still gives the 方案公示
        return
    # the progress notice never promises the next steps
    assert "表决进展通报" in progress and "方案公示" not in progress.replace("方案公示期", "")
    assert "进入施工图设计" not in progress and "方案尚未获得通过" in progress


def _public(docs) -> dict[str, str]:
    out = {"proposal": docs["proposal"], "progress": docs["progress"]}
    if docs["notice"] is not None:
        out["notice"] = docs["notice"]
    return out


@pytest.mark.parametrize("unit_id", TIERED_UNIT_IDS)
def test_no_public_document_pairs_a_door_with_a_no_vote(sample, documents, unit_id):
    unit = sample.locate(unit_id)[2]
    doors = [h.id for h in unit.households]
    for kind, text in _public(documents[unit_id]).items():
        flat = _squash(text)
        for word in VOTE_WORDS:
            for m in re.finditer(word, flat):
                near = flat[max(0, m.start() - 12) : m.end() + 12]
                for door in doors:
                    assert not re.search(rf"(?<!\d){door}(?!\d)", near), (kind, door, near)
        # the owners' names are not posted either (no named disclosure in this ruleset)
        for h in unit.households:
            assert h.owner_name not in text, (kind, h.owner_name)
        assert "内部资料" not in text


def test_the_internal_paper_is_marked_and_names_doors(sample, documents):
    text = documents["DH-1-3"]["internal"]
    flat = _squash(text)
    assert "【内部资料，不得张贴】" in flat and "表决进展通报（内部资料）" in flat
    assert "尚未同意（101）" in flat
    # the office's record: no seal block and no invitation to object, which a copy taken
    # for the posted paper would carry (the public one keeps both)
    assert "（盖章）" not in flat and "不得张贴或外传" in flat
    assert "（盖章）" in _squash(documents["DH-1-3"]["progress"])
    unit = sample.locate("DH-1-3")[2]
    assert unit.household("101").owner_name in text


def test_the_notice_makes_the_design_wait_for_the_appraisal_the_assessment_asks_for(
    documents,
):
    """DH-5-1 (built 1996, never appraised) passed its vote: its notice promised the
    detailed design once the notice period ends, while its own findings say an appraisal
    must find grade A or B first."""
    waits = _squash(documents["DH-5-1"]["notice"])
    assert "异议已妥善处理，并完成房屋安全鉴定且鉴定为A/B级后，进入施工图设计" in waits
    plain = _squash(documents["DH-1-1"]["notice"])
    assert "异议已妥善处理的，进入施工图设计" in plain and "房屋安全鉴定且" not in plain


def test_the_proposal_asks_to_check_a_pipe_relocation_the_survey_does_not_need(documents):
    """GY-1-1: the survey found no pipe in the shaft's footprint, and the budget has a pipe
    relocation of 30,000 (with a pipeline subsidy claimed on it); DH-1-1 has pipes there."""
    flat = _squash(documents["GY-1-1"]["proposal"])
    assert "请核实：预算列有管线迁改¥30,000，但现场调查未发现井道范围内的管线" in flat
    assert "请核实：预算列有管线迁改" not in _squash(documents["DH-1-1"]["proposal"])


def test_the_note_on_compensation_stands_only_under_a_table_with_its_column(documents):
    """DH-1-1 has no compensation: its table has no column of compensation received, and
    the note under it said that compensation "补偿单列" all the same."""
    plain = _squash(documents["DH-1-1"]["proposal"])
    assert "获得补偿（元）" not in plain and "所获补偿" not in plain and "补偿单列" not in plain
    with_comp = _squash(documents["DH-1-3"]["proposal"])
    assert "获得补偿（元）" in with_comp and "所获补偿单列一栏" in with_comp


def test_the_budget_and_the_advance_carry_the_compensation_the_table_adds(documents):
    """DH-1-3: the owners' total is 380,000 and the ten paying doors pay 40,000 of
    compensation besides; the budget ended at 380,000 and the payment section said they
    advance "全部建设费用" (650,000) above a column adding up to 690,000."""
    text = _squash(documents["DH-1-3"]["proposal"])
    assert "业主合计出资380,000另：低层补偿（由出资住户承担，见第五节）40,000" in text
    assert "出资住户合计支付420,000" in text
    assert "先行垫付全部建设费用及低层补偿¥40,000；" in text
    plain = _squash(documents["DH-1-1"]["proposal"])
    assert "先行垫付全部建设费用；" in plain and "出资住户合计支付" not in plain
    # the key facts of the cover and of the posted notice, above the per-door amounts
    for doc in ("proposal", "progress"):
        flat = _squash(documents["DH-1-3"][doc])
        assert "低层补偿/出资住户合计支付" in flat and "¥40,000/¥420,000" in flat, doc


def test_the_posted_progress_notice_does_not_count_the_owners_who_have_not_agreed(documents):
    """DH-1-3: one of the two owners whose yard the shaft takes has not agreed. The posted
    notice said "1 位尚未同意" beside the plan of the two yards (101, 102): a count of one
    among two neighbours points at one. It says that not all have agreed; the internal
    paper names the door."""
    flat = _squash(documents["DH-1-3"]["progress"])
    assert "尚未全部同意" in flat
    assert not re.search(r"\d+位(?:尚未同意|专有部分受影响)", flat), flat
    assert "有1位" not in flat
    assert "尚未同意（101）" in _squash(documents["DH-1-3"]["internal"])


@pytest.mark.parametrize("unit_id", TIERED_UNIT_IDS)
def test_chinese_documents_hold_no_english_word_and_no_web_address(sample, documents, unit_id):
    from elevator_eval.costshare import compute_share

    unit = sample.locate(unit_id)[2]
    label = scheme_label(unit, compute_share(unit, settings=sample.settings))
    for kind, text in documents[unit_id].items():
        if text is None or kind == "refusal":
            continue
        text = text.replace(label, "")  # an identifier (hex digits may spell a word)
        assert latin_words(text) == [], (kind, latin_words(text)[:5])
        assert "http" not in text and "www." not in text, kind
        for internal in ("§", "app default", "unit-format", "domain reference", "[B]", "[C]"):
            assert internal not in text, (kind, internal)


def test_census_report_is_chinese_only(sample):
    from elevator_eval.report.census_report import build_census_report

    text = "\n".join(_pages(build_census_report, sample))
    assert latin_words(text) == [] and "http" not in text
    # the class shares add up to 100.0 % as printed: 6, 5, 5 of 16 units
    assert re.search(r"37\.5%.*31\.3%.*31\.2%", _squash(text))


@pytest.mark.parametrize("unit_id", TIERED_UNIT_IDS)
def test_no_line_starts_with_closing_punctuation(documents, unit_id):
    for kind, text in documents[unit_id].items():
        if text is None or kind == "refusal":
            continue
        for line in text.splitlines():
            s = line.strip()
            assert not (s and s[0] in CLOSING), (kind, s)
            assert not (s and s[-1] in "（《「『【“"), (kind, s)


SECTION_WORDS = [
    # parties and signature and seal blocks
    "参与各方与签署",
    "组织单位",
    "编制单位",
    "编制人",
    "审核人",
    "实施主体/业主代表",
    "设计单位",
    "施工单位",
    "（盖章）",
    "签字：",
    # elevator specification
    "额定载重量",
    "额定速度",
    "停靠站数",
    "轿厢净尺寸",
    "轿厢门",
    "无障碍",
    "可容纳担架",
    # entry options side by side
    "入户方式比较",
    "半层入户",
    "平层入户",
    "仍需爬楼梯",
    "造价",
    "占地",
    "采光与日照",
    # impacts
    "对低层住户的影响及处理",
    "运行噪声与振动",
    "施工期间影响",
    "隐私",
    # the sharing rule in full
    "分摊规则",
    "系数或比例",
    "免缴",
    "运行费分摊",
    "10年合计",
    "15年合计",
    # payments and funds
    "付款安排与资金管理",
    "第一期：开工前预缴",
    "第二期：补贴到账后退还",
    "最终净出资",
    "专用账户",
    "超支",
    "结余",
    # use and maintenance
    "使用管理与维护保养",
    "使用管理人",
    "维保单位与合同",
    "运行费收取",
    "备用金",
    # and the rest
    "评估结论",
    "表决情况",
    "实施步骤与时间安排",
    "资料来源",
    "经验值",
]


@pytest.mark.parametrize("unit_id", TIERED_UNIT_IDS)
def test_the_proposal_has_every_section(sample, documents, unit_id):
    flat = _squash(documents[unit_id]["proposal"])
    missing = [w for w in SECTION_WORDS if _squash(w) not in flat]
    assert missing == []
    unit = sample.locate(unit_id)[2]
    # the plan's section is named for what it shows: the site plan to scale where the unit
    # has a measured plan with its shaft, a schematic otherwise
    title, other = (
        ("四、总平面图", "平面示意图") if drawn_to_scale(unit) else ("四、平面示意图", "总平面图")
    )
    assert title in flat and other not in flat
    if unit.site.occupies_private_courtyard:
        assert "须另行签署书面同意书" in flat


def test_the_advance_before_the_subsidy_is_printed(documents):
    # DH-1-2: capital 470,000, subsidy 40 % = 188,000, owners 282,000. 602's weight gives
    # 40,752 of 282,000, so 40,752 × 470,000 / 282,000 = 67,920 before the subsidy and
    # 67,920 − 40,752 = 27,168 back when it arrives.
    flat = _squash(documents["DH-1-2"]["proposal"])
    assert re.search(r"60267,92027,16840,752", flat)
    assert "合计470,000188,000282,000" in flat


def test_compensation_is_its_own_line_and_never_a_negative_share(documents):
    # DH-1-3 pays 20,000 to each of the two 1st-floor households (the courtyard); the 10
    # paying households carry the 40,000 pool on top of the owners' 380,000.
    flat = _squash(documents["DH-1-3"]["proposal"])
    assert "101（1层）：获得补偿¥20,000" in flat and "102（1层）：获得补偿¥20,000" in flat
    assert "补偿金共¥40,000" in flat
    assert "-20,000" not in flat and "−20,000" not in flat
    assert not re.search(r"[-−]\d+(\.\d+)?%", flat)
    # the totals row: contributions 420,000 at 100.00 %, compensation received 40,000
    assert "合计704.10420,000100.00%40,000" in flat


def test_costly_remedies_are_in_the_budget_and_the_timeline(documents):
    # DH-5-1 (built 1996, never appraised) needs the safety appraisal before design
    flat = _squash(documents["DH-5-1"]["proposal"])
    assert "整改费用（待询价" in flat and "房屋安全鉴定（设计前完成）" in flat
    assert "房屋安全鉴定（本单元需要）" in flat


def test_failing_participation_is_worded_take_part_and_agree(documents):
    # DH-1-2: 6 of 12 owners took part; the cheapest way to pass takes two who did not vote
    flat = _squash(documents["DH-1-2"]["proposal"])
    assert "还需：2位尚未表决的业主需参与表决并同意" in flat
    assert "还需2位业主同意" not in flat


def test_one_vote_per_owner_is_said(documents):
    # GY-1-1: 601 and 602 belong to one owner: 12 households, 11 owners
    flat = _squash(documents["GY-1-1"]["proposal"])
    assert "业主共11位（一位业主拥有多套住房的计一票）" in flat


def test_design_life_is_explained_in_words(documents):
    flat = _squash(documents["DH-1-1"]["proposal"])  # built 1984, 50 years
    assert "即原设计使用年限到2034年届满" in flat and "届满不等于成为危房" in flat


# ------------------------------------------------------------------ dates, size, seal


def test_notice_dates_settable_from_the_project(sample, tmp_path):
    from elevator_eval.report.notice import build_notice

    unit = sample.locate("DH-1-1")[2]
    sample.settings["notice"] = {"start_date": "2026-06-01", "period_days": 15}
    try:
        flat = _squash("".join(_pages(build_notice, unit, project=sample)))
    finally:
        del sample.settings["notice"]
    assert "2026年6月1日至2026年6月15日（15个自然日）" in flat
    assert "2026年6月22日" in flat  # plus 7 days of written feedback
    assert "表决统计截至" in flat and "东湖街道办事处（盖章）" in flat
    assert "受理地点：东湖街道社区服务中心二楼" in flat


def test_notice_blanks_when_no_organisation_profile(sample):
    import copy

    from elevator_eval.report.notice import build_notice

    project = copy.deepcopy(sample)
    project.settings.pop("organisation", None)
    flat = _squash("".join(_pages(build_notice, project.locate("DH-1-1")[2], project=project)))
    assert "组织单位：____" in flat and "联系电话：____" in flat and "（盖章）" in flat


def test_notice_body_is_at_least_10_pt(sample):
    from elevator_eval.report.notice import build_notice

    buf = io.BytesIO()
    build_notice(sample.locate("DH-1-1")[2], project=sample, out=buf)
    sizes: dict[str, float] = {}
    # fragments of the objections paragraph, the vote count, the table and the organiser
    KEYS = ("异议", "业主共", "601", "出资", "组织")

    def visit(text, cm, tm, font, size):
        scale = abs(tm[0] * cm[0]) or 1
        for key in KEYS:
            if key in text:
                sizes[key] = min(sizes.get(key, 99), size * scale)

    for page in PdfReader(io.BytesIO(buf.getvalue())).pages:
        page.extract_text(visitor_text=visit)
    assert set(sizes) == set(KEYS)
    assert min(sizes.values()) >= 10, sizes
