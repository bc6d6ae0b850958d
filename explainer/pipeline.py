"""From the sources of truth to everything a site needs, without MkDocs.

``prepare`` parses every document, loads its translations, and renders the
Markdown pages, navigation and data exports of every language. The MkDocs
layer (:mod:`explainer.backend`) only writes and builds what this returns.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .align.aligner import Alignment, align_document
from .render.crosslinks import add_crosslinks
from .export.data import document_export, documents_index
from .common.files import write_atomic
from .glossary.terms import Glossary, load_glossary
from .glossary.exports import glossary_csv, glossary_json, glossary_tbx
from .glossary.occurrences import occurrences
from .render.glossary import glossary_page, occurrence_titles, terms_by_page, terms_used_block
from .render.document_home import home_page
from .render.i18n import labels
from .translation.conversion import OVERRIDES_FILE, use_conversion_table
from .document.model import Document
from .document.parse import parse_file
from .render.qr import use_disk_cache
from .config.project import DocumentConfig, Project, load_project
from .config.site import site_url
from .render.pages import DocumentRenderer, NavItem, Page, PageExtras
from .render.home import HostedDocument, nav_section, qualified_titles, short_title, site_home
from .render.search_aliases import SearchAliases, aliases_path
from .export.sitemap import sitemap_files
from .render.views import TeachingTools
from .translation.catalog import Texts, load_texts
from .render.urls import GLOSSARY_PAGE, HOME_PAGE, DocumentUrls, lang_prefix

GLOSSARY_FILE = "glossary/terms.yml"


class _Timer(Protocol):
    def measure(self, stage: str, action: Callable[[], Any]) -> Any: ...


@dataclass
class LoadedDocument:
    config: DocumentConfig
    document: Document
    texts: Texts
    alignment: Alignment


@dataclass
class SiteContent:
    """Everything rendered for a site: pages and nav per language, data exports."""

    project: Project
    documents: list[LoadedDocument]
    glossary: Glossary
    pages: dict[str, dict[str, str]] = field(default_factory=dict)
    nav: dict[str, list[NavItem]] = field(default_factory=dict)
    exports: dict[str, str] = field(default_factory=dict)
    base_url: str = ""
    """The site's public URL (site_url): permanent links, citations, QR codes, sitemap."""

    def write_exports(self, site_dir: Path) -> None:
        for relative_path, text in self.exports.items():
            write_atomic(site_dir / relative_path, text)


def load_documents(project: Project) -> list[LoadedDocument]:
    loaded = []
    for config in project.documents:
        document = parse_file(config.source, config.slug)
        loaded.append(LoadedDocument(config, document, load_texts(project.root, document), align_document(document) if document.has_text else Alignment()))
    return loaded


def prepare(root: Path, timer: _Timer) -> SiteContent:
    project = load_project(root)
    use_conversion_table(root / OVERRIDES_FILE)
    use_disk_cache(root / ".build" / "qr-cache")
    documents = timer.measure("parse", lambda: load_documents(project))
    glossary = timer.measure("glossary", lambda: load_glossary(str(root / GLOSSARY_FILE)))
    content = SiteContent(project, documents, glossary, base_url=site_url(root))
    timer.measure("render", lambda: _render(content))
    return content


def _render(content: SiteContent) -> None:
    glossary = content.glossary
    found = occurrences(glossary, [(loaded.document, DocumentUrls(loaded.config.prefix, loaded.document)) for loaded in content.documents])
    used = terms_by_page(found, glossary)
    site_files: dict[str, str] = {}
    for lang in content.project.languages.codes:
        pages: dict[str, Page] = {}
        nav: list[NavItem] = [NavItem(labels(lang)["home"], HOME_PAGE)]
        titles: dict[tuple[str, str, int], str] = {}
        aliases = SearchAliases(lang)
        aliases.add_glossary(glossary)
        for loaded in content.documents:
            extras = PageExtras()
            for page_path, terms in used.items():
                if page_path.startswith(loaded.config.prefix):
                    extras.add(page_path, terms_used_block(page_path, terms, lang, ""))
            urls = DocumentUrls(loaded.config.prefix, loaded.document)
            add_crosslinks(extras, loaded.document, loaded.alignment, urls, loaded.texts, lang)
            teaching = TeachingTools(loaded.document, loaded.config, loaded.texts, lang, content.base_url)
            teaching.add_to(extras)
            renderer = DocumentRenderer(loaded.document, loaded.config, loaded.texts, lang, extras)
            for page in [home_page(renderer, loaded.alignment, glossary), *renderer.pages(), *teaching.pages()]:
                pages[page.path] = page
            site_files |= teaching.files()
            aliases.add_document(loaded.document, urls, _page_titles(loaded.document, renderer))
            document_titles = occurrence_titles(loaded.document, lang, renderer.plain)
            document_nav = renderer.nav()
            if len(content.documents) == 1:
                nav += document_nav
            else:
                # Several documents: each has a section, and glossary back-links name their document.
                title = short_title(loaded.config, loaded.document, loaded.texts, lang)
                nav.append(nav_section(loaded.config, title, document_nav))
                document_titles = qualified_titles(document_titles, title)
            titles |= document_titles
        if len(content.documents) > 1:
            hosted = [HostedDocument(loaded.document, loaded.config, loaded.texts) for loaded in content.documents]
            pages[HOME_PAGE] = site_home(hosted, lang)
        glossary_markdown = glossary_page(glossary, found, titles, lang, lang_prefix(lang))
        pages[GLOSSARY_PAGE] = Page(GLOSSARY_PAGE, glossary_markdown, labels(lang)["glossary"])
        nav.append(NavItem(labels(lang)["glossary"], GLOSSARY_PAGE))
        site_files[aliases_path(lang)] = aliases.json()
        content.pages[lang] = {path: page.markdown for path, page in pages.items()}
        content.nav[lang] = nav
    exports: dict[str, Any] = {
        f"data/{loaded.config.slug}.json": document_export(loaded.document, loaded.config, loaded.texts, alignment=loaded.alignment)
        for loaded in content.documents
    }
    exports["data/documents.json"] = documents_index([(loaded.document, loaded.config) for loaded in content.documents])
    exports["data/glossary.json"] = glossary_json(glossary, found)
    content.exports = {path: _json(data) for path, data in exports.items()}
    content.exports["data/glossary.csv"] = glossary_csv(glossary)
    content.exports["data/glossary.tbx"] = glossary_tbx(glossary)
    content.exports |= site_files | sitemap_files(content.pages, content.base_url)


def _page_titles(document: Document, renderer: DocumentRenderer) -> dict[tuple[str, int], str]:
    """The titles of a document's parts, articles and Q&A items in the renderer's language, for search."""
    titles = {("part", part.number): renderer.part_title(part) for part in document.parts}
    titles |= {("article", article.number): renderer.article_title(article) for article in document.articles}
    if document.qa:
        titles |= {("qa", item.number): renderer.qa_title(item) for item in document.qa.items}
    return titles


JSON_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
"""The same JSON, without the characters of markup: safe even where a page inlines or mis-serves it."""


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1).translate(JSON_HTML_SAFE) + "\n"
