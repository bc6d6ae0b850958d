"""Text → document model.

The grammar of an Opinion as published: issuing bodies and title (with or
without 《》, optionally followed by the issuing number 国办发〔2017〕95号), a
preamble (which may open with the addressees 各省、自治区…：), parts ``一、…``
holding articles numbered across parts in half-width ``(一)`` or full-width
``（一）`` parentheses, an optional closing section (a closing paragraph, the
signers, the date, a ``（此件公开发布）`` note), then an optional press Q&A
(title, ``——`` subtitle, intro, questions marked ``问：`` or ``记者：``).

Article headings stand inline (``(一) 指导思想。以……``) or alone on their line
with the body below (``(三) 主要目标``). Unnumbered paragraphs continue the
article, part or answer above them. Answers start with ``答：`` and run on over
unmarked paragraphs; a Q&A that never uses ``答：`` takes the paragraphs after
each question as its answer.

The copy may come from a web page or a printed layout, so before parsing
structure the parser sets aside the publishing site's furniture (listed in
``Document.dropped`` with line and reason, never silently), repairs page breaks
by rule (a line that does not end a sentence, followed by a line that does not
start a new unit, is joined to it) and applies the recorded corrections beside
the source. Every repair is logged on the model.

Text after the last article is the closing section when it is recognisably one
(see :func:`closing_start`); any other unnumbered text there stays with the last
article and is reported as a notice until a reviewer records a decision in the
corrections file.

Every rule is a line-local regular expression without nested quantifiers or a
plain string test, and lines are joined by accumulation, so parsing time grows
linearly with the size of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from .corrections import ClosingDecision, Corrections, corrections_path, load_corrections
from ..common.errors import ParseError
from .model import (
    QA,
    Article,
    Document,
    DroppedLine,
    Notice,
    Paragraph,
    Part,
    QAItem,
    Repair,
    Segment,
    article_key,
    chinese_numeral,
    parse_chinese_numeral,
)
from .sentences import ends_sentence, split_sentences


class Kind(Enum):
    PROSE = "prose"
    TITLE = "title"
    PART = "part"
    ARTICLE = "article"
    QUESTION = "question"
    ANSWER = "answer"
    SUBTITLE = "subtitle"


NUMERAL = "[一二三四五六七八九十百零]+"
PART_RE = re.compile(rf"^({NUMERAL})、\s*(\S.*)$")
ARTICLE_RE = re.compile(rf"^[(（]({NUMERAL})[)）]\s*(.*)$")
QUESTION_RE = re.compile(r"^(问|记者)\s*[：:]\s*(.*)$")
ANSWER_RE = re.compile(r"^答\s*[：:]\s*(.*)$")
SUBTITLE_RE = re.compile(r"^(?:——|－－|--)\s*(\S.*)$")
TITLE_RE = re.compile(r"^《[^《》]+》$")

DOC_NUMBER_RE = re.compile(r"^[\u4e00-\u9fff]{1,10}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号$")
"""The issuing number under a title: 国办发〔2017〕95号, 教职成〔2019〕5号."""

DOCUMENT_DATE_RE = re.compile(
    r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日$"
)
"""A date alone on its line: the date of the document under its signers (2017年12月5日)."""

NOTE_RE = re.compile(r"^[（(]\s*此件[^（()）]{1,16}[)）]$")
"""The publication note at the very end: （此件公开发布）, （此件有删减）."""

TITLE_SUFFIXES = ("意见", "决定", "通知", "办法", "规定", "方案", "纲要", "规划", "计划", "指南")
"""How the title of a policy document ends when it is not set in 《》 (国务院关于……的意见)."""

QA_TITLE_MARKERS = ("答记者问", "回答记者提问", "答问", "记者采访")
"""A line holding one of these (and not ending a sentence) is the title of a press Q&A."""

CLOSING_FORMULAS = ("贯彻落实", "贯彻执行", "遵照执行", "抓好落实", "认真落实", "之日起施行", "负责解释")
"""Phrases of the paragraph that closes a document (各地区各部门要结合实际认真贯彻落实。)."""

PART_HEADING_MAX = 40
"""A part heading is a short phrase; longer lines starting 一、 are prose."""

ARTICLE_HEADING_MAX = 30
"""An inline article heading (指导思想。) is a short phrase without a comma."""

HEADER_SCAN_LINES = 6
"""How many leading lines may hold issuers and the title."""

FALLBACK_HEADER_LINES = 3
"""Without a recognisable title line, the last of up to this many leading lines is the title."""

HEADER_LINE_MAX = 120
SIGNER_LINE_MAX = 80
SIGNER_LINES_MAX = 4
SIGNER_PUNCTUATION = frozenset("，,。；;：:？?！!“”\"《》")
UNIT_ENDS = ("：", ":")
"""A line ending with a colon (addressees, a lead-in) is complete: never joined to the next."""

BOILERPLATE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^[（(【\[]?\s*责任编辑\s*[：:].*$"), "editor line"),
    (re.compile(r"^(?:编辑|责编|校对|审核|审校|监制|作者)\s*[：:]\s*\S{0,12}$"), "editor line"),
    (re.compile(r"^(?:信息|文章|稿件)?来源\s*[：:].*$"), "source line"),
    (re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+来源\s*[：:].*)?$"), "date line"),
    (re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日\s+(?:\d{1,2}:\d{2}|来源\s*[：:]).*$"), "date line"),
    (re.compile(r"^(?:发布|发稿|更新)?(?:时间|日期)\s*[：:]\s*\d{4}.*$"), "date line"),
    (
        re.compile(
            r"^(?:索引号|主题分类|发文机关|成文日期|标\s*题|发文字号|发布日期|主\s*题\s*词|信息名称|信息索引|生成日期|发文机构|信息类别|内容概述|公文种类)\s*[：:].*$"
        ),
        "metadata table",
    ),
    (re.compile(r"^【(?:纠错|我要纠错|字号|字体|打印|关闭|收藏|分享)[^】]*】.*$"), "site control"),
    (re.compile(r"^(?:【[^【】]{0,12}】\s*)+$"), "site control"),
    (
        re.compile(r"^(?:扫一扫|分享到|打印本页|关闭窗口|\[打印本页\]|\[关闭窗口\]|返回顶部|上一篇|下一篇|相关链接|相关新闻|相关阅读|浏览次数|阅读次数).*$"),
        "site control",
    ),
    (re.compile(r"^(?:首页|当前位置\s*[：:])\s*[^>＞»›]{0,60}[>＞»›]"), "breadcrumb"),
    (re.compile(r"^[（(]完[)）]$"), "end-of-story mark"),
    (re.compile(r"^(?:版权所有|Copyright\b|©|网站标识码|京ICP备|京公网安备)"), "copyright line"),
)
"""Lines a publishing site adds around a document (gov.cn, Xinhua, moe.gov.cn):
set aside into ``Document.dropped`` with their reason. A bare date (2017年12月5日)
is not among them: under the signers it is part of the document."""

LATIN_RE = re.compile(r"[A-Za-z]+(?:\s+[A-Za-z]+)*")
CJK = "\u3400-\u9fff"
CJK_SPACE_RE = re.compile(rf"[{CJK}0-9][ \t\u3000]+(?:[-–—－]\s*)?[{CJK}0-9]")


@dataclass(frozen=True)
class Line:
    """A non-empty logical line: its 1-based number and stripped text."""

    number: int
    text: str


@dataclass
class _ArticleBuilder:
    number: int
    part: int
    title: Segment | None
    line: int
    paragraphs: list[Line] = field(default_factory=list)


@dataclass
class _PartBuilder:
    number: int
    title: Segment
    line: int
    intro: list[Line] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)


@dataclass
class _ItemBuilder:
    number: int
    question: Segment
    line: int
    marker: str
    answer: list[Line] = field(default_factory=list)


@dataclass
class Header:
    """The lines before the body: issuers, title, issuing number, and lines set aside."""

    issuers: list[Line]
    title: Line
    doc_number: Line | None
    dropped: list[DroppedLine]
    body: list[Line]


def parse_file(path: Path, slug: str | None = None) -> Document:
    """Parse a source file with the corrections file beside it."""
    text = read_source(path)
    corrections = load_corrections(corrections_path(path))
    return parse_text(text, str(path), slug or path.stem, corrections, str(corrections_path(path)))


def read_source(path: Path) -> str:
    """Read a source as UTF-8, naming the line of the first undecodable byte."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParseError(str(path), 0, f"cannot read the file: {error.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise ParseError(
            str(path), line, f"not valid UTF-8 (byte 0x{data[error.start]:02x} at column {column}): expected a UTF-8 text file"
        ) from None


def parse_text(
    text: str,
    source: str,
    slug: str,
    corrections: Corrections | None = None,
    corrections_file: str = "",
) -> Document:
    """Parse the text of an Opinion (and optional Q&A) into a :class:`Document`."""
    corrections = corrections or Corrections()
    raw_lines = [line.rstrip("\r") for line in text.split("\n")]
    if not any(line.strip() for line in raw_lines):
        raise ParseError(source, 1, "empty file: expected the text of an Opinion (a title, then parts 一、… holding articles (一)…)")
    corrected, correction_repairs = apply_corrections(raw_lines, corrections, source, corrections_file)
    lines, dropped = drop_boilerplate(corrected)
    header = split_header(lines, source)
    set_aside = {line.line for line in dropped + header.dropped}
    notices = [notice for notice in find_suspicious(raw_lines, corrections) if notice.line not in set_aside]
    answers_marked = any(classify(line.text) is Kind.ANSWER for line in header.body)
    joined, join_repairs = join_page_breaks(header.body, answers_marked)
    builder = _DocumentBuilder(source, corrections, corrections_file, answers_marked)
    issuers, title, doc_number = builder.header(header)
    builder.body(joined)
    return builder.document(
        slug=slug,
        issuers=issuers,
        title=title,
        doc_number=doc_number,
        dropped=tuple(sorted(dropped + header.dropped, key=lambda line: line.line)),
        repairs=tuple(sorted(correction_repairs + join_repairs + builder.repairs, key=lambda repair: repair.line)),
        notices=tuple(sorted(notices + builder.notices, key=lambda notice: (notice.line, notice.column))),
    )


# -- repairs -----------------------------------------------------------------


def apply_corrections(
    raw_lines: list[str], corrections: Corrections, source: str, corrections_file: str
) -> tuple[list[str], list[Repair]]:
    """Apply each recorded correction to its line; a correction that no longer fits is an error."""
    lines = list(raw_lines)
    repairs: list[Repair] = []
    for correction in corrections.corrections:
        index = correction.line - 1
        if index >= len(lines) or correction.original not in lines[index]:
            raise ParseError(
                corrections_file or source,
                correction.entry_line,
                f"correction expects '{correction.original}' on line {correction.line} of {source}, but that line does not contain it",
            )
        lines[index] = lines[index].replace(correction.original, correction.corrected, 1)
        repairs.append(
            Repair("correction", correction.line, f"'{correction.original}' → '{correction.corrected}' ({correction.why})")
        )
    return lines, repairs


def boilerplate_reason(text: str) -> str | None:
    """Why a (stripped) line is publishing-site furniture, or None when it is text."""
    return next((why for pattern, why in BOILERPLATE if pattern.match(text)), None)


def drop_boilerplate(lines: list[str]) -> tuple[list[Line], list[DroppedLine]]:
    """Keep non-empty lines; set publishing-site boilerplate aside, listed with its reason."""
    kept: list[Line] = []
    dropped: list[DroppedLine] = []
    for number, raw in enumerate(lines, start=1):
        text = raw.strip().replace("\u3000", " ").strip()
        if not text:
            continue
        reason = boilerplate_reason(text)
        if reason:
            dropped.append(DroppedLine(number, text, reason))
        else:
            kept.append(Line(number, text))
    return kept, dropped


def classify(text: str) -> Kind:
    """The structural kind of a line, judged on the line alone."""
    if TITLE_RE.match(text):
        return Kind.TITLE
    part = PART_RE.match(text)
    if part and len(part.group(2)) <= PART_HEADING_MAX and not ends_sentence(text) and parse_chinese_numeral(part.group(1)):
        return Kind.PART
    article = ARTICLE_RE.match(text)
    if article and parse_chinese_numeral(article.group(1)):
        return Kind.ARTICLE
    if QUESTION_RE.match(text):
        return Kind.QUESTION
    if ANSWER_RE.match(text):
        return Kind.ANSWER
    if SUBTITLE_RE.match(text):
        return Kind.SUBTITLE
    return Kind.PROSE


def has_qa_marker(text: str) -> bool:
    return any(marker in text for marker in QA_TITLE_MARKERS)


def _may_continue(text: str, answers_marked: bool) -> bool:
    """Could this line be the first half of a sentence broken at a page end?"""
    if ends_sentence(text) or text.endswith(UNIT_ENDS) or has_qa_marker(text):
        return False
    kind = classify(text)
    if kind is Kind.QUESTION:
        # Without 答： the line after a question is its answer, never the rest of it.
        return answers_marked
    if kind in (Kind.PROSE, Kind.ANSWER):
        return True
    if kind is Kind.ARTICLE:
        # An article line whose body already holds a sentence is prose that ran on;
        # a bare heading such as "(三) 主要目标" is not.
        body = ARTICLE_RE.match(text).group(2)  # type: ignore[union-attr]
        return any(mark in body for mark in "。？！")
    return False


def _stands_alone(text: str) -> bool:
    """Lines that are complete units whatever comes before them."""
    return bool(DOCUMENT_DATE_RE.match(text) or NOTE_RE.match(text) or DOC_NUMBER_RE.match(text))


def is_signer_line(text: str) -> bool:
    """A short line naming issuing bodies, as above a document's date (教育部 财政部)."""
    return (
        len(text) <= SIGNER_LINE_MAX
        and not any(character in SIGNER_PUNCTUATION for character in text)
        and re.search(f"[{CJK}]", text) is not None
        and classify(text) is Kind.PROSE
        and not has_qa_marker(text)
    )


def _signature_lines(lines: list[Line]) -> set[int]:
    """Indices of signer and date lines: each a unit of its own, never joined."""
    marked: set[int] = set()
    for index, line in enumerate(lines):
        if DOCUMENT_DATE_RE.match(line.text):
            marked.add(index)
            above = index - 1
            while above >= 0 and index - above <= SIGNER_LINES_MAX and is_signer_line(lines[above].text):
                marked.add(above)
                above -= 1
    return marked


def join_page_breaks(lines: list[Line], answers_marked: bool = True) -> tuple[list[Line], list[Repair]]:
    """Join sentences broken across lines: a line that does not end a sentence,
    followed by one that does not start a new unit, continues on that line."""
    signature = _signature_lines(lines)
    groups: list[tuple[Line, list[str]]] = []
    """Each output line: its first source line and the pieces joined to it (kept as a list: linear time)."""
    repairs: list[Repair] = []
    last_piece = ""
    open_for_join = False
    for index, line in enumerate(lines):
        joins = (
            groups
            and open_for_join
            and index not in signature
            and not _stands_alone(line.text)
            and classify(line.text) is Kind.PROSE
            and not _starts_qa(line)
        )
        if joins:
            first, pieces = groups[-1]
            pieces.append(line.text)
            repairs.append(
                Repair(
                    "join",
                    first.number,
                    f"joined line {first.number} and line {line.number}, broken mid-sentence: '…{last_piece[-8:]}' + '{line.text[:8]}…'",
                )
            )
            open_for_join = not (ends_sentence(line.text) or line.text.endswith(UNIT_ENDS) or has_qa_marker(line.text))
        else:
            groups.append((line, [line.text]))
            open_for_join = index not in signature and not _stands_alone(line.text) and _may_continue(line.text, answers_marked)
        last_piece = line.text
    return [Line(first.number, "".join(pieces)) for first, pieces in groups], repairs


def _starts_qa(line: Line) -> bool:
    return has_qa_marker(line.text) and not ends_sentence(line.text)


def is_title_line(text: str) -> bool:
    """《关于……的意见》, or a bare title such as 国务院办公厅关于深化产教融合的若干意见."""
    if TITLE_RE.match(text):
        return True
    if len(text) > HEADER_LINE_MAX or "关于" not in text or ends_sentence(text) or "，" in text:
        return False
    return _without_trailing_parenthetical(text).endswith(TITLE_SUFFIXES)


def _without_trailing_parenthetical(text: str) -> str:
    """``……行动计划（2020—2023年）`` → ``……行动计划``; ``……意见（试行）`` → ``……意见``."""
    if text.endswith(("）", ")")):
        opening = max(text.rfind("（"), text.rfind("("))
        if opening > 0:
            return text[:opening]
    return text


def _header_like(text: str) -> bool:
    return (
        classify(text) in (Kind.PROSE, Kind.TITLE)
        and not ends_sentence(text)
        and not text.endswith(UNIT_ENDS)
        and len(text) <= HEADER_LINE_MAX
        and not has_qa_marker(text)
    )


def _bare_title(text: str) -> str:
    return text[1:-1] if TITLE_RE.match(text) else text


def split_header(lines: list[Line], source: str) -> Header:
    """The leading lines that name the issuers and the title, the issuing number, then the rest.

    The title is the first leading line set in 《》 or shaped like a title
    (……关于……的意见); without one, the last of up to three leading lines. A bare
    date above the title is the site's publication date; a copy of the title right
    under it is the site's page heading repeated: both are set aside, listed.
    """
    if not lines:
        raise ParseError(source, 1, "no text left once the publishing site's lines were set aside: expected a title line, then parts 一、…")
    candidates: list[Line] = []
    for line in lines[:HEADER_SCAN_LINES]:
        if not _header_like(line.text):
            break
        candidates.append(line)
    if not candidates:
        first = lines[0]
        raise ParseError(source, first.number, f"expected a title line before the text, found '{first.text[:20]}'")
    title_index, title_lines = _find_title(candidates)
    dropped: list[DroppedLine] = []
    issuers: list[Line] = []
    for line in candidates[:title_index]:
        if DOCUMENT_DATE_RE.match(line.text):
            dropped.append(DroppedLine(line.number, line.text, "publication date"))
        else:
            issuers.append(line)
    parts = candidates[title_index : title_index + title_lines]
    title = Line(parts[0].number, "".join(line.text for line in parts))
    doc_number: Line | None = None
    index = title_index + title_lines
    while index < len(lines):
        line = lines[index]
        if _bare_title(line.text) == _bare_title(title.text):
            dropped.append(DroppedLine(line.number, line.text, "title repeated by the publishing site"))
        elif doc_number is None and DOC_NUMBER_RE.match(line.text):
            doc_number = line
        else:
            break
        index += 1
    return Header(issuers, title, doc_number, dropped, lines[index:])


def _find_title(candidates: list[Line]) -> tuple[int, int]:
    """Index of the title among the leading lines, and how many lines it spans (a long
    title may be broken over two lines: 国务院办公厅关于深化产教融合的 / 若干意见)."""
    for index, line in enumerate(candidates):
        if is_title_line(line.text):
            return index, 1
    for index in range(len(candidates) - 1):
        if is_title_line(candidates[index].text + candidates[index + 1].text):
            return index, 2
    fallback = [line for line in candidates[:FALLBACK_HEADER_LINES] if not _stands_alone(line.text)] or candidates[:1]
    return candidates.index(fallback[-1]), 1


def find_suspicious(raw_lines: list[str], corrections: Corrections) -> list[Notice]:
    """Spots a human should look at: Latin letters or stray spaces inside Chinese prose."""
    notices: list[Notice] = []
    for number, text in enumerate(raw_lines, start=1):
        if not re.search(f"[{CJK}]", text):
            continue
        for match in LATIN_RE.finditer(text):
            notices.append(_review(number, match.start() + 1, "Latin letters in Chinese text", match.group(), corrections))
        for match in CJK_SPACE_RE.finditer(text):
            notices.append(_review(number, match.start() + 2, "space inside Chinese text", match.group(), corrections))
    return notices


def _review(line: int, column: int, kind: str, text: str, corrections: Corrections) -> Notice:
    for correction in corrections.corrections:
        if correction.line == line and text.strip() in correction.original:
            return Notice(line, column, kind, text, "corrected", correction.why)
    for accepted in corrections.accepted:
        if accepted.line == line and text.strip() in accepted.text:
            return Notice(line, column, kind, text, "accepted", accepted.why)
    return Notice(line, column, kind, text, "open")


# -- the closing section -------------------------------------------------------


def _is_closing_paragraph(text: str) -> bool:
    """A paragraph addressed to everyone that closes the document, or a commencement clause."""
    if any(formula in text for formula in ("之日起施行", "负责解释")):
        return True
    return text.startswith("各") and any(formula in text for formula in CLOSING_FORMULAS)


def closing_start(lines: list[Line]) -> tuple[int, list[str]]:
    """Where the closing section starts among the paragraphs after the last article.

    ``lines`` are the last article's paragraphs (or, when the last part has no
    articles, its text). Read from the end: publication notes （此件公开发布）;
    a date alone on its line with the signers above it; closing paragraphs
    (各地区各部门要……认真贯彻落实。, ……自印发之日起施行。). The first paragraph
    always stays: it is the article's own text. Anything else stays with the
    article. Returns the index and what was recognised.
    """
    index = len(lines)
    found: list[str] = []
    while index > 1 and NOTE_RE.match(lines[index - 1].text):
        index -= 1
        if "note" not in found:
            found.append("note")
    if index > 1 and DOCUMENT_DATE_RE.match(lines[index - 1].text):
        index -= 1
        signers = 0
        while index > 1 and signers < SIGNER_LINES_MAX and is_signer_line(lines[index - 1].text):
            index -= 1
            signers += 1
        found.append("signers and date" if signers else "date")
    while index > 1 and _is_closing_paragraph(lines[index - 1].text):
        index -= 1
        if "closing paragraph" not in found:
            found.append("closing paragraph")
    return index, list(reversed(found))


# -- structure ---------------------------------------------------------------


def _numeral(number: int) -> str:
    """The Chinese numeral for messages; digits beyond what numerals cover."""
    try:
        return chinese_numeral(number)
    except ValueError:
        return str(number)


class _DocumentBuilder:
    """A small state machine over logical lines: preamble → parts → closing → Q&A."""

    def __init__(self, source: str, corrections: Corrections, corrections_file: str, answers_marked: bool) -> None:
        self.source = source
        self.corrections = corrections
        self.corrections_file = corrections_file or source
        self.answers_marked = answers_marked
        self.preamble: list[Line] = []
        self.parts: list[_PartBuilder] = []
        self.articles: list[_ArticleBuilder] = []
        self.closing: list[Line] = []
        self.opinion_closed = False
        self.qa_title: Segment | None = None
        self.qa_subtitle: Segment | None = None
        self.qa_intro: list[Line] = []
        self.items: list[_ItemBuilder] = []
        self.in_qa = False
        self.repairs: list[Repair] = []
        self.notices: list[Notice] = []

    def error(self, line: Line, message: str) -> ParseError:
        return ParseError(self.source, line.number, message)

    def header(self, header: Header) -> tuple[Segment | None, Segment, Segment | None]:
        issuers = None
        if header.issuers:
            issuers = Segment("issuers", " ".join(line.text for line in header.issuers), header.issuers[0].number)
        title = Segment("title", _bare_title(header.title.text), header.title.number)
        number = Segment("docno", header.doc_number.text, header.doc_number.number) if header.doc_number else None
        return issuers, title, number

    def body(self, lines: list[Line]) -> None:
        index = 0
        while index < len(lines):
            line = lines[index]
            following = lines[index + 1] if index + 1 < len(lines) else None
            if not self.in_qa and self._qa_begins(line, following):
                index += self._begin_qa(line, following)
                continue
            if self.in_qa:
                self._qa_line(line)
            else:
                self._opinion_line(line)
            index += 1
        self._finish()

    # Opinion -----------------------------------------------------------------

    def _qa_begins(self, line: Line, following: Line | None) -> bool:
        if classify(line.text) is Kind.QUESTION:
            return True
        if ends_sentence(line.text) or classify(line.text) in (Kind.PART, Kind.ARTICLE):
            return False
        return _starts_qa(line) or (following is not None and classify(following.text) is Kind.SUBTITLE)

    def _begin_qa(self, line: Line, following: Line | None) -> int:
        if classify(line.text) is Kind.QUESTION:
            raise self.error(line, "question before a Q&A title: expected a title line (such as '…答记者问') before the first 问：")
        self._close_opinion()
        self.in_qa = True
        self.qa_title = Segment("qa-t", line.text, line.number)
        if following is not None and classify(following.text) is Kind.SUBTITLE:
            subtitle = SUBTITLE_RE.match(following.text).group(1)  # type: ignore[union-attr]
            self.qa_subtitle = Segment("qa-sub", subtitle, following.number)
            return 2
        return 1

    def _opinion_line(self, line: Line) -> None:
        kind = classify(line.text)
        if kind is Kind.PART:
            self._part(line)
        elif kind is Kind.ARTICLE:
            self._article(line)
        elif kind is Kind.SUBTITLE:
            raise self.error(line, "a '——' subtitle line must follow the Q&A title line")
        elif kind is Kind.ANSWER:
            raise self.error(line, "答： outside a Q&A: expected a 问： line before it")
        elif not self.parts:
            self.preamble.append(line)
        elif not self.parts[-1].articles:
            self.parts[-1].intro.append(line)
        else:
            self.articles[-1].paragraphs.append(line)

    def _part(self, line: Line) -> None:
        match = PART_RE.match(line.text)
        assert match
        number = parse_chinese_numeral(match.group(1)) or 0
        expected = len(self.parts) + 1
        if number != expected:
            raise self.error(line, f"expected part {_numeral(expected)}、, found {match.group(1)}、 (parts are numbered 一、二、… without gaps)")
        self.parts.append(_PartBuilder(number, Segment(f"part{number}-t", match.group(2).strip(), line.number), line.number))

    def _article(self, line: Line) -> None:
        match = ARTICLE_RE.match(line.text)
        assert match
        numeral, body = match.group(1), match.group(2).strip()
        number = parse_chinese_numeral(numeral) or 0
        if not self.parts:
            raise self.error(line, f"article ({numeral}) comes before any part: expected a part heading such as 一、… first")
        expected = len(self.articles) + 1
        if number != expected:
            what = "repeats an earlier article" if number < expected else "skips a number"
            raise self.error(line, f"expected article ({_numeral(expected)}), found ({numeral}), which {what}")
        title_text, rest = split_article_heading(body)
        title = Segment(f"a{article_key(number)}-t", title_text, line.number) if title_text else None
        article = _ArticleBuilder(number, self.parts[-1].number, title, line.number)
        if rest:
            article.paragraphs.append(Line(line.number, rest))
        self.articles.append(article)
        self.parts[-1].articles.append(number)

    def _close_opinion(self) -> None:
        """Separate the closing section from the text after the last article (once)."""
        if self.opinion_closed or not self.parts:
            return
        self.opinion_closed = True
        if self.parts[-1].articles:
            tail, owner = self.articles[-1].paragraphs, f"article ({_numeral(self.articles[-1].number)})"
        else:
            tail, owner = self.parts[-1].intro, f"part {_numeral(self.parts[-1].number)}、"
        decision = self.corrections.closing
        start, found = (self._decided_start(tail, decision), []) if decision else closing_start(tail)
        self.closing = tail[start:]
        del tail[start:]
        if self.closing:
            first, last = self.closing[0].number, self.closing[-1].number
            lines = f"line {first} after the last article forms" if first == last else f"lines {first}–{last} after the last article form"
            why = f"recorded decision: {decision.why}" if decision else ", ".join(found)
            self.repairs.append(Repair("structure", first, f"{lines} the closing section ({why}), not part of {owner}"))
        if len(tail) > 1 and decision is None:
            kept = tail[1]
            self.notices.append(
                _review(kept.number, 1, f"unnumbered text at the end kept in {owner}", kept.text[:16], self.corrections)
            )

    def _decided_start(self, tail: list[Line], decision: ClosingDecision) -> int:
        if decision.line == 0:
            return len(tail)
        for index, line in enumerate(tail):
            if line.number == decision.line:
                return index
        starts = ", ".join(str(line.number) for line in tail) or "none"
        raise ParseError(
            self.corrections_file,
            decision.entry_line,
            f"closing expects a paragraph after the last article to start on line {decision.line} of {self.source}, "
            f"but the paragraphs there start on lines: {starts}",
        )

    # Q&A ---------------------------------------------------------------------

    def _qa_line(self, line: Line) -> None:
        kind = classify(line.text)
        if kind is Kind.QUESTION:
            self._require_answer()
            match = QUESTION_RE.match(line.text)
            assert match
            number = len(self.items) + 1
            question = Segment(f"q{number}-q", match.group(2).strip(), line.number)
            self.items.append(_ItemBuilder(number, question, line.number, match.group(1)))
        elif kind is Kind.ANSWER:
            if not self.items:
                raise self.error(line, "答： before any question: expected a 问： line first")
            text = ANSWER_RE.match(line.text).group(1)  # type: ignore[union-attr]
            self._answer_paragraph(line, text)
        elif not self.items:
            if kind is Kind.SUBTITLE and self.qa_subtitle is None and not self.qa_intro:
                self.qa_subtitle = Segment("qa-sub", SUBTITLE_RE.match(line.text).group(1), line.number)  # type: ignore[union-attr]
            else:
                self.qa_intro.append(line)
        else:
            item = self.items[-1]
            if self.answers_marked and not item.answer:
                raise self.error(
                    line,
                    f"question {item.number} has no answer: expected a line starting with 答： after the {item.marker}： on line {item.line}",
                )
            self._answer_paragraph(line, line.text)

    def _answer_paragraph(self, line: Line, text: str) -> None:
        if not text.strip():
            raise self.error(line, "empty answer: expected text after 答：")
        self.items[-1].answer.append(Line(line.number, text.strip()))

    def _require_answer(self) -> None:
        if self.items and not self.items[-1].answer:
            item = self.items[-1]
            expected = "a line starting with 答： after it" if self.answers_marked else "the paragraphs of its answer after it"
            raise ParseError(self.source, item.line, f"question {item.number} has no answer: expected {expected}")

    def _finish(self) -> None:
        self._require_answer()
        if not self.parts:
            raise ParseError(self.source, 1, "no parts found: expected part headings such as 一、总体要求")
        self._close_opinion()
        for part in self.parts:
            if not part.articles and not part.intro:
                raise ParseError(self.source, part.line, f"part {_numeral(part.number)}、 is empty: expected articles (…) or text after it")
        if self.in_qa and not self.items:
            line = self.qa_title.line if self.qa_title else 1
            raise ParseError(self.source, line, "Q&A has no questions: expected lines starting with 问： or 记者：")

    # Assembly ----------------------------------------------------------------

    @staticmethod
    def _paragraph(prefix: str, line: Line) -> Paragraph:
        sentences = split_sentences(line.text)
        segments = tuple(Segment(f"{prefix}-s{index}", sentence, line.number) for index, sentence in enumerate(sentences, 1))
        return Paragraph(prefix, segments, line.number)

    def _paragraphs(self, unit: str, lines: list[Line]) -> tuple[Paragraph, ...]:
        return tuple(self._paragraph(f"{unit}-p{index}", line) for index, line in enumerate(lines, 1))

    def document(self, **fields: object) -> Document:
        qa = None
        if self.in_qa and self.qa_title:
            qa = QA(
                title=self.qa_title,
                subtitle=self.qa_subtitle,
                intro=self._paragraphs("qa-intro", self.qa_intro),
                items=tuple(
                    QAItem(item.number, item.question, self._paragraphs(f"q{item.number}", item.answer), item.line) for item in self.items
                ),
            )
        return Document(
            source=self.source,
            preamble=self._paragraphs("pre", self.preamble),
            parts=tuple(
                Part(part.number, part.title, self._paragraphs(f"part{part.number}", part.intro), tuple(part.articles), part.line)
                for part in self.parts
            ),
            articles=tuple(
                Article(
                    article.number,
                    article.part,
                    article.title,
                    self._paragraphs(f"a{article_key(article.number)}", article.paragraphs),
                    article.line,
                )
                for article in self.articles
            ),
            closing=self._paragraphs("end", self.closing),
            qa=qa,
            **fields,  # type: ignore[arg-type]
        )


def split_article_heading(body: str) -> tuple[str, str]:
    """``指导思想。以……`` → (``指导思想``, ``以……``); a bare heading has no rest.

    A heading is a short first phrase with no comma; otherwise the article has
    no heading and the whole body is text.
    """
    if not body:
        return "", ""
    if not any(mark in body for mark in "。？！"):
        return (body, "") if len(body) <= ARTICLE_HEADING_MAX else ("", body)
    first = split_sentences(body)[0]
    phrase = first.rstrip("。")
    if phrase and len(phrase) <= ARTICLE_HEADING_MAX and not any(mark in phrase for mark in "，,；;？！"):
        return phrase, body[len(first) :].strip()
    return "", body
