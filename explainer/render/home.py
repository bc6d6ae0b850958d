"""The site home of a site hosting several documents, and their navigation sections.

With one document, that document's home is the site home (``index.md``). With
several, ``index.md`` lists every document: its title, issuers, issuing number,
what it is about and its contents. The default document keeps all its URLs at
the site root, including ``/`` itself, which now opens on this list with the
default document first; the others live under ``/<slug>/`` with a home of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import markup
from ..config.languages import language, languages
from .i18n import N_, labelled, labels, message
from ..translation.conversion import convert
from ..document.model import Document, Segment
from ..config.project import DocumentConfig
from .pages import DocumentRenderer, NavItem, Page, about_paragraphs, issuer_lines, status_notices
from ..translation.catalog import Texts
from .urls import HOME_PAGE, DocumentUrls, relative

INTRO = N_(
    "This site presents {count} policy documents, article by article, with the press Q&As that explain them. "
    "Every part, article and question has a permanent link built from its number; terms of art link to the Chinese–English glossary."
)


@dataclass(frozen=True)
class HostedDocument:
    """One document of the site with what it needs to be listed."""

    document: Document
    config: DocumentConfig
    texts: Texts


def short_title(config: DocumentConfig, document: Document, texts: Texts, lang: str) -> str:
    """The document's short title in ``lang`` (documents.yml), else its full title in ``lang``.

    A derived language converts the short title of the language it is derived from; a document
    without a translation yet is named by its short title in the source language.
    """
    chinese = config.short_title.get(languages().source.code, "")
    if config.short_title.get(lang):
        return config.short_title[lang]
    derive = language(lang).derive
    if derive is not None and config.short_title.get(derive.source):
        return convert(config.short_title[derive.source], derive.opencc)
    title = texts.get(document.title, lang)
    return chinese if chinese and title.status == "missing" else title.text


def nav_section(config: DocumentConfig, title: str, items: list[NavItem]) -> NavItem:
    """A document's navigation section on a site with several documents.

    The default document's home is the site home, so its section opens on its full text.
    """
    if not config.is_default:
        return NavItem(title, config.prefix + HOME_PAGE, tuple(items))
    full_text, *rest = items
    return NavItem(title, full_text.path, (*full_text.children, *rest))


def qualified_titles(titles: dict[tuple[str, str, int], str], prefix: str) -> dict[tuple[str, str, int], str]:
    """Glossary back-link titles naming their document, for sites with several documents."""
    return {key: f"{prefix} · {title}" for key, title in titles.items()}


class _SiteHome:
    def __init__(self, hosted: Sequence[HostedDocument], lang: str) -> None:
        self.hosted = hosted
        self.lang = lang
        self.labels = labels(lang)
        self.statuses: set[str] = set()

    def plain(self, texts: Texts, segment: Segment) -> str:
        rendering = texts.get(segment, self.lang)
        self.statuses.add(rendering.status)
        return rendering.text

    def page(self) -> Page:
        title = self.labels["site_name"]
        intro = self._intro()
        blocks = [self._document(item) for item in self.hosted]  # first: they collect the statuses for the notices
        body = [f"# {markup.text(title)} {{ #top }}", "", self._notices(), markup.text(intro), "", *blocks]
        return Page(HOME_PAGE, markup.front_matter(title=title, description=intro[:150]) + "\n".join(body), title)

    def _intro(self) -> str:
        return message(INTRO, self.lang, count=len(self.hosted))

    def _document(self, item: HostedDocument) -> str:
        document, config, texts = item.document, item.config, item.texts
        urls = DocumentUrls(config.prefix)
        renderer = DocumentRenderer(document, config, texts, self.lang)
        target = urls.articles_index if config.is_default else urls.home
        heading = markup.link(self.plain(texts, document.title), relative(HOME_PAGE, target))
        lines = [f"## {heading} {{ #doc-{config.slug} }}", ""]
        lines += issuer_lines(document, lambda segment: self.plain(texts, segment), self.lang)
        about, about_lang = self._about(config)
        # The default document's home is this page: all of its description stays here.
        for paragraph in about if config.is_default else about[:1]:
            lines += [markup.text(paragraph), *([f'{{: lang="{about_lang}" }}'] if about_lang else []), ""]
        lines.append(f"- {markup.link(self.labels['full_text'], relative(HOME_PAGE, urls.articles_index))}")
        for part in document.parts:
            self.plain(texts, part.title)
            lines.append(f"    - {markup.link(renderer.part_title(part), relative(HOME_PAGE, urls.part(part.number)))}")
        if document.qa:
            lines.append(f"- {markup.link(self.plain(texts, document.qa.title), relative(HOME_PAGE, urls.qa_index))}")
        lines.append("")
        return "\n".join(lines)

    def _about(self, config: DocumentConfig) -> tuple[Sequence[str], str]:
        about, about_lang = about_paragraphs(config, self.lang)
        if about_lang:
            self.statuses.add("missing")
        return about, about_lang

    def _notices(self) -> str:
        """Notices for every translation status other than reviewed met while rendering the blocks."""
        return status_notices(self.statuses, self.lang)


def site_home(hosted: Sequence[HostedDocument], lang: str) -> Page:
    """The home page listing every document of the site, in ``lang``."""
    return _SiteHome(hosted, lang).page()
