"""Permanent page paths, built from numbers only (never from titles).

A document's pages sit at ``articles/NN/``, ``parts/N/``, ``qa/N/`` below the
document prefix ('' for the default document, ``slug/`` for the others), and
below the language prefix ('' for zh-Hans, ``en/``, ``zh-Hant/``).
"""

from __future__ import annotations

import posixpath

from ..config.languages import languages
from ..document.model import article_key

GLOSSARY_PAGE = "glossary/index.md"
HOME_PAGE = "index.md"


def lang_prefix(lang: str) -> str:
    return languages().prefix(lang)


class DocumentUrls:
    """Markdown source paths (docs-relative) of one document's pages."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    @property
    def home(self) -> str:
        return f"{self.prefix}index.md"

    @property
    def articles_index(self) -> str:
        return f"{self.prefix}articles/index.md"

    @property
    def qa_index(self) -> str:
        return f"{self.prefix}qa/index.md"

    def article(self, number: int) -> str:
        return f"{self.prefix}articles/{article_key(number)}/index.md"

    def part(self, number: int) -> str:
        return f"{self.prefix}parts/{number}/index.md"

    def qa(self, number: int) -> str:
        return f"{self.prefix}qa/{number}/index.md"

    # Side-by-side (Chinese beside English) and printable pages mirror the page
    # they present below ``parallel/`` and ``print/`` (reserved slugs), so that
    # their URLs too are built from numbers only.

    @property
    def parallel_document(self) -> str:
        """The whole document side by side, for printing."""
        return f"{self.prefix}parallel/index.md"

    def parallel_article(self, number: int) -> str:
        return f"{self.prefix}parallel/articles/{article_key(number)}/index.md"

    def parallel_qa(self, number: int) -> str:
        return f"{self.prefix}parallel/qa/{number}/index.md"

    @property
    def print_document(self) -> str:
        """The full text in one language on one printable page."""
        return f"{self.prefix}print/index.md"


def qr_image(page: str) -> str:
    """The QR code beside a page: ``articles/05/index.md`` → ``articles/05/qr.svg``."""
    return page.removesuffix("index.md") + "qr.svg"


def absolute_url(base_url: str, page: str, lang: str) -> str:
    """The permanent public URL of a page: site_url + language prefix + path."""
    return base_url.rstrip("/") + site_path(page, lang)


def site_path(page: str, lang: str) -> str:
    """``articles/05/index.md`` → ``/en/articles/05/`` (site-relative, starts with /)."""
    directory = page[: -len("index.md")] if page.endswith("index.md") else page.removesuffix(".md") + "/"
    return "/" + lang_prefix(lang) + directory


def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative Markdown link from one docs page to another (MkDocs validates these)."""
    start = posixpath.dirname(from_page) or "."
    link = posixpath.relpath(to_page, start)
    return link + (f"#{anchor}" if anchor else "")


def served_relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative URL between pages as served with directory URLs, for raw HTML (MkDocs rewrites only Markdown links)."""
    target = relative(from_page, to_page).removesuffix("index.md") or "./"
    return target + (f"#{anchor}" if anchor else "")
