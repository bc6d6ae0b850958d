"""Where each term of the term base occurs: the articles and Q&A items whose Chinese contains it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..document.model import Document, Paragraph, Segment
from ..config.languages import languages
from .terms import Glossary, TermMatcher


class UnitPages(Protocol):
    """The page paths of a document's articles and Q&A items (the renderers' DocumentUrls)."""

    def article(self, number: int) -> str: ...

    def qa(self, number: int) -> str: ...


@dataclass(frozen=True)
class Occurrence:
    """A term occurs in an article or Q&A item of a document."""

    doc: str
    kind: str  # "article" | "qa"
    number: int
    page: str
    """The path of the article's or item's page (links from the glossary page)."""


def _segments(title: Segment | None, paragraphs: tuple[Paragraph, ...], extra: tuple[Segment, ...] = ()) -> list[Segment]:
    segments = [title] if title else []
    segments += list(extra)
    for paragraph in paragraphs:
        segments += list(paragraph.segments)
    return segments


def occurrences(glossary: Glossary, documents: list[tuple[Document, UnitPages]]) -> dict[str, list[Occurrence]]:
    """For every term id, the articles and Q&A items whose Chinese text contains it."""
    matcher = TermMatcher(glossary, languages().source.code)
    found: dict[str, list[Occurrence]] = {term.id: [] for term in glossary.terms}
    for document, urls in documents:
        for article in document.articles:
            text = "".join(segment.zh for segment in _segments(article.title, article.paragraphs))
            for term in matcher.terms_in(text):
                found[term.id].append(Occurrence(document.slug, "article", article.number, urls.article(article.number)))
        if document.qa:
            for item in document.qa.items:
                text = "".join(segment.zh for segment in _segments(item.question, item.answer))
                for term in matcher.terms_in(text):
                    found[term.id].append(Occurrence(document.slug, "qa", item.number, urls.qa(item.number)))
    return found
