"""Golden Markdown pages and data exports, taken from the MkDocs-free pipeline.

The safety net of refactorings: one page of every kind in every language (full
Markdown, so a failure shows the diff), the data exports in full, and a manifest
with a digest of every page and every generated file, so that a change anywhere
names the page it touched. ``pytest --update`` rewrites them after an intended
change (say so in the commit message).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from explainer.pipeline import SiteContent, prepare

from test_multi import assemble

ROOT = Path(__file__).resolve().parent.parent

REPRESENTATIVES = {
    "index.md": "index.md",
    "articles/index.md": "articles/index.md",
    "articles/N/index.md": "articles/05/index.md",
    "parts/N/index.md": "parts/2/index.md",
    "qa/index.md": "qa/index.md",
    "qa/N/index.md": "qa/3/index.md",
    "parallel/index.md": "parallel/index.md",
    "parallel/articles/N/index.md": "parallel/articles/05/index.md",
    "parallel/qa/N/index.md": "parallel/qa/3/index.md",
    "print/index.md": "print/index.md",
    "glossary/index.md": "glossary/index.md",
}
"""The page of each kind kept in full: kinds are page paths with their numbers replaced by N."""

TEXT_EXPORTS = ("json", "csv", "tbx", "xml", "txt")


class _NoTimer:
    def measure(self, stage: str, action: Callable[[], Any]) -> Any:
        return action()


@pytest.fixture(scope="module")
def content() -> SiteContent:
    return prepare(ROOT, _NoTimer())


def page_kind(path: str) -> str:
    return re.sub(r"/\d+/", "/N/", path)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def manifest(content: SiteContent) -> str:
    lines = [f"{lang} {path} {digest(markdown)}" for lang, pages in content.pages.items() for path, markdown in sorted(pages.items())]
    lines += [f"export {path} {digest(text)}" for path, text in sorted(content.exports.items())]
    return "\n".join(lines) + "\n"


def test_every_page_kind_has_a_golden_page(content: SiteContent) -> None:
    for lang, pages in content.pages.items():
        assert {page_kind(path) for path in pages} == set(REPRESENTATIVES), lang


def test_pages_of_every_kind_match_golden(content: SiteContent, golden) -> None:  # type: ignore[no-untyped-def]
    for lang, pages in content.pages.items():
        for path in REPRESENTATIVES.values():
            golden(f"pages/{lang}/{path}", pages[path])


def test_text_exports_match_golden(content: SiteContent, golden) -> None:  # type: ignore[no-untyped-def]
    for path, text in sorted(content.exports.items()):
        if path.rsplit(".", 1)[-1] in TEXT_EXPORTS:
            golden(f"exports/{path}", text)


def test_every_page_and_file_matches_the_manifest(content: SiteContent, golden) -> None:  # type: ignore[no-untyped-def]
    golden("pages/manifest.txt", manifest(content))


def test_site_home_of_several_documents_matches_golden(tmp_path: Path, golden) -> None:  # type: ignore[no-untyped-def]
    multi = prepare(assemble(tmp_path / "project"), _NoTimer())
    for lang, pages in multi.pages.items():
        golden(f"pages-multi/{lang}/index.md", pages["index.md"])
    golden("pages-multi/manifest.txt", manifest(multi))
