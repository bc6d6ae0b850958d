"""The forms of Chinese official texts (issue 15): reposts, 1． items, laws, Q&As published alone.

Each fixture in tests/fixtures/documents/ is checked for its counts and URLs here (and for its
golden model and lost text in test_parse_forms.py); the truncation cases and a property test
that a repost's furniture never changes the parse of the text it surrounds follow.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.common.errors import ParseError
from explainer.document.corrections import Corrections, TruncationDecision
from explainer.document.grammar import ITEMS, LAW, OPINION, QA_ONLY, Kind, classify, detect_form
from explainer.document.model import Document
from explainer.document.parse import parse_file, parse_text
from explainer.render.i18n import article_label, article_short, part_label
from explainer.render.urls import DocumentUrls, site_path
from document_fixtures import SOURCES, ParsedOnDemand, fixture

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def documents() -> dict[str, Document]:
    """Each test parses the fixtures it reads (see ParsedOnDemand)."""
    return ParsedOnDemand()


# -- counts and URLs, per fixture ---------------------------------------------------------------

COUNTS = {
    # name: (form, parts, articles, Q&A items, dropped lines)
    "gov-cn-full-width": ("opinion", 3, 6, 0, 9),
    "moe-continuation": ("opinion", 3, 6, 0, 6),
    "xinhua-half-width": ("opinion", 2, 4, 0, 2),
    "xinhua-journalist-qa": ("opinion", 2, 3, 2, 1),
    "question-unmarked-answers": ("opinion", 2, 3, 2, 0),
    "repost-school-opinion": ("opinion", 3, 6, 0, 14),
    "repost-party-opinion": ("opinion", 2, 4, 0, 8),
    "notice-articles-restart": ("opinion", 3, 5, 0, 1),
    "decision-items-fullwidth": ("items", 4, 6, 0, 0),
    "decision-items-ascii": ("items", 3, 4, 0, 0),
    "law-npc-chapters": ("law", 3, 8, 0, 6),
    "law-regulation-repost": ("law", 3, 5, 0, 8),
    "law-markdown": ("law", 3, 5, 0, 0),
    "regulation-articles-only": ("law", 0, 5, 0, 0),
    "qa-only-xinhua": ("qa", 0, 0, 3, 5),
    "qa-only-school-repost": ("qa", 0, 0, 3, 6),
    "qa-headings-numbered": ("qa", 0, 0, 3, 2),
    "qa-headings-markdown": ("qa", 0, 0, 3, 0),
}


def test_every_fixture_is_counted() -> None:
    assert sorted(COUNTS) == sorted(SOURCES)


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_counts(name: str, documents: dict[str, Document]) -> None:
    document = documents[name]
    items = len(document.qa.items) if document.qa else 0
    assert (document.form, len(document.parts), len(document.articles), items, len(document.dropped)) == COUNTS[name]


URLS = {
    "gov-cn-full-width": [f"/articles/0{number}/" for number in range(1, 7)],
    "decision-items-fullwidth": ["/articles/1-1/", "/articles/1-2/", "/articles/1-3/", "/articles/2-1/", "/articles/2-2/", "/articles/3-1/"],
    "decision-items-ascii": ["/articles/01/", "/articles/02/", "/articles/03/", "/articles/04/"],
    "notice-articles-restart": ["/articles/1-1/", "/articles/1-2/", "/articles/2-1/", "/articles/2-2/", "/articles/2-3/"],
    "law-npc-chapters": [f"/articles/0{number}/" for number in range(1, 9)],
    "regulation-articles-only": [f"/articles/0{number}/" for number in range(1, 6)],
    "qa-only-xinhua": [],
}


@pytest.mark.parametrize("name", sorted(URLS))
def test_article_urls_are_unique_and_built_from_printed_numbers(name: str, documents: dict[str, Document]) -> None:
    document = documents[name]
    urls = DocumentUrls("", document)
    paths = [site_path(urls.article(article.number), "zh-Hans") for article in document.articles]
    assert paths == URLS[name]
    assert len(set(paths)) == len(paths)
    assert site_path(urls.parallel_article(document.articles[-1].number), "en").startswith("/en/parallel" + URLS[name][-1][:-1]) if paths else True


# -- laws and regulations -----------------------------------------------------------------------


def test_law_chapters_sections_and_articles_numbered_across(documents: dict[str, Document]) -> None:
    law = documents["law-npc-chapters"]
    assert [(part.kind, part.title.zh) for part in law.parts] == [("chapter", "总则"), ("chapter", "职业教育体系"), ("chapter", "附则")]
    assert [(section.number, section.title.zh, section.articles) for section in law.part(2).sections] == [(1, "职业学校教育", (4, 5)), (2, "职业培训", (6, 7))]
    assert {article.kind for article in law.articles} == {"law-article"}
    assert [part.articles for part in law.parts] == [(1, 2, 3), (4, 5, 6, 7), (8,)]


def test_law_article_keeps_its_paragraphs_items_and_citations(documents: dict[str, Document]) -> None:
    article = documents["law-npc-chapters"].article(5)
    assert article.title is None
    assert [paragraph.zh[:6] for paragraph in article.paragraphs] == ["设立职业学校", "（一）有组织", "（二）有合格", "（三）有与所", "依照本法第三"]
    assert [paragraph.id for paragraph in article.paragraphs][:2] == ["a05-p1", "a05-p2"]


def test_law_history_and_table_of_contents(documents: dict[str, Document]) -> None:
    law = documents["law-npc-chapters"]
    assert [paragraph.id for paragraph in law.history] == ["hist-p1"]
    assert law.history[0].zh.startswith("（2019年4月23日") and law.history[0].zh.endswith("修订）")
    assert [(line.line, line.reason) for line in law.dropped] == [(5, "table of contents: the headings follow in the text")] + [
        (line, "table of contents: the headings follow in the text") for line in (7, 8, 9, 10, 11)
    ]
    assert not law.notices, "full-width spaces after 第一条 and inside 总　　则 are typesetting"


def test_law_reposted_on_a_law_site(documents: dict[str, Document]) -> None:
    law = documents["law-regulation-repost"]
    assert (law.title.zh, law.title.line, law.issuers.zh) == ("深圳市职业技能培训促进条例", 2, "广东省深圳市人大常委会")
    assert [reason for _, reason in sorted((line.line, line.reason) for line in law.dropped)] == [
        "breadcrumb", "date line", "download link", "title repeated by the publishing site", "title repeated by the publishing site",
        "site control", "site control", "site control",
    ]
    assert len(law.history[0].segments) == 1 and law.history[0].zh.endswith("批准）"), "a history block over two lines is one paragraph"
    assert [paragraph.zh[:4] for paragraph in law.article(3).paragraphs] == ["设立职业", "（一）有", "（二）有", "违反本条"]


def test_law_in_markdown(documents: dict[str, Document]) -> None:
    law = documents["law-markdown"]
    assert law.title.zh == "职业学校校企合作促进办法"
    assert [part.title.zh for part in law.parts] == ["总则", "合作形式", "附则"]
    assert law.article(1).paragraphs[0].zh.startswith("为促进、规范")


def test_regulation_without_chapters(documents: dict[str, Document]) -> None:
    regulation = documents["regulation-articles-only"]
    assert regulation.parts == () and {article.part for article in regulation.articles} == {0}
    assert regulation.loose_articles == (1, 2, 3, 4, 5)
    assert [part for part, _ in regulation.divisions()] == [None]


def test_a_law_paragraph_that_opens_with_a_citation_is_not_an_article() -> None:
    text = "中华人民共和国测试法\n第一章　总则\n第一条　为了测试，制定本法。\n第二条　甲。\n第一条规定的事项，依照本法执行。\n第三条　本法自公布之日起施行。\n"
    law = parse_text(text, "x.txt", "x")
    assert [paragraph.zh for paragraph in law.article(2).paragraphs] == ["甲。", "第一条规定的事项，依照本法执行。"]


def test_law_numbering_errors_name_the_line() -> None:
    text = "中华人民共和国测试法\n第一章　总则\n第一条　甲。\n第三条　乙。\n"
    with pytest.raises(ParseError) as raised:
        parse_text(text, "x.txt", "x")
    assert str(raised.value) == "x.txt:4: expected article 第二条, found 第三条, which skips a number"
    with pytest.raises(ParseError) as raised:
        parse_text("中华人民共和国测试法\n第一章　总则\n第一条　甲。\n第二条　乙。\n第三章　附则\n第三条　丙。\n", "x.txt", "x")
    assert str(raised.value) == "x.txt:5: expected chapter 第二章, found 第三章 (chapters are numbered 第一章、第二章… without gaps)"


# -- decisions numbering items 1． -------------------------------------------------------------------


def test_items_restart_in_each_part_with_lead_paragraphs_and_itemless_parts(documents: dict[str, Document]) -> None:
    decision = documents["decision-items-fullwidth"]
    assert [(article.key, article.printed, article.part) for article in decision.articles] == [
        ("1-1", 1, 1), ("1-2", 2, 1), ("1-3", 3, 1), ("2-1", 1, 2), ("2-2", 2, 2), ("3-1", 1, 3)
    ]
    assert decision.part(2).intro[0].zh.startswith("按照终身教育的理念")
    assert decision.part(4).articles == () and decision.part(4).intro[0].zh.startswith("各级人民政府")
    assert [paragraph.zh[:3] for paragraph in decision.article(2).paragraphs] == ["——政", "——加"], "—— bullets under a heading alone"
    assert [paragraph.zh for paragraph in decision.closing] == ["国务院", "2014年5月2日", "（此件公开发布）"]
    assert decision.articles[3].title.id == "a2-1-t" and decision.articles[3].paragraphs[0].id == "a2-1-p1"


def test_articles_restarting_in_each_part(documents: dict[str, Document]) -> None:
    notice = documents["notice-articles-restart"]
    assert [(article.key, article.printed, article.kind) for article in notice.articles][2] == ("2-1", 1, "article")
    assert [article_label(notice.articles[2], lang) for lang in ("zh-Hans", "en")] == ["第二部分第（一）条", "Part II, article 1"]
    assert notice.part(3).articles == () and [paragraph.zh for paragraph in notice.closing] == ["教育部办公厅", "2022年5月18日"]
    with pytest.raises(ParseError) as raised:
        parse_text("《关于测试的意见》\n一、总体要求\n（一）甲。\n（二）乙。\n二、任务\n（三）丙。\n三、保障\n（一）丁。\n", "x.txt", "x")
    assert str(raised.value) == "x.txt:8: expected article (四), found (一), which repeats an earlier article"


def test_signers_and_date_after_an_item_that_is_only_its_heading() -> None:
    text = "国务院关于测试的决定\n一、目标\n1．甲。乙。\n2．加强实践教学。\n国务院\n二〇〇二年八月二十四日\n"
    document = parse_text(text, "x.txt", "x")
    assert [paragraph.zh for paragraph in document.closing] == ["国务院", "二〇〇二年八月二十四日"]
    assert document.articles[-1].paragraphs == () and document.articles[-1].title.zh == "加强实践教学"


def test_items_numbered_across_parts_keep_plain_keys(documents: dict[str, Document]) -> None:
    decision = documents["decision-items-ascii"]
    assert [(article.key, article.printed, article.title.zh) for article in decision.articles][2] == ("03", 3, "明确政府预算编制范围")


def test_item_labels() -> None:
    decision = parse_file(fixture("decision-items-fullwidth"))
    item = decision.articles[3]
    assert [article_label(item, lang) for lang in ("zh-Hans", "en", "zh-Hant")] == ["第二部分第1项", "Part II, item 1", "第二部分第1項"]
    assert article_short(item, "en") == "2.1"
    law = parse_file(fixture("law-npc-chapters"))
    assert [article_label(law.article(5), lang) for lang in ("zh-Hans", "en")] == ["第五条", "Article 5"]
    assert article_short(law.article(5), "en") == "Art. 5"
    assert [part_label(law.part(2), lang) for lang in ("zh-Hans", "en")] == ["第二章", "Chapter 2"]


def test_skipped_item_in_a_part_is_an_error() -> None:
    text = "国务院关于测试的决定\n一、总体要求\n1．甲。乙。\n2．丙。丁。\n二、任务\n1．戊。己。\n3．庚。辛。\n"
    with pytest.raises(ParseError) as raised:
        parse_text(text, "x.txt", "x")
    assert str(raised.value) == "x.txt:7: expected item 2． in part 二、, found 3．, which skips a number"


# -- reposts ----------------------------------------------------------------------------------------


def test_school_repost_furniture_is_set_aside_with_reasons(documents: dict[str, Document]) -> None:
    document = documents["repost-school-opinion"]
    assert (document.issuers.zh, document.title.zh, document.title.line) == ("中共中央办公厅 国务院办公厅", "关于加强新时代职业学校教师队伍建设的意见", 9)
    assert [(line.line, line.reason) for line in document.dropped] == [
        (1, "before the title"),
        (2, "before the title"),
        (3, "before the title"),
        (4, "before the title"),
        (5, "source line"),
        (6, "meta line"),
        (38, "attachment link"),
        (39, "attachment link"),
        (40, "site control"),
        (41, "after the end of the text, below '延伸阅读' on line 40"),
        (42, "after the end of the text, below '延伸阅读' on line 40"),
        (43, "site control"),
        (44, "site control"),
        (45, "site control"),
    ]
    assert [paragraph.zh for paragraph in document.history] == ["（2021年5月20日）"]
    assert [paragraph.zh[:6] for paragraph in document.article(3).paragraphs] == ["——坚持党的", "——坚持需求", "——坚持改革"]


def test_party_repost_bullets_without_full_stops_stay_apart(documents: dict[str, Document]) -> None:
    document = documents["repost-party-opinion"]
    assert document.title.zh == "教育部党组关于推进新时代中等职业学校党建工作的意见"
    assert [paragraph.zh for paragraph in document.article(2).paragraphs] == ["——坚持把政治建设摆在首位", "——坚持服务学生成长成才", "——坚持问题导向、分类指导"]
    assert [paragraph.zh for paragraph in document.closing][-2:] == ["教育部党组", "2022年3月1日"]


# -- press Q&As published alone ---------------------------------------------------------------------


def test_qa_alone_has_its_items_and_no_articles(documents: dict[str, Document]) -> None:
    document = documents["qa-only-xinhua"]
    assert (document.parts, document.articles, document.has_text) == ((), (), False)
    qa = document.qa
    assert qa.title is document.title and qa.subtitle.zh.endswith("答新华社记者问")
    assert [item.question.zh for item in qa.items] == ["这次修订职业教育法的背景是什么？", "新法对职业教育的定位有哪些规定？", "新法在促进企业参与方面有哪些举措？"]
    assert [paragraph.zh[:5] for paragraph in qa.items[1].answer] == ["新法第三条", "第三条第二"], "第三条第二款 in an answer cites, it opens nothing"
    assert [line.reason for line in document.dropped][-2:] == ["after the end of the text, below '相关新闻' on line 14"] * 2
    ids = [segment.id for segment in document.segments()]
    assert ids.count("title") == 1


def test_qa_alone_reposted_with_an_answer_by_the_official(documents: dict[str, Document]) -> None:
    qa = documents["qa-only-school-repost"].qa
    assert qa.title.zh == "教育部有关负责人就《职业学校学生实习管理规定》答本报记者问"
    assert [len(item.answer) for item in qa.items] == [2, 1, 1]


def test_qa_whose_questions_are_headings_of_their_own(documents: dict[str, Document]) -> None:
    numbered, markdown = documents["qa-headings-numbered"].qa, documents["qa-headings-markdown"].qa
    assert [item.question.zh for item in numbered.items] == ["为什么要制定《条例》？", "《条例》对学校安全管理作了哪些规定？", "如何保障《条例》的贯彻实施？"]
    assert [len(item.answer) for item in numbered.items] == [2, 1, 1] and numbered.intro[0].zh.startswith("近日")
    assert [len(item.answer) for item in markdown.items] == [1, 2, 1] and markdown.items[0].question.zh == "《办法》出台的背景是什么？"
    with pytest.raises(ParseError) as raised:
        parse_text("教育部负责人就《办法》答记者问\n一、为什么？\n因为。\n三、怎么办？\n这样办。\n", "x.txt", "x")
    assert str(raised.value) == "x.txt:4: expected question 2, found 三、, which skips a number"


def test_qa_reposted_in_traditional_characters() -> None:
    text = "中央文化體制改革和發展工作領導小組辦公室負責人就《規劃》答記者問\n日前，有關部門印發了《規劃》。\n問：請介紹《規劃》出臺的背景。\n答：文化是國家和民族之魂。\n問：如何落實？\n答：加強組織領導。\n"
    document = parse_text(text, "x.txt", "x")
    assert (document.form, [item.question.zh for item in document.qa.items]) == ("qa", ["請介紹《規劃》出臺的背景。", "如何落實？"])


def test_status_under_a_title_and_a_table_of_contents_after_it() -> None:
    text = (
        "关于《某某自治条例》（修正草案·二审稿）公开征求意见的通知\n《某某自治条例》\n（修正草案·二审稿）\n目　录\n第一章　总　则\n第二章　附　则\n"
        "第一章　总　则\n第一条　为了测试，制定本条例。\n第二章　附　则\n第二条　本条例自公布之日起施行。\n"
    )
    document = parse_text(text, "x.txt", "x")
    assert (document.title.zh, [paragraph.zh for paragraph in document.history]) == ("某某自治条例", ["（修正草案·二审稿）"])
    assert [(line.line, line.reason) for line in document.dropped] == [(1, "before the title")] + [
        (line, "table of contents: the headings follow in the text") for line in (4, 5, 6)
    ]
    assert [part.title.zh for part in document.parts] == ["总则", "附则"]


def test_answer_before_any_question_is_an_error() -> None:
    with pytest.raises(ParseError) as raised:
        parse_text("教育部有关负责人就《规定》答记者问\n答：因为。\n问：为什么？\n答：因为。\n", "x.txt", "x")
    assert str(raised.value) == "x.txt:2: 答： before any question: expected a 问： line first"


def test_title_without_guanyu_nearest_the_body_and_a_title_broken_over_two_lines() -> None:
    text = (
        "网站首页\n国务院关于印发国家职业教育改革实施方案的通知\n国发〔2019〕4号\n现将《方案》印发给你们，请认真贯彻执行。\n"
        "国家职业教育改革实施方案\n职业教育与普通教育是两种不同教育类型。\n一、构建职业教育国家标准\n（一）完善国家职业教育制度体系。甲。\n字号：大 中 小\n打印 关闭\n"
    )
    document = parse_text(text, "x.txt", "x")
    assert (document.title.zh, document.title.line) == ("国家职业教育改革实施方案", 5)
    assert [(line.line, line.reason) for line in document.dropped] == [(1, "before the title"), (2, "before the title"), (3, "before the title"), (4, "before the title"), (9, "site control"), (10, "site control")]
    broken = parse_text("国务院办公厅关于深化产教融合的\n若干意见\n一、总体要求\n（一）指导思想。甲。\n", "x.txt", "x")
    assert (broken.title.zh, broken.dropped) == ("国务院办公厅关于深化产教融合的若干意见", ())


def test_the_grammar_judges_lines_within_a_form() -> None:
    assert classify("（一）有组织机构和章程；", OPINION) is Kind.ARTICLE
    assert classify("（一）有组织机构和章程；", LAW) is Kind.PROSE
    assert classify("第十二条　本法所称", LAW) is Kind.LAW_ARTICLE
    assert classify("第十二条　本法所称", QA_ONLY) is Kind.PROSE
    assert classify("1．指导思想。", ITEMS) is Kind.ITEM and classify("1.5亿元用于", ITEMS) is Kind.PROSE
    assert detect_form(["问：为什么？", "答：因为。"]) is QA_ONLY
    assert detect_form(["一、总体要求", "1．甲。", "2．乙。"]) is ITEMS
    assert detect_form(["一、总体要求", "（一）甲。", "1．乙。", "2．丙。"]) is OPINION


# -- tolerance: furniture around a valid body never changes its parse ---------------------------------

BEFORE = [
    "推荐阅读：职业教育政策学习专栏",
    "【理论学习】每周学习计划·第十二周",
    "国务院印发《关于加快发展现代职业教育的决定》",
    "转发｜一图读懂之外，更要读原文",
    "首页 > 政策 > 解读",
    "2021-05-21 10:02 来源：新华社",
    "文章来源：中国政府网 作者：佚名 发布时间：2021-05-21 点击数：12",
    "所属栏目：学习园地",
    "新华社北京5月20日电 近日，国务院印发了有关文件。全文如下。",
    "【字体：大 中 小】",
]
AFTER = [
    "附件1：实施细则.pdf",
    "【打印正文】",
    "责任编辑：王萌",
    "版权所有：某某职业技术学院",
    "扫一扫在手机打开当前页",
]
NEWS = ["延伸阅读", "相关新闻：", "上一篇：学校召开期中教学检查总结会", "下一篇：我校教师获奖"]
HEADLINES = ["教育部召开职业教育工作会议", "多地出台职业技能提升行动方案。", "本校开展“双师型”教师认定培训"]
BODIES = ["gov-cn-full-width", "decision-items-fullwidth", "law-npc-chapters", "repost-party-opinion", "regulation-articles-only"]


def body_signature(document: Document) -> tuple[object, ...]:
    """What a reader sees of a parse: form, title, issuers and every segment, without line numbers."""
    issuers = document.issuers.zh if document.issuers else None
    return (document.form, document.title.zh, issuers, [(segment.id, segment.zh) for segment in document.segments()])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(
    name=st.sampled_from(BODIES),
    before=st.lists(st.sampled_from(BEFORE), max_size=6),
    after=st.lists(st.sampled_from(AFTER), max_size=4),
    news=st.lists(st.sampled_from(HEADLINES), max_size=3),
    marker=st.sampled_from(NEWS),
)
def test_furniture_around_a_body_never_changes_its_parse(name: str, before: list[str], after: list[str], news: list[str], marker: str) -> None:
    body = fixture(name).read_text(encoding="utf-8")
    plain = parse_text(body, "x.txt", "x")
    text = "\n".join([*before, body.rstrip("\n"), *after, marker, *news]) + "\n"
    framed = parse_text(text, "x.txt", "x")
    assert body_signature(framed) == body_signature(plain)
    assert len(framed.dropped) == len(plain.dropped) + len(before) + len(after) + 1 + len(news)


# -- truncation: a text cut off is an error, unless accepted ------------------------------------------


def cut(name: str, marker: str) -> str:
    """The fixture's text up to and including ``marker`` (a cut inside a line ends it there)."""
    text = fixture(name).read_text(encoding="utf-8")
    return text[: text.index(marker) + len(marker)] + "\n"


TRUNCATED = [
    ("gov-cn-full-width", "深化职业教育", "x.txt:18: the text ends inside a sentence ('…的教育方针，深化职业教育')"),
    ("law-npc-chapters", "应当符合下列基本条件：", "x.txt:37: the text ends inside a sentence ('…，应当符合下列基本条件：')"),
    ("law-npc-chapters", "（一）有组织机构和章程；", "x.txt:39: the text ends inside a sentence ('…（一）有组织机构和章程；')"),
    ("decision-items-fullwidth", "1．推进人才培养模式创新。坚持校企合作", "x.txt:30: the text ends inside a sentence ('…坚持校企合作')"),
    ("qa-only-xinhua", "答：新法第三条明确", "x.txt:9: the text ends inside a sentence ('…新法第三条明确')"),
]


@pytest.mark.parametrize(("name", "marker", "message"), TRUNCATED)
def test_a_text_that_ends_inside_a_sentence_is_an_error(name: str, marker: str, message: str) -> None:
    with pytest.raises(ParseError) as raised:
        parse_text(cut(name, marker), "x.txt", "x", corrections_file="x.corrections.yml")
    line = message.split(":")[1]
    assert str(raised.value) == f"{message}: expected the rest of the text, or a 'truncated' entry (line: {line}, why: …) in x.corrections.yml if the source really ends here"


def test_accepted_truncation_is_listed_with_its_reason() -> None:
    text = cut("gov-cn-full-width", "深化职业教育")
    decision = TruncationDecision(18, "the ministry's page breaks off here", 2)
    document = parse_text(text, "x.txt", "x", Corrections(truncated=decision))
    notice = next(notice for notice in document.notices if notice.kind.startswith("incomplete"))
    assert (notice.line, notice.status, notice.why) == (18, "accepted", "the ministry's page breaks off here")
    with pytest.raises(ParseError) as raised:
        parse_text(fixture("gov-cn-full-width").read_text(encoding="utf-8"), "x.txt", "x", Corrections(truncated=decision), "x.corrections.yml")
    assert str(raised.value) == "x.corrections.yml:2: truncated accepts an incomplete text at line 18 of x.txt, but the text is complete: remove the entry"


def test_parts_and_questions_announced_but_missing_are_errors() -> None:
    text = "国务院关于测试的意见\n现从以下三个方面提出意见。\n一、总体要求\n（一）甲。乙。\n二、任务\n（二）丙。丁。\n"
    with pytest.raises(ParseError) as raised:
        parse_text(text, "x.txt", "x")
    assert str(raised.value).startswith("x.txt:6: the preamble announces 3 parts (line 2), but the text ends in part 二、: expected the rest")
    qa = cut("qa-only-xinhua", "随着经济社会发展，职业教育面临新的形势和任务，有必要对法律进行修订。")
    with pytest.raises(ParseError) as raised:
        parse_text(qa, "x.txt", "x")
    assert str(raised.value).startswith("x.txt:7: the Q&A announces 3 questions (line 4), but the text ends in question 1: expected the rest")


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "explainer", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_parse_check_and_build_refuse_a_truncated_source(tmp_path: Path) -> None:
    source = tmp_path / "sources" / "cut.txt"
    source.parent.mkdir()
    source.write_text(cut("law-npc-chapters", "应当符合下列基本条件："), encoding="utf-8")  # ends on line 37
    (tmp_path / "documents.yml").write_text("documents:\n  - slug: cut\n    source: sources/cut.txt\n", encoding="utf-8")
    expected = f"{source}:37: the text ends inside a sentence ('…，应当符合下列基本条件：'): expected the rest of the text, or a 'truncated' entry (line: 37, why: …) in {tmp_path}/sources/cut.corrections.yml if the source really ends here\n"
    for args in (["parse", str(source)], ["check", str(source)], ["--root", str(tmp_path), "build"]):
        result = run_cli(*args)
        assert (result.returncode, result.stdout, result.stderr) == (2, "", expected), args
    (tmp_path / "sources" / "cut.corrections.yml").write_text("truncated:\n  line: 37\n  why: the page breaks off here\n", encoding="utf-8")
    result = run_cli("check", str(source))
    assert f"  {source}:37:1: incomplete text: the text ends inside a sentence ('…，应当符合下列基本条件：') '' (accepted: the page breaks off here)" in result.stdout.splitlines()
    parsed = run_cli("parse", str(source))
    assert parsed.returncode == 0 and json.loads(parsed.stdout)["form"] == "law"
