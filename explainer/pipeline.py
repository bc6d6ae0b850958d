"""From the sources of truth to everything a site needs, without MkDocs.

``prepare`` parses every document, loads its translations, and renders the
Markdown pages, navigation and data exports of every language. The MkDocs
layer (:mod:`explainer.site`) only writes and builds what this returns.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .export import document_export, documents_index
from .files import write_atomic
from .i18n import labels
from .model import LANGUAGES, Document
from .parse import parse_file
from .project import DocumentConfig, Project, load_project
from .render import DocumentRenderer, NavItem, Page, PageExtras
from .translations import Texts, load_texts
from .urls import HOME_PAGE


class _Timer(Protocol):
    def measure(self, stage: str, action: Callable[[], Any]) -> Any: ...


@dataclass
class LoadedDocument:
    config: DocumentConfig
    document: Document
    texts: Texts


@dataclass
class SiteContent:
    """Everything rendered for a site: pages and nav per language, data exports."""

    project: Project
    documents: list[LoadedDocument]
    pages: dict[str, dict[str, str]] = field(default_factory=dict)
    nav: dict[str, list[NavItem]] = field(default_factory=dict)
    exports: dict[str, str] = field(default_factory=dict)
    build_files: dict[str, str] = field(default_factory=dict)
    """Auxiliary files for the builder (e.g. the search segmenter's user dictionary)."""

    def write_exports(self, site_dir: Path) -> None:
        for relative_path, text in self.exports.items():
            write_atomic(site_dir / relative_path, text)


def load_documents(project: Project) -> list[LoadedDocument]:
    loaded = []
    for config in project.documents:
        document = parse_file(config.source, config.slug)
        loaded.append(LoadedDocument(config, document, load_texts(project.root, document)))
    return loaded


def prepare(root: Path, timer: _Timer) -> SiteContent:
    project = load_project(root)
    documents = timer.measure("parse", lambda: load_documents(project))
    content = SiteContent(project, documents)
    timer.measure("render", lambda: _render(content))
    return content


def _render(content: SiteContent) -> None:
    for lang in LANGUAGES:
        pages: dict[str, Page] = {}
        nav: list[NavItem] = [NavItem(labels(lang)["home"], HOME_PAGE)]
        for loaded in content.documents:
            renderer = DocumentRenderer(loaded.document, loaded.config, loaded.texts, lang, PageExtras())
            for page in renderer.pages():
                pages[page.path] = page
            document_nav = renderer.nav()
            if loaded.config.is_default:
                nav += document_nav
            else:
                title = loaded.config.short_title.get(lang) or renderer.plain(loaded.document.title)
                nav.append(NavItem(title, loaded.config.prefix + HOME_PAGE, tuple(document_nav)))
        content.pages[lang] = {path: page.markdown for path, page in pages.items()}
        content.nav[lang] = nav
    exports = {f"data/{loaded.config.slug}.json": document_export(loaded.document, loaded.config, loaded.texts) for loaded in content.documents}
    exports["data/documents.json"] = documents_index([(loaded.document, loaded.config) for loaded in content.documents])
    content.exports = {path: _json(data) for path, data in exports.items()}


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
