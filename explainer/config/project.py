"""The project configuration: ``documents.yml`` lists the documents of the site.

::

    documents:
      - slug: vocational-education-2021     # URL-safe, unique; the first document is served at the site root
        source: sources/vocational-education-2021.txt
        short_title: {zh-Hans: 职业教育意见, en: Vocational Education Opinions}
        about:                              # home page text, paragraphs per language
          zh-Hans: [...]
          en: [...]
        official:                           # where the Chinese text is officially published (shown on translated pages)
          - of: opinion                     # opinion: the document itself; qa: its press Q&A
            issued_by: {zh-Hans: 中共中央办公厅、国务院办公厅, en: the General Office of …}
            publisher: {zh-Hans: 新华社, en: Xinhua News Agency}
            date: 2021-10-12
            url: https://www.news.cn/
        translated: {en: 2026-11-30}        # date of the reviewed translation, per language
    languages: [zh-Hans, en, zh-Hant]       # optional: the published languages (see explainer/config/languages.py)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..common.errors import InputError
from ..common.yamlfile import load_yaml
from .languages import Languages, load_languages, use_languages

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CONFIG_FILE = "documents.yml"
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
URL_RE = re.compile(r"^https?://[^\s()<>\"'\\]+$")
DOCUMENT_KEYS = frozenset({"slug", "source", "short_title", "about", "official", "translated"})
"""Every key a document entry of documents.yml may have: the one list the loader checks against."""
PUBLICATION_KINDS = ("opinion", "qa")


@dataclass(frozen=True)
class Publication:
    """An official publication of the Chinese text: the document itself or its Q&A."""

    of: str
    publisher: dict[str, str]
    issued_by: dict[str, str]
    date: str
    url: str


@dataclass(frozen=True)
class DocumentConfig:
    slug: str
    source: Path
    short_title: dict[str, str] = field(default_factory=dict)
    about: dict[str, tuple[str, ...]] = field(default_factory=dict)
    is_default: bool = False
    official: tuple[Publication, ...] = ()
    translated: dict[str, str] = field(default_factory=dict)

    @property
    def prefix(self) -> str:
        """Path prefix of the document's pages: '' for the default, 'slug/' otherwise."""
        return "" if self.is_default else f"{self.slug}/"


@dataclass(frozen=True)
class Project:
    root: Path
    documents: tuple[DocumentConfig, ...]
    languages: Languages

    @property
    def default(self) -> DocumentConfig:
        return self.documents[0]


def load_project(root: Path, config_file: str = CONFIG_FILE) -> Project:
    """Load and validate ``documents.yml``; errors name the file and line.

    Its languages become the registry in use (:func:`~explainer.config.languages.languages`).
    """
    path = root / config_file
    data = load_yaml(path, missing="the list of documents")
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list) or not data["documents"]:
        raise InputError(str(path), 1, "expected 'documents:' with a list of at least one document")
    registry = load_languages(path, data.get("languages"))
    lines = data["documents"].lines
    documents: list[DocumentConfig] = []
    for index, (entry, line) in enumerate(zip(data["documents"], lines)):
        documents.append(_document(root, path, entry, line, is_default=index == 0))
    slugs = [document.slug for document in documents]
    for document, line in zip(documents, lines):
        if slugs.count(document.slug) > 1:
            raise InputError(str(path), line, f"slug '{document.slug}' is used twice: slugs must be unique")
        if document.slug in RESERVED_SLUGS or document.slug in {code.lower() for code in registry.codes}:
            raise InputError(str(path), line, f"slug '{document.slug}' is reserved for a site section: choose another")
    use_languages(registry)
    return Project(root, tuple(documents), registry)


RESERVED_SLUGS = frozenset({"glossary", "data", "assets", "articles", "parts", "qa", "search", "print", "parallel", "pagefind"})
"""Folders the site root already uses (pages of the default document, search bundle, exports); the
language folders (en/, zh-hant/ …) are reserved too."""


def _document(root: Path, path: Path, entry: object, line: int, is_default: bool) -> DocumentConfig:
    if not isinstance(entry, dict):
        raise InputError(str(path), line, "each document must be a mapping with 'slug' and 'source'")
    for key in entry:
        if key not in DOCUMENT_KEYS:
            raise InputError(str(path), entry.key_line(key), f"unknown key '{key}': expected one of {', '.join(sorted(DOCUMENT_KEYS))}")
    slug = entry.get("slug")
    if not isinstance(slug, str) or not SLUG_RE.match(slug):
        raise InputError(str(path), line, f"'slug' must be lowercase letters, digits and hyphens, found '{slug}'")
    source = entry.get("source")
    if not isinstance(source, str) or not (root / source).is_file():
        raise InputError(str(path), line, f"'source' must name an existing text file, found '{source}'")
    short_title = entry.get("short_title") or {}
    about = entry.get("about") or {}
    if not isinstance(short_title, dict) or not all(isinstance(v, str) for v in short_title.values()):
        raise InputError(str(path), line, "'short_title' must map languages to strings")
    if not isinstance(about, dict) or not all(isinstance(v, list) and all(isinstance(p, str) for p in v) for v in about.values()):
        raise InputError(str(path), line, "'about' must map languages to lists of paragraphs")
    translated = entry.get("translated") or {}
    if not isinstance(translated, dict) or not all(isinstance(v, str) and DATE_RE.match(v) for v in translated.values()):
        raise InputError(str(path), entry.line_of("translated"), "'translated' must map languages to dates (YYYY-MM-DD)")
    return DocumentConfig(
        slug=slug,
        source=root / source,
        short_title={str(k): v for k, v in short_title.items()},
        about={str(k): tuple(v) for k, v in about.items()},
        is_default=is_default,
        official=_publications(path, entry),
        translated={str(k): v for k, v in translated.items()},
    )


def _texts(path: Path, item: dict, key: str, required: bool) -> dict[str, str]:
    value = item.get(key)
    if value is None and not required:
        return {}
    if not isinstance(value, dict) or not value or not all(isinstance(v, str) and v.strip() for v in value.values()):
        raise InputError(str(path), item.line_of(key), f"'{key}' must map languages to text")
    return {str(k): v.strip() for k, v in value.items()}


def _publications(path: Path, entry: dict) -> tuple[Publication, ...]:
    """The official publications of the Chinese text; each needs a date and a web address (http or https)."""
    items = entry.get("official") or []
    if not isinstance(items, list):
        raise InputError(str(path), entry.line_of("official"), "'official' must be a list of publications")
    publications = []
    for item in items:
        if not isinstance(item, dict):
            raise InputError(str(path), entry.line_of("official"), "each publication must be a mapping with of, publisher, date and url")
        if item.get("of") not in PUBLICATION_KINDS:
            raise InputError(str(path), item.line_of("of"), f"'of' must be one of {', '.join(PUBLICATION_KINDS)}, found {item.get('of')!r}")
        date, url = item.get("date"), item.get("url")
        if not isinstance(date, str) or not DATE_RE.match(date):
            raise InputError(str(path), item.line_of("date"), f"'date' must be a date written YYYY-MM-DD in quotes, found {date!r}")
        if not isinstance(url, str) or not URL_RE.match(url):
            raise InputError(str(path), item.line_of("url"), f"'url' must be an http(s) address without spaces or quotes, found {url!r}")
        publications.append(Publication(item["of"], _texts(path, item, "publisher", True), _texts(path, item, "issued_by", False), date, url))
    return tuple(publications)
