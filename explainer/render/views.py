"""The views of a document beside its reading pages, for teachers and partners: one entry point for the pipeline.

Gathers what :mod:`explainer.render.share` (citations, share panel, QR codes),
:mod:`explainer.render.parallel` (side-by-side pages) and :mod:`explainer.render.printable`
(printable full text) add to one document in one language.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document.model import Document
from .parallel import ParallelRenderer
from .printable import print_page
from .provenance import provenance_block
from ..config.languages import language
from ..config.project import DocumentConfig
from .pages import Page, PageExtras
from .share import add_sharing, qr_files
from ..translation.catalog import Texts
from .urls import DocumentUrls


@dataclass(frozen=True)
class TeachingTools:
    """The teaching tools of one document in one language's site."""

    document: Document
    config: DocumentConfig
    texts: Texts
    lang: str
    base_url: str
    """The site's public URL (``site_url``), for permanent links, citations and QR codes."""

    @property
    def urls(self) -> DocumentUrls:
        return DocumentUrls(self.config.prefix, self.document)

    def add_to(self, extras: PageExtras) -> None:
        """Citation data, the tools line and the share panel on the reading pages."""
        add_sharing(extras, self.document, self.texts, self.urls, self.lang, self.base_url, self.config.official)

    def pages(self) -> list[Page]:
        """The side-by-side pages and the printable full text."""
        parallel = ParallelRenderer(self.document, self.texts, self.urls, self.lang, self.base_url, self.config.official)
        # Side by side, the statement covers each version shown that is not the official text.
        shown = dict.fromkeys((self.lang, language(self.lang).partner))
        beside = "\n".join(block for block in (provenance_block(self.config, self.lang, of) for of in shown) if block)
        printed = print_page(self.document, self.config, self.texts, self.lang, self.base_url)
        return [*(_with(page, beside) for page in parallel.pages()), _with(printed, provenance_block(self.config, self.lang))]

    def files(self) -> dict[str, str]:
        """Files for the built site, by path: the QR codes."""
        return qr_files(self.document, self.urls, self.lang, self.base_url)


def _with(page: Page, block: str) -> Page:
    """``page`` with ``block`` (Markdown) at its foot."""
    return Page(page.path, page.markdown + "\n" + block, page.title) if block else page
