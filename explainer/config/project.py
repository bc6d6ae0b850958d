"""The project configuration: ``documents.yml`` lists the documents of the site.

::

    documents:
      - slug: vocational-education-2021     # URL-safe, unique; the first document is served at the site root
        source: sources/vocational-education-2021.txt
        short_title: {zh-Hans: 职业教育意见, en: Vocational Education Opinions}
        about:                              # home page text, paragraphs per language
          zh-Hans: [...]
          en: [...]
        home:                               # what the home page leads with (all optional; see HomeConfig)
          summary: {zh-Hans: ..., en: ...}  # what the document is and why it matters, two sentences
          targets:                          # its dated goals, each linked to the sentence that sets it
            - {year: 2025, zh-Hans: ..., en: ...}
          parts:                            # one line per part, by number
            1: {zh-Hans: ..., en: ...}
          programmes: [double-high-plan, vocational-gaokao]   # glossary term ids: one card each
        official:                           # where the Chinese text is officially published (shown on translated pages)
          - of: opinion                     # opinion: the document itself; qa: its press Q&A
            issued_by: {zh-Hans: 中共中央办公厅、国务院办公厅, en: General Office of …}   # names, as cited
            publisher: {zh-Hans: 新华社, en: Xinhua News Agency}
            date: "2021-10-12"
            url: https://www.news.cn/
        translated: {en: "2026-11-30"}      # date of the reviewed translation, per language
    languages: [zh-Hans, en, zh-Hant]       # optional: the published languages (see explainer/config/languages.py)

Texts per language: a derived language (Traditional) converts its source's when absent;
a translated one not written yet shows the source language's, marked as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..common.errors import InputError
from ..common.yamlfile import load_yaml, reject_unknown_keys
from .languages import Languages, load_languages, use_languages

FILE_KEYS = ("languages", "documents")
DOCUMENT_KEYS = ("slug", "source", "short_title", "about")
"""The keys of documents.yml, the only place they are listed: a key not here is an error that
suggests the nearest (add a new key here, then read it in _document)."""

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CONFIG_FILE = "documents.yml"
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
URL_RE = re.compile(r"^https?://[^\s()<>\"'\\]+$")
PUBLICATION_KINDS = ("opinion", "qa")


@dataclass(frozen=True)
class Publication:
    """An official publication of the Chinese text: the document itself or its Q&A."""

    of: str
    publisher: dict[str, str]
    issued_by: dict[str, str]
    date: str
    url: str


DOCUMENT_KEYS = ("slug", "source", "short_title", "about", "home", "official", "translated")
"""The keys of a document's entry in documents.yml (the one list of them)."""

HOME_KEYS = ("summary", "targets", "parts", "programmes")
"""The keys of a document's ``home`` entry."""


@dataclass(frozen=True)
class Target:
    """A dated goal of the document, in the languages it is written in."""

    year: int
    texts: dict[str, str]


@dataclass(frozen=True)
class HomeConfig:
    """Hand-written content of a document's home page; each part falls back to one generated from the model."""

    summary: dict[str, str] = field(default_factory=dict)
    targets: tuple[Target, ...] = ()
    parts: dict[int, dict[str, str]] = field(default_factory=dict)
    programmes: tuple[str, ...] = ()
    programme_lines: tuple[int, ...] = ()
    """documents.yml line of each programme, for the error naming an unknown term."""
    path: str = CONFIG_FILE


@dataclass(frozen=True)
class DocumentConfig:
    slug: str
    source: Path
    short_title: dict[str, str] = field(default_factory=dict)
    about: dict[str, tuple[str, ...]] = field(default_factory=dict)
    is_default: bool = False
    home: HomeConfig = field(default_factory=HomeConfig)
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
    reject_unknown_keys(path, data, FILE_KEYS)
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
    reject_unknown_keys(path, entry, DOCUMENT_KEYS, "document")
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
        home=_home(path, entry.get("home"), entry.line_of("home") if hasattr(entry, "line_of") else line),
        official=_publications(path, entry),
        translated={str(k): v for k, v in translated.items()},
    )


def _texts(path: Path, value: object, line: int, what: str) -> dict[str, str]:
    """A mapping of languages to strings, or the error naming ``what`` it should have been."""
    if not isinstance(value, dict) or not value or not all(isinstance(text, str) and text.strip() for text in value.values()):
        raise InputError(str(path), line, f"{what} must map languages to text, found {_shown(value)}")
    return {str(lang): text.strip() for lang, text in value.items()}


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _home(path: Path, home: object, line: int) -> HomeConfig:
    """Validate a document's ``home`` entry (see :class:`HomeConfig`)."""
    if home is None:
        return HomeConfig(path=str(path))
    if not isinstance(home, dict):
        raise InputError(str(path), line, f"'home' must be a mapping of {', '.join(HOME_KEYS)}, found {_shown(home)}")
    lines = getattr(home, "lines", {})
    for key in home:
        if key not in HOME_KEYS:
            raise InputError(str(path), getattr(home, "key_line", lambda _k: line)(key), f"unknown key '{key}' in 'home': expected one of {', '.join(HOME_KEYS)}")
    summary = _texts(path, home["summary"], lines.get("summary", line), "'home: summary'") if "summary" in home else {}
    targets = []
    raw_targets = home.get("targets") or []
    if not isinstance(raw_targets, list):
        raise InputError(str(path), lines.get("targets", line), f"'home: targets' must be a list, found {_shown(raw_targets)}")
    for index, target in enumerate(raw_targets):
        target_line = raw_targets.lines[index] if hasattr(raw_targets, "lines") else line
        if not isinstance(target, dict) or not isinstance(target.get("year"), int):
            raise InputError(str(path), target_line, f"each target must have a 'year' (a number) and its text per language, found {_shown(target)}")
        texts = {key: value for key, value in target.items() if key != "year"}
        targets.append(Target(target["year"], _texts(path, texts, target_line, "a target")))
    parts: dict[int, dict[str, str]] = {}
    raw_parts = home.get("parts") or {}
    if not isinstance(raw_parts, dict):
        raise InputError(str(path), lines.get("parts", line), f"'home: parts' must map part numbers to text, found {_shown(raw_parts)}")
    for number, texts in raw_parts.items():
        part_line = getattr(raw_parts, "lines", {}).get(str(number), line)
        if not isinstance(number, int) or number < 1:
            raise InputError(str(path), part_line, f"'home: parts' must be keyed by part number, found {_shown(number)}")
        parts[number] = _texts(path, texts, part_line, f"part {number}")
    programmes = home.get("programmes") or []
    if not isinstance(programmes, list) or not all(isinstance(term, str) for term in programmes):
        raise InputError(str(path), lines.get("programmes", line), f"'home: programmes' must be a list of glossary term ids, found {_shown(programmes)}")
    programme_lines = tuple(programmes.lines) if hasattr(programmes, "lines") else tuple(line for _ in programmes)
    return HomeConfig(summary, tuple(targets), parts, tuple(programmes), programme_lines, str(path))


def _names(path: Path, item: dict, key: str, required: bool) -> dict[str, str]:
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
        publications.append(Publication(item["of"], _names(path, item, "publisher", True), _names(path, item, "issued_by", False), date, url))
    return tuple(publications)
