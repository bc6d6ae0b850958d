"""Parser: structure of the seed, page-break repair, corrections, nothing lost, exact errors."""

from __future__ import annotations

import copy

import re
from pathlib import Path

import pytest
from nothing_lost import model_content, source_content
import yaml

from explainer.document.corrections import Corrections, load_corrections
from explainer.common.errors import InputError, ParseError
from explainer.document.parse import join_page_breaks, Line, parse_file, parse_text, split_article_heading
from explainer.document.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sources" / "vocational-education-2021.txt"
CORRECTIONS = ROOT / "sources" / "vocational-education-2021.corrections.yml"


@pytest.fixture
def seed():  # type: ignore[no-untyped-def]
    """Parsed again for each test (75 ms): a mutation run credits the parser's code only to the
    test that ran it, and runs only those tests on a mutant (a module-wide parse counts for one)."""
    return parse_file(SEED, "vocational-education-2021")


def test_seed_structure(seed) -> None:  # type: ignore[no-untyped-def]
    assert seed.issuers.zh == "中共中央办公厅 国务院办公厅"
    assert seed.title.zh == "关于推动现代职业教育高质量发展的意见"
    assert [part.articles for part in seed.parts] == [(1, 2, 3), (4, 5, 6), (7, 8, 9), (10, 11, 12), (13, 14, 15, 16), (17, 18, 19), (20, 21, 22)]
    assert [article.number for article in seed.articles] == list(range(1, 23))
    assert seed.article(1).title.zh == "指导思想"
    assert seed.article(5).title.zh == "推进不同层次职业教育纵向贯通"
    assert seed.qa is not None and len(seed.qa.items) == 8
    assert seed.qa.subtitle.zh == "教育部有关负责人就《关于推动现代职业教育高质量发展的意见》答记者问"
    assert sum(1 for _ in seed.segments()) == 222
    assert seed.dropped == ()


def test_heading_without_body_takes_the_following_paragraphs(seed) -> None:  # type: ignore[no-untyped-def]
    article = seed.article(3)
    assert article.title.zh == "主要目标"
    assert [paragraph.zh[:8] for paragraph in article.paragraphs] == ["到2025年，职", "到2035年，职"]
    assert [paragraph.id for paragraph in article.paragraphs] == ["a03-p1", "a03-p2"]


def test_answers_run_over_paragraphs(seed) -> None:  # type: ignore[no-untyped-def]
    first = seed.qa.items[0]
    assert first.question.zh == "请介绍一下《意见》出台的背景和过程。"
    assert len(first.answer) == 2
    assert first.answer[1].segments[0].id == "q1-p2-s1"
    assert first.answer[0].segments[0].zh == "今年4月，全国职业教育大会召开。"


def test_page_breaks_are_found_by_rule_and_logged(seed) -> None:  # type: ignore[no-untyped-def]
    joins = [repair for repair in seed.repairs if repair.kind == "join"]
    assert [repair.line for repair in joins] == [35, 49, 61, 77, 105]
    sentences = [segment.zh for segment in seed.segments()]
    assert "教育、人力资源社会保障部门要把校企合作成效作为评价职业学校办学质量的重要内容。" in sentences
    assert "第五部分“深化教育教学改革”。" in sentences


def test_join_rule_on_small_input() -> None:
    lines = [Line(1, "推进部省共"), Line(3, "建职业教育创新发展高地。"), Line(5, "(三) 主要目标"), Line(7, "到2025年，基本建成。")]
    joined, repairs = join_page_breaks(lines)
    assert [line.text for line in joined] == ["推进部省共建职业教育创新发展高地。", "(三) 主要目标", "到2025年，基本建成。"]
    assert len(repairs) == 1 and repairs[0].line == 1


def test_corrections_are_applied_and_logged(seed) -> None:  # type: ignore[no-untyped-def]
    text = "".join(segment.zh for segment in seed.segments())
    assert "补贴性培训和市场化社会培训" in text
    assert " and " not in text
    assert "中国—东盟教育交流周" in text
    corrections = [repair for repair in seed.repairs if repair.kind == "correction"]
    assert [repair.line for repair in corrections] == [31, 69]


def test_every_suspicious_spot_is_reviewed(seed) -> None:  # type: ignore[no-untyped-def]
    assert seed.notices, "the seed has Latin letters and stray spaces that must be reported"
    assert {notice.status for notice in seed.notices} <= {"corrected", "accepted"}
    latin = [notice for notice in seed.notices if notice.kind == "Latin letters in Chinese text"]
    assert [(notice.line, notice.text, notice.status) for notice in latin] == [(31, "and", "corrected")]


def test_unreviewed_latin_letters_are_open() -> None:
    document = parse_text(_minimal("加强 and 推进。"), "x.txt", "x")
    assert [(notice.line, notice.text, notice.status) for notice in document.notices] == [(4, "and", "open")]


def test_nothing_is_lost(seed) -> None:  # type: ignore[no-untyped-def]
    """Every character of the source but spaces, punctuation included, in order, is in the model (or dropped, listed)."""
    raw_lines = SEED.read_text(encoding="utf-8").split("\n")
    corrections = yaml.safe_load(CORRECTIONS.read_text(encoding="utf-8"))["corrections"]
    for correction in corrections:
        raw_lines[correction["line"] - 1] = raw_lines[correction["line"] - 1].replace(correction["original"], correction["corrected"])
    dropped = {line.line for line in seed.dropped}
    assert model_content(seed) == source_content(raw_lines, seed, dropped)


def test_the_lost_text_proof_sees_punctuation(seed) -> None:  # type: ignore[no-untyped-def]
    """A model that lost one full stop or one closing quote does not pass for the source."""
    raw_lines = SEED.read_text(encoding="utf-8").split("\n")
    dropped = {line.line for line in seed.dropped}
    damaged = copy.deepcopy(seed)
    segment = damaged.article(5).paragraphs[0].segments[0]
    object.__setattr__(segment, "zh", segment.zh.rstrip("。"))
    assert model_content(damaged) != source_content(raw_lines, damaged, dropped)


def test_sentence_split_keeps_closing_quotes() -> None:
    assert split_sentences("“守正”就是要坚持。“创新”就是要率先推进。”其后") == ["“守正”就是要坚持。", "“创新”就是要率先推进。”", "其后"]
    assert split_sentences("请问如何深化产教融合？好！") == ["请问如何深化产教融合？", "好！"]


def test_article_heading_forms() -> None:
    assert split_article_heading("指导思想。以习近平……为指导。") == ("指导思想", "以习近平……为指导。")
    assert split_article_heading("主要目标") == ("主要目标", "")
    assert split_article_heading("到2025年，职业教育类型特色更加鲜明。") == ("", "到2025年，职业教育类型特色更加鲜明。")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("corrections:\n  - line: 3\n    original: a\n", "2: entry has no 'corrected'"),
        ("- line: 3\n", "1: expected a mapping with 'corrections' and 'accepted'"),
        ("corrections: []\nerrata: []\n", "2: section: unknown key 'errata': expected one of accepted, closing, corrections, truncated"),
        ("corrections: 3\n", "1: 'corrections' must be a list of entries"),
        ("accepted:\n  - just text\n", "2: each 'accepted' entry must be a mapping"),
        ("corrections:\n  - line: three\n    original: a\n    corrected: b\n    why: c\n", "2: 'line' must be a positive line number, found 'three'"),
        ("corrections:\n  - line: 0\n    original: a\n    corrected: b\n    why: c\n", "2: 'line' must be a positive line number, found '0'"),
        ("corrections:\n  - line: 3\n    original:\n    corrected: b\n    why: c\n", "3: 'original' must be a non-empty string"),
        ("accepted:\n  - line: 3\n    text: [a]\n    why: c\n", "3: 'text' must be a non-empty string"),
        ("closing: 45\n", "1: 'closing' must be a mapping with 'line' and 'why'"),
        ("corrections: [\n", "2: not valid YAML: expected the node content, but found '<stream end>'"),
    ],
)
def test_corrections_file_errors_name_the_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "x.corrections.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_corrections(path)
    assert str(raised.value) == f"{path}:{message}"


def test_a_correction_may_quote_a_number_and_empty_sections_are_none(tmp_path: Path) -> None:
    path = tmp_path / "x.corrections.yml"
    path.write_text("corrections:\n  - line: 3\n    original: 2021\n    corrected: ''\n    why: c\naccepted:\nclosing:\n  line: 0\n  why: none\n", encoding="utf-8")
    corrections = load_corrections(path)
    assert [(c.line, c.original, c.corrected, c.entry_line) for c in corrections.corrections] == [(3, "2021", "", 2)]
    assert corrections.accepted == () and corrections.closing is not None and (corrections.closing.line, corrections.closing.entry_line) == (0, 8)


def test_correction_that_no_longer_fits_is_an_error(tmp_path: Path) -> None:
    source = tmp_path / "x.txt"
    source.write_text(_minimal("加强组织领导。"), encoding="utf-8")
    (tmp_path / "x.corrections.yml").write_text(
        "corrections:\n  - line: 4\n    original: 'and'\n    corrected: '和'\n    why: extraction\n", encoding="utf-8"
    )
    with pytest.raises(ParseError) as raised:
        parse_file(source)
    assert str(raised.value) == f"{tmp_path}/x.corrections.yml:2: correction expects 'and' on line 4 of {source}, but that line does not contain it"


def _minimal(article_text: str) -> str:
    return f"《关于测试的意见》\n一、总体要求\n\n(一) 指导思想。{article_text}\n"


ERRORS = [
    ("skipped", "《意见》\n一、总体要求\n(一) 甲。乙。\n(三) 丙。丁。\n", 4, "expected article (二), found (三), which skips a number"),
    ("repeated", "《意见》\n一、总体要求\n(一) 甲。乙。\n(二) 丙。丁。\n(二) 戊。己。\n", 5, "expected article (三), found (二), which repeats an earlier article"),
    ("before part", "《意见》\n引言。\n(一) 甲。乙。\n", 3, "article (一) comes before any part: expected a part heading such as 一、… first"),
    ("part skipped", "《意见》\n一、总体要求\n(一) 甲。乙。\n三、组织实施\n", 4, "expected part 二、, found 三、 (parts are numbered 一、二、… without gaps)"),
    (
        "question without answer",
        "《意见》\n一、总体要求\n(一) 甲。乙。\n答记者问\n问：为什么？\n问：怎么办？\n答：这样办。\n",
        5,
        "question 1 has no answer: expected a line starting with 答： after it",
    ),
    (
        # A Q&A that uses 答： must use it for every answer (a missing marker is a typo worth stopping for);
        # one that never does takes the paragraphs after a question as its answer.
        "question then prose in a Q&A that uses 答：",
        "《意见》\n一、总体要求\n(一) 甲。乙。\n答记者问\n问：为什么？\n因为如此。\n问：怎么办？\n答：这样办。\n",
        6,
        "question 1 has no answer: expected a line starting with 答： after the 问： on line 5",
    ),
    (
        "last question unanswered",
        "《意见》\n一、总体要求\n(一) 甲。乙。\n答记者问\n问：为什么？\n答：因为。\n问：怎么办？\n",
        7,
        "question 2 has no answer: expected a line starting with 答： after it",
    ),
    (
        "question unanswered without 答：",
        "《意见》\n一、总体要求\n(一) 甲。乙。\n答记者问\n问：为什么？\n问：怎么办？\n这样办。\n",
        5,
        "question 1 has no answer: expected the paragraphs of its answer after it",
    ),
    (
        "nothing but site furniture",
        "来源：新华社\n责任编辑：王萌\n",
        1,
        "no text left once the publishing site's lines were set aside: expected a title line, then parts 一、…",
    ),
    ("empty", "\n \n", 1, "empty file: expected the text of an Opinion (a title, then parts 一、… holding articles (一)…)"),
    ("no parts", "《意见》\n只有一段话。\n", 1, "no parts found: expected part headings such as 一、总体要求"),
]


@pytest.mark.parametrize(("name", "text", "line", "message"), ERRORS, ids=[error[0] for error in ERRORS])
def test_bad_input_gives_one_clear_error(tmp_path: Path, name: str, text: str, line: int, message: str) -> None:
    source = tmp_path / "bad.txt"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError) as raised:
        parse_file(source)
    assert str(raised.value) == f"{source}:{line}: {message}"


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    source = tmp_path / "gbk.txt"
    source.write_bytes("《意见》\n一、总体要求\n".encode() + "(一) 指导思想。".encode("gbk"))
    with pytest.raises(ParseError) as raised:
        parse_file(source)
    assert str(raised.value) == f"{source}:3: not valid UTF-8 (byte 0xb5 at column 8): expected a UTF-8 text file"


def test_empty_corrections_are_allowed() -> None:
    assert parse_text(_minimal("甲。"), "x.txt", "x", Corrections()).article(1).title.zh == "指导思想"


def test_yaml_syntax_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "x.corrections.yml"
    path.write_text("corrections:\n  - line: [3\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_corrections(path)
    assert str(raised.value) == f"{path}:3: not valid YAML: expected ',' or ']', but got '<stream end>'"
