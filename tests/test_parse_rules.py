"""Parser rules pinned exactly: where each part of the model comes from, how a line is reviewed,
joined, set apart as the closing, or taken as a heading or the title.

A mutation run (``make mutate``, issue 17) changed each of these rules and no test failed:
the source line of a paragraph, the status and column of a notice, the signers kept apart
from a broken sentence, the bounds of a heading or a title. The inputs are small texts
written here; the expected values are written out, never computed by the code under test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.common.errors import InputError, ParseError
from explainer.document.corrections import Accepted, ClosingDecision, Correction, Corrections, TruncationDecision, load_corrections
from explainer.document.grammar import LAW
from explainer.document.model import Document, DroppedLine, Notice, Paragraph, Repair
from explainer.document.parse import (
    Line,
    closing_start,
    find_suspicious,
    is_title_line,
    join_page_breaks,
    parse_text,
    read_source,
    split_article_heading,
)


def _paragraphs(paragraphs: tuple[Paragraph, ...]) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.append(f"{paragraph.line} {paragraph.id}")
        lines += [f"{segment.line} {segment.id} {segment.zh}" for segment in paragraph.segments]
    return lines


def outline(document: Document) -> list[str]:
    """Every element of the model as 'source line, id or role, text', in model order."""
    lines = [f"{segment.line} {segment.id} {segment.zh}" for segment in (document.issuers, document.title, document.doc_number) if segment]
    lines += _paragraphs(document.preamble)
    for part in document.parts:
        lines.append(f"{part.line} part {part.number} articles {list(part.articles)}")
        lines.append(f"{part.title.line} {part.title.id} {part.title.zh}")
        lines += _paragraphs(part.intro)
    for article in document.articles:
        lines.append(f"{article.line} article {article.number} in part {article.part}")
        if article.title is not None:
            lines.append(f"{article.title.line} {article.title.id} {article.title.zh}")
        lines += _paragraphs(article.paragraphs)
    lines += _paragraphs(document.closing)
    if document.qa is not None:
        qa = document.qa
        lines += [f"{segment.line} {segment.id} {segment.zh}" for segment in (qa.title, qa.subtitle) if segment]
        lines += _paragraphs(qa.intro)
        for item in qa.items:
            lines.append(f"{item.line} question {item.number}")
            lines.append(f"{item.question.line} {item.question.id} {item.question.zh}")
            lines += _paragraphs(item.answer)
    return lines


OPINION_WITH_QA = """教育部 财政部
关于测试规则的意见
各省、自治区、直辖市教育厅：
为推进改革，现提出如下意见。
一、总体要求
(一) 指导思想。坚持改革。推进发展。
(二) 主要目标
到2025年，基本建成。
二、重点任务
(三) 加强建设。完善制度。
三、组织实施
各地要结合实际，抓好组织。
各地区各部门要认真贯彻落实。
教育部有关负责人就《意见》答记者问
——解读文件
问：为什么出台？
答：为了推进改革。
继续推进。
问：重点任务是
什么？
答：加强建设。
"""


def test_every_element_of_the_model_keeps_its_source_line() -> None:
    document = parse_text(OPINION_WITH_QA, "x.txt", "x")
    assert outline(document) == [
        "1 issuers 教育部 财政部",
        "2 title 关于测试规则的意见",
        "3 pre-p1",
        "3 pre-p1-s1 各省、自治区、直辖市教育厅：",
        "4 pre-p2",
        "4 pre-p2-s1 为推进改革，现提出如下意见。",
        "5 part 1 articles [1, 2]",
        "5 part1-t 总体要求",
        "9 part 2 articles [3]",
        "9 part2-t 重点任务",
        "11 part 3 articles []",
        "11 part3-t 组织实施",
        "12 part3-p1",
        "12 part3-p1-s1 各地要结合实际，抓好组织。",
        "6 article 1 in part 1",
        "6 a01-t 指导思想",
        "6 a01-p1",
        "6 a01-p1-s1 坚持改革。",
        "6 a01-p1-s2 推进发展。",
        "7 article 2 in part 1",
        "7 a02-t 主要目标",
        "8 a02-p1",
        "8 a02-p1-s1 到2025年，基本建成。",
        "10 article 3 in part 2",
        "10 a03-t 加强建设",
        "10 a03-p1",
        "10 a03-p1-s1 完善制度。",
        "13 end-p1",
        "13 end-p1-s1 各地区各部门要认真贯彻落实。",
        "14 qa-t 教育部有关负责人就《意见》答记者问",
        "15 qa-sub 解读文件",
        "16 question 1",
        "16 q1-q 为什么出台？",
        "17 q1-p1",
        "17 q1-p1-s1 为了推进改革。",
        "18 q1-p2",
        "18 q1-p2-s1 继续推进。",
        "19 question 2",
        "19 q2-q 重点任务是什么？",
        "21 q2-p1",
        "21 q2-p1-s1 加强建设。",
    ]
    assert document.repairs == (
        Repair("structure", 13, "line 13 after the last article forms the closing section (closing paragraph), not part of part 三、"),
        Repair("join", 19, "joined line 19 and line 20, broken mid-sentence: '…问：重点任务是' + '什么？…'"),
    )


def test_a_text_without_a_qa_has_none() -> None:
    document = parse_text("关于测试的意见\n一、总体要求\n(一) 指导思想。坚持改革。\n", "x.txt", "x")
    assert document.qa is None


# -- notices: what a reviewer must look at, and what the corrections file says about it ----------------


def test_notices_name_line_column_kind_text_and_review_status() -> None:
    raw_lines = ["关于测试的意见", "推进AI和Web建设", "加强 协作，推进 发展", "共建 共享AI", "各 地 要加强协作"]
    corrections = Corrections(
        corrections=(Correction(2, "推进AI", "推进人工智能", "a term of art", 5),),
        accepted=(Accepted(3, "加强 协作", "as published"),),
    )
    assert find_suspicious(raw_lines, corrections) == [
        Notice(2, 3, "Latin letters in Chinese text", "AI", "corrected", "a term of art"),
        Notice(2, 6, "Latin letters in Chinese text", "Web", "open"),
        Notice(3, 3, "space inside Chinese text", "强 协", "accepted", "as published"),
        Notice(3, 9, "space inside Chinese text", "进 发", "open"),
        Notice(4, 6, "Latin letters in Chinese text", "AI", "open"),
        Notice(4, 3, "space inside Chinese text", "建 共", "open"),
        Notice(5, 2, "space inside Chinese text", "各 地", "open"),
        Notice(5, 4, "space inside Chinese text", "地 要", "open"),
    ]



# -- page breaks: which lines are joined, and the repair that says so ---------------------------------


def _joined(*texts: str, answers_marked: bool = True) -> list[str]:
    joined, _ = join_page_breaks([Line(number, text) for number, text in enumerate(texts, 1)], answers_marked)
    return [line.text for line in joined]


def test_a_sentence_broken_over_three_lines_is_joined_and_each_join_logged() -> None:
    lines = [Line(1, "推进职业教育部省共建工作"), Line(2, "建设职业教育创新发展高地和"), Line(3, "示范区。"), Line(4, "完善制度保障体系")]
    joined, repairs = join_page_breaks(lines)
    assert joined == [Line(1, "推进职业教育部省共建工作建设职业教育创新发展高地和示范区。"), Line(4, "完善制度保障体系")]
    assert repairs == [
        Repair("join", 1, "joined line 1 and line 2, broken mid-sentence: '…教育部省共建工作' + '建设职业教育创新…'"),
        Repair("join", 1, "joined line 1 and line 3, broken mid-sentence: '…育创新发展高地和' + '示范区。…'"),
    ]


def test_a_joined_line_ending_with_a_colon_closes_the_unit() -> None:
    assert _joined("各省、自治区、直辖市人民政府，", "国务院各部委、各直属机构：", "现将有关意见印发给你们") == [
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        "现将有关意见印发给你们",
    ]


def test_a_question_runs_on_only_where_answers_are_marked() -> None:
    lines = ("问：请介绍一下《意见》出台的", "背景和过程。", "答：好的。")
    assert _joined(*lines) == ["问：请介绍一下《意见》出台的背景和过程。", "答：好的。"]
    assert _joined(*lines, answers_marked=False) == list(lines)


@pytest.mark.parametrize("alone", ["国办发〔2017〕95号", "（此件公开发布）", "2021年10月12日"])
def test_an_issuing_number_a_note_or_a_date_is_never_joined_either_way(alone: str) -> None:
    assert _joined("各地要结合实际，认真", alone, "贯彻落实有关要求。") == ["各地要结合实际，认真", alone, "贯彻落实有关要求。"]


def test_a_bare_article_heading_is_not_continued_by_the_next_line() -> None:
    assert _joined("(一) 推进1+X证书", "制度试点工作。") == ["(一) 推进1+X证书", "制度试点工作。"]


def test_in_a_law_a_chapter_heading_after_an_unfinished_line_starts_a_unit() -> None:
    lines = [Line(1, "学校应当符合下列条件"), Line(2, "第二章　职业教育体系")]
    assert join_page_breaks(lines, form=LAW) == (lines, [])


def test_signers_above_a_date_stay_apart_from_a_broken_sentence_above_them() -> None:
    assert _joined(
        "推进部省共建职业",
        "教育创新发展高地。",
        "各地要结合实际，认真",
        "贯彻落实，抓紧推进，务求",
        "教育部",
        "财政部",
        "2021年10月12日",
    ) == ["推进部省共建职业教育创新发展高地。", "各地要结合实际，认真贯彻落实，抓紧推进，务求", "教育部", "财政部", "2021年10月12日"]
    assert _joined("各地要结合实际，认真", "教育部", "2021年10月12日") == ["各地要结合实际，认真", "教育部", "2021年10月12日"]


def test_up_to_four_signer_lines_above_a_date_stay_apart() -> None:
    signers = ("教育部", "财政部", "人力资源社会保障部", "农业农村部")
    assert _joined("各地要结合实际，认真", *signers, "2021年10月12日") == ["各地要结合实际，认真", *signers, "2021年10月12日"]
    assert _joined("各地要结合实际，认真", "国家发展改革委", *signers, "2021年10月12日") == [
        "各地要结合实际，认真国家发展改革委",
        *signers,
        "2021年10月12日",
    ]


# -- the closing section ------------------------------------------------------------------------------


def _lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, 1)]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("（此件公开发布）",), (1, [])),
        (("甲。", "（此件公开发布）"), (1, ["note"])),
        (("甲。", "（此件公开发布）", "（此件有删减）"), (1, ["note"])),
        (("2021年10月12日",), (1, [])),
        (("甲。", "2021年10月12日"), (1, ["date"])),
        (("教育部", "财政部", "2021年10月12日"), (0, ["signers and date"])),
        (("甲。", "乙。", "教育部", "财政部", "人力资源社会保障部", "农业农村部", "2021年10月12日"), (2, ["signers and date"])),
        (("甲。", "国家发展改革委", "教育部", "财政部", "人力资源社会保障部", "农业农村部", "2021年10月12日"), (2, ["signers and date"])),
        (("甲。", "乙。", "各地区各部门要认真贯彻落实。", "各地要抓好落实。"), (2, ["closing paragraph"])),
        (("甲。", "乙。", "各地要加强领导。"), (3, [])),
        (("甲。", "本意见由教育部负责解释。"), (1, ["closing paragraph"])),
        (("甲。", "要认真贯彻落实。"), (2, [])),
    ],
    ids=[
        "a-note-alone-is-the-article-text",
        "a-note",
        "two-notes-named-once",
        "a-date-alone-is-the-article-text",
        "a-date",
        "signers-may-reach-the-first-paragraph",
        "four-signers",
        "at-most-four-signers",
        "two-closing-paragraphs-named-once",
        "addressed-to-all-without-a-closing-formula",
        "who-interprets-it",
        "a-closing-formula-not-addressed-to-all",
    ],
)
def test_where_the_closing_starts(texts: tuple[str, ...], expected: tuple[int, list[str]]) -> None:
    assert closing_start(_lines(*texts)) == expected


@pytest.mark.parametrize(("length", "is_signer"), [(80, True), (81, False)])
def test_a_signer_line_is_at_most_80_characters(length: int, is_signer: bool) -> None:
    signer = "教育部" * (length // 3) + "部" * (length % 3)
    assert closing_start(_lines("甲。", signer, "2021年10月12日")) == ((1, ["signers and date"]) if is_signer else (2, ["date"]))


def test_the_closing_repair_names_its_lines_and_the_text_kept_is_reported() -> None:
    text = "关于测试的意见\n一、总体要求\n(一) 指导思想。坚持改革。\n(二) 主要目标。基本建成。\n其他未编号的一段较长的文字内容也在这里。\n各地要认真贯彻落实。\n教育部\n2021年10月12日\n"
    document = parse_text(text, "x.txt", "x")
    assert [paragraph.zh for paragraph in document.closing] == ["各地要认真贯彻落实。", "教育部", "2021年10月12日"]
    assert document.repairs == (
        Repair(
            "structure",
            6,
            "lines 6–8 after the last article form the closing section (closing paragraph, signers and date), not part of article (二)",
        ),
    )
    assert document.notices == (Notice(5, 1, "unnumbered text at the end kept in article (二)", "其他未编号的一段较长的文字内容也", "open"),)


def test_a_laws_last_article_runs_over_paragraphs_without_a_notice() -> None:
    text = "中华人民共和国测试法\n第一章　总则\n第一条　为了测试，制定本法。\n第二条　本法适用于测试。\n测试应当认真。\n"
    document = parse_text(text, "x.txt", "x")
    assert (document.form, [paragraph.zh for paragraph in document.article(2).paragraphs]) == ("law", ["本法适用于测试。", "测试应当认真。"])
    assert (document.notices, document.closing) == ((), ())


def test_a_recorded_closing_decision_with_no_paragraphs_after_the_last_article_is_an_error() -> None:
    text = "关于测试的意见\n一、总体要求\n(一) 主要目标\n"
    with pytest.raises(ParseError) as raised:
        parse_text(text, "x.txt", "x", Corrections(closing=ClosingDecision(4, "why", 3)), "x.corrections.yml")
    assert str(raised.value) == (
        "x.corrections.yml:3: closing expects a paragraph after the last article to start on line 4 of x.txt, "
        "but the paragraphs there start on lines: none"
    )


# -- article headings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("主" * 30, ("主" * 30, "")),
        ("主" * 31, ("", "主" * 31)),
        ("坚持党的领导，坚持立德树人", ("坚持党的领导，坚持立德树人", "")),
        ("推进1+X证书，扩大试点", ("推进1+X证书，扩大试点", "")),
        ("主" * 30 + "。以改革为动力。", ("主" * 30, "以改革为动力。")),
        ("主" * 31 + "。以改革为动力。", ("", "主" * 31 + "。以改革为动力。")),
        ("实施1+X。推进试点。", ("实施1+X", "推进试点。")),
        ("加强，推进。以改革为动力。", ("", "加强，推进。以改革为动力。")),
        ("加强,推进。以改革为动力。", ("", "加强,推进。以改革为动力。")),
        ("加强；推进。以改革为动力。", ("", "加强；推进。以改革为动力。")),
        ("加强;推进。以改革为动力。", ("", "加强;推进。以改革为动力。")),
        ("为什么要改革？以改革为动力。", ("", "为什么要改革？以改革为动力。")),
        ("必须改革！以改革为动力。", ("", "必须改革！以改革为动力。")),
    ],
    ids=[
        "bare-30",
        "bare-31-is-text",
        "bare-with-a-comma",
        "bare-with-latin-letters",
        "inline-30",
        "inline-31-is-text",
        "latin-letters-in-a-heading",
        "full-width-comma",
        "half-width-comma",
        "full-width-semicolon",
        "half-width-semicolon",
        "a-question-is-text",
        "an-exclamation-is-text",
    ],
)
def test_what_is_an_article_heading(body: str, expected: tuple[str, str]) -> None:
    assert split_article_heading(body) == expected


# -- the header: issuers, title, what a site repeats ------------------------------------------------------

ARTICLES = "一、总体要求\n(一) 指导思想。坚持改革。\n"


@pytest.mark.parametrize(
    ("head", "title", "preamble"),
    [
        ("教育部文件\n", "教育部文件", []),
        ("教育部文件\n现将有关事项通知如下。\n", "教育部文件", ["现将有关事项通知如下。"]),
        ("教育部文件\n各省教育厅：\n", "教育部文件", ["各省教育厅："]),
        ("测" * 120 + "\n", "测" * 120, []),
    ],
    ids=["the-line-above-the-first-part", "a-sentence-is-not-a-header-line", "nor-are-addressees", "120-characters"],
)
def test_without_a_title_shaped_line_the_header_is_the_leading_short_lines(head: str, title: str, preamble: list[str]) -> None:
    document = parse_text(head + ARTICLES, "x.txt", "x")
    assert (document.title.zh, [paragraph.zh for paragraph in document.preamble]) == (title, preamble)
    assert [part.title.zh for part in document.parts] == ["总体要求"]


def test_a_header_line_is_at_most_120_characters() -> None:
    with pytest.raises(ParseError) as raised:
        parse_text("测" * 121 + "\n" + ARTICLES, "x.txt", "x")
    assert str(raised.value) == "x.txt:1: expected a title line before the text, found '" + "测" * 20 + "'"


@pytest.mark.parametrize(
    ("text", "is_title"),
    [
        ("国家职业教育改革实施方案（试行）", True),
        ("国家职业教育改革实施方案(试行)", True),
        ("关于职业院校（含技工院校）改革的意见（试行）", True),
        ("关于职业院校(含技工院校)改革的意见(试行)", True),
        ("（关于测试的意见）", False),
        ("关于" + "测" * 115 + "的意见", True),
        ("关于" + "测" * 116 + "的意见", False),
        ("关于改革，发展的意见", False),
    ],
)
def test_what_is_a_title_line(text: str, is_title: bool) -> None:
    assert is_title_line(text) is is_title


def test_the_title_repeated_by_the_site_is_set_aside_and_listed() -> None:
    document = parse_text("关于测试的意见\n关于测试的意见\n" + ARTICLES, "x.txt", "x")
    assert document.title.zh == "关于测试的意见" and document.title.line == 1
    assert document.dropped == (DroppedLine(2, "关于测试的意见", "title repeated by the publishing site"),)


def test_a_text_that_is_all_header_has_no_parts() -> None:
    with pytest.raises(ParseError) as raised:
        parse_text("关于测试的意见\n国办发〔2017〕95号\n", "x.txt", "x")
    assert str(raised.value) == "x.txt:1: no parts found: expected part headings such as 一、总体要求"


# -- reading the source, and corrections -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ("\ufeff甲\n乙".encode() + b"\xff\n" + "丙\n".encode(), "2: not valid UTF-8 (byte 0xff at column 4)"),
        ("\ufeff甲".encode() + b"\xff", "1: not valid UTF-8 (byte 0xff at column 4)"),
        (b"\n\xfe", "2: not valid UTF-8 (byte 0xfe at column 1)"),
        (b"\xc3", "1: not valid UTF-8 (byte 0xc3 at column 1)"),
    ],
    ids=["a-newline-after-the-byte", "after-a-byte-order-mark", "a-newline-first", "the-first-byte"],
)
def test_an_undecodable_byte_is_named_by_line_and_column(tmp_path: Path, data: bytes, where: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(ParseError) as raised:
        read_source(path)
    assert str(raised.value) == f"{path}:{where}: expected a UTF-8 text file"


def test_a_byte_order_mark_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes("\ufeff关于测试的意见\n".encode())
    assert read_source(path) == "关于测试的意见\n"


def test_a_correction_is_applied_and_logged_and_one_past_the_end_is_an_error() -> None:
    text = "关于测试的意见\n一、总体要求\n(一) 指导思想。坚持gai革。\n"
    fitting = Corrections(corrections=(Correction(3, "gai革", "改革", "pinyin left in", 2),))
    document = parse_text(text, "x.txt", "x", fitting)
    assert document.repairs == (Repair("correction", 3, "'gai革' → '改革' (pinyin left in)"),)
    assert document.notices == (Notice(3, 12, "Latin letters in Chinese text", "gai", "corrected", "pinyin left in"),)
    past_the_end = Corrections(corrections=(Correction(5, "甲", "乙", "why", 4),))
    with pytest.raises(ParseError) as raised:
        parse_text(text, "x.txt", "x", past_the_end)
    assert str(raised.value) == "x.txt:4: correction expects '甲' on line 5 of x.txt, but that line does not contain it"


def test_a_crlf_file_parses_as_its_lf_copy() -> None:
    corrections = Corrections(corrections=(Correction(17, "推进改革", "推进改革工作", "why", 2),))
    crlf = parse_text(OPINION_WITH_QA.replace("\n", "\r\n"), "x.txt", "x", corrections)
    assert crlf == parse_text(OPINION_WITH_QA, "x.txt", "x", corrections)
    assert crlf.qa is not None and crlf.qa.items[0].answer[0].zh == "为了推进改革工作。"


# -- the Q&A -------------------------------------------------------------------------------------------------

QA_TITLE = "教育部有关负责人答记者问\n"
QA_ITEMS = "问：为什么出台？\n答：为了推进改革。\n"


@pytest.mark.parametrize(
    ("lead", "subtitle", "intro"),
    [
        ("——解读文件\n", "2 解读文件", []),
        ("", None, []),
        ("近日，教育部印发意见。\n——解读文件\n", None, ["近日，教育部印发意见。", "——解读文件"]),
        ("——解读文件\n——答问实录\n", "2 解读文件", ["——答问实录"]),
    ],
    ids=["under-the-title", "none", "after-the-intro-is-intro", "only-the-first"],
)
def test_a_subtitle_is_the_dash_line_right_under_the_qa_title(lead: str, subtitle: str | None, intro: list[str]) -> None:
    qa = parse_text(QA_TITLE + lead + QA_ITEMS, "x.txt", "x").qa
    assert qa is not None
    assert (f"{qa.subtitle.line} {qa.subtitle.zh}" if qa.subtitle else None, [paragraph.zh for paragraph in qa.intro]) == (subtitle, intro)


def test_a_qa_title_named_only_by_its_subtitle_begins_the_qa() -> None:
    text = "关于测试的意见\n" + ARTICLES + "教育部有关负责人\n——就《意见》答记者问\n"
    with pytest.raises(ParseError) as raised:
        parse_text(text, "x.txt", "x")
    assert str(raised.value) == "x.txt:4: Q&A has no questions: expected lines starting with 问： or 记者："
    document = parse_text(text + QA_ITEMS, "x.txt", "x")
    assert document.qa is not None
    assert (document.qa.title.zh, document.qa.subtitle and document.qa.subtitle.zh) == ("教育部有关负责人", "就《意见》答记者问")


# -- the corrections file ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("closing:\n  line: 4\n  why: x\n  lines: 5\n", "4: 'closing': unknown key 'lines': did you mean 'line'?"),
        (
            "corrections:\n  - line: 4\n    original: a\n    corrected: b\n    why: c\n    orignal: d\n",
            "6: 'corrections' entry: unknown key 'orignal': did you mean 'original'?",
        ),
        ("accepted:\n  - line: 4\n    text: a\n    whyy: c\n", "4: 'accepted' entry: unknown key 'whyy': did you mean 'why'?"),
        ("truncated:\n  line: 37\n  why: x\n  reason: y\n", "4: 'truncated': unknown key 'reason': expected one of line, why"),
    ],
    ids=["closing", "corrections", "accepted", "truncated"],
)
def test_an_unknown_key_in_the_corrections_file_names_its_section_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "x.corrections.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_corrections(path)
    assert str(raised.value) == f"{path}:{message}"


def test_a_truncated_entry_is_loaded_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.corrections.yml"
    path.write_text("accepted: []\ntruncated:\n  line: 37\n  why: the page breaks off here\n", encoding="utf-8")
    assert load_corrections(path) == Corrections(truncated=TruncationDecision(37, "the page breaks off here", 3))


# -- a header without a title-shaped line, a law's table of contents and history ----------------------------

OPINION_BODY = "一、总体要求\n(一) 指导思想。坚持改革。\n"
LAW_BODY = "第一章　总则\n第一条　为了测试，制定本法。\n第二章　附则\n第二条　本法自公布之日起施行。\n"
CONTENTS = "table of contents: the headings follow in the text"


@pytest.mark.parametrize(
    ("head", "title", "issuers", "dropped"),
    [
        ("教育部\n测试文件\n", "2 测试文件", "教育部", []),
        ("2021年10月12日\n教育部\n测试文件\n", "3 测试文件", "教育部", [DroppedLine(1, "2021年10月12日", "publication date")]),
        ("2021年10月12日\n国办发〔2021〕1号\n", "1 2021年10月12日", None, []),
    ],
    ids=["issuers-above-the-title", "a-date-above-is-set-aside", "all-dates-and-numbers-the-first-is-the-title"],
)
def test_without_a_title_shaped_line_the_last_of_three_leading_lines_is_the_title(
    head: str, title: str, issuers: str | None, dropped: list[DroppedLine]
) -> None:
    document = parse_text(head + OPINION_BODY, "x.txt", "x")
    assert (f"{document.title.line} {document.title.zh}", document.issuers and document.issuers.zh, list(document.dropped)) == (title, issuers, dropped)


def test_a_laws_chapter_heading_is_never_part_of_its_header() -> None:
    document = parse_text("教育部文件\n" + LAW_BODY, "x.txt", "x")
    assert (document.form, document.title.zh, [part.title.zh for part in document.parts]) == ("law", "教育部文件", ["总则", "附则"])


def test_a_table_of_contents_is_set_aside_up_to_the_first_heading_again() -> None:
    chapter_two = "第二章　" + "附" * 31
    text = "教育部文件\n目录\n第一章　总则\n" + chapter_two + "\n" + "附录" * 15 + "\n第一章　总则\n第一条　为了测试，制定本法。\n" + chapter_two + "\n第二条　本法自公布之日起施行。\n"
    document = parse_text(text, "x.txt", "x")
    assert list(document.dropped) == [
        DroppedLine(2, "目录", CONTENTS),
        DroppedLine(3, "第一章 总则", CONTENTS),
        DroppedLine(4, chapter_two.replace("\u3000", " "), CONTENTS),
        DroppedLine(5, "附录" * 15, CONTENTS),
    ]
    assert [part.title.zh for part in document.parts] == ["总则", "附" * 31]


def test_a_table_of_contents_ends_at_a_line_longer_than_30_characters() -> None:
    document = parse_text("教育部文件\n目录\n第一章　总则\n" + "注" * 31 + "\n" + LAW_BODY, "x.txt", "x")
    assert [line.line for line in document.dropped] == [2, 3]
    assert [paragraph.zh for paragraph in document.preamble] == ["注" * 31]


def test_a_table_of_contents_to_the_end_leaves_no_chapters() -> None:
    with pytest.raises(ParseError) as raised:
        parse_text("中华人民共和国测试法\n目录\n第一章　总则\n", "x.txt", "x")
    assert str(raised.value) == "x.txt:1: no parts found: expected part headings such as 一、总体要求"


def test_a_history_in_half_width_brackets_over_two_lines_is_one_paragraph() -> None:
    text = "中华人民共和国测试法\n(2021年4月29日第十三届全国人民代表大会常务委员会\n第二十八次会议通过)\n" + LAW_BODY
    document = parse_text(text, "x.txt", "x")
    assert [(paragraph.id, paragraph.line, paragraph.zh) for paragraph in document.history] == [
        ("hist-p1", 2, "(2021年4月29日第十三届全国人民代表大会常务委员会 第二十八次会议通过)")
    ]
    assert document.preamble == ()


# -- sections and question numbers --------------------------------------------------------------------------


def test_sections_belong_to_the_chapter_above_them() -> None:
    text = (
        "中华人民共和国测试法\n第一章　总则\n第一条　为了测试，制定本法。\n第二章　分则\n第二条　测试。\n"
        "第三章　附则\n第一节　一般规定\n第三条　测试。\n第二节　其他规定\n第四条　本法自公布之日起施行。\n"
    )
    document = parse_text(text, "x.txt", "x")
    sections = [[(section.number, section.title.zh, section.line, section.articles) for section in part.sections] for part in document.parts]
    assert sections == [[], [], [(1, "一般规定", 7, (3,)), (2, "其他规定", 9, (4,))]]


def test_an_empty_section_is_named_by_its_line() -> None:
    text = "中华人民共和国测试法\n第一章　总则\n第一节　一般规定\n第一条　为了测试，制定本法。\n第二节　其他规定\n第二章　附则\n第二条　本法自公布之日起施行。\n"
    with pytest.raises(ParseError) as raised:
        parse_text(text, "x.txt", "x")
    assert str(raised.value) == "x.txt:5: section 第二节 is empty: expected articles after its heading"


def test_questions_marked_with_the_traditional_journalist_are_not_numbered() -> None:
    qa = parse_text("教育部有关负责人答记者问\n記者：为什么？\n答：因为。\n記者：还有什么？\n答：没有。\n", "x.txt", "x").qa
    assert qa is not None and [item.question.zh for item in qa.items] == ["为什么？", "还有什么？"]


@pytest.mark.parametrize(("second", "what"), [("一、", "repeats an earlier question"), ("三、", "skips a number")])
def test_questions_set_as_numbered_headings_are_numbered_without_gaps(second: str, what: str) -> None:
    text = f"教育部有关负责人答记者问\n一、为什么出台？\n出台是为了改革。\n{second}还有什么？\n没有了。\n"
    with pytest.raises(ParseError) as raised:
        parse_text(text, "x.txt", "x")
    assert str(raised.value) == f"x.txt:4: expected question 2, found {second}, which {what}"


def test_an_article_without_a_heading_keeps_no_heading_punctuation() -> None:
    text = "关于测试的意见\n一、总体要求\n(一) 指导思想。坚持改革。\n(二) " + "主" * 31 + "\n(三) 加强，推进。以改革为动力。\n"
    document = parse_text(text, "x.txt", "x")
    assert [(article.title and article.title.zh, article.heading_end) for article in document.articles] == [("指导思想", "。"), (None, ""), (None, "")]


def test_items_numbered_again_in_each_part_are_keyed_part_item_from_the_first_part_on() -> None:
    text = "关于测试的意见\n一、总体要求\n(一) 主要目标\n到2025年，基本建成。\n(二) 坚持改革。加快发展。\n二、重点任务\n(一) 加强建设。完善制度。\n(二) 推进改革。加快发展。\n"
    document = parse_text(text, "x.txt", "x")
    assert [(article.label, article.ref, article.title and article.title.id) for article in document.articles] == [
        (1, "1-1", "a1-1-t"),
        (2, "1-2", "a1-2-t"),
        (1, "2-1", "a2-1-t"),
        (2, "2-2", "a2-2-t"),
    ]


def test_a_regulation_of_articles_alone_has_its_closing_set_apart() -> None:
    document = parse_text("测试管理办法\n第一条　为了测试，制定本办法。\n第二条　本办法自印发之日起施行。\n各地要认真贯彻落实。\n", "x.txt", "x")
    assert (document.form, document.parts, [paragraph.zh for paragraph in document.closing]) == ("law", (), ["各地要认真贯彻落实。"])
    assert document.repairs == (
        Repair("structure", 4, "line 4 after the last article forms the closing section (closing paragraph), not part of article 第二条"),
    )


@pytest.mark.parametrize(
    ("chapter_two_article", "message"),
    [
        ("第二条", "expected article 第三条, found 第二条, which repeats an earlier article"),
        ("第一条", "expected article 第三条, found 第一条, which repeats an earlier article"),
        ("第四条", "expected article 第三条, found 第四条, which skips a number"),
    ],
    ids=["repeated", "numbered-again-in-a-chapter", "skipped"],
)
def test_a_laws_articles_are_numbered_across_its_chapters(chapter_two_article: str, message: str) -> None:
    text = f"中华人民共和国测试法\n第一章　总则\n第一条　为了测试，制定本法。\n第二条　测试。\n第二章　附则\n{chapter_two_article}　本法自公布之日起施行。\n"
    with pytest.raises(ParseError) as raised:
        parse_text(text, "x.txt", "x")
    assert str(raised.value) == f"x.txt:6: {message}"


def test_a_first_part_of_one_article_then_numbering_again_restarts() -> None:
    document = parse_text("关于测试的意见\n一、总体要求\n(一) 指导思想。坚持改革。\n二、重点任务\n(一) 加强建设。完善制度。\n", "x.txt", "x")
    assert [(article.label, article.ref) for article in document.articles] == [(1, "1-1"), (1, "2-1")]


def test_a_file_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    with pytest.raises(ParseError) as raised:
        read_source(tmp_path / "missing.txt")
    assert str(raised.value) == f"{tmp_path}/missing.txt:0: cannot read the file: No such file or directory"


def test_in_a_law_the_space_after_the_article_marker_is_typesetting_and_the_next_is_not() -> None:
    raw_lines = ["中华人民共和国测试法", "第一条　为 了测试，制定本法。", "第二条　本法 适用于测试。"]
    assert find_suspicious(raw_lines, Corrections(), LAW) == [
        Notice(2, 6, "space inside Chinese text", "为 了", "open"),
        Notice(3, 7, "space inside Chinese text", "法 适", "open"),
    ]


def test_an_item_numbered_0_is_out_of_order() -> None:
    text = "关于测试的决定\n一、总体要求\n0．加强领导。坚持改革。\n1．完善制度。推进发展。\n二、重点任务\n1．加强建设。完善制度。\n2．推进改革。加快发展。\n"
    with pytest.raises(ParseError) as raised:
        parse_text(text, "x.txt", "x")
    assert str(raised.value) == "x.txt:3: expected item 1．, found 0．, which repeats an earlier item"


# -- the end of the text: a page's trailer, truncation, a law's history --------------------------------------


def test_site_controls_inside_the_text_and_everything_after_the_last_one_are_set_aside() -> None:
    text = "关于测试的意见\n一、总体要求\n(一) 指导思想。坚持改革。\n相关新闻\n二、重点任务\n(二) 加强建设。完善制度。\n相关新闻\n某某学校召开会议\n"
    document = parse_text(text, "x.txt", "x")
    assert list(document.dropped) == [
        DroppedLine(4, "相关新闻", "site control"),
        DroppedLine(7, "相关新闻", "site control"),
        DroppedLine(8, "某某学校召开会议", "after the end of the text, below '相关新闻' on line 7"),
    ]
    assert [part.title.zh for part in document.parts] == ["总体要求", "重点任务"]


@pytest.mark.parametrize(("announced", "error"), [("两", ""), ("三", "x.txt:6: the preamble announces 3 parts (line 2), but the text ends in part 二、")])
def test_a_preamble_announcing_more_parts_than_follow_is_an_error(announced: str, error: str) -> None:
    text = f"关于测试的意见\n现从以下{announced}个方面提出意见。\n一、总体要求\n(一) 指导思想。坚持改革。\n二、重点任务\n(二) 加强建设。完善制度。\n"
    if not error:
        assert len(parse_text(text, "x.txt", "x").parts) == 2
        return
    with pytest.raises(ParseError) as raised:
        parse_text(text, "x.txt", "x")
    assert str(raised.value).startswith(error)


def test_an_accepted_truncation_is_a_notice_at_column_1() -> None:
    text = "关于测试的意见\n一、总体要求\n(一) 指导思想。坚持改革\n"
    document = parse_text(text, "x.txt", "x", Corrections(truncated=TruncationDecision(3, "cut", 2)))
    assert document.notices == (Notice(3, 1, "incomplete text: the text ends inside a sentence ('…坚持改革')", "", "accepted", "cut"),)


@pytest.mark.parametrize(
    ("line", "history", "preamble"),
    [
        ("2022年4月20日第十三届全国人民代表大会常务委员会第三十四次会议修订", ["2022年4月20日第十三届全国人民代表大会常务委员会第三十四次会议修订"], []),
        ("2022年4月20日本法经会议修订。", [], ["2022年4月20日本法经会议修订。"]),
        ("2022年4月20日第十三届全国人民代表大会常务委员会第三十四次会议", [], ["2022年4月20日第十三届全国人民代表大会常务委员会第三十四次会议"]),
    ],
    ids=["a-dated-revision", "a-sentence-is-text", "no-enactment-word"],
)
def test_an_unbracketed_enactment_history_under_a_laws_title(line: str, history: list[str], preamble: list[str]) -> None:
    text = f"中华人民共和国测试法\n{line}\n第一章　总则\n第一条　为了测试，制定本法。\n第二条　本法自公布之日起施行。\n"
    document = parse_text(text, "x.txt", "x")
    assert ([paragraph.zh for paragraph in document.history], [paragraph.zh for paragraph in document.preamble]) == (history, preamble)


def test_the_last_of_three_sections_empty_is_an_error() -> None:
    text = (
        "中华人民共和国测试法\n第一章　总则\n第一节　一般规定\n第一条　为了测试，制定本法。\n第二节　其他规定\n第二条　测试。\n"
        "第三节　附则\n"
    )
    with pytest.raises(ParseError) as raised:
        parse_text(text, "x.txt", "x")
    assert str(raised.value) == "x.txt:7: section 第三节 is empty: expected articles after its heading"
