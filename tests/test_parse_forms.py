"""The forms in which policy documents are published (tests/fixtures/documents/README.md).

Each fixture has a golden model (``tests/golden/documents/<name>.model.json``,
the shape ``python -m explainer parse`` prints) and tests of the form it shows.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.document.corrections import ClosingDecision, Corrections, load_corrections
from explainer.common.errors import InputError, ParseError
from explainer.export.data import document_export
from explainer.document.model import Document
from explainer.document.parse import closing_start, Line, parse_text
from explainer.config.project import DocumentConfig
from document_fixtures import SOURCES, ParsedOnDemand, fixture
from lossless import without_marker

ROOT = Path(__file__).resolve().parent.parent
NAMES = sorted(SOURCES)


def model_json(document: Document, source: Path) -> str:
    data = document_export(document, DocumentConfig(document.slug, source, is_default=True), texts=None, with_urls=False)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def relative_source(name: str) -> Path:
    """Fixture paths as the CLI sees them when run from the project root (they appear in the model)."""
    return fixture(name).relative_to(ROOT)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "explainer", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


@pytest.fixture
def documents() -> dict[str, Document]:
    """Each test parses the fixtures it reads (see ParsedOnDemand)."""
    return ParsedOnDemand()


def test_there_is_a_fixture_for_every_form() -> None:
    assert NAMES == [
        "decision-items-ascii",
        "decision-items-fullwidth",
        "gov-cn-full-width",
        "law-markdown",
        "law-npc-chapters",
        "law-regulation-repost",
        "moe-continuation",
        "notice-articles-restart",
        "qa-headings-markdown",
        "qa-headings-numbered",
        "qa-only-school-repost",
        "qa-only-xinhua",
        "question-unmarked-answers",
        "regulation-articles-only",
        "repost-party-opinion",
        "repost-school-opinion",
        "xinhua-half-width",
        "xinhua-journalist-qa",
    ]


@pytest.mark.parametrize("name", NAMES)
def test_model_matches_golden(name: str, documents: dict[str, Document], golden) -> None:  # type: ignore[no-untyped-def]
    golden(f"documents/{name}.model.json", model_json(documents[name], relative_source(name)))


@pytest.mark.parametrize("name", ["gov-cn-full-width", "xinhua-journalist-qa"])
def test_cli_parse_prints_the_same_model(name: str, documents: dict[str, Document]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "explainer", "parse", str(relative_source(name))], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == model_json(documents[name], relative_source(name))
    assert result.stderr == ""


def visible(text: str) -> str:
    """Every character but spaces: punctuation counts."""
    return re.sub(r"\s", "", text)


def model_text(document: Document) -> str:
    """The model's text in reading order, with the punctuation that closed inline headings."""
    heading_ends = {article.title.id: article.heading_end for article in document.articles if article.title}
    quoted = {document.title.id} if document.title_quoted else set()
    return "".join(
        ("《" + visible(segment.zh) + "》" if segment.id in quoted else visible(segment.zh)) + heading_ends.get(segment.id, "")
        for segment in sorted(document.segments(), key=lambda segment: segment.line)
    )


@pytest.mark.parametrize("name", NAMES)
def test_no_text_is_lost(name: str, documents: dict[str, Document]) -> None:
    """Every character of the source but spaces, punctuation included, is in the model in order,
    or in a line listed as dropped; only the markers that became numbers (一、 (一) 第一条 1． 问：) and
    the —— before the Q&A's subtitle go."""
    document = documents[name]
    dropped = {line.line for line in document.dropped}
    subtitle = document.qa.subtitle.line if document.qa and document.qa.subtitle else 0
    questions = {item.line for item in document.qa.items} if document.qa else set()
    kept = []
    for number, line in enumerate(fixture(name).read_text(encoding="utf-8").split("\n"), 1):
        if number in dropped:
            continue
        line = without_marker(line, document.form, number in questions)
        kept.append(visible(line.removeprefix("——") if number == subtitle else line))
    assert model_text(document) == "".join(kept)


# -- text before the first part: header, issuing number, addressees, page furniture ----------


def test_gov_cn_page_furniture_is_dropped_into_a_list_with_lines(documents: dict[str, Document]) -> None:
    document = documents["gov-cn-full-width"]
    assert [(line.line, line.reason) for line in document.dropped] == [
        (1, "metadata table"),
        (2, "metadata table"),
        (3, "metadata table"),
        (4, "metadata table"),
        (5, "metadata table"),
        (6, "metadata table"),
        (7, "date line"),
        (41, "site control"),
        (43, "site control"),
    ]
    assert document.dropped[-2].text == "【我要纠错】 责任编辑：李明"
    data = json.loads(model_json(document, relative_source("gov-cn-full-width")))
    assert data["dropped"][0] == {"line": 1, "text": "索引号：000014349/2017-00214", "reason": "metadata table"}


def test_bare_title_issuing_number_and_addressees(documents: dict[str, Document]) -> None:
    document = documents["gov-cn-full-width"]
    assert document.issuers is None
    assert (document.title.zh, document.title.line) == ("国务院办公厅关于深化产教融合的若干意见", 9)
    assert (document.doc_number.id, document.doc_number.zh, document.doc_number.line) == ("docno", "国办发〔2017〕95号", 10)
    assert document.preamble[0].zh == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
    assert document.preamble[1].zh.startswith("进入新世纪以来")
    assert len(document.preamble) == 2, "the addressees line ends with ：, so it is not joined to the next paragraph"


def test_moe_page_heading_repeating_the_title_is_dropped(documents: dict[str, Document]) -> None:
    document = documents["moe-continuation"]
    assert document.title.line == 3 and document.doc_number.zh == "教职成〔2019〕5号"
    assert [(line.line, line.reason) for line in document.dropped] == [
        (1, "breadcrumb"),
        (5, "source line"),
        (6, "date line"),
        (7, "site control"),
        (9, "title repeated by the publishing site"),
        (47, "editor line"),
    ]


def test_xinhua_issuers_title_and_dateline_lead(documents: dict[str, Document]) -> None:
    document = documents["xinhua-half-width"]
    assert document.issuers.zh == "中共中央办公厅 国务院办公厅"
    assert document.title.zh == "关于深化现代职业教育体系建设改革的意见"
    assert [paragraph.zh[:10] for paragraph in document.preamble] == ["新华社北京12月21", "《关于深化现代职业教", "为贯彻落实党中央关于"]
    assert [(line.line, line.reason) for line in document.dropped] == [(1, "date line"), (33, "site control")]
    assert {notice.status for notice in document.notices} == {"accepted"}


def test_publication_date_above_the_title_is_dropped() -> None:
    document = parse_text("2021年10月12日\n国务院关于测试的意见\n一、总体要求\n（一）指导思想。甲。\n", "x.txt", "x")
    assert document.issuers is None and document.title.zh == "国务院关于测试的意见"
    assert [(line.line, line.text, line.reason) for line in document.dropped] == [(1, "2021年10月12日", "publication date")]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("来源：新华社", "source line"),
        ("信息来源：教育部", "source line"),
        ("2021-10-12 20:06:31 来源：新华社", "date line"),
        ("2021年10月12日 20:06 来源：中国政府网", "date line"),
        ("发布时间：2019-04-02", "date line"),
        ("责任编辑：王萌", "editor line"),
        ("（责任编辑：王萌）", "editor line"),
        ("【纠错】 【责任编辑:王萌】", "site control"),
        ("【打印】【关闭】", "site control"),
        ("扫一扫在手机打开当前页", "site control"),
        ("分享到：", "site control"),
        ("首页 > 公开 > 政策法规", "breadcrumb"),
        ("（完）", "end-of-story mark"),
        ("版权所有：中华人民共和国中央人民政府", "copyright line"),
        ("发文字号：国办发〔2017〕95号", "metadata table"),
    ],
)
def test_publishing_site_lines_are_recognised(line: str, reason: str) -> None:
    document = parse_text(f"《关于测试的意见》\n一、总体要求\n(一) 指导思想。甲。\n{line}\n", "x.txt", "x")
    assert [(dropped.line, dropped.reason) for dropped in document.dropped] == [(4, reason)]


@pytest.mark.parametrize("line", ["2017年12月5日", "编辑部门要加强指导。", "各地要结合实际认真落实。", "来源于企业的实践"])
def test_text_that_looks_like_furniture_is_kept(line: str) -> None:
    document = parse_text(f"《关于测试的意见》\n一、总体要求\n(一) 指导思想。甲。\n乙。\n{line}\n答记者问\n问：为什么？\n答：因为。\n", "x.txt", "x")
    assert document.dropped == ()


# -- articles: numbering, headings, continuation ------------------------------------------------


def test_full_width_numbers_with_inline_headings(documents: dict[str, Document]) -> None:
    document = documents["gov-cn-full-width"]
    assert [article.title.zh for article in document.articles] == ["指导思想", "主要目标", "拓宽企业参与途径", "深化“引企入教”改革", "强化工作协调", "营造良好环境"]
    assert [part.articles for part in document.parts] == [(1, 2), (3, 4), (5, 6)]
    assert document.article(1).paragraphs[0].zh.startswith("全面贯彻党的教育方针")


def test_half_width_headings_alone_with_the_body_below(documents: dict[str, Document]) -> None:
    document = documents["xinhua-half-width"]
    first, second = document.article(1), document.article(2)
    assert (first.title.zh, second.title.zh) == ("指导思想", "主要目标")
    assert [paragraph.id for paragraph in first.paragraphs] == ["a01-p1", "a01-p2"]
    assert [paragraph.line for paragraph in second.paragraphs] == [23, 25]
    assert document.article(3).title.zh == "探索省域现代职业教育体系建设新模式"


def test_mixed_parenthesis_widths_in_one_document() -> None:
    document = parse_text("《关于测试的意见》\n一、总体要求\n(一) 甲。乙。\n（二）丙。丁。\n(三）戊。己。\n", "x.txt", "x")
    assert [article.title.zh for article in document.articles] == ["甲", "丙", "戊"]


def test_unnumbered_paragraphs_continue_the_article_and_part_above(documents: dict[str, Document]) -> None:
    document = documents["moe-continuation"]
    assert [paragraph.zh[:6] for paragraph in document.article(2).paragraphs] == ["围绕办好新时", "到2022年", "到2035年"]
    assert [paragraph.id for paragraph in document.article(5).paragraphs] == ["a05-p1", "a05-p2"]
    assert document.part(2).intro[0].id == "part2-p1"
    assert document.part(2).intro[0].zh.startswith("“双高计划”面向")


# -- text after the last article: the closing section ------------------------------------------


def test_closing_paragraph_signer_date_and_note_form_the_closing(documents: dict[str, Document]) -> None:
    document = documents["gov-cn-full-width"]
    assert [(paragraph.id, paragraph.zh) for paragraph in document.closing] == [
        ("end-p1", "各地区、各有关部门要结合实际，抓紧制定具体实施办法，认真贯彻落实。"),
        ("end-p2", "国务院办公厅"),
        ("end-p3", "2017年12月5日"),
        ("end-p4", "（此件公开发布）"),
    ]
    assert len(document.article(6).paragraphs) == 1
    structure = [repair for repair in document.repairs if repair.kind == "structure"]
    assert [(repair.line, repair.description) for repair in structure] == [
        (
            34,
            "lines 34–39 after the last article form the closing section (closing paragraph, signers and date, note), "
            "not part of article (六)",
        )
    ]
    assert not [repair for repair in document.repairs if repair.kind == "join"], "signer and date lines are never joined"


def test_closing_paragraph_before_the_qa(documents: dict[str, Document]) -> None:
    document = documents["xinhua-journalist-qa"]
    assert [paragraph.zh for paragraph in document.closing] == ["各地区各部门要结合实际，认真贯彻落实。"]
    assert document.article(3).paragraphs[0].zh.startswith("各级人民政府要把深化产教融合")
    assert len(document.article(3).paragraphs) == 1


def test_other_text_after_the_last_article_stays_in_it_and_is_reported() -> None:
    text = "《关于测试的意见》\n一、总体要求\n(一) 指导思想。甲。\n乙。\n"
    document = parse_text(text, "x.txt", "x")
    assert [paragraph.zh for paragraph in document.article(1).paragraphs] == ["甲。", "乙。"]
    assert document.closing == ()
    assert [(notice.line, notice.kind, notice.text, notice.status) for notice in document.notices] == [
        (4, "unnumbered text at the end kept in article (一)", "乙。", "open")
    ]


def test_recorded_closing_decision_overrides_the_rule(documents: dict[str, Document]) -> None:
    source = fixture("moe-continuation").read_text(encoding="utf-8")
    undecided = parse_text(source, "moe.txt", "moe")
    assert [paragraph.zh for paragraph in undecided.closing] == ["教育部 财政部", "2019年3月29日"]
    assert [(notice.line, notice.status) for notice in undecided.notices if notice.kind.startswith("unnumbered")] == [(42, "open")]
    decided = documents["moe-continuation"]
    assert [paragraph.zh for paragraph in decided.closing] == ["教育部 财政部", "2019年3月29日"]
    assert decided.article(6).paragraphs[1].zh == "地方财政要统筹安排资金，支持项目学校建设。"
    assert not [notice for notice in decided.notices if notice.kind.startswith("unnumbered")]
    assert [repair.description for repair in decided.repairs if repair.kind == "structure"][0].startswith(
        "lines 44–45 after the last article form the closing section (recorded decision: Line 42"
    )
    everything = parse_text(source, "moe.txt", "moe", Corrections(closing=ClosingDecision(42, "all of it closes", 9)))
    assert [paragraph.zh for paragraph in everything.closing] == ["地方财政要统筹安排资金，支持项目学校建设。", "教育部 财政部", "2019年3月29日"]
    nothing = parse_text(source, "moe.txt", "moe", Corrections(closing=ClosingDecision(0, "none", 9)))
    assert nothing.closing == () and len(nothing.article(6).paragraphs) == 4


def test_closing_decision_that_does_not_fit_is_an_error() -> None:
    text = "《关于测试的意见》\n一、总体要求\n(一) 指导思想。甲。\n乙。\n"
    with pytest.raises(ParseError) as raised:
        parse_text(text, "x.txt", "x", Corrections(closing=ClosingDecision(5, "why", 7)), "x.corrections.yml")
    assert str(raised.value) == (
        "x.corrections.yml:7: closing expects a paragraph after the last article to start on line 5 of x.txt, "
        "but the paragraphs there start on lines: 3, 4"
    )


def test_closing_decision_in_the_corrections_file(tmp_path: Path) -> None:
    path = tmp_path / "x.corrections.yml"
    path.write_text("closing:\n  line: 44\n  why: signers and date\n", encoding="utf-8")
    assert load_corrections(path).closing == ClosingDecision(44, "signers and date", 2)
    path.write_text("closing:\n  line: last\n  why: x\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_corrections(path)
    assert str(raised.value) == f"{path}:2: 'line' must be the line where the closing starts, or 0 for none, found 'last'"
    path.write_text("closing:\n  line: 4\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_corrections(path)
    assert str(raised.value) == f"{path}:2: entry has no 'why'"


def test_closing_rule_on_small_input() -> None:
    lines = [Line(1, "甲。"), Line(2, "各地要认真贯彻落实。"), Line(3, "教育部 财政部"), Line(4, "二〇一九年三月二十九日"), Line(5, "（此件主动公开）")]
    assert closing_start(lines) == (1, ["closing paragraph", "signers and date", "note"])
    assert closing_start(lines[:1]) == (1, [])
    assert closing_start([Line(1, "各地要认真贯彻落实。")]) == (1, []), "an article's own first paragraph always stays"
    assert closing_start([Line(1, "甲。"), Line(2, "乙。"), Line(3, "2019年3月29日")]) == (2, ["date"])
    assert closing_start([Line(1, "甲。"), Line(2, "本意见自印发之日起施行。")]) == (1, ["closing paragraph"])


def test_last_part_without_articles_keeps_its_text() -> None:
    document = parse_text("《关于测试的意见》\n一、总体要求\n(一) 甲。乙。\n二、组织实施\n各地要认真贯彻落实。\n国务院\n2014年5月2日\n", "x.txt", "x")
    assert [paragraph.zh for paragraph in document.part(2).intro] == ["各地要认真贯彻落实。"]
    assert [paragraph.zh for paragraph in document.closing] == ["国务院", "2014年5月2日"]


# -- documents without a Q&A, and the forms of a Q&A -----------------------------------------------


def test_documents_without_qa(documents: dict[str, Document]) -> None:
    assert documents["gov-cn-full-width"].qa is None and documents["xinhua-half-width"].qa is None
    assert json.loads(model_json(documents["gov-cn-full-width"], relative_source("gov-cn-full-width")))["qa"] == []


def test_journalist_questions_with_answers_without_marker(documents: dict[str, Document]) -> None:
    qa = documents["xinhua-journalist-qa"].qa
    assert qa.title.zh == "教育部有关负责人就《意见》回答记者提问" and qa.subtitle is None
    assert qa.intro[0].zh.startswith("新华社北京12月20日电（记者胡浩）")
    assert [item.question.zh for item in qa.items] == ["为什么要出台《意见》？", "如何调动企业参与的积极性？"]
    assert [len(item.answer) for item in qa.items] == [2, 1]
    assert qa.items[0].answer[0].zh.startswith("教育部有关负责人：深化产教融合")
    assert qa.items[1].answer[0].id == "q2-p1"


def test_questions_marked_wen_with_unmarked_answers(documents: dict[str, Document]) -> None:
    document = documents["question-unmarked-answers"]
    assert document.title.zh == "教育部办公厅关于加强职业学校教师队伍建设的通知"
    qa = document.qa
    assert qa.title.zh == "教育部教师工作司负责人答问"
    assert [item.question.zh for item in qa.items] == ["《通知》出台的背景是什么？", "下一步如何抓好落实？"]
    assert [[paragraph.zh[:6] for paragraph in item.answer] for item in qa.items] == [["职业学校教师", "近年来，教师"], ["我们将会同有"]]


def test_journalist_questions_with_da_answers() -> None:
    text = "《关于测试的意见》\n一、总体要求\n(一) 甲。乙。\n答记者问\n记者：为什么？\n答：因为如此。\n后来又如此。\n记者：怎么办？\n答：这样办。\n"
    qa = parse_text(text, "x.txt", "x").qa
    assert [[paragraph.zh for paragraph in item.answer] for item in qa.items] == [["因为如此。", "后来又如此。"], ["这样办。"]]


def test_an_unmarked_answer_in_a_qa_that_uses_da_is_an_error() -> None:
    text = "《关于测试的意见》\n一、总体要求\n(一) 甲。乙。\n答记者问\n记者：为什么？\n因为如此。\n记者：怎么办？\n答：这样办。\n"
    with pytest.raises(ParseError) as raised:
        parse_text(text, "x.txt", "x")
    assert str(raised.value) == "x.txt:6: question 1 has no answer: expected a line starting with 答： after the 记者： on line 5"


def test_question_without_punctuation_never_swallows_its_unmarked_answer() -> None:
    text = "《关于测试的意见》\n一、总体要求\n(一) 甲。乙。\n答记者问\n问：请介绍背景\n因为如此。\n"
    item = parse_text(text, "x.txt", "x").qa.items[0]
    assert (item.question.zh, [paragraph.zh for paragraph in item.answer]) == ("请介绍背景", ["因为如此。"])


# -- check works on any file ---------------------------------------------------------------------


def test_check_reports_closing_and_dropped_lines_of_any_file() -> None:
    source = relative_source("gov-cn-full-width")
    result = run_cli("check", str(source))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[:3] == [
        f"{source}: 3 parts, 6 articles, 0 Q&A items, 24 segments, 1 repairs, 0 suspicious spots, 9 dropped lines",
        f"  {source}:34: repair (structure): lines 34–39 after the last article form the closing section "
        "(closing paragraph, signers and date, note), not part of article (六)",
        f"  {source}:1: dropped (metadata table): 索引号：000014349/2017-00214",
    ]
    assert result.stdout.splitlines()[-1] == "check: clean"


def test_check_counts_an_undecided_closing_as_a_problem(tmp_path: Path) -> None:
    source = tmp_path / "x.txt"
    source.write_text("《关于测试的意见》\n一、总体要求\n(一) 指导思想。甲。\n乙。\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "explainer", "check", str(source)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"  {source}:4:1: unnumbered text at the end kept in article (一) '乙。' (open)" in result.stdout.splitlines()


# -- malformed copies of the fixtures: exit 2 with one file:line: message ------------------------


def test_shuffled_numbering_exits_2(tmp_path: Path) -> None:
    damaged = tmp_path / "gov-cn.txt"
    damaged.write_text(fixture("gov-cn-full-width").read_text(encoding="utf-8").replace("（四）", "（五）"), encoding="utf-8")
    for command in ("parse", "check"):
        result = run_cli(command, str(damaged))
        expected = f"{damaged}:26: expected article (四), found (五), which skips a number\n"
        assert (result.returncode, result.stdout, result.stderr) == (2, "", expected)


def test_closing_decision_that_no_longer_fits_exits_2(tmp_path: Path) -> None:
    source = tmp_path / "moe.txt"
    source.write_text(fixture("moe-continuation").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "moe.corrections.yml").write_text("closing:\n  line: 43\n  why: signers\n", encoding="utf-8")
    result = run_cli("parse", str(source))
    assert result.returncode == 2
    assert result.stderr == (
        f"{tmp_path}/moe.corrections.yml:2: closing expects a paragraph after the last article to start on line 43 of {source}, "
        "but the paragraphs there start on lines: 40, 42, 44, 45\n"
    )


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("国务院办公厅关于深化产教融合的\n若干意见\n国办发〔2017〕95号\n", "国务院办公厅关于深化产教融合的若干意见"),
        ("中共中央办公厅 国务院办公厅\n《关于推动现代职业教育\n高质量发展的意见》\n", "关于推动现代职业教育高质量发展的意见"),
    ],
)
def test_title_broken_over_two_lines(head: str, title: str) -> None:
    document = parse_text(head + "一、总体要求\n（一）指导思想。甲。\n", "x.txt", "x")
    assert (document.title.zh, document.title.line) == (title, 2 if head.startswith("中共") else 1)
    assert document.preamble == ()
