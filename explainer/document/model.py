"""The document model: an Opinion, a decision, a law or a press Q&A, with its parts and articles.

One shape holds every form (see :mod:`explainer.document.grammar`): a law's chapters are
``parts`` (``kind`` 'chapter', with their ``sections``), its 条 are ``articles``
(``kind`` 'law-article'); a decision's items 1．2． restarting in each part are
``articles`` of ``kind`` 'item' whose ``key`` holds the part (``2-3``); a press
Q&A published alone has no parts and no articles.

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
    """A numbered unit with its own page: an Opinion's article (一)…, a law's 第一条…, an item 1．….

    ``number`` counts the units of the document in order (1, 2, …): for articles
    and law articles it is the printed number. ``label`` is the printed number when
    it differs (items restarting in each part), else 0. ``part`` is 0 for a law
    without chapters.
    """

    number: int
    part: int
    title: Segment | None
    paragraphs: tuple[Paragraph, ...]
    line: int
    kind: str = "article"
    """'article' ((一)), 'law-article' (第一条) or 'item' (1．)."""
    label: int = 0
    heading_end: str = ""
    """The punctuation that closed an inline heading (指导思想。): text of the source kept in the model."""
    ref: str = ""
    """The key when numbers restart in each part: ``2-3`` (part 2, item 3)."""

    @property
    def key(self) -> str:
        """The key used in ids and URLs: ``05``, or ``2-3`` for an item restarting in each part."""
        return self.ref or article_key(self.number)

    @property
    def printed(self) -> int:
        """The number as printed in the source."""
        return self.label or self.number


@dataclass(frozen=True)
class Section:
    """A section 第一节 inside a law's chapter: a heading over some of its articles."""

    number: int
    title: Segment
    articles: tuple[int, ...]
    line: int


@dataclass(frozen=True)
class Part:
    """A part 一、… with its heading, optional introductory text and articles."""

    number: int
    title: Segment
    intro: tuple[Paragraph, ...]
    articles: tuple[int, ...]
    line: int
    kind: str = "part"
    """'part' (一、) or 'chapter' (第一章)."""
    sections: tuple[Section, ...] = ()


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
    form: str = "opinion"
    """The form of the text (:data:`explainer.document.grammar.FORMS`): 'opinion', 'items', 'law' or 'qa'."""
    title_quoted: bool = False
    """The title was set in 《》 in the source (the model's title holds the words without them)."""
    history: tuple[Paragraph, ...] = ()
    """The date or enactment history under the title (（2021年5月20日）, （…通过 …修订）); ids ``hist-p1``…"""

    def article(self, number: int) -> Article:
        return self.articles[number - 1]

    @property
    def has_text(self) -> bool:
        """False for a press Q&A published alone: no parts, no articles, no full-text pages."""
        return bool(self.parts or self.articles)

    def divisions(self) -> list[tuple[Part | None, tuple[int, ...]]]:
        """The articles in reading order, grouped: (None, articles outside any part) first when
        there are any, then each part with its articles."""
        loose = self.loose_articles
        return ([(None, loose)] if loose else []) + [(part, part.articles) for part in self.parts]

    @staticmethod
    def section_starts(part: Part | None) -> dict[int, Section]:
        """Article number → the section (第一节) whose heading stands above it."""
        return {section.articles[0]: section for section in part.sections if section.articles} if part else {}

    @property
    def loose_articles(self) -> tuple[int, ...]:
        """Numbers of the articles outside any part (a regulation without chapters)."""
        return tuple(article.number for article in self.articles if article.part == 0)

    def part(self, number: int) -> Part:
        return self.parts[number - 1]

    def segments(self) -> Iterator[Segment]:
        """Every segment in reading order."""
        if self.issuers:
            yield self.issuers
        yield self.title
        if self.doc_number:
            yield self.doc_number
        yield from _paragraph_segments(self.history)
        yield from _paragraph_segments(self.preamble)
        for article in self.articles:
            if article.part == 0:
                yield from _article_segments(article)
        for part in self.parts:
            yield part.title
            yield from _paragraph_segments(part.intro)
            section_starts = {section.articles[0]: section for section in part.sections if section.articles}
            for number in part.articles:
                if number in section_starts:
                    yield section_starts[number].title
                yield from _article_segments(self.article(number))
        yield from _paragraph_segments(self.closing)
        if self.qa:
            if self.qa.title is not self.title:
                yield self.qa.title
            if self.qa.subtitle:
                yield self.qa.subtitle
            yield from _paragraph_segments(self.qa.intro)
            for item in self.qa.items:
                yield item.question
                yield from _paragraph_segments(item.answer)


def _article_segments(article: Article) -> Iterator[Segment]:
    if article.title:
        yield article.title
    yield from _paragraph_segments(article.paragraphs)


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
