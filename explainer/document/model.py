"""The document model: an Opinion, its parts and articles, and its press Q&A.

Everything here is plain data. Ids are derived from the position in the
structure (article, paragraph, sentence), never from text, so that PO entries,
anchors and links survive edits elsewhere in the document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

@dataclass(frozen=True)
class Segment:
    """One translatable unit: a sentence, a heading or a title.

    ``zh`` is the Simplified Chinese text as published (after recorded
    corrections); ``line`` is the 1-based source line where it starts.
    """

    id: str
    zh: str
    line: int


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: a list of sentence segments sharing an anchor id."""

    id: str
    segments: tuple[Segment, ...]
    line: int

    @property
    def zh(self) -> str:
        return "".join(segment.zh for segment in self.segments)


@dataclass(frozen=True)
class Article:
    """A numbered article (一)… ; numbers run across parts."""

    number: int
    part: int
    title: Segment | None
    paragraphs: tuple[Paragraph, ...]
    line: int

    @property
    def key(self) -> str:
        """Two-digit key used in ids and URLs: ``05``."""
        return article_key(self.number)


@dataclass(frozen=True)
class Part:
    """A part 一、… with its heading, optional introductory text and articles."""

    number: int
    title: Segment
    intro: tuple[Paragraph, ...]
    articles: tuple[int, ...]
    line: int


@dataclass(frozen=True)
class QAItem:
    """One question and its answer paragraphs."""

    number: int
    question: Segment
    answer: tuple[Paragraph, ...]
    line: int


@dataclass(frozen=True)
class QA:
    """The companion press Q&A (答记者问)."""

    title: Segment
    subtitle: Segment | None
    intro: tuple[Paragraph, ...]
    items: tuple[QAItem, ...]


@dataclass(frozen=True)
class Repair:
    """A change the parser made to the published text, shown by ``check``."""

    kind: Literal["join", "correction", "structure"]
    line: int
    description: str


@dataclass(frozen=True)
class Notice:
    """A suspicious spot in the source and its review status."""

    line: int
    column: int
    kind: str
    text: str
    status: Literal["open", "corrected", "accepted"]
    why: str = ""


@dataclass(frozen=True)
class DroppedLine:
    """A source line deliberately left out of the model (publishing boilerplate)."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Document:
    """A parsed policy document with its optional Q&A."""

    slug: str
    source: str
    issuers: Segment | None
    title: Segment
    preamble: tuple[Paragraph, ...]
    parts: tuple[Part, ...]
    articles: tuple[Article, ...]
    qa: QA | None
    dropped: tuple[DroppedLine, ...] = ()
    repairs: tuple[Repair, ...] = ()
    notices: tuple[Notice, ...] = field(default=())
    doc_number: Segment | None = None
    """The issuing number printed under the title (国办发〔2017〕95号), id ``docno``."""
    closing: tuple[Paragraph, ...] = ()
    """Text after the last article that closes the Opinion (closing paragraph,
    signers, date, 此件公开发布 note); paragraph ids ``end-p1``…"""

    def article(self, number: int) -> Article:
        return self.articles[number - 1]

    def part(self, number: int) -> Part:
        return self.parts[number - 1]

    def segments(self) -> Iterator[Segment]:
        """Every segment in reading order."""
        if self.issuers:
            yield self.issuers
        yield self.title
        if self.doc_number:
            yield self.doc_number
        yield from _paragraph_segments(self.preamble)
        for part in self.parts:
            yield part.title
            yield from _paragraph_segments(part.intro)
            for number in part.articles:
                article = self.article(number)
                if article.title:
                    yield article.title
                yield from _paragraph_segments(article.paragraphs)
        yield from _paragraph_segments(self.closing)
        if self.qa:
            yield self.qa.title
            if self.qa.subtitle:
                yield self.qa.subtitle
            yield from _paragraph_segments(self.qa.intro)
            for item in self.qa.items:
                yield item.question
                yield from _paragraph_segments(item.answer)


def _paragraph_segments(paragraphs: tuple[Paragraph, ...]) -> Iterator[Segment]:
    for paragraph in paragraphs:
        yield from paragraph.segments


def article_key(number: int) -> str:
    return f"{number:02d}"


CHINESE_NUMERALS = "零一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """1 → 一, 12 → 十二, 22 → 二十二, 100 → 一百 (as articles are numbered)."""
    if number <= 0 or number >= 1000:
        raise ValueError(f"no Chinese numeral for {number}")
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    text = ""
    if hundreds:
        text += CHINESE_NUMERALS[hundreds] + "百"
        if tens == 0 and units:
            text += "零"
    if tens:
        text += ("" if tens == 1 and not hundreds else CHINESE_NUMERALS[tens]) + "十"
    if units:
        text += CHINESE_NUMERALS[units]
    return text


_NUMERAL_VALUES: dict[str, int] = {chinese_numeral(n): n for n in range(1, 1000)}


def parse_chinese_numeral(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十二 → 22; None when ``text`` is not a numeral."""
    return _NUMERAL_VALUES.get(text)
