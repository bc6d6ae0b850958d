"""Text → document model.

The grammar of an Opinion as published: issuing bodies and title, a preamble,
parts ``一、…`` holding articles ``(一)…`` numbered across parts, then an
optional press Q&A (title, ``——`` subtitle, intro, ``问：``/``答：`` pairs).

The copy may come from a printed layout, so before parsing structure the parser
repairs page breaks by rule (a line that does not end a sentence, followed by a
line that does not start a new unit, is joined to it) and applies the recorded
corrections beside the source. Every repair is logged on the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from .corrections import Corrections, corrections_path, load_corrections
from .errors import ParseError
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
from .segment import ends_sentence, split_sentences


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

PART_HEADING_MAX = 40
"""A part heading is a short phrase; longer lines starting 一、 are prose."""

ARTICLE_HEADING_MAX = 30
"""An inline article heading (指导思想。) is a short phrase without a comma."""

HEADER_MAX_LINES = 3
QA_TITLE_MARKER = "答记者问"

BOILERPLATE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^[（(]?\s*责任编辑\s*[：:].*$"), "editor line"),
    (re.compile(r"^(?:编辑|校对|审核|监制)\s*[：:]\s*\S{1,12}$"), "editor line"),
    (re.compile(r"^来源\s*[：:].*$"), "source line"),
    (re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+来源\s*[：:].*)?$"), "date line"),
    (re.compile(r"^【(?:纠错|字号|打印|关闭)[^】]*】.*$"), "site control"),
    (re.compile(r"^(?:扫一扫|分享到|打印本页|关闭窗口|【打印本页】|\[打印本页\]).*$"), "site control"),
)

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
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class _PartBuilder:
    number: int
    title: Segment
    line: int
    intro: list[Paragraph] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)


@dataclass
class _ItemBuilder:
    number: int
    question: Segment
    line: int
    needs_answer_marker: bool
    answer: list[Paragraph] = field(default_factory=list)


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
    notices = find_suspicious(raw_lines, corrections)
    corrected, correction_repairs = apply_corrections(raw_lines, corrections, source, corrections_file)
    lines, dropped = drop_boilerplate(corrected)
    header, body = split_header(lines, source)
    joined, join_repairs = join_page_breaks(body)
    builder = _DocumentBuilder(source)
    issuers, title = builder.header(header)
    builder.body(joined)
    return builder.document(
        slug=slug,
        issuers=issuers,
        title=title,
        dropped=tuple(dropped),
        repairs=tuple(sorted(correction_repairs + join_repairs, key=lambda repair: repair.line)),
        notices=tuple(notices),
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


def drop_boilerplate(lines: list[str]) -> tuple[list[Line], list[DroppedLine]]:
    """Keep non-empty lines; set publishing-site boilerplate aside, listed with its reason."""
    kept: list[Line] = []
    dropped: list[DroppedLine] = []
    for number, raw in enumerate(lines, start=1):
        text = raw.strip().replace("\u3000", " ").strip()
        if not text:
            continue
        reason = next((why for pattern, why in BOILERPLATE if pattern.match(text)), None)
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
    if ARTICLE_RE.match(text) and parse_chinese_numeral(ARTICLE_RE.match(text).group(1)):  # type: ignore[union-attr]
        return Kind.ARTICLE
    if QUESTION_RE.match(text):
        return Kind.QUESTION
    if ANSWER_RE.match(text):
        return Kind.ANSWER
    if SUBTITLE_RE.match(text):
        return Kind.SUBTITLE
    return Kind.PROSE


def _may_continue(line: Line) -> bool:
    """Could this line be the first half of a sentence broken at a page end?"""
    if ends_sentence(line.text) or QA_TITLE_MARKER in line.text:
        return False
    kind = classify(line.text)
    if kind in (Kind.PROSE, Kind.QUESTION, Kind.ANSWER):
        return True
    if kind is Kind.ARTICLE:
        # An article line whose body already holds a sentence is prose that ran on;
        # a bare heading such as "(三) 主要目标" is not.
        body = ARTICLE_RE.match(line.text).group(2)  # type: ignore[union-attr]
        return any(mark in body for mark in "。？！")
    return False


def join_page_breaks(lines: list[Line]) -> tuple[list[Line], list[Repair]]:
    """Join sentences broken across lines: a line that does not end a sentence,
    followed by one that does not start a new unit, continues on that line."""
    joined: list[Line] = []
    repairs: list[Repair] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if previous and _may_continue(previous) and classify(line.text) is Kind.PROSE and not _starts_qa(line):
            joined[-1] = Line(previous.number, previous.text + line.text)
            repairs.append(
                Repair(
                    "join",
                    previous.number,
                    f"joined line {previous.number} and line {line.number}, broken mid-sentence: "
                    f"'…{previous.text[-8:]}' + '{line.text[:8]}…'",
                )
            )
        else:
            joined.append(line)
    return joined, repairs


def _starts_qa(line: Line) -> bool:
    return QA_TITLE_MARKER in line.text and not ends_sentence(line.text)


def split_header(lines: list[Line], source: str) -> tuple[list[Line], list[Line]]:
    """The leading lines that name the issuers and the title, then the rest."""
    header: list[Line] = []
    for line in lines[:HEADER_MAX_LINES]:
        kind = classify(line.text)
        if kind not in (Kind.PROSE, Kind.TITLE) or ends_sentence(line.text):
            break
        header.append(line)
        if kind is Kind.TITLE:
            break
    if not header:
        first = lines[0]
        raise ParseError(source, first.number, f"expected a title line before the text, found '{first.text[:20]}'")
    return header, lines[len(header) :]


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


# -- structure ---------------------------------------------------------------


class _DocumentBuilder:
    """A small state machine over logical lines: preamble → parts → Q&A."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.preamble: list[Paragraph] = []
        self.parts: list[_PartBuilder] = []
        self.articles: list[_ArticleBuilder] = []
        self.qa_title: Segment | None = None
        self.qa_subtitle: Segment | None = None
        self.qa_intro: list[Paragraph] = []
        self.items: list[_ItemBuilder] = []
        self.in_qa = False

    def error(self, line: Line, message: str) -> ParseError:
        return ParseError(self.source, line.number, message)

    def header(self, header: list[Line]) -> tuple[Segment | None, Segment]:
        *issuer_lines, title_line = header
        title = title_line.text
        if TITLE_RE.match(title):
            title = title[1:-1]
        issuers = None
        if issuer_lines:
            issuers = Segment("issuers", " ".join(line.text for line in issuer_lines), issuer_lines[0].number)
        return issuers, Segment("title", title, title_line.number)

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
        self.in_qa = True
        if classify(line.text) is Kind.QUESTION:
            raise self.error(line, "question before a Q&A title: expected a title line (such as '…答记者问') before the first 问：")
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
            self.preamble.append(self._paragraph(f"pre-p{len(self.preamble) + 1}", line.text, line.number))
        elif not self.parts[-1].articles:
            part = self.parts[-1]
            part.intro.append(self._paragraph(f"part{part.number}-p{len(part.intro) + 1}", line.text, line.number))
        else:
            article = self.articles[-1]
            prefix = f"a{article_key(article.number)}-p{len(article.paragraphs) + 1}"
            article.paragraphs.append(self._paragraph(prefix, line.text, line.number))

    def _part(self, line: Line) -> None:
        match = PART_RE.match(line.text)
        assert match
        number = parse_chinese_numeral(match.group(1)) or 0
        expected = len(self.parts) + 1
        if number != expected:
            raise self.error(line, f"expected part {chinese_numeral(expected)}、, found {match.group(1)}、 (parts are numbered 一、二、… without gaps)")
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
            raise self.error(line, f"expected article ({chinese_numeral(expected)}), found ({numeral}), which {what}")
        title_text, rest = split_article_heading(body)
        key = article_key(number)
        title = Segment(f"a{key}-t", title_text, line.number) if title_text else None
        article = _ArticleBuilder(number, self.parts[-1].number, title, line.number)
        if rest:
            article.paragraphs.append(self._paragraph(f"a{key}-p1", rest, line.number))
        self.articles.append(article)
        self.parts[-1].articles.append(number)

    # Q&A ---------------------------------------------------------------------

    def _qa_line(self, line: Line) -> None:
        kind = classify(line.text)
        if kind is Kind.QUESTION:
            self._require_answer()
            match = QUESTION_RE.match(line.text)
            assert match
            number = len(self.items) + 1
            question = Segment(f"q{number}-q", match.group(2).strip(), line.number)
            self.items.append(_ItemBuilder(number, question, line.number, needs_answer_marker=match.group(1) == "问"))
        elif kind is Kind.ANSWER:
            if not self.items:
                raise self.error(line, "答： before any question: expected a 问： line first")
            text = ANSWER_RE.match(line.text).group(1)  # type: ignore[union-attr]
            self._answer_paragraph(line, text)
        elif not self.items:
            if kind is Kind.SUBTITLE and self.qa_subtitle is None and not self.qa_intro:
                self.qa_subtitle = Segment("qa-sub", SUBTITLE_RE.match(line.text).group(1), line.number)  # type: ignore[union-attr]
            else:
                self.qa_intro.append(self._paragraph(f"qa-intro-p{len(self.qa_intro) + 1}", line.text, line.number))
        else:
            item = self.items[-1]
            if item.needs_answer_marker and not item.answer:
                raise self.error(line, f"question {item.number} has no answer: expected a line starting with 答： after the 问： on line {item.line}")
            self._answer_paragraph(line, line.text)

    def _answer_paragraph(self, line: Line, text: str) -> None:
        item = self.items[-1]
        if not text:
            raise self.error(line, "empty answer: expected text after 答：")
        item.answer.append(self._paragraph(f"q{item.number}-p{len(item.answer) + 1}", text, line.number))

    def _require_answer(self) -> None:
        if self.items and not self.items[-1].answer:
            item = self.items[-1]
            raise ParseError(
                self.source, item.line, f"question {item.number} has no answer: expected a line starting with 答： after it"
            )

    def _finish(self) -> None:
        self._require_answer()
        if not self.parts:
            raise ParseError(self.source, 1, "no parts found: expected part headings such as 一、总体要求")
        for part in self.parts:
            if not part.articles and not part.intro:
                raise ParseError(self.source, part.line, f"part {chinese_numeral(part.number)}、 is empty: expected articles (…) or text after it")
        if self.in_qa and not self.items:
            raise ParseError(self.source, self.qa_title.line if self.qa_title else 1, "Q&A has no questions: expected lines starting with 问：")

    # Assembly ----------------------------------------------------------------

    @staticmethod
    def _paragraph(prefix: str, text: str, line: int) -> Paragraph:
        sentences = split_sentences(text)
        return Paragraph(
            prefix, tuple(Segment(f"{prefix}-s{index}", sentence, line) for index, sentence in enumerate(sentences, 1)), line
        )

    def document(self, **fields: object) -> Document:
        qa = None
        if self.in_qa and self.qa_title:
            qa = QA(
                title=self.qa_title,
                subtitle=self.qa_subtitle,
                intro=tuple(self.qa_intro),
                items=tuple(QAItem(item.number, item.question, tuple(item.answer), item.line) for item in self.items),
            )
        return Document(
            source=self.source,
            preamble=tuple(self.preamble),
            parts=tuple(
                Part(part.number, part.title, tuple(part.intro), tuple(part.articles), part.line) for part in self.parts
            ),
            articles=tuple(
                Article(article.number, article.part, article.title, tuple(article.paragraphs), article.line)
                for article in self.articles
            ),
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
    if len(phrase) <= ARTICLE_HEADING_MAX and not any(mark in phrase for mark in "，,；;？！"):
        return phrase, body[len(first) :].strip()
    return "", body
