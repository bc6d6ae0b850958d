"""The project configuration: ``documents.yml`` lists the documents of the site.

::

    documents:
      - slug: vocational-education-2021     # URL-safe, unique; the first document is served at the site root
        source: sources/vocational-education-2021.txt
        short_title: {zh-Hans: 职业教育意见, en: Vocational Education Opinions}
        about:                              # home page text, paragraphs per language
          zh-Hans: [...]
          en: [...]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..common.errors import InputError
from ..common.yamlfile import load_yaml

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CONFIG_FILE = "documents.yml"


@dataclass(frozen=True)
class DocumentConfig:
    slug: str
    source: Path
    short_title: dict[str, str] = field(default_factory=dict)
    about: dict[str, tuple[str, ...]] = field(default_factory=dict)
    is_default: bool = False

    @property
    def prefix(self) -> str:
        """Path prefix of the document's pages: '' for the default, 'slug/' otherwise."""
        return "" if self.is_default else f"{self.slug}/"


@dataclass(frozen=True)
class Project:
    root: Path
    documents: tuple[DocumentConfig, ...]

    @property
    def default(self) -> DocumentConfig:
        return self.documents[0]


def load_project(root: Path, config_file: str = CONFIG_FILE) -> Project:
    """Load and validate ``documents.yml``; errors name the file and line."""
    path = root / config_file
    data = load_yaml(path, missing="the list of documents")
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list) or not data["documents"]:
        raise InputError(str(path), 1, "expected 'documents:' with a list of at least one document")
    lines = data["documents"].lines
    documents: list[DocumentConfig] = []
    for index, (entry, line) in enumerate(zip(data["documents"], lines)):
        documents.append(_document(root, path, entry, line, is_default=index == 0))
    slugs = [document.slug for document in documents]
    for document, line in zip(documents, lines):
        if slugs.count(document.slug) > 1:
            raise InputError(str(path), line, f"slug '{document.slug}' is used twice: slugs must be unique")
        if document.slug in RESERVED_SLUGS:
            raise InputError(str(path), line, f"slug '{document.slug}' is reserved for a site section: choose another")
    return Project(root, tuple(documents))


RESERVED_SLUGS = frozenset({"en", "zh-hant", "glossary", "data", "assets", "articles", "parts", "qa", "search", "print", "parallel", "pagefind"})
"""Folders the site root already uses (pages of the default document, search bundle, exports)."""


def _document(root: Path, path: Path, entry: object, line: int, is_default: bool) -> DocumentConfig:
    if not isinstance(entry, dict):
        raise InputError(str(path), line, "each document must be a mapping with 'slug' and 'source'")
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
    return DocumentConfig(
        slug=slug,
        source=root / source,
        short_title={str(k): v for k, v in short_title.items()},
        about={str(k): tuple(v) for k, v in about.items()},
        is_default=is_default,
    )
