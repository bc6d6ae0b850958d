"""Citations of a document's parts, articles, Q&A items and paragraphs, in each language.

A citation names the document and the unit a paragraph belongs to, in the
reader's language; when documents.yml says who issued the document (or gave the Q&A)
and when it was published (``official:``), the citation names them too, in the
language's citation style (its interface strings and date pattern)::

    中共中央办公厅、国务院办公厅《关于推动现代职业教育高质量发展的意见》（2021年10月12日）第（五）条第2段
    General Office of the CPC Central Committee and General Office of the State Council, Opinions on Promoting
    the High-Quality Development of Modern Vocational Education (12 October 2021), Art. 5, para. 2
    中共中央辦公廳、國務院辦公廳《關於推動現代職業教育高質量發展的意見》（2021年10月12日）第（五）條第2段

A *unit* is what a paragraph id starts with: ``pre`` (preamble), ``part2``
(a part's introduction), ``a05`` (an article), ``end`` (the closing text after
the last article), ``qa-intro`` and ``q3`` (a Q&A item). Each unit has a canonical page; a paragraph's citation links to that page
with the paragraph id as anchor, whichever page it was copied from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..config.languages import language, languages
from ..config.project import Publication
from .i18n import NC_, N_, message, part_label, qa_label, unit_citation
from .provenance import format_date, local_text
from ..translation.conversion import convert
from ..document.model import Document, Segment
from ..translation.catalog import Texts
from .urls import DocumentUrls, absolute_url

PARAGRAPH_FORMAT = N_("{unit}, para. {n}")
"""How a paragraph number is added to a unit's citation; tools.js fills in ``{unit}`` and ``{n}``."""

PARAGRAPH_ID = re.compile(r"^(?P<unit>[a-z][a-z0-9-]*?)-p(?P<n>[1-9][0-9]*)$")

_PREAMBLE = N_("preamble")
_QA_INTRO = N_("introduction")
_CLOSING = N_("closing")
_UNIT = N_("{document}, {unit}")
"""A unit's citation: the document (or Q&A) as cited, then the unit."""
_ISSUED = N_("{issued_by}, {title} ({date})")
"""A document (or Q&A) as cited when documents.yml names its issuing body and publication date."""
_DATED = N_("{title} ({date})")
"""A document (or Q&A) as cited when documents.yml gives its publication date but no issuing body."""


@dataclass(frozen=True)
class CitationUnit:
    """A citable unit: its key (paragraph id prefix), citation text and canonical page."""

    key: str
    text: str
    page: str


def split_paragraph_id(paragraph_id: str) -> tuple[str, int]:
    """``a05-p2`` → (``a05``, 2); ``qa-intro-p1`` → (``qa-intro``, 1)."""
    match = PARAGRAPH_ID.match(paragraph_id)
    if match is None:
        raise ValueError(f"not a paragraph id: {paragraph_id!r}")
    return match["unit"], int(match["n"])


def quoted_title(text: str, lang: str | None = None) -> str:
    """A title in the title quotes of ``lang`` (default: the source language's): in Chinese 《》, with the
    titles quoted inside it in 〈〉, as Chinese usage requires."""
    typography = language(lang or languages().source.code).typography
    (outer_open, outer_close), (inner_open, inner_close) = typography.title_quotes, typography.inner_title_quotes
    if inner_open and inner_close:
        text = text.replace(outer_open, inner_open).replace(outer_close, inner_close)
    return outer_open + text + outer_close


class Citations:
    """Citation texts of one document in one language."""

    def __init__(self, document: Document, texts: Texts, urls: DocumentUrls, lang: str, official: Sequence[Publication] = ()) -> None:
        self.document = document
        self.texts = texts
        self.urls = urls
        self.lang = lang
        self.official = {publication.of: publication for publication in official}
        """The official publications (documents.yml ``official:``) by what they publish: opinion, qa."""

    # A derived language's citations are built in the language it is derived from and converted as
    # a whole, so that labels (条 → 條, 导语 → 導語) follow the same character conversion as the text.
    @property
    def _built_in(self) -> str:
        derive = language(self.lang).derive
        return derive.source if derive else self.lang

    def _finish(self, text: str) -> str:
        derive = language(self.lang).derive
        return convert(text, derive.opencc) if derive else text

    def _title(self, segment: Segment) -> str:
        """A title in the citation's language, in its title quotes; an untranslated title stays in the original, quoted."""
        rendering = self.texts.get(segment, self._built_in)
        if rendering.status == "missing":
            return quoted_title(segment.zh)
        return quoted_title(rendering.text, self._built_in)

    @property
    def document_title(self) -> str:
        """《关于…的意见》 / Opinions on …"""
        return self._finish(self._title(self.document.title))

    @property
    def qa_title(self) -> str:
        """The Q&A as it is cited: its descriptive subtitle (…答记者问) when it has one."""
        return self._finish(self._title(self._qa_title_segment))

    def cited(self, of: str) -> str:
        """The document (``of="opinion"``) or its Q&A (``of="qa"``) as a citation names it: its issuing body,
        its title and its publication date when documents.yml gives them, its title alone otherwise."""
        return self._finish(self._cited(of))

    def _cited(self, of: str) -> str:
        """:meth:`cited` in the language the citation is built in (a derived language converts it after)."""
        title = self._title(self.document.title if of == "opinion" else self._qa_title_segment)
        publication = self.official.get(of)
        if publication is None:
            return title
        date = format_date(publication.date, self._built_in)
        issued_by = local_text(publication.issued_by, self._built_in) if publication.issued_by else ""
        # A title that already names its issuer (教育部有关负责人就…答记者问) is cited without it once more.
        if not issued_by or issued_by.casefold() in title.casefold():
            return message(_DATED, self._built_in, title=title, date=date)
        return message(_ISSUED, self._built_in, issued_by=issued_by, title=title, date=date)

    @property
    def _qa_title_segment(self) -> Segment:
        assert self.document.qa is not None
        return self.document.qa.subtitle or self.document.qa.title

    def _unit(self, of: str, unit: str) -> str:
        """A unit's citation: the document or Q&A as cited, then the unit, converted as a whole."""
        return self._finish(message(_UNIT, self._built_in, document=self._cited(of), unit=unit))

    def preamble(self) -> CitationUnit:
        text = self._unit("opinion", message(_PREAMBLE, self._built_in))
        return CitationUnit("pre", text, self.urls.articles_index)

    def part(self, number: int) -> CitationUnit:
        text = self._unit("opinion", part_label(self.document.part(number), self._built_in))
        return CitationUnit(f"part{number}", text, self.urls.part(number))

    def article(self, number: int) -> CitationUnit:
        article = self.document.article(number)
        text = self._unit("opinion", unit_citation(article, self._built_in))
        return CitationUnit(f"a{article.key}", text, self.urls.article(number))

    def closing(self) -> CitationUnit:
        text = self._unit("opinion", message(_CLOSING, self._built_in))
        return CitationUnit("end", text, self.urls.articles_index)

    def qa_intro(self) -> CitationUnit:
        text = self._unit("qa", message(_QA_INTRO, self._built_in))
        return CitationUnit("qa-intro", text, self.urls.qa_index)

    def qa_item(self, number: int) -> CitationUnit:
        text = self._unit("qa", qa_label(number, self._built_in))
        return CitationUnit(f"q{number}", text, self.urls.qa(number))

    def all_units(self) -> list[CitationUnit]:
        """Every unit of the document that holds paragraphs, in reading order."""
        units = [self.preamble()] if self.document.preamble else []
        for part, numbers in self.document.divisions():
            if part is not None and part.intro:
                units.append(self.part(part.number))
            units += [self.article(number) for number in numbers]
        if self.document.closing:
            units.append(self.closing())
        if self.document.qa:
            if self.document.qa.intro:
                units.append(self.qa_intro())
            units += [self.qa_item(item.number) for item in self.document.qa.items]
        return units

    def paragraph(self, paragraph_id: str, base_url: str) -> str:
        """The full citation of one paragraph with its permanent URL (what "copy citation" copies)."""
        key, number = split_paragraph_id(paragraph_id)
        unit = next((unit for unit in self.all_units() if unit.key == key), None)
        if unit is None:
            raise ValueError(f"no citable unit for paragraph {paragraph_id!r}")
        text = message(PARAGRAPH_FORMAT, self.lang, unit=unit.text, n=number)
        return f"{text} {absolute_url(base_url, unit.page, self.lang)}#{paragraph_id}"

